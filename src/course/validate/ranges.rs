//! Interval analysis of scenario variables: can an effect push a variable outside its
//! declared range?
//!
//! Each node gets, per variable, the interval of values it can be entered with. A choice
//! narrows the interval by its guards (comparisons that must hold for it to be offered),
//! then adds its effects; the result is clamped to the declared range (as the engine does)
//! and joined into the target node. The fixpoint is found with a worklist taken in reverse
//! postorder, so in a conversation without loops every node is computed once, after all the
//! nodes that lead to it, and the result is exact. Only at the head of a loop can intervals
//! keep growing: after a loop head has grown a few times its growing bounds jump straight to
//! the declared range (widening), so a cycle such as `trust + 1` costs a few rounds instead
//! of one per value. Narrowing afterwards wins back what widening gave away (e.g. a loop
//! guarded by `trust <= 50` ends at 51, not at the maximum): nodes are recomputed from their
//! predecessors, again in reverse postorder, and a node's successors only when it changed,
//! until nothing changes. Each step keeps a safe over-approximation, and the end is the
//! same greatest fixpoint below the widened one that whole passes over every node reach,
//! at a fraction of their cost on a large conversation.

use super::flow::{Edge, Graph};
use super::{At, Ctx};
use crate::course::diagnostic::Problem;
use crate::course::model::{CompareOp, Scenario};

/// How often a node's intervals grow before their growing bounds jump to the range.
const WIDEN_AFTER: u8 = 4;
/// After the widened fixpoint, each node is recomputed from its predecessors at most this
/// many times to narrow it again. Every node after a widened one may need one more round;
/// nodes are recomputed only when a predecessor changed, so narrowing stops as soon as
/// nothing changes.
const NARROWING_ROUNDS: u8 = 32;

/// A variable's declared range and start value.
#[derive(Debug, Clone, Copy)]
pub(super) struct VarBounds {
    /// Lowest value.
    pub min: i32,
    /// Highest value.
    pub max: i32,
    /// Value at the start.
    pub start: i32,
}

impl VarBounds {
    /// `min <= start <= max`; variables that break this are reported and not analysed.
    pub fn is_consistent(&self) -> bool {
        self.min <= self.start && self.start <= self.max
    }
}

/// Values a variable can have, both ends included; wide enough that adding an effect to a
/// clamped value never overflows.
type Interval = (i64, i64);

/// Per node, per variable: the interval the node can be entered with, or nothing yet.
pub(super) struct Entries {
    vars: usize,
    intervals: Vec<(i32, i32)>,
    entered: Vec<bool>,
}

impl Entries {
    fn new(nodes: usize, vars: usize) -> Self {
        Entries {
            vars,
            intervals: vec![(0, 0); nodes * vars],
            entered: vec![false; nodes],
        }
    }

    /// The intervals `node` is entered with, when it is entered at all.
    pub(super) fn get(&self, node: usize) -> Option<&[(i32, i32)]> {
        if !self.entered.get(node).copied().unwrap_or(false) {
            return None;
        }
        let start = node * self.vars;
        self.intervals.get(start..start + self.vars)
    }

    /// Sets what `node` is entered with (`None`: it is not entered); true when that changed.
    fn replace(&mut self, node: usize, incoming: Option<&[Interval]>) -> bool {
        let start = node * self.vars;
        let (Some(entered), Some(current)) = (
            self.entered.get_mut(node),
            self.intervals.get_mut(start..start + self.vars),
        ) else {
            return false;
        };
        let Some(incoming) = incoming else {
            return std::mem::replace(entered, false);
        };
        let mut changed = !*entered;
        *entered = true;
        for (slot, &(lo, hi)) in current.iter_mut().zip(incoming) {
            let new = (to_i32(lo), to_i32(hi));
            changed |= *slot != new;
            *slot = new;
        }
        changed
    }

    /// Joins `incoming` (already clamped) into `node`'s intervals; with `widen_to`, bounds
    /// that grow jump to the declared range. True when something changed.
    fn join(&mut self, node: usize, incoming: &[Interval], widen_to: Option<&[VarBounds]>) -> bool {
        let start = node * self.vars;
        let (Some(entered), Some(current)) = (
            self.entered.get_mut(node),
            self.intervals.get_mut(start..start + self.vars),
        ) else {
            return false;
        };
        if !*entered {
            *entered = true;
            for (slot, &(lo, hi)) in current.iter_mut().zip(incoming) {
                *slot = (to_i32(lo), to_i32(hi));
            }
            return true;
        }
        let mut changed = false;
        for (k, (slot, &(lo, hi))) in current.iter_mut().zip(incoming).enumerate() {
            let bounds = widen_to.and_then(|vars| vars.get(k));
            if lo < i64::from(slot.0) {
                slot.0 = bounds.map_or(to_i32(lo), |b| b.min.min(to_i32(lo)));
                changed = true;
            }
            if hi > i64::from(slot.1) {
                slot.1 = bounds.map_or(to_i32(hi), |b| b.max.max(to_i32(hi)));
                changed = true;
            }
        }
        changed
    }
}

/// Each node's rank in reverse postorder from `start` (unreached nodes rank last), and which
/// nodes are loop heads (the target of an edge back to a node still being explored).
fn reverse_postorder(graph: &Graph, start: usize) -> (Vec<usize>, Vec<bool>) {
    let nodes = graph.node_count();
    let mut rank = vec![usize::MAX; nodes];
    let mut loop_heads = vec![false; nodes];
    // 0 = not seen, 1 = on the DFS stack, 2 = finished.
    let mut state = vec![0u8; nodes];
    let mut postorder = Vec::with_capacity(nodes);
    if start < nodes {
        // (node, index of the next edge to follow)
        let mut stack = vec![(start, 0usize)];
        state[start] = 1;
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            let target = graph.edges(node).get(*next).map(|edge| edge.target);
            match target {
                Some(target) => {
                    *next += 1;
                    let Some(target) = target.map(|t| t as usize) else {
                        continue;
                    };
                    match state.get(target).copied() {
                        Some(0) => {
                            state[target] = 1;
                            stack.push((target, 0));
                        }
                        Some(1) => loop_heads[target] = true,
                        _ => {}
                    }
                }
                None => {
                    state[node] = 2;
                    postorder.push(node);
                    stack.pop();
                }
            }
        }
    }
    for (i, node) in postorder.iter().rev().enumerate() {
        rank[*node] = i;
    }
    (rank, loop_heads)
}

fn to_i32(value: i64) -> i32 {
    value.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

/// Per node, the intervals of the variables it can be entered with (see the module
/// documentation); nodes no path from `start` enters have none.
pub(super) fn entry_intervals(graph: &Graph, start: usize, vars: &[VarBounds]) -> Entries {
    let nodes = graph.node_count();
    let initial: Vec<Interval> = vars
        .iter()
        .map(|v| (i64::from(v.start), i64::from(v.start)))
        .collect();
    let mut scratch = initial.clone();

    // Widening fixpoint with a worklist in reverse postorder; widening at loop heads only.
    let (order, loop_heads) = reverse_postorder(graph, start);
    let mut entries = Entries::new(nodes, vars.len());
    entries.join(start, &initial, None);
    let mut growths = vec![0u8; nodes];
    let mut queue = Worklist::new(&order);
    queue.push(start);
    let mut from = vec![(0i32, 0i32); vars.len()];
    let mut widened = false;
    while let Some(node) = queue.pop() {
        let Some(current) = entries.get(node) else {
            continue;
        };
        from.copy_from_slice(current);
        for edge in graph.edges(node) {
            let Some(target) = edge.target.map(|t| t as usize) else {
                continue;
            };
            if !transfer(&from, edge, graph, vars, &mut scratch) {
                continue;
            }
            clamp(&mut scratch, vars);
            let Some(growth) = growths.get_mut(target) else {
                continue;
            };
            let is_loop_head = loop_heads.get(target).copied().unwrap_or(false);
            let widen = (is_loop_head && *growth >= WIDEN_AFTER).then_some(vars);
            if entries.join(target, &scratch, widen) {
                widened |= widen.is_some();
                *growth = growth.saturating_add(1);
                queue.push(target);
            }
        }
    }

    // Without widening the fixpoint found is the least one, where every node's intervals
    // are already the join of what its predecessors bring: narrowing would recompute each
    // node once and change nothing.
    if widened {
        narrow_entries(graph, start, vars, &initial, &order, &mut entries);
    }
    entries
}

/// Narrows the widened fixpoint `entries` (see the module documentation): a worklist of
/// nodes in reverse postorder, each recomputed as the join of what its predecessors' edges
/// bring (and the start values at `start`).
fn narrow_entries(
    graph: &Graph,
    start: usize,
    vars: &[VarBounds],
    initial: &[Interval],
    order: &[usize],
    entries: &mut Entries,
) {
    let nodes = graph.node_count();
    let preds = Predecessors::of(graph);
    let mut queue = Worklist::new(order);
    for node in 0..nodes {
        if entries.get(node).is_some() {
            queue.push(node);
        }
    }
    let mut rounds = vec![0u8; nodes];
    let mut scratch: Vec<Interval> = vec![(0, 0); vars.len()];
    let mut joined: Vec<Interval> = vec![(0, 0); vars.len()];
    while let Some(node) = queue.pop() {
        let mut entered = node == start;
        if entered {
            joined.copy_from_slice(initial);
        }
        for &(pred, edge) in preds.of_node(node) {
            let (Some(from), Some(edge)) = (
                entries.get(pred as usize),
                graph.edges(pred as usize).get(edge as usize),
            ) else {
                continue;
            };
            if !transfer(from, edge, graph, vars, &mut scratch) {
                continue;
            }
            clamp(&mut scratch, vars);
            if entered {
                for (slot, &(lo, hi)) in joined.iter_mut().zip(&scratch) {
                    *slot = (slot.0.min(lo), slot.1.max(hi));
                }
            } else {
                joined.copy_from_slice(&scratch);
                entered = true;
            }
        }
        if !entries.replace(node, entered.then_some(&joined[..])) {
            continue;
        }
        for edge in graph.edges(node) {
            let Some(target) = edge.target.map(|t| t as usize) else {
                continue;
            };
            let Some(round) = rounds.get_mut(target) else {
                continue;
            };
            if !queue.contains(target) && *round < NARROWING_ROUNDS {
                *round += 1;
                queue.push(target);
            }
        }
    }
}

/// The nodes still to visit, taken lowest rank in reverse postorder first: one bit per
/// rank, and a cursor at the lowest word that may have one set. Cheaper than a heap, as
/// the ranks are known and dense.
struct Worklist<'o> {
    /// Each node's rank ([`reverse_postorder`]).
    rank: &'o [usize],
    /// The node of each rank.
    node: Vec<usize>,
    /// Bit `r % 64` of word `r / 64`: the node of rank `r` is to be visited.
    words: Vec<u64>,
    /// No word before this one has a bit set.
    lowest: usize,
}

impl<'o> Worklist<'o> {
    fn new(rank: &'o [usize]) -> Self {
        let mut node = vec![usize::MAX; rank.len()];
        for (i, &r) in rank.iter().enumerate() {
            if let Some(slot) = node.get_mut(r) {
                *slot = i;
            }
        }
        Worklist {
            rank,
            node,
            words: vec![0; rank.len().div_ceil(64)],
            lowest: 0,
        }
    }

    /// The word and bit of `node`'s rank; `None` for a node no path from the start reaches
    /// (which is never queued: only reached nodes are).
    fn slot(&self, node: usize) -> Option<(usize, u64)> {
        let rank = *self.rank.get(node)?;
        (rank < self.node.len()).then(|| (rank / 64, 1u64 << (rank % 64)))
    }

    /// Queues `node`, if it is not queued already.
    fn push(&mut self, node: usize) {
        if let Some((word, bit)) = self.slot(node)
            && let Some(slot) = self.words.get_mut(word)
        {
            *slot |= bit;
            self.lowest = self.lowest.min(word);
        }
    }

    /// Whether `node` is queued.
    fn contains(&self, node: usize) -> bool {
        self.slot(node)
            .and_then(|(word, bit)| Some(self.words.get(word)? & bit != 0))
            .unwrap_or(false)
    }

    /// The queued node of lowest rank, taken off the list.
    fn pop(&mut self) -> Option<usize> {
        while let Some(word) = self.words.get_mut(self.lowest) {
            if *word != 0 {
                let bit = word.trailing_zeros() as usize;
                *word &= *word - 1;
                return self.node.get(self.lowest * 64 + bit).copied();
            }
            self.lowest += 1;
        }
        None
    }
}

/// Each node's incoming edges, as (source node, index of the edge among its edges), in
/// one array.
struct Predecessors {
    /// Where each node's list starts in `edges`; one more entry than nodes.
    starts: Vec<usize>,
    edges: Vec<(u32, u32)>,
}

impl Predecessors {
    fn of(graph: &Graph) -> Self {
        let nodes = graph.node_count();
        let mut starts = vec![0usize; nodes + 1];
        for node in 0..nodes {
            for edge in graph.edges(node) {
                if let Some(count) = edge.target.and_then(|t| starts.get_mut(t as usize + 1)) {
                    *count += 1;
                }
            }
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut filled = starts.clone();
        let mut edges = vec![(0u32, 0u32); starts.last().copied().unwrap_or(0)];
        for node in 0..nodes {
            for (index, edge) in graph.edges(node).iter().enumerate() {
                let Some(next) = edge.target.and_then(|t| filled.get_mut(t as usize)) else {
                    continue;
                };
                if let Some(slot) = edges.get_mut(*next) {
                    // Node and edge counts are bounded by the caps, far below u32::MAX.
                    *slot = (node as u32, index as u32);
                }
                *next += 1;
            }
        }
        Predecessors { starts, edges }
    }

    /// The edges into `node`.
    fn of_node(&self, node: usize) -> &[(u32, u32)] {
        match (self.starts.get(node), self.starts.get(node + 1)) {
            (Some(&a), Some(&b)) => self.edges.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// Reports every choice effect that can take a variable outside its range, once per choice
/// and variable. Returns the [`entry_intervals`] it found them with, for the teaching
/// checks to reuse; `None` when there is nothing to analyse (no variables, no effects).
pub(super) fn check(
    ctx: &mut Ctx<'_>,
    scenario: &Scenario,
    graph: &Graph,
    start: usize,
    vars: &[VarBounds],
) -> Option<Entries> {
    let nodes = graph.node_count();
    if vars.is_empty() || graph.effects.is_empty() || start >= nodes {
        return None;
    }
    let entries = entry_intervals(graph, start, vars);
    let mut scratch: Vec<Interval> = vec![(0, 0); vars.len()];

    let root = At::Root;
    let nodes_at = root.key("nodes");
    for node in 0..nodes {
        let Some(current) = entries.get(node) else {
            continue;
        };
        for edge in graph.edges(node) {
            if edge.effects.is_empty() || !transfer(current, edge, graph, vars, &mut scratch) {
                continue;
            }
            for effect in graph.effects(edge) {
                let var = effect.var as usize;
                let (Some(bounds), Some(&(lo, hi)), Some(variable)) =
                    (vars.get(var), scratch.get(var), scenario.variables.get(var))
                else {
                    continue;
                };
                if !bounds.is_consistent() {
                    continue;
                }
                let reached = if hi > i64::from(bounds.max) {
                    hi
                } else if lo < i64::from(bounds.min) {
                    lo
                } else {
                    continue;
                };
                let node_at = nodes_at.index(node);
                let choices_at = node_at.key("choices");
                let choice_at = choices_at.index(edge.choice as usize);
                let effects_at = choice_at.key("effects");
                ctx.report(
                    &effects_at.key(variable.id.as_str()),
                    Problem::OutOfRange {
                        id: variable.id.to_string(),
                        reached,
                        min: bounds.min,
                        max: bounds.max,
                    },
                );
            }
        }
    }
    Some(entries)
}

/// The intervals after taking `edge` from a node entered with `from`: narrowed by the
/// guards, then shifted by the effects (not clamped). False when the guards cannot hold,
/// so the choice is never offered from this node.
fn transfer(
    from: &[(i32, i32)],
    edge: &Edge,
    graph: &Graph,
    vars: &[VarBounds],
    out: &mut [Interval],
) -> bool {
    for (slot, &(lo, hi)) in out.iter_mut().zip(from) {
        *slot = (i64::from(lo), i64::from(hi));
    }
    for guard in graph.guards(edge) {
        let var = guard.var as usize;
        if let (Some(slot), Some(bounds)) = (out.get_mut(var), vars.get(var))
            && bounds.is_consistent()
        {
            narrow(slot, guard.op, i64::from(guard.value));
            if slot.0 > slot.1 {
                return false;
            }
        }
    }
    for effect in graph.effects(edge) {
        let var = effect.var as usize;
        if let (Some(slot), Some(bounds)) = (out.get_mut(var), vars.get(var))
            && bounds.is_consistent()
        {
            slot.0 += i64::from(effect.delta);
            slot.1 += i64::from(effect.delta);
        }
    }
    true
}

/// Narrows `interval` to the values for which `value op bound` holds.
fn narrow(interval: &mut Interval, op: CompareOp, bound: i64) {
    let (lo, hi) = interval;
    match op {
        CompareOp::Eq => {
            *lo = (*lo).max(bound);
            *hi = (*hi).min(bound);
        }
        CompareOp::Ne => {
            if *lo == bound {
                *lo += 1;
            }
            if *hi == bound {
                *hi -= 1;
            }
        }
        CompareOp::Lt => *hi = (*hi).min(bound - 1),
        CompareOp::Le => *hi = (*hi).min(bound),
        CompareOp::Gt => *lo = (*lo).max(bound + 1),
        CompareOp::Ge => *lo = (*lo).max(bound),
    }
}

/// Clamps every consistent variable to its declared range, as the engine does.
fn clamp(intervals: &mut [Interval], vars: &[VarBounds]) {
    for (slot, bounds) in intervals.iter_mut().zip(vars) {
        if bounds.is_consistent() {
            let (min, max) = (i64::from(bounds.min), i64::from(bounds.max));
            *slot = (slot.0.clamp(min, max), slot.1.clamp(min, max));
        }
    }
}

/// Whether `value op bound` holds for every value in `interval` (`Some(true)`), for none
/// (`Some(false)`), or for some only (`None`).
pub(super) fn decide(interval: (i32, i32), op: CompareOp, bound: i32) -> Option<bool> {
    let bound = i64::from(bound);
    let whole = (i64::from(interval.0), i64::from(interval.1));
    let can = |op: CompareOp| {
        let mut part = whole;
        narrow(&mut part, op, bound);
        // `!=` narrows only at the ends, which is exact for emptiness: an interval of two
        // values or more always holds one that differs from the bound.
        part.0 <= part.1
    };
    let negated = match op {
        CompareOp::Eq => CompareOp::Ne,
        CompareOp::Ne => CompareOp::Eq,
        CompareOp::Lt => CompareOp::Ge,
        CompareOp::Le => CompareOp::Gt,
        CompareOp::Gt => CompareOp::Le,
        CompareOp::Ge => CompareOp::Lt,
    };
    match (can(op), can(negated)) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::Worklist;

    #[test]
    fn the_worklist_gives_the_lowest_rank_first_and_each_node_once() {
        // 70 nodes ranked in reverse, over two words; node 4 is not reached.
        let rank: Vec<usize> = (0..70)
            .map(|i| if i == 4 { usize::MAX } else { 69 - i })
            .collect();
        let mut queue = Worklist::new(&rank);
        for node in [0, 69, 3, 69, 4] {
            queue.push(node);
        }
        assert!(queue.contains(69) && !queue.contains(1) && !queue.contains(4));
        assert_eq!(queue.pop(), Some(69), "rank 0");
        assert_eq!(queue.pop(), Some(3), "rank 66, in the second word");
        // A node of lower rank queued after the cursor moved past it comes next.
        queue.push(60);
        assert_eq!(queue.pop(), Some(60));
        assert_eq!(queue.pop(), Some(0));
        assert_eq!(queue.pop(), None);
        assert!(!queue.contains(0));
    }
}

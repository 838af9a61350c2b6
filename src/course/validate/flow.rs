//! Checks on the flow of a scenario: every node reachable, an ending reachable from every
//! node. Conditions are taken as possibly true: a choice that is offered under some
//! condition is a way through.

use super::ranges::{self, VarBounds};
use super::{At, Ctx, NodeIndex};
use crate::course::checked;
use crate::course::diagnostic::Problem;
use crate::course::model::{CompareOp, Scenario};
use std::ops::Range;

/// A scenario's nodes as a graph, indexed like `scenario.nodes`: each node's outgoing
/// edges, with the effects and guards of the choice they stand for.
#[derive(Debug, Default)]
pub(super) struct Graph {
    /// The start node, when it resolves.
    pub start: Option<u32>,
    /// Whether each node is an ending.
    pub is_ending: Vec<bool>,
    /// Where each node's edges start in `edges`, and where the last node's end.
    edge_starts: Vec<usize>,
    /// Every edge, node by node.
    pub edges: Vec<Edge>,
    /// Effects of every choice, edge by edge.
    pub effects: Vec<Effect>,
    /// Guards of every choice, edge by edge.
    pub guards: Vec<Guard>,
    /// What the `visited` nodes and compared variables of every condition resolve to, in
    /// the order the conditions are walked (`u32::MAX` when one does not resolve): what
    /// [`super::build`] builds the conditions from.
    pub condition_refs: Vec<u32>,
    /// The index of the node ids the references were resolved with, for the checked
    /// scenario to keep.
    pub node_index: NodeIndex,
    /// Whether some condition compares each variable (indexed like `scenario.variables`;
    /// a repeated id counts at its first use).
    pub compared: Vec<bool>,
    /// The nodes whose ending is good.
    pub good_endings: Vec<u32>,
}

/// A way from one node to another: a choice, or an automatic `next`.
#[derive(Debug, Clone)]
pub(super) struct Edge {
    /// The node it leads to; `None` when the id does not resolve (reported already).
    pub target: Option<u32>,
    /// Index of the choice or route arm within its node (0 for `next`, which has no
    /// effects).
    pub choice: u32,
    /// What the edge stands for.
    pub kind: EdgeKind,
    /// The choice's effects in [`Graph::effects`].
    pub effects: Range<u32>,
    /// The choice's guards in [`Graph::guards`].
    pub guards: Range<u32>,
}

/// A position in a scenario's graph as `u32`, so that an edge takes 32 bytes rather than
/// 56: the range analysis walks the edges many times, and a large scenario's no longer
/// fit in cache. The lists are bounded by the caps on nodes, choices and file size, far
/// below `u32::MAX`; past it, a range is empty and the course is not built.
fn position(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

impl Edge {
    /// An automatic transition: no effects, no guards.
    pub fn auto(target: Option<u32>) -> Self {
        Edge {
            target,
            choice: 0,
            kind: EdgeKind::Next,
            effects: 0..0,
            guards: 0..0,
        }
    }
}

/// What an edge stands for: what the teaching checks' search follows it by, without reading
/// the node again unless a condition decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EdgeKind {
    /// An automatic `next`.
    Next,
    /// A choice.
    Choice {
        /// Whether its quality is `harmful`.
        harmful: bool,
        /// Whether a condition decides if it is offered.
        conditional: bool,
    },
    /// An arm of a route.
    Arm {
        /// Whether it has a condition (the fallback has none).
        conditional: bool,
    },
}

/// A change to a variable, by its index in `scenario.variables`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Effect {
    /// The variable.
    pub var: u32,
    /// What the choice adds.
    pub delta: i32,
}

/// A comparison that must hold for a choice to be offered.
#[derive(Debug, Clone, Copy)]
pub(super) struct Guard {
    /// The variable.
    pub var: u32,
    /// The comparison.
    pub op: CompareOp,
    /// The number compared with.
    pub value: i32,
}

impl Graph {
    /// An empty graph with room for `nodes` nodes.
    pub fn with_capacity(nodes: usize) -> Self {
        Graph {
            start: None,
            is_ending: Vec::with_capacity(nodes),
            edge_starts: Vec::with_capacity(nodes + 1),
            // Most nodes are decision points with a few choices.
            edges: Vec::with_capacity(nodes * 3),
            effects: Vec::new(),
            guards: Vec::new(),
            condition_refs: Vec::new(),
            node_index: NodeIndex::default(),
            compared: Vec::new(),
            good_endings: Vec::new(),
        }
    }

    /// Starts the next node; its edges are the ones pushed until the next call.
    pub fn begin_node(&mut self, is_ending: bool) {
        self.edge_starts.push(self.edges.len());
        self.is_ending.push(is_ending);
    }

    /// Adds an edge to the current node, with the effects and guards pushed since
    /// `effects_start` and `guards_start`.
    pub fn push_edge(
        &mut self,
        target: Option<u32>,
        choice: usize,
        kind: EdgeKind,
        effects_start: usize,
        guards_start: usize,
    ) {
        self.edges.push(Edge {
            target,
            choice: position(choice),
            kind,
            effects: position(effects_start)..position(self.effects.len()),
            guards: position(guards_start)..position(self.guards.len()),
        });
    }

    /// Appends the graph of the nodes that follow this one's, walked on their own (whose
    /// good endings are numbered already among all nodes). Neither is finished yet.
    pub fn append(&mut self, later: Graph) {
        let (edges, effects, guards) = (self.edges.len(), self.effects.len(), self.guards.len());
        let shift = |range: Range<u32>, by: usize| {
            let by = position(by);
            range.start.saturating_add(by)..range.end.saturating_add(by)
        };
        self.is_ending.extend(later.is_ending);
        self.edge_starts
            .extend(later.edge_starts.into_iter().map(|start| start + edges));
        self.edges.extend(later.edges.into_iter().map(|edge| Edge {
            effects: shift(edge.effects, effects),
            guards: shift(edge.guards, guards),
            ..edge
        }));
        self.effects.extend(later.effects);
        self.guards.extend(later.guards);
        self.condition_refs.extend(later.condition_refs);
        for (compared, later) in self.compared.iter_mut().zip(later.compared) {
            *compared |= later;
        }
        self.good_endings.extend(later.good_endings);
    }

    /// Closes the last node.
    pub fn finish(&mut self) {
        self.edge_starts.push(self.edges.len());
    }

    /// How many nodes.
    pub fn node_count(&self) -> usize {
        self.is_ending.len()
    }

    /// The edges leaving `node`.
    pub fn edges(&self, node: usize) -> &[Edge] {
        match (self.edge_starts.get(node), self.edge_starts.get(node + 1)) {
            (Some(&start), Some(&end)) => self.edges.get(start..end).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The effects of an edge's choice.
    pub fn effects(&self, edge: &Edge) -> &[Effect] {
        let Range { start, end } = edge.effects;
        self.effects
            .get(start as usize..end as usize)
            .unwrap_or(&[])
    }

    /// The guards of an edge's choice.
    pub fn guards(&self, edge: &Edge) -> &[Guard] {
        let Range { start, end } = edge.guards;
        self.guards.get(start as usize..end as usize).unwrap_or(&[])
    }
}

/// Reachability, dead ends and variable ranges of one scenario whose node ids are unique
/// and whose start resolves. Returns the intervals the nodes are entered with, when the
/// range analysis ran (see [`ranges::check`]).
pub(super) fn check(
    ctx: &mut Ctx<'_>,
    scenario: &Scenario,
    graph: &Graph,
    start: u32,
    vars: &[VarBounds],
) -> Option<ranges::Entries> {
    let start = start as usize;
    let reached = reachable_from(graph, start);
    let can_end = can_reach_ending(graph);

    let root = At::Root;
    let nodes = root.key("nodes");
    // The nodes themselves are being built meanwhile: their ids come from the index, turned
    // around only when a message names one.
    let ids = std::cell::OnceCell::new();
    let node_id = |i: usize| {
        ids.get_or_init(|| ids_by_position(&graph.node_index, graph.node_count()))
            .get(i)
            .copied()
            .flatten()
            .map(str::to_owned)
            .unwrap_or_default()
    };
    for (i, (&reached, (&can_end, &is_ending))) in reached
        .iter()
        .zip(can_end.iter().zip(&graph.is_ending))
        .enumerate()
    {
        if !reached {
            ctx.report(&nodes.index(i), Problem::UnreachableNode { id: node_id(i) });
        }
        if !is_ending && !can_end {
            ctx.report(&nodes.index(i), Problem::DeadEnd { id: node_id(i) });
        }
    }
    if !can_end.get(start).copied().unwrap_or(false) {
        ctx.report(&root.key("start"), Problem::NoReachableEnding);
    }

    ranges::check(ctx, scenario, graph, start, vars)
}

/// The ids of `index`, by the position of their node (of `nodes` in all).
fn ids_by_position(index: &NodeIndex, nodes: usize) -> Vec<Option<&str>> {
    let mut ids = vec![None; nodes];
    for (id, position) in index {
        if let Some(slot) = ids.get_mut(position.0 as usize) {
            *slot = Some(id.as_str());
        }
    }
    ids
}

/// Where a checked scenario's paths go, node by node (indexed like its `nodes`): what the
/// validator reports as unreachable nodes and dead ends, for tools that show the scenario
/// (`kruispunt graph`). Conditions are taken as possibly true, as in validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reachability {
    /// Whether some path from the start reaches the node.
    pub reached: Vec<bool>,
    /// Whether some path leads from the node to an ending (endings included).
    pub can_end: Vec<bool>,
}

/// The [`Reachability`] of a checked scenario, by the same searches validation runs on
/// the files, so a tool never disagrees with `validate`.
pub fn reachability(scenario: &checked::Scenario) -> Reachability {
    let mut graph = Graph::with_capacity(scenario.nodes.len());
    for node in &scenario.nodes {
        graph.begin_node(matches!(node.step, checked::Step::Ending(_)));
        let mut push = |target: checked::NodeIdx| graph.edges.push(Edge::auto(Some(target.0)));
        match &node.step {
            checked::Step::Choices(choices) => choices.iter().for_each(|c| push(c.next)),
            checked::Step::Auto(next) => push(*next),
            checked::Step::Route(arms) => arms.iter().for_each(|arm| push(arm.next)),
            checked::Step::Ending(_) => {}
        }
    }
    graph.finish();
    Reachability {
        reached: reachable_from(&graph, scenario.start.0 as usize),
        can_end: can_reach_ending(&graph),
    }
}

/// Which nodes some path from `start` reaches.
fn reachable_from(graph: &Graph, start: usize) -> Vec<bool> {
    let mut reached = vec![false; graph.node_count()];
    let mut stack = Vec::new();
    if let Some(slot) = reached.get_mut(start) {
        *slot = true;
        stack.push(start);
    }
    while let Some(node) = stack.pop() {
        for edge in graph.edges(node) {
            let Some(target) = edge.target else { continue };
            let target = target as usize;
            if let Some(slot) = reached.get_mut(target)
                && !*slot
            {
                *slot = true;
                stack.push(target);
            }
        }
    }
    reached
}

/// Which nodes some path leads from to an ending (endings included): a search backwards
/// from the endings over the reversed edges.
fn can_reach_ending(graph: &Graph) -> Vec<bool> {
    let count = graph.node_count();
    // The reversed edges in one flat list: predecessors of node t are
    // `sources[pred_starts[t]..pred_starts[t + 1]]`.
    let mut pred_starts = vec![0usize; count + 1];
    for edge in &graph.edges {
        if let Some(slot) = edge
            .target
            .and_then(|t| pred_starts.get_mut(t as usize + 1))
        {
            *slot += 1;
        }
    }
    for i in 1..pred_starts.len() {
        let before = pred_starts.get(i - 1).copied().unwrap_or(0);
        if let Some(slot) = pred_starts.get_mut(i) {
            *slot += before;
        }
    }
    let mut fill = pred_starts.clone();
    let mut sources = vec![0u32; graph.edges.len()];
    for source in 0..count {
        for edge in graph.edges(source) {
            let Some(target) = edge.target else { continue };
            if let Some(cursor) = fill.get_mut(target as usize)
                && let Some(slot) = sources.get_mut(*cursor)
            {
                *slot = source as u32;
                *cursor += 1;
            }
        }
    }

    let mut can_end = graph.is_ending.clone();
    let mut stack: Vec<usize> = (0..count).filter(|&i| can_end[i]).collect();
    while let Some(node) = stack.pop() {
        let preds = match (pred_starts.get(node), pred_starts.get(node + 1)) {
            (Some(&start), Some(&end)) => sources.get(start..end).unwrap_or(&[]),
            _ => &[],
        };
        for &pred in preds {
            let pred = pred as usize;
            if let Some(slot) = can_end.get_mut(pred)
                && !*slot
            {
                *slot = true;
                stack.push(pred);
            }
        }
    }
    can_end
}

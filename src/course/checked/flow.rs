//! The flat layout of a scenario that the engine steps through.

use super::{Cond, Memory, Node, NodeIdx, Step, VarIdx};
use crate::course::model::{CompareOp, Quality};

/// A scenario's structure laid out flat for the engine's hot path: per node the range of
/// its choices, per choice its condition, effects and next node, all in a few contiguous
/// arrays. The checked nodes keep everything else (texts, ids); stepping through a long
/// conversation then touches a few bytes per choice instead of whole choice records.
#[derive(Debug, Clone, Default)]
pub struct Flow {
    nodes: Vec<FlowNode>,
    choices: Vec<FlowChoice>,
    effects: Vec<(VarIdx, i32)>,
    conds: Vec<FlowCond>,
    children: Vec<u32>,
    arms: Vec<FlowArm>,
}

/// One node in a [`Flow`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlowNode {
    /// Index of the node's first choice in the flow's choices.
    first: u32,
    /// How many choices the node has.
    count: u32,
    /// Where an automatic transition goes.
    pub auto: Option<NodeIdx>,
    /// Index of the node's first route arm, and how many (0 when it has no route).
    arms_first: u32,
    arms_count: u32,
    /// Whether the node is an ending.
    pub ending: bool,
}

impl FlowNode {
    /// Whether the conversation moves on by itself from here (`next` or `route`).
    pub fn moves_on(&self) -> bool {
        self.auto.is_some() || self.arms_count > 0
    }
}

/// One choice in a [`Flow`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlowChoice {
    /// Where the choice goes.
    pub next: NodeIdx,
    /// How good the choice is.
    pub quality: Quality,
    cond: Option<u32>,
    effects_first: u32,
    effects_count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FlowArm {
    cond: Option<u32>,
    next: NodeIdx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FlowCond {
    All {
        first: u32,
        count: u32,
    },
    Any {
        first: u32,
        count: u32,
    },
    Not(u32),
    Visited(NodeIdx),
    Compare {
        var: VarIdx,
        op: CompareOp,
        value: i32,
    },
    ChoseQuality(Quality),
    /// The choice at this position of the flow's choices was taken.
    Chose(u32),
}

impl Flow {
    /// The flow of these nodes.
    pub fn of(nodes: &[Node]) -> Self {
        let mut flow = Flow::default();
        // Where each node's choices start, so `chose` conditions resolve to a flat index
        // before the later nodes are laid out.
        let mut firsts = Vec::with_capacity(nodes.len());
        let mut total = 0u32;
        for node in nodes {
            firsts.push(total);
            if let Step::Choices(choices) = &node.step {
                total = total.saturating_add(choices.len() as u32);
            }
        }
        for node in nodes {
            let first = flow.choices.len() as u32;
            let arms_first = flow.arms.len() as u32;
            let (count, auto, ending) = match &node.step {
                Step::Choices(choices) => {
                    for choice in choices {
                        let cond = choice.condition.as_ref().map(|c| flow.add_cond(c, &firsts));
                        let effects_first = flow.effects.len() as u32;
                        flow.effects.extend_from_slice(&choice.effects);
                        flow.choices.push(FlowChoice {
                            next: choice.next,
                            quality: choice.quality,
                            cond,
                            effects_first,
                            effects_count: choice.effects.len() as u32,
                        });
                    }
                    (choices.len() as u32, None, false)
                }
                Step::Auto(next) => (0, Some(*next), false),
                Step::Route(arms) => {
                    for arm in arms {
                        let cond = arm.condition.as_ref().map(|c| flow.add_cond(c, &firsts));
                        flow.arms.push(FlowArm {
                            cond,
                            next: arm.next,
                        });
                    }
                    (0, None, false)
                }
                Step::Ending(_) => (0, None, true),
            };
            flow.nodes.push(FlowNode {
                first,
                count,
                auto,
                arms_first,
                arms_count: flow.arms.len() as u32 - arms_first,
                ending,
            });
        }
        flow
    }

    fn add_cond(&mut self, cond: &Cond, firsts: &[u32]) -> u32 {
        let flat = match cond {
            Cond::All(all) | Cond::Any(all) => {
                let kids: Vec<u32> = all.iter().map(|c| self.add_cond(c, firsts)).collect();
                let first = self.children.len() as u32;
                self.children.extend_from_slice(&kids);
                let count = kids.len() as u32;
                if matches!(cond, Cond::All(_)) {
                    FlowCond::All { first, count }
                } else {
                    FlowCond::Any { first, count }
                }
            }
            Cond::Not(inner) => FlowCond::Not(self.add_cond(inner, firsts)),
            Cond::Visited(node) => FlowCond::Visited(*node),
            Cond::Compare { var, op, value } => FlowCond::Compare {
                var: *var,
                op: *op,
                value: *value,
            },
            Cond::ChoseQuality(quality) => FlowCond::ChoseQuality(*quality),
            Cond::Chose { node, choice } => FlowCond::Chose(
                firsts
                    .get(node.0 as usize)
                    .map_or(u32::MAX, |first| first.saturating_add(*choice)),
            ),
        };
        self.conds.push(flat);
        self.conds.len() as u32 - 1
    }

    /// The node at `idx`, if it exists.
    #[inline]
    pub fn node(&self, idx: NodeIdx) -> Option<&FlowNode> {
        self.nodes.get(idx.0 as usize)
    }

    /// How many choices the whole scenario has: the number of bits in [`Memory::chosen`].
    pub fn choice_count(&self) -> usize {
        self.choices.len()
    }

    /// The position of choice `choice` of node `idx` among all the flow's choices.
    #[inline]
    pub fn choice_position(&self, idx: NodeIdx, choice: usize) -> Option<usize> {
        let node = self.node(idx)?;
        (choice < node.count as usize).then_some(node.first as usize + choice)
    }

    /// The choices of the node at `idx`, in order (empty for other nodes).
    #[inline]
    pub fn choices(&self, idx: NodeIdx) -> &[FlowChoice] {
        self.node(idx)
            .map_or(&[], |n| part(&self.choices, n.first, n.count))
    }

    /// The effects of `choice`.
    #[inline]
    pub fn effects(&self, choice: &FlowChoice) -> &[(VarIdx, i32)] {
        part(&self.effects, choice.effects_first, choice.effects_count)
    }

    /// Whether `choice` is offered in this state.
    #[inline]
    pub fn offered(&self, choice: &FlowChoice, memory: &Memory<'_>) -> bool {
        choice.cond.is_none_or(|c| self.holds(c, memory))
    }

    /// Where the conversation moves on by itself from `idx`: its `next`, or the first route
    /// arm whose condition holds. `None` at a decision point, an ending, or a route where no
    /// arm holds.
    pub fn moves_to(&self, idx: NodeIdx, memory: &Memory<'_>) -> Option<NodeIdx> {
        let node = self.node(idx)?;
        if let Some(next) = node.auto {
            return Some(next);
        }
        part(&self.arms, node.arms_first, node.arms_count)
            .iter()
            .find(|arm| arm.cond.is_none_or(|c| self.holds(c, memory)))
            .map(|arm| arm.next)
    }

    /// Whether a checked condition holds in this state (for debrief parts, which are not
    /// part of the flow).
    pub fn condition_holds(&self, cond: &Cond, memory: &Memory<'_>) -> bool {
        match cond {
            Cond::All(all) => all.iter().all(|c| self.condition_holds(c, memory)),
            Cond::Any(any) => any.iter().any(|c| self.condition_holds(c, memory)),
            Cond::Not(inner) => !self.condition_holds(inner, memory),
            Cond::Visited(node) => memory.has_visited(*node),
            Cond::Compare { var, op, value } => memory.compares(*var, *op, *value),
            Cond::ChoseQuality(quality) => memory.has_chosen_quality(*quality),
            Cond::Chose { node, choice } => self
                .choice_position(*node, *choice as usize)
                .is_some_and(|i| memory.has_chosen(i)),
        }
    }

    /// Whether condition `cond` holds. A reference outside the scenario does not hold.
    fn holds(&self, cond: u32, memory: &Memory<'_>) -> bool {
        let Some(flat) = self.conds.get(cond as usize) else {
            return false;
        };
        let kids = |first: u32, count: u32| part(&self.children, first, count);
        match *flat {
            FlowCond::All { first, count } => {
                kids(first, count).iter().all(|&c| self.holds(c, memory))
            }
            FlowCond::Any { first, count } => {
                kids(first, count).iter().any(|&c| self.holds(c, memory))
            }
            FlowCond::Not(inner) => !self.holds(inner, memory),
            FlowCond::Visited(node) => memory.has_visited(node),
            FlowCond::Compare { var, op, value } => memory.compares(var, op, value),
            FlowCond::ChoseQuality(quality) => memory.has_chosen_quality(quality),
            FlowCond::Chose(position) => memory.has_chosen(position as usize),
        }
    }
}

/// The `count` items of `list` from `first`; none when they are not all there.
#[inline]
fn part<T>(list: &[T], first: u32, count: u32) -> &[T] {
    let first = first as usize;
    list.get(first..first + count as usize).unwrap_or(&[])
}

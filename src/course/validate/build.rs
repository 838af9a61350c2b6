//! Turning the parsed files into the checked course, once the checks found every reference
//! resolvable. The files are moved, not copied, and references are taken from the graphs
//! the checks resolved, not looked up again. A scenario's nodes are built right after its
//! checks ([`nodes`]), while its flow checks run; the rest is put together here at the end.
//! Every step still returns `Option`, so a course that slipped past a check gives no course
//! rather than a panic.

use super::flow::{Edge, Graph};
use crate::course::checked::{self, Cond, Course, NodeIdx, Scene, SceneBody, Step, VarIdx};
use crate::course::ids::CharacterId;
use crate::course::model::{self, Condition, Quality};
use crate::course::parsed::ParsedCourse;
use std::collections::HashMap;

/// The checked course built from `parsed`, whose scenarios' nodes the checks built into
/// `scenarios` (in order, with each one's graph).
pub(super) fn course(
    parsed: ParsedCourse,
    scenarios: Vec<(Graph, Option<Vec<checked::Node>>)>,
) -> Option<Course> {
    let (_, manifest) = parsed.manifest?;
    if scenarios.len() != parsed.scenarios.len() {
        return None;
    }
    let lessons = parsed
        .lessons
        .into_iter()
        .map(|(_, lesson)| lesson_of(lesson).map(|lesson| (lesson.id.clone(), lesson)))
        .collect::<Option<HashMap<_, _>>>()?;
    let scenarios = parsed
        .scenarios
        .into_iter()
        .zip(scenarios)
        .map(|((_, scenario), (graph, nodes))| {
            scenario_of(scenario, graph, nodes?).map(|s| (s.id.clone(), s))
        })
        .collect::<Option<HashMap<_, _>>>()?;
    Some(Course {
        id: manifest.id,
        version: manifest.version,
        title: manifest.title,
        description: manifest.description,
        default_locale: manifest.default_locale,
        locales: manifest.locales,
        fallback: manifest.fallback,
        competencies: manifest.competencies,
        modules: manifest.modules,
        core_path: manifest.core_path,
        job_aid: manifest.job_aid,
        lessons,
        scenarios,
    })
}

fn lesson_of(lesson: model::Lesson) -> Option<checked::Lesson> {
    let scenes = lesson
        .scenes
        .into_iter()
        .map(scene_of)
        .collect::<Option<Vec<_>>>()?;
    Some(checked::Lesson {
        id: lesson.id,
        title: lesson.title,
        summary: lesson.summary,
        estimated_minutes: lesson.estimated_minutes,
        scenes,
    })
}

fn scene_of(scene: model::Scene) -> Option<Scene> {
    let model::Scene {
        id,
        title,
        content_note,
        facilitator_notes,
        text,
        testimony,
        key_points,
        glossary,
        quiz,
        reflection,
        checklist,
    } = scene;
    // The checks made sure exactly one kind is present.
    let body = text
        .map(SceneBody::Text)
        .or_else(|| testimony.map(SceneBody::Testimony))
        .or_else(|| key_points.map(SceneBody::KeyPoints))
        .or_else(|| glossary.map(SceneBody::Glossary))
        .or_else(|| quiz.map(SceneBody::Quiz))
        .or_else(|| reflection.map(SceneBody::Reflection))
        .or_else(|| checklist.map(SceneBody::Checklist))?;
    Some(Scene {
        id,
        title,
        content_note,
        facilitator_notes,
        body,
    })
}

/// The checked nodes of a scenario, from its parsed `nodes` and the `graph` its checks
/// resolved their references into.
pub(super) fn nodes(nodes: Vec<model::Node>, graph: &Graph) -> Option<Vec<checked::Node>> {
    if nodes.len() != graph.node_count() {
        return None;
    }
    let mut condition_refs = graph.condition_refs.iter().copied();
    let mut checked = Vec::with_capacity(nodes.len());
    for (i, node) in nodes.into_iter().enumerate() {
        checked.push(node_of(node, graph, graph.edges(i), &mut condition_refs)?);
    }
    Some(checked)
}

/// The checked scenario: `scenario` (whose nodes were built already) with its `nodes`.
fn scenario_of(
    scenario: model::Scenario,
    graph: Graph,
    nodes: Vec<checked::Node>,
) -> Option<checked::Scenario> {
    Some(checked::Scenario {
        id: scenario.id,
        title: scenario.title,
        setting: scenario.setting,
        goal: scenario.goal,
        content_note: scenario.content_note,
        facilitator_notes: scenario.facilitator_notes,
        estimated_minutes: scenario.estimated_minutes,
        characters: scenario.characters,
        variables: scenario.variables,
        start: NodeIdx(graph.start?),
        nodes,
        // The index the checks resolved the references with, not a second one.
        node_index: graph.node_index,
        flow: Default::default(),
    })
}

fn node_of(
    node: model::Node,
    graph: &Graph,
    edges: &[Edge],
    condition_refs: &mut impl Iterator<Item = u32>,
) -> Option<checked::Node> {
    // Version 1 gave a choice's thought to whoever spoke last.
    let last_speaker = node.lines.last().map(|line| line.speaker.clone());
    let step = match (node.choices, node.next, node.route, node.ending) {
        (Some(choices), None, None, None) => {
            if choices.len() != edges.len() {
                return None;
            }
            let mut checked = Vec::with_capacity(choices.len());
            for (choice, edge) in choices.into_iter().zip(edges) {
                checked.push(choice_of(
                    choice,
                    graph,
                    edge,
                    last_speaker.as_ref(),
                    condition_refs,
                )?);
            }
            Step::Choices(checked)
        }
        (None, Some(_), None, None) => Step::Auto(NodeIdx(edges.first()?.target?)),
        (None, None, Some(arms), None) => {
            if arms.len() != edges.len() {
                return None;
            }
            let mut checked = Vec::with_capacity(arms.len());
            for (arm, edge) in arms.into_iter().zip(edges) {
                let condition = match arm.condition {
                    Some(condition) => Some(cond_of(condition, condition_refs)?),
                    None => None,
                };
                checked.push(checked::RouteArm {
                    condition,
                    next: NodeIdx(edge.target?),
                });
            }
            Step::Route(checked)
        }
        (None, None, None, Some(ending)) => {
            let debrief = match ending.debrief {
                model::Debrief::Text(text) => vec![checked::DebriefPart {
                    condition: None,
                    text,
                }],
                model::Debrief::Parts(parts) => {
                    let mut checked = Vec::with_capacity(parts.len());
                    for part in parts {
                        let condition = match part.condition {
                            Some(condition) => Some(cond_of(condition, condition_refs)?),
                            None => None,
                        };
                        checked.push(checked::DebriefPart {
                            condition,
                            text: part.text,
                        });
                    }
                    checked
                }
            };
            Step::Ending(checked::Ending {
                outcome: ending.outcome,
                title: ending.title,
                debrief,
            })
        }
        _ => return None,
    };
    Some(checked::Node {
        id: node.id,
        lines: node.lines,
        facilitator_notes: node.facilitator_notes.map(Box::new),
        order: node.order,
        step,
    })
}

fn choice_of(
    choice: model::Choice,
    graph: &Graph,
    edge: &Edge,
    last_speaker: Option<&CharacterId>,
    condition_refs: &mut impl Iterator<Item = u32>,
) -> Option<checked::Choice> {
    let effects: Vec<(VarIdx, i32)> = graph
        .effects(edge)
        .iter()
        .map(|effect| (VarIdx(effect.var), effect.delta))
        .collect();
    // An effect on an undeclared variable is missing from the graph.
    if effects.len() != choice.effects.len() {
        return None;
    }
    let condition = match choice.condition {
        Some(condition) => Some(cond_of(condition, condition_refs)?),
        None => None,
    };
    let quality = choice
        .quality
        .unwrap_or_else(|| inferred_quality(&choice.competencies, &effects));
    let thinker = match (&choice.thought, choice.thinker) {
        (Some(_), None) => last_speaker.cloned(),
        (_, thinker) => thinker,
    };
    Some(checked::Choice {
        id: choice.id,
        text: choice.text,
        feedback: choice.feedback,
        quality,
        thought: choice.thought,
        thinker,
        effects,
        competencies: choice.competencies,
        condition,
        next: NodeIdx(edge.target?),
    })
}

/// The quality of a version 1 choice, which had none: a choice that shows a competency and
/// lowers nothing is taken as best, one that raises the gauges overall as acceptable, one
/// that lowers them as weak. Harmful is never guessed: it needs a breached competency, which
/// version 1 could not say. `kruispunt migrate` writes this guess for an author to review.
pub(crate) fn inferred_quality(
    competencies: &model::CompetencyEvidence,
    effects: &[(VarIdx, i32)],
) -> Quality {
    let total: i64 = effects.iter().map(|(_, d)| i64::from(*d)).sum();
    let lowers = effects.iter().any(|(_, d)| *d < 0);
    if competencies.shown().next().is_some() && !lowers {
        Quality::Best
    } else if total < 0 {
        Quality::Weak
    } else {
        Quality::Acceptable
    }
}

/// The condition with its references taken from `condition_refs`, walked in the same order
/// as the check recorded them.
fn cond_of(condition: Condition, refs: &mut impl Iterator<Item = u32>) -> Option<Cond> {
    let mut resolved = || refs.next().filter(|&r| r != u32::MAX);
    Some(match condition {
        Condition::All(conditions) => Cond::All(
            conditions
                .into_iter()
                .map(|c| cond_of(c, refs))
                .collect::<Option<_>>()?,
        ),
        Condition::Any(conditions) => Cond::Any(
            conditions
                .into_iter()
                .map(|c| cond_of(c, refs))
                .collect::<Option<_>>()?,
        ),
        Condition::Not(condition) => Cond::Not(Box::new(cond_of(*condition, refs)?)),
        Condition::Visited(_) => Cond::Visited(NodeIdx(resolved()?)),
        Condition::Compare(comparison) => Cond::Compare {
            var: VarIdx(resolved()?),
            op: comparison.op,
            value: comparison.value,
        },
        Condition::ChoseQuality(quality) => Cond::ChoseQuality(quality),
        Condition::Chose(_) => {
            let node = resolved()?;
            let choice = resolved()?;
            Cond::Chose {
                node: NodeIdx(node),
                choice,
            }
        }
    })
}

//! Turning the parsed files into the checked course, once the checks found every reference
//! resolvable. The files are moved, not copied. Every lookup still returns `Option`, so a
//! course that slipped past a check gives no course rather than a panic.

use crate::course::checked::{self, Cond, Course, NodeIdx, Scene, SceneBody, Step, VarIdx};
use crate::course::ids::NodeId;
use crate::course::load::ParsedCourse;
use crate::course::model::{self, Condition, Variable};
use std::collections::HashMap;

/// The checked course built from `parsed`.
pub(super) fn course(parsed: ParsedCourse) -> Option<Course> {
    let (_, manifest) = parsed.manifest?;
    let lessons = parsed
        .lessons
        .into_iter()
        .map(|(_, lesson)| lesson_of(lesson).map(|lesson| (lesson.id.clone(), lesson)))
        .collect::<Option<HashMap<_, _>>>()?;
    let scenarios = parsed
        .scenarios
        .into_iter()
        .map(|(_, scenario)| scenario_of(scenario).map(|s| (s.id.clone(), s)))
        .collect::<Option<HashMap<_, _>>>()?;
    let model::Manifest {
        id,
        version,
        title,
        description,
        default_locale,
        locales,
        competencies,
        modules,
        ..
    } = manifest;
    let modules = modules
        .into_iter()
        .map(|module| checked::Module {
            id: module.id,
            title: module.title,
            description: module.description,
            items: module.items,
            facilitator_notes: module.facilitator_notes,
        })
        .collect();
    Some(Course {
        id,
        version,
        title,
        description,
        default_locale,
        locales,
        competencies,
        modules,
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

/// What node and variable ids resolve to within one scenario.
struct Resolver<'s> {
    nodes: &'s HashMap<NodeId, NodeIdx>,
    variables: &'s [Variable],
}

impl Resolver<'_> {
    fn node(&self, id: &str) -> Option<NodeIdx> {
        self.nodes.get(id).copied()
    }

    fn var(&self, id: &str) -> Option<VarIdx> {
        let index = self.variables.iter().position(|v| v.id.as_str() == id)?;
        u32::try_from(index).ok().map(VarIdx)
    }
}

fn scenario_of(scenario: model::Scenario) -> Option<checked::Scenario> {
    let mut node_index = HashMap::with_capacity(scenario.nodes.len());
    for (i, node) in scenario.nodes.iter().enumerate() {
        node_index.insert(node.id.clone(), NodeIdx(u32::try_from(i).ok()?));
    }
    let resolver = Resolver {
        nodes: &node_index,
        variables: &scenario.variables,
    };
    let start = resolver.node(scenario.start.as_str())?;
    let nodes = scenario
        .nodes
        .into_iter()
        .map(|node| node_of(node, &resolver))
        .collect::<Option<Vec<_>>>()?;
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
        start,
        nodes,
        node_index,
    })
}

fn node_of(node: model::Node, resolver: &Resolver<'_>) -> Option<checked::Node> {
    let step = match (node.choices, node.next, node.ending) {
        (Some(choices), None, None) => Step::Choices(
            choices
                .into_iter()
                .map(|choice| choice_of(choice, resolver))
                .collect::<Option<Vec<_>>>()?,
        ),
        (None, Some(next), None) => Step::Auto(resolver.node(next.as_str())?),
        (None, None, Some(ending)) => Step::Ending(checked::Ending {
            outcome: ending.outcome,
            title: ending.title,
            debrief: ending.debrief,
        }),
        _ => return None,
    };
    Some(checked::Node {
        id: node.id,
        lines: node.lines,
        facilitator_notes: node.facilitator_notes,
        step,
    })
}

fn choice_of(choice: model::Choice, resolver: &Resolver<'_>) -> Option<checked::Choice> {
    let effects = choice
        .effects
        .iter()
        .map(|(var, delta)| Some((resolver.var(var.as_str())?, *delta)))
        .collect::<Option<Vec<_>>>()?;
    let condition = match choice.condition {
        Some(condition) => Some(cond_of(&condition, resolver)?),
        None => None,
    };
    Some(checked::Choice {
        id: choice.id,
        text: choice.text,
        feedback: choice.feedback,
        thought: choice.thought,
        effects,
        competencies: choice.competencies,
        condition,
        next: resolver.node(choice.next.as_str())?,
    })
}

fn cond_of(condition: &Condition, resolver: &Resolver<'_>) -> Option<Cond> {
    let all = |conditions: &[Condition]| {
        conditions
            .iter()
            .map(|c| cond_of(c, resolver))
            .collect::<Option<Vec<_>>>()
    };
    Some(match condition {
        Condition::All(conditions) => Cond::All(all(conditions)?),
        Condition::Any(conditions) => Cond::Any(all(conditions)?),
        Condition::Not(condition) => Cond::Not(Box::new(cond_of(condition, resolver)?)),
        Condition::Visited(node) => Cond::Visited(resolver.node(node.as_str())?),
        Condition::Compare(comparison) => Cond::Compare {
            var: resolver.var(comparison.var.as_str())?,
            op: comparison.op,
            value: comparison.value,
        },
    })
}

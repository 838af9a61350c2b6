//! Checks on a scenario file: ids, references (nodes, characters, variables, competencies)
//! and texts. Along the way it builds the [`Graph`] that the flow checks walk.

use super::flow::{self, EdgeKind, Effect, Graph, Guard};
use super::ranges::{Entries, VarBounds};
use super::teaching::Tally;
use super::{At, Ctx, IdIndex, NodeIndex, build};
use crate::course::checked;
use crate::course::diagnostic::Problem;
use crate::course::model::{Choice, Condition, Debrief, Node, Outcome, Quality, Scenario};

/// From this many nodes on, a scenario is checked on two threads: the second half of its
/// nodes on one while this one checks the first, then its flow and range analysis on one
/// while this one builds the nodes. On a large conversation each part takes milliseconds,
/// and the parts share only what they read. Below it, a thread costs more than it saves.
pub(super) const PARALLEL_FROM: usize = 2048;

/// What checking a scenario leaves for the checks that follow it.
pub(super) struct Checked {
    /// The scenario's graph, with every reference that resolved.
    pub graph: Graph,
    /// What the teaching checks gathered from the nodes on the way.
    pub tally: Tally,
    /// The intervals the nodes are entered with, when the range analysis ran.
    pub entries: Option<Entries>,
    /// The nodes, built, when every reference in them resolved.
    pub nodes: Option<Vec<checked::Node>>,
}

/// The ids a scenario's references resolve against.
struct Refs<'s> {
    characters: IdIndex<'s>,
    variables: IdIndex<'s>,
    /// Built once: the checked scenario keeps it ([`Graph::node_index`]).
    nodes: NodeIndex,
    /// The nodes themselves, to resolve `chose` conditions to a choice.
    node_list: &'s [Node],
    /// The file's format version: version 1 may leave out what version 2 requires.
    format_version: u32,
}

/// The index of the node `id` names, reporting an id with control characters and a node
/// that does not exist at `at`.
fn node_ref(ctx: &mut Ctx<'_>, refs: &Refs<'_>, id: &str, at: &At<'_>) -> Option<u32> {
    ctx.id(id, at);
    let target = refs.nodes.get(id).map(|idx| idx.0);
    if target.is_none() {
        ctx.report(at, Problem::MissingNode { id: id.to_owned() });
    }
    target
}

/// Checks one scenario, reading each node once: its ids, references and texts, and what the
/// teaching checks need from it. Then builds its nodes, which leave `scenario` for the
/// returned [`Checked::nodes`], while the flow checks run. With at least `parallel_from`
/// nodes, on two threads (see [`PARALLEL_FROM`]).
pub(super) fn check(ctx: &mut Ctx<'_>, scenario: &mut Scenario, parallel_from: usize) -> Checked {
    let root = At::Root;
    ctx.id(scenario.id.as_str(), &root.key("id"));
    ctx.id(scenario.start.as_str(), &root.key("start"));
    ctx.text(&scenario.title, &root.key("title"));
    ctx.minutes(
        scenario.estimated_minutes.as_ref(),
        &root.key("estimated_minutes"),
    );
    ctx.text(&scenario.setting, &root.key("setting"));
    ctx.text(&scenario.goal, &root.key("goal"));
    ctx.optional_text(scenario.content_note.as_ref(), &root, "content_note");
    ctx.facilitator_notes(scenario.facilitator_notes.as_ref(), &root);

    let characters = root.key("characters");
    ctx.non_empty(&scenario.characters, &characters, "`characters`");
    let (character_index, _) = ctx.indexed_ids(
        &scenario.characters,
        |c| c.id.as_str(),
        &characters,
        Some("id"),
        "character",
    );
    for (i, character) in scenario.characters.iter().enumerate() {
        let at = characters.index(i);
        ctx.id(character.id.as_str(), &at.key("id"));
        ctx.text(&character.name, &at.key("name"));
        ctx.text(&character.role, &at.key("role"));
        ctx.text(&character.bio, &at.key("bio"));
    }

    let variables = root.key("variables");
    let (variable_index, _) = ctx.indexed_ids(
        &scenario.variables,
        |v| v.id.as_str(),
        &variables,
        Some("id"),
        "variable",
    );
    let mut bounds = Vec::with_capacity(scenario.variables.len());
    for (i, variable) in scenario.variables.iter().enumerate() {
        let at = variables.index(i);
        ctx.id(variable.id.as_str(), &at.key("id"));
        ctx.text(&variable.label, &at.key("label"));
        let var_bounds = VarBounds {
            min: variable.min,
            max: variable.max,
            start: variable.start,
        };
        if !var_bounds.is_consistent() {
            ctx.report(
                &at,
                Problem::BadRange {
                    id: variable.id.to_string(),
                    min: variable.min,
                    start: variable.start,
                    max: variable.max,
                },
            );
        }
        bounds.push(var_bounds);
    }

    let nodes = root.key("nodes");
    ctx.non_empty(&scenario.nodes, &nodes, "`nodes`");
    let (node_index, nodes_unique) = ctx.node_index(&scenario.nodes, &nodes);

    let refs = Refs {
        characters: character_index,
        variables: variable_index,
        nodes: node_index,
        node_list: &scenario.nodes,
        format_version: scenario.format_version,
    };
    if scenario.format_version < crate::course::model::FORMAT_VERSION {
        let inferred = scenario
            .nodes
            .iter()
            .flat_map(|n| n.choices.iter().flatten())
            .filter(|c| c.quality.is_none())
            .count();
        ctx.report(
            &root.key("format_version"),
            Problem::OldFormatVersion {
                found: scenario.format_version,
                current: crate::course::model::FORMAT_VERSION,
                inferred,
            },
        );
    }
    let start = refs.nodes.get(scenario.start.as_str()).map(|idx| idx.0);
    if start.is_none() {
        ctx.report(
            &root.key("start"),
            Problem::MissingNode {
                id: scenario.start.to_string(),
            },
        );
    }

    let parallel = scenario.nodes.len() >= parallel_from;
    let vars = scenario.variables.len();
    let (mut graph, tally) = walk_nodes(ctx, &refs, &scenario.nodes, vars, parallel);
    graph.start = start;
    graph.finish();
    graph.node_index = refs.nodes;

    let nodes = std::mem::take(&mut scenario.nodes);
    // With two nodes of one id the graph is ambiguous; the duplicate is reported already.
    let (entries, nodes) = match start.filter(|_| nodes_unique) {
        Some(start) => flow_and_build(ctx, scenario, &graph, (start, &bounds), nodes, parallel),
        None => (None, build::nodes(nodes, &graph)),
    };
    Checked {
        graph,
        tally,
        entries,
        nodes,
    }
}

/// Checks every node of `nodes` (a scenario's, with `vars` variables), building the graph
/// of what they resolve to and tallying what the teaching checks need. With `parallel`,
/// the second half is walked on a second thread; its graph, tally and findings are
/// appended to the first half's, so all is as when one thread walks every node.
fn walk_nodes(
    ctx: &mut Ctx<'_>,
    refs: &Refs<'_>,
    nodes: &[Node],
    vars: usize,
    parallel: bool,
) -> (Graph, Tally) {
    let half = nodes.len() / 2;
    if !parallel || half == 0 {
        return walk(ctx, refs, nodes, 0, vars);
    }
    let (first, second) = nodes.split_at(half);
    let ((mut graph, mut tally), (later_graph, later_tally)) = on_two_threads(
        ctx,
        "node checks",
        |ctx| walk(ctx, refs, first, 0, vars),
        |ctx| walk(ctx, refs, second, half, vars),
    );
    graph.append(later_graph);
    tally.add(&later_tally);
    (graph, tally)
}

/// Checks `nodes`, the scenario's from position `first` on, into a graph of their own.
fn walk(
    ctx: &mut Ctx<'_>,
    refs: &Refs<'_>,
    nodes: &[Node],
    first: usize,
    vars: usize,
) -> (Graph, Tally) {
    let nodes_at = At::Root.key("nodes");
    let mut graph = Graph::with_capacity(nodes.len());
    graph.compared = vec![false; vars];
    let mut tally = Tally::default();
    for (i, node) in (first..).zip(nodes) {
        let at = nodes_at.index(i);
        check_node(ctx, refs, node, &at, &mut graph);
        // While the node is still in cache.
        tally.node(ctx, node, &at);
        if node
            .ending
            .as_ref()
            .is_some_and(|ending| ending.outcome == Outcome::Good)
        {
            graph
                .good_endings
                .push(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
    (graph, tally)
}

/// The flow checks of a scenario whose graph can be walked from `start`, and its `nodes`
/// built. With `parallel`, the flow checks run on a second thread while the nodes are
/// built; their findings still come after the node checks', as when all runs on one.
fn flow_and_build(
    ctx: &mut Ctx<'_>,
    scenario: &Scenario,
    graph: &Graph,
    (start, bounds): (u32, &[VarBounds]),
    nodes: Vec<Node>,
    parallel: bool,
) -> (Option<Entries>, Option<Vec<checked::Node>>) {
    if !parallel {
        let entries = flow::check(ctx, scenario, graph, start, bounds);
        return (entries, build::nodes(nodes, graph));
    }
    // The build finds nothing, so the flow checks' findings still follow the node checks'.
    let (nodes, entries) = on_two_threads(
        ctx,
        "flow checks",
        |_| build::nodes(nodes, graph),
        |ctx| flow::check(ctx, scenario, graph, start, bounds),
    );
    (entries, nodes)
}

/// Runs `here` on this thread and `aside` on a second one, each with findings of its own;
/// those of `aside` are appended to those of `here`. So all is as when one thread runs
/// `here`, then `aside`: which is what happens when no second thread can be had.
fn on_two_threads<H, A: Send>(
    ctx: &mut Ctx<'_>,
    name: &str,
    here: impl FnOnce(&mut Ctx<'_>) -> H,
    aside: impl Fn(&mut Ctx<'_>) -> A + Sync,
) -> (H, A) {
    let (file, facts) = (ctx.file, ctx.facts);
    let aside = &aside;
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn_scoped(scope, move || {
                let mut found = Vec::new();
                let result = aside(&mut facts.in_file(file, &mut found));
                (result, found)
            });
        let Ok(spawned) = spawned else {
            let here = here(ctx);
            return (here, aside(ctx));
        };
        let here = here(ctx);
        match spawned.join() {
            Ok((result, found)) => {
                ctx.findings.extend(found);
                (here, result)
            }
            // The checks do not panic; if one did, it goes on here as it would inline.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

fn check_node(ctx: &mut Ctx<'_>, refs: &Refs<'_>, node: &Node, at: &At<'_>, graph: &mut Graph) {
    ctx.id(node.id.as_str(), &at.key("id"));
    let lines = at.key("lines");
    for (k, line) in node.lines.iter().enumerate() {
        let line_at = lines.index(k);
        ctx.id(line.speaker.as_str(), &line_at.key("speaker"));
        if refs.characters.get(line.speaker.as_str()).is_none() {
            ctx.report(
                &line_at.key("speaker"),
                Problem::MissingCharacter {
                    id: line.speaker.to_string(),
                },
            );
        }
        ctx.text(&line.text, &line_at.key("text"));
        ctx.optional_text(line.thought.as_ref(), &line_at, "thought");
    }
    ctx.facilitator_notes(node.facilitator_notes.as_ref(), at);

    let found = usize::from(node.choices.is_some())
        + usize::from(node.next.is_some())
        + usize::from(node.route.is_some())
        + usize::from(node.ending.is_some());
    if found != 1 {
        ctx.report(at, Problem::NodeKind { found });
    }

    graph.begin_node(node.ending.is_some());
    if let Some(next) = &node.next {
        let target = node_ref(ctx, refs, next.as_str(), &at.key("next"));
        let (effects, guards) = (graph.effects.len(), graph.guards.len());
        graph.push_edge(target, 0, EdgeKind::Next, effects, guards);
    }
    if let Some(arms) = &node.route {
        let route_at = at.key("route");
        ctx.non_empty(arms, &route_at, "`route`");
        if arms.last().is_some_and(|arm| arm.condition.is_some()) {
            ctx.report(
                &route_at,
                Problem::RouteFallback {
                    id: node.id.to_string(),
                },
            );
        }
        for (k, arm) in arms.iter().enumerate() {
            let arm_at = route_at.index(k);
            let guards_start = graph.guards.len();
            if let Some(condition) = &arm.condition {
                check_condition(ctx, refs, condition, &arm_at.key("if"), graph, true);
            }
            let target = node_ref(ctx, refs, arm.next.as_str(), &arm_at.key("next"));
            let kind = EdgeKind::Arm {
                conditional: arm.condition.is_some(),
            };
            let effects = graph.effects.len();
            graph.push_edge(target, k, kind, effects, guards_start);
        }
    }
    if let Some(ending) = &node.ending {
        let ending_at = at.key("ending");
        ctx.text(&ending.title, &ending_at.key("title"));
        let debrief_at = ending_at.key("debrief");
        match &ending.debrief {
            Debrief::Text(text) => ctx.text(text, &debrief_at),
            Debrief::Parts(parts) => {
                ctx.non_empty(parts, &debrief_at, "`debrief`");
                for (k, part) in parts.iter().enumerate() {
                    let part_at = debrief_at.index(k);
                    ctx.text(&part.text, &part_at.key("text"));
                    if let Some(condition) = &part.condition {
                        // Read at the ending, so they narrow nothing.
                        check_condition(ctx, refs, condition, &part_at.key("if"), graph, false);
                    }
                }
            }
        }
    }
    if let Some(choices) = &node.choices {
        let choices_at = at.key("choices");
        ctx.non_empty(choices, &choices_at, "`choices`");
        ctx.unique_ids(
            choices,
            |c| c.id.as_str(),
            &choices_at,
            Some("id"),
            "choice",
        );
        if !choices.is_empty() && choices.iter().all(|c| c.condition.is_some()) {
            ctx.report(
                &choices_at,
                Problem::AllChoicesConditional {
                    id: node.id.to_string(),
                },
            );
        }
        for (j, choice) in choices.iter().enumerate() {
            check_choice(ctx, refs, node, choice, j, &choices_at.index(j), graph);
        }
    }
}

fn check_choice(
    ctx: &mut Ctx<'_>,
    refs: &Refs<'_>,
    node: &Node,
    choice: &Choice,
    index: usize,
    at: &At<'_>,
    graph: &mut Graph,
) {
    ctx.id(choice.id.as_str(), &at.key("id"));
    if let Some(thinker) = &choice.thinker {
        ctx.id(thinker.as_str(), &at.key("thinker"));
    }
    ctx.text(&choice.text, &at.key("text"));
    ctx.text(&choice.feedback, &at.key("feedback"));
    ctx.optional_text(choice.thought.as_ref(), at, "thought");
    let choice_ref = || format!("{}/{}", node.id, choice.id);
    if choice.quality.is_none() && refs.format_version >= 2 {
        ctx.report(at, Problem::MissingQuality { id: choice_ref() });
    }
    match &choice.thinker {
        Some(thinker) if refs.characters.get(thinker.as_str()).is_none() => ctx.report(
            &at.key("thinker"),
            Problem::MissingCharacter {
                id: thinker.to_string(),
            },
        ),
        None if choice.thought.is_some() && refs.format_version >= 2 => {
            ctx.report(at, Problem::MissingThinker { id: choice_ref() });
        }
        _ => {}
    }

    let effects_start = graph.effects.len();
    let effects_at = at.key("effects");
    for (var, delta) in &choice.effects {
        ctx.id(var.as_str(), &effects_at.key(var.as_str()));
        match refs.variables.get(var.as_str()) {
            Some(var) => graph.effects.push(Effect { var, delta: *delta }),
            None => ctx.report(
                &effects_at.key(var.as_str()),
                Problem::UndeclaredVariable {
                    id: var.to_string(),
                },
            ),
        }
    }

    for (tag, _) in choice.competencies.iter() {
        ctx.id(tag.as_str(), &at.key("competencies").key(tag.as_str()));
    }
    let facts = ctx.facts;
    if let Some(declared) = &facts.competencies {
        let competencies_at = at.key("competencies");
        for (tag, _) in choice.competencies.iter() {
            if !declared.contains(&tag.as_str()) {
                ctx.report(
                    &competencies_at.key(tag.as_str()),
                    Problem::UnknownCompetency {
                        id: tag.to_string(),
                    },
                );
            }
        }
    }

    let guards_start = graph.guards.len();
    if let Some(condition) = &choice.condition {
        check_condition(ctx, refs, condition, &at.key("if"), graph, true);
    }

    let target = node_ref(ctx, refs, choice.next.as_str(), &at.key("next"));
    let kind = EdgeKind::Choice {
        harmful: choice.quality == Some(Quality::Harmful),
        conditional: choice.condition.is_some(),
    };
    graph.push_edge(target, index, kind, effects_start, guards_start);
}

/// Checks the references of a condition, recording what they resolve to in
/// `graph.condition_refs` (in the order [`super::build`] reads them back). Comparisons that
/// must hold for the choice to be offered (the condition itself, or inside `all`) become
/// guards, which narrow the range analysis; `any` and `not` say nothing definite about one
/// variable, so they do not.
fn check_condition(
    ctx: &mut Ctx<'_>,
    refs: &Refs<'_>,
    condition: &Condition,
    at: &At<'_>,
    graph: &mut Graph,
    guards: bool,
) {
    match condition {
        Condition::All(conditions) => {
            let list = at.key("all");
            for (k, condition) in conditions.iter().enumerate() {
                check_condition(ctx, refs, condition, &list.index(k), graph, guards);
            }
        }
        Condition::Any(conditions) => {
            let list = at.key("any");
            for (k, condition) in conditions.iter().enumerate() {
                check_condition(ctx, refs, condition, &list.index(k), graph, false);
            }
        }
        Condition::Not(condition) => {
            check_condition(ctx, refs, condition, &at.key("not"), graph, false);
        }
        Condition::Visited(node) => {
            let target = node_ref(ctx, refs, node.as_str(), &at.key("visited"));
            graph.condition_refs.push(target.unwrap_or(u32::MAX));
        }
        Condition::Compare(comparison) => {
            ctx.id(comparison.var.as_str(), &at.key("compare").key("var"));
            let var = refs.variables.get(comparison.var.as_str());
            if let Some(read) = var.and_then(|var| graph.compared.get_mut(var as usize)) {
                *read = true;
            }
            match var {
                Some(var) if guards => graph.guards.push(Guard {
                    var,
                    op: comparison.op,
                    value: comparison.value,
                }),
                Some(_) => {}
                None => {
                    let compare = at.key("compare");
                    ctx.report(
                        &compare.key("var"),
                        Problem::UndeclaredVariable {
                            id: comparison.var.to_string(),
                        },
                    );
                }
            }
            graph.condition_refs.push(var.unwrap_or(u32::MAX));
        }
        Condition::ChoseQuality(_) => {}
        Condition::Chose(written) => {
            ctx.id(written, &at.key("chose"));
            // `node/choice`: the node, then the choice's position in it.
            let resolved = written.split_once('/').and_then(|(node, choice)| {
                let index = refs.nodes.get(node)?.0;
                let position = refs
                    .node_list
                    .get(index as usize)?
                    .choices
                    .as_ref()?
                    .iter()
                    .position(|c| c.id.as_str() == choice)?;
                Some((index, u32::try_from(position).ok()?))
            });
            if resolved.is_none() {
                ctx.report(
                    &at.key("chose"),
                    Problem::MissingChoice {
                        id: written.clone(),
                    },
                );
            }
            let (node, choice) = resolved.unwrap_or((u32::MAX, u32::MAX));
            graph.condition_refs.push(node);
            graph.condition_refs.push(choice);
        }
    }
}

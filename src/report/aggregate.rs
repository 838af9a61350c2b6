//! The group report: what any number of exports say together, already in words (the
//! interface language), ready for a renderer. Everything is counted per trainee, so a
//! trainee who replays a scenario ten times weighs as much as one who played it once.
//! The sections on how trainees practised (qualities, turning points, competencies) are in
//! [`super::practice`].

use super::export::{Export, ExportedItem};
use super::practice;
use super::unmatched::unmatched_in;
use crate::course::checked::{Choice, Course, Item, Node, NodeIdx, Scenario, Step};
use crate::course::ids::{ItemId, NodeId};
use crate::course::model::{Outcome, Text};
use crate::i18n::Localizer;
use crate::msg_args;
use crate::progress::ItemStatus;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// How to make the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Show profile names instead of numbering the trainees.
    pub names: bool,
}

/// One bar: a count out of a total.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Bar {
    /// A stable id of what is counted (item, choice, ending node, competency…).
    pub id: String,
    /// What is counted, in words.
    pub label: String,
    /// Where it belongs or what else to know (a lesson title, an outcome), in words.
    pub context: Option<String>,
    /// The count.
    pub value: u32,
    /// What the count is out of; the bar is full at this value.
    pub total: u32,
    /// The count in words, e.g. `3 of 5`.
    pub caption: String,
}

/// A bar chart.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Chart {
    /// A stable id (module id, `scenario/node`…).
    pub id: String,
    /// The chart's title.
    pub title: String,
    /// A line under the title, e.g. what was said before a decision.
    pub subtitle: Option<String>,
    /// The bars in order.
    pub bars: Vec<Bar>,
}

/// A part of the report: a heading and its charts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Section {
    /// A stable id (the `section` column of the CSV, the HTML anchor).
    pub id: &'static str,
    /// The heading.
    pub heading: String,
    /// What the numbers mean.
    pub intro: String,
    /// One line on what is left out, e.g. how many decision points nobody reached.
    pub note: Option<String>,
    /// The heading of the label column.
    pub label_heading: String,
    /// The heading of the count column.
    pub value_heading: String,
    /// The charts.
    pub charts: Vec<Chart>,
}

impl Section {
    /// The section with `bars` as its one chart, which has the section's id and heading.
    pub(super) fn with_one_chart(mut self, bars: Vec<Bar>) -> Self {
        self.charts = vec![Chart {
            id: self.id.to_owned(),
            title: self.heading.clone(),
            subtitle: None,
            bars,
        }];
        self
    }
}

/// Something an export refers to that the course no longer has.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Unmatched {
    /// The trainee, as shown in the report.
    pub trainee: String,
    /// The course version of their export.
    pub version: String,
    /// The id as in the export (`scenario/node/choice` for a choice).
    pub id: String,
    /// What kind of thing it is, in words.
    pub what: String,
}

/// The whole report, in words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GroupReport {
    /// The interface language's tag (`nl`, `en`, `fr`), for the HTML `lang`.
    pub language: &'static str,
    /// The document title.
    pub title: String,
    /// The course, its version and the number of trainees, in one line.
    pub summary: String,
    /// How trainees are named.
    pub anonymity: String,
    /// The sections in order.
    pub sections: Vec<Section>,
    /// The heading of the unmatched list.
    pub unmatched_heading: String,
    /// What the unmatched list is.
    pub unmatched_intro: String,
    /// Column headings of the unmatched list: trainee, course version, id, what.
    pub unmatched_columns: [String; 4],
    /// What exports refer to that the course no longer has; empty when all matched.
    pub unmatched: Vec<Unmatched>,
    /// Said when nothing was unmatched.
    pub all_matched: String,
}

/// Counts `n` as a `u32` for a bar (a report never has four billion trainees).
pub(super) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// How each trainee of `exports` is shown: numbered in the order given, or by profile
/// name with [`ReportOptions::names`].
pub(super) fn trainee_labels(
    exports: &[Export],
    options: ReportOptions,
    l10n: &Localizer,
) -> Vec<String> {
    exports
        .iter()
        .enumerate()
        .map(|(i, export)| {
            if options.names {
                export.profile.clone()
            } else {
                l10n.msg("report-trainee", &msg_args!("number" => i + 1))
            }
        })
        .collect()
}

/// The group report of `exports` (all of `course`'s id) in `l10n`'s language.
pub fn aggregate(
    course: &Course,
    exports: &[Export],
    options: ReportOptions,
    l10n: &Localizer,
) -> GroupReport {
    let trainees = trainee_labels(exports, options, l10n);
    let n = count(exports.len());
    let indexed: Vec<BTreeMap<&ItemId, &ExportedItem>> = exports
        .iter()
        .map(|e| e.items.iter().map(|item| (&item.id, item)).collect())
        .collect();
    // Course text as words: no emphasis markers, stage directions in parentheses.
    let text = |t: &Text| crate::course::markup::plain(l10n.pick(t).text);

    let mut sections = vec![
        trainee_section(course, exports, &trainees, &indexed, l10n),
        completion_section(course, &indexed, n, l10n, &text),
        quiz_section(course, &indexed, l10n, &text),
    ];
    let mut decisions = Vec::new();
    let mut unreached = 0;
    let mut endings = Vec::new();
    for scenario in scenarios_in_order(course) {
        decisions.extend(decision_charts(
            scenario,
            &indexed,
            &mut unreached,
            l10n,
            &text,
        ));
        endings.push(ending_chart(scenario, &indexed, n, l10n, &text));
    }
    sections.push(Section {
        id: "decisions",
        heading: l10n.msg("report-decisions-heading", &msg_args!()),
        intro: l10n.msg("report-decisions-intro", &msg_args!()),
        note: unreached_note(unreached, l10n),
        label_heading: l10n.msg("report-column-answer", &msg_args!()),
        value_heading: l10n.msg("report-column-trainees", &msg_args!()),
        charts: decisions,
    });
    sections.push(practice::quality_section(course, &indexed, l10n, &text));
    let practised = practice::practice_of(course, exports, &indexed);
    sections.push(practice::turning_section(
        course, &indexed, &practised, l10n, &text,
    ));
    sections.push(Section {
        id: "endings",
        heading: l10n.msg("report-endings-heading", &msg_args!()),
        intro: l10n.msg("report-endings-intro", &msg_args!()),
        note: None,
        label_heading: l10n.msg("report-column-ending", &msg_args!()),
        value_heading: l10n.msg("report-column-trainees", &msg_args!()),
        charts: endings,
    });
    sections.extend(practice::competency_sections(
        course, &practised, n, l10n, &text,
    ));
    sections.push(practice::breach_per_trainee_section(
        course, &trainees, &practised, l10n, &text,
    ));

    let mut unmatched = Vec::new();
    for ((export, trainee), items) in exports.iter().zip(&trainees).zip(&indexed) {
        for (id, what) in unmatched_in(course, items) {
            unmatched.push(Unmatched {
                trainee: trainee.clone(),
                version: export.course.version.clone(),
                what: what.describe(l10n),
                id,
            });
        }
    }

    // Every count in words, once all bars exist.
    for bar in sections
        .iter_mut()
        .flat_map(|s| s.charts.iter_mut())
        .flat_map(|c| c.bars.iter_mut())
    {
        bar.caption = l10n.msg(
            "report-count-of",
            &msg_args!("count" => bar.value, "total" => bar.total),
        );
    }

    GroupReport {
        language: l10n.current().tag(),
        title: l10n.msg("report-title", &msg_args!("course" => text(&course.title))),
        summary: l10n.msg(
            "report-summary",
            &msg_args!(
                "id" => course.id.as_str(),
                "version" => course.version.as_str(),
                "trainees" => exports.len(),
            ),
        ),
        anonymity: if options.names {
            l10n.msg("report-named", &msg_args!())
        } else {
            l10n.msg("report-anonymous", &msg_args!())
        },
        sections,
        unmatched_heading: l10n.msg("report-unmatched-heading", &msg_args!()),
        unmatched_intro: l10n.msg("report-unmatched-intro", &msg_args!()),
        unmatched_columns: [
            l10n.msg("report-column-trainee", &msg_args!()),
            l10n.msg("report-column-version", &msg_args!()),
            l10n.msg("report-column-id", &msg_args!()),
            l10n.msg("report-column-what", &msg_args!()),
        ],
        unmatched,
        all_matched: l10n.msg("report-unmatched-none", &msg_args!()),
    }
}

/// Items completed per trainee.
fn trainee_section(
    course: &Course,
    exports: &[Export],
    trainees: &[String],
    indexed: &[BTreeMap<&ItemId, &ExportedItem>],
    l10n: &Localizer,
) -> Section {
    let total = count(course.items_in_order().count());
    let bars = exports
        .iter()
        .zip(trainees)
        .zip(indexed)
        .map(|((export, trainee), items)| Bar {
            id: trainee.clone(),
            label: trainee.clone(),
            context: (export.course.version != course.version).then(|| {
                l10n.msg(
                    "report-other-version",
                    &msg_args!("version" => export.course.version.as_str()),
                )
            }),
            value: count(
                course
                    .items_in_order()
                    .filter(|(_, item)| completed(items, item.id()))
                    .count(),
            ),
            total,
            caption: String::new(),
        })
        .collect();
    Section {
        id: "trainees",
        heading: l10n.msg("report-trainees-heading", &msg_args!()),
        intro: l10n.msg("report-trainees-intro", &msg_args!()),
        note: None,
        label_heading: l10n.msg("report-column-trainee", &msg_args!()),
        value_heading: l10n.msg("report-column-completed", &msg_args!()),
        charts: Vec::new(),
    }
    .with_one_chart(bars)
}

fn completed(items: &BTreeMap<&ItemId, &ExportedItem>, id: &ItemId) -> bool {
    items
        .get(id)
        .is_some_and(|item| item.status == ItemStatus::Completed)
}

/// Per module: trainees who completed the whole module, then each item.
fn completion_section(
    course: &Course,
    indexed: &[BTreeMap<&ItemId, &ExportedItem>],
    n: u32,
    l10n: &Localizer,
    text: &dyn Fn(&Text) -> String,
) -> Section {
    let charts = course
        .modules
        .iter()
        .map(|module| {
            let whole = indexed
                .iter()
                .filter(|items| module.items.iter().all(|id| completed(items, id)))
                .count();
            let mut bars = vec![Bar {
                id: module.id.to_string(),
                label: l10n.msg("report-whole-module", &msg_args!()),
                context: None,
                value: count(whole),
                total: n,
                caption: String::new(),
            }];
            for id in &module.items {
                let Some(item) = course.item(id.as_str()) else {
                    continue;
                };
                bars.push(Bar {
                    id: id.to_string(),
                    label: text(item.title()),
                    context: None,
                    value: count(indexed.iter().filter(|items| completed(items, id)).count()),
                    total: n,
                    caption: String::new(),
                });
            }
            Chart {
                id: module.id.to_string(),
                title: text(&module.title),
                subtitle: None,
                bars,
            }
        })
        .collect();
    Section {
        id: "completion",
        heading: l10n.msg("report-completion-heading", &msg_args!()),
        intro: l10n.msg("report-completion-intro", &msg_args!()),
        note: None,
        label_heading: l10n.msg("report-column-item", &msg_args!()),
        value_heading: l10n.msg("report-column-completed", &msg_args!()),
        charts,
    }
}

/// Every quiz, least often answered correctly (the first time) first.
fn quiz_section(
    course: &Course,
    indexed: &[BTreeMap<&ItemId, &ExportedItem>],
    l10n: &Localizer,
    text: &dyn Fn(&Text) -> String,
) -> Section {
    let mut bars = Vec::new();
    for (_, item) in course.items_in_order() {
        let Item::Lesson(lesson) = item else {
            continue;
        };
        for scene in &lesson.scenes {
            let crate::course::checked::SceneBody::Quiz(quiz) = &scene.body else {
                continue;
            };
            let answers: Vec<bool> = indexed
                .iter()
                .filter_map(|items| {
                    let answer = items
                        .get(&lesson.id)?
                        .quizzes
                        .iter()
                        .find(|q| q.scene == scene.id)?;
                    Some(answer.correct)
                })
                .collect();
            bars.push(Bar {
                id: format!("{}/{}", lesson.id, scene.id),
                label: text(&quiz.question),
                context: Some(text(&lesson.title)),
                value: count(answers.iter().filter(|c| **c).count()),
                total: count(answers.len()),
                caption: String::new(),
            });
        }
    }
    // By share answered correctly, exactly (cross-multiplied); unanswered last; a stable
    // sort keeps course order among equals.
    bars.sort_by(|a, b| {
        let unanswered = (a.total == 0).cmp(&(b.total == 0));
        let share = (u64::from(a.value) * u64::from(b.total))
            .cmp(&(u64::from(b.value) * u64::from(a.total)));
        unanswered.then(share)
    });
    Section {
        id: "quizzes",
        heading: l10n.msg("report-quizzes-heading", &msg_args!()),
        intro: l10n.msg("report-quizzes-intro", &msg_args!()),
        note: None,
        label_heading: l10n.msg("report-column-question", &msg_args!()),
        value_heading: l10n.msg("report-column-correct", &msg_args!()),
        charts: Vec::new(),
    }
    .with_one_chart(bars)
}

/// The scenarios of the course, in course order.
pub(super) fn scenarios_in_order(course: &Course) -> impl Iterator<Item = &Scenario> {
    course.items_in_order().filter_map(|(_, item)| match item {
        Item::Scenario(scenario) => Some(scenario),
        Item::Lesson(_) => None,
    })
}

/// Per trainee (in the order of `indexed`), the choice they took the first time at each
/// node of `scenario` (attempts oldest first), by node id. Choices the scenario no longer
/// has are passed over: they are listed as unmatched instead.
pub(super) fn first_choices<'e>(
    scenario: &Scenario,
    indexed: &[BTreeMap<&ItemId, &'e ExportedItem>],
) -> Vec<BTreeMap<&'e NodeId, &'e str>> {
    let exists = |node: &NodeId, choice: &str| {
        scenario
            .node_idx(node.as_str())
            .is_some_and(|idx| match &scenario.node(idx).step {
                Step::Choices(choices) => choices.iter().any(|c| c.id.as_str() == choice),
                _ => false,
            })
    };
    indexed
        .iter()
        .map(|items| {
            let mut first = BTreeMap::new();
            if let Some(item) = items.get(&scenario.id) {
                for attempt in &item.attempts {
                    for taken in &attempt.choices {
                        if exists(&taken.node, taken.choice.as_str()) {
                            first
                                .entry(&taken.node)
                                .or_insert_with(|| taken.choice.as_str());
                        }
                    }
                }
            }
            first
        })
        .collect()
}

/// The decision points of `scenario` with their numbers (from 1, in story order: see
/// [`decision_points`]) and their choices.
pub(super) fn numbered_decisions(
    scenario: &Scenario,
) -> impl Iterator<Item = (usize, &Node, &[Choice])> {
    decision_points(scenario)
        .into_iter()
        .filter_map(|(number, node)| match &node.step {
            Step::Choices(choices) => Some((number, node, choices.as_slice())),
            _ => None,
        })
}

/// The chart of decision point `number` of `scenario`, titled by the scenario and the
/// number, with what was said last before the decision under the title.
pub(super) fn decision_chart(
    id: String,
    scenario: &Scenario,
    (number, node): (usize, &Node),
    bars: Vec<Bar>,
    l10n: &Localizer,
    text: &dyn Fn(&Text) -> String,
) -> Chart {
    Chart {
        id,
        title: l10n.msg(
            "report-decision-title",
            &msg_args!("scenario" => text(&scenario.title), "number" => number),
        ),
        subtitle: node.lines.last().map(|line| text(&line.text)),
        bars,
    }
}

/// The decision points of `scenario` in story order, numbered from 1: breadth-first from
/// the start, following every way on (choices, routes, moving on by itself) in the order
/// written; decision points nothing leads to come last, in the order written. Every
/// section of the report numbers decision points this way.
pub(super) fn decision_points(scenario: &Scenario) -> Vec<(usize, &Node)> {
    let mut seen = vec![false; scenario.nodes.len()];
    let mut order = Vec::with_capacity(scenario.nodes.len());
    let mut queue = VecDeque::from([scenario.start]);
    if let Some(first) = seen.get_mut(scenario.start.0 as usize) {
        *first = true;
    }
    while let Some(idx) = queue.pop_front() {
        let Some(node) = scenario.nodes.get(idx.0 as usize) else {
            continue;
        };
        order.push(node);
        let next: Vec<NodeIdx> = match &node.step {
            Step::Choices(choices) => choices.iter().map(|c| c.next).collect(),
            Step::Auto(next) => vec![*next],
            Step::Route(arms) => arms.iter().map(|arm| arm.next).collect(),
            Step::Ending(_) => Vec::new(),
        };
        for next in next {
            if let Some(seen) = seen.get_mut(next.0 as usize).filter(|seen| !**seen) {
                *seen = true;
                queue.push_back(next);
            }
        }
    }
    let unreachable = scenario
        .nodes
        .iter()
        .zip(&seen)
        .filter(|(_, seen)| !**seen)
        .map(|(node, _)| node);
    order
        .into_iter()
        .chain(unreachable)
        .filter(|node| matches!(node.step, Step::Choices(_)))
        .enumerate()
        .map(|(i, node)| (i + 1, node))
        .collect()
}

/// One line saying how many decision points nobody reached (and so are left out); none
/// when every one was reached.
pub(super) fn unreached_note(unreached: usize, l10n: &Localizer) -> Option<String> {
    (unreached > 0).then(|| {
        l10n.msg(
            "report-decisions-unreached",
            &msg_args!("count" => unreached),
        )
    })
}

/// One chart per decision point of `scenario` that a trainee reached, in story order
/// ([`decision_points`]); the others are counted in `unreached`.
fn decision_charts(
    scenario: &Scenario,
    indexed: &[BTreeMap<&ItemId, &ExportedItem>],
    unreached: &mut usize,
    l10n: &Localizer,
    text: &dyn Fn(&Text) -> String,
) -> Vec<Chart> {
    let firsts = first_choices(scenario, indexed);
    numbered_decisions(scenario)
        .filter_map(|(number, node, choices)| {
            let reached: Vec<&str> = firsts
                .iter()
                .filter_map(|f| f.get(&node.id).copied())
                .collect();
            if reached.is_empty() {
                *unreached += 1;
                return None;
            }
            let bars = choices
                .iter()
                .map(|choice| Bar {
                    id: choice.id.to_string(),
                    label: text(&choice.text),
                    context: Some(practice::quality_label(choice.quality, l10n)),
                    value: count(reached.iter().filter(|c| **c == choice.id.as_str()).count()),
                    total: count(reached.len()),
                    caption: String::new(),
                })
                .collect();
            let id = format!("{}/{}", scenario.id, node.id);
            Some(decision_chart(
                id,
                scenario,
                (number, node),
                bars,
                l10n,
                text,
            ))
        })
        .collect()
}

/// The word for an outcome.
fn outcome_word(outcome: Outcome, l10n: &Localizer) -> String {
    let key = match outcome {
        Outcome::Good => "good",
        Outcome::Mixed => "mixed",
        Outcome::Poor => "poor",
    };
    l10n.msg("report-outcome", &msg_args!("outcome" => key))
}

/// Trainees who reached each ending of `scenario` in at least one attempt.
fn ending_chart(
    scenario: &Scenario,
    indexed: &[BTreeMap<&ItemId, &ExportedItem>],
    n: u32,
    l10n: &Localizer,
    text: &dyn Fn(&Text) -> String,
) -> Chart {
    let reached: Vec<BTreeSet<&NodeId>> = indexed
        .iter()
        .map(|items| {
            items
                .get(&scenario.id)
                .map(|item| {
                    item.attempts
                        .iter()
                        .filter_map(|a| a.ending.as_ref().map(|e| &e.node))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let bars = scenario
        .nodes
        .iter()
        .filter_map(|node| match &node.step {
            Step::Ending(ending) => Some(Bar {
                id: node.id.to_string(),
                label: text(&ending.title),
                context: Some(outcome_word(ending.outcome, l10n)),
                value: count(reached.iter().filter(|r| r.contains(&node.id)).count()),
                total: n,
                caption: String::new(),
            }),
            _ => None,
        })
        .collect();
    Chart {
        id: scenario.id.to_string(),
        title: text(&scenario.title),
        subtitle: None,
        bars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::course::ids::{ChoiceId, CourseId};
    use crate::course::model::Quality;
    use crate::engine::testkit::{ScenarioBuilder, choice, text};
    use crate::i18n::UiLocale;
    use crate::progress::{EndingOutcome, Timestamp};
    use crate::report::{
        AttemptResult, ExportedChoice, ExportedCourse, ExportedEnding, ExportedTurningPoint,
    };

    /// A scenario written out of story order. It starts at `begin`; `y` leads to `later`
    /// (one step on), `x` through `via` (no decision) to `elders` (two steps on); nothing
    /// leads to `nooit`. In the file: `later`, `begin`, `nooit`, `via`, `elders`.
    fn course() -> Course {
        let scenario = ScenarioBuilder::new("s")
            .choices(
                "later",
                [
                    choice("l1", "einde").quality(Quality::Best),
                    choice("l2", "einde").quality(Quality::Weak),
                ],
            )
            .choices(
                "begin",
                [
                    choice("x", "via").quality(Quality::Best),
                    choice("y", "later").quality(Quality::Weak),
                ],
            )
            .choices("nooit", [choice("n1", "einde")])
            .auto("via", "elders")
            .choices(
                "elders",
                [
                    choice("e1", "einde").quality(Quality::Best),
                    choice("e2", "einde").quality(Quality::Weak),
                ],
            )
            .ending("einde", Outcome::Mixed)
            .start("begin")
            .build();
        Course {
            id: CourseId::from("k"),
            title: text("K"),
            description: text("K"),
            ..crate::engine::testkit::course(Vec::new(), vec![scenario])
        }
    }

    /// An export that took `path` (node, choice) and recorded `turning` (node, taken,
    /// better).
    fn export(profile: &str, path: &[(&str, &str)], turning: &[(&str, &str, &str)]) -> Export {
        Export {
            kind: super::super::EXPORT_KIND.to_owned(),
            export_version: 2,
            format_version: None,
            course: ExportedCourse {
                id: CourseId::from("k"),
                version: "1".into(),
            },
            profile: profile.into(),
            exported_at: Timestamp(0),
            items: vec![ExportedItem {
                id: ItemId::from("s"),
                status: ItemStatus::Completed,
                started_at: None,
                completed_at: None,
                duration_seconds: None,
                quizzes: Vec::new(),
                attempts: vec![AttemptResult {
                    started_at: None,
                    finished_at: None,
                    duration_seconds: None,
                    choices: path
                        .iter()
                        .map(|(node, choice)| ExportedChoice {
                            node: NodeId::from(*node),
                            choice: ChoiceId::from(*choice),
                            at: None,
                        })
                        .collect(),
                    ending: Some(ExportedEnding {
                        node: NodeId::from("einde"),
                        outcome: EndingOutcome::Mixed,
                    }),
                    variables: BTreeMap::new(),
                    competencies: None,
                    qualities: None,
                    turning_points: Some(
                        turning
                            .iter()
                            .map(|(node, taken, better)| ExportedTurningPoint {
                                node: NodeId::from(*node),
                                taken: ChoiceId::from(*taken),
                                better: ChoiceId::from(*better),
                            })
                            .collect(),
                    ),
                }],
                reflections: Vec::new(),
            }],
            includes_reflections: false,
        }
    }

    /// One trainee went `begin` → `via` → `elders`, the other `begin` → `later`.
    fn report() -> GroupReport {
        let exports = [
            export(
                "a",
                &[("begin", "x"), ("elders", "e2")],
                &[("elders", "e2", "e1")],
            ),
            export(
                "b",
                &[("begin", "y"), ("later", "l1")],
                &[("begin", "y", "x")],
            ),
        ];
        aggregate(
            &course(),
            &exports,
            ReportOptions::default(),
            &Localizer::new(UiLocale::En),
        )
    }

    fn section<'r>(report: &'r GroupReport, id: &str) -> &'r Section {
        report
            .sections
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("no section {id}"))
    }

    /// (chart id, title) of every chart of the section.
    fn charts(report: &GroupReport, id: &str) -> Vec<(String, String)> {
        section(report, id)
            .charts
            .iter()
            .map(|c| (c.id.clone(), c.title.clone()))
            .collect()
    }

    #[test]
    fn decision_points_are_numbered_and_listed_in_story_order() {
        let report = report();
        let reached = [
            ("s/begin", "s · decision point 1"),
            ("s/later", "s · decision point 2"),
            ("s/elders", "s · decision point 3"),
        ];
        for (section, prefix) in [("decisions", ""), ("qualities", "qualities/")] {
            let charts = charts(&report, section);
            let shown: Vec<(String, String)> = charts
                .iter()
                .filter(|(id, _)| !id.ends_with("/nooit"))
                .cloned()
                .collect();
            assert_eq!(
                shown,
                reached.map(|(id, title)| (format!("{prefix}{id}"), title.to_owned())),
                "{section}"
            );
            // A point nothing leads to comes last, if it is listed at all.
            if let Some(at) = charts.iter().position(|(id, _)| id.ends_with("/nooit")) {
                assert_eq!(at, charts.len() - 1, "{section}: {charts:?}");
                assert_eq!(charts[at].1, "s · decision point 4");
            }
        }
        // The turning points name the same numbers.
        let contexts: Vec<(String, String)> = section(&report, "turning-points").charts[0]
            .bars
            .iter()
            .map(|b| (b.id.clone(), b.context.clone().unwrap_or_default()))
            .collect();
        assert_eq!(contexts.len(), 2, "{contexts:?}");
        for (id, context) in &contexts {
            let number = match id.as_str() {
                "begin/y" => 1,
                "elders/e2" => 3,
                other => panic!("{other}"),
            };
            assert!(
                context.starts_with(&format!("decision point {number} ·")),
                "{id}: {context}"
            );
        }
    }

    #[test]
    fn decision_points_nobody_reached_are_left_out_and_counted_in_one_line() {
        let report = report();
        for section_id in ["decisions", "qualities"] {
            let section = section(&report, section_id);
            assert!(
                section.charts.iter().all(|c| !c.id.ends_with("/nooit")),
                "{section_id}: {:?}",
                charts(&report, section_id)
            );
            for bar in section.charts.iter().flat_map(|c| &c.bars) {
                assert!(bar.total > 0, "{section_id}: {bar:?}");
            }
            assert_eq!(
                section.note.as_deref(),
                Some("One decision point that no trainee reached is left out."),
                "{section_id}"
            );
        }
        let md = crate::report::markdown(&report);
        assert_eq!(
            md.matches("One decision point that no trainee reached is left out.")
                .count(),
            2,
            "{md}"
        );
        assert!(!md.contains("decision point 4"), "{md}");

        // Three left out, when only the first point was reached.
        let exports = [export("a", &[("begin", "x")], &[])];
        let en = Localizer::new(UiLocale::En);
        let report = aggregate(&course(), &exports, ReportOptions::default(), &en);
        let decisions = section(&report, "decisions");
        assert_eq!(decisions.charts.len(), 1);
        assert_eq!(
            decisions.note.as_deref(),
            Some("3 decision points that no trainee reached are left out.")
        );
        // Every point reached: no such line.
        let all = [
            export("a", &[("begin", "x"), ("elders", "e1")], &[]),
            export("b", &[("begin", "y"), ("later", "l1")], &[]),
            export("c", &[("nooit", "n1")], &[]),
        ];
        let report = aggregate(&course(), &all, ReportOptions::default(), &en);
        assert_eq!(section(&report, "decisions").note, None);
        assert_eq!(section(&report, "qualities").note, None);
    }
}

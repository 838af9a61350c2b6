//! The practice part of the group report: what trainees did in the conversations beyond
//! which answer they chose. How good their answers were per decision point, the
//! competencies they showed, missed and breached, and the turning points where the group
//! most often went wrong.
//!
//! A version 2 export records breaches and turning points; for a version 1 export (or an
//! attempt whose turning points were not recorded) they are worked out here by replaying the
//! choices in the course. Qualities always come from the course, by node and choice id.
//! A competency breached by a trainee is never counted as shown for that trainee.

use super::aggregate::{
    Bar, Chart, Section, count, decision_chart, first_choices, numbered_decisions,
    scenarios_in_order, unreached_note,
};
use super::export::{
    Export, ExportedItem, ExportedTurningPoint, choice_quality, turning_point_ids,
};
use crate::course::checked::Course;
use crate::course::ids::{ChoiceId, Competency, ItemId};
use crate::course::model::{Quality, Text};
use crate::engine::ScenarioRun;
use crate::i18n::Localizer;
use crate::msg_args;
use std::collections::{BTreeMap, BTreeSet};

/// What one trainee's attempts say together.
#[derive(Debug, Default)]
pub(super) struct TraineePractice {
    /// Shown in at least one finished attempt and breached in none.
    shown: BTreeSet<Competency>,
    /// Breached in at least one attempt.
    breached: BTreeSet<Competency>,
    /// Passed up in some attempt, and neither shown nor breached in any.
    missed: BTreeSet<Competency>,
    /// The turning points of every attempt, per scenario, without repeats.
    turning: BTreeMap<ItemId, BTreeSet<ExportedTurningPoint>>,
}

/// What each trainee's attempts say, in the order of `exports`.
pub(super) fn practice_of(
    course: &Course,
    exports: &[Export],
    indexed: &[BTreeMap<&ItemId, &ExportedItem>],
) -> Vec<TraineePractice> {
    exports
        .iter()
        .zip(indexed)
        .map(|(export, items)| trainee_practice(course, export.export_version, items))
        .collect()
}

fn trainee_practice(
    course: &Course,
    export_version: u32,
    items: &BTreeMap<&ItemId, &ExportedItem>,
) -> TraineePractice {
    let mut practice = TraineePractice::default();
    for item in items.values() {
        let scenario = course.scenarios.get(&item.id);
        for attempt in &item.attempts {
            // Replayed only when the export lacks something the replay can tell.
            let needs_replay = export_version < 2 || attempt.turning_points.is_none();
            let replayed = scenario.filter(|_| needs_replay).and_then(|scenario| {
                let choices: Vec<ChoiceId> =
                    attempt.choices.iter().map(|c| c.choice.clone()).collect();
                Some((scenario, ScenarioRun::replay(scenario, &choices).ok()?))
            });
            let breached: Vec<Competency> = if export_version < 2 {
                replayed
                    .as_ref()
                    .and_then(|(scenario, run)| run.result(scenario))
                    .map(|result| result.breached)
                    .unwrap_or_default()
            } else {
                attempt
                    .competencies
                    .as_ref()
                    .map(|c| c.breached.clone())
                    .unwrap_or_default()
            };
            if let Some(result) = &attempt.competencies {
                practice.shown.extend(
                    result
                        .shown
                        .iter()
                        .filter(|c| !breached.contains(c))
                        .cloned(),
                );
                practice.missed.extend(result.missed.iter().cloned());
            }
            practice.breached.extend(breached);
            let turning = match (&attempt.turning_points, &replayed) {
                (Some(points), _) => points.clone(),
                (None, Some((scenario, run))) => turning_point_ids(scenario, run),
                (None, None) => Vec::new(),
            };
            if !turning.is_empty() {
                practice
                    .turning
                    .entry(item.id.clone())
                    .or_default()
                    .extend(turning);
            }
        }
    }
    // Across attempts as within one: a breach is not undone by showing it another time.
    let breached = &practice.breached;
    practice.shown.retain(|c| !breached.contains(c));
    let (shown, breached) = (&practice.shown, &practice.breached);
    practice
        .missed
        .retain(|c| !shown.contains(c) && !breached.contains(c));
    practice
}

/// A quality as symbol and word, e.g. `++ best`, as the trainee's screens show it: never by
/// colour alone. (In CSV the leading `+`/`-` gets the formula guard, the `id` column holds
/// the plain key.)
pub(super) fn quality_label(quality: Quality, l10n: &Localizer) -> String {
    l10n.msg(
        "report-quality",
        &msg_args!(
            "word" => l10n.msg("scenario-quality", &msg_args!("quality" => quality.key())),
            "symbol" => quality.symbol(),
        ),
    )
}

/// How many trainees' `set` holds competency `id`.
fn trainees_with(
    practice: &[TraineePractice],
    id: &Competency,
    set: fn(&TraineePractice) -> &BTreeSet<Competency>,
) -> usize {
    practice.iter().filter(|p| set(p).contains(id)).count()
}

/// Per competency of the course, a bar of the trainees whose `set` holds it, out of `n`.
fn competency_bars(
    course: &Course,
    practice: &[TraineePractice],
    n: u32,
    text: &dyn Fn(&Text) -> String,
    set: fn(&TraineePractice) -> &BTreeSet<Competency>,
    context: impl Fn(&Competency) -> Option<String>,
) -> Vec<Bar> {
    course
        .competencies
        .iter()
        .map(|def| Bar {
            id: def.id.to_string(),
            label: text(&def.title),
            context: context(&def.id),
            value: count(trainees_with(practice, &def.id, set)),
            total: n,
            caption: String::new(),
        })
        .collect()
}

/// Per competency of the course, two sections: the trainees who showed it in at least one
/// attempt and breached it in none (the context says how many missed it without ever
/// showing it), then the trainees who breached it in at least one attempt.
pub(super) fn competency_sections(
    course: &Course,
    practice: &[TraineePractice],
    n: u32,
    l10n: &Localizer,
    text: &dyn Fn(&Text) -> String,
) -> [Section; 2] {
    let missed_by = |id: &Competency| {
        let missed = trainees_with(practice, id, |p| &p.missed);
        Some(l10n.msg("report-missed-by", &msg_args!("count" => missed)))
    };
    let shown = competency_bars(course, practice, n, text, |p| &p.shown, missed_by);
    let breached = competency_bars(course, practice, n, text, |p| &p.breached, |_| None);
    [
        Section {
            id: "competencies",
            heading: l10n.msg("report-competencies-heading", &msg_args!()),
            intro: l10n.msg("report-competencies-intro", &msg_args!()),
            note: None,
            label_heading: l10n.msg("report-column-competency", &msg_args!()),
            value_heading: l10n.msg("report-column-shown", &msg_args!()),
            charts: Vec::new(),
        }
        .with_one_chart(shown),
        Section {
            id: "breaches",
            heading: l10n.msg("report-breaches-heading", &msg_args!()),
            intro: l10n.msg("report-breaches-intro", &msg_args!()),
            note: None,
            label_heading: l10n.msg("report-column-competency", &msg_args!()),
            value_heading: l10n.msg("report-column-breached", &msg_args!()),
            charts: Vec::new(),
        }
        .with_one_chart(breached),
    ]
}

/// Per trainee: how many of the course's competencies they breached, and which (in course
/// order; competencies the course no longer has are listed as unmatched instead).
pub(super) fn breach_per_trainee_section(
    course: &Course,
    trainees: &[String],
    practice: &[TraineePractice],
    l10n: &Localizer,
    text: &dyn Fn(&Text) -> String,
) -> Section {
    let total = count(course.competencies.len());
    let bars = trainees
        .iter()
        .zip(practice)
        .map(|(trainee, p)| {
            let names: Vec<String> = course
                .competencies
                .iter()
                .filter(|def| p.breached.contains(&def.id))
                .map(|def| text(&def.title))
                .collect();
            let context = if names.is_empty() {
                l10n.msg("report-breached-none", &msg_args!())
            } else {
                names.join(", ")
            };
            Bar {
                id: trainee.clone(),
                label: trainee.clone(),
                context: Some(context),
                value: count(names.len()),
                total,
                caption: String::new(),
            }
        })
        .collect();
    Section {
        id: "breaches-per-trainee",
        heading: l10n.msg("report-breaches-trainee-heading", &msg_args!()),
        intro: l10n.msg("report-breaches-trainee-intro", &msg_args!()),
        note: None,
        label_heading: l10n.msg("report-column-trainee", &msg_args!()),
        value_heading: l10n.msg("report-column-breached-count", &msg_args!()),
        charts: Vec::new(),
    }
    .with_one_chart(bars)
}

/// One chart per decision point a trainee reached: how many trainees' first answer there
/// was of each quality, out of those who reached it. The others are counted in one line.
pub(super) fn quality_section(
    course: &Course,
    indexed: &[BTreeMap<&ItemId, &ExportedItem>],
    l10n: &Localizer,
    text: &dyn Fn(&Text) -> String,
) -> Section {
    let mut charts = Vec::new();
    let mut unreached = 0;
    for scenario in scenarios_in_order(course) {
        let firsts = first_choices(scenario, indexed);
        for (number, node, _) in numbered_decisions(scenario) {
            let qualities: Vec<Quality> = firsts
                .iter()
                .filter_map(|f| f.get(&node.id))
                .filter_map(|choice| choice_quality(scenario, node.id.as_str(), choice))
                .collect();
            if qualities.is_empty() {
                unreached += 1;
                continue;
            }
            let bars = Quality::ALL
                .into_iter()
                .map(|quality| Bar {
                    id: quality.key().to_owned(),
                    label: quality_label(quality, l10n),
                    context: None,
                    value: count(qualities.iter().filter(|q| **q == quality).count()),
                    total: count(qualities.len()),
                    caption: String::new(),
                })
                .collect();
            let id = format!("qualities/{}/{}", scenario.id, node.id);
            charts.push(decision_chart(
                id,
                scenario,
                (number, node),
                bars,
                l10n,
                text,
            ));
        }
    }
    Section {
        id: "qualities",
        heading: l10n.msg("report-qualities-heading", &msg_args!()),
        intro: l10n.msg("report-qualities-intro", &msg_args!()),
        note: unreached_note(unreached, l10n),
        label_heading: l10n.msg("report-column-quality", &msg_args!()),
        value_heading: l10n.msg("report-column-trainees", &msg_args!()),
        charts,
    }
}

/// Per scenario, the decision points where trainees took an answer while a better one was
/// offered: for each, the answer most often taken there instead of the better one and how
/// many trainees took it, out of those who reached the point; most often first.
pub(super) fn turning_section(
    course: &Course,
    indexed: &[BTreeMap<&ItemId, &ExportedItem>],
    practice: &[TraineePractice],
    l10n: &Localizer,
    text: &dyn Fn(&Text) -> String,
) -> Section {
    let mut charts = Vec::new();
    for scenario in scenarios_in_order(course) {
        let firsts = first_choices(scenario, indexed);
        // (order in the scenario, bar) so equal counts keep the scenario's order.
        let mut bars: Vec<(usize, Bar)> = Vec::new();
        for (number, node, choices) in numbered_decisions(scenario) {
            let position = |id: &ChoiceId| choices.iter().position(|c| &c.id == id);
            // Per choice taken (by position): the trainees who took it here as a turning
            // point, and how often each better choice was named.
            let mut taken: BTreeMap<usize, (usize, BTreeMap<usize, usize>)> = BTreeMap::new();
            for p in practice {
                let Some(points) = p.turning.get(&scenario.id) else {
                    continue;
                };
                let mut counted: BTreeSet<usize> = BTreeSet::new();
                for point in points.iter().filter(|point| point.node == node.id) {
                    let (Some(took), Some(better)) =
                        (position(&point.taken), position(&point.better))
                    else {
                        continue;
                    };
                    let entry = taken.entry(took).or_default();
                    if counted.insert(took) {
                        entry.0 += 1;
                    }
                    *entry.1.entry(better).or_default() += 1;
                }
            }
            // Most trainees first, then the worse answer, then the order written.
            let Some((&took, (trainees, betters))) = taken.iter().min_by(|a, b| {
                (b.1.0)
                    .cmp(&a.1.0)
                    .then(choices[*b.0].quality.cmp(&choices[*a.0].quality))
                    .then(a.0.cmp(b.0))
            }) else {
                continue;
            };
            let Some((&better, _)) = betters
                .iter()
                .min_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)))
            else {
                continue;
            };
            let (took_choice, better_choice) = (&choices[took], &choices[better]);
            let reached = firsts.iter().filter(|f| f.contains_key(&node.id)).count();
            bars.push((
                number,
                Bar {
                    id: format!("{}/{}", node.id, took_choice.id),
                    label: text(&took_choice.text),
                    context: Some(l10n.msg(
                        "report-turning-context",
                        &msg_args!(
                            "number" => number,
                            "quality" => quality_label(took_choice.quality, l10n),
                            "better" => text(&better_choice.text),
                            "better_quality" => quality_label(better_choice.quality, l10n),
                        ),
                    )),
                    value: count(*trainees),
                    total: count(reached.max(*trainees)),
                    caption: String::new(),
                },
            ));
        }
        if bars.is_empty() {
            continue;
        }
        bars.sort_by(|a, b| b.1.value.cmp(&a.1.value).then(a.0.cmp(&b.0)));
        charts.push(Chart {
            id: format!("turning-points/{}", scenario.id),
            title: text(&scenario.title),
            subtitle: None,
            bars: bars.into_iter().map(|(_, bar)| bar).collect(),
        });
    }
    let intro = if charts.is_empty() {
        l10n.msg("report-turning-none", &msg_args!())
    } else {
        l10n.msg("report-turning-intro", &msg_args!())
    };
    Section {
        id: "turning-points",
        heading: l10n.msg("report-turning-heading", &msg_args!()),
        intro,
        note: None,
        label_heading: l10n.msg("report-column-turning", &msg_args!()),
        value_heading: l10n.msg("report-column-took-it", &msg_args!()),
        charts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::course::ids::{CourseId, NodeId};
    use crate::course::model::{CompetencyDef, Outcome};
    use crate::engine::testkit::{ScenarioBuilder, choice, text};
    use crate::i18n::UiLocale;
    use crate::progress::{EndingOutcome, ItemStatus, Timestamp};
    use crate::report::{
        AttemptResult, CompetencyResult, ExportedChoice, ExportedCourse, ExportedEnding,
        GroupReport, ReportOptions, aggregate,
    };

    /// One scenario: at `open`, `toon` shows competency `c`; at `verder`, `breuk` breaches
    /// it (harmful) where `goed` was the best answer.
    fn course() -> Course {
        let scenario = ScenarioBuilder::new("s")
            .choices(
                "open",
                [
                    choice("toon", "verder")
                        .competency("c")
                        .quality(Quality::Best),
                    choice("stil", "verder").quality(Quality::Weak),
                ],
            )
            .choices(
                "verder",
                [
                    choice("goed", "einde").quality(Quality::Best),
                    choice("breuk", "einde")
                        .breaches("c")
                        .quality(Quality::Harmful),
                ],
            )
            .ending("einde", Outcome::Mixed)
            .build();
        Course {
            id: CourseId::from("k"),
            title: text("K"),
            description: text("K"),
            competencies: vec![CompetencyDef {
                id: Competency::from("c"),
                title: text("Care"),
                description: None,
            }],
            ..crate::engine::testkit::course(Vec::new(), vec![scenario])
        }
    }

    /// An export that took `toon` then `breuk`, recording these competencies.
    fn export(version: u32, competencies: CompetencyResult) -> Export {
        let taken = |node: &str, choice: &str| ExportedChoice {
            node: NodeId::from(node),
            choice: ChoiceId::from(choice),
            at: None,
        };
        Export {
            kind: super::super::EXPORT_KIND.to_owned(),
            export_version: version,
            format_version: None,
            course: ExportedCourse {
                id: CourseId::from("k"),
                version: "1".into(),
            },
            profile: "p".into(),
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
                    choices: vec![taken("open", "toon"), taken("verder", "breuk")],
                    ending: Some(ExportedEnding {
                        node: NodeId::from("einde"),
                        outcome: EndingOutcome::Mixed,
                    }),
                    variables: BTreeMap::new(),
                    competencies: Some(competencies),
                    qualities: None,
                    turning_points: None,
                }],
                reflections: Vec::new(),
            }],
            includes_reflections: false,
        }
    }

    fn report(exports: &[Export]) -> GroupReport {
        aggregate(
            &course(),
            exports,
            ReportOptions::default(),
            &Localizer::new(UiLocale::En),
        )
    }

    /// (value, total) of every bar of the section with this id.
    fn counts(report: &GroupReport, section: &str) -> Vec<(String, u32, u32)> {
        report
            .sections
            .iter()
            .find(|s| s.id == section)
            .unwrap_or_else(|| panic!("no section {section}"))
            .charts
            .iter()
            .flat_map(|c| &c.bars)
            .map(|b| (b.id.clone(), b.value, b.total))
            .collect()
    }

    #[test]
    fn a_breach_is_never_counted_as_shown_whatever_the_export_version() {
        let c = || vec![Competency::from("c")];
        // Version 1 recorded `c` as shown and knew nothing of breaches: the replay finds
        // the breach. Version 2 recorded the breach itself.
        let old = export(
            1,
            CompetencyResult {
                shown: c(),
                breached: Vec::new(),
                missed: Vec::new(),
            },
        );
        let new = export(
            2,
            CompetencyResult {
                shown: Vec::new(),
                breached: c(),
                missed: Vec::new(),
            },
        );
        for exports in [vec![old.clone()], vec![new.clone()], vec![old, new]] {
            let report = report(&exports);
            let n = exports.len() as u32;
            assert_eq!(
                counts(&report, "competencies"),
                [("c".to_owned(), 0, n)],
                "never shown"
            );
            assert_eq!(counts(&report, "breaches"), [("c".to_owned(), n, n)]);
            for (_, value, total) in counts(&report, "breaches-per-trainee") {
                assert_eq!((value, total), (1, 1));
            }
        }
    }

    #[test]
    fn qualities_and_turning_points_come_from_the_course_for_a_version_1_export() {
        let report = report(&[export(1, CompetencyResult::default())]);
        let qualities = counts(&report, "qualities");
        assert_eq!(
            qualities,
            [
                ("best".to_owned(), 1, 1),
                ("acceptable".to_owned(), 0, 1),
                ("weak".to_owned(), 0, 1),
                ("harmful".to_owned(), 0, 1),
                ("best".to_owned(), 0, 1),
                ("acceptable".to_owned(), 0, 1),
                ("weak".to_owned(), 0, 1),
                ("harmful".to_owned(), 1, 1),
            ]
        );
        assert_eq!(
            counts(&report, "turning-points"),
            [("verder/breuk".to_owned(), 1, 1)]
        );
        let section = report
            .sections
            .iter()
            .find(|s| s.id == "turning-points")
            .expect("the section");
        let bar = &section.charts[0].bars[0];
        let context = bar.context.as_deref().unwrap_or_default();
        assert!(context.contains("!! harmful"), "{context}");
        assert!(context.contains("++ best: goed"), "{context}");
    }

    #[test]
    fn without_turning_points_the_section_says_so() {
        let mut good = export(2, CompetencyResult::default());
        good.items[0].attempts[0].choices[1].choice = ChoiceId::from("goed");
        good.items[0].attempts[0].turning_points = Some(Vec::new());
        let report = report(&[good]);
        let section = report
            .sections
            .iter()
            .find(|s| s.id == "turning-points")
            .expect("the section");
        assert!(section.charts.is_empty());
        assert_eq!(
            section.intro,
            "No trainee took an answer where a better one was offered."
        );
    }

    #[test]
    fn a_quality_is_a_symbol_and_a_word_in_every_language() {
        let en = Localizer::new(UiLocale::En);
        assert_eq!(quality_label(Quality::Best, &en), "++ best");
        assert_eq!(quality_label(Quality::Harmful, &en), "!! harmful");
        let nl = Localizer::new(UiLocale::Nl);
        assert_eq!(quality_label(Quality::Weak, &nl), "- zwak");
        let fr = Localizer::new(UiLocale::Fr);
        assert_eq!(quality_label(Quality::Acceptable, &fr), "+ acceptable");
    }
}

//! What exports refer to that the course no longer has: items, quizzes, decision points,
//! choices, endings and competencies. They are listed in the report, never silently dropped.

use super::export::ExportedItem;
use crate::course::checked::{Course, Item, Step};
use crate::course::ids::ItemId;
use crate::i18n::Localizer;
use crate::msg_args;
use std::collections::{BTreeMap, BTreeSet};

/// The kinds of thing an export can refer to that the course no longer has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Missing {
    Item,
    Quiz,
    Decision,
    Choice,
    Ending,
    Competency,
}

impl Missing {
    pub(super) fn describe(self, l10n: &Localizer) -> String {
        match self {
            Missing::Item => l10n.msg("report-unmatched-item", &msg_args!()),
            Missing::Quiz => l10n.msg("report-unmatched-quiz", &msg_args!()),
            Missing::Decision => l10n.msg("report-unmatched-decision", &msg_args!()),
            Missing::Choice => l10n.msg("report-unmatched-choice", &msg_args!()),
            Missing::Ending => l10n.msg("report-unmatched-ending", &msg_args!()),
            Missing::Competency => l10n.msg("report-unmatched-competency", &msg_args!()),
        }
    }
}

/// What one export refers to that `course` does not have: `(id, kind)`, without repeats,
/// in a stable order.
pub(super) fn unmatched_in(
    course: &Course,
    items: &BTreeMap<&ItemId, &ExportedItem>,
) -> BTreeSet<(String, Missing)> {
    let mut found = BTreeSet::new();
    let known: BTreeSet<&str> = course.competencies.iter().map(|c| c.id.as_str()).collect();
    for (id, item) in items {
        let Some(in_course) = course.item(id.as_str()) else {
            found.insert((id.to_string(), Missing::Item));
            continue;
        };
        let lesson = match in_course {
            Item::Lesson(lesson) => Some(lesson),
            Item::Scenario(_) => None,
        };
        for quiz in &item.quizzes {
            let exists = lesson.is_some_and(|l| {
                l.scenes.iter().any(|s| {
                    s.id == quiz.scene
                        && matches!(s.body, crate::course::checked::SceneBody::Quiz(_))
                })
            });
            if !exists {
                found.insert((format!("{id}/{}", quiz.scene), Missing::Quiz));
            }
        }
        let scenario = match in_course {
            Item::Scenario(scenario) => Some(scenario),
            Item::Lesson(_) => None,
        };
        for attempt in &item.attempts {
            for taken in &attempt.choices {
                let node =
                    scenario.and_then(|s| s.node_idx(taken.node.as_str()).map(|idx| s.node(idx)));
                match node.map(|n| &n.step) {
                    Some(Step::Choices(choices)) => {
                        if !choices.iter().any(|c| c.id == taken.choice) {
                            found.insert((
                                format!("{id}/{}/{}", taken.node, taken.choice),
                                Missing::Choice,
                            ));
                        }
                    }
                    _ => {
                        found.insert((format!("{id}/{}", taken.node), Missing::Decision));
                    }
                }
            }
            if let Some(ending) = &attempt.ending {
                let is_ending = scenario
                    .and_then(|s| s.node_idx(ending.node.as_str()).map(|idx| s.node(idx)))
                    .is_some_and(|n| matches!(n.step, Step::Ending(_)));
                if !is_ending {
                    found.insert((format!("{id}/{}", ending.node), Missing::Ending));
                }
            }
            for point in attempt.turning_points.iter().flatten() {
                let node =
                    scenario.and_then(|s| s.node_idx(point.node.as_str()).map(|idx| s.node(idx)));
                match node.map(|n| &n.step) {
                    Some(Step::Choices(choices)) => {
                        for choice in [&point.taken, &point.better] {
                            if !choices.iter().any(|c| &c.id == choice) {
                                found.insert((
                                    format!("{id}/{}/{choice}", point.node),
                                    Missing::Choice,
                                ));
                            }
                        }
                    }
                    _ => {
                        found.insert((format!("{id}/{}", point.node), Missing::Decision));
                    }
                }
            }
            if let Some(result) = &attempt.competencies {
                for tag in result
                    .shown
                    .iter()
                    .chain(&result.breached)
                    .chain(&result.missed)
                {
                    if !known.contains(tag.as_str()) {
                        found.insert((tag.to_string(), Missing::Competency));
                    }
                }
            }
        }
    }
    found
}

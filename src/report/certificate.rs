//! A trainee's certificate (`kruispunt certificate`), as a [`Document`] to print or keep:
//! the course and its version; the modules completed, with when and how long; the endings
//! reached and the competencies, as the end of a conversation shows them; a personal
//! action plan made of the checklist points the trainee saw and did not tick; and, only
//! when the trainee asks, their reflections.
//!
//! Everything comes from the progress file. What it does not record is said, never made
//! up: Kruispunt keeps when each conversation attempt started and ended and, from progress
//! schema version 5 on, when each lesson was opened and completed; a module's date and time
//! come from those of its items that have them.

use super::export::{CompetencyResult, Export};
use crate::course::checked::{Course, Item, SceneBody};
use crate::course::ids::{Competency, ItemId, NodeId};
use crate::course::markup::plain;
use crate::course::model::{Module, Text};
use crate::i18n::{DateTimeStyle, Localizer};
use crate::msg_args;
use crate::progress::{EndingOutcome, ItemProgress, ItemStatus, Progress, Timestamp};
use crate::report::document::{self, Block, Cell, Document, PAGE_CLASS, Paragraph, Table};
use std::collections::BTreeSet;

/// Whose certificate, and what goes in it.
#[derive(Debug, Clone, Copy)]
pub struct CertificateRequest<'a> {
    /// The profile name, shown as the trainee's name.
    pub profile: &'a str,
    /// When the certificate is made.
    pub issued_at: Timestamp,
    /// Whether the reflections the trainee wrote are included.
    pub include_reflections: bool,
}

/// The certificate of `progress` in `course`, in the language of `l10n`.
pub fn certificate(
    course: &Course,
    progress: &Progress,
    request: CertificateRequest<'_>,
    l10n: &Localizer,
) -> Document {
    let c = Certificate {
        course,
        progress,
        l10n,
    };
    let mut blocks = vec![
        Block::Paragraph(
            Paragraph::new(c.msg(
                "certificate-awarded",
                &msg_args!(
                    "name" => request.profile,
                    "course" => c.text(&course.title),
                    "version" => course.version.as_str(),
                ),
            ))
            .strong(),
        ),
        Block::Paragraph(
            Paragraph::new(c.msg(
                "certificate-issued",
                &msg_args!("date" => request.issued_at),
            ))
            .with_class("meta"),
        ),
    ];
    blocks.push(c.modules());
    blocks.push(c.endings());
    blocks.push(c.competencies(request));
    blocks.push(c.action_plan());
    if request.include_reflections {
        blocks.push(c.reflections());
    }
    Document {
        language: l10n.current().tag().to_owned(),
        title: c.msg("certificate-title", &msg_args!()),
        blocks,
    }
}

/// When the last of `items` ended and how long they took together, in seconds: each
/// finished conversation attempt from start to end, each lesson from its first opening to
/// its completion. A lesson completed without a recorded start (opened before its times
/// were kept) dates the module but adds no time; `None` when no item has a time.
fn time_spent<'a>(items: impl Iterator<Item = &'a ItemProgress>) -> (Option<Timestamp>, u64) {
    let spans = items.flat_map(|saved| {
        let lesson = saved
            .lesson
            .completed_at
            .map(|end| (saved.lesson.started_at, end));
        let attempts = saved
            .attempts
            .iter()
            .filter_map(|a| a.finished_at.map(|end| (Some(a.started_at), end)));
        lesson.into_iter().chain(attempts)
    });
    spans.fold((None, 0u64), |(last, sum), (start, end)| {
        let took = start.map_or(0, |start| end.0.saturating_sub(start.0));
        (last.max(Some(end)), sum.saturating_add(took))
    })
}

struct Certificate<'a> {
    course: &'a Course,
    progress: &'a Progress,
    l10n: &'a Localizer,
}

impl Certificate<'_> {
    fn msg(&self, id: &str, args: &crate::i18n::MsgArgs<'_>) -> String {
        self.l10n.msg(id, args)
    }

    fn text(&self, text: &Text) -> String {
        plain(self.l10n.pick(text).text)
    }

    fn item(&self, id: &ItemId) -> Option<&ItemProgress> {
        self.progress.items.get(id)
    }

    fn section(id: &str, page: bool, blocks: Vec<Block>) -> Block {
        Block::Section(document::Section {
            id: Some(id.to_owned()),
            class: page.then(|| PAGE_CLASS.to_owned()),
            blocks,
        })
    }

    /// The date of a moment, in the trainee's time zone and language.
    fn date(&self, at: Timestamp) -> String {
        self.l10n.date_time(&at.rfc3339(), DateTimeStyle::DATE)
    }

    fn duration(&self, seconds: u64) -> String {
        // Rounded to the nearest minute; a started conversation counts one at least.
        let minutes = (seconds + 30) / 60;
        self.msg(
            "certificate-duration",
            &msg_args!("hours" => minutes / 60, "minutes" => minutes % 60),
        )
    }

    /// Completed: every item of the module completed. When: the last of its items ended;
    /// how long: its lessons (first opened to completed) and its conversations' finished
    /// attempts together, where their times were recorded.
    fn modules(&self) -> Block {
        let completed: Vec<&Module> = self
            .course
            .modules
            .iter()
            .filter(|module| {
                module.items.iter().all(|id| {
                    self.item(id)
                        .is_some_and(|saved| saved.status == ItemStatus::Completed)
                })
            })
            .collect();
        let mut blocks = vec![
            Block::heading(2, self.msg("certificate-modules-heading", &msg_args!())),
            Block::paragraph(self.msg(
                "certificate-modules-count",
                &msg_args!("completed" => completed.len(), "total" => self.course.modules.len()),
            )),
        ];
        if !completed.is_empty() {
            let unknown = || self.msg("certificate-not-recorded", &msg_args!());
            let rows = completed
                .iter()
                .map(|module| {
                    let (last, seconds) =
                        time_spent(module.items.iter().filter_map(|id| self.item(id)));
                    let estimated: u32 = module
                        .items
                        .iter()
                        .filter_map(|id| self.course.item(id.as_str()))
                        .filter_map(|item| item.estimated_minutes(self.l10n.current().tag()))
                        .sum();
                    vec![
                        Cell::text(self.text(&module.title)),
                        Cell::count(last.map(|at| self.date(at)).unwrap_or_else(unknown)),
                        Cell::count(last.map(|_| self.duration(seconds)).unwrap_or_else(unknown)),
                        // A course that gives no estimate for the module: nothing to say.
                        Cell::count(if estimated == 0 {
                            "—".to_owned()
                        } else {
                            self.duration(u64::from(estimated) * 60)
                        }),
                    ]
                })
                .collect();
            blocks.push(Block::Table(Table {
                head: [
                    "certificate-column-module",
                    "certificate-column-completed-on",
                    "certificate-column-time",
                    "certificate-column-estimated",
                ]
                .map(|id| self.msg(id, &msg_args!()))
                .to_vec(),
                rows,
            }));
            blocks.push(Block::Paragraph(
                Paragraph::new(self.msg("certificate-modules-note", &msg_args!()))
                    .with_class("note"),
            ));
        }
        Self::section("modules", false, blocks)
    }

    /// Each ending reached, once, with the date it was first reached.
    fn endings(&self) -> Block {
        let mut blocks = vec![Block::heading(
            2,
            self.msg("certificate-endings-heading", &msg_args!()),
        )];
        let mut rows = Vec::new();
        for (_, item) in self.course.items_in_order() {
            let Item::Scenario(scenario) = item else {
                continue;
            };
            let Some(saved) = self.item(&scenario.id) else {
                continue;
            };
            let mut reached: Vec<(&NodeId, EndingOutcome, Option<Timestamp>)> = Vec::new();
            for attempt in &saved.attempts {
                if let Some(ending) = &attempt.ending
                    && !reached.iter().any(|(node, ..)| *node == &ending.node)
                {
                    reached.push((&ending.node, ending.outcome, attempt.finished_at));
                }
            }
            for (node, outcome, at) in reached {
                let title = scenario
                    .node_idx(node.as_str())
                    .and_then(|idx| scenario.nodes.get(idx.0 as usize))
                    .and_then(|n| match &n.step {
                        crate::course::checked::Step::Ending(ending) => {
                            Some(self.text(&ending.title))
                        }
                        _ => None,
                    })
                    .unwrap_or_else(|| node.to_string());
                let outcome = match outcome {
                    EndingOutcome::Good => "good",
                    EndingOutcome::Mixed => "mixed",
                    EndingOutcome::Poor => "poor",
                };
                rows.push(vec![
                    Cell::text(self.text(&scenario.title)),
                    Cell::text(title),
                    Cell::count(self.msg("report-outcome", &msg_args!("outcome" => outcome))),
                    Cell::count(
                        at.map(|at| self.date(at))
                            .unwrap_or_else(|| self.msg("certificate-not-recorded", &msg_args!())),
                    ),
                ]);
            }
        }
        if rows.is_empty() {
            blocks.push(Block::paragraph(
                self.msg("certificate-endings-none", &msg_args!()),
            ));
        } else {
            blocks.push(Block::Table(Table {
                head: [
                    "certificate-column-conversation",
                    "report-column-ending",
                    "print-column-outcome",
                    "certificate-column-reached-on",
                ]
                .map(|id| self.msg(id, &msg_args!()))
                .to_vec(),
                rows,
            }));
        }
        Self::section("endings", false, blocks)
    }

    /// Every competency of the course: shown (in a finished conversation, and breached in
    /// none), breached, not shown yet (passed up and never shown), or not practised.
    fn competencies(&self, request: CertificateRequest<'_>) -> Block {
        // The export's replay of every attempt is what the end of a conversation shows.
        let export = Export::of(
            self.course,
            self.progress,
            request.profile,
            false,
            request.issued_at,
        );
        let results: Vec<&CompetencyResult> = export
            .items
            .iter()
            .flat_map(|item| &item.attempts)
            .filter_map(|attempt| attempt.competencies.as_ref())
            .collect();
        let breached: BTreeSet<&Competency> = results.iter().flat_map(|r| &r.breached).collect();
        let shown: BTreeSet<&Competency> = results
            .iter()
            .flat_map(|r| &r.shown)
            .filter(|c| !breached.contains(c))
            .collect();
        let missed: BTreeSet<&Competency> = results.iter().flat_map(|r| &r.missed).collect();
        let status = |id: &Competency| {
            if breached.contains(id) {
                "breached"
            } else if shown.contains(id) {
                "shown"
            } else if missed.contains(id) {
                "missed"
            } else {
                "unpractised"
            }
        };
        let mut blocks = vec![
            Block::heading(
                2,
                self.msg("certificate-competencies-heading", &msg_args!()),
            ),
            Block::paragraph(self.msg("certificate-competencies-intro", &msg_args!())),
        ];
        let rows: Vec<Vec<Cell>> = self
            .course
            .competencies
            .iter()
            .map(|def| {
                vec![
                    Cell::text(self.text(&def.title))
                        .with_context(def.description.as_ref().map(|d| self.text(d))),
                    Cell::count(self.msg(
                        "certificate-competency",
                        &msg_args!("status" => status(&def.id)),
                    )),
                ]
            })
            .collect();
        if !rows.is_empty() {
            blocks.push(Block::Table(Table {
                head: ["report-column-competency", "certificate-column-result"]
                    .map(|id| self.msg(id, &msg_args!()))
                    .to_vec(),
                rows,
            }));
        }
        Self::section("competencies", false, blocks)
    }

    /// The checklist points the trainee saw and did not tick, per checklist in course
    /// order: what to work on next.
    fn action_plan(&self) -> Block {
        let mut blocks = vec![
            Block::heading(2, self.msg("certificate-plan-heading", &msg_args!())),
            Block::paragraph(self.msg("certificate-plan-intro", &msg_args!())),
        ];
        let mut seen_any = false;
        let mut planned = false;
        for (_, item) in self.course.items_in_order() {
            let Item::Lesson(lesson) = item else {
                continue;
            };
            let Some(saved) = self.item(&lesson.id) else {
                continue;
            };
            for scene in &lesson.scenes {
                let SceneBody::Checklist(checklist) = &scene.body else {
                    continue;
                };
                let Some(record) = saved.lesson.scenes.get(&scene.id).filter(|s| s.visited) else {
                    continue;
                };
                seen_any = true;
                let open: Vec<String> = checklist
                    .entries
                    .iter()
                    .filter(|entry| !record.checked.contains(&entry.id))
                    .map(|entry| format!("☐ {}", self.text(&entry.text)))
                    .collect();
                if open.is_empty() {
                    continue;
                }
                planned = true;
                let scene_title = scene.title.as_ref().map(|t| self.text(t));
                blocks.push(Block::heading(
                    3,
                    match scene_title {
                        Some(scene) => format!("{} › {scene}", self.text(&lesson.title)),
                        None => self.text(&lesson.title),
                    },
                ));
                blocks.push(Block::List(open));
            }
        }
        if !planned {
            let id = if seen_any {
                "certificate-plan-all-ticked"
            } else {
                "certificate-plan-no-checklist"
            };
            blocks.push(Block::paragraph(self.msg(id, &msg_args!())));
        }
        Self::section("action-plan", true, blocks)
    }

    /// The reflections, in course order, each under its question; those of scenes the
    /// course no longer has under their ids.
    fn reflections(&self) -> Block {
        let mut blocks = vec![Block::heading(
            2,
            self.msg("certificate-reflections-heading", &msg_args!()),
        )];
        let mut any = false;
        // Lessons in course order, then what the course no longer has.
        let in_course = self.course.modules.iter().flat_map(|module| &module.items);
        let gone = self
            .progress
            .items
            .keys()
            .filter(|id| self.course.item(id.as_str()).is_none());
        for id in in_course.chain(gone) {
            let Some(saved) = self.item(id) else {
                continue;
            };
            let lesson = self.course.lessons.get(id);
            // Course order first: scenes by their place in the lesson.
            let mut written: Vec<(usize, String, &str)> = saved
                .reflections
                .iter()
                .filter(|(_, r)| !r.text.trim().is_empty())
                .map(|(scene_id, r)| {
                    let found = lesson
                        .and_then(|l| l.scenes.iter().enumerate().find(|(_, s)| &s.id == scene_id));
                    let prompt = found
                        .and_then(|(_, s)| match &s.body {
                            SceneBody::Reflection(reflection) => {
                                Some(self.text(&reflection.prompt))
                            }
                            _ => None,
                        })
                        .unwrap_or_else(|| scene_id.to_string());
                    (
                        found.map_or(usize::MAX, |(i, _)| i),
                        prompt,
                        r.text.as_str(),
                    )
                })
                .collect();
            written.sort_by_key(|(place, ..)| *place);
            for (_, prompt, text) in written {
                any = true;
                blocks.push(Block::Paragraph(Paragraph::new(prompt).strong()));
                blocks.extend(
                    text.split("\n\n")
                        .filter(|p| !p.trim().is_empty())
                        .map(|p| Block::Paragraph(Paragraph::new(p).with_class("reflection"))),
                );
            }
        }
        if !any {
            blocks.push(Block::paragraph(
                self.msg("certificate-reflections-none", &msg_args!()),
            ));
        }
        Self::section("reflections", true, blocks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::ScenarioAttempt;

    fn attempt(started: u64, finished: Option<u64>) -> ScenarioAttempt {
        ScenarioAttempt {
            choices: Vec::new(),
            current_node: NodeId::from("n"),
            ending: None,
            variables: std::collections::BTreeMap::new(),
            started_at: Timestamp(started),
            finished_at: finished.map(Timestamp),
            seed: None,
        }
    }

    #[test]
    fn a_modules_time_adds_its_lessons_and_finished_attempts_and_ends_with_the_last() {
        let mut lesson = ItemProgress::default();
        lesson.lesson.started_at = Some(Timestamp(100));
        lesson.lesson.completed_at = Some(Timestamp(400));
        // Completed before lesson times were kept fully: a date, no time.
        let mut older = ItemProgress::default();
        older.lesson.completed_at = Some(Timestamp(50));
        let scenario = ItemProgress {
            attempts: vec![attempt(500, Some(560)), attempt(600, None)],
            ..ItemProgress::default()
        };
        assert_eq!(
            time_spent([&lesson, &older, &scenario].into_iter()),
            (Some(Timestamp(560)), 300 + 60)
        );
        assert_eq!(time_spent([&older].into_iter()), (Some(Timestamp(50)), 0));
        assert_eq!(
            time_spent([&ItemProgress::default()].into_iter()),
            (None, 0)
        );
    }
}

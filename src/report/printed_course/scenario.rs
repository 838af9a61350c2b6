//! A scenario in the printed course: its characters and variables, then a table of its
//! decision points (one row per answer: its quality, feedback, competencies, effects and
//! where it leads; conditions in ids and symbols) and a table of its endings.

use super::Printer;
use crate::course::checked::{Choice, Cond, Ending, NodeIdx, Scenario, Step};
use crate::course::model::{CompetencyEvidence, Outcome, Quality};
use crate::msg_args;
use crate::report::document::{self, Block, Cell, Table};

impl Printer<'_> {
    pub(super) fn scenario(&self, scenario: &Scenario) -> Block {
        let mut blocks = vec![Block::heading(
            3,
            self.msg(
                "print-scenario",
                &msg_args!("title" => self.text(&scenario.title)),
            ),
        )];
        let minutes = crate::course::checked::Item::Scenario(scenario)
            .estimated_minutes(self.l10n.current().tag());
        blocks.extend(self.minutes(minutes));
        blocks.push(Block::paragraph(self.text(&scenario.setting)));
        blocks.push(self.labelled("print-goal", self.text(&scenario.goal), "goal"));
        if let Some(note) = &scenario.content_note {
            blocks.push(self.labelled("print-content-note", self.text(note), "note"));
        }
        blocks.extend(self.notes(scenario.facilitator_notes.as_ref()));
        blocks.push(Block::heading(
            4,
            self.msg("print-characters", &msg_args!()),
        ));
        blocks.push(Block::Table(Table {
            head: [
                "print-column-character",
                "print-column-role",
                "print-column-about",
            ]
            .map(|id| self.msg(id, &msg_args!()))
            .to_vec(),
            rows: scenario
                .characters
                .iter()
                .map(|c| {
                    vec![
                        Cell::text(self.text(&c.name)),
                        Cell::text(self.text(&c.role)),
                        Cell::text(self.text(&c.bio)),
                    ]
                })
                .collect(),
        }));
        if !scenario.variables.is_empty() {
            blocks.push(Block::heading(4, self.msg("print-variables", &msg_args!())));
            blocks.push(Block::Table(Table {
                head: [
                    "print-column-variable",
                    "print-column-start",
                    "print-column-range",
                ]
                .map(|id| self.msg(id, &msg_args!()))
                .to_vec(),
                rows: scenario
                    .variables
                    .iter()
                    .map(|v| {
                        vec![
                            Cell::text(self.text(&v.label)).with_context(Some(v.id.to_string())),
                            Cell::count(v.start.to_string()),
                            Cell::count(format!("{} – {}", v.min, v.max)),
                        ]
                    })
                    .collect(),
            }));
        }
        blocks.push(Block::heading(4, self.msg("print-nodes", &msg_args!())));
        blocks.push(Block::Table(self.nodes(scenario)));
        blocks.push(Block::heading(4, self.msg("print-endings", &msg_args!())));
        blocks.push(Block::Table(self.endings(scenario)));
        Block::Section(document::Section {
            id: Some(format!("scenario-{}", scenario.id)),
            class: Some("scenario".to_owned()),
            blocks,
        })
    }

    /// The id of the node at `idx`.
    fn node_id(scenario: &Scenario, idx: NodeIdx) -> String {
        scenario
            .nodes
            .get(idx.0 as usize)
            .map(|n| n.id.to_string())
            .unwrap_or_default()
    }

    /// One row per answer (or per route, or one for a node that goes on by itself or
    /// ends), the node and what is said there in its first row.
    fn nodes(&self, scenario: &Scenario) -> Table {
        let head = [
            "print-column-node",
            "print-column-said",
            "report-column-answer",
            "report-column-quality",
            "print-column-feedback",
            "print-column-effects",
            "print-column-next",
        ]
        .map(|id| self.msg(id, &msg_args!()))
        .to_vec();
        let mut rows = Vec::new();
        for node in &scenario.nodes {
            let said: Vec<String> = node
                .lines
                .iter()
                .map(|line| {
                    let name = scenario
                        .character(&line.speaker)
                        .map(|c| self.text(&c.name))
                        .unwrap_or_else(|| line.speaker.to_string());
                    let mut said = self.msg(
                        "print-line",
                        &msg_args!("name" => name, "text" => self.text(&line.text)),
                    );
                    if let Some(thought) = &line.thought {
                        said.push(' ');
                        said.push_str(
                            &self.msg("print-thought", &msg_args!("text" => self.text(thought))),
                        );
                    }
                    said
                })
                .collect();
            let mut first = Some((Cell::code(node.id.to_string()), Cell::lines(&said)));
            let mut row = |cells: [Cell; 5]| {
                let (id, said) = first
                    .take()
                    .unwrap_or_else(|| (Cell::text(""), Cell::text("")));
                let mut row = vec![id, said];
                row.extend(cells);
                rows.push(row);
            };
            match &node.step {
                Step::Choices(choices) => {
                    for choice in choices {
                        row(self.choice(scenario, choice));
                    }
                }
                Step::Auto(next) => row([
                    Cell::text(self.msg("print-goes-on", &msg_args!())),
                    Cell::text(""),
                    Cell::text(""),
                    Cell::text(""),
                    Cell::code(Self::node_id(scenario, *next)),
                ]),
                Step::Route(arms) => {
                    for arm in arms {
                        let when = match &arm.condition {
                            Some(cond) => self.msg(
                                "print-route-when",
                                &msg_args!("condition" => self.condition(scenario, cond)),
                            ),
                            None => self.msg("print-route-otherwise", &msg_args!()),
                        };
                        row([
                            Cell::text(when),
                            Cell::text(""),
                            Cell::text(""),
                            Cell::text(""),
                            Cell::code(Self::node_id(scenario, arm.next)),
                        ]);
                    }
                }
                Step::Ending(ending) => row([
                    Cell::text(self.msg(
                        "print-ends",
                        &msg_args!("title" => self.text(&ending.title)),
                    )),
                    Cell::text(""),
                    Cell::text(""),
                    Cell::text(""),
                    Cell::text(""),
                ]),
            }
        }
        Table { head, rows }
    }

    /// An answer's cells after the node's: the answer (and when it is offered), its
    /// quality, the feedback (and the competencies it shows or breaches), its effects and
    /// where it leads.
    fn choice(&self, scenario: &Scenario, choice: &Choice) -> [Cell; 5] {
        let offered = choice.condition.as_ref().map(|cond| {
            self.msg(
                "print-offered-when",
                &msg_args!("condition" => self.condition(scenario, cond)),
            )
        });
        let effects: Vec<String> = choice
            .effects
            .iter()
            .map(|(var, delta)| {
                let label = scenario
                    .variables
                    .get(var.0 as usize)
                    .map(|v| self.text(&v.label))
                    .unwrap_or_default();
                format!("{label} {delta:+}")
            })
            .collect();
        [
            Cell::text(self.text(&choice.text)).with_context(offered),
            Cell::count(self.quality(choice.quality)),
            Cell::text(self.text(&choice.feedback))
                .with_context(self.evidence(&choice.competencies)),
            Cell::lines(&effects),
            Cell::code(Self::node_id(scenario, choice.next)),
        ]
    }

    fn quality(&self, quality: Quality) -> String {
        crate::report::practice::quality_label(quality, self.l10n)
    }

    /// `shows: …; breaches: …`, by the competencies' titles; `None` without any.
    fn evidence(&self, evidence: &CompetencyEvidence) -> Option<String> {
        if evidence.is_empty() {
            return None;
        }
        let titles = |ids: Vec<&crate::course::ids::Competency>| {
            ids.into_iter()
                .map(|id| self.competency(id))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let shown = titles(evidence.shown().collect());
        let breached = titles(evidence.breached().collect());
        let mut parts = Vec::new();
        if !shown.is_empty() {
            parts.push(self.msg("print-shows", &msg_args!("competencies" => shown)));
        }
        if !breached.is_empty() {
            parts.push(self.msg("print-breaches", &msg_args!("competencies" => breached)));
        }
        Some(parts.join("; "))
    }

    /// A competency's title, or its id when the course does not define it.
    fn competency(&self, id: &crate::course::ids::Competency) -> String {
        self.course
            .competencies
            .iter()
            .find(|def| &def.id == id)
            .map(|def| self.text(&def.title))
            .unwrap_or_else(|| id.to_string())
    }

    /// A condition in words and ids: `visited n3 ∧ trust ≥ 2`.
    fn condition(&self, scenario: &Scenario, cond: &Cond) -> String {
        let join = |conds: &[Cond], by: &str| {
            let parts: Vec<String> = conds.iter().map(|c| self.condition(scenario, c)).collect();
            format!("({})", parts.join(by))
        };
        match cond {
            Cond::All(conds) => join(conds, " ∧ "),
            Cond::Any(conds) => join(conds, " ∨ "),
            Cond::Not(cond) => format!("¬{}", self.condition(scenario, cond)),
            Cond::Visited(node) => self.msg(
                "print-cond-visited",
                &msg_args!("node" => Self::node_id(scenario, *node)),
            ),
            Cond::Compare { var, op, value } => {
                let var = scenario
                    .variables
                    .get(var.0 as usize)
                    .map(|v| v.id.to_string())
                    .unwrap_or_default();
                let op = serde_json::to_value(op)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                format!("{var} {op} {value}")
            }
            Cond::ChoseQuality(quality) => self.msg(
                "print-cond-chose-quality",
                &msg_args!("quality" => self.quality(*quality)),
            ),
            Cond::Chose { node, choice } => {
                let answer = scenario
                    .nodes
                    .get(node.0 as usize)
                    .and_then(|n| match &n.step {
                        Step::Choices(choices) => choices.get(*choice as usize),
                        _ => None,
                    })
                    .map(|c| c.id.to_string())
                    .unwrap_or_default();
                self.msg(
                    "print-cond-chose",
                    &msg_args!("node" => Self::node_id(scenario, *node), "choice" => answer),
                )
            }
        }
    }

    /// One row per ending: its node, title, outcome and debrief (each part on a line, a
    /// part for particular paths with its condition).
    fn endings(&self, scenario: &Scenario) -> Table {
        let head = [
            "print-column-node",
            "report-column-ending",
            "print-column-outcome",
            "print-column-debrief",
        ]
        .map(|id| self.msg(id, &msg_args!()))
        .to_vec();
        let rows = scenario
            .nodes
            .iter()
            .filter_map(|node| match &node.step {
                Step::Ending(ending) => Some((node, ending)),
                _ => None,
            })
            .map(|(node, ending)| {
                vec![
                    Cell::code(node.id.to_string()),
                    Cell::text(self.text(&ending.title)),
                    Cell::count(self.outcome(ending)),
                    Cell::lines(&self.debrief(scenario, ending)),
                ]
            })
            .collect();
        Table { head, rows }
    }

    fn outcome(&self, ending: &Ending) -> String {
        let key = match ending.outcome {
            Outcome::Good => "good",
            Outcome::Mixed => "mixed",
            Outcome::Poor => "poor",
        };
        self.msg("report-outcome", &msg_args!("outcome" => key))
    }

    fn debrief(&self, scenario: &Scenario, ending: &Ending) -> Vec<String> {
        ending
            .debrief
            .iter()
            .map(|part| match &part.condition {
                Some(cond) => self.msg(
                    "print-debrief-when",
                    &msg_args!(
                        "condition" => self.condition(scenario, cond),
                        "text" => self.text(&part.text),
                    ),
                ),
                None => self.text(&part.text),
            })
            .collect()
    }
}

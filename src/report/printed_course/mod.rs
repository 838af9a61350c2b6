//! The whole course as one [`Document`], for a content committee to review or for
//! printing (`kruispunt print`): every module on a new page, every lesson in full (each
//! scene's text, testimonies, key points, glossary cards, quizzes with the right answers
//! and the feedback on every option, reflection prompts, checklists, facilitator notes) and
//! every scenario as tables: its characters and variables, its decision points with each
//! answer's quality, feedback, competencies, effects and where it leads, and its endings
//! with their debriefs.
//!
//! Course texts are in the interface language; a text the course does not have in it is
//! shown in the language it falls back to, marked (`[nl]`), as the outline does. They are
//! made words with [`plain`]: the renderers escape them.

use crate::course::checked::{Course, Lesson, Scene, SceneBody};
use crate::course::markup::plain;
use crate::course::model::{FacilitatorNotes, Text};
use crate::i18n::Localizer;
use crate::msg_args;
use crate::report::document::{self, Block, Cell, Document, PAGE_CLASS, Paragraph, Table};

mod scenario;

/// The course as a document in the interface language of `l10n`.
pub fn printed_course(course: &Course, l10n: &Localizer) -> Document {
    let p = Printer { course, l10n };
    let mut blocks = vec![
        Block::Paragraph(
            Paragraph::new(p.msg(
                "print-meta",
                &msg_args!(
                    "version" => course.version.as_str(),
                    "lessons" => course.lessons.len(),
                    "scenarios" => course.scenarios.len(),
                    "language" => l10n.current().tag(),
                ),
            ))
            .with_class("meta"),
        ),
        Block::paragraph(p.text(&course.description)),
    ];
    if !course.competencies.is_empty() {
        blocks.push(Block::heading(
            2,
            p.msg("print-competencies-heading", &msg_args!()),
        ));
        blocks.push(Block::Table(Table {
            head: vec![
                p.msg("report-column-competency", &msg_args!()),
                p.msg("print-column-meaning", &msg_args!()),
            ],
            rows: course
                .competencies
                .iter()
                .map(|def| {
                    vec![
                        Cell::text(p.text(&def.title)),
                        Cell::text(
                            def.description
                                .as_ref()
                                .map(|d| p.text(d))
                                .unwrap_or_default(),
                        ),
                    ]
                })
                .collect(),
        }));
    }
    for (number, module) in (1usize..).zip(&course.modules) {
        let mut section = vec![Block::heading(
            2,
            p.msg(
                "outline-module",
                &msg_args!("number" => number, "title" => p.text(&module.title)),
            ),
        )];
        section.extend(
            module
                .description
                .as_ref()
                .map(|d| Block::paragraph(p.text(d))),
        );
        section.extend(p.notes(module.facilitator_notes.as_ref()));
        for id in &module.items {
            if let Some(lesson) = course.lessons.get(id) {
                section.push(p.lesson(lesson));
            } else if let Some(scenario) = course.scenarios.get(id) {
                section.push(p.scenario(scenario));
            }
        }
        blocks.push(Block::Section(document::Section {
            id: Some(format!("module-{}", module.id)),
            class: Some(PAGE_CLASS.to_owned()),
            blocks: section,
        }));
    }
    Document {
        language: l10n.current().tag().to_owned(),
        title: p.text(&course.title),
        blocks,
    }
}

/// Course texts and interface messages in one language.
struct Printer<'a> {
    course: &'a Course,
    l10n: &'a Localizer,
}

impl Printer<'_> {
    fn msg(&self, id: &str, args: &crate::i18n::MsgArgs<'_>) -> String {
        self.l10n.msg(id, args)
    }

    /// A course text as words, marked with its language when it is not the interface's.
    fn text(&self, text: &Text) -> String {
        let picked = self.l10n.pick(text);
        let words = plain(picked.text);
        match self.l10n.fallback_marker(&picked) {
            Some(marker) => format!("{words} {marker}"),
            None => words,
        }
    }

    /// `label: text` as a paragraph of a class.
    fn labelled(&self, label: &str, text: String, class: &str) -> Block {
        Block::Paragraph(
            Paragraph::new(self.msg(
                "print-labelled",
                &msg_args!("label" => self.msg(label, &msg_args!()), "text" => text),
            ))
            .with_class(class),
        )
    }

    /// The facilitator's notes and discussion questions, if any.
    fn notes(&self, notes: Option<&FacilitatorNotes>) -> Vec<Block> {
        let Some(notes) = notes else {
            return Vec::new();
        };
        let mut blocks =
            vec![self.labelled("print-facilitator-notes", self.text(&notes.text), "note")];
        blocks.push(Block::List(
            notes
                .discussion_questions
                .iter()
                .map(|q| self.text(q))
                .collect(),
        ));
        blocks
    }

    /// The estimated time of an item, as a meta line.
    fn minutes(&self, minutes: Option<u32>) -> Option<Block> {
        minutes.map(|m| {
            Block::Paragraph(
                Paragraph::new(self.msg("print-minutes", &msg_args!("minutes" => m)))
                    .with_class("meta"),
            )
        })
    }

    fn lesson(&self, lesson: &Lesson) -> Block {
        let mut blocks = vec![Block::heading(
            3,
            self.msg(
                "print-lesson",
                &msg_args!("title" => self.text(&lesson.title)),
            ),
        )];
        let minutes = crate::course::checked::Item::Lesson(lesson)
            .estimated_minutes(self.l10n.current().tag());
        blocks.extend(self.minutes(minutes));
        blocks.extend(
            lesson
                .summary
                .as_ref()
                .map(|s| Block::paragraph(self.text(s))),
        );
        for (number, scene) in (1usize..).zip(&lesson.scenes) {
            blocks.extend(self.scene(number, scene));
        }
        Block::Section(document::Section {
            id: Some(format!("lesson-{}", lesson.id)),
            class: Some("lesson".to_owned()),
            blocks,
        })
    }

    fn scene(&self, number: usize, scene: &Scene) -> Vec<Block> {
        let title = scene
            .title
            .as_ref()
            .map(|t| self.text(t))
            .unwrap_or_default();
        let mut blocks = vec![Block::heading(
            4,
            self.msg(
                "print-scene",
                &msg_args!("number" => number, "title" => title),
            ),
        )];
        if let Some(note) = &scene.content_note {
            blocks.push(self.labelled("print-content-note", self.text(note), "note"));
        }
        match &scene.body {
            SceneBody::Text(text) => {
                blocks.extend(
                    text.paragraphs
                        .iter()
                        .map(|t| Block::paragraph(self.text(t))),
                );
            }
            SceneBody::Testimony(testimony) => {
                let persona = &testimony.persona;
                let who = match persona.age {
                    Some(age) => self.msg(
                        "print-testimony-aged",
                        &msg_args!(
                            "name" => self.text(&persona.name),
                            "age" => age,
                            "background" => self.text(&persona.background),
                        ),
                    ),
                    None => self.msg(
                        "print-testimony",
                        &msg_args!(
                            "name" => self.text(&persona.name),
                            "background" => self.text(&persona.background),
                        ),
                    ),
                };
                blocks.push(Block::Paragraph(Paragraph::new(who).with_class("meta")));
                blocks.extend(
                    testimony.quote.iter().map(|q| {
                        Block::Paragraph(Paragraph::new(self.text(q)).with_class("quote"))
                    }),
                );
            }
            SceneBody::KeyPoints(points) => {
                blocks.push(Block::List(
                    points.points.iter().map(|t| self.text(t)).collect(),
                ));
            }
            SceneBody::Glossary(glossary) => blocks.push(Block::Table(Table {
                head: [
                    "print-column-term",
                    "print-column-definition",
                    "print-column-usage",
                ]
                .map(|id| self.msg(id, &msg_args!()))
                .to_vec(),
                rows: glossary
                    .cards
                    .iter()
                    .map(|card| {
                        vec![
                            Cell::text(self.text(&card.term)),
                            Cell::text(self.text(&card.definition)),
                            Cell::text(
                                card.note.as_ref().map(|n| self.text(n)).unwrap_or_default(),
                            ),
                        ]
                    })
                    .collect(),
            })),
            SceneBody::Quiz(quiz) => {
                blocks.push(Block::Paragraph(
                    Paragraph::new(self.text(&quiz.question)).strong(),
                ));
                let kind = if quiz.multiple {
                    "print-quiz-multiple"
                } else {
                    "print-quiz-single"
                };
                blocks.push(Block::Paragraph(
                    Paragraph::new(self.msg(kind, &msg_args!())).with_class("meta"),
                ));
                blocks.push(Block::Table(Table {
                    head: [
                        "report-column-answer",
                        "print-column-right",
                        "print-column-feedback",
                    ]
                    .map(|id| self.msg(id, &msg_args!()))
                    .to_vec(),
                    rows: quiz
                        .options
                        .iter()
                        .map(|option| {
                            let right = if option.correct {
                                "print-right"
                            } else {
                                "print-wrong"
                            };
                            vec![
                                Cell::text(self.text(&option.text)),
                                Cell::count(self.msg(right, &msg_args!())),
                                Cell::text(self.text(&option.feedback)),
                            ]
                        })
                        .collect(),
                }));
                blocks.push(self.labelled(
                    "print-explanation",
                    self.text(&quiz.explanation),
                    "explanation",
                ));
            }
            SceneBody::Reflection(reflection) => {
                blocks.push(Block::Paragraph(
                    Paragraph::new(self.text(&reflection.prompt)).strong(),
                ));
                if let Some(hint) = &reflection.hint {
                    blocks.push(self.labelled("print-hint", self.text(hint), "note"));
                }
            }
            SceneBody::Checklist(checklist) => {
                blocks.extend(
                    checklist
                        .intro
                        .as_ref()
                        .map(|i| Block::paragraph(self.text(i))),
                );
                blocks.push(Block::List(
                    checklist
                        .entries
                        .iter()
                        .map(|entry| match &entry.hint {
                            Some(hint) => self.msg(
                                "print-checklist-entry",
                                &msg_args!("text" => self.text(&entry.text), "hint" => self.text(hint)),
                            ),
                            None => format!("☐ {}", self.text(&entry.text)),
                        })
                        .collect(),
                ));
            }
        }
        blocks.extend(self.notes(scene.facilitator_notes.as_ref()));
        blocks
    }
}

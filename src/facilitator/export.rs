//! The handout of a session, built as a [`Document`] and written by the report's
//! renderers: Markdown or one self-contained HTML page (no scripts, no external files; the
//! votes as inline SVG bar charts). Headings are in the interface language; titles,
//! scenes, lines, names and choices come from the course when it still has them, as words
//! ([`plain`]: no emphasis markers, stage directions in parentheses), else their ids are
//! shown. When the course has the choices voted on, each shows its quality (word and
//! symbol), and after each vote the room's votes are added up per quality.

use super::log::{ChoiceVotes, Entry, SessionLog};
use crate::course::checked::{Choice, Course, SceneBody, Step};
use crate::course::ids::{ChoiceId, ItemId, NodeId, SceneId};
use crate::course::markup::plain;
use crate::course::model::{Quality, Text};
use crate::i18n::{DateTimeStyle, Localizer};
use crate::msg_args;
use crate::report::document::{self, Bar, Block, Chart, Document, Layout, Paragraph, Section};

/// Resolves ids to the text people read.
struct Names<'a> {
    course: Option<&'a Course>,
    i18n: &'a Localizer,
}

impl Names<'_> {
    fn item(&self, item: &ItemId) -> String {
        self.course
            .and_then(|c| c.item(item.as_str()))
            .map(|i| plain(self.i18n.pick(i.title()).text))
            .unwrap_or_else(|| item.to_string())
    }

    fn scene(&self, item: &ItemId, scene: &SceneId) -> String {
        let title = self
            .course
            .and_then(|c| c.lessons.get(item))
            .and_then(|l| l.scenes.iter().find(|s| &s.id == scene))
            .and_then(|s| s.title.as_ref())
            .map(|t| plain(self.i18n.pick(t).text));
        title.unwrap_or_else(|| scene.to_string())
    }

    /// The last line said at a node, as "Name: text", or the node id.
    fn node(&self, item: &ItemId, node: &NodeId) -> String {
        let Some(scenario) = self.course.and_then(|c| c.scenarios.get(item)) else {
            return node.to_string();
        };
        let line = scenario
            .node_idx(node.as_str())
            .and_then(|idx| scenario.nodes.get(idx.0 as usize))
            .and_then(|n| n.lines.last());
        match line {
            Some(line) => {
                let name = scenario
                    .character(&line.speaker)
                    .map(|c| plain(self.i18n.pick(&c.name).text))
                    .unwrap_or_else(|| line.speaker.to_string());
                format!("{name}: {}", plain(self.i18n.pick(&line.text).text))
            }
            None => node.to_string(),
        }
    }

    /// The choice in the course, if it still has it.
    fn find_choice(&self, item: &ItemId, node: &NodeId, choice: &ChoiceId) -> Option<&Choice> {
        let scenario = self.course?.scenarios.get(item)?;
        let idx = scenario.node_idx(node.as_str())?;
        match &scenario.nodes.get(idx.0 as usize)?.step {
            Step::Choices(choices) => choices.iter().find(|c| &c.id == choice),
            _ => None,
        }
    }

    fn choice(&self, item: &ItemId, node: &NodeId, choice: &ChoiceId) -> String {
        self.find_choice(item, node, choice)
            .map(|c| plain(self.i18n.pick(&c.text).text))
            .unwrap_or_else(|| choice.to_string())
    }

    /// The quality of a choice, if the course still has the choice.
    fn quality(&self, item: &ItemId, node: &NodeId, choice: &ChoiceId) -> Option<Quality> {
        self.find_choice(item, node, choice).map(|c| c.quality)
    }

    /// A quality as symbol and word, e.g. `++ best`: never by colour alone.
    fn quality_label(&self, quality: Quality) -> String {
        self.msg(
            "report-quality",
            &msg_args!(
                "word" => self.msg("scenario-quality", &msg_args!("quality" => quality.key())),
                "symbol" => quality.symbol(),
            ),
        )
    }

    fn msg(&self, id: &str, args: &crate::i18n::MsgArgs<'_>) -> String {
        self.i18n.msg(id, args)
    }
}

/// `12 min 5 s`.
fn duration(names: &Names<'_>, seconds: u64) -> String {
    names.msg(
        "session-export-duration",
        &msg_args!("minutes" => seconds / 60, "seconds" => seconds % 60),
    )
}

/// The handout as a document: the course and when, what was shown, each vote (a chart of
/// the votes, the answer the group went with and the votes per quality), the time per item
/// and the facilitator's notes.
pub fn handout(log: &SessionLog, course: Option<&Course>, i18n: &Localizer) -> Document {
    let names = Names { course, i18n };
    let none = || Block::paragraph(names.msg("session-export-none", &msg_args!()));
    let list_or_none = |entries: Vec<String>| {
        if entries.is_empty() {
            none()
        } else {
            Block::List(entries)
        }
    };
    let mut blocks = vec![
        Block::paragraph(names.msg(
            "session-export-course",
            &msg_args!(
                "course" => names
                    .course
                    .map(|c| plain(names.i18n.pick(&c.title).text))
                    .unwrap_or_else(|| log.course.id.to_string()),
                "version" => log.course.version.as_str(),
            ),
        )),
        Block::paragraph(names.msg(
            "session-export-when",
            &msg_args!(
                "start" => log.started_at,
                "end" => log.updated_at,
            ),
        )),
        Block::heading(2, names.msg("session-export-shown", &msg_args!())),
    ];

    let shown: Vec<String> = log
        .entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Opened { item, .. } => Some(names.item(item)),
            Entry::Shown {
                item,
                scene: Some(scene),
                ..
            } => Some(format!(
                "{} › {}",
                names.item(item),
                names.scene(item, scene)
            )),
            Entry::Shown {
                item,
                node: Some(node),
                ..
            } => Some(format!("{} › {}", names.item(item), names.node(item, node))),
            Entry::Rewound { item, to, .. } => Some(names.msg(
                "session-export-rewound",
                &msg_args!("item" => names.item(item), "node" => names.node(item, to)),
            )),
            _ => None,
        })
        .collect();
    blocks.push(list_or_none(shown));

    blocks.push(Block::heading(
        2,
        names.msg("session-export-votes", &msg_args!()),
    ));
    let mut number = 0;
    for entry in &log.entries {
        let Entry::Vote {
            item,
            node,
            counts,
            chosen,
            ..
        } = entry
        else {
            continue;
        };
        number += 1;
        blocks.push(vote(&names, number, item, node, counts, chosen));
    }
    if number == 0 {
        blocks.push(none());
    }

    blocks.push(Block::heading(
        2,
        names.msg("session-export-time", &msg_args!()),
    ));
    let times: Vec<String> = log
        .time_per_item()
        .into_iter()
        .map(|time| {
            format!(
                "{}: {}",
                names.item(&time.item),
                duration(&names, time.seconds)
            )
        })
        .collect();
    blocks.push(list_or_none(times));

    blocks.push(Block::heading(
        2,
        names.msg("session-export-notes", &msg_args!()),
    ));
    let notes: Vec<String> = log
        .notes()
        .filter_map(|entry| match entry {
            Entry::Note { at, item, text } => {
                let place = item
                    .as_ref()
                    .map(|i| format!(" ({})", names.item(i)))
                    .unwrap_or_default();
                let time = names.i18n.date_time(&at.rfc3339(), DateTimeStyle::TIME);
                Some(format!("{time}{place}: {text}"))
            }
            _ => None,
        })
        .collect();
    blocks.push(list_or_none(notes));
    blocks.extend(job_aid(&names));

    Document {
        language: i18n.current().tag().to_owned(),
        title: names.msg("session-export-title", &msg_args!("id" => log.id.as_str())),
        blocks,
    }
}

/// The course's one-page job aid, the checklists of its `job_aid` lesson, to end the
/// handout with: what the participants take home. Nothing when the course has none.
fn job_aid(names: &Names<'_>) -> Vec<Block> {
    let Some(lesson) = names
        .course
        .and_then(|course| course.lessons.get(course.job_aid.as_ref()?))
    else {
        return Vec::new();
    };
    let text = |t: &Text| plain(names.i18n.pick(t).text);
    let mut blocks = vec![Block::heading(2, text(&lesson.title))];
    for scene in &lesson.scenes {
        let SceneBody::Checklist(checklist) = &scene.body else {
            continue;
        };
        if let Some(title) = &scene.title {
            blocks.push(Block::heading(3, text(title)));
        }
        if let Some(intro) = &checklist.intro {
            blocks.push(Block::paragraph(text(intro)));
        }
        blocks.push(Block::List(
            checklist
                .entries
                .iter()
                .map(|entry| format!("☐ {}", text(&entry.text)))
                .collect(),
        ));
    }
    blocks
}

/// One vote: its heading, a bar per answer (the most votes a full bar, the answer the
/// group went with marked), that answer in words, and the votes per quality when the
/// course knows every answer voted on.
fn vote(
    names: &Names<'_>,
    number: usize,
    item: &ItemId,
    node: &NodeId,
    counts: &[ChoiceVotes],
    chosen: &ChoiceId,
) -> Block {
    let heading = names.msg(
        "session-export-vote-heading",
        &msg_args!(
            "number" => number,
            "item" => names.item(item),
            "node" => names.node(item, node),
        ),
    );
    let most = counts.iter().map(|c| c.votes).max().unwrap_or(0);
    let bars = counts
        .iter()
        .map(|ChoiceVotes { choice, votes }| {
            let text = names.choice(item, node, choice);
            let label = match names.quality(item, node, choice) {
                Some(quality) => names.msg(
                    "session-export-choice",
                    &msg_args!("choice" => text, "quality" => names.quality_label(quality)),
                ),
                None => text,
            };
            Bar {
                label,
                context: None,
                value: *votes,
                total: most,
                caption: votes.to_string(),
                chosen: choice == chosen,
            }
        })
        .collect();
    let mut blocks = vec![
        Block::heading(3, heading.clone()),
        Block::Chart(Chart {
            id: format!("vote-{number}"),
            title: heading,
            titled: false,
            subtitle: None,
            layout: Layout::Votes,
            bars,
        }),
    ];
    let tied = crate::facilitator::log::tied(counts);
    if !tied.is_empty() {
        let choices: Vec<String> = tied
            .into_iter()
            .map(|choice| names.choice(item, node, choice))
            .collect();
        blocks.push(Block::Paragraph(
            Paragraph::new(names.msg(
                "session-export-tie",
                &msg_args!("choices" => choices.join(" · ")),
            ))
            .with_class("tie"),
        ));
    }
    blocks.push(Block::Paragraph(
        Paragraph::new(names.msg(
            "session-export-chosen",
            &msg_args!("choice" => names.choice(item, node, chosen)),
        ))
        .with_class("chosen")
        .strong(),
    ));
    if let Some(qualities) = vote_qualities(names, item, node, counts) {
        blocks.push(Block::Paragraph(
            Paragraph::new(qualities).with_class("qualities"),
        ));
    }
    Block::Section(Section {
        id: None,
        class: Some("vote".to_owned()),
        blocks,
    })
}

/// The room's votes added up per quality, best first, e.g. `++ best: 6 · - weak: 3`:
/// only the qualities of the choices offered; `None` when the course does not know every
/// choice voted on (a log of another course version).
fn vote_qualities(
    names: &Names<'_>,
    item: &ItemId,
    node: &NodeId,
    counts: &[ChoiceVotes],
) -> Option<String> {
    let mut per_quality: [Option<u32>; 4] = [None; 4];
    for ChoiceVotes { choice, votes } in counts {
        let quality = names.quality(item, node, choice)?;
        let slot = &mut per_quality[quality as usize];
        *slot = Some(slot.unwrap_or(0).saturating_add(*votes));
    }
    let parts: Vec<String> = Quality::ALL
        .into_iter()
        .filter_map(|quality| {
            let votes = per_quality[quality as usize]?;
            Some(names.msg(
                "session-export-quality-votes",
                &msg_args!("quality" => names.quality_label(quality), "votes" => votes),
            ))
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(names.msg(
        "session-export-vote-qualities",
        &msg_args!("qualities" => parts.join(" · ")),
    ))
}

/// The handout as Markdown, written by the report's renderer ([`document::markdown()`]):
/// every text goes through its one escaper, so no line of a session log can start a
/// heading or block, add HTML, a link or an image, or drive a terminal.
pub fn markdown(log: &SessionLog, course: Option<&Course>, i18n: &Localizer) -> String {
    document::markdown(&handout(log, course, i18n))
}

/// The handout as one self-contained HTML page, written by the report's renderer
/// ([`document::html()`]).
pub fn html(log: &SessionLog, course: Option<&Course>, i18n: &Localizer) -> String {
    document::html(&handout(log, course, i18n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::ids::CourseId;
    use crate::facilitator::{SessionId, SessionLog};
    use crate::i18n::UiLocale;
    use crate::progress::{CourseStamp, Timestamp};

    fn log() -> SessionLog {
        let t = |s: u64| Timestamp(1_764_000_000 + s);
        let mut log = SessionLog::new(
            SessionId::new(t(0), 1),
            CourseStamp {
                id: CourseId::from("c"),
                version: "1".into(),
            },
            t(0),
        );
        let item = ItemId::from("s");
        log.push(Entry::Opened {
            at: t(0),
            item: item.clone(),
        });
        log.push(Entry::Vote {
            at: t(90),
            item: item.clone(),
            node: NodeId::from("n"),
            counts: vec![
                ChoiceVotes {
                    choice: ChoiceId::from("a"),
                    votes: 4,
                },
                ChoiceVotes {
                    choice: ChoiceId::from("b<script>"),
                    votes: 2,
                },
            ],
            chosen: ChoiceId::from("a"),
        });
        log.push(Entry::Note {
            at: t(120),
            item: Some(item),
            text: "<b>names</b> & pronouns".into(),
        });
        log
    }

    #[test]
    fn markdown_has_votes_as_text_bars_and_escaped_notes() {
        let md = markdown(&log(), None, &Localizer::new(UiLocale::En));
        assert!(md.contains("`████████████████████` 4 ✓ — a"), "{md}");
        assert!(
            md.contains("`██████████░░░░░░░░░░` 2 — b\\<script\\>"),
            "{md}"
        );
        assert!(md.contains("\\<b\\>names\\</b\\> & pronouns"), "{md}");
        assert!(md.contains("2 min 0 s"), "{md}");
    }

    #[test]
    fn html_escapes_every_text_and_has_no_script() {
        let html = html(&log(), None, &Localizer::new(UiLocale::En));
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("b&lt;script&gt;"));
        assert!(html.contains("&lt;b&gt;names&lt;/b&gt; &amp; pronouns"));
        assert!(
            html.contains("width=\"520\""),
            "the most votes get the full bar"
        );
        assert!(html.contains("width=\"260\""));
    }

    /// A course whose scenario `s` has, at `n`, the choices `a` (best) and `b` (weak).
    fn course() -> Course {
        use crate::course::model::{Outcome, Quality};
        use crate::engine::testkit::{ScenarioBuilder, choice};
        let scenario = ScenarioBuilder::new("s")
            .choices(
                "n",
                [
                    choice("a", "e").quality(Quality::Best),
                    choice("b", "e").quality(Quality::Weak),
                ],
            )
            .ending("e", Outcome::Good)
            .build();
        crate::engine::testkit::course(Vec::new(), vec![scenario])
    }

    /// The log of [`log`], voting on the course's choices.
    fn log_on_the_course() -> SessionLog {
        let mut log = log();
        for entry in &mut log.entries {
            if let Entry::Vote { counts, .. } = entry {
                counts[1].choice = ChoiceId::from("b");
            }
        }
        log
    }

    #[test]
    fn the_handout_ends_with_the_course_s_job_aid() {
        use crate::engine::testkit::LessonBuilder;
        let en = Localizer::new(UiLocale::En);
        let mut course = course();
        let without = markdown(&log_on_the_course(), Some(&course), &en);
        let lesson = LessonBuilder::new("aid")
            .text("not on the aid")
            .checklist("rights", ["a lawyer", "a person of trust"])
            .checklist("referral", ["by type"])
            .build();
        course.lessons.insert(ItemId::from("aid"), lesson);
        course.job_aid = Some(ItemId::from("aid"));
        let md = markdown(&log_on_the_course(), Some(&course), &en);
        let aid = md.get(without.trim_end().len()..).unwrap_or_default();
        assert!(aid.contains("☐ a lawyer"), "{md}");
        assert!(aid.contains("☐ a person of trust"), "{md}");
        assert!(aid.contains("☐ by type"), "{md}");
        assert!(!md.contains("not on the aid"), "{md}");
        let html = html(&log_on_the_course(), Some(&course), &en);
        assert!(html.contains("☐ a lawyer"));
    }

    #[test]
    fn each_choice_voted_on_shows_its_quality_and_the_room_is_added_up_per_quality() {
        let course = course();
        let en = Localizer::new(UiLocale::En);
        let md = markdown(&log_on_the_course(), Some(&course), &en);
        assert!(md.contains("4 ✓ — a · ++ best"), "{md}");
        assert!(md.contains("2 — b · - weak"), "{md}");
        assert!(
            md.contains("The room’s votes by quality: ++ best: 4 · - weak: 2"),
            "{md}"
        );
        let page = html(&log_on_the_course(), Some(&course), &en);
        assert!(
            page.contains(
                "<p class=\"qualities\">The room’s votes by quality: ++ best: 4 · - weak: 2</p>"
            ),
            "{page}"
        );
        assert_eq!(page.matches("<rect").count(), 2, "one bar per choice");
    }

    #[test]
    fn without_the_course_or_its_choices_a_vote_has_no_qualities() {
        let en = Localizer::new(UiLocale::En);
        let md = markdown(&log(), None, &en);
        assert!(!md.contains("by quality"), "{md}");
        // `b<script>` is not a choice of the course: the sum would be wrong, so none.
        let md = markdown(&log(), Some(&course()), &en);
        assert!(md.contains("4 ✓ — a · ++ best"), "{md}");
        assert!(!md.contains("by quality"), "{md}");
    }
}

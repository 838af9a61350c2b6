//! The lines of a scene, wrapped to a width, with the rows a click can hit. Pure: the same
//! state and width give the same lines, so drawing and mouse hit tests agree.

use super::View as Open;
use crate::course::checked::{Scene, SceneBody};
use crate::course::model::{
    Checklist, Glossary, KeyPoints, Quiz, Reflection, Testimony, Text, TextScene,
};
use crate::msg_args;
use crate::tui::app::Ctx;
use crate::tui::text;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// What a click on some lines selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TargetKind {
    /// The quiz option shown at this position (from 0, in the order shown).
    QuizOption(usize),
    /// The checklist entry at this position.
    ChecklistEntry(usize),
}

/// Lines `first..end` of the content belong to `kind`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Target {
    pub first: usize,
    pub end: usize,
    pub kind: TargetKind,
}

/// A scene's lines and click targets.
#[derive(Debug, Default)]
pub(super) struct Content {
    pub lines: Vec<Line<'static>>,
    pub targets: Vec<Target>,
}

/// Collects wrapped lines.
struct Builder<'c> {
    ctx: &'c Ctx,
    width: u16,
    out: Content,
}

impl Builder<'_> {
    fn blank(&mut self) {
        self.out.lines.push(Line::default());
    }

    /// `text` wrapped to the width left after `first` (on the first line) or `rest`
    /// (after it); both prefixes should be as wide.
    fn wrapped(&mut self, text: &str, first: Span<'static>, rest: &str, style: Style) {
        let indent = first.width().max(rest.width());
        let room = self
            .width
            .saturating_sub(u16::try_from(indent).unwrap_or(u16::MAX));
        let emphasis = style.add_modifier(Modifier::BOLD);
        for (i, mut line) in text::wrap(text, room.max(1), style, emphasis)
            .into_iter()
            .enumerate()
        {
            let prefix = if i == 0 {
                first.clone()
            } else {
                Span::styled(rest.to_owned(), first.style)
            };
            if indent > 0 {
                line.spans.insert(0, prefix);
            }
            self.out.lines.push(line);
        }
    }

    /// An interface message, wrapped.
    fn message(&mut self, message: &str, style: Style) {
        self.wrapped(message, Span::raw(""), "", style);
    }

    /// A course text with its gloss under it (dimmed) when the gloss is on.
    fn course(&mut self, text: &Text, first: Span<'static>, rest: &str, style: Style) {
        let shown = self.ctx.text(text);
        self.wrapped(&shown.main, first, rest, style);
        if let Some(gloss) = shown.gloss {
            let theme = self.ctx.theme;
            self.wrapped(
                &gloss,
                Span::styled(rest.to_owned(), theme.dim()),
                rest,
                theme.dim(),
            );
        }
    }

    /// A course text without a prefix.
    fn plain(&mut self, text: &Text, style: Style) {
        self.course(text, Span::raw(""), "", style);
    }

    /// An entry of a list the cursor moves through (quiz options, checklist entries):
    /// `› [x] 2. ` and the course text, highlighted when focused. Returns the entry's first
    /// line, for [`Builder::target`], and the indent of the lines that follow it.
    fn list_entry(
        &mut self,
        text: &Text,
        mark: &str,
        position: usize,
        focused: bool,
    ) -> (usize, String) {
        let theme = self.ctx.theme;
        let marker = if focused { "›" } else { " " };
        let prefix = format!("{marker} {mark} {}. ", position + 1);
        let rest = " ".repeat(prefix.width());
        let style = if focused {
            theme.selected()
        } else {
            theme.text()
        };
        let first = self.out.lines.len();
        self.course(text, Span::styled(prefix, style), &rest, style);
        (first, rest)
    }

    fn target(&mut self, first: usize, kind: TargetKind) {
        self.out.targets.push(Target {
            first,
            end: self.out.lines.len(),
            kind,
        });
    }
}

/// The content of what `open` shows, for `width` columns.
pub(super) fn build(ctx: &Ctx, open: &Open<'_>, width: u16) -> Content {
    let mut b = Builder {
        ctx,
        width,
        out: Content::default(),
    };
    if open.done {
        done(&mut b, open);
        return b.out;
    }
    let Some(scene) = open.run.current(open.lesson) else {
        return b.out;
    };
    let theme = ctx.theme;
    if let Some(title) = &scene.title {
        b.plain(title, theme.title());
        b.blank();
    }
    if open.run.content_note_pending(open.lesson) {
        content_note(&mut b, scene);
        return b.out;
    }
    match &scene.body {
        SceneBody::Text(t) => text_scene(&mut b, t),
        SceneBody::Testimony(t) => testimony(&mut b, t),
        SceneBody::KeyPoints(k) => key_points(&mut b, k),
        SceneBody::Glossary(g) => glossary(&mut b, g, open),
        SceneBody::Quiz(q) => quiz(&mut b, q, open),
        SceneBody::Reflection(r) => reflection(&mut b, r),
        SceneBody::Checklist(c) => checklist(&mut b, c, scene, open),
    }
    b.out
}

fn content_note(b: &mut Builder<'_>, scene: &Scene) {
    let theme = b.ctx.theme;
    b.message(
        &format!("⚠ {}", b.ctx.t("lesson-note-title")),
        theme.notice(),
    );
    if let Some(note) = &scene.content_note {
        b.plain(note, theme.text());
    }
    b.blank();
    b.message(&b.ctx.t("lesson-note-choice"), theme.text());
}

fn text_scene(b: &mut Builder<'_>, scene: &TextScene) {
    let style = b.ctx.theme.text();
    for (i, paragraph) in scene.paragraphs.iter().enumerate() {
        if i > 0 {
            b.blank();
        }
        b.plain(paragraph, style);
    }
}

fn testimony(b: &mut Builder<'_>, testimony: &Testimony) {
    let theme = b.ctx.theme;
    let name = b.ctx.plain(&testimony.persona.name);
    // Always shown, whatever the file says: personas are never real people.
    b.message(
        &format!(
            "◆ {}",
            b.ctx.tr(
                "lesson-testimony-fictional",
                &msg_args!("name" => name.as_str())
            )
        ),
        theme.notice(),
    );
    b.blank();
    let quote = theme.text().add_modifier(Modifier::ITALIC);
    for (i, paragraph) in testimony.quote.iter().enumerate() {
        if i > 0 {
            b.out
                .lines
                .push(Line::from(Span::styled("┃", theme.character())));
        }
        b.course(
            paragraph,
            Span::styled("┃ ", theme.character()),
            "┃ ",
            quote,
        );
    }
    b.blank();
    let who = match testimony.persona.age {
        Some(age) => b.ctx.tr(
            "lesson-testimony-persona-age",
            &msg_args!("name" => name.as_str(), "age" => age),
        ),
        None => name.clone(),
    };
    b.message(&format!("— {who}"), theme.character());
    b.course(
        &testimony.persona.background,
        Span::raw("  "),
        "  ",
        theme.text(),
    );
}

fn key_points(b: &mut Builder<'_>, points: &KeyPoints) {
    let theme = b.ctx.theme;
    for (i, point) in points.points.iter().enumerate() {
        if i > 0 {
            b.blank();
        }
        b.course(
            point,
            Span::styled("• ", theme.accent()),
            "  ",
            theme.text(),
        );
    }
}

/// A box around `inner` lines, `width` columns wide.
fn boxed(b: &mut Builder<'_>, inner: Vec<Line<'static>>, width: u16) {
    let border = b.ctx.theme.border();
    let w = usize::from(width.saturating_sub(2));
    b.out.lines.push(Line::from(Span::styled(
        format!("╭{}╮", "─".repeat(w)),
        border,
    )));
    for mut line in inner {
        let pad = w.saturating_sub(2).saturating_sub(line.width());
        line.spans.insert(0, Span::styled("│ ", border));
        line.spans.push(Span::raw(" ".repeat(pad)));
        line.spans.push(Span::styled(" │", border));
        b.out.lines.push(line);
    }
    b.out.lines.push(Line::from(Span::styled(
        format!("╰{}╯", "─".repeat(w)),
        border,
    )));
}

fn glossary(b: &mut Builder<'_>, glossary: &Glossary, open: &Open<'_>) {
    let theme = b.ctx.theme;
    let Some(card) = open.run.card(open.lesson) else {
        return;
    };
    let side = if card.flipped {
        b.ctx.t("lesson-card-back")
    } else {
        b.ctx.t("lesson-card-front")
    };
    let position = b.ctx.tr(
        "lesson-card-position",
        &msg_args!("number" => card.index + 1, "total" => card.total),
    );
    b.message(&format!("{position} · {side}"), theme.accent());
    let Some(shown) = glossary.cards.get(card.index) else {
        return;
    };
    // The card: a box when there is room for one, else plain lines.
    let box_width = b.width.min(64);
    let framed = box_width >= 12;
    let mut inner = Builder {
        ctx: b.ctx,
        width: if framed {
            box_width.saturating_sub(4)
        } else {
            b.width
        },
        out: Content::default(),
    };
    inner.blank();
    inner.plain(&shown.term, theme.title());
    inner.blank();
    if card.flipped {
        inner.plain(&shown.definition, theme.text());
        if let Some(note) = &shown.note {
            inner.blank();
            inner.message(&b.ctx.t("lesson-card-note"), theme.accent());
            inner.plain(note, theme.text());
        }
    } else {
        inner.message(&b.ctx.t("lesson-card-turn-hint"), theme.dim());
    }
    inner.blank();
    if framed {
        boxed(b, inner.out.lines, box_width);
    } else {
        b.out.lines.extend(inner.out.lines);
    }
    b.message(&b.ctx.t("lesson-card-keys"), theme.dim());
}

fn quiz(b: &mut Builder<'_>, quiz: &Quiz, open: &Open<'_>) {
    let theme = b.ctx.theme;
    let ui = &open.ui;
    b.plain(&quiz.question, theme.text().add_modifier(Modifier::BOLD));
    let how = if quiz.multiple {
        b.ctx.t("lesson-quiz-multiple")
    } else {
        b.ctx.t("lesson-quiz-single")
    };
    b.message(&how, theme.dim());
    let answered = ui.answered.as_ref();
    // Until the answer is revealed only the options chosen show their feedback: no mark
    // of which are correct and no explanation, so another try still tests.
    let revealed = answered.is_some_and(|a| a.revealed);
    let record = open
        .run
        .record(open.run.position().index)
        .and_then(|r| r.quiz.as_ref());
    // The verdict and "the first answer counts" come first, so they are seen without
    // scrolling; each option's feedback follows.
    if let Some(answer) = answered {
        b.blank();
        let (result, style) = if answer.correct {
            (format!("✓ {}", b.ctx.t("lesson-quiz-right")), theme.good())
        } else if !revealed {
            (
                format!("✗ {}", b.ctx.t("lesson-quiz-not-yet")),
                theme.poor(),
            )
        } else if answer.nothing_selected() {
            (b.ctx.t("lesson-quiz-shown"), theme.accent())
        } else {
            (format!("✗ {}", b.ctx.t("lesson-quiz-wrong")), theme.poor())
        };
        b.message(&result, style);
    }
    let retried = record.filter(|r| r.attempts > 1 || ui.retrying);
    if let Some(record) = retried {
        first_counts(b, record.first.correct);
    }
    b.blank();
    for (position, &index) in ui.order.iter().enumerate() {
        let Some(option) = quiz.options.get(index) else {
            continue;
        };
        if position > 0 {
            b.blank();
        }
        let picked = ui.picked.get(index).copied().unwrap_or(false);
        let focused = answered.is_none() && ui.cursor == position;
        let mark = match (quiz.multiple, picked) {
            (true, true) => "[x]",
            (true, false) => "[ ]",
            (false, true) => "(•)",
            (false, false) => "( )",
        };
        let (first, rest) = b.list_entry(&option.text, mark, position, focused);
        let result = answered
            .and_then(|a| a.options.get(index))
            .filter(|r| revealed || r.selected);
        if let Some(result) = result {
            let chosen = b.ctx.t("lesson-option-chosen");
            let (verdict, verdict_style) = if !revealed {
                (chosen, theme.accent())
            } else if result.correct {
                let correct = b.ctx.t("lesson-option-correct");
                (
                    with_chosen(format!("✓ {correct}"), result.selected, &chosen),
                    theme.good(),
                )
            } else {
                let incorrect = b.ctx.t("lesson-option-incorrect");
                (
                    with_chosen(format!("✗ {incorrect}"), result.selected, &chosen),
                    theme.poor(),
                )
            };
            b.wrapped(
                &verdict,
                Span::styled(rest.clone(), verdict_style),
                &rest,
                verdict_style,
            );
            b.course(
                &option.feedback,
                Span::raw(rest.clone()),
                &rest,
                theme.text(),
            );
        }
        b.target(first, TargetKind::QuizOption(position));
    }
    b.blank();
    if revealed {
        b.message(&b.ctx.t("lesson-quiz-explanation"), theme.title());
        b.plain(&quiz.explanation, theme.text());
        b.blank();
        b.message(&b.ctx.t("lesson-quiz-retry-hint"), theme.dim());
    } else if answered.is_some() {
        b.message(&b.ctx.t("lesson-quiz-retry-or-reveal-hint"), theme.dim());
    } else {
        b.message(&b.ctx.t("lesson-quiz-how"), theme.dim());
    }
}

/// "✓ correct answer · you chose this", or without the second part.
fn with_chosen(verdict: String, selected: bool, chosen: &str) -> String {
    if selected {
        format!("{verdict} · {chosen}")
    } else {
        verdict
    }
}

/// "Your first answer is the one that counts: it was right / not right."
fn first_counts(b: &mut Builder<'_>, correct: bool) {
    let result = if correct { "right" } else { "wrong" };
    let line = b
        .ctx
        .tr("lesson-quiz-first-counts", &msg_args!("result" => result));
    b.message(&line, b.ctx.theme.notice());
}

fn reflection(b: &mut Builder<'_>, reflection: &Reflection) {
    let theme = b.ctx.theme;
    // First, so it is on screen however long the prompt is. A facilitator shows the
    // prompt to a group to discuss: there is no editor, so nothing to say about it.
    if b.ctx.facilitator.is_none() {
        b.message(&b.ctx.t("lesson-reflection-private"), theme.accent());
        b.blank();
    }
    b.plain(
        &reflection.prompt,
        theme.text().add_modifier(Modifier::BOLD),
    );
    if let Some(hint) = &reflection.hint {
        b.blank();
        b.message(&b.ctx.t("lesson-reflection-hint"), theme.accent());
        b.plain(hint, theme.text());
    }
}

fn checklist(b: &mut Builder<'_>, checklist: &Checklist, scene: &Scene, open: &Open<'_>) {
    let theme = b.ctx.theme;
    if let Some(intro) = &checklist.intro {
        b.plain(intro, theme.text());
        b.blank();
    }
    let ticked = checklist
        .entries
        .iter()
        .filter(|e| {
            open.run
                .is_checked(open.lesson, scene.id.as_str(), e.id.as_str())
        })
        .count();
    b.message(
        &b.ctx.tr(
            "lesson-checklist-count",
            &msg_args!("done" => ticked, "total" => checklist.entries.len()),
        ),
        theme.accent(),
    );
    for (i, entry) in checklist.entries.iter().enumerate() {
        let checked = open
            .run
            .is_checked(open.lesson, scene.id.as_str(), entry.id.as_str());
        let focused = open.ui.cursor == i;
        let mark = if checked { "[x]" } else { "[ ]" };
        let (first, rest) = b.list_entry(&entry.text, mark, i, focused);
        if focused && let Some(hint) = &entry.hint {
            b.course(hint, Span::raw(rest.clone()), &rest, theme.dim());
        }
        b.target(first, TargetKind::ChecklistEntry(i));
    }
}

fn done(b: &mut Builder<'_>, open: &Open<'_>) {
    let theme = b.ctx.theme;
    let title = b.ctx.plain(&open.lesson.title);
    b.message(
        &format!(
            "✓ {}",
            b.ctx
                .tr("lesson-done", &msg_args!("title" => title.as_str()))
        ),
        theme.good(),
    );
    b.blank();
    // One set of counts: scenes seen, skipped and not reached add up to the lesson's
    // scenes; every quiz of the lesson counts, answered or not.
    let summary = open.run.summary(open.lesson);
    b.message(
        &b.ctx.tr(
            "lesson-done-scenes",
            &msg_args!("done" => summary.seen, "total" => summary.scenes),
        ),
        theme.text(),
    );
    if summary.quizzes > 0 {
        b.message(
            &b.ctx.tr(
                "lesson-done-quizzes",
                &msg_args!("right" => summary.right_first, "total" => summary.quizzes),
            ),
            theme.text(),
        );
    }
    if summary.unanswered > 0 {
        b.message(
            &b.ctx.tr(
                "lesson-done-quizzes-unanswered",
                &msg_args!("count" => summary.unanswered),
            ),
            theme.text(),
        );
    }
    if summary.skipped > 0 {
        b.message(
            &b.ctx.tr(
                "lesson-done-skipped",
                &msg_args!("count" => summary.skipped),
            ),
            theme.text(),
        );
    }
    b.blank();
    b.message(&b.ctx.t("lesson-done-home"), theme.accent());
}

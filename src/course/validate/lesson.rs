//! Checks on a lesson file: scenes, their kind, quizzes, testimonies and texts.

use super::{At, Ctx};
use crate::course::diagnostic::Problem;
use crate::course::model::{Checklist, Lesson, Quiz, Scene, Testimony};

/// Checks one lesson.
pub(super) fn check(ctx: &mut Ctx<'_>, lesson: &Lesson) {
    let root = At::Root;
    ctx.id(lesson.id.as_str(), &root.key("id"));
    ctx.text(&lesson.title, &root.key("title"));
    ctx.minutes(
        lesson.estimated_minutes.as_ref(),
        &root.key("estimated_minutes"),
    );
    ctx.optional_text(lesson.summary.as_ref(), &root, "summary");

    let scenes = root.key("scenes");
    ctx.non_empty(&lesson.scenes, &scenes, "`scenes`");
    ctx.unique_ids(
        &lesson.scenes,
        |s| s.id.as_str(),
        &scenes,
        Some("id"),
        "scene",
    );
    for (i, scene) in lesson.scenes.iter().enumerate() {
        check_scene(ctx, scene, &scenes.index(i));
    }
}

fn check_scene(ctx: &mut Ctx<'_>, scene: &Scene, at: &At<'_>) {
    ctx.id(scene.id.as_str(), &at.key("id"));
    ctx.optional_text(scene.title.as_ref(), at, "title");
    ctx.optional_text(scene.content_note.as_ref(), at, "content_note");
    ctx.facilitator_notes(scene.facilitator_notes.as_ref(), at);

    let kinds = [
        scene.text.is_some(),
        scene.testimony.is_some(),
        scene.key_points.is_some(),
        scene.glossary.is_some(),
        scene.quiz.is_some(),
        scene.reflection.is_some(),
        scene.checklist.is_some(),
    ];
    let found = kinds.iter().filter(|present| **present).count();
    if found != 1 {
        ctx.report(at, Problem::SceneKind { found });
    }

    // Every kind present is checked, so a scene with two kinds still gets all its problems.
    if let Some(text) = &scene.text {
        ctx.texts(&text.paragraphs, &at.key("text"), "paragraphs", true);
    }
    if let Some(testimony) = &scene.testimony {
        check_testimony(ctx, testimony, &at.key("testimony"));
    }
    if let Some(key_points) = &scene.key_points {
        ctx.texts(&key_points.points, &at.key("key_points"), "points", true);
    }
    if let Some(glossary) = &scene.glossary {
        let glossary_at = at.key("glossary");
        let cards = glossary_at.key("cards");
        ctx.non_empty(&glossary.cards, &cards, "`cards`");
        for (i, card) in glossary.cards.iter().enumerate() {
            let card_at = cards.index(i);
            ctx.text(&card.term, &card_at.key("term"));
            ctx.text(&card.definition, &card_at.key("definition"));
            ctx.optional_text(card.note.as_ref(), &card_at, "note");
        }
    }
    if let Some(quiz) = &scene.quiz {
        check_quiz(ctx, quiz, &at.key("quiz"));
    }
    if let Some(reflection) = &scene.reflection {
        let reflection_at = at.key("reflection");
        ctx.text(&reflection.prompt, &reflection_at.key("prompt"));
        ctx.optional_text(reflection.hint.as_ref(), &reflection_at, "hint");
    }
    if let Some(checklist) = &scene.checklist {
        check_checklist(ctx, checklist, &at.key("checklist"));
    }
}

fn check_testimony(ctx: &mut Ctx<'_>, testimony: &Testimony, at: &At<'_>) {
    let persona = at.key("persona");
    ctx.text(&testimony.persona.name, &persona.key("name"));
    ctx.text(&testimony.persona.background, &persona.key("background"));
    ctx.texts(&testimony.quote, at, "quote", true);
    if !testimony.fictional_composite {
        ctx.report(&at.key("fictional_composite"), Problem::NotFictional);
    }
}

fn check_quiz(ctx: &mut Ctx<'_>, quiz: &Quiz, at: &At<'_>) {
    ctx.text(&quiz.question, &at.key("question"));
    ctx.text(&quiz.explanation, &at.key("explanation"));

    let options = at.key("options");
    match quiz.options.len() {
        0 => {
            ctx.non_empty(&quiz.options, &options, "`options`");
        }
        1 => ctx.report(
            &options,
            Problem::Empty {
                what: "a quiz needs at least two options; with only one, the choice".to_owned(),
            },
        ),
        _ => {}
    }
    ctx.unique_ids(
        &quiz.options,
        |o| o.id.as_str(),
        &options,
        Some("id"),
        "quiz option",
    );
    for (i, option) in quiz.options.iter().enumerate() {
        let option_at = options.index(i);
        ctx.id(option.id.as_str(), &option_at.key("id"));
        ctx.text(&option.text, &option_at.key("text"));
        ctx.text(&option.feedback, &option_at.key("feedback"));
    }

    let correct = quiz.options.iter().filter(|o| o.correct).count();
    if correct == 0 && !quiz.options.is_empty() {
        ctx.report(&options, Problem::NoCorrectAnswer);
    }
    if correct > 1 && !quiz.multiple {
        ctx.report(&options, Problem::SeveralCorrectAnswers { count: correct });
    }
}

fn check_checklist(ctx: &mut Ctx<'_>, checklist: &Checklist, at: &At<'_>) {
    ctx.optional_text(checklist.intro.as_ref(), at, "intro");
    let entries = at.key("entries");
    ctx.non_empty(&checklist.entries, &entries, "`entries`");
    ctx.unique_ids(
        &checklist.entries,
        |e| e.id.as_str(),
        &entries,
        Some("id"),
        "checklist entry",
    );
    for (i, entry) in checklist.entries.iter().enumerate() {
        let entry_at = entries.index(i);
        ctx.id(entry.id.as_str(), &entry_at.key("id"));
        ctx.text(&entry.text, &entry_at.key("text"));
        ctx.optional_text(entry.hint.as_ref(), &entry_at, "hint");
    }
}

//! One frame of the learner interface at 200x60, drawn into ratatui's test backend: the
//! time from state to cells, which is what each key press costs on screen. Budget: under
//! 1 ms per frame.
//!
//! Over the built-in course with the second-language gloss on: the home screen (every
//! module and item with its gauge) and the busiest screen, a practice conversation a few
//! turns in (the conversation so far, choices, gloss under every text).

// Bench setup fails loudly by design: a broken fixture stops the run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use kruispunt::course::checked::Item;
use kruispunt::course::ids::Locale;
use kruispunt::course::{CourseSource, ValidateOptions, load};
use kruispunt::i18n::LocaleCandidates;
use kruispunt::progress::{CourseStamp, Progress, Timestamp};
use kruispunt::tui::screens::{Screen, home};
use kruispunt::tui::start::{StartOptions, app};
use kruispunt::tui::{Action, App, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

/// The app over the built-in course, in English with the Dutch gloss, on the home screen.
fn home_app() -> App {
    let course = load(&CourseSource::builtin(), ValidateOptions::default())
        .course
        .expect("the built-in course loads");
    let mut progress = Progress::new(CourseStamp::of(&course), Timestamp(1_764_000_000));
    progress.settings.gloss_locale = Some(Locale::from("nl"));
    let options = StartOptions {
        candidates: LocaleCandidates {
            flag: Some("en".into()),
            ..LocaleCandidates::default()
        },
        no_color: false,
    };
    let mut app = app(course, progress, &[], &options);
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    app
}

/// The app in the first practice conversation, after a few turns (always the first
/// choice offered), so the screen holds a conversation, choices and glosses.
fn scenario_app() -> App {
    let mut app = home_app();
    let entries = home::rows(&app.ctx)
        .into_iter()
        .filter_map(|row| match row {
            home::Row::Entry(entry) => Some(entry),
            home::Row::Module(_) => None,
        })
        .collect::<Vec<_>>();
    let scenario = entries
        .iter()
        .position(|entry| {
            matches!(entry, home::Entry::Item(id)
                if matches!(app.ctx.course().item(id.as_str()), Some(Item::Scenario(_))))
        })
        .expect("the built-in course has a practice conversation");
    for _ in 0..scenario {
        app.update(Action::Down);
    }
    app.update(Action::Confirm);
    // Past the content note, then two turns.
    app.update(Action::Confirm);
    app.update(Action::Number(1));
    app.update(Action::Number(1));
    assert!(
        matches!(app.screen, Screen::Scenario(_)),
        "the conversation is open"
    );
    app
}

fn bench_frame(c: &mut Criterion, name: &str, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
    c.bench_function(name, |b| {
        b.iter(|| {
            terminal
                .draw(|frame| view::render(black_box(app), frame))
                .expect("draw");
        });
    });
}

fn bench_render(c: &mut Criterion) {
    bench_frame(c, "render_home_200x60", &home_app());
    bench_frame(c, "render_scenario_200x60", &scenario_app());
}

criterion_group!(benches, bench_render);
criterion_main!(benches);

//! Shared by the TUI tests: an app over a fixed test course (`tests/fixtures/tui-course`,
//! a frozen copy of an early built-in course, so snapshots do not change when the real
//! course is edited) with fresh progress, a fixed clock, and helpers to press keys and
//! read the screen as text.

#![allow(dead_code)]

use kruispunt::course::{Course, load_dir};
use kruispunt::i18n::{Localizer, UiLocale};
use kruispunt::progress::{CourseStamp, Progress, Timestamp};
use kruispunt::tui::theme::{Theme, ThemeName};
use kruispunt::tui::{Action, App, Ctx, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The fixed test course.
pub fn course() -> Course {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
    load_dir(&dir).expect("the test course loads")
}

/// An app on the home screen of the test course, interface in `locale`, no progress.
pub fn app(locale: UiLocale) -> App {
    let progress = Progress::new(CourseStamp::of(&course()), Timestamp(1_764_000_000));
    app_with(locale, progress)
}

/// The app over the test course with `progress`, as a restart with a saved profile.
pub fn app_with(locale: UiLocale, progress: Progress) -> App {
    app_over(course(), locale, progress)
}

/// The app over `course` (e.g. the test course changed by a test) with `progress`.
pub fn app_over(course: Course, locale: UiLocale, progress: Progress) -> App {
    let mut i18n = Localizer::new(locale);
    i18n.set_course_default(course.default_locale.clone());
    let mut ctx = Ctx::new(
        course,
        i18n,
        progress,
        Theme::new(ThemeName::Default, false),
    );
    ctx.session.set_clock(kruispunt::tui::Clock {
        wall: Timestamp(1_764_000_000),
        ..ctx.clock()
    });
    App::new(ctx)
}

/// The app drawn into a `width` x `height` test terminal.
pub fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| view::render(app, frame))
        .expect("draw");
    terminal
}

/// The screen as lines of text.
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Presses keys, given as a string: each char is a key, except `⏎` Enter, `⎋` Esc,
/// `↑ ↓ ← →` arrows, `⇥` Tab.
pub fn press(app: &mut App, keys: &str) {
    for ch in keys.chars() {
        let code = match ch {
            '⏎' => KeyCode::Enter,
            '⎋' => KeyCode::Esc,
            '↑' => KeyCode::Up,
            '↓' => KeyCode::Down,
            '←' => KeyCode::Left,
            '→' => KeyCode::Right,
            '⇥' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = kruispunt::tui::action::from_key(key, app.editing()) {
            app.update(action);
        }
    }
}

/// The app as `kruispunt` starts it over the test course: profile `default` opened from
/// `data_dir` (recovering a damaged file, with its notices), its saved language, theme and
/// gloss applied, `candidates` as `--lang`, `KRUISPUNT_LANG` and the system locale. The
/// session holds the profile lock until it is dropped.
pub fn app_from_data_dir(
    data_dir: &std::path::Path,
    candidates: kruispunt::i18n::LocaleCandidates,
) -> (App, kruispunt::progress::ProfileSession) {
    use kruispunt::progress::{DEFAULT_PROFILE, ProfileName, ProfileStore};
    use kruispunt::tui::start;
    let course = course();
    let name = ProfileName::new(DEFAULT_PROFILE).expect("the default profile name");
    let store = ProfileStore::new(data_dir);
    // Other tests of this binary spawn processes: between fork and exec a child briefly
    // holds a copy of every open descriptor, a profile lock just released included. Give
    // such a window a moment instead of failing the test on it.
    let mut tries = 0;
    let opened = loop {
        match store.open(&name, &CourseStamp::of(&course)) {
            Err(kruispunt::progress::ProgressError::ProfileInUse { .. }) if tries < 20 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            result => break result.expect("the profile opens"),
        }
    };
    let options = start::StartOptions {
        candidates,
        no_color: false,
    };
    let app = start::app(course, opened.progress, &opened.notices, &options);
    (app, opened.session)
}

/// The app in facilitator mode over the test course, on the jump menu, with a new session
/// log started at the fixed wall time and the monotonic clock at `base`.
pub fn facilitator_app(locale: UiLocale, base: std::time::Instant) -> App {
    facilitator_app_saving_to(locale, base, None)
}

/// As [`facilitator_app`], with the session log written to `store` when the app saves.
pub fn facilitator_app_saving_to(
    locale: UiLocale,
    base: std::time::Instant,
    store: Option<kruispunt::facilitator::SessionStore>,
) -> App {
    use kruispunt::facilitator::{SessionId, SessionLog};
    let mut app = app(locale);
    app.ctx.session.set_clock(kruispunt::tui::Clock {
        instant: base,
        ..app.ctx.clock()
    });
    let stamp = CourseStamp::of(app.ctx.course());
    let log = SessionLog::new(
        SessionId::new(Timestamp(1_764_000_000), 0x2a),
        stamp,
        Timestamp(1_764_000_000),
    );
    kruispunt::tui::screens::facilitator::enter(&mut app, log, store);
    app
}

/// Presses Alt and a number key.
pub fn press_alt_number(app: &mut App, digit: char) {
    let key = KeyEvent::new(KeyCode::Char(digit), KeyModifiers::ALT);
    if let Some(action) = kruispunt::tui::action::from_key(key, app.editing()) {
        app.update(action);
    }
}

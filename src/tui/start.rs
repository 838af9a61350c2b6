//! From a loaded course and an opened profile to the [`App`] on its home screen: the
//! interface language, the theme, the gloss, and what the learner must be told about how
//! the progress file was opened.
//!
//! No I/O here apart from reading `NO_COLOR` in [`no_color_from_env`]: the command line
//! loads the course, opens the profile and starts [`super::run`].

use super::app::{App, Ctx};
use super::theme::{Theme, ThemeName};
use crate::course::Course;
use crate::course::ids::Locale;
use crate::i18n::{LocaleCandidates, LocaleNotice, Localizer, UiLocale, resolve_locale};
use crate::msg_args;
use crate::progress::{LoadNotice, Progress};
use std::path::Path;

/// What the interface starts with besides the course and the profile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartOptions {
    /// `--lang`, `KRUISPUNT_LANG`, the system locale; the course default is taken from the
    /// course.
    pub candidates: LocaleCandidates,
    /// `NO_COLOR` is set: styles without colours.
    pub no_color: bool,
}

/// Whether `NO_COLOR` asks for no colours: set and not empty (see no-color.org).
pub fn no_color_from_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// The interface language: `--lang`, then `KRUISPUNT_LANG`, then the language saved in the
/// profile, then the system locale, then the course default. The saved choice beats the
/// system because the learner made it in Kruispunt itself; an explicit flag or variable
/// beats it because it is given for this run.
///
/// The notice is set when `--lang` or `KRUISPUNT_LANG` named no translated language (or,
/// without a saved language, the system locale did not).
pub fn choose_locale(
    candidates: &LocaleCandidates,
    saved: Option<&Locale>,
) -> (UiLocale, Option<LocaleNotice>) {
    let explicit = resolve_locale(&LocaleCandidates {
        flag: candidates.flag.clone(),
        env: candidates.env.clone(),
        system: None,
        course_default: None,
    });
    let given = |source| {
        matches!(
            source,
            crate::i18n::LocaleSource::Flag | crate::i18n::LocaleSource::Env
        )
    };
    if given(explicit.source) {
        return (explicit.locale, explicit.notice);
    }
    if let Some(saved) = saved.and_then(|l| UiLocale::parse(l.as_str())) {
        let notice = explicit.notice.map(|n| LocaleNotice { chosen: saved, ..n });
        return (saved, notice);
    }
    let full = resolve_locale(candidates);
    (full.locale, full.notice)
}

/// The app on the home screen of `course`, with the learner's `progress` and settings, and
/// the `notices` of opening the profile as plain sentences at the top of the home screen.
pub fn app(
    course: Course,
    progress: Progress,
    notices: &[LoadNotice],
    options: &StartOptions,
) -> App {
    let mut candidates = options.candidates.clone();
    candidates.course_default = Some(course.default_locale.as_str().to_owned());
    let (locale, locale_notice) = choose_locale(&candidates, progress.settings.locale.as_ref());
    let mut i18n = Localizer::new(locale);
    i18n.set_course_default(course.default_locale.clone());

    let theme_name = progress
        .settings
        .theme
        .as_deref()
        .and_then(ThemeName::from_key)
        .unwrap_or_default();
    // The gloss comes from the saved settings in the session (off when the course no
    // longer has that language).
    let mut lines: Vec<String> = locale_notice.iter().map(|n| i18n.notice(n)).collect();
    lines.extend(notice_lines(&i18n, notices));

    let mut ctx = Ctx::new(
        course,
        i18n,
        progress,
        Theme::new(theme_name, options.no_color),
    );
    ctx.notices = lines;
    App::new(ctx)
}

/// What opening the profile did, as sentences for the learner; a new profile needs no
/// word. Each sentence is one line on the home screen, so files are named without their
/// directory (`kruispunt profiles` shows where that is).
pub fn notice_lines(i18n: &Localizer, notices: &[LoadNotice]) -> Vec<String> {
    let mut lines = Vec::new();
    for notice in notices {
        match notice {
            LoadNotice::Created => {}
            LoadNotice::CorruptSetAside {
                moved_to,
                restored_from_backup,
                backup_moved_to,
                ..
            } => {
                lines.push(if *restored_from_backup {
                    i18n.msg("start-notice-damaged-restored", &msg_args!())
                } else {
                    i18n.msg("start-notice-damaged-fresh", &msg_args!())
                });
                lines.push(i18n.msg(
                    "start-notice-damaged-kept",
                    &msg_args!("file" => file_name(moved_to)),
                ));
                if let Some(backup) = backup_moved_to {
                    lines.push(i18n.msg(
                        "start-notice-backup-damaged-kept",
                        &msg_args!("file" => file_name(backup)),
                    ));
                }
            }
            LoadNotice::RestoredFromBackup => {
                lines.push(i18n.msg("start-notice-restored-from-backup", &msg_args!()));
            }
            LoadNotice::Migrated { .. } => {
                lines.push(i18n.msg("start-notice-migrated", &msg_args!()));
            }
            LoadNotice::CourseChanged { saved, current } => {
                lines.push(if saved.id == current.id {
                    i18n.msg(
                        "start-notice-course-version-changed",
                        &msg_args!(
                            "saved" => saved.version.as_str(),
                            "current" => current.version.as_str(),
                        ),
                    )
                } else {
                    i18n.msg(
                        "start-notice-other-course",
                        &msg_args!("course" => saved.id.0.as_str()),
                    )
                });
            }
        }
    }
    lines
}

/// The last part of `path`, or all of it when it has none.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidates(flag: Option<&str>, env: Option<&str>, system: Option<&str>) -> LocaleCandidates {
        LocaleCandidates {
            flag: flag.map(str::to_owned),
            env: env.map(str::to_owned),
            system: system.map(str::to_owned),
            course_default: Some("nl".to_owned()),
        }
    }

    #[test]
    fn the_saved_language_beats_system_and_course_but_not_flag_or_env() {
        let fr = Locale::from("fr");
        let saved = Some(&fr);
        assert_eq!(
            choose_locale(&candidates(None, None, Some("en_GB.UTF-8")), saved).0,
            UiLocale::Fr
        );
        assert_eq!(
            choose_locale(&candidates(None, None, None), saved).0,
            UiLocale::Fr
        );
        assert_eq!(
            choose_locale(&candidates(Some("en"), None, None), saved).0,
            UiLocale::En
        );
        assert_eq!(
            choose_locale(&candidates(None, Some("nl_BE"), None), saved).0,
            UiLocale::Nl
        );
        // Nothing saved: the usual order.
        assert_eq!(
            choose_locale(&candidates(None, None, Some("en_GB.UTF-8")), None).0,
            UiLocale::En
        );
        assert_eq!(
            choose_locale(&candidates(None, None, None), None).0,
            UiLocale::Nl
        );
    }

    #[test]
    fn an_unknown_flag_falls_back_to_the_saved_language_with_a_notice() {
        let fr = Locale::from("fr");
        let (locale, notice) = choose_locale(&candidates(Some("de"), None, None), Some(&fr));
        assert_eq!(locale, UiLocale::Fr);
        let notice = notice.expect("a notice about de");
        assert_eq!(notice.value, "de");
        assert_eq!(notice.chosen, UiLocale::Fr);
        // An unknown system locale does not matter when a language is saved.
        let (_, notice) = choose_locale(&candidates(None, None, Some("de_DE")), Some(&fr));
        assert_eq!(notice, None);
    }

    #[test]
    fn a_new_profile_needs_no_notice_and_files_are_named_without_their_directory() {
        let i18n = Localizer::new(UiLocale::En);
        assert!(notice_lines(&i18n, &[LoadNotice::Created]).is_empty());
        let lines = notice_lines(
            &i18n,
            &[LoadNotice::CorruptSetAside {
                moved_to: Path::new("dir").join("default.corrupt-20260101T000000Z"),
                damage: crate::progress::Damage::Empty,
                restored_from_backup: false,
                backup_moved_to: None,
            }],
        );
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[1].contains("default.corrupt-20260101T000000Z"));
        let in_dir = format!("dir{}", std::path::MAIN_SEPARATOR);
        assert!(!lines[1].contains(&in_dir), "{}", lines[1]);
    }
}

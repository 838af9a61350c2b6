//! The language a front end starts in, and the first things it tells the learner: one
//! function for the TUI, plain mode and facilitator mode, so they cannot drift apart.

use super::{LocaleCandidates, Localizer, resolve_locale};
use crate::course::ids::Locale;
use crate::msg_args;
use crate::progress::LoadNotice;
use std::path::Path;

/// The ready localizer of a front end and its start-up lines, in that language.
///
/// The language is resolved from `candidates` (`--lang`, `KRUISPUNT_LANG`, the system
/// locale) with `saved` (the language kept in the learner's profile, if any) and the
/// course's `course_default` put in as candidates, in the order [`resolve_locale`] gives;
/// the localizer falls back to `course_default` for texts and messages. The lines are the
/// notice about a locale value that names no translation, if any, then what opening the
/// profile did ([`notice_lines`]).
pub fn start_localizer(
    candidates: &LocaleCandidates,
    saved: Option<&Locale>,
    course_default: &Locale,
    opened: &[LoadNotice],
) -> (Localizer, Vec<String>) {
    let candidates = LocaleCandidates {
        saved: saved.map(|l| l.as_str().to_owned()),
        course_default: Some(course_default.as_str().to_owned()),
        ..candidates.clone()
    };
    let resolution = resolve_locale(&candidates);
    let mut i18n = Localizer::new(resolution.locale);
    i18n.set_course_default(course_default.clone());
    let mut lines: Vec<String> = resolution.notice.iter().map(|n| i18n.notice(n)).collect();
    lines.extend(notice_lines(&i18n, opened));
    (i18n, lines)
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
            LoadNotice::JournalSetAside { moved_to, .. } => {
                lines.push(i18n.msg(
                    "start-notice-journal-damaged-kept",
                    &msg_args!("file" => file_name(moved_to)),
                ));
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
    use crate::i18n::UiLocale;

    #[test]
    fn the_saved_language_and_the_course_default_are_candidates() {
        let system_english = LocaleCandidates {
            system: Some("en_GB.UTF-8".to_owned()),
            ..LocaleCandidates::default()
        };
        let nl = Locale::from("nl");
        let fr = Locale::from("fr");
        let (i18n, lines) = start_localizer(&system_english, Some(&fr), &nl, &[]);
        assert_eq!(i18n.current(), UiLocale::Fr);
        assert_eq!(i18n.course_default(), Some(&nl));
        assert!(lines.is_empty(), "{lines:?}");
        let (i18n, _) = start_localizer(&LocaleCandidates::default(), None, &nl, &[]);
        assert_eq!(i18n.current(), UiLocale::Nl);
    }

    #[test]
    fn the_locale_notice_comes_first_in_the_chosen_language() {
        let unknown_flag = LocaleCandidates {
            flag: Some("de".to_owned()),
            ..LocaleCandidates::default()
        };
        let (i18n, lines) = start_localizer(
            &unknown_flag,
            Some(&Locale::from("fr")),
            &Locale::from("nl"),
            &[LoadNotice::RestoredFromBackup],
        );
        assert_eq!(i18n.current(), UiLocale::Fr);
        assert_eq!(lines.len(), 2, "{lines:?}");
        let notice = crate::i18n::LocaleNotice {
            value: "de".to_owned(),
            source: crate::i18n::LocaleSource::Flag,
            chosen: UiLocale::Fr,
        };
        assert_eq!(lines[0], i18n.notice(&notice));
        assert_eq!(
            lines[1],
            i18n.msg("start-notice-restored-from-backup", &msg_args!())
        );
    }

    #[test]
    fn damaged_steps_name_the_file_kept_without_its_directory() {
        let i18n = Localizer::new(UiLocale::En);
        let lines = notice_lines(
            &i18n,
            &[LoadNotice::JournalSetAside {
                moved_to: Path::new("dir").join("default.corrupt-20260101T000000Z"),
                damage: crate::progress::Damage::Empty,
            }],
        );
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains("default.corrupt-20260101T000000Z"));
        let in_dir = format!("dir{}", std::path::MAIN_SEPARATOR);
        assert!(!lines[0].contains(&in_dir), "{lines:?}");
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

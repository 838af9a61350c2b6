//! `kruispunt profiles` and `kruispunt forget`: the learner profiles in the data directory.

use super::messages::Ui;
use super::{EXIT_FAILURE, EXIT_REFUSED, Failure, course_if_loads, finish_output};
use crate::course::Course;
use crate::msg_args;
use crate::progress::{
    DataDir, ProfileName, ProfileState, ProfileStore, ProfileSummary, ProgressError,
};
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// Answers that confirm `forget` in any interface language, besides the word of the
/// current one (`forget-confirm-word`).
const CONFIRM_WORDS: [&str; 3] = ["yes", "ja", "oui"];

/// `kruispunt profiles`: every profile with its progress in the current course.
pub(super) fn list(
    data_dir: Option<&Path>,
    course_dir: Option<&Path>,
    format: super::Format,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    // For counting items; its default locale is the last candidate for the language.
    let course = course_if_loads(course_dir, ui);
    let dir = resolve_dir(data_dir, ui)?;
    let store = ProfileStore::new(&dir.path);
    let profiles = store.list().map_err(|e| progress_failure(&e, ui))?;
    if format == super::Format::Json {
        let document = super::json::ProfilesDocument::of(&dir.path, &profiles, course.as_ref(), ui);
        super::json::Versioned::new("kruispunt-profiles", document).print(ui)?;
        return Ok(ExitCode::SUCCESS);
    }
    let shown_dir = dir.path.display().to_string();
    let mut out = io::stdout().lock();
    let written = (|| {
        if profiles.is_empty() {
            writeln!(
                out,
                "{}",
                ui.msg("profiles-none", &msg_args!("dir" => shown_dir.as_str()))
            )?;
        } else {
            writeln!(
                out,
                "{}",
                ui.msg("profiles-heading", &msg_args!("dir" => shown_dir.as_str()))
            )?;
            for profile in &profiles {
                writeln!(out, "  {}", profile_line(profile, course.as_ref(), ui))?;
            }
        }
        out.flush()
    })();
    finish_output(written, ui)?;
    Ok(ExitCode::SUCCESS)
}

/// One line of `kruispunt profiles`.
fn profile_line(profile: &ProfileSummary, course: Option<&Course>, ui: &Ui) -> String {
    let name = profile.name.as_str();
    match &profile.state {
        ProfileState::Readable {
            course: saved,
            updated_at,
            ..
        } => {
            let updated = *updated_at;
            match course {
                Some(current) if current.id != saved.id => ui.msg(
                    "profiles-line-other-course",
                    &msg_args!(
                        "name" => name,
                        "course" => saved.id.0.as_str(),
                        "updated" => updated,
                    ),
                ),
                Some(current) => {
                    let (completed, total) = profile.completed_of(current).unwrap_or_default();
                    ui.msg(
                        "profiles-line",
                        &msg_args!(
                            "name" => name,
                            "completed" => completed,
                            "total" => total,
                            "updated" => updated,
                        ),
                    )
                }
                None => ui.msg(
                    "profiles-line-no-course",
                    &msg_args!("name" => name, "updated" => updated),
                ),
            }
        }
        ProfileState::Newer { found } => ui.msg(
            "profiles-line-newer",
            &msg_args!("name" => name, "found" => *found),
        ),
        ProfileState::Damaged(damage) => ui.msg(
            "profiles-line-damaged",
            &msg_args!("name" => name, "damage" => ui.error(damage)),
        ),
        ProfileState::NotAFile => ui.msg("profiles-line-not-a-file", &msg_args!("name" => name)),
    }
}

/// What `kruispunt forget` was asked to do.
pub(super) struct ForgetRequest<'a> {
    /// `--data-dir`.
    pub data_dir: Option<&'a Path>,
    /// `--course`, for the course's default locale.
    pub course: Option<&'a Path>,
    /// The profile to delete.
    pub profile: &'a ProfileName,
    /// `--yes`: do not ask.
    pub confirmed: bool,
}

/// `kruispunt forget`: deletes every file of a profile once the learner confirms.
pub(super) fn forget(request: &ForgetRequest<'_>, ui: &mut Ui) -> Result<ExitCode, Failure> {
    // Only for its default locale: the interface speaks the course's language.
    let _ = course_if_loads(request.course, ui);
    let name = request.profile;
    let (dir, store) = existing_profile(request.data_dir, name, ui)?;
    if !request.confirmed && !confirm(name, &dir.path, ui)? {
        let cancelled = ui.msg("forget-cancelled", &msg_args!("name" => name.as_str()));
        finish_output(writeln!(io::stdout().lock(), "{cancelled}"), ui)?;
        return Ok(ExitCode::from(EXIT_REFUSED));
    }
    let removed = store.forget(name).map_err(|e| progress_failure(&e, ui))?;
    // The lock file is listed too, but it is bookkeeping rather than the learner's data.
    let lock = store.paths(name).lock;
    let files = removed.iter().filter(|path| **path != lock).count();
    let done = ui.msg(
        "forget-done",
        &msg_args!("name" => name.as_str(), "files" => files),
    );
    finish_output(writeln!(io::stdout().lock(), "{done}"), ui)?;
    Ok(ExitCode::SUCCESS)
}

/// Asks on stderr and reads one line of stdin. An answer that is not a confirmation word is
/// a "no". No answer at all (end of input) is a "no" on a terminal (Ctrl-D), and a failure
/// when stdin is not a terminal: a script must say `--yes`, it is never deleted silently.
fn confirm(name: &ProfileName, dir: &Path, ui: &Ui) -> Result<bool, Failure> {
    let question = ui.msg(
        "forget-confirm",
        &msg_args!("name" => name.as_str(), "dir" => dir.display().to_string()),
    );
    let unanswered = ui.msg(
        "forget-needs-confirmation",
        &msg_args!("name" => name.as_str()),
    );
    confirm_deletion(&question, unanswered, ui)
}

/// Asks `question` on stderr and reads one line of stdin, as [`confirm`] does;
/// `unanswered` is the failure when stdin is not a terminal and gives no answer.
pub(super) fn confirm_deletion(
    question: &str,
    unanswered: String,
    ui: &Ui,
) -> Result<bool, Failure> {
    let prompt = ui.msg("forget-prompt", &msg_args!());
    {
        let mut err = io::stderr().lock();
        // Without a stderr the question cannot be seen; reading the answer still decides.
        let _ = writeln!(err, "{question}");
        let _ = write!(err, "{prompt} ");
        let _ = err.flush();
    }
    let stdin = io::stdin();
    let terminal = stdin.is_terminal();
    let mut answer = String::new();
    let read = stdin.lock().read_line(&mut answer);
    if terminal {
        // The answer's newline ended the prompt line on the screen; Ctrl-D did not.
        if answer.is_empty() {
            let _ = writeln!(io::stderr().lock());
        }
    } else {
        // Piped input is not echoed; end the prompt line so later messages start afresh.
        let _ = writeln!(io::stderr().lock());
    }
    match read {
        Ok(0) | Err(_) if !terminal => Err(Failure {
            message: unanswered,
            code: EXIT_FAILURE,
        }),
        Ok(_) | Err(_) => Ok(is_confirmation(&answer, ui)),
    }
}

/// Whether `answer` confirms: `yes`, `ja`, `oui` or the current language's word, in any case.
fn is_confirmation(answer: &str, ui: &Ui) -> bool {
    let answer = answer.trim().to_lowercase();
    let word = ui.msg("forget-confirm-word", &msg_args!()).to_lowercase();
    !answer.is_empty() && (answer == word || CONFIRM_WORDS.contains(&answer.as_str()))
}

/// The data directory from `--data-dir`, `KRUISPUNT_DATA_DIR` or the platform.
pub(super) fn resolve_dir(flag: Option<&Path>, ui: &Ui) -> Result<DataDir, Failure> {
    DataDir::resolve(flag).map_err(|e| progress_failure(&e, ui))
}

/// The data directory (see [`resolve_dir`]) and its store, which holds profile `name`;
/// refused when it does not.
pub(super) fn existing_profile(
    flag: Option<&Path>,
    name: &ProfileName,
    ui: &Ui,
) -> Result<(DataDir, ProfileStore), Failure> {
    let dir = resolve_dir(flag, ui)?;
    let store = ProfileStore::new(&dir.path);
    if !store.exists(name) {
        let missing = ProgressError::NoSuchProfile {
            profile: name.clone(),
            dir: dir.path.clone(),
        };
        return Err(progress_failure(&missing, ui));
    }
    Ok((dir, store))
}

/// A progress error with its exit code: refused (1) when the profile is in use or does not
/// exist, a failure (2) otherwise.
pub(super) fn progress_failure(error: &ProgressError, ui: &Ui) -> Failure {
    let message = ui.error(error);
    match error {
        ProgressError::ProfileInUse { .. } | ProgressError::NoSuchProfile { .. } => {
            Failure::refused(message)
        }
        ProgressError::InvalidName(_)
        | ProgressError::NoDataDir
        | ProgressError::NewerVersion { .. }
        | ProgressError::Io { .. }
        | ProgressError::NotAFile { .. }
        | ProgressError::Encode(_) => Failure::usage(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::LocaleCandidates;

    fn ui(lang: &str) -> Ui {
        Ui::new(LocaleCandidates {
            flag: Some(lang.to_owned()),
            ..LocaleCandidates::default()
        })
    }

    #[test]
    fn confirmation_words_in_every_language() {
        for lang in ["nl", "en", "fr"] {
            let ui = ui(lang);
            for yes in ["yes", "JA\n", " oui "] {
                assert!(is_confirmation(yes, &ui), "{lang}: {yes:?}");
            }
            for no in ["", "\n", "no", "nee", "non", "y", "yes please"] {
                assert!(!is_confirmation(no, &ui), "{lang}: {no:?}");
            }
        }
    }
}

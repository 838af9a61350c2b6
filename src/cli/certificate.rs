//! `kruispunt certificate`: a trainee's certificate as one self-contained HTML page to
//! print (or save as PDF from the browser), in the trainee's language.

use super::messages::Ui;
use super::report::{course_or_fail, open_existing, write_out};
use super::{CourseOption, DataDirOption, Failure, ProfileOption};
use crate::i18n::{LocaleCandidates, resolve_locale};
use crate::msg_args;
use crate::progress::Timestamp;
use crate::report::{self, CertificateRequest, document};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The options of `kruispunt certificate`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct CertificateArgs {
    /// Write to FILE (an .html file) instead of the standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Include the reflections the trainee wrote.
    #[arg(long)]
    pub include_reflections: bool,
    /// The course the progress is in.
    #[command(flatten)]
    pub course: CourseOption,
    /// Where the profile is.
    #[command(flatten)]
    pub data_dir: DataDirOption,
    /// Whose certificate.
    #[command(flatten)]
    pub profile: ProfileOption,
}

/// `kruispunt certificate`: opens the profile, writes its certificate in the trainee's
/// language (`--lang`, `KRUISPUNT_LANG`, then the language saved in the profile, the
/// system's, the course's), private (0600) as an export is, since it can hold reflections.
pub(super) fn certificate(
    args: &CertificateArgs,
    lang: Option<String>,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    let course = course_or_fail(args.course.dir(), ui)?;
    let name = args.profile.name(ui)?;
    let opened = open_existing(args.data_dir.dir(), &name, &course, ui)?;
    let candidates = LocaleCandidates {
        saved: opened
            .progress
            .settings
            .locale
            .as_ref()
            .map(|l| l.as_str().to_owned()),
        ..LocaleCandidates::from_environment(lang, Some(course.default_locale.as_str().to_owned()))
    };
    let interface = ui.locale();
    ui.set_locale(resolve_locale(&candidates).locale);
    let certificate = report::certificate(
        &course,
        &opened.progress,
        CertificateRequest {
            profile: name.as_str(),
            issued_at: Timestamp::now(),
            include_reflections: args.include_reflections,
        },
        ui.l10n(),
    );
    ui.set_locale(interface);
    // The lock is not needed while writing.
    drop(opened);
    write_out(args.output.as_deref(), &document::html(&certificate), ui)?;
    if let Some(path) = &args.output {
        let id = if args.include_reflections {
            "certificate-written-with-reflections"
        } else {
            "certificate-written"
        };
        let done = ui.msg(
            id,
            &msg_args!("name" => name.as_str(), "file" => path.display().to_string()),
        );
        let _ = writeln!(io::stderr().lock(), "{done}");
    }
    Ok(ExitCode::SUCCESS)
}

//! `kruispunt new lesson|scenario ID --course DIR`: writes a skeleton that passes `validate
//! --strict` at once, with placeholders in every course locale, and lists it in a module.

use super::*;
use crate::course::skeleton::{
    self, ItemKind, ManifestEditError, SkeletonRequest, is_conventional_id,
};
use std::fs;

/// What `kruispunt new` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewKind {
    /// A lesson: a text scene, a quiz and the key points.
    Lesson,
    /// A scenario: a start, a decision point with three choices, and a good, a mixed and a
    /// poor ending.
    Scenario,
}

/// The arguments of `kruispunt new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Lesson or scenario.
    #[arg(value_enum, value_name = "KIND")]
    pub kind: NewKind,
    /// The new item's id: lowercase letters, digits and hyphens; also its file name.
    #[arg(value_name = "ID")]
    pub id: String,
    /// The module to add it to (default: the last module).
    #[arg(long, value_name = "MODULE")]
    pub module: Option<String>,
    /// Its title in the course's default locale (the other locales get a placeholder).
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// The course to add it to.
    #[command(flatten)]
    pub course: CourseOption,
}

/// `kruispunt new`.
pub(super) fn new_item(args: &NewArgs, ui: &mut Ui) -> Result<ExitCode, Failure> {
    let Some(dir) = args.course.dir() else {
        return Err(Failure::usage(ui.msg("new-needs-course", &msg_args!())));
    };
    if !is_conventional_id(&args.id) {
        return Err(Failure::usage(ui.msg(
            "new-invalid-id",
            &msg_args!("id" => i18n::display::escape(&args.id).into_owned()),
        )));
    }
    let Some(course) = course_for_command(Some(dir), ui)? else {
        return Err(Failure::refused(
            ui.msg("new-course-has-errors", &msg_args!()),
        ));
    };
    let (folder, kind) = match args.kind {
        NewKind::Lesson => ("lessons", ItemKind::Lesson),
        NewKind::Scenario => ("scenarios", ItemKind::Scenario),
    };
    let file = dir.join(folder).join(format!("{}.json", args.id));
    let taken = course.lessons.contains_key(args.id.as_str())
        || course.scenarios.contains_key(args.id.as_str())
        || file.symlink_metadata().is_ok();
    if taken {
        return Err(Failure::refused(
            ui.msg("new-id-exists", &msg_args!("id" => args.id.as_str())),
        ));
    }
    let manifest_path = dir.join("course.json");
    let manifest = read_text(&manifest_path, ui)?;
    let (edited, module) = skeleton::add_to_module(&manifest, args.module.as_deref(), &args.id)
        .map_err(|error| match error {
            ManifestEditError::NoSuchModule { module, modules } => Failure::refused(ui.msg(
                "new-no-such-module",
                &msg_args!(
                    "module" => i18n::display::escape(&module).into_owned(),
                    "modules" => i18n::display::escape(&modules.join(", ")).into_owned(),
                ),
            )),
            ManifestEditError::Malformed => Failure::usage(ui.msg(
                "new-manifest-malformed",
                &msg_args!("path" => manifest_path.display().to_string()),
            )),
        })?;
    let locales: Vec<String> = course.locales.iter().map(|l| l.to_string()).collect();
    let text = skeleton::skeleton(&SkeletonRequest {
        kind,
        id: &args.id,
        title: args.title.as_deref(),
        locales: &locales,
        default_locale: course.default_locale.as_str(),
    });
    let write_error = |path: &Path, error: io::Error| {
        Failure::usage(ui.msg(
            "error-cannot-write-path",
            &msg_args!("path" => path.display().to_string(), "reason" => ui.error(&error)),
        ))
    };
    fs::create_dir_all(dir.join(folder)).map_err(|e| write_error(&dir.join(folder), e))?;
    // `create_new`: an item written meanwhile, or a link planted in its place, is never
    // overwritten.
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| write_error(&file, e))?;
    let tmp = manifest_path.with_extension("json.new-item");
    if let Err(error) = fs::write(&tmp, &edited).and_then(|()| fs::rename(&tmp, &manifest_path)) {
        // Without the manifest entry the new file would be an unused item: take it back.
        let _ = fs::remove_file(&tmp);
        let _ = fs::remove_file(&file);
        return Err(write_error(&manifest_path, error));
    }
    let mut out = io::stdout().lock();
    let written = writeln!(
        out,
        "{}",
        ui.msg(
            "new-written",
            &msg_args!(
                "file" => file.display().to_string(),
                "id" => args.id.as_str(),
                "module" => i18n::display::escape(&module).into_owned(),
                "manifest" => manifest_path.display().to_string(),
                "dir" => dir.display().to_string(),
            ),
        )
    );
    finish_output(written, ui)?;
    Ok(ExitCode::SUCCESS)
}

/// A course file's text, bounded like every course read.
fn read_text(path: &Path, ui: &Ui) -> Result<String, Failure> {
    let cannot = |reason: String| {
        Failure::usage(ui.msg(
            "error-cannot-read-path",
            &msg_args!("path" => path.display().to_string(), "reason" => reason),
        ))
    };
    let bytes = course::read_regular_file(path, course::MAX_FILE_BYTES)
        .map_err(|e| cannot(ui.error(&e)))?;
    String::from_utf8(bytes).map_err(|e| cannot(e.to_string()))
}

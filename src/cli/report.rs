//! `kruispunt export` (one trainee's results for the facilitator) and `kruispunt report`
//! (the group report from any number of exports).
//!
//! Exit codes of `report`: 0 when every file was used; 1 when some were skipped (each is
//! named on stderr, and the report is still written); 2 when no file is a usable export,
//! the course does not load, the report cannot be written, or more than 1,000 files are
//! given. The same export given twice is counted once, with a warning on stderr (exit
//! code 0 when nothing else was wrong).

use super::messages::Ui;
use super::profiles::{existing_profile, progress_failure, resolve_dir};
use super::{Failure, course_for_command, finish_output};
use crate::course::Course;
use crate::msg_args;
use crate::progress::{
    CourseStamp, LoadNotice, OpenedProfile, ProfileName, ProfileStore, Timestamp,
};
use crate::report::document::{CsvDelimiter, resolve_delimiter};
use crate::report::{self, Duplicates, Export, ReportFormat, ReportOptions};
use clap::ValueEnum;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code of `report` when some files were skipped (the report is still written).
const EXIT_SKIPPED: u8 = 1;

/// The most export files one report reads: a large group, many times over. More is
/// refused before any file is read.
const MAX_REPORT_FILES: usize = 1_000;

/// Output format of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The versioned JSON export document.
    Json,
}

/// Output format of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportOutput {
    /// Markdown, readable as plain text.
    Md,
    /// One self-contained HTML file with SVG bar charts.
    Html,
    /// One CSV table with a `section` column (with --layout wide: a row per trainee).
    Csv,
    /// One JSON document with every section, chart and bar (docs/json.md).
    Json,
    /// An Excel workbook: the CSV's table on one sheet, the trainee × item sheet on
    /// another (to a file, or to a pipe).
    Xlsx,
}

/// How `report --format csv` lays the report out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvLayout {
    /// A row per count, with a `section` column: the whole report in one table.
    Long,
    /// The trainee × item sheet: a row per trainee, a column per quiz and per scenario
    /// ending.
    Wide,
}

/// What `kruispunt export` was asked to do.
pub(super) struct ExportRequest<'a> {
    /// `--course`.
    pub course: Option<&'a Path>,
    /// `--data-dir`.
    pub data_dir: Option<&'a Path>,
    /// `--profile`.
    pub profile: &'a ProfileName,
    /// `-o FILE`; stdout without it.
    pub output: Option<&'a Path>,
    /// `--include-reflections`.
    pub include_reflections: bool,
}

/// What `kruispunt report` was asked to do.
pub(super) struct ReportRequest<'a> {
    /// `--course`.
    pub course: Option<&'a Path>,
    /// The export files.
    pub files: &'a [PathBuf],
    /// `--workshop`: every trainee of a `kruispunt serve` workshop too.
    pub workshop: Option<&'a str>,
    /// `--data-dir`, where the server kept the workshop.
    pub data_dir: Option<&'a Path>,
    /// `--format`.
    pub format: ReportOutput,
    /// `--csv-delimiter`, as given.
    pub csv_delimiter: Option<&'a str>,
    /// The CSV delimiter of the configuration, if it has one.
    pub configured_delimiter: Option<CsvDelimiter>,
    /// `--layout`.
    pub layout: Option<CsvLayout>,
    /// `-o FILE`; stdout without it.
    pub output: Option<&'a Path>,
    /// `--names`.
    pub names: bool,
}

/// What the report is written as, from `--format`, `--csv-delimiter` and `--layout`.
enum ReportWriting {
    /// The group report as a document (CSV's long layout included).
    Render(ReportFormat),
    /// The group report as one JSON document.
    Json,
    /// The trainee × item sheet (CSV's wide layout), with this delimiter.
    TraineeItems(CsvDelimiter),
    /// A workbook with the long table and the trainee × item sheet.
    Workbook,
}

/// What the report is written as, or a failure (2) for an unusable delimiter or for CSV's
/// options given with another format. Checked before any export is read.
fn report_writing(request: &ReportRequest<'_>, ui: &Ui) -> Result<ReportWriting, Failure> {
    if request.format != ReportOutput::Csv {
        let given = [
            request.csv_delimiter.map(|_| "--csv-delimiter"),
            request.layout.map(|_| "--layout"),
        ];
        if let Some(option) = given.into_iter().flatten().next() {
            return Err(Failure::usage(ui.msg(
                "report-csv-option-without-csv",
                &msg_args!("option" => option),
            )));
        }
    }
    Ok(match request.format {
        ReportOutput::Md => ReportWriting::Render(ReportFormat::Markdown),
        ReportOutput::Html => ReportWriting::Render(ReportFormat::Html),
        ReportOutput::Json => ReportWriting::Json,
        // A workbook is not text: never onto a terminal.
        ReportOutput::Xlsx if request.output.is_none() && io::stdout().is_terminal() => {
            return Err(Failure::usage(
                ui.msg("report-xlsx-needs-file", &msg_args!()),
            ));
        }
        ReportOutput::Xlsx => ReportWriting::Workbook,
        ReportOutput::Csv => {
            let flag = request
                .csv_delimiter
                .map(CsvDelimiter::parse)
                .transpose()
                .map_err(|e| Failure::usage(ui.error(&e)))?;
            let delimiter = resolve_delimiter(flag, request.configured_delimiter, ui.locale());
            match request.layout.unwrap_or(CsvLayout::Long) {
                CsvLayout::Long => ReportWriting::Render(ReportFormat::Csv(delimiter)),
                CsvLayout::Wide => ReportWriting::TraineeItems(delimiter),
            }
        }
    })
}

/// The course, or a failure (2) after its problems were printed to stderr.
pub(super) fn course_or_fail(dir: Option<&Path>, ui: &mut Ui) -> Result<Course, Failure> {
    let course = course_for_command(dir, ui)?;
    ui.show_notice();
    course.ok_or_else(|| Failure::usage(ui.msg("report-course-errors", &msg_args!())))
}

/// Writes `text` to `output`, or to stdout.
pub(super) fn write_out(output: Option<&Path>, text: &str, ui: &Ui) -> Result<(), Failure> {
    write_bytes(output, text.as_bytes(), ui)
}

/// Writes `bytes` to `output`, or to stdout.
fn write_bytes(output: Option<&Path>, bytes: &[u8], ui: &Ui) -> Result<(), Failure> {
    match output {
        None => {
            let mut out = io::stdout().lock();
            finish_output(out.write_all(bytes).and_then(|()| out.flush()), ui)
        }
        // Exports can hold reflections: the file is private (0600, less with a stricter
        // umask; an existing file is narrowed, never widened), and a symbolic link in its
        // place is refused rather than followed.
        Some(path) => {
            let cannot = |reason: String| {
                Failure::usage(ui.msg(
                    "report-cannot-write",
                    &msg_args!("file" => path.display().to_string(), "reason" => reason),
                ))
            };
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create(true).truncate(false);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut file = match crate::progress::open_regular(path, &mut options) {
                Ok(file) => file,
                Err(crate::progress::OpenError::NotAFile) => {
                    return Err(Failure::usage(ui.msg(
                        "error-not-a-regular-file",
                        &msg_args!("path" => path.display().to_string()),
                    )));
                }
                Err(crate::progress::OpenError::Io(error)) => {
                    return Err(cannot(ui.error(&error)));
                }
            };
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = file
                    .metadata()
                    .map_err(|e| cannot(ui.error(&e)))?
                    .permissions()
                    .mode();
                if mode & 0o777 & !0o600 != 0 {
                    file.set_permissions(std::fs::Permissions::from_mode(mode & 0o600))
                        .map_err(|e| cannot(ui.error(&e)))?;
                }
            }
            file.set_len(0)
                .and_then(|()| file.write_all(bytes))
                .and_then(|()| file.flush())
                .map_err(|e| cannot(ui.error(&e)))
        }
    }
}

/// Opens the existing profile `name` in `data_dir` to read its progress in `course` (for
/// `export` and `xapi export`). A damaged file set aside by opening it is said on stderr,
/// or what is written from it would look empty without a word.
pub(super) fn open_existing(
    data_dir: Option<&Path>,
    name: &ProfileName,
    course: &Course,
    ui: &Ui,
) -> Result<OpenedProfile, Failure> {
    let (_, store) = existing_profile(data_dir, name, ui)?;
    let opened = store
        .open(name, &CourseStamp::of(course))
        .map_err(|e| progress_failure(&e, ui))?;
    for notice in &opened.notices {
        if let LoadNotice::CorruptSetAside { moved_to, .. } = notice {
            let warning = ui.msg(
                "export-damaged-profile",
                &msg_args!("file" => moved_to.display().to_string()),
            );
            let _ = writeln!(io::stderr().lock(), "{warning}");
        }
    }
    Ok(opened)
}

/// `kruispunt export`: the profile's results as JSON, without reflections unless asked.
pub(super) fn export(request: &ExportRequest<'_>, ui: &mut Ui) -> Result<ExitCode, Failure> {
    let course = course_or_fail(request.course, ui)?;
    let name = request.profile;
    let opened = open_existing(request.data_dir, name, &course, ui)?;
    let document = Export::of(
        &course,
        &opened.progress,
        name.as_str(),
        request.include_reflections,
        Timestamp::now(),
    );
    // The lock is not needed while writing the export.
    drop(opened);
    let mut json = serde_json::to_string_pretty(&document).map_err(|e| cannot_serialize(&e, ui))?;
    json.push('\n');
    write_out(request.output, &json, ui)?;
    if let Some(path) = request.output {
        let done = if request.include_reflections {
            ui.msg(
                "export-written-with-reflections",
                &msg_args!("name" => name.as_str(), "file" => path.display().to_string()),
            )
        } else {
            ui.msg(
                "export-written",
                &msg_args!("name" => name.as_str(), "file" => path.display().to_string()),
            )
        };
        let _ = writeln!(io::stderr().lock(), "{done}");
    }
    Ok(ExitCode::SUCCESS)
}

/// A document that could not be turned into JSON (it has no map keys that are not strings,
/// so this is not expected).
fn cannot_serialize(error: &serde_json::Error, ui: &Ui) -> Failure {
    Failure::usage(ui.msg(
        "error-with-cause",
        &msg_args!(
            "error" => ui.msg("error-cannot-serialize-report", &msg_args!()),
            "cause" => error.to_string(),
        ),
    ))
}

/// CSV's or the workbook's writer failed (they write into memory, so this is not
/// expected).
fn cannot_write(error: &io::Error, ui: &Ui) -> Failure {
    Failure::usage(ui.msg(
        "error-with-cause",
        &msg_args!(
            "error" => ui.msg("error-cannot-serialize-report", &msg_args!()),
            "cause" => ui.error(error),
        ),
    ))
}

/// The export in `file`, or why it cannot be used.
fn read_export(file: &Path, course: &Course, ui: &Ui) -> Result<Export, String> {
    let export = Export::read(file).map_err(|e| ui.error(&e))?;
    if export.course.id != course.id {
        return Err(ui.msg(
            "report-reason-other-course",
            &msg_args!(
                "found" => export.course.id.as_str(),
                "expected" => course.id.as_str(),
            ),
        ));
    }
    Ok(export)
}

/// The results of every trainee of workshop `id`, from the progress `kruispunt serve` kept
/// (without reflections), as if each had exported them: no export files are written. A
/// trainee connected to a running server holds their progress, so it is refused.
fn workshop_exports(
    id: &str,
    data_dir: Option<&Path>,
    course: &Course,
    ui: &Ui,
) -> Result<Vec<Export>, Failure> {
    // Checked like a profile name: it is a directory name.
    let id = ProfileName::new(id).map_err(|e| Failure::usage(ui.error(&e)))?;
    let dir = resolve_dir(data_dir, ui)?;
    let trainees = crate::serve::trainees_dir(&dir.path, &id);
    if !trainees.is_dir() {
        return Err(Failure::usage(ui.msg(
            "workshop-forget-none",
            &msg_args!("id" => id.as_str(), "dir" => dir.path.display().to_string()),
        )));
    }
    let store = ProfileStore::new(&trainees);
    let profiles = store.list().map_err(|e| progress_failure(&e, ui))?;
    let mut exports = Vec::new();
    for profile in profiles {
        let opened = store
            .open(&profile.name, &CourseStamp::of(course))
            .map_err(|e| progress_failure(&e, ui))?;
        exports.push(Export::of(
            course,
            &opened.progress,
            profile.name.as_str(),
            false,
            Timestamp::now(),
        ));
    }
    Ok(exports)
}

/// `kruispunt report`: reads every file, names and skips the unusable ones, and writes the
/// report of the rest.
pub(super) fn report(request: &ReportRequest<'_>, ui: &mut Ui) -> Result<ExitCode, Failure> {
    if request.files.len() > MAX_REPORT_FILES {
        return Err(Failure::usage(ui.msg(
            "report-too-many-files",
            &msg_args!("files" => request.files.len(), "limit" => MAX_REPORT_FILES),
        )));
    }
    let course = course_or_fail(request.course, ui)?;
    // Once the course is loaded: its default language can decide the interface's, and so
    // the delimiter.
    let writing = report_writing(request, ui)?;
    let mut exports = Vec::new();
    // The file of each export kept, to name it when a duplicate comes.
    let mut kept: Vec<&Path> = Vec::new();
    let mut duplicates = Duplicates::new();
    let mut skipped = 0usize;
    // One line per file, whatever its name holds.
    let shown =
        |file: &Path| crate::i18n::display::escape(&file.display().to_string()).into_owned();
    for file in request.files {
        match read_export(file, &course, ui) {
            Ok(export) => match duplicates.check(&export) {
                None => {
                    exports.push(export);
                    kept.push(file);
                }
                Some(first) => {
                    let line = ui.msg(
                        "report-duplicate",
                        &msg_args!(
                            "file" => shown(file),
                            "first" => kept.get(first).map(|f| shown(f)).unwrap_or_default(),
                        ),
                    );
                    let _ = writeln!(io::stderr().lock(), "{line}");
                }
            },
            Err(reason) => {
                skipped += 1;
                let line = ui.msg(
                    "report-skipped",
                    &msg_args!("file" => shown(file), "reason" => reason),
                );
                let _ = writeln!(io::stderr().lock(), "{line}");
            }
        }
    }
    if let Some(id) = request.workshop {
        // One profile per trainee: nothing to deduplicate.
        exports.extend(workshop_exports(id, request.data_dir, &course, ui)?);
    }
    if exports.is_empty() {
        return Err(Failure::usage(ui.msg(
            "report-none-usable",
            &msg_args!("files" => request.files.len()),
        )));
    }
    let options = ReportOptions {
        names: request.names,
    };
    let text = match writing {
        ReportWriting::Workbook => {
            let group = report::aggregate(&course, &exports, options, ui.l10n());
            let sheet = report::trainee_items(&course, &exports, options, ui.l10n());
            let (report_name, trainees_name) = (
                ui.msg("report-sheet-report", &msg_args!()),
                ui.msg("report-sheet-trainees", &msg_args!()),
            );
            let table = group.table();
            let sheets = [
                (report_name.as_str(), &table),
                (trainees_name.as_str(), &sheet),
            ];
            report::document::xlsx(&sheets).map_err(|e| cannot_write(&e, ui))?
        }
        ReportWriting::TraineeItems(delimiter) => {
            let sheet = report::trainee_items(&course, &exports, options, ui.l10n());
            report::document::csv(&sheet, delimiter)
                .map_err(|e| cannot_write(&e, ui))?
                .into_bytes()
        }
        ReportWriting::Render(format) => {
            let group = report::aggregate(&course, &exports, options, ui.l10n());
            report::render(&group, format)
                .map_err(|e| cannot_write(&e, ui))?
                .into_bytes()
        }
        ReportWriting::Json => {
            let group = report::aggregate(&course, &exports, options, ui.l10n());
            super::json::Versioned::new("kruispunt-report", &group)
                .to_text()
                .map_err(|e| cannot_serialize(&e, ui))?
                .into_bytes()
        }
    };
    write_bytes(request.output, &text, ui)?;
    if skipped == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    let summary = ui.msg(
        "report-skipped-summary",
        &msg_args!("skipped" => skipped, "used" => exports.len()),
    );
    let _ = writeln!(io::stderr().lock(), "{summary}");
    Ok(ExitCode::from(EXIT_SKIPPED))
}

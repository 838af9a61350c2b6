//! `kruispunt migrate DIR`: rewrites a course's files to the current format version, keeping
//! the author's formatting, and lists every change so the guesses can be reviewed.

use super::{Failure, Ui};
use crate::course::migrate::{FileKind, migrate};
use crate::msg_args;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The course files in `dir` with their kind: `course.json`, then `lessons/*.json` and
/// `scenarios/*.json` in name order. Links and anything but regular files are left alone.
fn course_files(dir: &Path) -> io::Result<Vec<(PathBuf, FileKind)>> {
    let mut files = vec![(dir.join("course.json"), FileKind::Manifest)];
    for (sub, kind) in [
        ("lessons", FileKind::Lesson),
        ("scenarios", FileKind::Scenario),
    ] {
        let folder = dir.join(sub);
        if !folder.is_dir() {
            continue;
        }
        let mut found: Vec<PathBuf> = fs::read_dir(&folder)?
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .collect();
        found.sort();
        files.extend(found.into_iter().map(|path| (path, kind)));
    }
    Ok(files)
}

/// Writes `text` to `path` through a temporary file in the same folder, so a crash leaves
/// either the old file or the new one.
fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    let tmp = path.with_extension("json.migrating");
    fs::write(&tmp, text)?;
    fs::rename(&tmp, path)
}

/// Migrates every file of the course in `dir`; with `dry_run`, only lists the changes.
pub(super) fn run(dir: &Path, dry_run: bool, ui: &Ui) -> Result<ExitCode, Failure> {
    let read_error = |path: &Path, reason: String| {
        Failure::usage(ui.msg(
            "error-cannot-read-path",
            &msg_args!("path" => path.display().to_string(), "reason" => reason),
        ))
    };
    if !dir.join("course.json").is_file() {
        return Err(Failure::usage(ui.msg(
            "error-cannot-read-course",
            &msg_args!("dir" => dir.display().to_string()),
        )));
    }
    let files = course_files(dir).map_err(|e| read_error(dir, ui.error(&e)))?;
    // Everything is migrated in memory first: one unreadable file changes nothing at all.
    let mut migrated = Vec::new();
    for (path, kind) in files {
        // The same bounded, regular-files-only reading as loading a course.
        let bytes = crate::course::read_regular_file(&path, crate::course::MAX_FILE_BYTES)
            .map_err(|e| read_error(&path, ui.error(&e)))?;
        // Not one of Kruispunt's errors: the decoder's own words say where the bad byte is.
        let text = String::from_utf8(bytes).map_err(|e| read_error(&path, e.to_string()))?;
        let migration = migrate(kind, &text).map_err(|e| read_error(&path, ui.error(&e)))?;
        if migration.text != text {
            migrated.push((path, migration));
        }
    }
    let mut out = io::stdout().lock();
    let cannot_write = |_| Failure::usage(ui.msg("error-cannot-write-output", &msg_args!()));
    if migrated.is_empty() {
        writeln!(out, "{}", ui.msg("migrate-nothing", &msg_args!())).map_err(cannot_write)?;
        return Ok(ExitCode::SUCCESS);
    }
    for (path, migration) in &migrated {
        let shown = path.strip_prefix(dir).unwrap_or(path).display().to_string();
        writeln!(out, "{shown}").map_err(cannot_write)?;
        for change in &migration.changes {
            writeln!(out, "  {change}").map_err(cannot_write)?;
        }
        if !dry_run {
            write_atomically(path, &migration.text).map_err(|e| {
                Failure::usage(ui.msg(
                    "error-cannot-write-path",
                    &msg_args!("path" => shown.clone(), "reason" => ui.error(&e)),
                ))
            })?;
        }
    }
    let summary = if dry_run {
        "migrate-dry-run"
    } else {
        "migrate-done"
    };
    writeln!(
        out,
        "{}",
        ui.msg(summary, &msg_args!("files" => migrated.len()))
    )
    .map_err(cannot_write)?;
    writeln!(out, "{}", ui.msg("migrate-review", &msg_args!())).map_err(cannot_write)?;
    Ok(ExitCode::SUCCESS)
}

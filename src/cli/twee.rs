//! `kruispunt import twee` and `kruispunt export twee`: Twine stories in Twee 3 notation
//! to and from scenario files (the convention is in docs/twee.md).

use super::*;
use crate::authoring::twee::{
    self, ImportOptions, Imported, Note, Place, export_twee, import_twee, story::MAX_TWEE_BYTES,
};
use crate::course::SourceFile;
use crate::course::model::Scenario;
use serde_json::{Value, json};

/// What to import.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Convert a Twine story in Twee 3 notation (Twine's "Export as Twee", Tweego) into a
    /// scenario file, report what was not imported and what the scenario still needs, and
    /// validate it. Exit code 1 while something must still be added.
    Twee {
        /// The Twee file.
        #[arg(value_name = "STORY.twee")]
        story: PathBuf,
        /// Write the scenario into DIR (default, with --course: the course's scenarios/).
        #[arg(short, long, value_name = "DIR", required_unless_present = "course")]
        output: Option<PathBuf>,
        /// The scenario id (default: the story's `@id`, else the file's name).
        #[arg(long, value_name = "ID")]
        scenario_id: Option<String>,
        /// Check the scenario against this course: its languages, competencies and modules.
        #[command(flatten)]
        course: CourseOption,
    },
}

/// What to export as Twee.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write a scenario as a Twine story in Twee 3 notation, in one language (--lang;
    /// default: the course's default language), for Twine's "Import" or Tweego.
    Twee {
        /// The scenario: its id in the course, or a scenario file.
        #[arg(value_name = "SCENARIO")]
        scenario: String,
        /// Write to FILE instead of the standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The course the scenario is in (default: the built-in course).
        #[command(flatten)]
        course: CourseOption,
    },
}

/// `kruispunt import twee`.
pub(super) fn import(
    command: ImportCommand,
    lang: Option<String>,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    let ImportCommand::Twee {
        story,
        output,
        scenario_id,
        course,
    } = command;
    ui.show_notice();
    let bytes = read(&story, MAX_TWEE_BYTES as u64, ui)?;
    let story_error = |error: &twee::TweeError| {
        Failure::usage(ui.msg(
            "error-with-cause",
            &msg_args!("error" => story.display().to_string(), "cause" => ui.error(error)),
        ))
    };
    let text = twee::twee_text(&bytes).map_err(|e| story_error(&e))?;
    let course_source = match course.dir() {
        Some(dir) => Some(CourseSource::from_dir(dir).map_err(|e| {
            Failure::usage(ui.error(&CourseError::Unreadable {
                dir: dir.to_path_buf(),
                source: e,
            }))
        })?),
        None => None,
    };
    let manifest = course_source.as_ref().and_then(|source| {
        let file = source.files.iter().find(|f| f.path == "course.json")?;
        serde_json::from_str::<Value>(file.text.trim_start_matches('\u{FEFF}')).ok()
    });
    let course_default = manifest
        .as_ref()
        .and_then(|m| m.get("default_locale")?.as_str().map(str::to_owned));
    let options = ImportOptions {
        scenario_id,
        locale: lang,
        fallback_id: story
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "scenario".to_owned()),
        fallback_locale: course_default.unwrap_or_else(|| ui.locale().tag().to_owned()),
    };
    let imported = import_twee(text, &options).map_err(|e| story_error(&e))?;
    let out_dir = match (output, course.dir()) {
        (Some(dir), _) => dir,
        (None, Some(course)) => course.join("scenarios"),
        (None, None) => PathBuf::from("."),
    };
    let file_name = format!("{}.json", file_stem_for(imported.scenario.id.as_str()));
    let path = out_dir.join(&file_name);
    let json = scenario_json(&imported.scenario);
    std::fs::create_dir_all(&out_dir)
        .and_then(|()| std::fs::write(&path, &json))
        .map_err(|e| {
            Failure::usage(ui.msg(
                "error-cannot-write-path",
                &msg_args!("path" => path.display().to_string(), "reason" => ui.error(&e)),
            ))
        })?;
    let mut out = io::stdout().lock();
    let story_name = story.display().to_string();
    let written = write_import_report(&mut out, &story_name, &path, &imported, ui);
    finish_output(written, ui)?;
    let checked = check(&imported, &file_name, &json, course_source, manifest);
    let mut problems = 0;
    let written = (|| -> io::Result<()> {
        if let Some(module) = &checked.added_to_module {
            let id = imported.scenario.id.as_str();
            let message = "twee-import-not-in-module";
            writeln!(
                out,
                "{}",
                ui.msg(message, &msg_args!("id" => id, "module" => module.as_str()))
            )?;
        }
        let mine: Vec<&Diagnostic> = checked
            .diagnostics
            .iter()
            .filter(|d| d.file.ends_with(&format!("scenarios/{file_name}")))
            .collect();
        problems = mine
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        // A story comes in one language: its missing translations are one line, not one
        // per text.
        let (untranslated, mine): (Vec<&Diagnostic>, Vec<&Diagnostic>) = mine
            .into_iter()
            .partition(|d| matches!(d.problem, crate::course::Problem::MissingLocale { .. }));
        let mut locales: Vec<String> = untranslated
            .iter()
            .filter_map(|d| match &d.problem {
                crate::course::Problem::MissingLocale { locale } => Some(locale.clone()),
                _ => None,
            })
            .collect();
        locales.sort_unstable();
        locales.dedup();
        if mine.is_empty() {
            writeln!(out, "{}", ui.msg("twee-import-valid", &msg_args!()))?;
        } else {
            let shown = path.display().to_string();
            writeln!(
                out,
                "{}",
                ui.msg("twee-import-invalid", &msg_args!("path" => shown.as_str()))
            )?;
            for diagnostic in mine {
                let mut diagnostic = diagnostic.clone();
                diagnostic.file = shown.clone();
                writeln!(out, "  {}", ui.diagnostic(&diagnostic))?;
            }
        }
        if !untranslated.is_empty() {
            let texts = untranslated.len() / locales.len().max(1);
            let locales = locales.join(", ");
            let message = "twee-import-untranslated";
            let args = msg_args!("texts" => texts, "locales" => locales.as_str());
            writeln!(out, "{}", ui.msg(message, &args))?;
        }
        if course.dir().is_none() {
            let id = imported.scenario.id.as_str();
            writeln!(
                out,
                "{}",
                ui.msg("twee-import-how-to-add", &msg_args!("id" => id))
            )?;
        }
        out.flush()
    })();
    finish_output(written, ui)?;
    let to_add = imported.notes.iter().filter(|n| n.is_to_add()).count();
    Ok(if to_add + problems > 0 {
        ExitCode::from(EXIT_COURSE_ERRORS)
    } else {
        ExitCode::SUCCESS
    })
}

/// The scenario file's text: pretty JSON and a final newline.
fn scenario_json(scenario: &Scenario) -> String {
    let mut json = serde_json::to_string_pretty(scenario).unwrap_or_default();
    json.push('\n');
    json
}

/// A file name for a scenario id: the id itself when it is safe as one, else with every
/// other character made `-` (an id from a story must not lead the file elsewhere).
fn file_stem_for(id: &str) -> String {
    let stem: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if stem.trim_matches('-').is_empty() {
        "scenario".to_owned()
    } else {
        stem
    }
}

/// Every note as `STORY:LINE: warning: …` or `STORY:LINE: to add: …`, then the counts.
fn write_import_report(
    out: &mut impl Write,
    story: &str,
    path: &Path,
    imported: &Imported,
    ui: &Ui,
) -> io::Result<()> {
    for note in &imported.notes {
        writeln!(out, "{}", note_line(story, note, ui))?;
    }
    let scenario = &imported.scenario;
    let choices: usize = scenario
        .nodes
        .iter()
        .map(|n| n.choices.as_ref().map_or(0, Vec::len))
        .sum();
    let to_add = imported.notes.iter().filter(|n| n.is_to_add()).count();
    writeln!(
        out,
        "{}",
        ui.msg(
            "twee-import-written",
            &msg_args!(
                "path" => path.display().to_string(),
                "id" => scenario.id.as_str(),
                "nodes" => scenario.nodes.len(),
                "choices" => choices,
                "locale" => imported.locale.as_str(),
                "warnings" => imported.notes.len() - to_add,
                "todo" => to_add,
            )
        )
    )
}

/// One note as a line of the report.
pub(super) fn note_line(story: &str, note: &Note, ui: &Ui) -> String {
    let place = match note.place {
        Place::File { line: 0 } => story.to_owned(),
        ref place => format!("{story}:{}", place.line()),
    };
    let id = if note.is_to_add() {
        "twee-line-to-add"
    } else {
        "twee-line-warning"
    };
    ui.msg(
        id,
        &msg_args!("place" => place, "message" => ui.error(note)),
    )
}

/// What validating the imported scenario found.
struct Checked {
    diagnostics: Vec<Diagnostic>,
    /// The module the check put the scenario in, when the course had it in none.
    added_to_module: Option<String>,
}

/// Validates the scenario in its course (`--course`) or, without one, in a course made
/// for it alone: one module, its locale, the competencies it names.
fn check(
    imported: &Imported,
    file_name: &str,
    json: &str,
    source: Option<CourseSource>,
    manifest: Option<Value>,
) -> Checked {
    let scenario = &imported.scenario;
    let id = scenario.id.as_str();
    let scenario_file = SourceFile {
        path: format!("scenarios/{file_name}"),
        text: json.to_owned(),
    };
    let mut added_to_module = None;
    let source = match (source, manifest) {
        (Some(mut source), Some(mut manifest)) => {
            let listed = manifest["modules"].as_array().is_some_and(|modules| {
                modules.iter().any(|m| {
                    m["items"]
                        .as_array()
                        .is_some_and(|items| items.iter().any(|i| i.as_str() == Some(id)))
                })
            });
            if !listed
                && let Some(last) = manifest["modules"]
                    .as_array_mut()
                    .and_then(|m| m.last_mut())
            {
                added_to_module = last["id"].as_str().map(str::to_owned);
                if let Some(items) = last["items"].as_array_mut() {
                    items.push(json!(id));
                }
            }
            source.files.retain(|f| f.path != scenario_file.path);
            for file in &mut source.files {
                if file.path == "course.json" {
                    file.text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
                }
            }
            source.files.push(scenario_file);
            CourseSource::new(source.display_root, source.files)
        }
        (Some(source), None) => source,
        (None, _) => {
            let locale = imported.locale.as_str();
            let mut competencies: Vec<&str> = scenario
                .nodes
                .iter()
                .flat_map(|n| n.choices.iter().flatten())
                .flat_map(|c| c.competencies.iter().map(|(id, _)| id.as_str()))
                .collect();
            competencies.sort_unstable();
            competencies.dedup();
            let manifest = json!({
                "format_version": crate::course::model::FORMAT_VERSION,
                "id": "twee-import",
                "version": "0",
                "title": { locale: id },
                "description": { locale: id },
                "default_locale": locale,
                "locales": [locale],
                "competencies": competencies
                    .iter()
                    .map(|c| json!({ "id": c, "title": { locale: c } }))
                    .collect::<Vec<_>>(),
                "modules": [{ "id": "twee", "title": { locale: id }, "items": [id] }],
            });
            let manifest = SourceFile {
                path: "course.json".to_owned(),
                text: serde_json::to_string_pretty(&manifest).unwrap_or_default(),
            };
            CourseSource::new("twee", vec![manifest, scenario_file])
        }
    };
    let report = course::load(&source, ValidateOptions::default());
    Checked {
        diagnostics: report.diagnostics,
        added_to_module,
    }
}

/// `kruispunt export twee`.
pub(super) fn export(
    command: ExportCommand,
    lang: Option<String>,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    let ExportCommand::Twee {
        scenario,
        output,
        course,
    } = command;
    ui.show_notice();
    let as_file = Path::new(&scenario);
    let (found, default_locale) = if scenario.ends_with(".json") && as_file.is_file() {
        let bytes = read(as_file, course::MAX_FILE_BYTES, ui)?;
        let text = String::from_utf8_lossy(&bytes);
        let parsed = serde_json::from_str::<Scenario>(text.trim_start_matches('\u{FEFF}'))
            .map_err(|e| {
                Failure::usage(ui.msg(
                    "error-cannot-read-path",
                    &msg_args!("path" => scenario.as_str(), "reason" => e.to_string()),
                ))
            })?;
        (parsed, None)
    } else {
        find_in_course(&scenario, course.dir(), ui)?
    };
    let locale = lang
        .or(default_locale)
        .or_else(|| found.title.iter().next().map(|(l, _)| l.to_string()))
        .unwrap_or_else(|| ui.locale().tag().to_owned());
    let text = export_twee(&found, &locale).map_err(|e| Failure::usage(ui.error(&e)))?;
    let written = match &output {
        Some(path) => std::fs::write(path, &text).map_err(|e| {
            Failure::usage(ui.msg(
                "error-cannot-write-path",
                &msg_args!("path" => path.display().to_string(), "reason" => ui.error(&e)),
            ))
        }),
        None => {
            let result = io::stdout().lock().write_all(text.as_bytes());
            finish_output(result, ui)
        }
    };
    written?;
    if let Some(path) = output {
        let passages = text.lines().filter(|l| l.starts_with("::")).count();
        let message = ui.msg(
            "twee-export-written",
            &msg_args!(
                "path" => path.display().to_string(),
                "passages" => passages,
                "locale" => locale.as_str(),
            ),
        );
        finish_output(writeln!(io::stderr().lock(), "{message}"), ui)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The scenario `id` of the course in `dir` (or the built-in course), and the course's
/// default locale.
fn find_in_course(
    id: &str,
    dir: Option<&Path>,
    ui: &Ui,
) -> Result<(Scenario, Option<String>), Failure> {
    let source = match dir {
        None => CourseSource::builtin(),
        Some(dir) => CourseSource::from_dir(dir).map_err(|e| {
            Failure::usage(ui.error(&CourseError::Unreadable {
                dir: dir.to_path_buf(),
                source: e,
            }))
        })?,
    };
    let default_locale = source
        .files
        .iter()
        .find(|f| f.path == "course.json")
        .and_then(|f| default_locale_in_manifest(&f.text));
    let found = source
        .files
        .iter()
        .filter(|f| f.path.starts_with("scenarios/"))
        .filter_map(|f| {
            serde_json::from_str::<Scenario>(f.text.trim_start_matches('\u{FEFF}')).ok()
        })
        .find(|s| s.id.as_str() == id);
    match found {
        Some(scenario) => Ok((scenario, default_locale)),
        None => Err(Failure::usage(ui.msg(
            "twee-error-no-scenario",
            &msg_args!("id" => crate::i18n::display::escape(id).into_owned()),
        ))),
    }
}

/// A file's bytes, read as course files are (bounded, regular files only).
fn read(path: &Path, cap: u64, ui: &Ui) -> Result<Vec<u8>, Failure> {
    course::read_regular_file(path, cap).map_err(|e| {
        Failure::usage(ui.msg(
            "error-cannot-read-path",
            &msg_args!("path" => path.display().to_string(), "reason" => ui.error(&e)),
        ))
    })
}

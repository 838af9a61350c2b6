//! Where course files come from: the built-in course embedded in the binary, or a directory.

use super::Position;
use std::path::{Path, PathBuf};

/// The built-in course. `build.rs` makes Cargo rebuild when files under `course/` change.
static BUILTIN: include_dir::Dir<'static> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/course");

/// Directories nested deeper than this are not read; guards against symlink loops.
const MAX_DEPTH: usize = 32;

/// One course file: its path relative to the course root (with `/`), and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the course root, e.g. `scenarios/intake.json`.
    pub path: String,
    /// The file's contents.
    pub text: String,
}

/// A course file whose contents cannot be used as text, e.g. because it is not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableFile {
    /// Path relative to the course root, with `/`.
    pub path: String,
    /// Why, for the author.
    pub reason: String,
    /// Where in the file the problem is, when known.
    pub position: Option<Position>,
}

/// The files of one course.
#[derive(Debug, Clone, Default)]
pub struct CourseSource {
    /// How the root is shown in diagnostics, e.g. `course` or the directory given.
    pub display_root: String,
    /// Every `.json` file under the root, sorted by path.
    pub files: Vec<SourceFile>,
    /// The `.json` files that exist but cannot be read as text; each becomes an
    /// `unreadable` diagnostic instead of failing the whole course.
    pub unreadable: Vec<UnreadableFile>,
}

/// A course directory that cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The directory (or a file in it) cannot be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

impl CourseSource {
    /// A course made of the given files (sorted here by path), with nothing unreadable.
    pub fn new(display_root: impl Into<String>, mut files: Vec<SourceFile>) -> Self {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Self {
            display_root: display_root.into(),
            files,
            unreadable: Vec::new(),
        }
    }

    /// The built-in course, embedded in the binary at build time.
    pub fn builtin() -> Self {
        let mut source = Self {
            display_root: "course".to_owned(),
            ..Self::default()
        };
        let mut dirs = vec![&BUILTIN];
        while let Some(dir) = dirs.pop() {
            dirs.extend(dir.dirs());
            for file in dir.files() {
                let Some(path) = relative_json_path(file.path()) else {
                    continue;
                };
                match std::str::from_utf8(file.contents()) {
                    Ok(text) => source.files.push(SourceFile {
                        path,
                        text: strip_bom(text).to_owned(),
                    }),
                    Err(error) => source
                        .unreadable
                        .push(not_utf8(path, file.contents(), &error)),
                }
            }
        }
        source.sort();
        source
    }

    /// Every `.json` file under `dir`, skipping hidden files and directories.
    pub fn from_dir(dir: &Path) -> Result<Self, SourceError> {
        let shown = dir.display().to_string();
        let trimmed = shown.trim_end_matches(['/', std::path::MAIN_SEPARATOR]);
        let mut source = Self {
            display_root: if trimmed.is_empty() {
                shown.clone()
            } else {
                trimmed.to_owned()
            },
            ..Self::default()
        };
        // (directory on disk, its path relative to `dir` with a trailing `/` unless empty, depth)
        let mut pending = vec![(dir.to_path_buf(), String::new(), 0)];
        while let Some((current, prefix, depth)) = pending.pop() {
            let io_error = |source| SourceError::Io {
                path: current.clone(),
                source,
            };
            for entry in std::fs::read_dir(&current).map_err(io_error)? {
                let entry = entry.map_err(io_error)?;
                let name = entry.file_name();
                let Some(name) = name.to_str() else {
                    continue; // not UTF-8, so not a name the course can refer to
                };
                if name.starts_with('.') {
                    continue;
                }
                let path = entry.path();
                let relative = format!("{prefix}{name}");
                // `metadata` follows symlinks, so linked files and directories count.
                let Ok(metadata) = std::fs::metadata(&path) else {
                    continue; // a dangling symlink
                };
                if metadata.is_dir() {
                    if depth < MAX_DEPTH {
                        pending.push((path, format!("{relative}/"), depth + 1));
                    }
                } else if name.ends_with(".json") {
                    source.read_file(&path, relative);
                }
            }
        }
        source.sort();
        Ok(source)
    }

    /// Adds the file at `path` as text, or as unreadable.
    fn read_file(&mut self, path: &Path, relative: String) {
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(mut text) => {
                    if text.starts_with('\u{FEFF}') {
                        text.drain(..'\u{FEFF}'.len_utf8());
                    }
                    self.files.push(SourceFile {
                        path: relative,
                        text,
                    });
                }
                Err(error) => {
                    let file = not_utf8(relative, error.as_bytes(), &error.utf8_error());
                    self.unreadable.push(file);
                }
            },
            Err(error) => self.unreadable.push(UnreadableFile {
                path: relative,
                reason: error.to_string(),
                position: None,
            }),
        }
    }

    fn sort(&mut self) {
        self.files.sort_by(|a, b| a.path.cmp(&b.path));
        self.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    }
}

/// The path of an embedded file relative to the course root, with `/`, if it is JSON.
fn relative_json_path(path: &Path) -> Option<String> {
    if path.extension()? != "json" {
        return None;
    }
    let parts: Option<Vec<&str>> = path.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

/// Editors on some systems start UTF-8 files with a byte order mark; JSON does not allow it,
/// and it is invisible, so it is dropped rather than reported.
fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

/// An unreadable file that is not UTF-8, pointing at the first bad byte.
fn not_utf8(path: String, bytes: &[u8], error: &std::str::Utf8Error) -> UnreadableFile {
    let valid = bytes
        .get(..error.valid_up_to())
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("");
    let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
    let position = Position {
        line: valid.matches('\n').count() + 1,
        column: valid.get(line_start..).map_or(0, |l| l.chars().count()) + 1,
    };
    UnreadableFile {
        path,
        reason: "the file is not UTF-8 text; save it as UTF-8".to_owned(),
        position: Some(position),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_matches_the_course_directory_on_disk() {
        let builtin = CourseSource::builtin();
        assert_eq!(builtin.display_root, "course");
        let on_disk = CourseSource::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("course"))
            .expect("the built-in course directory is readable");
        let paths = |s: &CourseSource| s.files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&builtin), paths(&on_disk));
        for (embedded, disk) in builtin.files.iter().zip(&on_disk.files) {
            assert_eq!(embedded.text, disk.text, "{} differs", embedded.path);
            assert!(embedded.path.ends_with(".json") && !embedded.path.starts_with('/'));
        }
        assert!(builtin.unreadable.is_empty());
    }

    #[test]
    fn not_utf8_points_at_the_first_bad_byte() {
        let bytes = b"{\n  \"\xc3\xa9\xff\"}";
        let Err(error) = std::str::from_utf8(std::hint::black_box(bytes)) else {
            panic!("the bytes are not UTF-8");
        };
        let file = not_utf8("x.json".to_owned(), bytes, &error);
        assert_eq!(file.position, Some(Position { line: 2, column: 5 }));
    }

    #[test]
    fn relative_json_path_uses_slashes_and_skips_other_files() {
        assert_eq!(
            relative_json_path(Path::new("lessons/a.json")).as_deref(),
            Some("lessons/a.json")
        );
        assert_eq!(relative_json_path(Path::new("lessons/README.md")), None);
        assert_eq!(relative_json_path(Path::new("json")), None);
    }
}

//! Where course files come from: the built-in course embedded in the binary, or a directory.

use super::{Position, Problem};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The built-in course. `build.rs` makes Cargo rebuild when files under `course/` change.
static BUILTIN: include_dir::Dir<'static> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/course");

/// Directories nested deeper than this are not read.
const MAX_DEPTH: usize = 32;

const MIB: u64 = 1024 * 1024;

/// The largest course file that is read: far more than any real lesson or scenario (the
/// built-in course is under 0.5 MiB in all), small enough to parse quickly.
pub const MAX_FILE_BYTES: u64 = 32 * MIB;

/// The most bytes read for one course, all files together.
pub const MAX_COURSE_BYTES: u64 = 128 * MIB;

/// The most `.json` files read for one course.
pub const MAX_FILES: usize = 10_000;

/// One course file: its path relative to the course root (with `/`), and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the course root, e.g. `scenarios/intake.json`.
    pub path: String,
    /// The file's contents.
    pub text: String,
}

/// A course file (or directory) whose contents cannot be used, e.g. because it is not
/// UTF-8, is too large or is not a regular file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableFile {
    /// Path relative to the course root, with `/`.
    pub path: String,
    /// What is wrong, for the author.
    pub problem: Problem,
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
    /// The `.json` files (and directories) that exist but cannot be read; each becomes a
    /// diagnostic instead of failing the whole course.
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

/// Why [`read_regular_file`] read nothing.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not a regular file: a directory, FIFO, device or socket.
    #[error("not a regular file")]
    NotAFile,
    /// Larger than the cap.
    #[error("larger than {limit} bytes")]
    TooLarge {
        /// The cap, in bytes.
        limit: u64,
    },
    /// The file cannot be opened or read.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The bytes of the regular file at `path` (a symlink to one is followed), at most `cap`.
///
/// The type is checked before opening, so a FIFO or device is never opened; the file is
/// then opened without blocking (on Unix) and checked again on the open handle, so a file
/// swapped for a FIFO in between cannot block either. Reading stops after `cap + 1` bytes,
/// so a file that lies about its size cannot fill the memory.
pub fn read_regular_file(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile);
    }
    if metadata.len() > cap {
        return Err(ReadError::TooLarge { limit: cap });
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK has no effect on a regular file; it keeps a FIFO from blocking.
        let nonblock = rustix::fs::OFlags::NONBLOCK.bits();
        options.custom_flags(i32::try_from(nonblock).unwrap_or_default());
    }
    let file = options.open(path)?;
    let opened = file.metadata()?;
    if !opened.is_file() {
        return Err(ReadError::NotAFile);
    }
    let expected = usize::try_from(opened.len().min(cap)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected);
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > cap {
        return Err(ReadError::TooLarge { limit: cap });
    }
    Ok(bytes)
}

/// One entry of a directory listing: its name and its own type (a symlink is not followed).
struct Entry {
    name: std::ffi::OsString,
    file_type: std::fs::FileType,
}

/// Lists a directory; one failing entry fails the listing.
fn list_dir(dir: &Path) -> std::io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        entries.push(Entry {
            name: entry.file_name(),
            file_type: entry.file_type()?,
        });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(entries)
}

/// Where reading the course has got to: what was read, and whether a course cap stopped it.
struct Budget {
    files: usize,
    bytes: u64,
    stopped: bool,
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
    ///
    /// Reading is bounded: `course.json` is looked for first and nothing else is read
    /// without it; links to directories are not followed (each is a `linked-directory`
    /// warning), links to regular files are; FIFOs, devices and sockets are never opened;
    /// files over [`MAX_FILE_BYTES`] are not read, and reading stops after [`MAX_FILES`]
    /// files or [`MAX_COURSE_BYTES`] bytes. A subdirectory that cannot be listed is a
    /// diagnostic; only a root that cannot be listed is an error.
    pub fn from_dir(dir: &Path) -> Result<Self, SourceError> {
        Self::from_dir_listing(dir, list_dir)
    }

    /// [`CourseSource::from_dir`] with the directory listing given, so tests can make a
    /// listing fail.
    fn from_dir_listing(
        dir: &Path,
        mut list: impl FnMut(&Path) -> std::io::Result<Vec<Entry>>,
    ) -> Result<Self, SourceError> {
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
        let root_entries = list(dir).map_err(|source| SourceError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut budget = Budget {
            files: 0,
            bytes: 0,
            stopped: false,
        };
        // A folder without course.json is not a course (it may be a home directory, or
        // /tmp): stop before reading anything else in it. So does a course.json that is
        // not a file at all.
        let manifest = dir.join(MANIFEST);
        if let Err(error) = std::fs::symlink_metadata(&manifest)
            && error.kind() == std::io::ErrorKind::NotFound
        {
            return Ok(source);
        }
        source.read_file(&manifest, MANIFEST.to_owned(), &mut budget);
        if source
            .unreadable
            .iter()
            .any(|f| f.path == MANIFEST && f.problem == Problem::NotAFile)
        {
            return Ok(source);
        }
        // (directory on disk, its path relative to `dir` with a trailing `/` unless empty,
        // depth, its entries)
        let root_listing: std::io::Result<Vec<Entry>> = Ok(root_entries);
        let mut pending = vec![(dir.to_path_buf(), String::new(), 0, root_listing)];
        while let Some((current, prefix, depth, entries)) = pending.pop() {
            let entries = match entries {
                Ok(entries) => entries,
                Err(error) => {
                    source.unreadable.push(UnreadableFile {
                        path: prefix,
                        problem: Problem::UnreadableDirectory {
                            reason: error.to_string(),
                        },
                        position: None,
                    });
                    continue;
                }
            };
            for entry in entries {
                if budget.stopped {
                    break;
                }
                let Some(name) = entry.name.to_str() else {
                    continue; // not UTF-8, so not a name the course can refer to
                };
                if name.starts_with('.') || (depth == 0 && name == MANIFEST) {
                    continue;
                }
                let path = current.join(name);
                let relative = format!("{prefix}{name}");
                let json = name.ends_with(".json");
                if entry.file_type.is_dir() {
                    if depth < MAX_DEPTH {
                        let listed = list(&path);
                        pending.push((path, format!("{relative}/"), depth + 1, listed));
                    }
                } else if entry.file_type.is_symlink() {
                    match std::fs::metadata(&path) {
                        Ok(target) if target.is_dir() => source.unreadable.push(UnreadableFile {
                            path: relative,
                            problem: Problem::LinkedDirectory,
                            position: None,
                        }),
                        // A link to a file is read like the file (a FIFO or device refused).
                        Ok(_) if json => source.read_file(&path, relative, &mut budget),
                        Err(error) if json => source.unreadable.push(UnreadableFile {
                            path: relative,
                            problem: Problem::Unreadable {
                                reason: error.to_string(),
                            },
                            position: None,
                        }),
                        _ => {} // not JSON, or a dangling link that is not
                    }
                } else if json {
                    source.read_file(&path, relative, &mut budget);
                }
            }
        }
        source.sort();
        Ok(source)
    }

    /// Adds the file at `path` as text, or as unreadable, within the course's budget.
    fn read_file(&mut self, path: &Path, relative: String, budget: &mut Budget) {
        let unreadable = |problem| UnreadableFile {
            path: relative.clone(),
            problem,
            position: None,
        };
        if budget.files >= MAX_FILES {
            budget.stopped = true;
            self.unreadable
                .push(unreadable(Problem::TooManyFiles { limit: MAX_FILES }));
            return;
        }
        budget.files += 1;
        let left = MAX_COURSE_BYTES.saturating_sub(budget.bytes);
        let bytes = match read_regular_file(path, MAX_FILE_BYTES.min(left)) {
            Ok(bytes) => bytes,
            Err(ReadError::TooLarge { .. }) if left < MAX_FILE_BYTES && !file_over_cap(path) => {
                budget.stopped = true;
                self.unreadable.push(unreadable(Problem::CourseTooLarge {
                    limit: MAX_COURSE_BYTES / MIB,
                }));
                return;
            }
            Err(error) => {
                let problem = match error {
                    ReadError::NotAFile => Problem::NotAFile,
                    ReadError::TooLarge { .. } => Problem::FileTooLarge {
                        limit: MAX_FILE_BYTES / MIB,
                    },
                    ReadError::Io(error) => Problem::Unreadable {
                        reason: error.to_string(),
                    },
                };
                self.unreadable.push(unreadable(problem));
                return;
            }
        };
        budget.bytes += u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        match String::from_utf8(bytes) {
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
        }
    }

    fn sort(&mut self) {
        self.files.sort_by(|a, b| a.path.cmp(&b.path));
        self.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    }
}

/// Where the manifest is, relative to the course root.
const MANIFEST: &str = "course.json";

/// Whether the file at `path` is over the per-file cap by itself (so a course cap hit while
/// reading it is reported as the file's own size).
fn file_over_cap(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_FILE_BYTES)
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
        problem: Problem::Unreadable {
            reason: "the file is not UTF-8 text; save it as UTF-8".to_owned(),
        },
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

    /// Permission denied cannot be produced as root (the tests run as root), so the
    /// listing of one subdirectory is made to fail instead.
    #[test]
    fn a_directory_that_cannot_be_listed_is_a_diagnostic_for_that_directory_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::write(root.join("course.json"), "{}").expect("write");
        std::fs::create_dir_all(root.join("lessons/empty")).expect("mkdir");
        std::fs::write(root.join("lessons/intro.json"), "{}").expect("write");
        let failing = root.join("lessons/empty");
        let source = CourseSource::from_dir_listing(root, |path| {
            if path == failing {
                Err(std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    "permission denied",
                ))
            } else {
                list_dir(path)
            }
        })
        .expect("the rest of the course is read");
        let paths: Vec<&str> = source.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["course.json", "lessons/intro.json"]);
        assert_eq!(
            source.unreadable,
            [UnreadableFile {
                path: "lessons/empty/".to_owned(),
                problem: Problem::UnreadableDirectory {
                    reason: "permission denied".to_owned()
                },
                position: None,
            }]
        );
        // The root itself is still an error: there is no course to speak of.
        let root_fails = CourseSource::from_dir_listing(root, |_| Err(std::io::Error::other("no")));
        assert!(root_fails.is_err());
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

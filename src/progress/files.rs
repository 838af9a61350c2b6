//! The files under a profile: its OS lock, and reading and writing them safely: private
//! (0600), never through a planted symlink, synced before they count.

use super::{ProfileName, ProgressError};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The OS lock on `NAME.lock`, released when dropped or when the process dies.
#[derive(Debug)]
pub(super) struct ProfileLock {
    file: File,
}

impl ProfileLock {
    pub(super) fn acquire(name: &ProfileName, path: &Path) -> Result<Self, ProgressError> {
        let mut file = open_regular(
            path,
            private_file_options()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false),
        )
        .map_err(open_err("open", path))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut contents = String::new();
                // Best effort: the holder may be writing it right now, or the platform may
                // not let a second handle read a locked file.
                let pid = file
                    .read_to_string(&mut contents)
                    .ok()
                    .and_then(|_| contents.trim().parse().ok());
                return Err(ProgressError::ProfileInUse {
                    profile: name.clone(),
                    pid,
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(io_err("lock", path)(e)),
        }
        file.set_len(0).map_err(io_err("write", path))?;
        writeln!(file, "{}", std::process::id()).map_err(io_err("write", path))?;
        Ok(Self { file })
    }
}

impl Drop for ProfileLock {
    fn drop(&mut self) {
        // No pid left behind for a process that no longer holds the profile. The file
        // itself stays: deleting it would let two processes lock two different files.
        let _ = self.file.set_len(0);
    }
}

pub(super) fn io_err(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> ProgressError {
    let path = path.to_owned();
    move |source| ProgressError::Io {
        action,
        path,
        source,
    }
}

pub(super) fn remove_if_present(path: &Path) -> Result<(), ProgressError> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(io_err("remove", path)(e)),
        _ => Ok(()),
    }
}

/// Replaces `path` atomically with `bytes` (0600 on Unix): writes `PATH.tmp`, fsyncs it,
/// renames it over `path` and fsyncs the directory, so `path` is always either the old or
/// the new complete file. For other private documents kept like progress (the facilitator's
/// session logs); the directory must exist (see [`create_private_dir`]).
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ProgressError> {
    let mut temp = path.as_os_str().to_owned();
    temp.push(".tmp");
    let temp = PathBuf::from(temp);
    write_synced(&temp, bytes)?;
    fs::rename(&temp, path).map_err(io_err("replace", path))?;
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => sync_dir(dir),
        _ => sync_dir(Path::new(".")),
    }
}

/// Writes a new file (0600 on Unix) and fsyncs it; a file that could not be written
/// completely is removed again.
pub(super) fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), ProgressError> {
    remove_if_present(path)?;
    let mut file = open_regular(path, private_file_options().write(true).create_new(true))
        .map_err(open_err("create", path))?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(io_err("write", path));
    if written.is_err() {
        drop(file);
        // Best effort: the write error is the one to report.
        let _ = fs::remove_file(path);
    }
    written
}

/// Why [`open_regular`] did not open a file.
#[derive(Debug)]
pub(crate) enum OpenError {
    /// There is something other than a regular file at the path: a symbolic link (never
    /// followed), a directory, a FIFO or a device.
    NotAFile,
    /// Opening failed for another reason.
    Io(io::Error),
}

/// Opens `path` with `options` only when it is a regular file: a symbolic link as the last
/// component is not followed (`O_NOFOLLOW` on Unix, so a dangling link creates nothing),
/// and a FIFO does not block the open (`O_NONBLOCK`, which changes nothing for a regular
/// file). For the profile files and the files `kruispunt export` writes.
pub(crate) fn open_regular(path: &Path, options: &mut OpenOptions) -> Result<File, OpenError> {
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        let flags = (OFlags::NOFOLLOW | OFlags::NONBLOCK).bits();
        options.custom_flags(i32::try_from(flags).unwrap_or_default());
    }
    match options.open(path) {
        Ok(file) => match file.metadata() {
            Ok(meta) if meta.is_file() => Ok(file),
            Ok(_) => Err(OpenError::NotAFile),
            Err(e) => Err(OpenError::Io(e)),
        },
        // A symbolic link (ELOOP with O_NOFOLLOW) or a directory opened for writing.
        Err(_) if fs::symlink_metadata(path).is_ok_and(|meta| !meta.is_file()) => {
            Err(OpenError::NotAFile)
        }
        Err(e) => Err(OpenError::Io(e)),
    }
}

/// The whole of the regular file at `path` (see [`open_regular`]).
pub(super) fn read_regular(path: &Path) -> Result<Vec<u8>, ProgressError> {
    let mut file =
        open_regular(path, OpenOptions::new().read(true)).map_err(open_err("read", path))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(io_err("read", path))?;
    Ok(bytes)
}

pub(super) fn open_err(
    action: &'static str,
    path: &Path,
) -> impl FnOnce(OpenError) -> ProgressError {
    let path = path.to_owned();
    move |error| match error {
        OpenError::NotAFile => ProgressError::NotAFile { path },
        OpenError::Io(source) => ProgressError::Io {
            action,
            path,
            source,
        },
    }
}

pub(super) fn private_file_options() -> OpenOptions {
    // Only Unix sets a mode; elsewhere the data directory's default ACL keeps files private.
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Creates the data directory (and missing parents) as 0700 on Unix. An existing directory
/// is left as it is: it may be one the learner chose with `--data-dir`.
pub(crate) fn create_private_dir(dir: &Path) -> Result<(), ProgressError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(io_err("create", dir))
}

/// Makes renames in `dir` durable. Only Unix can open and fsync a directory.
pub(super) fn sync_dir(dir: &Path) -> Result<(), ProgressError> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io_err("sync", dir))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

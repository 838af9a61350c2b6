//! Hostile files in the data directory and at `export -o`, through the real binary: a
//! planted symlink is never followed (its target is neither truncated nor created), a file
//! that is not a regular file is refused with an error that names it, exports are written
//! 0600 (or stricter, with a stricter umask), and a save that fails says so, exits nonzero
//! and leaves no temporary file behind.
//!
//! The tests run as root in CI, where permissions do not stop writes: failures are made
//! with directories and symlinks where files must go, which stop root too. Unix only.

#![cfg(unix)]
// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;

use binary_support::{Run, command};
use std::io::{BufReader, Read, Write};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course")
}

/// `kruispunt ARGS` over the fixture course with `data` as the data directory.
fn run(data: &Path, args: &[&str]) -> Run {
    let mut cmd = command(args);
    cmd.arg("--course")
        .arg(fixture())
        .arg("--data-dir")
        .arg(data)
        .stdin(Stdio::null());
    Run::of(&mut cmd)
}

/// A profile `default` with a progress file, closed again.
fn existing_profile(data: &Path) {
    run(data, &["--plain"]).exits(0);
    assert!(data.join("default.json").is_file());
}

/// A file outside the data directory that an attacker would like overwritten.
fn victim(dir: &Path) -> PathBuf {
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "precious\n").expect("write victim");
    victim
}

#[track_caller]
fn untouched(victim: &Path) {
    assert_eq!(
        std::fs::read_to_string(victim).expect("the victim is still there"),
        "precious\n",
        "the symlink's target was written"
    );
}

#[track_caller]
fn refused_naming(run: &Run, file: &str) {
    assert_eq!(run.code, Some(2), "exit code; stderr:\n{}", run.stderr);
    assert!(run.stderr.contains(file), "names {file}:\n{}", run.stderr);
    assert!(
        run.stderr.contains("not a regular file"),
        "says why:\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("os error"), "{}", run.stderr);
}

#[test]
fn a_symlink_planted_as_the_lock_is_refused_not_followed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    existing_profile(&data);
    let victim = victim(dir.path());
    std::fs::remove_file(data.join("default.lock")).expect("remove lock");
    symlink(&victim, data.join("default.lock")).expect("plant symlink");

    refused_naming(&run(&data, &["--plain"]), "default.lock");
    untouched(&victim);
    refused_naming(&run(&data, &["forget", "--yes"]), "default.lock");
    untouched(&victim);
    assert!(data.join("default.json").is_file(), "nothing was forgotten");
}

#[test]
fn a_dangling_symlink_as_the_lock_creates_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("data dir");
    let target = dir.path().join("created-by-kruispunt");
    symlink(&target, data.join("default.lock")).expect("plant symlink");

    refused_naming(&run(&data, &["--plain"]), "default.lock");
    assert!(!target.exists(), "the dangling link's target was created");
}

#[test]
fn a_progress_file_that_is_a_symlink_or_a_fifo_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    existing_profile(&data);
    let victim = victim(dir.path());
    let progress = data.join("default.json");
    std::fs::remove_file(&progress).expect("remove progress");
    symlink(&victim, &progress).expect("plant symlink");
    refused_naming(&run(&data, &["--plain"]), "default.json");
    untouched(&victim);
    assert!(
        std::fs::symlink_metadata(&progress)
            .expect("the link is left where it was")
            .file_type()
            .is_symlink()
    );

    // A FIFO would block a plain read forever: refused at once instead.
    std::fs::remove_file(&progress).expect("remove link");
    let made = std::process::Command::new("mkfifo")
        .arg(&progress)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let mut cmd = command(["--plain"]);
    cmd.arg("--course")
        .arg(fixture())
        .arg("--data-dir")
        .arg(&data)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("kruispunt starts");
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("kruispunt hangs on a FIFO as its progress file");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let fifo = Run::from(child.wait_with_output().expect("output"));
    refused_naming(&fifo, "default.json");

    // `profiles` keeps listing: the odd file is shown as such, the command does not fail.
    std::fs::remove_file(&progress).expect("remove fifo");
    symlink(&victim, &progress).expect("plant symlink");
    let listed = run(&data, &["profiles"]).exits(0);
    assert!(listed.stdout.contains("default"), "{}", listed.stdout);
    assert!(
        listed.stdout.contains("not a regular file"),
        "{}",
        listed.stdout
    );
}

#[test]
fn export_does_not_write_through_a_symlink() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    existing_profile(&data);
    let victim = victim(dir.path());
    let out = dir.path().join("anna.json");
    symlink(&victim, &out).expect("plant symlink");
    let shown = out.display().to_string();
    refused_naming(
        &run(&data, &["export", "--include-reflections", "-o", &shown]),
        &shown,
    );
    untouched(&victim);

    let dangling = dir.path().join("dangling.json");
    let target = dir.path().join("created-by-export.json");
    symlink(&target, &dangling).expect("plant dangling symlink");
    let shown = dangling.display().to_string();
    refused_naming(&run(&data, &["export", "-o", &shown]), &shown);
    assert!(!target.exists(), "the dangling link's target was created");
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn exports_are_private_and_a_stricter_umask_is_honoured() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    existing_profile(&data);
    let out = dir.path().join("anna.json");
    let shown = out.display().to_string();
    run(&data, &["export", "--include-reflections", "-o", &shown]).exits(0);
    assert_eq!(mode(&out), 0o600, "a new export");

    // An existing, world-readable file is narrowed before the reflections go in.
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    run(&data, &["export", "--include-reflections", "-o", &shown]).exits(0);
    assert_eq!(mode(&out), 0o600, "an existing export");
    let written = std::fs::read_to_string(&out).expect("read export");
    assert!(written.contains("\"profile\""), "{written}");

    // umask 0277 leaves only the owner's read bit.
    let strict = dir.path().join("strict.json");
    let line = format!(
        "umask 0277 && exec \"$0\" \"$@\" export -o '{}'",
        strict.display()
    );
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg(line)
        .arg(env!("CARGO_BIN_EXE_kruispunt"))
        .arg("--course")
        .arg(fixture())
        .arg("--data-dir")
        .arg(&data)
        .env("KRUISPUNT_LANG", "en");
    Run::of(&mut cmd).exits(0);
    assert_eq!(mode(&strict), 0o400, "the umask is honoured");
}

/// Plain mode with a pipe: waits for the first prompt, runs `sabotage`, then answers
/// `lines`; returns how it ended.
fn plain_with_sabotage(data: &Path, sabotage: impl FnOnce(), lines: &str) -> Run {
    let mut cmd = command(["--plain"]);
    cmd.arg("--course")
        .arg(fixture())
        .arg("--data-dir")
        .arg(data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("kruispunt starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut seen = Vec::new();
    // The first prompt `> ` ends without a newline: read byte by byte up to it.
    let mut byte = [0u8; 1];
    while !seen.ends_with(b"> ") {
        let n = stdout.read(&mut byte).expect("read stdout");
        assert_eq!(n, 1, "the prompt:\n{}", String::from_utf8_lossy(&seen));
        seen.push(byte[0]);
    }
    sabotage();
    let mut stdin = child.stdin.take().expect("stdin");
    let _ = stdin.write_all(lines.as_bytes());
    drop(stdin);
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).expect("read stdout");
    seen.extend(rest);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait");
    Run {
        code: status.code(),
        stdout: String::from_utf8(seen).expect("UTF-8"),
        stderr,
    }
}

#[test]
fn a_failed_save_is_not_called_saved_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    existing_profile(&data);
    let backup = data.join("default.json.bak");
    // Where the backup must be replaced there is now a directory with a file in it: the
    // save fails half-way (its temporary files are written by then), even as root.
    let sabotage = || {
        let _ = std::fs::remove_file(&backup);
        std::fs::create_dir(&backup).expect("directory in its place");
        std::fs::write(backup.join("inside"), "x").expect("fill it");
    };
    let ended = plain_with_sabotage(&data, sabotage, "1\nq\n");
    assert_ne!(ended.code, Some(0), "exit code:\n{}", ended.stderr);
    assert!(
        !ended.stdout.contains("Your progress is saved"),
        "the failure is not contradicted:\n{}",
        ended.stdout
    );
    assert!(
        ended.stderr.contains("default.json.bak"),
        "names the file:\n{}",
        ended.stderr
    );
    assert!(
        ended.stderr.contains("is not saved"),
        "says what was not saved:\n{}",
        ended.stderr
    );
    assert!(
        !data.join("default.json.tmp").exists(),
        "the temporary file is cleaned up"
    );
    assert!(!data.join("default.json.bak.tmp").exists());
}

//! A real Ralph LRS (https://github.com/openfun/ralph) for the tests: its file-system
//! backend in a temp directory, a test user made with `ralph auth`, `ralph runserver` on a
//! free localhost port, waited for, and killed with its whole process group on drop (its
//! development server runs a reloader and a worker).
//!
//! Ralph comes from the project-local virtualenv `.ci/run` makes (`.venv-ralph/`), or from
//! `KRUISPUNT_RALPH` (the path of a `ralph` executable). When it is missing the test fails
//! with a message saying how to install it: never a silent skip.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The environment variable naming a `ralph` executable.
pub const RALPH_ENV: &str = "KRUISPUNT_RALPH";
/// The test user's name.
pub const USERNAME: &str = "kruispunt-test";
/// The test user's password.
pub const PASSWORD: &str = "correct-horse-battery-staple";

/// The `ralph` executable, or a failed test saying how to get it.
pub fn ralph() -> PathBuf {
    let path = std::env::var_os(RALPH_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv-ralph/bin/ralph"));
    assert!(
        path.is_file(),
        "Ralph (the xAPI LRS these tests send to) is missing at {}: run .ci/run, or \
         `python3 -m venv .venv-ralph && .venv-ralph/bin/pip install 'ralph-malph[cli,lrs]' requests`, \
         or set {RALPH_ENV} to a ralph executable",
        path.display()
    );
    path
}

/// A free TCP port on 127.0.0.1 (free when asked; the server binds it right after).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Ralph 5's file-system backend writes every POST with its default operation, "create",
/// which refuses to write to the store file once it exists: every POST after the first
/// fails with a 500. This `sitecustomize` (loaded by every Python process of the server,
/// its reloader's worker included) makes that default "append", as a database backend
/// behaves. Nothing else of Ralph is touched: validation, 409s, auth and reads are its own.
const APPEND_PATCH: &str = "\
try:
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.data.fs import FSDataBackend
    FSDataBackend.default_operation_type = BaseOperationType.APPEND
except ImportError:
    pass
";

/// A running Ralph; stopped (process group killed) on drop.
pub struct Ralph {
    dir: tempfile::TempDir,
    port: u16,
    server: Option<Child>,
    starts: usize,
}

impl Ralph {
    /// Makes the test user and starts the server.
    pub fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let made = Self::command(dir.path(), "auth")
            .args(["-u", USERNAME, "-p", PASSWORD, "-s", "all", "-w"])
            .args(["-M", "mailto:kruispunt-test@example.com"])
            .output()
            .unwrap();
        assert!(
            made.status.success(),
            "ralph auth failed: {}",
            String::from_utf8_lossy(&made.stderr)
        );
        let mut ralph = Self {
            dir,
            port: free_port(),
            server: None,
            starts: 0,
        };
        ralph.restart();
        ralph
    }

    fn command(dir: &Path, subcommand: &str) -> Command {
        let patch = dir.join("patch");
        std::fs::create_dir_all(&patch).unwrap();
        std::fs::write(patch.join("sitecustomize.py"), APPEND_PATCH).unwrap();
        let mut command = Command::new(ralph());
        command
            .arg(subcommand)
            .current_dir(dir)
            .env("PYTHONPATH", &patch)
            .env("RALPH_AUTH_FILE", dir.join("auth.json"))
            .env("RALPH_APP_DIR", dir.join("app"))
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .stdin(Stdio::null());
        command
    }

    /// Starts the server (again) on the same port and store, and waits until it answers.
    pub fn restart(&mut self) {
        assert!(self.server.is_none(), "already running");
        self.starts += 1;
        let log = std::fs::File::create(self.log_path(self.starts)).unwrap();
        let data = self.dir.path().join("data");
        let server = Self::command(self.dir.path(), "runserver")
            .args(["-b", "fs", "--fs-default-directory-path"])
            .arg(&data)
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string()])
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            // Its own process group: the reloader and the worker die with it.
            .process_group(0)
            .spawn()
            .unwrap();
        self.server = Some(server);
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            if let Some((200, _)) = self.get_raw("/__lbheartbeat__") {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "Ralph did not answer on port {} within 90 s:\n{}",
                self.port,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Stops the server: SIGTERM to its process group, SIGKILL if it lingers.
    pub fn stop(&mut self) {
        let Some(mut server) = self.server.take() else {
            return;
        };
        let group = i32::try_from(server.id()).unwrap();
        kill_group(group, libc::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if server.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        kill_group(group, libc::SIGKILL);
        let _ = server.wait();
        // The port is free again when nothing answers on it.
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", self.port)).is_ok() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The xAPI endpoint.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    fn log_path(&self, start: usize) -> PathBuf {
        self.dir.path().join(format!("server-{start}.log"))
    }

    /// Everything the server logged, over all its starts.
    pub fn log(&self) -> String {
        (1..=self.starts)
            .map(|n| std::fs::read_to_string(self.log_path(n)).unwrap_or_default())
            .collect()
    }

    /// How many `POST /xAPI/statements` the server logged.
    pub fn posts(&self) -> usize {
        self.log()
            .lines()
            .filter(|l| l.contains("\"POST /xAPI/statements"))
            .count()
    }

    /// Every statement the LRS holds for `query` (e.g. `registration=…`), all pages.
    pub fn statements(&self, query: &str) -> Vec<Value> {
        let mut out = Vec::new();
        let mut path = format!("/xAPI/statements?{query}&limit=100");
        loop {
            let (status, body) = self.get_raw(&path).expect("Ralph answers");
            assert_eq!(status, 200, "{body}");
            let page: Value = serde_json::from_str(&body).unwrap();
            out.extend(page["statements"].as_array().unwrap().iter().cloned());
            match page["more"].as_str() {
                Some(more) if !more.is_empty() => path = more.to_owned(),
                _ => return out,
            }
        }
    }

    /// What the LRS holds for the registrations (attempts) of `statements`, by statement
    /// id; a statement stored twice fails the test.
    pub fn stored(&self, statements: &[Value]) -> BTreeMap<String, Value> {
        let registrations: BTreeSet<&str> = statements
            .iter()
            .map(|s| s["context"]["registration"].as_str().unwrap())
            .collect();
        let mut out = BTreeMap::new();
        for registration in registrations {
            for statement in self.statements(&format!("registration={registration}")) {
                let id = statement["id"].as_str().unwrap().to_owned();
                assert!(
                    out.insert(id.clone(), statement).is_none(),
                    "{id} stored twice"
                );
            }
        }
        out
    }

    /// A GET with the test user's credentials: status and body, `None` when nothing
    /// answers. Plain HTTP/1.0 over a socket, so the test does not lean on the client
    /// under test.
    fn get_raw(&self, path: &str) -> Option<(u16, String)> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .ok()?;
        let auth = basic(&format!("{USERNAME}:{PASSWORD}"));
        write!(
            stream,
            "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Basic {auth}\r\nX-Experience-API-Version: 1.0.3\r\n\r\n"
        )
        .ok()?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer).ok()?;
        let (head, body) = answer.split_once("\r\n\r\n")?;
        let status = head.split_whitespace().nth(1)?.parse().ok()?;
        Some((status, body.to_owned()))
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        self.stop();
    }
}

fn kill_group(group: i32, signal: i32) {
    // SAFETY: kill(2) with a negative pid signals the process group of our own child,
    // made its own group leader by `process_group(0)`.
    unsafe {
        libc::kill(-group, signal);
    }
}

/// Base64 for a Basic auth header.
fn basic(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = text.as_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A one-shot fake LRS on a free port: answers every connection with `reply` (raw bytes,
/// which need not be HTTP) and counts the connections. Runs until the test ends.
pub fn fake_lrs(reply: &'static [u8]) -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let count = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&count);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            counted.fetch_add(1, Ordering::SeqCst);
            let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
            let mut buf = [0_u8; 65536];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(reply);
        }
    });
    (port, count)
}

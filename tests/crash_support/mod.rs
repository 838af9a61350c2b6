//! The crash tests' child process: the test binary runs itself again with only the child's
//! role test selected (it acts when `role_env` is set), the child says "ready" on stdout
//! once it holds the profile, and the parent kills it at pseudo-random moments.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Starts this test binary again, running only the test `role` with `role_env` set and
/// `dir_env` naming `dir`.
pub fn spawn_child(role: &str, role_env: &str, dir_env: &str, dir: &Path) -> Child {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--exact", role, "--nocapture", "--test-threads=1"])
        .env(role_env, "1")
        .env(dir_env, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts")
}

/// Waits for the child's "ready" line (it holds the lock and has loaded).
pub fn wait_ready(child: &mut Child) {
    let stdout = child.stdout.take().expect("the child's stdout is piped");
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("ready"));
    assert!(ready, "the child did not start");
}

/// Deterministic pseudo-random numbers (xorshift64*), so a failure can be replayed.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

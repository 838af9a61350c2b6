//! The workshop server under load (issue 17): the real `kruispunt serve` binary on a free
//! localhost port, and N trainees at once, each a russh client in this process: password
//! auth with the join code, `pty-req`, `shell`, a distinct name on the join screen, then the
//! fixture course's scenario, played with random answers and random `window-change`
//! resizes, a human pause between keys. With `--built-in` the server runs the built-in
//! course instead, and each trainee continues from the overview (`c`, the first lesson) and
//! plays on with random keys (next scene, answers, Enter, Space).
//!
//! Reported:
//! - keystroke-to-frame latency, p50 / p99 / max: from sending a key to the first output
//!   bytes after it (keys that change nothing on screen draw nothing and are counted apart);
//! - server memory per session: the server's `VmRSS` (/proc/PID/status) with every trainee
//!   in the scenario, minus its `VmRSS` before the first connection, divided by N;
//! - server CPU: `utime + stime` (/proc/PID/stat) over the play phase, in seconds and as a
//!   share of one core;
//! - failed sessions: a connection, login, join or read that failed or timed out.
//!
//! Budgets: p99 < 50 ms at N = 50, no failed session at N = 200, under 4 MiB per session
//! (checked from N = 50: for a handful of trainees the first join's one-off cost, about
//! 10 MiB, dominates the share). The run exits 1 when one is missed. Clients and server share the machine's cores, so the
//! latency includes the clients' own work.
//!
//! ```sh
//! cargo bench --bench serve_load                         # N = 10 for 10 s: a quick check
//! cargo bench --bench serve_load -- --clients 50 --seconds 30
//! KRUISPUNT_LOAD_CLIENTS=200 cargo bench --bench serve_load
//! cargo bench --bench serve_load -- --clients 50 --built-in   # the built-in course
//! ```

// Bench setup fails loudly by design: a server that does not start stops the run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use russh::client;
use russh::keys::PublicKeyOrCertificate;
use russh::{ChannelMsg, Disconnect};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The join code of the server under load.
const CODE: &str = "tulp-42";
/// How long a step (login, join screen, a frame after a resize) may take before the
/// session counts as failed.
const STEP_TIMEOUT: Duration = Duration::from_secs(20);
/// How long to wait for a frame after a key; a key that changes nothing draws nothing.
const FRAME_TIMEOUT: Duration = Duration::from_secs(2);
/// Output that follows a frame within this long belongs to it, not to the next key.
const QUIET: Duration = Duration::from_millis(15);

/// What the run was asked for.
struct Options {
    clients: usize,
    seconds: u64,
    /// The pause between a trainee's keys, in milliseconds: from `think.0` to `think.1`.
    think: (u64, u64),
    /// `--built-in` (or `KRUISPUNT_LOAD_COURSE=built-in`): the built-in course instead of
    /// the fixture course.
    built_in: bool,
}

impl Options {
    /// `--clients N`, `--seconds S`, `--think-ms MIN-MAX`, or the environment variables
    /// `KRUISPUNT_LOAD_CLIENTS`, `KRUISPUNT_LOAD_SECONDS`; other arguments (cargo's
    /// `--bench`) are ignored.
    fn parse() -> Self {
        let env = |name: &str| std::env::var(name).ok();
        let mut clients = env("KRUISPUNT_LOAD_CLIENTS");
        let mut seconds = env("KRUISPUNT_LOAD_SECONDS");
        let mut think = None;
        let mut built_in = env("KRUISPUNT_LOAD_COURSE").as_deref() == Some("built-in");
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--clients" => clients = args.next(),
                "--seconds" => seconds = args.next(),
                "--think-ms" => think = args.next(),
                "--built-in" => built_in = true,
                _ => {}
            }
        }
        let think = think
            .and_then(|t| {
                let (low, high) = t.split_once('-')?;
                Some((low.parse().ok()?, high.parse().ok()?))
            })
            .unwrap_or((300, 1200));
        Self {
            clients: clients.map_or(10, |n| n.parse().expect("--clients N")),
            seconds: seconds.map_or(10, |s| s.parse().expect("--seconds S")),
            think,
            built_in,
        }
    }
}

/// A small xorshift generator: each trainee plays its own reproducible game.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high.saturating_sub(low) + 1)
    }
}

/// Trusts any host key: the server is the one this bench started.
struct Trainee;

impl client::Handler for Trainee {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// What one trainee measured.
#[derive(Default)]
struct Played {
    /// Keystroke-to-frame latencies.
    latencies: Vec<Duration>,
    /// Keys after which nothing was drawn.
    silent: usize,
    resizes: usize,
    /// Why the session failed, if it did.
    failure: Option<String>,
}

/// An open shell on the server.
struct Shell {
    handle: client::Handle<Trainee>,
    channel: russh::Channel<client::Msg>,
}

impl Shell {
    async fn open(port: u16, user: &str) -> Result<Self, String> {
        let config = Arc::new(client::Config::default());
        let mut handle = client::connect(config, ("127.0.0.1", port), Trainee)
            .await
            .map_err(|e| format!("connect: {e}"))?;
        let auth = handle
            .authenticate_password(user, CODE)
            .await
            .map_err(|e| format!("auth: {e}"))?;
        if !auth.success() {
            return Err("the join code was refused".into());
        }
        let channel = handle
            .channel_open_session()
            .await
            .map_err(|e| format!("open session: {e}"))?;
        channel
            .request_pty(true, "xterm-256color", 100, 30, 0, 0, &[])
            .await
            .map_err(|e| format!("pty-req: {e}"))?;
        channel
            .request_shell(true)
            .await
            .map_err(|e| format!("shell: {e}"))?;
        Ok(Self { handle, channel })
    }

    /// The next output bytes within `wait`: `Ok(None)` when none came.
    async fn output(&mut self, wait: Duration) -> Result<Option<usize>, String> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            match tokio::time::timeout_at(deadline, self.channel.wait()).await {
                Err(_) => return Ok(None),
                Ok(None) => return Err("the channel closed".into()),
                Ok(Some(ChannelMsg::Data { data })) => return Ok(Some(data.len())),
                Ok(Some(ChannelMsg::Eof | ChannelMsg::Close)) => {
                    return Err("the server ended the session".into());
                }
                Ok(Some(_)) => {}
            }
        }
    }

    /// Reads output until the text holds `needle` (escape sequences and all).
    async fn until(&mut self, needle: &str) -> Result<(), String> {
        let deadline = tokio::time::Instant::now() + STEP_TIMEOUT;
        let mut text = Vec::new();
        loop {
            let message = tokio::time::timeout_at(deadline, self.channel.wait())
                .await
                .map_err(|_| format!("no “{needle}” within {STEP_TIMEOUT:?}"))?;
            match message {
                None | Some(ChannelMsg::Eof | ChannelMsg::Close) => {
                    return Err(format!("the session ended before “{needle}”"));
                }
                Some(ChannelMsg::Data { data }) => {
                    text.extend_from_slice(&data);
                    if String::from_utf8_lossy(&text).contains(needle) {
                        return Ok(());
                    }
                }
                Some(_) => {}
            }
        }
    }

    /// Reads whatever output is left of the last frame.
    async fn drain(&mut self) -> Result<(), String> {
        while self.output(QUIET).await?.is_some() {}
        Ok(())
    }

    async fn send(&mut self, bytes: &[u8]) -> Result<(), String> {
        self.channel
            .data(bytes)
            .await
            .map_err(|e| format!("send: {e}"))
    }

    /// Sends `key` and measures the time to the first output bytes after it.
    async fn key(&mut self, key: &[u8], played: &mut Played) -> Result<(), String> {
        self.drain().await?;
        let sent = Instant::now();
        self.send(key).await?;
        match self.output(FRAME_TIMEOUT).await? {
            Some(_) => played.latencies.push(sent.elapsed()),
            None => played.silent += 1,
        }
        Ok(())
    }
}

/// One trainee: joins as `trainee-INDEX` and opens the scenario, waits at `start` for the
/// others (even when it failed), then plays until the end the run sets in `end`.
async fn trainee(
    port: u16,
    index: usize,
    think: (u64, u64),
    built_in: bool,
    start: Arc<tokio::sync::Barrier>,
    mut end: tokio::sync::watch::Receiver<Option<Instant>>,
) -> Played {
    let mut played = Played::default();
    let mut rng = Rng::new(index as u64 + 1);
    let entered = async {
        let mut shell = Shell::open(port, &format!("t{index}")).await?;
        shell.until("name").await?;
        shell.send(format!("trainee-{index}\r").as_bytes()).await?;
        shell.until("Overview").await?;
        // Into the fixture's scenario: three down, Enter, Enter past the briefing; in the
        // built-in course, `c` continues with its first lesson.
        let into: &[&[u8]] = if built_in {
            &[b"c"]
        } else {
            &[b"\x1b[B", b"\x1b[B", b"\x1b[B", b"\r", b"\r"]
        };
        for &key in into {
            shell.drain().await?;
            shell.send(key).await?;
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        shell.drain().await?;
        Ok::<Shell, String>(shell)
    }
    .await;
    start.wait().await;
    let end = end
        .wait_for(Option::is_some)
        .await
        .ok()
        .and_then(|end| *end)
        .unwrap_or_else(Instant::now);
    let outcome = async {
        let mut shell = entered?;
        while Instant::now() < end {
            tokio::time::sleep(Duration::from_millis(rng.between(think.0, think.1))).await;
            if rng.below(8) == 0 {
                let (columns, rows) = (rng.between(60, 160), rng.between(20, 50));
                shell.drain().await?;
                shell
                    .channel
                    .window_change(columns as u32, rows as u32, 0, 0)
                    .await
                    .map_err(|e| format!("window-change: {e}"))?;
                if shell.output(STEP_TIMEOUT).await?.is_none() {
                    return Err("no frame after a resize".into());
                }
                played.resizes += 1;
                continue;
            }
            // Random answers, and Enter to go on from an ending or a feedback.
            let key: &[u8] = match rng.below(if built_in { 6 } else { 5 }) {
                0 => b"1",
                1 => b"2",
                2 => b"3",
                3 => b"\r",
                4 => b" ",
                // The built-in course starts with lessons: the next scene.
                _ => b"\x1b[C",
            };
            shell.key(key, &mut played).await?;
        }
        shell.drain().await?;
        let _ = shell
            .handle
            .disconnect(Disconnect::ByApplication, "", "en")
            .await;
        Ok::<(), String>(())
    }
    .await;
    if let Err(why) = outcome {
        played.failure = Some(format!("trainee-{index}: {why}"));
    }
    played
}

/// `VmRSS` of process `pid`, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS")
}

/// `utime + stime` of process `pid`, in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    // The fields after the command name, which is in parentheses and may hold spaces.
    let after = &stat[stat.rfind(')').expect("comm") + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of stat(5); `after` starts at field 3.
    let ticks: u64 =
        fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime");
    // SAFETY: sysconf has no preconditions.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    ticks as f64 / per_second as f64
}

/// The server binary, started on a free port; returns it and its port. The caller kills
/// and waits for it at the end of the run.
#[allow(clippy::zombie_processes)]
fn start_server(data_dir: &Path, clients: usize, built_in: bool) -> (Child, u16) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kruispunt"));
    command
        .args(["serve", "--port", "0", "--code", CODE, "--workshop", "load"])
        .args(["--max-trainees", &clients.to_string()])
        .arg("--data-dir")
        .arg(data_dir);
    if !built_in {
        let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
        command.arg("--course").arg(course);
    }
    let mut child = command
        .env("KRUISPUNT_LANG", "en")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("kruispunt serve starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    loop {
        let mut line = String::new();
        if stdout.read_line(&mut line).expect("read stdout") == 0 {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the server ended before saying its address");
        }
        if let Some((_, port)) = line.split_once(": 127.0.0.1:") {
            let port = port.trim().parse().expect("a port");
            // Keep reading its stdout, so it never blocks on a full pipe.
            std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
            return (child, port);
        }
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let options = Options::parse();
    let n = options.clients;
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut server, port) = start_server(&dir.path().join("data"), n, options.built_in);
    let pid = server.id();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    // Let the server settle after writing its host key.
    std::thread::sleep(Duration::from_millis(300));
    let rss_before = rss_kib(pid);

    let start = Arc::new(tokio::sync::Barrier::new(n + 1));
    let (set_end, end) = tokio::sync::watch::channel(None);
    let (played, rss_in, rss_peak, cpu, wall) = runtime.block_on(async {
        let mut tasks = Vec::with_capacity(n);
        for index in 0..n {
            let task = trainee(
                port,
                index,
                options.think,
                options.built_in,
                Arc::clone(&start),
                end.clone(),
            );
            tasks.push(tokio::spawn(task));
            // A ramp, as a room fills: not every handshake in the same millisecond.
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        start.wait().await;
        let rss_in = rss_kib(pid);
        let cpu_start = cpu_seconds(pid);
        let began = Instant::now();
        let _ = set_end.send(Some(began + Duration::from_secs(options.seconds)));
        let mut rss_peak = rss_in;
        let mut all = std::pin::pin!(futures_join(tasks));
        let played = loop {
            tokio::select! {
                played = &mut all => break played,
                () = tokio::time::sleep(Duration::from_millis(250)) => {
                    rss_peak = rss_peak.max(rss_kib(pid));
                }
            }
        };
        (
            played,
            rss_in,
            rss_peak,
            cpu_seconds(pid) - cpu_start,
            began.elapsed(),
        )
    });
    let _ = server.kill();
    let _ = server.wait();

    let mut latencies: Vec<Duration> = played.iter().flat_map(|p| p.latencies.clone()).collect();
    latencies.sort();
    let failures: Vec<&String> = played.iter().filter_map(|p| p.failure.as_ref()).collect();
    let silent: usize = played.iter().map(|p| p.silent).sum();
    let resizes: usize = played.iter().map(|p| p.resizes).sum();
    let per_session_mib =
        |kib: u64| kib.saturating_sub(rss_before) as f64 / 1024.0 / n.max(1) as f64;
    let p99 = percentile(&latencies, 99.0);
    println!(
        "serve_load: {n} trainees, {} s of play, keys every {}-{} ms, {} course",
        options.seconds,
        options.think.0,
        options.think.1,
        if options.built_in {
            "built-in"
        } else {
            "fixture"
        }
    );
    println!(
        "  keystroke to frame: p50 {}, p99 {}, max {} ({} keys with a frame, {silent} without; {resizes} resizes)",
        ms(percentile(&latencies, 50.0)),
        ms(p99),
        ms(latencies.last().copied().unwrap_or_default()),
        latencies.len(),
    );
    println!(
        "  server memory: VmRSS {:.1} MiB before, {:.1} MiB with everyone in the scenario, {:.1} MiB at the peak: {:.2} MiB per session ({:.2} at the peak)",
        rss_before as f64 / 1024.0,
        rss_in as f64 / 1024.0,
        rss_peak as f64 / 1024.0,
        per_session_mib(rss_in),
        per_session_mib(rss_peak),
    );
    println!(
        "  server CPU: {cpu:.2} s over {:.1} s of play: {:.0} % of one core",
        wall.as_secs_f64(),
        100.0 * cpu / wall.as_secs_f64()
    );
    println!("  failed sessions: {}", failures.len());
    for failure in failures.iter().take(10) {
        println!("    {failure}");
    }
    let mut missed = Vec::new();
    if n <= 50 && p99 >= Duration::from_millis(50) {
        missed.push("p99 under 50 ms");
    }
    if !failures.is_empty() {
        missed.push("no failed session");
    }
    // The first trainee also pays once for the server (about 10 MiB: the allocator's
    // heaps on the runtime's threads, the first interface), so the share per session is
    // only meaningful for a room: the budget is checked from N = 50, as issue 17 asks.
    if n >= 50 && per_session_mib(rss_peak) >= 4.0 {
        missed.push("under 4 MiB per session");
    }
    if missed.is_empty() {
        println!("  budgets met");
    } else {
        println!("  budgets missed: {}", missed.join(", "));
        std::process::exit(1);
    }
}

/// Waits for every task, in order.
async fn futures_join(tasks: Vec<tokio::task::JoinHandle<Played>>) -> Vec<Played> {
    let mut played = Vec::with_capacity(tasks.len());
    for (index, task) in tasks.into_iter().enumerate() {
        played.push(task.await.unwrap_or_else(|e| Played {
            failure: Some(format!("trainee-{index}: {e}")),
            ..Played::default()
        }));
    }
    played
}

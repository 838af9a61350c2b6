//! The code builds for Windows and macOS too: `.ci/run` checks the Windows target with the
//! real compiler, but macOS cannot be checked here (ring and mimalloc compile C, and there
//! is no macOS C toolchain on a Linux machine). This audit stands in for it and backs the
//! Windows check: it walks the library's and the program's module trees from `src/lib.rs`
//! and `src/main.rs` and fails on a Unix-only API outside a `cfg(unix)` item, or a
//! Linux-only one (what macOS lacks) outside a `cfg(target_os = "linux")` item.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Paths and names that exist on Unix only.
const UNIX_ONLY: &[&str] = &[
    "std::os::unix",
    "std::os::fd",
    "tokio::signal::unix",
    "rustix",
    "libc::",
    "nix::",
    "signal_hook",
    "PermissionsExt",
    "OpenOptionsExt",
    "DirBuilderExt",
    "AsRawFd",
    "FromRawFd",
];

/// Paths and names that exist on Linux but not on macOS.
const LINUX_ONLY: &[&str] = &[
    "std::os::linux",
    "epoll",
    "inotify",
    "memfd",
    "prctl",
    "O_DIRECT",
    "NOATIME",
    "TMPFILE",
    "OFlags::PATH",
];

/// Which platforms a piece of code is compiled on, as far as the audit cares.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Guard {
    unix: bool,
    linux: bool,
}

const UNGUARDED: Guard = Guard {
    unix: false,
    linux: false,
};

/// A use of a platform API where it is not guarded.
#[derive(Debug, PartialEq)]
struct Finding {
    line: usize,
    api: &'static str,
    needs: &'static str,
}

/// The source with comments, strings and character literals blanked out (newlines kept,
/// so line numbers stay right), so that only code is searched and braces are matched.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && raw_string_at(&chars, i) {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            let close: String = std::iter::once('"')
                .chain("#".repeat(hashes).chars())
                .collect();
            let start = i + 2 + hashes;
            let rest: String = chars[start..].iter().collect();
            let end = rest.find(&close).map_or(chars.len(), |at| {
                start + rest[..at].chars().count() + close.chars().count()
            });
            out.extend(chars[i..end].iter().map(|&c| blank(c)));
            i = end;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                let step = if chars[i] == '\\' { 2 } else { 1 };
                out.extend(
                    chars[i..(i + step).min(chars.len())]
                        .iter()
                        .map(|&c| blank(c)),
                );
                i += step;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && char_literal_len(&chars, i).is_some() {
            let len = char_literal_len(&chars, i).unwrap_or(1);
            out.extend(std::iter::repeat_n(' ', len));
            i += len;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether `r` at `i` starts a raw string (`r"`, `r#"`), not an identifier ending in r.
fn raw_string_at(chars: &[char], i: usize) -> bool {
    let after_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
    !after_ident && chars.get(i + 1 + hashes) == Some(&'"')
}

/// The length of a character literal at `i` (`'a'`, `'\n'`, `'\u{1F600}'`), or `None`
/// for a lifetime.
fn char_literal_len(chars: &[char], i: usize) -> Option<usize> {
    match chars.get(i + 1)? {
        '\\' => (i + 2..chars.len().min(i + 12))
            .find(|&k| chars[k] == '\'')
            .map(|k| k - i + 1),
        _ if chars.get(i + 2) == Some(&'\'') => Some(3),
        _ => None,
    }
}

/// What a `cfg` predicate guarantees: `unix`, `target_os = "linux"`, `all(..)`, `any(..)`.
fn guard_of(predicate: &str) -> Guard {
    let p: String = predicate.chars().filter(|c| !c.is_whitespace()).collect();
    let args =
        |inner: &str| -> Vec<Guard> { split_top(inner).iter().map(|a| guard_of(a)).collect() };
    if let Some(inner) = p.strip_prefix("all(").and_then(|s| s.strip_suffix(')')) {
        let guards = args(inner);
        Guard {
            unix: guards.iter().any(|g| g.unix),
            linux: guards.iter().any(|g| g.linux),
        }
    } else if let Some(inner) = p.strip_prefix("any(").and_then(|s| s.strip_suffix(')')) {
        let guards = args(inner);
        Guard {
            unix: !guards.is_empty() && guards.iter().all(|g| g.unix),
            linux: !guards.is_empty() && guards.iter().all(|g| g.linux),
        }
    } else if p == "unix" || p == "target_family=\"unix\"" {
        Guard {
            unix: true,
            linux: false,
        }
    } else if p == "target_os=\"linux\"" || p == "target_os=\"android\"" {
        Guard {
            unix: true,
            linux: true,
        }
    } else if let Some(os) = p.strip_prefix("target_os=\"") {
        let unix = [
            "macos",
            "ios",
            "freebsd",
            "openbsd",
            "netbsd",
            "dragonfly",
            "solaris",
        ]
        .iter()
        .any(|u| os.strip_suffix('"') == Some(u));
        Guard { unix, linux: false }
    } else {
        UNGUARDED
    }
}

/// The comma-separated arguments of a predicate list, split at depth 0.
fn split_top(list: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0;
    for c in list.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut().unwrap().push(c);
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// The end (exclusive) of the item, statement, field or arm that starts at `from`: the
/// first `;` or `,` outside brackets, or the `}` closing its body (unless `else` follows),
/// or the bracket that closes the enclosing one.
fn item_end(code: &[char], from: usize) -> usize {
    let mut depth = 0i32;
    let mut i = from;
    while i < code.len() {
        match code[i] {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                if depth < 0 {
                    return i;
                }
            }
            '}' => {
                depth -= 1;
                if depth < 0 {
                    return i;
                }
                if depth == 0 {
                    let rest: String = code[i + 1..].iter().take(40).collect();
                    if !rest.trim_start().starts_with("else") {
                        return i + 1;
                    }
                }
            }
            ';' | ',' if depth == 0 => return i + 1,
            _ => {}
        }
        i += 1;
    }
    code.len()
}

/// The platform APIs used outside their guard in one file's code (see [`code_only`]),
/// which is compiled under `outer`, and the `mod NAME;` declarations with their guards.
fn audit_code(source: &str, outer: Guard) -> (Vec<Finding>, Vec<(String, Guard)>) {
    // The predicates are read from the source (`target_os = "linux"` has a string), the
    // rest from the code: both have the same characters at the same places.
    let original: Vec<char> = source.chars().collect();
    let code = code_only(source);
    let chars: Vec<char> = code.chars().collect();
    assert_eq!(original.len(), chars.len());
    let mut guards = vec![outer; chars.len() + 1];
    // Attributes anywhere in the text: `#![cfg(..)]` guards the whole file, `#[cfg(..)]`
    // the item after it.
    let text: String = chars.iter().collect();
    let byte_to_char = |b: usize| text[..b].chars().count();
    for (at, _) in text
        .match_indices("#[cfg(")
        .chain(text.match_indices("#![cfg("))
    {
        let start = byte_to_char(at);
        let open = start + if chars[start + 1] == '!' { 7 } else { 6 };
        let Some(close) = (open..chars.len())
            .scan(1i32, |depth, k| {
                match chars[k] {
                    '(' => *depth += 1,
                    ')' => *depth -= 1,
                    _ => {}
                }
                Some((k, *depth))
            })
            .find(|&(_, depth)| depth == 0)
            .map(|(k, _)| k)
        else {
            continue;
        };
        let guard = guard_of(&original[open..close].iter().collect::<String>());
        let (from, to) = if chars[start + 1] == '!' {
            (0, chars.len())
        } else {
            // Past the attribute's `]`, then the item.
            let item = close + 2;
            (item, item_end(&chars, item))
        };
        for g in &mut guards[from..to] {
            g.unix |= guard.unix;
            g.linux |= guard.linux;
        }
    }
    let line_of = |k: usize| chars[..k].iter().filter(|&&c| c == '\n').count() + 1;
    let mut findings = Vec::new();
    for (apis, needs) in [
        (UNIX_ONLY, "cfg(unix)"),
        (LINUX_ONLY, "cfg(target_os = \"linux\")"),
    ] {
        for api in apis {
            for (at, _) in text.match_indices(api) {
                let k = byte_to_char(at);
                // A whole name or path: `nix::` is not the end of `std::os::unix::`.
                if k > 0 && (chars[k - 1].is_alphanumeric() || chars[k - 1] == '_') {
                    continue;
                }
                let guard = guards[k];
                let guarded = if needs == "cfg(unix)" {
                    guard.unix
                } else {
                    guard.linux
                };
                if !guarded {
                    findings.push(Finding {
                        line: line_of(k),
                        api,
                        needs,
                    });
                }
            }
        }
    }
    let mut modules = Vec::new();
    for (at, _) in text.match_indices("mod ") {
        let k = byte_to_char(at);
        if k > 0 && (chars[k - 1].is_alphanumeric() || chars[k - 1] == '_') {
            continue;
        }
        let rest: String = chars[k + 4..].iter().take(80).collect();
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() && rest[name.len()..].trim_start().starts_with(';') {
            modules.push((name, guards[k]));
        }
    }
    (findings, modules)
}

/// Audits the module tree from `root`, collecting findings as `path:line` lines.
fn audit_tree(file: &Path, guard: Guard, seen: &mut BTreeSet<PathBuf>, out: &mut Vec<String>) {
    let source = std::fs::read_to_string(file).unwrap();
    seen.insert(file.to_owned());
    let (findings, modules) = audit_code(&source, guard);
    for f in findings {
        out.push(format!(
            "{}:{}: {} outside {}",
            file.display(),
            f.line,
            f.api,
            f.needs
        ));
    }
    let name = file.file_stem().unwrap().to_string_lossy();
    let dir = if ["mod", "lib", "main"].contains(&name.as_ref()) {
        file.parent().unwrap().to_owned()
    } else {
        file.with_extension("")
    };
    for (module, guard) in modules {
        let flat = dir.join(format!("{module}.rs"));
        let nested = dir.join(&module).join("mod.rs");
        let path = if flat.exists() { flat } else { nested };
        audit_tree(&path, guard, seen, out);
    }
}

#[test]
fn no_unix_or_linux_only_api_is_used_unguarded_in_src() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut seen = BTreeSet::new();
    let mut findings = Vec::new();
    for root in ["lib.rs", "main.rs"] {
        audit_tree(&src.join(root), UNGUARDED, &mut seen, &mut findings);
    }
    assert!(
        findings.is_empty(),
        "platform-only APIs outside their cfg:\n{}",
        findings.join("\n")
    );
    // Every file was reached through the module tree, so none escaped the audit.
    let mut all = Vec::new();
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                all.push(path);
            }
        }
    }
    let missed: Vec<_> = all.iter().filter(|p| !seen.contains(*p)).collect();
    assert!(
        missed.is_empty(),
        "not reached from lib.rs or main.rs: {missed:?}"
    );
    assert!(
        seen.len() > 50,
        "the module tree was not followed: {seen:?}"
    );
}

#[test]
fn unix_only_crates_are_unix_only_dependencies() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let mut table = String::new();
    for line in manifest.lines() {
        if line.starts_with('[') {
            table = line.to_owned();
        }
        for krate in ["rustix", "signal-hook", "libc", "nix"] {
            if line.starts_with(&format!("{krate} ")) || line.starts_with(&format!("{krate}=")) {
                assert!(
                    table == "[target.'cfg(unix)'.dependencies]" || table == "[dev-dependencies]",
                    "{krate} is a dependency on every platform ({table})"
                );
            }
        }
    }
}

fn findings_in(source: &str) -> Vec<(usize, &'static str)> {
    audit_code(source, UNGUARDED)
        .0
        .into_iter()
        .map(|f| (f.line, f.api))
        .collect()
}

#[test]
fn the_audit_finds_unguarded_uses_and_accepts_guarded_ones() {
    let source = r#"
use std::os::unix::fs::PermissionsExt;
#[cfg(unix)]
use std::os::unix::fs::OpenOptionsExt;
#[cfg(not(unix))]
use rustix::fs;
fn f(options: &mut OpenOptions) {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, 0o600);
    #[cfg(all(unix, feature = "x"))]
    {
        let flags = rustix::fs::OFlags::NOFOLLOW;
    }
    // rustix in a comment, and "libc::open" in a string, are not code.
    let c = '{';
    #[cfg(unix)]
    let x = if a { libc::getpid() } else { libc::getppid() };
    let y = signal_hook::consts::SIGHUP;
}
#[cfg(unix)]
mod watch {
    fn g<'a>(x: &'a str) { let _ = rustix::event::poll; }
}
#[cfg(unix)]
fn h() { let _ = std::fs::read("/proc/self/status"); }
#[cfg(target_os = "linux")]
fn i() { let _ = inotify_init(); }
struct S {
    #[cfg(unix)]
    ids: Vec<signal_hook::SigId>,
    other: rustix::fd::OwnedFd,
}
"#;
    let found = findings_in(source);
    assert_eq!(
        found,
        vec![
            (2, "std::os::unix"),
            (6, "rustix"),
            (31, "rustix"),
            (18, "signal_hook"),
            (2, "PermissionsExt"),
        ],
        "{found:?}"
    );
    // Strings and comments are blanked (the Linux-only path in `h` is in a string).
    assert!(!code_only(source).contains("libc::open"));
    assert_eq!(code_only(source).lines().count(), source.lines().count());
}

#[test]
fn a_file_guarded_as_a_whole_and_cfg_predicates() {
    assert!(findings_in("#![cfg(unix)]\nuse rustix::fs;\n").is_empty());
    assert_eq!(
        findings_in("#![cfg(windows)]\nuse rustix::fs;\n"),
        vec![(2, "rustix")]
    );
    assert!(guard_of("any(target_os = \"linux\", target_os = \"macos\")").unix);
    assert!(!guard_of("any(target_os = \"linux\", target_os = \"macos\")").linux);
    assert!(!guard_of("any(unix, windows)").unix);
    assert!(guard_of("all(unix, not(target_os = \"macos\"))").unix);
    assert!(!guard_of("not(unix)").unix);
}

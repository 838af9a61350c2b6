//! Loads a generated branching course, for profiling (`perf record`):
//! `cargo run --release --example load_generated -- NODES [minified|pretty] [clean|warnings]
//! [load|typed|value|none] [REPEAT]`, which prints the time of one run. Not for peak memory:
//! generating the course through a `serde_json::Value` peaks higher than loading it (4 GB
//! at 100,000 nodes), so the bench's counting allocator measures that instead.

// A tool for measuring: a broken fixture stops it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/support/mod.rs"]
mod support;

use kruispunt::course::{ValidateOptions, load};

/// The allocator the program uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: &str| args.get(i).cloned().unwrap_or_else(|| default.into());
    let nodes: usize = arg(0, "10000").parse().expect("NODES is a number");
    let shape = support::Shape {
        pretty: arg(1, "minified") == "pretty",
        warnings: arg(2, "clean") == "warnings",
    };
    let source = support::branching_course(nodes, shape);
    let repeat: usize = arg(4, "1").parse().expect("REPEAT is a number");
    if arg(3, "load") == "compare" {
        compare(&source, repeat);
        return;
    }
    let start = std::time::Instant::now();
    for _ in 0..repeat {
        run(&source, &arg(3, "load"));
    }
    eprintln!("{:?}", start.elapsed() / repeat.max(1) as u32);
}

fn run(source: &kruispunt::course::CourseSource, what: &str) {
    match what {
        "load" => {
            let report = load(source, ValidateOptions::default());
            assert!(report.course.is_some());
            std::hint::black_box(report);
        }
        "typed" => {
            let manifest: support::mirror::Manifest =
                serde_json::from_str(&source.files[0].text).unwrap();
            let scenario: support::mirror::Scenario =
                serde_json::from_str(&source.files[1].text).unwrap();
            std::hint::black_box((manifest, scenario));
        }
        "value" => {
            let values: Vec<serde_json::Value> = source
                .files
                .iter()
                .map(|f| serde_json::from_str(&f.text).unwrap())
                .collect();
            std::hint::black_box(values);
        }
        _ => {}
    }
}

/// Runs typed and load in turns, `repeat` times each, and prints the median and fastest
/// time of each and their ratios: on a noisy machine, turns share the noise more evenly
/// than two runs one after the other.
fn compare(source: &kruispunt::course::CourseSource, repeat: usize) {
    let mut typed = Vec::with_capacity(repeat);
    let mut loaded = Vec::with_capacity(repeat);
    let time = |what: &str| {
        let start = std::time::Instant::now();
        run(source, what);
        start.elapsed().as_secs_f64() * 1000.0
    };
    for _ in 0..repeat.max(1) {
        typed.push(time("typed"));
        loaded.push(time("load"));
    }
    let stats = |times: &mut Vec<f64>| {
        times.sort_by(f64::total_cmp);
        (times[times.len() / 2], times[0])
    };
    let ((typed_median, typed_min), (load_median, load_min)) =
        (stats(&mut typed), stats(&mut loaded));
    eprintln!(
        "typed median {typed_median:.2} ms, fastest {typed_min:.2} ms; load median {load_median:.2} ms, fastest {load_min:.2} ms; ratio median {:.3}x, fastest {:.3}x",
        load_median / typed_median,
        load_min / typed_min
    );
}

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

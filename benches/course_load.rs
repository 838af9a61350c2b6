//! Load + validate a generated course, side by side with parsing the same bytes into
//! `serde_json::Value` and into plain typed mirror structs.
//!
//! Budgets from the foundation issue, on the near-linear course (`course_*` groups):
//! - time: load + validate of the 100,000-node course <= parsing its bytes into `Value`;
//! - memory: peak heap during load + validate <= peak heap of the `Value` parse.
//!
//! Budgets from issue 15, on the branching story (`branching_*` groups), minified and pretty,
//! at 10,000 and 100,000 nodes:
//! - time: load + validate <= 1.2x deserialising the same bytes into plain
//!   `#[derive(Deserialize)]` mirror structs (`typed`, support/mirror.rs) with no checks;
//! - memory: its peak heap <= 1.5x the typed parse's;
//! - warnings: the course with one warning every five nodes (20,000 at 100,000 nodes)
//!   validates in <= 2x the time of the same course without warnings, and <= 1.5x its
//!   memory.
//!
//! Peak heap is measured with a counting allocator and printed before the timings, with
//! the time of that one run; the bench fails when a memory budget is exceeded (it is
//! deterministic). Time is compared by criterion's report of the functions in each group.

// Bench setup fails loudly by design: a broken fixture stops the run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kruispunt::course::{CourseSource, ValidateOptions, load};
use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

mod support;

/// Counts live and peak heap bytes, over mimalloc: the allocator the program uses
/// (src/main.rs), so the library is measured as it runs there.
struct CountingAlloc;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// A global allocator must be an `unsafe impl`; the library itself forbids unsafe code, and
// this one only forwards to mimalloc while counting bytes.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { MiMalloc.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { MiMalloc.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { MiMalloc.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

/// Peak heap bytes allocated by `f` above what was live before it.
fn peak_of<T>(f: impl FnOnce() -> T) -> usize {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = f();
    let peak = PEAK.load(Ordering::Relaxed) - base;
    drop(out);
    peak
}

fn parse_values(source: &CourseSource) -> Vec<serde_json::Value> {
    source
        .files
        .iter()
        .map(|f| serde_json::from_str(&f.text).expect("generated JSON parses"))
        .collect()
}

fn load_checked(source: &CourseSource) -> kruispunt::course::Report {
    // A course with warnings still loads: only errors keep it from loading.
    let report = load(source, ValidateOptions::default());
    assert!(
        report.course.is_some(),
        "the generated course must load: {:?}",
        report.diagnostics.first()
    );
    report
}

fn parse_typed(source: &CourseSource) -> (support::mirror::Manifest, support::mirror::Scenario) {
    let [manifest, scenario] = &source.files[..] else {
        panic!("a branching course has two files");
    };
    (
        serde_json::from_str(&manifest.text).expect("generated manifest parses"),
        serde_json::from_str(&scenario.text).expect("generated scenario parses"),
    )
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / 1048576.0
}

/// Peak heap of `f` and the time of that one run.
fn measured<T>(f: impl FnOnce() -> T) -> (usize, std::time::Duration) {
    let start = std::time::Instant::now();
    let peak = peak_of(f);
    (peak, start.elapsed())
}

fn bench_branching(c: &mut Criterion) {
    for nodes in [10_000usize, 100_000] {
        let mut group = c.benchmark_group(format!("branching_{nodes}_nodes"));
        group.sample_size(if nodes >= 100_000 { 10 } else { 20 });
        for pretty in [false, true] {
            let clean = support::branching_course(
                nodes,
                support::Shape {
                    pretty,
                    warnings: false,
                },
            );
            let warned = support::branching_course(
                nodes,
                support::Shape {
                    pretty,
                    warnings: true,
                },
            );
            let layout = if pretty { "pretty" } else { "minified" };
            let bytes: usize = clean.files.iter().map(|f| f.text.len()).sum();

            let report = load_checked(&warned);
            assert_eq!(report.diagnostics.len(), support::expected_warnings(nodes));
            assert!(load_checked(&clean).diagnostics.is_empty());
            drop(report);

            let (typed_peak, typed_time) = measured(|| parse_typed(&clean));
            let (value_peak, value_time) = measured(|| parse_values(&clean));
            let (clean_peak, clean_time) = measured(|| load_checked(&clean));
            let (warned_peak, warned_time) = measured(|| load_checked(&warned));
            println!(
                "branching {nodes} nodes {layout} ({:.1} MiB JSON), peak heap (one run's time): \
                 typed {:.1} MiB ({typed_time:.2?}), Value {:.1} MiB ({value_time:.2?}), \
                 load+validate {:.1} MiB ({clean_time:.2?}) = {:.2}x typed, \
                 with {} warnings {:.1} MiB ({warned_time:.2?}) = {:.2}x clean",
                mib(bytes),
                mib(typed_peak),
                mib(value_peak),
                mib(clean_peak),
                clean_peak as f64 / typed_peak as f64,
                support::expected_warnings(nodes),
                mib(warned_peak),
                warned_peak as f64 / clean_peak as f64,
            );

            assert!(
                clean_peak as f64 <= 1.5 * typed_peak as f64,
                "memory budget exceeded: load+validate peaks at {clean_peak} bytes, typed at {typed_peak}"
            );
            assert!(
                warned_peak as f64 <= 1.5 * clean_peak as f64,
                "memory budget exceeded: with warnings {warned_peak} bytes, without {clean_peak}"
            );

            group.throughput(Throughput::Bytes(bytes as u64));
            group.bench_function(BenchmarkId::new("typed", layout), |b| {
                b.iter(|| black_box(parse_typed(black_box(&clean))))
            });
            group.bench_function(BenchmarkId::new("serde_json_value", layout), |b| {
                b.iter(|| black_box(parse_values(black_box(&clean))))
            });
            group.bench_function(BenchmarkId::new("load_validate", layout), |b| {
                b.iter(|| black_box(load_checked(black_box(&clean))))
            });
            group.bench_function(BenchmarkId::new("load_validate_warnings", layout), |b| {
                b.iter(|| black_box(load_checked(black_box(&warned))))
            });
        }
        group.finish();
    }
}

fn bench_load(c: &mut Criterion) {
    for nodes in [10_000usize, 100_000] {
        let source = support::course(nodes);
        let bytes: usize = source.files.iter().map(|f| f.text.len()).sum();

        let value_peak = peak_of(|| parse_values(&source));
        let load_peak = peak_of(|| load_checked(&source));
        println!(
            "peak heap, {nodes} nodes ({:.1} MiB JSON): load+validate {:.1} MiB, serde_json::Value {:.1} MiB ({:.0}%)",
            bytes as f64 / 1048576.0,
            load_peak as f64 / 1048576.0,
            value_peak as f64 / 1048576.0,
            100.0 * load_peak as f64 / value_peak as f64
        );
        assert!(
            load_peak <= value_peak,
            "memory budget exceeded: load+validate peaks at {load_peak} bytes, Value at {value_peak}"
        );

        let mut group = c.benchmark_group(format!("course_{nodes}_nodes"));
        group.sample_size(if nodes >= 100_000 { 10 } else { 20 });
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(BenchmarkId::new("load_validate", nodes), |b| {
            b.iter(|| black_box(load_checked(black_box(&source))))
        });
        group.bench_function(BenchmarkId::new("serde_json_value", nodes), |b| {
            b.iter(|| black_box(parse_values(black_box(&source))))
        });
        group.finish();
    }
}

criterion_group!(benches, bench_load, bench_branching);
criterion_main!(benches);

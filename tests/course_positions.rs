//! Lines and columns of diagnostics on a large generated course, minified (one line a file)
//! and pretty, with non-ASCII text and no-break spaces before the fields reported: the
//! positions are pinned by snapshots taken before positions were found in one pass (issue
//! 15), so the faster way must give exactly what counting from the start of each line gave.

// Test setup fails loudly by design.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/support/mod.rs"]
mod support;

use kruispunt::course::{ValidateOptions, load};

const NODES: usize = 300;

fn positions(shape: support::Shape) -> String {
    let report = load(
        &support::branching_course(NODES, shape),
        ValidateOptions::default(),
    );
    assert!(report.course.is_some(), "warnings only: the course loads");
    assert_eq!(report.diagnostics.len(), support::expected_warnings(NODES));
    report
        .diagnostics
        .iter()
        .map(|d| {
            let p = d.position.expect("every warning has a position");
            format!("{}:{}:{} {} {}", d.file, p.line, p.column, d.code(), d.path)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn positions_in_a_minified_course_with_warnings() {
    insta::assert_snapshot!(positions(support::Shape {
        pretty: false,
        warnings: true
    }));
}

#[test]
fn positions_in_a_pretty_course_with_warnings() {
    insta::assert_snapshot!(positions(support::Shape {
        pretty: true,
        warnings: true
    }));
}

#[test]
fn the_same_course_without_warnings_has_no_diagnostics() {
    for pretty in [false, true] {
        let shape = support::Shape {
            pretty,
            warnings: false,
        };
        let report = load(
            &support::branching_course(NODES, shape),
            ValidateOptions::default(),
        );
        assert!(report.course.is_some());
        assert_eq!(report.diagnostics, []);
    }
}

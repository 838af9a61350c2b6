//! `kruispunt graph`: every built-in scenario and a hostile course, drawn by the real
//! binary and read back by real tools: Graphviz's `dot` parses every DOT output; the
//! `mermaid` package's parser (in jsdom) parses every Mermaid output and the Mermaid CLI
//! (`mmdc`, in Debian's chromium) draws it; an HTML parser reads every SVG.
//!
//! The tools are installed by `.ci/run` (Debian's graphviz and chromium; `npm ci` in
//! tests/tools). A missing tool fails these tests, in CI and locally: they are what checks
//! the output.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;

use binary_support::{Run, command};
use kruispunt::course::checked::Step;
use std::path::{Path, PathBuf};
use std::process::Command;

const FORMATS: [&str; 3] = ["mermaid", "dot", "svg"];

fn hostile_course() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/graph/hostile-course")
}

fn tools_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools")
}

/// The graph of `scenario` in `format`, with extra arguments.
fn graph(scenario: &str, format: &str, extra: &[&str]) -> Run {
    let mut args = vec!["graph", scenario, "--format", format];
    args.extend_from_slice(extra);
    Run::of(&mut command(args))
}

/// Runs Graphviz's `dot -Tsvg` on `file`; fails when Graphviz is not installed.
fn dot_parses(file: &Path) -> Result<(), String> {
    let output = Command::new("dot")
        .arg("-Tsvg")
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!("Graphviz's `dot` is needed (apt-get install graphviz; .ci/run does): {e}")
        });
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.success() && !stderr.contains("Warning") && !stderr.contains("Error") {
        Ok(())
    } else {
        Err(format!("{}: {stderr}", file.display()))
    }
}

/// Runs the Mermaid parser on `files`; fails when node or the npm packages are missing.
fn mermaid_parses(files: &[PathBuf]) -> Result<(), String> {
    let tools = tools_dir();
    assert!(
        tools.join("node_modules/mermaid").is_dir() && tools.join("node_modules/jsdom").is_dir(),
        "the Mermaid parser is needed: run `npm ci` in tests/tools (.ci/run does)"
    );
    let output = Command::new("node")
        .arg(tools.join("mermaid-parse.mjs"))
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("node is needed for the Mermaid parser: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    if output.status.success() && stdout.lines().count() == files.len() {
        Ok(())
    } else {
        Err(format!(
            "{stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// Renders `files` with the Mermaid CLI (`mmdc`, in Debian's chromium), all in one run
/// through a Markdown file of mermaid blocks, and returns the SVG of each, in order; fails
/// when the CLI or chromium is missing.
fn mermaid_renders(files: &[PathBuf]) -> Result<Vec<String>, String> {
    let tools = tools_dir();
    // Its script rather than `.bin/mmdc`: `npm ci` does not always link package binaries.
    let mmdc = tools.join("node_modules/@mermaid-js/mermaid-cli/src/cli.js");
    assert!(
        mmdc.is_file(),
        "the Mermaid CLI is needed: run `npm ci` in tests/tools (.ci/run does)"
    );
    assert!(
        Path::new("/usr/bin/chromium").is_file(),
        "the Mermaid CLI needs Debian's chromium (apt-get install chromium; .ci/run does)"
    );
    let dir = tempfile::tempdir().unwrap();
    let mut markdown = String::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        markdown.push_str(&format!("```mermaid\n{text}```\n\n"));
    }
    let input = dir.path().join("graphs.md");
    std::fs::write(&input, markdown).unwrap();
    let output = Command::new("node")
        .arg(&mmdc)
        .arg("--puppeteerConfigFile")
        .arg(tools.join("puppeteer-config.json"))
        .arg("--quiet")
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(dir.path().join("out.md"))
        .output()
        .unwrap_or_else(|e| panic!("the Mermaid CLI does not start: {e}"));
    if !output.status.success() {
        return Err(format!(
            "mmdc: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    (1..=files.len())
        .map(|i| {
            std::fs::read_to_string(dir.path().join(format!("out-{i}.svg")))
                .map_err(|e| format!("mmdc wrote no picture {i}: {e}"))
        })
        .collect()
}

/// The node and edge label groups of a picture the Mermaid CLI drew, and whether any
/// element a course text could bring in is there.
fn mermaid_picture(svg: &str) -> (usize, usize, bool) {
    let document = scraper::Html::parse_fragment(svg);
    let select = |s: &str| scraper::Selector::parse(s).unwrap();
    let count = |s: &str| document.select(&select(s)).count();
    (
        count("g.node"),
        count("g.edgeLabel"),
        count("script, img, iframe, a, em, b") > 0,
    )
}

/// How many nodes and edges the checked scenario has.
fn counts(scenario: &kruispunt::course::checked::Scenario) -> (usize, usize) {
    let edges = scenario
        .nodes
        .iter()
        .map(|node| match &node.step {
            Step::Choices(choices) => choices.len(),
            Step::Auto(_) => 1,
            Step::Route(arms) => arms.len(),
            Step::Ending(_) => 0,
        })
        .sum();
    (scenario.nodes.len(), edges)
}

/// The SVG, parsed: its node and edge groups, and every text in it.
struct ParsedSvg {
    nodes: usize,
    edges: usize,
    conditional: usize,
    texts: Vec<String>,
    elements: Vec<String>,
}

fn parse_svg(svg: &str) -> ParsedSvg {
    let document = scraper::Html::parse_fragment(svg);
    let select = |s: &str| scraper::Selector::parse(s).unwrap();
    let count = |s: &str| document.select(&select(s)).count();
    assert_eq!(count("svg"), 1, "one svg element");
    ParsedSvg {
        nodes: count("g.node"),
        edges: count("g.edge"),
        conditional: count("g.edge.conditional"),
        texts: document
            .select(&select("text, title"))
            .map(|e| e.text().collect::<String>())
            .collect(),
        elements: document
            .root_element()
            .descendants()
            .filter_map(|n| n.value().as_element().map(|e| e.name().to_owned()))
            .collect(),
    }
}

#[test]
fn every_builtin_scenario_renders_and_real_tools_read_every_format() {
    let course = kruispunt::course::load_builtin().expect("the built-in course loads");
    assert!(!course.scenarios.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let mut mermaid_files = Vec::new();
    let mut failures = Vec::new();
    let mut ids: Vec<&str> = course.scenarios.keys().map(|id| id.as_str()).collect();
    ids.sort_unstable();
    for &id in &ids {
        for format in FORMATS {
            let run = graph(id, format, &[]).exits(0);
            assert!(run.stderr.is_empty(), "{id} {format}: {}", run.stderr);
            let file = dir.path().join(format!("{id}.{format}"));
            std::fs::write(&file, &run.stdout).unwrap();
            match format {
                "dot" => failures.extend(dot_parses(&file).err()),
                "mermaid" => {
                    assert!(run.stdout.starts_with("flowchart TD\n"), "{id}");
                    mermaid_files.push(file);
                }
                _ => {
                    let svg = parse_svg(&run.stdout);
                    let (nodes, edges) = counts(&course.scenarios[id]);
                    assert_eq!((svg.nodes, svg.edges), (nodes, edges), "{id}");
                }
            }
        }
    }
    failures.extend(mermaid_parses(&mermaid_files).err());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The Mermaid CLI draws them all, with every node and every edge's label.
    let pictures = mermaid_renders(&mermaid_files).unwrap();
    for (id, picture) in ids.iter().zip(&pictures) {
        let (nodes, edges) = counts(&course.scenarios[*id]);
        let (drawn_nodes, drawn_labels, foreign) = mermaid_picture(picture);
        assert_eq!((drawn_nodes, drawn_labels), (nodes, edges), "{id}");
        assert!(!foreign, "{id}");
    }
}

#[test]
fn a_hostile_course_gives_well_formed_graphs_in_every_format() {
    let course = hostile_course();
    let course = course.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut mermaid_files = Vec::new();
    for id in ["hostile", "stuck"] {
        for format in FORMATS {
            // `stuck` has a dead end, an error: the graph is drawn all the same, the
            // problems go to stderr, and the exit code says the course has errors.
            let run = graph(id, format, &["--course", course]).exits(1);
            assert!(run.stderr.contains("error[dead-end]"), "{}", run.stderr);
            let file = dir.path().join(format!("{id}.{format}"));
            std::fs::write(&file, &run.stdout).unwrap();
            match format {
                "dot" => dot_parses(&file).unwrap(),
                "mermaid" => mermaid_files.push(file),
                _ => {
                    let svg = parse_svg(&run.stdout);
                    // Markup in texts stays text: no element the graph did not write.
                    for element in &svg.elements {
                        assert!(
                            [
                                "svg", "title", "defs", "marker", "path", "rect", "text", "tspan",
                                "g", "polygon", "html", "head", "body"
                            ]
                            .contains(&element.as_str()),
                            "{id}: <{element}> in\n{}",
                            run.stdout
                        );
                    }
                    if id == "hostile" {
                        assert_eq!((svg.nodes, svg.edges, svg.conditional), (5, 5, 2));
                        for text in [
                            "open \"door\"",
                            "end <good>",
                            "end & poor",
                            "orphan {x}",
                            "[route]",
                        ] {
                            assert!(
                                svg.texts.iter().any(|t| t == text),
                                "{text:?} in {:?}",
                                svg.texts
                            );
                        }
                        assert!(
                            svg.texts
                                .iter()
                                .any(|t| t.starts_with("Say \"]\" then <img src=x…")),
                            "{:?}",
                            svg.texts
                        );
                        assert!(run.stdout.contains("class=\"node route unreachable\""));
                    } else {
                        assert!(run.stdout.contains("class=\"node route dead-end\""));
                    }
                }
            }
        }
    }
    mermaid_parses(&mermaid_files).unwrap();
    let pictures = mermaid_renders(&mermaid_files).unwrap();
    let (nodes, labels, foreign) = mermaid_picture(&pictures[0]);
    assert_eq!((nodes, labels), (5, 5));
    // `<img …>`, `<em>` and `<script>` in the texts are shown, not made elements.
    assert!(!foreign, "{}", pictures[0]);
    assert!(pictures[0].contains("&lt;img src=x…"), "{}", pictures[0]);
}

#[test]
fn the_mermaid_parser_refuses_a_broken_graph() {
    // The check above can fail: a label with a bare quote does not parse.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.mmd");
    std::fs::write(&file, "flowchart TD\n  n0[\"a \"quote\" b\"] --> n1\n").unwrap();
    assert!(mermaid_parses(std::slice::from_ref(&file)).is_err());
    assert!(mermaid_renders(&[file]).is_err());
    let dot = dir.path().join("broken.dot");
    std::fs::write(&dot, "digraph { n0 [label=\"a \"quote\" b\"]; }\n").unwrap();
    assert!(dot_parses(&dot).is_err());
}

#[test]
fn an_unknown_scenario_lists_the_known_ones_in_the_chosen_language() {
    let run = graph("nope", "mermaid", &[]).exits(2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("there is no scenario “nope”")
            && run.stderr.contains("buddy-intake")
            && run.stderr.contains("telefoontolk"),
        "{}",
        run.stderr
    );
    let dutch = Run::of(&mut command(["--lang", "nl", "graph", "nope"])).exits(2);
    assert!(
        dutch.stderr.contains("er is geen scenario “nope”"),
        "{}",
        dutch.stderr
    );
    // A lesson is not a scenario.
    let course = kruispunt::course::load_builtin().unwrap();
    let lesson = course.lessons.keys().next().unwrap().as_str().to_owned();
    let run = graph(&lesson, "dot", &[]).exits(2);
    assert!(
        run.stderr.contains("there is no scenario"),
        "{}",
        run.stderr
    );
}

#[test]
fn output_goes_to_the_file_given_with_o() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talk.svg");
    let run = graph("buddy-intake", "svg", &["-o", file.to_str().unwrap()]).exits(0);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("talk.svg"), "{}", run.stderr);
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, graph("buddy-intake", "svg", &[]).exits(0).stdout);
    // A directory cannot be written to: a usage error, in words.
    let run = graph("buddy-intake", "svg", &["-o", dir.path().to_str().unwrap()]).exits(2);
    assert!(run.stderr.contains("cannot write"), "{}", run.stderr);
}

#[test]
fn labels_follow_the_language() {
    let english = graph("buddy-intake", "mermaid", &["--lang", "en"]).exits(0);
    let dutch = graph("buddy-intake", "mermaid", &["--lang", "nl"]).exits(0);
    assert!(
        english.stdout.contains("good ending: "),
        "{}",
        english.stdout
    );
    assert!(dutch.stdout.contains("goed einde: "), "{}", dutch.stdout);
    assert!(english.stdout.contains("++ best"));
    assert_ne!(english.stdout, dutch.stdout);
}

#[test]
fn the_example_in_the_docs_is_what_graph_prints_today() {
    let docs = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/graph-example.md"),
    )
    .unwrap();
    let (command_line, block) = example(&docs);
    let args: Vec<&str> = command_line.split_whitespace().skip(1).collect();
    let run = Run::of(&mut command(&args)).exits(0);
    assert_eq!(
        block, run.stdout,
        "docs/graph-example.md is out of date: regenerate it with `{command_line}`"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("example.mmd");
    std::fs::write(&file, &block).unwrap();
    mermaid_renders(&[file]).unwrap();
}

/// The command shown in the example (`kruispunt graph …`) and its mermaid block.
fn example(docs: &str) -> (String, String) {
    let command_line = docs
        .lines()
        .find(|line| line.starts_with("kruispunt graph "))
        .expect("the example's command line")
        .to_owned();
    let (_, rest) = docs.split_once("```mermaid\n").expect("a mermaid block");
    let (block, _) = rest.split_once("```").expect("the block's end");
    (command_line, block.to_owned())
}

#[test]
fn a_course_that_cannot_be_drawn_is_refused_with_its_problems() {
    // A directory that does not exist: a usage error, in words.
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let run = graph("x", "dot", &["--course", missing.to_str().unwrap()]).exits(2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("cannot read the course"),
        "{}",
        run.stderr
    );

    // A reference that does not resolve: nothing to draw, the problems on stderr.
    let course = dir.path().join("course");
    std::fs::create_dir_all(course.join("scenarios")).unwrap();
    for file in ["course.json", "scenarios/stuck.json"] {
        std::fs::copy(hostile_course().join(file), course.join(file)).unwrap();
    }
    let scenario = course.join("scenarios/stuck.json");
    let text = std::fs::read_to_string(&scenario).unwrap();
    std::fs::write(
        &scenario,
        text.replace("\"next\": \"end\"", "\"next\": \"gone\""),
    )
    .unwrap();
    let run = graph("stuck", "mermaid", &["--course", course.to_str().unwrap()]).exits(1);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("error[missing-node]"), "{}", run.stderr);
}

#[test]
fn french_labels_keep_french_typography() {
    let run = graph("buddy-intake", "mermaid", &["--lang", "fr"]).exits(0);
    assert!(
        run.stdout.contains("fin favorable\u{a0}: "),
        "{}",
        run.stdout
    );
    let unknown = Run::of(&mut command(["--lang", "fr", "graph", "nope"])).exits(2);
    assert!(
        unknown
            .stderr
            .contains("il n’y a pas de scénario «\u{a0}nope\u{a0}»"),
        "{}",
        unknown.stderr
    );
}

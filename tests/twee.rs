//! `kruispunt import twee` and `export twee`: the Twee 3 specification's examples, real
//! Twine stories in four story formats (tests/fixtures/twee, sources in SOURCES.md), the
//! round trip on every built-in scenario, and hostile files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kruispunt::authoring::twee::{
    ImportOptions, Imported, NoteKind, Place, StoryFormat, TweeError, export_twee, import_twee,
    twee_text,
};
use kruispunt::course::CourseSource;
use kruispunt::course::model::Scenario;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/twee")
        .join(name)
}

fn options() -> ImportOptions {
    ImportOptions {
        fallback_id: "story".into(),
        fallback_locale: "en".into(),
        ..ImportOptions::default()
    }
}

fn import_fixture(name: &str) -> Imported {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    import_twee(&text, &options()).unwrap()
}

/// `(line, passage)` of every note of `kind`'s variant.
fn places(imported: &Imported, wanted: impl Fn(&NoteKind) -> bool) -> Vec<(usize, String)> {
    imported
        .notes
        .iter()
        .filter(|n| wanted(&n.kind))
        .map(|n| match &n.place {
            Place::Passage { name, line } => (*line, name.clone()),
            Place::File { line } => (*line, String::new()),
        })
        .collect()
}

fn construct_at(imported: &Imported, format: StoryFormat, token: &str) -> Vec<(usize, String)> {
    places(
        imported,
        |k| matches!(k, NoteKind::Construct { format: f, token: t } if *f == format && t == token),
    )
}

fn choices(imported: &Imported, node: &str) -> Vec<(String, String)> {
    let node = imported
        .scenario
        .nodes
        .iter()
        .find(|n| n.id.as_str() == node)
        .unwrap_or_else(|| panic!("no node {node}"));
    node.choices
        .iter()
        .flatten()
        .map(|c| {
            let text = c.text.get("en").unwrap_or_default().to_owned();
            (text, c.next.to_string())
        })
        .collect()
}

fn node_ids(imported: &Imported) -> Vec<&str> {
    imported
        .scenario
        .nodes
        .iter()
        .map(|n| n.id.as_str())
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_owned(), b.to_owned())
}

// ----- the specification's examples -----

#[test]
fn the_specification_examples_import_with_their_names_tags_and_start() {
    let spec = import_fixture("twee3_specification_examples.twee");
    assert_eq!(
        spec.scenario.title.get("en"),
        Some("Twee 3 specification examples")
    );
    assert_eq!(spec.scenario.start.as_str(), "My Starting Passage");
    assert_eq!(
        node_ids(&spec),
        ["My Starting Passage", "An overgrown path", "foo\\bar"]
    );
    assert_eq!(
        choices(&spec, "An overgrown path"),
        [pair("foo\\bar", "foo\\bar")]
    );
    assert_eq!(
        places(&spec, |k| matches!(k, NoteKind::AddWayOn)),
        [(24, "foo\\bar".to_owned())]
    );

    let metadata = import_fixture("json_encoded_metadata.twee");
    assert_eq!(node_ids(&metadata), ["Starting Passage"]);
    assert_eq!(metadata.scenario.start.as_str(), "Starting Passage");
    assert!(
        metadata
            .notes
            .iter()
            .any(|n| n.kind == NoteKind::FirstPassageStarts)
    );
    // No warning about the header's tags or metadata: they are valid.
    assert!(!metadata.notes.iter().any(|n| matches!(
        n.kind,
        NoteKind::BadMetadata | NoteKind::UnclosedTags | NoteKind::BadStoryData
    )));
}

// ----- real stories, one per story format -----

#[test]
fn a_harlowe_story_imports_its_links_and_reports_every_macro_and_hook() {
    let story = import_fixture("harlowe_dungeonmoving.twee");
    assert_eq!(node_ids(&story), ["Start", "Map", "Exit"]);
    assert_eq!(choices(&story, "Map"), vec![pair("Exit", "Exit"); 4]);
    assert_eq!(
        places(&story, |k| matches!(k, NoteKind::SkippedPassage)),
        [(5, "User Style".into()), (102, "Startup".into())]
    );
    assert_eq!(
        construct_at(&story, StoryFormat::Harlowe, "|map>["),
        [(17, "Start".into())]
    );
    assert_eq!(
        construct_at(&story, StoryFormat::Harlowe, "(link:)"),
        [
            (52, "Map".into()),
            (65, "Map".into()),
            (78, "Map".into()),
            (91, "Map".into())
        ]
    );
    assert_eq!(
        construct_at(&story, StoryFormat::Harlowe, "(set:)")[0],
        (21, "Map".into())
    );
    assert!(
        construct_at(&story, StoryFormat::Variable, "$seperator").contains(&(59, "Map".into()))
    );
}

#[test]
fn a_sugarcube_story_imports_its_links_and_reports_every_macro() {
    let story = import_fixture("sugarcube_space_exploration.twee");
    assert_eq!(
        story.scenario.title.get("en"),
        Some("Space Exploration in SugarCube")
    );
    assert_eq!(node_ids(&story).len(), 12);
    assert!(!node_ids(&story).contains(&"StoryInit"));
    assert_eq!(
        choices(&story, "Start"),
        [pair("Explore Space", "Explore Space 1")]
    );
    assert_eq!(
        construct_at(&story, StoryFormat::SugarCube, "<<link>>"),
        [
            (14, "Explore Space 1".into()),
            (28, "Explore Space 2".into())
        ]
    );
    assert_eq!(
        construct_at(&story, StoryFormat::SugarCube, "<<goto>>"),
        [
            (17, "Explore Space 1".into()),
            (31, "Explore Space 2".into()),
            (156, "Check Status".into()),
            (159, "Check Status".into()),
            (162, "Check Status".into()),
        ]
    );
    assert_eq!(
        places(&story, |k| matches!(k, NoteKind::SkippedPassage)),
        [(7, "StoryInit".into())]
    );
}

#[test]
fn a_chapbook_story_imports_its_links_and_reports_modifiers_inserts_and_vars() {
    let story = import_fixture("chapbook_lockandkey_variable.twee");
    assert_eq!(
        node_ids(&story),
        ["Start", "Front Room", "Back Room", "Exit", "Key"]
    );
    assert_eq!(
        choices(&story, "Start"),
        [
            pair("Front Room", "Front Room"),
            pair("Back Room", "Back Room")
        ]
    );
    assert_eq!(
        choices(&story, "Front Room"),
        [
            pair("Unlock the door", "Exit"),
            pair("Back Room", "Back Room")
        ]
    );
    assert_eq!(
        places(&story, |k| matches!(k, NoteKind::ChapbookVars)),
        [(5, "Start".into()), (43, "Key".into())]
    );
    assert_eq!(
        construct_at(&story, StoryFormat::Chapbook, "[if key == true]"),
        [(16, "Front Room".into())]
    );
    assert_eq!(
        construct_at(&story, StoryFormat::Chapbook, "{reveal link}"),
        [(30, "Back Room".into())]
    );
    // The prose around the links stays; a line of only a link becomes a choice.
    let start = &story.scenario.nodes[0];
    let said: Vec<_> = start
        .lines
        .iter()
        .filter_map(|l| l.text.get("en"))
        .collect();
    assert_eq!(said, ["key: false\n--", "Rooms:"]);
}

#[test]
fn a_snowman_story_reports_its_templates_and_html() {
    let story = import_fixture("snowman_dungeonmoving.twee");
    assert_eq!(node_ids(&story), ["Start", "Exit"]);
    assert_eq!(
        construct_at(&story, StoryFormat::Snowman, "<% %>"),
        [(9, "Start".into())]
    );
    assert_eq!(
        construct_at(&story, StoryFormat::Html, "<button>").len(),
        4,
        "{:?}",
        story.notes
    );
    // The maze's rows are JavaScript, not Chapbook modifiers.
    assert!(!story.notes.iter().any(|n| matches!(
        &n.kind,
        NoteKind::Construct {
            format: StoryFormat::Chapbook,
            ..
        }
    )));
}

#[test]
fn what_a_story_still_needs_is_listed_by_passage_and_line() {
    let story = import_fixture("chapbook_lockandkey_variable.twee");
    let to_add: Vec<_> = story
        .notes
        .iter()
        .filter(|n| n.is_to_add())
        .map(|n| (n.place.line(), n.kind.clone()))
        .collect();
    assert!(to_add.contains(&(0, NoteKind::AddSetting)));
    assert!(to_add.contains(&(0, NoteKind::AddGoal)));
    assert!(to_add.contains(&(
        17,
        NoteKind::AddFeedback {
            target: "Exit".into()
        }
    )));
    assert!(to_add.contains(&(
        17,
        NoteKind::AddQuality {
            target: "Exit".into()
        }
    )));
    assert!(to_add.contains(&(39, NoteKind::AddWayOn)));
    assert_eq!(to_add.len(), 16, "{to_add:#?}");
}

// ----- the convention's own example -----

#[test]
fn the_documented_example_imports_with_nothing_to_add_and_is_the_one_in_the_docs() {
    let example = import_fixture("kruispunt_example.twee");
    assert!(example.notes.is_empty(), "{:#?}", example.notes);
    let scenario = &example.scenario;
    assert_eq!(scenario.id.as_str(), "front-desk-keys");
    assert_eq!(scenario.characters[0].name.get("en"), Some("Dana"));
    let desk = &scenario.nodes[0];
    assert_eq!(desk.lines[0].speaker.as_str(), "dana");
    let weak = &desk.choices.as_ref().unwrap()[1];
    assert_eq!(weak.effects.get("trust"), Some(&-10));
    assert_eq!(weak.thinker.as_ref().map(|t| t.as_str()), Some("dana"));
    let endings: Vec<_> = scenario
        .nodes
        .iter()
        .filter_map(|n| n.ending.as_ref().map(|e| e.outcome))
        .collect();
    assert_eq!(endings.len(), 2);
    let docs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/twee.md"))
        .unwrap();
    let example = std::fs::read_to_string(fixture("kruispunt_example.twee")).unwrap();
    assert!(
        docs.contains(&example),
        "docs/twee.md shows tests/fixtures/twee/kruispunt_example.twee as it is"
    );
}

// ----- round trip -----

fn builtin_scenarios() -> Vec<Scenario> {
    let source = CourseSource::builtin();
    let scenarios: Vec<Scenario> = source
        .files
        .iter()
        .filter(|f| f.path.starts_with("scenarios/"))
        .map(|f| serde_json::from_str(&f.text).unwrap())
        .collect();
    assert!(scenarios.len() >= 10);
    scenarios
}

#[test]
fn every_builtin_scenario_round_trips_byte_for_byte_in_every_language() {
    for scenario in builtin_scenarios() {
        for locale in ["nl", "en", "fr"] {
            let first = export_twee(&scenario, locale).unwrap();
            let imported = import_twee(&first, &options()).unwrap();
            assert!(
                imported.notes.is_empty(),
                "{} {locale}: {:#?}",
                scenario.id,
                imported.notes
            );
            assert_eq!(imported.locale.as_str(), locale);
            assert_eq!(imported.scenario.nodes.len(), scenario.nodes.len());
            let second = export_twee(&imported.scenario, locale).unwrap();
            assert!(
                first == second,
                "{} {locale}: the second export differs",
                scenario.id
            );
            // What was imported is the scenario's text in that language, choice by choice.
            for (a, b) in scenario.nodes.iter().zip(&imported.scenario.nodes) {
                assert_eq!(a.id, b.id);
                for (x, y) in a.choices.iter().flatten().zip(b.choices.iter().flatten()) {
                    assert_eq!((&x.id, x.quality, &x.next), (&y.id, y.quality, &y.next));
                    assert_eq!(x.feedback.get(locale), y.feedback.get(locale));
                    assert_eq!(x.effects, y.effects);
                    assert_eq!(x.condition, y.condition);
                }
            }
        }
    }
}

#[test]
fn export_names_no_locale_it_has_no_text_in_and_refuses_unlinkable_ids() {
    let mut scenario = builtin_scenarios().remove(0);
    assert!(matches!(
        export_twee(&scenario, "de"),
        Err(TweeError::NoTextsInLocale { .. })
    ));
    scenario.nodes[0].id = "a]]b".into();
    assert!(matches!(
        export_twee(&scenario, "en"),
        Err(TweeError::UnusableNodeId { .. })
    ));
}

// ----- hostile files -----

#[test]
fn hostile_files_give_clear_errors() {
    let huge = ":: A\n".to_owned() + &"x".repeat(17 * 1024 * 1024);
    assert!(matches!(
        import_twee(&huge, &options()),
        Err(TweeError::TooLarge { .. })
    ));
    let many: String = (0..20_001).map(|i| format!(":: p{i}\n")).collect();
    assert!(matches!(
        import_twee(&many, &options()),
        Err(TweeError::TooManyPassages { .. })
    ));
    assert_eq!(
        twee_text(b":: A\nfine\n\xff\xfe bad"),
        Err(TweeError::NotUtf8 { line: 3 })
    );
    assert!(matches!(
        import_twee(":: A\nx\n\n:: B\n\n:: A\n", &options()),
        Err(TweeError::DuplicatePassage {
            first_line: 1,
            line: 6,
            ..
        })
    ));
    assert_eq!(
        import_twee("just text", &options()).unwrap_err(),
        TweeError::NoPassages
    );
    // Deeply nested brackets and parentheses are read in one linear pass.
    let nested = format!(
        ":: A\n{}{}{}\n",
        "[[".repeat(50_000),
        "(if:".repeat(50_000),
        "]]".repeat(50_000)
    );
    let imported = import_twee(&nested, &options()).unwrap();
    assert_eq!(imported.scenario.nodes.len(), 1);
    // A link to a passage that does not exist is something to add, at its line.
    let missing = import_twee(":: A\n\n[[go->Nowhere]]\n", &options()).unwrap();
    assert_eq!(
        places(
            &missing,
            |k| matches!(k, NoteKind::AddPassage { target } if target == "Nowhere")
        ),
        [(3, "A".into())]
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x7ee3),
        ..ProptestConfig::default()
    })]

    /// Any text made of Twee's own characters imports or is refused, never panics; what
    /// imports exports, and that export is a fixed point of import then export.
    #[test]
    fn any_twee_imports_or_is_refused_calmly(
        lines in prop::collection::vec(
            prop::string::string_regex(
                r"(:: ?|@(feedback|quality|effect|if|id|text|\+|character|thought|mood|title|debrief|part) ?|\[\[|\]\]|->|<-|\||[a-z ]|\\|\{|\}|\[|\]|<<|>>|\(set:|\$x|: |é|\u{202e}){0,12}",
            ).unwrap(),
            0..24,
        ),
    ) {
        let text = lines.join("\n");
        if let Ok(imported) = import_twee(&text, &options())
            && let Ok(first) = export_twee(&imported.scenario, imported.locale.as_str())
        {
            let again = import_twee(&first, &options()).unwrap();
            let second = export_twee(&again.scenario, again.locale.as_str()).unwrap();
            prop_assert_eq!(first, second);
        }
    }
}

// ----- the real binary -----

fn kruispunt(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kruispunt"))
        .args(args)
        .env("KRUISPUNT_LANG", "en")
        .env_remove("KRUISPUNT_DATA_DIR")
        .output()
        .unwrap()
}

#[test]
fn the_binary_round_trips_a_builtin_scenario_through_files() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.twee");
    let out = dir.path().join("out");
    let run = kruispunt(&[
        "export",
        "twee",
        "telefoontolk",
        "--lang",
        "fr",
        "-o",
        first.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let run = kruispunt(&[
        "import",
        "twee",
        first.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("The scenario passes validation."),
        "{stdout}"
    );
    let json = out.join("telefoontolk.json");
    let second = kruispunt(&["export", "twee", json.to_str().unwrap(), "--lang", "fr"]);
    assert!(second.status.success());
    assert_eq!(second.stdout, std::fs::read(&first).unwrap());
}

#[test]
fn the_binary_validates_the_documented_example_and_lists_what_a_story_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let example = fixture("kruispunt_example.twee");
    let run = kruispunt(&["import", "twee", example.to_str().unwrap(), "-o", out]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("The scenario passes validation."),
        "{stdout}"
    );
    assert!(dir.path().join("front-desk-keys.json").is_file());

    let story = fixture("chapbook_lockandkey_variable.twee");
    let run = kruispunt(&[
        "import",
        "twee",
        story.to_str().unwrap(),
        "-o",
        out,
        "--scenario-id",
        "lock",
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(":17: to add: passage “Front Room”, the link to “Exit”: add “@feedback”"),
        "{stdout}"
    );
    assert!(
        stdout.contains(":16: warning: passage “Front Room”: Chapbook code “[if key == true]”"),
        "{stdout}"
    );
    assert!(stdout.contains("error[missing-quality]"), "{stdout}");
    assert!(dir.path().join("lock.json").is_file());
}

#[test]
fn the_binary_refuses_a_file_that_is_not_utf8_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.twee");
    std::fs::write(&bad, b":: Start\nhello\n\xc3\x28 broken\n").unwrap();
    let run = kruispunt(&[
        "import",
        "twee",
        bad.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("line 3: the file is not UTF-8"), "{stderr}");
}

use super::*;

/// A version 1 export as an older Kruispunt wrote it.
const VERSION_1: &str = r#"{
    "kind": "kruispunt-export", "export_version": 1,
    "course": { "id": "c", "version": "1" }, "profile": "p", "exported_at": 5,
    "items": [{ "id": "s", "status": "completed", "attempts": [{
        "choices": [{ "node": "n", "choice": "a" }],
        "ending": { "node": "e", "outcome": "good" },
        "variables": { "v": 1 },
        "competencies": { "shown": ["x"], "missed": ["y"] }
    }]}]
}"#;

#[test]
fn a_version_1_export_still_reads_without_the_version_2_fields() {
    let export = Export::parse(VERSION_1).expect("version 1 is read");
    assert_eq!(export.export_version, 1);
    let attempt = &export.items[0].attempts[0];
    let competencies = attempt.competencies.as_ref().expect("recorded");
    assert_eq!(competencies.shown, [Competency::from("x")]);
    assert!(competencies.breached.is_empty());
    assert_eq!(attempt.qualities, None);
    assert_eq!(attempt.turning_points, None);
}

#[test]
fn a_newer_export_is_refused_by_its_version() {
    let newer = VERSION_1.replace("\"export_version\": 1", "\"export_version\": 5");
    assert_eq!(
        Export::parse(&newer),
        Err(ExportError::Newer {
            found: "5".to_owned(),
            supported: EXPORT_VERSION
        })
    );
}

#[test]
fn the_version_2_fields_are_written_by_name_and_read_back() {
    let mut export = Export::parse(VERSION_1).expect("version 1 is read");
    export.export_version = EXPORT_VERSION;
    let attempt = &mut export.items[0].attempts[0];
    let mut tally = QualityTally::default();
    tally.add(Quality::Harmful);
    tally.add(Quality::Best);
    tally.add(Quality::Harmful);
    assert_eq!(tally.get(Quality::Harmful), 2);
    attempt.qualities = Some(tally);
    attempt.turning_points = Some(vec![ExportedTurningPoint {
        node: NodeId::from("n"),
        taken: ChoiceId::from("a"),
        better: ChoiceId::from("b"),
    }]);
    if let Some(c) = attempt.competencies.as_mut() {
        c.breached = vec![Competency::from("z")];
    }
    let json = serde_json::to_string(&export).expect("serializes");
    assert!(json.contains(r#""breached":["z"]"#), "{json}");
    assert!(
        json.contains(r#""qualities":{"best":1,"acceptable":0,"weak":0,"harmful":2}"#),
        "{json}"
    );
    assert!(
        json.contains(r#""turning_points":[{"node":"n","taken":"a","better":"b"}]"#),
        "{json}"
    );
    assert_eq!(Export::parse(&json), Ok(export));
}

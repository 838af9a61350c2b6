//! `kruispunt xapi export` end to end: a profile made by a scripted plain-mode run over the
//! frozen fixture course (`tests/fixtures/tui-course`, driven as in tests/plain.rs), exported
//! by the real binary; every statement checked against the JSON Schema of xAPI 1.0.3
//! statements in `tests/fixtures/xapi/statement.schema.json`, which is itself checked to
//! refuse what xAPI refuses.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;
mod tui_support;
mod xapi_support;

use binary_support::{Run, command};
use serde_json::{Value, json};
use std::path::Path;
use xapi_support::{
    PROFILE, REFLECTION_LINE, fixture, lines, problems, scripted_profile, validator,
};

/// `kruispunt xapi export` over the fixture and `data`, with `extra` arguments.
fn export(data: &Path, extra: &[&str]) -> std::process::Command {
    let mut command = command(["xapi", "export", "--profile", PROFILE]);
    command
        .env_remove("KRUISPUNT_XAPI_SALT")
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(fixture())
        .args(extra);
    command
}

#[test]
fn a_scripted_run_exports_valid_statements_without_reflections_twice_the_same() {
    let data = scripted_profile();
    let out = data.path().join("statements.jsonl");
    let run = Run::of(export(data.path(), &["-o"]).arg(&out)).exits(0);
    assert!(
        run.stderr
            .contains("xAPI statements of profile “robin-xapi” written to"),
        "{}",
        run.stderr
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.ends_with('\n'));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    let statements = lines(&text);
    let validator = validator();
    for statement in &statements {
        let found = problems(&validator, statement);
        assert!(found.is_empty(), "{found:#?}\n{statement:#}");
    }
    // Every kind of statement is there.
    let verbs: Vec<&str> = statements
        .iter()
        .filter_map(|s| s["verb"]["id"].as_str())
        .collect();
    for verb in [
        "launched",
        "initialized",
        "experienced",
        "answered",
        "responded",
        "completed",
        "terminated",
    ] {
        let iri = format!("http://adlnet.gov/expapi/verbs/{verb}");
        assert!(verbs.contains(&iri.as_str()), "{verb} missing: {verbs:?}");
    }
    // Five decisions on the good road; two quizzes; three items completed.
    let count = |verb: &str| verbs.iter().filter(|v| v.ends_with(verb)).count();
    assert_eq!(count("/responded"), 5);
    assert_eq!(count("/answered"), 2);
    assert_eq!(count("/completed"), 3);
    let answered: Vec<&Value> = statements
        .iter()
        .filter(|s| {
            s["verb"]["id"]
                .as_str()
                .is_some_and(|v| v.ends_with("/answered"))
        })
        .collect();
    assert_eq!(answered[0]["result"]["success"], false);
    assert_eq!(answered[0]["result"]["response"], "transseksueel");
    assert_eq!(answered[1]["result"]["success"], true);
    // The reflection stays on this machine.
    assert!(!text.contains(REFLECTION_LINE), "{text}");
    assert!(!text.contains("I will ask first"), "{text}");
    // The same history, the same statements and ids.
    let again = data.path().join("again.jsonl");
    Run::of(export(data.path(), &["-o"]).arg(&again)).exits(0);
    assert_eq!(std::fs::read_to_string(&again).unwrap(), text);
    // Without -o, the same lines on the standard output.
    let stdout = Run::of(&mut export(data.path(), &[])).exits(0).stdout;
    assert_eq!(stdout, text);
}

#[test]
fn pseudonymised_statements_never_name_the_profile() {
    let data = scripted_profile();
    let salted = |salt: &str| {
        Run::of(
            export(
                data.path(),
                &["--pseudonymise", "--home-page", "https://lms.example.org"],
            )
            .env("KRUISPUNT_XAPI_SALT", salt),
        )
        .exits(0)
        .stdout
    };
    let text = salted("a long enough salt for tests");
    assert!(!text.contains(PROFILE), "{text}");
    let statements = lines(&text);
    let name = statements[0]["actor"]["account"]["name"].as_str().unwrap();
    assert_eq!(name.len(), 64);
    assert!(
        statements
            .iter()
            .all(|s| s["actor"]["account"]["name"] == name)
    );
    assert!(
        statements
            .iter()
            .all(|s| s["actor"]["account"]["homePage"] == "https://lms.example.org")
    );
    assert_eq!(salted("a long enough salt for tests"), text);
    let other = lines(&salted("another long salt for tests"));
    assert_ne!(other[0]["actor"]["account"]["name"], name);
}

#[test]
fn wrong_options_are_refused_in_the_interface_language() {
    let data = scripted_profile();
    let run = Run::of(&mut export(data.path(), &["--pseudonymise"])).exits(2);
    assert!(run.stderr.contains("KRUISPUNT_XAPI_SALT"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let run = Run::of(export(data.path(), &["--pseudonymise"]).env("KRUISPUNT_XAPI_SALT", "short"))
        .exits(2);
    assert!(run.stderr.contains("at least 16"), "{}", run.stderr);
    let run = Run::of(&mut export(
        data.path(),
        &["--base-iri", "not an iri", "--lang", "nl"],
    ))
    .exits(2);
    assert!(
        run.stderr.contains("is geen absolute IRI"),
        "{}",
        run.stderr
    );
    let run = Run::of(&mut export(
        data.path(),
        &["--home-page", "mailto:x", "--lang", "fr"],
    ))
    .exits(2);
    assert!(
        run.stderr.contains("n’est pas une URL absolue"),
        "{}",
        run.stderr
    );
    let missing = Run::of(
        command(["xapi", "export", "--profile", "nobody"])
            .arg("--data-dir")
            .arg(data.path())
            .arg("--course")
            .arg(fixture()),
    )
    .exits(1);
    assert!(missing.stderr.contains("nobody"), "{}", missing.stderr);
}

#[test]
fn options_before_the_command_are_handed_to_it() {
    let data = scripted_profile();
    let run = Run::of(
        command(["--profile", PROFILE, "--course"])
            .arg(fixture())
            .arg("--data-dir")
            .arg(data.path())
            .args(["xapi", "export"]),
    )
    .exits(0);
    assert!(run.stdout.lines().count() > 10, "{}", run.stdout);
}

/// A statement of each part the schema checks, valid as written.
fn valid() -> Value {
    json!({
        "id": "6f1d3b2a-8c4e-5f10-9a2b-3c4d5e6f7a8b",
        "actor": { "objectType": "Agent", "account": { "homePage": "https://example.org", "name": "x" } },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/completed", "display": { "en-US": "completed" } },
        "object": {
            "objectType": "Activity",
            "id": "https://example.org/course/c/scenario/s",
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                "name": { "nl": "Naam", "en": "Name" },
                "interactionType": "choice",
                "choices": [{ "id": "a", "description": { "en": "A" } }]
            }
        },
        "result": {
            "success": true, "completion": true, "response": "a",
            "score": { "scaled": 0.5, "raw": 1, "min": -2, "max": 2 },
            "duration": "PT1H2M3S",
            "extensions": { "https://kruispunt.invalid/xapi/extensions/outcome": "good" }
        },
        "context": {
            "registration": "0b7a4f5e-1c2d-5e3f-8a9b-0c1d2e3f4a5b",
            "contextActivities": { "parent": [{ "id": "https://example.org/course/c" }] },
            "language": "nl", "platform": "Kruispunt", "revision": "1.0"
        },
        "timestamp": "2026-03-21T10:15:00Z"
    })
}

/// A change that makes a valid statement invalid.
type Breakage = fn(&mut Value);

#[test]
fn the_schema_accepts_a_valid_statement_and_refuses_what_xapi_refuses() {
    let validator = validator();
    assert_eq!(problems(&validator, &valid()), Vec::<String>::new());
    let broken: [(&str, Breakage); 14] = [
        ("no actor", |s| {
            drop(s.as_object_mut().unwrap().remove("actor"))
        }),
        ("no verb", |s| {
            drop(s.as_object_mut().unwrap().remove("verb"))
        }),
        ("no object", |s| {
            drop(s.as_object_mut().unwrap().remove("object"))
        }),
        ("unknown property", |s| s["extra"] = json!(1)),
        ("id not a UUID", |s| s["id"] = json!("statement-1")),
        ("registration not a UUID", |s| {
            s["context"]["registration"] = json!("1234")
        }),
        ("verb id not an IRI", |s| {
            s["verb"]["id"] = json!("completed")
        }),
        ("object id with a space", |s| {
            s["object"]["id"] = json!("https://example.org/a b")
        }),
        ("account without a home page", |s| {
            drop(
                s["actor"]["account"]
                    .as_object_mut()
                    .unwrap()
                    .remove("homePage"),
            )
        }),
        ("home page not a URL", |s| {
            s["actor"]["account"]["homePage"] = json!("example.org")
        }),
        ("scaled above 1", |s| {
            s["result"]["score"]["scaled"] = json!(1.5)
        }),
        ("duration not ISO 8601", |s| {
            s["result"]["duration"] = json!("62 minutes")
        }),
        ("timestamp without a zone", |s| {
            s["timestamp"] = json!("2026-03-21T10:15:00")
        }),
        ("choices without a choice interaction", |s| {
            s["object"]["definition"]["interactionType"] = json!("fill-in")
        }),
    ];
    for (what, change) in broken {
        let mut statement = valid();
        change(&mut statement);
        assert!(
            !problems(&validator, &statement).is_empty(),
            "accepted: {what}"
        );
    }
    for duration in ["PT0S", "PT2M", "P1D", "PT1.5S"] {
        let mut statement = valid();
        statement["result"]["duration"] = json!(duration);
        assert!(problems(&validator, &statement).is_empty(), "{duration}");
    }
    for scaled in [-1.0, 0.0, 1.0] {
        let mut statement = valid();
        statement["result"]["score"]["scaled"] = json!(scaled);
        assert!(problems(&validator, &statement).is_empty(), "{scaled}");
    }
}

#[test]
fn a_workshop_exports_every_trainee_under_their_display_name() {
    let data = scripted_profile();
    let trainees = data.path().join("workshops/w1/trainees");
    std::fs::create_dir_all(&trainees).unwrap();
    let profile = data.path().join(format!("{PROFILE}.json"));
    for name in ["Alex", "Sam"] {
        std::fs::copy(&profile, trainees.join(format!("{name}.json"))).unwrap();
    }
    let single = lines(&Run::of(&mut export(data.path(), &[])).exits(0).stdout);
    let mut workshop = command(["xapi", "export", "--workshop", "w1"]);
    workshop
        .env_remove("KRUISPUNT_XAPI_SALT")
        .arg("--data-dir")
        .arg(data.path())
        .arg("--course")
        .arg(fixture());
    let statements = lines(&Run::of(&mut workshop).exits(0).stdout);
    assert_eq!(statements.len(), 2 * single.len());
    let names: std::collections::BTreeSet<&str> = statements
        .iter()
        .map(|s| s["actor"]["account"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alex", "Sam"].into_iter().collect());
    let ids: std::collections::BTreeSet<&str> = statements
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), statements.len(), "ids differ per trainee");

    // Both at once, or a workshop that is not there: refused.
    let both = Run::of(&mut export(data.path(), &["--workshop", "w1"])).exits(2);
    assert!(
        both.stderr.contains("either --workshop or --profile"),
        "{}",
        both.stderr
    );
    let mut missing = command(["xapi", "export", "--workshop", "nope"]);
    missing
        .arg("--data-dir")
        .arg(data.path())
        .arg("--course")
        .arg(fixture());
    let missing = Run::of(&mut missing).exits(1);
    assert!(
        missing.stderr.contains("no workshop “nope”"),
        "{}",
        missing.stderr
    );
}

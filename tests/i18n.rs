//! The localisation layer: the Fluent files, message fallback, locale resolution, course
//! texts in the current locale, and translation coverage.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use fluent_syntax::ast;
use kruispunt::course::checked::{self, SceneBody, Step};
use kruispunt::course::diagnostic::{Diagnostic, FieldPath, Position, Problem, Severity};
use kruispunt::course::ids::Locale;
use kruispunt::course::model::{self, Text};
use kruispunt::i18n::{
    LocaleCandidates, LocaleNotice, LocaleSource, Localizer, MsgArgs, MsgError, UiLocale, coverage,
    resolve_locale,
};
use kruispunt::msg_args;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

const ISOLATION_MARKS: [char; 2] = ['\u{2068}', '\u{2069}'];

fn ftl_path(locale: UiLocale) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(locale.tag())
        .join("kruispunt.ftl")
}

fn ftl_source(locale: UiLocale) -> String {
    std::fs::read_to_string(ftl_path(locale)).expect("the locale file is readable")
}

/// Message id -> the variables it uses (in its value, all variants included).
fn messages(locale: UiLocale) -> BTreeMap<String, BTreeSet<String>> {
    let source = ftl_source(locale);
    let resource = match fluent_syntax::parser::parse(source.as_str()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{locale}: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut vars = BTreeSet::new();
            if let Some(pattern) = &message.value {
                pattern_vars(pattern, &mut vars);
            }
            for attribute in &message.attributes {
                pattern_vars(&attribute.value, &mut vars);
            }
            let previous = out.insert(message.id.name.to_owned(), vars);
            assert!(
                previous.is_none(),
                "{locale}: `{}` defined twice",
                message.id.name
            );
        }
    }
    out
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
            for arg in &arguments.named {
                inline_vars(&arg.value, vars);
            }
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_ftl_file_parses_without_errors() {
    for locale in UiLocale::ALL {
        let source = ftl_source(locale);
        if let Err((_, errors)) = fluent_syntax::parser::parse(source.as_str()) {
            panic!("{}: {errors:?}", ftl_path(locale).display());
        }
        let resource = fluent_bundle::FluentResource::try_new(source);
        assert!(
            resource.is_ok(),
            "{locale}: the runtime parser rejects the file"
        );
    }
    // The embedded copies too, through the public constructor.
    let sources = UiLocale::ALL.map(|l| (l, ftl_source(l)));
    assert!(Localizer::from_sources(UiLocale::En, sources).is_ok());
}

#[test]
fn every_message_exists_in_every_locale_with_the_same_variables() {
    let english = messages(UiLocale::En);
    assert!(english.len() > 40, "the English file lost its messages");
    for locale in UiLocale::ALL.into_iter().filter(|l| *l != UiLocale::En) {
        let other = messages(locale);
        let missing: Vec<_> = english
            .keys()
            .filter(|id| !other.contains_key(*id))
            .collect();
        let extra: Vec<_> = other
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{locale} has ids English lacks: {extra:?}"
        );
        for (id, vars) in &english {
            assert_eq!(Some(vars), other.get(id), "variables of `{id}` in {locale}");
        }
    }
}

/// Every Rust file under `src/`, with its text.
fn src_files() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = std::fs::read_to_string(&path).expect("a source file");
                files.push((path, code));
            }
        }
    }
    files
}

/// Every `msg("id"` in `src/`: the convention is that ids are always literals there.
fn ids_used_in_src() -> BTreeMap<String, PathBuf> {
    let mut found = BTreeMap::new();
    for (path, code) in src_files() {
        for id in msg_ids(&code) {
            found.insert(id, path.clone());
        }
    }
    found
}

/// The string literals directly after `msg(` or `msg_in(`, or the screens' shorthands
/// `.t(` and `.tr(` (`ctx.t("id")`), whitespace allowed.
fn msg_ids(code: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for call in ["msg(", "msg_in(", ".t(", ".tr("] {
        for (at, _) in code.match_indices(call) {
            // `fn msg(` is the definition, not a use; `smsg(` is another function.
            let before = &code[..at];
            if !call.starts_with('.')
                && (before.ends_with("fn ")
                    || before.ends_with(|c: char| c.is_alphanumeric() || c == '_'))
            {
                continue;
            }
            let rest = code[at + call.len()..].trim_start();
            if let Some(literal) = rest.strip_prefix('"')
                && let Some(end) = literal.find('"')
            {
                ids.push(literal[..end].to_owned());
            }
        }
    }
    ids
}

#[test]
fn the_scanner_finds_ids_in_calls() {
    let code = "l.msg(\"a-b\", &x); self.msg(\n    \"c\",\n); fn msg(id: &str) {} l.msg_in(\"d\", L, &a); smsg(\"no\") ctx.t(\"e\") ctx.tr(\"f\", &a) t(\"no\")";
    let mut ids = msg_ids(code);
    ids.sort();
    assert_eq!(ids, ["a-b", "c", "d", "e", "f"]);
}

#[test]
fn every_message_id_used_in_src_exists() {
    let used = ids_used_in_src();
    // The problems alone use 29 ids; fewer means the scanner or the convention broke.
    assert!(used.len() >= 35, "found only {used:?}");
    let all: Vec<_> = UiLocale::ALL.map(|l| (l, messages(l))).into();
    for (id, file) in &used {
        for (locale, messages) in &all {
            assert!(
                messages.contains_key(id),
                "`{id}` used in {} is missing in {locale}",
                file.display()
            );
        }
    }
}

/// One of each problem; the match below stops compiling when a variant is added, so the
/// list stays complete.
fn every_problem() -> Vec<Problem> {
    let s = |v: &str| v.to_owned();
    let all = vec![
        Problem::Unreadable {
            reason: s("permission denied"),
        },
        Problem::MissingManifest,
        Problem::Syntax {
            message: s("expected `,`"),
        },
        Problem::Type {
            message: s("missing field `id`"),
        },
        Problem::FormatVersion {
            found: 2,
            supported: 1,
        },
        Problem::UnknownFile,
        Problem::DuplicateId {
            what: s("node"),
            id: s("start"),
            first: s("nodes[0]"),
        },
        Problem::MissingItem { id: s("intake") },
        Problem::MissingNode { id: s("n9") },
        Problem::MissingCharacter { id: s("amir") },
        Problem::UndeclaredVariable { id: s("trust") },
        Problem::UnknownCompetency { id: s("listening") },
        Problem::UnusedItem {
            id: s("old-lesson"),
        },
        Problem::UnreachableNode { id: s("n4") },
        Problem::DeadEnd { id: s("n5") },
        Problem::AllChoicesConditional { id: s("n6") },
        Problem::NoReachableEnding,
        Problem::NodeKind { found: 2 },
        Problem::SceneKind { found: 0 },
        Problem::BadRange {
            id: s("trust"),
            min: 0,
            start: 120,
            max: 100,
        },
        Problem::OutOfRange {
            id: s("trust"),
            reached: 130,
            min: 0,
            max: 100,
        },
        Problem::NoCorrectAnswer,
        Problem::SeveralCorrectAnswers { count: 2 },
        Problem::Empty { what: s("options") },
        Problem::MissingLocale { locale: s("fr") },
        Problem::UndeclaredLocale { locale: s("de") },
        Problem::DefaultLocaleUndeclared { locale: s("nl") },
        Problem::ControlCharacter {
            locale: s("en"),
            code: 0x1b,
        },
        Problem::IdControlCharacter { code: 0x1b },
        Problem::NotFictional,
        Problem::OldFormatVersion {
            found: 1,
            current: 2,
            inferred: 12,
        },
        Problem::RouteFallback { id: s("end") },
        Problem::MissingChoice { id: s("a/b") },
        Problem::MissingQuality { id: s("a/b") },
        Problem::MissingThinker { id: s("a/b") },
        Problem::DecorativeVariable { id: s("trust") },
        Problem::HarmfulGoodEnding {
            ending: s("good"),
            choice: s("a/b"),
            path: s("a/b → c/d"),
        },
        Problem::PositionalAnswer {
            position: 1,
            same: 5,
            total: 6,
        },
        Problem::QualityMismatch {
            id: s("a/b"),
            quality: s("harmful"),
            reason: s("it breaches no competency"),
        },
        Problem::LengthTell {
            longest: 5,
            total: 6,
        },
        Problem::UnreadableDirectory {
            reason: s("permission denied"),
        },
        Problem::LinkedDirectory,
        Problem::NotAFile,
        Problem::FileTooLarge { limit: 32 },
        Problem::CourseTooLarge { limit: 128 },
        Problem::TooManyFiles { limit: 10_000 },
        Problem::TextTooLong {
            length: 70_000,
            limit: 65_536,
        },
        Problem::TooMany {
            what: s("nodes"),
            count: 100_001,
            limit: 100_000,
        },
        Problem::ByteOrderMarks,
    ];
    for problem in &all {
        match problem {
            Problem::Unreadable { .. }
            | Problem::MissingManifest
            | Problem::Syntax { .. }
            | Problem::Type { .. }
            | Problem::FormatVersion { .. }
            | Problem::UnknownFile
            | Problem::DuplicateId { .. }
            | Problem::MissingItem { .. }
            | Problem::MissingNode { .. }
            | Problem::MissingCharacter { .. }
            | Problem::UndeclaredVariable { .. }
            | Problem::UnknownCompetency { .. }
            | Problem::UnusedItem { .. }
            | Problem::UnreachableNode { .. }
            | Problem::DeadEnd { .. }
            | Problem::AllChoicesConditional { .. }
            | Problem::NoReachableEnding
            | Problem::NodeKind { .. }
            | Problem::SceneKind { .. }
            | Problem::BadRange { .. }
            | Problem::OutOfRange { .. }
            | Problem::NoCorrectAnswer
            | Problem::SeveralCorrectAnswers { .. }
            | Problem::Empty { .. }
            | Problem::MissingLocale { .. }
            | Problem::UndeclaredLocale { .. }
            | Problem::DefaultLocaleUndeclared { .. }
            | Problem::ControlCharacter { .. }
            | Problem::IdControlCharacter { .. }
            | Problem::NotFictional
            | Problem::OldFormatVersion { .. }
            | Problem::RouteFallback { .. }
            | Problem::MissingChoice { .. }
            | Problem::MissingQuality { .. }
            | Problem::MissingThinker { .. }
            | Problem::DecorativeVariable { .. }
            | Problem::HarmfulGoodEnding { .. }
            | Problem::PositionalAnswer { .. }
            | Problem::QualityMismatch { .. }
            | Problem::LengthTell { .. }
            | Problem::UnreadableDirectory { .. }
            | Problem::LinkedDirectory
            | Problem::NotAFile
            | Problem::FileTooLarge { .. }
            | Problem::CourseTooLarge { .. }
            | Problem::TooManyFiles { .. }
            | Problem::TextTooLong { .. }
            | Problem::TooMany { .. }
            | Problem::ByteOrderMarks => {}
        }
    }
    all
}

/// The variables each problem message takes: the variant's fields, `_` written `-`.
fn problem_fields(problem: &Problem) -> BTreeSet<String> {
    let fields: &[&str] = match problem {
        Problem::Unreadable { .. } => &["reason"],
        Problem::Syntax { .. } | Problem::Type { .. } => &["message"],
        Problem::FormatVersion { .. } => &["found", "supported"],
        Problem::DuplicateId { .. } => &["what", "id", "first"],
        Problem::MissingItem { .. }
        | Problem::MissingNode { .. }
        | Problem::MissingCharacter { .. }
        | Problem::UndeclaredVariable { .. }
        | Problem::UnknownCompetency { .. }
        | Problem::UnusedItem { .. }
        | Problem::UnreachableNode { .. }
        | Problem::DeadEnd { .. }
        | Problem::AllChoicesConditional { .. }
        | Problem::RouteFallback { .. }
        | Problem::MissingChoice { .. }
        | Problem::MissingQuality { .. }
        | Problem::MissingThinker { .. }
        | Problem::DecorativeVariable { .. } => &["id"],
        Problem::OldFormatVersion { .. } => &["found", "current", "inferred"],
        Problem::HarmfulGoodEnding { .. } => &["ending", "choice", "path"],
        Problem::PositionalAnswer { .. } => &["position", "same", "total"],
        Problem::QualityMismatch { .. } => &["id", "quality", "reason"],
        Problem::LengthTell { .. } => &["longest", "total"],
        Problem::UnreadableDirectory { .. } => &["reason"],
        Problem::FileTooLarge { .. }
        | Problem::CourseTooLarge { .. }
        | Problem::TooManyFiles { .. } => &["limit"],
        Problem::TextTooLong { .. } => &["length", "limit"],
        Problem::TooMany { .. } => &["what", "count", "limit"],
        Problem::NodeKind { .. } | Problem::SceneKind { .. } => &["found"],
        Problem::BadRange { .. } => &["id", "min", "start", "max"],
        Problem::OutOfRange { .. } => &["id", "reached", "min", "max"],
        Problem::SeveralCorrectAnswers { .. } => &["count"],
        Problem::Empty { .. } => &["what"],
        Problem::MissingLocale { .. }
        | Problem::UndeclaredLocale { .. }
        | Problem::DefaultLocaleUndeclared { .. } => &["locale"],
        Problem::ControlCharacter { .. } => &["locale", "code"],
        Problem::IdControlCharacter { .. } => &["code"],
        Problem::MissingManifest
        | Problem::UnknownFile
        | Problem::NoReachableEnding
        | Problem::NoCorrectAnswer
        | Problem::NotFictional
        | Problem::LinkedDirectory
        | Problem::NotAFile
        | Problem::ByteOrderMarks => &[],
    };
    fields.iter().map(|f| f.replace('_', "-")).collect()
}

#[test]
fn every_problem_has_a_message_with_its_fields_in_every_locale() {
    for locale in UiLocale::ALL {
        let messages = messages(locale);
        let l10n = Localizer::new(locale);
        let missing = l10n.msg("missing-text", &MsgArgs::new());
        for problem in every_problem() {
            let id = format!("problem-{}", problem.code());
            assert_eq!(
                messages.get(&id),
                Some(&problem_fields(&problem)),
                "{locale}: variables of `{id}`"
            );
            let text = l10n.problem(&problem);
            assert!(!text.is_empty() && text != missing, "{locale}: {id}");
            // Fluent writes an argument that was not passed as `{$name}`.
            assert!(
                !text.contains("{$"),
                "{locale}: {id} lacks an argument: {text}"
            );
        }
    }
}

#[test]
fn problems_read_naturally_with_their_arguments() {
    let problem = Problem::MissingNode { id: "n9".into() };
    assert_eq!(
        Localizer::new(UiLocale::En).problem(&problem),
        "no node has the id `n9` in this scenario"
    );
    assert_eq!(
        Localizer::new(UiLocale::Nl).problem(&problem),
        "geen enkele knoop in dit scenario heeft de id `n9`"
    );
    let control = Problem::ControlCharacter {
        locale: "fr".into(),
        code: 0x1b,
    };
    assert!(
        Localizer::new(UiLocale::Fr)
            .problem(&control)
            .contains("U+001B")
    );
}

#[test]
fn duplicate_ids_name_the_kind_of_thing_in_every_language() {
    let problem = Problem::DuplicateId {
        what: "quiz option".into(),
        id: "a".into(),
        first: "options[0]".into(),
    };
    assert_eq!(
        Localizer::new(UiLocale::En).problem(&problem),
        "duplicate quiz option id `a` (first used at options[0])"
    );
    assert_eq!(
        Localizer::new(UiLocale::Nl).problem(&problem),
        "dubbele id `a` voor een quizoptie (eerst gebruikt bij options[0])"
    );
    assert!(
        Localizer::new(UiLocale::Fr)
            .problem(&problem)
            .contains("une option de quiz")
    );
}

#[test]
fn a_diagnostic_line_keeps_the_editor_format_in_every_locale() {
    let diagnostic = Diagnostic {
        severity: Severity::Warning,
        file: "course/scenarios/intake.json".into(),
        position: Some(Position {
            line: 12,
            column: 7,
        }),
        path: FieldPath::root().key("nodes").index(3),
        problem: Problem::UnreachableNode { id: "n4".into() },
    };
    assert_eq!(
        Localizer::new(UiLocale::En).diagnostic(&diagnostic),
        "course/scenarios/intake.json:12:7: warning[unreachable-node]: \
         no path from the start reaches node `n4` (at nodes[3])"
    );
    let nl = Localizer::new(UiLocale::Nl).diagnostic(&diagnostic);
    assert!(nl.starts_with("course/scenarios/intake.json:12:7: waarschuwing[unreachable-node]: "));
    let fr = Localizer::new(UiLocale::Fr).diagnostic(&Diagnostic {
        severity: Severity::Error,
        path: FieldPath::root(),
        ..diagnostic
    });
    assert!(
        fr.starts_with("course/scenarios/intake.json:12:7: erreur[unreachable-node]: "),
        "{fr}"
    );
    assert!(!fr.contains("champ"), "no path, no path suffix: {fr}");
}

fn candidates(
    flag: Option<&str>,
    env: Option<&str>,
    system: Option<&str>,
    course: Option<&str>,
) -> LocaleCandidates {
    LocaleCandidates {
        flag: flag.map(str::to_owned),
        env: env.map(str::to_owned),
        saved: None,
        system: system.map(str::to_owned),
        course_default: course.map(str::to_owned),
    }
}

#[test]
fn locale_resolution_table() {
    use LocaleSource::*;
    use UiLocale::*;
    // (flag, env, system, course default) -> (locale, source, notice about (value, source))
    #[allow(clippy::type_complexity)]
    let table: &[(
        (Option<&str>, Option<&str>, Option<&str>, Option<&str>),
        (UiLocale, LocaleSource, Option<(&str, LocaleSource)>),
    )] = &[
        // Each source on its own, in the forms systems write them.
        ((None, None, Some("nl_BE.UTF-8"), None), (Nl, System, None)),
        ((None, None, Some("fr-BE"), None), (Fr, System, None)),
        ((None, None, Some("en_GB"), None), (En, System, None)),
        (
            (None, None, Some("nl_BE.UTF-8@euro"), None),
            (Nl, System, None),
        ),
        ((Some("fr"), None, None, None), (Fr, Flag, None)),
        ((None, Some("NL"), None, None), (Nl, Env, None)),
        ((None, None, None, Some("fr")), (Fr, CourseDefault, None)),
        ((None, None, None, None), (En, Fallback, None)),
        // Precedence: flag over env over system over course default.
        (
            (Some("en"), Some("fr"), Some("nl_BE.UTF-8"), Some("nl")),
            (En, Flag, None),
        ),
        (
            (None, Some("fr"), Some("nl_BE.UTF-8"), Some("en")),
            (Fr, Env, None),
        ),
        (
            (None, None, Some("en_US.UTF-8"), Some("nl")),
            (En, System, None),
        ),
        // No preference: C, POSIX and empty values are skipped silently.
        (
            (None, None, Some("C"), Some("nl")),
            (Nl, CourseDefault, None),
        ),
        (
            (None, None, Some("C.UTF-8"), Some("fr")),
            (Fr, CourseDefault, None),
        ),
        ((None, None, Some("POSIX"), None), (En, Fallback, None)),
        (
            (Some(""), Some(""), Some(""), Some("nl")),
            (Nl, CourseDefault, None),
        ),
        // Unknown values fall back with a notice about the first of them.
        (
            (None, None, Some("de_DE"), Some("nl")),
            (Nl, CourseDefault, Some(("de_DE", System))),
        ),
        (
            (Some("de"), Some("fr_BE"), None, None),
            (Fr, Env, Some(("de", Flag))),
        ),
        (
            (Some("klingon!"), Some("es"), None, None),
            (En, Fallback, Some(("klingon!", Flag))),
        ),
        (
            (None, Some("pt-BR"), Some("de_DE"), Some("fr")),
            (Fr, CourseDefault, Some(("pt-BR", Env))),
        ),
        // An unknown course default is the author's problem: no notice for the user.
        ((None, None, None, Some("de")), (En, Fallback, None)),
    ];
    for ((flag, env, system, course), (locale, source, notice)) in table {
        let got = resolve_locale(&candidates(*flag, *env, *system, *course));
        let given = (flag, env, system, course);
        assert_eq!(got.locale, *locale, "{given:?}");
        assert_eq!(got.source, *source, "{given:?}");
        let expected_notice = notice.map(|(value, source)| LocaleNotice {
            value: value.to_owned(),
            source,
            chosen: *locale,
        });
        assert_eq!(got.notice, expected_notice, "{given:?}");
    }
}

#[test]
fn the_locale_notice_is_one_localized_line() {
    let resolution = resolve_locale(&candidates(Some("de_DE"), None, None, Some("nl")));
    let notice = resolution.notice.expect("an unknown flag gives a notice");
    let nl = Localizer::new(UiLocale::Nl).notice(&notice);
    assert!(
        nl.contains("de_DE") && nl.contains("--lang") && nl.contains("Nederlands"),
        "{nl}"
    );
    let en = Localizer::new(UiLocale::En).notice(&notice);
    assert!(en.contains("using Dutch"), "{en}");
    for locale in UiLocale::ALL {
        let line = Localizer::new(locale).notice(&notice);
        assert!(!line.contains('\n'), "{locale}: {line}");
    }
}

#[test]
fn ui_locale_parse_keeps_only_the_language() {
    assert_eq!(UiLocale::parse("nl_BE.UTF-8"), Some(UiLocale::Nl));
    assert_eq!(UiLocale::parse("fr-BE"), Some(UiLocale::Fr));
    assert_eq!(UiLocale::parse("en_GB"), Some(UiLocale::En));
    assert_eq!(UiLocale::parse("de_DE"), None);
    assert_eq!(UiLocale::parse("C"), None);
}

#[test]
fn plurals_follow_each_language() {
    let minutes =
        |locale, n: u32| Localizer::new(locale).msg("outline-minutes", &msg_args!("minutes" => n));
    assert_eq!(minutes(UiLocale::En, 1), "1 minute");
    assert_eq!(minutes(UiLocale::En, 2), "2 minutes");
    assert_eq!(minutes(UiLocale::En, 0), "0 minutes");
    assert_eq!(minutes(UiLocale::Nl, 1), "1 minuut");
    assert_eq!(minutes(UiLocale::Nl, 2), "2 minuten");
    assert_eq!(minutes(UiLocale::Nl, 0), "0 minuten");
    // French: 0 and 1 are singular.
    assert_eq!(minutes(UiLocale::Fr, 0), "0 minute");
    assert_eq!(minutes(UiLocale::Fr, 1), "1 minute");
    assert_eq!(minutes(UiLocale::Fr, 2), "2 minutes");

    let ok = |locale, n: usize| {
        Localizer::new(locale).msg(
            "validate-ok",
            &msg_args!("root" => "course", "lessons" => n, "scenarios" => n, "nodes" => n),
        )
    };
    assert_eq!(
        ok(UiLocale::En, 1),
        "course: no problems (1 lesson, 1 scenario, 1 node)"
    );
    assert_eq!(
        ok(UiLocale::En, 2),
        "course: no problems (2 lessons, 2 scenarios, 2 nodes)"
    );
    assert_eq!(
        ok(UiLocale::Nl, 1),
        "course: geen problemen (1 les, 1 scenario, 1 knoop)"
    );
    assert_eq!(
        ok(UiLocale::Nl, 2),
        "course: geen problemen (2 lessen, 2 scenario’s, 2 knopen)"
    );
    assert_eq!(
        ok(UiLocale::Fr, 0),
        "course\u{a0}: aucun problème (0 leçon, 0 scénario, 0 nœud)"
    );
    assert_eq!(
        ok(UiLocale::Fr, 2),
        "course\u{a0}: aucun problème (2 leçons, 2 scénarios, 2 nœuds)"
    );
}

#[test]
fn the_validate_summary_names_only_what_there_is() {
    let summary = |locale, errors: usize, warnings: usize| {
        Localizer::new(locale).msg(
            "validate-summary",
            &msg_args!("root" => "c", "errors" => errors, "warnings" => warnings),
        )
    };
    assert_eq!(summary(UiLocale::En, 2, 1), "c: 2 errors, 1 warning");
    assert_eq!(summary(UiLocale::En, 1, 0), "c: 1 error");
    assert_eq!(summary(UiLocale::En, 0, 3), "c: 3 warnings");
    assert_eq!(summary(UiLocale::Nl, 1, 2), "c: 1 fout, 2 waarschuwingen");
    assert_eq!(summary(UiLocale::Nl, 3, 0), "c: 3 fouten");
    assert_eq!(
        summary(UiLocale::Fr, 1, 1),
        "c\u{a0}: 1 erreur, 1 avertissement"
    );
    assert_eq!(summary(UiLocale::Fr, 0, 2), "c\u{a0}: 2 avertissements");
}

#[test]
fn outline_totals_leave_out_unknown_minutes() {
    let totals = |locale, minutes: u32| {
        Localizer::new(locale).msg(
            "outline-totals",
            &msg_args!("lessons" => 1usize, "scenarios" => 2usize, "minutes" => minutes),
        )
    };
    assert_eq!(totals(UiLocale::En, 0), "1 lesson and 2 scenarios.");
    assert_eq!(
        totals(UiLocale::En, 55),
        "1 lesson and 2 scenarios, about 55 minutes in total."
    );
    assert_eq!(
        totals(UiLocale::Nl, 55),
        "1 les en 2 scenario’s, in totaal ongeveer 55 minuten."
    );
    assert_eq!(totals(UiLocale::Fr, 0), "1 leçon et 2 scénarios.");
}

#[test]
fn no_output_contains_bidi_isolation_marks() {
    for locale in UiLocale::ALL {
        let l10n = Localizer::new(locale);
        for (id, vars) in messages(locale) {
            // Numbers for every variable: plural selectors get numbers, others their default.
            let mut args = MsgArgs::new();
            for var in &vars {
                let name: &'static str = Box::leak(var.clone().into_boxed_str());
                args = args.with(name, 2usize);
            }
            let text = l10n.msg_in(&id, locale, &args).unwrap_or_else(|e| match e {
                MsgError::Format { text, .. } => text,
                MsgError::Missing { .. } => panic!("{locale}: {id} listed but not found"),
            });
            assert!(!text.contains(ISOLATION_MARKS), "{locale}: {id}: {text:?}");
        }
        for problem in every_problem() {
            assert!(!l10n.problem(&problem).contains(ISOLATION_MARKS));
        }
    }
}

/// nl lacks `greeting`, only en has `farewell`, nobody has `ghost`.
fn partial_localizer(current: UiLocale) -> Localizer {
    Localizer::from_sources(
        current,
        [
            (
                UiLocale::Nl,
                "missing-text = (tekst ontbreekt)\nonly-nl = Alleen in het Nederlands\n".to_owned(),
            ),
            (
                UiLocale::Fr,
                "greeting = Bonjour { $name }\nmissing-text = (texte manquant)\n".to_owned(),
            ),
            (
                UiLocale::En,
                "greeting = Hello { $name }\nfarewell = Bye\nmissing-text = (text missing)\n"
                    .to_owned(),
            ),
        ],
    )
    .expect("the test sources parse")
}

#[test]
fn a_missing_message_falls_back_to_the_course_default_then_english() {
    let mut l10n = partial_localizer(UiLocale::Nl);
    let args = msg_args!("name" => "Sam");
    assert_eq!(l10n.msg("greeting", &args), "Hello Sam");
    l10n.set_course_default(Locale::from("fr"));
    assert_eq!(l10n.msg("greeting", &args), "Bonjour Sam");
    assert_eq!(l10n.msg("farewell", &args), "Bye");
    assert_eq!(l10n.msg("only-nl", &args), "Alleen in het Nederlands");
    assert_eq!(
        l10n.msg_in("greeting", UiLocale::Nl, &args),
        Err(MsgError::Missing {
            id: "greeting".into(),
            locale: UiLocale::Nl
        })
    );
}

#[test]
fn a_message_missing_everywhere_never_shows_its_id() {
    let l10n = partial_localizer(UiLocale::Nl);
    assert_eq!(l10n.msg("ghost", &MsgArgs::new()), "(tekst ontbreekt)");
    let l10n = partial_localizer(UiLocale::Fr);
    assert_eq!(l10n.msg("ghost", &MsgArgs::new()), "(texte manquant)");
    // Without even a "missing text" message, still not the id.
    let bare = Localizer::from_sources(UiLocale::En, [(UiLocale::En, "a = b\n".to_owned())])
        .expect("parses");
    let text = bare.msg("ghost", &MsgArgs::new());
    assert!(!text.contains("ghost") && !text.is_empty());
}

#[test]
fn a_formatting_error_gives_fluents_best_effort_without_panicking() {
    let l10n = partial_localizer(UiLocale::En);
    // `$name` not passed.
    assert_eq!(l10n.msg("greeting", &MsgArgs::new()), "Hello {$name}");
    assert!(matches!(
        l10n.msg_in("greeting", UiLocale::En, &MsgArgs::new()),
        Err(MsgError::Format { .. })
    ));
}

#[test]
fn a_broken_source_is_an_error_not_a_panic() {
    let broken = Localizer::from_sources(UiLocale::En, [(UiLocale::En, "= no id\n".to_owned())]);
    assert!(broken.is_err());
    let twice =
        Localizer::from_sources(UiLocale::En, [(UiLocale::En, "a = 1\na = 2\n".to_owned())]);
    assert!(twice.is_err());
}

fn text(pairs: &[(&str, &str)]) -> Text {
    pairs
        .iter()
        .map(|(l, s)| (Locale::from(*l), (*s).to_owned()))
        .collect()
}

#[test]
fn french_falls_back_to_english_before_the_course_default() {
    // Issue 14, item 12: in French, a text the course has in Dutch and English was shown
    // in Dutch, which a French-speaking trainee in Brussels or Wallonia is less likely to
    // read than English.
    let mut l10n = Localizer::new(UiLocale::Fr);
    l10n.set_course_default(Locale::from("nl"));
    let dutch_and_english = text(&[("nl", "Welkom"), ("en", "Welcome")]);
    let dutch = text(&[("nl", "Welkom")]);
    let dutch_and_french = text(&[("nl", "Welkom"), ("fr", "Bienvenue")]);
    let picked = l10n.pick(&dutch_and_english);
    assert_eq!(
        (picked.text, picked.locale.as_str(), picked.fell_back),
        ("Welcome", "en", true)
    );
    // Without English, the course default; in Dutch, the Dutch text as always.
    assert_eq!(l10n.pick(&dutch).locale.as_str(), "nl");
    l10n.set_locale(UiLocale::Nl);
    let picked = l10n.pick(&dutch_and_english);
    assert_eq!((picked.text, picked.fell_back), ("Welkom", false));
    // English falls back to the course default.
    l10n.set_locale(UiLocale::En);
    assert_eq!(l10n.pick(&dutch_and_french).locale.as_str(), "nl");
}

#[test]
fn course_text_in_the_current_locale_marks_fallbacks() {
    let mut l10n = Localizer::new(UiLocale::Fr);
    l10n.set_course_default(Locale::from("nl"));
    let both = text(&[("nl", "Welkom"), ("fr", "Bienvenue")]);
    let dutch_only = text(&[("nl", "Alleen Nederlands"), ("fr", "  ")]);
    let english_only = text(&[("en", "Only English")]);

    let picked = l10n.pick(&both);
    assert_eq!(
        (picked.text, picked.locale.as_str(), picked.fell_back),
        ("Bienvenue", "fr", false)
    );
    assert_eq!(l10n.fallback_marker(&picked), None);

    let picked = l10n.pick(&dutch_only);
    assert_eq!(
        (picked.text, picked.locale.as_str(), picked.fell_back),
        ("Alleen Nederlands", "nl", true)
    );
    assert_eq!(l10n.fallback_marker(&picked).as_deref(), Some("[nl]"));

    let picked = l10n.pick(&english_only);
    assert_eq!((picked.text, picked.fell_back), ("Only English", true));

    let empty = Text::default();
    let picked = l10n.pick(&empty);
    assert_eq!((picked.text, picked.fell_back), ("", true));
    assert_eq!(l10n.fallback_marker(&picked), None);

    l10n.set_locale(UiLocale::Nl);
    assert_eq!(l10n.current(), UiLocale::Nl);
    let picked = l10n.pick(&both);
    assert_eq!((picked.text, picked.fell_back), ("Welkom", false));
    assert_eq!(l10n.msg("severity-error", &MsgArgs::new()), "fout");
}

#[test]
fn a_regional_course_locale_counts_as_its_language() {
    let l10n = Localizer::new(UiLocale::Nl);
    let regional = text(&[("en", "Hi"), ("nl-BE", "Dag")]);
    let picked = l10n.pick(&regional);
    assert_eq!(
        (picked.text, picked.locale.as_str(), picked.fell_back),
        ("Dag", "nl-BE", false)
    );
}

#[test]
fn the_gloss_is_the_text_in_the_second_locale_without_fallback() {
    let l10n = Localizer::new(UiLocale::Nl);
    let greeting = text(&[("nl", "Welkom"), ("en", "Welcome")]);
    assert_eq!(l10n.gloss(&greeting, &Locale::from("en")), Some("Welcome"));
    assert_eq!(l10n.gloss(&greeting, &Locale::from("fr")), None);
}

fn notes(s: &str) -> model::FacilitatorNotes {
    model::FacilitatorNotes {
        text: text(&[("nl", s), ("en", s)]),
        discussion_questions: vec![text(&[("nl", s)])],
        minutes: None,
    }
}

/// A course with 2 texts in the manifest, 1 module (title + 2 note texts), a lesson with a
/// title (1) and a quiz (question, 1 option with feedback, explanation: 4), and a scenario
/// with title/setting/goal (3), a character (3), a variable (1), a line (1), a choice (2)
/// and an ending (2): 22 texts. nl has all of them; en lacks the 4 quiz texts and the
/// discussion question; fr has only the course title.
fn small_course() -> checked::Course {
    let full = |s: &str| text(&[("nl", s), ("en", s)]);
    let nl = |s: &str| text(&[("nl", s)]);
    let lesson = checked::Lesson {
        id: "les".into(),
        title: full("Les"),
        summary: None,
        estimated_minutes: Some(5.into()),
        scenes: vec![checked::Scene {
            id: "q".into(),
            title: None,
            content_note: None,
            facilitator_notes: None,
            body: SceneBody::Quiz(model::Quiz {
                question: nl("Vraag"),
                multiple: false,
                options: vec![model::QuizOption {
                    id: "a".into(),
                    text: nl("Antwoord"),
                    correct: true,
                    feedback: nl("Juist"),
                }],
                explanation: nl("Uitleg"),
                order: model::Order::Fixed,
            }),
        }],
    };
    let scenario = checked::Scenario {
        id: "sc".into(),
        title: full("Titel"),
        setting: full("Plaats"),
        goal: full("Doel"),
        content_note: None,
        facilitator_notes: None,
        estimated_minutes: None,
        characters: vec![model::Character {
            id: "amir".into(),
            name: full("Amir"),
            role: full("Bewoner"),
            bio: full("Bio"),
        }],
        variables: vec![model::Variable {
            id: "trust".into(),
            label: full("Vertrouwen"),
            min: 0,
            max: 10,
            start: 5,
        }],
        start: checked::NodeIdx(0),
        nodes: vec![
            checked::Node {
                id: "start".into(),
                lines: vec![model::Line {
                    speaker: "amir".into(),
                    text: full("Hallo"),
                    thought: None,
                    mood: None,
                }],
                facilitator_notes: None,
                order: model::Order::Fixed,
                step: Step::Choices(vec![checked::Choice {
                    id: "c".into(),
                    text: full("Goeiedag"),
                    feedback: full("Goed"),
                    quality: model::Quality::Best,
                    thought: None,
                    thinker: None,
                    effects: vec![],
                    competencies: Default::default(),
                    condition: None,
                    next: checked::NodeIdx(1),
                }]),
            },
            checked::Node {
                id: "end".into(),
                lines: vec![],
                facilitator_notes: None,
                order: model::Order::Fixed,
                step: Step::Ending(checked::Ending {
                    outcome: model::Outcome::Good,
                    title: full("Einde"),
                    debrief: vec![checked::DebriefPart {
                        condition: None,
                        text: full("Nabespreking"),
                    }],
                }),
            },
        ],
        node_index: HashMap::new(),
        flow: Default::default(),
    };
    checked::Course {
        id: "test".into(),
        version: "1".into(),
        title: text(&[
            ("nl", "Kruispunt"),
            ("en", "Kruispunt"),
            ("fr", "Kruispunt"),
        ]),
        description: full("Beschrijving"),
        default_locale: Locale::from("nl"),
        locales: vec![Locale::from("nl"), Locale::from("en"), Locale::from("fr")],
        fallback: Default::default(),
        core_path: Vec::new(),
        job_aid: None,
        competencies: vec![],
        modules: vec![checked::Module {
            id: "m1".into(),
            title: full("Module"),
            description: None,
            items: vec!["les".into(), "sc".into()],
            facilitator_notes: Some(notes("Notitie")),
        }],
        lessons: HashMap::from([("les".into(), lesson)]),
        scenarios: HashMap::from([("sc".into(), scenario)]),
    }
}

#[test]
fn coverage_counts_every_text_per_declared_locale() {
    let report = coverage(&small_course());
    assert_eq!(report.total(), 22);
    let rows: Vec<_> = report
        .locales()
        .iter()
        .map(|c| {
            (
                c.locale.as_str(),
                c.present,
                c.total,
                c.percent(),
                c.is_complete(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("nl", 22, 22, 100, true),
            ("en", 17, 22, 77, false),
            ("fr", 1, 22, 4, false)
        ]
    );
}

#[test]
fn coverage_lines_are_localized_and_mark_the_default() {
    let mut l10n = Localizer::new(UiLocale::En);
    l10n.set_course_default(Locale::from("nl"));
    let report = coverage(&small_course());
    let lines: Vec<_> = report
        .locales()
        .iter()
        .map(|c| l10n.coverage_line(c))
        .collect();
    assert_eq!(
        lines,
        [
            "nl (default): 22/22 texts (100%)",
            "en: 17/22 texts (77%)",
            "fr: 1/22 texts (4%)"
        ]
    );
    l10n.set_locale(UiLocale::Fr);
    let first = l10n.coverage_line(&report.locales()[0]);
    assert_eq!(first, "nl (par défaut)\u{a0}: 22/22 textes (100\u{a0}%)");
}

#[test]
fn every_message_is_used_in_src() {
    // Ids are literals in `src/` (see `ids_used_in_src`); some are picked by a `match` and
    // passed on, so any quoted occurrence counts as a use.
    let code: String = src_files().into_iter().map(|(_, code)| code).collect();
    let unused: Vec<String> = messages(UiLocale::En)
        .into_keys()
        .filter(|id| !code.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

/// The message values of `locale`, as `(id, text)`, one per line of the file (attributes
/// and variants included, comments left out).
fn message_lines(locale: UiLocale) -> Vec<(String, String)> {
    let mut id = String::new();
    let mut out = Vec::new();
    for line in ftl_source(locale).lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let text = if !line.starts_with(' ')
            && let Some((name, value)) = line.split_once(" = ")
        {
            id = name.to_owned();
            value
        } else {
            line
        };
        out.push((id.clone(), text.to_owned()));
    }
    out
}

#[test]
fn french_puts_a_no_break_space_before_high_punctuation_and_inside_guillemets() {
    let mut wrong = Vec::new();
    for (id, text) in message_lines(UiLocale::Fr) {
        let chars: Vec<char> = text.chars().collect();
        for pair in chars.windows(2) {
            let before_high = pair[0] == ' ' && matches!(pair[1], ':' | ';' | '?' | '!');
            let inside_guillemets = (pair[0] == '«' && pair[1] == ' ') || pair == [' ', '»'];
            if before_high || inside_guillemets {
                wrong.push(format!("{id}: {text}"));
                break;
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a plain space before : ; ? ! or inside « »\n{}",
        wrong.join("\n")
    );
}

#[test]
fn user_text_uses_the_curly_apostrophe() {
    let mut wrong = Vec::new();
    for locale in UiLocale::ALL {
        for (id, text) in message_lines(locale) {
            if text.contains('\'') {
                wrong.push(format!("{locale} {id}: {text}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a straight apostrophe\n{}",
        wrong.join("\n")
    );
}

#[test]
fn counted_words_agree_with_their_number() {
    let msg = |locale, id, args: &_| Localizer::new(locale).msg(id, args);
    assert_eq!(
        msg(
            UiLocale::Fr,
            "lesson-done-scenes",
            &msg_args!("done" => 1, "total" => 3)
        ),
        "Vous avez parcouru 1 scène sur 3."
    );
    assert_eq!(
        msg(UiLocale::En, "report-none-usable", &msg_args!("files" => 1)),
        "the file given is not a usable export; no report was made"
    );
    assert_eq!(
        msg(UiLocale::En, "report-none-usable", &msg_args!("files" => 3)),
        "none of the 3 files given is a usable export; no report was made"
    );
    let module = |done: usize| {
        msg(
            UiLocale::Fr,
            "plain-home-module",
            &msg_args!("number" => 1, "title" => "T", "done" => done, "total" => 3),
        )
    };
    assert_eq!(module(1), "Module 1\u{a0}: T, 1 sur 3 terminé.");
    assert_eq!(module(2), "Module 1\u{a0}: T, 2 sur 3 terminés.");
    // No "(s)" and no "·e" left in what plain mode and validate say in French.
    for (id, text) in message_lines(UiLocale::Fr) {
        let spoken = id.starts_with("plain-") || id.starts_with("problem-");
        assert!(!text.contains("(s)"), "{id}: {text}");
        assert!(!(spoken && text.contains("·e")), "{id}: {text}");
    }
}

#[test]
fn one_concept_has_one_name() {
    // The ending as the screen, plain mode and the group report name it.
    for locale in UiLocale::ALL {
        let l = Localizer::new(locale);
        for outcome in ["good", "mixed", "poor"] {
            let screen = l.msg("scenario-outcome", &msg_args!("outcome" => outcome));
            let plain = l.msg("plain-outcome", &msg_args!("outcome" => outcome));
            let report = l.msg("report-outcome", &msg_args!("outcome" => outcome));
            assert_eq!(screen, plain, "{locale} {outcome}");
            assert!(
                report.contains(&screen),
                "{locale} {outcome}: {report} / {screen}"
            );
        }
    }
    // Words that name a concept another word already names.
    let others = [
        (UiLocale::Fr, "aramètre"), // Réglages
        (UiLocale::Nl, "pleiding"), // Cursus
        (UiLocale::Nl, "Deel "),    // Scène
        (UiLocale::Nl, "dit deel"), // Scène
        (UiLocale::Nl, "vorig deel"),
    ];
    for (locale, word) in others {
        for (id, text) in message_lines(locale) {
            assert!(!text.contains(word), "{locale} {id}: {text}");
        }
    }
}

//! Checks on `course.json`, and on the items across files: unique ids, every module item
//! defined, every lesson and scenario used.

use super::{At, Ctx};
use crate::course::diagnostic::{FieldPath, Problem};
use crate::course::model::{Manifest, Text};
use crate::course::parsed::{FileIdx, Finding, ParsedCourse};
use std::collections::{HashMap, HashSet};

/// Checks the manifest on its own.
pub(super) fn check(ctx: &mut Ctx<'_>, manifest: &Manifest) {
    let root = At::Root;
    ctx.id(manifest.id.as_str(), &root.key("id"));
    ctx.id(&manifest.version, &root.key("version"));
    ctx.id(
        manifest.default_locale.as_str(),
        &root.key("default_locale"),
    );
    ctx.text(&manifest.title, &root.key("title"));
    ctx.text(&manifest.description, &root.key("description"));

    let locales = root.key("locales");
    ctx.non_empty(&manifest.locales, &locales, "`locales`");
    for (i, locale) in manifest.locales.iter().enumerate() {
        ctx.id(locale.as_str(), &locales.index(i));
    }
    ctx.unique_ids(
        &manifest.locales,
        |locale| locale.as_str(),
        &locales,
        None,
        "locale",
    );
    if !manifest.locales.contains(&manifest.default_locale) {
        ctx.report(
            &root.key("default_locale"),
            Problem::DefaultLocaleUndeclared {
                locale: manifest.default_locale.to_string(),
            },
        );
    }

    let fallback = root.key("fallback");
    for (language, order) in &manifest.fallback {
        let at = fallback.key(language.as_str());
        ctx.id(language.as_str(), &at);
        for (i, locale) in order.iter().enumerate() {
            if !manifest.locales.contains(locale) {
                ctx.report(
                    &at.index(i),
                    Problem::UndeclaredLocale {
                        locale: locale.to_string(),
                    },
                );
            }
        }
    }

    let competencies = root.key("competencies");
    ctx.unique_ids(
        &manifest.competencies,
        |c| c.id.as_str(),
        &competencies,
        Some("id"),
        "competency",
    );
    for (i, competency) in manifest.competencies.iter().enumerate() {
        let at = competencies.index(i);
        ctx.id(competency.id.as_str(), &at.key("id"));
        ctx.text(&competency.title, &at.key("title"));
        ctx.optional_text(competency.description.as_ref(), &at, "description");
    }

    let modules = root.key("modules");
    ctx.non_empty(&manifest.modules, &modules, "`modules`");
    ctx.unique_ids(
        &manifest.modules,
        |m| m.id.as_str(),
        &modules,
        Some("id"),
        "module",
    );
    for (i, module) in manifest.modules.iter().enumerate() {
        let at = modules.index(i);
        ctx.id(module.id.as_str(), &at.key("id"));
        ctx.text(&module.title, &at.key("title"));
        ctx.optional_text(module.description.as_ref(), &at, "description");
        let items = at.key("items");
        ctx.non_empty(&module.items, &items, "`items`");
        for (j, item) in module.items.iter().enumerate() {
            ctx.id(item.as_str(), &items.index(j));
        }
        ctx.facilitator_notes(module.facilitator_notes.as_ref(), &at);
    }

    let core_path = root.key("core_path");
    for (i, item) in manifest.core_path.iter().enumerate() {
        ctx.id(item.as_str(), &core_path.index(i));
    }
    ctx.unique_ids(
        &manifest.core_path,
        |item| item.as_str(),
        &core_path,
        None,
        "core path item",
    );
}

/// A lesson or scenario, wherever it is defined.
struct ItemDef<'p> {
    file: FileIdx,
    id: &'p str,
    kind: &'static str,
    title: &'p Text,
}

/// Item ids unique across files; module items defined; lessons and scenarios used.
pub(super) fn check_items(parsed: &ParsedCourse, findings: &mut Vec<Finding>) {
    let mut items: Vec<ItemDef<'_>> = parsed
        .lessons
        .iter()
        .map(|(file, lesson)| ItemDef {
            file: *file,
            id: lesson.id.as_str(),
            kind: "lesson",
            title: &lesson.title,
        })
        .chain(parsed.scenarios.iter().map(|(file, scenario)| ItemDef {
            file: *file,
            id: scenario.id.as_str(),
            kind: "scenario",
            title: &scenario.title,
        }))
        .collect();
    // The file that comes first is the one reported as the original.
    items.sort_by_key(|item| item.file);

    let default_locale = parsed
        .manifest
        .as_ref()
        .map(|(_, manifest)| manifest.default_locale.as_str());
    let mut first_of: HashMap<&str, &ItemDef<'_>> = HashMap::with_capacity(items.len());
    for item in &items {
        match first_of.get(item.id) {
            Some(first) => findings.push(Finding::new(
                item.file,
                FieldPath::root().key("id"),
                Problem::DuplicateId {
                    what: "item".to_owned(),
                    id: item.id.to_owned(),
                    first: describe(first, default_locale),
                },
            )),
            None => {
                first_of.insert(item.id, item);
            }
        }
    }

    // Without a manifest nothing uses any item; its absence is reported by the loader.
    let Some((manifest_file, manifest)) = &parsed.manifest else {
        return;
    };
    let mut used: HashSet<&str> = HashSet::new();
    for (i, module) in manifest.modules.iter().enumerate() {
        for (j, item) in module.items.iter().enumerate() {
            used.insert(item.as_str());
            if !first_of.contains_key(item.as_str()) {
                let at = FieldPath::root()
                    .key("modules")
                    .index(i)
                    .key("items")
                    .index(j);
                let problem = Problem::MissingItem {
                    id: item.to_string(),
                };
                findings.push(Finding::new(*manifest_file, at, problem));
            }
        }
    }
    if let Some(lesson) = &manifest.job_aid
        && !parsed.lessons.iter().any(|(_, l)| l.id == *lesson)
    {
        let problem = Problem::MissingItem {
            id: lesson.to_string(),
        };
        findings.push(Finding::new(
            *manifest_file,
            FieldPath::root().key("job_aid"),
            problem,
        ));
    }
    for (i, item) in manifest.core_path.iter().enumerate() {
        if !first_of.contains_key(item.as_str()) {
            let at = FieldPath::root().key("core_path").index(i);
            let problem = Problem::MissingItem {
                id: item.to_string(),
            };
            findings.push(Finding::new(*manifest_file, at, problem));
        }
    }
    for item in &items {
        if !used.contains(item.id) {
            let problem = Problem::UnusedItem {
                id: item.id.to_owned(),
            };
            findings.push(Finding::new(
                item.file,
                FieldPath::root().key("id"),
                problem,
            ));
        }
    }
}

/// Names the file of an item for a duplicate-id message. Findings carry file indices only,
/// so the item is named by its kind and title, which the author recognises.
fn describe(item: &ItemDef<'_>, default_locale: Option<&str>) -> String {
    let title = default_locale
        .and_then(|locale| item.title.get(locale))
        .or_else(|| item.title.iter().next().map(|(_, text)| text));
    match title {
        Some(title) => format!("the {} titled \"{title}\", field `id`", item.kind),
        None => format!("another {} file, field `id`", item.kind),
    }
}

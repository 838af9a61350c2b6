//! Validation: every check of the course format, and the conversion to checked types.
//!
//! The checks read the parsed files and report everything they find, never stopping at the
//! first problem. Only when every reference resolves are the files turned into the checked
//! types of [`super::checked`]; other problems (missing locales, out-of-range effects...)
//! are reported alongside the course, and `load` decides by severity.
//!
//! Paths of findings are built only when something is reported ([`At`]), so checking a
//! large valid course allocates next to nothing besides the index of its nodes.

mod build;
pub(crate) use build::inferred_quality;
mod caps;
pub(crate) use caps::{MAX_LESSONS, MAX_SCENARIOS, MAX_TEXT_BYTES, long_strings};
mod flow;
pub use flow::{Reachability, reachability};
mod lesson;
mod manifest;
mod ranges;
mod scenario;
mod teaching;
#[cfg(test)]
mod tests;
mod texts;
pub(crate) use texts::{is_fit_text, is_plain_id};

use super::checked::{self, Course, NodeIdx};
use super::diagnostic::{FieldPath, PathSeg, Problem};
use super::ids::{Locale, NodeId};
use super::model::{LocaleSet, Node};
use super::parsed::{FileIdx, Finding, ParsedCourse};
use flow::Graph;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// Runs every check on the parsed files, pushing what it finds, and builds the checked
/// course when every reference resolves.
pub(crate) fn validate(parsed: ParsedCourse, findings: &mut Vec<Finding>) -> Option<Course> {
    validate_with(parsed, findings, scenario::PARALLEL_FROM)
}

/// [`validate`], checking a scenario on two threads from `parallel_from` nodes on (see
/// [`scenario::PARALLEL_FROM`]).
fn validate_with(
    mut parsed: ParsedCourse,
    findings: &mut Vec<Finding>,
    parallel_from: usize,
) -> Option<Course> {
    if caps::check(&parsed, findings) {
        return None; // too large to check further, or to use
    }
    let first_new = findings.len();
    let scenarios = check(&mut parsed, findings, parallel_from);
    let unresolved = findings
        .iter()
        .skip(first_new)
        .any(|finding| blocks_course(&finding.problem));
    if unresolved || parsed.manifest.is_none() {
        return None;
    }
    build::course(parsed, scenarios)
}

/// Every check, on every file. Returns the graph of each scenario and its nodes, built when
/// every reference in them resolved, in order: what the checked course is built from. The
/// scenarios' nodes move there from `parsed`.
fn check(
    parsed: &mut ParsedCourse,
    findings: &mut Vec<Finding>,
    parallel_from: usize,
) -> Vec<(Graph, Option<Vec<checked::Node>>)> {
    let manifest = parsed.manifest.as_ref().map(|(_, manifest)| manifest);
    let mut locales: Vec<&str> = manifest
        .map(|m| m.locales.iter().map(Locale::as_str).collect())
        .unwrap_or_default();
    // Sorted like the keys of a text, so a text is checked in one walk over both.
    locales.sort_unstable();
    locales.dedup();
    let facts = Facts {
        locale_set: LocaleSet::of(locales.iter().copied()),
        // Without a manifest the declared locales and competencies are unknown: those
        // checks are skipped rather than reporting every text and tag.
        locales,
        competencies: manifest.map(|m| m.competencies.iter().map(|c| c.id.as_str()).collect()),
        default_locale: manifest.map(|m| m.default_locale.as_str()),
    };
    if let Some((file, manifest)) = &parsed.manifest {
        manifest::check(&mut facts.in_file(*file, findings), manifest);
    }
    manifest::check_items(parsed, findings);
    for (file, lesson) in &parsed.lessons {
        lesson::check(&mut facts.in_file(*file, findings), lesson);
    }
    let mut positions = teaching::Positions::default();
    let mut scenarios = Vec::with_capacity(parsed.scenarios.len());
    for (file, scenario) in &mut parsed.scenarios {
        let first_new = findings.len();
        let mut ctx = facts.in_file(*file, findings);
        let checked = scenario::check(&mut ctx, scenario, parallel_from);
        // Paths are walked only in a graph whose references resolve and whose node ids are
        // unique (the same condition as for building the course).
        let resolved = checked.graph.start.is_some()
            && !ctx
                .findings
                .iter()
                .skip(first_new)
                .any(|finding| blocks_course(&finding.problem));
        positions.add(&teaching::check(&mut ctx, scenario, &checked, resolved));
        scenarios.push((checked.graph, checked.nodes));
    }
    if let Some((file, _)) = &parsed.manifest {
        teaching::course_positions(&mut facts.in_file(*file, findings), &positions);
    }
    scenarios
}

/// Whether a problem leaves a reference unresolved, so no checked course can be built.
fn blocks_course(problem: &Problem) -> bool {
    matches!(
        problem,
        Problem::MissingNode { .. }
            | Problem::MissingItem { .. }
            | Problem::MissingCharacter { .. }
            | Problem::MissingChoice { .. }
            | Problem::UndeclaredVariable { .. }
            | Problem::NodeKind { .. }
            | Problem::SceneKind { .. }
            | Problem::DuplicateId { .. }
    )
}

/// What the manifest declares, which the other files are checked against.
struct Facts<'c> {
    /// Declared locales, sorted; empty when unknown (no manifest) or when the manifest
    /// declares none (reported once, on the manifest).
    locales: Vec<&'c str>,
    /// The declared locales as a set, when they form one.
    locale_set: Option<LocaleSet>,
    /// Declared competency tags; `None` when there is no manifest.
    competencies: Option<Vec<&'c str>>,
    /// The locale texts are compared in (e.g. for their length); `None` without a manifest.
    default_locale: Option<&'c str>,
}

impl<'c> Facts<'c> {
    fn in_file<'f>(&'f self, file: FileIdx, findings: &'f mut Vec<Finding>) -> Ctx<'f> {
        Ctx {
            file,
            findings,
            facts: self,
        }
    }
}

/// Checking one file: where findings go, and what the manifest declares.
struct Ctx<'f> {
    file: FileIdx,
    findings: &'f mut Vec<Finding>,
    facts: &'f Facts<'f>,
}

impl Ctx<'_> {
    /// Reports `problem` at `at` in this file.
    fn report(&mut self, at: &At<'_>, problem: Problem) {
        self.findings
            .push(Finding::new(self.file, at.path(), problem));
    }

    /// Reports an empty list; true when the list has items.
    fn non_empty<T>(&mut self, list: &[T], at: &At<'_>, what: &str) -> bool {
        if list.is_empty() {
            self.report(
                at,
                Problem::Empty {
                    what: what.to_owned(),
                },
            );
            return false;
        }
        true
    }

    /// Reports every repeated id in `list` (at `list[i].id`, or `list[i]` when `id_key` is
    /// `None`), naming where the id was first used.
    fn unique_ids<T>(
        &mut self,
        list: &[T],
        id: impl Fn(&T) -> &str,
        at: &At<'_>,
        id_key: Option<&str>,
        what: &str,
    ) {
        for_each_duplicate(list, &id, |dup, first| {
            self.report_duplicate(list, &id, at, id_key, what, dup, first);
        });
    }

    /// Like [`Ctx::unique_ids`], and returns the index of the ids (to their first use) and
    /// whether every id is unique.
    fn indexed_ids<'l, T>(
        &mut self,
        list: &'l [T],
        id: impl Fn(&'l T) -> &'l str,
        at: &At<'_>,
        id_key: Option<&str>,
        what: &str,
    ) -> (IdIndex<'l>, bool) {
        let mut unique = true;
        let index = IdIndex::new(list.iter().map(&id), |dup, first| {
            unique = false;
            self.report_duplicate(list, &id, at, id_key, what, dup, first);
        });
        (index, unique)
    }

    /// The index of a scenario's node ids (at `at`), reporting repeated ones like
    /// [`Ctx::indexed_ids`]; and whether every id is unique. Built once, with the ids it
    /// needs copied once: the checks resolve references with it, and the checked scenario
    /// keeps it.
    fn node_index(&mut self, nodes: &[Node], at: &At<'_>) -> (NodeIndex, bool) {
        let mut index = NodeIndex::with_capacity(nodes.len());
        let mut unique = true;
        for (i, node) in nodes.iter().enumerate() {
            match index.get(node.id.as_str()) {
                Some(&NodeIdx(first)) => {
                    unique = false;
                    let first = first as usize;
                    self.report_duplicate(nodes, node_id, at, Some("id"), "node", i, first);
                }
                None => {
                    let idx = NodeIdx(u32::try_from(i).unwrap_or(u32::MAX));
                    index.insert(node.id.clone(), idx);
                }
            }
        }
        (index, unique)
    }

    #[allow(clippy::too_many_arguments)] // every argument is part of the message
    fn report_duplicate<'l, T>(
        &mut self,
        list: &'l [T],
        id: impl Fn(&'l T) -> &'l str,
        at: &At<'_>,
        id_key: Option<&str>,
        what: &str,
        dup: usize,
        first: usize,
    ) {
        let path_of = |i: usize| {
            let item = at.index(i);
            match id_key {
                Some(key) => item.key(key).path(),
                None => item.path(),
            }
        };
        let problem = Problem::DuplicateId {
            what: what.to_owned(),
            id: list.get(dup).map(id).unwrap_or_default().to_owned(),
            first: path_of(first).to_string(),
        };
        self.findings
            .push(Finding::new(self.file, path_of(dup), problem));
    }
}

/// Calls `on_duplicate(index, first_index)` for every item whose id an earlier item has.
/// Short lists (the choices of a node, the options of a quiz) are compared pairwise so
/// checking them allocates nothing.
fn for_each_duplicate<T>(
    list: &[T],
    id: impl Fn(&T) -> &str,
    mut on_duplicate: impl FnMut(usize, usize),
) {
    const PAIRWISE_UP_TO: usize = 16;
    if list.len() <= PAIRWISE_UP_TO {
        for (i, item) in list.iter().enumerate() {
            let this = id(item);
            if let Some(first) = list.iter().take(i).position(|earlier| id(earlier) == this) {
                on_duplicate(i, first);
            }
        }
    } else {
        let mut first_of: IdMap<&str, usize> =
            IdMap::with_capacity_and_hasher(list.len(), IdHasher::default());
        for (i, item) in list.iter().enumerate() {
            let first = *first_of.entry(id(item)).or_insert(i);
            if first != i {
                on_duplicate(i, first);
            }
        }
    }
}

/// How the checks' own id maps hash: foldhash, several times faster than the standard
/// SipHash on short ids, and still seeded at random per process, so a hostile course
/// cannot be written with ids that all collide.
type IdHasher = foldhash::fast::RandomState;

/// A map from ids, hashed with [`IdHasher`].
type IdMap<K, V> = HashMap<K, V, IdHasher>;

fn node_id(node: &Node) -> &str {
    node.id.as_str()
}

/// A scenario's node ids to their first position: the index the checks resolve references
/// with, which the checked scenario keeps as its `node_index`.
pub(super) type NodeIndex = HashMap<NodeId, NodeIdx>;

/// Index of ids to their first position: a scan for short lists, a hash map for long ones
/// (the nodes of a large scenario).
enum IdIndex<'a> {
    Short(Vec<&'a str>),
    Long(IdMap<&'a str, u32>),
}

impl<'a> IdIndex<'a> {
    /// Indexes `ids`, calling `on_duplicate(index, first_index)` for each repeated one.
    fn new(
        ids: impl ExactSizeIterator<Item = &'a str>,
        mut on_duplicate: impl FnMut(usize, usize),
    ) -> Self {
        const SCAN_UP_TO: usize = 16;
        if ids.len() <= SCAN_UP_TO {
            let ids: Vec<&str> = ids.collect();
            for_each_duplicate(&ids, |id: &&str| *id, on_duplicate);
            return IdIndex::Short(ids);
        }
        let mut map = IdMap::with_capacity_and_hasher(ids.len(), IdHasher::default());
        for (i, id) in ids.enumerate() {
            match map.entry(id) {
                Entry::Occupied(first) => on_duplicate(i, *first.get() as usize),
                Entry::Vacant(slot) => {
                    slot.insert(u32::try_from(i).unwrap_or(u32::MAX));
                }
            }
        }
        IdIndex::Long(map)
    }

    /// The position of the first item with this id.
    fn get(&self, id: &str) -> Option<u32> {
        match self {
            IdIndex::Short(ids) => ids
                .iter()
                .position(|known| *known == id)
                .and_then(|i| u32::try_from(i).ok()),
            IdIndex::Long(map) => map.get(id).copied(),
        }
    }
}

/// A field path built on the stack while walking a file, turned into a [`FieldPath`] only
/// when a problem is reported there.
#[derive(Debug, Clone, Copy)]
enum At<'a> {
    /// The file's top-level value.
    Root,
    /// A key of the parent object.
    Key(&'a At<'a>, &'a str),
    /// An index of the parent array.
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    fn key(&'a self, key: &'a str) -> At<'a> {
        At::Key(self, key)
    }

    fn index(&'a self, index: usize) -> At<'a> {
        At::Index(self, index)
    }

    fn path(&self) -> FieldPath {
        let mut segs = Vec::new();
        self.collect(&mut segs);
        FieldPath(segs)
    }

    fn collect(&self, segs: &mut Vec<PathSeg>) {
        match self {
            At::Root => {}
            At::Key(parent, key) => {
                parent.collect(segs);
                segs.push(PathSeg::Key((*key).to_owned()));
            }
            At::Index(parent, index) => {
                parent.collect(segs);
                segs.push(PathSeg::Index(*index));
            }
        }
    }
}

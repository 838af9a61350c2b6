//! Translation coverage: per locale a course declares, how many of its texts exist.

use crate::course::checked::{self, SceneBody, Step};
use crate::course::ids::Locale;
use crate::course::model::{
    Character, Checklist, CompetencyDef, FacilitatorNotes, Glossary, KeyPoints, Line, Persona,
    Quiz, Reflection, Testimony, Text, TextScene, Variable,
};

/// How many texts of a course exist in one locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleCoverage {
    /// The locale.
    pub locale: Locale,
    /// Texts that exist (non-blank) in this locale.
    pub present: usize,
    /// Texts in the course.
    pub total: usize,
}

impl LocaleCoverage {
    /// The share of texts present, in whole percent, rounded down: 100 means complete.
    pub fn percent(&self) -> u32 {
        if self.total == 0 {
            return 100;
        }
        let percent = self.present.saturating_mul(100) / self.total;
        u32::try_from(percent).unwrap_or(100)
    }

    /// Whether every text exists in this locale.
    pub fn is_complete(&self) -> bool {
        self.present >= self.total
    }
}

/// The translation coverage of a course, one entry per declared locale in declared order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coverage {
    locales: Vec<LocaleCoverage>,
    total: usize,
}

/// The coverage of a checked course.
pub fn coverage(course: &checked::Course) -> Coverage {
    let mut coverage = Coverage::new(&course.locales);
    TextWalk(|text: &Text| coverage.add_text(text)).add_checked_course(course);
    coverage
}

impl Coverage {
    /// An empty count for these locales. Add texts with [`Coverage::add_text`].
    pub fn new(declared: &[Locale]) -> Self {
        let mut locales: Vec<LocaleCoverage> = Vec::with_capacity(declared.len());
        for locale in declared {
            if !locales.iter().any(|c| &c.locale == locale) {
                locales.push(LocaleCoverage {
                    locale: locale.clone(),
                    present: 0,
                    total: 0,
                });
            }
        }
        Self { locales, total: 0 }
    }

    /// Per declared locale, in declared order.
    pub fn locales(&self) -> &[LocaleCoverage] {
        &self.locales
    }

    /// How many texts were counted.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Counts one text.
    pub fn add_text(&mut self, text: &Text) {
        self.total += 1;
        for entry in &mut self.locales {
            entry.total += 1;
            if text
                .get(entry.locale.as_str())
                .is_some_and(|s| !s.trim().is_empty())
            {
                entry.present += 1;
            }
        }
    }
}

/// The texts one screen of a front end shows: what [`Localizer::fallbacks_in`] looks at.
///
/// [`Localizer::fallbacks_in`]: super::Localizer::fallbacks_in
#[derive(Debug, Clone, Copy)]
pub enum TextScope<'c> {
    /// The overview: the course, its modules and the titles of its items.
    Overview(&'c checked::Course),
    /// Every text of one lesson.
    Lesson(&'c checked::Lesson),
    /// Every text of one scenario.
    Scenario(&'c checked::Scenario),
}

/// Every learner-visible text of a course, lesson or scenario, handed to a function: the
/// one walk behind the coverage count and the notice of texts shown in another language.
pub(crate) struct TextWalk<F: FnMut(&Text)>(pub(crate) F);

impl<F: FnMut(&Text)> TextWalk<F> {
    /// Walks the texts of `scope`.
    pub(crate) fn add_scope(&mut self, scope: TextScope<'_>) {
        match scope {
            TextScope::Overview(course) => self.add_overview(course),
            TextScope::Lesson(lesson) => self.add_checked_lesson(lesson),
            TextScope::Scenario(scenario) => self.add_checked_scenario(scenario),
        }
    }

    fn add_overview(&mut self, course: &checked::Course) {
        self.add_text(&course.title);
        self.add_text(&course.description);
        for (module, item) in course.items_in_order() {
            self.add_text(&module.title);
            self.add_opt(module.description.as_ref());
            self.add_text(item.title());
        }
    }

    fn add_opt(&mut self, text: Option<&Text>) {
        if let Some(text) = text {
            (self.0)(text);
        }
    }

    fn add_all<'t>(&mut self, texts: impl IntoIterator<Item = &'t Text>) {
        for text in texts {
            (self.0)(text);
        }
    }

    fn add_text(&mut self, text: &Text) {
        (self.0)(text);
    }

    pub(crate) fn add_checked_course(&mut self, course: &checked::Course) {
        self.add_text(&course.title);
        self.add_text(&course.description);
        self.add_competencies(&course.competencies);
        for module in &course.modules {
            self.add_text(&module.title);
            self.add_opt(module.description.as_ref());
            self.add_notes(module.facilitator_notes.as_ref());
        }
        // Sorted by id so the walk is deterministic (the maps are hash maps).
        let mut lessons: Vec<_> = course.lessons.values().collect();
        lessons.sort_by(|a, b| a.id.cmp(&b.id));
        for lesson in lessons {
            self.add_checked_lesson(lesson);
        }
        let mut scenarios: Vec<_> = course.scenarios.values().collect();
        scenarios.sort_by(|a, b| a.id.cmp(&b.id));
        for scenario in scenarios {
            self.add_checked_scenario(scenario);
        }
    }

    pub(crate) fn add_checked_lesson(&mut self, lesson: &checked::Lesson) {
        self.add_text(&lesson.title);
        self.add_opt(lesson.summary.as_ref());
        for scene in &lesson.scenes {
            self.add_opt(scene.title.as_ref());
            self.add_opt(scene.content_note.as_ref());
            self.add_notes(scene.facilitator_notes.as_ref());
            match &scene.body {
                SceneBody::Text(body) => self.add_text_scene(body),
                SceneBody::Testimony(body) => self.add_testimony(body),
                SceneBody::KeyPoints(body) => self.add_key_points(body),
                SceneBody::Glossary(body) => self.add_glossary(body),
                SceneBody::Quiz(body) => self.add_quiz(body),
                SceneBody::Reflection(body) => self.add_reflection(body),
                SceneBody::Checklist(body) => self.add_checklist(body),
            }
        }
    }

    pub(crate) fn add_checked_scenario(&mut self, scenario: &checked::Scenario) {
        self.add_scenario_head(
            &scenario.title,
            &scenario.setting,
            &scenario.goal,
            scenario.content_note.as_ref(),
            scenario.facilitator_notes.as_ref(),
        );
        self.add_people(&scenario.characters, &scenario.variables);
        for node in &scenario.nodes {
            self.add_lines(&node.lines);
            self.add_notes(node.facilitator_notes.as_deref());
            match &node.step {
                Step::Choices(choices) => {
                    for choice in choices {
                        self.add_text(&choice.text);
                        self.add_text(&choice.feedback);
                        self.add_opt(choice.thought.as_ref());
                    }
                }
                Step::Auto(_) | Step::Route(_) => {}
                Step::Ending(ending) => {
                    self.add_text(&ending.title);
                    for part in &ending.debrief {
                        self.add_text(&part.text);
                    }
                }
            }
        }
    }

    fn add_scenario_head(
        &mut self,
        title: &Text,
        setting: &Text,
        goal: &Text,
        content_note: Option<&Text>,
        notes: Option<&FacilitatorNotes>,
    ) {
        self.add_all([title, setting, goal]);
        self.add_opt(content_note);
        self.add_notes(notes);
    }

    fn add_people(&mut self, characters: &[Character], variables: &[Variable]) {
        for character in characters {
            self.add_all([&character.name, &character.role, &character.bio]);
        }
        self.add_all(variables.iter().map(|v| &v.label));
    }

    fn add_lines(&mut self, lines: &[Line]) {
        for line in lines {
            self.add_text(&line.text);
            self.add_opt(line.thought.as_ref());
        }
    }

    fn add_competencies(&mut self, competencies: &[CompetencyDef]) {
        for competency in competencies {
            self.add_text(&competency.title);
            self.add_opt(competency.description.as_ref());
        }
    }

    fn add_notes(&mut self, notes: Option<&FacilitatorNotes>) {
        if let Some(notes) = notes {
            self.add_text(&notes.text);
            self.add_all(&notes.discussion_questions);
        }
    }

    fn add_text_scene(&mut self, body: &TextScene) {
        self.add_all(&body.paragraphs);
    }

    fn add_testimony(&mut self, body: &Testimony) {
        let Persona {
            name, background, ..
        } = &body.persona;
        self.add_all([name, background]);
        self.add_all(&body.quote);
    }

    fn add_key_points(&mut self, body: &KeyPoints) {
        self.add_all(&body.points);
    }

    fn add_glossary(&mut self, body: &Glossary) {
        for card in &body.cards {
            self.add_all([&card.term, &card.definition]);
            self.add_opt(card.note.as_ref());
        }
    }

    fn add_quiz(&mut self, body: &Quiz) {
        self.add_text(&body.question);
        for option in &body.options {
            self.add_all([&option.text, &option.feedback]);
        }
        self.add_text(&body.explanation);
    }

    fn add_reflection(&mut self, body: &Reflection) {
        self.add_text(&body.prompt);
        self.add_opt(body.hint.as_ref());
    }

    fn add_checklist(&mut self, body: &Checklist) {
        self.add_opt(body.intro.as_ref());
        for entry in &body.entries {
            self.add_text(&entry.text);
            self.add_opt(entry.hint.as_ref());
        }
    }
}

//! From a progress document to statements: per item in course order, per attempt, per
//! event. Everything comes from what the progress file recorded; what it did not record
//! (the times of lessons, scenes, quizzes and decisions in files from before progress
//! schema version 5) is left out rather than made up; statement ids never depend on times.
//! Items, scenes, nodes and choices that are no longer in the course are left out: a
//! statement about them could not say what they were.

use super::vocabulary::{
    Extension, Verb, activity_type, duration, pseudonym, segment, stable_uuid,
};
use super::{XapiError, XapiOptions};
use crate::course::checked::{self, Course, Lesson, Scenario, SceneBody, Step};
use crate::course::model::{Module, Text};
use crate::engine::ScenarioRun;
use crate::progress::{
    ContentNoteChoice, EndingOutcome, ItemProgress, ItemStatus, Progress, QuizRecord,
    ScenarioAttempt, Timestamp,
};
use serde_json::{Map, Value, json};

/// The statements of `profile`'s `progress` in `course`, in course order: per lesson
/// launched, initialized, experienced per scene read, answered per quiz, completed and
/// terminated once finished; per scenario attempt launched, initialized, responded per
/// decision, completed at an ending, terminated once over. Reflections are never included.
pub fn statements(
    course: &Course,
    progress: &Progress,
    profile: &str,
    options: &XapiOptions,
) -> Result<Vec<Value>, XapiError> {
    options.check()?;
    let actor_name = match &options.salt {
        Some(salt) => pseudonym(salt, profile),
        None => profile.to_owned(),
    };
    let maker = Maker {
        course,
        base: options.base_for(course),
        actor: json!({
            "objectType": "Agent",
            "account": { "homePage": options.home_page, "name": actor_name },
        }),
        // The profile's creation time tells two profiles of the same name apart (every
        // machine has a "default"), without saying anything about the trainee.
        identity: format!(
            "{}\u{1f}{actor_name}\u{1f}{}\u{1f}{}",
            options.home_page,
            progress.created_at.0,
            course.id.as_str()
        ),
        language: progress
            .settings
            .locale
            .as_ref()
            .unwrap_or(&course.default_locale)
            .as_str()
            .to_owned(),
    };
    let mut out = Vec::new();
    for (module, item) in course.items_in_order() {
        let Some(saved) = progress.items.get(item.id()) else {
            continue;
        };
        match item {
            checked::Item::Lesson(lesson) => maker.lesson(module, lesson, saved, &mut out),
            checked::Item::Scenario(scenario) => {
                for (number, attempt) in saved.attempts.iter().enumerate() {
                    let next = saved.attempts.get(number + 1);
                    let number = u32::try_from(number + 1).unwrap_or(u32::MAX);
                    let at = AttemptAt {
                        module,
                        scenario,
                        number,
                        attempt,
                        next_started: next.map(|n| n.started_at),
                    };
                    maker.attempt(&at, &mut out);
                }
            }
        }
    }
    Ok(out)
}

/// What every statement of one export shares.
struct Maker<'c> {
    course: &'c Course,
    /// The base of every activity IRI, without a trailing `/`.
    base: String,
    /// The `actor` of every statement.
    actor: Value,
    /// What the ids are derived from besides the item, the attempt and the event.
    identity: String,
    /// The `context.language`.
    language: String,
}

/// One attempt at a scenario, where it stands in the course and among the attempts.
struct AttemptAt<'a> {
    module: &'a Module,
    scenario: &'a Scenario,
    /// From 1.
    number: u32,
    attempt: &'a ScenarioAttempt,
    /// When the next attempt began, if there is one: this one was over then.
    next_started: Option<Timestamp>,
}

/// The context of the statements of one attempt.
struct Ctx {
    /// The `context` object.
    context: Value,
    /// What the statement ids of the attempt are derived from.
    key: String,
}

impl Maker<'_> {
    fn course_iri(&self) -> String {
        self.base.clone()
    }

    fn module_iri(&self, module: &Module) -> String {
        format!("{}/module/{}", self.base, segment(module.id.as_str()))
    }

    fn item_iri(&self, kind: &str, id: &str) -> String {
        format!("{}/{kind}/{}", self.base, segment(id))
    }

    /// A language map with `text` in every locale of the course (following the course's
    /// fallback where a translation is missing).
    fn language_map(&self, text: &Text) -> Value {
        let mut map = Map::new();
        for locale in &self.course.locales {
            let fallback = self.course.fallback.get(locale);
            let found = text.get(locale.as_str()).or_else(|| {
                fallback
                    .into_iter()
                    .flatten()
                    .chain(std::iter::once(&self.course.default_locale))
                    .find_map(|other| text.get(other.as_str()))
            });
            if let Some(found) = found.or_else(|| text.iter().next().map(|(_, t)| t)) {
                map.insert(locale.as_str().to_owned(), Value::from(found));
            }
        }
        Value::Object(map)
    }

    /// An activity with its definition.
    fn activity(&self, id: String, kind: &str, name: &Text, description: Option<&Text>) -> Value {
        let mut definition = Map::new();
        definition.insert("type".into(), kind.into());
        definition.insert("name".into(), self.language_map(name));
        if let Some(description) = description {
            definition.insert("description".into(), self.language_map(description));
        }
        json!({ "objectType": "Activity", "id": id, "definition": definition })
    }

    fn course_activity(&self) -> Value {
        let course = self.course;
        self.activity(
            self.course_iri(),
            activity_type::COURSE,
            &course.title,
            Some(&course.description),
        )
    }

    fn module_activity(&self, module: &Module) -> Value {
        self.activity(
            self.module_iri(module),
            activity_type::MODULE,
            &module.title,
            None,
        )
    }

    /// The context of an item's statements: its registration, the module as parent and the
    /// course as grouping (for statements about the item itself), or the item as parent and
    /// the module and course as grouping (for a scene or a decision point).
    fn context(&self, item: &str, attempt: u32, module: &Module, inside: Option<Value>) -> Ctx {
        let key = format!("{}\u{1f}{item}\u{1f}{attempt}", self.identity);
        let registration = stable_uuid(&["registration", &key]);
        let (parent, grouping) = match inside {
            None => (
                vec![self.module_activity(module)],
                vec![self.course_activity()],
            ),
            Some(item) => (
                vec![item],
                vec![self.module_activity(module), self.course_activity()],
            ),
        };
        let context = json!({
            "registration": registration.hyphenated().to_string(),
            "contextActivities": { "parent": parent, "grouping": grouping },
            "language": self.language,
            "platform": "Kruispunt",
            "revision": self.course.version,
        });
        Ctx { context, key }
    }

    /// One statement, as `said` in the attempt of `ctx`. Its id comes from the attempt's key
    /// and the event.
    fn statement(&self, ctx: &Ctx, said: Said) -> Value {
        let mut context = ctx.context.clone();
        if let (Some(extensions), Some(map)) = (said.context, context.as_object_mut()) {
            map.insert("extensions".into(), extensions);
        }
        let mut statement = Map::new();
        let id = stable_uuid(&["statement", &ctx.key, &said.event]);
        statement.insert("id".into(), id.hyphenated().to_string().into());
        statement.insert("actor".into(), self.actor.clone());
        statement.insert(
            "verb".into(),
            json!({ "id": said.verb.iri(), "display": { "en-US": said.verb.word() } }),
        );
        statement.insert("object".into(), said.object);
        if let Some(result) = said.result {
            statement.insert("result".into(), result);
        }
        statement.insert("context".into(), context);
        if let Some(at) = said.at {
            statement.insert("timestamp".into(), at.rfc3339().into());
        }
        Value::Object(statement)
    }

    /// `launched` and `initialized`: both at the start, with the same context and time.
    fn begin(
        &self,
        ctx: &Ctx,
        object: &Value,
        context: Option<&Value>,
        at: Option<Timestamp>,
    ) -> [Value; 2] {
        [Verb::Launched, Verb::Initialized].map(|verb| {
            let mut said = Said::new(verb.word(), verb, object.clone()).at(at);
            said.context = context.cloned();
            self.statement(ctx, said)
        })
    }

    /// Makes `activity` a `choice` interaction with `choices` (id, text).
    fn choice_interaction<'t>(
        &self,
        activity: &mut Value,
        choices: impl Iterator<Item = (&'t str, &'t Text)>,
    ) {
        let listed: Vec<Value> = choices
            .map(|(id, text)| json!({ "id": id, "description": self.language_map(text) }))
            .collect();
        if let Some(definition) = activity
            .get_mut("definition")
            .and_then(Value::as_object_mut)
        {
            definition.insert("interactionType".into(), "choice".into());
            definition.insert("choices".into(), listed.into());
        }
    }

    /// The statements of a lesson: nothing for one never opened.
    fn lesson(&self, module: &Module, lesson: &Lesson, saved: &ItemProgress, out: &mut Vec<Value>) {
        let opened = matches!(saved.status, ItemStatus::InProgress | ItemStatus::Completed)
            || !saved.lesson.is_empty();
        if !opened {
            return;
        }
        let id = lesson.id.as_str();
        let lesson_iri = self.item_iri("lesson", id);
        let object = self.activity(
            lesson_iri.clone(),
            activity_type::LESSON,
            &lesson.title,
            lesson.summary.as_ref(),
        );
        let ctx = self.context(id, 1, module, None);
        let inside = self.context(id, 1, module, Some(object.clone()));
        let started = saved.lesson.started_at;
        out.extend(self.begin(&ctx, &object, None, started));
        for scene in &lesson.scenes {
            let Some(progress) = saved.lesson.scenes.get(&scene.id) else {
                continue;
            };
            let scene_iri = format!("{lesson_iri}/scene/{}", segment(scene.id.as_str()));
            let title = scene.title.as_ref().unwrap_or(&lesson.title);
            if progress.visited && progress.content_note != Some(ContentNoteChoice::Skipped) {
                let activity = self.activity(scene_iri.clone(), activity_type::SCENE, title, None);
                let event = format!("experienced\u{1f}{}", scene.id.as_str());
                let said = Said::new(&event, Verb::Experienced, activity).at(progress.visited_at);
                out.push(self.statement(&inside, said));
            }
            if let (SceneBody::Quiz(quiz), Some(record)) = (&scene.body, &progress.quiz) {
                let name = scene.title.as_ref().unwrap_or(&quiz.question);
                let mut activity = self.activity(
                    scene_iri,
                    activity_type::INTERACTION,
                    name,
                    Some(&quiz.question),
                );
                let options = quiz.options.iter().map(|o| (o.id.as_str(), &o.text));
                self.choice_interaction(&mut activity, options);
                let correct: Vec<&str> = quiz
                    .options
                    .iter()
                    .filter(|o| o.correct)
                    .map(|o| o.id.as_str())
                    .collect();
                if let Some(definition) = activity
                    .get_mut("definition")
                    .and_then(Value::as_object_mut)
                {
                    definition.insert(
                        "correctResponsesPattern".into(),
                        json!([correct.join("[,]")]),
                    );
                }
                let event = format!("answered\u{1f}{}", scene.id.as_str());
                let said = Said::new(&event, Verb::Answered, activity)
                    .result(quiz_result(record))
                    .at(record.first_answered_at);
                out.push(self.statement(&inside, said));
            }
        }
        if saved.status == ItemStatus::Completed {
            let finished = saved.lesson.completed_at;
            let mut done = json!({ "completion": true });
            if let (Some(seconds), Some(result)) = (saved.lesson.duration(), done.as_object_mut()) {
                result.insert("duration".into(), duration(seconds).into());
            }
            let completed = Said::new("completed", Verb::Completed, object.clone())
                .result(done)
                .at(finished);
            out.push(self.statement(&ctx, completed));
            let terminated = Said::new("terminated", Verb::Terminated, object).at(finished);
            out.push(self.statement(&ctx, terminated));
        }
    }

    /// The statements of one scenario attempt.
    fn attempt(&self, at: &AttemptAt<'_>, out: &mut Vec<Value>) {
        let scenario = at.scenario;
        let attempt = at.attempt;
        let id = scenario.id.as_str();
        let scenario_iri = self.item_iri("scenario", id);
        let object = self.activity(
            scenario_iri.clone(),
            activity_type::SCENARIO,
            &scenario.title,
            Some(&scenario.goal),
        );
        let ctx = self.context(id, at.number, at.module, None);
        let inside = self.context(id, at.number, at.module, Some(object.clone()));
        let number = json!({ Extension::Attempt.iri(): at.number });
        out.extend(self.begin(&ctx, &object, Some(&number), Some(attempt.started_at)));
        let choices: Vec<_> = attempt.choices.iter().map(|c| c.choice.clone()).collect();
        let run = match attempt.seed {
            Some(seed) => ScenarioRun::replay_seeded(scenario, seed, &choices),
            None => ScenarioRun::replay(scenario, &choices),
        }
        .ok();
        for (decision, taken) in attempt.choices.iter().enumerate() {
            let Some(node) = scenario
                .node_idx(taken.node.as_str())
                .map(|i| scenario.node(i))
            else {
                continue;
            };
            let Step::Choices(offered) = &node.step else {
                continue;
            };
            let Some(choice) = offered.iter().find(|c| c.id == taken.choice) else {
                continue;
            };
            let node_iri = format!("{scenario_iri}/node/{}", segment(node.id.as_str()));
            let mut activity =
                self.activity(node_iri, activity_type::INTERACTION, &scenario.title, None);
            self.choice_interaction(
                &mut activity,
                offered.iter().map(|c| (c.id.as_str(), &c.text)),
            );
            let competencies: Map<String, Value> = choice
                .competencies
                .iter()
                .map(|(c, e)| (c.as_str().to_owned(), evidence_key(e).into()))
                .collect();
            let mut extensions = Map::new();
            extensions.insert(Extension::Choice.iri(), choice.id.as_str().into());
            extensions.insert(Extension::Quality.iri(), choice.quality.key().into());
            extensions.insert(Extension::Competencies.iri(), competencies.into());
            if let Some(values) = run.as_ref().and_then(|r| r.variables_after(decision)) {
                let gauges: Map<String, Value> = scenario
                    .variables
                    .iter()
                    .zip(values)
                    .map(|(v, value)| (v.id.as_str().to_owned(), Value::from(*value)))
                    .collect();
                extensions.insert(Extension::Gauges.iri(), gauges.into());
            }
            let decision_number = decision + 1;
            // When the choice was recorded without a time (before progress schema version
            // 5), the last choice of a finished attempt is the one that reached the ending.
            let when = taken.at.or_else(|| {
                (decision_number == attempt.choices.len())
                    .then_some(attempt.finished_at)
                    .flatten()
            });
            let event = format!("responded\u{1f}{decision_number}");
            let mut said = Said::new(&event, Verb::Responded, activity)
                .result(json!({ "response": choice.id.as_str(), "extensions": extensions }))
                .at(when);
            said.context = Some(json!({
                Extension::Attempt.iri(): at.number,
                Extension::Decision.iri(): decision_number,
            }));
            out.push(self.statement(&inside, said));
        }
        if let Some(ending) = &attempt.ending {
            let mut extensions = Map::new();
            extensions.insert(Extension::Ending.iri(), ending.node.as_str().into());
            extensions.insert(Extension::Outcome.iri(), outcome_key(ending.outcome).into());
            let mut result = Map::new();
            result.insert("completion".into(), true.into());
            result.insert(
                "success".into(),
                (ending.outcome == EndingOutcome::Good).into(),
            );
            if let Some(outcome) = run.as_ref().and_then(|r| r.result(scenario)) {
                let results: Map<String, Value> = outcome
                    .competency_scores()
                    .into_iter()
                    .map(|(c, score)| (c.as_str().to_owned(), score.key().into()))
                    .collect();
                extensions.insert(Extension::CompetencyResults.iri(), results.into());
                let (shown, breached, missed) = (
                    outcome.shown.len(),
                    outcome.breached.len(),
                    outcome.missed.len(),
                );
                if let Some(score) = score(shown, breached, missed) {
                    result.insert("score".into(), score);
                }
            }
            if let Some(finished) = attempt.finished_at {
                let seconds = finished.0.saturating_sub(attempt.started_at.0);
                result.insert("duration".into(), duration(seconds).into());
            }
            result.insert("extensions".into(), extensions.into());
            let mut said = Said::new("completed", Verb::Completed, object.clone())
                .result(result.into())
                .at(attempt.finished_at);
            said.context = Some(number.clone());
            out.push(self.statement(&ctx, said));
        }
        // Over: it reached an ending, or a later attempt (a rewind, a restart) replaced it.
        let over = match (attempt.ending.as_ref(), at.next_started) {
            (Some(_), _) => Some(attempt.finished_at),
            (None, Some(next)) => Some(Some(next)),
            (None, None) => None,
        };
        if let Some(when) = over {
            let mut said = Said::new("terminated", Verb::Terminated, object).at(when);
            said.context = Some(number);
            out.push(self.statement(&ctx, said));
        }
    }
}

/// What one statement says, before the actor and the attempt's context are added.
struct Said {
    /// What the statement id is derived from, besides the attempt.
    event: String,
    verb: Verb,
    object: Value,
    result: Option<Value>,
    /// Extensions of the context.
    context: Option<Value>,
    /// The time recorded for it, if any.
    at: Option<Timestamp>,
}

impl Said {
    fn new(event: &str, verb: Verb, object: Value) -> Self {
        Self {
            event: event.to_owned(),
            verb,
            object,
            result: None,
            context: None,
            at: None,
        }
    }

    fn result(mut self, result: Value) -> Self {
        self.result = Some(result);
        self
    }

    fn at(mut self, at: Option<Timestamp>) -> Self {
        self.at = at;
        self
    }
}

/// The result of an answered quiz: only the first answer is recorded, so it is the first try.
fn quiz_result(record: &QuizRecord) -> Value {
    let response: Vec<&str> = record.first_answer.iter().map(|o| o.as_str()).collect();
    json!({
        "success": record.first_correct,
        "response": response.join("[,]"),
        "extensions": {
            Extension::FirstTry.iri(): true,
            Extension::Tries.iri(): record.attempts,
            Extension::Revealed.iri(): record.revealed_on_request,
        },
    })
}

/// The score of an attempt from its competencies: each shown counts +1, each breached −1,
/// each not met 0, scaled by how many there are (so from −1 to 1). `None` when the attempt
/// says nothing about any competency.
pub(super) fn score(shown: usize, breached: usize, missed: usize) -> Option<Value> {
    let total = shown + breached + missed;
    if total == 0 {
        return None;
    }
    let (shown, breached, total) = (
        i64::try_from(shown).ok()?,
        i64::try_from(breached).ok()?,
        i64::try_from(total).ok()?,
    );
    let raw = shown - breached;
    // Exact for any count a course can have (far below 2^52).
    #[allow(clippy::cast_precision_loss)]
    let scaled = raw as f64 / total as f64;
    Some(json!({ "scaled": scaled, "raw": raw, "min": -total, "max": total }))
}

fn evidence_key(evidence: crate::course::model::Evidence) -> &'static str {
    match evidence {
        crate::course::model::Evidence::Shown => "shown",
        crate::course::model::Evidence::Breached => "breached",
    }
}

fn outcome_key(outcome: EndingOutcome) -> &'static str {
    match outcome {
        EndingOutcome::Good => "good",
        EndingOutcome::Mixed => "mixed",
        EndingOutcome::Poor => "poor",
    }
}

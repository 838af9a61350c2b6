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
use crate::course::checked::{self, Course, Lesson, SceneBody};
use crate::course::ids::ItemId;
use crate::course::model::{Module, Text};
use crate::progress::{
    ContentNoteChoice, ItemProgress, ItemStatus, Progress, QuizRecord, Timestamp,
};
use serde_json::{Map, Value, json};
use std::ops::Range;

mod attempt;
use attempt::AttemptAt;
#[cfg(test)]
pub(super) use attempt::score;

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
    let maker = Maker::new(course, progress, profile, options)?;
    let mut out = Vec::new();
    for (module, item) in course.items_in_order() {
        if let Some(saved) = progress.items.get(item.id()) {
            maker.item_in(module, item, saved, 0..saved.attempts.len(), &mut out);
        }
    }
    Ok(out)
}

/// What every statement of one trainee's history shares. An export makes all of the
/// statements with it ([`statements`]); live sending only those of what changed
/// ([`Maker::item`]): both with the same code, so their ids agree.
pub(crate) struct Maker<'c> {
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

/// The context of the statements of one attempt.
struct Ctx {
    /// The `context` object.
    context: Value,
    /// What the statement ids of the attempt are derived from.
    key: String,
}

impl<'c> Maker<'c> {
    /// The maker of `profile`'s statements about `progress` in `course`: the actor, what
    /// the ids are derived from, the language. Fails when the options are not usable.
    pub(crate) fn new(
        course: &'c Course,
        progress: &Progress,
        profile: &str,
        options: &XapiOptions,
    ) -> Result<Self, XapiError> {
        options.check()?;
        let actor_name = match &options.salt {
            Some(salt) => pseudonym(salt, profile),
            None => profile.to_owned(),
        };
        Ok(Maker {
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
        })
    }

    /// The statements of the lesson or scenario `id`, saved as `saved`: a lesson's all
    /// (bounded by the lesson), a scenario's only those of the attempts in `attempts`
    /// (indices from 0; the ids number them from 1, as [`statements`] does). Nothing for
    /// an item no longer in the course.
    pub(crate) fn item(
        &self,
        id: &ItemId,
        saved: &ItemProgress,
        attempts: Range<usize>,
        out: &mut Vec<Value>,
    ) {
        let Some(item) = self.course.item(id.as_str()) else {
            return;
        };
        let Some(module) = self.course.modules.iter().find(|m| m.items.contains(id)) else {
            return;
        };
        self.item_in(module, item, saved, attempts, out);
    }

    /// [`Self::item`] of `item` in `module`.
    fn item_in(
        &self,
        module: &Module,
        item: checked::Item<'_>,
        saved: &ItemProgress,
        attempts: Range<usize>,
        out: &mut Vec<Value>,
    ) {
        match item {
            checked::Item::Lesson(lesson) => self.lesson(module, lesson, saved, out),
            checked::Item::Scenario(scenario) => {
                let end = attempts.end.min(saved.attempts.len());
                for index in attempts.start.min(end)..end {
                    let Some(attempt) = saved.attempts.get(index) else {
                        continue;
                    };
                    let next = saved.attempts.get(index + 1);
                    let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
                    let at = AttemptAt {
                        module,
                        scenario,
                        number,
                        attempt,
                        next_started: next.map(|n| n.started_at),
                    };
                    self.attempt(&at, out);
                }
            }
        }
    }
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

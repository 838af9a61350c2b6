//! Live sending hands over and makes only what changed: it sends exactly what the whole
//! history makes, and a save after the first carries only its own steps.

use super::*;

const SCENARIO: &str = "opvang-kamerwissel";

/// Takes the first choice offered in the scenario open; `false` once it has ended.
fn take_a_step(session: &mut crate::session::Session) -> bool {
    let Some((scenario, run)) = session.scenario() else {
        return false;
    };
    if run.is_ended(scenario) {
        return false;
    }
    let index = run.offered_in_order(scenario)[0];
    let choice = run
        .available_choices(scenario)
        .find(|c| c.index == index)
        .unwrap()
        .choice
        .id
        .clone();
    session
        .apply(crate::session::Command::Choose {
            choice,
            tally: None,
        })
        .unwrap();
    true
}

#[test]
fn live_sending_sends_what_the_whole_history_makes_over_attempts_a_retried_quiz_a_language_change_and_a_restart()
 {
    use crate::i18n::{Localizer, UiLocale};
    use crate::session::{Command, Session};
    let (data, lrs, course, sender, link) = live_sender();
    let start = |progress: Progress| {
        let mut session = Session::new(Arc::clone(&course), progress, Localizer::new(UiLocale::En));
        session.subscribe(Box::new(link.records("robin", Arc::clone(&course))));
        session
    };
    // Each save taken up on its own, so none is folded into a whole history waiting.
    let save = |session: &mut Session| {
        session.save(None).unwrap();
        eventually("the worker takes the save up", || {
            lock(&link.shared.waiting).is_empty()
        });
    };

    let mut session = start(history(&course, 0));
    session.apply(Command::Open(ItemId::from(WELCOME))).unwrap();
    save(&mut session);
    session.apply(Command::NextScene).unwrap();
    save(&mut session);
    // A scenario played to an ending, played again, and rewound: three attempts.
    session
        .apply(Command::Open(ItemId::from(SCENARIO)))
        .unwrap();
    let _ = session.apply(Command::AcceptNote);
    while take_a_step(&mut session) {
        save(&mut session);
    }
    session.apply(Command::Replay).unwrap();
    assert!(take_a_step(&mut session));
    save(&mut session);
    // Left halfway by a rewind: the attempt is over when the next one begins.
    session.apply(Command::Rewind(0)).unwrap();
    assert!(take_a_step(&mut session));
    save(&mut session);
    // Another language, then a quiz answered wrong, right at the second try, and left.
    session.apply(Command::SetLocale(UiLocale::Fr)).unwrap();
    save(&mut session);
    session
        .apply(Command::Open(ItemId::from("de-letters")))
        .unwrap();
    session.apply(Command::NextScene).unwrap();
    session.apply(Command::NextScene).unwrap();
    save(&mut session);
    session
        .apply(Command::Answer(vec!["transseksueel".to_owned()]))
        .unwrap();
    save(&mut session);
    session
        .apply(Command::Answer(vec!["trans-vrouw".to_owned()]))
        .unwrap();
    save(&mut session);
    session.apply(Command::NextScene).unwrap();
    save(&mut session);
    session.checkpoint(None).unwrap();

    // A new session over the same history: its first save hands over all of it again.
    let mut session = start(session.into_progress());
    session
        .apply(Command::Open(ItemId::from(SCENARIO)))
        .unwrap();
    let _ = session.apply(Command::AcceptNote);
    save(&mut session);
    // The open attempt left for a new one, after the whole history was handed over.
    session.apply(Command::Replay).unwrap();
    assert!(take_a_step(&mut session));
    save(&mut session);
    session.checkpoint(None).unwrap();
    assert_eq!(sender.finish(EXIT_GRACE), Finished::Done);

    let progress = session.progress();
    // Played to an ending, played again, rewound, played again in the second session.
    assert_eq!(progress.items[&ItemId::from(SCENARIO)].attempts.len(), 4);
    let expected: Vec<String> = statements(&course, progress, "robin", &XapiOptions::default())
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    let stored = lrs.stored_ids();
    assert_eq!(
        stored.len(),
        expected.len(),
        "the same count, nothing twice"
    );
    let expected: BTreeSet<String> = expected.into_iter().collect();
    let stored_set: BTreeSet<String> = stored.iter().cloned().collect();
    assert_eq!(stored_set, expected, "the same ids");
    // The quiz went once the learner moved on, with both tries.
    let answered: Vec<Value> = lock(&lrs.stored)
        .iter()
        .filter(|s| s["verb"]["id"].as_str().unwrap().ends_with("/answered"))
        .cloned()
        .collect();
    assert_eq!(answered.len(), 1);
    assert_eq!(tries(&answered[0]), Some(Value::from(2)));
    // Statements made after the language changed say so.
    assert!(
        lock(&lrs.stored)
            .iter()
            .any(|s| s["context"]["language"] == "fr")
    );
    assert!(pending(data.path()).is_empty());
}

/// What waits for the worker of `link` for `actor`, taken out.
fn taken(link: &LiveLink, actor: &str) -> History {
    lock(&link.shared.waiting).remove(actor).unwrap().history
}

#[test]
fn after_the_first_save_a_save_hands_over_only_its_steps_never_earlier_attempts() {
    use crate::i18n::{Localizer, UiLocale};
    use crate::session::{Command, Session};
    let course = course();
    // A link without a worker: what is handed over waits, to be looked at.
    let (wake, _woken) = mpsc::sync_channel(1);
    let link = LiveLink {
        shared: Arc::new(Shared::default()),
        wake,
    };
    // A hundred finished attempts before this session.
    let mut played = Session::new(
        Arc::clone(&course),
        history(&course, 0),
        Localizer::new(UiLocale::En),
    );
    played.apply(Command::Open(ItemId::from(SCENARIO))).unwrap();
    let _ = played.apply(Command::AcceptNote);
    while take_a_step(&mut played) {}
    let mut before = played.into_progress();
    let scenario = before.item_mut(&ItemId::from(SCENARIO));
    let finished = scenario.attempts[0].clone();
    assert!(finished.ending.is_some() && finished.choices.len() >= 2);
    scenario.attempts = vec![finished; 100];

    let mut session = Session::new(Arc::clone(&course), before, Localizer::new(UiLocale::En));
    session.subscribe(Box::new(link.records("robin", Arc::clone(&course))));
    session
        .apply(Command::Open(ItemId::from(SCENARIO)))
        .unwrap();
    let _ = session.apply(Command::AcceptNote);
    session.save(None).unwrap();
    let History::Whole(whole) = taken(&link, "robin") else {
        panic!("the first save hands over the whole history");
    };
    assert_eq!(whole.items[&ItemId::from(SCENARIO)].attempts.len(), 100);

    // Two steps, two saves, nobody taking them up: one change, the new attempt's.
    for _ in 0..2 {
        assert!(take_a_step(&mut session));
        session.save(None).unwrap();
    }
    let History::Changes(changes) = taken(&link, "robin") else {
        panic!("a later save hands over changes");
    };
    let attempts: Vec<(usize, usize, usize)> = changes
        .iter()
        .filter_map(|change| match change {
            Change::Attempt {
                index,
                choices_from,
                attempt,
                ..
            } => Some((*index, *choices_from, attempt.choices.len())),
            _ => None,
        })
        .collect();
    assert_eq!(attempts, [(100, 0, 2)], "{changes:?}");
    // One more step: only its choice is carried.
    assert!(take_a_step(&mut session));
    session.save(None).unwrap();
    let History::Changes(changes) = taken(&link, "robin") else {
        panic!("a later save hands over changes");
    };
    assert!(
        matches!(
            changes.as_slice(),
            [Change::Attempt { index: 100, choices_from: 2, attempt, .. }] if attempt.choices.len() == 1
        ),
        "{changes:?}"
    );
}

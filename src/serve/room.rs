//! The room as the facilitator sees it: who is connected, where each trainee is in the
//! course, how long they have been idle, the endings they reached, their progress per
//! module; the group step (a decision point the whole room votes on), the free-play
//! counts, the lock and the broadcast message; and the server's own log of group steps.
//!
//! The room is fed by the trainees' session-core events: every trainee's session has a
//! [`RoomListener`] among its subscribers. Nothing here looks at a screen.
//!
//! Votes are kept by choice id, never by position: every trainee sees the answers in an
//! order of their own.

use crate::course::Course;
use crate::course::checked::{NodeIdx, Step};
use crate::course::ids::{ChoiceId, ItemId, NodeId};
use crate::course::model::Quality;
use crate::facilitator::Vote;
use crate::progress::{ProfileName, Timestamp};
use crate::session::{ChoiceTally, Event, EventKind, Subscriber, World};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::sync::watch;

/// The longest broadcast message, in characters; a longer one is cut.
pub const MAX_MESSAGE_CHARS: usize = 120;

/// One connected trainee, as the dashboard shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presence {
    /// Their number in this workshop (from 1), shown instead of the name while projecting.
    pub number: usize,
    /// The lesson or scenario open, if any.
    pub item: Option<ItemId>,
    /// Where in it: the scene or the node.
    pub spot: Option<String>,
    /// Their last step.
    pub last_active: Timestamp,
    /// Endings reached since they joined.
    pub endings: u32,
    /// The lessons and scenarios they completed (from their saved progress, then live).
    pub completed: BTreeSet<ItemId>,
}

/// A decision point the whole room votes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupStep {
    /// Numbers group steps, so a trainee follows each one once.
    pub round: u64,
    /// The scenario.
    pub scenario: ItemId,
    /// The decision point.
    pub node: NodeIdx,
    /// The choices at the point, as written (the tally's order).
    pub choices: Vec<ChoiceId>,
    /// One vote per trainee: their latest choice at the point.
    votes: BTreeMap<ProfileName, ChoiceId>,
    /// Whether the facilitator showed the bar chart.
    pub revealed: bool,
    /// The choice the room went with, once the facilitator moved on.
    pub resolved: Option<ChoiceId>,
}

impl GroupStep {
    /// The votes per choice (as written), counted.
    pub fn vote(&self) -> Vote {
        let mut vote = Vote::new(self.choices.len());
        for choice in self.votes.values() {
            if let Some(index) = self.choices.iter().position(|c| c == choice) {
                vote.add(index);
            }
        }
        vote
    }

    /// The counts per choice, as the session log and the trainees' progress keep them.
    pub fn tally(&self) -> Vec<ChoiceTally> {
        let vote = self.vote();
        self.choices
            .iter()
            .zip(vote.counts())
            .map(|(choice, &votes)| ChoiceTally {
                choice: choice.clone(),
                votes,
            })
            .collect()
    }

    /// How many trainees voted.
    pub fn voters(&self) -> usize {
        self.votes.len()
    }
}

/// One group step the room went through, for the server's session log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRecord {
    /// When the room moved on.
    pub at: Timestamp,
    /// The scenario.
    pub scenario: ItemId,
    /// The decision point.
    pub node: NodeId,
    /// The votes per choice, as written.
    pub tally: Vec<ChoiceTally>,
    /// What the room went with.
    pub chosen: ChoiceId,
}

/// What free play in one scenario gave: endings and turning points (answers that were not
/// the best one) counted over every trainee.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScenarioPlay {
    /// Endings reached, by ending node.
    pub endings: BTreeMap<NodeId, u32>,
    /// Decision points where an answer other than the best was taken, by node.
    pub turning_points: BTreeMap<NodeId, u32>,
}

impl ScenarioPlay {
    /// The turning points, most common first (at most `n`).
    pub fn most_common_turning_points(&self, n: usize) -> Vec<(NodeId, u32)> {
        let mut points: Vec<(NodeId, u32)> = self
            .turning_points
            .iter()
            .map(|(node, count)| (node.clone(), *count))
            .collect();
        points.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        points.truncate(n);
        points
    }
}

/// Why a group step cannot start or end.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GroupError {
    /// No such scenario or node, or the node is not a decision point.
    #[error("not a decision point")]
    NotADecisionPoint,
    /// No group step is open.
    #[error("no group step is open")]
    NoGroupStep,
    /// The vote is tied and the facilitator's selected answer is not one of the tied ones.
    #[error("the vote is tied")]
    Tied,
}

/// The group step as the trainees' screens follow it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDirective {
    /// The step's round.
    pub round: u64,
    /// The scenario.
    pub scenario: ItemId,
    /// The decision point.
    pub node: NodeIdx,
    /// What the room went with, and the tally, once the facilitator moved it on.
    pub resolved: Option<(ChoiceId, Vec<ChoiceTally>)>,
}

/// What every trainee's screen follows: the group step, the lock and the message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directive {
    /// The group step.
    pub group: Option<GroupDirective>,
    /// The item the room is locked to.
    pub locked: Option<ItemId>,
    /// The message on every screen.
    pub message: Option<String>,
}

/// The room: presence, group step, free play, lock, message, log.
#[derive(Debug, Default)]
pub struct RoomState {
    present: BTreeMap<ProfileName, Presence>,
    /// Numbers stay with a name for the whole workshop (a reconnect keeps its number).
    numbers: BTreeMap<ProfileName, usize>,
    group: Option<GroupStep>,
    rounds: u64,
    play: BTreeMap<ItemId, ScenarioPlay>,
    locked: Option<ItemId>,
    message: Option<String>,
    log: Vec<GroupRecord>,
}

impl RoomState {
    /// `name` joined with these items completed in their saved progress.
    pub fn arrive(&mut self, name: &ProfileName, completed: BTreeSet<ItemId>, now: Timestamp) {
        let next = self.numbers.len() + 1;
        let number = *self.numbers.entry(name.clone()).or_insert(next);
        self.present.insert(
            name.clone(),
            Presence {
                number,
                item: None,
                spot: None,
                last_active: now,
                endings: 0,
                completed,
            },
        );
    }

    /// `name` left; their vote in an open group step stays counted.
    pub fn leave(&mut self, name: &ProfileName) {
        self.present.remove(name);
    }

    /// The trainees connected now, by name.
    pub fn present(&self) -> &BTreeMap<ProfileName, Presence> {
        &self.present
    }

    /// The group step, if one is open or was just resolved.
    pub fn group(&self) -> Option<&GroupStep> {
        self.group.as_ref()
    }

    /// Free-play counts per scenario.
    pub fn play(&self) -> &BTreeMap<ItemId, ScenarioPlay> {
        &self.play
    }

    /// The item the room is locked to.
    pub fn locked(&self) -> Option<&ItemId> {
        self.locked.as_ref()
    }

    /// The message on every screen.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The group steps the room went through.
    pub fn log(&self) -> &[GroupRecord] {
        &self.log
    }

    /// One of `name`'s session events.
    pub fn record(&mut self, name: &ProfileName, event: &Event) {
        if let Some(presence) = self.present.get_mut(name) {
            presence.last_active = presence.last_active.max(event.at);
            match &event.kind {
                EventKind::Opened { .. } => {
                    presence.item.clone_from(&event.item);
                    presence.spot = None;
                }
                EventKind::Closed => {
                    presence.item = None;
                    presence.spot = None;
                }
                EventKind::SceneShown { scene, .. } => presence.spot = Some(scene.to_string()),
                EventKind::NodeShown { node } => presence.spot = Some(node.to_string()),
                EventKind::LessonFinished => {
                    if let Some(item) = &event.item {
                        presence.completed.insert(item.clone());
                    }
                }
                EventKind::Ended { .. } => {
                    presence.endings = presence.endings.saturating_add(1);
                    if let Some(item) = &event.item {
                        presence.completed.insert(item.clone());
                    }
                }
                _ => {}
            }
        }
        let Some(item) = &event.item else {
            return;
        };
        match &event.kind {
            EventKind::Ended { node, .. } => {
                let play = self.play.entry(item.clone()).or_default();
                *play.endings.entry(node.clone()).or_default() += 1;
            }
            EventKind::Chose {
                node,
                choice,
                quality,
                tally: None,
            } => {
                if *quality != Quality::Best {
                    let play = self.play.entry(item.clone()).or_default();
                    *play.turning_points.entry(node.clone()).or_default() += 1;
                }
                if let Some(group) = self.group.as_mut().filter(|g| g.resolved.is_none())
                    && &group.scenario == item
                    && group.choices.contains(choice)
                {
                    group.votes.insert(name.clone(), choice.clone());
                }
            }
            _ => {}
        }
    }

    /// Starts a group step at decision point `node` of `scenario` (a new round).
    pub fn start_group(
        &mut self,
        course: &Course,
        scenario: &ItemId,
        node: NodeIdx,
    ) -> Result<u64, GroupError> {
        let found = course
            .scenarios
            .get(scenario)
            .and_then(|s| s.nodes.get(node.0 as usize))
            .ok_or(GroupError::NotADecisionPoint)?;
        let Step::Choices(choices) = &found.step else {
            return Err(GroupError::NotADecisionPoint);
        };
        self.rounds += 1;
        self.group = Some(GroupStep {
            round: self.rounds,
            scenario: scenario.clone(),
            node,
            choices: choices.iter().map(|c| c.id.clone()).collect(),
            votes: BTreeMap::new(),
            revealed: false,
            resolved: None,
        });
        Ok(self.rounds)
    }

    /// Shows or hides the bar chart of the open group step.
    pub fn toggle_reveal(&mut self) {
        if let Some(group) = &mut self.group {
            group.revealed = !group.revealed;
        }
    }

    /// Moves the room on: the choice with the most votes, or on a tie (or without votes)
    /// the facilitator's `selected` choice (its position as written).
    pub fn resolve(
        &mut self,
        course: &Course,
        selected: usize,
        now: Timestamp,
    ) -> Result<GroupRecord, GroupError> {
        let group = self
            .group
            .as_mut()
            .filter(|g| g.resolved.is_none())
            .ok_or(GroupError::NoGroupStep)?;
        let index = group.vote().pick(selected).ok_or(GroupError::Tied)?;
        let chosen = group.choices.get(index).cloned().ok_or(GroupError::Tied)?;
        group.resolved = Some(chosen.clone());
        let node = course
            .scenarios
            .get(&group.scenario)
            .and_then(|s| s.nodes.get(group.node.0 as usize))
            .map(|n| n.id.clone())
            .ok_or(GroupError::NotADecisionPoint)?;
        let record = GroupRecord {
            at: now,
            scenario: group.scenario.clone(),
            node,
            tally: group.tally(),
            chosen,
        };
        self.log.push(record.clone());
        Ok(record)
    }

    /// Ends the group step: everyone plays freely again.
    pub fn end_group(&mut self) {
        self.group = None;
    }

    /// Locks the room to `item`, or unlocks it.
    pub fn set_lock(&mut self, item: Option<ItemId>) {
        self.locked = item;
    }

    /// Shows `message` on every screen (cut to one line of [`MAX_MESSAGE_CHARS`]); an
    /// empty one takes it away.
    pub fn set_message(&mut self, message: &str) {
        let line: String = message
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(MAX_MESSAGE_CHARS)
            .collect();
        let line = line.trim();
        self.message = (!line.is_empty()).then(|| line.to_owned());
    }

    /// What the trainees' screens follow.
    pub fn directive(&self) -> Directive {
        Directive {
            group: self.group.as_ref().map(|g| GroupDirective {
                round: g.round,
                scenario: g.scenario.clone(),
                node: g.node,
                resolved: g.resolved.clone().map(|c| (c, g.tally())),
            }),
            locked: self.locked.clone(),
            message: self.message.clone(),
        }
    }
}

/// The next decision point after taking `choice` at `node`: through nodes that move on by
/// themselves (a route takes its first arm); `None` at an ending.
pub fn next_decision_point(
    course: &Course,
    scenario: &ItemId,
    node: NodeIdx,
    choice: &ChoiceId,
) -> Option<NodeIdx> {
    let scenario = course.scenarios.get(scenario)?;
    let Step::Choices(choices) = &scenario.nodes.get(node.0 as usize)?.step else {
        return None;
    };
    let mut at = choices.iter().find(|c| &c.id == choice)?.next;
    // Bounded: a course's automatic steps cannot loop forever here.
    for _ in 0..scenario.nodes.len() {
        match &scenario.nodes.get(at.0 as usize)?.step {
            Step::Choices(_) => return Some(at),
            Step::Ending(_) => return None,
            Step::Auto(next) => at = *next,
            Step::Route(arms) => at = arms.first()?.next,
        }
    }
    None
}

/// The room, shared by every connection, with a signal that turns over at every change
/// (dashboards redraw; trainees' screens follow the directive).
#[derive(Debug)]
pub struct Room {
    state: Mutex<RoomState>,
    changed: watch::Sender<u64>,
}

impl Default for Room {
    fn default() -> Self {
        Self {
            state: Mutex::new(RoomState::default()),
            changed: watch::Sender::new(0),
        }
    }
}

impl Room {
    /// Reads the room.
    pub fn read<T>(&self, look: impl FnOnce(&RoomState) -> T) -> T {
        look(&self.lock())
    }

    /// Changes the room; every screen hears of it.
    pub fn change<T>(&self, change: impl FnOnce(&mut RoomState) -> T) -> T {
        let result = change(&mut self.lock());
        self.changed.send_modify(|n| *n = n.wrapping_add(1));
        result
    }

    /// A receiver that changes at every change of the room.
    pub fn changes(&self) -> watch::Receiver<u64> {
        self.changed.subscribe()
    }

    fn lock(&self) -> MutexGuard<'_, RoomState> {
        // Every change leaves the state whole, so a poisoned lock is still usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Hands one trainee's session events to the room.
#[derive(Debug)]
pub struct RoomListener {
    room: Arc<Room>,
    name: ProfileName,
}

impl RoomListener {
    /// A listener for trainee `name`.
    pub fn new(room: Arc<Room>, name: ProfileName) -> Self {
        Self { room, name }
    }
}

impl Subscriber for RoomListener {
    fn on_event(&mut self, event: &Event, _world: &World<'_>) {
        if matches!(event.kind, EventKind::Saved | EventKind::CardMoved { .. }) {
            return;
        }
        self.room.change(|room| room.record(&self.name, event));
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

#[cfg(test)]
mod tests;

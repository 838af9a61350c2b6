//! Where the learner stands in the course: the item to continue with, and the course's
//! short core path.

use super::Session;
use crate::course::ids::ItemId;

/// How far a learner is along the course's short core path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorePath {
    /// The first item of the path not completed yet.
    pub next: ItemId,
    /// Items of the path completed.
    pub done: usize,
    /// Items on the path.
    pub total: usize,
    /// The estimated minutes of the whole path.
    pub minutes: u32,
}

impl Session {
    /// The item "continue" opens: where the learner was last, unless that is done (a
    /// completed lesson, a scenario without an attempt in progress); else the first item
    /// not completed, in course order.
    pub fn continue_item(&self) -> Option<ItemId> {
        let progress = self.progress();
        let unfinished = |id: &ItemId| {
            let Some(item) = progress.items.get(id) else {
                return true;
            };
            // A completed scenario played again is unfinished while that attempt is open.
            item.status != crate::progress::ItemStatus::Completed
                || item.open_attempt().is_some_and(|a| !a.choices.is_empty())
        };
        if let Some(position) = &progress.last_position
            && self.course.item(position.item.as_str()).is_some()
            && unfinished(&position.item)
        {
            return Some(position.item.clone());
        }
        self.course
            .items_in_order()
            .map(|(_, item)| item.id().clone())
            .find(|id| {
                progress
                    .items
                    .get(id)
                    .is_none_or(|p| p.status != crate::progress::ItemStatus::Completed)
            })
    }

    /// Where the course's core path stands: the next of its items not completed and how
    /// far along it is; `None` when the course has no core path or it is done.
    pub fn core_path(&self) -> Option<CorePath> {
        let path = &self.course.core_path;
        let completed = |id: &ItemId| {
            self.progress()
                .items
                .get(id)
                .is_some_and(|p| p.status == crate::progress::ItemStatus::Completed)
        };
        let next = path.iter().find(|id| !completed(id))?.clone();
        let minutes = path
            .iter()
            .filter_map(|id| self.course.item(id.as_str()))
            .filter_map(|item| item.estimated_minutes(self.i18n.current().tag()))
            .sum();
        Some(CorePath {
            next,
            done: path.iter().filter(|id| completed(id)).count(),
            total: path.len(),
            minutes,
        })
    }
}

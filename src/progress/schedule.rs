//! When to save. Steps (a choice, a scene advanced, a quiz answered) are saved at once;
//! reflection typing is saved once the learner pauses, at most [`REFLECTION_DELAY`] after
//! the last keystroke, and whatever is pending is saved on quit.
//!
//! The scheduler holds no clock: the interface passes the current instant in, so the
//! logic is tested without waiting.

use std::time::{Duration, Instant};

/// How long after the last keystroke a reflection is saved.
pub const REFLECTION_DELAY: Duration = Duration::from_secs(1);

/// Decides when unsaved changes are due for saving.
#[derive(Debug, Clone)]
pub struct SaveScheduler {
    delay: Duration,
    /// When the pending changes must be saved; `None` when nothing is pending.
    deadline: Option<Instant>,
}

impl Default for SaveScheduler {
    fn default() -> Self {
        Self::new(REFLECTION_DELAY)
    }
}

impl SaveScheduler {
    /// A scheduler that saves typing `delay` after it stops.
    pub fn new(delay: Duration) -> Self {
        Self {
            delay,
            deadline: None,
        }
    }

    /// A meaningful step happened: it is due at once.
    pub fn step(&mut self, now: Instant) {
        self.deadline = Some(now);
    }

    /// The learner typed: save once they pause. Each keystroke pushes the deadline back,
    /// but never past one already due (a step stays due at once).
    pub fn typed(&mut self, now: Instant) {
        let later = now + self.delay;
        self.deadline = Some(match self.deadline {
            Some(existing) if existing <= now => existing,
            _ => later,
        });
    }

    /// Whether a save is due at `now`.
    pub fn due(&self, now: Instant) -> bool {
        self.deadline.is_some_and(|deadline| deadline <= now)
    }

    /// Whether anything is unsaved (on quit, save when this is true).
    pub fn pending(&self) -> bool {
        self.deadline.is_some()
    }

    /// When the next save falls due, so the event loop can wake up for it.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// The progress was saved: nothing is pending any more.
    pub fn saved(&mut self) {
        self.deadline = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn nothing_pending_is_never_due() {
        let t0 = Instant::now();
        let s = SaveScheduler::default();
        assert!(!s.pending());
        assert!(!s.due(t0 + ms(10_000)));
        assert_eq!(s.deadline(), None);
    }

    #[test]
    fn a_step_is_due_at_once() {
        let t0 = Instant::now();
        let mut s = SaveScheduler::default();
        s.step(t0);
        assert!(s.due(t0));
        s.saved();
        assert!(!s.due(t0) && !s.pending());
    }

    #[test]
    fn typing_is_saved_a_second_after_it_stops() {
        let t0 = Instant::now();
        let mut s = SaveScheduler::default();
        s.typed(t0);
        s.typed(t0 + ms(600));
        s.typed(t0 + ms(1200));
        assert!(s.pending());
        assert!(
            !s.due(t0 + ms(2100)),
            "the last keystroke pushed the save back"
        );
        assert!(s.due(t0 + ms(2200)));
        assert_eq!(s.deadline(), Some(t0 + ms(2200)));
    }

    #[test]
    fn typing_does_not_delay_a_due_step() {
        let t0 = Instant::now();
        let mut s = SaveScheduler::default();
        s.step(t0);
        s.typed(t0 + ms(10));
        assert!(s.due(t0 + ms(10)));
    }

    #[test]
    fn a_step_during_typing_makes_it_due_at_once() {
        let t0 = Instant::now();
        let mut s = SaveScheduler::default();
        s.typed(t0);
        s.step(t0 + ms(100));
        assert!(s.due(t0 + ms(100)));
    }
}

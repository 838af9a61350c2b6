//! The discussion timer: a countdown the facilitator starts, pauses and resets. It keeps
//! instants, never reads the clock and never waits: the screen asks how much is left at
//! the time of each frame.

use std::time::{Duration, Instant};

/// Minutes the timer starts with when the facilitator notes give none.
pub const DEFAULT_MINUTES: u32 = 5;
/// The most minutes the timer can be set to.
pub const MAX_MINUTES: u32 = 180;

/// A countdown of whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    minutes: u32,
    /// Time counted before the current run (or in total, when paused).
    banked: Duration,
    /// When the current run started; `None` while paused or not started.
    since: Option<Instant>,
}

impl Default for Timer {
    fn default() -> Self {
        Self::new(DEFAULT_MINUTES)
    }
}

impl Timer {
    /// A timer of `minutes` (1 to [`MAX_MINUTES`]), not started.
    pub fn new(minutes: u32) -> Self {
        Self {
            minutes: minutes.clamp(1, MAX_MINUTES),
            banked: Duration::ZERO,
            since: None,
        }
    }

    /// The minutes it counts down from.
    pub fn minutes(&self) -> u32 {
        self.minutes
    }

    /// Whether it is counting now.
    pub fn is_running(&self) -> bool {
        self.since.is_some()
    }

    /// Whether it has never run since the last reset.
    pub fn is_fresh(&self) -> bool {
        self.since.is_none() && self.banked.is_zero()
    }

    /// The time counted so far.
    pub fn elapsed(&self, now: Instant) -> Duration {
        self.banked
            + self
                .since
                .map_or(Duration::ZERO, |since| now.saturating_duration_since(since))
    }

    /// The time left; zero once it has run out.
    pub fn remaining(&self, now: Instant) -> Duration {
        self.total().saturating_sub(self.elapsed(now))
    }

    /// Whether the time is up.
    pub fn is_over(&self, now: Instant) -> bool {
        self.elapsed(now) >= self.total()
    }

    fn total(&self) -> Duration {
        Duration::from_secs(u64::from(self.minutes) * 60)
    }

    /// Starts or resumes counting.
    pub fn start(&mut self, now: Instant) {
        if self.since.is_none() {
            self.since = Some(now);
        }
    }

    /// Pauses, keeping the time counted.
    pub fn pause(&mut self, now: Instant) {
        if let Some(since) = self.since.take() {
            self.banked += now.saturating_duration_since(since);
        }
    }

    /// Starts when paused, pauses when running.
    pub fn toggle(&mut self, now: Instant) {
        if self.is_running() {
            self.pause(now);
        } else {
            self.start(now);
        }
    }

    /// Back to the full time, not running.
    pub fn reset(&mut self) {
        self.banked = Duration::ZERO;
        self.since = None;
    }

    /// Sets the minutes (1 to [`MAX_MINUTES`]); the time counted so far is kept.
    pub fn set_minutes(&mut self, minutes: u32) {
        self.minutes = minutes.clamp(1, MAX_MINUTES);
    }

    /// One minute more or less (never below 1 or above [`MAX_MINUTES`]).
    pub fn add_minutes(&mut self, delta: i32) {
        let minutes = i64::from(self.minutes) + i64::from(delta);
        let max = i64::from(MAX_MINUTES);
        self.minutes = u32::try_from(minutes.clamp(1, max)).unwrap_or(DEFAULT_MINUTES);
    }

    /// The time left as `MM:SS`, rounded up so it shows `00:00` only when time is up.
    pub fn display(&self, now: Instant) -> String {
        let left = self.remaining(now);
        let secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
        format!("{:02}:{:02}", secs / 60, secs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_only_while_running() {
        let t0 = Instant::now();
        let at = |s| t0 + Duration::from_secs(s);
        let mut timer = Timer::new(2);
        assert!(timer.is_fresh());
        assert_eq!(timer.display(at(30)), "02:00");
        timer.start(at(0));
        assert_eq!(timer.display(at(30)), "01:30");
        timer.pause(at(30));
        assert!(!timer.is_running());
        assert_eq!(timer.display(at(90)), "01:30", "paused time does not count");
        timer.toggle(at(90));
        assert_eq!(timer.display(at(100)), "01:20");
        assert!(!timer.is_over(at(179)));
        assert!(timer.is_over(at(180)));
        assert_eq!(timer.display(at(500)), "00:00");
        timer.reset();
        assert!(timer.is_fresh());
        assert_eq!(timer.display(at(600)), "02:00");
    }

    #[test]
    fn a_second_start_does_not_restart_the_count() {
        let t0 = Instant::now();
        let mut timer = Timer::new(1);
        timer.start(t0);
        timer.start(t0 + Duration::from_secs(20));
        assert_eq!(timer.display(t0 + Duration::from_secs(30)), "00:30");
    }

    #[test]
    fn minutes_stay_in_range_and_keep_the_count() {
        let t0 = Instant::now();
        let mut timer = Timer::new(0);
        assert_eq!(timer.minutes(), 1);
        timer.add_minutes(-5);
        assert_eq!(timer.minutes(), 1);
        timer.set_minutes(10_000);
        assert_eq!(timer.minutes(), MAX_MINUTES);
        timer.set_minutes(3);
        timer.start(t0);
        timer.add_minutes(1);
        assert_eq!(timer.display(t0 + Duration::from_secs(60)), "03:00");
        assert_eq!(timer.display(t0 + Duration::from_millis(500)), "04:00");
    }
}

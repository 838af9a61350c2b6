//! What every connection of one workshop shares: the join code, who is connected (by
//! display name), the limits, the back-off for wrong join codes, and the signal that the
//! workshop has ended.
//!
//! [`Workshop`] is held in an `Arc` by the SSH server and by every trainee's task; its
//! state sits behind a mutex that is held only for a lookup or an insert, never across
//! I/O. The facilitator's dashboard (a later step) reads the same state.

use crate::progress::{ProfileName, ProfileNameError};
use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// The words join codes are made of: short, easy to read off a projector and to type,
/// the same in Dutch, English and French classrooms.
const CODE_WORDS: [&str; 24] = [
    "tulp", "roos", "eik", "wilg", "berk", "lelie", "klaver", "mos", "iris", "linde", "hazel",
    "dahlia", "lotus", "salie", "munt", "olijf", "ceder", "jasmijn", "krokus", "viool", "anijs",
    "kamille", "tijm", "varen",
];

/// A join code as the facilitator shows it, e.g. `tulp-42`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinCode(String);

impl JoinCode {
    /// The code given with `--code`.
    pub fn new(code: &str) -> Self {
        Self(code.trim().to_owned())
    }

    /// A new code from the operating system's random bytes: a word and a number from 10
    /// to 99 (`tulp-42`).
    pub fn generate() -> Result<Self, getrandom::Error> {
        let mut bytes = [0u8; 2];
        getrandom::fill(&mut bytes)?;
        let word = CODE_WORDS[usize::from(bytes[0]) % CODE_WORDS.len()];
        let number = 10 + u16::from(bytes[1]) % 90;
        Ok(Self(format!("{word}-{number}")))
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `typed` is this code: spaces around it and the case of letters do not
    /// matter. Every byte is compared, so the time taken says nothing about a near miss.
    pub fn matches(&self, typed: &str) -> bool {
        let typed = typed.trim().to_lowercase();
        let code = self.0.to_lowercase();
        let mut differ = typed.len() != code.len();
        for (a, b) in typed.bytes().zip(code.bytes()) {
            differ |= a != b;
        }
        !differ
    }
}

/// The first pause after a wrong join code from one address; each further wrong code
/// doubles it, up to [`MAX_BACKOFF`].
pub const FIRST_BACKOFF: Duration = Duration::from_secs(1);
/// The longest pause after wrong join codes.
pub const MAX_BACKOFF: Duration = Duration::from_secs(300);
/// How many addresses the back-off remembers; the oldest entry is forgotten beyond that.
const MAX_TRACKED: usize = 4096;

/// What the rate limiter says of one attempt at the join code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The address may try.
    Allowed,
    /// The address must wait this long; the code is not even looked at.
    Wait(Duration),
}

/// Exponential back-off for wrong join codes, per IP address.
#[derive(Debug, Default)]
pub struct RateLimiter {
    failures: HashMap<IpAddr, Failures>,
}

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    until: Instant,
}

impl RateLimiter {
    /// Whether `ip` may try a join code at `now`.
    pub fn check(&self, ip: IpAddr, now: Instant) -> Attempt {
        match self.failures.get(&ip) {
            Some(f) if f.until > now => Attempt::Wait(f.until - now),
            _ => Attempt::Allowed,
        }
    }

    /// `ip` typed a wrong code at `now`: how long it must wait before the next try.
    pub fn failed(&mut self, ip: IpAddr, now: Instant) -> Duration {
        if self.failures.len() >= MAX_TRACKED && !self.failures.contains_key(&ip) {
            self.failures.retain(|_, f| f.until > now);
            if self.failures.len() >= MAX_TRACKED
                && let Some(oldest) = self.failures.iter().min_by_key(|(_, f)| f.until)
            {
                let oldest = *oldest.0;
                self.failures.remove(&oldest);
            }
        }
        let entry = self.failures.entry(ip).or_insert(Failures {
            count: 0,
            until: now,
        });
        entry.count = entry.count.saturating_add(1);
        let wait = FIRST_BACKOFF
            .saturating_mul(2u32.saturating_pow(entry.count.saturating_sub(1).min(16)))
            .min(MAX_BACKOFF);
        entry.until = now + wait;
        wait
    }

    /// `ip` typed the right code: its wrong ones are forgotten.
    pub fn succeeded(&mut self, ip: IpAddr) {
        self.failures.remove(&ip);
    }
}

/// Why a display name cannot join.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JoinError {
    /// Not a valid name (the rules of profile names).
    #[error(transparent)]
    Name(#[from] ProfileNameError),
    /// Someone connected now uses this name.
    #[error("the name `{0}` is in use in this workshop")]
    InUse(ProfileName),
    /// The workshop has `--max-trainees` trainees already.
    #[error("the workshop is full ({0} trainees)")]
    Full(usize),
}

/// The workshop's settings that do not change while it runs.
#[derive(Debug, Clone)]
pub struct WorkshopSettings {
    /// The workshop's id (its directory in the data directory).
    pub id: String,
    /// The title on the join screen.
    pub title: String,
    /// The join code.
    pub code: JoinCode,
    /// The most trainees connected at once.
    pub max_trainees: usize,
    /// A trainee who types nothing for this long is disconnected (progress saved).
    pub idle_timeout: Duration,
}

/// One connected trainee, as the room sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trainee {
    /// When they joined.
    pub joined: Instant,
}

/// The state every connection shares.
#[derive(Debug, Default)]
struct Room {
    trainees: BTreeMap<ProfileName, Trainee>,
    limiter: RateLimiter,
}

/// One running workshop: settings, the room, and whether it has ended.
#[derive(Debug)]
pub struct Workshop {
    /// The settings.
    pub settings: WorkshopSettings,
    room: Mutex<Room>,
    /// The room as the facilitator sees it: presence, group steps, free play.
    pub live: Arc<super::room::Room>,
    ended: watch::Sender<bool>,
}

impl Workshop {
    /// A workshop with nobody connected.
    pub fn new(settings: WorkshopSettings) -> Arc<Self> {
        Arc::new(Self {
            settings,
            room: Mutex::new(Room::default()),
            live: Arc::default(),
            ended: watch::Sender::new(false),
        })
    }

    fn room(&self) -> MutexGuard<'_, Room> {
        // A panic elsewhere leaves the map consistent (every change is one insert or
        // remove), so a poisoned lock is still usable.
        self.room.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Checks a join code typed from `ip` at `now`, with back-off after wrong codes.
    pub fn check_code(&self, ip: Option<IpAddr>, typed: &str, now: Instant) -> CodeCheck {
        let mut room = self.room();
        if let Some(ip) = ip
            && let Attempt::Wait(wait) = room.limiter.check(ip, now)
        {
            return CodeCheck::Wait(wait);
        }
        if self.settings.code.matches(typed) {
            if let Some(ip) = ip {
                room.limiter.succeeded(ip);
            }
            return CodeCheck::Accepted;
        }
        let wait = ip.map_or(FIRST_BACKOFF, |ip| room.limiter.failed(ip, now));
        CodeCheck::Wrong(wait)
    }

    /// Takes the display name `typed` for a new connection; the returned [`Seat`] gives
    /// it back when dropped.
    pub fn join(self: &Arc<Self>, typed: &str, now: Instant) -> Result<Seat, JoinError> {
        let name = ProfileName::new(typed.trim())?;
        let mut room = self.room();
        if room.trainees.contains_key(&name) {
            return Err(JoinError::InUse(name));
        }
        if room.trainees.len() >= self.settings.max_trainees {
            return Err(JoinError::Full(self.settings.max_trainees));
        }
        room.trainees.insert(name.clone(), Trainee { joined: now });
        Ok(Seat {
            workshop: Arc::clone(self),
            name,
        })
    }

    /// Whether the workshop is full.
    pub fn is_full(&self) -> bool {
        self.room().trainees.len() >= self.settings.max_trainees
    }

    /// The names of the trainees connected now, in order.
    pub fn connected(&self) -> Vec<ProfileName> {
        self.room().trainees.keys().cloned().collect()
    }

    /// Ends the workshop: every trainee's task saves and says goodbye.
    pub fn end(&self) {
        self.ended.send_replace(true);
    }

    /// A receiver that turns `true` when the workshop ends.
    pub fn ended(&self) -> watch::Receiver<bool> {
        self.ended.subscribe()
    }
}

/// What a join code attempt gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeCheck {
    /// The right code.
    Accepted,
    /// A wrong code; the address waits this long before its next try.
    Wrong(Duration),
    /// The address is still waiting after earlier wrong codes; the code was not checked.
    Wait(Duration),
}

/// A display name taken in the workshop, for as long as the connection lasts.
#[derive(Debug)]
pub struct Seat {
    workshop: Arc<Workshop>,
    name: ProfileName,
}

impl Seat {
    /// The trainee's name.
    pub fn name(&self) -> &ProfileName {
        &self.name
    }
}

impl Drop for Seat {
    fn drop(&mut self) {
        self.workshop.room().trainees.remove(&self.name);
        self.workshop.live.change(|live| live.leave(&self.name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workshop(max: usize) -> Arc<Workshop> {
        Workshop::new(WorkshopSettings {
            id: "w1".into(),
            title: "Test".into(),
            code: JoinCode::new("tulp-42"),
            max_trainees: max,
            idle_timeout: Duration::from_secs(60),
        })
    }

    #[test]
    fn generated_codes_are_a_word_and_two_digits() {
        for _ in 0..50 {
            let code = JoinCode::generate().unwrap();
            let (word, number) = code.as_str().split_once('-').unwrap();
            assert!(CODE_WORDS.contains(&word), "{code:?}");
            let number: u16 = number.parse().unwrap();
            assert!((10..=99).contains(&number), "{code:?}");
        }
    }

    #[test]
    fn codes_match_without_case_or_spaces() {
        let code = JoinCode::new("tulp-42");
        assert!(code.matches("tulp-42"));
        assert!(code.matches("  TULP-42\n"));
        assert!(!code.matches("tulp-43"));
        assert!(!code.matches("tulp-4"));
        assert!(!code.matches(""));
    }

    #[test]
    fn names_are_validated_unique_and_given_back() {
        let workshop = workshop(2);
        let now = Instant::now();
        assert!(matches!(
            workshop.join("zoë", now),
            Err(JoinError::Name(ProfileNameError::InvalidCharacter { .. }))
        ));
        assert!(matches!(
            workshop.join("", now),
            Err(JoinError::Name(ProfileNameError::Empty))
        ));
        let anna = workshop.join(" anna ", now).unwrap();
        assert_eq!(anna.name().as_str(), "anna");
        assert!(matches!(
            workshop.join("anna", now),
            Err(JoinError::InUse(_))
        ));
        let _bo = workshop.join("bo", now).unwrap();
        assert_eq!(workshop.join("cem", now).unwrap_err(), JoinError::Full(2));
        assert!(workshop.is_full());
        drop(anna);
        assert_eq!(workshop.connected().len(), 1);
        assert!(workshop.join("anna", now).is_ok());
    }

    #[test]
    fn wrong_codes_back_off_exponentially_per_address() {
        let workshop = workshop(5);
        let ip: IpAddr = "192.0.2.7".parse().unwrap();
        let other: IpAddr = "192.0.2.8".parse().unwrap();
        let t0 = Instant::now();
        let second = Duration::from_secs(1);
        assert_eq!(
            workshop.check_code(Some(ip), "roos-1", t0),
            CodeCheck::Wrong(second)
        );
        // Even the right code waits; another address does not.
        assert_eq!(
            workshop.check_code(Some(ip), "tulp-42", t0),
            CodeCheck::Wait(second)
        );
        assert_eq!(
            workshop.check_code(Some(other), "tulp-42", t0),
            CodeCheck::Accepted
        );
        let t1 = t0 + second;
        assert_eq!(
            workshop.check_code(Some(ip), "roos-2", t1),
            CodeCheck::Wrong(2 * second)
        );
        let t2 = t1 + 2 * second;
        assert_eq!(
            workshop.check_code(Some(ip), "roos-3", t2),
            CodeCheck::Wrong(4 * second)
        );
        let t3 = t2 + 4 * second;
        assert_eq!(
            workshop.check_code(Some(ip), "tulp-42", t3),
            CodeCheck::Accepted
        );
        // Forgotten after the right code.
        assert_eq!(
            workshop.check_code(Some(ip), "x", t3),
            CodeCheck::Wrong(second)
        );
    }

    #[test]
    fn the_back_off_is_capped_and_its_memory_bounded() {
        let mut limiter = RateLimiter::default();
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        let mut now = Instant::now();
        let mut wait = Duration::ZERO;
        for _ in 0..40 {
            wait = limiter.failed(ip, now);
            now += wait;
        }
        assert_eq!(wait, MAX_BACKOFF);
        for n in 0..(MAX_TRACKED as u32 + 10) {
            limiter.failed(IpAddr::from(n.to_be_bytes()), now);
        }
        assert!(limiter.failures.len() <= MAX_TRACKED);
    }
}

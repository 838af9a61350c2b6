//! Delivering the outbox: batches of at most [`MAX_BATCH`] statements, each tried again
//! while the LRS is busy ([`Retry`]); a batch the LRS refuses (409, other 4xx) is split
//! in halves until the statements it refuses are found, so one bad statement does not hold
//! back the others. The outbox and the ledger are updated after every answer, so an
//! interrupted send resumes where it stopped.

use super::client::{Answer, Poster, Retry};
use super::lrs::LrsError;
use super::outbox::{Outbox, statement_id};
use serde_json::Value;
use std::time::Duration;

/// The most statements in one POST (the bound; LRSs commonly take 50 to 500).
pub const MAX_BATCH: usize = 500;

/// The statements per POST when not told.
pub const DEFAULT_BATCH: usize = 100;

/// A statement the LRS refused, with what it said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The statement id.
    pub id: String,
    /// The verb's IRI, to say what kind of statement it was.
    pub verb: String,
    /// The HTTP status.
    pub status: u16,
    /// The LRS's message.
    pub message: String,
}

/// What a send did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivery {
    /// Statements the LRS stored now.
    pub sent: usize,
    /// Statements the LRS said it already had (409 on that statement alone, or 204).
    pub already: usize,
    /// Statements it refused.
    pub refused: Vec<Refusal>,
    /// POST requests made (tries again included).
    pub posts: usize,
}

/// Sends everything in `outbox` through `poster`, `batch` statements per POST at most
/// (clamped to 1..=[`MAX_BATCH`]). On an error (credentials, TLS, an LRS that stays away)
/// what was delivered so far is in the ledger and the rest stays in the outbox; the
/// [`Delivery`] so far comes with the error.
pub fn deliver(
    outbox: &mut Outbox,
    poster: &mut dyn Poster,
    batch: usize,
    retry: &Retry,
    sleep: &mut dyn FnMut(Duration),
) -> Result<Delivery, (Delivery, LrsError)> {
    let batch = batch.clamp(1, MAX_BATCH);
    let mut delivery = Delivery::default();
    // A snapshot: the outbox shrinks as batches are accepted.
    let pending: Vec<Value> = outbox.pending().to_vec();
    for chunk in pending.chunks(batch) {
        let mut sender = Sender {
            outbox: &mut *outbox,
            poster: &mut *poster,
            retry,
            sleep: &mut *sleep,
            delivery: &mut delivery,
        };
        if let Err(error) = sender.send(chunk) {
            return Err((delivery, error));
        }
    }
    Ok(delivery)
}

struct Sender<'a> {
    outbox: &'a mut Outbox,
    poster: &'a mut dyn Poster,
    retry: &'a Retry,
    sleep: &'a mut dyn FnMut(Duration),
    delivery: &'a mut Delivery,
}

impl Sender<'_> {
    fn send(&mut self, chunk: &[Value]) -> Result<(), LrsError> {
        let body = Value::Array(chunk.to_vec()).to_string();
        let mut posts = 0;
        let poster = &mut *self.poster;
        let answer = self
            .retry
            .post(&mut Counting(poster, &mut posts), &body, &mut *self.sleep);
        self.delivery.posts += posts;
        let ids: Vec<&str> = chunk.iter().filter_map(statement_id).collect();
        match answer? {
            Answer::Stored => {
                self.outbox.accepted(&ids)?;
                self.delivery.sent += ids.len();
            }
            Answer::Known => {
                self.outbox.accepted(&ids)?;
                self.delivery.already += ids.len();
            }
            Answer::Conflict(_) if chunk.len() == 1 => {
                // The LRS has a statement with this id: the same history sent before.
                self.outbox.accepted(&ids)?;
                self.delivery.already += 1;
            }
            Answer::Rejected { status, message } if chunk.len() == 1 => {
                self.outbox.refused(&ids)?;
                self.delivery.refused.push(Refusal {
                    id: ids.first().map(|id| (*id).to_owned()).unwrap_or_default(),
                    verb: chunk
                        .first()
                        .and_then(|s| s.pointer("/verb/id"))
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    status,
                    message,
                });
            }
            Answer::Conflict(_) | Answer::Rejected { .. } => {
                let (left, right) = chunk.split_at(chunk.len() / 2);
                self.send(left)?;
                self.send(right)?;
            }
            Answer::Busy { .. } => {
                // `Retry::post` turns a last Busy into GaveUp; never reached.
            }
        }
        Ok(())
    }
}

/// A poster that counts the POSTs it makes.
struct Counting<'a, 'b>(&'a mut dyn Poster, &'b mut usize);

impl Poster for Counting<'_, '_> {
    fn post(&mut self, body: &str) -> Result<Answer, super::client::PostFailure> {
        *self.1 += 1;
        self.0.post(body)
    }

    fn endpoint(&self) -> &str {
        self.0.endpoint()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::xapi::client::PostFailure;
    use serde_json::json;
    use std::collections::BTreeSet;

    /// An LRS in memory: refuses statements whose id starts with `bad`, answers 409 to a
    /// batch holding an id it has, and fails every `down`th POST as unreachable.
    #[derive(Default)]
    struct FakeLrs {
        stored: BTreeSet<String>,
        posts: Vec<usize>,
    }

    impl Poster for FakeLrs {
        fn post(&mut self, body: &str) -> Result<Answer, PostFailure> {
            let batch: Vec<Value> = serde_json::from_str(body).unwrap();
            self.posts.push(batch.len());
            let ids: Vec<String> = batch
                .iter()
                .map(|s| statement_id(s).unwrap().to_owned())
                .collect();
            if ids.iter().any(|id| id.starts_with("bad")) {
                return Ok(Answer::Rejected {
                    status: 400,
                    message: "bad statement".into(),
                });
            }
            if ids.iter().any(|id| self.stored.contains(id)) {
                return Ok(Answer::Conflict("exists".into()));
            }
            self.stored.extend(ids);
            Ok(Answer::Stored)
        }

        fn endpoint(&self) -> &str {
            "http://fake.example/"
        }
    }

    fn statements(ids: &[&str]) -> Vec<Value> {
        ids.iter()
            .map(|id| json!({ "id": id, "verb": { "id": "http://adlnet.gov/expapi/verbs/experienced" } }))
            .collect()
    }

    #[test]
    fn batches_are_bounded_and_a_bad_statement_is_found_by_halving() {
        let dir = tempfile::tempdir().unwrap();
        let mut outbox = Outbox::open(dir.path()).unwrap();
        let ids: Vec<String> = (0..10).map(|n| format!("s{n}")).collect();
        let mut all: Vec<&str> = ids.iter().map(String::as_str).collect();
        all.insert(5, "bad-one");
        outbox.enqueue(statements(&all)).unwrap();
        let mut lrs = FakeLrs::default();
        lrs.stored.insert("s9".into());
        let delivery = deliver(&mut outbox, &mut lrs, 4, &Retry::default(), &mut |_| {}).unwrap();
        assert_eq!(delivery.sent, 9);
        assert_eq!(delivery.already, 1);
        assert_eq!(delivery.refused.len(), 1);
        assert_eq!(delivery.refused[0].id, "bad-one");
        assert!(lrs.posts.iter().all(|n| *n <= 4), "{:?}", lrs.posts);
        assert_eq!(delivery.posts, lrs.posts.len());
        assert!(outbox.pending().is_empty());
        // Nothing is sent twice.
        outbox.enqueue(statements(&all)).unwrap();
        let again = deliver(&mut outbox, &mut lrs, 4, &Retry::default(), &mut |_| {}).unwrap();
        assert_eq!((again.sent, again.already, again.refused.len()), (0, 0, 1));
    }
}

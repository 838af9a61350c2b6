//! Posting statements to an LRS over HTTP(S): one `POST …/statements` with a JSON array,
//! the xAPI version header and Basic auth; answers sorted into what the sender acts on
//! ([`Answer`]), and a bounded exponential back-off with jitter for an LRS that is busy,
//! down or unreachable ([`Retry`]).
//!
//! Blocking `ureq` over rustls: the CLI sends from one thread and waits anyway, and the
//! live sender is one background thread (see `docs/xapi.md`).

use super::lrs::{Lrs, LrsError};
use std::time::Duration;

/// The xAPI version every request declares.
pub const XAPI_VERSION: &str = "1.0.3";

/// The longest an LRS message is quoted in a report.
const MESSAGE_CHARS: usize = 300;

/// What the LRS said to one POST, as far as the sender cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// 200 with the ids: every statement of the POST is stored.
    Stored,
    /// 204: nothing new was stored, the LRS has every statement of the POST already (an
    /// xAPI POST answers 200 with the ids; Ralph answers 204 to a batch it already has).
    Known,
    /// 409: at least one statement id is already stored (an LRS refuses the whole batch).
    Conflict(String),
    /// Another 4xx: at least one statement was refused, with the LRS's message.
    Rejected {
        /// The HTTP status.
        status: u16,
        /// What the LRS said, shortened and without control characters.
        message: String,
    },
    /// 429 or 5xx: try again later, after `retry_after` when the LRS said so.
    Busy {
        /// The HTTP status.
        status: u16,
        /// The LRS's `Retry-After`, in seconds.
        retry_after: Option<Duration>,
    },
}

/// Why a POST got no answer to act on.
#[derive(Debug)]
pub enum PostFailure {
    /// Worth another try later: refused or dropped connection, timeout, unknown host.
    Transient(String),
    /// Not worth another try: TLS, credentials, nonsense answers.
    Fatal(LrsError),
}

/// Something that posts a JSON array of statements and says what the LRS answered: the
/// HTTP client, or a fake in tests.
pub trait Poster {
    /// Posts `body` (a JSON array of statements).
    fn post(&mut self, body: &str) -> Result<Answer, PostFailure>;
    /// The endpoint, for messages.
    fn endpoint(&self) -> &str;
}

/// The HTTP client of one LRS.
pub struct HttpPoster {
    agent: ureq::Agent,
    url: String,
    endpoint: String,
    authorization: String,
}

impl std::fmt::Debug for HttpPoster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The Authorization header holds the password.
        f.debug_struct("HttpPoster")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl HttpPoster {
    /// A client for `lrs`, with `timeout` for a whole request.
    pub fn new(lrs: &Lrs, timeout: Duration) -> Self {
        Self::with_connect_timeout(lrs, timeout, timeout)
    }

    /// A client for `lrs`, with `timeout` for a whole request and `connect` for making the
    /// connection (the live sender gives up soon on an LRS that does not answer at all).
    pub fn with_connect_timeout(lrs: &Lrs, timeout: Duration, connect: Duration) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_connect(Some(connect.min(timeout)))
            // 4xx and 5xx answers are read and sorted here, not turned into errors.
            .http_status_as_error(false)
            // A redirected POST would lose its body, and could carry the credentials away.
            .max_redirects(0)
            .timeout_global(Some(timeout))
            .user_agent(concat!("Kruispunt/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let credentials = format!("{}:{}", lrs.username, lrs.password.expose());
        Self {
            agent,
            url: lrs.statements_url(),
            endpoint: lrs.endpoint.clone(),
            authorization: format!("Basic {}", base64(credentials.as_bytes())),
        }
    }
}

impl Poster for HttpPoster {
    fn post(&mut self, body: &str) -> Result<Answer, PostFailure> {
        let sent = self
            .agent
            .post(&self.url)
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Authorization", &self.authorization)
            .header("Content-Type", "application/json")
            .send(body);
        let response = sent.map_err(|e| failure(&self.endpoint, e))?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let text = response
            .into_body()
            .read_to_string()
            .map_err(|e| failure(&self.endpoint, e))?;
        answer(&self.endpoint, status, retry_after, &text)
    }

    fn endpoint(&self) -> &str {
        &self.endpoint
    }
}

/// Sorts an HTTP answer: `text` is its body.
pub(crate) fn answer(
    endpoint: &str,
    status: u16,
    retry_after: Option<Duration>,
    text: &str,
) -> Result<Answer, PostFailure> {
    match status {
        200 => match serde_json::from_str::<Vec<String>>(text) {
            Ok(_) => Ok(Answer::Stored),
            Err(_) => Err(PostFailure::Fatal(LrsError::Malformed {
                endpoint: endpoint.to_owned(),
                detail: format!(
                    "HTTP 200 without the list of statement ids: {}",
                    quoted(text)
                ),
            })),
        },
        204 => Ok(Answer::Known),
        401 | 403 => Err(PostFailure::Fatal(LrsError::Unauthorized {
            endpoint: endpoint.to_owned(),
            status,
        })),
        409 => Ok(Answer::Conflict(lrs_message(text))),
        429 | 500..=599 => Ok(Answer::Busy {
            status,
            retry_after,
        }),
        400..=499 => Ok(Answer::Rejected {
            status,
            message: lrs_message(text),
        }),
        _ => Err(PostFailure::Fatal(LrsError::Malformed {
            endpoint: endpoint.to_owned(),
            detail: format!("unexpected HTTP {status}: {}", quoted(text)),
        })),
    }
}

/// The message in an LRS's error body: `detail` (Ralph), `message` (Learning Locker and
/// others), `error`, or the text itself; shortened, without control characters.
fn lrs_message(text: &str) -> String {
    let said = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|json| {
            ["detail", "message", "error", "errorMessage"]
                .iter()
                .find_map(|key| json.get(key).cloned())
        });
    match said {
        Some(serde_json::Value::String(message)) => quoted(&message),
        Some(other) => quoted(&other.to_string()),
        None => quoted(text),
    }
}

/// `text` made safe to print: control characters replaced, at most [`MESSAGE_CHARS`].
fn quoted(text: &str) -> String {
    let mut out: String = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MESSAGE_CHARS)
        .collect();
    if text.trim().chars().count() > MESSAGE_CHARS {
        out.push('…');
    }
    out
}

/// Sorts a failed request into worth retrying or not.
fn failure(endpoint: &str, error: ureq::Error) -> PostFailure {
    use std::io::ErrorKind;
    let endpoint = endpoint.to_owned();
    match error {
        ureq::Error::Tls(detail) => PostFailure::Fatal(LrsError::Tls {
            endpoint,
            detail: detail.to_owned(),
        }),
        ureq::Error::Rustls(e) => PostFailure::Fatal(LrsError::Tls {
            endpoint,
            detail: e.to_string(),
        }),
        ureq::Error::Pem(e) => PostFailure::Fatal(LrsError::Tls {
            endpoint,
            detail: e.to_string(),
        }),
        ureq::Error::Protocol(e) => PostFailure::Fatal(LrsError::Malformed {
            endpoint,
            detail: e.to_string(),
        }),
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => {
            PostFailure::Fatal(LrsError::BadEndpoint(endpoint))
        }
        // Over https the bytes read are TLS records first: rustls reports what it cannot
        // make sense of (a plain HTTP server, say) as invalid data on the stream.
        ureq::Error::Io(e)
            if e.kind() == ErrorKind::InvalidData && endpoint.starts_with("https:") =>
        {
            PostFailure::Fatal(LrsError::Tls {
                endpoint,
                detail: e.to_string(),
            })
        }
        ureq::Error::Io(e) if e.kind() == ErrorKind::InvalidData => {
            PostFailure::Fatal(LrsError::Malformed {
                endpoint,
                detail: e.to_string(),
            })
        }
        ureq::Error::RedirectFailed | ureq::Error::TooManyRedirects => {
            PostFailure::Fatal(LrsError::Malformed {
                endpoint,
                detail: "a redirect (give the final endpoint)".to_owned(),
            })
        }
        ureq::Error::HostNotFound => PostFailure::Transient("unknown host".to_owned()),
        other => PostFailure::Transient(other.to_string()),
    }
}

/// How often and how patiently a POST is tried again when the LRS is busy or away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    /// Tries in all, at least 1.
    pub attempts: u32,
    /// The wait before the second try; it doubles with every try after.
    pub first_wait: Duration,
    /// The longest wait between two tries (a `Retry-After` included).
    pub longest_wait: Duration,
}

impl Default for Retry {
    fn default() -> Self {
        Self {
            attempts: 5,
            first_wait: Duration::from_millis(500),
            longest_wait: Duration::from_secs(30),
        }
    }
}

impl Retry {
    /// The wait after failed try `failed` (1 = the first), between half and all of the
    /// doubled wait (random jitter, so many clients do not come back at once), at least
    /// what the LRS asked for with `Retry-After`, at most [`Retry::longest_wait`].
    pub fn wait(&self, failed: u32, retry_after: Option<Duration>, jitter: f64) -> Duration {
        let doubled = self
            .first_wait
            .saturating_mul(1_u32 << failed.saturating_sub(1).min(16));
        let capped = doubled.min(self.longest_wait);
        let jittered = capped.mul_f64(0.5 + 0.5 * jitter.clamp(0.0, 1.0));
        jittered
            .max(retry_after.unwrap_or_default())
            .min(self.longest_wait)
    }

    /// Posts `body` through `poster`, trying again after [`Retry::wait`] (slept by
    /// `sleep`) while the LRS is busy or cannot be reached, until it answers or the tries
    /// run out ([`LrsError::GaveUp`]).
    pub fn post(
        &self,
        poster: &mut dyn Poster,
        body: &str,
        sleep: &mut dyn FnMut(Duration),
    ) -> Result<Answer, LrsError> {
        let attempts = self.attempts.max(1);
        let mut last = String::new();
        for attempt in 1..=attempts {
            let retry_after = match poster.post(body) {
                Ok(Answer::Busy {
                    status,
                    retry_after,
                }) => {
                    last = format!("HTTP {status}");
                    retry_after
                }
                Ok(answer) => return Ok(answer),
                Err(PostFailure::Fatal(error)) => return Err(error),
                Err(PostFailure::Transient(detail)) => {
                    last = detail;
                    None
                }
            };
            if attempt < attempts {
                sleep(self.wait(attempt, retry_after, jitter()));
            }
        }
        Err(LrsError::GaveUp {
            endpoint: poster.endpoint().to_owned(),
            attempts,
            last,
        })
    }
}

/// A random number in [0, 1) for the jitter; 0.5 when the OS has no randomness to give.
fn jitter() -> f64 {
    getrandom::u32().map_or(0.5, |n| f64::from(n) / (f64::from(u32::MAX) + 1.0))
}

/// Standard base64 with padding, for the Basic auth header.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn base64_matches_the_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain}");
        }
    }

    #[test]
    fn the_wait_doubles_with_jitter_and_honours_retry_after_up_to_the_cap() {
        let retry = Retry::default();
        assert_eq!(retry.wait(1, None, 1.0), Duration::from_millis(500));
        assert_eq!(retry.wait(1, None, 0.0), Duration::from_millis(250));
        assert_eq!(retry.wait(3, None, 1.0), Duration::from_secs(2));
        assert_eq!(retry.wait(40, None, 1.0), Duration::from_secs(30));
        assert_eq!(
            retry.wait(1, Some(Duration::from_secs(7)), 0.0),
            Duration::from_secs(7)
        );
        assert_eq!(
            retry.wait(1, Some(Duration::from_secs(3600)), 0.0),
            Duration::from_secs(30)
        );
    }

    struct Scripted(Vec<Result<Answer, PostFailure>>, usize);

    impl Poster for Scripted {
        fn post(&mut self, _: &str) -> Result<Answer, PostFailure> {
            self.1 += 1;
            if self.0.is_empty() {
                return Ok(Answer::Stored);
            }
            self.0.remove(0)
        }
        fn endpoint(&self) -> &str {
            "http://lrs.example/"
        }
    }

    #[test]
    fn busy_and_unreachable_are_tried_again_a_bounded_number_of_times() {
        let busy = || {
            Ok(Answer::Busy {
                status: 503,
                retry_after: None,
            })
        };
        let mut poster = Scripted(
            vec![
                busy(),
                Err(PostFailure::Transient("refused".into())),
                busy(),
            ],
            0,
        );
        let mut waits = Vec::new();
        let retry = Retry::default();
        let answer = retry
            .post(&mut poster, "[]", &mut |d| waits.push(d))
            .unwrap();
        assert_eq!(answer, Answer::Stored);
        assert_eq!((poster.1, waits.len()), (4, 3));

        let mut poster = Scripted((0..9).map(|_| busy()).collect(), 0);
        let err = retry.post(&mut poster, "[]", &mut |_| {}).unwrap_err();
        assert!(matches!(err, LrsError::GaveUp { attempts: 5, .. }), "{err}");
        assert_eq!(poster.1, 5);
    }

    #[test]
    fn answers_are_sorted_and_garbage_is_an_error_not_a_panic() {
        let e = "http://lrs.example/";
        assert_eq!(answer(e, 200, None, "[\"a\"]").unwrap(), Answer::Stored);
        assert!(matches!(
            answer(e, 200, None, "<html>"),
            Err(PostFailure::Fatal(LrsError::Malformed { .. }))
        ));
        assert!(matches!(
            answer(e, 401, None, ""),
            Err(PostFailure::Fatal(LrsError::Unauthorized {
                status: 401,
                ..
            }))
        ));
        assert_eq!(
            answer(e, 422, None, "{\"detail\":\"bad\\u0007 verb\"}").unwrap(),
            Answer::Rejected {
                status: 422,
                message: "bad  verb".into()
            }
        );
        let long = "x".repeat(5000);
        let Answer::Rejected { message, .. } = answer(e, 400, None, &long).unwrap() else {
            panic!()
        };
        assert_eq!(message.chars().count(), MESSAGE_CHARS + 1);
    }
}

//! The SSH side of `kruispunt serve` (russh): who may log in, and what a connection may
//! ask for.
//!
//! - Trainees log in with the join code, by password or keyboard-interactive; the user
//!   name does not matter. Wrong codes back off per IP address ([`super::workshop`]) and
//!   are logged on the server's stderr.
//! - A connection may open one session channel and ask for `pty-req`, `shell` and
//!   `window-change`. Everything else is refused: `exec`, subsystems (sftp), environment
//!   variables, agent and X11 forwarding, port forwarding in both directions, other
//!   channel types.
//! - At most `--max-trainees` + [`EXTRA_CONNECTIONS`] connections at once; one more is
//!   closed as soon as it is accepted.
//! - A facilitator logs in with a public key listed in `--facilitator-key` (authorized_keys
//!   format); their shell is the dashboard ([`super::dashboard`]) instead of the join
//!   screen. Any other key is refused before its signature is even checked.
//! - `shell` starts the connection's task ([`super::screen::run`]); from then on this
//!   handler only passes the bytes and sizes on, through a bounded queue.

use super::Shared;
use super::channel_terminal::{MAX_INPUT_CHUNK, clamp_size};
use super::dashboard::View;
use super::screen::{self, INPUT_QUEUED, Input, Role};
use super::workshop::CodeCheck;
use crate::msg_args;
use russh::keys::ssh_key;
use russh::server::{Auth, ChannelOpenHandle, Msg, Response, Session};
use russh::{Channel, ChannelId, ChannelOpenFailure, ChannelWriteHalf, Pty};
use std::borrow::Cow;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use tokio::sync::{mpsc, watch};

/// Connections allowed beyond `--max-trainees`, for people still logging in.
pub const EXTRA_CONNECTIONS: usize = 20;

/// Accepts connections until `closing` turns true, then disconnects the ones left. A
/// connection past `--max-trainees` + [`EXTRA_CONNECTIONS`] is closed at once, before any
/// SSH work is done for it.
pub async fn accept(
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
    listener: tokio::net::TcpListener,
    mut closing: watch::Receiver<bool>,
) -> std::io::Result<()> {
    let cap = shared.workshop.settings.max_trainees + EXTRA_CONNECTIONS;
    loop {
        let (socket, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors, or a connection reset before it was accepted:
                // the others go on.
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = until_true(&mut closing) => return Ok(()),
        };
        let Some(slot) = Slot::take(&shared, cap) else {
            shared.log(
                "serve-log-too-many",
                &msg_args!("ip" => peer.ip().to_string(), "max" => cap),
            );
            drop(socket);
            continue;
        };
        let _ = socket.set_nodelay(true);
        let handler = Connection {
            shared: Arc::clone(&shared),
            peer: Some(peer),
            _slot: slot,
            channel: None,
            output: None,
            size: None,
            input: None,
            facilitator: None,
        };
        let config = Arc::clone(&config);
        let mut closing = closing.clone();
        let reason = shared.i18n.msg("serve-goodbye-ended", &msg_args!());
        tokio::spawn(async move {
            let Ok(session) = russh::server::run_stream(config, socket, handler).await else {
                return;
            };
            let handle = session.handle();
            tokio::select! {
                _ = session => {}
                () = until_true(&mut closing) => {
                    let _ = handle
                        .disconnect(russh::Disconnect::ByApplication, reason, String::new())
                        .await;
                }
            }
        });
    }
}

/// Returns once `flag` is true (or its sender is gone).
async fn until_true(flag: &mut watch::Receiver<bool>) {
    let _ = flag.wait_for(|value| *value).await;
}

/// One connection counted against the cap, until dropped.
struct Slot(Arc<Shared>);

impl Slot {
    fn take(shared: &Arc<Shared>, cap: usize) -> Option<Self> {
        count_in(&shared.connections, cap).then(|| Self(Arc::clone(shared)))
    }
}

/// Adds one to `count` unless it has reached `cap`; whether it did.
fn count_in(count: &AtomicUsize, cap: usize) -> bool {
    count
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |now| {
            (now < cap).then_some(now + 1)
        })
        .is_ok()
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.connections.fetch_sub(1, Ordering::SeqCst);
    }
}

/// One SSH connection.
pub struct Connection {
    shared: Arc<Shared>,
    peer: Option<SocketAddr>,
    /// Counts this connection until it ends.
    _slot: Slot,
    /// The one session channel.
    channel: Option<ChannelId>,
    /// Its sending half, until the trainee's task takes it.
    output: Option<ChannelWriteHalf<Msg>>,
    /// The pty's size, once asked for.
    size: Option<(u16, u16)>,
    /// To the connection's task, once the shell started.
    input: Option<mpsc::Sender<Input>>,
    /// A facilitator logged in with a key from `--facilitator-key`: the dashboard's view.
    facilitator: Option<View>,
}

impl Connection {
    /// Checks a typed join code and logs a refusal.
    fn check_code(&self, typed: &str) -> Auth {
        let ip = self.peer.map(|peer| peer.ip());
        let shown_ip = ip.map_or_else(|| "?".to_owned(), |ip| ip.to_string());
        match self.shared.workshop.check_code(ip, typed, Instant::now()) {
            CodeCheck::Accepted => Auth::Accept,
            CodeCheck::Wrong(wait) => {
                self.shared.log(
                    "serve-log-wrong-code",
                    &msg_args!("ip" => shown_ip, "seconds" => wait.as_secs()),
                );
                Auth::reject()
            }
            CodeCheck::Wait(wait) => {
                self.shared.log(
                    "serve-log-backing-off",
                    &msg_args!("ip" => shown_ip, "seconds" => wait.as_secs().max(1)),
                );
                Auth::reject()
            }
        }
    }

    /// The trainee's channel ended (EOF or close): dropping the input queue lets the
    /// trainee's task see it close, save and say goodbye.
    fn hang_up(&mut self, channel: ChannelId) {
        if self.ours(channel) {
            self.input = None;
        }
    }

    /// Whether `channel` is this connection's session channel.
    fn ours(&self, channel: ChannelId) -> bool {
        self.channel == Some(channel)
    }

    /// Refuses a channel request and logs it.
    fn refuse(
        &self,
        channel: ChannelId,
        session: &mut Session,
        what: &str,
    ) -> Result<(), russh::Error> {
        self.shared.log(
            "serve-log-refused",
            &msg_args!(
                "ip" => self.peer.map_or_else(|| "?".to_owned(), |p| p.ip().to_string()),
                "request" => what,
            ),
        );
        session.channel_failure(channel)
    }
}

impl russh::server::Handler for Connection {
    type Error = russh::Error;

    async fn auth_password(&mut self, _user: &str, password: &str) -> Result<Auth, Self::Error> {
        Ok(self.check_code(password))
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        _user: &str,
        _submethods: &str,
        response: Option<Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        match response {
            None => {
                let prompt = self.shared.i18n.msg("serve-code-prompt", &msg_args!());
                Ok(Auth::Partial {
                    name: Cow::Borrowed(""),
                    instructions: Cow::Borrowed(""),
                    prompts: Cow::Owned(vec![(Cow::Owned(format!("{prompt} ")), false)]),
                })
            }
            Some(mut response) => {
                let typed = response.next().unwrap_or_default();
                Ok(self.check_code(&String::from_utf8_lossy(&typed)))
            }
        }
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: russh::server::PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        // Trainees have no keys here: only a facilitator's key goes on to its signature.
        Ok(if self.shared.is_facilitator_key(offer.public_key) {
            Auth::Accept
        } else {
            Auth::reject()
        })
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: russh::server::VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        if self.shared.is_facilitator_key(key.public_key) {
            self.facilitator = Some(View::for_user(user));
            self.shared.log(
                "serve-log-facilitator",
                &msg_args!("ip" => self.peer.map_or_else(|| "?".to_owned(), |p| p.ip().to_string())),
            );
            return Ok(Auth::Accept);
        }
        Ok(Auth::reject())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel.is_some() {
            reply
                .reject(ChannelOpenFailure::AdministrativelyProhibited)
                .await;
            return Ok(());
        }
        self.channel = Some(channel.id());
        // Input, sizes and requests come to this handler. The channel's own copy of them
        // is read and dropped, so that it never fills up and holds up the connection.
        let (mut read, write) = channel.split();
        tokio::spawn(async move { while read.wait().await.is_some() {} });
        self.output = Some(write);
        reply.accept().await;
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _channel: Channel<Msg>,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        reply
            .reject(ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        _host_to_connect: &str,
        _port_to_connect: u32,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        reply
            .reject(ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _channel: Channel<Msg>,
        _socket_path: &str,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        reply
            .reject(ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) || self.input.is_some() {
            return session.channel_failure(channel);
        }
        self.size = Some(clamp_size(col_width, row_height));
        session.channel_success(channel)
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) || self.input.is_some() {
            return session.channel_failure(channel);
        }
        let (Some(size), Some(output)) = (self.size, self.output.take()) else {
            // Without a pty there is nothing to draw on (`ssh -T`).
            let message = self.shared.i18n.msg("serve-needs-pty", &msg_args!());
            session.extended_data(channel, 1, format!("{message}\r\n").into_bytes())?;
            session.channel_failure(channel)?;
            return session.close(channel);
        };
        let (sender, receiver) = mpsc::channel(INPUT_QUEUED);
        self.input = Some(sender);
        session.channel_success(channel)?;
        let connection = screen::Connection {
            output,
            size,
            input: receiver,
        };
        let role = self.facilitator.map_or(Role::Trainee, Role::Facilitator);
        tokio::spawn(screen::run(Arc::clone(&self.shared), connection, role));
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (width, height) = clamp_size(col_width, row_height);
        if !self.ours(channel) {
            return Ok(());
        }
        match &self.input {
            // Dropped when the queue is full: the next resize or key brings the size.
            Some(input) => {
                let _ = input.try_send(Input::Resize(width, height));
            }
            None => self.size = Some((width, height)),
        }
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let (true, Some(input)) = (self.ours(channel), &self.input) {
            let data = &data[..data.len().min(MAX_INPUT_CHUNK)];
            // A trainee typing faster than their screen is drawn loses keys, never the room.
            let _ = input.try_send(Input::Data(data.to_vec()));
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.hang_up(channel);
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.hang_up(channel);
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(channel, session, "exec")?;
        session.close(channel)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let what = format!("subsystem {}", crate::i18n::display::escape(name));
        self.refuse(channel, session, &what)?;
        session.close(channel)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _x11_auth_protocol: &str,
        _x11_auth_cookie: &str,
        _x11_screen_number: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        _variable_name: &str,
        _variable_value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        _port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        _socket_path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }
}

/// The SHA-256 fingerprint of a host key, as `ssh` shows it (`SHA256:…`).
pub fn fingerprint(key: &ssh_key::PrivateKey) -> String {
    key.public_key()
        .fingerprint(ssh_key::HashAlg::Sha256)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_are_counted_up_to_the_cap() {
        let count = AtomicUsize::new(0);
        assert!(count_in(&count, 2));
        assert!(count_in(&count, 2));
        assert!(!count_in(&count, 2));
        assert_eq!(count.load(Ordering::SeqCst), 2);
        count.fetch_sub(1, Ordering::SeqCst);
        assert!(count_in(&count, 2));
    }
}

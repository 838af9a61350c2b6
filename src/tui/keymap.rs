//! One key map per screen: a table of key, command and help label.
//!
//! A screen builds its [`Keymap`] for what it shows now (a quiz before or after answering,
//! a glossary, a content note, the rewind list…), with a command type of its own. The same
//! table serves three purposes, so they cannot drift apart:
//!
//! - `update` looks the [`Action`] up with [`Keymap::find`] and matches on the command;
//! - the help overlay and the key bar are [`Keymap::help`]: every binding with a help
//!   message, in the order of the table (bindings of one row share its label and message);
//! - tests look for two bindings of one key with [`clashes`], over a screen's table, the
//!   facilitator stage's own table around it, and the [`global`] keys.
//!
//! Non-key input (clicks, the mouse wheel, the clock, resizes, text typed into an editor)
//! is no key: screens handle it as before.

use super::action::Action;
use super::app::Ctx;
use super::screens::KeyHelp;

/// A key as screens bind it: one for each [`Action`] a key press gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// Arrow up or `k`.
    Up,
    /// Arrow down or `j`.
    Down,
    /// Arrow left or `h`.
    Left,
    /// Arrow right or `l`.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Enter.
    Confirm,
    /// Esc (or Backspace).
    Back,
    /// Tab.
    NextPane,
    /// Shift-Tab.
    PrevPane,
    /// Space.
    Toggle,
    /// Any number key, 1 to 9: the command reads which one with [`digit`].
    Number,
    /// Alt and any number key, 1 to 9: the command reads which one with [`digit`].
    AltNumber,
    /// `+`, `-` or `0`.
    Symbol(char),
    /// A letter, as typed (`n` and `N` are two keys).
    Letter(char),
    /// `?`.
    Help,
    /// `q`.
    Quit,
    /// Ctrl-C.
    Interrupt,
    /// Any key press that no other binding of the table takes (a screen where every key
    /// does the same). It clashes only with another `Any`.
    Any,
}

impl Key {
    /// The key of a key press; `None` for what is no key press (a click, the wheel, the
    /// clock, a resize, a key typed into an editor).
    pub fn of(action: &Action) -> Option<Self> {
        Some(match action {
            Action::Up => Self::Up,
            Action::Down => Self::Down,
            Action::Left => Self::Left,
            Action::Right => Self::Right,
            Action::PageUp => Self::PageUp,
            Action::PageDown => Self::PageDown,
            Action::Confirm => Self::Confirm,
            Action::Back => Self::Back,
            Action::NextPane => Self::NextPane,
            Action::PrevPane => Self::PrevPane,
            Action::Toggle => Self::Toggle,
            Action::Number(_) => Self::Number,
            Action::AltNumber(_) => Self::AltNumber,
            Action::Symbol(c) => Self::Symbol(*c),
            Action::Letter(c) => Self::Letter(*c),
            Action::Help => Self::Help,
            Action::Quit => Self::Quit,
            Action::Interrupt => Self::Interrupt,
            Action::Edit(_)
            | Action::Click { .. }
            | Action::ScrollUp
            | Action::ScrollDown
            | Action::Resize { .. }
            | Action::Tick(_) => return None,
        })
    }

    /// Whether a help label (e.g. `↑↓ Space 1-9`) names this key, as one of its words.
    pub fn named_by(self, label: &str) -> bool {
        let mut words = label.split([' ', ',']).filter(|w| !w.is_empty());
        let is = |word: &str, text: &str| word == text;
        match self {
            Self::Up => words.any(|w| w.contains('↑') || is(w, "k")),
            Self::Down => words.any(|w| w.contains('↓') || is(w, "j")),
            Self::Left => words.any(|w| w.contains('←') || is(w, "h")),
            Self::Right => words.any(|w| w.contains('→') || is(w, "l")),
            Self::PageUp => words.any(|w| is(w, "PgUp")),
            Self::PageDown => words.any(|w| is(w, "PgDn")),
            Self::Confirm => words.any(|w| is(w, "Enter")),
            Self::Back => words.any(|w| is(w, "Esc")),
            Self::NextPane => words.any(|w| is(w, "Tab")),
            Self::PrevPane => words.any(|w| is(w, "Shift-Tab")),
            Self::Toggle => words.any(|w| is(w, "Space")),
            Self::Number => words.any(|w| is(w, "1-9")),
            Self::AltNumber => words.any(|w| is(w, "Alt+1-9")),
            Self::Symbol(c) | Self::Letter(c) => words.any(|w| w.chars().eq([c])),
            Self::Help => words.any(|w| is(w, "?")),
            Self::Quit => words.any(|w| is(w, "q")),
            Self::Interrupt => words.any(|w| is(w, "Ctrl-C")),
            Self::Any => true,
        }
    }
}

/// The number of a number key press, with or without Alt.
pub fn digit(action: &Action) -> Option<u8> {
    match action {
        Action::Number(n) | Action::AltNumber(n) => Some(*n),
        _ => None,
    }
}

/// Keys, the command they give on a screen, and how the help shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding<C> {
    /// The keys; none for a hint, which only explains (e.g. `Tab, PgDn`: first one, then
    /// the other).
    pub keys: &'static [Key],
    /// The keys as the help shows them, e.g. `↑↓ j k`; empty for a key not listed.
    pub label: &'static str,
    /// The Fluent message id of what the keys do; `None` for a key not listed.
    pub help: Option<&'static str>,
    /// What the screen does.
    pub command: C,
}

impl<C> Binding<C> {
    /// The binding with its command written out, to compare tables of any screen.
    pub fn described(&self) -> Binding<String>
    where
        C: std::fmt::Debug,
    {
        Binding {
            keys: self.keys,
            label: self.label,
            help: self.help,
            command: format!("{:?}", self.command),
        }
    }

    /// Whether every key bound is named in the label (true for a key not listed).
    pub fn names_its_keys(&self) -> bool {
        self.help.is_none() || self.keys.iter().all(|k| k.named_by(self.label))
    }
}

/// The key table of one screen, in the order the help lists it.
#[derive(Debug, Clone)]
pub struct Keymap<C> {
    bindings: Vec<Binding<C>>,
}

impl<C> Default for Keymap<C> {
    fn default() -> Self {
        Self {
            bindings: Vec::new(),
        }
    }
}

impl<C: Clone> Keymap<C> {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// `keys` give `command`; the help lists them as `label`, doing message `help`.
    pub fn key(
        &mut self,
        keys: &'static [Key],
        label: &'static str,
        help: &'static str,
        command: C,
    ) -> &mut Self {
        self.bindings.push(Binding {
            keys,
            label,
            help: Some(help),
            command,
        });
        self
    }

    /// `keys` give `command`, listed in the same help row as the last listed binding
    /// (e.g. `↑↓ Space 1-9 select`: four keys, three commands, one row).
    pub fn also(&mut self, keys: &'static [Key], command: C) -> &mut Self {
        let (label, help) = self
            .bindings
            .iter()
            .rev()
            .find(|b| b.help.is_some())
            .map_or(("", None), |b| (b.label, b.help));
        self.bindings.push(Binding {
            keys,
            label,
            help,
            command,
        });
        self
    }

    /// `keys` give `command` without being listed (e.g. Esc quitting from the overview).
    pub fn hidden(&mut self, keys: &'static [Key], command: C) -> &mut Self {
        self.bindings.push(Binding {
            keys,
            label: "",
            help: None,
            command,
        });
        self
    }

    /// A help row that binds no key of its own: it explains how keys bound elsewhere go
    /// together (e.g. `Tab, PgDn`). `command` is what it leads to.
    pub fn hint(&mut self, label: &'static str, help: &'static str, command: C) -> &mut Self {
        self.bindings.push(Binding {
            keys: &[],
            label,
            help: Some(help),
            command,
        });
        self
    }

    /// The command of a key press: the binding of its key, else the `Any` binding. `None`
    /// for a key the table does not bind, and for what is no key press.
    pub fn find(&self, action: &Action) -> Option<C> {
        let key = Key::of(action)?;
        let bound = |wanted: Key| {
            self.bindings
                .iter()
                .find(|b| b.keys.contains(&wanted))
                .map(|b| b.command.clone())
        };
        bound(key).or_else(|| bound(Key::Any))
    }

    /// The rows of the help overlay and the key bar, localised: one per label and message,
    /// in the order of the table.
    pub fn help(&self, ctx: &Ctx) -> Vec<KeyHelp> {
        self.help_where(ctx, |_| true)
    }

    /// The rows of [`Keymap::help`] for the commands `keep` keeps.
    pub fn help_where(&self, ctx: &Ctx, keep: impl Fn(&C) -> bool) -> Vec<KeyHelp> {
        self.rows(keep)
            .into_iter()
            .map(|(label, help)| {
                let keys = localised_label(label, |id| ctx.t(id));
                KeyHelp::new(&keys, ctx.t(help))
            })
            .collect()
    }

    /// The label and message id of each help row: the listed bindings `keep` keeps, one
    /// row for bindings that share label and message, in the order of the table.
    fn rows(&self, keep: impl Fn(&C) -> bool) -> Vec<(&'static str, &'static str)> {
        let mut rows: Vec<(&'static str, &'static str)> = Vec::new();
        for binding in self.bindings.iter().filter(|b| keep(&b.command)) {
            if let Some(help) = binding.help
                && !rows.contains(&(binding.label, help))
            {
                rows.push((binding.label, help));
            }
        }
        rows
    }

    /// The bindings, in order.
    pub fn bindings(&self) -> &[Binding<C>] {
        &self.bindings
    }

    /// The bindings with their commands written out.
    pub fn described(&self) -> Vec<Binding<String>>
    where
        C: std::fmt::Debug,
    {
        self.bindings.iter().map(Binding::described).collect()
    }
}

/// The key names a label writes in English and the messages that name them in the
/// interface language (`Space` is `Spatie` in Dutch, `Espace` in French).
const KEY_NAMES: [(&str, &str); 8] = [
    ("Enter", "key-name-enter"),
    ("Esc", "key-name-esc"),
    ("Space", "key-name-space"),
    ("Tab", "key-name-tab"),
    ("Shift-Tab", "key-name-shift-tab"),
    ("PgUp", "key-name-page-up"),
    ("PgDn", "key-name-page-down"),
    ("Ctrl-C", "key-name-ctrl-c"),
];

/// `label` as the help shows it: its key names in the interface language, given by
/// `name` (a message id to its text); other words (arrows, letters, `1-9`) as they are.
pub fn localised_label(label: &str, name: impl Fn(&str) -> String) -> String {
    label
        .split(' ')
        .map(|word| {
            let (bare, comma) = word
                .strip_suffix(',')
                .map_or((word, ""), |bare| (bare, ","));
            match KEY_NAMES.iter().find(|(key, _)| *key == bare) {
                Some((_, id)) => format!("{}{comma}", name(id)),
                None => word.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Two bindings of one table that share a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// The key bound twice.
    pub key: Key,
    /// The first binding's command.
    pub first: String,
    /// The second binding's command.
    pub second: String,
}

/// Every key bound twice in `bindings` (a key twice in one binding counts too). `Any`
/// clashes only with another `Any`.
pub fn clashes(bindings: &[Binding<String>]) -> Vec<Clash> {
    let mut found = Vec::new();
    let all: Vec<(Key, &String)> = bindings
        .iter()
        .flat_map(|b| b.keys.iter().map(move |k| (*k, &b.command)))
        .collect();
    for (i, (key, first)) in all.iter().enumerate() {
        for (other, second) in &all[i + 1..] {
            if key == other {
                found.push(Clash {
                    key: *key,
                    first: (*first).clone(),
                    second: (*second).clone(),
                });
            }
        }
    }
    found
}

/// What the keys that work on every screen do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Global {
    /// Opens the help overlay.
    Help,
    /// The next interface language.
    Language,
    /// The second-language gloss on, to the next language, or off.
    Gloss,
    /// The default or the high-contrast theme.
    Theme,
    /// Quits (progress is saved).
    Quit,
    /// Saves and quits at once, even while an editor has the focus.
    Interrupt,
}

/// The keys that work on every screen (except Ctrl-C, not while an editor has the focus:
/// it takes them as text). No screen binds them.
pub fn global() -> Keymap<Global> {
    let mut map = Keymap::new();
    map.key(&[Key::Help], "?", "key-help", Global::Help)
        .key(&[Key::Letter('L')], "L", "key-language", Global::Language)
        .key(&[Key::Letter('G')], "G", "key-gloss", Global::Gloss)
        .key(&[Key::Letter('T')], "T", "key-theme", Global::Theme)
        .key(&[Key::Quit], "q", "key-quit", Global::Quit)
        .key(
            &[Key::Interrupt],
            "Ctrl-C",
            "key-interrupt",
            Global::Interrupt,
        );
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Cmd {
        Move,
        Open,
        Pick,
        Other,
    }

    fn table() -> Keymap<Cmd> {
        let mut map = Keymap::new();
        map.key(&[Key::Up, Key::Down], "↑↓ 1-9", "key-move", Cmd::Move)
            .also(&[Key::Number], Cmd::Pick)
            .hidden(&[Key::Right], Cmd::Open)
            .key(&[Key::Confirm], "Enter", "key-open", Cmd::Open)
            .hidden(&[Key::Any], Cmd::Other);
        map
    }

    #[test]
    fn an_action_finds_its_command_and_any_takes_the_rest() {
        let map = table();
        assert_eq!(map.find(&Action::Down), Some(Cmd::Move));
        assert_eq!(map.find(&Action::Number(7)), Some(Cmd::Pick));
        assert_eq!(map.find(&Action::Right), Some(Cmd::Open));
        assert_eq!(map.find(&Action::Letter('x')), Some(Cmd::Other));
        // No key press, no command.
        assert_eq!(map.find(&Action::ScrollDown), None);
        assert_eq!(map.find(&Action::Click { column: 1, row: 1 }), None);
        assert_eq!(digit(&Action::AltNumber(3)), Some(3));
    }

    #[test]
    fn the_help_has_one_row_per_label_and_no_hidden_keys() {
        let map = table();
        assert_eq!(
            map.rows(|_| true),
            [("↑↓ 1-9", "key-move"), ("Enter", "key-open")]
        );
        assert_eq!(map.rows(|c| *c == Cmd::Open), [("Enter", "key-open")]);
        assert!(map.bindings().iter().all(Binding::names_its_keys));
        assert!(clashes(&map.described()).is_empty());
    }

    #[test]
    fn a_key_bound_twice_is_a_clash() {
        let mut map = table();
        map.key(&[Key::Number], "1-9", "key-open", Cmd::Open);
        let found = clashes(&map.described());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].key, Key::Number);
        assert_eq!(
            (found[0].first.as_str(), found[0].second.as_str()),
            ("Pick", "Open")
        );
    }

    #[test]
    fn key_names_are_written_in_the_interface_language() {
        use crate::i18n::{Localizer, UiLocale};
        let name = |locale| {
            let localizer = Localizer::new(locale);
            move |id: &str| localizer.msg(id, &crate::i18n::MsgArgs::new())
        };
        assert_eq!(
            localised_label("↑↓ Space 1-9", name(UiLocale::Fr)),
            "↑↓ Espace 1-9"
        );
        assert_eq!(
            localised_label("Enter, Esc", name(UiLocale::Fr)),
            "Entrée, Échap"
        );
        assert_eq!(
            localised_label("Space Enter", name(UiLocale::Nl)),
            "Spatie Enter"
        );
        assert_eq!(localised_label("Esc e", name(UiLocale::En)), "Esc e");
        // Issue 14, item 25: the other named keys, as French keyboards label them.
        assert_eq!(
            localised_label("Tab, Shift-Tab PgUp PgDn Ctrl-C", name(UiLocale::Fr)),
            "Tab, Maj-Tab PgPréc PgSuiv Ctrl-C"
        );
        assert_eq!(
            localised_label("Tab, Shift-Tab PgUp PgDn Ctrl-C", name(UiLocale::En)),
            "Tab, Shift-Tab PgUp PgDn Ctrl-C"
        );
    }

    #[test]
    fn labels_name_their_keys_word_by_word() {
        assert!(Key::Up.named_by("↑↓ j k"));
        assert!(Key::Letter('k').named_by("↑↓ j k"));
        assert!(!Key::Letter('a').named_by("Tab"));
        assert!(Key::AltNumber.named_by("Alt+1-9 x"));
        assert!(!Key::Number.named_by("Alt+1-9 x"));
        assert!(Key::Symbol('-').named_by("+ -"));
        assert!(global().bindings().iter().all(Binding::names_its_keys));
    }
}

//! The Twee import's errors and notes in the interface language.

use super::{Note, NoteKind, Place, TweeError};
use crate::i18n::error::shown;
use crate::i18n::{Localize, Localizer};
use crate::msg_args;

impl Localize for TweeError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            TweeError::NotUtf8 { line } => {
                i18n.msg("twee-error-not-utf8", &msg_args!("line" => *line))
            }
            TweeError::TooLarge { limit } => {
                i18n.msg("twee-error-too-large", &msg_args!("limit" => *limit))
            }
            TweeError::TooManyPassages { limit } => i18n.msg(
                "twee-error-too-many-passages",
                &msg_args!("limit" => *limit),
            ),
            TweeError::NoPassages => i18n.msg("twee-error-no-passages", &msg_args!()),
            TweeError::NoPassageName { line } => {
                i18n.msg("twee-error-no-passage-name", &msg_args!("line" => *line))
            }
            TweeError::DuplicatePassage {
                name,
                first_line,
                line,
            } => i18n.msg(
                "twee-error-duplicate-passage",
                &msg_args!("passage" => shown(name), "line" => *line, "first" => *first_line),
            ),
            TweeError::NoTextsInLocale { scenario, locale } => i18n.msg(
                "twee-error-no-texts",
                &msg_args!("scenario" => shown(scenario), "locale" => shown(locale)),
            ),
            TweeError::UnusableNodeId { node } => i18n.msg(
                "twee-error-unusable-node-id",
                &msg_args!("node" => shown(node)),
            ),
        }
    }
}

/// A note's message, without its place.
impl Localize for Note {
    fn localize(&self, i18n: &Localizer) -> String {
        let passage = match &self.place {
            Place::Passage { name, .. } => shown(name),
            Place::File { .. } => String::new(),
        };
        let plain = |id: &str| i18n.msg(id, &msg_args!("passage" => passage.as_str()));
        let target = |id: &str, target: &str| {
            i18n.msg(
                id,
                &msg_args!("passage" => passage.as_str(), "target" => shown(target)),
            )
        };
        let directive = |id: &str, directive: &str| {
            i18n.msg(
                id,
                &msg_args!("passage" => passage.as_str(), "directive" => shown(directive)),
            )
        };
        let character =
            |id: &str, character: &str| i18n.msg(id, &msg_args!("character" => shown(character)));
        match &self.kind {
            NoteKind::TextBeforeFirstPassage => plain("twee-note-text-before-first-passage"),
            NoteKind::BadStoryData => plain("twee-note-bad-story-data"),
            NoteKind::BadMetadata => plain("twee-note-bad-metadata"),
            NoteKind::UnclosedTags => plain("twee-note-unclosed-tags"),
            NoteKind::Construct { format, token } => i18n.msg(
                "twee-note-construct",
                &msg_args!(
                    "passage" => passage.as_str(),
                    "format" => format.name(),
                    "construct" => shown(token),
                ),
            ),
            NoteKind::ChapbookVars => plain("twee-note-chapbook-vars"),
            NoteKind::SetterLink => plain("twee-note-setter-link"),
            NoteKind::SkippedPassage => plain("twee-note-skipped-passage"),
            NoteKind::UnknownDirective { directive: d } => {
                directive("twee-note-unknown-directive", d)
            }
            NoteKind::MisplacedDirective { directive: d } => {
                directive("twee-note-misplaced-directive", d)
            }
            NoteKind::BadValue {
                directive: d,
                value,
            } => i18n.msg(
                "twee-note-bad-value",
                &msg_args!(
                    "passage" => passage.as_str(),
                    "directive" => shown(d),
                    "value" => shown(value),
                ),
            ),
            NoteKind::LinksInEnding => plain("twee-note-links-in-ending"),
            NoteKind::ExtraLinks => plain("twee-note-extra-links"),
            NoteKind::FirstPassageStarts => plain("twee-note-first-passage-starts"),
            NoteKind::AddFeedback { target: t } => target("twee-add-feedback", t),
            NoteKind::AddQuality { target: t } => target("twee-add-quality", t),
            NoteKind::AddThinker { target: t } => target("twee-add-thinker", t),
            NoteKind::AddPassage { target: t } => target("twee-add-passage", t),
            NoteKind::AddWayOn => plain("twee-add-way-on"),
            NoteKind::AddOutcome => plain("twee-add-outcome"),
            NoteKind::AddDebrief => plain("twee-add-debrief"),
            NoteKind::AddSetting => plain("twee-add-setting"),
            NoteKind::AddGoal => plain("twee-add-goal"),
            NoteKind::AddRole { character: c } => character("twee-add-role", c),
            NoteKind::AddBio { character: c } => character("twee-add-bio", c),
        }
    }
}

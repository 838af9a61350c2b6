//! The engine's errors in the interface language.

use super::{EngineError, RestoreError};
use crate::i18n::error::shown;
use crate::i18n::{Localize, Localizer};
use crate::msg_args;

impl Localize for EngineError {
    fn localize(&self, i18n: &Localizer) -> String {
        let id = |id: &str| shown(id);
        match self {
            EngineError::RunEnded => i18n.msg("engine-error-run-ended", &msg_args!()),
            // Answers are numbered from 1 where the learner sees them.
            EngineError::NoChoiceAt { index, count } => i18n.msg(
                "engine-error-no-choice-at",
                &msg_args!("number" => index + 1, "count" => *count),
            ),
            EngineError::UnknownChoice { id: choice } => i18n.msg(
                "engine-error-unknown-choice",
                &msg_args!("id" => id(choice)),
            ),
            EngineError::ChoiceNotOffered { id: choice } => i18n.msg(
                "engine-error-choice-not-offered",
                &msg_args!("id" => id(choice)),
            ),
            EngineError::AutoCycle { id: node } => {
                i18n.msg("engine-error-auto-cycle", &msg_args!("id" => id(node)))
            }
            EngineError::NoRoute { id: node } => {
                i18n.msg("engine-error-no-route", &msg_args!("id" => id(node)))
            }
            EngineError::NoSuchNode { index } => i18n.msg(
                "engine-error-no-such-node",
                &msg_args!("number" => u64::from(*index)),
            ),
            EngineError::NoSuchDecision { decision, taken } => i18n.msg(
                "engine-error-no-such-decision",
                &msg_args!("number" => decision + 1, "taken" => *taken),
            ),
            EngineError::UnknownScene { id: scene } => {
                i18n.msg("engine-error-unknown-scene", &msg_args!("id" => id(scene)))
            }
            EngineError::WrongSceneKind { expected } => i18n.msg(
                "engine-error-wrong-scene-kind",
                &msg_args!("kind" => *expected),
            ),
            EngineError::ContentNotePending => {
                i18n.msg("engine-error-content-note-pending", &msg_args!())
            }
            EngineError::UnknownOption { id: option } => i18n.msg(
                "engine-error-unknown-option",
                &msg_args!("id" => id(option)),
            ),
            EngineError::DuplicateOption { id: option } => i18n.msg(
                "engine-error-duplicate-option",
                &msg_args!("id" => id(option)),
            ),
            EngineError::SelectionCount { expected, selected } => {
                // The engine names the rule in English words; Fluent selects on a key.
                let expected = if expected.starts_with("exactly") {
                    "one"
                } else {
                    "at-least-one"
                };
                i18n.msg(
                    "engine-error-selection-count",
                    &msg_args!("expected" => expected, "selected" => *selected),
                )
            }
        }
    }
}

impl Localize for RestoreError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            RestoreError::OtherScenario { saved, scenario } => i18n.msg(
                "engine-restore-other-scenario",
                &msg_args!("saved" => shown(saved), "scenario" => shown(scenario)),
            ),
            RestoreError::Replay {
                step,
                choice,
                source,
            } => i18n.msg(
                "engine-restore-replay",
                &msg_args!(
                    "number" => step + 1,
                    "choice" => shown(choice),
                    "reason" => source.localize(i18n),
                ),
            ),
            RestoreError::Mismatch { what } => i18n.msg(
                "engine-restore-mismatch",
                &msg_args!("what" => what.replace(' ', "-")),
            ),
        }
    }
}

impl Localize for super::PreviewError {
    fn localize(&self, i18n: &Localizer) -> String {
        use super::PreviewError;
        let list = |ids: &[String]| shown(&ids.join(", "));
        match self {
            PreviewError::UnknownNode { id, nodes } => i18n.msg(
                "preview-error-unknown-node",
                &msg_args!("id" => shown(id), "nodes" => list(nodes)),
            ),
            PreviewError::UnknownVariable { id, variables } if variables.is_empty() => {
                i18n.msg("preview-error-no-variables", &msg_args!("id" => shown(id)))
            }
            PreviewError::UnknownVariable { id, variables } => i18n.msg(
                "preview-error-unknown-variable",
                &msg_args!("id" => shown(id), "variables" => list(variables)),
            ),
            PreviewError::OutOfRange {
                id,
                value,
                min,
                max,
            } => i18n.msg(
                "preview-error-out-of-range",
                &msg_args!(
                    "id" => shown(id),
                    "value" => value.to_string(),
                    "min" => min.to_string(),
                    "max" => max.to_string(),
                ),
            ),
            PreviewError::BadSetting { setting } => i18n.msg(
                "preview-error-bad-setting",
                &msg_args!("setting" => shown(setting)),
            ),
        }
    }
}

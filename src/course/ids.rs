//! Identifier newtypes. Ids are what progress files, reports and references use, so they
//! are never confused with each other or with learner-visible text.
//!
//! Most hold a `String`. The short tags repeated all over a large course (the locale of
//! every translation, the variable of every effect, the speaker of every line, the
//! competency of every choice) are [`Tag`]s: kept inline, so loading one allocates nothing.

use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The text of a short id kept inline (up to 24 bytes, on the heap beyond), so the
/// hundreds of thousands of locale tags and variable ids of a large course cost no
/// allocation; it reads as a `&str` like a `String` does.
pub type Tag = CompactString;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        id_type!(@define $(#[$doc])* $name, String, []);
    };
    // Kept inline; its JSON and its schema are those of a string all the same.
    ($(#[$doc:meta])* $name:ident, inline) => {
        id_type!(@define $(#[$doc])* $name, Tag, [#[schemars(with = "String")]]);
    };
    (@define $(#[$doc:meta])* $name:ident, $inner:ty, [$(#[$field:meta])?]) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
        )]
        #[serde(transparent)]
        pub struct $name($(#[$field])? pub $inner);

        impl $name {
            /// The id as written in the course files.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.into())
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// The id of a course (`course.json` `id`).
    CourseId
);
id_type!(
    /// The id of a module in the manifest.
    ModuleId,
    inline
);
id_type!(
    /// The id of a lesson or scenario; unique across the course.
    ItemId,
    inline
);
id_type!(
    /// The id of a scene; unique within its lesson.
    SceneId,
    inline
);
id_type!(
    /// The id of a quiz option or checklist entry; unique within its scene.
    OptionId,
    inline
);
id_type!(
    /// The id of a node in a scenario; unique within the scenario.
    NodeId,
    inline
);
id_type!(
    /// The id of a learner choice; unique within its node.
    ChoiceId,
    inline
);
id_type!(
    /// The id of a declared scenario variable such as `trust`.
    VarId,
    inline
);
id_type!(
    /// The id of a character in a scenario.
    CharacterId,
    inline
);
id_type!(
    /// A competency tag such as `open-questions`.
    Competency,
    inline
);
id_type!(
    /// A locale tag such as `nl` or `en`.
    Locale,
    inline
);

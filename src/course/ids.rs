//! Identifier newtypes. Ids are what progress files, reports and references use, so they
//! are never confused with each other or with learner-visible text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
        )]
        #[serde(transparent)]
        pub struct $name(pub String);

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
                Self(s.to_owned())
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
    ModuleId
);
id_type!(
    /// The id of a lesson or scenario; unique across the course.
    ItemId
);
id_type!(
    /// The id of a scene; unique within its lesson.
    SceneId
);
id_type!(
    /// The id of a quiz option or checklist entry; unique within its scene.
    OptionId
);
id_type!(
    /// The id of a node in a scenario; unique within the scenario.
    NodeId
);
id_type!(
    /// The id of a learner choice; unique within its node.
    ChoiceId
);
id_type!(
    /// The id of a declared scenario variable such as `trust`.
    VarId
);
id_type!(
    /// The id of a character in a scenario.
    CharacterId
);
id_type!(
    /// A competency tag such as `open-questions`.
    Competency
);
id_type!(
    /// A locale tag such as `nl` or `en`.
    Locale
);

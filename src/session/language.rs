//! Which language the session shows course texts in: the text itself, its gloss, and the
//! one notice a screen gives when some texts fall back to another language.

use super::{Open, Session};
use crate::course::ids::Locale;
use crate::course::model::Text;
use crate::i18n::TextScope;

impl Session {
    /// Finds which other languages the texts of what is open (or of the overview) are
    /// shown in, for the one notice a screen gives ([`Session::fallback_notice`]).
    pub(super) fn find_fallbacks(&mut self) {
        let scope = match &self.open {
            Some(Open::Lesson(open)) => self.course.lessons.get(&open.id).map(TextScope::Lesson),
            Some(Open::Scenario(open)) => {
                self.course.scenarios.get(&open.id).map(TextScope::Scenario)
            }
            None => Some(TextScope::Overview(&self.course)),
        };
        self.fallbacks = scope
            .map(|scope| self.i18n.fallbacks_in(scope))
            .unwrap_or_default();
    }

    /// The languages, other than the interface language, that some texts of what is open
    /// (or, with nothing open, of the overview) are shown in, because they are not
    /// translated; empty when everything is.
    pub fn fallbacks(&self) -> &[Locale] {
        &self.fallbacks
    }

    /// The short notice a screen shows once when some of its texts are not translated
    /// ("partly in English"), instead of a marker on every text.
    pub fn fallback_notice(&self) -> Option<String> {
        self.i18n.fallback_notice(&self.fallbacks)
    }

    /// A course text in the current language, or in the first language it falls back to.
    /// It carries no marker: the screen says once which languages it falls back to
    /// ([`Session::fallback_notice`]), so a screen reader does not read a tag per text.
    pub fn text(&self, text: &Text) -> String {
        self.i18n.pick(text).text.to_owned()
    }

    /// The same text in the gloss language, when the gloss is on and differs from it.
    pub fn gloss_of<'t>(&self, text: &'t Text) -> Option<&'t str> {
        let picked = self.i18n.pick(text).locale;
        self.gloss
            .as_ref()
            .filter(|second| *second != picked)
            .and_then(|second| self.i18n.gloss(text, second))
    }
}

//! Colours and text styles by role. Colour is never the only carrier of meaning: selected
//! items also get a marker, outcomes also a word, so `NO_COLOR` and monochrome terminals
//! lose nothing.

use ratatui::style::{Color, Modifier, Style};

/// Which palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Calm colours on the terminal's own background.
    #[default]
    Default,
    /// Maximum contrast: bright text, bold accents, no dim greys.
    HighContrast,
}

impl ThemeName {
    /// The name kept in the profile settings.
    pub fn key(self) -> &'static str {
        match self {
            ThemeName::Default => "default",
            ThemeName::HighContrast => "high-contrast",
        }
    }

    /// The theme named `key` in the profile settings.
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "default" => Some(ThemeName::Default),
            "high-contrast" => Some(ThemeName::HighContrast),
            _ => None,
        }
    }
}

/// The styles of every role on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The palette.
    pub name: ThemeName,
    /// `NO_COLOR` is set: modifiers only.
    pub no_color: bool,
}

impl Theme {
    /// A theme; `no_color` comes from the `NO_COLOR` environment variable at start.
    pub fn new(name: ThemeName, no_color: bool) -> Self {
        Self { name, no_color }
    }

    fn fg(&self, default: Color, high: Color) -> Style {
        if self.no_color {
            return Style::default();
        }
        match self.name {
            ThemeName::Default => Style::default().fg(default),
            ThemeName::HighContrast => Style::default().fg(high),
        }
    }

    /// Body text.
    pub fn text(&self) -> Style {
        self.fg(Color::Reset, Color::White)
    }

    /// Headings and titles.
    pub fn title(&self) -> Style {
        self.fg(Color::Cyan, Color::LightCyan)
            .add_modifier(Modifier::BOLD)
    }

    /// Secondary text: hints, positions, the second-language gloss.
    pub fn dim(&self) -> Style {
        match (self.no_color, self.name) {
            (_, ThemeName::HighContrast) => self.text().add_modifier(Modifier::ITALIC),
            (true, _) => Style::default().add_modifier(Modifier::DIM),
            (false, _) => Style::default().fg(Color::DarkGray),
        }
    }

    /// `*emphasis*` in course text.
    pub fn emphasis(&self) -> Style {
        self.text().add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list (always with a marker too).
    pub fn selected(&self) -> Style {
        if self.no_color {
            return Style::default().add_modifier(Modifier::REVERSED);
        }
        match self.name {
            ThemeName::Default => Style::default()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            ThemeName::HighContrast => Style::default()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// Borders of panels.
    pub fn border(&self) -> Style {
        match self.name {
            ThemeName::HighContrast => self.text(),
            ThemeName::Default => self.fg(Color::Gray, Color::White),
        }
    }

    /// Accents: keys in hints, the focus.
    pub fn accent(&self) -> Style {
        self.fg(Color::Yellow, Color::LightYellow)
            .add_modifier(Modifier::BOLD)
    }

    /// A character speaking in a scenario.
    pub fn character(&self) -> Style {
        self.fg(Color::LightBlue, Color::LightCyan)
    }

    /// The learner's own answers in the transcript.
    pub fn learner(&self) -> Style {
        self.fg(Color::LightGreen, Color::LightGreen)
            .add_modifier(Modifier::BOLD)
    }

    /// A character's inner thought.
    pub fn thought(&self) -> Style {
        self.fg(Color::Magenta, Color::LightMagenta)
            .add_modifier(Modifier::ITALIC)
    }

    /// The coach's feedback.
    pub fn coach(&self) -> Style {
        self.fg(Color::Yellow, Color::LightYellow)
    }

    /// Good: correct answers, good outcomes, a variable going up.
    pub fn good(&self) -> Style {
        self.fg(Color::Green, Color::LightGreen)
            .add_modifier(Modifier::BOLD)
    }

    /// Mixed outcomes.
    pub fn mixed(&self) -> Style {
        self.fg(Color::Yellow, Color::LightYellow)
            .add_modifier(Modifier::BOLD)
    }

    /// Poor: wrong answers, poor outcomes, a variable going down.
    pub fn poor(&self) -> Style {
        self.fg(Color::Red, Color::LightRed)
            .add_modifier(Modifier::BOLD)
    }

    /// A gauge's filled part.
    pub fn gauge(&self) -> Style {
        self.fg(Color::Cyan, Color::White)
    }

    /// Warnings and notices (content notes, progress problems).
    pub fn notice(&self) -> Style {
        self.fg(Color::LightYellow, Color::LightYellow)
            .add_modifier(Modifier::BOLD)
    }
}

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

    /// The selected row of a list (always with a marker too). Not bold: many terminals
    /// draw bold black as grey, which reads badly on a light background.
    pub fn selected(&self) -> Style {
        if self.no_color {
            return Style::default().add_modifier(Modifier::REVERSED);
        }
        match self.name {
            ThemeName::Default => Style::default().fg(Color::Black).bg(Color::Cyan),
            ThemeName::HighContrast => Style::default().fg(Color::Black).bg(Color::White),
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
        // Light blue is too dark on a black background (4.4:1).
        self.fg(Color::Cyan, Color::LightCyan)
    }

    /// The learner's own answers in the transcript.
    pub fn learner(&self) -> Style {
        self.fg(Color::LightGreen, Color::LightGreen)
            .add_modifier(Modifier::BOLD)
    }

    /// A character's inner thought.
    pub fn thought(&self) -> Style {
        // Plain magenta is just too dark on a black background (4.48:1).
        self.fg(Color::LightMagenta, Color::LightMagenta)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The xterm default palette for the 16 named ANSI colours.
    fn rgb(color: Color) -> Option<(u8, u8, u8)> {
        Some(match color {
            Color::Black => (0, 0, 0),
            Color::Red => (205, 0, 0),
            Color::Green => (0, 205, 0),
            Color::Yellow => (205, 205, 0),
            Color::Blue => (0, 0, 238),
            Color::Magenta => (205, 0, 205),
            Color::Cyan => (0, 205, 205),
            Color::Gray => (229, 229, 229),
            Color::DarkGray => (127, 127, 127),
            Color::LightRed => (255, 0, 0),
            Color::LightGreen => (0, 255, 0),
            Color::LightYellow => (255, 255, 0),
            Color::LightBlue => (92, 92, 255),
            Color::LightMagenta => (255, 0, 255),
            Color::LightCyan => (0, 255, 255),
            Color::White => (255, 255, 255),
            Color::Rgb(r, g, b) => (r, g, b),
            _ => return None,
        })
    }

    /// The colour xterm draws: bold text in one of the eight normal colours is drawn in
    /// its bright variant (the "grey on cyan" of issue 14 was bold black).
    fn drawn(color: Color, bold: bool) -> Color {
        if !bold {
            return color;
        }
        match color {
            Color::Black => Color::DarkGray,
            Color::Red => Color::LightRed,
            Color::Green => Color::LightGreen,
            Color::Yellow => Color::LightYellow,
            Color::Blue => Color::LightBlue,
            Color::Magenta => Color::LightMagenta,
            Color::Cyan => Color::LightCyan,
            Color::Gray => Color::White,
            other => other,
        }
    }

    fn luminance(color: Color) -> f64 {
        let (r, g, b) = rgb(color).expect("a named or RGB colour");
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// The WCAG contrast ratio of two colours.
    fn contrast(a: Color, b: Color) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn every_colour_pair_of_every_theme_reads_at_wcag_aa() {
        // The themes draw on the terminal's own background, taken as xterm's dark
        // default (black) with its default light grey text.
        let background = Color::Black;
        let foreground = Color::Gray;
        let mut failures = Vec::new();
        for name in [ThemeName::Default, ThemeName::HighContrast] {
            let theme = Theme::new(name, false);
            let roles: [(&str, Style); 16] = [
                ("text", theme.text()),
                ("title", theme.title()),
                ("dim", theme.dim()),
                ("emphasis", theme.emphasis()),
                ("selected", theme.selected()),
                ("border", theme.border()),
                ("accent", theme.accent()),
                ("character", theme.character()),
                ("learner", theme.learner()),
                ("thought", theme.thought()),
                ("coach", theme.coach()),
                ("good", theme.good()),
                ("mixed", theme.mixed()),
                ("poor", theme.poor()),
                ("gauge", theme.gauge()),
                ("notice", theme.notice()),
            ];
            for (role, style) in roles {
                let bold = style.add_modifier.contains(Modifier::BOLD);
                let fg = match style.fg {
                    None | Some(Color::Reset) => foreground,
                    Some(c) => c,
                };
                let bg = match style.bg {
                    None | Some(Color::Reset) => background,
                    Some(c) => c,
                };
                let ratio = contrast(drawn(fg, bold), bg);
                if ratio < 4.5 {
                    failures.push(format!("{name:?} {role}: {fg:?} on {bg:?} is {ratio:.2}:1"));
                }
            }
        }
        assert!(failures.is_empty(), "below 4.5:1: {failures:#?}");
    }
}

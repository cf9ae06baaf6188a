//! Styles. Everything that matters is also carried by text or modifiers, so
//! the monochrome theme (`NO_COLOR`) stays readable.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use crate::model::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme { color: true }
    }
}

impl Theme {
    pub const MONO: Theme = Theme { color: false };

    /// Colours unless `NO_COLOR` is set to a non-empty value.
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn accent(self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn title(self) -> Style {
        self.accent().add_modifier(Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn warn(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }

    /// The highlighted row: reversed in the focused pane, bold elsewhere.
    pub fn selected(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::REVERSED),
            (false, true) => Style::new().bg(Color::DarkGray).fg(Color::White),
            (false, false) => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// `line` as the highlighted row. Grey text would vanish on the grey or
    /// blue bar, so it takes the bar's own colour.
    pub fn highlight(self, mut line: Line<'static>, focused: bool) -> Line<'static> {
        if self.color {
            for span in &mut line.spans {
                if span.style.fg == Some(Color::DarkGray) {
                    span.style.fg = None;
                }
            }
        }
        line.style(self.selected(focused))
    }

    pub fn status(self, status: Status) -> Style {
        match status {
            Status::Todo => Style::new(),
            Status::Doing => self.warn().add_modifier(Modifier::BOLD),
            Status::Done => self.ok(),
            Status::Skipped => self.dim(),
        }
    }

    pub fn bar_filled(self) -> Style {
        self.ok()
    }

    pub fn bar_empty(self) -> Style {
        self.dim()
    }
}

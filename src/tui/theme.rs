//! Styles. Everything that matters is also carried by text or modifiers, so
//! the monochrome theme (`NO_COLOR`) stays readable: there, selection is
//! reverse video and emphasis bold, whatever the palette says.
//!
//! The colours come from a [`Palette`]: the built-in `default` (for dark
//! terminals) or `light`, with any element overridden by the config file.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use crate::model::Status;

/// The colour of every themed element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Titles, the focused pane's border, key hints, links.
    pub accent: Color,
    /// Done skills, the filled part of progress bars, good news.
    pub ok: Color,
    /// Skills in progress, locks.
    pub warn: Color,
    /// Errors.
    pub error: Color,
    /// Skipped skills, secondary text, other panes' borders.
    pub dim: Color,
    /// The selected row in the focused pane: background and text.
    pub selected_bg: Color,
    pub selected_fg: Color,
    /// The selected row in the other panes: background and text.
    pub unfocused_bg: Color,
    pub unfocused_fg: Color,
}

impl Palette {
    /// For dark terminals.
    pub const DEFAULT: Palette = Palette {
        accent: Color::Cyan,
        ok: Color::Green,
        warn: Color::Yellow,
        error: Color::Red,
        dim: Color::DarkGray,
        selected_bg: Color::Blue,
        selected_fg: Color::White,
        unfocused_bg: Color::DarkGray,
        unfocused_fg: Color::White,
    };

    /// For light terminals: nothing yellow or white on white.
    pub const LIGHT: Palette = Palette {
        accent: Color::Blue,
        ok: Color::Rgb(0x1a, 0x7f, 0x37),
        warn: Color::Rgb(0x9a, 0x67, 0x00),
        error: Color::Rgb(0xcf, 0x22, 0x2e),
        dim: Color::Rgb(0x6e, 0x77, 0x81),
        selected_bg: Color::Rgb(0x0a, 0x54, 0xb8),
        selected_fg: Color::White,
        unfocused_bg: Color::Rgb(0xd0, 0xd7, 0xde),
        unfocused_fg: Color::Black,
    };

    /// The built-in palettes, by the name the config file selects them with.
    pub const PRESETS: &[(&str, Palette)] =
        &[("default", Palette::DEFAULT), ("light", Palette::LIGHT)];

    /// Every element: its name in the config file and what it colours.
    pub const ELEMENTS: &[(&str, &str)] = &[
        (
            "accent",
            "titles, the focused pane's border, key hints, links",
        ),
        ("ok", "done skills, filled progress bars, good news"),
        ("warn", "skills in progress, locks"),
        ("error", "errors"),
        (
            "dim",
            "skipped skills, secondary text, other panes' borders",
        ),
        (
            "selected-bg",
            "background of the selected row in the focused pane",
        ),
        (
            "selected-fg",
            "text of the selected row in the focused pane",
        ),
        (
            "unfocused-bg",
            "background of the selected row in other panes",
        ),
        ("unfocused-fg", "text of the selected row in other panes"),
    ];

    /// The colour of the element called `name` (see [`Palette::ELEMENTS`]).
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Color> {
        Some(match name {
            "accent" => &mut self.accent,
            "ok" => &mut self.ok,
            "warn" => &mut self.warn,
            "error" => &mut self.error,
            "dim" => &mut self.dim,
            "selected-bg" => &mut self.selected_bg,
            "selected-fg" => &mut self.selected_fg,
            "unfocused-bg" => &mut self.unfocused_bg,
            "unfocused-fg" => &mut self.unfocused_fg,
            _ => return None,
        })
    }

    pub fn get(mut self, name: &str) -> Option<Color> {
        self.get_mut(name).map(|c| *c)
    }
}

impl Default for Palette {
    fn default() -> Self {
        Palette::DEFAULT
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            palette: Palette::DEFAULT,
        }
    }
}

impl Theme {
    pub const MONO: Theme = Theme {
        color: false,
        palette: Palette::DEFAULT,
    };

    /// `palette`, in colour unless `NO_COLOR` is set to a non-empty value.
    pub fn from_env(palette: Palette) -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            palette,
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
            Style::new().fg(self.palette.dim)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn accent(self) -> Style {
        self.fg(self.palette.accent)
    }

    pub fn title(self) -> Style {
        self.accent().add_modifier(Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.fg(self.palette.ok)
    }

    pub fn warn(self) -> Style {
        self.fg(self.palette.warn)
    }

    pub fn error(self) -> Style {
        self.fg(self.palette.error).add_modifier(Modifier::BOLD)
    }

    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(self.palette.accent),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }

    /// The highlighted row: reversed in the focused pane, bold elsewhere.
    pub fn selected(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new()
                .bg(self.palette.selected_bg)
                .fg(self.palette.selected_fg)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::REVERSED),
            (false, true) => Style::new()
                .bg(self.palette.unfocused_bg)
                .fg(self.palette.unfocused_fg),
            (false, false) => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// `line` as the highlighted row. Grey text would vanish on the grey or
    /// blue bar, so it takes the bar's own colour.
    pub fn highlight(self, mut line: Line<'static>, focused: bool) -> Line<'static> {
        if self.color {
            for span in &mut line.spans {
                if span.style.fg == Some(self.palette.dim) {
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

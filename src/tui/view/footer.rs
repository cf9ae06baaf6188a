//! The key hints (from the keymap) and the status line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{fit, width};
use crate::tui::app::{App, Message, Mode, Pane};

pub fn render(app: &App, hints_area: Rect, status_area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let mut spans = Vec::new();
    let mut used = 0;
    let all = app.keymap.hints(app.key_mode());
    let room = usize::from(hints_area.width);
    let piece = |(key, word): &(String, &str)| width(key) + width(word) + 3;
    // The last two (help and quit in the main view) always stay; others are
    // dropped from the right when the line is too short.
    let kept = all.len().saturating_sub(2);
    let reserve: usize = all[kept..].iter().map(piece).sum();
    for (i, hint) in all.iter().enumerate() {
        let cost = piece(hint);
        if i < kept && used + cost + reserve > room {
            continue;
        }
        used += cost;
        spans.push(Span::styled(
            format!(" {}", hint.0),
            t.accent().add_modifier(ratatui::style::Modifier::BOLD),
        ));
        spans.push(Span::styled(format!(" {} ", hint.1), t.dim()));
    }
    Line::from(spans).render(hints_area, buf);

    let cells = usize::from(status_area.width).saturating_sub(1);
    let line = match &app.message {
        Some(Message::Info(text)) => Line::styled(format!(" {}", fit(text, cells)), t.ok()),
        Some(Message::Error(text)) => Line::styled(format!(" {}", fit(text, cells)), t.error()),
        None => Line::styled(format!(" {}", fit(idle_hint(app), cells)), t.dim()),
    };
    line.render(status_area, buf);
}

/// What to do next where the focus is, when there is no message.
fn idle_hint(app: &App) -> &'static str {
    match (&app.mode, app.focus) {
        (Mode::Search(_), _) => "type to filter · ↑↓ choose · Enter jump · Esc cancel",
        (Mode::Help { .. }, _) => "? or Esc closes the help",
        (Mode::Unreadable { .. }, _) => "m moves the damaged profile aside · q quits",
        (Mode::Main, Pane::Stages) => {
            "↑↓ choose a stage · Enter shows its skills · Tab/←→ switch pane"
        }
        (Mode::Main, Pane::Skills) => {
            "↑↓ choose a skill · Enter details · Space done · p doing · Tab/←→ switch pane"
        }
        (Mode::Main, Pane::Details) => {
            "↑↓ choose a link · Enter follows it or opens the resource · o opens · y copies"
        }
        (Mode::Main, Pane::Next) => {
            "↑↓ choose a suggestion · Enter jumps to it · Space marks it done"
        }
    }
}

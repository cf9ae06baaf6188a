//! The help overlay, generated from the keymap so it cannot drift.

use std::fmt::Write;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::{centered, popup_space};
use super::skills::LOCK;
use super::text::pad;
use super::{marks, popup_block};
use crate::model::Status;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{KeyMode, Keymap, MOUSE_HELP};
use crate::tui::theme::Theme;

const KEY_CELLS: usize = 18;

fn lines(t: Theme, keymap: &Keymap) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for mode in KeyMode::ALL {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(mode.title(), t.title()));
        for b in keymap.bindings(mode) {
            out.push(Line::from(vec![
                Span::styled(format!("  {}", pad(&b.keys_label(), KEY_CELLS)), t.bold()),
                Span::raw(b.help),
            ]));
        }
    }
    out.push(Line::default());
    out.push(Line::styled("Mouse", t.title()));
    for (what, does) in MOUSE_HELP {
        out.push(Line::from(vec![
            Span::styled(format!("  {}", pad(what, KEY_CELLS)), t.bold()),
            Span::raw(*does),
        ]));
    }
    out.push(Line::default());
    out.push(Line::styled("Marks", t.title()));
    let mut marks = vec![Span::raw("  ")];
    for s in Status::ALL {
        marks.push(Span::styled(s.mark(), t.status(s)));
        marks.push(Span::raw(format!(" {s}  ")));
    }
    marks.push(Span::styled(LOCK, t.warn()));
    marks.push(Span::raw(" locked (prerequisites missing)  "));
    marks.push(Span::styled(super::skills::DUE, t.warn()));
    marks.push(Span::raw(" review due"));
    out.push(Line::from(marks));
    out
}

fn popup_area(area: Rect) -> Rect {
    centered(
        popup_space(area),
        84.min(area.width.saturating_sub(4)),
        area.height,
    )
}

/// How many rows of the help show at terminal size `size`.
pub fn page(size: (u16, u16)) -> usize {
    let area = popup_area(Rect::new(0, 0, size.0, size.1));
    usize::from(area.height.saturating_sub(2))
}

/// How far the help can scroll at terminal size `size`.
pub fn max_scroll(size: (u16, u16), keymap: &Keymap) -> usize {
    lines(Theme::default(), keymap)
        .len()
        .saturating_sub(page(size))
}

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let popup = popup_area(area);
    let all = lines(app.theme, &app.keymap);
    let total = all.len();
    let title = title(&app.keymap);
    let inner = popup_block(app, &title, popup, buf);
    let h = usize::from(inner.height);
    let scroll = scroll.min(total.saturating_sub(h));
    for (y, line) in all.into_iter().skip(scroll).take(h).enumerate() {
        let y = inner.y + u16::try_from(y).unwrap_or(0);
        line.render(
            Rect::new(inner.x + 1, y, inner.width.saturating_sub(1), 1),
            buf,
        );
    }
    let (above, below) = marks::hidden(scroll, h, total);
    marks::render(app.theme, popup, above, below, buf);
}

/// The title (`Keys · ↑ ↓ PgUp PgDn g G scroll · ? or Esc closes`), from
/// the keys bound.
fn title(keymap: &Keymap) -> String {
    let first = |a: Action| keymap.key_of(KeyMode::Help, &a);
    let scroll: Vec<String> = [
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::First,
        Action::Last,
    ]
    .into_iter()
    .filter_map(first)
    .collect();
    let scroll = scroll.join(" ").replacen("↑ ↓", "↑↓", 1);
    let mut title = "Keys".to_string();
    if !scroll.is_empty() {
        let _ = write!(title, " · {scroll} scroll");
    }
    if let Some(close) = keymap
        .bindings(KeyMode::Help)
        .find(|b| b.action == Action::Close)
    {
        let keys: Vec<String> = close.keys.iter().take(2).map(|k| k.label()).collect();
        if !keys.is_empty() {
            let _ = write!(title, " · {} closes", keys.join(" or "));
        }
    }
    title
}

//! The help overlay, generated from the keymap so it cannot drift.

use std::fmt::Write;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::{centered, popup_space};
use super::skills::LOCK;
use super::text::{pad, width, wrap};
use super::{marks, popup_block};
use crate::model::Status;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{KeyMode, Keymap, MOUSE_HELP};
use crate::tui::theme::Theme;

const KEY_CELLS: usize = 18;

/// One row of the help: the keys, then what they do, wrapped under
/// itself when the popup is narrow (never cut at the edge).
fn row(t: Theme, keys: &str, does: &str, cells: usize, out: &mut Vec<Line<'static>>) {
    let lead = 2 + KEY_CELLS.max(width(keys) + 1);
    let parts = wrap(does, cells.saturating_sub(lead).max(12));
    for (n, part) in parts.into_iter().enumerate() {
        out.push(if n == 0 {
            Line::from(vec![
                Span::styled(format!("  {}", pad(keys, lead - 2)), t.bold()),
                Span::raw(part),
            ])
        } else {
            Line::raw(format!("{}{part}", " ".repeat(lead)))
        });
    }
}

/// The help's lines for a text `cells` wide.
fn lines(t: Theme, keymap: &Keymap, cells: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for mode in KeyMode::ALL {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(mode.title(), t.title()));
        for b in keymap.bindings(mode) {
            row(t, &b.keys_label(), b.help, cells, &mut out);
        }
    }
    out.push(Line::default());
    out.push(Line::styled("Mouse", t.title()));
    for (what, does) in MOUSE_HELP {
        row(t, what, does, cells, &mut out);
    }
    out.push(Line::default());
    out.push(Line::styled("Marks", t.title()));
    let mut marks = vec![Span::raw("  ")];
    for s in Status::ALL {
        marks.push(Span::styled(s.mark(), t.status(s)));
        marks.push(Span::raw(format!(" {s}  ")));
    }
    let lock = vec![
        Span::styled(LOCK, t.warn()),
        Span::raw(" locked (prerequisites missing)  "),
        Span::styled(super::skills::DUE, t.warn()),
        Span::raw(" review due"),
    ];
    let line = Line::from(marks.clone());
    if line.width() + Line::from(lock.clone()).width() <= cells {
        marks.extend(lock);
        out.push(Line::from(marks));
    } else {
        out.push(line);
        out.push(Line::from([vec![Span::raw("  ")], lock].concat()));
    }
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

/// The width of the help's text in `popup`: inside the border, after a
/// margin.
fn text_cells(popup: Rect) -> usize {
    usize::from(popup.width.saturating_sub(3))
}

/// How far the help can scroll at terminal size `size`.
pub fn max_scroll(size: (u16, u16), keymap: &Keymap) -> usize {
    let popup = popup_area(Rect::new(0, 0, size.0, size.1));
    lines(Theme::default(), keymap, text_cells(popup))
        .len()
        .saturating_sub(page(size))
}

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let popup = popup_area(area);
    let all = lines(app.theme, &app.keymap, text_cells(popup));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_help_text_wraps_whole_inside_the_popup() {
        let keymap = crate::tui::keymap::builtin();
        for (w, h) in [(80, 24), (100, 30), (120, 40)] {
            let cells = text_cells(popup_area(Rect::new(0, 0, w, h)));
            let all = lines(Theme::default(), keymap, cells);
            for l in &all {
                assert!(l.width() <= cells, "{w}x{h}: {l:?} is {} wide", l.width());
            }
            let text: String = all
                .iter()
                .map(|l| l.to_string().trim().to_string())
                .collect::<Vec<_>>()
                .join(" ");
            for mode in KeyMode::ALL {
                for b in keymap.bindings(mode) {
                    assert!(text.contains(b.help), "{w}x{h}: {:?} is not whole", b.help);
                }
            }
            assert!(text.contains("locked (prerequisites missing)"));
        }
    }
}

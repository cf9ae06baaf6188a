//! The roadmap switcher popup: every roadmap of the library with a
//! progress bar; the one shown and the default are marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::{centered, follow, popup_space};
use super::text::{pad, width};
use super::{key_label, popup_block};
use crate::tui::action::Action;
use crate::tui::app::{App, SwitcherState};
use crate::tui::keymap::KeyMode;

const BAR: usize = 12;

fn bar(finished: usize, total: usize) -> String {
    let filled = (finished.min(total) * BAR)
        .checked_div(total)
        .unwrap_or(BAR);
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR - filled))
}

pub fn render(app: &App, state: &SwitcherState, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let rows = u16::try_from(state.entries.len()).unwrap_or(u16::MAX);
    let popup = centered(
        popup_space(area),
        90.min(area.width.saturating_sub(4)),
        rows.saturating_add(4),
    );
    let title = format!(
        "Roadmaps · {} switches · {} closes",
        key_label(app, KeyMode::Switcher, &Action::Enter),
        key_label(app, KeyMode::Switcher, &Action::Close)
    );
    let inner = popup_block(app, &title, popup, buf);
    if inner.height == 0 {
        return;
    }
    let cells = usize::from(inner.width);
    Line::styled(
        " ● shown now · * default (roadmap use) · add more with `roadmap import`",
        t.dim(),
    )
    .render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
    let place = |e: &crate::tui::app::SwitchEntry| {
        if e.key == e.kind {
            format!(" {}", e.key)
        } else {
            format!(" {} · {}", e.key, e.kind)
        }
    };
    // One column for every row's id, so the bars line up.
    let place_width = state
        .entries
        .iter()
        .map(|e| width(&place(e)))
        .max()
        .unwrap_or(0)
        .min(cells / 3);
    let h = usize::from(inner.height.saturating_sub(2));
    let offset = follow(0, state.cursor, h).min(state.entries.len().saturating_sub(h));
    for (row, i) in (offset..state.entries.len()).take(h).enumerate() {
        let e = &state.entries[i];
        let shown = e.roadmap_id() == Some(app.roadmap.id.as_str());
        let mark = format!(
            " {}{} ",
            if shown { '●' } else { ' ' },
            if e.in_use { '*' } else { ' ' }
        );
        let place = pad(&place(e), place_width);
        let mut spans = vec![Span::styled(mark, t.accent())];
        match &e.loaded {
            Ok((title, _, finished, total, percent)) => {
                let numbers = pad(&format!(" {percent:>3}% {finished}/{total}"), 14);
                let room = cells.saturating_sub(place_width + width(&numbers) + BAR + 6);
                spans.push(Span::raw(pad(title, room)));
                spans.push(Span::raw(" "));
                spans.push(Span::styled(bar(*finished, *total), t.accent()));
                spans.push(Span::raw(numbers));
            }
            Err(err) => {
                let room = cells.saturating_sub(place_width + 5);
                spans.push(Span::styled(
                    pad(&format!("cannot be loaded: {err}"), room),
                    t.error(),
                ));
            }
        }
        spans.push(Span::styled(place, t.dim()));
        let mut line = Line::from(spans);
        if i == state.cursor {
            line = t.highlight(line, true);
        }
        let y = inner.y + 2 + u16::try_from(row).unwrap_or(0);
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

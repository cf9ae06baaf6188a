//! The path of stages, each with its progress bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::layout::list_offset;
use super::text::{bar, pad};
use super::{marks, pane_block};
use crate::tui::app::{App, Mode, Pane};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let mut block = pane_block(app, Pane::Stages, " Stages ".to_string());
    if let Some(tally) = app.eval().stages.get(app.stage) {
        let note = if tally.is_complete() {
            " stage finished ✓ ".to_string()
        } else if tally.hours_left > 0 {
            format!(" {} h left in stage ", tally.hours_left)
        } else {
            String::new()
        };
        if !note.is_empty() {
            block = block.title_bottom(Line::styled(note, t.dim()).right_aligned());
        }
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let stages = &app.roadmap.stages;
    if stages.is_empty() {
        Paragraph::new("This roadmap has no stages yet.")
            .style(t.dim())
            .render(inner, buf);
        return;
    }
    let h = usize::from(inner.height);
    let offset = list_offset(app.stage_offset, app.stage, stages.len(), h);
    let (above, below) = marks::hidden(offset, h, stages.len());
    marks::render(t, area, above, below, buf);
    let current = app.current_stage();
    let count_width = app
        .eval()
        .stages
        .iter()
        .map(|s| format!("{}/{}", s.finished(), s.total()).len())
        .max()
        .unwrap_or(3);
    let bar_cells = if inner.width >= 44 { 8 } else { 6 };
    let title_cells = usize::from(inner.width).saturating_sub(3 + 1 + bar_cells + 1 + count_width);
    let focused = app.focus == Pane::Stages && matches!(app.mode, Mode::Main);
    for (row, i) in (offset..stages.len()).take(h).enumerate() {
        let tally = app.eval().stages[i];
        let glyph = if tally.is_complete() {
            "✓ "
        } else if Some(i) == current {
            "▸ "
        } else {
            "  "
        };
        let (filled, empty) = bar(tally.finished(), tally.total(), bar_cells);
        let count = format!("{}/{}", tally.finished(), tally.total());
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(glyph, if glyph == "✓ " { t.ok() } else { t.accent() }),
            Span::raw(pad(&stages[i].title, title_cells)),
            Span::raw(" "),
            Span::styled(filled, t.bar_filled()),
            Span::styled(empty, t.bar_empty()),
            Span::raw(format!(" {count:>count_width$}")),
        ]);
        let line = if i == app.stage {
            t.highlight(line, focused)
        } else {
            line
        };
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

//! The skills of the selected stage. Only the visible window of rows is
//! built, so a stage of any length draws in constant time.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::text::{fit, width};
use super::{marks, pane_block};
use crate::tui::app::nav::skills_offset;
use crate::tui::app::{App, Filter, Mode, Pane, Row};

/// Marks a skill whose prerequisites are not all finished.
pub const LOCK: &str = "⊘";
/// Marks a done skill whose review is due today.
pub const DUE: &str = "↻";

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(stage) = app.roadmap.stages.get(app.stage) else {
        let block = pane_block(app, Pane::Skills, " Skills ".to_string());
        block.render(area, buf);
        return;
    };
    let tally = app.eval().stages[app.stage];
    let mut title = format!(" {} · {}/{} ", stage.title, tally.finished(), tally.total());
    if app.filter != Filter::All {
        // The active filter, where the eye is.
        title = format!("{title}· {} (f) ", app.filter.label());
    }
    let block = pane_block(app, Pane::Skills, title);
    let inner = block.inner(area);
    block.render(area, buf);
    let rows = &app.rows[app.stage];
    if rows.is_empty() {
        let text = if app.filter == Filter::All {
            "No skills in this stage.".to_string()
        } else {
            format!(
                "No skill here is {}. f or F changes the filter.",
                app.filter.label().trim_start_matches("only ")
            )
        };
        Paragraph::new(text)
            .style(t.dim())
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
        return;
    }
    let h = usize::from(inner.height);
    let cursor = app.cursor[app.stage];
    let offset = skills_offset(rows, app.offset[app.stage], cursor, h);
    let (above, below) = marks::hidden(offset, h, rows.len());
    marks::render(t, area, above, below, buf);
    let focused = app.focus == Pane::Skills && matches!(app.mode, Mode::Main);
    for (y, r) in (offset..rows.len()).take(h).enumerate() {
        let last_in_group = !matches!(rows.get(r + 1), Some(Row::Skill { grouped: true, .. }));
        let line = match rows[r] {
            Row::Choice(c) => choice_line(app, c, usize::from(inner.width)),
            Row::Skill { skill, grouped } => {
                let branch = match (grouped, last_in_group) {
                    (false, _) => "",
                    (true, false) => "│ ",
                    (true, true) => "└ ",
                };
                skill_line(app, skill, branch, usize::from(inner.width))
            }
        };
        let line = if r == cursor {
            t.highlight(line, focused)
        } else {
            line
        };
        let y = inner.y + u16::try_from(y).unwrap_or(0);
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

/// A choice header: its title, cut between words if need be, and its
/// state, always whole.
fn choice_line(app: &App, c: usize, cells: usize) -> Line<'static> {
    let t = app.theme;
    let choice = &app.roadmap.choices[c];
    let done = app.eval().choice_done(c).min(choice.pick);
    let (state, style) = if app.eval().choice_satisfied(&app.roadmap, c) {
        // Satisfied without enough picks: every option was declined.
        let how = if done >= choice.pick {
            " ✓ picked"
        } else {
            " ✓ skipped"
        };
        (how.to_string(), t.ok())
    } else {
        let of = choice.from.len();
        let long = format!(" · pick {} of {of} ({done} done)", choice.pick);
        let short = format!(" · {done}/{} picked", choice.pick);
        let title_room = cells.saturating_sub(3 + width(&long));
        // The long form while the title keeps most of its words.
        if width(&choice.title) <= title_room || title_room >= 24 {
            (long, t.dim())
        } else {
            (short, t.dim())
        }
    };
    let room = cells.saturating_sub(3 + width(&state) + 1);
    Line::from(vec![
        Span::styled(" ┌ ", t.dim()),
        Span::styled(fit(&choice.title, room), t.accent()),
        Span::styled(state, style),
    ])
}

fn skill_line(app: &App, skill: usize, branch: &'static str, cells: usize) -> Line<'static> {
    let t = app.theme;
    let s = &app.roadmap.skills[skill];
    let status = app.states()[skill].status;
    let unpicked = app.is_unpicked(skill);
    let locked = !app.eval().unlocked[skill] && !status.is_finished();
    let mut tag = String::new();
    if s.optional {
        tag.push_str(" · optional");
    }
    if unpicked {
        tag.push_str(" · not picked");
    }
    let lock = if locked {
        format!("{LOCK} ")
    } else if app.is_due(skill) {
        format!("{DUE} ")
    } else {
        String::new()
    };
    let used = 1 + width(branch) + 4 + width(&lock) + width(&tag) + 1;
    let title = fit(&s.title, cells.saturating_sub(used));
    let title_style = if unpicked || status == crate::model::Status::Skipped {
        t.dim()
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::raw(" "),
        Span::styled(branch, t.dim()),
        Span::styled(status.mark(), t.status(status)),
        Span::raw(" "),
        Span::styled(lock, t.warn()),
        Span::styled(title, title_style),
        Span::styled(tag, t.dim()),
    ])
}

//! Today's plan (reviews, then steps, each with its minutes; what was done
//! today marked) and the small box for typing the time spent on a skill.
//! The plan and its words come from the model (`App::today_plan`,
//! `model::review::words`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::{centered, popup_space};
use super::text::{fit, pad, wrap};
use super::{key_label, marks, popup_block};
use crate::model::review::duration::format as minutes;
use crate::model::review::today::Plan;
use crate::model::review::words;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::app::today::{TimeInput, TodayState};
use crate::tui::keymap::KeyMode;

fn popup_area(area: Rect) -> Rect {
    centered(
        popup_space(area),
        90.min(area.width.saturating_sub(4)),
        area.height,
    )
}

/// Rows of the plan visible at terminal size `size`.
pub fn list_height(size: (u16, u16)) -> usize {
    let popup = popup_area(Rect::new(0, 0, size.0, size.1));
    usize::from(popup.height.saturating_sub(2))
}

/// Cells a skill's title takes in a line.
const TITLE_CELLS: usize = 34;

/// Every row of the plan, and the row of each selectable line (in the
/// order `App::plan_skills` lists them).
fn rows(app: &App, plan: &Plan, cursor: usize, cells: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let t = app.theme;
    let roadmap = &app.roadmap;
    let mut out = Vec::new();
    let mut at = Vec::new();
    for l in wrap(
        &format!(
            "{} today ({}).",
            minutes(i64::from(plan.minutes)),
            words::source(plan)
        ),
        cells.max(1),
    ) {
        out.push(Line::styled(l, t.dim()));
    }
    let title_cells = TITLE_CELLS.min(cells * 2 / 5).max(12);
    let line = |row: usize, mark: &'static str, done: bool, skill: usize, m: u32, note: String| {
        let title = fit(&roadmap.skills[skill].title, title_cells);
        let style = if done { t.ok() } else { Style::new() };
        let mut l = Line::from(vec![
            Span::styled(format!(" {mark} "), if done { t.ok() } else { t.accent() }),
            Span::styled(pad(&title, title_cells), style),
            Span::raw(format!("  {:>10}  ", minutes(i64::from(m)))),
            Span::styled(note, t.dim()),
        ]);
        if row == cursor {
            l = t.highlight(l, true);
        }
        l
    };
    if !plan.reviews.is_empty() {
        let total: u32 = plan.reviews.iter().map(|r| r.minutes).sum();
        out.push(Line::default());
        out.push(Line::styled(
            format!("Review · {}", minutes(i64::from(total))),
            t.title(),
        ));
        for r in &plan.reviews {
            at.push(out.len());
            let l = line(
                at.len() - 1,
                words::review_mark(r),
                r.done_today(),
                r.skill,
                r.minutes,
                words::review_note(r, roadmap),
            );
            out.push(l);
        }
    }
    if !plan.learn.is_empty() {
        let total: u32 = plan.learn.iter().map(|l| l.minutes).sum();
        out.push(Line::default());
        out.push(Line::styled(
            format!("Learn · {}", minutes(i64::from(total))),
            t.title(),
        ));
        for l in &plan.learn {
            at.push(out.len());
            let row = line(
                at.len() - 1,
                words::learn_mark(l),
                l.done_today,
                l.skill,
                l.minutes,
                words::learn_note(l),
            );
            out.push(row);
        }
    }
    let remarks = words::remarks(plan);
    if !remarks.is_empty() {
        out.push(Line::default());
    }
    for r in remarks {
        for l in wrap(&r, cells.max(1)) {
            out.push(Line::styled(l, t.dim()));
        }
    }
    (out, at)
}

pub fn render(app: &App, state: &TodayState, area: Rect, buf: &mut Buffer) {
    let popup = popup_area(area);
    let close = key_label(app, KeyMode::Today, &Action::Close);
    let title = match &app.reviews.plan {
        Some(p) => format!("Today · {} · {close} closes", p.today),
        None => format!("Today · {close} closes"),
    };
    let inner = popup_block(
        app,
        &fit(&title, usize::from(popup.width).saturating_sub(4)),
        popup,
        buf,
    );
    let text = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    let Some(plan) = &app.reviews.plan else {
        return;
    };
    let (all, at) = rows(app, plan, state.cursor, usize::from(text.width));
    let h = usize::from(text.height);
    let total = all.len();
    // The chosen line stays in view, with the rest of the plan after it.
    let row = at.get(state.cursor).copied().unwrap_or(0);
    let scroll = (row + 1).saturating_sub(h).min(total.saturating_sub(h));
    for (y, line) in all.into_iter().skip(scroll).take(h).enumerate() {
        let y = text.y + u16::try_from(y).unwrap_or(0);
        line.render(Rect::new(text.x, y, text.width, 1), buf);
    }
    let (above, below) = marks::hidden(scroll, h, total);
    marks::render(app.theme, popup, above, below, buf);
}

/// The box for the time spent on a skill.
pub fn render_log_time(app: &App, input: &TimeInput, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let popup = centered(popup_space(area), 72.min(area.width.saturating_sub(4)), 7);
    let skill = &app.roadmap.skills[input.skill];
    let title = format!("Time spent on {}", skill.title);
    let inner = popup_block(
        app,
        &fit(&title, usize::from(popup.width).saturating_sub(4)),
        popup,
        buf,
    );
    let cells = usize::from(inner.width).saturating_sub(2);
    let so_far = if input.logged > 0 {
        format!("{} logged so far", minutes(input.logged))
    } else {
        "nothing logged yet".to_string()
    };
    let estimate = skill
        .hours
        .map_or_else(|| "no estimate".to_string(), |h| format!("estimate {h} h"));
    let mut lines = vec![
        Line::from(vec![
            Span::styled(" > ", t.title()),
            Span::raw(fit(&input.text, cells.saturating_sub(4))),
            Span::styled("█", t.accent()),
        ]),
        Line::styled(format!(" {so_far} · {estimate}"), t.dim()),
        Line::styled(
            format!(
                " 45m, 1.5h, 2h30m; -30m takes time back · {} logs · {} cancels",
                key_label(app, KeyMode::LogTime, &Action::Enter),
                key_label(app, KeyMode::LogTime, &Action::Close)
            ),
            t.dim(),
        ),
    ];
    if let Some(e) = &input.error {
        lines.push(Line::styled(format!(" {}", fit(e, cells)), t.error()));
    }
    for (y, line) in lines
        .into_iter()
        .enumerate()
        .take(usize::from(inner.height))
    {
        let y = inner.y + u16::try_from(y).unwrap_or(0);
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

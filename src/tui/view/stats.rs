//! The stats view: streaks, a GitHub-style calendar of the last 52 weeks,
//! pace, hours left, the finish date, skills finished per week and time per
//! skill. It only formats numbers the model computed (`App::stats`); the
//! calendar's shades read without colour (`NO_COLOR`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::{centered, popup_space};
use super::text::{fit, pad, wrap};
use super::{key_label, marks, popup_block};
use crate::model::journal::heatmap::{COUNTED, SHADES, WEEKS};
use crate::model::journal::{Heatmap, Stats, words};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::KeyMode;
use crate::tui::theme::Theme;

/// Cells of the labels in front of values ("Streak", "Pace"…).
const LABEL: usize = 11;
/// Widest skill title in "time per skill".
const TITLE_CELLS: usize = 30;
/// Most recently done skills listed under "time per skill" (the view stays
/// a key press at any size; `roadmap stats --json` lists all).
const TIME_ROWS: usize = 30;

fn popup_area(area: Rect) -> Rect {
    centered(
        popup_space(area),
        84.min(area.width.saturating_sub(4)),
        area.height,
    )
}

/// The text area inside the frame at terminal size `size`.
fn text_area(size: (u16, u16)) -> Rect {
    let popup = popup_area(Rect::new(0, 0, size.0, size.1));
    Rect::new(
        popup.x + 2,
        popup.y + 1,
        popup.width.saturating_sub(3),
        popup.height.saturating_sub(2),
    )
}

/// How many rows of the stats show at terminal size `size`.
pub fn page(size: (u16, u16)) -> usize {
    usize::from(text_area(size).height)
}

/// How far the stats can scroll.
pub fn max_scroll(app: &App) -> usize {
    let width = usize::from(text_area(app.size).width);
    lines(app, width).len().saturating_sub(page(app.size))
}

/// A heat level's style: the shade carries the level; colour only helps.
fn heat(t: Theme, level: u8) -> Style {
    if !t.color {
        return Style::new();
    }
    match level {
        0 => Style::new().fg(Color::DarkGray),
        1 | 2 => Style::new().fg(Color::Green),
        _ => Style::new().fg(Color::LightGreen),
    }
}

/// `label` then `value` wrapped under itself.
fn labelled(out: &mut Vec<Line<'static>>, t: Theme, label: &str, value: &str, width: usize) {
    for (i, part) in wrap(value, width.saturating_sub(LABEL).max(10))
        .into_iter()
        .enumerate()
    {
        let head = if i == 0 {
            pad(label, LABEL)
        } else {
            " ".repeat(LABEL)
        };
        out.push(Line::from(vec![
            Span::styled(head, t.bold()),
            Span::raw(part),
        ]));
    }
}

fn heatmap_lines(out: &mut Vec<Line<'static>>, t: Theme, map: &Heatmap) {
    out.push(Line::styled(map.month_line(), t.dim()));
    for row in 0..7 {
        let mut spans = vec![Span::styled(Heatmap::weekday_label(row), t.dim())];
        let mut run = String::new();
        let mut run_level = None;
        for week in map.weeks.iter().take(WEEKS) {
            let cell = week[row];
            let (c, level) = if cell.future {
                (' ', 0)
            } else {
                (SHADES[usize::from(cell.level)], cell.level)
            };
            if run_level.is_some_and(|l| l != level) {
                let l = run_level.unwrap_or(0);
                spans.push(Span::styled(std::mem::take(&mut run), heat(t, l)));
            }
            run_level = Some(level);
            run.push(c);
        }
        spans.push(Span::styled(run, heat(t, run_level.unwrap_or(0))));
        out.push(Line::from(spans));
    }
    let mut legend = vec![Span::raw("    ")];
    let most = format!("7+ {COUNTED}");
    for (level, label) in ["none", "1", "2–3", "4–6", most.as_str()]
        .iter()
        .enumerate()
    {
        let level = u8::try_from(level).unwrap_or(0);
        legend.push(Span::styled(
            SHADES[usize::from(level)].to_string(),
            heat(t, level),
        ));
        legend.push(Span::styled(format!(" {label}  "), t.dim()));
    }
    out.push(Line::from(legend));
}

fn body(out: &mut Vec<Line<'static>>, app: &App, s: &Stats, width: usize) {
    let t = app.theme;
    labelled(out, t, "Streak", &words::streak(&s.streaks), width);
    labelled(out, t, "Activity", &words::activity(s), width);
    out.push(Line::default());
    heatmap_lines(out, t, &s.heatmap);
    out.push(Line::default());
    labelled(out, t, "Pace", &words::pace(&s.pace), width);
    labelled(out, t, "Left", &words::left(&s.remaining), width);
    labelled(out, t, "Finish", &words::projection(&s.projection), width);
    if let Some(date) = app.profile.goal(&app.roadmap.id) {
        labelled(
            out,
            t,
            "Goal",
            &words::goal(&s.goal_plan(date), s.pace.history_days),
            width,
        );
    }
    out.push(Line::default());
    out.push(Line::styled(
        "Finished per week (skills, estimated hours; time logged)",
        t.title(),
    ));
    for w in &s.weeks {
        let bar = SHADES[4].to_string().repeat(w.skills.min(40) as usize);
        out.push(Line::from(vec![
            Span::styled(format!("  {}  ", w.start), t.dim()),
            Span::raw(format!("{:>2}  {:>4} h est.  ", w.skills, w.hours)),
            Span::styled(
                format!("{:>14}  ", words::logged(w.logged_minutes)),
                t.dim(),
            ),
            Span::styled(bar, t.ok()),
        ]));
    }
    out.push(Line::default());
    out.push(Line::styled(
        "Time per skill, first start to done",
        t.title(),
    ));
    let timed: Vec<_> = words::timed(&s.finished, |i| s.logged_on(i)).collect();
    for (f, days) in timed.iter().take(TIME_ROWS) {
        let title = fit(&app.roadmap.skills[f.skill].title, TITLE_CELLS);
        out.push(Line::from(vec![
            Span::raw(format!("  {}  ", pad(&title, TITLE_CELLS))),
            Span::raw(format!("{:>11}  ", words::took_if(*days))),
            Span::styled(format!("done {}  ", f.done_day), t.dim()),
            Span::raw(words::skill_time(s.logged_on(f.skill), f.hours)),
        ]));
    }
    if timed.len() > TIME_ROWS {
        out.push(Line::styled(
            format!(
                "  … and {} more (roadmap stats --json lists them all)",
                timed.len() - TIME_ROWS
            ),
            t.dim(),
        ));
    }
    let left_out = s.finished.len() - timed.len();
    if left_out > 0 || s.finished.is_empty() {
        out.push(Line::styled(
            format!("  {}", words::untimed(&s.finished, left_out)),
            t.dim(),
        ));
    }
}

/// Every line of the view at `width` cells.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    match app.stats() {
        Some(s) => body(&mut out, app, s, width),
        None => out.push(Line::raw("No stats yet.")),
    }
    out
}

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let popup = popup_area(area);
    let close = key_label(app, KeyMode::Stats, &Action::Close);
    let title = match app.stats() {
        Some(s) => format!(
            "Stats · {} · {} · {close} closes",
            app.profile_name, s.today
        ),
        None => format!("Stats · {close} closes"),
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
        inner.width.saturating_sub(1),
        inner.height,
    );
    let all = lines(app, usize::from(text.width));
    let total = all.len();
    let h = usize::from(text.height);
    let scroll = scroll.min(total.saturating_sub(h));
    for (y, line) in all.into_iter().skip(scroll).take(h).enumerate() {
        let y = text.y + u16::try_from(y).unwrap_or(0);
        line.render(Rect::new(text.x, y, text.width, 1), buf);
    }
    let (above, below) = marks::hidden(scroll, h, total);
    marks::render(app.theme, popup, above, below, buf);
}

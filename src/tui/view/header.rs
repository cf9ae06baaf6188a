//! The top line: roadmap, profile, overall progress, hours left on the
//! counted path and the goal. The roadmap and the profile stay whole; on a
//! narrow line the right-hand side gives way first (the word "skills", a
//! shorter bar, then the goal's words, shortest last).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{bar, fit, width};
use crate::model::goal::{GoalPlan, Verdict};
use crate::tui::app::App;

/// One way to draw the right-hand side.
struct Right {
    bar_cells: usize,
    summary: String,
}

impl Right {
    fn width(&self) -> usize {
        self.bar_cells + width(&self.summary)
    }
}

/// Every way to draw the right-hand side, richest first: each gives up a
/// little more than the one before.
fn choices(app: &App, cells: usize) -> Vec<Right> {
    let overall = app.eval().overall;
    let left = if overall.is_complete() {
        " · finished ✓".to_string()
    } else if overall.hours_left > 0 {
        format!(" · {} h left", overall.hours_left)
    } else {
        String::new()
    };
    let goals: Vec<String> = match &app.goal {
        Some(goal) => vec![
            format!(" · {}", goal.summary()),
            format!(" · {}", goal.short()),
            format!(" · {}", verdict(goal)),
            String::new(),
        ],
        None => vec![String::new()],
    };
    let wide_bar = (cells / 5).clamp(10, 30);
    let mut out = Vec::new();
    // The reviews due give way to a short form before the goal's words.
    for goal in &goals {
        for reviews in reviews_due(app) {
            for (bar_cells, unit) in [(wide_bar, " skills"), (wide_bar, ""), (10, "")] {
                out.push(Right {
                    bar_cells,
                    summary: format!(
                        " {} of {}{unit} · {}{left}{reviews}{goal} ",
                        overall.finished(),
                        overall.total(),
                        overall.percent_text()
                    ),
                });
            }
        }
    }
    out
}

/// " · 3 reviews due (R)", then the short " · ↻ 3", then nothing (the
/// skill list marks them still); nothing when none is due.
fn reviews_due(app: &App) -> Vec<String> {
    let n = app.reviews_due();
    if n == 0 {
        return vec![String::new()];
    }
    let key = super::key_label(
        app,
        crate::tui::keymap::KeyMode::Main,
        &crate::tui::action::Action::OpenReview,
    );
    let word = if n == 1 { "review" } else { "reviews" };
    // Last, nothing: the roadmap and the profile stay whole at 80 columns.
    vec![
        format!(" · {n} {word} due ({key})"),
        format!(" · ↻ {n}"),
        String::new(),
    ]
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let cells = usize::from(area.width);
    let title = format!(" {}", app.roadmap.title);
    let mut profile = format!(" · profile {}", app.profile_name);
    if app.dirty {
        profile.push_str(" · unsaved changes");
    }
    let whole = width(&title) + width(&profile);
    // The richest right-hand side that leaves the roadmap and the profile
    // whole; else the plainest one, and the left is cut to fit.
    let mut options = choices(app, cells);
    let pick = options
        .iter()
        .position(|r| whole + 1 + r.width() <= cells)
        .unwrap_or(options.len() - 1);
    let right = options.swap_remove(pick);
    let overall = app.eval().overall;
    let (filled, empty) = bar(overall.finished(), overall.total(), right.bar_cells);
    let room = cells.saturating_sub(right.width() + 1);
    // The profile stays whole while the title keeps half the room.
    let title = fit(&title, room.saturating_sub(width(&profile)).max(room / 2));
    let profile = fit(&profile, room.saturating_sub(width(&title)));
    Line::from(vec![
        Span::styled(title, t.title()),
        Span::styled(profile, if app.dirty { t.error() } else { t.dim() }),
    ])
    .render(area, buf);
    Line::from(vec![
        Span::styled(filled, t.bar_filled()),
        Span::styled(empty, t.bar_empty()),
        Span::styled(right.summary, t.bold()),
    ])
    .right_aligned()
    .render(area, buf);
}

/// The goal in the fewest words: where the learner stands.
fn verdict(goal: &GoalPlan) -> &'static str {
    match goal.verdict {
        Verdict::Done => "goal met",
        Verdict::OnTrack => "goal: on track",
        Verdict::Behind => "goal: behind",
        Verdict::Unknown => "goal set",
        Verdict::Overdue => "goal overdue",
    }
}

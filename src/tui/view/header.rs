//! The top line: roadmap, profile, overall progress and hours left on the
//! counted path.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{bar, fit, width};
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let overall = app.eval().overall;
    let left = if overall.is_complete() {
        " · finished ✓".to_string()
    } else if overall.hours_left > 0 {
        format!(" · {} h left", overall.hours_left)
    } else {
        String::new()
    };
    let left = match &app.goal {
        Some(goal) if area.width >= 160 => format!("{left} · {}", goal.summary()),
        Some(goal) => format!("{left} · {}", goal.short()),
        None => left,
    };
    let left = format!("{left}{}", reviews_due(app, area.width));
    let unit = if area.width >= 100 { " skills" } else { "" };
    let summary = format!(
        " {} of {}{unit} · {}{left} ",
        overall.finished(),
        overall.total(),
        overall.percent_text()
    );
    // Narrow terminals keep room for the title and profile.
    let bar_cells = if area.width < 100 {
        10
    } else {
        usize::from(area.width / 5).clamp(10, 30)
    };
    let (filled, empty) = bar(overall.finished(), overall.total(), bar_cells);
    let right = Line::from(vec![
        Span::styled(filled, t.bar_filled()),
        Span::styled(empty, t.bar_empty()),
        Span::styled(summary.clone(), t.bold()),
    ]);
    let right_width = bar_cells + width(&summary);
    let room = usize::from(area.width).saturating_sub(right_width + 1);
    let mut profile = format!(" · profile {}", app.profile_name);
    if app.dirty {
        profile.push_str(" · unsaved changes");
    }
    let title = fit(&format!(" {}", app.roadmap.title), room);
    let profile = fit(&profile, room.saturating_sub(width(&title)));
    Line::from(vec![
        Span::styled(title, t.title()),
        Span::styled(profile, if app.dirty { t.error() } else { t.dim() }),
    ])
    .render(area, buf);
    right.right_aligned().render(area, buf);
}

/// " · 3 reviews due (R)": the reviews due today, with the key that starts
/// them (" · ↻ 3" when narrow); nothing when none is due.
fn reviews_due(app: &App, cells: u16) -> String {
    let n = app.reviews_due();
    if n == 0 {
        return String::new();
    }
    if cells < 100 {
        return format!(" · ↻ {n}");
    }
    let key = super::key_label(
        app,
        crate::tui::keymap::KeyMode::Main,
        &crate::tui::action::Action::OpenReview,
    );
    let word = if n == 1 { "review" } else { "reviews" };
    format!(" · {n} {word} due ({key})")
}

//! Tests of the TUI without a terminal: `update` and snapshots of screens.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod config;
mod counting;
mod details;
mod first_hour;
mod goal_backup;
mod honest;
mod journal_notes;
mod map;
mod next_choice;
mod notes;
mod render;
mod review;
mod screens;
mod search_filter;
mod snapshots;
mod snapshots_nav;
mod stats;
mod switcher;
mod sync;
mod update;
mod update_nav;
mod update_saving;
mod update_status;

use chrono::{DateTime, Duration, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::action::{Action, Effect};
use super::app::App;
use crate::model::{Profile, Roadmap, Status};

pub const SMALL: &str = include_str!("../../../tests/fixtures/small.json");
pub const TUI: &str = include_str!("../../../tests/fixtures/tui.json");

/// A fixed clock so dates and reasons never change.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap()
}

pub fn roadmap(json: &str) -> Roadmap {
    crate::model::load(json.as_bytes(), "fixture").unwrap()
}

/// A fresh app on `json` with an empty profile, at 100×30.
pub fn app(json: &str) -> App {
    App::new(roadmap(json), Profile::default(), "default", now()).with_size(100, 30)
}

/// An app whose profile has the given statuses, set days before `now`.
pub fn app_with(json: &str, statuses: &[(&str, Status, i64)]) -> App {
    let roadmap = roadmap(json);
    let mut profile = Profile::default();
    for &(id, status, days_ago) in statuses {
        let i = roadmap.skill_index(id).unwrap();
        let at = now() - Duration::days(days_ago);
        if status == Status::Done {
            profile.set_status(&roadmap, i, Status::Doing, at - Duration::days(2));
        }
        profile.set_status(&roadmap, i, status, at);
    }
    App::new(roadmap, profile, "default", now()).with_size(100, 30)
}

pub fn skill(app: &App, id: &str) -> usize {
    app.roadmap().skill_index(id).unwrap()
}

/// Runs actions; returns the effects of the last one.
pub fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    let mut last = Vec::new();
    for a in actions {
        last = app.update(a, now());
    }
    last
}

/// Draws `app` through ratatui's `TestBackend`.
pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal
}

/// The screen as plain text, one line per row, trailing spaces trimmed.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let terminal = draw(app, width, height);
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The status line's text, info or error.
pub fn info(app: &App) -> String {
    match app.message() {
        Some(crate::tui::app::Message::Info(t) | crate::tui::app::Message::Error(t)) => t.clone(),
        None => String::new(),
    }
}

/// The id of the selected skill.
pub fn selected_id(app: &App) -> String {
    app.roadmap().skills[app.selected_skill().unwrap()]
        .id
        .clone()
}

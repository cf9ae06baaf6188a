//! The key hints (from the keymap) and the status line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{fit, width};
use crate::tui::action::Action;
use crate::tui::app::{App, Message, Mode, Pane};
use crate::tui::keymap::KeyMode;

pub fn render(app: &App, hints_area: Rect, status_area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let mut spans = Vec::new();
    let mut used = 0;
    let all = app.keymap.hints(app.key_mode());
    let room = usize::from(hints_area.width);
    let piece = |(key, word): &(String, &str)| width(key) + width(word) + 3;
    // The last two (help and quit in the main view) always stay; others are
    // dropped from the right when the line is too short: once one does not
    // fit, none after it is shown (a pair like "[ back", "] fwd" never
    // shows half).
    let kept = all.len().saturating_sub(2);
    let reserve: usize = all[kept..].iter().map(piece).sum();
    let mut full = false;
    for (i, hint) in all.iter().enumerate() {
        let cost = piece(hint);
        if i < kept && (full || used + cost + reserve > room) {
            full = true;
            continue;
        }
        used += cost;
        spans.push(Span::styled(
            format!(" {}", hint.0),
            t.accent().add_modifier(ratatui::style::Modifier::BOLD),
        ));
        spans.push(Span::styled(format!(" {} ", hint.1), t.dim()));
    }
    Line::from(spans).render(hints_area, buf);

    let cells = usize::from(status_area.width).saturating_sub(1);
    let line = match &app.message {
        Some(Message::Info(text)) => Line::styled(format!(" {}", fit(text, cells)), t.ok()),
        Some(Message::Error(text)) => Line::styled(format!(" {}", fit(text, cells)), t.error()),
        None => Line::styled(format!(" {}", fit(&idle_hint(app), cells)), t.dim()),
    };
    line.render(status_area, buf);
}

/// What to do next where the focus is, when there is no message, with the
/// keys bound now.
fn idle_hint(app: &App) -> String {
    let keymap = app.keymap();
    let key = |mode: KeyMode, action: Action| {
        keymap
            .key_of(mode, &action)
            .unwrap_or_else(|| "(no key)".to_string())
    };
    // "↑↓" and "←→" read as one; other keys get a slash.
    let pair = |mode: KeyMode, a: Action, b: Action| {
        let (a, b) = (key(mode, a), key(mode, b));
        if matches!((a.as_str(), b.as_str()), ("↑", "↓") | ("←", "→")) {
            format!("{a}{b}")
        } else {
            format!("{a}/{b}")
        }
    };
    let main = KeyMode::Main;
    let ud = pair(main, Action::Up, Action::Down);
    let enter = key(main, Action::Enter);
    let panes = format!(
        "{}/{} switch pane",
        key(main, Action::NextPane),
        pair(main, Action::Left, Action::Right)
    );
    let done = key(main, Action::ToggleDone);
    match (&app.mode, app.focus) {
        (Mode::Search(_), _) => {
            let s = KeyMode::Search;
            format!(
                "type to filter · {} choose · {} jump · {} cancel",
                pair(s, Action::Up, Action::Down),
                key(s, Action::Enter),
                key(s, Action::Close)
            )
        }
        (Mode::Help { .. }, _) => {
            let keys: Vec<String> = keymap
                .bindings(KeyMode::Help)
                .find(|b| b.action == Action::Close)
                .map(|b| b.keys.iter().take(2).map(|k| k.label()).collect())
                .unwrap_or_default();
            format!("{} closes the help", keys.join(" or "))
        }
        (Mode::Unreadable { .. }, _) => {
            let u = KeyMode::Unreadable;
            format!(
                "{} moves the damaged profile aside · {} quits",
                key(u, Action::MoveAside),
                key(u, Action::Quit)
            )
        }
        (Mode::Stats { .. }, _) => {
            let st = KeyMode::Stats;
            format!(
                "{} {} scroll · {} closes the stats",
                pair(st, Action::Up, Action::Down),
                pair(st, Action::PageUp, Action::PageDown),
                key(st, Action::Close)
            )
        }
        (Mode::Switcher(_), _) => {
            let sw = KeyMode::Switcher;
            format!(
                "{} choose a roadmap · {} shows it where you left it · {} closes",
                pair(sw, Action::Up, Action::Down),
                key(sw, Action::Enter),
                key(sw, Action::Close)
            )
        }
        (Mode::Map, _) => {
            let m = KeyMode::Map;
            format!(
                "{} along the lines · {} same stage · {} details · {} focus · {} stage · {} steps out",
                pair(m, Action::Up, Action::Down),
                pair(m, Action::Left, Action::Right),
                key(m, Action::Enter),
                key(m, Action::MapFocus),
                key(m, Action::MapStage),
                key(m, Action::Close)
            )
        }
        (Mode::Main, Pane::Stages) => {
            format!("{ud} choose a stage · {enter} shows its skills · {panes}")
        }
        (Mode::Main, Pane::Skills) => format!(
            "{ud} choose a skill · {enter} details · {done} done · {} doing · {panes}",
            key(main, Action::SetStatus(crate::model::Status::Doing))
        ),
        (Mode::Main, Pane::Details) => format!(
            "{ud} choose a link · {enter} follows it or opens the resource · {} opens · {} copies",
            key(main, Action::OpenResource),
            key(main, Action::CopyUrl)
        ),
        (Mode::Main, Pane::Next) => {
            format!("{ud} choose a suggestion · {enter} jumps to it · {done} marks it done")
        }
    }
}

//! The key hints (from the keymap) and the status line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{fit, width};
use crate::tui::action::Action;
use crate::tui::app::{App, Message, Mode, NextItem, Pane};
use crate::tui::keymap::KeyMode;

/// What the footer offers first where the focus is, most important first;
/// each group is shown whole or not at all (a pair like "[ back", "] fwd"
/// never shows half). Whatever else has a footer word in the keymap
/// follows, in table order, while there is room; help and quit always stay.
fn priorities(app: &App) -> Vec<Vec<Action>> {
    use crate::model::Status::{Doing, Skipped, Todo};
    let status = || {
        vec![
            vec![Action::ToggleDone],
            vec![Action::SetStatus(Doing)],
            vec![Action::SetStatus(Skipped)],
        ]
    };
    let history = vec![Action::Back, Action::Forward];
    let mut out = match (&app.mode, app.focus) {
        (Mode::Main, Pane::Skills) => {
            let mut v = status();
            v.extend([
                vec![Action::EditNote],
                vec![Action::NextFilter],
                vec![Action::Undo],
                vec![Action::OpenSearch],
                history,
                vec![Action::SetStatus(Todo)],
                vec![Action::JumpNext],
                vec![Action::OpenResource],
            ]);
            v
        }
        (Mode::Main, Pane::Details) => vec![
            vec![Action::OpenResource],
            vec![Action::CopyUrl],
            vec![Action::EditNote],
            history,
            vec![Action::ToggleDone],
            vec![Action::Undo],
        ],
        (Mode::Main, Pane::Stages) => vec![
            vec![Action::NextFilter],
            vec![Action::OpenSearch],
            vec![Action::OpenStats],
            vec![Action::OpenSwitcher],
            vec![Action::OpenGoal],
            vec![Action::JumpNext],
        ],
        (Mode::Main, Pane::Next) => {
            let mut v = status();
            v.extend([vec![Action::JumpNext], vec![Action::Undo], history]);
            v
        }
        _ => Vec::new(),
    };
    out.retain(|g| !g.is_empty());
    out
}

pub fn render(app: &App, hints_area: Rect, status_area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let mut all = app.keymap.hinted(app.key_mode());
    if let Mode::Unreadable { backup, .. } = &app.mode
        && !matches!(backup, crate::store::backup::Backup::Readable { .. })
    {
        // Nothing to restore: no key offers it.
        all.retain(|h| *h.0 != Action::RestoreBackup);
    }
    let piece = |(_, key, word): &(&Action, String, &str)| width(key) + width(word) + 3;
    // Kept whatever the room: help and quit in the main view, else the
    // last two (how to leave and the main key of the screen).
    let keep: Vec<usize> = if matches!(app.mode, Mode::Main) {
        all.iter()
            .enumerate()
            .filter(|(_, h)| matches!(h.0, Action::ToggleHelp | Action::Quit))
            .map(|(i, _)| i)
            .collect()
    } else {
        (all.len().saturating_sub(2)..all.len()).collect()
    };
    let room = usize::from(hints_area.width);
    let mut used: usize = keep.iter().map(|&i| piece(&all[i])).sum();
    let mut chosen: Vec<usize> = Vec::new();
    let mut try_group = |group: Vec<usize>, chosen: &mut Vec<usize>| {
        let group: Vec<usize> = group.into_iter().filter(|i| !chosen.contains(i)).collect();
        let cost: usize = group.iter().map(|&i| piece(&all[i])).sum();
        if !group.is_empty() && used + cost <= room {
            used += cost;
            chosen.extend(group);
        }
    };
    let index = |a: &Action| all.iter().position(|h| h.0 == a);
    for group in priorities(app) {
        let found: Option<Vec<usize>> = group.iter().map(index).collect();
        if let Some(found) = found {
            try_group(found, &mut chosen);
        }
    }
    for (i, (action, ..)) in all.iter().enumerate() {
        if keep.contains(&i) || **action == Action::Forward {
            continue;
        }
        // Back goes with forward, or not at all.
        let mut group = vec![i];
        if **action == Action::Back {
            group.extend(index(&Action::Forward));
        }
        try_group(group, &mut chosen);
    }
    chosen.extend(keep);
    let mut spans = Vec::new();
    for i in chosen {
        let (_, key, word) = &all[i];
        spans.push(Span::styled(
            format!(" {key}"),
            t.accent().add_modifier(ratatui::style::Modifier::BOLD),
        ));
        spans.push(Span::styled(format!(" {word} "), t.dim()));
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

/// The keys bound now, as hints write them.
struct Keys<'a>(&'a crate::tui::keymap::Keymap);

impl Keys<'_> {
    fn key(&self, mode: KeyMode, action: &Action) -> String {
        self.0
            .key_of(mode, action)
            .unwrap_or_else(|| "(no key)".to_string())
    }

    /// "↑↓" and "←→" read as one; other keys get a slash.
    fn pair(&self, mode: KeyMode, a: &Action, b: &Action) -> String {
        let (a, b) = (self.key(mode, a), self.key(mode, b));
        if matches!((a.as_str(), b.as_str()), ("↑", "↓") | ("←", "→")) {
            format!("{a}{b}")
        } else {
            format!("{a}/{b}")
        }
    }
}

/// The idle hint of a screen over the lists, or `None` for the lists.
fn screen_hint(app: &App, k: &Keys) -> Option<String> {
    Some(match &app.mode {
        Mode::Main => return None,
        Mode::Search(_) => {
            let s = KeyMode::Search;
            format!(
                "type to filter · {} choose · {} jump · {} cancel",
                k.pair(s, &Action::Up, &Action::Down),
                k.key(s, &Action::Enter),
                k.key(s, &Action::Close)
            )
        }
        Mode::Help { .. } => {
            let keys: Vec<String> =
                k.0.bindings(KeyMode::Help)
                    .find(|b| b.action == Action::Close)
                    .map(|b| b.keys.iter().take(2).map(|k| k.label()).collect())
                    .unwrap_or_default();
            format!("{} closes the help", keys.join(" or "))
        }
        Mode::Unreadable { backup, .. } => {
            let u = KeyMode::Unreadable;
            let restore = if matches!(backup, crate::store::backup::Backup::Readable { .. }) {
                format!(
                    "{} restores the backup · ",
                    k.key(u, &Action::RestoreBackup)
                )
            } else {
                String::new()
            };
            format!(
                "{restore}{} moves the damaged profile aside · {} quits",
                k.key(u, &Action::MoveAside),
                k.key(u, &Action::Quit)
            )
        }
        Mode::Goal(_) => {
            let g = KeyMode::Goal;
            format!(
                "type a date (YYYY-MM-DD) · {} sets it (empty: clears the goal) · {} cancels",
                k.key(g, &Action::Enter),
                k.key(g, &Action::Close)
            )
        }
        Mode::Stats { .. } => {
            let st = KeyMode::Stats;
            format!(
                "{} {} scroll · {} closes the stats",
                k.pair(st, &Action::Up, &Action::Down),
                k.pair(st, &Action::PageUp, &Action::PageDown),
                k.key(st, &Action::Close)
            )
        }
        Mode::Switcher(_) => {
            let sw = KeyMode::Switcher;
            format!(
                "{} choose a roadmap · {} shows it where you left it · {} closes",
                k.pair(sw, &Action::Up, &Action::Down),
                k.key(sw, &Action::Enter),
                k.key(sw, &Action::Close)
            )
        }
        Mode::Review(_) | Mode::Today(_) | Mode::LogTime(_) => super::review::idle_hint(app),
        Mode::Map => {
            let m = KeyMode::Map;
            format!(
                "{} along the lines · {} same stage · {} details · {} focus · {} stage · {} steps out",
                k.pair(m, &Action::Up, &Action::Down),
                k.pair(m, &Action::Left, &Action::Right),
                k.key(m, &Action::Enter),
                k.key(m, &Action::MapFocus),
                k.key(m, &Action::MapStage),
                k.key(m, &Action::Close)
            )
        }
    })
}

/// What to do next where the focus is, when there is no message, with the
/// keys bound now.
fn idle_hint(app: &App) -> String {
    let k = Keys(app.keymap());
    if let Some(hint) = screen_hint(app, &k) {
        return hint;
    }
    let main = KeyMode::Main;
    let ud = k.pair(main, &Action::Up, &Action::Down);
    let enter = k.key(main, &Action::Enter);
    let panes = format!(
        "{}/{} switch pane",
        k.key(main, &Action::NextPane),
        k.pair(main, &Action::Left, &Action::Right)
    );
    let done = k.key(main, &Action::ToggleDone);
    match app.focus {
        Pane::Stages => format!("{ud} choose a stage · {enter} shows its skills · {panes}"),
        Pane::Skills if app.current_choice().is_some() => {
            format!("{ud} choose a skill · {enter} shows the choice · {done} on an option picks it")
        }
        Pane::Skills => format!(
            "{ud} choose a skill · {enter} details · {done} done · {} doing · {panes}",
            k.key(main, &Action::SetStatus(crate::model::Status::Doing))
        ),
        Pane::Details => format!(
            "{ud} choose a link · {enter} follows it or opens the resource · {} opens · {} copies",
            k.key(main, &Action::OpenResource),
            k.key(main, &Action::CopyUrl)
        ),
        Pane::Next => next_hint(app, &ud, &enter, &done),
    }
}

/// The idle hint of the next steps: a suggestion, a choice or an option.
fn next_hint(app: &App, ud: &str, enter: &str, done: &str) -> String {
    let key = |action: Action| {
        app.keymap()
            .key_of(KeyMode::Main, &action)
            .unwrap_or_else(|| "(no key)".to_string())
    };
    match app.next_item() {
        Some(NextItem::Entry(i))
            if app
                .suggestions
                .get(i)
                .and_then(crate::model::Suggestion::choice)
                .is_some() =>
        {
            format!(
                "{ud} choose · {enter} or {} shows the options of the choice · {} folds them",
                key(Action::Right),
                key(Action::Left)
            )
        }
        Some(NextItem::Option { .. }) => format!(
            "{ud} choose an option · {done} picks it · {enter} jumps to it · {} folds the choice",
            key(Action::Left)
        ),
        _ => format!("{ud} choose a suggestion · {enter} jumps to it · {done} marks it done"),
    }
}

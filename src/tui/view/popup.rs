//! The popup shown when the profile file cannot be read: what went wrong,
//! what its backup holds, and the keys (from the keymap) to restore the
//! backup, move the file aside or quit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::layout::{centered, popup_space};
use super::text::{width, wrap};
use super::{key_label, popup_block};
use crate::store::backup::Backup;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::KeyMode;

/// What the popup says about the backup.
fn backup_text(app: &App, backup: &Backup) -> String {
    let name = format!("{}.json.bak", app.profile_name);
    match backup {
        Backup::Readable { saved, skills } => {
            let when = saved
                .map(|d| format!(", saved on {}", app.zone.date(d)))
                .unwrap_or_default();
            let what = match skills {
                0 => "no skill with a status yet".to_string(),
                1 => "1 skill with a status".to_string(),
                n => format!("{n} skills with a status"),
            };
            format!("Its backup {name} can be read: {what}{when}.")
        }
        Backup::Missing => format!("There is no backup ({name}) to restore."),
        Backup::Unusable(why) => format!("Its backup {name} cannot be used: {why}."),
    }
}

pub fn unreadable(
    app: &App,
    error: &str,
    failure: Option<&str>,
    backup: &Backup,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = app.theme;
    let width_cells = 72.min(area.width.saturating_sub(4));
    let cells = usize::from(width_cells.saturating_sub(4)).max(1);
    let key = |a: Action| key_label(app, KeyMode::Unreadable, &a);
    let mut keys = Vec::new();
    if matches!(backup, Backup::Readable { .. }) {
        keys.push((
            key(Action::RestoreBackup),
            "restore the backup (the damaged file is kept aside)",
        ));
    }
    keys.push((
        key(Action::MoveAside),
        "move it aside (renamed, never deleted) and start fresh",
    ));
    keys.push((key(Action::Quit), "quit and leave it as it is"));
    let mut lines: Vec<Line> = Vec::new();
    let para = |text: &str, style: Style, lines: &mut Vec<Line>| {
        lines.extend(
            wrap(text, cells)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
    };
    para(error, Style::new(), &mut lines);
    lines.push(Line::default());
    para(
        "It was not changed, and will not be overwritten.",
        Style::new(),
        &mut lines,
    );
    para(&backup_text(app, backup), Style::new(), &mut lines);
    lines.push(Line::default());
    let key_cells = keys.iter().map(|(k, _)| width(k)).max().unwrap_or(1);
    for (k, what) in &keys {
        let lead = key_cells + 4;
        for (n, part) in wrap(what, cells.saturating_sub(lead).max(1))
            .into_iter()
            .enumerate()
        {
            lines.push(if n == 0 {
                Line::from(vec![
                    Span::styled(format!("  {k:<key_cells$}  "), t.title()),
                    Span::raw(part),
                ])
            } else {
                Line::raw(format!("{}{part}", " ".repeat(lead)))
            });
        }
    }
    if let Some(f) = failure {
        lines.push(Line::default());
        para(f, t.error(), &mut lines);
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(popup_space(area), width_cells, height);
    let inner = popup_block(app, "Your profile cannot be read", popup, buf);
    let inner = inner.inner(ratatui::layout::Margin::new(1, 0));
    Paragraph::new(lines).render(inner, buf);
}

//! Drawing. `impl Widget for &App`: reads the app, never changes it. Each
//! pane and popup has its own module; only visible rows are built.

mod choice;
pub mod details;
mod footer;
mod goal;
mod header;
pub mod help;
pub mod layout;
mod map;
mod map_panel;
pub mod markdown;
mod marks;
pub mod next;
mod popup;
pub mod review;
pub mod search;
mod skills;
mod stages;
pub mod stats;
mod switcher;
pub mod text;
pub mod today;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Mode, Pane};
use layout::{MIN_HEIGHT, MIN_WIDTH};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if layout::too_small(area) {
            too_small(self, area, buf);
            return;
        }
        if self.map_shown() {
            map::render(self, area, buf);
        } else {
            let a = layout::areas(area, self.roadmap.stages.len());
            header::render(self, a.header, buf);
            stages::render(self, a.stages, buf);
            skills::render(self, a.skills, buf);
            details::render(self, a.details, buf);
            next::render(self, a.next, buf);
            footer::render(self, a.hints, a.status, buf);
        }
        match &self.mode {
            Mode::Main | Mode::Map => {}
            Mode::Help { scroll } => help::render(self, *scroll, area, buf),
            Mode::Stats { scroll } => stats::render(self, *scroll, area, buf),
            Mode::Search(s) => search::render(self, s, area, buf),
            Mode::Unreadable {
                error,
                failure,
                backup,
            } => {
                popup::unreadable(self, error, failure.as_deref(), backup, area, buf);
            }
            Mode::Switcher(s) => switcher::render(self, s, area, buf),
            Mode::Goal(prompt) => goal::render(self, prompt, area, buf),
            Mode::Review(s) => review::render(self, s, area, buf),
            Mode::Today(s) => today::render(self, s, area, buf),
            Mode::LogTime(input) => today::render_log_time(self, input, area, buf),
        }
    }
}

/// A bordered pane whose border shows whether it has the focus.
fn pane_block(app: &App, pane: Pane, title: String) -> Block<'static> {
    let focused = app.focus == pane && matches!(app.mode, Mode::Main);
    let title_style = if focused {
        app.theme.title()
    } else {
        app.theme.bold()
    };
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(app.theme.border(focused))
        .title(Line::styled(title, title_style))
}

/// A popup frame over the main view.
fn popup_block(app: &App, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.accent())
        .title(Line::styled(format!(" {title} "), app.theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![
        Line::styled(
            format!("Enlarge the terminal to at least {MIN_WIDTH}×{MIN_HEIGHT}"),
            app.theme.bold(),
        ),
        Line::styled(
            format!(
                "(now {}×{}) · {} quits",
                area.width,
                area.height,
                key_label(
                    app,
                    crate::tui::keymap::KeyMode::Main,
                    &crate::tui::action::Action::Quit
                )
            ),
            app.theme.dim(),
        ),
    ];
    // Why the key just pressed did nothing, or a save that failed.
    if let Some(message) = &app.message {
        lines.push(match message {
            super::app::Message::Info(text) => Line::styled(text.clone(), app.theme.ok()),
            super::app::Message::Error(text) => Line::styled(text.clone(), app.theme.error()),
        });
    }
    let cells = usize::from(area.width.max(1));
    let needed: usize = lines.iter().map(|l| l.width().div_ceil(cells).max(1)).sum();
    let h = u16::try_from(needed).unwrap_or(u16::MAX).min(area.height);
    let top = Rect::new(area.x, area.y + (area.height - h) / 2, area.width, h);
    Paragraph::new(lines)
        .centered()
        .wrap(Wrap { trim: true })
        .render(top, buf);
}

/// The first key bound to `action` in `mode`, as help shows it ("(no key)"
/// when the config unbound it): popup titles name the keys in use.
pub(crate) fn key_label(
    app: &crate::tui::app::App,
    mode: crate::tui::keymap::KeyMode,
    action: &crate::tui::action::Action,
) -> String {
    app.keymap()
        .key_of(mode, action)
        .unwrap_or_else(|| "(no key)".to_string())
}

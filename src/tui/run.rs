//! The loop: draw, block on the next event, map it to an action, update,
//! perform the effects. The only place that reads events, touches the
//! terminal or calls the store.

use std::collections::VecDeque;
use std::io::{self, IsTerminal};
use std::process::ExitCode;

use chrono::Utc;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use super::action::{Action, Effect};
use super::app::App;
use super::keymap;
use super::theme::Theme;
use crate::cli::Args;
use crate::session::{RoadmapSource, Session};
use crate::store::Store;

/// Exit code when the interactive view cannot run (no terminal).
pub const EXIT_NOT_A_TERMINAL: u8 = 2;

/// `roadmap` with no subcommand: the interactive view.
pub fn run(args: &Args) -> ExitCode {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        eprintln!(
            "roadmap: the interactive view needs a terminal on stdin and stdout.\n\
             In scripts and pipes, use `roadmap status` or `roadmap next` (see `roadmap --help`)."
        );
        return ExitCode::from(EXIT_NOT_A_TERMINAL);
    }
    let source = RoadmapSource::from_option(args.roadmap.as_deref());
    let session = match Session::open(source, &args.profile) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("roadmap: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Session { roadmap, store, .. } = session;
    let now = Utc::now();
    let app = match store.load() {
        Ok(profile) => App::new(roadmap, profile, store.name(), now),
        Err(e) if e.is_unreadable_profile() => {
            App::unreadable(roadmap, store.name(), &e.to_string(), now)
        }
        Err(e) => {
            eprintln!("roadmap: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut app = app.with_theme(Theme::from_env());
    let result = with_terminal(|terminal| event_loop(terminal, &mut app, &store));
    if let Err(e) = result {
        eprintln!("roadmap: terminal error: {e}");
        return ExitCode::FAILURE;
    }
    if app.is_dirty() {
        eprintln!(
            "roadmap: your last changes could not be saved to {}",
            store.paths().file.display()
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Restores the terminal when dropped: on return, on error and while
/// unwinding from a panic.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

/// Runs `f` with the terminal in raw mode on the alternate screen, with the
/// mouse captured; whatever happens, the terminal is restored.
fn with_terminal<R>(f: impl FnOnce(&mut DefaultTerminal) -> io::Result<R>) -> io::Result<R> {
    let _restore = Restore;
    // ratatui's hook restores raw mode and the screen; release the mouse
    // before it runs.
    let mut terminal = ratatui::try_init()?;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        hook(info);
    }));
    execute!(io::stdout(), EnableMouseCapture)?;
    f(&mut terminal)
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, store: &Store) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height), Utc::now());
    loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        // Blocks until something happens: no CPU while idle.
        let event = event::read()?;
        let Some(action) = keymap::event_action(app.key_mode(), &event) else {
            continue;
        };
        if perform(app, store, action) {
            return Ok(());
        }
    }
}

/// Updates with `action` and performs the effects, feeding their outcomes
/// back as actions. Returns true to quit.
fn perform(app: &mut App, store: &Store, action: Action) -> bool {
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in app.update(action, Utc::now()) {
            let outcome = match effect {
                Effect::Save => Action::Saved(store.save(app.profile()).map_err(|e| e.to_string())),
                Effect::OpenUrl(url) => Action::Opened(
                    open::that_detached(&url)
                        .map(|()| url)
                        .map_err(|e| e.to_string()),
                ),
                Effect::MoveAside => Action::MovedAside(
                    store
                        .move_aside(Utc::now())
                        .map(|p| p.display().to_string())
                        .map_err(|e| e.to_string()),
                ),
                Effect::Quit => return true,
            };
            queue.push_back(outcome);
        }
    }
    false
}

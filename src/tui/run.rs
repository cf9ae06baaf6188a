//! The loop: draw, block on the next event, map it to an action, update,
//! perform the effects. The only place that reads events, touches the
//! terminal or calls the store.

use std::collections::VecDeque;
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

use chrono::Utc;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

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
    // The first frame comes before anything that can wait: a large roadmap
    // takes a moment to load.
    let result = with_terminal(|terminal| {
        let name = crate::model::text::clean(&source.name()).into_owned();
        terminal.draw(|frame| {
            let text = format!(" roadmap · loading {name} …");
            frame.render_widget(ratatui::widgets::Paragraph::new(text), frame.area());
        })?;
        let (mut app, store) = match start(source, &args.profile) {
            Ok(started) => started,
            Err(message) => return Ok(Err(message)),
        };
        event_loop(terminal, &mut app, &store)?;
        Ok(Ok((app.is_dirty(), store)))
    });
    match result {
        Err(e) => {
            eprintln!("roadmap: terminal error: {e}");
            ExitCode::FAILURE
        }
        Ok(Err(message)) => {
            eprintln!("roadmap: {message}");
            ExitCode::FAILURE
        }
        Ok(Ok((true, store))) => {
            eprintln!(
                "roadmap: your last changes could not be saved to {}",
                store.paths().file.display()
            );
            ExitCode::FAILURE
        }
        Ok(Ok((false, _))) => ExitCode::SUCCESS,
    }
}

/// Loads the roadmap and the profile and builds the app. An unreadable
/// profile still starts (the app offers to move it aside).
fn start(source: RoadmapSource, profile: &str) -> Result<(App, Store), String> {
    let Session { roadmap, store, .. } =
        Session::open(source, profile).map_err(|e| e.to_string())?;
    let now = Utc::now();
    let app = match store.load() {
        Ok(profile) => App::new(roadmap, profile, store.name(), now),
        Err(e) if e.is_unreadable_profile() => {
            App::unreadable(roadmap, store.name(), &e.to_string(), now)
        }
        Err(e) => return Err(e.to_string()),
    };
    Ok((app.with_theme(Theme::from_env()), store))
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

/// What wakes the loop up.
enum Input {
    Terminal(io::Result<Event>),
    /// SIGTERM, SIGHUP or SIGINT.
    Signal,
    /// The profile file was replaced on disk.
    ProfileChanged,
}

/// How often the watcher looks at the profile file: a `stat` a second is
/// the whole cost of noticing another instance's saves.
const WATCH_INTERVAL: Duration = Duration::from_secs(1);

/// Starts the threads that feed the loop: terminal events, signals, and a
/// watcher of the profile file. The loop blocks on the channel, so an idle
/// app uses no CPU. The threads end when the receiver is dropped (or with
/// the process).
fn spawn_inputs(
    profile_file: PathBuf,
) -> io::Result<(Receiver<Input>, signal_hook::iterator::Handle)> {
    let (tx, rx) = mpsc::channel();
    let terminal = tx.clone();
    thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if terminal.send(Input::Terminal(event)).is_err() || failed {
                break;
            }
        }
    });
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let handle = signals.handle();
    let on_signal = tx.clone();
    thread::spawn(move || {
        for _ in signals.forever() {
            if on_signal.send(Input::Signal).is_err() {
                break;
            }
        }
    });
    thread::spawn(move || {
        let stamp = |p: &PathBuf| {
            std::fs::metadata(p)
                .ok()
                .map(|m| (m.modified().ok(), m.len()))
        };
        let mut last = stamp(&profile_file);
        loop {
            thread::sleep(WATCH_INTERVAL);
            let now = stamp(&profile_file);
            if now != last {
                last = now;
                if tx.send(Input::ProfileChanged).is_err() {
                    break;
                }
            }
        }
    });
    Ok((rx, handle))
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, store: &Store) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height), Utc::now());
    let (inputs, signals) = spawn_inputs(store.paths().file.clone())?;
    let result = (|| loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        // Blocks until something happens: no CPU while idle.
        let Ok(input) = inputs.recv() else {
            return Ok(());
        };
        let action = match input {
            Input::Terminal(event) => match keymap::event_action(app.key_mode(), &event?) {
                Some(action) => action,
                None => continue,
            },
            Input::Signal => Action::Terminate,
            // Our own saves change the file too; only another writer's
            // version needs reading.
            Input::ProfileChanged if store.is_current() => continue,
            Input::ProfileChanged => match store.load() {
                Ok(disk) => Action::Reloaded(disk),
                // A damaged file is reported when we next save; never
                // overwritten.
                Err(_) => continue,
            },
        };
        if perform(app, store, action) {
            return Ok(());
        }
    })();
    signals.close();
    result
}

/// Updates with `action` and performs the effects, feeding their outcomes
/// back as actions. Returns true to quit.
fn perform(app: &mut App, store: &Store, action: Action) -> bool {
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in app.update(action, Utc::now()) {
            let outcome = match effect {
                // The store applies and stamps our changes under its lock
                // (never merges our whole, possibly stale, profile).
                Effect::Save => Action::Saved(
                    store
                        .apply(app.roadmap(), app.unsaved())
                        .map_err(|e| e.to_string()),
                ),
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

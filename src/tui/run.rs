//! The loop: draw, block on the next event, map it to an action, update,
//! perform the effects. The only place that reads events, touches the
//! terminal or calls the store.

use std::collections::VecDeque;
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use chrono::Utc;
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::action::{Action, Effect};
use super::app::App;
use super::theme::Theme;
use crate::options::Options;
use crate::session::Session;
use crate::store::Store;

/// Exit code when the interactive view cannot run (no terminal).
pub const EXIT_NOT_A_TERMINAL: u8 = 2;

/// `roadmap` with no subcommand: the interactive view.
pub fn run(options: &Options) -> ExitCode {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        eprintln!(
            "roadmap: the interactive view needs a terminal on stdin and stdout.\n\
             In scripts and pipes, use `roadmap status` or `roadmap next` (see `roadmap --help`)."
        );
        return ExitCode::from(EXIT_NOT_A_TERMINAL);
    }
    // SIGTERM, SIGHUP and SIGINT are ours before the terminal is touched:
    // none of them can end the process with the terminal left in raw mode
    // on the alternate screen, not even while a large roadmap loads.
    let (tx, inputs) = mpsc::channel();
    let signals = match listen_for_signals(tx.clone()) {
        Ok(handle) => handle,
        Err(e) => {
            eprintln!(
                "roadmap: cannot listen for signals ({e}); the interactive view did not start"
            );
            return ExitCode::FAILURE;
        }
    };
    let source = options.roadmap.clone();
    let keymap = options.config.keymap.clone();
    let palette = options.config.palette;
    let sync_target = options.config.sync.clone();
    let review = options.config.review;
    // The first frame comes before anything that can wait: a large roadmap
    // takes a moment to load.
    let result = with_terminal(|terminal| {
        let name = crate::model::text::clean(&source.name()).into_owned();
        terminal.draw(|frame| {
            let text = format!(" roadmap · loading {name} …");
            frame.render_widget(ratatui::widgets::Paragraph::new(text), frame.area());
        })?;
        let (mut app, store) = match load(options.clone(), &tx, &inputs) {
            Some(Ok((app, store))) => (
                app.with_keymap(keymap)
                    .with_theme(Theme::from_env(palette))
                    .with_sync(sync_target)
                    .with_review(review),
                store,
            ),
            Some(Err(message)) => return Ok(Err(message)),
            // A signal while loading: nothing is unsaved yet.
            None => return Ok(Ok(None)),
        };
        event_loop(terminal, &mut app, &store, &tx, &inputs)?;
        Ok(Ok(Some((app.is_dirty(), store))))
    });
    signals.close();
    // A sync still running stops here: what it did not send is safe in the
    // profiles and goes out with the next sync.
    super::sync::stop(Duration::from_secs(2));
    match result {
        Err(e) => {
            eprintln!("roadmap: terminal error: {e}");
            ExitCode::FAILURE
        }
        Ok(Err(message)) => {
            eprintln!("roadmap: {message}");
            ExitCode::FAILURE
        }
        Ok(Ok(Some((true, store)))) => {
            eprintln!(
                "roadmap: your last changes could not be saved to {}",
                store.paths().file.display()
            );
            ExitCode::FAILURE
        }
        Ok(Ok(Some((false, _)) | None)) => ExitCode::SUCCESS,
    }
}

/// Loads in a thread while listening for signals: a signal during a long
/// load ends the app at once, with the terminal restored, instead of after
/// the load. `None` when a signal came first.
fn load(
    options: Options,
    tx: &Sender<Input>,
    inputs: &Receiver<Input>,
) -> Option<Result<(App, Store), String>> {
    let tx = tx.clone();
    thread::spawn(move || {
        // A panic is reported by the panic hook; the loop must still hear
        // that loading is over.
        let started = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| start(&options)))
            .unwrap_or_else(
                |_| Err("loading stopped on an internal error (see above)".to_string()),
            );
        let _ = tx.send(Input::Loaded(Box::new(started)));
    });
    loop {
        match inputs.recv() {
            Ok(Input::Loaded(started)) => return Some(*started),
            Ok(Input::Signal) | Err(_) => return None,
            // Nothing else is listened to before the app exists.
            Ok(_) => {}
        }
    }
}

/// Loads the roadmap and the profile and builds the app. An unreadable
/// profile still starts (the app offers to move it aside); a roadmap that
/// does not load says how to get going again.
fn start(options: &Options) -> Result<(App, Store), String> {
    let Session { roadmap, store, .. } = options.open_session().map_err(|e| e.to_string())?;
    let now = Utc::now();
    let app = match store.load() {
        Ok(profile) => App::new(roadmap, profile, store.name(), now),
        Err(e) if e.is_unreadable_profile() => {
            let text = super::app::damage_text(&e);
            App::unreadable(roadmap, store.name(), &text, now).with_backup(store.backup())
        }
        Err(e) => return Err(e.to_string()),
    };
    let app = app.with_zone(super::view::text::Zone::Local);
    Ok((app, store))
}

/// Restores the terminal when dropped: on return, on error and while
/// unwinding from a panic.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        leave_terminal();
    }
}

/// Whether the terminal is ours (raw mode, alternate screen, mouse).
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Gives the terminal back, once: releases the mouse, blanks the alternate
/// screen and leaves it. Blank, because some terminals (tmux among them)
/// carry lines of the alternate screen over to the shell's screen when the
/// window grew while the app ran; blank lines leave no trace of the frame.
fn leave_terminal() {
    if TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            io::stdout(),
            DisableMouseCapture,
            Clear(ClearType::All),
            MoveTo(0, 0)
        );
        ratatui::restore();
    }
}

/// Runs `f` with the terminal in raw mode on the alternate screen, with the
/// mouse captured; whatever happens, the terminal is restored.
fn with_terminal<R>(f: impl FnOnce(&mut DefaultTerminal) -> io::Result<R>) -> io::Result<R> {
    let _restore = Restore;
    TERMINAL_TAKEN.store(true, Ordering::SeqCst);
    let mut terminal = ratatui::try_init()?;
    // ratatui's hook restores raw mode and the screen, then prints the
    // panic; give the terminal back first so the message stays readable.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_terminal();
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
    /// The roadmap and the profile are loaded (or why not).
    Loaded(Box<Result<(App, Store), String>>),
    /// A sync finished (`full`), or this machine's file was written out
    /// after a save: the summary line, or why not.
    Synced {
        full: bool,
        result: Result<String, String>,
    },
    /// What an effect run off the loop gave (see `off_the_loop`).
    Outcome(Box<Action>),
}

/// How often the watcher looks at the profile file: a `stat` a second is
/// the whole cost of noticing another instance's saves.
const WATCH_INTERVAL: Duration = Duration::from_secs(1);

/// Starts the thread that turns SIGTERM, SIGHUP and SIGINT into inputs.
fn listen_for_signals(tx: Sender<Input>) -> io::Result<signal_hook::iterator::Handle> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let handle = signals.handle();
    thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(Input::Signal).is_err() {
                break;
            }
        }
    });
    Ok(handle)
}

/// Starts the threads that feed the loop besides the signals: terminal
/// events and a watcher of the profile file. The loop blocks on the
/// channel, so an idle app uses no CPU. The threads end when the receiver
/// is dropped (or with the process).
fn spawn_inputs(profile_file: PathBuf, tx: &Sender<Input>) {
    let terminal = tx.clone();
    thread::spawn(move || {
        loop {
            // Paused while the learner's editor has the terminal; polled,
            // so a pause is noticed between reads.
            if super::editor::reader_paused() {
                thread::sleep(Duration::from_millis(10));
                continue;
            }
            match event::poll(super::editor::POLL) {
                Ok(false) => continue,
                Ok(true) => {}
                Err(e) => {
                    let _ = terminal.send(Input::Terminal(Err(e)));
                    break;
                }
            }
            let event = event::read();
            let failed = event.is_err();
            if terminal.send(Input::Terminal(event)).is_err() || failed {
                break;
            }
        }
    });
    let tx = tx.clone();
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
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &Store,
    tx: &Sender<Input>,
    inputs: &Receiver<Input>,
) -> io::Result<()> {
    spawn_inputs(store.paths().file.clone(), tx);
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height), Utc::now());
    // The view syncs when it starts (off this thread).
    if app.sync_state().target.is_some() && perform(app, store, terminal, tx, Action::SyncNow)? {
        return Ok(());
    }
    loop {
        // The app lays out (and maps clicks) for the size it is drawn at,
        // whatever became of the resize events.
        let size = terminal.size()?;
        if (size.width, size.height) != app.size {
            app.update(Action::Resize(size.width, size.height), Utc::now());
        }
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        // Blocks until something happens: no CPU while idle.
        let Ok(input) = inputs.recv() else {
            return Ok(());
        };
        let action = match input {
            Input::Terminal(event) => match app.keymap().event_action(app.key_mode(), &event?) {
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
            Input::Loaded(_) => continue,
            Input::Synced { full, result } => Action::Synced {
                full,
                // The profile as the sync left it, read here so the
                // watcher does not take the sync's save for another
                // window's.
                result: result.map(|line| super::app::SyncNews {
                    line,
                    profile: full
                        .then(|| store.update(|_| ()).ok().map(|(p, ())| p))
                        .flatten(),
                }),
            },
            Input::Outcome(action) => *action,
        };
        if perform(app, store, terminal, tx, action)? {
            return Ok(());
        }
    }
}

/// Updates with `action` and performs the effects, feeding their outcomes
/// back as actions. Returns true to quit.
/// The app's unsaved status changes, reviews and time entries, applied
/// and stamped by the store under its lock in one save (never our whole,
/// possibly stale, profile); then written out for sync.
fn save(app: &App, store: &Store, tx: &Sender<Input>) -> Action {
    let saved = store
        .update_now(|p, now| {
            p.apply(app.roadmap(), app.unsaved(), now);
            p.apply_events(app.roadmap(), app.unsaved_events(), now);
        })
        .map(|(saved, ())| saved)
        .map_err(|e| e.to_string());
    if saved.is_ok() {
        publish(app, store, tx);
    }
    Action::Saved(saved)
}

fn perform(
    app: &mut App,
    store: &Store,
    terminal: &mut DefaultTerminal,
    tx: &Sender<Input>,
    action: Action,
) -> io::Result<bool> {
    // An edited note's file, kept until the note is saved (or kept for
    // good, and its path shown, when saving fails).
    let mut draft: Option<crate::editor::Draft> = None;
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in app.update(action, Utc::now()) {
            let outcome = match effect {
                // The store applies and stamps our changes under its lock
                // (never merges our whole, possibly stale, profile).
                Effect::Save => save(app, store, tx),
                Effect::Sync => {
                    sync(app, store, tx);
                    continue;
                }
                Effect::OpenUrl(url) => {
                    if super::clipboard::browser_here() && open::that_detached(&url).is_ok() {
                        Action::Opened(Ok(url))
                    } else {
                        Action::NoBrowser(url)
                    }
                }
                Effect::Copy(text) => {
                    copy(&text);
                    continue;
                }
                Effect::MoveAside => Action::MovedAside(
                    store
                        .move_aside(Utc::now())
                        .map(|p| p.display().to_string())
                        .map_err(|e| e.to_string()),
                ),
                Effect::Quit => return Ok(true),
                Effect::EditNote { skill, text, base } => {
                    let id = app.roadmap().skills[skill].id.clone();
                    let result = match super::editor::edit(terminal, &text, &id)? {
                        Ok(d) => {
                            let text = d.text.clone();
                            draft = Some(d);
                            Ok(text)
                        }
                        Err(e) => Err(e.to_string()),
                    };
                    Action::NoteEdited {
                        skill,
                        base,
                        result,
                    }
                }
                Effect::SaveNote { skill, edit } => {
                    let roadmap = app.roadmap();
                    let mut result = store
                        .update_now(|p, now| p.edit_note(roadmap, skill, &edit, now))
                        .map_err(|e| e.to_string());
                    if result.is_ok() {
                        publish(app, store, tx);
                    }
                    match (&mut result, draft.take()) {
                        (Ok(_), Some(d)) => d.discard(),
                        (Err(e), Some(d)) => {
                            let kept = d.keep();
                            *e = format!("{e} — what you wrote is kept in {}", kept.display());
                        }
                        _ => {}
                    }
                    Action::NoteSaved { skill, result }
                }

                Effect::RestoreBackup => Action::Restored(
                    store
                        .restore_backup(Utc::now())
                        .map(|(profile, moved)| (profile, moved.display().to_string()))
                        .map_err(|e| e.to_string()),
                ),
                Effect::SaveGoal(date) => {
                    let id = app.roadmap().id.clone();
                    Action::GoalSaved(
                        store
                            .update_now(|p, now| p.set_goal(&id, date, now))
                            .map(|(profile, _)| profile)
                            .map_err(|e| e.to_string()),
                    )
                }
                // Reading roadmaps can take long (large files, slow disks):
                // off this thread, which must keep handling keys and
                // signals; the outcome comes back as an input.
                Effect::ListRoadmaps => {
                    let profile = app.profile().clone();
                    off_the_loop(tx, move || Action::Roadmaps(roadmap_entries(&profile)));
                    continue;
                }
                Effect::LoadRoadmap(source) => {
                    off_the_loop(tx, move || {
                        Action::RoadmapLoaded(
                            source
                                .load()
                                .map(|r| super::app::LoadedRoadmap(Box::new(r)))
                                .map_err(|e| {
                                    e.to_string().lines().next().unwrap_or("").to_string()
                                }),
                        )
                    });
                    continue;
                }
            };
            queue.push_back(outcome);
        }
    }
    Ok(false)
}

/// Syncs in a thread; the outcome comes back as [`Input::Synced`].
fn sync(app: &App, store: &Store, tx: &Sender<Input>) {
    let Some(target) = app.sync_state().target.clone() else {
        return;
    };
    let tx = tx.clone();
    super::sync::spawn_sync(target, store.dir().to_path_buf(), move |done| {
        let result = done
            .map(|report| super::sync::line(&report))
            .map_err(|e| e.to_string());
        let _ = tx.send(Input::Synced { full: true, result });
    });
}

/// With `[sync] folder`: writes this machine's file out after a save, in a
/// thread; only a failure comes back.
fn publish(app: &App, store: &Store, tx: &Sender<Input>) {
    let Some(crate::store::sync::Target::Folder(folder)) = app.sync_state().target.clone() else {
        return;
    };
    let tx = tx.clone();
    super::sync::spawn_publish(folder, store.dir().to_path_buf(), move |done| {
        if let Err(e) = done {
            let _ = tx.send(Input::Synced {
                full: false,
                result: Err(e.to_string()),
            });
        }
    });
}

/// Runs `work` in a thread of its own and hands its outcome to the loop.
fn off_the_loop(tx: &Sender<Input>, work: impl FnOnce() -> Action + Send + 'static) {
    let tx = tx.clone();
    thread::spawn(move || {
        let _ = tx.send(Input::Outcome(Box::new(work())));
    });
}

/// The library's roadmaps with the profile's progress on each, for the
/// switcher.
fn roadmap_entries(
    profile: &crate::model::Profile,
) -> Result<Vec<super::app::SwitchEntry>, String> {
    let lib = crate::store::library::Library::open().map_err(|e| e.to_string())?;
    let listed = crate::library::list(&lib).map_err(|e| e.to_string())?;
    Ok(crate::library::summarise(listed, profile)
        .iter()
        .map(super::app::SwitchEntry::from)
        .collect())
}

/// Asks the terminal to put `text` on the clipboard (OSC 52). Terminals
/// that do not support it ignore the sequence.
fn copy(text: &str) {
    use std::io::Write as _;
    let mut out = io::stdout();
    let _ = out.write_all(super::clipboard::osc52(text).as_bytes());
    let _ = out.flush();
}

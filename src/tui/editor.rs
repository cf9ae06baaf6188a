//! Giving the terminal to the learner's editor and taking it back: the
//! terminal events reader pauses (so it steals no keys from the editor),
//! raw mode, the alternate screen and the mouse are released, and after
//! the editor everything is taken again and redrawn from scratch.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::editor::{self, Draft, EditError};

/// Asks the events reader to stop reading the terminal.
static PAUSE: AtomicBool = AtomicBool::new(false);
/// The reader is paused: not inside a read.
static IDLE: AtomicBool = AtomicBool::new(false);

/// How long the reader waits for an event before looking at [`PAUSE`].
pub const POLL: Duration = Duration::from_millis(200);

/// For the events reader, before each read: true while paused.
pub fn reader_paused() -> bool {
    if PAUSE.load(Ordering::SeqCst) {
        IDLE.store(true, Ordering::SeqCst);
        true
    } else {
        false
    }
}

fn pause_reader() {
    PAUSE.store(true, Ordering::SeqCst);
    let start = Instant::now();
    while !IDLE.load(Ordering::SeqCst) && start.elapsed() < POLL * 5 {
        thread::sleep(Duration::from_millis(5));
    }
}

fn resume_reader() {
    IDLE.store(false, Ordering::SeqCst);
    PAUSE.store(false, Ordering::SeqCst);
}

/// Opens `text` in the editor with the terminal handed over; `name` goes
/// into the temporary file's name.
pub fn edit(
    terminal: &mut DefaultTerminal,
    text: &str,
    name: &str,
) -> io::Result<Result<Draft, EditError>> {
    pause_reader();
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen);
    let _ = disable_raw_mode();
    let result = editor::edit(text, name);
    // Blank screen, blank buffers: the next frame draws everything. (Not
    // `Terminal::clear`: it asks the terminal where the cursor is, which
    // some terminals never answer.)
    let taken = enable_raw_mode()
        .and_then(|()| {
            execute!(
                out,
                EnterAlternateScreen,
                EnableMouseCapture,
                Clear(ClearType::All)
            )
        })
        .map(|()| terminal.swap_buffers());
    resume_reader();
    taken.map(|()| result)
}

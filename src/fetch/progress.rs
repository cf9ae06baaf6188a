//! Download progress on stderr, one line redrawn in place, as cargo and
//! rustup show theirs: only when stderr is a terminal (a script or a pipe
//! gets nothing), at most ten times a second, and the line cleared when the
//! download ends (the command's report says what arrived) or fails.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// The bar's width in cells.
const BAR: usize = 24;
const EVERY: Duration = Duration::from_millis(100);

/// Progress for one roadmap's download.
pub struct Progress {
    enabled: bool,
    name: String,
    drawn: Option<Instant>,
    /// Something is on the line now.
    dirty: bool,
}

impl Progress {
    /// Shown on stderr when it is a terminal (and `TERM` is not `dumb`).
    pub fn new(name: &str) -> Progress {
        let enabled =
            std::io::stderr().is_terminal() && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
        Progress::with(name, enabled)
    }

    /// Never shown (tests, `--json` one day).
    pub fn hidden(name: &str) -> Progress {
        Progress::with(name, false)
    }

    fn with(name: &str, enabled: bool) -> Progress {
        Progress {
            enabled,
            name: name.to_string(),
            drawn: None,
            dirty: false,
        }
    }

    /// The roadmap document is arriving: `bytes` so far.
    pub fn roadmap(&mut self, bytes: u64) {
        let line = format!(
            "{:>12} {}: the roadmap, {}",
            "Downloading",
            self.name,
            size(bytes)
        );
        self.draw(&line, false);
    }

    /// `done` of `total` topic texts are in, `bytes` in all.
    pub fn topics(&mut self, done: usize, total: usize, bytes: u64) {
        let line = format!(
            "{:>12} {}: topics [{}] {done}/{total}, {}",
            "Downloading",
            self.name,
            bar(done, total),
            size(bytes)
        );
        self.draw(&line, done == total);
    }

    /// Clears the line (before an error is printed, say).
    pub fn clear(&mut self) {
        if self.enabled && self.dirty {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.dirty = false;
        }
    }

    fn draw(&mut self, line: &str, force: bool) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if !force && self.drawn.is_some_and(|t| now.duration_since(t) < EVERY) {
            return;
        }
        self.drawn = Some(now);
        let width = ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
        let shown: String = line.chars().take(width.saturating_sub(1)).collect();
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{shown}");
        let _ = err.flush();
        self.dirty = true;
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}

/// `=====>    ` for `done` of `total`.
fn bar(done: usize, total: usize) -> String {
    let filled = (done * BAR).checked_div(total).unwrap_or(BAR).min(BAR);
    let mut s = "=".repeat(filled);
    if filled < BAR {
        s.push('>');
        s.push_str(&" ".repeat(BAR - filled - 1));
    }
    s
}

/// Bytes as people read them: `812 B`, `34.1 KiB`, `2.3 MiB`.
pub fn size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KIB {
        format!("{bytes} B")
    } else if b < KIB * KIB {
        format!("{:.1} KiB", b / KIB)
    } else {
        format!("{:.1} MiB", b / KIB / KIB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_count_and_sizes_read_well() {
        assert_eq!(bar(0, 10), format!(">{}", " ".repeat(BAR - 1)));
        assert_eq!(bar(5, 10).matches('=').count(), BAR / 2);
        assert_eq!(bar(10, 10), "=".repeat(BAR));
        assert_eq!(bar(0, 0), "=".repeat(BAR));
        assert_eq!(size(812), "812 B");
        assert_eq!(size(34_918), "34.1 KiB");
        assert_eq!(size(3 * 1024 * 1024), "3.0 MiB");
    }
}

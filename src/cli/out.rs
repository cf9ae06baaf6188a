//! Writing results: text is built in memory, then written to a locked
//! stdout in one go. A closed pipe (`roadmap list | head -1`) is not an
//! error: the reader has seen all it wanted.

use std::io::{self, Write};

use serde::Serialize;

use super::Failure;
use crate::model::Status;
use crate::model::text::clean_multiline;

/// Appends one formatted line to a `String`. Writing to a `String` cannot
/// fail, so the `fmt::Result` is dropped here and nowhere else.
macro_rules! line {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}
pub(crate) use line;

/// Width of progress bars, in characters.
pub const BAR_WIDTH: usize = 16;

/// Writes `text` to stdout, treating a closed pipe as success.
///
/// The last line of defence for the terminal: text from a roadmap or a
/// profile is cleaned where it is read, and whatever still reaches this
/// point (a path from the environment, an OS message) is cleaned here, so
/// no control character (ESC, BEL, C1, bidi override) is ever printed.
pub fn emit(text: &str) -> Result<(), Failure> {
    let text = clean_multiline(text);
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::Output(e)),
        _ => Ok(()),
    }
}

/// Writes `value` as pretty JSON plus a newline to stdout.
pub fn emit_json<T: Serialize + ?Sized>(value: &T) -> Result<(), Failure> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| Failure::Output(e.into()))?;
    text.push('\n');
    emit(&text)
}

/// Writes lines to stderr. Errors are ignored: there is nowhere left to
/// report them.
pub fn emit_err(text: &str) {
    let text = clean_multiline(text);
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

/// A text progress bar: `finished` of `total` as `█` with a partial block
/// in eighths on a `░` background (see [`crate::model::progress::bar`]).
pub fn bar(finished: usize, total: usize, width: usize) -> String {
    let (filled, empty) = crate::model::progress::bar(finished, total, width);
    filled + &empty
}

/// Terminal cells `s` takes: a wide character (CJK, most emoji) counts
/// twice, a combining mark not at all.
pub fn cells(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` padded with spaces to `width` terminal cells (as `{:<width$}` does
/// for characters).
pub fn pad(s: &str, width: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(cells(s))));
    out
}

/// `s` cut to at most `max` characters, ending in `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// How a status reads in a sentence ("http is already done").
pub fn status_phrase(status: Status) -> &'static str {
    match status {
        Status::Todo => "todo",
        Status::Doing => "in progress",
        Status::Done => "done",
        Status::Skipped => "skipped",
    }
}

/// `1 skill`, `2 skills`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_is_proportional_and_rounds_down() {
        assert_eq!(bar(4, 8, 16), "████████░░░░░░░░");
        assert_eq!(bar(0, 3, 6), "░░░░░░");
        assert_eq!(bar(3, 3, 6), "██████");
        // 99 of 100 is not a full bar.
        assert_eq!(bar(99, 100, 10), "█████████▉");
        assert_eq!(bar(1, 3, 16).chars().count(), 16);
    }

    #[test]
    fn the_first_tick_shows_in_the_bar() {
        // 1 of 106 on 16 cells is about an eighth of a cell.
        assert_eq!(bar(1, 106, 16), format!("▏{}", "░".repeat(15)));
        assert_eq!(bar(5, 106, 16), "▊░░░░░░░░░░░░░░░");
        assert_eq!(bar(1, 3, 6), "██░░░░");
        assert_eq!(bar(1, 4, 6), "█▌░░░░");
    }

    #[test]
    fn bar_of_nothing_is_full_and_overflow_is_capped() {
        assert_eq!(bar(0, 0, 4), "████");
        assert_eq!(bar(9, 3, 4), "████");
    }

    #[test]
    fn truncate_marks_cuts() {
        assert_eq!(truncate("Basics", 10), "Basics");
        assert_eq!(truncate("Databases and storage", 10), "Databases…");
        assert_eq!(truncate("Databases and storage", 10).chars().count(), 10);
    }

    #[test]
    fn plural_words() {
        assert_eq!(plural(1, "skill"), "1 skill");
        assert_eq!(plural(0, "skill"), "0 skills");
        assert_eq!(plural(3, "choice"), "3 choices");
    }
}

//! Measuring, cutting and wrapping text by terminal cells.

use chrono::{DateTime, FixedOffset, Local, Offset, Utc};
use ratatui::text::Span;

/// The time zone dates are shown in. Profiles store UTC; the view converts.
/// Tests fix an offset so screens never depend on the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The user's zone (the system's, daylight saving included).
    Local,
    Fixed(FixedOffset),
}

impl Default for Zone {
    fn default() -> Self {
        Zone::Fixed(Utc.fix())
    }
}

impl Zone {
    /// The calendar day of `at` in this zone, as `YYYY-MM-DD`.
    pub fn date(self, at: DateTime<Utc>) -> String {
        const DAY: &str = "%Y-%m-%d";
        match self {
            Zone::Local => at.with_timezone(&Local).format(DAY).to_string(),
            Zone::Fixed(offset) => at.with_timezone(&offset).format(DAY).to_string(),
        }
    }
}

/// Terminal cells `s` takes.
pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}

fn char_width(c: char) -> usize {
    let mut b = [0; 4];
    width(c.encode_utf8(&mut b))
}

/// True for a word that must stay with the next one: a separator like
/// "·" or "—", or a number ("6" in "6 h", "3" in "3 skills").
fn binds_next(word: &str) -> bool {
    matches!(word, "·" | "—" | "–" | "-" | "→")
        || (word.starts_with(|c: char| c.is_ascii_digit())
            && word
                .chars()
                .all(|c| c.is_ascii_digit() || ".,/%+~".contains(c)))
}

/// The words of one line, a number kept with its unit and a separator
/// with what follows: the pieces a line may be broken or cut between.
fn units(line: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue = false;
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        match out.last_mut() {
            Some(last) if glue => {
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
        glue = binds_next(word);
    }
    out
}

/// `s` cut to at most `max` cells, with "…" when something was cut. The
/// cut falls between words (never inside "6 h") unless that would lose
/// more than half the room.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    // Leading spaces are part of the layout: keep them.
    let body = s.trim_start_matches(' ');
    let mut out = " ".repeat(s.len() - body.len());
    let lead = out.len();
    for unit in units(body) {
        let sep = usize::from(out.len() > lead);
        if width(&out) + sep + width(&unit) > max - 1 {
            break;
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(&unit);
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '·', ' ', '(', '—', '-']);
    if trimmed.len() > lead && width(trimmed) * 2 >= max {
        return format!("{trimmed}…");
    }
    cut(s, max)
}

/// `s` cut anywhere to at most `max` cells (`max` > 0), ending in "…".
fn cut(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `s` cut or padded with spaces to exactly `cells` cells.
pub fn pad(s: &str, cells: usize) -> String {
    let mut out = fit(s, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Word-wraps `s` to `max` cells per line; line breaks in `s` are kept,
/// a number stays with its unit, and words longer than a line are split.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for unit in units(para) {
            let w = width(&unit);
            if used > 0 && used + 1 + w <= max {
                line.push(' ');
                line.push_str(&unit);
                used += 1 + w;
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if w <= max {
                line.push_str(&unit);
                used = w;
                continue;
            }
            for c in unit.chars() {
                let cw = char_width(c);
                if used + cw > max && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(line);
    }
    lines
}

/// A description wrapped to `max` cells, its lists shown as lists: an
/// item (`- `, `* `, `1. `, indented for nesting) gets a bullet and its
/// continuation lines hang under its text; a line indented by four spaces
/// (code) keeps its spacing and is cut, not wrapped. Other lines wrap as
/// [`wrap`] does.
pub fn wrap_description(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut out = Vec::new();
    for line in s.split('\n') {
        if line.starts_with("    ") {
            out.push(fit(line, max));
            continue;
        }
        let body = line.trim_start_matches(' ');
        let indent = (line.len() - body.len()).min(8);
        let marker = ["- ", "* ", "• "]
            .iter()
            .find_map(|b| body.strip_prefix(b).map(|rest| ("• ".to_string(), rest)))
            .or_else(|| {
                let digits = body.chars().take_while(char::is_ascii_digit).count();
                let rest = body.get(digits..)?.strip_prefix(". ")?;
                (1..10)
                    .contains(&digits)
                    .then(|| (format!("{}. ", &body[..digits]), rest))
            });
        let Some((mark, rest)) = marker else {
            out.extend(wrap(line, max));
            continue;
        };
        let lead = format!("{}{mark}", " ".repeat(indent));
        let hang = width(&lead);
        if hang + 4 > max {
            out.extend(wrap(&format!("{lead}{rest}"), max));
            continue;
        }
        for (n, part) in wrap(rest.trim_start(), max - hang).into_iter().enumerate() {
            let head = if n == 0 {
                lead.clone()
            } else {
                " ".repeat(hang)
            };
            out.push(format!("{head}{part}"));
        }
    }
    out
}

/// `s` wrapped to `max` cells, at most `rows` lines; the last one is cut
/// with "…" when there is more.
pub fn wrap_at_most(s: &str, max: usize, rows: usize) -> Vec<String> {
    let mut lines = wrap(s, max);
    if lines.len() > rows && rows > 0 {
        let rest = lines[rows - 1..].join(" ");
        lines.truncate(rows - 1);
        lines.push(fit(&format!("{rest} …"), max));
    }
    lines
}

/// A progress bar of `cells` cells: the filled part (with a partial
/// block) and the empty part; the same bar as the command line's.
pub fn bar(done: usize, total: usize, cells: usize) -> (String, String) {
    crate::model::progress::bar(done, total, cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn wrap_keeps_words_whole_and_splits_long_ones() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("a\n\nb", 5), vec!["a", "", "b"]);
        assert_eq!(wrap("", 5), vec![""]);
    }

    #[test]
    fn cuts_and_breaks_fall_between_words_and_keep_units_whole() {
        assert_eq!(
            fit("HTTP: requests, responses, methods", 20),
            "HTTP: requests…"
        );
        assert_eq!(fit("unlocks 3 skills · 6 h", 20), "unlocks 3 skills…");
        assert_eq!(fit("Supercalifragilistic", 8), "Superca…");
        assert_eq!(fit(" · profile default", 12), " · profile…");
        assert_eq!(
            wrap("in progress for 2 days · 6 h left", 24),
            vec!["in progress for 2 days", "· 6 h left"]
        );
        assert_eq!(wrap("left · 6 h", 8), vec!["left", "· 6 h"]);
        assert_eq!(
            wrap_at_most("one two three four", 9, 2),
            vec!["one two", "three…"]
        );
    }

    #[test]
    fn descriptions_show_lists_as_lists() {
        let text = "Kinds:\n\n1. Deck ovens have a stone floor\n- Convection\n  - fan assisted ones\n    code  stays\nEnd.";
        assert_eq!(
            wrap_description(text, 20),
            vec![
                "Kinds:",
                "",
                "1. Deck ovens have a",
                "   stone floor",
                "• Convection",
                "  • fan assisted",
                "    ones",
                "    code  stays",
                "End."
            ]
        );
    }

    #[test]
    fn local_dates_follow_the_zone() {
        use chrono::TimeZone as _;
        let late = Utc.with_ymd_and_hms(2025, 3, 1, 23, 30, 0).unwrap();
        assert_eq!(Zone::default().date(late), "2025-03-01");
        let paris = Zone::Fixed(FixedOffset::east_opt(3600).unwrap());
        assert_eq!(paris.date(late), "2025-03-02");
    }

    #[test]
    fn bars_are_full_when_nothing_counts() {
        assert_eq!(bar(0, 0, 3).0, "███");
        assert_eq!(bar(1, 2, 4), ("██".to_string(), "░░".to_string()));
    }
}

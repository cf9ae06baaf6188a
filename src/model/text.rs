//! Text that came from outside (roadmap files, profiles) must never drive the
//! terminal. Everything shown to a user passes through [`clean`] first.
//!
//! Three classes of characters are treated, each in its own way:
//! - controls that change what a terminal does or reorder text (C0/C1
//!   controls, DEL, bidirectional overrides, isolates and marks, U+FEFF) are
//!   *shown*: each becomes U+FFFD (�), so a reader sees that something was
//!   there ([`is_unsafe`]);
//! - line and paragraph separators (U+2028, U+2029) are line breaks: a space
//!   in one-line text, `\n` in descriptions;
//! - invisible characters (every other Unicode format character, category
//!   Cf: zero-width space and joiners, word joiner, soft hyphen, invisible
//!   operators, U+180E, interlinear annotation, tag characters U+E0000–
//!   U+E007F …, and the Hangul fillers U+115F, U+1160, U+3164, U+FFA0) are
//!   *removed* ([`is_invisible`]): they show nothing, but terminals disagree
//!   on how many cells they take, which leaves stale cells on screen, and
//!   they let two texts that look alike differ. Removing them at load makes
//!   what is shown, searched and stored the same text.

use std::borrow::Cow;
use std::fmt::Write;

/// True for characters that can change what a terminal does or how text is
/// laid out: C0 and C1 controls (ESC, BEL, CSI …), DEL, and the Unicode
/// bidirectional overrides, isolates and marks. Shown as U+FFFD.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{061C}' | '\u{FEFF}')
}

/// True for characters that are invisible and removed from shown text: the
/// Unicode format characters (category Cf, Unicode 16) that [`is_unsafe`]
/// does not already cover, the whole tag block, and the Hangul fillers.
pub fn is_invisible(c: char) -> bool {
    u32::from(c) >= 0xAD
        && !is_unsafe(c)
        && matches!(c,
            '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{115F}'..='\u{1160}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}')
}

/// True for the Unicode line and paragraph separators.
fn is_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// True for any character [`clean`] changes or removes (besides line breaks).
fn needs_cleaning(c: char) -> bool {
    is_unsafe(c) || is_invisible(c) || is_separator(c)
}

/// True when `s` has no character [`clean`] would change. Printable ASCII
/// (the common case) is checked a byte at a time, which the compiler
/// vectorises.
pub fn is_safe(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b)) || !s.chars().any(needs_cleaning)
}

/// Like [`is_safe`], but line breaks are allowed.
fn is_safe_multiline(s: &str) -> bool {
    s.bytes().all(|b| b == b'\n' || (0x20..0x7f).contains(&b))
        || !s.chars().any(|c| c != '\n' && needs_cleaning(c))
}

/// Returns `s` with every unsafe character replaced: tabs and line breaks
/// (and U+2028/U+2029) become a space, other controls U+FFFD (�) so a
/// reader can see that something was there, and invisible characters are
/// removed. Borrows when nothing needs replacing.
pub fn clean(s: &str) -> Cow<'_, str> {
    if is_safe(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|&c| !is_invisible(c))
            .map(|c| match c {
                '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// [`clean`] for an owned string: returns it unchanged (no copy) when it is
/// already safe.
pub fn clean_owned(s: String) -> String {
    if is_safe(&s) {
        s
    } else {
        clean(&s).into_owned()
    }
}

/// [`clean_multiline`] for an owned string, without a copy when safe.
pub fn clean_multiline_owned(s: String) -> String {
    if is_safe_multiline(&s) {
        s
    } else {
        clean_multiline(&s).into_owned()
    }
}

/// Like [`clean`], but keeps line breaks (for multi-line descriptions).
pub fn clean_multiline(s: &str) -> Cow<'_, str> {
    if is_safe_multiline(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|&c| !is_invisible(c))
            .map(|c| match c {
                '\n' | '\u{2028}' | '\u{2029}' => '\n',
                '\t' | '\r' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// `s` with each invisible character written out as `<U+XXXX>`: how a value
/// that is refused because of them (a URL) is quoted in a message.
pub fn reveal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_invisible) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_invisible(c) {
            let _ = write!(out, "<U+{:04X}>", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`clean`]ed and cut to at most `max` characters, ending in `…` when cut:
/// how a value from a file (an id, a URL) is quoted in a message, so a
/// hostile file cannot make an error message as large as itself.
pub fn clip(s: &str, max: usize) -> String {
    let mut chars = s.chars();
    let mut out: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        out.pop();
        out.push('…');
    }
    clean(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(clean("Learn SQL — joins"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_are_neutralised() {
        let hostile = "a\u{1b}[2Jb\u{7}c\u{9b}31md\u{1b}]0;title\u{7}e\u{202e}f";
        let out = clean(hostile);
        assert!(!out.chars().any(is_unsafe), "{out:?}");
        assert!(out.starts_with('a') && out.ends_with('f'));
    }

    #[test]
    fn clip_bounds_and_cleans() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("abcdefghijkl", 5), "abcd…");
        assert_eq!(clip(&"x".repeat(1_000_000), 100).chars().count(), 100);
        assert_eq!(clip("a\u{1b}[2Jb", 100), "a\u{FFFD}[2Jb");
    }

    #[test]
    fn invisible_characters_are_removed_and_separators_break_lines() {
        assert_eq!(clean("Pay\u{200B}pal"), "Paypal");
        for c in [
            '\u{00AD}',
            '\u{180E}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{2060}',
            '\u{2064}',
            '\u{115F}',
            '\u{1160}',
            '\u{3164}',
            '\u{FFA0}',
            '\u{E0000}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{0600}',
            '\u{FFF9}',
            '\u{1D173}',
            '\u{13439}',
        ] {
            let s = format!("a{c}b");
            assert_eq!(clean(&s), "ab", "U+{:04X}", u32::from(c));
            assert_eq!(clean_multiline(&s), "ab", "U+{:04X}", u32::from(c));
            assert!(!is_safe(&s));
        }
        assert_eq!(clean("a\u{2028}b\u{2029}c"), "a b c");
        assert_eq!(clean_multiline("a\u{2028}b\u{2029}c"), "a\nb\nc");
        // Bidirectional controls stay visible as U+FFFD.
        assert_eq!(clean("a\u{202E}b\u{200F}c"), "a\u{FFFD}b\u{FFFD}c");
        // Letters, marks and emoji are kept.
        assert!(matches!(clean("café 日本 👍 é"), Cow::Borrowed(_)));
    }

    #[test]
    fn whitespace_controls_become_spaces() {
        assert_eq!(clean("a\tb\nc"), "a b c");
        assert_eq!(clean_multiline("a\tb\nc\u{1b}"), "a b\nc\u{FFFD}");
    }
}

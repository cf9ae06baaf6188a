//! Text that came from outside (roadmap files, profiles) must never drive the
//! terminal. Everything shown to a user passes through [`clean`] first.

use std::borrow::Cow;

/// True for characters that can change what a terminal does or how text is
/// laid out: C0 and C1 controls (ESC, BEL, CSI …), DEL, and the Unicode
/// bidirectional overrides and isolates.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{061C}' | '\u{FEFF}')
}

/// True when `s` has no unsafe character. Printable ASCII (the common case)
/// is checked a byte at a time, which the compiler vectorises.
pub fn is_safe(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b)) || !s.chars().any(is_unsafe)
}

/// Like [`is_safe`], but line breaks are allowed.
fn is_safe_multiline(s: &str) -> bool {
    s.bytes().all(|b| b == b'\n' || (0x20..0x7f).contains(&b))
        || !s.chars().any(|c| c != '\n' && is_unsafe(c))
}

/// Returns `s` with every unsafe character replaced: tabs and line breaks
/// become a space, anything else becomes U+FFFD (�) so a reader can see that
/// something was there. Borrows when nothing needs replacing.
pub fn clean(s: &str) -> Cow<'_, str> {
    if is_safe(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\t' | '\n' | '\r' => ' ',
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
            .map(|c| match c {
                '\n' => '\n',
                '\t' | '\r' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
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
    fn whitespace_controls_become_spaces() {
        assert_eq!(clean("a\tb\nc"), "a b c");
        assert_eq!(clean_multiline("a\tb\nc\u{1b}"), "a b\nc\u{FFFD}");
    }
}

//! What the JSON parser says, in the words of someone editing a file: a
//! file that is not JSON at all, or a typed-parse error that the thorough
//! pass did not explain.

use super::error::{Problem, ProblemKind};
use super::text::clip;

/// A JSON syntax error in plain words (the file is not JSON at all).
pub(super) fn syntax(bytes: &[u8], err: &serde_json::Error) -> Problem {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Problem::new(ProblemKind::Empty);
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        let message = "the file starts with an invisible byte-order mark (U+FEFF); save it as UTF-8 without a BOM".to_string();
        return Problem {
            line: Some(1),
            column: Some(1),
            ..Problem::new(ProblemKind::Syntax { message })
        };
    }
    let msg = err.to_string();
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m);
    let plain = PLAIN
        .iter()
        .find(|(serde, _)| msg.starts_with(serde))
        .map_or_else(|| clip(msg, 200), |(_, plain)| (*plain).to_string());
    let mut p = Problem::new(ProblemKind::Syntax { message: plain });
    if err.line() > 0 {
        p.line = Some(err.line());
        p.column = Some(err.column().max(1));
    }
    p
}

/// `serde_json`'s messages and what they mean to someone editing a file.
pub(super) const PLAIN: &[(&str, &str)] = &[
    (
        "EOF while parsing a list",
        "the file ends inside a list: a closing ']' is missing",
    ),
    (
        "EOF while parsing an object",
        "the file ends inside an object: a closing '}' is missing",
    ),
    (
        "EOF while parsing a string",
        "the file ends inside a text: a closing '\"' is missing",
    ),
    (
        "EOF while parsing a value",
        "the file ends where a value should follow",
    ),
    ("expected `:`", "a ':' is missing after the field name"),
    (
        "expected `,` or `]`",
        "a ',' between two entries or the closing ']' of the list is missing",
    ),
    (
        "expected `,` or `}`",
        "a ',' between two fields or the closing '}' of the object is missing",
    ),
    (
        "expected ident",
        "unknown word: JSON knows only true, false and null, and text must be in double quotes",
    ),
    (
        "expected value",
        "a value is missing here (text must be in double quotes)",
    ),
    (
        "expected `\"`",
        "a field name in double quotes is expected here",
    ),
    (
        "invalid escape",
        "unknown escape after '\\' in a text (write \\\\ for a backslash)",
    ),
    ("invalid number", "this number is not written the JSON way"),
    ("number out of range", "this number is far too large"),
    (
        "invalid unicode code point",
        "invalid character: the file must be UTF-8 text, and each \\u escape must name a real character",
    ),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "a raw control character (a tab or a line break) is inside a text; write it as \\t or \\n",
    ),
    (
        "key must be a string",
        "a field name must be text in double quotes",
    ),
    (
        "lone leading surrogate in hex escape",
        "a \\u escape names half a character (a lone surrogate)",
    ),
    (
        "trailing comma",
        "a ',' stands before a closing bracket; remove it",
    ),
    (
        "trailing characters",
        "there is more after the end of the roadmap's object; remove it",
    ),
    (
        "unexpected end of hex escape",
        "a \\u escape needs four hex digits",
    ),
    (
        "recursion limit exceeded",
        "the JSON is nested too deeply (more than 128 levels)",
    ),
];

/// A typed-parse error the walk did not explain (a field given twice): in
/// plain words, at serde's position.
pub(super) fn leftover(err: &serde_json::Error) -> Problem {
    let msg = err.to_string();
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m);
    let message = match msg.strip_prefix("duplicate field `") {
        Some(rest) => format!(
            "the field '{}' is given twice in one object; keep one",
            clip(rest.trim_end_matches('`'), 60)
        ),
        None => clip(msg, 200),
    };
    let mut p = Problem::new(ProblemKind::Format { message });
    if err.line() > 0 {
        p.line = Some(err.line());
        p.column = Some(err.column().max(1));
    }
    p
}

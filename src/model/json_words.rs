//! What the JSON reader says, in the words of someone who did not write
//! it: "the number 1 where an object should be", not serde's "invalid
//! type: integer 1, expected struct `RawNode`"; "the file ends inside an
//! object", not "EOF while parsing an object". For every JSON file that is not a
//! roadmap (a profile, an import); roadmaps have their own, finer
//! messages (`schema.rs`).

use super::text::clip;

/// `err` in plain words, with its place when it has one: `the file ends
/// inside an object: a closing '}' is missing (line 1, column 25)`.
pub fn error(err: &serde_json::Error) -> String {
    let text = message(&err.to_string());
    if err.line() > 0 {
        format!(
            "{text} (line {}, column {})",
            err.line(),
            err.column().max(1)
        )
    } else {
        text
    }
}

/// One message of the JSON reader (with or without its ` at line L column
/// C`) in plain words; a message it does not know is kept, cut short.
pub fn message(msg: &str) -> String {
    translate(msg).unwrap_or_else(|| {
        let msg = msg.rsplit_once(" at line ").map_or(msg, |(m, _)| m).trim();
        clip(&msg.replace('`', "'"), 200)
    })
}

/// [`message`], only for a message of the JSON reader's it knows (`None`
/// for any other text, which is then best left as it is).
pub fn translate(msg: &str) -> Option<String> {
    let msg = msg.rsplit_once(" at line ").map_or(msg, |(m, _)| m).trim();
    known(msg)
}

fn known(msg: &str) -> Option<String> {
    if msg.starts_with("trailing characters") {
        return Some("there is more after the end of the JSON value; remove it".to_string());
    }
    if let Some((_, plain)) = super::syntax::PLAIN
        .iter()
        .find(|(s, _)| msg.starts_with(s))
    {
        return Some((*plain).to_string());
    }
    if let Some((found, expected)) = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
        .and_then(|rest| rest.split_once(", expected "))
    {
        return Some(format!(
            "{} where {} should be",
            found_words(found),
            expected_words(expected)
        ));
    }
    if let Some((n, expected)) = msg
        .strip_prefix("invalid length ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        // A struct read from a list: the list is what is wrong, not its
        // length.
        if expected.starts_with("struct ") {
            return Some("a list [ … ] where an object { … } should be".to_string());
        }
        return Some(format!(
            "a list of {n} where {} should be",
            expected_words(expected)
        ));
    }
    if let Some(field) = msg.strip_prefix("missing field ") {
        return Some(format!("the field {} is missing", quoted(field)));
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let (field, known) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let known = known.trim_start_matches("one of ").replace('`', "");
        return Some(if known.is_empty() {
            format!("unknown field {}", quoted(field))
        } else {
            format!(
                "unknown field {} (known: {})",
                quoted(field),
                clip(&known, 120)
            )
        });
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (word, known) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let known = known.trim_start_matches("one of ").replace('`', "");
        return Some(format!(
            "{} is not one of {}",
            quoted(word),
            clip(&known, 120)
        ));
    }
    if let Some(field) = msg.strip_prefix("duplicate field ") {
        return Some(format!(
            "the field {} is given twice in one object; keep one",
            quoted(field)
        ));
    }
    None
}

/// `` `id` `` → `'id'`.
fn quoted(word: &str) -> String {
    format!("'{}'", clip(word.trim().trim_matches('`'), 60))
}

/// What serde found, in words: "integer \`1\`" → "the number 1".
fn found_words(found: &str) -> String {
    let value = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| clip(v.trim().trim_matches('`'), 40))
    };
    if let Some(v) = value("integer ").or_else(|| value("floating point ")) {
        return format!("the number {v}");
    }
    if let Some(v) = value("string ") {
        return format!("the text {v}");
    }
    if let Some(v) = value("boolean ") {
        return v;
    }
    match found {
        "map" => "an object { … }".to_string(),
        "sequence" => "a list [ … ]".to_string(),
        "null" | "unit" => "null".to_string(),
        other => clip(&other.replace('`', "'"), 40),
    }
}

/// What serde expected, in words: "struct X" → "an object { … }".
fn expected_words(expected: &str) -> String {
    let e = expected.trim();
    if e.starts_with("struct ") || e == "a map" || e.starts_with("map") {
        return "an object { … }".to_string();
    }
    if e.starts_with("a sequence")
        || e.starts_with("tuple")
        || e.starts_with("a tuple")
        || e.starts_with("an array")
    {
        return "a list [ … ]".to_string();
    }
    if e.contains("string") || e == "a character" {
        return "a text in double quotes".to_string();
    }
    if e == "a boolean" {
        return "true or false".to_string();
    }
    if [
        "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize",
    ]
    .iter()
    .any(|t| e.starts_with(t))
    {
        return "a whole number".to_string();
    }
    if e.starts_with('f') && e.len() == 3 {
        return "a number".to_string();
    }
    clip(&e.replace('`', "'"), 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readers_jargon_in_plain_words() {
        for (serde, plain) in [
            (
                "invalid type: integer `1`, expected struct RawNode at line 1 column 11",
                "the number 1 where an object { … } should be",
            ),
            (
                "EOF while parsing a list at line 2 column 0",
                "the file ends inside a list: a closing ']' is missing",
            ),
            (
                "EOF while parsing an object at line 1 column 25",
                "the file ends inside an object: a closing '}' is missing",
            ),
            (
                "invalid type: string \"x\", expected u32",
                "the text \"x\" where a whole number should be",
            ),
            (
                "invalid length 3, expected struct Document with 5 elements",
                "a list [ … ] where an object { … } should be",
            ),
            (
                "invalid length 1, expected a tuple of size 2",
                "a list of 1 where a list [ … ] should be",
            ),
            ("missing field `nodes`", "the field 'nodes' is missing"),
            (
                "unknown variant `blog`, expected one of `a`, `b`",
                "'blog' is not one of a, b",
            ),
        ] {
            assert_eq!(message(serde), plain, "{serde}");
        }
    }

    #[test]
    fn errors_keep_their_place() {
        let err = serde_json::from_str::<serde_json::Value>("{\"a\": [1,").unwrap_err();
        let text = error(&err);
        assert!(text.starts_with("the file ends"), "{text}");
        assert!(text.ends_with("(line 1, column 9)"), "{text}");
        for jargon in ["EOF", "`", "struct", "invalid type"] {
            assert!(!text.contains(jargon), "{text}");
        }
    }
}

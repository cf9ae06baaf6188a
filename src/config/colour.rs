//! Colours as the config file writes them (and as the docs and
//! `roadmap config default` spell them): a name (`red`, `dark-gray`,
//! `light-blue`), `"#rrggbb"` in lowercase, or a palette number (`"244"`).

use std::str::FromStr;

use ratatui::style::Color;

/// The colour names, in the spelling the file and the docs use.
pub const NAMES: &[(&str, Color)] = &[
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
];

/// Colours people ask for that a terminal's sixteen do not name, and the
/// closest way to write them.
const OTHER_WORDS: &[(&str, &str)] = &[
    ("purple", "magenta"),
    ("violet", "magenta"),
    ("pink", "light-magenta"),
    ("orange", "#ff8000"),
    ("brown", "#8b4513"),
    ("aqua", "cyan"),
    ("teal", "cyan"),
    ("navy", "blue"),
    ("lime", "light-green"),
    ("olive", "yellow"),
];

/// How `roadmap config default` writes a colour: `dark-gray`, `#1a7f37`,
/// `244`.
pub fn name(colour: Color) -> String {
    if let Some((n, _)) = NAMES.iter().find(|(_, c)| *c == colour) {
        return (*n).to_string();
    }
    match colour {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => i.to_string(),
        other => other.to_string().to_lowercase(),
    }
}

/// Reads a colour; `Err` holds a suggestion when the text looks like a
/// slip (`"purpel"` → `magenta`, `"ligth-blue"` → `light-blue`).
pub fn parse(text: &str) -> Result<Color, Option<String>> {
    Color::from_str(text).map_err(|_| suggest(text))
}

/// The colour `text` was probably meant to be.
fn suggest(text: &str) -> Option<String> {
    let typed = text.trim().to_lowercase().replace([' ', '_'], "-");
    if typed.len() > 40 {
        return None;
    }
    let mut best: Option<(f64, String)> = None;
    let mut consider = |word: &str, write: &str| {
        let score = strsim::jaro_winkler(&typed, word);
        if score > best.as_ref().map_or(0.0, |b| b.0) {
            best = Some((score, write.to_string()));
        }
    };
    for (n, _) in NAMES {
        consider(n, n);
    }
    for (word, write) in OTHER_WORDS {
        consider(word, write);
    }
    best.filter(|b| b.0 >= 0.8).map(|b| b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_and_are_written_the_documented_way() {
        for (n, c) in NAMES {
            assert_eq!(parse(n), Ok(*c));
            assert_eq!(name(*c), *n);
        }
        assert_eq!(name(Color::Rgb(0x1a, 0x7f, 0x37)), "#1a7f37");
        assert_eq!(parse("#1a7f37"), Ok(Color::Rgb(0x1a, 0x7f, 0x37)));
        assert_eq!(name(Color::Indexed(244)), "244");
        assert_eq!(parse("244"), Ok(Color::Indexed(244)));
    }

    #[test]
    fn slips_get_a_suggestion() {
        assert_eq!(parse("purpel"), Err(Some("magenta".to_string())));
        assert_eq!(parse("ligth-blue"), Err(Some("light-blue".to_string())));
        assert_eq!(parse("orange"), Err(Some("#ff8000".to_string())));
        assert_eq!(parse("zzzzzz"), Err(None));
    }
}

//! From the text of a config file to a [`Config`]: typed, every unknown
//! name refused with its line and column.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;
use std::str::FromStr;

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

use super::{Config, ConfigError, Defaults};
use crate::tui::keymap::{Key, KeyMode, Keymap, KeymapError};
use crate::tui::keyname::KEY_HELP;
use crate::tui::theme::Palette;

const SEE_DEFAULT: &str =
    "`roadmap config default` prints a complete file with every setting explained";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
    theme: Option<Spanned<toml::Value>>,
    #[serde(default)]
    defaults: RawDefaults,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDefaults {
    profile: Option<Spanned<String>>,
    roadmap: Option<Spanned<String>>,
}

/// Second look at a `[theme]` table, keeping each value's place.
#[derive(Deserialize)]
struct ThemeDoc {
    theme: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// Parses a config file's text; `file` names it in errors.
pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
    let at = |span: Range<usize>, problem: String, help: &str| ConfigError {
        file: file.to_string(),
        at: Some(line_column(text, span.start)),
        problem,
        help: help.to_string(),
    };
    let from_toml = |e: toml::de::Error| ConfigError {
        file: file.to_string(),
        at: e.span().map(|s| line_column(text, s.start)),
        problem: plain(e.message()),
        help: SEE_DEFAULT.to_string(),
    };
    let raw: Raw = toml::from_str(text).map_err(from_toml)?;

    let mut keymap = Keymap::default();
    for (mode_name, actions) in &raw.keys {
        let Some(mode) = KeyMode::from_name(mode_name.get_ref()) else {
            let known: Vec<&str> = KeyMode::ALL.iter().map(|m| m.name()).collect();
            return Err(at(
                mode_name.span(),
                format!("there is no key mode '{}'", clip(mode_name.get_ref())),
                &format!("the tables of [keys] are: {}", known.join(", ")),
            ));
        };
        for (name, value) in actions {
            let keys = keys_of(value).map_err(|(span, problem)| at(span, problem, KEY_HELP))?;
            keymap
                .rebind(mode, name.get_ref(), keys)
                .map_err(|e| at(name.span(), e.to_string(), "use one of the names listed"))?;
        }
    }
    if let Err(e) = keymap.check() {
        return Err(at(conflict_span(&raw, &e), e.to_string(), e.help()));
    }

    let palette = match &raw.theme {
        None => Palette::DEFAULT,
        Some(value) => match value.get_ref() {
            toml::Value::String(name) => preset(name).ok_or_else(|| {
                at(
                    value.span(),
                    format!("there is no theme '{}'", clip(name)),
                    &presets_help(),
                )
            })?,
            toml::Value::Table(_) => {
                let doc: ThemeDoc = toml::from_str(text).map_err(from_toml)?;
                theme_table(&doc.theme).map_err(|(span, problem, help)| at(span, problem, &help))?
            }
            _ => {
                return Err(at(
                    value.span(),
                    "theme must be a preset name or a [theme] table of colours".to_string(),
                    &presets_help(),
                ));
            }
        },
    };

    let defaults = Defaults {
        profile: match raw.defaults.profile {
            Some(p) => {
                crate::store::paths::check_name(p.get_ref()).map_err(|e| {
                    at(
                        p.span(),
                        e.to_string(),
                        "profile names are letters, digits, - and _",
                    )
                })?;
                Some(p.into_inner())
            }
            None => None,
        },
        roadmap: raw.defaults.roadmap.map(|r| PathBuf::from(r.into_inner())),
    };
    Ok(Config {
        keymap,
        palette,
        defaults,
    })
}

/// Where the config made a conflict: the line rebinding one of the two
/// actions (the built-in keys never clash), else the top of the file.
fn conflict_span(raw: &Raw, e: &KeymapError) -> Range<usize> {
    if let Some((mode, action)) = e.culprit() {
        return raw
            .keys
            .iter()
            .filter(|(m, _)| m.get_ref() == mode.name())
            .flat_map(|(_, actions)| actions.keys())
            .find(|name| name.get_ref() == action)
            .map_or(0..0, Spanned::span);
    }
    let KeymapError::Conflict {
        mode,
        first,
        second,
        ..
    } = e
    else {
        return 0..0;
    };
    raw.keys
        .iter()
        .filter(|(m, _)| m.get_ref() == mode.name())
        .flat_map(|(_, actions)| actions.keys())
        .filter(|name| name.get_ref() == second || name.get_ref() == first)
        .map(Spanned::span)
        .max_by_key(|span| span.start)
        .unwrap_or(0..0)
}

/// A key (`"j"`) or a list of keys (`["j", "down"]`, `[]` for none).
fn keys_of(value: &Spanned<toml::Value>) -> Result<Vec<Key>, (Range<usize>, String)> {
    let one = |s: &str| {
        Key::parse(s).ok_or_else(|| {
            (
                value.span(),
                format!("\"{}\" is not a key this app knows", clip(s)),
            )
        })
    };
    match value.get_ref() {
        toml::Value::String(s) => Ok(vec![one(s)?]),
        toml::Value::Array(items) => items
            .iter()
            .map(|item| match item {
                toml::Value::String(s) => one(s),
                other => Err((
                    value.span(),
                    format!("a key is written as a string, not as {}", other.type_str()),
                )),
            })
            .collect(),
        other => Err((
            value.span(),
            format!(
                "expected a key (\"j\") or a list of keys ([\"j\", \"down\"]), found {}",
                other.type_str()
            ),
        )),
    }
}

fn theme_table(
    table: &BTreeMap<Spanned<String>, Spanned<String>>,
) -> Result<Palette, (Range<usize>, String, String)> {
    let mut palette = Palette::DEFAULT;
    if let Some((_, name)) = table.iter().find(|(k, _)| k.get_ref() == "preset") {
        palette = preset(name.get_ref()).ok_or_else(|| {
            (
                name.span(),
                format!("there is no theme '{}'", clip(name.get_ref())),
                presets_help(),
            )
        })?;
    }
    for (element, colour) in table.iter().filter(|(k, _)| k.get_ref() != "preset") {
        let Some(slot) = palette.get_mut(element.get_ref()) else {
            let known: Vec<&str> = Palette::ELEMENTS.iter().map(|(n, _)| *n).collect();
            return Err((
                element.span(),
                format!("there is no themed element '{}'", clip(element.get_ref())),
                format!("the elements are: preset, {}", known.join(", ")),
            ));
        };
        *slot = Color::from_str(colour.get_ref()).map_err(|_| {
            (
                colour.span(),
                format!("\"{}\" is not a colour", clip(colour.get_ref())),
                "write a colour name (red, dark-gray, light-blue …), a hex colour (\"#1a7f37\") \
                 or a number from 0 to 255 (the terminal's palette)"
                    .to_string(),
            )
        })?;
    }
    Ok(palette)
}

fn preset(name: &str) -> Option<Palette> {
    Palette::PRESETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, p)| *p)
}

fn presets_help() -> String {
    let names: Vec<&str> = Palette::PRESETS.iter().map(|(n, _)| *n).collect();
    format!(
        "write theme = \"{}\", or a [theme] table with colours (and maybe preset = …)",
        names.join("\" or theme = \"")
    )
}

fn clip(s: &str) -> String {
    crate::model::text::clip(s, 40)
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// serde's and toml's wording, in the words of a settings file.
fn plain(message: &str) -> String {
    let m = message.trim().replace('`', "'");
    if m == "duplicate key" {
        return "this is written twice; keep one (theme = \"light\" and a [theme] table \
                cannot both be there: put preset = \"light\" in the table)"
            .to_string();
    }
    if let Some((found, expected)) = m
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        let wanted = match expected {
            "a map" => "a table of settings",
            "a string" => "text in quotes",
            other => other,
        };
        return format!("this should be {wanted}, not {found}");
    }
    if let Some(rest) = m.strip_prefix("unknown field ") {
        if let Some((name, known)) = rest.split_once(", expected one of ") {
            return format!("there is no setting {name} here; the settings here are {known}");
        }
        if let Some((name, known)) = rest.split_once(", expected ") {
            return format!("there is no setting {name} here; the settings here are {known}");
        }
    }
    m
}

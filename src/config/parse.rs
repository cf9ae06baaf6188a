//! From the text of a config file to a [`Config`]: every unknown name and
//! every bad value refused with its line and column, all of them in one
//! run and in the order of the file, each with a "did you mean" when a
//! name or a colour looks like a slip (`toggle-dnoe`, `[keys.mian]`,
//! `"purpel"`).

use std::ops::Range;
use std::path::PathBuf;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Config, ConfigError, Defaults, colour};
use crate::tui::action::Action;
use crate::tui::keymap::{CTRL_C, Key, KeyMode, Keymap, KeymapError};
use crate::tui::keyname::KEY_HELP;
use crate::tui::theme::Palette;

const SEE_DEFAULT: &str =
    "`roadmap config default` prints a complete file with every setting explained";

const TOP: &[&str] = &["keys", "theme", "defaults", "sync", "review", "today"];
const DEFAULTS: &[&str] = &["profile", "roadmap"];

/// A config file read as far as it goes: the config (the built-ins where a
/// value was refused) and every problem, in the order of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub config: Config,
    pub problems: Vec<ConfigError>,
    /// Where `[defaults] roadmap` is written (its value), when it is.
    pub roadmap_at: Option<(usize, usize)>,
}

/// Parses a config file's text; `file` names it in errors. The first
/// problem, if any (see [`parse_all`] for all of them).
pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
    let parsed = parse_all(text, file);
    match parsed.problems.into_iter().next() {
        Some(first) => Err(first),
        None => Ok(parsed.config),
    }
}

/// Parses a config file's text and reports every problem in it.
pub fn parse_all(text: &str, file: &str) -> Parsed {
    let mut c = Checker {
        text,
        file,
        problems: Vec::new(),
    };
    let mut config = Config::default();
    let mut roadmap_at = None;
    let mut review = super::review::Raw::default();
    let (doc, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        for (key, value) in doc.get_ref() {
            match key.get_ref().as_ref() {
                "keys" => config.keymap = c.keys(value),
                "theme" => config.palette = c.theme(value),
                "defaults" => (config.defaults, roadmap_at) = c.defaults(value),
                "sync" => config.sync = c.sync(value),
                "review" => c.numbers(value, "review", super::review::REVIEW, &mut review),
                "today" => c.numbers(value, "today", super::review::TODAY, &mut review),
                other => {
                    let hint = closest(other, TOP);
                    // A slip of `keys` or `theme` concerns the view only.
                    let view_only = matches!(hint, Some("keys" | "theme"));
                    c.report(
                        key.span(),
                        view_only,
                        format!(
                            "there is no setting '{}' here{}; the settings here are 'keys', 'theme', 'defaults', 'sync', 'review', 'today'",
                            clip(other),
                            did_you_mean(hint)
                        ),
                        SEE_DEFAULT,
                    );
                }
            }
        }
    } else {
        // What follows a syntax error is guesswork: its own messages only.
        for e in errors {
            c.report(
                e.span().unwrap_or(0..0),
                false,
                plain(e.message()),
                SEE_DEFAULT,
            );
        }
    }
    let (settings, refused) = super::review::settings(&review);
    config.review = settings;
    for (span, problem, help) in refused {
        c.report(span, false, problem, &help);
    }
    let mut problems = c.problems;
    problems.sort_by_key(|p| p.at);
    problems.dedup();
    Parsed {
        config,
        problems,
        roadmap_at,
    }
}

struct Checker<'a> {
    text: &'a str,
    file: &'a str,
    problems: Vec<ConfigError>,
}

impl Checker<'_> {
    fn report(&mut self, span: Range<usize>, view_only: bool, problem: String, help: &str) {
        self.problems.push(ConfigError {
            file: self.file.to_string(),
            at: Some(line_column(self.text, span.start)),
            problem,
            help: help.to_string(),
            view_only,
        });
    }

    /// "this should be text in quotes, not integer '3'".
    fn wrong_type(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        wanted: &str,
        view_only: bool,
        help: &str,
    ) {
        let found = self.found(value);
        self.report(
            value.span(),
            view_only,
            format!("this should be {wanted}, not {found}"),
            help,
        );
    }

    /// What a value is, in words, quoting a short form of it.
    fn found(&self, value: &Spanned<DeValue<'_>>) -> String {
        let raw = self
            .text
            .get(value.span())
            .map(|s| clip(s.trim()))
            .unwrap_or_default();
        match value.get_ref() {
            DeValue::String(_) => format!("text {raw}"),
            DeValue::Integer(_) => format!("integer '{raw}'"),
            DeValue::Float(_) => format!("number '{raw}'"),
            DeValue::Boolean(_) => format!("boolean '{raw}'"),
            DeValue::Datetime(_) => format!("date '{raw}'"),
            DeValue::Array(_) => "a list [ … ]".to_string(),
            DeValue::Table(_) => "a table".to_string(),
        }
    }

    /// `[keys.MODE]` tables: every action rebound, every problem reported
    /// (all of them concern the view only).
    fn keys(&mut self, value: &Spanned<DeValue<'_>>) -> Keymap {
        let mut keymap = Keymap::default();
        let DeValue::Table(modes) = value.get_ref() else {
            self.wrong_type(value, "a table of settings", true, SEE_DEFAULT);
            return keymap;
        };
        // Where each rebinding is written, to place a clash.
        let mut places: Vec<(KeyMode, String, Range<usize>)> = Vec::new();
        for (mode_name, actions) in modes {
            let Some(mode) = KeyMode::from_name(mode_name.get_ref()) else {
                let known: Vec<&str> = KeyMode::ALL.iter().map(|m| m.name()).collect();
                self.report(
                    mode_name.span(),
                    true,
                    format!(
                        "there is no key mode '{}'{}",
                        clip(mode_name.get_ref()),
                        did_you_mean(closest(mode_name.get_ref(), &known))
                    ),
                    &format!("the tables of [keys] are: {}", known.join(", ")),
                );
                continue;
            };
            let DeValue::Table(actions) = actions.get_ref() else {
                self.wrong_type(actions, "a table of actions", true, SEE_DEFAULT);
                continue;
            };
            for (name, keys) in actions {
                let keys = match keys_of(keys) {
                    Ok(keys) => keys,
                    Err((span, problem)) => {
                        self.report(span, true, problem, KEY_HELP);
                        continue;
                    }
                };
                match keymap.rebind(mode, name.get_ref(), keys) {
                    Ok(()) => places.push((mode, name.get_ref().to_string(), name.span())),
                    Err(KeymapError::UnknownAction { known, .. }) => self.report(
                        name.span(),
                        true,
                        format!(
                            "there is no action '{}' in [keys.{}]{}",
                            clip(name.get_ref()),
                            mode.name(),
                            did_you_mean(closest(name.get_ref(), &known))
                        ),
                        &format!("the actions there are: {}", known.join(", ")),
                    ),
                    Err(e) => self.report(name.span(), true, e.to_string(), SEE_DEFAULT),
                }
            }
        }
        // Ctrl-C first: "it always quits" says more than the clash it makes.
        self.ways_out(&keymap, &places);
        self.clashes(&keymap, &places);
        keymap
    }

    /// Ctrl-C always quits, and every screen over the lists keeps a key
    /// that leaves it: a rebinding that breaks either is reported where it
    /// is written.
    fn ways_out(&mut self, keymap: &Keymap, places: &[(KeyMode, String, Range<usize>)]) {
        for mode in KeyMode::ALL {
            let ctrl_c = keymap
                .bindings(mode)
                .find(|b| b.action != Action::Quit && b.keys.contains(&CTRL_C))
                .map(|b| KeymapError::CtrlC {
                    mode,
                    action: b.action.name(),
                });
            let no_way_out = (!matches!(mode, KeyMode::Main | KeyMode::Unreadable))
                .then(|| {
                    keymap
                        .bindings(mode)
                        .find(|b| b.action == Action::Close && b.keys.is_empty())
                })
                .flatten()
                .map(|b| KeymapError::NoWayOut {
                    mode,
                    action: b.action.name(),
                });
            for e in ctrl_c.into_iter().chain(no_way_out) {
                let span = e
                    .culprit()
                    .and_then(|(m, name)| {
                        places
                            .iter()
                            .find(|(pm, n, _)| *pm == m && n == name)
                            .map(|(_, _, s)| s.clone())
                    })
                    .unwrap_or(0..0);
                self.report(span, true, e.to_string(), e.help());
            }
        }
    }

    /// Every key bound to two actions in one mode, at the line of the
    /// rebinding that made it (the built-in keys never clash).
    fn clashes(&mut self, keymap: &Keymap, places: &[(KeyMode, String, Range<usize>)]) {
        for mode in KeyMode::ALL {
            let rows: Vec<_> = keymap.bindings(mode).collect();
            for (i, a) in rows.iter().enumerate() {
                for b in &rows[i + 1..] {
                    let Some(key) = a.keys.iter().find(|k| b.keys.contains(k)) else {
                        continue;
                    };
                    let (first, second) = (a.action.name(), b.action.name());
                    let span = places
                        .iter()
                        .filter(|(m, n, _)| *m == mode && (n == first || n == second))
                        .map(|(_, _, s)| s.clone())
                        .max_by_key(|s| s.start)
                        .unwrap_or(0..0);
                    let e = KeymapError::Conflict {
                        mode,
                        key: key.notation(),
                        first,
                        second,
                    };
                    self.report(span, true, e.to_string(), "a key can do one thing per mode");
                }
            }
        }
    }

    /// `theme = "light"` or a `[theme]` table (the view only).
    fn theme(&mut self, value: &Spanned<DeValue<'_>>) -> Palette {
        match value.get_ref() {
            DeValue::String(name) => self.preset(name, value.span()),
            DeValue::Table(table) => self.theme_table(table),
            _ => {
                let found = self.found(value);
                self.report(
                    value.span(),
                    true,
                    format!(
                        "theme must be a preset name or a [theme] table of colours, not {found}"
                    ),
                    &presets_help(),
                );
                Palette::DEFAULT
            }
        }
    }

    fn preset(&mut self, name: &str, span: Range<usize>) -> Palette {
        if let Some((_, p)) = Palette::PRESETS.iter().find(|(n, _)| *n == name) {
            return *p;
        }
        let names: Vec<&str> = Palette::PRESETS.iter().map(|(n, _)| *n).collect();
        self.report(
            span,
            true,
            format!(
                "there is no theme '{}'{}",
                clip(name),
                did_you_mean(closest(name, &names))
            ),
            &presets_help(),
        );
        Palette::DEFAULT
    }

    fn theme_table(&mut self, table: &DeTable<'_>) -> Palette {
        let mut palette = Palette::DEFAULT;
        // The preset first, wherever it is written: the colours go over it.
        if let Some((_, name)) = table.iter().find(|(k, _)| k.get_ref() == "preset") {
            match name.get_ref() {
                DeValue::String(n) => palette = self.preset(n, name.span()),
                _ => self.wrong_type(name, "a preset name in quotes", true, &presets_help()),
            }
        }
        let elements: Vec<&str> = Palette::ELEMENTS.iter().map(|(n, _)| *n).collect();
        for (element, value) in table.iter().filter(|(k, _)| k.get_ref() != "preset") {
            let Some(slot) = palette.get_mut(element.get_ref()) else {
                self.report(
                    element.span(),
                    true,
                    format!(
                        "there is no themed element '{}'{}",
                        clip(element.get_ref()),
                        did_you_mean(closest(element.get_ref(), &elements))
                    ),
                    &format!("the elements are: preset, {}", elements.join(", ")),
                );
                continue;
            };
            let DeValue::String(text) = value.get_ref() else {
                self.wrong_type(value, "a colour in quotes", true, COLOUR_HELP);
                continue;
            };
            match colour::parse(text) {
                Ok(c) => *slot = c,
                Err(hint) => self.report(
                    value.span(),
                    true,
                    format!(
                        "\"{}\" is not a colour{}",
                        clip(text),
                        hint.map(|h| format!(" (did you mean \"{h}\"?)"))
                            .unwrap_or_default()
                    ),
                    COLOUR_HELP,
                ),
            }
        }
        palette
    }

    /// `[sync]`: exactly one of `folder` and `git`, neither empty. It
    /// matters to every command (a change goes out as it is saved).
    fn sync(&mut self, value: &Spanned<DeValue<'_>>) -> Option<crate::store::sync::Target> {
        use crate::store::sync::Target;
        let DeValue::Table(table) = value.get_ref() else {
            self.wrong_type(value, "a table of settings", false, SYNC_HELP);
            return None;
        };
        let (mut folder, mut git) = (None, None);
        let mut unknown = false;
        for (key, v) in table {
            let slot = match key.get_ref().as_ref() {
                "folder" => &mut folder,
                "git" => &mut git,
                other => {
                    self.report(
                        key.span(),
                        false,
                        format!(
                            "there is no setting '{}' in [sync]{}; the settings there are 'folder', 'git'",
                            clip(other),
                            did_you_mean(closest(other, &["folder", "git"]))
                        ),
                        SYNC_HELP,
                    );
                    unknown = true;
                    continue;
                }
            };
            match v.get_ref() {
                DeValue::String(text) => *slot = Some((text.to_string(), v.span())),
                _ => self.wrong_type(v, "text in quotes", false, SYNC_HELP),
            }
        }
        match (folder, git) {
            (Some(_), Some((_, span))) => {
                self.report(
                    span,
                    false,
                    "[sync] has both folder and git; sync goes one way".to_string(),
                    SYNC_HELP,
                );
                None
            }
            (None, None) if unknown => None,
            (None, None) => {
                self.report(
                    value.span(),
                    false,
                    "[sync] says neither where to sync: folder nor git".to_string(),
                    SYNC_HELP,
                );
                None
            }
            (Some((f, span)), None) if f.trim().is_empty() => {
                self.report(
                    span,
                    false,
                    "the sync folder is empty".to_string(),
                    SYNC_HELP,
                );
                None
            }
            (Some((f, _)), None) => Some(Target::Folder(PathBuf::from(f))),
            (None, Some((g, span))) if g.trim().is_empty() || g.starts_with('-') => {
                self.report(
                    span,
                    false,
                    format!("\"{}\" is not a git remote address", clip(&g)),
                    SYNC_HELP,
                );
                None
            }
            (None, Some((g, _))) => Some(Target::Git(g)),
        }
    }

    /// `[review]` and `[today]`: numbers, each kept with its place for the
    /// range checks of `config::review`.
    fn numbers(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        table: &str,
        names: &[&str],
        raw: &mut super::review::Raw,
    ) {
        let help = "`roadmap config default` prints both tables with every setting explained";
        let DeValue::Table(entries) = value.get_ref() else {
            self.wrong_type(value, "a table of settings", false, help);
            return;
        };
        for (key, v) in entries {
            let name = key.get_ref().as_ref();
            if !names.contains(&name) {
                self.report(
                    key.span(),
                    false,
                    format!(
                        "there is no setting '{}' in [{table}]{}; the settings there are {}",
                        clip(name),
                        did_you_mean(closest(name, names)),
                        names
                            .iter()
                            .map(|n| format!("'{n}'"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    help,
                );
                continue;
            }
            let fraction = matches!(name, "retention" | "prerequisite_memory");
            let number = match v.get_ref() {
                DeValue::Float(f) if fraction => f.as_str().parse::<f64>().ok(),
                DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                    .ok()
                    .map(|n| n as f64),
                _ => None,
            };
            let Some(number) = number else {
                let wanted = if fraction {
                    "a number"
                } else {
                    "a whole number"
                };
                self.wrong_type(v, wanted, false, help);
                continue;
            };
            let span = v.span();
            #[allow(clippy::cast_possible_truncation)]
            let whole = || Some(Spanned::new(span.clone(), number as i64));
            match name {
                "retention" => raw.retention = Some(Spanned::new(span.clone(), number)),
                "prerequisite_memory" => {
                    raw.prerequisite_memory = Some(Spanned::new(span.clone(), number));
                }
                "minutes" => raw.minutes = whole(),
                "reviews" => raw.reviews = whole(),
                _ => raw.review_minutes = whole(),
            }
        }
    }

    /// `[defaults]`: these matter to every command, not only the view.
    fn defaults(&mut self, value: &Spanned<DeValue<'_>>) -> (Defaults, Option<(usize, usize)>) {
        let mut defaults = Defaults::default();
        let mut roadmap_at = None;
        let DeValue::Table(table) = value.get_ref() else {
            self.wrong_type(value, "a table of settings", false, SEE_DEFAULT);
            return (defaults, None);
        };
        for (key, value) in table {
            let text = match value.get_ref() {
                DeValue::String(s) => s.as_ref(),
                _ if DEFAULTS.contains(&key.get_ref().as_ref()) => {
                    self.wrong_type(value, "text in quotes", false, SEE_DEFAULT);
                    continue;
                }
                _ => "",
            };
            match key.get_ref().as_ref() {
                "profile" => match crate::store::paths::check_name(text) {
                    Ok(()) => defaults.profile = Some(text.to_string()),
                    Err(e) => self.report(
                        value.span(),
                        false,
                        e.to_string(),
                        "profile names are letters, digits, - and _",
                    ),
                },
                "roadmap" => {
                    defaults.roadmap = Some(PathBuf::from(text));
                    roadmap_at = Some(line_column(self.text, value.span().start));
                }
                other => self.report(
                    key.span(),
                    false,
                    format!(
                        "there is no setting '{}' in [defaults]{}; the settings there are 'profile', 'roadmap'",
                        clip(other),
                        did_you_mean(closest(other, DEFAULTS))
                    ),
                    SEE_DEFAULT,
                ),
            }
        }
        (defaults, roadmap_at)
    }
}

const SYNC_HELP: &str = "write folder = \"~/Sync/roadmap\" (a folder Syncthing, Dropbox or a share keeps in step) or git = \"git@host:me/roadmap-sync.git\" (a git remote), not both";

const COLOUR_HELP: &str = "write a colour name (red, dark-gray, light-blue …), a hex colour \
                           (\"#1a7f37\") or a number from 0 to 255 (the terminal's palette)";

/// A key (`"j"`) or a list of keys (`["j", "down"]`, `[]` for none).
fn keys_of(value: &Spanned<DeValue<'_>>) -> Result<Vec<Key>, (Range<usize>, String)> {
    let one = |s: &str, span: Range<usize>| {
        Key::parse(s).ok_or_else(|| (span, format!("\"{}\" is not a key this app knows", clip(s))))
    };
    match value.get_ref() {
        DeValue::String(s) => Ok(vec![one(s, value.span())?]),
        DeValue::Array(items) => items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::String(s) => one(s, value.span()),
                other => Err((
                    value.span(),
                    format!("a key is written as a string, not as {}", type_name(other)),
                )),
            })
            .collect(),
        other => Err((
            value.span(),
            format!(
                "expected a key (\"j\") or a list of keys ([\"j\", \"down\"]), found {}",
                type_name(other)
            ),
        )),
    }
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "float",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "datetime",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "table",
    }
}

fn presets_help() -> String {
    let names: Vec<&str> = Palette::PRESETS.iter().map(|(n, _)| *n).collect();
    format!(
        "write theme = \"{}\", or a [theme] table with colours (and maybe preset = …)",
        names.join("\" or theme = \"")
    )
}

/// The name closest to a misspelt one (`toggle-dnoe` → `toggle-done`).
fn closest<'n>(typed: &str, names: &[&'n str]) -> Option<&'n str> {
    let typed = typed.trim().to_lowercase();
    if typed.len() > 40 {
        return None;
    }
    names
        .iter()
        .map(|n| (strsim::jaro_winkler(&typed, n), *n))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}

fn did_you_mean(hint: Option<&str>) -> String {
    hint.map(|h| format!(" (did you mean '{h}'?)"))
        .unwrap_or_default()
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

/// The TOML reader's wording, in the words of a settings file.
fn plain(message: &str) -> String {
    let m = message.trim().replace('`', "'");
    if m.starts_with("duplicate key") {
        return "this is written twice; keep one (theme = \"light\" and a [theme] table \
                cannot both be there: put preset = \"light\" in the table)"
            .to_string();
    }
    m
}

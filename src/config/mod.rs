//! The user's config file: keys, colours, default options, reviews and
//! today's plan.
//!
//! `config.toml` in the platform config folder (`~/.config/roadmap/` on
//! Linux), or the file `ROADMAP_CONFIG` names. A missing file means the
//! built-in defaults; a broken one is an error that says where and what to
//! do, and the interactive view does not start on it.

mod colour;
mod default;
mod parse;
mod review;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use colour::name as colour_name;
pub use default::default_text;
pub use parse::{Parsed, parse, parse_all};

use crate::store::safe::{Links, ReadError};
use crate::tui::keymap::Keymap;
use crate::tui::theme::Palette;

/// Environment variable naming the config file to read instead.
pub const CONFIG_ENV: &str = "ROADMAP_CONFIG";

/// A config file larger than this is refused unread.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Everything the config file can set, resolved against the built-ins.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    pub keymap: Keymap,
    pub palette: Palette,
    pub defaults: Defaults,
    /// `[sync]`: where progress is synced to, if anywhere (a folder path
    /// here is already made absolute: `~` and the config file's folder).
    pub sync: Option<crate::store::sync::Target>,
    /// `[review]` and `[today]`: the review schedule and today's plan.
    pub review: crate::model::review::Settings,
}

/// `[defaults]`: used when neither a flag nor the environment says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Defaults {
    pub profile: Option<String>,
    /// Relative paths are taken from the config file's folder; a library
    /// roadmap's id (or `builtin`) is kept as it is.
    pub roadmap: Option<PathBuf>,
    /// Where `roadmap` is written: `/home/me/.config/roadmap/config.toml:3`,
    /// for messages about a roadmap that does not load.
    pub roadmap_from: Option<String>,
}

/// One problem of a config file: where, what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    /// 1-based line and column of the offending text, when known.
    pub at: Option<(usize, usize)>,
    pub problem: String,
    pub help: String,
    /// The problem only concerns the interactive view (keys, colours): a
    /// command that does not open it warns and carries on.
    pub view_only: bool,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at {
            Some((line, column)) => write!(f, "{}:{line}:{column}: ", self.file)?,
            None => write!(f, "{}: ", self.file)?,
        }
        write!(f, "{}\nhelp: {}", self.problem, self.help)
    }
}

/// A config file that cannot be used: every problem, in the order of the
/// file (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl From<ConfigError> for ConfigErrors {
    fn from(e: ConfigError) -> Self {
        ConfigErrors(vec![e])
    }
}

impl std::fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

/// Where the config file is read from: `ROADMAP_CONFIG`, else the platform
/// config folder. `None` when there is no home folder to find it in.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    config_dir().map(|d| d.join("config.toml"))
}

/// The platform config folder (`~/.config/roadmap` on Linux).
pub fn config_dir() -> Option<PathBuf> {
    #[cfg(unix)]
    if !std::env::var_os("HOME").is_some_and(|h| Path::new(&h).is_absolute()) {
        return None;
    }
    directories::ProjectDirs::from("", "", "roadmap").map(|d| d.config_dir().to_path_buf())
}

/// Reads the config in use for the interactive view: any problem is an
/// error (a missing file gives the defaults).
pub fn load() -> Result<Config, ConfigErrors> {
    match path() {
        Some(p) if p.exists() || p.is_symlink() => load_file(&p),
        _ => Ok(Config::default()),
    }
}

/// Reads the config in use for a command that does not open the view:
/// problems that concern the view only (keys, colours) come back as
/// warnings, with the built-in keys and colours in their place; any other
/// problem (`[defaults]`, a file that cannot be read) is an error.
pub fn load_for_commands() -> Result<(Config, Vec<ConfigError>), ConfigErrors> {
    let Some(p) = path().filter(|p| p.exists() || p.is_symlink()) else {
        return Ok((Config::default(), Vec::new()));
    };
    let parsed = read(&p)?;
    let (warnings, errors): (Vec<_>, Vec<_>) =
        parsed.problems.into_iter().partition(|e| e.view_only);
    if !errors.is_empty() {
        return Err(ConfigErrors(errors));
    }
    let mut config = parsed.config;
    if !warnings.is_empty() {
        config.keymap = Keymap::default();
        config.palette = Palette::DEFAULT;
    }
    Ok((config, warnings))
}

/// Reads and checks one config file (it must exist): any problem is an
/// error.
pub fn load_file(path: &Path) -> Result<Config, ConfigErrors> {
    let parsed = read(path)?;
    if parsed.problems.is_empty() {
        Ok(parsed.config)
    } else {
        Err(ConfigErrors(parsed.problems))
    }
}

/// Reads one config file (it must exist) and checks it: the config and
/// every problem, in the order of the file. `Err`: it cannot be read.
pub fn read(path: &Path) -> Result<Parsed, ConfigError> {
    let file = path.display().to_string();
    let fail = |problem: String, help: &str| ConfigError {
        file: file.clone(),
        at: None,
        problem,
        help: help.to_string(),
        view_only: false,
    };
    // The user's file (a dotfiles manager may link it into place): a link
    // is followed, but only a regular file is read; a FIFO or a device is
    // refused at once instead of hanging every command and completion.
    let bytes = crate::store::safe::read_file(path, Links::Follow, MAX_CONFIG_BYTES).map_err(
        |e| match e {
            ReadError::NotAFile("a folder") => fail(
                "this is a folder, not a config file".to_string(),
                "name the file itself (config.toml)",
            ),
            ReadError::TooLarge { .. } => fail(
                format!("the config file is larger than {MAX_CONFIG_BYTES} bytes"),
                "a config file is a few lines; run `roadmap config default` for a complete one",
            ),
            ReadError::NotAFile(kind) => fail(
                format!("cannot read the config file: it is {kind}, not a regular file"),
                "put a regular file there, or point ROADMAP_CONFIG elsewhere",
            ),
            other => fail(
                format!("cannot read the config file: {}", other.describe()),
                "check that the file exists and is readable, or point ROADMAP_CONFIG elsewhere",
            ),
        },
    )?;
    let text = String::from_utf8(bytes).map_err(|_| {
        fail(
            "the config file is not UTF-8 text".to_string(),
            "save it as UTF-8 (TOML files are always UTF-8)",
        )
    })?;
    let mut parsed = parse_all(&text, &file);
    let defaults = &mut parsed.config.defaults;
    if let (Some(roadmap), Some(dir)) = (&defaults.roadmap, path.parent()) {
        // A library roadmap's id stays an id, as with --roadmap.
        let id = roadmap
            .to_str()
            .filter(|s| crate::import::is_valid_id(s) && !dir.join(s).exists());
        if id.is_none() {
            defaults.roadmap = Some(dir.join(roadmap));
        }
    }
    if let Some(crate::store::sync::Target::Folder(folder)) = &mut parsed.config.sync {
        *folder = sync_folder(folder, path.parent());
    }
    if let Some((line, _)) = parsed.roadmap_at {
        parsed.config.defaults.roadmap_from = Some(format!("{file}:{line}"));
    }
    Ok(parsed)
}

/// A sync folder as written in the config: `~/…` is in the home folder, a
/// relative path starts at the config file's folder.
pub fn sync_folder(written: &Path, config_dir: Option<&Path>) -> PathBuf {
    if let Ok(rest) = written.strip_prefix("~")
        && let Some(home) = std::env::var_os("HOME").filter(|h| Path::new(h).is_absolute())
    {
        return Path::new(&home).join(rest);
    }
    match config_dir {
        Some(dir) if written.is_relative() => dir.join(written),
        _ => written.to_path_buf(),
    }
}

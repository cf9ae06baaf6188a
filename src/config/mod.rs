//! The user's config file: keys, colours and default options.
//!
//! `config.toml` in the platform config folder (`~/.config/roadmap/` on
//! Linux), or the file `ROADMAP_CONFIG` names. A missing file means the
//! built-in defaults; a broken one is an error that says where and what to
//! do, and the interactive view does not start on it.

mod default;
mod parse;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use default::default_text;
pub use parse::parse;

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
}

/// `[defaults]`: used when neither a flag nor the environment says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Defaults {
    pub profile: Option<String>,
    /// Relative paths are taken from the config file's folder.
    pub roadmap: Option<PathBuf>,
}

/// A config file that cannot be used: where, what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    /// 1-based line and column of the offending text, when known.
    pub at: Option<(usize, usize)>,
    pub problem: String,
    pub help: String,
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

/// Reads the config in use; a missing file gives the defaults.
pub fn load() -> Result<Config, ConfigError> {
    match path() {
        Some(p) if p.exists() || p.is_symlink() => load_file(&p),
        _ => Ok(Config::default()),
    }
}

/// Reads and checks one config file (it must exist).
pub fn load_file(path: &Path) -> Result<Config, ConfigError> {
    let file = path.display().to_string();
    let fail = |problem: String, help: &str| ConfigError {
        file: file.clone(),
        at: None,
        problem,
        help: help.to_string(),
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
    let mut config = parse(&text, &file)?;
    if let (Some(roadmap), Some(dir)) = (&config.defaults.roadmap, path.parent()) {
        config.defaults.roadmap = Some(dir.join(roadmap));
    }
    Ok(config)
}

//! Where profiles live.

use std::path::{Path, PathBuf};

use super::error::StoreError;

/// Environment variable that overrides the data folder (tests always set it).
pub const HOME_ENV: &str = "ROADMAP_HOME";

/// The folder holding profiles: `$ROADMAP_HOME`, else the platform data
/// folder (e.g. `~/.local/share/roadmap` on Linux).
///
/// On Unix a missing, empty or relative `HOME` is [`StoreError::NoHome`]
/// rather than a guess: without this check the platform lookup falls back
/// to the password database, and a script run with a scrubbed environment
/// (`env -i`, some services) would silently write somewhere the user never
/// chose.
pub fn data_dir() -> Result<PathBuf, StoreError> {
    if let Some(home) = std::env::var_os(HOME_ENV).filter(|h| !h.is_empty()) {
        return Ok(PathBuf::from(home));
    }
    #[cfg(unix)]
    if !std::env::var_os("HOME").is_some_and(|h| Path::new(&h).is_absolute()) {
        return Err(StoreError::NoHome);
    }
    directories::ProjectDirs::from("", "", "roadmap")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or(StoreError::NoHome)
}

/// Checks a profile name: it becomes a file name, so no separators or dots.
pub fn check_name(name: &str) -> Result<(), StoreError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        // Quoted cleaned and clipped: a name of thousands of characters
        // must not flood the terminal.
        Err(StoreError::BadName(crate::model::text::clip(name, 70)))
    }
}

/// The files of one profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfilePaths {
    pub file: PathBuf,
    /// The lock file where a folder cannot be locked (not Unix); on Unix
    /// saves lock the folder itself and never create it.
    pub lock: PathBuf,
    pub backup: PathBuf,
    /// The temporary name under which the backup is made (a hard link to
    /// the profile, renamed over `backup`).
    pub backup_link: PathBuf,
    /// How the names of this profile's temporary files start. Profile names
    /// have no dots, so no other profile's temporary files match.
    pub tmp_prefix: String,
}

impl ProfilePaths {
    pub fn new(dir: &Path, name: &str) -> Self {
        ProfilePaths {
            file: dir.join(format!("{name}.json")),
            lock: dir.join(format!("{name}.lock")),
            backup: dir.join(format!("{name}.json.bak")),
            backup_link: dir.join(format!(".roadmap-{name}.backup.tmp")),
            tmp_prefix: format!(".roadmap-{name}."),
        }
    }
}

/// Names of the profiles in `dir`, sorted.
pub fn list_profiles(dir: &Path) -> Result<Vec<String>, StoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io("read the folder", dir, e)),
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .map(str::to_string)
        })
        .filter(|n| check_name(n).is_ok())
        .collect();
    names.sort();
    Ok(names)
}

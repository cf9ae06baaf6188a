//! The library of roadmaps below the data folder: imported roadmaps as
//! `roadmaps/<id>.json`, and a small file `roadmaps/in-use` remembering
//! which roadmap is the default and which files were used before. Every
//! write is atomic (a temporary file renamed over the target), like
//! profiles. Progress never lives here: it stays in the profiles.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::file::{ensure_dir, write_atomic};
use crate::import::is_valid_id;

/// The library's folder, inside the data folder.
pub const LIBRARY_DIR: &str = "roadmaps";
/// The file naming the roadmap in use (no `.json`: it is not a roadmap).
pub const IN_USE_FILE: &str = "in-use";
/// The id under which the built-in roadmap is listed and chosen.
pub const BUILTIN_ID: &str = "builtin";
/// How many files used before are remembered.
const MAX_FILES: usize = 50;
const TMP_PREFIX: &str = ".roadmaps.";
/// The in-use file is a few lines; anything much larger is not ours.
const MAX_STATE_BYTES: u64 = 1024 * 1024;

/// Which roadmap commands use when no `--roadmap` is given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum InUse {
    #[default]
    Builtin,
    Library {
        id: String,
    },
    File {
        path: PathBuf,
    },
}

/// What `roadmaps/in-use` holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    #[serde(default)]
    pub in_use: InUse,
    /// Roadmap files chosen with `roadmap use FILE`, most recent first.
    #[serde(default)]
    pub files: Vec<PathBuf>,
}

impl State {
    /// Makes `path` the most recent file used.
    pub fn remember(&mut self, path: &Path) {
        self.files.retain(|p| p != path);
        self.files.insert(0, path.to_path_buf());
        self.files.truncate(MAX_FILES);
    }
}

/// The library in one data folder.
#[derive(Debug, Clone)]
pub struct Library {
    dir: PathBuf,
}

impl Library {
    /// The library in the data folder ([`super::data_dir`]).
    pub fn open() -> Result<Library, StoreError> {
        Ok(Library::at(&super::data_dir()?))
    }

    /// The library in `data_dir`.
    pub fn at(data_dir: &Path) -> Library {
        Library {
            dir: data_dir.join(LIBRARY_DIR),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where roadmap `id` is (or would be) kept.
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    pub fn contains(&self, id: &str) -> bool {
        is_valid_id(id) && self.path_of(id).is_file()
    }

    /// The ids of the imported roadmaps, sorted.
    pub fn ids(&self) -> Result<Vec<String>, StoreError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io("read the folder", &self.dir, e)),
        };
        let mut ids: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                e.file_name()
                    .to_str()
                    .and_then(|n| n.strip_suffix(".json"))
                    .filter(|id| is_valid_id(id))
                    .map(str::to_string)
            })
            .collect();
        ids.sort();
        Ok(ids)
    }

    /// Writes roadmap `id` atomically (replacing an earlier version).
    pub fn save(&self, id: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        ensure_dir(&self.dir)?;
        let path = self.path_of(id);
        write_atomic(&path, bytes, TMP_PREFIX)?;
        Ok(path)
    }

    /// Removes roadmap `id`; false when it was not there. When it was the
    /// roadmap in use, the built-in one becomes the default again.
    pub fn remove(&self, id: &str) -> Result<bool, StoreError> {
        let path = self.path_of(id);
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(StoreError::io("remove", path, e)),
        }
        let mut state = self.state()?;
        if state.in_use == (InUse::Library { id: id.to_string() }) {
            state.in_use = InUse::Builtin;
            self.set_state(&state)?;
        }
        Ok(true)
    }

    fn state_file(&self) -> PathBuf {
        self.dir.join(IN_USE_FILE)
    }

    /// What the in-use file says; the default (built-in, no files) when
    /// there is none.
    pub fn state(&self) -> Result<State, StoreError> {
        let path = self.state_file();
        let corrupt = |detail: String| StoreError::LibraryDamaged {
            path: path.clone(),
            detail,
        };
        match fs::metadata(&path) {
            Ok(m) if m.len() > MAX_STATE_BYTES => {
                return Err(corrupt("it is far larger than it should be".to_string()));
            }
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(State::default()),
            Err(e) => return Err(StoreError::io("read", &path, e)),
        }
        let bytes = fs::read(&path).map_err(|e| StoreError::io("read", &path, e))?;
        serde_json::from_slice(&bytes).map_err(|e| {
            corrupt(crate::model::text::clip(
                &format!("not the expected JSON: {e}"),
                200,
            ))
        })
    }

    /// Replaces the in-use file atomically.
    pub fn set_state(&self, state: &State) -> Result<(), StoreError> {
        ensure_dir(&self.dir)?;
        let mut bytes =
            serde_json::to_vec_pretty(state).map_err(|e| StoreError::LibraryDamaged {
                path: self.state_file(),
                detail: e.to_string(),
            })?;
        bytes.push(b'\n');
        write_atomic(&self.state_file(), &bytes, TMP_PREFIX)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn saved_roadmaps_are_listed_and_removed_and_the_default_falls_back() {
        let home = tempfile::tempdir().unwrap();
        let lib = Library::at(home.path());
        assert!(lib.ids().unwrap().is_empty());
        assert_eq!(lib.state().unwrap(), State::default());
        lib.save("go", b"{}").unwrap();
        lib.save("rust", b"{}").unwrap();
        assert_eq!(lib.ids().unwrap(), ["go", "rust"]);
        let mut state = lib.state().unwrap();
        state.in_use = InUse::Library { id: "go".into() };
        lib.set_state(&state).unwrap();
        assert!(lib.remove("go").unwrap());
        assert!(!lib.remove("go").unwrap());
        assert_eq!(lib.ids().unwrap(), ["rust"]);
        assert_eq!(lib.state().unwrap().in_use, InUse::Builtin);
        // No temporary files are left behind, and the in-use file is not
        // taken for a roadmap.
        let names: Vec<String> = fs::read_dir(lib.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(!names.iter().any(|n| n.contains(".tmp")), "{names:?}");
    }

    #[test]
    fn a_damaged_in_use_file_is_reported_with_its_path() {
        let home = tempfile::tempdir().unwrap();
        let lib = Library::at(home.path());
        fs::create_dir_all(lib.dir()).unwrap();
        fs::write(lib.dir().join(IN_USE_FILE), "{nope").unwrap();
        let err = lib.state().unwrap_err().to_string();
        assert!(err.contains("in-use"), "{err}");
    }

    #[test]
    fn remembered_files_are_most_recent_first_without_repeats() {
        let mut s = State::default();
        s.remember(Path::new("/a.json"));
        s.remember(Path::new("/b.json"));
        s.remember(Path::new("/a.json"));
        assert_eq!(
            s.files,
            [PathBuf::from("/a.json"), PathBuf::from("/b.json")]
        );
    }
}

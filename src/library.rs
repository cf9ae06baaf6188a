//! The roadmaps a learner chooses from: the built-in one, imported ones
//! (kept by [`crate::store::library`]) and files used before; and how
//! `--roadmap` and the roadmap in use are resolved.

use std::path::{Path, PathBuf};

use crate::import::is_valid_id;
use crate::model::{self, LoadError, Problem, ProblemKind, Profile, Roadmap, Tally};
use crate::session::{RoadmapSource, read_error};
use crate::store::StoreError;
use crate::store::library::{BUILTIN_ID, InUse, Library, RoadmapReadError};
use crate::store::safe::ReadError;

/// Resolves `--roadmap`: `builtin`, the id of an imported roadmap, or a
/// file path. An argument that looks like an id (no dot, no slash) names
/// the library's roadmap when there is one, else a file when there is
/// one. Without an argument: the roadmap in use (`roadmap use`), else the
/// built-in one. Never fails: a name that resolves to nothing fails when
/// it is loaded, with a message saying so.
pub fn resolve(arg: Option<&Path>) -> RoadmapSource {
    match arg {
        Some(path) => named(path),
        None => in_use(),
    }
}

fn named(path: &Path) -> RoadmapSource {
    let Some(id) = path.to_str().filter(|s| is_valid_id(s)) else {
        return RoadmapSource::File(path.to_path_buf());
    };
    if id == BUILTIN_ID {
        return RoadmapSource::Builtin;
    }
    match Library::open() {
        Ok(lib) if lib.contains(id) || !path.exists() => RoadmapSource::Library {
            id: id.to_string(),
            path: lib.path_of(id),
        },
        _ => RoadmapSource::File(path.to_path_buf()),
    }
}

/// The roadmap `roadmap use` chose. A missing or damaged record (or no data
/// folder) means the built-in roadmap; `roadmap roadmaps` reports damage.
fn in_use() -> RoadmapSource {
    let Ok(lib) = Library::open() else {
        return RoadmapSource::Builtin;
    };
    match lib.state().map(|s| s.in_use) {
        Ok(InUse::Library { id }) if is_valid_id(&id) => RoadmapSource::Library {
            path: lib.path_of(&id),
            id,
        },
        Ok(InUse::File { path }) => RoadmapSource::File(path),
        _ => RoadmapSource::Builtin,
    }
}

/// Loads a library roadmap; a missing one is named as such, with the
/// closest id of the library. The file is ours: read without following a
/// link or waiting on a FIFO ([`crate::store::library::read_roadmap`]).
pub fn load(id: &str, path: &Path) -> Result<Roadmap, LoadError> {
    let source = path.display().to_string();
    let limit = model::limits::MAX_FILE_BYTES as u64;
    match crate::store::library::read_roadmap(path, limit) {
        Ok(bytes) => model::load(&bytes, &source),
        Err(RoadmapReadError::Read(ReadError::Missing)) => Err(missing(id, path)),
        Err(RoadmapReadError::Read(e)) => Err(read_error(path, &e)),
        Err(RoadmapReadError::Refused(e)) => Err(LoadError {
            source,
            problems: vec![Problem::new(ProblemKind::Unreadable(e.to_string()))],
        }),
    }
}

/// "no roadmap with id … in your library (did you mean …?)".
fn missing(id: &str, path: &Path) -> LoadError {
    let ids = Library::open()
        .and_then(|lib| lib.ids())
        .unwrap_or_default();
    let hint = ids
        .iter()
        .map(String::as_str)
        .chain([BUILTIN_ID])
        .map(|known| (strsim::jaro_winkler(id, known), known))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, known)| known.to_string());
    LoadError {
        source: path.parent().unwrap_or(path).display().to_string(),
        problems: vec![Problem::new(ProblemKind::NotInLibrary {
            id: id.to_string(),
            hint,
        })],
    }
}

/// Where a listed roadmap comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Builtin,
    Imported,
    File,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Builtin => "builtin",
            Kind::Imported => "imported",
            Kind::File => "file",
        }
    }
}

/// One roadmap of the library.
#[derive(Debug, Clone)]
pub struct Listed {
    /// What `roadmap use` and `--roadmap` take: `builtin`, an id or a path.
    pub key: String,
    pub kind: Kind,
    pub source: RoadmapSource,
    pub in_use: bool,
}

/// A listed roadmap, loaded, with the profile's progress on it.
#[derive(Debug, Clone)]
pub struct Summary {
    pub listed: Listed,
    /// The roadmap's title, id and progress, or why it does not load.
    pub loaded: Result<(String, String, Tally), String>,
}

/// The built-in roadmap, the imported ones (by id) and the files used
/// before, most recent first; the one in use is marked.
pub fn list(lib: &Library) -> Result<Vec<Listed>, StoreError> {
    let state = lib.state()?;
    let mut out = vec![Listed {
        key: BUILTIN_ID.to_string(),
        kind: Kind::Builtin,
        source: RoadmapSource::Builtin,
        in_use: state.in_use == InUse::Builtin,
    }];
    let mut ids = lib.ids()?;
    // The roadmap in use is listed even when its file is gone or is not a
    // file: its line then says what is wrong.
    if let InUse::Library { id } = &state.in_use
        && is_valid_id(id)
        && !ids.contains(id)
    {
        ids.push(id.clone());
        ids.sort();
    }
    for id in ids {
        out.push(Listed {
            in_use: state.in_use == (InUse::Library { id: id.clone() }),
            source: RoadmapSource::Library {
                path: lib.path_of(&id),
                id: id.clone(),
            },
            key: id,
            kind: Kind::Imported,
        });
    }
    let mut files: Vec<PathBuf> = state.files.clone();
    if let InUse::File { path } = &state.in_use
        && !files.contains(path)
    {
        files.insert(0, path.clone());
    }
    for path in files {
        out.push(Listed {
            key: path.display().to_string(),
            kind: Kind::File,
            in_use: state.in_use == (InUse::File { path: path.clone() }),
            source: RoadmapSource::File(path),
        });
    }
    Ok(out)
}

/// Progress on one roadmap: counted skills finished and counted in all.
pub fn progress(roadmap: &Roadmap, profile: &Profile) -> Tally {
    let states = profile.states(roadmap);
    model::evaluate(roadmap, &states).overall
}

/// Loads every listed roadmap and measures the profile's progress on it.
pub fn summarise(listed: Vec<Listed>, profile: &Profile) -> Vec<Summary> {
    listed
        .into_iter()
        .map(|l| {
            let loaded = l
                .source
                .load()
                .map(|r| {
                    let tally = progress(&r, profile);
                    (r.title.clone(), r.id.clone(), tally)
                })
                .map_err(|e| first_line(&e.to_string()));
            Summary { listed: l, loaded }
        })
        .collect()
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").to_string()
}

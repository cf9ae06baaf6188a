//! What every command needs: the roadmap in use and the profile store.

use std::path::{Path, PathBuf};

use crate::model::{self, LoadError, Problem, ProblemKind, Roadmap};
use crate::store::safe::{Links, ReadError};
use crate::store::{Store, StoreError};

/// Environment variable naming a roadmap file to use instead of the built-in one.
pub const ROADMAP_ENV: &str = "ROADMAP_FILE";
/// Environment variable naming the profile.
pub const PROFILE_ENV: &str = "ROADMAP_PROFILE";

/// Where the roadmap comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoadmapSource {
    Builtin,
    File(PathBuf),
    /// A roadmap of the library (imported), by id, and where it is kept.
    Library {
        id: String,
        path: PathBuf,
    },
}

impl RoadmapSource {
    pub fn from_option(path: Option<&Path>) -> Self {
        path.map_or(RoadmapSource::Builtin, |p| {
            RoadmapSource::File(p.to_path_buf())
        })
    }

    /// How the source is named in messages.
    pub fn name(&self) -> String {
        match self {
            RoadmapSource::Builtin => model::BUILTIN_NAME.to_string(),
            RoadmapSource::File(p) | RoadmapSource::Library { path: p, .. } => {
                p.display().to_string()
            }
        }
    }

    /// Reads and validates the roadmap.
    pub fn load(&self) -> Result<Roadmap, LoadError> {
        match self {
            RoadmapSource::Builtin => model::builtin(),
            RoadmapSource::File(path) => load_file(path),
            RoadmapSource::Library { id, path } => crate::library::load(id, path),
        }
    }

    /// The roadmap named by `--roadmap` (a library id or a file), or the
    /// one in use (`roadmap use`), else the built-in one. See
    /// [`crate::library::resolve`].
    pub fn resolve(arg: Option<&Path>) -> Self {
        crate::library::resolve(arg)
    }
}

/// Reads a roadmap file the user named (`--roadmap FILE`, `roadmap use
/// FILE`, the config's default): a link is followed, but only a regular
/// file is read (a FIFO or a device is refused at once, never waited on),
/// and never more than the size limit, even if it grows meanwhile.
pub fn load_file(path: &Path) -> Result<Roadmap, LoadError> {
    let source = path.display().to_string();
    let limit = model::limits::MAX_FILE_BYTES as u64;
    let bytes = crate::store::safe::read_file(path, Links::Follow, limit)
        .map_err(|e| read_error(path, &e))?;
    model::load(&bytes, &source)
}

/// Why the roadmap file at `path` could not be read, as the loader reports
/// it.
pub fn read_error(path: &Path, e: &ReadError) -> LoadError {
    let limit = model::limits::MAX_FILE_BYTES;
    let problem = match e {
        ReadError::TooLarge { size, .. } => ProblemKind::FileTooLarge {
            bytes: usize::try_from(*size).unwrap_or(usize::MAX),
            // Known from the file's size, or only what was read (it grew).
            at_least: !std::fs::metadata(path).is_ok_and(|m| m.len() == *size),
            limit,
        },
        other => ProblemKind::Unreadable(other.describe()),
    };
    let source = path.display().to_string();
    LoadError {
        source,
        problems: vec![Problem::new(problem)],
    }
}

/// Why a session could not start.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("{0}")]
    Roadmap(#[from] LoadError),
    /// The roadmap did not load, and `help` says how to get going again
    /// (see [`crate::options::Options::open_session`]).
    #[error("{error}\nhelp: {help}")]
    Unloadable { error: LoadError, help: String },
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// The roadmap in use and the store of the selected profile.
#[derive(Debug)]
pub struct Session {
    pub roadmap: Roadmap,
    pub source: RoadmapSource,
    pub store: Store,
}

impl Session {
    pub fn open(source: RoadmapSource, profile: &str) -> Result<Session, SessionError> {
        let roadmap = source.load()?;
        // Changes are stamped at `ROADMAP_NOW` when it is set (tests).
        let store = Store::open(profile)?.with_clock(crate::clock::now);
        Ok(Session {
            roadmap,
            source,
            store,
        })
    }
}

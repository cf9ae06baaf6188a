//! What every command needs: the roadmap in use and the profile store.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::{self, LoadError, Problem, ProblemKind, Roadmap};
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

/// Reads a roadmap file, refusing oversized files before reading them. The
/// read itself is bounded too, so a file that grows meanwhile, a pipe or a
/// device (`--roadmap /dev/zero`) cannot make it allocate without limit.
pub fn load_file(path: &Path) -> Result<Roadmap, LoadError> {
    let source = path.display().to_string();
    let io_error = |e: std::io::Error| LoadError {
        source: source.clone(),
        problems: vec![Problem::new(ProblemKind::Unreadable(
            crate::io_words::reason(&e),
        ))],
    };
    let too_large = |bytes: usize, at_least: bool| LoadError {
        source: source.clone(),
        problems: vec![Problem::new(ProblemKind::FileTooLarge {
            bytes,
            at_least,
            limit: model::limits::MAX_FILE_BYTES,
        })],
    };
    let limit = model::limits::MAX_FILE_BYTES;
    let file = std::fs::File::open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    if meta.is_file() && usize::try_from(meta.len()).map_or(true, |n| n > limit) {
        return Err(too_large(
            usize::try_from(meta.len()).unwrap_or(usize::MAX),
            false,
        ));
    }
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() > limit {
        return Err(too_large(bytes.len(), true));
    }
    model::load(&bytes, &source)
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

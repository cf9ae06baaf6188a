//! Downloaded roadmap.sh originals, kept so that importing the same roadmap
//! again works offline: `cache/<site>/<name>/` in the data folder holds
//! `roadmap.json` (the roadmap document as served), `topics/<nodeId>.json`
//! (each topic's text as served) and `manifest.json`, written last, which
//! lists every file with its length and CRC-32 and the topics the site has
//! no text for. An entry is complete only when its manifest is there and
//! every file matches it; anything else (a file missing, changed, cut
//! short, a link or not a regular file, a manifest that does not parse) is
//! damaged and never used. The folders are private (0700) and every file is
//! read with `safe::read_file(…, Links::Refuse, …)` and written atomically.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::file::{ensure_dir, remove_stale_temps, write_atomic};
use super::safe::{self, Links, ReadError};
use crate::fetch::{self, Downloaded, site::is_node_id};

/// The cache's folder, inside the data folder.
pub const CACHE_DIR: &str = "cache";
const MANIFEST: &str = "manifest.json";
const ROADMAP: &str = "roadmap.json";
const TOPICS: &str = "topics";
const TMP_PREFIX: &str = ".cache.";
/// The manifest's format; another number is not ours to read.
const FORMAT: u32 = 1;
const MAX_MANIFEST: u64 = 4 * 1024 * 1024;

/// One roadmap's cached download.
#[derive(Debug, Clone)]
pub struct Cached {
    pub download: Downloaded,
    /// The site it came from.
    pub source: String,
    /// When it was downloaded.
    pub downloaded: DateTime<Utc>,
}

/// Why a cache entry cannot be used.
#[derive(Debug)]
pub enum CacheError {
    /// Present but not whole or not as written: never trusted.
    Damaged { path: PathBuf, why: String },
    /// The folder is not safe to keep our files in.
    Store(StoreError),
}

impl std::fmt::Display for CacheError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CacheError::Damaged { path, why } => {
                write!(f, "the cached copy {} is damaged ({why})", path.display())
            }
            CacheError::Store(e) => write!(f, "{e}"),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format: u32,
    source: String,
    name: String,
    downloaded: DateTime<Utc>,
    roadmap: Sum,
    /// Per node id: its text's sum, or `null` when the site has no text.
    topics: BTreeMap<String, Option<Sum>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sum {
    bytes: u64,
    crc32: u32,
}

impl Sum {
    fn of(bytes: &[u8]) -> Sum {
        Sum {
            bytes: bytes.len() as u64,
            crc32: crc32fast::hash(bytes),
        }
    }
}

/// One roadmap's entry in the cache of one site.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    name: String,
}

impl Cache {
    /// Roadmap `name` from the site keyed `site` (`Site::cache_key`), in
    /// the data folder `data_dir`.
    pub fn at(data_dir: &Path, site: &str, name: &str) -> Cache {
        Cache {
            dir: data_dir.join(CACHE_DIR).join(site).join(name),
            name: name.to_string(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cached download, `Ok(None)` when there is none (never
    /// downloaded, or a download that did not finish writing).
    pub fn load(&self) -> Result<Option<Cached>, CacheError> {
        let manifest_path = self.dir.join(MANIFEST);
        let damaged = |path: &Path, why: String| CacheError::Damaged {
            path: path.to_path_buf(),
            why,
        };
        self.check_folders(false).map_err(CacheError::Store)?;
        if !self.dir.is_dir() {
            return Ok(None);
        }
        // A download being written meanwhile is waited for.
        let _lock = self.lock(true).map_err(CacheError::Store)?;
        let bytes = match safe::read_file(&manifest_path, Links::Refuse, MAX_MANIFEST) {
            Ok(b) => b,
            Err(ReadError::Missing) => return Ok(None),
            Err(e) => return Err(damaged(&manifest_path, e.describe())),
        };
        let manifest: Manifest = serde_json::from_slice(&bytes)
            .map_err(|_| damaged(&manifest_path, "its list of files does not parse".into()))?;
        if manifest.format != FORMAT || manifest.name != self.name {
            return Err(damaged(
                &manifest_path,
                "its list of files is of another roadmap or format".into(),
            ));
        }
        let read = |path: PathBuf, sum: Sum, max: u64| -> Result<Vec<u8>, CacheError> {
            let bytes = safe::read_file(&path, Links::Refuse, max)
                .map_err(|e| damaged(&path, e.describe()))?;
            if Sum::of(&bytes) == sum {
                Ok(bytes)
            } else {
                Err(damaged(
                    &path,
                    format!(
                        "it is not the file that was downloaded: {} bytes, {} expected, or other bytes",
                        bytes.len(),
                        sum.bytes
                    ),
                ))
            }
        };
        let roadmap = read(self.dir.join(ROADMAP), manifest.roadmap, fetch::MAX_ROADMAP)?;
        let mut topics = Vec::with_capacity(manifest.topics.len());
        for (node, sum) in manifest.topics {
            if !is_node_id(&node) {
                return Err(damaged(
                    &manifest_path,
                    "it names a file outside the cache".into(),
                ));
            }
            let text = match sum {
                Some(sum) => Some(read(self.topic_path(&node), sum, fetch::MAX_TOPIC)?),
                None => None,
            };
            topics.push((node, text));
        }
        Ok(Some(Cached {
            download: Downloaded { roadmap, topics },
            source: manifest.source,
            downloaded: manifest.downloaded,
        }))
    }

    /// Keeps `download` (from `source`, at `now`), replacing what was
    /// cached: every file first, the manifest last, each atomically, under
    /// a lock on the entry's folder. Files of an earlier download that the
    /// new one does not list are removed afterwards.
    pub fn save(
        &self,
        download: &Downloaded,
        source: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.check_folders(true)?;
        let _lock = self.lock(false)?;
        let topics_dir = self.dir.join(TOPICS);
        remove_stale_temps(&self.dir, TMP_PREFIX);
        remove_stale_temps(&topics_dir, TMP_PREFIX);
        let mut sums = BTreeMap::new();
        for (node, text) in &download.topics {
            if !is_node_id(node) {
                continue;
            }
            let sum = match text {
                Some(bytes) => {
                    write_atomic(&self.topic_path(node), bytes, TMP_PREFIX)?;
                    Some(Sum::of(bytes))
                }
                None => None,
            };
            sums.insert(node.clone(), sum);
        }
        write_atomic(&self.dir.join(ROADMAP), &download.roadmap, TMP_PREFIX)?;
        let manifest = Manifest {
            format: FORMAT,
            source: source.to_string(),
            name: self.name.clone(),
            downloaded: now,
            roadmap: Sum::of(&download.roadmap),
            topics: sums,
        };
        let mut bytes = serde_json::to_vec_pretty(&manifest).map_err(|e| {
            StoreError::io("write", self.dir.join(MANIFEST), std::io::Error::other(e))
        })?;
        bytes.push(b'\n');
        write_atomic(&self.dir.join(MANIFEST), &bytes, TMP_PREFIX)?;
        // Texts of topics the roadmap no longer has (best effort).
        if let Ok(entries) = fs::read_dir(&topics_dir) {
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name();
                let keep = name
                    .to_str()
                    .and_then(|n| n.strip_suffix(".json"))
                    .is_some_and(|node| manifest.topics.get(node).is_some_and(Option::is_some));
                if !keep && entry.file_type().is_ok_and(|t| t.is_file()) {
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
        Ok(())
    }

    fn topic_path(&self, node: &str) -> PathBuf {
        self.dir.join(TOPICS).join(format!("{node}.json"))
    }

    /// Every folder from `cache/` down to `topics/` is a real folder (not
    /// a link) that only its owner can write to; with `create`, missing
    /// ones are made (private).
    fn check_folders(&self, create: bool) -> Result<(), StoreError> {
        let Some(cache_root) = self.dir.parent().and_then(Path::parent) else {
            return Ok(());
        };
        let topics = self.dir.join(TOPICS);
        if create {
            ensure_dir(&topics)?;
        }
        let site = self.dir.parent().unwrap_or(cache_root);
        for dir in [cache_root, site, self.dir.as_path(), topics.as_path()] {
            match fs::symlink_metadata(dir) {
                Ok(meta) if meta.is_dir() => safe::require_private_folder(dir, &meta)?,
                Ok(meta) => {
                    let why = format!(
                        "it is {}, not a folder; roadmap keeps its cache in real folders only: move it away",
                        safe::kind(&meta)
                    );
                    return Err(StoreError::io("use", dir, std::io::Error::other(why)));
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && !create => return Ok(()),
                Err(e) => return Err(StoreError::io("inspect", dir, e)),
            }
        }
        Ok(())
    }

    /// Locks the entry's folder (shared to read, exclusive to write),
    /// waiting at most [`super::LOCK_WAIT`] for another process.
    #[cfg(unix)]
    fn lock(&self, shared: bool) -> Result<File, StoreError> {
        let dir = safe::open_folder(&self.dir)
            .map_err(|e| StoreError::io("open the folder", &self.dir, e))?;
        let start = std::time::Instant::now();
        let mut pause = std::time::Duration::from_millis(1);
        loop {
            let tried = if shared {
                dir.try_lock_shared()
            } else {
                dir.try_lock()
            };
            match tried {
                Ok(()) => return Ok(dir),
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < super::LOCK_WAIT => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(std::time::Duration::from_millis(50));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(StoreError::io(
                        "lock",
                        &self.dir,
                        std::io::Error::other(
                            "another roadmap process has been writing this download for too long",
                        ),
                    ));
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(StoreError::io("lock", &self.dir, e));
                }
            }
        }
    }

    #[cfg(not(unix))]
    #[allow(clippy::unnecessary_wraps, clippy::unused_self)]
    fn lock(&self, _shared: bool) -> Result<Option<File>, StoreError> {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn sample() -> Downloaded {
        Downloaded {
            roadmap: br#"{"nodes": []}"#.to_vec(),
            topics: vec![
                ("a1".into(), Some(br#"{"description": "A"}"#.to_vec())),
                ("b2".into(), None),
            ],
        }
    }

    fn now() -> DateTime<Utc> {
        "2026-01-02T03:04:05Z".parse().unwrap()
    }

    #[test]
    fn a_saved_download_loads_back_whole_and_private() {
        let home = tempfile::tempdir().unwrap();
        let cache = Cache::at(home.path(), "roadmap.sh", "backend");
        assert!(cache.load().unwrap().is_none());
        cache.save(&sample(), "https://roadmap.sh", now()).unwrap();
        let back = cache.load().unwrap().unwrap();
        assert_eq!(back.download, sample());
        assert_eq!(back.source, "https://roadmap.sh");
        assert_eq!(back.downloaded, now());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            for dir in [home.path().join(CACHE_DIR), cache.dir().join(TOPICS)] {
                let mode = fs::metadata(&dir).unwrap().permissions().mode();
                assert_eq!(mode & 0o077, 0, "{}", dir.display());
            }
        }
        // A new download replaces the old and drops texts it no longer has.
        let mut second = sample();
        second.topics = vec![("b2".into(), Some(b"{}".to_vec()))];
        cache.save(&second, "https://roadmap.sh", now()).unwrap();
        assert_eq!(cache.load().unwrap().unwrap().download, second);
        assert!(!cache.topic_path("a1").exists());
    }

    #[test]
    fn a_changed_missing_or_linked_file_is_damaged_never_used() {
        let home = tempfile::tempdir().unwrap();
        let cache = Cache::at(home.path(), "roadmap.sh", "backend");
        cache.save(&sample(), "https://roadmap.sh", now()).unwrap();
        let topic = cache.topic_path("a1");
        // The same length, other bytes.
        fs::write(&topic, br#"{"description": "B"}"#).unwrap();
        assert!(matches!(cache.load(), Err(CacheError::Damaged { .. })));
        fs::remove_file(&topic).unwrap();
        let err = cache.load().unwrap_err().to_string();
        assert!(err.contains("a1.json") && err.contains("damaged"), "{err}");
        #[cfg(unix)]
        {
            let outside = home.path().join("outside.json");
            fs::write(&outside, br#"{"description": "A"}"#).unwrap();
            std::os::unix::fs::symlink(&outside, &topic).unwrap();
            let err = cache.load().unwrap_err().to_string();
            assert!(err.contains("symbolic link"), "{err}");
        }
        fs::write(cache.dir().join(MANIFEST), b"{").unwrap();
        assert!(matches!(cache.load(), Err(CacheError::Damaged { .. })));
        // Saving again repairs it.
        fs::remove_file(&topic).unwrap();
        cache.save(&sample(), "https://roadmap.sh", now()).unwrap();
        assert!(cache.load().unwrap().is_some());
    }

    #[test]
    fn a_manifest_naming_files_outside_the_cache_is_damaged() {
        let home = tempfile::tempdir().unwrap();
        let cache = Cache::at(home.path(), "roadmap.sh", "backend");
        cache.save(&sample(), "https://roadmap.sh", now()).unwrap();
        let path = cache.dir().join(MANIFEST);
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("\"a1\"", "\"../../x\"");
        fs::write(&path, text).unwrap();
        let err = cache.load().unwrap_err().to_string();
        assert!(err.contains("outside the cache"), "{err}");
    }
}

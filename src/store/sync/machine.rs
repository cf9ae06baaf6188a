//! Which machine this is: a random id made once and kept in the data
//! folder (`sync/machine-id`), and the host name, shown to people. The id
//! names this machine's file in the sync folder; it never changes, so a
//! renamed host keeps writing the same file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::SyncError;
use crate::store::file::write_atomic;
use crate::store::safe::{self, Links, ReadError};

/// The file holding the id, inside the sync state folder.
pub const ID_FILE: &str = "machine-id";
/// How many random bytes an id has (written as twice as many hex digits).
const ID_BYTES: usize = 8;

/// This machine, or one whose file was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Machine {
    pub id: String,
    /// The host name when the file was written (for people; may change).
    #[serde(default)]
    pub host: String,
}

impl Machine {
    /// How people see it: `laptop (3f2a9c1b)`.
    pub fn label(&self) -> String {
        let short: String = self.id.chars().take(8).collect();
        if self.host.is_empty() {
            short
        } else {
            format!("{} ({short})", crate::model::text::clip(&self.host, 40))
        }
    }
}

/// An id as machine files are named by: 4 to 64 lowercase letters and digits.
pub fn is_valid_id(id: &str) -> bool {
    (4..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// This machine: the id kept in `state_dir` (made on first use) and the host
/// name. A damaged id file is an error, never silently replaced: a new id
/// would leave this machine's old file behind in the sync folder.
pub fn this_machine(state_dir: &Path) -> Result<Machine, SyncError> {
    let path = state_dir.join(ID_FILE);
    let id = match safe::read_file(&path, Links::Refuse, 1024) {
        Ok(bytes) => parse_id(&bytes).ok_or_else(|| damaged(&path, "it does not hold an id"))?,
        Err(ReadError::Missing) => {
            let id = new_id();
            write_atomic(&path, format!("{id}\n").as_bytes(), ".roadmap-machine-id.")?;
            id
        }
        Err(e) => return Err(damaged(&path, &e.describe())),
    };
    Ok(Machine {
        id,
        host: host_name(),
    })
}

fn parse_id(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?.trim();
    is_valid_id(text).then(|| text.to_string())
}

fn damaged(path: &Path, detail: &str) -> SyncError {
    SyncError::Damaged {
        path: PathBuf::from(path),
        detail: format!(
            "this machine's sync id cannot be read ({detail}); delete the file and sync again \
             (this machine then writes a new file in the sync folder; the old one stays merged)"
        ),
    }
}

/// 16 hex digits from the system's random source.
fn new_id() -> String {
    let mut bytes = [0u8; ID_BYTES];
    fill_random(&mut bytes);
    bytes.iter().fold(String::new(), |mut s, b| {
        use std::fmt::Write as _;
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(unix)]
fn fill_random(bytes: &mut [u8]) {
    let mut filled = 0;
    while filled < bytes.len() {
        match rustix::rand::getrandom(&mut bytes[filled..], rustix::rand::GetRandomFlags::empty()) {
            Ok(n) => filled += n,
            Err(rustix::io::Errno::INTR) => {}
            // No random source: mix the clock and the process id instead.
            Err(_) => return fallback_random(bytes),
        }
    }
}

#[cfg(not(unix))]
fn fill_random(bytes: &mut [u8]) {
    fallback_random(bytes);
}

fn fallback_random(bytes: &mut [u8]) {
    use std::hash::{BuildHasher, Hasher};
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.write_u32(std::process::id());
        h.write_usize(i);
        let v = h.finish().to_le_bytes();
        chunk.copy_from_slice(&v[..chunk.len()]);
    }
}

/// The host name, cleaned for display; empty when unknown.
pub fn host_name() -> String {
    #[cfg(unix)]
    let raw = rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned();
    #[cfg(not(unix))]
    let raw = std::env::var("COMPUTERNAME").unwrap_or_default();
    let host = raw.split('.').next().unwrap_or("").trim();
    crate::model::text::clip(host, 64)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_id_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let a = this_machine(dir.path()).unwrap();
        let b = this_machine(dir.path()).unwrap();
        assert_eq!(a.id, b.id);
        assert!(is_valid_id(&a.id), "{}", a.id);
        assert_eq!(a.id.len(), 16);
        let other = tempfile::tempdir().unwrap();
        assert_ne!(this_machine(other.path()).unwrap().id, a.id);
    }

    #[test]
    fn a_damaged_id_file_is_refused_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(ID_FILE), "not an id!\n").unwrap();
        let err = this_machine(dir.path()).unwrap_err().to_string();
        assert!(err.contains("machine-id"), "{err}");
        assert!(err.contains("delete the file"), "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join(ID_FILE)).unwrap(),
            "not an id!\n"
        );
    }
}

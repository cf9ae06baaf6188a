//! One machine's file in the sync folder: `roadmap-<id>.json`, holding
//! every profile of that machine and the roadmaps of its library.
//!
//! ```text
//! {
//!   "version": 1,
//!   "machine": {"id": "3f2a9c1b0d4e5f60", "host": "laptop"},
//!   "profiles": {
//!     "default": {
//!       "version": 1,
//!       "roadmaps": { … a profile, a skill per line … }
//!     }
//!   },
//!   "roadmaps": {
//!     "go": {"at": "2026-11-24T12:00:00Z", "roadmap": { … }},
//!     "old": {"at": "2026-11-25T09:00:00Z", "removed": true}
//!   }
//! }
//! ```
//!
//! Reading refuses what profiles refuse (a key written twice, a newer
//! format, damage) and keeps fields this build does not know.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;

use super::machine::{Machine, is_valid_id};
use crate::model::unknown::{Plain, SeedFor, UniqueMap, Unknown, read_fields};
use crate::model::{PROFILE_VERSION, Profile};
use crate::store::{StoreError, check_name, parse_profile};

/// The format version of machine files this build writes and reads.
pub const FORMAT_VERSION: u64 = 1;
/// How every machine file's name starts.
pub const PREFIX: &str = "roadmap-";
/// A machine file larger than this is refused unread (as a profile is).
pub const MAX_FILE_BYTES: u64 = crate::store::MAX_PROFILE_BYTES;
/// Indented levels: the file, `profiles`, a profile's four.
const INDENTED_LEVELS: usize = 6;

/// A roadmap of the library as it travels: its text, or that it was
/// removed, stamped when that happened here (the last stamp wins).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RoadmapEntry {
    pub at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roadmap: Option<Box<RawValue>>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
}

impl PartialEq for RoadmapEntry {
    fn eq(&self, other: &Self) -> bool {
        (self.at, self.text(), self.removed) == (other.at, other.text(), other.removed)
    }
}
impl Eq for RoadmapEntry {}

impl RoadmapEntry {
    /// The roadmap's text, if it was not removed.
    pub fn text(&self) -> Option<&str> {
        self.roadmap.as_deref().map(RawValue::get)
    }

    /// The order in which entries win: the later stamp, then (for equal
    /// stamps) a present roadmap over a removal, then the larger text, so
    /// every machine picks the same one.
    pub fn rank(&self) -> (DateTime<Utc>, Option<&str>) {
        (self.at, self.text())
    }
}

/// A machine file, read or about to be written.
#[derive(Debug, Clone, Default)]
pub struct MachineFile {
    pub machine: Option<Machine>,
    pub profiles: BTreeMap<String, Profile>,
    pub roadmaps: BTreeMap<String, RoadmapEntry>,
    /// Fields this build does not know, kept as they were.
    pub unknown: Unknown,
}

/// The name of machine `id`'s file.
pub fn file_name(id: &str) -> String {
    format!("{PREFIX}{id}.json")
}

/// The machine id a file in the sync folder belongs to: its own file
/// (`roadmap-ID.json`) or a copy a syncing tool made of it
/// (`roadmap-ID.sync-conflict-….json`, `roadmap-ID (conflicted copy …).json`,
/// `roadmap-ID 2.json`, …). `None`: not a machine file.
pub fn owner(name: &str) -> Option<(&str, bool)> {
    let rest = name.strip_prefix(PREFIX)?;
    // Only ever written in lowercase: another case is not ours.
    #[allow(clippy::case_sensitive_file_extension_comparisons)]
    if !name.ends_with(".json") || name.len() > 255 {
        return None;
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .unwrap_or(rest.len());
    let id = &rest[..end];
    if !is_valid_id(id) {
        return None;
    }
    let copy = &rest[end..] != ".json";
    Some((id, copy))
}

/// Reads a machine file's bytes; `path` names it in errors.
pub fn parse(bytes: &[u8], path: &Path) -> Result<MachineFile, StoreError> {
    // One pass for a good file; a file that fails is read again, each
    // profile on its own, to tell a newer format from damage.
    let raw = match serde_json::from_slice::<RawFile<Profile>>(bytes) {
        Ok(raw) => raw,
        Err(e) => return Err(explain(bytes, path, &e)),
    };
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    check_version(raw.version, path)?;
    for (name, profile) in &raw.profiles {
        check_name(name).map_err(|e| corrupt(e.to_string()))?;
        if profile.version > PROFILE_VERSION {
            return Err(newer(path, u64::from(profile.version)));
        }
        if profile.version != PROFILE_VERSION {
            return Err(corrupt(format!(
                "profile '{name}': unknown format version {}",
                profile.version
            )));
        }
    }
    for id in raw.roadmaps.keys() {
        if !crate::import::is_valid_id(id) {
            return Err(corrupt(format!(
                "'{}' is not a roadmap id",
                crate::model::text::clip(id, 40)
            )));
        }
    }
    Ok(MachineFile {
        machine: raw.machine,
        profiles: raw.profiles,
        roadmaps: raw.roadmaps,
        unknown: raw.unknown,
    })
}

fn check_version(version: u64, path: &Path) -> Result<(), StoreError> {
    if version > FORMAT_VERSION {
        return Err(newer(path, version));
    }
    if version == 0 {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: "unknown format version 0".to_string(),
        });
    }
    Ok(())
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u64,
}

/// Why a file did not parse: a newer format (of the file or of a profile
/// in it), or damage, with the profile it is in.
fn explain(bytes: &[u8], path: &Path, first: &serde_json::Error) -> StoreError {
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    if let Ok(v) = serde_json::from_slice::<VersionOnly>(bytes)
        && v.version > FORMAT_VERSION
    {
        return newer(path, v.version);
    }
    let Ok(raw) = serde_json::from_slice::<RawFile<&RawValue>>(bytes) else {
        return corrupt(crate::model::text::clean(&first.to_string()).into_owned());
    };
    if let Err(e) = check_version(raw.version, path) {
        return e;
    }
    for (name, text) in raw.profiles {
        match parse_profile(text.get().as_bytes(), path) {
            Ok(_) => {}
            Err(StoreError::Corrupt { detail, .. }) => {
                return corrupt(format!("profile '{name}': {detail}"));
            }
            Err(other) => return other,
        }
    }
    corrupt(crate::model::text::clean(&first.to_string()).into_owned())
}

fn newer(path: &Path, found: u64) -> StoreError {
    StoreError::FutureVersion {
        path: path.to_path_buf(),
        found,
    }
}

#[derive(Serialize)]
struct Out<'a> {
    version: u64,
    machine: &'a Option<Machine>,
    profiles: &'a BTreeMap<String, Profile>,
    roadmaps: &'a BTreeMap<String, RoadmapEntry>,
    #[serde(flatten)]
    unknown: &'a Unknown,
}

impl MachineFile {
    /// The file's bytes: a profile's skill per line, like the profile files.
    pub fn to_bytes(&self, capacity: usize) -> serde_json::Result<Vec<u8>> {
        crate::store::format::to_vec_indenting(
            &Out {
                version: FORMAT_VERSION,
                machine: &self.machine,
                profiles: &self.profiles,
                roadmaps: &self.roadmaps,
                unknown: &self.unknown,
            },
            capacity,
            INDENTED_LEVELS,
        )
    }
}

/// The file as read: profiles parsed (`P` = [`Profile`]), or kept as text
/// to be parsed one by one ([`parse_profile`] tells a newer format from
/// damage).
struct RawFile<P> {
    version: u64,
    machine: Option<Machine>,
    profiles: BTreeMap<String, P>,
    roadmaps: BTreeMap<String, RoadmapEntry>,
    unknown: Unknown,
}

const FIELDS: &[&str] = &["version", "machine", "profiles", "roadmaps"];

impl<'de, P: SeedFor<'de>> Deserialize<'de> for RawFile<P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FileVisitor(PhantomData))
    }
}

struct FileVisitor<P>(PhantomData<P>);

impl<'de, P: SeedFor<'de>> Visitor<'de> for FileVisitor<P> {
    type Value = RawFile<P>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a roadmap sync file (an object with \"version\" and \"profiles\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawFile<P>, A::Error> {
        let (mut version, mut machine, mut profiles, mut roadmaps) = (None, None, None, None);
        let unknown = read_fields(map, FIELDS, |i, map| {
            match i {
                0 => version = Some(map.next_value()?),
                1 => machine = Some(map.next_value()?),
                2 => {
                    profiles = Some(map.next_value_seed(UniqueMap::<P> {
                        what: "profile",
                        within: String::new(),
                        value: PhantomData,
                    })?);
                }
                _ => {
                    roadmaps = Some(map.next_value_seed(UniqueMap::<RoadmapEntry> {
                        what: "roadmap",
                        within: String::new(),
                        value: PhantomData,
                    })?);
                }
            }
            Ok(())
        })?;
        Ok(RawFile {
            version: version.ok_or_else(|| de::Error::missing_field("version"))?,
            machine,
            profiles: profiles.unwrap_or_default(),
            roadmaps: roadmaps.unwrap_or_default(),
            unknown,
        })
    }
}

impl<'de: 'a, 'a> SeedFor<'de> for &'a RawValue {
    type Seed = Plain<&'a RawValue>;
    fn seed(_: &str) -> Self::Seed {
        Plain::new()
    }
}

impl SeedFor<'_> for Profile {
    type Seed = Plain<Profile>;
    fn seed(_: &str) -> Self::Seed {
        Plain::new()
    }
}

impl SeedFor<'_> for RoadmapEntry {
    type Seed = Plain<RoadmapEntry>;
    fn seed(_: &str) -> Self::Seed {
        Plain::new()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn names_of_machine_files_and_of_the_copies_tools_make() {
        assert_eq!(owner("roadmap-3f2a9c1b.json"), Some(("3f2a9c1b", false)));
        assert_eq!(
            owner("roadmap-3f2a9c1b.sync-conflict-20261124-120000-ABCDEFG.json"),
            Some(("3f2a9c1b", true))
        );
        assert_eq!(
            owner("roadmap-3f2a9c1b (Ann's conflicted copy 2026-11-24).json"),
            Some(("3f2a9c1b", true))
        );
        assert_eq!(owner("roadmap-3f2a9c1b 2.json"), Some(("3f2a9c1b", true)));
        for not_ours in [
            "notes.json",
            ".syncthing.roadmap-3f2a9c1b.json.tmp",
            "~syncthing~roadmap-3f2a9c1b.json.tmp",
            "roadmap-3f2a9c1b.json.tmp",
            "roadmap-ab.json",
            "roadmap-.json",
            "roadmap-3F2A9C1B.json",
        ] {
            assert_eq!(owner(not_ours), None, "{not_ours}");
        }
    }

    #[test]
    fn a_file_round_trips_with_unknown_fields() {
        let text = r#"{"version":1,"machine":{"id":"abcd1234","host":"h"},"later":[1, 2],
            "profiles":{"default":{"version":1,"roadmaps":{},"x":true}},
            "roadmaps":{"go":{"at":"2026-11-24T12:00:00Z","roadmap":{"id":"go"}}}}"#;
        let file = parse(text.as_bytes(), Path::new("f")).unwrap();
        assert_eq!(file.unknown.get("later"), Some("[1,2]"));
        assert_eq!(file.profiles["default"].unknown.get("x"), Some("true"));
        let back = parse(&file.to_bytes(0).unwrap(), Path::new("f")).unwrap();
        assert_eq!(back.profiles, file.profiles);
        assert_eq!(back.roadmaps, file.roadmaps);
        assert_eq!(back.unknown, file.unknown);
    }

    #[test]
    fn damage_duplicates_and_newer_formats_are_refused() {
        let p = Path::new("roadmap-abcd1234.json");
        let err = |t: &str| parse(t.as_bytes(), p).unwrap_err();
        assert!(matches!(err("{nope"), StoreError::Corrupt { .. }));
        assert!(matches!(err(""), StoreError::Corrupt { .. }));
        assert!(matches!(
            err(r#"{"version":2,"profiles":[]}"#),
            StoreError::FutureVersion { found: 2, .. }
        ));
        assert!(matches!(
            err(r#"{"version":1,"profiles":{"default":{"version":9,"roadmaps":{}}}}"#),
            StoreError::FutureVersion { found: 9, .. }
        ));
        let twice = err(
            r#"{"version":1,"profiles":{"a":{"version":1,"roadmaps":{}},"a":{"version":1,"roadmaps":{}}}}"#,
        )
        .to_string();
        assert!(twice.contains("written twice"), "{twice}");
        let bad_name =
            err(r#"{"version":1,"profiles":{"../x":{"version":1,"roadmaps":{}}}}"#).to_string();
        assert!(bad_name.contains("invalid profile name"), "{bad_name}");
    }
}

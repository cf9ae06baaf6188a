//! What `roadmaps/in-use` holds, read and written so that nothing a newer
//! build (or a person) wrote there is lost: fields this build does not
//! know are kept at the top level, and the `in_use` choice is written back
//! exactly as it was read (its own unknown fields, or a kind of choice this
//! build does not know) unless this build changed it.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::unknown::{Raw, Unknown, read_fields};

/// How many files used before are remembered.
const MAX_FILES: usize = 50;

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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The choice; the built-in roadmap when the file names one this build
    /// does not know (it is kept, see `in_use_raw`).
    pub in_use: InUse,
    /// Roadmap files chosen with `roadmap use FILE`, most recent first.
    pub files: Vec<PathBuf>,
    /// `in_use` as it was read, with what this build does not know in it,
    /// and the choice it was read as (`None`: a kind this build does not
    /// know). Written back as it was while `in_use` is unchanged.
    in_use_raw: Option<(Raw, Option<InUse>)>,
    /// Top-level fields this build does not know.
    unknown: Unknown,
}

impl State {
    /// Makes `path` the most recent file used.
    pub fn remember(&mut self, path: &Path) {
        self.files.retain(|p| p != path);
        self.files.insert(0, path.to_path_buf());
        self.files.truncate(MAX_FILES);
    }

    /// Fields of the file this build does not know (for tests and
    /// diagnostics).
    pub fn unknown(&self) -> &Unknown {
        &self.unknown
    }
}

const FIELDS: &[&str] = &["in_use", "files"];

struct StateVisitor;

impl<'de> Visitor<'de> for StateVisitor {
    type Value = State;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with \"in_use\" and \"files\"")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<State, A::Error> {
        let (mut raw, mut files) = (None::<Raw>, None);
        let unknown = read_fields(map, FIELDS, |i, map| {
            match i {
                0 => raw = Some(map.next_value()?),
                _ => files = Some(map.next_value()?),
            }
            Ok(())
        })?;
        // A kind of choice this build does not know is kept, and means the
        // built-in roadmap here.
        let read = raw
            .as_ref()
            .map(|r| serde_json::from_str::<InUse>(r.get()).ok());
        Ok(State {
            in_use: read.clone().flatten().unwrap_or_default(),
            files: files.unwrap_or_default(),
            in_use_raw: raw.zip(read),
            unknown,
        })
    }
}

impl<'de> Deserialize<'de> for State {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(StateVisitor)
    }
}

impl Serialize for State {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match &self.in_use_raw {
            // Unchanged since it was read: as it was. A choice this build
            // could not read stays until another one is made.
            Some((raw, read))
                if read.as_ref() == Some(&self.in_use)
                    || (read.is_none() && self.in_use == InUse::Builtin) =>
            {
                map.serialize_entry("in_use", raw)?;
            }
            _ => map.serialize_entry("in_use", &self.in_use)?,
        }
        map.serialize_entry("files", &self.files)?;
        for (name, value) in self.unknown.iter() {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_and_choices_survive_a_rewrite() {
        let text = r#"{"in_use":{"kind":"library","id":"go","pinned":true},"files":["/a.json"],"sync":{"every":"1h"},"n":1.50}"#;
        let mut state: State = serde_json::from_str(text).unwrap();
        assert_eq!(state.in_use, InUse::Library { id: "go".into() });
        state.remember(Path::new("/b.json"));
        let back = serde_json::to_string(&state).unwrap();
        assert_eq!(
            back,
            r#"{"in_use":{"kind":"library","id":"go","pinned":true},"files":["/b.json","/a.json"],"n":1.50,"sync":{"every":"1h"}}"#
        );
        // A new choice is written as this build writes it; the other
        // fields stay.
        state.in_use = InUse::Builtin;
        let back = serde_json::to_string(&state).unwrap();
        assert!(
            back.starts_with(r#"{"in_use":{"kind":"builtin"},"#),
            "{back}"
        );
        assert!(
            back.ends_with(r#""n":1.50,"sync":{"every":"1h"}}"#),
            "{back}"
        );
        // A kind of choice from a newer build means the built-in roadmap
        // here, and is kept until another choice is made.
        let newer = r#"{"in_use":{"kind":"url","url":"https://x"},"files":[]}"#;
        let mut state: State = serde_json::from_str(newer).unwrap();
        assert_eq!(state.in_use, InUse::Builtin);
        state.remember(Path::new("/c.json"));
        let back = serde_json::to_string(&state).unwrap();
        assert!(
            back.starts_with(r#"{"in_use":{"kind":"url","url":"https://x"},"#),
            "{back}"
        );
        // A field written twice is refused, not silently halved.
        assert!(serde_json::from_str::<State>(r#"{"files":[],"files":[]}"#).is_err());
        assert!(serde_json::from_str::<State>(r#"{"x":1,"x":2}"#).is_err());
    }
}

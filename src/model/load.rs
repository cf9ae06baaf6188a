//! Parsing and validating roadmap files (format version 1).

use std::borrow::Cow;

use serde::Deserialize;

use super::error::{LoadError, Problem, ProblemKind};
use super::roadmap::{Resource, Roadmap};
use super::text::clip;

/// The longest JSON parser message shown.
const MAX_JSON_MESSAGE: usize = 500;

/// The only roadmap format version this build understands.
pub const FORMAT_VERSION: u32 = 1;

/// Limits that keep a hostile or broken file from exhausting memory or the
/// screen. Files beyond them are rejected with a clear message.
pub mod limits {
    pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
    pub const MAX_SKILLS: usize = 1_000_000;
    pub const MAX_ID: usize = 100;
    pub const MAX_TITLE: usize = 300;
    pub const MAX_DESCRIPTION: usize = 20_000;
    pub const MAX_URL: usize = 2_048;
    pub const MAX_LIST: usize = 10_000;
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRoadmap<'a> {
    pub(super) version: u32,
    pub(super) id: String,
    pub(super) title: String,
    #[serde(default)]
    pub(super) description: String,
    #[serde(borrow)]
    pub(super) stages: Vec<RawStage<'a>>,
    #[serde(default, borrow)]
    pub(super) choices: Vec<RawChoice<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStage<'a> {
    pub(super) id: String,
    pub(super) title: String,
    #[serde(default)]
    pub(super) description: String,
    #[serde(borrow)]
    pub(super) skills: Vec<RawSkill<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSkill<'a> {
    pub(super) id: String,
    pub(super) title: String,
    #[serde(default)]
    pub(super) description: String,
    /// Ids are borrowed from the file's bytes when they have no escapes:
    /// no allocation for each of the (many) requirement references.
    #[serde(default, borrow)]
    pub(super) requires: Vec<Cow<'a, str>>,
    #[serde(default)]
    pub(super) resources: Vec<Resource>,
    #[serde(default)]
    pub(super) hours: Option<u32>,
    #[serde(default)]
    pub(super) optional: bool,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChoice<'a> {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) pick: usize,
    #[serde(borrow)]
    pub(super) from: Vec<Cow<'a, str>>,
}

/// Only used on the error path, to tell a wrong version from other errors.
#[derive(Deserialize)]
struct VersionOnly {
    version: serde_json::Value,
}

/// Parses and validates roadmap bytes. `source` names the file in messages.
pub fn load(bytes: &[u8], source: &str) -> Result<Roadmap, LoadError> {
    let fail = |problems: Vec<Problem>| LoadError {
        source: source.to_string(),
        problems,
    };
    if bytes.len() > limits::MAX_FILE_BYTES {
        return Err(fail(vec![Problem::new(ProblemKind::FileTooLarge {
            bytes: bytes.len(),
            at_least: false,
            limit: limits::MAX_FILE_BYTES,
        })]));
    }
    let raw: RawRoadmap = match serde_json::from_slice(bytes) {
        Ok(raw) => raw,
        Err(err) => return Err(fail(vec![json_problem(bytes, &err)])),
    };
    if raw.version != FORMAT_VERSION {
        return Err(fail(vec![Problem::new(ProblemKind::Version(
            raw.version.to_string(),
        ))]));
    }
    super::build::build(raw).map_err(|mut problems| {
        // Only on the error path: find the lines the problems are on.
        let text = std::str::from_utf8(bytes).unwrap_or("");
        for p in &mut problems {
            p.locate(text);
        }
        fail(problems)
    })
}

fn json_problem(bytes: &[u8], err: &serde_json::Error) -> Problem {
    if let Ok(v) = serde_json::from_slice::<VersionOnly>(bytes)
        && v.version != FORMAT_VERSION
    {
        return Problem::new(ProblemKind::Version(clip(&v.version.to_string(), 100)));
    }
    let msg = err.to_string();
    // serde_json appends " at line L column C"; we print the position ourselves.
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m);
    let mut p = Problem::new(ProblemKind::Json {
        // Bounded: the message may quote a (huge, hostile) field name.
        message: clip(msg, MAX_JSON_MESSAGE),
        unknown_field: err.is_data() && msg.starts_with("unknown field"),
    });
    if err.line() > 0 {
        p.line = Some(err.line());
        p.column = Some(err.column());
    }
    p
}

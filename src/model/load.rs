//! Parsing and validating roadmap files (format version 1).

use std::borrow::Cow;

use serde::Deserialize;

use super::build::MAX_PROBLEMS;
use super::error::{LoadError, Problem, ProblemKind};
use super::locate::{At, json_path};
use super::roadmap::{Resource, Roadmap};
use super::{schema, syntax};

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

/// Parses and validates roadmap bytes. `source` names the file in messages.
///
/// A good file takes the fast path: one typed parse, then validation. Only
/// when that fails does a second, thorough pass read the file again to
/// find every problem, and a last one over the bytes puts a line and a
/// column on each.
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
    let mut problems = match serde_json::from_slice::<RawRoadmap>(bytes) {
        Ok(raw) if raw.version != FORMAT_VERSION => vec![Problem::at(
            ProblemKind::Version(raw.version.to_string()),
            At::value(json_path!["version"]),
        )],
        Ok(raw) => match super::build::build(raw) {
            Ok(roadmap) => return Ok(roadmap),
            Err(problems) => problems,
        },
        Err(err) => thorough(bytes, &err),
    };
    super::error::locate_all(&mut problems, bytes);
    // In the order of the file; what has no place (the count of the rest)
    // last.
    problems.sort_by_key(|p| (p.line.is_none(), p.line, p.column));
    Err(fail(problems))
}

/// The error path of a file the typed parse refused: every problem it has.
fn thorough(bytes: &[u8], err: &serde_json::Error) -> Vec<Problem> {
    let doc: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(doc) => doc,
        Err(syntax) => return vec![syntax::syntax(bytes, &syntax)],
    };
    let walked = schema::check(doc);
    let mut problems = walked.problems;
    if let Some(repaired) = walked.repaired {
        match RawRoadmap::deserialize(repaired) {
            Ok(raw) => {
                if let Err(mut more) = super::build::build(raw) {
                    walked.renames.apply(&mut more);
                    problems.extend(more);
                }
            }
            Err(_) if problems.is_empty() => problems.push(syntax::leftover(err)),
            Err(_) => {}
        }
    }
    if problems.is_empty() {
        problems.push(syntax::leftover(err));
    }
    // In the order of the file, at most the first hundred, the rest counted.
    let mut more = 0;
    problems.retain(|p| match p.kind {
        ProblemKind::MoreProblems { count } => {
            more += count;
            false
        }
        _ => true,
    });
    super::error::locate_all(&mut problems, bytes);
    problems.sort_by_key(|p| (p.line.is_none(), p.line, p.column));
    if problems.len() > MAX_PROBLEMS {
        more += problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
    }
    if more > 0 {
        problems.push(Problem::new(ProblemKind::MoreProblems { count: more }));
    }
    problems
}

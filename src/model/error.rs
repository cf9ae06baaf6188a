//! Errors found while loading a roadmap: each names the file, the place
//! (line and column, or the id) and says what to do.

use std::fmt;

use super::locate::At;
use super::text::clean;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    #[error("the file is empty; a roadmap is a JSON object (see docs/roadmap-format.md)")]
    Empty,
    /// The file is not JSON at all; `message` is in plain words.
    #[error("{message} (the file is not valid JSON; see docs/roadmap-format.md)")]
    Syntax { message: String },
    /// Any other way the file breaks the format, in plain words.
    #[error("{message} (see docs/roadmap-format.md)")]
    Format { message: String },
    #[error(
        "{what}: unknown field '{field}'{}; {what_kind} has the fields {allowed} (fix the spelling or remove the field)",
        hint_text(hint.as_deref())
    )]
    UnknownField {
        what: String,
        what_kind: &'static str,
        field: String,
        hint: Option<String>,
        allowed: &'static str,
    },
    #[error("{what} has no '{field}'; add it (see docs/roadmap-format.md)")]
    MissingField { what: String, field: &'static str },
    #[error("{what}: {field} must be {expected}, but it is {found}")]
    BadValue {
        what: String,
        field: String,
        expected: String,
        found: String,
    },
    #[error("cannot read the file: {0}; check the path and its permissions")]
    Unreadable(String),
    /// A name that looks like an id (no dot, no slash) names no roadmap of
    /// the library, and no file either.
    #[error(
        "no roadmap with id '{id}' in your library{}; `roadmap roadmaps` lists the roadmaps you have, `roadmap import FILE` adds one from roadmap.sh (a roadmap file is named by its path: ./{id}.json)",
        hint_text(hint.as_deref())
    )]
    NotInLibrary { id: String, hint: Option<String> },
    #[error(
        "unsupported format version {0}: this build of roadmap reads version 1; set \"version\": 1 or update roadmap"
    )]
    Version(String),
    #[error(
        "the file is {}{bytes} bytes, more than the limit of {limit} bytes; split the roadmap into smaller ones", if *at_least { "at least " } else { "" }
    )]
    FileTooLarge {
        bytes: usize,
        /// The size is unknown (a pipe, a device): at least `bytes` were read.
        at_least: bool,
        limit: usize,
    },
    #[error(
        "the roadmap has {count} skills, more than the limit of {limit}; split it into smaller roadmaps"
    )]
    TooManySkills { count: usize, limit: usize },
    #[error("{what}: {field} is {len} long, more than the limit of {max}; shorten it")]
    TooLong {
        what: String,
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error(
        "{what}: id '{id}' is not valid; ids use lowercase letters a-z, digits and '-', and start with a letter or digit{}",
        hint.as_ref().map(|h| format!(" (write '{h}')")).unwrap_or_default()
    )]
    BadId {
        what: String,
        id: String,
        /// The id spelt the valid way, when that is obvious.
        hint: Option<String>,
    },
    #[error(
        "duplicate id '{id}': ids must be unique across stages, skills, choices and aliases; rename one of them"
    )]
    DuplicateId { id: String },
    #[error("{what} has an empty title; give it a short title")]
    EmptyTitle { what: String },
    #[error("skill '{skill}' requires '{missing}', which is not a skill or choice in this roadmap{}", hint_text(hint.as_deref()))]
    UnknownRequire {
        skill: String,
        missing: String,
        hint: Option<String>,
    },
    #[error("choice '{choice}' offers '{missing}', which is not a skill in this roadmap{}", hint_text(hint.as_deref()))]
    UnknownOption {
        choice: String,
        missing: String,
        hint: Option<String>,
    },
    #[error(
        "choice '{choice}' has pick {pick}, but it must be between 1 and {options}, the number of different skills in its 'from' list"
    )]
    BadPick {
        choice: String,
        pick: usize,
        options: usize,
    },
    #[error(
        "skill '{skill}' has resource URL '{url}', which is not an http(s) URL; use a full https:// address"
    )]
    BadUrl { skill: String, url: String },
    #[error(
        "cycle in prerequisites: {}; remove one of these requirements",
        cycle_text(path)
    )]
    Cycle { path: Vec<String> },
    #[error("… and {count} more problems; fix the ones above first")]
    MoreProblems { count: usize },
}

/// A cycle as `a → b → c → a`; a long one keeps its ends and says how
/// many ids are left out of the middle.
fn cycle_text(path: &[String]) -> String {
    const ENDS: usize = 6;
    if path.len() <= 2 * ENDS + 1 {
        return path.join(" → ");
    }
    format!(
        "{} → … ({} more) … → {}",
        path[..ENDS].join(" → "),
        path.len() - 2 * ENDS,
        path[path.len() - ENDS..].join(" → ")
    )
}

fn hint_text(hint: Option<&str>) -> String {
    hint.map(|h| format!(" (did you mean '{h}'?)"))
        .unwrap_or_default()
}

/// One problem, with the line and column where it was found when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Where in the document the problem is, until it is turned into a
    /// line and column.
    pub(crate) at: Option<At>,
}

impl Problem {
    pub fn new(kind: ProblemKind) -> Self {
        Problem {
            kind,
            line: None,
            column: None,
            at: None,
        }
    }

    pub(crate) fn at(kind: ProblemKind, at: At) -> Self {
        Problem {
            at: Some(at),
            ..Problem::new(kind)
        }
    }
}

/// Gives every problem that has a place in the document its line and
/// column (one pass over the bytes for all of them).
pub(crate) fn locate_all(problems: &mut [Problem], bytes: &[u8]) {
    let unplaced = |p: &Problem| p.line.is_none() && p.at.is_some();
    let places: Vec<&At> = problems
        .iter()
        .filter(|p| unplaced(p))
        .filter_map(|p| p.at.as_ref())
        .collect();
    if places.is_empty() {
        return;
    }
    let found = super::locate::positions(bytes, &places);
    let mut found = found.into_iter();
    for p in problems.iter_mut().filter(|p| unplaced(p)) {
        if let Some(Some((line, column))) = found.next() {
            p.line = Some(line);
            p.column = Some(column);
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "line {l}, column {c}: {}", self.kind),
            (Some(l), None) => write!(f, "line {l}: {}", self.kind),
            _ => write!(f, "{}", self.kind),
        }
    }
}

/// A roadmap that could not be loaded, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file (or "built-in roadmap") the problems are in.
    pub source: String,
    pub problems: Vec<Problem>,
}

impl std::error::Error for LoadError {}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            // Everything printed passes through `clean`: a hostile file cannot
            // smuggle escape sequences into the terminal through an error.
            write!(f, "{}: {}", clean(&self.source), clean(&p.to_string()))?;
        }
        Ok(())
    }
}

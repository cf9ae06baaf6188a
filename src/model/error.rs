//! Errors found while loading a roadmap: each names the file, the place
//! (line and column, or the id) and says what to do.

use std::fmt;

use super::text::clean;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    #[error("{message}{}", if *unknown_field { " (fix the spelling or remove the field; see docs/roadmap-format.md)" } else { " (the file is not valid roadmap JSON; see docs/roadmap-format.md)" })]
    Json {
        message: String,
        unknown_field: bool,
    },
    #[error("cannot read the file: {0}; check the path and its permissions")]
    Unreadable(String),
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
    #[error("the roadmap has {count} skills, more than the limit of {limit}")]
    TooManySkills { count: usize, limit: usize },
    #[error("{what}: {field} is {len} long, more than the limit of {max}; shorten it")]
    TooLong {
        what: String,
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error(
        "{what}: id '{id}' is not valid; ids use lowercase letters a-z, digits and '-', and start with a letter or digit"
    )]
    BadId { what: String, id: String },
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
        "choice '{choice}' has pick {pick}, but it must be between 1 and {options} (the number of skills in its 'from' list)"
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
}

impl Problem {
    pub fn new(kind: ProblemKind) -> Self {
        Problem {
            kind,
            line: None,
            column: None,
        }
    }

    /// Finds the line of the value the problem is about in the source text.
    pub(crate) fn locate(&mut self, text: &str) {
        if self.line.is_some() || text.is_empty() {
            return;
        }
        let at = match &self.kind {
            ProblemKind::DuplicateId { id } => {
                find_field(text, "id", id, 1).or_else(|| find_field(text, "aliases", id, 0))
            }
            ProblemKind::BadId { id, .. } => find_string(text, id, 0),
            ProblemKind::UnknownRequire { skill, missing, .. } => find_field(text, "id", skill, 0)
                .and_then(|from| find_string(&text[from..], missing, 0).map(|o| from + o)),
            ProblemKind::UnknownOption {
                choice, missing, ..
            } => find_field(text, "id", choice, 0)
                .and_then(|from| find_string(&text[from..], missing, 0).map(|o| from + o)),
            ProblemKind::BadPick { choice, .. } => find_field(text, "id", choice, 0),
            ProblemKind::BadUrl { url, .. } => find_string(text, url, 0),
            ProblemKind::EmptyTitle { what } | ProblemKind::TooLong { what, .. } => what
                .split('\'')
                .nth(1)
                .and_then(|id| find_field(text, "id", id, 0)),
            ProblemKind::Cycle { path } => {
                path.first().and_then(|id| find_field(text, "id", id, 0))
            }
            _ => None,
        };
        if let Some(offset) = at {
            let before = &text[..offset];
            self.line = Some(before.matches('\n').count() + 1);
            self.column = Some(before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1);
        }
    }
}

/// How far back from a value [`find_field`] looks for its key.
const LOOKBACK: usize = 1024;
/// How many occurrences of a value [`find_field`] inspects before giving
/// up: locating a problem is a courtesy and must stay cheap on any file.
const MAX_CANDIDATES: usize = 10_000;

/// Byte offset of the `nth` (0-based) occurrence of the JSON string `"value"`.
fn find_string(text: &str, value: &str, nth: usize) -> Option<usize> {
    let quoted = format!("\"{value}\"");
    text.match_indices(&quoted).nth(nth).map(|(i, _)| i)
}

/// Byte offset of the `nth` occurrence of `"value"` that follows `"key":`
/// (or, for list keys, stands anywhere inside the list on the same line,
/// within [`LOOKBACK`] bytes).
fn find_field(text: &str, key: &str, value: &str, nth: usize) -> Option<usize> {
    let quoted = format!("\"{value}\"");
    let key = format!("\"{key}\"");
    text.match_indices(&quoted)
        .take(MAX_CANDIDATES)
        .filter(|(i, _)| {
            let mut from = i.saturating_sub(LOOKBACK);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = text[from..*i].trim_end();
            let line_start = before.rfind('\n').map_or(0, |p| p + 1);
            let line = &before[line_start..];
            line.contains(&key)
                && (before.ends_with(':') || before.ends_with('[') || before.ends_with(','))
        })
        .nth(nth)
        .map(|(i, _)| i)
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

//! Converting roadmap.sh roadmaps into our format. Pure: bytes in, our
//! roadmap JSON and warnings out; no files, no terminal. The caller reads
//! the files and passes the result through [`crate::model::load`], so an
//! imported roadmap is validated and cleaned like any other.
//!
//! See docs/importing.md for what is read and how it maps.

mod attach;
mod content;
mod convert;
mod ids;
mod layout;
mod legend;
mod markdown;
mod nodes;
mod order;
mod plan;
mod reimport;
mod source;
mod wiring;

#[cfg(test)]
mod tests;

use std::fmt;

pub use ids::{is_valid_id, node_alias, slug};
pub use reimport::{Dropped, Previous, dropped, previous_ids};

/// One file of a roadmap.sh content folder: its path relative to the
/// folder (`/`-separated) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What the caller knows besides the bytes.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How the roadmap file is named in messages.
    pub source: String,
    /// The id to give the roadmap (`--id`); otherwise the document's slug,
    /// else `fallback_id`.
    pub id: Option<String>,
    /// Used when neither `id` nor the document names the roadmap (the
    /// file's name, for instance).
    pub fallback_id: String,
    /// Whether a content folder was given (then missing files are reported).
    pub with_content: bool,
    /// The ids an earlier import gave each node (see [`previous_ids`]): a
    /// node found again keeps its id and aliases, so progress carries over
    /// even when its label changed.
    pub previous: Previous,
}

/// A converted roadmap: our format's JSON, not yet validated.
#[derive(Debug, Clone)]
pub struct Imported {
    pub id: String,
    pub json: Vec<u8>,
    /// Things that were read but could not be kept, in plain words, already
    /// cleaned for the terminal.
    pub warnings: Vec<String>,
}

/// Why a file could not be converted: the file, the place when known, what
/// went wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub source: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", crate::model::text::clean(&self.source))?;
        if let Some(line) = self.line {
            write!(f, "line {line}")?;
            if let Some(column) = self.column {
                write!(f, ", column {}", column.max(1))?;
            }
            f.write_str(": ")?;
        }
        // The reader's jargon ("invalid type: integer `1`, expected struct
        // RawNode") in plain words; the rest of the message as it is.
        let (head, rest) = match self.message.split_once("; ") {
            Some((head, rest)) => (head, Some(rest)),
            None => (self.message.as_str(), None),
        };
        let message = match (crate::model::json_words::translate(head), rest) {
            (Some(plain), Some(rest)) => format!("{plain}; {rest}"),
            (Some(plain), None) => plain,
            (None, _) => self.message.clone(),
        };
        f.write_str(&crate::model::text::clean(&message))
    }
}

impl std::error::Error for ImportError {}

/// Converts a roadmap.sh roadmap JSON (bare `{nodes, edges}` or the API
/// document with `title`, `description` and `slug`) and its content files.
pub fn convert(
    bytes: &[u8],
    content: &[ContentFile],
    options: &Options,
) -> Result<Imported, ImportError> {
    let doc = source::parse(bytes, &options.source)?;
    convert::convert(&doc, content, options)
}

//! The pure core: roadmap graph, validation, progress and suggestions.
//! No terminal, no files, no clock: callers pass `now` in.

mod build;
mod check;
mod credit;
mod cycle;
pub mod error;
pub mod find;
pub mod goal;
pub mod goal_date;
pub mod hlc;
pub mod journal;
pub mod json_words;
pub mod live;
pub mod load;
mod locate;
pub mod note;
mod note_de;
pub mod profile;
mod profile_de;
pub mod progress;
mod reason;
pub mod review;
mod rfc3339;
pub mod roadmap;
mod schema;
pub mod search;
pub mod status;
pub mod steps;
mod syntax;
pub mod text;
pub mod undo;
pub mod unknown;

#[cfg(test)]
mod counting_tests;
#[cfg(test)]
mod load_tests;
#[cfg(test)]
mod tests;

pub use error::{LoadError, Problem, ProblemKind};
pub use load::{FORMAT_VERSION, limits, load};
pub use note::{Note, NoteEdit, NoteSaved};
pub use profile::{Change, Entry, PROFILE_VERSION, Profile, RoadmapProgress, SetStatus};
pub use progress::{Evaluation, Tally, evaluate, next_steps};
pub use reason::MAX_REASON;
pub use roadmap::{Choice, Node, Req, Resource, ResourceKind, Roadmap, Skill, Stage};
pub use status::{SkillState, Status};
pub use steps::{Step, Suggestion};

/// The built-in backend-engineer roadmap, embedded in the binary.
pub const BUILTIN_ROADMAP: &str = include_str!("../../roadmap.json");
/// How the built-in roadmap is named in messages.
pub const BUILTIN_NAME: &str = "built-in roadmap";

/// Loads the built-in roadmap.
pub fn builtin() -> Result<Roadmap, LoadError> {
    load(BUILTIN_ROADMAP.as_bytes(), BUILTIN_NAME)
}

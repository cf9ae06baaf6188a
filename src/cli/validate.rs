//! `roadmap validate [FILE]`: check a roadmap file and summarise it.

use std::path::Path;

use super::Failure;
use super::out::{self, line, plural};
use crate::model::Roadmap;
use crate::session::{RoadmapSource, load_file};

/// Loads `file` (or the roadmap in use) and prints a one-line summary, or
/// fails with every problem found.
pub fn validate(in_use: &RoadmapSource, file: Option<&Path>) -> Result<(), Failure> {
    let (name, loaded) = match file {
        Some(path) => (path.display().to_string(), load_file(path)),
        None => (in_use.name(), in_use.load()),
    };
    let roadmap = loaded?;
    let mut text = String::new();
    line!(
        text,
        "ok: {}: {}",
        crate::model::text::clean(&name),
        summary(&roadmap)
    );
    out::emit(&text)
}

/// `validate` without a file: the roadmap of this run; when it does not
/// load, how to get going again ([`crate::options::Origin::help`]).
pub fn validate_in_use(options: &crate::options::Options) -> Result<(), Failure> {
    validate(&options.roadmap, None).map_err(|failure| match (failure, options.origin.help()) {
        (Failure::Roadmap(error), Some(help)) => Failure::Unloadable { error, help },
        (failure, _) => failure,
    })
}

/// "2 stages, 5 skills, 4 count towards progress, 1 choice, 6 prerequisite
/// edges": what `validate` and `import` say of a roadmap.
pub fn summary(roadmap: &Roadmap) -> String {
    format!(
        "{}, {}, {} towards progress, {}, {}",
        plural(roadmap.stages.len(), "stage"),
        plural(roadmap.skills.len(), "skill"),
        match crate::model::progress::counted_total(roadmap) {
            1 => "1 counts".to_string(),
            n => format!("{n} count"),
        },
        plural(roadmap.choices.len(), "choice"),
        plural(roadmap.edge_count(), "prerequisite edge"),
    )
}

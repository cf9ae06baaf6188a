//! `roadmap use ID|FILE`: makes a roadmap the default for every command
//! and the interactive view. It must load first; nothing changes otherwise.

use std::path::Path;

use super::Failure;
use super::out::{self, line};
use crate::session::RoadmapSource;
use crate::store::library::{InUse, Library};

/// `configured`: the config file's `[defaults] roadmap`, which comes first.
pub fn use_roadmap(target: &Path, configured: Option<&Path>) -> Result<(), Failure> {
    let source = RoadmapSource::resolve(Some(target));
    let roadmap = source.load()?;
    let lib = Library::open()?;
    let (choice, named) = match &source {
        RoadmapSource::Builtin => (
            InUse::Builtin,
            crate::store::library::BUILTIN_ID.to_string(),
        ),
        RoadmapSource::Library { id, .. } => (InUse::Library { id: id.clone() }, id.clone()),
        RoadmapSource::File(path) => {
            // Absolute, so it still names the file from another folder.
            let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            let shown = path.display().to_string();
            (InUse::File { path }, shown)
        }
    };
    // Under the library's lock: a `roadmap remove` of the same roadmap
    // either ran before (then it is gone and nothing is chosen) or runs
    // after (and puts the built-in roadmap back).
    lib.update_state(|state| {
        match &choice {
            InUse::Library { id } if !lib.contains(id) => {
                return Err(Failure::User {
                    lines: vec![format!(
                        "'{id}' was removed from the library while it was being chosen; nothing changed"
                    )],
                    help: Some("`roadmap roadmaps` lists what is there".to_string()),
                });
            }
            InUse::File { path } => state.remember(path),
            _ => {}
        }
        state.in_use = choice.clone();
        Ok(())
    })?;
    let mut text = String::new();
    line!(text, "now using {named}: {}", roadmap.title);
    if let Some(config) = configured {
        line!(
            text,
            "note: your config file's [defaults] roadmap ({}) comes before this choice; \
             remove it there for this one to take effect (`roadmap config path` shows the file)",
            crate::model::text::clean(&config.display().to_string())
        );
    }
    out::emit(&text)
}

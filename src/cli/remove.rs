//! `roadmap remove ID`: removes an imported roadmap from the library (or
//! forgets a file used before). Progress is never touched: it stays in the
//! profile, and comes back if the roadmap is imported again.

use std::path::{Path, PathBuf};

use super::Failure;
use super::out::{self, line};
use crate::store::library::{BUILTIN_ID, InUse, Library};

pub fn remove(id: &str, profile: &str) -> Result<(), Failure> {
    if id == BUILTIN_ID {
        return Err(Failure::User {
            lines: vec!["the built-in roadmap cannot be removed".to_string()],
            help: Some("choose another default with: roadmap use ID".to_string()),
        });
    }
    let lib = Library::open()?;
    let mut text = String::new();
    if crate::import::is_valid_id(id) && lib.remove(id)? {
        line!(
            text,
            "removed '{id}' from the library; your progress on it stays in profile '{profile}' (import it again to pick up where you were)"
        );
        return out::emit(&text);
    }
    // A file used before: forget it (the file itself is left alone),
    // under the library's lock.
    let wanted = std::fs::canonicalize(id).unwrap_or_else(|_| PathBuf::from(id));
    let forgot = lib.update_state(|state| {
        let before = state.files.len();
        state.files.retain(|p| p != &wanted && p != Path::new(id));
        let in_use = matches!(&state.in_use, InUse::File { path } if path == &wanted || path == Path::new(id));
        if in_use {
            state.in_use = InUse::Builtin;
        }
        Ok::<bool, Failure>(state.files.len() < before || in_use)
    })?;
    if forgot {
        line!(
            text,
            "forgot the file {id} (the file itself is untouched); your progress on it stays in profile '{profile}'"
        );
        return out::emit(&text);
    }
    Err(Failure::User {
        lines: vec![format!("there is no roadmap '{id}' in the library")],
        help: Some("`roadmap roadmaps` lists what is there".to_string()),
    })
}

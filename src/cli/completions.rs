//! `roadmap completions SHELL` and the values it completes.
//!
//! The scripts are `clap_complete`'s dynamic ones: the shell calls `roadmap`
//! back with `ROADMAP_COMPLETE=<shell>` set, and `main` answers from the
//! same clap definition (so the scripts never drift from the CLI), with
//! skill ids, stage ids and profile names read from the roadmap and the
//! data folder in use.

use clap_complete::engine::CompletionCandidate;
use clap_complete::env::EnvCompleter;

use super::Failure;
use super::args::Shell;
use crate::options::Options;
use crate::session::{PROFILE_ENV, ROADMAP_ENV};

/// The variable the scripts set when they ask `roadmap` for completions.
pub const COMPLETE_ENV: &str = "ROADMAP_COMPLETE";

pub fn completions(shell: Shell) -> Result<(), Failure> {
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &clap_complete::env::Bash,
        Shell::Zsh => &clap_complete::env::Zsh,
        Shell::Fish => &clap_complete::env::Fish,
        Shell::Elvish => &clap_complete::env::Elvish,
        Shell::Powershell => &clap_complete::env::Powershell,
    };
    let mut script = Vec::new();
    completer
        .write_registration(COMPLETE_ENV, "roadmap", "roadmap", "roadmap", &mut script)
        .map_err(Failure::Output)?;
    super::out::emit(&String::from_utf8_lossy(&script))
}

/// The options in use while completing: the environment and the config
/// (flags on the line being completed are not seen).
fn options() -> Option<Options> {
    let roadmap = std::env::var_os(ROADMAP_ENV).filter(|v| !v.is_empty());
    let profile = std::env::var(PROFILE_ENV).ok().filter(|v| !v.is_empty());
    Options::load_for_commands(
        roadmap.as_deref().map(std::path::Path::new),
        profile.as_deref(),
    )
    .ok()
    .map(|(options, _)| options)
}

/// Skill ids of the roadmap in use, with their titles as help.
pub fn skills() -> Vec<CompletionCandidate> {
    let Some(roadmap) = options().and_then(|o| o.roadmap.load().ok()) else {
        return Vec::new();
    };
    roadmap
        .skills
        .iter()
        .map(|s| CompletionCandidate::new(&s.id).help(Some(s.title.clone().into())))
        .collect()
}

/// Skill ids and choice ids of the roadmap in use (what `show` takes).
pub fn skills_and_choices() -> Vec<CompletionCandidate> {
    let Some(roadmap) = options().and_then(|o| o.roadmap.load().ok()) else {
        return Vec::new();
    };
    let choices = roadmap
        .choices
        .iter()
        .map(|c| CompletionCandidate::new(&c.id).help(Some(format!("choice: {}", c.title).into())));
    roadmap
        .skills
        .iter()
        .map(|s| CompletionCandidate::new(&s.id).help(Some(s.title.clone().into())))
        .chain(choices)
        .collect()
}

/// Stage ids of the roadmap in use.
pub fn stages() -> Vec<CompletionCandidate> {
    let Some(roadmap) = options().and_then(|o| o.roadmap.load().ok()) else {
        return Vec::new();
    };
    roadmap
        .stages
        .iter()
        .map(|s| CompletionCandidate::new(&s.id).help(Some(s.title.clone().into())))
        .collect()
}

/// Profile names in the data folder.
pub fn profiles() -> Vec<CompletionCandidate> {
    crate::store::paths::data_dir()
        .and_then(|d| crate::store::paths::list_profiles(&d))
        .unwrap_or_default()
        .into_iter()
        .map(CompletionCandidate::new)
        .collect()
}

/// Imported roadmaps' ids, and `builtin`.
pub fn roadmaps() -> Vec<CompletionCandidate> {
    let imported = crate::store::library::Library::open()
        .and_then(|lib| lib.ids())
        .unwrap_or_default();
    std::iter::once(crate::store::library::BUILTIN_ID.to_string())
        .chain(imported)
        .map(CompletionCandidate::new)
        .collect()
}

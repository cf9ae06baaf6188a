//! `roadmap profiles rename OLD NEW` and `roadmap profiles delete NAME`.

use std::io::{BufRead, IsTerminal, Write};

use chrono::{DateTime, Utc};

use super::Failure;
use super::args::ProfilesAction;
use super::out::{self, line};
use crate::options::Options;
use crate::store::{Store, StoreError};

pub fn manage(
    action: &ProfilesAction,
    options: &Options,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    match action {
        ProfilesAction::Rename { old, new } => rename(old, new, options),
        ProfilesAction::Delete { name, yes } => delete(name, *yes, now),
    }
}

fn rename(old: &str, new: &str, options: &Options) -> Result<(), Failure> {
    let store = Store::open(old)?;
    let file = store.rename_to(new)?;
    let mut text = String::new();
    line!(text, "renamed profile {old} to {new} ({})", file.display());
    if options.config.defaults.profile.as_deref() == Some(old) {
        line!(
            text,
            "note: your config file's [defaults] profile is still '{old}': change it to '{new}' (`roadmap config path` shows the file)"
        );
    }
    if std::env::var(crate::session::PROFILE_ENV).ok().as_deref() == Some(old) {
        line!(
            text,
            "note: {} is still '{old}' in this shell: set it to '{new}'",
            crate::session::PROFILE_ENV
        );
    }
    out::emit(&text)
}

fn delete(name: &str, yes: bool, now: DateTime<Utc>) -> Result<(), Failure> {
    let store = Store::open(name)?;
    if !store.paths().file.exists() {
        return Err(StoreError::NoProfile {
            name: name.to_string(),
            dir: store.dir().to_path_buf(),
        }
        .into());
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(Failure::User {
                lines: vec![format!(
                    "not deleting profile '{name}' without a confirmation; nothing was changed"
                )],
                help: Some(format!(
                    "run it on a terminal to be asked, or add --yes: roadmap profiles delete {name} --yes"
                )),
            });
        }
        if !confirm(&format!(
            "Delete profile '{name}' ({})? A copy is kept in the same folder. [y/N] ",
            store.paths().file.display()
        )) {
            return out::emit("Nothing was deleted.\n");
        }
    }
    let kept = store.delete_keeping_copy(now)?;
    let mut text = String::new();
    line!(
        text,
        "deleted profile {name}; a copy is kept as {}",
        kept.display()
    );
    line!(
        text,
        "to bring it back: mv {} {}",
        crate::editor::shell_word(&kept),
        crate::editor::shell_word(&store.paths().file)
    );
    out::emit(&text)
}

/// Asks on the terminal; true only for an answer starting with y.
fn confirm(question: &str) -> bool {
    let mut stderr = std::io::stderr();
    let _ = stderr.write_all(question.as_bytes());
    let _ = stderr.flush();
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    answer.trim().to_lowercase().starts_with('y')
}

//! `roadmap sync [--folder DIR | --git URL] [--json]`: sync now, and say
//! what came in and what went out. And, with `[sync] folder` set, writing
//! every saved change out to the folder after each command.

use std::io::IsTerminal;
use std::path::Path;

use serde::Serialize;

use super::Failure;
use super::out::{self, line};
use crate::model::text::clean;
use crate::options::Options;
use crate::store::data_dir;
use crate::store::sync::{self, Context, Report, SyncError, Target};

/// Exit code when nothing is wrong but the remote could not be reached:
/// the changes are safe here and go out on the next sync (`EX_TEMPFAIL`, as
/// mail tools use it: try again later).
pub const EXIT_NOT_SYNCED: u8 = 75;

const NOT_SET_UP: &str = "sync is not set up: nothing was synced";
const SET_UP_HELP: &str = "help: put one of these in your config file (`roadmap config path` says where):\n  \
    [sync]\n  folder = \"~/Sync/roadmap\"               # a folder Syncthing, Dropbox or a share keeps in step\n  \
    [sync]\n  git = \"git@host:me/roadmap-sync.git\"   # a git remote, with your own git and keys\n\
    or sync once with --folder DIR or --git URL (see the README's \"Sync\").";

#[derive(Serialize)]
struct NotSynced<'a> {
    synced: bool,
    via: &'static str,
    #[serde(rename = "where")]
    place: &'a str,
    reason: String,
}

#[derive(Serialize)]
struct Synced<'a> {
    synced: bool,
    #[serde(flatten)]
    report: &'a Report,
}

pub fn sync(
    options: &Options,
    folder: Option<&Path>,
    git: Option<&str>,
    json: bool,
) -> Result<(), Failure> {
    let target = match (folder, git) {
        (Some(f), _) => Target::Folder(crate::config::sync_folder(f, None)),
        (None, Some(url)) => Target::Git(url.to_string()),
        (None, None) => options.config.sync.clone().ok_or_else(|| Failure::User {
            lines: vec![NOT_SET_UP.to_string()],
            help: Some(SET_UP_HELP.to_string()),
        })?,
    };
    let mut ctx = Context::new(&data_dir()?);
    ctx.git.interactive =
        !json && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    match sync::sync(&ctx, &target) {
        Ok(report) => {
            warn(&report);
            if json {
                out::emit_json(&Synced {
                    synced: true,
                    report: &report,
                })
            } else {
                out::emit(&describe(&report))
            }
        }
        Err(e) => {
            let (via, place) = match &target {
                Target::Folder(p) => ("folder", p.display().to_string()),
                Target::Git(url) => ("git", url.clone()),
            };
            if json && matches!(e, SyncError::Offline { .. }) {
                out::emit_json(&NotSynced {
                    synced: false,
                    via,
                    place: &place,
                    reason: e.to_string(),
                })?;
            }
            Err(failure(e))
        }
    }
}

fn failure(e: SyncError) -> Failure {
    match e {
        SyncError::Offline { .. } => Failure::NotSynced(e.to_string()),
        SyncError::Store(e) => Failure::Store(e),
        other => Failure::User {
            lines: vec![other.to_string()],
            help: None,
        },
    }
}

/// Files refused and trouble here, on stderr: the sync itself went on.
fn warn(report: &Report) {
    let mut text = String::new();
    for r in &report.refused {
        line!(
            text,
            "warning: refused {}: {}; nothing in it was used and it was left as it is \
             (its machine writes it anew when it next syncs)",
            r.file.display(),
            r.why
        );
    }
    for p in &report.problems {
        line!(text, "warning: {p}");
    }
    if !text.is_empty() {
        out::emit_err(&text);
    }
}

/// What a sync did, in a few lines.
pub fn describe(report: &Report) -> String {
    let mut text = String::new();
    let others: Vec<String> = report.machines.iter().map(sync::Machine::label).collect();
    let how = match report.via {
        "git" => format!("the git remote {}", clean(&report.place)),
        _ => format!("the folder {}", clean(&report.place)),
    };
    match others.len() {
        0 => line!(
            text,
            "Synced {} through {how}; no other machine has synced there yet.",
            report.machine.label()
        ),
        n => line!(
            text,
            "Synced {} through {how} with {} other machine{}: {}.",
            report.machine.label(),
            n,
            if n == 1 { "" } else { "s" },
            others.join(", ")
        ),
    }
    line!(text, "{}", summary(report));
    text
}

/// `Came in: …; went out: ….` in one line.
fn summary(report: &Report) -> String {
    let line = report.summary();
    let mut chars = line.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect::<String>() + ".")
        .unwrap_or_default()
}

/// With `[sync] folder` set: writes this machine's file out if a command
/// saved anything, so other machines see it without anyone syncing. A
/// failure is a warning: the change is saved here and goes out later.
pub fn after_command(options: &Options) {
    let Some(Target::Folder(folder)) = &options.config.sync else {
        return;
    };
    let Ok(dir) = data_dir() else { return };
    if !dir.is_dir() {
        return;
    }
    let mut ctx = Context::new(&dir);
    ctx.lock_wait = std::time::Duration::from_secs(10);
    if let Err(e) = sync::publish(&ctx, folder) {
        out::emit_err(&format!(
            "warning: saved here, but not written to the sync folder: {e}; it goes out with the next sync\n"
        ));
    }
}

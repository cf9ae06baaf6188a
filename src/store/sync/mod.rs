//! Sync between machines, riding on a folder that Syncthing, Dropbox,
//! iCloud Drive or a share keeps in step ([`sync_folder`]), or on a git
//! remote ([`git::sync_git`]); never on a protocol of our own.
//!
//! Each machine writes only its own file (`roadmap-<id>.json`, see
//! [`machine_file`]) holding all its profiles and its library's roadmaps.
//! Syncing reads every machine's file, the conflict copies the tools make
//! included, merges them into the local profiles with the profiles' own
//! rules ([`crate::store::merge`]), then writes this machine's file anew.
//! Merging is commutative, associative and idempotent, so machines that
//! sync in any order end up with the same profiles.

pub mod error;
pub mod folder;
pub mod git;
pub mod library;
pub mod machine;
pub mod machine_file;
pub mod state;
pub mod tally;

use std::collections::BTreeMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;

pub use error::SyncError;
pub use folder::Refused;
pub use machine::Machine;
pub use tally::Counts;

use machine_file::MachineFile;
use state::StateDir;

use crate::model::Profile;
use crate::store::library::Library;
use crate::store::{Store, list_profiles};

/// How long a sync waits for another sync on this machine to finish.
pub const LOCK_WAIT: Duration = Duration::from_secs(30);

/// Where this machine syncs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A folder another program keeps in step between machines.
    Folder(PathBuf),
    /// A git remote, reached with the user's own `git`.
    Git(String),
}

impl Target {
    /// How it is named in messages.
    pub fn describe(&self) -> String {
        match self {
            Target::Folder(p) => format!("folder {}", p.display()),
            Target::Git(url) => format!("git remote {url}"),
        }
    }
}

/// What one sync did.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// "folder" or "git".
    pub via: &'static str,
    /// The folder, or the remote's address.
    #[serde(rename = "where")]
    pub place: String,
    /// This machine.
    pub machine: Machine,
    /// The other machines whose files were read, as people see them.
    pub machines: Vec<Machine>,
    /// What came into this machine's profiles and library.
    pub came_in: Counts,
    /// What this machine's file now holds that it did not before.
    pub went_out: Counts,
    /// Files in the folder that were refused (nothing in them was used).
    pub refused: Vec<Refused>,
    /// Trouble here that did not stop the rest (a damaged local profile, a
    /// roadmap that did not load).
    pub problems: Vec<String>,
}

impl Report {
    /// `came in: 3 changes, 1 note; went out: 2 changes` (or `nothing new
    /// came in`, `nothing new went out`).
    pub fn summary(&self) -> String {
        let part = |word: &str, c: &Counts| {
            if c.is_empty() {
                format!("nothing new {word}")
            } else {
                format!("{word}: {}", c.describe())
            }
        };
        format!(
            "{}; {}",
            part("came in", &self.came_in),
            part("went out", &self.went_out)
        )
    }
}

/// Everything a sync needs besides where to.
#[derive(Debug, Clone)]
pub struct Context {
    /// The data folder (profiles, the library, `sync/`).
    pub data_dir: PathBuf,
    /// Where stamps are taken (tests: a clock that is behind or ahead).
    pub clock: fn() -> DateTime<Utc>,
    pub lock_wait: Duration,
    /// How git may behave (ask at a terminal, or never).
    pub git: git::GitOptions,
}

impl Context {
    pub fn new(data_dir: &Path) -> Context {
        Context {
            data_dir: data_dir.to_path_buf(),
            clock: Utc::now,
            lock_wait: LOCK_WAIT,
            git: git::GitOptions::default(),
        }
    }

    #[must_use]
    pub fn with_clock(mut self, clock: fn() -> DateTime<Utc>) -> Context {
        self.clock = clock;
        self
    }

    fn state_dir(&self) -> StateDir {
        StateDir::at(&self.data_dir)
    }
}

/// Syncs through `target` now.
pub fn sync(ctx: &Context, target: &Target) -> Result<Report, SyncError> {
    match target {
        Target::Folder(folder) => sync_folder(ctx, folder),
        Target::Git(url) => git::sync_git(ctx, url, &ctx.git),
    }
}

/// Syncs through a folder kept in step by another program.
pub fn sync_folder(ctx: &Context, folder: &Path) -> Result<Report, SyncError> {
    let states = ctx.state_dir();
    let _lock = states.lock(ctx.lock_wait)?;
    let machine = machine::this_machine(&states.dir)?;
    folder::prepare(folder)?;
    let mut report = exchange(ctx, &machine, folder)?;
    report.via = "folder";
    report.place = folder.display().to_string();
    Ok(report)
}

/// Writes this machine's file into `folder` if anything was saved since it
/// was last written (nothing else: other machines' files are read by the
/// next sync). Returns whether it wrote. With `[sync] folder` set, every
/// saved change goes out this way without a command.
pub fn publish(ctx: &Context, folder: &Path) -> Result<bool, SyncError> {
    let states = ctx.state_dir();
    let _lock = states.lock(ctx.lock_wait)?;
    let mut state = states.load()?;
    // Taken before anything is read: a change saved meanwhile makes the
    // next publish write again, never the other way round.
    let print = fingerprint(&ctx.data_dir, folder);
    if state.published.as_deref() == Some(print.as_str()) {
        return Ok(false);
    }
    let machine = machine::this_machine(&states.dir)?;
    folder::prepare(folder)?;
    let own_path = folder.join(machine_file::file_name(&machine.id));
    let previous = folder::read_one(&own_path).ok();
    let mut problems = Vec::new();
    let mut own = MachineFile {
        machine: Some(machine.clone()),
        unknown: previous
            .as_ref()
            .map(|p| p.unknown.clone())
            .unwrap_or_default(),
        ..MachineFile::default()
    };
    for name in list_profiles(&ctx.data_dir)? {
        match Store::at(&ctx.data_dir, &name).and_then(|s| s.load()) {
            Ok(p) => {
                own.profiles.insert(name, p);
            }
            Err(e) => carry_over(
                &mut own,
                previous.as_ref(),
                &name,
                &e.to_string(),
                &mut problems,
            ),
        }
    }
    let lib = Library::at(&ctx.data_dir);
    let (roadmaps, _) = library::local_entries(&lib, &mut state, (ctx.clock)());
    own.roadmaps = roadmaps;
    write(&states, folder, &machine, &own)?;
    state.published = Some(print);
    states.save(&state)?;
    Ok(true)
}

/// Reads every machine file in `folder`, merges them into this machine's
/// profiles and library, and writes this machine's file. Call with the
/// sync lock held.
pub(crate) fn exchange(
    ctx: &Context,
    machine: &Machine,
    folder: &Path,
) -> Result<Report, SyncError> {
    let states = ctx.state_dir();
    let mut state = states.load()?;
    let print = fingerprint(&ctx.data_dir, folder);
    let (found, refused) = folder::read_all(folder)?;
    let previous = found
        .iter()
        .find(|f| f.owner == machine.id && !f.copy)
        .map(|f| &f.file);

    // Every machine's profiles, merged by name, before touching ours.
    let mut incoming: BTreeMap<&str, Profile> = BTreeMap::new();
    for f in &found {
        for (name, profile) in &f.file.profiles {
            match incoming.get_mut(name.as_str()) {
                Some(p) => crate::store::merge::merge(p, profile),
                None => {
                    incoming.insert(name, profile.clone());
                }
            }
        }
    }
    let mut came_in = Counts::default();
    let mut problems = Vec::new();
    let mut own = MachineFile {
        machine: Some(machine.clone()),
        unknown: previous.map(|p| p.unknown.clone()).unwrap_or_default(),
        ..MachineFile::default()
    };
    merge_profiles(
        ctx,
        &incoming,
        previous,
        &mut own,
        &mut came_in,
        &mut problems,
    )?;

    let lib = Library::at(&ctx.data_dir);
    let (mut roadmaps, trouble) = library::local_entries(&lib, &mut state, (ctx.clock)());
    problems.extend(trouble);
    let theirs: Vec<(String, &BTreeMap<String, machine_file::RoadmapEntry>)> = found
        .iter()
        .map(|f| (label_of(f), &f.file.roadmaps))
        .collect();
    let taken = library::take(&lib, &mut state, &mut roadmaps, &theirs);
    came_in.roadmaps = taken.changed;
    problems.extend(taken.refused);
    own.roadmaps = roadmaps;

    // What went out: what this machine's file holds that no file in the
    // folder held yet (changes saved here were often written out already,
    // as they were saved).
    let mut went_out = Counts::default();
    for (name, profile) in &own.profiles {
        went_out.add(name, incoming.get(name.as_str()), profile);
    }
    went_out.roadmaps = own
        .roadmaps
        .iter()
        .filter(|(id, e)| {
            let best = found
                .iter()
                .filter_map(|f| f.file.roadmaps.get(*id))
                .map(machine_file::RoadmapEntry::rank)
                .max();
            best.is_none_or(|b| e.rank() > b) && (e.text().is_some() || best.is_some())
        })
        .map(|(id, _)| id.clone())
        .collect();

    if previous.is_none_or(|p| !same_content(p, &own)) {
        write(&states, folder, machine, &own)?;
    }
    folder::remove_merged_copies(&found, &machine.id);
    state.published = Some(print);
    states.save(&state)?;

    let mut machines: Vec<Machine> = Vec::new();
    for f in found.iter().filter(|f| f.owner != machine.id) {
        let m = f.file.machine.clone().unwrap_or(Machine {
            id: f.owner.clone(),
            host: String::new(),
        });
        if !machines.iter().any(|x| x.id == m.id) {
            machines.push(m);
        }
    }
    Ok(Report {
        via: "folder",
        place: folder.display().to_string(),
        machine: machine.clone(),
        machines,
        came_in,
        went_out,
        refused,
        problems,
    })
}

/// Merges `incoming` (every machine's profiles, by name) into this
/// machine's profiles, each under its lock, and puts the results in `own`.
fn merge_profiles(
    ctx: &Context,
    incoming: &BTreeMap<&str, Profile>,
    previous: Option<&MachineFile>,
    own: &mut MachineFile,
    came_in: &mut Counts,
    problems: &mut Vec<String>,
) -> Result<(), SyncError> {
    let mut names: Vec<String> = list_profiles(&ctx.data_dir)?;
    names.extend(incoming.keys().map(|n| (*n).to_string()));
    names.sort();
    names.dedup();
    for name in names {
        let merged = Store::at(&ctx.data_dir, &name).and_then(|store| {
            let existed = store.paths().file.exists();
            let theirs = incoming.get(name.as_str());
            let (after, before) = store.update(|disk| {
                let before = existed.then(|| disk.clone());
                if let Some(theirs) = theirs {
                    crate::store::merge::merge(disk, theirs);
                }
                before
            })?;
            Ok((after, before))
        });
        match merged {
            Ok((after, before)) => {
                came_in.add(&name, before.as_ref(), &after);
                own.profiles.insert(name, after);
            }
            Err(e) => carry_over(own, previous, &name, &e.to_string(), problems),
        }
    }
    Ok(())
}

/// Whether two machine files hold the same things.
fn same_content(a: &MachineFile, b: &MachineFile) -> bool {
    a.machine == b.machine
        && a.profiles == b.profiles
        && a.roadmaps == b.roadmaps
        && a.unknown == b.unknown
}

/// Keeps profile `name` as this machine's file last held it when it cannot
/// be read here now: what other machines have not seen yet stays in the
/// folder until the profile is mended.
fn carry_over(
    own: &mut MachineFile,
    previous: Option<&MachineFile>,
    name: &str,
    error: &str,
    problems: &mut Vec<String>,
) {
    if let Some(p) = previous.and_then(|p| p.profiles.get(name)) {
        own.profiles.insert(name.to_string(), p.clone());
    }
    problems.push(format!(
        "profile '{name}' was not synced: {error}; what this machine sent before stays in the sync folder"
    ));
}

fn label_of(f: &folder::Found) -> String {
    f.file
        .machine
        .as_ref()
        .map_or_else(|| f.owner.clone(), Machine::label)
}

fn write(
    states: &StateDir,
    folder: &Path,
    machine: &Machine,
    own: &MachineFile,
) -> Result<(), SyncError> {
    let capacity = own.profiles.len() * 4096;
    let bytes = own.to_bytes(capacity).map_err(|e| SyncError::Damaged {
        path: folder.to_path_buf(),
        detail: e.to_string(),
    })?;
    folder::write_own(folder, &states.dir, &machine.id, &bytes)
}

/// What this machine's file is made from, in one string: every profile's
/// and library roadmap's file identity (size, time, inode), and where the
/// file goes. Equal strings: nothing was saved since.
pub fn fingerprint(data_dir: &Path, folder: &Path) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(folder.as_os_str().as_encoded_bytes());
    let lib = Library::at(data_dir);
    let mut files: Vec<PathBuf> = list_profiles(data_dir)
        .unwrap_or_default()
        .iter()
        .map(|n| data_dir.join(format!("{n}.json")))
        .collect();
    files.extend(
        lib.ids()
            .unwrap_or_default()
            .iter()
            .map(|id| lib.path_of(id)),
    );
    for f in files {
        h.write(f.as_os_str().as_encoded_bytes());
        if let Ok(meta) = std::fs::symlink_metadata(&f) {
            h.write_u64(meta.len());
            if let Ok(t) = meta.modified()
                && let Ok(d) = t.duration_since(std::time::UNIX_EPOCH)
            {
                h.write_u128(d.as_nanos());
            }
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                h.write_u64(meta.ino());
                h.write_u64(meta.dev());
            }
        }
    }
    format!("{:016x}", h.finish())
}

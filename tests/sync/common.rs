//! Machines for sync tests: each a data folder of its own (its own machine
//! id), a clock of its own (behind or ahead of the others), and the
//! `roadmap` binary run on it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use roadmap::model::{NoteEdit, Roadmap, Status};
use roadmap::store::Store;
use roadmap::store::library::Library;
use roadmap::store::sync::{self, Context, Report, SyncError};

pub const BIN: &str = env!("CARGO_BIN_EXE_roadmap");

pub fn small_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json")
}

pub fn small() -> Roadmap {
    roadmap::model::load(&std::fs::read(small_path()).unwrap(), "small.json").unwrap()
}

/// Clocks a machine may have.
pub fn on_time() -> DateTime<Utc> {
    Utc::now()
}
pub fn hours_behind() -> DateTime<Utc> {
    Utc::now() - Duration::hours(7)
}
pub fn hours_ahead() -> DateTime<Utc> {
    Utc::now() + Duration::hours(9)
}
pub fn years_behind() -> DateTime<Utc> {
    Utc::now() - Duration::days(3 * 365)
}
pub fn years_ahead() -> DateTime<Utc> {
    Utc::now() + Duration::days(2 * 365)
}

/// One machine: a data folder and a clock.
pub struct Machine {
    pub home: PathBuf,
    pub clock: fn() -> DateTime<Utc>,
}

impl Machine {
    pub fn new(root: &Path, name: &str, clock: fn() -> DateTime<Utc>) -> Machine {
        let home = root.join(name);
        std::fs::create_dir_all(&home).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        Machine { home, clock }
    }

    pub fn store(&self, profile: &str) -> Store {
        Store::at(&self.home, profile)
            .unwrap()
            .with_clock(self.clock)
    }

    pub fn set(&self, profile: &str, skill: &str, status: Status) {
        let r = small();
        let i = r.skill_index(skill).unwrap();
        self.store(profile)
            .update_now(|p, now| p.set_status(&r, i, status, now))
            .unwrap();
    }

    pub fn note(&self, skill: &str, text: &str) {
        let r = small();
        let i = r.skill_index(skill).unwrap();
        self.store("default")
            .update_now(|p, now| p.edit_note(&r, i, &NoteEdit::Append(text.to_string()), now))
            .unwrap();
    }

    pub fn goal(&self, date: &str) {
        let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        self.store("default")
            .update_now(|p, now| p.set_goal("small", Some(d), now))
            .unwrap();
    }

    pub fn import(&self, id: &str, title: &str) {
        let mut value = roadmap::synth::roadmap_value(3);
        value["id"] = id.into();
        value["title"] = title.into();
        let text = serde_json::to_string_pretty(&value).unwrap();
        roadmap::model::load(text.as_bytes(), id).unwrap();
        Library::at(&self.home).save(id, text.as_bytes()).unwrap();
    }

    pub fn ctx(&self) -> Context {
        Context::new(&self.home).with_clock(self.clock)
    }

    pub fn sync(&self, folder: &Path) -> Report {
        sync::sync_folder(&self.ctx(), folder).unwrap()
    }

    pub fn try_sync(&self, folder: &Path) -> Result<Report, SyncError> {
        sync::sync_folder(&self.ctx(), folder)
    }

    /// The bytes of a profile file.
    pub fn profile_bytes(&self, profile: &str) -> Vec<u8> {
        std::fs::read(self.home.join(format!("{profile}.json"))).unwrap_or_default()
    }

    /// `roadmap ARGS` on this machine's data folder, on the small roadmap.
    pub fn cmd(&self, args: &[&str]) -> Command {
        self.cmd_on(&small_path().display().to_string(), args)
    }

    /// `roadmap --roadmap ROADMAP ARGS` on this machine's data folder.
    pub fn cmd_on(&self, roadmap: &str, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.env("ROADMAP_HOME", &self.home)
            .env("ROADMAP_CONFIG", self.home.join("no-config.toml"))
            .env_remove("ROADMAP_FILE")
            .env_remove("ROADMAP_PROFILE")
            .arg("--roadmap")
            .arg(roadmap)
            .args(args);
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    /// Stdout of a command that must succeed.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

/// A private folder (0700) inside `root`.
pub fn private_dir(root: &Path, name: &str) -> PathBuf {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    dir
}

/// Names in `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Every machine holds the same profiles, byte for byte, and says the same
/// in `status --json` and in each note.
pub fn assert_converged(machines: &[&Machine], profiles: &[&str], notes: &[&str]) {
    let first = machines[0];
    for m in &machines[1..] {
        for p in profiles {
            assert_eq!(
                String::from_utf8_lossy(&first.profile_bytes(p)),
                String::from_utf8_lossy(&m.profile_bytes(p)),
                "profile {p} differs between {} and {}",
                first.home.display(),
                m.home.display()
            );
        }
    }
    let status: Vec<String> = machines
        .iter()
        .map(|m| m.ok(&["status", "--json"]))
        .collect();
    assert!(status.windows(2).all(|w| w[0] == w[1]), "{status:?}");
    for skill in notes {
        let shown: Vec<String> = machines
            .iter()
            .map(|m| m.ok(&["note", skill, "--show"]))
            .collect();
        assert!(shown.windows(2).all(|w| w[0] == w[1]), "{shown:?}");
    }
}

//! A temporary data folder plus helpers to run `roadmap` in it.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The small test roadmap, relative to the crate root.
pub const SMALL: &str = "tests/fixtures/small.json";

/// One isolated environment: a temporary `ROADMAP_HOME`.
pub struct Env {
    pub home: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            home: TempDir::new().unwrap(),
        }
    }

    /// `roadmap` with the data folder set and no roadmap or profile
    /// inherited from the environment.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_roadmap"));
        cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("ROADMAP_HOME", self.home.path())
            // Never the user's config file: one that does not exist.
            .env("ROADMAP_CONFIG", self.home.path().join("no-config.toml"))
            // Never the real roadmap.sh: nothing answers there.
            .env("ROADMAP_SH_URL", "http://127.0.0.1:9")
            .env_remove("ROADMAP_FILE")
            .env_remove("ROADMAP_PROFILE");
        cmd
    }

    /// `roadmap --roadmap tests/fixtures/small.json ARGS`.
    pub fn small(&self, args: &[&str]) -> Command {
        let mut cmd = self.bare();
        cmd.arg("--roadmap").arg(SMALL).args(args);
        cmd
    }

    /// Runs `args` on the small roadmap, expects success, returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.small(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }

    /// Runs `args` (which must include `--json`) on the small roadmap and
    /// parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// Path of a profile file in the data folder.
    pub fn profile_file(&self, name: &str) -> PathBuf {
        self.home.path().join(format!("{name}.json"))
    }

    /// Writes `contents` to `name` in the data folder and returns its path.
    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.home.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }
}

/// Stdout and stderr of a finished command, as text.
pub fn texts(assert: &assert_cmd::assert::Assert) -> (String, String) {
    let out = assert.get_output();
    (
        String::from_utf8(out.stdout.clone()).unwrap(),
        String::from_utf8(out.stderr.clone()).unwrap(),
    )
}

/// The small roadmap as JSON, to derive variants from.
pub fn small_json() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SMALL);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The ids of a JSON array of objects with an "id" field.
pub fn ids(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

//! A temporary data folder, the `roadmap` binary run in it, and checks
//! shared by the reliability tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use roadmap::model::{Profile, text::is_unsafe};
use roadmap::store::Store;
use tempfile::TempDir;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_roadmap");

/// The small test roadmap.
pub fn small_roadmap() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json")
}

/// A file of the hostile corpus.
pub fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// One isolated environment: a temporary folder holding the data folder
/// (`ROADMAP_HOME`, created on first save) and any roadmap files.
pub struct Env {
    pub root: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            root: TempDir::new().unwrap(),
        }
    }

    /// The data folder (`ROADMAP_HOME`).
    pub fn home(&self) -> PathBuf {
        self.root.path().join("data")
    }

    /// The default profile's file.
    pub fn profile(&self) -> PathBuf {
        self.home().join("default.json")
    }

    /// `roadmap` with the data folder set and nothing inherited that could
    /// point it elsewhere.
    pub fn cmd(&self) -> Command {
        cmd_at(&self.home())
    }

    /// `roadmap --roadmap FILE ARGS`.
    pub fn with(&self, roadmap: &Path, args: &[&str]) -> Command {
        let mut c = self.cmd();
        c.arg("--roadmap").arg(roadmap).args(args);
        c
    }

    /// Runs `args` on `roadmap`, expects success, returns stdout.
    pub fn ok(&self, roadmap: &Path, args: &[&str]) -> String {
        let out = self.with(roadmap, args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    }

    /// Runs `args` on `roadmap`, expects exit code 1 and nothing on stdout,
    /// returns stderr.
    pub fn fails(&self, roadmap: &Path, args: &[&str]) -> String {
        failure(&self.with(roadmap, args).output().unwrap(), args)
    }

    /// Writes a file in the temporary folder (outside the data folder).
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// The default profile as the library reads it.
    pub fn load(&self) -> Profile {
        Store::at(&self.home(), "default").unwrap().load().unwrap()
    }
}

/// `roadmap` with `ROADMAP_HOME` set to `home`.
pub fn cmd_at(home: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.env("ROADMAP_HOME", home)
        .env("ROADMAP_CONFIG", home.join("no-config.toml"))
        // Never the real roadmap.sh: nothing answers there.
        .env("ROADMAP_SH_URL", "http://127.0.0.1:9")
        .env_remove("ROADMAP_FILE")
        .env_remove("ROADMAP_PROFILE");
    c
}

/// Checks exit code 1 with an empty stdout; returns stderr.
pub fn failure(out: &Output, what: &[&str]) -> String {
    assert_eq!(
        out.status.code(),
        Some(1),
        "{what:?} should exit 1; stdout: {} stderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout), "", "nothing on stdout for {what:?}");
    let err = text(&out.stderr);
    assert_no_controls(&err);
    err
}

/// Output as text; it must be valid UTF-8.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

/// Nothing in `s` can drive a terminal: no ESC, BEL or other C0 control
/// but the line break, no C1 control, no bidirectional override.
pub fn assert_no_controls(s: &str) {
    let bad: Vec<(usize, char)> = s
        .char_indices()
        .filter(|&(_, c)| c != '\n' && is_unsafe(c))
        .collect();
    assert!(bad.is_empty(), "control characters {bad:?} in {s:?}");
}

/// A roadmap of `n` independent skills `s0…` in one stage.
pub fn flat_roadmap(id: &str, n: usize) -> String {
    let skills: Vec<serde_json::Value> = (0..n)
        .map(|i| serde_json::json!({ "id": format!("s{i}"), "title": format!("Skill {i}") }))
        .collect();
    serde_json::json!({
        "version": 1, "id": id, "title": "Flat",
        "stages": [{ "id": "all", "title": "All", "skills": skills }]
    })
    .to_string()
}

/// Names of the files in `dir` whose names end in `.tmp`.
pub fn temp_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension() == Some("tmp".as_ref()))
        .collect()
}

/// Far longer than any command takes; a command still running then hangs.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Runs `cmd`, killing it if it has not ended within [`TIMEOUT`]; fails the
/// test then (a hang), else returns its output.
pub fn run_guarded(mut cmd: Command, what: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {TIMEOUT:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

/// Makes a named pipe at `path`.
pub fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

//! Sync survives SIGKILL: two machines (data folders) share a sync folder;
//! on each, a loop marks skills done (each change written out to the
//! folder as it is saved, `[sync] folder`) and syncs, both at once. The
//! test kills both loops at random moments, over and over. After every
//! kill, every file in the folder is a whole machine file (never half of
//! one, never a temporary file of ours); at the end, once each machine has
//! synced, every acknowledged change is on both machines.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use roadmap::model::Status;
use roadmap::store::Store;
use roadmap::store::sync::{folder, machine_file};

use crate::common::{BIN, Env, flat_roadmap};

const ROUNDS: usize = 40;
const SKILLS: usize = 400;

const LOOP: &str = r#"i=$START
while :; do
  "$ROADMAP_BIN" --roadmap "$ROADMAP" done "s$i" >/dev/null || exit 3
  echo "ack $i"
  "$ROADMAP_BIN" sync >/dev/null || exit 4
  i=$((i + 1))
done"#;

/// A small deterministic generator for kill moments.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

struct Running {
    child: Child,
    lines: mpsc::Receiver<String>,
}

fn start(env: &Env, home: &Path, config: &Path, roadmap: &Path, from: usize) -> Running {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(LOOP)
        .env("ROADMAP_BIN", BIN)
        .env("ROADMAP", roadmap)
        .env("ROADMAP_HOME", home)
        .env("ROADMAP_CONFIG", config)
        .env_remove("ROADMAP_FILE")
        .env_remove("ROADMAP_PROFILE")
        .env("START", from.to_string())
        .process_group(0)
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(env.root.path().join(format!("{from}.err"))).unwrap())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    Running { child, lines }
}

/// Kills the loop's whole process group; returns the skills it acknowledged.
fn kill(env: &Env, mut r: Running, from: usize) -> Vec<usize> {
    let pgid = r.child.id();
    let killed = Command::new("kill")
        .args(["-9", "--", &format!("-{pgid}")])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = r.child.wait().unwrap();
    let err = std::fs::read_to_string(env.root.path().join(format!("{from}.err"))).unwrap();
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(9),
        "the loop died of the kill, not of an error: {err}"
    );
    assert!(
        !err.contains("refused"),
        "a half-written file was seen: {err}"
    );
    let mut acked = Vec::new();
    while let Ok(line) = r.lines.recv_timeout(Duration::from_secs(5)) {
        if let Some(n) = line.strip_prefix("ack ") {
            acked.push(n.parse().unwrap());
        }
    }
    acked
}

#[test]
fn sigkill_during_sync_loses_no_acknowledged_change_on_any_machine() {
    let env = Env::new();
    let roadmap = env.write("flat.json", flat_roadmap("flat", SKILLS));
    let sync_folder = env.root.path().join("Sync");
    std::fs::create_dir(&sync_folder).unwrap();
    let config = env.write(
        "config.toml",
        format!("[sync]\nfolder = {:?}\n", sync_folder.display().to_string()),
    );
    let homes = [env.root.path().join("a"), env.root.path().join("b")];
    let mut next = [0, SKILLS / 2];
    let mut acked: BTreeSet<usize> = BTreeSet::new();
    let mut rng = Lcg(0x5EED_5EED);
    for round in 0..ROUNDS {
        let running: Vec<Running> = (0..2)
            .map(|m| start(&env, &homes[m], &config, &roadmap, next[m]))
            .collect();
        std::thread::sleep(Duration::from_micros(10_000 + rng.below(150_000)));
        for (m, r) in running.into_iter().enumerate() {
            let seen = kill(&env, r, next[m]);
            if let Some(&last) = seen.last() {
                next[m] = last + 1;
            }
            acked.extend(seen);
        }
        // Whatever the moment of the kill: only whole machine files in the
        // folder, each readable.
        for entry in std::fs::read_dir(&sync_folder).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                machine_file::owner(&name).is_some_and(|(_, copy)| !copy),
                "round {round}: {name} left in the sync folder"
            );
            folder::read_one(&path).unwrap_or_else(|e| panic!("round {round}: {name}: {e}"));
        }
    }
    assert!(
        next[0] < SKILLS / 2 && next[1] < SKILLS,
        "ran out of skills"
    );
    // Each machine syncs once more (no kill): everything acknowledged
    // anywhere is everywhere.
    for home in [&homes[0], &homes[1], &homes[0]] {
        let out = crate::common::cmd_at(home)
            .env("ROADMAP_CONFIG", &config)
            .arg("sync")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let r = roadmap::model::load(&std::fs::read(&roadmap).unwrap(), "flat").unwrap();
    for home in &homes {
        let p = Store::at(home, "default").unwrap().load().unwrap();
        let states = p.states(&r);
        for &s in &acked {
            assert_eq!(
                states[r.skill_index(&format!("s{s}")).unwrap()].status,
                Status::Done,
                "s{s} was acknowledged but is not done on {}",
                home.display()
            );
        }
    }
    assert_eq!(
        std::fs::read(homes[0].join("default.json")).unwrap(),
        std::fs::read(homes[1].join("default.json")).unwrap(),
        "both machines hold the same profile"
    );
    println!(
        "sync crash: {ROUNDS} rounds of SIGKILL on two machines syncing at once; {} changes acknowledged, all on both machines",
        acked.len()
    );
}

//! Guarantee 2: killing the process at any moment, even in the middle of a
//! save, leaves a profile that loads and holds every change that was
//! reported saved.
//!
//! A shell loop runs `roadmap VERB sN` and prints `ack N` after each one
//! that exited successfully. The test kills the whole process group with
//! SIGKILL at random moments (often in the middle of a save), then checks
//! the profile. Timing varies from run to run; correctness never depends
//! on it: whatever the moment of the kill, the checks must hold.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use roadmap::model::{Change, Profile};

use crate::common::{BIN, Env, flat_roadmap, temp_files, text};

const ROUNDS: usize = 120;
const SKILLS: usize = 40;
/// Per round every command sets the same status: (verb, status word).
const VERBS: [(&str, &str); 3] = [("start", "doing"), ("done", "done"), ("reset", "todo")];

const LOOP: &str = r#"i=$START
while :; do
  "$ROADMAP_BIN" --roadmap "$ROADMAP" "$VERB" "s$i" || exit 3
  echo "ack $i"
  i=$(( (i + 1) % $SKILLS ))
done"#;

/// A small deterministic generator for kill moments (`SplitMix64`).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

/// What one round saw: per acknowledged command, the skill and whether the
/// command reported a change.
struct Round {
    acked: Vec<(usize, bool)>,
}

/// Runs the loop with `verb` until `acks` acknowledgements were seen plus
/// `delay`, kills its process group, and returns once every process of the
/// group is gone (their stdout is closed).
fn run_and_kill(
    env: &Env,
    roadmap: &std::path::Path,
    round: usize,
    acks: u64,
    delay: Duration,
) -> Round {
    let (verb, said) = VERBS[round % 3];
    let stderr = std::fs::File::create(env.root.path().join("loop.err")).unwrap();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(LOOP)
        .env("ROADMAP_BIN", BIN)
        .env("ROADMAP", roadmap)
        .env("ROADMAP_HOME", env.home())
        .env("ROADMAP_CONFIG", env.home().join("no-config.toml"))
        .env_remove("ROADMAP_FILE")
        .env_remove("ROADMAP_PROFILE")
        .env("VERB", verb)
        .env("START", ((round * 7) % SKILLS).to_string())
        .env("SKILLS", SKILLS.to_string())
        .process_group(0)
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let pgid = child.id();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    let mut seen = 0;
    while seen < acks {
        let line = rx
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| {
                panic!(
                    "no ack; the loop said: {}",
                    std::fs::read_to_string(env.root.path().join("loop.err")).unwrap()
                )
            });
        seen += u64::from(line.starts_with("ack "));
        lines.push(line);
    }
    std::thread::sleep(delay);
    let killed = Command::new("kill")
        .args(["-9", "--", &format!("-{pgid}")])
        .status()
        .unwrap();
    assert!(killed.success());
    // EOF on the pipe: every process that could still write is gone.
    lines.extend(rx.iter());
    reader.join().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(9),
        "the loop died of the kill, not of an error: {}",
        std::fs::read_to_string(env.root.path().join("loop.err")).unwrap()
    );
    // Pair each ack with the output of its command.
    let mut acked = Vec::new();
    let mut changed = false;
    for line in &lines {
        if let Some(n) = line.strip_prefix("ack ") {
            acked.push((n.parse().unwrap(), changed));
            changed = false;
        } else if line.starts_with(&format!("{said}: ")) {
            changed = true;
        }
    }
    Round { acked }
}

fn histories(p: &Profile) -> BTreeMap<String, Vec<Change>> {
    p.roadmaps
        .values()
        .flat_map(|r| r.skills.iter())
        .map(|(k, e)| (k.clone(), e.history.clone()))
        .collect()
}

#[test]
fn sigkill_at_any_moment_keeps_every_acknowledged_change() {
    let env = Env::new();
    let roadmap = env.write("flat.json", flat_roadmap("flat", SKILLS));
    let mut rng = Rng(0x00C0_FFEE);
    let mut before: BTreeMap<String, Vec<Change>> = BTreeMap::new();
    let (mut acks, mut changes, mut total, mut leftovers, mut unacked) = (0, 0, 0, 0, 0);
    for round in 0..ROUNDS {
        let (verb, said) = VERBS[round % 3];
        let delay = Duration::from_micros(rng.below(15_000));
        let seen = run_and_kill(&env, &roadmap, round, rng.below(4), delay);

        // The profile loads, with the library and with the CLI.
        let profile = env.load();
        let status = env.with(&roadmap, &["status"]).output().unwrap();
        assert!(
            status.status.success(),
            "round {round}: {}",
            text(&status.stderr)
        );
        let skills = &profile
            .roadmaps
            .get("flat")
            .cloned()
            .unwrap_or_default()
            .skills;

        // Every acknowledged command's status is there…
        for &(s, _) in &seen.acked {
            // A skill never changed has no entry: it is todo.
            let status = skills
                .get(&format!("s{s}"))
                .map_or("todo", |e| e.status.as_str());
            assert_eq!(
                status, said,
                "round {round} ({verb}): s{s} was acknowledged"
            );
        }
        // …and nothing saved before was lost: each history only grew.
        let after = histories(&profile);
        for (skill, old) in &before {
            assert!(
                after[skill].starts_with(old),
                "round {round}: history of {skill} lost entries"
            );
        }
        // One new history entry per acknowledged change, plus at most one
        // change that was saved but killed before it was acknowledged.
        let made = seen.acked.iter().filter(|a| a.1).count();
        let grown = after.values().map(Vec::len).sum::<usize>()
            - before.values().map(Vec::len).sum::<usize>();
        assert!(
            (made..=made + 1).contains(&grown),
            "round {round}: {made} acknowledged changes, history grew by {grown}"
        );
        unacked += grown - made;

        // At most the two temporary files of the save in progress are left
        // (the new version, and the link that becomes the backup); the next
        // save clears them.
        let temps = temp_files(&env.home());
        assert!(temps.len() <= 2, "round {round}: {temps:?}");
        leftovers += temps.len();
        if let Ok(bak) = std::fs::read(env.home().join("default.json.bak")) {
            roadmap::store::parse_profile(&bak, &env.home()).unwrap();
        }

        acks += seen.acked.len();
        changes += made;
        total = after.values().map(Vec::len).sum();
        before = after;
    }
    assert!(total >= changes);
    println!(
        "crash: {ROUNDS} SIGKILLs survived; {acks} commands acknowledged ({changes} changes), \
         {total} changes in the file ({unacked} saved but killed before the ack); \
         {leftovers} kills left a temporary file that the next save removed"
    );
}

//! Notes follow the store's rules: two processes adding to notes of the
//! same skill and of different skills, with `-m` and through an editor
//! racing each other, lose no note. Appends are applied under the lock;
//! an editor's save whose base changed meanwhile keeps both versions.

use std::os::unix::fs::PermissionsExt as _;
use std::thread;

use roadmap::model::note::CONFLICT_MARK;

use crate::common::{Env, small_roadmap};

const WORKERS: usize = 2;
const ROUNDS: usize = 20;
/// Every this many rounds, a worker edits the shared note in an editor.
const EDIT_EVERY: usize = 4;

#[test]
fn two_processes_adding_notes_keep_every_note() {
    let env = Env::new();
    let roadmap = small_roadmap();
    // A slow editor that adds the line in $MARK: another process saves in
    // between, so the editor's base is often not the stored version.
    let editor = env.write(
        "editor.sh",
        "#!/bin/sh\nsleep 0.05\nprintf '%s\\n' \"$MARK\" >> \"$1\"\n",
    );
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let own = ["terminal", "trivia"];
    thread::scope(|scope| {
        for (w, own) in own.iter().enumerate().take(WORKERS) {
            let (env, roadmap, editor) = (&env, &roadmap, &editor);
            scope.spawn(move || {
                for i in 0..ROUNDS {
                    env.ok(
                        roadmap,
                        &["note", "http", "-m", &format!("w{w} shared {i}")],
                    );
                    env.ok(roadmap, &["note", own, "-m", &format!("w{w} own {i}")]);
                    if i % EDIT_EVERY == 0 {
                        let out = env
                            .with(roadmap, &["note", "http"])
                            .env("EDITOR", editor)
                            .env("MARK", format!("w{w} edited {i}"))
                            .env("TMPDIR", env.home().parent().unwrap())
                            .output()
                            .unwrap();
                        assert!(
                            out.status.success(),
                            "{}",
                            String::from_utf8_lossy(&out.stderr)
                        );
                    }
                }
            });
        }
    });
    let profile = env.load();
    let notes = &profile.roadmaps["small"].notes;
    let shared = &notes["http"].text;
    let mut conflicts = 0;
    for w in 0..WORKERS {
        let mine = &notes[own[w]].text;
        for i in 0..ROUNDS {
            assert!(
                shared.contains(&format!("w{w} shared {i}\n"))
                    || shared.ends_with(&format!("w{w} shared {i}")),
                "w{w} shared {i} lost:\n{shared}"
            );
            assert!(
                mine.contains(&format!("w{w} own {i}")),
                "w{w} own {i} lost:\n{mine}"
            );
            if i % EDIT_EVERY == 0 {
                assert!(
                    shared.contains(&format!("w{w} edited {i}")),
                    "w{w} edited {i} lost:\n{shared}"
                );
            }
        }
        // Only this worker's lines are in its own note.
        assert!(!mine.contains(&format!("w{} ", 1 - w)));
    }
    // And none twice: a conflict never copies what both versions hold.
    for line in shared.lines().filter(|l| l.starts_with('w')) {
        assert_eq!(
            shared.lines().filter(|l| l == &line).count(),
            1,
            "{line:?} is there more than once:\n{shared}"
        );
    }
    conflicts += shared.matches(CONFLICT_MARK).count();
    println!(
        "notes: {} lines kept in the shared note, {conflicts} concurrent edits kept both versions",
        shared.lines().count()
    );
    // No editor file is left behind after successful saves.
    let leftovers: Vec<_> = std::fs::read_dir(env.home().parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("roadmap-note-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Issue 17, item 1, with the real binary and two real editor sessions
/// left open while the other saves: each editor adds one line to what it
/// opened and saves over that stale version. Before, every save copied
/// both whole texts (Fibonacci growth: 18 saves made 1.37 MB); now each
/// line is there once and the note grows by what was typed plus three
/// marked lines a save.
#[test]
fn two_stale_editors_never_make_a_note_grow_without_bound() {
    use std::process::{Child, Stdio};
    use std::time::{Duration, Instant};
    const SAVES: usize = 12;
    let env = Env::new();
    let roadmap = small_roadmap();
    env.ok(&roadmap, &["note", "http", "-m", "start"]);
    // Adds the line in $LINE once the file $GO exists.
    let editor = env.write(
        "stale.sh",
        "#!/bin/sh\n: > \"$READY\"\nwhile [ ! -e \"$GO\" ]; do sleep 0.02; done\nprintf '%s\\n' \"$LINE\" >> \"$1\"\n",
    );
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let open = |k: usize| -> Child {
        let ready = env.root.path().join(format!("ready{k}"));
        let child = env
            .with(&roadmap, &["note", "http"])
            .env("EDITOR", &editor)
            .env("READY", &ready)
            .env("GO", env.root.path().join(format!("go{k}")))
            .env("LINE", format!("save {k}"))
            .env("TMPDIR", env.root.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while !ready.exists() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "editor {k} never opened"
            );
            thread::sleep(Duration::from_millis(10));
        }
        child
    };
    let save = |k: usize, child: Child| {
        std::fs::write(env.root.path().join(format!("go{k}")), "").unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    // Two editors open; then, in turn, one saves and opens again while the
    // other, stale, waits.
    let mut waiting = [Some(open(0)), Some(open(1))];
    for k in 0..SAVES {
        let e = k % 2;
        save(k, waiting[e].take().unwrap());
        if k + 2 < SAVES {
            waiting[e] = Some(open(k + 2));
        }
    }
    let text = env.load().roadmaps["small"].notes["http"].text.clone();
    for k in 0..SAVES {
        let line = format!("save {k}");
        assert_eq!(
            text.lines().filter(|l| *l == line).count(),
            1,
            "{line:?} not there once in {} bytes:\n{text}",
            text.len()
        );
    }
    assert_eq!(text.lines().filter(|l| *l == "start").count(), 1, "{text}");
    let marked = text.lines().filter(|l| l.starts_with("=====")).count();
    assert!(marked <= 3 * SAVES, "{marked} marked lines");
    println!(
        "two stale editors, {SAVES} saves: {} bytes, {marked} marked lines",
        text.len()
    );
}

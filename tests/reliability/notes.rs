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

//! Issue 17: the library (`roadmaps/`: imported roadmaps and the `in-use`
//! file) is held to the profile's rules: writes take the folder's lock and
//! re-check under it, leftovers of a killed write are cleaned, fields this
//! build does not know are kept, and nothing there can hang a command.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::{Env, flat_roadmap, mkfifo, run_guarded, temp_files, text};

const API: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/api.json"
);

impl Env {
    fn library(&self) -> PathBuf {
        self.home().join("roadmaps")
    }

    /// Puts roadmap `id` of `n` skills in the library, as an import would.
    fn put(&self, id: &str, n: usize) -> PathBuf {
        std::fs::create_dir_all(self.library()).unwrap();
        let path = self.library().join(format!("{id}.json"));
        std::fs::write(&path, flat_roadmap(id, n)).unwrap();
        path
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut c = self.cmd();
        c.args(args);
        run_guarded(c, &format!("{args:?}"))
    }

    /// The in-use file; none means the built-in roadmap.
    fn in_use(&self) -> serde_json::Value {
        match std::fs::read_to_string(self.library().join("in-use")) {
            Ok(text) => serde_json::from_str(&text).unwrap(),
            Err(_) => serde_json::json!({"in_use": {"kind": "builtin"}}),
        }
    }
}

fn succeeded(out: &Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// The library is consistent: the roadmap in use is the built-in one or
/// one that is there, and commands work.
fn assert_usable(env: &Env, round: usize) {
    let v = env.in_use();
    if v["in_use"]["kind"] == "library" {
        let id = v["in_use"]["id"].as_str().unwrap();
        assert!(
            env.library().join(format!("{id}.json")).is_file(),
            "round {round}: in use is '{id}', which is gone"
        );
    }
    succeeded(&env.run(&["status"]), &format!("round {round}: status"));
}

/// Item 8: `use x` and `remove x` at once. Before, `use` loaded x, `remove`
/// deleted it meanwhile, and `use` then recorded x as the roadmap in use:
/// both said they succeeded, and every later command failed ("there is no
/// roadmap 'x'") until `use builtin`. Now `use` re-checks under the
/// library's lock, which `remove` takes too.
#[test]
fn use_and_remove_at_once_never_leave_the_library_broken() {
    let env = Env::new();
    let (mut used, mut refused) = (0, 0);
    for round in 0..12 {
        // Large enough that `use` spends a while loading it.
        env.put("big", 60_000);
        succeeded(&env.run(&["use", "builtin"]), "use builtin");
        let mut using = env.cmd();
        using.args(["use", "big"]);
        let using = std::thread::spawn(move || run_guarded(using, "use big"));
        // From at once (while `use` loads) to after `use` is done.
        std::thread::sleep(std::time::Duration::from_millis(5 + 40 * round as u64));
        let removed = env.run(&["remove", "big"]);
        let using = using.join().unwrap();
        succeeded(&removed, "remove big");
        match using.status.code() {
            Some(0) => used += 1,
            Some(1) => {
                refused += 1;
                let err = text(&using.stderr);
                assert!(
                    err.contains("removed")
                        || err.contains("no roadmap 'big'")
                        || err.contains("no roadmap with id 'big'"),
                    "round {round}: {err}"
                );
            }
            other => panic!("round {round}: use exited {other:?}"),
        }
        assert_usable(&env, round);
    }
    eprintln!("use/remove race: use succeeded {used} times, refused {refused} times");
}

/// Item 8: writers (`use`, `remove`, `import`) racing each other and
/// readers (`status`, `roadmaps`): no reader ever sees a damaged library
/// or hangs, every writer succeeds or says plainly why not, and at the end
/// the library is consistent and holds no temporary file.
#[test]
fn library_writers_racing_readers_never_damage_it() {
    let env = Env::new();
    env.put("flat", 10);
    succeeded(&env.run(&["use", "flat"]), "use flat");
    let home = env.home();
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let home = home.clone();
            std::thread::spawn(move || {
                for i in 0..15 {
                    let args: &[&str] = match (w + i) % 4 {
                        0 => &["import", API, "--id", "api"],
                        1 => &["use", "api"],
                        2 => &["remove", "api"],
                        _ => &["use", "flat"],
                    };
                    let mut c = crate::common::cmd_at(&home);
                    c.args(args);
                    let out = run_guarded(c, &format!("{args:?}"));
                    let err = text(&out.stderr);
                    assert!(
                        out.status.success()
                            || (err.contains("no roadmap 'api'")
                                || err.contains("no roadmap with id 'api'"))
                            || err.contains("removed from the library"),
                        "{args:?}: {err}"
                    );
                    assert!(!err.contains("damaged"), "{args:?}: {err}");
                }
            })
        })
        .collect();
    let readers: Vec<_> = (0..2)
        .map(|r| {
            let home = home.clone();
            std::thread::spawn(move || {
                let mut ok = 0;
                for i in 0..25 {
                    let args: &[&str] = if (r + i) % 2 == 0 {
                        &["status"]
                    } else {
                        &["roadmaps"]
                    };
                    let mut c = crate::common::cmd_at(&home);
                    c.args(args);
                    let out = run_guarded(c, &format!("{args:?}"));
                    let err = text(&out.stderr);
                    // Only a roadmap removed between reading the choice and
                    // loading it may fail a reader, and it says so.
                    assert!(
                        out.status.success()
                            || (err.contains("no roadmap 'api'")
                                || err.contains("no roadmap with id 'api'")),
                        "{args:?}: {err}"
                    );
                    assert!(!err.contains("damaged"), "{args:?}: {err}");
                    ok += usize::from(out.status.success());
                }
                ok
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let read: usize = readers.into_iter().map(|r| r.join().unwrap()).sum();
    eprintln!("library race: {read} of 50 reads succeeded");
    assert_usable(&env, 0);
    assert!(temp_files(&env.library()).is_empty());
}

/// Item 9: a write killed mid-way leaves `.roadmaps.XXXX.tmp`; the next
/// library write removes it.
#[test]
fn a_library_write_cleans_what_a_killed_write_left() {
    let env = Env::new();
    env.put("flat", 3);
    let stale = env.library().join(".roadmaps.a1B2c3.tmp");
    std::fs::write(&stale, vec![b'{'; 1 << 20]).unwrap();
    succeeded(&env.run(&["use", "flat"]), "use flat");
    assert!(!stale.exists(), "left: {:?}", temp_files(&env.library()));
    std::fs::write(&stale, b"{").unwrap();
    succeeded(&env.run(&["remove", "flat"]), "remove flat");
    assert!(!stale.exists());
}

/// Item 10: fields of `in-use` this build does not know (a newer build's)
/// survive `use` and `remove`.
#[test]
fn unknown_fields_of_the_in_use_file_survive_use_and_remove() {
    let env = Env::new();
    env.put("flat", 3);
    std::fs::write(
        env.library().join("in-use"),
        r#"{"in_use": {"kind": "builtin"}, "files": [], "pinned": ["flat"], "sync": {"rev": 12345678901234567890}}"#,
    )
    .unwrap();
    succeeded(&env.run(&["use", "flat"]), "use flat");
    let v = env.in_use();
    assert_eq!(v["in_use"]["id"], "flat");
    assert_eq!(v["pinned"], serde_json::json!(["flat"]));
    let raw = std::fs::read_to_string(env.library().join("in-use")).unwrap();
    assert!(raw.contains("12345678901234567890"), "{raw}");
    succeeded(&env.run(&["remove", "flat"]), "remove flat");
    assert_eq!(env.in_use()["pinned"], serde_json::json!(["flat"]));
    assert_eq!(env.in_use()["in_use"]["kind"], "builtin");
}

/// Item 4: a FIFO at `roadmaps/in-use` hung every command, even `roadmap
/// use builtin`; at a library roadmap, or at a file chosen with `use FILE`,
/// it hung `status`, `done` and `roadmaps`. Each now ends at once, saying
/// what is wrong where.
#[test]
fn a_fifo_anywhere_in_the_library_never_hangs_a_command() {
    // At the in-use file: commands use the built-in roadmap; the commands
    // that read or change the choice say what is there.
    let env = Env::new();
    std::fs::create_dir_all(env.library()).unwrap();
    mkfifo(&env.library().join("in-use"));
    succeeded(&env.run(&["status"]), "status");
    for args in [&["use", "builtin"][..], &["roadmaps"]] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains("in-use is a named pipe"), "{args:?}: {err}");
    }
    // At a library roadmap in use.
    let env = Env::new();
    env.put("flat", 3);
    succeeded(&env.run(&["use", "flat"]), "use flat");
    std::fs::remove_file(env.library().join("flat.json")).unwrap();
    mkfifo(&env.library().join("flat.json"));
    for args in [&["status"][..], &["done", "s1"], &["next"]] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(text(&out.stderr).contains("named pipe"), "{args:?}");
    }
    let listed = succeeded(&env.run(&["roadmaps"]), "roadmaps");
    assert!(listed.contains("named pipe"), "{listed}");
    // At a file chosen with `use FILE`.
    let env = Env::new();
    let file = env.write("mine.json", flat_roadmap("mine", 3));
    succeeded(&env.run(&["use", file.to_str().unwrap()]), "use FILE");
    std::fs::remove_file(&file).unwrap();
    mkfifo(&file);
    for args in [&["status"][..], &["done", "s1"]] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains("named pipe"), "{args:?}: {err}");
        assert!(err.contains("mine.json"), "{args:?}: {err}");
    }
    let listed = succeeded(&env.run(&["roadmaps"]), "roadmaps");
    assert!(listed.contains("named pipe"), "{listed}");
}

/// Item 4: a FIFO at the config file's path hung every command and shell
/// completion.
#[test]
fn a_fifo_at_the_config_path_never_hangs_a_command_or_completion() {
    let env = Env::new();
    std::fs::create_dir_all(env.home()).unwrap();
    let config = env.root.path().join("config.toml");
    mkfifo(&config);
    for args in [&["status"][..], &["config", "check"]] {
        let mut c = env.cmd();
        c.env("ROADMAP_CONFIG", &config).args(args);
        let out = run_guarded(c, &format!("{args:?}"));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains("named pipe"), "{args:?}: {err}");
        assert!(err.contains("config.toml"), "{args:?}: {err}");
    }
    // The shell asks for completions: it gets an answer (no skill ids, as
    // the config cannot be read), not a hang.
    let mut c = env.cmd();
    c.env("ROADMAP_CONFIG", &config)
        .env("ROADMAP_COMPLETE", "fish")
        .args(["--", "roadmap", "done", "inter"]);
    let out = run_guarded(c, "completion");
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// Item 7: in a data folder others can write to (mode 1777, like /tmp),
/// another user planted a world-writable `roadmaps/` with a FIFO `in-use`,
/// and a link at `default.json.bak`. Before: `status` hung and the first
/// save failed. Now the planted folder is refused (the folder rule covers
/// every folder roadmap writes in), commands that do not need the library
/// work, and the backup's place is not even looked at by the first save.
/// Root can hand files to another user with chown, so this runs as root;
/// that root may write anywhere is not what is tested.
#[test]
fn what_another_user_plants_in_a_shared_folder_never_locks_the_owner_out() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let home = env.home();
    std::fs::create_dir(&home).unwrap();
    std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let other = 65534; // nobody
    let chown = |p: &Path| {
        rustix::fs::chownat(
            rustix::fs::CWD,
            p,
            Some(rustix::process::Uid::from_raw(other)),
            None,
            rustix::fs::AtFlags::SYMLINK_NOFOLLOW,
        )
    };
    let lib = env.library();
    std::fs::create_dir(&lib).unwrap();
    std::fs::set_permissions(&lib, std::fs::Permissions::from_mode(0o777)).unwrap();
    mkfifo(&lib.join("in-use"));
    let bak = home.join("default.json.bak");
    std::os::unix::fs::symlink(env.root.path().join("elsewhere"), &bak).unwrap();
    if chown(&lib).is_err() || chown(&lib.join("in-use")).is_err() || chown(&bak).is_err() {
        eprintln!("note: cannot give files to another user (not root): checked nothing");
        return;
    }
    let roadmap = crate::common::small_roadmap();
    // The first save: nothing to back up, so the planted link is left
    // alone and stops nothing.
    let out = run_guarded(env.with(&roadmap, &["done", "internet"]), "done");
    succeeded(&out, "first save");
    assert!(bak.is_symlink(), "left as it was");
    // status reads the choice of roadmap: the planted folder is refused,
    // so the built-in roadmap is used, at once.
    succeeded(&env.run(&["status"]), "status");
    let out = env.run(&["use", "builtin"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("roadmaps"), "{err}");
    assert!(err.contains("another user"), "{err}");
    assert!(err.contains("ROADMAP_HOME"), "{err}");
    // The next save would replace the planted link: refused, saying why.
    let out = run_guarded(env.with(&roadmap, &["done", "http"]), "done");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("default.json.bak"), "{err}");
    assert!(err.contains("another user"), "{err}");
}

//! Folder sync: machines sharing one folder (as Syncthing or Dropbox keep
//! it) converge, whatever the order they sync in and whatever their clocks
//! say; conflict copies are merged; a damaged file is refused by name and
//! nothing is lost.

use std::path::Path;

use roadmap::model::Status;
use roadmap::store::library::Library;
use roadmap::store::sync::machine_file;

use crate::common::*;

/// The same concurrent changes on every machine: each changes `internet`
/// (a conflict), a skill of its own, and adds to the note on `internet`.
fn concurrent_changes(machines: &[&Machine]) {
    let own = ["http", "terminal", "trivia", "python"];
    let statuses = [Status::Done, Status::Skipped, Status::Doing];
    for (i, m) in machines.iter().enumerate() {
        m.set("default", "internet", statuses[i % 3]);
        m.set("default", own[i], Status::Done);
        m.note("internet", &format!("learnt on machine {i}"));
    }
}

fn histories(m: &Machine) -> usize {
    m.store("default")
        .load()
        .unwrap()
        .roadmaps
        .values()
        .flat_map(|r| r.skills.values())
        .map(|e| e.history.len())
        .sum()
}

#[test]
fn two_machines_converge_in_either_order_with_clocks_hours_and_years_apart() {
    for first_a in [true, false] {
        let root = tempfile::tempdir().unwrap();
        let folder = private_dir(root.path(), "Sync");
        let a = Machine::new(root.path(), "a", hours_behind);
        let b = Machine::new(root.path(), "b", years_ahead);
        concurrent_changes(&[&a, &b]);
        a.goal("2031-01-31");
        a.set("work", "go", Status::Doing);
        b.import("extra", "Extra roadmap");
        let made = histories(&a) + histories(&b);
        let (x, y) = if first_a { (&a, &b) } else { (&b, &a) };
        let first = x.sync(&folder);
        assert!(first.came_in.is_empty(), "{first:?}");
        assert!(!first.went_out.is_empty());
        let second = y.sync(&folder);
        assert!(!second.came_in.is_empty(), "{second:?}");
        x.sync(&folder);
        assert_converged(&[&a, &b], &["default", "work"], &["internet"]);
        // Nothing either machine did was lost.
        assert_eq!(histories(&a), made);
        let note = a.ok(&["note", "internet", "--show"]);
        assert!(
            note.contains("learnt on machine 0") && note.contains("learnt on machine 1"),
            "{note}"
        );
        assert!(Library::at(&a.home).contains("extra"));
        // The machine whose clock runs years ahead stamped its change in
        // the future; the one behind still wins with a later change, once
        // it has seen that stamp (the time rule).
        a.set("default", "internet", Status::Todo);
        a.sync(&folder);
        b.sync(&folder);
        let e = &b.store("default").load().unwrap().roadmaps["small"].skills["internet"];
        assert_eq!(e.status, Status::Todo, "{e:?}");
        assert_converged(&[&a, &b], &["default", "work"], &["internet"]);
        // Only the two machines' files are in the folder, owner-only.
        let files = names(&folder);
        assert_eq!(files.len(), 2, "{files:?}");
        for f in &files {
            assert!(machine_file::owner(f).is_some_and(|(_, copy)| !copy), "{f}");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let bits = std::fs::metadata(folder.join(f))
                    .unwrap()
                    .permissions()
                    .mode();
                assert_eq!(bits & 0o777, 0o600, "{f}");
            }
        }
    }
}

fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 1 {
        return vec![vec![0]];
    }
    let mut out = Vec::new();
    for p in permutations(n - 1) {
        for i in 0..=p.len() {
            let mut q = p.clone();
            q.insert(i, n - 1);
            out.push(q);
        }
    }
    out
}

#[test]
fn three_machines_converge_whatever_order_they_sync_in() {
    for order in permutations(3) {
        let root = tempfile::tempdir().unwrap();
        let folder = private_dir(root.path(), "Sync");
        let m = [
            Machine::new(root.path(), "home", on_time),
            Machine::new(root.path(), "work", hours_ahead),
            Machine::new(root.path(), "old", years_behind),
        ];
        let all: Vec<&Machine> = m.iter().collect();
        concurrent_changes(&all);
        m[order[0]].import("extra", "Extra");
        m[order[1]].goal("2030-06-30");
        let made: usize = m.iter().map(histories).sum();
        // Two rounds: the last of the first round has everything, the
        // second round hands it to the others.
        for _ in 0..2 {
            for &i in &order {
                m[i].sync(&folder);
            }
        }
        assert_converged(&all, &["default"], &["internet"]);
        for x in &m {
            assert_eq!(histories(x), made, "order {order:?}: a change was lost");
            assert!(Library::at(&x.home).contains("extra"), "order {order:?}");
        }
        // A third round brings nothing new.
        for &i in &order {
            let r = m[i].sync(&folder);
            assert!(
                r.came_in.is_empty() && r.went_out.is_empty(),
                "{order:?}: {r:?}"
            );
        }
    }
}

/// Machine `m`'s file in `folder`.
fn file_of(m: &Machine, folder: &Path) -> std::path::PathBuf {
    let id = std::fs::read_to_string(m.home.join("sync/machine-id")).unwrap();
    folder.join(machine_file::file_name(id.trim()))
}

#[test]
fn conflict_copies_made_by_syncthing_or_dropbox_are_merged() {
    for copy_name in [
        "roadmap-{id}.sync-conflict-20261124-120000-ABCDEFG.json",
        "roadmap-{id} (Ann's conflicted copy 2026-11-24).json",
    ] {
        let root = tempfile::tempdir().unwrap();
        let folder = private_dir(root.path(), "Sync");
        let a = Machine::new(root.path(), "a", on_time);
        let b = Machine::new(root.path(), "b", on_time);
        b.set("default", "http", Status::Done);
        b.sync(&folder);
        let older = std::fs::read(file_of(&b, &folder)).unwrap();
        b.set("default", "jwt", Status::Doing);
        b.note("jwt", "tokens");
        b.sync(&folder);
        // The tool kept the other version as a copy: the file itself is
        // the older one, the newer is beside it.
        let main = file_of(&b, &folder);
        let id = std::fs::read_to_string(b.home.join("sync/machine-id")).unwrap();
        let copy = folder.join(copy_name.replace("{id}", id.trim()));
        std::fs::rename(&main, &copy).unwrap();
        std::fs::write(&main, &older).unwrap();
        let r = a.sync(&folder);
        assert!(r.refused.is_empty(), "{r:?}");
        let p = a.store("default").load().unwrap();
        assert_eq!(p.roadmaps["small"].skills["jwt"].status, Status::Doing);
        assert!(a.ok(&["note", "jwt", "--show"]).contains("tokens"));
        // Its own machine takes the copy in and then removes it.
        b.sync(&folder);
        assert!(!copy.exists(), "{:?}", names(&folder));
        assert_converged(&[&a, &b], &["default"], &["jwt"]);
    }
}

#[test]
fn a_damaged_file_in_the_folder_is_refused_by_name_and_the_rest_syncs() {
    let root = tempfile::tempdir().unwrap();
    let folder = private_dir(root.path(), "Sync");
    let a = Machine::new(root.path(), "a", on_time);
    let b = Machine::new(root.path(), "b", on_time);
    a.set("default", "internet", Status::Done);
    a.sync(&folder);
    b.set("default", "http", Status::Done);
    b.sync(&folder);
    let before = a.profile_bytes("default");
    // Half a file, a newer format, a link, a FIFO and a huge file.
    std::fs::write(
        folder.join("roadmap-0badf11e.json"),
        "{\"version\": 1, \"profi",
    )
    .unwrap();
    std::fs::write(
        folder.join("roadmap-00f07a7e.json"),
        r#"{"version": 7, "profiles": "a shape this build does not know"}"#,
    )
    .unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            a.home.join("default.json"),
            folder.join("roadmap-0000115c.json"),
        )
        .unwrap();
        rustix::fs::mknodat(
            rustix::fs::CWD,
            folder.join("roadmap-000f1f00.json"),
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
    }
    let huge = std::fs::File::create(folder.join("roadmap-0000b16b.json")).unwrap();
    huge.set_len(machine_file::MAX_FILE_BYTES + 1).unwrap();
    let r = a.sync(&folder);
    let refused: Vec<(String, String)> = r
        .refused
        .iter()
        .map(|x| {
            (
                x.file.file_name().unwrap().to_string_lossy().into_owned(),
                x.why.clone(),
            )
        })
        .collect();
    let why = |name: &str| {
        refused.iter().find(|(n, _)| n == name).map_or_else(
            || panic!("{name} not refused: {refused:?}"),
            |(_, w)| w.clone(),
        )
    };
    assert!(why("roadmap-0badf11e.json").contains("damaged"));
    assert!(why("roadmap-00f07a7e.json").contains("newer roadmap"));
    assert!(why("roadmap-0000b16b.json").contains("larger than the limit"));
    #[cfg(unix)]
    {
        assert!(why("roadmap-0000115c.json").contains("symbolic link"));
        assert!(why("roadmap-000f1f00.json").contains("named pipe"));
    }
    // The rest synced: b's change came in, nothing of a's was lost, and
    // the refused files are left as they were.
    let p = a.store("default").load().unwrap();
    assert_eq!(p.roadmaps["small"].skills["http"].status, Status::Done);
    assert_eq!(p.roadmaps["small"].skills["internet"].status, Status::Done);
    assert!(a.profile_bytes("default").len() >= before.len());
    assert_eq!(
        std::fs::read_to_string(folder.join("roadmap-0badf11e.json")).unwrap(),
        "{\"version\": 1, \"profi"
    );
    // The CLI names each one and still exits 0.
    let out = a.run(&["sync", "--folder", folder.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("roadmap-0badf11e.json") && stderr.contains("refused"),
        "{stderr}"
    );
}

#[test]
fn a_roadmap_travels_with_its_progress_and_a_removal_travels_too() {
    let root = tempfile::tempdir().unwrap();
    let folder = private_dir(root.path(), "Sync");
    let a = Machine::new(root.path(), "a", on_time);
    let b = Machine::new(root.path(), "b", hours_behind);
    a.import("extra", "Extra");
    let out = a.cmd_on("extra", &["done", "s0"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    a.sync(&folder);
    let r = b.sync(&folder);
    assert_eq!(r.came_in.roadmaps, ["extra"]);
    assert!(Library::at(&b.home).contains("extra"));
    let status = b.cmd_on("extra", &["status", "--json"]).output().unwrap();
    let shown: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(shown["finished"], 1, "{shown}");
    // Removed on b (its clock hours behind): gone from a too, and the
    // progress stays in the profiles.
    Library::at(&b.home).remove("extra").unwrap();
    b.sync(&folder);
    let r = a.sync(&folder);
    assert_eq!(r.came_in.roadmaps, ["extra"]);
    assert!(!Library::at(&a.home).contains("extra"));
    assert!(
        a.store("default")
            .load()
            .unwrap()
            .roadmaps
            .contains_key("extra")
    );
    // Imported again on a: it comes back on b.
    a.import("extra", "Extra, again");
    a.sync(&folder);
    b.sync(&folder);
    assert!(Library::at(&b.home).contains("extra"));
}

#[cfg(unix)]
#[test]
fn a_sync_folder_others_can_write_to_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    let folder = private_dir(root.path(), "Shared");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o777)).unwrap();
    let a = Machine::new(root.path(), "a", on_time);
    a.set("default", "internet", Status::Done);
    let err = a.try_sync(&folder).unwrap_err().to_string();
    assert!(err.contains("can be written by other users"), "{err}");
    assert!(err.contains("chmod go-w"), "{err}");
    assert!(names(&folder).is_empty());
    // A missing folder whose parent is missing too (an unmounted share?)
    // is not created.
    let err = a
        .try_sync(&root.path().join("gone/roadmap"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("does not exist"), "{err}");
    assert!(!root.path().join("gone").exists());
}

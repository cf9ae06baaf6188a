//! Git sync against a bare repository on disk: two clones pushing at once
//! (one rejected, tried again, both kept), a missing remote (not synced,
//! exit code 75, nothing lost), a remote whose history was rewritten by
//! hand (refused, nothing changed here).
//!
//! Every git here runs without the user's or the system's config
//! (`GIT_CONFIG_GLOBAL`, `GIT_CONFIG_NOSYSTEM`) and with a fixed identity.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use roadmap::model::Status;

use crate::common::*;

/// `cmd` with git made deterministic: no user or system config; an author
/// and committer unless `identity` is false (then roadmap names them).
fn isolate(cmd: &mut Command, root: &Path, identity: bool) {
    let global = root.join("gitconfig");
    if !global.exists() {
        std::fs::write(&global, "").unwrap();
    }
    cmd.env("GIT_CONFIG_GLOBAL", &global)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    for (k, v) in [
        ("GIT_AUTHOR_NAME", "Learner"),
        ("GIT_AUTHOR_EMAIL", "learner@example.invalid"),
        ("GIT_COMMITTER_NAME", "Learner"),
        ("GIT_COMMITTER_EMAIL", "learner@example.invalid"),
    ] {
        if identity {
            cmd.env(k, v);
        } else {
            cmd.env_remove(k);
        }
    }
}

fn git(root: &Path, dir: &Path, args: &[&str]) -> String {
    let mut c = Command::new("git");
    c.arg("-C").arg(dir).args(args);
    isolate(&mut c, root, true);
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A bare repository, empty, as a new remote is.
fn bare(root: &Path) -> PathBuf {
    let remote = root.join("remote.git");
    git(
        root,
        root,
        &["init", "-q", "--bare", remote.to_str().unwrap()],
    );
    remote
}

/// `roadmap sync --git URL` on machine `m`.
fn sync_cmd(m: &Machine, root: &Path, url: &str, identity: bool) -> Command {
    let mut c = m.cmd(&["sync", "--git", url]);
    isolate(&mut c, root, identity);
    c
}

fn sync_ok(m: &Machine, root: &Path, url: &str) -> String {
    let out = sync_cmd(m, root, url, true).output().unwrap();
    assert!(
        out.status.success(),
        "sync: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn two_clones_pushing_at_once_both_land_one_after_trying_again() {
    let root = tempfile::tempdir().unwrap();
    let remote = bare(root.path());
    let url = remote.to_str().unwrap();
    let a = Machine::new(root.path(), "a", on_time);
    let b = Machine::new(root.path(), "b", on_time);
    a.set("default", "internet", Status::Done);
    b.set("default", "http", Status::Doing);
    b.note("http", "status codes");
    // b clones first (nothing in the remote yet).
    sync_ok(&b, root.path(), url);
    b.set("default", "terminal", Status::Done);
    // Between b's fetch and b's push, a pushes: b's clone runs a's sync
    // from its pre-push hook, once.
    let hook = b.home.join("sync/repo/.git/hooks/pre-push");
    let marker = root.path().join("a-pushed");
    let a_sync = format!(
        "#!/bin/sh\n[ -e '{marker}' ] && exit 0\ntouch '{marker}'\n\
         ROADMAP_HOME='{home}' ROADMAP_CONFIG='{home}/none.toml' '{bin}' sync --git '{url}' >/dev/null 2>'{root}/a.err' || exit 1\n",
        marker = marker.display(),
        home = a.home.display(),
        bin = BIN,
        root = root.path().display(),
    );
    std::fs::write(&hook, a_sync).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out = sync_cmd(&b, root.path(), url, true).output().unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(marker.exists(), "the hook ran a's sync first");
    assert!(
        std::fs::read_to_string(root.path().join("a.err"))
            .unwrap()
            .is_empty()
    );
    // b's push was rejected (a's commit came first), b fetched, rebased
    // and pushed again: a's change came in on the way, both are in the
    // remote, one after the other, never force-pushed.
    assert!(stdout.contains("Came in: 1 change"), "{stdout}");
    let log = git(root.path(), &remote, &["log", "--format=%s", "main"]);
    let subjects: Vec<&str> = log.lines().collect();
    assert_eq!(subjects.len(), 3, "{log}");
    let files = git(root.path(), &remote, &["ls-tree", "--name-only", "main"]);
    assert_eq!(files.lines().count(), 2, "{files}");
    std::fs::remove_file(&hook).unwrap();
    let again = sync_ok(&a, root.path(), url);
    // a had b's first sync already (it cloned in the hook): the change b
    // made since comes in now.
    assert!(again.contains("Came in: 1 change;"), "{again}");
    assert_converged(&[&a, &b], &["default"], &["http"]);
}

#[test]
fn a_missing_remote_is_not_synced_with_its_own_exit_code_and_nothing_is_lost() {
    let root = tempfile::tempdir().unwrap();
    let a = Machine::new(root.path(), "a", on_time);
    a.set("default", "internet", Status::Done);
    let before = a.profile_bytes("default");
    let missing = root.path().join("no-such-remote.git");
    let out = sync_cmd(&a, root.path(), missing.to_str().unwrap(), true)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("not synced: your changes are safe here and go out on the next sync"),
        "{stderr}"
    );
    assert_eq!(a.profile_bytes("default"), before);
    let mut json = a.cmd(&["sync", "--json", "--git", missing.to_str().unwrap()]);
    isolate(&mut json, root.path(), true);
    let out = json.output().unwrap();
    assert_eq!(out.status.code(), Some(75));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["synced"], false, "{v}");

    // Once there (the network is back), the change goes out; while it is
    // gone again, a change waits here and goes out after.
    let remote = bare(root.path());
    let url = remote.to_str().unwrap();
    sync_ok(&a, root.path(), url);
    let b = Machine::new(root.path(), "b", on_time);
    sync_ok(&b, root.path(), url);
    let away = root.path().join("away.git");
    std::fs::rename(&remote, &away).unwrap();
    a.set("default", "http", Status::Done);
    let out = sync_cmd(&a, root.path(), url, true).output().unwrap();
    assert_eq!(out.status.code(), Some(75), "{}", text(&out).1);
    std::fs::rename(&away, &remote).unwrap();
    let went = sync_ok(&a, root.path(), url);
    assert!(went.contains("went out: 1 change"), "{went}");
    sync_ok(&b, root.path(), url);
    assert_converged(&[&a, &b], &["default"], &[]);
}

#[test]
fn a_remote_whose_history_was_rewritten_is_refused_and_nothing_changes_here() {
    let root = tempfile::tempdir().unwrap();
    let remote = bare(root.path());
    let url = remote.to_str().unwrap();
    let a = Machine::new(root.path(), "a", on_time);
    let b = Machine::new(root.path(), "b", on_time);
    a.set("default", "internet", Status::Done);
    sync_ok(&a, root.path(), url);
    b.set("default", "http", Status::Done);
    // No identity configured anywhere: roadmap names the commit itself.
    let out = sync_cmd(&b, root.path(), url, false).output().unwrap();
    assert!(out.status.success(), "{}", text(&out).1);
    // Someone rewrites the remote's history by hand.
    let scratch = root.path().join("scratch");
    git(
        root.path(),
        root.path(),
        &["clone", "-q", url, scratch.to_str().unwrap()],
    );
    git(
        root.path(),
        &scratch,
        &["checkout", "-q", "--orphan", "fresh"],
    );
    std::fs::write(scratch.join("README"), "start over\n").unwrap();
    git(root.path(), &scratch, &["add", "-A"]);
    git(root.path(), &scratch, &["commit", "-q", "-m", "start over"]);
    git(
        root.path(),
        &scratch,
        &["push", "-q", "--force", "origin", "fresh:main"],
    );
    let rewritten = git(root.path(), &remote, &["rev-parse", "main"]);

    b.set("default", "terminal", Status::Doing);
    let before = b.profile_bytes("default");
    let clone_head = git(
        root.path(),
        &b.home.join("sync/repo"),
        &["rev-parse", "HEAD"],
    );
    let out = sync_cmd(&b, root.path(), url, true).output().unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stderr.contains("was rewritten"), "{stderr}");
    assert!(stderr.contains("never force-pushes"), "{stderr}");
    assert_eq!(b.profile_bytes("default"), before, "local data untouched");
    assert_eq!(
        git(root.path(), &remote, &["rev-parse", "main"]),
        rewritten,
        "the remote untouched"
    );
    assert_eq!(
        git(
            root.path(),
            &b.home.join("sync/repo"),
            &["rev-parse", "HEAD"]
        ),
        clone_head
    );
    // Starting over on purpose, as the message says: delete the clone.
    std::fs::remove_dir_all(b.home.join("sync/repo")).unwrap();
    sync_ok(&b, root.path(), url);
    let files = git(root.path(), &remote, &["ls-tree", "--name-only", "main"]);
    assert!(
        files.contains("README") && files.contains("roadmap-"),
        "{files}"
    );
}

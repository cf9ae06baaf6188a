//! Sync through a git remote with the user's own `git` (their keys, their
//! credentials, their proxies), in a clone kept in the data folder
//! (`sync/repo`). The clone is a folder of machine files like any sync
//! folder: [`super::exchange`] merges them and writes this machine's file;
//! around it, git fetches, rebases this machine's commit on what the others
//! pushed (no conflict can arise: each machine writes its own path),
//! commits and pushes, and tries again when another machine pushed first.
//!
//! Never a force-push, never a change to another machine's file. A remote
//! whose history no longer holds the last commit this machine synced was
//! rewritten by hand: refused, nothing changed here. The clone holds
//! nothing that is not also in the profiles, so a clone in a bad state can
//! always be deleted: the next sync clones again.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::machine::Machine;
use super::{Context, Report, SyncError, exchange, machine, machine_file};

/// The clone, inside the sync's folder of the data folder.
pub const CLONE_DIR: &str = "repo";
/// Where the last commit this machine synced with is remembered.
const SYNCED_REF: &str = "refs/roadmap/synced";
/// How often a push rejected because another machine pushed first is tried
/// again (each time after fetching and rebasing).
const PUSH_TRIES: u32 = 8;
/// A git command that runs longer than this is stopped (an unreachable
/// host can take minutes to time out).
const GIT_TIMEOUT: Duration = Duration::from_secs(180);
/// The branch used when the remote names none (an empty repository).
const DEFAULT_BRANCH: &str = "main";

/// Set to stop a running sync's git at once (the interactive view quitting
/// on a signal): the sync ends as "not synced", nothing is lost.
pub static CANCEL: AtomicBool = AtomicBool::new(false);

/// How git may behave.
#[derive(Debug, Clone, Copy, Default)]
pub struct GitOptions {
    /// Whether `git` may ask the user (a terminal is there); otherwise it
    /// must fail rather than wait for an answer.
    pub interactive: bool,
}

/// What one git command did.
struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Out {
    fn ok(&self) -> bool {
        self.code == Some(0)
    }

    /// The last lines git wrote, for a message.
    fn said(&self) -> String {
        let text = if self.stderr.trim().is_empty() {
            &self.stdout
        } else {
            &self.stderr
        };
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("hint:"))
            .collect();
        let tail = lines[lines.len().saturating_sub(3)..].join(" ");
        crate::model::text::clip(&tail, 300)
    }
}

/// `git` run in one folder with our settings.
struct Git {
    dir: PathBuf,
    interactive: bool,
    /// `-c` settings given to every command.
    settings: Vec<String>,
    ssh_batch: bool,
}

impl Git {
    fn new(dir: &Path, interactive: bool) -> Git {
        let hooks = dir.join(".git").join("hooks");
        Git {
            dir: dir.to_path_buf(),
            interactive,
            settings: vec![
                // Only hooks of this clone run (none unless put there), not
                // ones a global core.hooksPath names; our commits are never
                // signed (a passphrase prompt would hang the view).
                format!("core.hooksPath={}", hooks.display()),
                "commit.gpgsign=false".to_string(),
            ],
            ssh_batch: false,
        }
    }

    fn run(&self, args: &[&str]) -> Result<Out, SyncError> {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(&self.dir);
        for s in &self.settings {
            cmd.arg("-c").arg(s);
        }
        cmd.args(args)
            .env("LC_ALL", "C")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // Our clone, whatever the environment points git at.
        for var in [
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES",
            "GIT_NAMESPACE",
            "GIT_COMMON_DIR",
        ] {
            cmd.env_remove(var);
        }
        if self.interactive {
            cmd.stdin(Stdio::inherit());
        } else {
            cmd.stdin(Stdio::null()).env("GIT_TERMINAL_PROMPT", "0");
            if self.ssh_batch {
                cmd.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
            }
        }
        let mut child = cmd.spawn().map_err(|e| SyncError::Git {
            action: args.first().copied().unwrap_or("").to_string(),
            detail: if e.kind() == std::io::ErrorKind::NotFound {
                "git is not installed (or not on PATH); install git, or sync through a folder ([sync] folder = …)".to_string()
            } else {
                format!("cannot run git: {e}")
            },
        })?;
        let read = |pipe: Option<Box<dyn Read + Send>>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                if let Some(mut p) = pipe {
                    let _ = p.read_to_end(&mut bytes);
                }
                String::from_utf8_lossy(&bytes).into_owned()
            })
        };
        let stdout = read(
            child
                .stdout
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        );
        let stderr = read(
            child
                .stderr
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        );
        let start = Instant::now();
        let mut pause = Duration::from_millis(1);
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) => {}
                Err(e) => {
                    return Err(SyncError::Git {
                        action: args.first().copied().unwrap_or("").to_string(),
                        detail: e.to_string(),
                    });
                }
            }
            let cancelled = CANCEL.load(Ordering::SeqCst);
            if cancelled || start.elapsed() > GIT_TIMEOUT {
                let _ = child.kill();
                let _ = child.wait();
                return Err(SyncError::Offline {
                    detail: if cancelled {
                        "stopped".to_string()
                    } else {
                        format!(
                            "git {} took over {} s",
                            args.join(" "),
                            GIT_TIMEOUT.as_secs()
                        )
                    },
                });
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(20));
        };
        Ok(Out {
            code: status.code(),
            stdout: stdout.join().unwrap_or_default(),
            stderr: stderr.join().unwrap_or_default(),
        })
    }

    /// Runs a command that must succeed.
    fn must(&self, args: &[&str]) -> Result<Out, SyncError> {
        let out = self.run(args)?;
        if out.ok() {
            Ok(out)
        } else {
            Err(SyncError::Git {
                action: args.join(" "),
                detail: out.said(),
            })
        }
    }

    /// The commit `rev` names, if any.
    fn commit(&self, rev: &str) -> Result<Option<String>, SyncError> {
        let spec = format!("{rev}^{{commit}}");
        let out = self.run(&["rev-parse", "-q", "--verify", &spec])?;
        Ok(out.ok().then(|| out.stdout.trim().to_string()))
    }
}

/// Syncs through the git remote `url`.
pub fn sync_git(ctx: &Context, url: &str, options: &GitOptions) -> Result<Report, SyncError> {
    if url.trim().is_empty() || url.starts_with('-') {
        return Err(SyncError::Git {
            action: "remote".to_string(),
            detail: format!(
                "'{}' is not a git remote address; write one like git@host:me/roadmap-sync.git",
                crate::model::text::clip(url, 60)
            ),
        });
    }
    let states = ctx.state_dir();
    let _lock = states.lock(ctx.lock_wait)?;
    let machine = machine::this_machine(&states.dir)?;
    let repo = states.dir.join(CLONE_DIR);
    ensure_clone(&states.dir, &repo, url, options.interactive)?;
    let mut git = Git::new(&repo, options.interactive);
    git.ssh_batch = !options.interactive
        && std::env::var_os("GIT_SSH_COMMAND").is_none()
        && std::env::var_os("GIT_SSH").is_none()
        && !git.run(&["config", "--get", "core.sshCommand"])?.ok();
    if !git.run(&["config", "--get", "user.email"])?.ok() {
        // No identity anywhere: name the commits after this machine.
        git.settings
            .push(format!("user.name=roadmap on {}", machine.label()));
        git.settings
            .push(format!("user.email=roadmap@{}.invalid", machine.id));
    }
    let branch = branch(&git)?;
    let mut report: Option<Report> = None;
    let mut tries = 0;
    loop {
        catch_up(&git, url, &branch, &repo)?;
        let round = exchange(ctx, &machine, &repo)?;
        report = Some(match report {
            None => round,
            Some(mut first) => {
                add_counts(&mut first.came_in, &round.came_in);
                first.machines = round.machines;
                first.refused = round.refused;
                first
            }
        });
        commit_own(&git, &machine, &branch)?;
        if !ahead(&git, &branch)? {
            break;
        }
        match push(&git, &branch)? {
            Pushed::Yes => break,
            Pushed::Rejected if tries + 1 < PUSH_TRIES => {
                tries += 1;
                // Machines that keep meeting back off a little, each by
                // its own amount.
                let jitter = u64::from(machine.id.as_bytes()[0] % 16) * 10;
                std::thread::sleep(Duration::from_millis(50 * u64::from(tries) + jitter));
            }
            Pushed::Rejected => {
                return Err(SyncError::Offline {
                    detail: format!("other machines kept pushing first ({PUSH_TRIES} tries)"),
                });
            }
        }
    }
    if git.commit("HEAD")?.is_some() {
        git.must(&["update-ref", SYNCED_REF, "HEAD"])?;
    }
    let mut report = report.unwrap_or_else(|| unreachable_report(&machine));
    report.via = "git";
    report.place = url.to_string();
    Ok(report)
}

fn unreachable_report(machine: &Machine) -> Report {
    Report {
        via: "git",
        place: String::new(),
        machine: machine.clone(),
        machines: Vec::new(),
        came_in: super::Counts::default(),
        went_out: super::Counts::default(),
        refused: Vec::new(),
        problems: Vec::new(),
    }
}

fn add_counts(total: &mut super::Counts, more: &super::Counts) {
    for (k, n) in &more.kinds {
        *total.kinds.entry(k).or_default() += n;
    }
    total.roadmaps.extend(more.roadmaps.iter().cloned());
    total.profiles.extend(more.profiles.iter().cloned());
}

/// Makes sure the clone of `url` exists. A clone of another address is
/// replaced (it holds nothing the profiles do not). Cloning happens under a
/// temporary name, so a killed clone never looks like a clone.
fn ensure_clone(
    states_dir: &Path,
    repo: &Path,
    url: &str,
    interactive: bool,
) -> Result<(), SyncError> {
    if repo.join(".git").is_dir() {
        let git = Git::new(repo, interactive);
        let origin = git.run(&["config", "--get", "remote.origin.url"])?;
        if origin.ok() && origin.stdout.trim() == url {
            clear_stale_locks(&repo.join(".git"));
            return Ok(());
        }
    }
    if repo.exists() {
        std::fs::remove_dir_all(repo)
            .map_err(|e| crate::store::StoreError::io("remove the old clone", repo, e))?;
    }
    remove_stale_clones(states_dir);
    let tmp = tempfile::Builder::new()
        .prefix(CLONE_TMP)
        .tempdir_in(states_dir)
        .map_err(|e| crate::store::StoreError::io("create a folder in", states_dir, e))?;
    let git = Git::new(states_dir, interactive);
    let into = tmp.path().join("clone");
    let into_text = into.display().to_string();
    let out = git.run(&["clone", "-q", "--", url, &into_text])?;
    if !out.ok() {
        return Err(SyncError::Offline {
            detail: format!("git clone: {}", out.said()),
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&into, std::fs::Permissions::from_mode(0o700));
    }
    std::fs::rename(&into, repo)
        .map_err(|e| crate::store::StoreError::io("keep the clone as", repo, e))?;
    Ok(())
}

const CLONE_TMP: &str = ".roadmap-sync.clone-";

/// Removes clones a killed sync left half-made. Call with the sync lock.
fn remove_stale_clones(states_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(states_dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        if e.file_name().to_string_lossy().starts_with(CLONE_TMP) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Removes the `*.lock` files a killed git left in the clone's `.git`
/// (git refuses to work while they exist). Only git run by a sync works in
/// this clone, and we hold the sync lock: any such file is stale.
fn clear_stale_locks(dot_git: &Path) {
    let mut stack = vec![dot_git.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let Ok(kind) = e.file_type() else { continue };
            let name = e.file_name();
            if kind.is_dir() && name != "objects" {
                stack.push(e.path());
            } else if kind.is_file() && name.to_string_lossy().ends_with(".lock") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// The branch machines share: the remote's default branch when it has
/// one, else `main`. HEAD is put on it.
fn branch(git: &Git) -> Result<String, SyncError> {
    let head = git.run(&["symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD"])?;
    let branch = head
        .stdout
        .trim()
        .strip_prefix("origin/")
        .filter(|b| head.ok() && !b.is_empty())
        .unwrap_or(DEFAULT_BRANCH)
        .to_string();
    let target = format!("refs/heads/{branch}");
    let current = git.run(&["symbolic-ref", "-q", "HEAD"])?;
    if current.stdout.trim() != target {
        git.must(&["symbolic-ref", "HEAD", &target])?;
    }
    Ok(branch)
}

/// Fetches, refuses a rewritten history, and puts this machine's commits
/// (if any) on top of what the others pushed.
fn catch_up(git: &Git, url: &str, branch: &str, repo: &Path) -> Result<(), SyncError> {
    let dot_git = repo.join(".git");
    if dot_git.join("rebase-merge").exists() || dot_git.join("rebase-apply").exists() {
        let _ = git.run(&["rebase", "--abort"])?;
    }
    let fetched = git.run(&["fetch", "-q", "--prune", "origin"])?;
    if !fetched.ok() {
        return Err(SyncError::Offline {
            detail: format!("git fetch: {}", fetched.said()),
        });
    }
    let remote = format!("refs/remotes/origin/{branch}");
    let theirs = git.commit(&remote)?;
    if let Some(synced) = git.commit(SYNCED_REF)? {
        let kept = match &theirs {
            None => false,
            Some(_) => git
                .run(&["merge-base", "--is-ancestor", &synced, &remote])?
                .ok(),
        };
        if !kept {
            return Err(SyncError::Rewritten {
                url: url.to_string(),
                commit: synced.chars().take(12).collect(),
                clone: repo.to_path_buf(),
            });
        }
    }
    let Some(theirs) = theirs else {
        return Ok(());
    };
    // What is not committed is this machine's file, written anew below.
    let mine = git.commit("HEAD")?;
    if mine.is_none() {
        git.must(&["reset", "-q", "--hard", &theirs])?;
        return Ok(());
    }
    git.must(&["reset", "-q", "--hard", "HEAD"])?;
    if !git.run(&["rebase", "-q", &theirs])?.ok() {
        // Only a hand edit of this machine's file in the remote can make
        // a rebase stop; this machine's file is rewritten from the
        // profiles anyway, so start from theirs.
        let _ = git.run(&["rebase", "--abort"])?;
        git.must(&["reset", "-q", "--hard", &theirs])?;
    }
    Ok(())
}

/// Commits this machine's file if it changed: one commit on top of what
/// the others pushed (a commit not pushed yet is folded into it).
fn commit_own(git: &Git, machine: &Machine, branch: &str) -> Result<(), SyncError> {
    let name = machine_file::file_name(&machine.id);
    let remote = format!("refs/remotes/origin/{branch}");
    if ahead(git, branch)?
        && let Some(theirs) = git.commit(&remote)?
    {
        git.must(&["reset", "-q", "--soft", &theirs])?;
    }
    git.must(&["add", "--", &name])?;
    let staged = git.run(&["diff", "--cached", "--quiet", "--", &name])?;
    if staged.code == Some(1) {
        let message = format!("roadmap: progress from {}", machine.label());
        git.must(&["commit", "-q", "--no-verify", "-m", &message, "--", &name])?;
    }
    Ok(())
}

/// True when HEAD has commits the remote branch does not.
fn ahead(git: &Git, branch: &str) -> Result<bool, SyncError> {
    let Some(head) = git.commit("HEAD")? else {
        return Ok(false);
    };
    let remote = format!("refs/remotes/origin/{branch}");
    match git.commit(&remote)? {
        None => Ok(true),
        Some(theirs) => Ok(head != theirs
            && !git
                .run(&["merge-base", "--is-ancestor", &head, &theirs])?
                .ok()),
    }
}

enum Pushed {
    Yes,
    /// Another machine pushed first.
    Rejected,
}

fn push(git: &Git, branch: &str) -> Result<Pushed, SyncError> {
    let refspec = format!("HEAD:refs/heads/{branch}");
    let out = git.run(&["push", "--porcelain", "origin", &refspec])?;
    if out.ok() {
        return Ok(Pushed::Yes);
    }
    let all = format!("{}\n{}", out.stdout, out.stderr);
    // Another machine's push landed while ours was on its way: the remote
    // found the branch moved under it.
    let raced = [
        "cannot lock ref",
        "but expected",
        "failed to update ref",
        "incorrect old value",
    ]
    .iter()
    .any(|m| all.contains(m));
    if all.contains("[remote rejected]") && !raced {
        return Err(SyncError::Git {
            action: "push".to_string(),
            detail: out.said(),
        });
    }
    if raced
        || all.contains("[rejected]")
        || all.contains("fetch first")
        || all.contains("non-fast-forward")
    {
        return Ok(Pushed::Rejected);
    }
    Err(SyncError::Offline {
        detail: format!("git push: {}", out.said()),
    })
}

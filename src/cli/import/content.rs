//! Reading a roadmap.sh content folder (`--content DIR`): every `.md` file
//! below it, and nothing else. The folder named is the user's (a link to it
//! is followed); inside it nothing is followed: a symbolic link (to a
//! folder, to `/`, to `~/.aws/credentials`) is skipped and reported, every
//! folder is visited once, folders and files are counted, every file is
//! read through `store::safe::read_file` (no link, no FIFO, a size cap) and
//! the bytes read in all are capped. See docs/reliability.md, section 15.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::super::Failure;
use super::user;
use crate::fetch::progress::size;
use crate::import::ContentFile;
use crate::store::safe::{self, Links, ReadError};

/// How far a content folder is read.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    /// A larger file is not a topic's text; it is skipped.
    pub file: u64,
    /// More `.md` files than this: not one roadmap's folder (an error).
    pub files: usize,
    /// More folders than this: not one roadmap's folder (an error).
    pub folders: usize,
    /// More bytes than this in all: not one roadmap's folder (an error).
    pub total: u64,
    /// How deep folders are searched (old layouts nest a little).
    pub depth: usize,
}

/// A real content folder holds a few hundred files of a few KiB.
pub(super) const LIMITS: Limits = Limits {
    file: 1024 * 1024,
    files: 100_000,
    folders: 10_000,
    total: 64 * 1024 * 1024,
    depth: 8,
};

/// What was skipped, by kind, with one example path each.
#[derive(Default)]
struct Skipped {
    links: Vec<String>,
    too_large: Vec<String>,
    special: Vec<String>,
    unreadable: Vec<String>,
    too_deep: Vec<String>,
}

/// Every `.md` file below `dir`, with paths relative to it (`/`-separated).
pub(super) fn read(
    dir: &Path,
    limits: Limits,
    warnings: &mut Vec<String>,
) -> Result<Vec<ContentFile>, Failure> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        _ => {
            return Err(user(
                format!("the content folder {} is not a folder", dir.display()),
                "give the roadmap's content folder (the one with `<topic>@<id>.md` files); nothing was written",
            ));
        }
    }
    let mut walk = Walk {
        dir,
        limits,
        files: Vec::new(),
        skipped: Skipped::default(),
        folders: 0,
        total: 0,
    };
    let mut seen: HashSet<(u64, u64)> = HashSet::new();
    let mut stack: Vec<(PathBuf, String, usize)> = vec![(dir.to_path_buf(), String::new(), 0)];
    while let Some((folder, prefix, depth)) = stack.pop() {
        if let Some(id) = identity(&folder)
            && !seen.insert(id)
        {
            continue;
        }
        let entries = fs::read_dir(&folder).map_err(|e| {
            user(
                format!("cannot read the folder {}: {e}", folder.display()),
                "check its permissions; nothing was written",
            )
        })?;
        for entry in entries {
            match entry {
                Ok(entry) => {
                    if let Some(sub) = walk.entry(&entry, &prefix, depth)? {
                        stack.push(sub);
                    }
                }
                Err(_) => walk.skipped.unreadable.push(prefix.clone()),
            }
        }
    }
    walk.skipped.report(limits, warnings);
    Ok(walk.files)
}

/// A walk under way.
struct Walk<'a> {
    dir: &'a Path,
    limits: Limits,
    files: Vec<ContentFile>,
    skipped: Skipped,
    folders: usize,
    total: u64,
}

impl Walk<'_> {
    fn too_much(&self, what: &str) -> Failure {
        user(
            format!("the content folder {} {what}", self.dir.display()),
            "give the content folder of one roadmap (the one with `<topic>@<id>.md` files, a few hundred KiB); nothing was written",
        )
    }

    /// Looks at one entry of a folder at `depth` whose path is `prefix`:
    /// reads it, skips it (noting why), or returns the folder to search.
    fn entry(
        &mut self,
        entry: &fs::DirEntry,
        prefix: &str,
        depth: usize,
    ) -> Result<Option<(PathBuf, String, usize)>, Failure> {
        let Ok(name) = entry.file_name().into_string() else {
            self.skipped.unreadable.push(format!("{prefix}?"));
            return Ok(None);
        };
        let relative = format!("{prefix}{name}");
        // The entry itself: a link is not followed.
        let Ok(kind) = entry.file_type() else {
            self.skipped.unreadable.push(relative);
            return Ok(None);
        };
        if kind.is_symlink() {
            self.skipped.links.push(relative);
            return Ok(None);
        }
        if kind.is_dir() {
            self.folders += 1;
            if self.folders > self.limits.folders {
                return Err(
                    self.too_much(&format!("has more than {} folders", self.limits.folders))
                );
            }
            if depth < self.limits.depth {
                return Ok(Some((entry.path(), format!("{relative}/"), depth + 1)));
            }
            self.skipped.too_deep.push(relative);
            return Ok(None);
        }
        let md = Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"));
        if !md {
            return Ok(None);
        }
        if !kind.is_file() {
            self.skipped.special.push(relative);
            return Ok(None);
        }
        if self.files.len() >= self.limits.files {
            return Err(self.too_much(&format!("has more than {} files", self.limits.files)));
        }
        match safe::read_file(&entry.path(), Links::Refuse, self.limits.file) {
            Ok(bytes) => {
                self.total += bytes.len() as u64;
                if self.total > self.limits.total {
                    return Err(self.too_much(&format!(
                        "holds more than {} of .md files (reading stopped there)",
                        size(self.limits.total)
                    )));
                }
                self.files.push(ContentFile {
                    path: relative,
                    bytes,
                });
            }
            Err(ReadError::TooLarge { .. }) => self.skipped.too_large.push(relative),
            Err(ReadError::NotAFile("a symbolic link")) => self.skipped.links.push(relative),
            Err(ReadError::NotAFile(_)) => self.skipped.special.push(relative),
            Err(ReadError::Missing | ReadError::Io(_)) => self.skipped.unreadable.push(relative),
        }
        Ok(None)
    }
}

/// A folder's device and inode, so no folder is read twice.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::symlink_metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &Path) -> Option<(u64, u64)> {
    None
}

impl Skipped {
    /// One warning per kind, with a count and an example.
    fn report(mut self, limits: Limits, warnings: &mut Vec<String>) {
        let mut say = |list: &mut Vec<String>, what: &str| {
            if list.is_empty() {
                return;
            }
            list.sort();
            warnings.push(format!(
                "{} {what} (for example '{}'); they were skipped",
                list.len(),
                crate::model::text::clip(&list[0], 120)
            ));
        };
        say(
            &mut self.links,
            "symbolic link(s) in the content folder were not followed: only the folder's own files are read",
        );
        say(
            &mut self.too_large,
            &format!(
                "content file(s) are larger than {}, more than a topic's text",
                size(limits.file)
            ),
        );
        say(
            &mut self.special,
            "content entries are not regular files (named pipes, devices or sockets)",
        );
        say(&mut self.unreadable, "content entries could not be read");
        say(
            &mut self.too_deep,
            &format!(
                "folder(s) lie more than {} levels deep and were not searched",
                limits.depth
            ),
        );
    }
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::os::unix::fs::symlink;

    fn small() -> Limits {
        Limits {
            file: 100,
            files: 5,
            folders: 3,
            total: 250,
            depth: 2,
        }
    }

    fn paths(files: &[ContentFile]) -> Vec<&str> {
        let mut p: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        p.sort_unstable();
        p
    }

    #[test]
    fn links_are_never_followed_and_each_kind_is_reported_once() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("content");
        fs::create_dir_all(dir.join("a/b/c")).unwrap();
        fs::write(dir.join("x@1.md"), "# X").unwrap();
        fs::write(dir.join("a/y@2.md"), "# Y").unwrap();
        fs::write(dir.join("a/b/c/deep@3.md"), "# deep").unwrap();
        fs::write(dir.join("big@4.md"), "z".repeat(101)).unwrap();
        fs::write(dir.join("notes.txt"), "not read").unwrap();
        fs::write(root.path().join("secret"), "KEY").unwrap();
        symlink(root.path().join("secret"), dir.join("secret@5.md")).unwrap();
        symlink(".", dir.join("loop")).unwrap();
        symlink("/", dir.join("a/root")).unwrap();
        rustix::fs::mknodat(
            rustix::fs::CWD,
            dir.join("pipe@6.md"),
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        let mut warnings = Vec::new();
        let files = read(&dir, small(), &mut warnings).unwrap();
        assert_eq!(paths(&files), ["a/y@2.md", "x@1.md"]);
        let all = warnings.join("\n");
        assert_eq!(warnings.len(), 4, "{all}");
        assert!(all.contains("3 symbolic link(s)"), "{all}");
        assert!(all.contains("1 content file(s) are larger"), "{all}");
        assert!(
            all.contains("1 content entries are not regular files"),
            "{all}"
        );
        assert!(
            all.contains("1 folder(s) lie more than 2 levels deep"),
            "{all}"
        );
        assert!(!files.iter().any(|f| f.bytes == b"KEY"));
    }

    #[test]
    fn too_many_folders_files_or_bytes_stop_the_walk_with_an_error() {
        let root = tempfile::tempdir().unwrap();
        for i in 0..4 {
            fs::create_dir(root.path().join(format!("d{i}"))).unwrap();
        }
        let err = read(root.path(), small(), &mut Vec::new()).unwrap_err();
        assert!(
            format!("{err:?}").contains("more than 3 folders"),
            "{err:?}"
        );

        let root = tempfile::tempdir().unwrap();
        for i in 0..6 {
            fs::write(root.path().join(format!("t@{i}.md")), "x").unwrap();
        }
        let err = read(root.path(), small(), &mut Vec::new()).unwrap_err();
        assert!(format!("{err:?}").contains("more than 5 files"), "{err:?}");

        // Hard links to one file are counted each time they are read.
        let root = tempfile::tempdir().unwrap();
        fs::write(root.path().join("t@0.md"), "y".repeat(100)).unwrap();
        for i in 1..3 {
            fs::hard_link(
                root.path().join("t@0.md"),
                root.path().join(format!("t@{i}.md")),
            )
            .unwrap();
        }
        let err = read(root.path(), small(), &mut Vec::new()).unwrap_err();
        assert!(format!("{err:?}").contains("holds more than"), "{err:?}");
    }

    #[test]
    fn the_named_folder_may_be_a_link_but_not_a_file() {
        let root = tempfile::tempdir().unwrap();
        let real = root.path().join("real");
        fs::create_dir(&real).unwrap();
        fs::write(real.join("x@1.md"), "# X").unwrap();
        let link = root.path().join("link");
        symlink(&real, &link).unwrap();
        assert_eq!(read(&link, small(), &mut Vec::new()).unwrap().len(), 1);
        let err = read(&real.join("x@1.md"), small(), &mut Vec::new()).unwrap_err();
        assert!(format!("{err:?}").contains("is not a folder"), "{err:?}");
    }
}

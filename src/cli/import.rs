//! `roadmap import FILE [--content DIR] [--id ID] [--dry-run] [-o FILE]`:
//! converts a roadmap.sh roadmap and keeps it in the library. Nothing is
//! written unless the converted roadmap passes the loader's validation.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::Failure;
use super::out::{self, line};
use crate::import::{self, ContentFile, Options, slug};
use crate::model::{self, limits};
use crate::store::library::{BUILTIN_ID, Library};

/// A content file larger than this is not a topic's text; it is skipped.
const MAX_CONTENT_FILE: u64 = 1024 * 1024;
/// At most this many content files are read.
const MAX_CONTENT_FILES: usize = 100_000;
/// How deep the content folder is searched (old layouts nest a little).
const MAX_DEPTH: usize = 8;

/// What was asked for.
pub struct Request<'a> {
    pub file: &'a Path,
    pub content: Option<&'a Path>,
    pub id: Option<&'a str>,
    pub dry_run: bool,
    pub output: Option<&'a Path>,
}

fn user(line: String, help: &str) -> Failure {
    Failure::User {
        lines: vec![line],
        help: Some(help.to_string()),
    }
}

/// Reads at most the file limit; a larger file is refused.
fn read_bounded(path: &Path) -> Result<Vec<u8>, Failure> {
    let fail = |e: std::io::Error| {
        user(
            format!("cannot read {}: {e}", path.display()),
            "check the path and its permissions; nothing was written",
        )
    };
    let file = fs::File::open(path).map_err(fail)?;
    let mut bytes = Vec::new();
    file.take(limits::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    if bytes.len() > limits::MAX_FILE_BYTES {
        return Err(user(
            format!(
                "{} is larger than {} bytes, the most a roadmap may be",
                path.display(),
                limits::MAX_FILE_BYTES
            ),
            "nothing was written",
        ));
    }
    Ok(bytes)
}

/// Every `.md` file below `dir`, with paths relative to it.
fn read_content(dir: &Path, warnings: &mut Vec<String>) -> Result<Vec<ContentFile>, Failure> {
    if !dir.is_dir() {
        return Err(user(
            format!("the content folder {} is not a folder", dir.display()),
            "give the roadmap's content folder (the one with `<topic>@<id>.md` files); nothing was written",
        ));
    }
    let mut files = Vec::new();
    let mut stack: Vec<(PathBuf, String, usize)> = vec![(dir.to_path_buf(), String::new(), 0)];
    let (mut too_large, mut unreadable) = (0usize, 0usize);
    while let Some((folder, prefix, depth)) = stack.pop() {
        let entries = fs::read_dir(&folder).map_err(|e| {
            user(
                format!("cannot read the folder {}: {e}", folder.display()),
                "check its permissions; nothing was written",
            )
        })?;
        for entry in entries.filter_map(Result::ok) {
            let Ok(name) = entry.file_name().into_string() else {
                unreadable += 1;
                continue;
            };
            let path = entry.path();
            let relative = format!("{prefix}{name}");
            let Ok(meta) = fs::metadata(&path) else {
                unreadable += 1;
                continue;
            };
            if meta.is_dir() {
                if depth < MAX_DEPTH {
                    stack.push((path, format!("{relative}/"), depth + 1));
                }
                continue;
            }
            if !meta.is_file()
                || !Path::new(&name)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("md"))
            {
                continue;
            }
            if meta.len() > MAX_CONTENT_FILE {
                too_large += 1;
                continue;
            }
            if files.len() >= MAX_CONTENT_FILES {
                return Err(user(
                    format!(
                        "the content folder {} has more than {MAX_CONTENT_FILES} files",
                        dir.display()
                    ),
                    "give the folder of one roadmap; nothing was written",
                ));
            }
            match fs::read(&path) {
                Ok(bytes) => files.push(ContentFile {
                    path: relative,
                    bytes,
                }),
                Err(_) => unreadable += 1,
            }
        }
    }
    if too_large > 0 {
        warnings.push(format!(
            "{too_large} content file(s) are larger than {MAX_CONTENT_FILE} bytes; they were skipped"
        ));
    }
    if unreadable > 0 {
        warnings.push(format!(
            "{unreadable} content file(s) could not be read; they were skipped"
        ));
    }
    Ok(files)
}

fn failed(e: &import::ImportError) -> Failure {
    user(
        e.to_string(),
        "nothing was written; see docs/importing.md for the files `roadmap import` reads",
    )
}

pub fn import(req: &Request<'_>) -> Result<(), Failure> {
    let shown = req.file.display().to_string();
    let bytes = read_bounded(req.file)?;
    let mut warnings = Vec::new();
    let content = match req.content {
        Some(dir) => read_content(dir, &mut warnings)?,
        None => Vec::new(),
    };
    let stem = req
        .file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("imported");
    let mut options = Options {
        source: shown.clone(),
        id: req.id.map(str::to_string),
        fallback_id: slug(stem),
        with_content: req.content.is_some(),
        previous: import::Previous::new(),
    };
    let first = import::convert(&bytes, &content, &options).map_err(|e| failed(&e))?;
    // Imported before: nodes found again keep their ids, so progress
    // carries over even when a label changed.
    let earlier = match req.output {
        Some(path) => Some(path.to_path_buf()),
        None => Library::open().ok().map(|lib| lib.path_of(&first.id)),
    };
    let converted = match earlier
        .filter(|p| p.is_file())
        .and_then(|p| crate::session::load_file(&p).ok())
    {
        Some(before) => {
            options.previous = import::previous_ids(&before);
            import::convert(&bytes, &content, &options).map_err(|e| failed(&e))?
        }
        None => first,
    };
    warnings.extend(converted.warnings);
    let builtin_id = model::builtin().map(|r| r.id).unwrap_or_default();
    if req.output.is_none() && (converted.id == BUILTIN_ID || converted.id == builtin_id) {
        return Err(user(
            format!("the id '{}' belongs to the built-in roadmap", converted.id),
            "choose another with --id ID; nothing was written",
        ));
    }
    // The same validation and cleaning as any roadmap file.
    let roadmap = model::load(&converted.json, &format!("{shown} (converted)"))?;

    let mut text = String::new();
    let mut err = String::new();
    for w in &warnings {
        line!(err, "warning: {w}");
    }
    line!(
        text,
        "ok: {} → '{}' ({}): {}",
        shown,
        roadmap.id,
        roadmap.title,
        super::validate::summary(&roadmap),
    );
    if req.dry_run {
        line!(text, "dry run: nothing was written");
    } else if let Some(path) = req.output {
        super::output::write_output(path, &converted.json).map_err(|e| {
            user(
                format!("cannot write to {}: {e}", path.display()),
                "check the folder and its permissions, or leave out -o to keep it in your library",
            )
        })?;
        line!(text, "written to {}", path.display());
        line!(text, "use it with: roadmap --roadmap {}", path.display());
    } else {
        let lib = Library::open()?;
        let again = lib.contains(&roadmap.id);
        let path = lib.save(&roadmap.id, &converted.json)?;
        if again {
            line!(
                text,
                "replaced the earlier import in your library: {} (progress on kept skills carries over)",
                path.display()
            );
        } else {
            line!(text, "saved in your library: {}", path.display());
        }
        line!(
            text,
            "make it the default with: roadmap use {}   (or: roadmap --roadmap {} status)",
            roadmap.id,
            roadmap.id
        );
    }
    if !err.is_empty() {
        out::emit_err(&err);
    }
    out::emit(&text)
}

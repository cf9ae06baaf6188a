//! `roadmap import FILE|NAME|URL [--content DIR] [--id ID] [--dry-run]
//! [--refresh] [-o FILE]`: converts a roadmap.sh roadmap (a file, or one
//! downloaded by name, see `by_name`) and keeps it in the library. Nothing
//! is written unless the converted roadmap passes the loader's validation.

mod by_name;
mod content;

use std::path::Path;

use chrono::{DateTime, Utc};

use super::Failure;
use super::out::{self, line};
use crate::fetch::Site;
use crate::import::{self, ContentFile, Options, slug};
use crate::model::{self, Roadmap, Status, limits};
use crate::store::Store;
use crate::store::library::{BUILTIN_ID, Library};
use crate::store::safe::{self, Links, ReadError};

/// What was asked for.
pub struct Request<'a> {
    /// A roadmap file, a roadmap.sh name, or a roadmap's page address.
    pub target: &'a Path,
    pub content: Option<&'a Path>,
    pub id: Option<&'a str>,
    pub dry_run: bool,
    pub output: Option<&'a Path>,
    /// Download again even when the cache has the roadmap.
    pub refresh: bool,
    /// The profile whose progress a re-import reports on.
    pub profile: &'a str,
    pub now: DateTime<Utc>,
}

/// What goes into the converter, from a file or a download.
struct Input {
    bytes: Vec<u8>,
    content: Vec<ContentFile>,
    /// How the roadmap is named in messages.
    source: String,
    fallback_id: String,
    with_content: bool,
    warnings: Vec<String>,
    /// Lines for the report (where the roadmap came from).
    notes: Vec<String>,
}

fn user(line: String, help: &str) -> Failure {
    Failure::User {
        lines: vec![line],
        help: Some(help.to_string()),
    }
}

pub fn import(req: &Request<'_>) -> Result<(), Failure> {
    let input = if let Some((site, name)) = name_of(req.target)? {
        if req.content.is_some() {
            return Err(user(
                format!(
                    "--content is for a roadmap file; '{name}' is downloaded with its topics' texts"
                ),
                "leave --content out, or import the roadmap's JSON file with its content folder",
            ));
        }
        let bare = req.target.to_str().is_some_and(crate::fetch::site::is_name);
        by_name::input(&site, &name, bare, req.refresh, req.dry_run, req.now)?
    } else {
        if req.refresh {
            return Err(user(
                format!(
                    "--refresh is for a roadmap imported by name; {} is a file",
                    req.target.display()
                ),
                "leave --refresh out (a file is read as it is now)",
            ));
        }
        from_file(req)?
    };
    convert_and_keep(req, input)
}

/// The roadmap.sh name `target` stands for, if it is a name or a page
/// address rather than a file. A file that exists is always a file.
fn name_of(target: &Path) -> Result<Option<(Site, String)>, Failure> {
    if std::fs::symlink_metadata(target).is_ok() {
        return Ok(None);
    }
    let Some(text) = target.to_str() else {
        return Ok(None);
    };
    if !text.contains("://") && !crate::fetch::site::is_name(text) && !text.contains("roadmap.sh/")
    {
        return Ok(None);
    }
    let site = Site::from_env().map_err(|e| user(e, "nothing was written"))?;
    match site.name_of(text) {
        None => Ok(None),
        Some(Ok(name)) => Ok(Some((site, name))),
        Some(Err(why)) => Err(user(why, "nothing was written")),
    }
}

fn from_file(req: &Request<'_>) -> Result<Input, Failure> {
    let path = req.target;
    let shown = path.display().to_string();
    let bytes = safe::read_file(path, Links::Follow, limits::MAX_FILE_BYTES as u64).map_err(
        |e| match e {
            ReadError::TooLarge { max, .. } => user(
                format!("{shown} is larger than {max} bytes, the most a roadmap may be"),
                "nothing was written",
            ),
            e => user(
                format!("cannot read {shown}: {}", e.describe()),
                "check the path and its permissions, or give a roadmap.sh name (roadmap import backend); nothing was written",
            ),
        },
    )?;
    let mut warnings = Vec::new();
    let content = match req.content {
        Some(dir) => content::read(dir, content::LIMITS, &mut warnings)?,
        None => Vec::new(),
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("imported");
    Ok(Input {
        bytes,
        content,
        source: shown,
        fallback_id: slug(stem),
        with_content: req.content.is_some(),
        warnings,
        notes: Vec::new(),
    })
}

fn failed(e: &import::ImportError) -> Failure {
    user(
        e.to_string(),
        "nothing was written; see docs/importing.md for the files `roadmap import` reads",
    )
}

/// Whether `id` is the built-in roadmap's (by its library name or its own id).
fn is_builtin(id: &str) -> bool {
    id == BUILTIN_ID || model::builtin().is_ok_and(|r| r.id == id)
}

/// The id a roadmap whose natural id is the built-in one's gets instead:
/// the same for every import of it, so a re-import replaces it.
fn free_id(natural: &str) -> String {
    let base: String = natural.chars().take(limits::MAX_ID - 11).collect();
    format!("{}-roadmap-sh", base.trim_end_matches('-'))
}

fn convert_and_keep(req: &Request<'_>, input: Input) -> Result<(), Failure> {
    let mut warnings = input.warnings;
    let mut notes = input.notes;
    let mut options = Options {
        source: input.source.clone(),
        id: req.id.map(str::to_string),
        fallback_id: input.fallback_id.clone(),
        with_content: input.with_content,
        previous: import::Previous::new(),
    };
    let first = import::convert(&input.bytes, &input.content, &options).map_err(|e| failed(&e))?;
    let id = choose_id(req, &first.id, &mut notes, &mut warnings)?;
    // Imported before: nodes found again keep their ids, so progress
    // carries over even when a label changed.
    let earlier_path = match req.output {
        Some(path) => Some(path.to_path_buf()),
        None => Library::open().ok().map(|lib| lib.path_of(&id)),
    };
    let earlier = earlier_path
        .filter(|p| p.is_file())
        .and_then(|p| crate::session::load_file(&p).ok());
    let converted = if earlier.is_some() || id != first.id {
        options.id = Some(id.clone());
        if let Some(before) = &earlier {
            options.previous = import::previous_ids(before);
        }
        import::convert(&input.bytes, &input.content, &options).map_err(|e| failed(&e))?
    } else {
        first
    };
    warnings.extend(converted.warnings);
    // The same validation and cleaning as any roadmap file.
    let roadmap = model::load(&converted.json, &format!("{} (converted)", input.source))?;
    let dropped = earlier
        .as_ref()
        .map(|before| dropped_with_progress(before, &roadmap, req.profile))
        .unwrap_or_default();

    let mut text = String::new();
    let mut err = String::new();
    for w in &warnings {
        line!(err, "warning: {w}");
    }
    for n in &notes {
        line!(text, "{n}");
    }
    line!(
        text,
        "ok: {} → '{}' ({}): {}",
        input.source,
        roadmap.id,
        roadmap.title,
        super::validate::summary(&roadmap),
    );
    if !dropped.is_empty() {
        line!(
            text,
            "{} {} skill(s) you have progress on: {}; your progress on them stays in profile '{}' and returns if they come back in a later version",
            if req.dry_run {
                "this version would drop"
            } else {
                "this version drops"
            },
            dropped.len(),
            dropped.join(", "),
            req.profile
        );
    }
    keep(req, &roadmap, &converted.json, &mut text)?;
    if !err.is_empty() {
        out::emit_err(&err);
    }
    out::emit(&text)
}

/// The id the roadmap is kept under: `--id`, else its own, else (when its
/// own is the built-in roadmap's) a free one, said in `notes`.
fn choose_id(
    req: &Request<'_>,
    natural: &str,
    notes: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Result<String, Failure> {
    if req.output.is_some() || !is_builtin(natural) {
        return Ok(natural.to_string());
    }
    if req.id.is_none() {
        let id = free_id(natural);
        notes.push(format!(
            "its own id '{natural}' is the built-in roadmap's, so it is kept as '{id}' (choose another with --id ID)"
        ));
        Ok(id)
    } else if req.dry_run {
        warnings.push(format!(
            "the id '{natural}' belongs to the built-in roadmap: a real import would be refused; choose another with --id ID"
        ));
        Ok(natural.to_string())
    } else {
        Err(user(
            format!("the id '{natural}' belongs to the built-in roadmap"),
            "choose another with --id ID; nothing was written",
        ))
    }
}

/// Writes the converted roadmap where it goes (nowhere on a dry run) and
/// says so in `text`.
fn keep(
    req: &Request<'_>,
    roadmap: &Roadmap,
    json: &[u8],
    text: &mut String,
) -> Result<(), Failure> {
    if req.dry_run {
        line!(text, "dry run: nothing was written");
    } else if let Some(path) = req.output {
        crate::cli::output::write_output(path, json).map_err(|e| {
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
        let path = lib.save(&roadmap.id, json)?;
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
    Ok(())
}

/// The skills of `before` that `after` no longer has (by id or alias) on
/// which `profile` has progress or a note, as `'Title' (done)`.
fn dropped_with_progress(before: &Roadmap, after: &Roadmap, profile: &str) -> Vec<String> {
    let Ok(progress) = Store::open(profile).and_then(|s| s.load()) else {
        return Vec::new();
    };
    let Some(kept) = progress.roadmaps.get(&before.id) else {
        return Vec::new();
    };
    crate::import::dropped(before, after)
        .into_iter()
        .filter_map(|d| {
            let i = before.skill_index(&d.id)?;
            let s = &before.skills[i];
            let status = progress.entry(before, i).map_or(Status::Todo, |e| e.status);
            let noted = d
                .names
                .iter()
                .any(|k| kept.notes.get(k).is_some_and(|n| !n.text.trim().is_empty()));
            let what = match (status, noted) {
                (Status::Todo, false) => return None,
                (Status::Todo, true) => "a note".to_string(),
                (status, false) => status.to_string(),
                (status, true) => format!("{status}, a note"),
            };
            Some(format!(
                "'{}' ({what})",
                crate::model::text::clip(&s.title, 80)
            ))
        })
        .collect()
}

//! `roadmap import NAME` (or the roadmap's page address): the roadmap and
//! its topics' texts from roadmap.sh, or from the cache of an earlier
//! download (`--refresh` downloads again). A download is kept in the cache
//! only when it arrived whole; one that failed leaves the cache and the
//! library as they were.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use super::super::Failure;
use super::{Input, user};
use crate::fetch::{self, Downloaded, FetchError, Progress, Site, topic};
use crate::import::ContentFile;
use crate::store::cache::{Cache, CacheError, Cached};

/// The roadmap `name` from `site`, ready to convert. `bare`: the user typed
/// the name alone (it could have been meant as a file).
pub(super) fn input(
    site: &Site,
    name: &str,
    bare: bool,
    refresh: bool,
    dry_run: bool,
    now: DateTime<Utc>,
) -> Result<Input, Failure> {
    let cache = Cache::at(&crate::store::data_dir()?, &site.cache_key(), name);
    let mut warnings = Vec::new();
    let mut notes = Vec::new();
    let mut damaged = None;
    if !refresh {
        match cache.load() {
            Ok(Some(cached)) => {
                notes.push(from_cache(&cached, &cache));
                return Ok(prepare(site, name, &cached.download, warnings, notes));
            }
            Ok(None) => {}
            Err(CacheError::Damaged { path, why }) => {
                warnings.push(format!(
                    "the cached copy {} is damaged ({why}); it is not used: downloading the roadmap again",
                    path.display()
                ));
                damaged = Some(why);
            }
            Err(CacheError::Store(e)) => return Err(e.into()),
        }
    }
    let mut progress = Progress::new(name);
    let download = match fetch::download(site, name, &mut progress) {
        Ok(d) => d,
        Err(e) => {
            progress.clear();
            let mut failure = failed(&e, refresh, damaged.as_deref(), &cache);
            if let (FetchError::NoSuchRoadmap { .. }, true, Failure::User { lines, .. }) =
                (&e, bare, &mut failure)
            {
                lines.push(format!(
                    "there is no file named '{name}' here either (a roadmap file is imported by its path)"
                ));
            }
            return Err(failure);
        }
    };
    progress.clear();
    let mut line = format!(
        "downloaded {}: the roadmap and {} topic text(s), {}",
        site.page_url(name),
        download.texts(),
        fetch::progress::size(download.bytes())
    );
    if dry_run {
        line.push_str(" (not kept: dry run)");
    } else {
        match cache.save(&download, site.base(), now) {
            Ok(()) => {
                let _ = write!(line, "; kept in {}", cache.dir().display());
            }
            Err(e) => warnings.push(format!(
                "the download could not be kept for offline use ({e}); the import goes on"
            )),
        }
    }
    notes.push(line);
    Ok(prepare(site, name, &download, warnings, notes))
}

fn from_cache(cached: &Cached, cache: &Cache) -> String {
    format!(
        "read from the cache (downloaded from {} on {}): {}; `--refresh` downloads it again",
        cached.source,
        cached.downloaded.format("%Y-%m-%d %H:%M UTC"),
        cache.dir().display()
    )
}

/// The download as the converter reads a file and its content folder: the
/// roadmap document and one `<slug>@<nodeId>.md` file per topic text.
fn prepare(
    site: &Site,
    name: &str,
    download: &Downloaded,
    mut warnings: Vec<String>,
    report: Vec<String>,
) -> Input {
    let (nodes, unusable) = topic::trackable(&download.roadmap).unwrap_or_default();
    let labels: HashMap<&str, &str> = nodes
        .iter()
        .map(|n| (n.id.as_str(), n.label.as_str()))
        .collect();
    let mut content: Vec<ContentFile> = Vec::new();
    let mut without = Vec::new();
    let mut unreadable = 0;
    for (id, text) in &download.topics {
        let node = fetch::Node {
            id: id.clone(),
            label: labels.get(id.as_str()).copied().unwrap_or("").to_string(),
        };
        match text.as_deref().map(|t| topic::content_file(&node, t)) {
            Some(Some(file)) => content.push(file),
            Some(None) => unreadable += 1,
            None => without.push(node.label),
        }
    }
    if !without.is_empty() {
        let examples: Vec<String> = without
            .iter()
            .take(3)
            .map(|l| format!("'{}'", crate::model::text::clip(l, 60)))
            .collect();
        warnings.push(format!(
            "{} topic(s) have no text on roadmap.sh (for example {}); they have no description or links",
            without.len(),
            examples.join(", ")
        ));
    }
    if unreadable > 0 {
        warnings.push(format!(
            "{unreadable} topic text(s) are not in the shape roadmap.sh serves; those topics have no description or links"
        ));
    }
    if unusable > 0 {
        warnings.push(format!(
            "{unusable} topic(s) have an id that cannot be part of an address; their texts were not downloaded"
        ));
    }
    Input {
        bytes: download.roadmap.clone(),
        content,
        source: site.page_url(name),
        fallback_id: name.to_string(),
        with_content: false,
        warnings,
        notes: report,
    }
}

fn failed(e: &FetchError, refresh: bool, damaged: Option<&str>, cache: &Cache) -> Failure {
    let mut lines = vec![e.to_string()];
    let mut help = format!("nothing was written; {}", e.help());
    if let Some(why) = damaged {
        lines.push(format!(
            "the cached copy in {} cannot be used either ({why})",
            cache.dir().display()
        ));
    } else if refresh && matches!(cache.load(), Ok(Some(_))) {
        help.push_str(
            "; the copy downloaded before is still in the cache: import without --refresh to use it",
        );
    }
    let mut failure = user(lines.remove(0), &help);
    if let Failure::User { lines: l, .. } = &mut failure {
        l.extend(lines);
    }
    failure
}

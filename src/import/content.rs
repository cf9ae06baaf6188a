//! The content folder: `<slug>@<nodeId>.md` files with a `# Title`, a
//! description and resource lines `- [@kind@Title](url)`.

use crate::model::limits;
use crate::model::{Resource, ResourceKind};

/// What one content file holds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Content {
    pub description: String,
    pub resources: Vec<Resource>,
    /// Resource lines with a kind we do not know (kept as articles).
    pub unknown_kinds: usize,
    /// Resource lines whose address is not http(s) or too long (dropped).
    pub bad_urls: usize,
}

/// The node id a content file names: what follows the last `@` of a
/// `.md` file name. `None` for the old numbered layout (`102-go.md`).
pub(super) fn node_id_of(path: &str) -> Option<&str> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.strip_suffix(".md")?;
    let (_, id) = stem.rsplit_once('@')?;
    Some(id).filter(|id| !id.is_empty())
}

/// The slug part of a content file name (`go@abc.md` → `go`).
pub(super) fn slug_of(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('@').map_or(name, |(s, _)| s)
}

fn kind(word: &str) -> Option<ResourceKind> {
    Some(match word.trim().to_ascii_lowercase().as_str() {
        "official" => ResourceKind::Official,
        "article" => ResourceKind::Article,
        "course" => ResourceKind::Course,
        "video" => ResourceKind::Video,
        "book" => ResourceKind::Book,
        "podcast" => ResourceKind::Podcast,
        "opensource" => ResourceKind::Opensource,
        "roadmap" => ResourceKind::Roadmap,
        "feed" => ResourceKind::Feed,
        _ => return None,
    })
}

/// Cuts `s` to at most `max` bytes at a character boundary.
pub(super) fn cut(mut s: String, max: usize) -> String {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    s
}

/// A link line: `- [@kind@Title](url)` or a plain `- [Title](url)`.
/// `Some((kind word, title, url))`.
fn link(line: &str) -> Option<(Option<&str>, &str, &str)> {
    let rest = line
        .strip_prefix("- [")
        .or_else(|| line.strip_prefix("* ["))?;
    let (inside, after) = rest.rsplit_once("](")?;
    let url = after.strip_suffix(')')?.trim();
    match inside.strip_prefix('@') {
        Some(tagged) => {
            let (kind, title) = tagged.split_once('@')?;
            Some((Some(kind), title.trim(), url))
        }
        None => Some((None, inside.trim(), url)),
    }
}

fn good_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() <= limits::MAX_URL
        && !url.chars().any(char::is_whitespace)
}

/// Reads one content file. Invalid UTF-8 is replaced, never an error.
pub(super) fn parse(bytes: &[u8]) -> Content {
    let text = String::from_utf8_lossy(bytes);
    let mut content = Content::default();
    let mut description = String::new();
    let mut heading_seen = false;
    let mut blank = false;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            blank = !description.is_empty();
            continue;
        }
        if !heading_seen && description.is_empty() && line.starts_with("# ") {
            heading_seen = true;
            continue;
        }
        if let Some((word, title, url)) = link(line) {
            if !good_url(url) {
                content.bad_urls += 1;
                continue;
            }
            let kind = match word {
                Some(w) => kind(w).unwrap_or_else(|| {
                    content.unknown_kinds += 1;
                    ResourceKind::Article
                }),
                None => ResourceKind::Article,
            };
            if content.resources.len() < limits::MAX_LIST {
                let title = if title.is_empty() { url } else { title };
                content.resources.push(Resource {
                    title: cut(title.to_string(), limits::MAX_TITLE),
                    url: url.to_string(),
                    kind,
                });
            }
            continue;
        }
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("visit the following resources")
            || lower.starts_with("learn more from the following resources")
        {
            continue;
        }
        if description.len() > limits::MAX_DESCRIPTION {
            continue;
        }
        if blank {
            description.push_str("\n\n");
        } else if !description.is_empty() {
            description.push(' ');
        }
        blank = false;
        description.push_str(line);
    }
    content.description = cut(description, limits::MAX_DESCRIPTION);
    content
}

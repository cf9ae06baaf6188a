//! The content folder: `<slug>@<nodeId>.md` files with a `# Title`, a
//! description and resource lines `- [@kind@Title](url)`. The description
//! is rendered as plain text (see `markdown.rs`); the lead-in before the
//! resource list ("Visit the following resources to learn more:") is
//! dropped; links in the text become resources too.

use std::collections::{HashMap, HashSet};

use super::ContentFile;
use super::convert::quoted;
use super::ids::slug;
use super::markdown::{self, Link, SITE};
use super::nodes::Nodes;
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

/// A resource kind by its tag; the synonyms real files use are read as
/// the kind they mean.
fn kind(word: &str) -> Option<ResourceKind> {
    Some(match word.trim().to_ascii_lowercase().as_str() {
        "official" | "offical" | "documentation" | "docs" => ResourceKind::Official,
        "article" | "articles" | "guide" | "paper" | "blog" => ResourceKind::Article,
        "course" => ResourceKind::Course,
        "video" | "youtube" => ResourceKind::Video,
        "book" => ResourceKind::Book,
        "podcast" => ResourceKind::Podcast,
        "opensource" | "opensources" | "tool" => ResourceKind::Opensource,
        "roadmap" | "roadmap.sh" => ResourceKind::Roadmap,
        "feed" => ResourceKind::Feed,
        _ => return None,
    })
}

/// The kinds, longest tag first, for tags written without their closing
/// `@` (`[@officialTitle](…)`).
const TAGS: [&str; 9] = [
    "opensource",
    "official",
    "article",
    "podcast",
    "course",
    "video",
    "book",
    "feed",
    "roadmap",
];

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

/// A resource line: `- [@kind@Title](url)` or a plain `- [Title](url)`
/// alone on its line. `Some((kind tag, title, url))`.
fn link(line: &str) -> Option<(Option<&str>, &str, &str)> {
    let rest = line
        .strip_prefix("- [")
        .or_else(|| line.strip_prefix("* ["))?;
    let (inside, after) = rest.rsplit_once("](")?;
    let url = after.strip_suffix(')')?.trim();
    let Some(tagged) = inside.strip_prefix('@') else {
        // An untagged list item is a resource only when it leads
        // somewhere (`- [Intro](#intro)` is a table of contents).
        return markdown::absolute(url).map(|_| (None, inside.trim(), url));
    };
    if let Some((kind, title)) = tagged.split_once('@') {
        return Some((Some(kind), title.trim(), url));
    }
    let lower = tagged.to_ascii_lowercase();
    let tag = TAGS.iter().find(|t| lower.starts_with(**t))?;
    Some((Some(&tagged[..tag.len()]), tagged[tag.len()..].trim(), url))
}

fn good_url(url: &str) -> bool {
    url.len() <= limits::MAX_URL && !url.chars().any(char::is_whitespace)
}

/// "Visit the following resources to learn more:" and its variants: the
/// boilerplate before a resource list.
fn is_lead_in(paragraph: &str) -> bool {
    let lower = paragraph.trim().to_lowercase();
    if lower.chars().count() > 160 || lower.contains('\n') {
        return false;
    }
    let following = lower.contains("following");
    let about_links = [
        "resour",
        "link",
        "learn more",
        "more information",
        "read more",
    ]
    .iter()
    .any(|w| lower.contains(w));
    (following && (about_links || lower.ends_with("following:")))
        || ((lower.starts_with("learn more") || lower.starts_with("visit")) && lower.ends_with(':'))
}

/// The kind of a link found in the text: a roadmap on roadmap.sh, else an
/// article.
fn inline_kind(url: &str) -> ResourceKind {
    match url.strip_prefix(SITE).map(|p| p.trim_matches('/')) {
        Some(path) if !path.is_empty() && !path.contains('/') => ResourceKind::Roadmap,
        _ => ResourceKind::Article,
    }
}

/// Reads one content file. Invalid UTF-8 is replaced, never an error.
pub(super) fn parse(bytes: &[u8]) -> Content {
    let text = String::from_utf8_lossy(bytes);
    let mut content = Content::default();
    let mut body = String::with_capacity(text.len());
    let mut heading_seen = false;
    let mut seen_urls: HashSet<String> = HashSet::new();
    let mut add = |content: &mut Content, title: &str, url: String, kind: ResourceKind| {
        if content.resources.len() < limits::MAX_LIST && seen_urls.insert(url.clone()) {
            let title = if title.is_empty() {
                url.as_str()
            } else {
                title
            };
            content.resources.push(Resource {
                title: cut(title.to_string(), limits::MAX_TITLE),
                url: url.clone(),
                kind,
            });
        }
    };
    for raw in text.lines() {
        let line = raw.trim();
        if !heading_seen && body.trim().is_empty() && line.starts_with("# ") {
            heading_seen = true;
            continue;
        }
        if let Some((word, title, url)) = link(line) {
            // The resource list: the lead-in just before it goes.
            drop_lead_in(&mut body);
            match markdown::absolute(url).filter(|u| good_url(u)) {
                Some(url) => {
                    let kind = match word {
                        Some(w) => kind(w).unwrap_or_else(|| {
                            content.unknown_kinds += 1;
                            ResourceKind::Article
                        }),
                        None => ResourceKind::Article,
                    };
                    let mut ignored = Vec::new();
                    let title = markdown::inline(title, &mut ignored);
                    add(&mut content, title.trim(), url, kind);
                }
                None => content.bad_urls += 1,
            }
            body.push('\n');
            continue;
        }
        if body.len() <= limits::MAX_DESCRIPTION * 2 {
            body.push_str(raw);
            body.push('\n');
        }
    }
    let mut links: Vec<Link> = Vec::new();
    let mut description = markdown::plain(&body, &mut links);
    // A lead-in left at the end (resources listed elsewhere, or none).
    let last_para = description.rfind("\n\n").map_or(0, |i| i + 2);
    if is_lead_in(&description[last_para..]) {
        description.truncate(last_para);
        description.truncate(description.trim_end().len());
    }
    for l in links {
        if let Some(url) = markdown::absolute(&l.url).filter(|u| good_url(u)) {
            let kind = inline_kind(&url);
            add(&mut content, l.text.trim(), url, kind);
        }
    }
    content.description = cut_at_line(description, limits::MAX_DESCRIPTION);
    content
}

/// Removes a lead-in paragraph at the end of `body` (the Markdown read so
/// far).
fn drop_lead_in(body: &mut String) {
    let trimmed = body.trim_end().len();
    let start = body[..trimmed].rfind("\n\n").map_or(0, |i| i + 2);
    let last = body[start..trimmed].trim();
    if !last.is_empty() && !last.starts_with(['-', '*']) && is_lead_in(last) {
        body.truncate(start);
    }
}

/// Cuts a description to `max` bytes, at the end of a line when one is
/// near.
fn cut_at_line(s: String, max: usize) -> String {
    if s.len() <= max {
        return s;
    }
    let s = cut(s, max);
    match s.rfind('\n') {
        Some(i) if i > max / 2 => s[..i].trim_end().to_string(),
        _ => s,
    }
}

/// Joins content files to tracked nodes by the node id in their names.
pub(super) fn join_content(
    nodes: &Nodes<'_>,
    files: &[ContentFile],
    with_content: bool,
    warnings: &mut Vec<String>,
) -> HashMap<usize, Content> {
    let mut sorted: Vec<&ContentFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut texts: HashMap<usize, Content> = HashMap::new();
    let (mut old, mut unknown, mut twice) = (Vec::new(), Vec::new(), Vec::new());
    let (mut unknown_kinds, mut bad_urls) = (0, 0);
    for file in sorted {
        if !std::path::Path::new(&file.path)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        {
            continue;
        }
        let Some(id) = node_id_of(&file.path) else {
            old.push(file.path.as_str());
            continue;
        };
        let Some(&n) = nodes.by_id.get(id).filter(|&&n| nodes.list[n].tracked()) else {
            unknown.push(file.path.as_str());
            continue;
        };
        let preferred = slug_of(&file.path) == slug(nodes.list[n].raw_label);
        if texts.contains_key(&n) && !preferred {
            twice.push(file.path.as_str());
            continue;
        }
        let c = parse(&file.bytes);
        unknown_kinds += c.unknown_kinds;
        bad_urls += c.bad_urls;
        if texts.insert(n, c).is_some() {
            twice.push(file.path.as_str());
        }
    }
    let example = |list: &[&str]| {
        list.iter()
            .take(2)
            .map(|p| quoted(p))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !old.is_empty() {
        warnings.push(format!(
            "{} content file(s) use the old numbered layout (for example {}), which names no node; they were skipped",
            old.len(),
            example(&old)
        ));
    }
    if !unknown.is_empty() {
        warnings.push(format!(
            "{} content file(s) name no topic or subtopic of this roadmap (for example {}); they were skipped",
            unknown.len(),
            example(&unknown)
        ));
    }
    if !twice.is_empty() {
        warnings.push(format!(
            "{} content file(s) name a node that already has one (for example {}); one file per node was read",
            twice.len(),
            example(&twice)
        ));
    }
    if unknown_kinds > 0 {
        warnings.push(format!(
            "{unknown_kinds} resource link(s) have a kind this program does not know; they are kept as articles"
        ));
    }
    if bad_urls > 0 {
        warnings.push(format!(
            "{bad_urls} resource link(s) have an address that is not http(s) or is too long; they were left out"
        ));
    }
    if with_content {
        let missing: Vec<usize> = (0..nodes.len())
            .filter(|&n| nodes.list[n].tracked() && !texts.contains_key(&n))
            .collect();
        if !missing.is_empty() {
            let examples: Vec<String> = missing
                .iter()
                .take(3)
                .map(|&n| quoted(&nodes.list[n].label))
                .collect();
            warnings.push(format!(
                "{} topic(s) and subtopic(s) have no content file (for example {}); they have no description or links",
                missing.len(),
                examples.join(", ")
            ));
        }
    }
    texts
}

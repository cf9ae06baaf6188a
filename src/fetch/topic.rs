//! The roadmap document's trackable nodes (whose texts are downloaded), and
//! a downloaded topic text turned into the content file the developer-roadmap
//! repository holds for it (`<slug>@<nodeId>.md`), so the converter reads
//! downloads exactly as it reads a content folder. Pure: bytes in, bytes out.

use serde::Deserialize;
use serde_json::Value;

use super::site::is_node_id;
use crate::import::{ContentFile, slug};

/// A roadmap with more nodes than this is not one of roadmap.sh's (the
/// largest have a few hundred).
pub const MAX_NODES: usize = 5_000;

/// A node whose text roadmap.sh may have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub id: String,
    pub label: String,
}

/// The topics and subtopics of a roadmap document, in document order, and
/// how many of them have an id that cannot go into an address (skipped).
pub fn trackable(doc: &[u8]) -> Result<(Vec<Node>, usize), String> {
    let value: Value = serde_json::from_slice(doc)
        .map_err(|_| "it is not JSON (a web page or an error from a proxy?)".to_string())?;
    let Some(nodes) = value.get("nodes").and_then(Value::as_array) else {
        let said = ["error", "message"]
            .iter()
            .find_map(|k| value.get(*k).and_then(Value::as_str))
            .map(|m| format!(" (it says: {})", crate::model::text::clip(m, 200)))
            .unwrap_or_default();
        return Err(format!("it is not a roadmap: it has no \"nodes\"{said}"));
    };
    if nodes.len() > MAX_NODES {
        return Err(format!(
            "it has {} nodes, more than the {MAX_NODES} a roadmap.sh roadmap could have",
            nodes.len()
        ));
    }
    let mut found = Vec::new();
    let mut unusable = 0;
    for node in nodes {
        let kind = node.get("type").and_then(Value::as_str).unwrap_or("");
        if !matches!(kind, "topic" | "subtopic") {
            continue;
        }
        let Some(id) = node
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| is_node_id(id))
        else {
            unusable += 1;
            continue;
        };
        if found.iter().any(|n: &Node| n.id == id) {
            continue;
        }
        let label = node
            .pointer("/data/label")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        found.push(Node {
            id: id.to_string(),
            label,
        });
    }
    Ok((found, unusable))
}

#[derive(Deserialize)]
struct Topic {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    resources: Option<Vec<Resource>>,
}

#[derive(Deserialize)]
struct Resource {
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Whether `bytes` have a topic text's shape (checked when downloaded: an
/// answer that does not is not kept).
pub fn is_topic(bytes: &[u8]) -> bool {
    serde_json::from_slice::<Topic>(bytes).is_ok()
}

/// The content file for `node` from its downloaded text: the description
/// (a `# Title` line, then Markdown), then, when there are resources, the
/// repository's lead-in line and one `- [@kind@Title](url)` line each.
/// (The repository also escapes `\ < > [ ]` in titles; the converter reads
/// link lines by their last `](`, so titles are left as the site gives them
/// and show as written.) `None` when `bytes` are not a topic text.
pub fn content_file(node: &Node, bytes: &[u8]) -> Option<ContentFile> {
    let topic: Topic = serde_json::from_slice(bytes).ok()?;
    let mut text = topic.description.unwrap_or_default().trim_end().to_string();
    let links: Vec<String> = topic
        .resources
        .unwrap_or_default()
        .into_iter()
        .filter_map(|r| {
            let url = one_line(r.url.as_deref()?);
            let title = one_line(r.title.as_deref().unwrap_or(&url));
            let kind = one_line(r.kind.as_deref().unwrap_or("article")).replace('@', "");
            (!url.is_empty()).then(|| format!("- [@{kind}@{title}]({url})"))
        })
        .collect();
    if !links.is_empty() {
        text.push_str("\n\nVisit the following resources to learn more:\n\n");
        text.push_str(&links.join("\n"));
    }
    text.push('\n');
    let name = Some(slug(&node.label))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "topic".to_string());
    Some(ContentFile {
        path: format!("{name}@{}.md", node.id),
        bytes: text.into_bytes(),
    })
}

/// Line breaks would split a resource line in two.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn topics_and_subtopics_with_usable_ids_are_listed_once_in_order() {
        let doc = br#"{"title": {"page": "T"}, "nodes": [
            {"id": "t1", "type": "topic", "data": {"label": "Internet"}},
            {"id": "p1", "type": "paragraph", "data": {"label": "text"}},
            {"id": "s_1-x", "type": "subtopic", "data": {"label": "DNS"}},
            {"id": "t1", "type": "topic", "data": {"label": "again"}},
            {"id": "../up", "type": "subtopic"},
            {"id": 7, "type": "topic"},
            {"id": "s2", "type": "subtopic"}
        ], "edges": []}"#;
        let (nodes, unusable) = trackable(doc).unwrap();
        let ids: Vec<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["t1", "s_1-x", "s2"]);
        assert_eq!(nodes[1].label, "DNS");
        assert_eq!(unusable, 2);
    }

    #[test]
    fn what_is_not_a_roadmap_says_what_it_is() {
        assert!(trackable(b"<html>").unwrap_err().contains("not JSON"));
        let err = trackable(br#"{"error": "Roadmap not found"}"#).unwrap_err();
        assert!(
            err.contains("no \"nodes\"") && err.contains("Roadmap not found"),
            "{err}"
        );
    }

    #[test]
    fn a_topic_text_becomes_the_repositorys_content_file() {
        let node = Node {
            id: "abc_1".into(),
            label: "HTTP & APIs".into(),
        };
        let topic = br##"{"_id": "x", "description": "# HTTP\n\nIt is a protocol.\n",
            "resources": [
              {"type": "article", "title": "What is [HTTP]?", "url": "https://e.org/a"},
              {"type": "video", "title": "Two\nlines", "url": "https://e.org/v"},
              {"type": "official", "title": "no address"}
            ]}"##;
        let file = content_file(&node, topic).unwrap();
        assert_eq!(file.path, "http-apis@abc_1.md");
        assert_eq!(
            String::from_utf8(file.bytes).unwrap(),
            "# HTTP\n\nIt is a protocol.\n\nVisit the following resources to learn more:\n\n\
             - [@article@What is [HTTP]?](https://e.org/a)\n\
             - [@video@Two lines](https://e.org/v)\n"
        );
        let bare = content_file(&node, br##"{"description": "# HTTP"}"##).unwrap();
        assert_eq!(bare.bytes, b"# HTTP\n");
        assert!(content_file(&node, b"[1, 2]").is_none());
        assert!(!is_topic(b"{\"description\": 3}"));
        assert!(is_topic(b"{}"));
    }
}

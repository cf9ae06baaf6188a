//! From roadmap.sh nodes and edges to our stages, skills and choices.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::content::{self, Content, cut};
use super::graph::{Graph, by_position};
use super::ids::{Ids, is_valid_id, node_alias, slug};
use super::source::{Document, RawNode, text_of};
use super::{ContentFile, ImportError, Imported, Options};
use crate::model::text::clip;
use crate::model::{FORMAT_VERSION, Resource, limits};

#[derive(Serialize)]
struct OutRoadmap<'a> {
    version: u32,
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    stages: Vec<OutStage>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    choices: Vec<OutChoice>,
}

#[derive(Serialize)]
struct OutStage {
    id: String,
    title: String,
    skills: Vec<OutSkill>,
}

#[derive(Serialize)]
struct OutSkill {
    id: String,
    title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    requires: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    resources: Vec<Resource>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    optional: bool,
    aliases: Vec<String>,
}

#[derive(Serialize)]
struct OutChoice {
    id: String,
    title: String,
    pick: usize,
    from: Vec<String>,
}

/// A label quoted in a warning.
pub(super) fn quoted(label: &str) -> String {
    format!("'{}'", clip(label, 60))
}

/// One function on purpose: the steps read top to bottom.
#[allow(clippy::too_many_lines)]
pub(super) fn convert(
    doc: &Document,
    content: &[ContentFile],
    options: &Options,
) -> Result<Imported, ImportError> {
    let fail = |message: String| ImportError {
        source: options.source.clone(),
        line: None,
        column: None,
        message,
    };
    let mut warnings = Vec::new();
    let nodes = &doc.nodes;
    if nodes.len() > limits::MAX_SKILLS {
        return Err(fail(format!(
            "the roadmap has {} nodes, more than the limit of {}",
            nodes.len(),
            limits::MAX_SKILLS
        )));
    }
    let graph = Graph::new(doc, &mut warnings);
    if graph.topics.is_empty() && graph.subtopics.is_empty() {
        return Err(fail(
            "the roadmap has no topic or subtopic nodes with a label, so nothing to track; is this the right file?".to_string(),
        ));
    }
    let order = graph.order_topics();
    let mut rank = vec![usize::MAX; nodes.len()];
    for (i, &t) in order.iter().enumerate() {
        rank[t] = i;
    }
    let owner = graph.attach(&rank, &order, &mut warnings);

    // Stages: one per topic, in path order; its subtopics by position.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); order.len().max(1)];
    for &s in &graph.subtopics {
        let stage = owner[s].map_or(0, |t| rank[t]);
        members[stage].push(s);
    }
    for m in &mut members {
        by_position(nodes, m);
    }

    let texts = join_content(&graph, content, options.with_content, &mut warnings);

    // Ids: aliases first (the node ids, which re-imports find again).
    let mut ids = Ids::with_capacity(nodes.len() * 2);
    for &n in graph.topics.iter().chain(&graph.subtopics) {
        let alias = node_alias(&nodes[n].id);
        if let Some((id, aliases)) = options.previous.get(&alias) {
            ids.reserve(id);
            for a in aliases {
                ids.reserve(a);
            }
        }
        ids.reserve(&alias);
    }
    let mut slug_count: HashMap<String, usize> = HashMap::new();
    for &n in graph.topics.iter().chain(&graph.subtopics) {
        *slug_count.entry(slug(nodes[n].label())).or_default() += 1;
    }
    let title = roadmap_title(doc, options);

    let mut skill_id: Vec<String> = vec![String::new(); nodes.len()];
    let mut stages = Vec::with_capacity(members.len());
    let mut choices = Vec::new();
    let make_skill = |n: usize, ids: &mut Ids, skill_id: &mut [String], parent: Option<&str>| {
        if let Some((id, _)) = options.previous.get(&node_alias(&nodes[n].id)) {
            skill_id[n].clone_from(id);
            return id.clone();
        }
        let label = nodes[n].label();
        let base = slug(label);
        let duplicate = slug_count.get(&base).copied().unwrap_or(0) > 1;
        let id = match parent {
            Some(p) if duplicate || base.is_empty() => ids.unique(
                &format!("{p}-{}", if base.is_empty() { "item" } else { &base }),
                "item",
            ),
            _ => ids.unique(&base, "topic"),
        };
        skill_id[n].clone_from(&id);
        id
    };
    for (stage_index, subs) in members.iter().enumerate() {
        let topic = order.get(stage_index).copied();
        let mut skills = Vec::with_capacity(subs.len() + 1);
        let (stage_base, stage_title) = match topic {
            Some(t) => {
                let id = make_skill(t, &mut ids, &mut skill_id, None);
                let mut requires: Vec<String> = graph
                    .solid_neighbours(t)
                    .filter(|&o| rank[o] < rank[t])
                    .map(|o| skill_id[o].clone())
                    .collect();
                requires.sort();
                requires.dedup();
                requires.truncate(limits::MAX_LIST);
                skills.push(skill(nodes, t, &id, requires, &texts, options));
                (id, cut(nodes[t].label().to_string(), limits::MAX_TITLE))
            }
            None => (slug(&title), title.clone()),
        };
        let mut groups: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for &s in subs {
            let id = make_skill(s, &mut ids, &mut skill_id, Some(&stage_base));
            let requires = topic.map(|_| vec![stage_base.clone()]).unwrap_or_default();
            if let Some(legend) = nodes[s].legend()
                && legend.to_ascii_lowercase().contains("alternative")
            {
                groups.entry(legend).or_default().push(id.clone());
            }
            skills.push(skill(nodes, s, &id, requires, &texts, options));
        }
        for (_, mut from) in groups {
            if from.len() < 2 {
                continue;
            }
            from.truncate(limits::MAX_LIST);
            choices.push(OutChoice {
                id: ids.unique(&format!("{stage_base}-pick"), "pick"),
                title: cut(format!("{stage_title}: pick one"), limits::MAX_TITLE),
                pick: 1,
                from,
            });
        }
        stages.push(OutStage {
            id: ids.unique(&format!("{stage_base}-stage"), "stage"),
            title: stage_title,
            skills,
        });
    }

    let id = roadmap_id(doc, options).map_err(fail)?;
    let description = cut(
        text_of(doc.description.as_ref()).unwrap_or_default(),
        limits::MAX_DESCRIPTION,
    );
    let out = OutRoadmap {
        version: FORMAT_VERSION,
        id: &id,
        title: &title,
        description: &description,
        stages,
        choices,
    };
    let json = serde_json::to_vec_pretty(&out).map_err(|e| fail(e.to_string()))?;
    Ok(Imported { id, json, warnings })
}

fn roadmap_title(doc: &Document, options: &Options) -> String {
    let title = text_of(doc.title.as_ref())
        .or_else(|| {
            doc.nodes
                .iter()
                .filter(|n| n.kind() == "title" && !n.label().is_empty())
                .min_by(|a, b| a.at().0.total_cmp(&b.at().0))
                .map(|n| n.label().to_string())
        })
        .unwrap_or_else(|| options.fallback_id.clone());
    cut(title, limits::MAX_TITLE)
}

/// `--id`, else the document's slug, else the fallback, as an id.
fn roadmap_id(doc: &Document, options: &Options) -> Result<String, String> {
    match &options.id {
        Some(id) if is_valid_id(id) => Ok(id.clone()),
        Some(id) => Err(format!(
            "'{}' is not a valid roadmap id: use lowercase letters a-z, digits and '-' (at most {}), starting with a letter or digit",
            clip(id, 110),
            limits::MAX_ID
        )),
        None => Ok([
            text_of(doc.slug.as_ref()),
            Some(options.fallback_id.clone()),
        ]
        .into_iter()
        .flatten()
        .map(|s| slug(&s))
        .find(|s| is_valid_id(s))
        .unwrap_or_else(|| "imported".to_string())),
    }
}

fn skill(
    nodes: &[RawNode],
    n: usize,
    id: &str,
    requires: Vec<String>,
    texts: &HashMap<usize, Content>,
    options: &Options,
) -> OutSkill {
    let node = &nodes[n];
    let alias = node_alias(&node.id);
    let mut aliases = vec![alias.clone()];
    if let Some((_, before)) = options.previous.get(&alias) {
        aliases.extend(before.iter().filter(|a| **a != alias && *a != id).cloned());
    }
    let content = texts.get(&n);
    OutSkill {
        id: id.to_string(),
        title: cut(node.label().to_string(), limits::MAX_TITLE),
        description: content.map(|c| c.description.clone()).unwrap_or_default(),
        requires,
        resources: content.map(|c| c.resources.clone()).unwrap_or_default(),
        optional: node
            .legend()
            .is_some_and(|l| l.to_ascii_lowercase().contains("optional")),
        aliases,
    }
}

/// Joins content files to tracked nodes by the node id in their names.
fn join_content(
    graph: &Graph<'_>,
    files: &[ContentFile],
    with_content: bool,
    warnings: &mut Vec<String>,
) -> HashMap<usize, Content> {
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for &n in graph.topics.iter().chain(&graph.subtopics) {
        by_id.insert(graph.nodes[n].id.as_str(), n);
    }
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
        let Some(id) = content::node_id_of(&file.path) else {
            old.push(file.path.as_str());
            continue;
        };
        let Some(&n) = by_id.get(id) else {
            unknown.push(file.path.as_str());
            continue;
        };
        let preferred = content::slug_of(&file.path) == slug(graph.nodes[n].label());
        if texts.contains_key(&n) && !preferred {
            twice.push(file.path.as_str());
            continue;
        }
        let c = content::parse(&file.bytes);
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
        let missing: Vec<usize> = graph
            .topics
            .iter()
            .chain(&graph.subtopics)
            .copied()
            .filter(|n| !texts.contains_key(n))
            .collect();
        if !missing.is_empty() {
            let examples: Vec<String> = missing
                .iter()
                .take(3)
                .map(|&n| quoted(graph.nodes[n].label()))
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

//! From the plan (stages, skills, choices as roadmap.sh nodes) to our
//! format's JSON: ids, titles, texts.

use std::collections::HashMap;

use serde::Serialize;

use super::attach::Attachment;
use super::content::{Content, cut, join_content};
use super::ids::{Ids, is_valid_id, node_alias, slug};
use super::layout::Layout;
use super::nodes::{Kind, Nodes};
use super::plan::{self, Plan};
use super::source::{Document, text_of};
use super::wiring::Wiring;
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

/// What the structure could not keep, in plain words.
fn structure_warnings(
    nodes: &Nodes<'_>,
    wiring: &Wiring,
    plan: &Plan,
    layout: &Layout,
) -> Vec<String> {
    let mut warnings = Vec::new();
    if nodes.repeated_ids > 0 {
        warnings.push(format!(
            "{} node(s) repeat an id used before; only the first node with an id was read",
            nodes.repeated_ids
        ));
    }
    if nodes.unnamed > 0 {
        warnings.push(format!(
            "{} topic(s) or subtopic(s) have no label that shows; each was named from its node id",
            nodes.unnamed
        ));
    }
    if wiring.skipped > 0 {
        warnings.push(format!(
            "{} edge(s) have no source or target, or one that names no node; they were skipped",
            wiring.skipped
        ));
    }
    if !plan.loose.is_empty() {
        let examples: Vec<String> = plan
            .loose
            .iter()
            .take(3)
            .filter_map(|&g| layout.groups[g].members.first())
            .map(|&i| quoted(&nodes.list[i].label))
            .collect();
        warnings.push(format!(
            "{} group(s) of subtopics are linked to no topic and drawn in no topic's column (for example {}); each was put under the nearest topic on the page",
            plan.loose.len(),
            examples.join(", ")
        ));
    }
    warnings
}

/// Hands out skill ids: the id an earlier import gave the node, else one
/// from its label (prefixed with its stage's when the label is used
/// twice).
struct Namer<'a, 'n> {
    nodes: &'a Nodes<'n>,
    options: &'a Options,
    ids: Ids,
    slug_count: HashMap<String, usize>,
}

impl Namer<'_, '_> {
    fn skill(&mut self, n: usize, stage_base: Option<&str>) -> String {
        let node = &self.nodes.list[n];
        if let Some((id, _)) = self.options.previous.get(&node_alias(node.id)) {
            return id.clone();
        }
        let base = match slug(node.raw_label) {
            // Named from its node id ("Untitled abc"), or in another script.
            s if s.is_empty() => slug(&node.label),
            s => s,
        };
        let duplicate = self.slug_count.get(&base).copied().unwrap_or(0) > 1;
        match stage_base {
            Some(p) if duplicate || base.is_empty() => self.ids.unique(
                &format!("{p}-{}", if base.is_empty() { "item" } else { &base }),
                "item",
            ),
            _ => self.ids.unique(&base, "topic"),
        }
    }
}

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
    if doc.nodes.len() > limits::MAX_SKILLS {
        return Err(fail(format!(
            "the roadmap has {} nodes, more than the limit of {}",
            doc.nodes.len(),
            limits::MAX_SKILLS
        )));
    }
    let mut nodes = Nodes::new(doc);
    if !nodes.list.iter().any(super::nodes::Node::tracked) {
        return Err(fail(
            "the roadmap has no topic, subtopic or checklist item, so nothing to track; is this the right file?".to_string(),
        ));
    }
    for p in super::layout::panels(&nodes) {
        nodes.list[p].panel = true;
    }
    let wiring = Wiring::new(doc, &nodes);
    let mut layout = Layout::new(&nodes);
    let mut attach = Attachment::new(&nodes, &layout, &wiring);
    if let Some(bare) = plan::bare_topics(&nodes, &attach, &wiring) {
        // Most topics stand alone: the roadmap uses them as items.
        nodes.demote(&bare);
        layout = Layout::new(&nodes);
        attach = Attachment::new(&nodes, &layout, &wiring);
    }
    let plan = plan::build(&nodes, &layout, &wiring, &attach);
    let mut warnings = structure_warnings(&nodes, &wiring, &plan, &layout);
    let mut texts = join_content(&nodes, content, options.with_content, &mut warnings);
    let title = roadmap_title(doc, &nodes, options);
    let json = write(&nodes, &plan, &mut texts, &title, doc, options).map_err(fail)?;
    Ok(Imported {
        id: json.0,
        json: json.1,
        warnings,
    })
}

/// Every skill's id (before any prerequisite is written) and each
/// stage's (id base, title).
fn name_all<'a, 'n>(
    nodes: &'a Nodes<'n>,
    plan: &Plan,
    title: &str,
    options: &'a Options,
) -> (Namer<'a, 'n>, HashMap<usize, String>, Vec<(String, String)>) {
    let tracked: Vec<usize> = (0..nodes.len())
        .filter(|&n| nodes.list[n].tracked())
        .collect();
    let mut namer = Namer {
        nodes,
        options,
        ids: Ids::with_capacity(tracked.len() * 2),
        slug_count: HashMap::new(),
    };
    // Aliases first (the node ids, which re-imports find again).
    for &n in &tracked {
        let alias = node_alias(nodes.list[n].id);
        if let Some((id, aliases)) = options.previous.get(&alias) {
            namer.ids.reserve(id);
            for a in aliases {
                namer.ids.reserve(a);
            }
        }
        namer.ids.reserve(&alias);
        *namer
            .slug_count
            .entry(slug(nodes.list[n].raw_label))
            .or_default() += 1;
    }
    let mut skill_id: HashMap<usize, String> = HashMap::with_capacity(tracked.len());
    let mut stage_names: Vec<(String, String)> = Vec::with_capacity(plan.stages.len());
    for stage in &plan.stages {
        let (base, stage_title) = match stage.head {
            Some(t) if nodes.list[t].kind == Kind::Topic => {
                let id = namer.skill(t, None);
                skill_id.insert(t, id.clone());
                (id, nodes.list[t].label.clone())
            }
            Some(h) => (slug(nodes.list[h].raw_label), nodes.list[h].label.clone()),
            None => (slug(title), title.to_string()),
        };
        for s in &stage.skills {
            if let std::collections::hash_map::Entry::Vacant(slot) = skill_id.entry(s.node) {
                slot.insert(namer.skill(s.node, Some(&base)));
            }
        }
        stage_names.push((base, cut(stage_title, limits::MAX_TITLE)));
    }
    (namer, skill_id, stage_names)
}

/// Our JSON for the plan: (roadmap id, bytes).
fn write(
    nodes: &Nodes<'_>,
    plan: &Plan,
    texts: &mut HashMap<usize, Content>,
    title: &str,
    doc: &Document,
    options: &Options,
) -> Result<(String, Vec<u8>), String> {
    let (mut namer, skill_id, stage_names) = name_all(nodes, plan, title, options);
    let mut stages = Vec::with_capacity(plan.stages.len());
    let mut choices = Vec::new();
    for (stage, (base, stage_title)) in plan.stages.iter().zip(stage_names) {
        let skills = stage
            .skills
            .iter()
            .map(|s| {
                let mut requires: Vec<String> = s
                    .requires
                    .iter()
                    .filter_map(|r| skill_id.get(r).cloned())
                    .collect();
                requires.sort();
                requires.dedup();
                requires.truncate(limits::MAX_LIST);
                skill(
                    nodes,
                    s.node,
                    &skill_id[&s.node],
                    requires,
                    s.optional,
                    texts,
                    options,
                )
            })
            .collect();
        for options in &stage.choices {
            let mut from: Vec<String> = options
                .iter()
                .filter_map(|o| skill_id.get(o).cloned())
                .collect();
            from.truncate(limits::MAX_LIST);
            if from.len() < 2 {
                continue;
            }
            choices.push(OutChoice {
                id: namer.ids.unique(&format!("{base}-pick"), "pick"),
                title: cut(format!("{stage_title}: pick one"), limits::MAX_TITLE),
                pick: 1,
                from,
            });
        }
        stages.push(OutStage {
            id: namer.ids.unique(&format!("{base}-stage"), "stage"),
            title: stage_title,
            skills,
        });
    }
    let id = roadmap_id(doc, options)?;
    let description = cut(
        text_of(doc.description.as_ref()).unwrap_or_default(),
        limits::MAX_DESCRIPTION,
    );
    let out = OutRoadmap {
        version: FORMAT_VERSION,
        id: &id,
        title,
        description: &description,
        stages,
        choices,
    };
    let json = serde_json::to_vec_pretty(&out).map_err(|e| e.to_string())?;
    Ok((id, json))
}

fn roadmap_title(doc: &Document, nodes: &Nodes<'_>, options: &Options) -> String {
    let title = text_of(doc.title.as_ref())
        .map(|t| super::nodes::shown(&t))
        .filter(|t| !t.is_empty())
        .or_else(|| {
            nodes
                .list
                .iter()
                .filter(|n| n.kind == Kind::Title && !n.label.is_empty())
                .min_by(|a, b| a.rect.y.total_cmp(&b.rect.y))
                .map(|n| n.label.clone())
        })
        .unwrap_or_else(|| options.fallback_id.clone());
    let title = if title.trim().is_empty() {
        "Imported roadmap".to_string()
    } else {
        title
    };
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
    nodes: &Nodes<'_>,
    n: usize,
    id: &str,
    requires: Vec<String>,
    optional: bool,
    texts: &mut HashMap<usize, Content>,
    options: &Options,
) -> OutSkill {
    let node = &nodes.list[n];
    let alias = node_alias(node.id);
    let mut aliases = vec![alias.clone()];
    if let Some((_, before)) = options.previous.get(&alias) {
        aliases.extend(before.iter().filter(|a| **a != alias && *a != id).cloned());
    }
    // Each node is one skill: its text is moved, not copied.
    let content = texts.remove(&n).unwrap_or_default();
    OutSkill {
        id: id.to_string(),
        title: node.label.clone(),
        description: content.description,
        requires,
        resources: content.resources,
        optional,
        aliases,
    }
}

//! What the graph exports (DOT, Mermaid, SVG) share: which part of the
//! map they show (`--stage`, `--around`), the nodes grouped by stage,
//! each node's label with its mark, and the edges, sorted so the same
//! profile always gives the same bytes.

use crate::cli::{Failure, View, lookup};
use crate::map::graph::{MapGraph, choice_node};
use crate::map::layout::choice_suffix;
use crate::map::{Mark, Scope, mark};

/// How a graph export is narrowed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Narrow<'a> {
    /// `--stage ID`: one stage, with what it needs from other stages.
    pub stage: Option<&'a str>,
    /// `--around ID`: one skill, what it needs and what it unlocks.
    pub around: Option<&'a str>,
    /// `--all-edges`: also the edges a longer path implies.
    pub all_edges: bool,
}

impl Narrow<'_> {
    pub fn is_set(&self) -> bool {
        self.stage.is_some() || self.around.is_some() || self.all_edges
    }

    /// The map's scope these options ask for.
    pub fn scope(&self, view: &View) -> Result<Scope, Failure> {
        let roadmap = &view.session.roadmap;
        if let Some(stage) = self.stage {
            return Ok(Scope::Stage(lookup::stage(roadmap, stage)?));
        }
        if let Some(around) = self.around {
            return match lookup::find_skill(roadmap, around) {
                Some(s) => Ok(Scope::Focus(s)),
                None => Err(Failure::User {
                    lines: vec![lookup::not_a_skill(roadmap, around)],
                    help: Some("--around takes a skill id: 'roadmap list' shows them.".to_string()),
                }),
            };
        }
        Ok(Scope::All)
    }
}

/// A node of a graph export.
pub struct GraphNode {
    /// The roadmap id (skill or choice).
    pub id: String,
    /// Mark and title: `[x] HTTP`, `◇ Pick one language · pick 1 of 3`.
    pub label: String,
    pub mark: Mark,
    pub choice: bool,
}

/// The nodes per stage (in roadmap order) and the edges (as indices
/// into the nodes, sorted).
pub struct Graph {
    pub title: String,
    /// Per stage shown: its label and its nodes' indices.
    pub stages: Vec<(usize, String, Vec<usize>)>,
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<(usize, usize)>,
    /// Edges left out because a longer path implies them.
    pub implied: usize,
}

/// The part of the map `scope` shows, with the learner's progress.
pub fn graph(view: &View, scope: Scope, all_edges: bool, due: &[bool]) -> Graph {
    let roadmap = &view.session.roadmap;
    let map = MapGraph::new(roadmap, scope, !all_edges);
    let mut nodes = Vec::with_capacity(map.nodes.len());
    let mut index = vec![usize::MAX; roadmap.skills.len() + roadmap.choices.len()];
    for &n in &map.nodes {
        let n = n as usize;
        index[n] = nodes.len();
        if n < roadmap.skills.len() {
            let m = mark(&view.states, &view.eval, n, due[n]);
            nodes.push(GraphNode {
                id: roadmap.skills[n].id.clone(),
                label: format!("{} {}", m.text(), roadmap.skills[n].title),
                mark: m,
                choice: false,
            });
        } else {
            let c = n - roadmap.skills.len();
            let choice = &roadmap.choices[c];
            let done = view.eval.choice_satisfied(roadmap, c);
            nodes.push(GraphNode {
                id: choice.id.clone(),
                label: format!(
                    "{} {}{}",
                    if done { "✓" } else { "◇" },
                    choice.title,
                    choice_suffix(choice.pick, choice.from.len())
                ),
                mark: if done { Mark::Done } else { Mark::Todo },
                choice: true,
            });
        }
    }
    let mut stages: Vec<(usize, String, Vec<usize>)> = Vec::new();
    for (st, stage) in roadmap.stages.iter().enumerate() {
        let members: Vec<usize> = map
            .nodes
            .iter()
            .zip(&map.stages)
            .filter(|(_, s)| **s == st)
            .map(|(&n, _)| index[n as usize])
            .collect();
        if !members.is_empty() {
            let tally = view.eval.stages[st];
            let label = format!(
                "{}. {} · {}/{}",
                st + 1,
                stage.title,
                tally.finished(),
                tally.total()
            );
            stages.push((st, label, members));
        }
    }
    let mut edges: Vec<(usize, usize)> = map
        .edges
        .iter()
        .map(|&(u, v)| (index[u as usize], index[v as usize]))
        .collect();
    edges.sort_unstable();
    let overall = view.eval.overall;
    let what = match scope {
        Scope::All => String::new(),
        Scope::Focus(s) => format!(" · around {}", roadmap.skills[s].title),
        Scope::Stage(s) => format!(" · stage {}", roadmap.stages[s].title),
    };
    let _ = choice_node;
    Graph {
        title: format!(
            "{}{what} · {} of {} finished ({})",
            roadmap.title,
            overall.finished(),
            overall.total(),
            overall.percent_text()
        ),
        stages,
        nodes,
        edges,
        implied: map.implied,
    }
}

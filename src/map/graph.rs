//! Which skills and choices a map shows, and the edges between them.
//!
//! Nodes are numbered skills first (a skill's node is its roadmap index),
//! then choices (`skills + choice index`). An edge runs from what is needed
//! to what needs it: prerequisite → skill, choice → skill, option → choice.

use crate::model::{Req, Roadmap};

/// What a map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The whole roadmap.
    All,
    /// One skill with everything it needs, all the way down, and
    /// everything it unlocks, all the way up.
    Focus(usize),
    /// One stage, with the prerequisites its skills take from other stages.
    Stage(usize),
}

/// The nodes and edges of one map.
#[derive(Debug, Clone, Default)]
pub struct MapGraph {
    /// How many skills the roadmap has: node ids from here on are choices.
    pub skills: usize,
    /// The nodes shown, in id order (roadmap order).
    pub nodes: Vec<u32>,
    /// The stage each node is drawn in (parallel to `nodes`): a skill's
    /// own; a choice's, the latest of its options shown.
    pub stages: Vec<usize>,
    /// The edges drawn, `(from, to)`, sorted.
    pub edges: Vec<(u32, u32)>,
    /// Edges left out because a longer path already says the same (a
    /// skill needing HTTP and REST, where REST needs HTTP).
    pub implied: usize,
}

/// The node of choice `c`.
pub fn choice_node(roadmap: &Roadmap, c: usize) -> u32 {
    id(roadmap.skills.len() + c)
}

fn id(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// What node `n` needs directly: a skill's prerequisites, a choice's options.
pub fn needs(roadmap: &Roadmap, n: u32) -> impl Iterator<Item = u32> + '_ {
    let n = n as usize;
    let skills = roadmap.skills.len();
    let (reqs, options): (&[Req], &[usize]) = if n < skills {
        (roadmap.requires(n), &[])
    } else {
        (&[], &roadmap.choices[n - skills].from)
    };
    reqs.iter()
        .map(move |r| match *r {
            Req::Skill(p) => id(p),
            Req::Choice(c) => id(skills + c),
        })
        .chain(options.iter().map(|&o| id(o)))
}

/// What needs node `n` directly: a skill's dependents and the choices it
/// is an option of; a choice's dependents.
pub fn needed_by(roadmap: &Roadmap, n: u32) -> impl Iterator<Item = u32> + '_ {
    let n = n as usize;
    let skills = roadmap.skills.len();
    let (deps, choices): (&[usize], &[usize]) = if n < skills {
        let s = &roadmap.skills[n];
        (&s.dependents, &s.choices)
    } else {
        (&roadmap.choices[n - skills].dependents, &[])
    };
    deps.iter()
        .map(|&d| id(d))
        .chain(choices.iter().map(move |&c| id(skills + c)))
}

/// Which nodes `scope` shows, one flag per node id.
pub fn select(roadmap: &Roadmap, scope: Scope) -> Vec<bool> {
    let total = roadmap.skills.len() + roadmap.choices.len();
    match scope {
        Scope::All => vec![true; total],
        Scope::Focus(skill) => {
            let mut shown = vec![false; total];
            if skill < roadmap.skills.len() {
                let start = id(skill);
                // Everything it needs (a choice with all its options: any
                // of them will do), then everything that needs it.
                walk(&mut shown, start, |n, out| out.extend(needs(roadmap, n)));
                let mut up = vec![false; total];
                walk(&mut up, start, |n, out| out.extend(needed_by(roadmap, n)));
                for (s, u) in shown.iter_mut().zip(up) {
                    *s |= u;
                }
            }
            shown
        }
        Scope::Stage(stage) => {
            let mut shown = vec![false; total];
            let Some(st) = roadmap.stages.get(stage) else {
                return shown;
            };
            for s in st.skills.clone() {
                shown[s] = true;
            }
            for (c, choice) in roadmap.choices.iter().enumerate() {
                if choice
                    .from
                    .iter()
                    .any(|&o| roadmap.skills[o].stage == stage)
                {
                    shown[roadmap.skills.len() + c] = true;
                }
            }
            // What the stage needs from elsewhere, one step out (a choice
            // with its options, so it still reads "pick one of").
            let inside: Vec<u32> = (0..total).filter(|&n| shown[n]).map(id).collect();
            for n in inside {
                for p in needs(roadmap, n) {
                    if !shown[p as usize] {
                        shown[p as usize] = true;
                        if p as usize >= roadmap.skills.len() {
                            for o in needs(roadmap, p) {
                                shown[o as usize] = true;
                            }
                        }
                    }
                }
            }
            shown
        }
    }
}

/// Marks everything reachable from `start` through `next`.
fn walk(shown: &mut [bool], start: u32, mut next: impl FnMut(u32, &mut Vec<u32>)) {
    let mut stack = vec![start];
    let mut out = Vec::new();
    while let Some(n) = stack.pop() {
        if std::mem::replace(&mut shown[n as usize], true) {
            continue;
        }
        out.clear();
        next(n, &mut out);
        stack.extend(out.iter().filter(|&&m| !shown[m as usize]));
    }
}

/// Above this many nodes, implied edges are kept: finding them takes a
/// bit per pair of nodes.
pub const REDUCE_MAX: usize = 12_000;

impl MapGraph {
    /// The nodes `scope` shows and the edges between them; with `reduce`,
    /// edges a longer path implies are left out (an option's edge to its
    /// choice always stays: it says the option belongs to it).
    pub fn new(roadmap: &Roadmap, scope: Scope, reduce: bool) -> MapGraph {
        let shown = select(roadmap, scope);
        let nodes: Vec<u32> = (0..shown.len()).filter(|&n| shown[n]).map(id).collect();
        let mut edges = Vec::new();
        for &n in &nodes {
            for p in needs(roadmap, n) {
                if shown[p as usize] {
                    edges.push((p, n));
                }
            }
        }
        edges.sort_unstable();
        edges.dedup();
        let stages = nodes
            .iter()
            .map(|&n| {
                let n = n as usize;
                if n < roadmap.skills.len() {
                    return roadmap.skills[n].stage;
                }
                let c = n - roadmap.skills.len();
                roadmap.choices[c]
                    .from
                    .iter()
                    .filter(|&&o| shown[o])
                    .map(|&o| roadmap.skills[o].stage)
                    .max()
                    .or(roadmap.choice_stage(c))
                    .unwrap_or(0)
            })
            .collect();
        let mut graph = MapGraph {
            skills: roadmap.skills.len(),
            nodes,
            stages,
            edges,
            implied: 0,
        };
        if reduce && graph.nodes.len() <= REDUCE_MAX {
            graph.reduce();
        }
        graph
    }

    /// True for a choice's node.
    pub fn is_choice(&self, n: u32) -> bool {
        n as usize >= self.skills
    }

    /// Drops every edge `u → v` where `v` is also reachable from another
    /// of `u`'s successors (a transitive reduction, bitsets in
    /// topological order).
    fn reduce(&mut self) {
        let m = self.nodes.len();
        if m == 0 {
            return;
        }
        let max = self.nodes.last().map_or(0, |&n| n as usize + 1);
        let mut local = vec![u32::MAX; max];
        for (i, &n) in self.nodes.iter().enumerate() {
            local[n as usize] = id(i);
        }
        // Successors per local node (edges are sorted by `from`).
        let mut start = vec![0usize; m + 1];
        for &(u, _) in &self.edges {
            start[local[u as usize] as usize + 1] += 1;
        }
        for i in 0..m {
            start[i + 1] += start[i];
        }
        let succ: Vec<u32> = self.edges.iter().map(|&(_, v)| local[v as usize]).collect();
        let order = topological(m, &start, &succ);
        let words = m.div_ceil(64);
        let mut reach = vec![0u64; m * words];
        let set = |bits: &mut [u64], i: usize| bits[i / 64] |= 1 << (i % 64);
        for &u in order.iter().rev() {
            let u = u as usize;
            for &v in &succ[start[u]..start[u + 1]] {
                let v = v as usize;
                let (lo, hi) = reach.split_at_mut(u.max(v) * words);
                let (dst, src) = if u < v {
                    (&mut lo[u * words..(u + 1) * words], &hi[..words])
                } else {
                    (&mut hi[..words], &lo[v * words..(v + 1) * words])
                };
                for (d, s) in dst.iter_mut().zip(src) {
                    *d |= s;
                }
                set(dst, v);
            }
        }
        let has = |bits: &[u64], i: usize| bits[i / 64] >> (i % 64) & 1 == 1;
        let mut keep = Vec::with_capacity(self.edges.len());
        for u in 0..m {
            let out = &succ[start[u]..start[u + 1]];
            for (k, &v) in out.iter().enumerate() {
                let edge = self.edges[start[u] + k];
                let implied = !self.is_choice(edge.1)
                    && out.iter().any(|&w| {
                        w != v
                            && has(
                                &reach[w as usize * words..(w as usize + 1) * words],
                                v as usize,
                            )
                    });
                if implied {
                    self.implied += 1;
                } else {
                    keep.push(edge);
                }
            }
        }
        self.edges = keep;
    }
}

/// A topological order of `m` nodes with successors `succ[start[u]..start[u + 1]]`.
pub(crate) fn topological(m: usize, start: &[usize], succ: &[u32]) -> Vec<u32> {
    let mut indegree = vec![0u32; m];
    for &v in succ {
        indegree[v as usize] += 1;
    }
    let mut ready: Vec<u32> = (0..m).rev().filter(|&u| indegree[u] == 0).map(id).collect();
    let mut order = Vec::with_capacity(m);
    while let Some(u) = ready.pop() {
        order.push(u);
        for &v in &succ[start[u as usize]..start[u as usize + 1]] {
            indegree[v as usize] -= 1;
            if indegree[v as usize] == 0 {
                ready.push(v);
            }
        }
    }
    order
}

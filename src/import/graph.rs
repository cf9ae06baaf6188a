//! The shape of a roadmap.sh drawing: which nodes are topics and
//! subtopics, the order of the topics along the solid path, and which topic
//! each subtopic hangs on.

use std::cmp::Reverse;
use std::collections::hash_map::Entry;
use std::collections::{BinaryHeap, HashMap, VecDeque};

use super::convert::quoted;
use super::source::{Document, RawNode};

/// Positions as a total order: top to bottom, left to right, then file order.
pub(super) fn by_position(nodes: &[RawNode], list: &mut [usize]) {
    list.sort_by(|&a, &b| {
        let (ya, xa) = nodes[a].at();
        let (yb, xb) = nodes[b].at();
        ya.total_cmp(&yb).then(xa.total_cmp(&xb)).then(a.cmp(&b))
    });
}

pub(super) struct Graph<'a> {
    pub(super) nodes: &'a [RawNode],
    /// Per node: Some(true) topic, Some(false) subtopic, None not tracked.
    pub(super) role: Vec<Option<bool>>,
    pub(super) topics: Vec<usize>,
    pub(super) subtopics: Vec<usize>,
    /// Solid edges between two topics, as given.
    pub(super) solid: Vec<(usize, usize)>,
    /// The same, per topic, both directions.
    pub(super) solid_adj: Vec<Vec<usize>>,
    /// Any edge between tracked nodes, both directions.
    pub(super) links: Vec<Vec<usize>>,
}

impl<'a> Graph<'a> {
    pub(super) fn new(doc: &'a Document, warnings: &mut Vec<String>) -> Graph<'a> {
        let nodes = &doc.nodes;
        let mut index: HashMap<&str, usize> = HashMap::with_capacity(nodes.len());
        let mut role = vec![None; nodes.len()];
        let (mut topics, mut subtopics) = (Vec::new(), Vec::new());
        let (mut duplicates, mut unlabelled, mut drawings) = (0usize, 0usize, 0usize);
        for (i, node) in nodes.iter().enumerate() {
            if let Entry::Vacant(slot) = index.entry(node.id.as_str()) {
                slot.insert(i);
            } else {
                duplicates += 1;
                continue;
            }
            let topic = match node.kind() {
                "topic" => true,
                "subtopic" => false,
                _ => {
                    drawings += 1;
                    continue;
                }
            };
            if node.label().is_empty() {
                unlabelled += 1;
                continue;
            }
            role[i] = Some(topic);
            if topic {
                topics.push(i);
            } else {
                subtopics.push(i);
            }
        }
        if duplicates > 0 {
            warnings.push(format!(
                "{duplicates} node(s) repeat an id used before; only the first node with an id was read"
            ));
        }
        if unlabelled > 0 {
            warnings.push(format!(
                "{unlabelled} topic or subtopic node(s) have no label; they were left out"
            ));
        }
        if drawings > 0 {
            warnings.push(format!(
                "{drawings} node(s) are not topics or subtopics (sections, titles, labels, paragraphs, buttons, lines); they are drawing only and were left out"
            ));
        }
        let mut solid = Vec::new();
        let mut links = vec![Vec::new(); nodes.len()];
        for edge in &doc.edges {
            let (Some(&a), Some(&b)) = (
                index.get(edge.source.as_str()),
                index.get(edge.target.as_str()),
            ) else {
                continue;
            };
            if a == b || role[a].is_none() || role[b].is_none() {
                continue;
            }
            if role[a] == Some(true) && role[b] == Some(true) {
                if !edge.dashed() {
                    solid.push((a, b));
                }
                continue;
            }
            links[a].push(b);
            links[b].push(a);
        }
        let mut solid_adj = vec![Vec::new(); nodes.len()];
        for &(a, b) in &solid {
            solid_adj[a].push(b);
            solid_adj[b].push(a);
        }
        Graph {
            nodes,
            role,
            topics,
            subtopics,
            solid,
            solid_adj,
            links,
        }
    }

    pub(super) fn solid_neighbours(&self, t: usize) -> impl Iterator<Item = usize> + '_ {
        self.solid_adj[t].iter().copied()
    }

    /// Topics in the order of the solid path; ties (and cycles) broken by
    /// position, top to bottom then left to right.
    pub(super) fn order_topics(&self) -> Vec<usize> {
        let mut by_pos = self.topics.clone();
        by_position(self.nodes, &mut by_pos);
        let mut pos_rank = vec![0usize; self.nodes.len()];
        for (r, &t) in by_pos.iter().enumerate() {
            pos_rank[t] = r;
        }
        let mut indegree = vec![0usize; self.nodes.len()];
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        for &(a, b) in &self.solid {
            out[a].push(b);
            indegree[b] += 1;
        }
        let mut placed = vec![false; self.nodes.len()];
        let mut heap: BinaryHeap<Reverse<(usize, usize)>> = by_pos
            .iter()
            .filter(|&&t| indegree[t] == 0)
            .map(|&t| Reverse((pos_rank[t], t)))
            .collect();
        let mut order = Vec::with_capacity(self.topics.len());
        let mut next_forced = 0;
        while order.len() < self.topics.len() {
            let t = if let Some(Reverse((_, t))) = heap.pop() {
                t
            } else {
                // A cycle: take the highest unplaced topic on the page.
                while placed[by_pos[next_forced]] {
                    next_forced += 1;
                }
                by_pos[next_forced]
            };
            if placed[t] {
                continue;
            }
            placed[t] = true;
            order.push(t);
            for &n in &out[t] {
                indegree[n] = indegree[n].saturating_sub(1);
                if indegree[n] == 0 && !placed[n] {
                    heap.push(Reverse((pos_rank[n], n)));
                }
            }
        }
        order
    }

    /// The topic each subtopic hangs on: one it is linked to (the earliest
    /// on the path), else through other subtopics, else the nearest on the
    /// page.
    pub(super) fn attach(
        &self,
        rank: &[usize],
        order: &[usize],
        warnings: &mut Vec<String>,
    ) -> Vec<Option<usize>> {
        let mut owner: Vec<Option<usize>> = vec![None; self.nodes.len()];
        let mut queue = VecDeque::new();
        for &s in &self.subtopics {
            let best = self.links[s]
                .iter()
                .filter(|&&o| self.role[o] == Some(true))
                .min_by_key(|&&o| rank[o]);
            if let Some(&t) = best {
                owner[s] = Some(t);
                queue.push_back(s);
            }
        }
        while let Some(s) = queue.pop_front() {
            for &o in &self.links[s] {
                if self.role[o] == Some(false) && owner[o].is_none() {
                    owner[o] = owner[s];
                    queue.push_back(o);
                }
            }
        }
        if order.is_empty() {
            return owner;
        }
        let mut by_y = order.to_vec();
        by_y.sort_by(|&a, &b| self.nodes[a].at().0.total_cmp(&self.nodes[b].at().0));
        let mut loose = Vec::new();
        for &s in &self.subtopics {
            if owner[s].is_none() {
                owner[s] = Some(nearest(self.nodes, &by_y, s));
                loose.push(s);
            }
        }
        if !loose.is_empty() {
            let examples: Vec<String> = loose
                .iter()
                .take(3)
                .map(|&s| quoted(self.nodes[s].label()))
                .collect();
            warnings.push(format!(
                "{} subtopic(s) are not linked to a topic (for example {}); each was put under the nearest topic on the page",
                loose.len(),
                examples.join(", ")
            ));
        }
        owner
    }
}

/// How many topics above and below are looked at for the nearest one.
const NEAREST_SCAN: usize = 512;

/// The topic nearest to node `s` on the page; `by_y` is sorted by y.
fn nearest(nodes: &[RawNode], by_y: &[usize], s: usize) -> usize {
    let (y, x) = nodes[s].at();
    let start = by_y.partition_point(|&t| nodes[t].at().0 < y);
    let dist = |t: usize| {
        let (ty, tx) = nodes[t].at();
        (ty - y).powi(2) + (tx - x).powi(2)
    };
    let mut best = (f64::INFINITY, by_y[start.min(by_y.len() - 1)]);
    // Walk outwards from the same height; stop once the height alone is
    // farther than the best so far, or after a bounded number of topics (a
    // hostile file with every node on one line stays linear).
    for &t in by_y[start..].iter().take(NEAREST_SCAN) {
        if (nodes[t].at().0 - y).powi(2) > best.0 {
            break;
        }
        let d = dist(t);
        if d < best.0 {
            best = (d, t);
        }
    }
    for &t in by_y[..start].iter().rev().take(NEAREST_SCAN) {
        if (nodes[t].at().0 - y).powi(2) > best.0 {
            break;
        }
        let d = dist(t);
        if d < best.0 {
            best = (d, t);
        }
    }
    best.1
}

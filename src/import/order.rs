//! The order of the page's main (solid) path, followed through drawing
//! nodes (buttons, lines, paragraphs, titles) so that what comes after a
//! drawing still follows what came before it. Each topic, heading with
//! items, and everything belonging to it count as one stop ("unit") on the
//! path; every other node is passed through.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::nodes::Nodes;

/// Per stop: how many solid edges from the start of its part of the path,
/// the edges taken either way. The start is the roadmap's title where it
/// is on the path, else the highest stop of each part.
fn steps_from_start(nodes: &Nodes<'_>, stops: &[usize], edges: &[(usize, usize)]) -> Vec<usize> {
    let n = nodes.len();
    let mut near = vec![Vec::new(); n];
    for &(a, b) in edges {
        near[a].push(b);
        near[b].push(a);
    }
    let mut step = vec![usize::MAX; n];
    let titles = stops
        .iter()
        .copied()
        .filter(|&s| nodes.list[s].kind == super::nodes::Kind::Title);
    let mut queue = std::collections::VecDeque::new();
    for start in titles.chain(stops.iter().copied()) {
        if step[start] != usize::MAX {
            continue;
        }
        step[start] = 0;
        queue.push_back(start);
        while let Some(s) = queue.pop_front() {
            for &o in &near[s] {
                if step[o] == usize::MAX {
                    step[o] = step[s] + 1;
                    queue.push_back(o);
                }
            }
        }
    }
    step
}

/// The path between units.
pub(super) struct Path {
    /// Per node: the node standing for it on the path (its unit, else itself).
    rep: Vec<usize>,
    inn: Vec<Vec<usize>>,
    /// Units in path order; ties and cycles broken by position.
    pub order: Vec<usize>,
    /// Per node: its unit's place in `order` (`usize::MAX` for none).
    pub rank: Vec<usize>,
}

impl Path {
    /// `unit_of[n]`: the unit node `n` belongs to; `solid_out`: the solid
    /// edges.
    /// `lines`: per line, what it touches (a line drawn from one topic to
    /// the next is part of the path, as real pages draw some).
    pub fn new(
        nodes: &Nodes<'_>,
        unit_of: &[Option<usize>],
        solid_out: &[Vec<usize>],
        lines: &[Vec<usize>],
    ) -> Path {
        let n = nodes.len();
        let rep: Vec<usize> = (0..n).map(|i| unit_of[i].unwrap_or(i)).collect();
        let mut stops: Vec<usize> = (0..n).filter(|&i| rep[i] == i).collect();
        super::layout::by_position(nodes, &mut stops);
        let edges: Vec<(usize, usize)> = solid_out
            .iter()
            .enumerate()
            .flat_map(|(a, targets)| targets.iter().map(move |&b| (a, b)))
            .chain(
                lines
                    .iter()
                    .enumerate()
                    .filter(|(l, _)| nodes.list[*l].kind == super::nodes::Kind::Line)
                    .flat_map(|(l, touched)| touched.iter().map(move |&o| (l, o))),
            )
            .map(|(a, b)| (rep[a], rep[b]))
            .filter(|(a, b)| a != b)
            .collect();
        let step = steps_from_start(nodes, &stops, &edges);
        let mut out = vec![Vec::new(); n];
        let mut inn = vec![Vec::new(); n];
        for (a, b) in edges {
            // A solid edge has no arrow on the page: the editor writes it
            // either way. It leads away from the start of the path.
            let (a, b) = if step[b] < step[a] { (b, a) } else { (a, b) };
            out[a].push(b);
            inn[b].push(a);
        }
        let is_unit: Vec<bool> = {
            let mut v = vec![false; n];
            for u in unit_of.iter().flatten() {
                v[*u] = true;
            }
            v
        };
        // Kahn's algorithm over the stops (units and passed-through
        // nodes), the highest on the page first among those ready.
        let mut pos = vec![0usize; n];
        for (r, &s) in stops.iter().enumerate() {
            pos[s] = r;
        }
        let mut indegree = vec![0usize; n];
        for targets in &out {
            for &b in targets {
                indegree[b] += 1;
            }
        }
        let mut heap: BinaryHeap<Reverse<(usize, usize)>> = stops
            .iter()
            .filter(|&&s| indegree[s] == 0)
            .map(|&s| Reverse((pos[s], s)))
            .collect();
        let mut placed = vec![false; n];
        let mut order = Vec::new();
        let mut rank = vec![usize::MAX; n];
        let (mut done, mut forced) = (0, 0);
        while done < stops.len() {
            let s = if let Some(Reverse((_, s))) = heap.pop() {
                s
            } else {
                // A cycle: the highest stop not placed yet.
                while placed[stops[forced]] {
                    forced += 1;
                }
                stops[forced]
            };
            if placed[s] {
                continue;
            }
            placed[s] = true;
            done += 1;
            if is_unit[s] {
                rank[s] = order.len();
                order.push(s);
            }
            for &b in &out[s] {
                indegree[b] = indegree[b].saturating_sub(1);
                if indegree[b] == 0 && !placed[b] {
                    heap.push(Reverse((pos[b], b)));
                }
            }
        }
        for i in 0..n {
            rank[i] = rank[rep[i]];
        }
        Path {
            rep,
            inn,
            order,
            rank,
        }
    }

    /// The units before `unit` on the path for which `stop(u)` holds,
    /// looking back through passed-through nodes and through units for
    /// which it does not; only units earlier in `order` (so never a
    /// cycle). `budget` bounds the work over all calls.
    pub fn before(
        &self,
        unit: usize,
        stop: impl Fn(usize) -> bool,
        budget: &mut usize,
    ) -> Vec<usize> {
        let unit = self.rep[unit];
        let mut found = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut queue: Vec<usize> = vec![unit];
        seen.insert(unit);
        while let Some(r) = queue.pop() {
            for &p in &self.inn[r] {
                if *budget == 0 {
                    return found;
                }
                *budget -= 1;
                if !seen.insert(p) {
                    continue;
                }
                let is_unit = self.rank[p] != usize::MAX;
                if is_unit && stop(p) {
                    if self.rank[p] < self.rank[unit] {
                        found.push(p);
                    }
                } else {
                    queue.push(p);
                }
            }
        }
        found.sort_by_key(|&u| self.rank[u]);
        found
    }
}

//! The order of the page's main (solid) path, followed through drawing
//! nodes (buttons, lines, paragraphs, titles) so that what comes after a
//! drawing still follows what came before it. Each topic, heading with
//! items, and everything belonging to it count as one stop ("unit") on the
//! path; every other node is passed through.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::nodes::Nodes;

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
    pub fn new(nodes: &Nodes<'_>, unit_of: &[Option<usize>], solid_out: &[Vec<usize>]) -> Path {
        let n = nodes.len();
        let rep: Vec<usize> = (0..n).map(|i| unit_of[i].unwrap_or(i)).collect();
        let mut out = vec![Vec::new(); n];
        let mut inn = vec![Vec::new(); n];
        for (a, targets) in solid_out.iter().enumerate() {
            for &b in targets {
                let (ra, rb) = (rep[a], rep[b]);
                if ra != rb {
                    out[ra].push(rb);
                    inn[rb].push(ra);
                }
            }
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
        let mut stops: Vec<usize> = (0..n).filter(|&i| rep[i] == i).collect();
        super::layout::by_position(nodes, &mut stops);
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

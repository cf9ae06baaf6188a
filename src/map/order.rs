//! Steps 3 and 4 of the layout: the order of the items in each layer
//! (fewest crossings found by barycentre sweeps) and their columns (each
//! as close to its neighbours as the order allows).

use super::graph::MapGraph;
use super::layout::{Item, NONE, Seg, csr};

/// Who is joined to whom between layers, per item, with weights.
pub(super) struct Gaps {
    up_start: Vec<usize>,
    up: Vec<u32>,
    down_start: Vec<usize>,
    down: Vec<u32>,
    /// Per gap (upper layer), the segments crossing it, as (upper, lower).
    per_gap: Vec<Vec<(u32, u32)>>,
}

impl Gaps {
    pub fn new(items: &[Item], layer: &[u32], segs: &[Seg], layers: usize) -> Gaps {
        let n = items.len();
        let (up_start, up) = csr(n, segs.iter().map(|s| (s.down, s.up)));
        let (down_start, down) = csr(n, segs.iter().map(|s| (s.up, s.down)));
        let mut per_gap = vec![Vec::new(); layers];
        for s in segs {
            per_gap[layer[s.up as usize] as usize].push((s.up, s.down));
        }
        Gaps {
            up_start,
            up,
            down_start,
            down,
            per_gap,
        }
    }

    fn ups(&self, i: u32) -> &[u32] {
        &self.up[self.up_start[i as usize]..self.up_start[i as usize + 1]]
    }

    fn downs(&self, i: u32) -> &[u32] {
        &self.down[self.down_start[i as usize]..self.down_start[i as usize + 1]]
    }
}

/// Reorders each layer to cut crossings: alternate sweeps down (by the
/// mean position of what is above) and up (of what is below), keeping the
/// order with the fewest crossings seen.
pub(super) fn order(rows: &mut [Vec<u32>], gaps: &Gaps, items: usize) {
    let mut pos = vec![0u32; items];
    let index = |rows: &[Vec<u32>], pos: &mut [u32]| {
        for row in rows {
            for (p, &it) in row.iter().enumerate() {
                pos[it as usize] = u32::try_from(p).unwrap_or(u32::MAX);
            }
        }
    };
    index(rows, &mut pos);
    // The waypoints start at the end of their layers: one sweep down puts
    // them under what they carry before anything is compared.
    sweep_down(rows, gaps, &mut pos);
    let mut best = rows.to_vec();
    let mut fewest = crossings(rows, gaps, &pos);
    let rounds = match items {
        0..5_000 => 6,
        5_000..40_000 => 3,
        _ => 2,
    };
    for _ in 0..rounds {
        if fewest == 0 {
            break;
        }
        sweep_up(rows, gaps, &mut pos);
        sweep_down(rows, gaps, &mut pos);
        let c = crossings(rows, gaps, &pos);
        if c < fewest {
            fewest = c;
            best.clone_from_slice(rows);
        }
    }
    rows.clone_from_slice(&best);
}

fn sweep_down(rows: &mut [Vec<u32>], gaps: &Gaps, pos: &mut [u32]) {
    for l in 1..rows.len() {
        let above = rows[l - 1].len();
        sort_by_neighbours(&mut rows[l], pos, above, |i| gaps.ups(i));
    }
}

fn sweep_up(rows: &mut [Vec<u32>], gaps: &Gaps, pos: &mut [u32]) {
    for l in (0..rows.len().saturating_sub(1)).rev() {
        let below = rows[l + 1].len();
        sort_by_neighbours(&mut rows[l], pos, below, |i| gaps.downs(i));
    }
}

/// Sorts one layer by the mean relative position of each item's
/// neighbours in the layer next to it (`other` items long); an item
/// without neighbours keeps its relative place.
fn sort_by_neighbours<'a>(
    row: &mut [u32],
    pos: &mut [u32],
    other: usize,
    neighbours: impl Fn(u32) -> &'a [u32],
) {
    let len = row.len() as f64;
    let other = other.max(1) as f64;
    let mut keyed: Vec<(f64, u32, u32)> = row
        .iter()
        .map(|&it| {
            let near = neighbours(it);
            let key = if near.is_empty() {
                (f64::from(pos[it as usize]) + 0.5) / len
            } else {
                let sum: f64 = near.iter().map(|&j| f64::from(pos[j as usize]) + 0.5).sum();
                sum / near.len() as f64 / other
            };
            (key, pos[it as usize], it)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (p, (_, _, it)) in keyed.into_iter().enumerate() {
        row[p] = it;
        pos[it as usize] = u32::try_from(p).unwrap_or(u32::MAX);
    }
}

/// Edge crossings between every pair of neighbouring layers: inversions
/// among the segments sorted by their upper end (a Fenwick tree).
fn crossings(rows: &[Vec<u32>], gaps: &Gaps, pos: &[u32]) -> u64 {
    let mut total = 0u64;
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (l, gap) in gaps.per_gap.iter().enumerate() {
        if gap.len() < 2 {
            continue;
        }
        pairs.clear();
        pairs.extend(gap.iter().map(|&(u, d)| (pos[u as usize], pos[d as usize])));
        pairs.sort_unstable();
        let size = rows.get(l + 1).map_or(0, Vec::len) + 1;
        let mut tree = vec![0u32; size + 1];
        for (seen, &(_, d)) in pairs.iter().enumerate() {
            // Segments seen so far ending right of `d` cross this one.
            let mut i = d as usize + 1;
            let mut not_right = 0u64;
            while i > 0 {
                not_right += u64::from(tree[i]);
                i &= i - 1;
            }
            total += seen as u64 - not_right;
            let mut i = d as usize + 1;
            while i <= size {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
    }
    total
}

/// Puts the options of each choice side by side in their layer, where
/// the middle one was: "pick one of these" reads as one group.
pub(super) fn group_choices(
    rows: &mut [Vec<u32>],
    graph: &MapGraph,
    items: &[Item],
    segs: &[Seg],
    layer: &[u32],
) {
    let mut group = vec![NONE; items.len()];
    for s in segs {
        let down = items[s.down as usize];
        let up = items[s.up as usize];
        if !s.back
            && !down.waypoint
            && !up.waypoint
            && graph.is_choice(graph.nodes[down.owner as usize])
            && group[s.up as usize] == NONE
        {
            group[s.up as usize] = s.down;
        }
    }
    let mut touched: Vec<bool> = vec![false; rows.len()];
    for (i, &g) in group.iter().enumerate() {
        if g != NONE {
            touched[layer[i] as usize] = true;
        }
    }
    for (l, row) in rows.iter_mut().enumerate() {
        if !touched[l] {
            continue;
        }
        let mut members: std::collections::BTreeMap<u32, Vec<usize>> =
            std::collections::BTreeMap::new();
        for (p, &it) in row.iter().enumerate() {
            if group[it as usize] != NONE {
                members.entry(group[it as usize]).or_default().push(p);
            }
        }
        let mut key: Vec<(f64, bool, usize, u32)> = row
            .iter()
            .enumerate()
            .map(|(p, &it)| (p as f64, false, p, it))
            .collect();
        for list in members.values() {
            let middle = list[list.len() / 2] as f64;
            for &p in list {
                key[p].0 = middle;
                key[p].1 = true;
            }
        }
        key.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (p, k) in key.into_iter().enumerate() {
            row[p] = k.3;
        }
    }
}

/// Cells between two neighbours in a layer.
fn spacing(a: &Item, b: &Item) -> f64 {
    match (a.waypoint, b.waypoint) {
        (true, true) => 1.0,
        (false, false) => 3.0,
        _ => 2.0,
    }
}

/// Where an item's edges attach, relative to its left end.
fn anchor(item: &Item) -> f64 {
    f64::from(item.w / 2)
}

/// Which neighbours a placement sweep pulls towards.
#[derive(Clone, Copy)]
enum Pass {
    Down,
    Up,
    Both,
}

/// Columns: left-packed first, then sweeps that pull each item towards
/// the mean anchor of its neighbours above, below, or both, as far as the
/// order and spacing allow (weighted isotonic regression per layer).
/// Trunks weigh most, so long lines run straight.
pub(super) fn place(rows: &mut [Vec<u32>], items: &mut [Item], gaps: &Gaps) {
    for row in rows.iter() {
        let mut x = 0.0;
        let mut prev: Option<&Item> = None;
        for &it in row {
            if let Some(p) = prev {
                x += f64::from(p.w) + spacing(p, &items[it as usize]);
            }
            items[it as usize].x = x;
            prev = Some(&items[it as usize]);
        }
    }
    let weight = |a: &Item, b: &Item| match (a.waypoint, b.waypoint) {
        (true, true) => 8.0,
        (false, false) => 1.0,
        _ => 2.0,
    };
    let passes = [Pass::Down, Pass::Up, Pass::Down, Pass::Up, Pass::Both];
    let mut target: Vec<(f64, f64)> = Vec::new();
    for pass in passes {
        let layers: Vec<usize> = match pass {
            Pass::Up => (0..rows.len()).rev().collect(),
            _ => (0..rows.len()).collect(),
        };
        for l in layers {
            let row = &rows[l];
            target.clear();
            for &it in row {
                let me = items[it as usize];
                let (mut sum, mut w) = (0.0, 0.0);
                let mut add = |near: &[u32]| {
                    for &j in near {
                        let other = items[j as usize];
                        let k = weight(&me, &other);
                        sum += k * (other.x + anchor(&other));
                        w += k;
                    }
                };
                match pass {
                    Pass::Down => add(gaps.ups(it)),
                    Pass::Up => add(gaps.downs(it)),
                    Pass::Both => {
                        add(gaps.ups(it));
                        add(gaps.downs(it));
                    }
                }
                if w <= 0.0 {
                    target.push((me.x, 1e-3));
                } else {
                    target.push((sum / w - anchor(&me), w));
                }
            }
            fit_row(row, items, &target);
        }
    }
    // Whole cells, spacing kept, the leftmost at column 1.
    let mut min = f64::MAX;
    for row in rows.iter() {
        let mut prev: Option<Item> = None;
        for &it in row {
            let mut x = items[it as usize].x.round();
            if let Some(p) = prev {
                x = x.max(p.x + f64::from(p.w) + spacing(&p, &items[it as usize]));
            }
            items[it as usize].x = x;
            prev = Some(items[it as usize]);
        }
    }
    straighten(rows, items, gaps);
    for row in rows.iter() {
        if let Some(&first) = row.first() {
            min = min.min(items[first as usize].x);
        }
    }
    if min.is_finite() && min < f64::MAX {
        for it in items.iter_mut() {
            it.x = it.x - min + 1.0;
        }
    }
}

/// Moves each waypoint under the line it continues, as far as its
/// neighbours in the row leave room, top down and then bottom up: a trunk
/// that runs straight needs no track and draws no bend.
fn straighten(rows: &[Vec<u32>], items: &mut [Item], gaps: &Gaps) {
    let pin = |it: &Item| it.x + anchor(it);
    for downwards in [true, false, true] {
        let layers: Vec<usize> = if downwards {
            (0..rows.len()).collect()
        } else {
            (0..rows.len()).rev().collect()
        };
        for l in layers {
            let row = &rows[l];
            for (p, &it) in row.iter().enumerate() {
                let me = items[it as usize];
                if !me.waypoint {
                    continue;
                }
                let near = if downwards {
                    gaps.ups(it)
                } else {
                    gaps.downs(it)
                };
                let [only] = near else { continue };
                let other = items[*only as usize];
                if !downwards && !other.waypoint {
                    continue;
                }
                let lo = p.checked_sub(1).map_or(f64::MIN, |q| {
                    let left = &items[row[q] as usize];
                    left.x + f64::from(left.w) + spacing(left, &me)
                });
                let hi = row.get(p + 1).map_or(f64::MAX, |&r| {
                    let right = &items[r as usize];
                    right.x - spacing(&me, right) - f64::from(me.w)
                });
                if lo <= hi {
                    items[it as usize].x = pin(&other).clamp(lo, hi);
                }
            }
        }
    }
}

/// Moves the items of one row as near their targets `(x, weight)` as the
/// spacing allows: minimises the weighted squared distance subject to the
/// order (pool adjacent violators on positions less their packed offset).
fn fit_row(row: &[u32], items: &mut [Item], target: &[(f64, f64)]) {
    // Offsets of a left-packed row: x[i] - offset[i] must not decrease.
    let mut offset = Vec::with_capacity(row.len());
    let mut acc = 0.0;
    for (i, &it) in row.iter().enumerate() {
        if i > 0 {
            let p = &items[row[i - 1] as usize];
            acc += f64::from(p.w) + spacing(p, &items[it as usize]);
        }
        offset.push(acc);
    }
    // Blocks of (weighted mean, weight, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(row.len());
    for (i, &(x, w)) in target.iter().enumerate() {
        blocks.push((x - offset[i], w, 1));
        while blocks.len() > 1 {
            let (b, a) = (blocks[blocks.len() - 1], blocks[blocks.len() - 2]);
            if a.0 <= b.0 {
                break;
            }
            let w = a.1 + b.1;
            let mean = (a.0 * a.1 + b.0 * b.1) / w;
            blocks.pop();
            if let Some(last) = blocks.last_mut() {
                *last = (mean, w, a.2 + b.2);
            }
        }
    }
    let mut i = 0;
    for (mean, _, count) in blocks {
        for _ in 0..count {
            items[row[i] as usize].x = mean + offset[i];
            i += 1;
        }
    }
}

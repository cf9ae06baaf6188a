//! Groups of items as the page draws them: the items inside one box (a
//! section, a checklist, a paragraph drawn around them), or, outside any
//! box, items stacked edge to edge in a column or a grid. A group may have
//! a heading (a label or paragraph at its top), and groups drawn against
//! each other form a block.
//!
//! The work is bounded for hostile files: each search looks at a bounded
//! number of neighbours, so a file with every node in one spot stays
//! linear.

use super::nodes::{Kind, Nodes, Rect};

/// Items at most this far apart (in pixels) are drawn edge to edge: real
/// roadmaps leave 3 to 6 between the boxes of a stack and 15 or more
/// between stacks.
pub(super) const GAP: f64 = 10.0;
/// Items side by side at most this far apart are one grid.
const SIDE_GAP: f64 = 6.0;
/// How many neighbours a search looks at before it gives up.
pub(super) const SCAN: usize = 512;
/// How many boxes below one are looked at for one touching it: a band of
/// a real page holds a few dozen.
const NEIGHBOURS: usize = 64;
/// A text longer than this is prose, not a heading.
const HEADING_MAX: usize = 100;

#[derive(Debug, Default)]
pub(super) struct Group {
    /// The items, top to bottom, then left to right.
    pub members: Vec<usize>,
    /// The box drawn around them.
    pub container: Option<usize>,
    /// A label or paragraph naming them.
    pub heading: Option<usize>,
    /// Where they are drawn: the box, else the items' bounding box.
    pub rect: Rect,
    /// Groups drawn against this one share its block.
    pub block: usize,
}

pub(super) struct Layout {
    pub groups: Vec<Group>,
    /// Per node: the group of an item.
    pub group_of: Vec<Option<usize>>,
    /// Per node: the innermost box its centre lies in.
    pub container_of: Vec<Option<usize>>,
    /// Per box: the group of the items inside it.
    pub group_of_box: Vec<Option<usize>>,
    /// Items drawn edge to edge (within one box), top to bottom.
    pub stacks: Vec<Vec<usize>>,
    /// Per node: the stack of an item.
    pub stack_of: Vec<Option<usize>>,
}

/// Top to bottom, then left to right, then file order.
pub(super) fn by_position(nodes: &Nodes<'_>, list: &mut [usize]) {
    list.sort_by(|&a, &b| {
        let (ra, rb) = (nodes.list[a].rect, nodes.list[b].rect);
        ra.y.total_cmp(&rb.y)
            .then(ra.x.total_cmp(&rb.x))
            .then(a.cmp(&b))
    });
}

/// True for a label or paragraph that can name something: short, with a
/// word in it (not an arrow or a number drawn as a label), and not a
/// panel of links ("Visit the following relevant tracks" with buttons).
pub(super) fn is_heading_text(nodes: &Nodes<'_>, n: usize) -> bool {
    let node = &nodes.list[n];
    node.kind == Kind::Text
        && !node.panel
        && node.label.chars().count() <= HEADING_MAX
        && node.label.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// The texts drawn around a button or link: panels, not headings.
pub(super) fn panels(nodes: &Nodes<'_>) -> Vec<usize> {
    let texts: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes.list[i].kind == Kind::Text)
        .collect();
    let inside = containers(nodes, &texts, |k| k == Kind::Other);
    let mut out: Vec<usize> = inside.into_iter().flatten().collect();
    out.sort_unstable();
    out.dedup();
    out
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut a: usize) -> usize {
        while self.0[a] != a {
            self.0[a] = self.0[self.0[a]];
            a = self.0[a];
        }
        a
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Calls `f(i, j)` for pairs of `rects` (sorted here by top edge) that
/// touch within `gap`, looking at a bounded number of neighbours.
fn touching_pairs(rects: &[(usize, Rect)], gap: f64, mut f: impl FnMut(usize, usize)) {
    let mut order: Vec<usize> = (0..rects.len()).collect();
    order.sort_by(|&a, &b| rects[a].1.y.total_cmp(&rects[b].1.y).then(a.cmp(&b)));
    for (k, &i) in order.iter().enumerate() {
        let ri = rects[i].1;
        for &j in order[k + 1..].iter().take(NEIGHBOURS) {
            let rj = rects[j].1;
            if rj.y > ri.bottom() + gap {
                break;
            }
            if ri.touches(&rj, gap) {
                f(rects[i].0, rects[j].0);
            }
        }
    }
}

/// The innermost box (smallest area) whose rectangle holds each node's
/// centre; `boxes` are the candidates.
fn containers(
    nodes: &Nodes<'_>,
    boxes: &[usize],
    which: impl Fn(Kind) -> bool,
) -> Vec<Option<usize>> {
    let mut by_x: Vec<usize> = boxes.to_vec();
    by_x.sort_by(|&a, &b| nodes.list[a].rect.x.total_cmp(&nodes.list[b].rect.x));
    let xs: Vec<f64> = by_x.iter().map(|&b| nodes.list[b].rect.x).collect();
    let mut out = vec![None; nodes.len()];
    for (n, node) in nodes.list.iter().enumerate() {
        if !which(node.kind) {
            continue;
        }
        let centre = node.rect.centre();
        let end = xs.partition_point(|&x| x <= centre.0);
        let mut best: Option<(f64, usize)> = None;
        for &b in by_x[..end].iter().rev().take(SCAN) {
            let r = nodes.list[b].rect;
            if b == n || !r.contains_point(centre) || r.area() <= node.rect.area() {
                continue;
            }
            if best.is_none_or(|(area, _)| r.area() < area) {
                best = Some((r.area(), b));
            }
        }
        out[n] = best.map(|(_, b)| b);
    }
    out
}

impl Layout {
    pub fn new(nodes: &Nodes<'_>) -> Layout {
        let n = nodes.len();
        let items: Vec<usize> = (0..n)
            .filter(|&i| nodes.list[i].kind == Kind::Item)
            .collect();
        // Boxes: sections and checklists, and any text drawn around an item.
        let texts: Vec<usize> = (0..n)
            .filter(|&i| nodes.list[i].kind == Kind::Text)
            .collect();
        let mut boxes: Vec<usize> = (0..n)
            .filter(|&i| nodes.list[i].kind == Kind::Section)
            .collect();
        let text_boxes = containers(nodes, &texts, |k| k == Kind::Item);
        let mut holds = vec![false; n];
        for &i in &items {
            if let Some(t) = text_boxes[i] {
                holds[t] = true;
            }
        }
        boxes.extend(texts.iter().copied().filter(|&t| holds[t]));
        let container_of = containers(nodes, &boxes, |k| {
            !matches!(k, Kind::Line | Kind::Other | Kind::Title)
        });

        // Groups: one per box with items, else stacks of touching items.
        // Stacks: items drawn edge to edge within the same box (or none).
        let mut uf = UnionFind::new(n);
        let rects: Vec<(usize, Rect)> = items.iter().map(|&i| (i, nodes.list[i].rect)).collect();
        touching_pairs(&rects, GAP, |a, b| {
            let (ra, rb) = (nodes.list[a].rect, nodes.list[b].rect);
            // One above the other, or side by side when nearly touching
            // (columns of a grid are 3 to 5 pixels apart, two lists side
            // by side 8 or more); never corner to corner.
            let stacked = ra.x_overlap(&rb) > 0.0 && ra.y_gap(&rb) <= GAP;
            let side = ra.y_overlap(&rb) > 0.0 && ra.x_gap(&rb) <= SIDE_GAP;
            if container_of[a] == container_of[b] && (stacked || side) {
                uf.union(a, b);
            }
        });
        let mut groups: Vec<Group> = Vec::new();
        let mut group_of = vec![None; n];
        let mut group_of_box = vec![None; n];
        let mut root_group: Vec<Option<usize>> = vec![None; n];
        let mut sorted = items.clone();
        by_position(nodes, &mut sorted);
        let mut stacks: Vec<Vec<usize>> = Vec::new();
        let mut stack_of = vec![None; n];
        let mut root_stack: Vec<Option<usize>> = vec![None; n];
        for &i in &sorted {
            let root = uf.find(i);
            let k = *root_stack[root].get_or_insert_with(|| {
                stacks.push(Vec::new());
                stacks.len() - 1
            });
            stacks[k].push(i);
            stack_of[i] = Some(k);
        }
        for &i in &sorted {
            let g = if let Some(b) = container_of[i] {
                *group_of_box[b].get_or_insert_with(|| {
                    groups.push(Group {
                        container: Some(b),
                        rect: nodes.list[b].rect,
                        ..Group::default()
                    });
                    groups.len() - 1
                })
            } else {
                let root = uf.find(i);
                *root_group[root].get_or_insert_with(|| {
                    groups.push(Group {
                        rect: nodes.list[i].rect,
                        ..Group::default()
                    });
                    groups.len() - 1
                })
            };
            groups[g].members.push(i);
            if groups[g].container.is_none() {
                groups[g].rect = groups[g].rect.union(&nodes.list[i].rect);
            }
            group_of[i] = Some(g);
        }

        let mut layout = Layout {
            groups,
            group_of,
            container_of,
            group_of_box,
            stacks,
            stack_of,
        };
        layout.find_headings(nodes, &texts);
        layout.find_blocks();
        layout
    }

    /// A group's heading: the box itself when it is a paragraph with a
    /// short text, else the first short text inside its box, else a short
    /// text drawn just above (or just below) it.
    fn find_headings(&mut self, nodes: &Nodes<'_>, texts: &[usize]) {
        for g in &mut self.groups {
            if let Some(b) = g.container
                && is_heading_text(nodes, b)
            {
                g.heading = Some(b);
            }
        }
        let mut sorted = texts.to_vec();
        by_position(nodes, &mut sorted);
        for &t in &sorted {
            if !is_heading_text(nodes, t) || self.group_of_box[t].is_some() {
                continue;
            }
            if let Some(b) = self.container_of[t]
                && let Some(g) = self.group_of_box[b]
            {
                self.groups[g].heading.get_or_insert(t);
            }
        }
        // Else a text touching the group, above it or below it.
        let rects: Vec<(usize, Rect)> = self
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.heading.is_none())
            .map(|(i, g)| (i, g.rect))
            .chain(
                sorted
                    .iter()
                    .filter(|&&t| is_heading_text(nodes, t) && self.container_of[t].is_none())
                    .map(|&t| (usize::MAX - t, nodes.list[t].rect)),
            )
            .collect();
        let mut pairs = Vec::new();
        touching_pairs(&rects, GAP * 2.0, |a, b| pairs.push((a, b)));
        for (a, b) in pairs {
            let (g, t) = match (a < usize::MAX / 2, b < usize::MAX / 2) {
                (true, false) => (a, usize::MAX - b),
                (false, true) => (b, usize::MAX - a),
                _ => continue,
            };
            let (gr, tr) = (self.groups[g].rect, nodes.list[t].rect);
            if tr.x_overlap(&gr) < 0.3 {
                continue;
            }
            let prefer = |old: usize| nodes.list[old].rect.y_gap(&gr) > tr.y_gap(&gr);
            if self.groups[g].heading.is_none_or(prefer) {
                self.groups[g].heading = Some(t);
            }
        }
    }

    /// Blocks: groups drawn against each other.
    fn find_blocks(&mut self) {
        let mut uf = UnionFind::new(self.groups.len());
        let rects: Vec<(usize, Rect)> = self
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| (i, g.rect))
            .collect();
        touching_pairs(&rects, GAP, |a, b| uf.union(a, b));
        for g in 0..self.groups.len() {
            self.groups[g].block = uf.find(g);
        }
    }
}

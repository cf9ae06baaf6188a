//! Which topic (or heading) each group of items belongs to, as the page
//! shows it: an edge first (to the items, their box or their heading),
//! then a topic drawn in or against their box, then a line drawn by hand,
//! then the group they are drawn against, then a topic in the same column
//! nearby; a group that has none of these but a heading of its own becomes
//! a stage under that heading. Never the nearest topic across columns,
//! except as the last resort (with a warning).

use std::cell::Cell;
use std::collections::{HashMap, HashSet, VecDeque};

use super::layout::{Layout, SCAN, is_heading_text};
use super::nodes::{Kind, Nodes, Rect};
use super::wiring::{End, Wiring};

/// How many topics above and below a group are looked at (real pages have
/// fewer than a hundred topics).
const NEAR: usize = 128;

/// How far (pixels) a topic in the same column may be before a group's own
/// heading is preferred.
const COLUMN_NEAR: f64 = 300.0;

/// How a group found its place (reported in tests and diagnostics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum How {
    Edge,
    Box,
    Line,
    Block,
    Column,
    Heading,
    Row,
    Nearest,
}

#[derive(Debug, Clone, Copy)]
enum Link {
    Anchor(usize),
    /// Follows another group, linked through one of its items (or its box).
    Follow(Option<usize>, usize),
}

pub(super) struct Attachment {
    /// Per group: the topic or heading it belongs to.
    pub anchor: Vec<Option<usize>>,
    /// Per group: what it hangs on: an item of another group it is linked
    /// to, else its anchor.
    pub parent: Vec<Option<usize>>,
    pub how: Vec<How>,
    /// Per node: a heading that can hold groups (linked by an edge).
    pub candidate: Vec<bool>,
}

fn distance(a: &Rect, b: &Rect) -> f64 {
    a.x_gap(b).hypot(a.y_gap(b))
}

struct Ctx<'a, 'n> {
    nodes: &'a Nodes<'n>,
    layout: &'a Layout,
    wiring: &'a Wiring,
    candidate: Vec<bool>,
    /// Topics top to bottom.
    topics: Vec<usize>,
    /// Per box: the first topic drawn inside it.
    topic_in: HashMap<usize, usize>,
    /// Steps left for following lines, over all groups.
    work: Cell<usize>,
    /// Topics left to look at by position, over all groups.
    scans: Cell<usize>,
}

impl Ctx<'_, '_> {
    fn is_anchor(&self, n: usize) -> bool {
        self.nodes.list[n].kind == Kind::Topic || self.candidate[n]
    }

    /// The nodes that stand for group `g`: its items, box and heading.
    fn seeds(&self, g: usize) -> Vec<usize> {
        let group = &self.layout.groups[g];
        let mut seeds = group.members.clone();
        seeds.extend(group.container);
        seeds.extend(group.heading.filter(|&h| !self.candidate[h]));
        seeds
    }

    /// True when `o` is one of group `g`'s items, its box or its heading.
    fn own(&self, g: usize, o: usize) -> bool {
        self.group_at(o) == Some(g) || self.layout.groups[g].heading == Some(o)
    }

    /// Topics from the nearest in height outwards, a bounded number on
    /// each side of `rect`; fewer once the work for the whole file is
    /// spent (a hostile file of 100,000 unlinked groups stays linear).
    fn topics_near(&self, rect: &Rect) -> impl Iterator<Item = usize> + '_ {
        let y = rect.y;
        let at = self
            .topics
            .partition_point(|&t| self.nodes.list[t].rect.y < y);
        let left = self.scans.get();
        let side = if left > NEAR { NEAR } else { 1 };
        self.scans.set(left.saturating_sub(2 * side));
        let below = self.topics[at..].iter().take(side);
        let above = self.topics[..at].iter().rev().take(side);
        below.chain(above).copied()
    }

    /// The group `o` stands for, when it is another group's item or box.
    fn group_at(&self, o: usize) -> Option<usize> {
        self.layout.group_of[o].or(self.layout.group_of_box[o])
    }

    /// Picks among anchors: most hits, then topics before headings, then
    /// the nearest to the group.
    fn best(&self, g: usize, hits: &[(usize, usize)]) -> Option<usize> {
        let rect = self.layout.groups[g].rect;
        hits.iter()
            .min_by(|a, b| {
                let key = |&(n, count): &(usize, usize)| {
                    (
                        std::cmp::Reverse(count),
                        self.nodes.list[n].kind != Kind::Topic,
                    )
                };
                key(a).cmp(&key(b)).then(
                    distance(&rect, &self.nodes.list[a.0].rect)
                        .total_cmp(&distance(&rect, &self.nodes.list[b.0].rect)),
                )
            })
            .map(|&(n, _)| n)
    }

    fn by_edges(&self, g: usize, seeds: &[usize]) -> Option<Link> {
        let mut hits: HashMap<usize, usize> = HashMap::new();
        let mut follow = None;
        for &s in seeds {
            // What leads into the group, or hangs it on: a solid edge out
            // of the group leads on to the next stop, not to its owner.
            for &(o, end) in &self.wiring.linked[s] {
                if self.own(g, o) || end == End::SolidOut {
                    continue;
                }
                if self.is_anchor(o) {
                    *hits.entry(o).or_default() += 1;
                } else if let Some(g2) = self.group_at(o)
                    && g2 != g
                    && follow.is_none()
                {
                    let item = (self.nodes.list[o].kind == Kind::Item).then_some(o);
                    follow = Some(Link::Follow(item, g2));
                }
            }
        }
        // In node order: ties are broken the same way on every run.
        let mut hits: Vec<(usize, usize)> = hits.into_iter().collect();
        hits.sort_unstable();
        self.best(g, &hits).map(Link::Anchor).or(follow)
    }

    fn by_box(&self, g: usize) -> Option<usize> {
        let group = &self.layout.groups[g];
        if let Some(h) = group.heading
            && self.candidate[h]
        {
            return Some(h);
        }
        let inside = group.container.and_then(|c| self.topic_in.get(&c).copied());
        inside.or_else(|| {
            self.topics_near(&group.rect)
                .filter(|&t| {
                    self.nodes.list[t]
                        .rect
                        .touches(&group.rect, super::layout::GAP)
                })
                .min_by(|&a, &b| {
                    distance(&group.rect, &self.nodes.list[a].rect)
                        .total_cmp(&distance(&group.rect, &self.nodes.list[b].rect))
                })
        })
    }

    /// Through hand-drawn lines: the anchors (else groups) reached in the
    /// fewest lines.
    fn by_lines(&self, g: usize, seeds: &[usize]) -> Option<Link> {
        let lines = &self.wiring.lines;
        let mut seen = HashSet::new();
        let mut frontier: Vec<usize> = seeds
            .iter()
            .flat_map(|&s| lines[s].iter().copied())
            .filter(|&l| seen.insert(l))
            .collect();
        let rect = self.layout.groups[g].rect;
        let mut budget = 4096usize.min(self.work.get());
        let start = budget;
        let result = self.walk_lines(g, rect, &mut frontier, &mut seen, &mut budget);
        self.work.set(self.work.get() - (start - budget));
        result
    }

    fn walk_lines(
        &self,
        g: usize,
        rect: Rect,
        frontier: &mut Vec<usize>,
        seen: &mut HashSet<usize>,
        budget: &mut usize,
    ) -> Option<Link> {
        let lines = &self.wiring.lines;
        // A heading the lines pass (a label drawn on the way, such as
        // "Elements" between a topic and the grid it names): the group's
        // place if the lines lead to no topic beyond it.
        let mut heading = None;
        // Another group met on the way: followed if no anchor is reached.
        let mut follow: Option<(Option<usize>, usize, f64)> = None;
        while !frontier.is_empty() && *budget > 0 {
            let mut anchors = Vec::new();
            let mut next = Vec::new();
            for &l in frontier.iter() {
                for &o in &lines[l] {
                    *budget = budget.saturating_sub(1);
                    if self.own(g, o) {
                        continue;
                    }
                    let kind = self.nodes.list[o].kind;
                    // Lines go on through headings and other groups' boxes
                    // (boxes joined in a chain by short lines).
                    let through = |next: &mut Vec<usize>, seen: &mut HashSet<usize>| {
                        if seen.insert(o) {
                            next.extend(lines[o].iter().copied().filter(|&x| seen.insert(x)));
                        }
                    };
                    if kind == Kind::Line {
                        if seen.insert(o) {
                            next.push(o);
                        }
                    } else if self.is_anchor(o) {
                        anchors.push((o, 1));
                    } else if is_heading_text(self.nodes, o) && self.group_at(o).is_none() {
                        heading.get_or_insert(o);
                        through(&mut next, seen);
                    } else if let Some(g2) = self.group_at(o)
                        && g2 != g
                    {
                        let d = distance(&rect, &self.nodes.list[o].rect);
                        if follow.is_none() {
                            let item = (kind == Kind::Item).then_some(o);
                            follow = Some((item, g2, d));
                        }
                        if self.layout.groups[g2].container == Some(o) {
                            through(&mut next, seen);
                        }
                    }
                }
            }
            if let Some(a) = self.best(g, &anchors) {
                return Some(Link::Anchor(a));
            }
            *frontier = next;
        }
        follow
            .map(|(item, g2, _)| Link::Follow(item, g2))
            .or(heading.map(Link::Anchor))
    }

    /// A topic in the same column, within `max` pixels above or below.
    fn by_column(&self, g: usize, max: f64) -> Option<usize> {
        let rect = self.layout.groups[g].rect;
        self.topics_near(&rect)
            .filter(|&t| {
                let r = self.nodes.list[t].rect;
                r.x_overlap(&rect) >= 0.5 && r.y_gap(&rect) <= max
            })
            .min_by(|&a, &b| {
                let (ra, rb) = (self.nodes.list[a].rect, self.nodes.list[b].rect);
                // Nearest; at equal distance the one above.
                ra.y_gap(&rect)
                    .total_cmp(&rb.y_gap(&rect))
                    .then(ra.y.total_cmp(&rb.y))
            })
    }

    /// A topic on the same rows, the nearest across.
    fn by_row(&self, g: usize) -> Option<usize> {
        let rect = self.layout.groups[g].rect;
        self.topics_near(&rect)
            .filter(|&t| self.nodes.list[t].rect.y_gap(&rect) <= 0.0)
            .min_by(|&a, &b| {
                self.nodes.list[a]
                    .rect
                    .x_gap(&rect)
                    .total_cmp(&self.nodes.list[b].rect.x_gap(&rect))
            })
    }

    /// The ways after edges, boxes and lines: the group drawn against
    /// this one, its own heading, a topic in its column (near, then any),
    /// on its rows, then the nearest.
    fn fallback(
        &self,
        g: usize,
        out: &Attachment,
        block: &[usize],
    ) -> Option<(usize, Option<usize>, How)> {
        let layout = self.layout;
        let rect = layout.groups[g].rect;
        let near_block = block
            .iter()
            .copied()
            .take(SCAN)
            .filter(|&o| o != g && out.anchor[o].is_some())
            .min_by(|&a, &b| {
                distance(&rect, &layout.groups[a].rect)
                    .total_cmp(&distance(&rect, &layout.groups[b].rect))
            });
        if let Some(o) = near_block {
            out.anchor[o].map(|a| (a, out.parent[o], How::Block))
        } else if let Some(h) = layout.groups[g].heading {
            Some((h, Some(h), How::Heading))
        } else if let Some(t) = self.by_column(g, COLUMN_NEAR) {
            Some((t, Some(t), How::Column))
        } else if let Some(t) = self.by_column(g, f64::INFINITY) {
            Some((t, Some(t), How::Column))
        } else if let Some(t) = self.by_row(g) {
            Some((t, Some(t), How::Row))
        } else {
            self.nearest(g).map(|t| (t, Some(t), How::Nearest))
        }
    }

    fn nearest(&self, g: usize) -> Option<usize> {
        let rect = self.layout.groups[g].rect;
        self.topics_near(&rect).min_by(|&a, &b| {
            distance(&rect, &self.nodes.list[a].rect)
                .total_cmp(&distance(&rect, &self.nodes.list[b].rect))
        })
    }
}

impl Attachment {
    pub fn new(nodes: &Nodes<'_>, layout: &Layout, wiring: &Wiring) -> Attachment {
        let n = nodes.len();
        let candidate: Vec<bool> = (0..n)
            .map(|i| {
                is_heading_text(nodes, i)
                    && layout.group_of_box[i].is_none()
                    && !wiring.linked[i].is_empty()
            })
            .collect();
        let mut topics: Vec<usize> = (0..n)
            .filter(|&i| nodes.list[i].kind == Kind::Topic)
            .collect();
        super::layout::by_position(nodes, &mut topics);
        let mut topic_in = HashMap::new();
        for &t in &topics {
            if let Some(c) = layout.container_of[t] {
                topic_in.entry(c).or_insert(t);
            }
        }
        let ctx = Ctx {
            nodes,
            layout,
            wiring,
            candidate,
            topics,
            topic_in,
            work: Cell::new(4_000_000),
            scans: Cell::new(8_000_000),
        };
        let mut blocks: HashMap<usize, Vec<usize>> = HashMap::new();
        for (g, group) in layout.groups.iter().enumerate() {
            blocks.entry(group.block).or_default().push(g);
        }
        let count = layout.groups.len();
        let mut out = Attachment {
            anchor: vec![None; count],
            parent: vec![None; count],
            how: vec![How::Nearest; count],
            candidate: Vec::new(),
        };
        // The first three ways, for every group.
        let mut pending: Vec<Option<(Link, How)>> = (0..count)
            .map(|g| {
                let seeds = ctx.seeds(g);
                ctx.by_edges(g, &seeds)
                    .map(|l| (l, How::Edge))
                    .or_else(|| ctx.by_box(g).map(|a| (Link::Anchor(a), How::Box)))
                    .or_else(|| ctx.by_lines(g, &seeds).map(|l| (l, How::Line)))
            })
            .collect();
        let mut followers: Vec<Vec<usize>> = vec![Vec::new(); count];
        let mut queue = VecDeque::new();
        for (g, link) in pending.iter().enumerate() {
            match *link {
                Some((Link::Anchor(a), how)) => {
                    out.settle(g, a, Some(a), how);
                    queue.push_back(g);
                }
                Some((Link::Follow(_, g2), _)) => followers[g2].push(g),
                None => {}
            }
        }
        let mut order: Vec<usize> = (0..count).collect();
        order.sort_by(|&a, &b| {
            let (ra, rb) = (layout.groups[a].rect, layout.groups[b].rect);
            ra.y.total_cmp(&rb.y).then(ra.x.total_cmp(&rb.x))
        });
        let mut next_loose = 0;
        loop {
            // Followers take the place of the group they follow.
            while let Some(g2) = queue.pop_front() {
                for &g in &followers[g2] {
                    if out.anchor[g].is_some() {
                        continue;
                    }
                    let Some((Link::Follow(item, _), how)) = pending[g] else {
                        continue;
                    };
                    let parent = item.or(out.parent[g2]);
                    if let Some(a) = out.anchor[g2] {
                        out.settle(g, a, parent, how);
                        queue.push_back(g);
                    }
                }
            }
            // The next group with nothing yet, top to bottom.
            while next_loose < count && out.anchor[order[next_loose]].is_some() {
                next_loose += 1;
            }
            let Some(&g) = order.get(next_loose) else {
                break;
            };
            pending[g] = None;
            let found = ctx.fallback(g, &out, &blocks[&layout.groups[g].block]);
            match found {
                Some((a, parent, how)) => out.settle(g, a, parent, how),
                // No topic and no heading at all: the roadmap's own stage.
                None => out.how[g] = How::Nearest,
            }
            next_loose += 1;
            queue.push_back(g);
        }
        out.candidate = ctx.candidate;
        out
    }

    fn settle(&mut self, g: usize, anchor: usize, parent: Option<usize>, how: How) {
        self.anchor[g] = Some(anchor);
        self.parent[g] = parent;
        self.how[g] = how;
    }
}

//! A layered (Sugiyama) layout in terminal cells, computed once per
//! roadmap and scope; every frame and every export only reads it.
//!
//! 1. Layers: stages are bands in roadmap order; inside its stage's band a
//!    node sits one layer below its deepest prerequisite of the same stage,
//!    and the options of a choice share a layer, right above the choice.
//! 2. Edges longer than a layer pass through one waypoint per layer, shared
//!    by all the edges leaving the same node (a trunk), so a skill needed
//!    far down draws one line, not one per dependent. An edge longer than
//!    [`LayoutOptions::max_span`] layers is not drawn: its skill says how
//!    many prerequisites are out of sight.
//! 3. Order within layers: roadmap order, then barycentre sweeps keeping
//!    the order with the fewest crossings; a choice's options side by side.
//! 4. Columns: each node as close to its neighbours as the order allows
//!    (isotonic regression per layer), trunks straight.
//! 5. Routing between layers ([`super::route`]): each edge leaves its
//!    node's bottom, runs along a track of the gap and drops into its
//!    target with an arrow.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::graph::{MapGraph, Scope, topological};
use super::route;
use crate::model::Roadmap;

/// No node, in [`Wire::src`] and [`Wire::dst`].
pub const NONE: u32 = u32::MAX;

/// How the layout is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Widest title on a node, in cells (longer ones end in "…").
    pub title_cells: usize,
    /// Leave out edges a longer path implies.
    pub reduce: bool,
    /// Longest edge drawn, in layers.
    pub max_span: u32,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            title_cells: 24,
            reduce: true,
            max_span: 64,
        }
    }
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    Skill(usize),
    Choice(usize),
}

/// A node where it is drawn: `w` cells from `(x, y)` on one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub kind: NodeKind,
    pub layer: u32,
    pub x: u32,
    pub y: u32,
    pub w: u32,
    /// The stage whose band it sits in.
    pub stage: usize,
    /// Prerequisites too far away to draw a line to.
    pub hidden_needs: u32,
}

impl Placed {
    /// The column its edges leave from and arrive at when alone.
    pub fn centre(&self) -> u32 {
        self.x + self.w / 2
    }

    /// The cells left for the title: a skill's mark takes four, a choice's
    /// sign two.
    pub fn title_cells(&self) -> usize {
        let front = match self.kind {
            NodeKind::Skill(_) => 4,
            NodeKind::Choice(_) => 2,
        };
        (self.w as usize).saturating_sub(front)
    }
}

/// One stage's band: its title on row `y`, its nodes down to `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    pub stage: usize,
    pub y: u32,
    pub end: u32,
}

/// What a piece of an edge looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireKind {
    /// `len` cells down from `(x, y)`; `top`/`bottom`: the line goes on
    /// past that end (into a node or on), else it turns into a track.
    Down { top: bool, bottom: bool },
    /// `len` cells right from `(x, y)`.
    Across,
    /// An arrowhead pointing down into the node below.
    ArrowDown,
    /// An arrowhead pointing up into the node above (an edge against the
    /// flow: a skill needing one of a later stage).
    ArrowUp,
}

/// A piece of an edge. `src` is the node needed, `dst` the node needing
/// it; [`NONE`] where the piece is shared (a trunk, the last stretch into a
/// choice). `net` groups the pieces that join (one node's edges).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wire {
    pub kind: WireKind,
    pub x: u32,
    pub y: u32,
    pub len: u32,
    pub src: u32,
    pub dst: u32,
    pub net: u32,
}

impl Wire {
    /// The last row it touches.
    pub fn bottom(&self) -> u32 {
        match self.kind {
            WireKind::Down { .. } => self.y + self.len.saturating_sub(1),
            _ => self.y,
        }
    }

    /// The last column it touches.
    pub fn right(&self) -> u32 {
        match self.kind {
            WireKind::Across => self.x + self.len.saturating_sub(1),
            _ => self.x,
        }
    }
}

/// A computed map: nodes (indices into `nodes` are the layout's own, in
/// reading order), stage bands, edge pieces and the size of the whole.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub scope: Option<Scope>,
    /// In reading order: by row, then column.
    pub nodes: Vec<Placed>,
    /// Per layer, the range of `nodes` on its row.
    pub layers: Vec<Range<usize>>,
    pub bands: Vec<Band>,
    /// Sorted by row, then column.
    pub wires: Vec<Wire>,
    /// The most rows one wire spans (to find those crossing a window).
    pub tallest: u32,
    pub width: u32,
    pub height: u32,
    /// Per node: what it needs and what needs it on this map (by index
    /// into `nodes`), lines drawn or not.
    needs: Vec<Vec<u32>>,
    needed_by: Vec<Vec<u32>>,
    /// Node index per skill, then per choice; [`NONE`] when not shown.
    index: Vec<u32>,
    skills: usize,
    /// Edges drawn, left out as implied, and too long to draw.
    pub edges: usize,
    pub implied: usize,
    pub hidden: usize,
}

impl Layout {
    /// Lays out what `scope` shows of `roadmap`.
    pub fn new(roadmap: &Roadmap, scope: Scope, options: &LayoutOptions) -> Layout {
        let graph = MapGraph::new(roadmap, scope, options.reduce);
        let mut layout = build(roadmap, &graph, options);
        layout.scope = Some(scope);
        layout
    }

    /// The node showing skill `skill`.
    pub fn skill_node(&self, skill: usize) -> Option<usize> {
        self.index
            .get(skill)
            .filter(|&&i| i != NONE)
            .map(|&i| i as usize)
    }

    /// The node showing choice `c`.
    pub fn choice_node(&self, c: usize) -> Option<usize> {
        self.index
            .get(self.skills + c)
            .filter(|&&i| i != NONE)
            .map(|&i| i as usize)
    }

    /// What node `i` needs on this map.
    pub fn needs(&self, i: usize) -> &[u32] {
        &self.needs[i]
    }

    /// What needs node `i` on this map.
    pub fn needed_by(&self, i: usize) -> &[u32] {
        &self.needed_by[i]
    }

    /// The nodes on rows `rows`, in reading order.
    pub fn nodes_in(&self, rows: Range<u32>) -> impl Iterator<Item = (usize, &Placed)> {
        let first = self.nodes.partition_point(|n| n.y < rows.start);
        self.nodes[first..]
            .iter()
            .take_while(move |n| n.y < rows.end)
            .enumerate()
            .map(move |(i, n)| (first + i, n))
    }

    /// The wires touching rows `rows`.
    pub fn wires_in(&self, rows: Range<u32>) -> impl Iterator<Item = &Wire> {
        let from = rows.start.saturating_sub(self.tallest);
        let first = self.wires.partition_point(|w| w.y < from);
        self.wires[first..]
            .iter()
            .take_while(move |w| w.y < rows.end)
            .filter(move |w| w.bottom() >= rows.start)
    }

    /// The node drawn at cell `(x, y)`.
    pub fn node_at(&self, x: u32, y: u32) -> Option<usize> {
        self.nodes_in(y..y + 1)
            .find(|(_, n)| n.x <= x && x < n.x + n.w)
            .map(|(i, _)| i)
    }
}

/// One thing in a layer: a node, or a waypoint of the edges of `owner`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Item {
    /// The node (index into the graph's nodes) it is, or whose trunk it
    /// carries.
    pub owner: u32,
    pub waypoint: bool,
    /// A waypoint of an edge against the flow.
    pub back: bool,
    pub w: u32,
    pub x: f64,
}

impl Item {
    /// The item's left column (placement keeps it at 1 or more).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    pub fn left(&self) -> u32 {
        self.x.max(0.0).round() as u32
    }
}

/// Two items of neighbouring layers joined by (part of) an edge.
#[derive(Debug, Clone, Copy)]
pub(super) struct Seg {
    pub up: u32,
    pub down: u32,
    /// The node needed and the node needing it; `dst` is [`NONE`] on a
    /// trunk.
    pub src: u32,
    pub dst: u32,
    /// An edge against the flow: its arrow points up.
    pub back: bool,
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// A node's width: mark and title for a skill, sign, title and "pick N of
/// M" for a choice.
fn node_width(roadmap: &Roadmap, graph: &MapGraph, n: u32, title_cells: usize) -> u32 {
    let cells = if graph.is_choice(n) {
        let c = &roadmap.choices[n as usize - graph.skills];
        2 + (c.title.width() + choice_suffix(c.pick, c.from.len()).width()).min(title_cells + 12)
    } else {
        4 + roadmap.skills[n as usize].title.width().min(title_cells)
    };
    to_u32(cells.max(5))
}

/// What a choice's node adds to its title.
pub fn choice_suffix(pick: usize, of: usize) -> String {
    format!(" · pick {pick} of {of}")
}

#[allow(clippy::too_many_lines)]
fn build(roadmap: &Roadmap, graph: &MapGraph, options: &LayoutOptions) -> Layout {
    let m = graph.nodes.len();
    let total = roadmap.skills.len() + roadmap.choices.len();
    let mut layout = Layout {
        index: vec![NONE; total],
        skills: roadmap.skills.len(),
        implied: graph.implied,
        ..Layout::default()
    };
    if m == 0 {
        return layout;
    }
    let mut local = vec![NONE; total];
    for (i, &n) in graph.nodes.iter().enumerate() {
        local[n as usize] = to_u32(i);
    }
    let edges: Vec<(u32, u32)> = graph
        .edges
        .iter()
        .map(|&(u, v)| (local[u as usize], local[v as usize]))
        .collect();
    let (succ_start, succ) = csr(m, edges.iter().copied());
    let (pred_start, pred) = csr(m, edges.iter().map(|&(u, v)| (v, u)));

    // 1. Bands and layers.
    let stage_of = &graph.stages;
    let order = topological(m, &succ_start, &succ);
    let mut depth = vec![0u32; m];
    let deepen = |depth: &mut Vec<u32>| {
        for &u in &order {
            let u = u as usize;
            for &p in &pred[pred_start[u]..pred_start[u + 1]] {
                if stage_of[p as usize] == stage_of[u] {
                    depth[u] = depth[u].max(depth[p as usize] + 1);
                }
            }
        }
    };
    deepen(&mut depth);
    for _ in 0..2 {
        // A choice's options of its own stage share a layer.
        let mut changed = false;
        for u in 0..m {
            if !graph.is_choice(graph.nodes[u]) {
                continue;
            }
            let opts = &pred[pred_start[u]..pred_start[u + 1]];
            let same = |p: &&u32| stage_of[**p as usize] == stage_of[u];
            let deepest = opts.iter().filter(same).map(|&p| depth[p as usize]).max();
            if let Some(d) = deepest {
                for &p in opts.iter().filter(same) {
                    changed |= depth[p as usize] != d;
                    depth[p as usize] = d;
                }
            }
        }
        if !changed {
            break;
        }
        deepen(&mut depth);
    }
    let stages = roadmap.stages.len().max(1);
    let mut band_depth = vec![0u32; stages];
    let mut band_used = vec![false; stages];
    for u in 0..m {
        let s = stage_of[u].min(stages - 1);
        band_used[s] = true;
        band_depth[s] = band_depth[s].max(depth[u] + 1);
    }
    let mut band_start = vec![0u32; stages];
    let mut layers = 0u32;
    for s in 0..stages {
        band_start[s] = layers;
        if band_used[s] {
            layers += band_depth[s];
        }
    }
    let layer: Vec<u32> = (0..m)
        .map(|u| band_start[stage_of[u].min(stages - 1)] + depth[u])
        .collect();

    // 2. Items (nodes, then waypoints) and the segments between layers.
    let mut items: Vec<Item> = (0..m)
        .map(|u| Item {
            owner: to_u32(u),
            waypoint: false,
            back: false,
            w: node_width(roadmap, graph, graph.nodes[u], options.title_cells),
            x: 0.0,
        })
        .collect();
    let mut item_layer: Vec<u32> = layer.clone();
    let mut segs: Vec<Seg> = Vec::new();
    let mut hidden_needs = vec![0u32; m];
    let waypoint = |items: &mut Vec<Item>, item_layer: &mut Vec<u32>, owner: u32, l: u32, back| {
        items.push(Item {
            owner,
            waypoint: true,
            back,
            w: 1,
            x: 0.0,
        });
        item_layer.push(l);
        to_u32(items.len() - 1)
    };
    for u in 0..m {
        let top = layer[u];
        let out = &succ[succ_start[u]..succ_start[u + 1]];
        let mut deepest = top;
        for &v in out {
            let low = layer[v as usize];
            if low > top && low - top <= options.max_span {
                deepest = deepest.max(low);
            }
        }
        // The trunk: one waypoint per layer down to the deepest target.
        let mut trunk = Vec::new();
        let mut last = to_u32(u);
        for level in top + 1..deepest {
            let wp = waypoint(&mut items, &mut item_layer, to_u32(u), level, false);
            segs.push(Seg {
                up: last,
                down: wp,
                src: to_u32(u),
                dst: NONE,
                back: false,
            });
            trunk.push(wp);
            last = wp;
        }
        for &v in out {
            let low = layer[v as usize];
            if low > top {
                if low - top > options.max_span {
                    hidden_needs[v as usize] += 1;
                    layout.hidden += 1;
                    continue;
                }
                let up = if low == top + 1 {
                    to_u32(u)
                } else {
                    trunk[(low - top - 2) as usize]
                };
                segs.push(Seg {
                    up,
                    down: v,
                    src: to_u32(u),
                    dst: v,
                    back: false,
                });
            } else {
                // Against the flow: from the dependent above down to its
                // prerequisite, each such edge on its own.
                if top - low > options.max_span {
                    hidden_needs[v as usize] += 1;
                    layout.hidden += 1;
                    continue;
                }
                let mut up = v;
                for l in low + 1..top {
                    let wp = waypoint(&mut items, &mut item_layer, v, l, true);
                    segs.push(Seg {
                        up,
                        down: wp,
                        src: to_u32(u),
                        dst: v,
                        back: true,
                    });
                    up = wp;
                }
                segs.push(Seg {
                    up,
                    down: to_u32(u),
                    src: to_u32(u),
                    dst: v,
                    back: true,
                });
            }
        }
    }
    layout.edges = graph.edges.len() - layout.hidden;

    // 3. Order within layers.
    let mut rows: Vec<Vec<u32>> = vec![Vec::new(); layers as usize];
    for (i, &l) in item_layer.iter().enumerate() {
        rows[l as usize].push(to_u32(i));
    }
    let gaps = super::order::Gaps::new(&items, &item_layer, &segs, layers as usize);
    super::order::order(&mut rows, &gaps, items.len());
    super::order::group_choices(&mut rows, graph, &items, &segs, &item_layer);

    // 4. Columns.
    super::order::place(&mut rows, &mut items, &gaps);

    // 5. Routing and rows.
    let is_choice = |owner: u32| graph.is_choice(graph.nodes[owner as usize]);
    let routed = route::route(&items, &segs, &item_layer, layers as usize, &is_choice);
    let mut y = vec![0u32; layers as usize];
    let mut band_of_layer = vec![0usize; layers as usize];
    for s in 0..stages {
        if band_used[s] {
            for l in band_start[s]..band_start[s] + band_depth[s] {
                band_of_layer[l as usize] = s;
            }
        }
    }
    let mut cursor = 0u32;
    for l in 0..layers as usize {
        let starts_band = l == 0 || band_of_layer[l] != band_of_layer[l - 1];
        if l > 0 {
            cursor += 1 + routed.tracks[l - 1];
        }
        if starts_band {
            layout.bands.push(Band {
                stage: band_of_layer[l],
                y: cursor,
                end: 0,
            });
            cursor += 1;
        }
        // The arrow row above the nodes.
        cursor += 1;
        y[l] = cursor;
    }
    let height = cursor + 2;
    for i in 0..layout.bands.len() {
        layout.bands[i].end = layout.bands.get(i + 1).map_or(height, |b| b.y);
    }

    // Nodes in reading order.
    let mut placed: Vec<(u32, usize)> = Vec::with_capacity(m);
    for (l, row) in rows.iter().enumerate() {
        layout.layers.push(placed.len()..placed.len());
        for &it in row {
            if (it as usize) < m {
                placed.push((to_u32(l), it as usize));
            }
        }
        if let Some(r) = layout.layers.last_mut() {
            r.end = placed.len();
        }
    }
    let mut node_index = vec![NONE; m];
    for (i, &(_, u)) in placed.iter().enumerate() {
        node_index[u] = to_u32(i);
    }
    for &(l, u) in &placed {
        let n = graph.nodes[u];
        let kind = if graph.is_choice(n) {
            NodeKind::Choice(n as usize - graph.skills)
        } else {
            NodeKind::Skill(n as usize)
        };
        let item = items[u];
        layout.nodes.push(Placed {
            kind,
            layer: l,
            x: item.left(),
            y: y[l as usize],
            w: item.w,
            stage: stage_of[u],
            hidden_needs: hidden_needs[u],
        });
        layout.index[n as usize] = node_index[u];
    }
    let remap = |list: &[u32]| -> Vec<u32> {
        let mut out: Vec<u32> = list.iter().map(|&v| node_index[v as usize]).collect();
        out.sort_unstable();
        out
    };
    layout.needs = vec![Vec::new(); m];
    layout.needed_by = vec![Vec::new(); m];
    for u in 0..m {
        let i = node_index[u] as usize;
        layout.needs[i] = remap(&pred[pred_start[u]..pred_start[u + 1]]);
        layout.needed_by[i] = remap(&succ[succ_start[u]..succ_start[u + 1]]);
    }
    layout.wires = route::wires(&routed, &rows, &items, &y, &node_index);
    layout.tallest = layout
        .wires
        .iter()
        .map(|w| w.bottom() - w.y + 1)
        .max()
        .unwrap_or(1);
    let right = layout
        .nodes
        .iter()
        .map(|n| n.x + n.w)
        .chain(layout.wires.iter().map(|w| w.right() + 1))
        .max()
        .unwrap_or(0);
    layout.width = right + 1;
    layout.height = height;
    layout
}

/// Adjacency lists in one array: the targets of `u` are
/// `list[start[u]..start[u + 1]]`, in the order given.
pub(super) fn csr(
    m: usize,
    pairs: impl Iterator<Item = (u32, u32)> + Clone,
) -> (Vec<usize>, Vec<u32>) {
    let mut start = vec![0usize; m + 1];
    for (u, _) in pairs.clone() {
        start[u as usize + 1] += 1;
    }
    for i in 0..m {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut list = vec![0u32; start[m]];
    for (u, v) in pairs {
        list[fill[u as usize]] = v;
        fill[u as usize] += 1;
    }
    (start, list)
}

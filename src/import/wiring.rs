//! What connects what: the edges (solid and dashed) and the lines drawn by
//! hand (`vertical`, `horizontal` nodes), which connect the boxes they
//! touch. Edges with a missing or unknown end are skipped and counted.

use super::layout::SCAN;
use super::nodes::{Kind, Nodes, Rect};
use super::source::Document;

/// A hand-drawn line connects what it touches within this many pixels.
const LINE_GAP: f64 = 6.0;
/// A line longer than this is a spine drawn along the whole path: what
/// touches it is not joined by it.
const SPINE: f64 = 800.0;

/// An edge as seen from one of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum End {
    Dashed,
    /// A solid edge leading away from this node.
    SolidOut,
    /// A solid edge leading to this node.
    SolidIn,
}

pub(super) struct Wiring {
    /// Per node: the nodes an edge joins it to, and how.
    pub linked: Vec<Vec<(usize, End)>>,
    /// Per node: where its solid edges lead, and its dashed edges to
    /// another topic (a topic hung on a topic, as "Module Bundlers" on
    /// "Build Tools", follows it).
    pub solid_out: Vec<Vec<usize>>,
    /// Per node: the lines touching it; per line: the nodes it touches.
    pub lines: Vec<Vec<usize>>,
    /// Edges with no source or target, or one that names no node.
    pub skipped: usize,
}

impl Wiring {
    pub fn new(doc: &Document, nodes: &Nodes<'_>) -> Wiring {
        let n = nodes.len();
        let mut linked = vec![Vec::new(); n];
        let mut solid_out = vec![Vec::new(); n];
        let mut skipped = 0;
        for edge in &doc.edges {
            let end = |id: &Option<String>| {
                id.as_deref()
                    .filter(|id| !id.is_empty())
                    .and_then(|id| nodes.by_id.get(id).copied())
            };
            let (Some(a), Some(b)) = (end(&edge.source), end(&edge.target)) else {
                skipped += 1;
                continue;
            };
            if a == b {
                continue;
            }
            if edge.dashed() {
                linked[a].push((b, End::Dashed));
                linked[b].push((a, End::Dashed));
                let topic = |n: usize| nodes.list[n].kind == Kind::Topic;
                if topic(a) && topic(b) {
                    solid_out[a].push(b);
                }
            } else {
                linked[a].push((b, End::SolidOut));
                linked[b].push((a, End::SolidIn));
                solid_out[a].push(b);
            }
        }
        Wiring {
            linked,
            solid_out,
            lines: touching_lines(nodes),
            skipped,
        }
    }
}

/// For every line, the boxes it touches, and the other way round.
fn touching_lines(nodes: &Nodes<'_>) -> Vec<Vec<usize>> {
    let n = nodes.len();
    let mut out = vec![Vec::new(); n];
    let mut by_y: Vec<usize> = (0..n)
        .filter(|&i| !matches!(nodes.list[i].kind, Kind::Other | Kind::Title))
        .collect();
    by_y.sort_by(|&a, &b| nodes.list[a].rect.y.total_cmp(&nodes.list[b].rect.y));
    let tallest = by_y
        .iter()
        .map(|&i| nodes.list[i].rect.h)
        .fold(0.0, f64::max);
    for (l, line) in nodes.list.iter().enumerate() {
        if line.kind != Kind::Line || line.rect.w.max(line.rect.h) > SPINE {
            continue;
        }
        let r: Rect = line.rect;
        let from = by_y.partition_point(|&i| nodes.list[i].rect.y < r.y - tallest - LINE_GAP);
        for &i in by_y[from..].iter().take(SCAN * 8) {
            let other = nodes.list[i].rect;
            if other.y > r.bottom() + LINE_GAP {
                break;
            }
            // A pair of lines is recorded once, from the later one.
            let other_line = nodes.list[i].kind == Kind::Line;
            if other_line && nodes.list[i].rect.w.max(nodes.list[i].rect.h) > SPINE {
                continue;
            }
            let earlier_line = other_line && i < l;
            if i != l && !earlier_line && other.touches(&r, LINE_GAP) {
                out[l].push(i);
                out[i].push(l);
            }
        }
    }
    out
}

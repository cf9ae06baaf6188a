//! The drawing as a flat list of boxes: what each roadmap.sh node is for
//! (something to learn, a box around others, a heading, a line, a link),
//! where it is drawn and what it says. Checklist items become boxes of
//! their own (the page tracks each), laid out inside their checklist.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::source::{Document, RawNode};
use crate::model::limits;
use crate::model::text::clean;

/// What a node is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Kind {
    /// Tracked on the page, and a stage of its own when it has subtopics.
    Topic,
    /// Tracked on the page: `subtopic`, `todo` and checklist items.
    Item,
    /// A box drawn around others: `section`, `checklist`.
    Section,
    /// Text: `label`, `paragraph`. A paragraph drawn around items is also a
    /// box around them; a short one on the path is a heading.
    Text,
    /// The roadmap's title.
    Title,
    /// `vertical` and `horizontal`: connectors drawn by hand.
    Line,
    /// Everything else: buttons, links, legends, unknown types.
    Other,
}

/// A rectangle on the page (y grows downwards).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
    pub fn contains_point(&self, (x, y): (f64, f64)) -> bool {
        x >= self.x && x <= self.right() && y >= self.y && y <= self.bottom()
    }
    /// True when the two overlap or are at most `gap` apart on both axes.
    pub fn touches(&self, o: &Rect, gap: f64) -> bool {
        self.x <= o.right() + gap
            && o.x <= self.right() + gap
            && self.y <= o.bottom() + gap
            && o.y <= self.bottom() + gap
    }
    /// How much the horizontal extents overlap, as a share of the narrower.
    pub fn x_overlap(&self, o: &Rect) -> f64 {
        let shared = self.right().min(o.right()) - self.x.max(o.x);
        let narrow = self.w.min(o.w).max(1.0);
        (shared / narrow).max(0.0)
    }
    /// How much the vertical extents overlap, as a share of the shorter.
    pub fn y_overlap(&self, o: &Rect) -> f64 {
        let shared = self.bottom().min(o.bottom()) - self.y.max(o.y);
        let short = self.h.min(o.h).max(1.0);
        (shared / short).max(0.0)
    }
    /// The empty space between the two vertically (0 when they overlap).
    pub fn y_gap(&self, o: &Rect) -> f64 {
        (o.y - self.bottom()).max(self.y - o.bottom()).max(0.0)
    }
    /// The empty space between the two horizontally (0 when they overlap).
    pub fn x_gap(&self, o: &Rect) -> f64 {
        (o.x - self.right()).max(self.x - o.right()).max(0.0)
    }
    pub fn area(&self) -> f64 {
        self.w * self.h
    }
    pub fn union(&self, o: &Rect) -> Rect {
        let (x, y) = (self.x.min(o.x), self.y.min(o.y));
        Rect {
            x,
            y,
            w: self.right().max(o.right()) - x,
            h: self.bottom().max(o.bottom()) - y,
        }
    }
}

/// One box of the drawing.
#[derive(Debug)]
pub(super) struct Node<'a> {
    /// The roadmap.sh id (of the node, or of the checklist item).
    pub id: &'a str,
    pub kind: Kind,
    pub rect: Rect,
    /// The label, cleaned for the terminal and trimmed; empty when it has
    /// none that shows.
    pub label: String,
    /// The label as written (ids are derived from it: an escape sequence
    /// is skipped whole there, not shown).
    pub raw_label: &'a str,
    /// The label of the node's legend, if any.
    pub legend: Option<&'a str>,
    /// A topic read as an item: most topics of its roadmap stand alone.
    pub demoted: bool,
    /// A text drawn around buttons or links.
    pub panel: bool,
}

impl Node<'_> {
    pub fn tracked(&self) -> bool {
        matches!(self.kind, Kind::Topic | Kind::Item)
    }
}

/// The boxes, and what was dropped while reading them.
pub(super) struct Nodes<'a> {
    pub list: Vec<Node<'a>>,
    pub by_id: HashMap<&'a str, usize>,
    pub repeated_ids: usize,
    /// Tracked nodes whose label shows nothing once cleaned: named from
    /// their node id.
    pub unnamed: usize,
}

fn kind_of(node: &RawNode) -> Kind {
    match node.kind() {
        "topic" => Kind::Topic,
        "subtopic" | "todo" => Kind::Item,
        "section" | "checklist" => Kind::Section,
        "label" | "paragraph" => Kind::Text,
        "title" => Kind::Title,
        "vertical" | "horizontal" => Kind::Line,
        _ => Kind::Other,
    }
}

/// The size roadmap.sh's editor gives a box of this kind and label, for
/// files that do not say: one line of text, 9 pixels a character.
fn default_size(kind: Kind, label: &str) -> (f64, f64) {
    let text = (label.chars().count().min(60) as f64) * 9.0;
    match kind {
        Kind::Topic | Kind::Item => ((text + 40.0).max(100.0), 49.0),
        Kind::Text | Kind::Title => (text + 20.0, 36.0),
        _ => (0.0, 0.0),
    }
}

/// A label as shown: cleaned (controls made visible, invisible characters
/// removed, line breaks as spaces), trimmed, and cut to the title limit.
pub(super) fn shown(label: &str) -> String {
    let cleaned = clean(label);
    let trimmed = cleaned.trim();
    let mut out = String::with_capacity(trimmed.len().min(limits::MAX_TITLE));
    for c in trimmed.chars() {
        if out.len() + c.len_utf8() > limits::MAX_TITLE {
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out
}

impl<'a> Nodes<'a> {
    pub fn new(doc: &'a Document) -> Nodes<'a> {
        let mut list = Vec::with_capacity(doc.nodes.len());
        let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(doc.nodes.len());
        let (mut repeated_ids, mut unnamed) = (0, 0);
        let mut add = |node: Node<'a>, list: &mut Vec<Node<'a>>| -> Option<usize> {
            match by_id.entry(node.id) {
                Entry::Occupied(_) => {
                    repeated_ids += 1;
                    None
                }
                Entry::Vacant(slot) => {
                    slot.insert(list.len());
                    list.push(node);
                    Some(list.len() - 1)
                }
            }
        };
        for raw in &doc.nodes {
            let (y, x) = raw.at();
            let kind = kind_of(raw);
            let label = shown(raw.label());
            let (w, h) = match raw.size() {
                // No size written: about what the editor draws for the label.
                (w, h) if w <= 0.0 && h <= 0.0 => default_size(kind, &label),
                size => size,
            };
            let rect = Rect { x, y, w, h };
            let at = add(
                Node {
                    id: &raw.id,
                    kind,
                    rect,
                    label,
                    raw_label: raw.label(),
                    legend: raw.legend(),
                    demoted: false,
                    panel: false,
                },
                &mut list,
            );
            if at.is_none() || raw.kind() != "checklist" {
                continue;
            }
            // Each item gets a slice of the checklist, top to bottom, below
            // a heading row.
            let items = raw.checklist();
            let row = rect.h / (items.len() as f64 + 1.0);
            for (i, item) in items.iter().enumerate() {
                let Some(id) = item.id.as_deref().filter(|id| !id.is_empty()) else {
                    continue;
                };
                let item_rect = Rect {
                    x: rect.x,
                    y: rect.y + row * (i as f64 + 1.0),
                    w: rect.w,
                    h: row,
                };
                add(
                    Node {
                        id,
                        kind: Kind::Item,
                        rect: item_rect,
                        label: shown(item.label.as_deref().unwrap_or("")),
                        raw_label: item.label.as_deref().unwrap_or(""),
                        legend: None,
                        demoted: false,
                        panel: false,
                    },
                    &mut list,
                );
            }
        }
        for node in &mut list {
            if node.tracked() && node.label.is_empty() {
                unnamed += 1;
                node.label = shown(&format!("Untitled {}", node.id));
            }
        }
        Nodes {
            list,
            by_id,
            repeated_ids,
            unnamed,
        }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Reads these topics as items.
    pub fn demote(&mut self, topics: &[usize]) {
        for &t in topics {
            self.list[t].kind = Kind::Item;
            self.list[t].demoted = true;
        }
    }
}

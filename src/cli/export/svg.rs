//! The map as a self-contained SVG, laid out like the TUI's map (the same
//! layout, one terminal cell = 8 × 20 px): stage bands, edges with
//! arrows, each skill a box in its status colour with its mark. No
//! scripts, no external fonts (a monospace family the viewer has), no
//! links: it looks the same in a browser and in an image viewer.

use std::fmt::Write as _;

use super::graph::Graph;
use crate::cli::View;
use crate::map::layout::{NONE, WireKind, choice_suffix};
use crate::map::{Layout, LayoutOptions, Mark, NodeKind, Scope, fit, mark};

/// Pixels per cell across and down.
const CW: u32 = 8;
const RH: u32 = 20;
/// Margins around the map, and the room above it for the title.
const LEFT: u32 = 16;
const TOP: u32 = 64;
/// Widest title on a node, in cells.
const TITLE_CELLS: usize = 30;

const PENDING: &str = "#8c959f";
const FINISHED: &str = "#1a7f37";

/// `s` with XML's special characters escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn px_x(x: u32) -> u32 {
    LEFT + x * CW + CW / 2
}

fn px_y(y: u32) -> u32 {
    TOP + y * RH
}

#[allow(clippy::too_many_lines, clippy::many_single_char_names)]
pub fn render(view: &View, scope: Scope, all_edges: bool, graph: &Graph, due: &[bool]) -> String {
    let roadmap = &view.session.roadmap;
    let layout = Layout::new(
        roadmap,
        scope,
        &LayoutOptions {
            title_cells: TITLE_CELLS,
            reduce: !all_edges,
            ..LayoutOptions::default()
        },
    );
    let width = LEFT * 2 + layout.width.max(60) * CW;
    let height = TOP + layout.height * RH + 16;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"'DejaVu Sans Mono', Menlo, Consolas, monospace\" \
         font-size=\"12\">"
    );
    let _ = writeln!(s, "<title>{}</title>", escape(&graph.title));
    let _ = writeln!(
        s,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    );
    let _ = writeln!(
        s,
        "<text x=\"{LEFT}\" y=\"24\" font-size=\"15\" font-weight=\"bold\" fill=\"#1f2328\">{}</text>",
        escape(&graph.title)
    );
    // The legend.
    let mut x = LEFT;
    for m in [
        Mark::Done,
        Mark::Doing,
        Mark::Todo,
        Mark::Locked,
        Mark::Skipped,
    ] {
        let (fill, ink) = m.colours();
        let text = format!("{} {}", m.text(), m.word());
        let w = u32::try_from(text.chars().count()).unwrap_or(0) * CW + 8;
        let _ = writeln!(
            s,
            "<rect x=\"{x}\" y=\"34\" width=\"{w}\" height=\"18\" rx=\"4\" fill=\"{fill}\" stroke=\"{ink}\" stroke-width=\"0.8\"/>\
             <text x=\"{}\" y=\"47\" fill=\"{ink}\">{}</text>",
            x + 4,
            escape(&text)
        );
        x += w + 8;
    }
    // Stage bands.
    for (i, band) in layout.bands.iter().enumerate() {
        let fill = if i % 2 == 0 { "#f6f8fa" } else { "#ffffff" };
        let tally = view.eval.stages[band.stage];
        let title = format!(
            "{}. {} · {}/{}{}",
            band.stage + 1,
            roadmap.stages[band.stage].title,
            tally.finished(),
            tally.total(),
            if tally.is_complete() { " ✓" } else { "" }
        );
        let _ = writeln!(
            s,
            "<rect x=\"0\" y=\"{}\" width=\"{width}\" height=\"{}\" fill=\"{fill}\"/>\
             <line x1=\"0\" y1=\"{}\" x2=\"{width}\" y2=\"{}\" stroke=\"#d0d7de\"/>\
             <text x=\"{LEFT}\" y=\"{}\" font-weight=\"bold\" fill=\"#57606a\">{}</text>",
            px_y(band.y),
            (band.end - band.y) * RH,
            px_y(band.y),
            px_y(band.y),
            px_y(band.y) + 14,
            escape(&title)
        );
    }
    // Edges: one path per colour, then the arrowheads.
    let finished = |n: u32| -> bool {
        match layout.nodes.get(n as usize).map(|p| p.kind) {
            Some(NodeKind::Skill(sk)) => view.states[sk].status.is_finished(),
            Some(NodeKind::Choice(c)) => view.eval.choice_satisfied(roadmap, c),
            None => false,
        }
    };
    let mut paths = [String::new(), String::new()];
    let mut arrows = [String::new(), String::new()];
    for w in &layout.wires {
        let from = if w.src == NONE { w.dst } else { w.src };
        let k = usize::from(finished(from));
        let cx = px_x(w.x);
        match w.kind {
            WireKind::Down { top, bottom } => {
                let y0 = px_y(w.y) + if top { 0 } else { RH / 2 };
                let y1 = px_y(w.bottom() + 1) - if bottom { 0 } else { RH / 2 };
                let _ = write!(paths[k], "M{cx} {y0}V{y1}");
            }
            WireKind::Across => {
                let y = px_y(w.y) + RH / 2;
                let _ = write!(paths[k], "M{cx} {y}H{}", px_x(w.right()));
            }
            WireKind::ArrowDown => {
                let (y0, tip) = (px_y(w.y), px_y(w.y + 1) + 2);
                let _ = write!(paths[k], "M{cx} {y0}V{}", tip - 7);
                let _ = write!(
                    arrows[k],
                    "M{} {}L{cx} {tip}L{} {}Z",
                    cx - 4,
                    tip - 8,
                    cx + 4,
                    tip - 8
                );
            }
            WireKind::ArrowUp => {
                let (tip, y1) = (px_y(w.y) - 2, px_y(w.y + 1));
                let _ = write!(paths[k], "M{cx} {}V{y1}", tip + 7);
                let _ = write!(
                    arrows[k],
                    "M{} {}L{cx} {tip}L{} {}Z",
                    cx - 4,
                    tip + 8,
                    cx + 4,
                    tip + 8
                );
            }
        }
    }
    for (k, colour) in [PENDING, FINISHED].into_iter().enumerate() {
        if !paths[k].is_empty() {
            let _ = writeln!(
                s,
                "<path d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\"/>",
                paths[k]
            );
        }
        if !arrows[k].is_empty() {
            let _ = writeln!(s, "<path d=\"{}\" fill=\"{colour}\"/>", arrows[k]);
        }
    }
    // Nodes.
    for n in &layout.nodes {
        let (x, y) = (LEFT + n.x * CW - 2, px_y(n.y) + 2);
        let (w, h) = (n.w * CW + 4, RH - 4);
        let cells = n.title_cells();
        let (text, tip, fill, ink, dash) = match n.kind {
            NodeKind::Skill(sk) => {
                let m = mark(&view.states, &view.eval, sk, due[sk]);
                let (fill, ink) = m.colours();
                let title = &roadmap.skills[sk].title;
                (
                    format!("{} {}", m.text(), fit(title, cells)),
                    format!("{title} · {}", m.word()),
                    fill,
                    ink,
                    "",
                )
            }
            NodeKind::Choice(c) => {
                let choice = &roadmap.choices[c];
                let done = view.eval.choice_satisfied(roadmap, c);
                let suffix = choice_suffix(choice.pick, choice.from.len());
                let title = fit(&format!("{}{suffix}", choice.title), cells);
                (
                    format!("{} {title}", if done { "✓" } else { "◇" }),
                    format!("{}{suffix}", choice.title),
                    "#ffffff",
                    "#0969da",
                    " stroke-dasharray=\"4 3\"",
                )
            }
        };
        let _ = writeln!(
            s,
            "<g><title>{}</title><rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"4\" \
             fill=\"{fill}\" stroke=\"{ink}\" stroke-width=\"1\"{dash}/>\
             <text x=\"{}\" y=\"{}\" fill=\"{ink}\" xml:space=\"preserve\">{}</text></g>",
            escape(&tip),
            x + 2,
            y + h - 4,
            escape(&text)
        );
    }
    if layout.implied > 0 {
        let _ = writeln!(
            s,
            "<text x=\"{LEFT}\" y=\"{}\" fill=\"#6e7781\">{} edges a longer path implies are not drawn</text>",
            height - 4,
            layout.implied
        );
    }
    s.push_str("</svg>\n");
    s
}

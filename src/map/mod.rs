//! The map: the roadmap drawn as a graph. Pure, like `model`: no terminal,
//! no files, no clock. Both faces draw from it: the TUI's map view and the
//! DOT, Mermaid and SVG exports.
//!
//! - [`graph`]: which skills and choices a map shows ([`Scope`]: the whole
//!   roadmap, one skill's prerequisites and what it unlocks, one stage) and
//!   the edges between them, implied ones left out.
//! - [`layout`]: a layered (Sugiyama) layout in terminal cells, computed
//!   once per roadmap and scope: stages as bands in roadmap order, each
//!   skill in a layer below its prerequisites, edges routed between layers.
//! - [`raster`]: a window of the layout as glyphs, for the TUI to colour.
//! - [`path`]: the skills still to finish before a skill, and their hours.
//! - [`mark`]: how a node's status is written, one function for every face.

pub mod graph;
pub mod layout;
pub mod mark;
mod order;
pub mod path;
pub mod raster;
mod route;

#[cfg(test)]
mod tests;

pub use graph::{MapGraph, Scope};
pub use layout::{Layout, LayoutOptions, NodeKind, Placed};
pub use mark::{Mark, mark};

/// `s` cut to at most `cells` terminal cells, ending in "…" when cut
/// (for pictures, where the TUI's word-aware `fit` is not at hand).
pub fn fit(s: &str, cells: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(s) <= cells {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > cells {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

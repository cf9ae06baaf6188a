//! The map as Graphviz DOT: stages as clusters in roadmap order, each
//! skill a box filled in its status colour with its mark in the label,
//! choices as dashed hexagons, edges from what is needed to what needs it.
//! Render with `dot -Tsvg map.dot -o map.svg`.

use super::graph::Graph;
use crate::cli::out::line;

/// `s` as a DOT double-quoted string: quotes and backslashes escaped,
/// line breaks as `\n`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn render(g: &Graph) -> String {
    let mut text = String::new();
    line!(text, "// {}", g.title.replace('\n', " "));
    if g.implied > 0 {
        line!(
            text,
            "// {} edges a longer path implies are left out (--all-edges keeps them)",
            g.implied
        );
    }
    line!(text, "digraph roadmap {{");
    line!(
        text,
        "  graph [label={}, labelloc=t, rankdir=TB, fontname=\"sans-serif\", newrank=true];",
        quote(&g.title)
    );
    line!(
        text,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", fontsize=11];"
    );
    line!(text, "  edge [color=\"#8c959f\", arrowsize=0.7];");
    for (i, (_, label, members)) in g.stages.iter().enumerate() {
        line!(text, "  subgraph cluster_{i} {{");
        line!(
            text,
            "    label={}; style=\"rounded\"; color=\"#d0d7de\";",
            quote(label)
        );
        for &n in members {
            let node = &g.nodes[n];
            let (fill, ink) = node.mark.colours();
            let shape = if node.choice {
                ", shape=hexagon, style=\"dashed,filled\""
            } else {
                ""
            };
            line!(
                text,
                "    {} [label={}, fillcolor=\"{fill}\", fontcolor=\"{ink}\"{shape}];",
                quote(&node.id),
                quote(&node.label)
            );
        }
        line!(text, "  }}");
    }
    for &(u, v) in &g.edges {
        let finished = matches!(
            g.nodes[u].mark,
            crate::map::Mark::Done | crate::map::Mark::Skipped
        );
        let colour = if finished { " [color=\"#1a7f37\"]" } else { "" };
        line!(
            text,
            "  {} -> {}{colour};",
            quote(&g.nodes[u].id),
            quote(&g.nodes[v].id)
        );
    }
    line!(text, "}}");
    text
}

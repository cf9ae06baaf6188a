//! The map as a Mermaid flowchart, for a `mermaid` code block in a Markdown
//! README: stages as subgraphs, a class per status, choices as hexagons.
//!
//! Mermaid is picky about names: an id `end` closes a subgraph, an id
//! starting with `o` or `x` right after `---` turns the edge into a
//! circle or cross edge, and quotes, brackets, `#`, `<` or `&` in a label
//! break it or turn into HTML. So ids are ours (`s_`, `c_`, `st_` and the
//! roadmap id with anything but letters, digits and `_` replaced, made
//! unique), and every label is quoted with those characters as Mermaid's
//! entity codes (`#quot;`).

use std::collections::HashSet;

use super::graph::Graph;
use crate::cli::out::line;
use crate::map::Mark;

/// A Mermaid id for `id` with `prefix`, never one in `taken`.
pub fn safe_id(prefix: &str, id: &str, taken: &mut HashSet<String>) -> String {
    let body: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let base = format!("{prefix}{body}");
    let mut out = base.clone();
    let mut n = 2;
    while !taken.insert(out.clone()) {
        out = format!("{base}_{n}");
        n += 1;
    }
    out
}

/// `s` as a quoted Mermaid label: `"`, `#`, `<`, `>`, `&` and backticks
/// as entity codes, line breaks as spaces.
pub fn label(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn render(g: &Graph) -> String {
    let mut text = String::new();
    let mut taken = HashSet::new();
    let ids: Vec<String> = g
        .nodes
        .iter()
        .map(|n| safe_id(if n.choice { "c_" } else { "s_" }, &n.id, &mut taken))
        .collect();
    line!(text, "flowchart TB");
    line!(text, "  %% {}", g.title.replace('\n', " "));
    for (st, title, members) in &g.stages {
        line!(text, "  subgraph st_{}[{}]", st + 1, label(title));
        for &n in members {
            let node = &g.nodes[n];
            if node.choice {
                line!(text, "    {}{{{{{}}}}}", ids[n], label(&node.label));
            } else {
                line!(text, "    {}[{}]", ids[n], label(&node.label));
            }
        }
        line!(text, "  end");
    }
    let mut finished = Vec::new();
    for (i, &(u, v)) in g.edges.iter().enumerate() {
        line!(text, "  {} --> {}", ids[u], ids[v]);
        if matches!(g.nodes[u].mark, Mark::Done | Mark::Skipped) {
            finished.push(i.to_string());
        }
    }
    for m in Mark::ALL {
        let members: Vec<&str> = g
            .nodes
            .iter()
            .zip(&ids)
            .filter(|(n, _)| n.mark == m && !n.choice)
            .map(|(_, id)| id.as_str())
            .collect();
        if members.is_empty() {
            continue;
        }
        let (fill, ink) = m.colours();
        line!(
            text,
            "  classDef {} fill:{fill},stroke:{ink},color:{ink}",
            m.word()
        );
        line!(text, "  class {} {}", members.join(","), m.word());
    }
    let choices: Vec<&str> = g
        .nodes
        .iter()
        .zip(&ids)
        .filter(|(n, _)| n.choice)
        .map(|(_, id)| id.as_str())
        .collect();
    if !choices.is_empty() {
        line!(
            text,
            "  classDef choice fill:#ffffff,stroke:#0969da,color:#0969da,stroke-dasharray:4 3"
        );
        line!(text, "  class {} choice", choices.join(","));
    }
    if !finished.is_empty() {
        line!(text, "  linkStyle {} stroke:#1a7f37", finished.join(","));
    }
    text
}

use super::Scope;
use super::layout::{Layout, LayoutOptions, NodeKind};
use super::raster::raster;
use crate::model::Roadmap;

/// The whole layout as plain text: wires, band rules and node titles.
pub(crate) fn draw(roadmap: &Roadmap, layout: &Layout) -> String {
    let r = raster(layout, (0, 0, layout.width, layout.height), |_| 0);
    let mut grid: Vec<Vec<char>> = (0..r.height)
        .map(|y| (0..r.width).map(|x| r.get(x, y).ch).collect())
        .collect();
    for band in &layout.bands {
        let title = format!("── {} ", roadmap.stages[band.stage].title);
        for (i, c) in title.chars().enumerate() {
            if i < r.width && grid[band.y as usize][i] == ' ' || i < 3 {
                grid[band.y as usize][i] = c;
            }
        }
    }
    for n in &layout.nodes {
        let title = match n.kind {
            NodeKind::Skill(s) => format!("[ ] {}", roadmap.skills[s].title),
            NodeKind::Choice(c) => format!("◇ {}", roadmap.choices[c].title),
        };
        for (i, c) in title.chars().take(n.w as usize).enumerate() {
            grid[n.y as usize][n.x as usize + i] = c;
        }
    }
    grid.into_iter()
        .map(|row| row.into_iter().collect::<String>().trim_end().to_string() + "\n")
        .collect()
}

#[test]
#[ignore = "writes /tmp/map/*.txt to look at"]
fn dump() {
    let roadmap = crate::model::builtin().unwrap();
    let t = std::time::Instant::now();
    let layout = Layout::new(&roadmap, Scope::All, &LayoutOptions::default());
    eprintln!(
        "layout {:?} {}x{} edges {} implied {} hidden {}",
        t.elapsed(),
        layout.width,
        layout.height,
        layout.edges,
        layout.implied,
        layout.hidden
    );
    std::fs::write("/tmp/map/builtin.txt", draw(&roadmap, &layout)).unwrap();
    let k = roadmap.skill_index("kubernetes").unwrap_or(100);
    let layout = Layout::new(&roadmap, Scope::Focus(k), &LayoutOptions::default());
    std::fs::write("/tmp/map/focus.txt", draw(&roadmap, &layout)).unwrap();
    let layout = Layout::new(&roadmap, Scope::Stage(1), &LayoutOptions::default());
    std::fs::write("/tmp/map/stage.txt", draw(&roadmap, &layout)).unwrap();
}

#[test]
#[ignore = "timings of a large map"]
fn big() {
    let r = crate::model::load(crate::synth::roadmap_json(10_000).as_bytes(), "s").unwrap();
    for scope in [Scope::Stage(10), Scope::Focus(5000)] {
        let t = std::time::Instant::now();
        let g = super::MapGraph::new(&r, scope, true);
        eprintln!(
            "{scope:?} graph {:?} nodes {} edges {}",
            t.elapsed(),
            g.nodes.len(),
            g.edges.len()
        );
        let t = std::time::Instant::now();
        let l = Layout::new(&r, scope, &LayoutOptions::default());
        eprintln!(
            "layout {:?} {}x{} layers {} wires {} hidden {}",
            t.elapsed(),
            l.width,
            l.height,
            l.layers.len(),
            l.wires.len(),
            l.hidden
        );
    }
}

#[test]
#[ignore = "prints the rows of each layer"]
fn rows() {
    let roadmap = crate::model::builtin().unwrap();
    let layout = Layout::new(&roadmap, Scope::All, &LayoutOptions::default());
    let ys: Vec<(u32, usize, u32)> = layout
        .layers
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| {
            let n = &layout.nodes[r.start];
            let w = layout.nodes[r.end - 1].x + layout.nodes[r.end - 1].w - n.x;
            (n.y, r.len(), w)
        })
        .collect();
    eprintln!("{ys:?}");
}

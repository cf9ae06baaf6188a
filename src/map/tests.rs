#![allow(clippy::unwrap_used)]

use super::Scope;
use super::layout::{Layout, LayoutOptions, NodeKind, WireKind};
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

fn builtin() -> Roadmap {
    crate::model::builtin().unwrap()
}

fn synth(n: usize) -> Roadmap {
    crate::model::load(crate::synth::roadmap_json(n).as_bytes(), "synth").unwrap()
}

/// Every node id reachable from `start` through `next` (itself included).
fn reach(start: u32, next: impl Fn(u32) -> Vec<u32>) -> std::collections::BTreeSet<u32> {
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![start];
    while let Some(n) = stack.pop() {
        if seen.insert(n) {
            stack.extend(next(n));
        }
    }
    seen
}

/// What every map must hold: nodes on their rows without overlapping,
/// each in its stage's band, below what it needs in the same stage, bands
/// in roadmap order; one arrow per edge drawn.
fn check_layout(roadmap: &Roadmap, layout: &Layout) {
    for pair in layout.nodes.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!((a.y, a.x) < (b.y, b.x), "reading order");
        if a.y == b.y {
            assert!(a.x + a.w < b.x, "overlap: {a:?} {b:?}");
        }
    }
    for band in layout.bands.windows(2) {
        assert!(band[0].stage < band[1].stage && band[0].end == band[1].y);
    }
    for (i, n) in layout.nodes.iter().enumerate() {
        let band = layout.bands.iter().find(|b| b.stage == n.stage).unwrap();
        assert!(band.y < n.y && n.y < band.end, "{n:?} outside its band");
        for &p in layout.needs(i) {
            let p = layout.nodes[p as usize];
            if p.stage == n.stage {
                assert!(p.y < n.y, "a prerequisite below what needs it");
            }
        }
        if let NodeKind::Skill(s) = n.kind {
            assert_eq!(layout.skill_node(s), Some(i));
            assert_eq!(roadmap.skills[s].stage, n.stage);
        }
    }
    let arrows = layout
        .wires
        .iter()
        .filter(|w| matches!(w.kind, WireKind::ArrowDown | WireKind::ArrowUp))
        .count();
    assert!(arrows > 0 || layout.edges == 0);
    assert!(
        arrows <= layout.edges,
        "{arrows} arrows for {} edges",
        layout.edges
    );
    assert!(
        layout
            .nodes
            .iter()
            .all(|n| n.x + n.w <= layout.width && n.y < layout.height)
    );
}

#[test]
fn the_built_in_map_holds_every_skill_and_choice_in_stage_bands() {
    let r = builtin();
    let layout = Layout::new(&r, Scope::All, &LayoutOptions::default());
    assert_eq!(layout.nodes.len(), r.skills.len() + r.choices.len());
    assert_eq!(layout.bands.len(), r.stages.len());
    check_layout(&r, &layout);
    // Implied edges are left out, nothing is too long to draw.
    assert!(layout.implied > 0);
    assert_eq!(layout.hidden, 0);
    assert_eq!(layout.edges + layout.implied, r.edge_count());
}

#[test]
fn left_out_edges_are_implied_by_a_path_that_is_drawn() {
    let r = builtin();
    let full = super::MapGraph::new(&r, Scope::All, false);
    let reduced = super::MapGraph::new(&r, Scope::All, true);
    assert_eq!(full.edges.len(), reduced.edges.len() + reduced.implied);
    let succ = |g: &super::MapGraph, n: u32| -> Vec<u32> {
        g.edges.iter().filter(|e| e.0 == n).map(|e| e.1).collect()
    };
    for &n in &full.nodes {
        assert_eq!(
            reach(n, |m| succ(&full, m)),
            reach(n, |m| succ(&reduced, m)),
            "what {n} leads to"
        );
    }
    // An option's edge into its choice always stays.
    for (c, choice) in r.choices.iter().enumerate() {
        let cn = super::graph::choice_node(&r, c);
        for &o in &choice.from {
            assert!(reduced.edges.contains(&(u32::try_from(o).unwrap(), cn)));
        }
    }
}

#[test]
fn a_choice_s_options_sit_side_by_side_right_above_it() {
    let r = builtin();
    let layout = Layout::new(&r, Scope::All, &LayoutOptions::default());
    for (c, choice) in r.choices.iter().enumerate() {
        let node = layout.nodes[layout.choice_node(c).unwrap()];
        let mut options: Vec<usize> = choice
            .from
            .iter()
            .map(|&o| layout.skill_node(o).unwrap())
            .filter(|&i| layout.nodes[i].stage == node.stage)
            .collect();
        options.sort_unstable();
        let row = layout.nodes[options[0]].layer;
        assert!(
            options.iter().all(|&i| layout.nodes[i].layer == row),
            "{}",
            choice.id
        );
        assert!(
            options.windows(2).all(|w| w[1] == w[0] + 1),
            "{}: not side by side",
            choice.id
        );
        assert_eq!(node.layer, row + 1, "{}", choice.id);
    }
}

#[test]
fn focus_is_what_the_skill_needs_and_what_it_unlocks() {
    let r = builtin();
    let k = r.skill_index("kubernetes").unwrap();
    let layout = Layout::new(&r, Scope::Focus(k), &LayoutOptions::default());
    check_layout(&r, &layout);
    let all = super::MapGraph::new(&r, Scope::All, false);
    let succ =
        |n: u32| -> Vec<u32> { all.edges.iter().filter(|e| e.0 == n).map(|e| e.1).collect() };
    let pred =
        |n: u32| -> Vec<u32> { all.edges.iter().filter(|e| e.1 == n).map(|e| e.0).collect() };
    let k = u32::try_from(k).unwrap();
    let mut want: std::collections::BTreeSet<u32> = reach(k, pred);
    want.extend(reach(k, succ));
    let shown: std::collections::BTreeSet<u32> = layout
        .nodes
        .iter()
        .map(|n| match n.kind {
            NodeKind::Skill(s) => u32::try_from(s).unwrap(),
            NodeKind::Choice(c) => super::graph::choice_node(&r, c),
        })
        .collect();
    assert_eq!(shown, want);
    assert!(layout.skill_node(r.skill_index("linux").unwrap()).is_some());
    assert!(
        layout
            .skill_node(r.skill_index("job-market-research").unwrap())
            .is_none()
    );
}

#[test]
fn a_stage_shows_its_skills_and_what_they_need_from_elsewhere() {
    let r = builtin();
    let stage = r.stage_index("databases").unwrap();
    let layout = Layout::new(&r, Scope::Stage(stage), &LayoutOptions::default());
    check_layout(&r, &layout);
    for s in r.stages[stage].skills.clone() {
        assert!(layout.skill_node(s).is_some(), "{}", r.skills[s].id);
        for p in &r.skills[s].requires {
            if let crate::model::Req::Skill(p) = *p {
                assert!(
                    layout.skill_node(p).is_some(),
                    "{} needs {}",
                    r.skills[s].id,
                    r.skills[p].id
                );
            }
        }
    }
    assert!(layout.nodes.len() < r.skills.len() / 2);
}

#[test]
fn large_roadmaps_lay_out_with_long_edges_left_undrawn() {
    let r = synth(3_000);
    let middle = r.skills.len() / 2;
    for scope in [Scope::Focus(middle), Scope::Stage(2), Scope::All] {
        let layout = Layout::new(&r, scope, &LayoutOptions::default());
        check_layout(&r, &layout);
    }
    let layout = Layout::new(&r, Scope::All, &LayoutOptions::default());
    let hidden: u32 = layout.nodes.iter().map(|n| n.hidden_needs).sum();
    assert_eq!(hidden as usize, layout.hidden);
}

#[test]
fn an_empty_roadmap_lays_out_empty() {
    let r = crate::model::load(
        br#"{"version":1,"id":"e","title":"E","description":"","stages":[{"id":"s","title":"S","description":"","skills":[]}]}"#,
        "empty",
    )
    .unwrap();
    let layout = Layout::new(&r, Scope::All, &LayoutOptions::default());
    assert!(layout.nodes.is_empty() && layout.wires.is_empty());
    assert_eq!(draw(&r, &layout), "");
}

#[test]
fn the_small_roadmap_s_map_as_text() {
    let r = crate::model::load(
        include_str!("../../tests/fixtures/small.json").as_bytes(),
        "small",
    )
    .unwrap();
    let layout = Layout::new(&r, Scope::All, &LayoutOptions::default());
    insta::assert_snapshot!(draw(&r, &layout));
}

#[test]
fn the_path_left_counts_every_unfinished_prerequisite_and_a_choice_s_cheapest_option() {
    use crate::model::{Profile, Status};
    let r = builtin();
    let id = |s: &str| r.skill_index(s).unwrap();
    let now = chrono::Utc::now();
    let mut p = Profile::default();
    let live = |p: &Profile| crate::model::live::Live::new(&r, p.states(&r));
    let k = id("kubernetes");
    let before = live(&p);
    let path = super::path::left(&r, before.states(), before.eval(), k);
    assert!(path.skills.contains(&k) && path.skills.contains(&id("linux")));
    // One backend language, not seven.
    let languages = r
        .choices
        .iter()
        .find(|c| c.id == "backend-language")
        .unwrap();
    let picked = languages
        .from
        .iter()
        .filter(|o| path.skills.contains(o))
        .count();
    assert_eq!(picked, 1);
    let hours: u64 = path
        .skills
        .iter()
        .map(|&s| u64::from(r.skills[s].hours.unwrap_or(0)))
        .sum();
    assert_eq!(path.hours, hours);
    // Finishing Linux takes it off the path, and its hours.
    p.set_status(&r, id("linux"), Status::Done, now);
    let after = live(&p);
    let shorter = super::path::left(&r, after.states(), after.eval(), k);
    assert!(!shorter.skills.contains(&id("linux")));
    assert_eq!(
        shorter.hours,
        path.hours - u64::from(r.skills[id("linux")].hours.unwrap_or(0))
    );
    // Doing an option makes it the one on the path.
    let go = id("go");
    p.set_status(&r, go, Status::Doing, now);
    let doing = live(&p);
    let with_go = super::path::left(&r, doing.states(), doing.eval(), k);
    assert!(with_go.skills.contains(&go));
    // A done skill has nothing left.
    p.set_status(&r, k, Status::Done, now);
    let done = live(&p);
    assert!(
        super::path::left(&r, done.states(), done.eval(), k)
            .skills
            .is_empty()
    );
}

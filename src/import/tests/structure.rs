//! Structure as the page shows it: each feature found in real roadmap.sh
//! files, reproduced in a fixture of our own (tests/fixtures/import/).

use super::{fixture, load, opts, requires, stage_ids, stage_of, stage_titles};
use crate::import::convert;
use crate::model::{self, SkillState, evaluate, next_steps};
use crate::test_support::now;

#[test]
fn items_in_a_box_stay_with_the_topic_linked_to_the_box_or_drawn_on_it() {
    let (r, warnings) = load(&fixture("sections.json"), &[], &opts());
    // Wheel links to the box by an edge; Kilns is drawn nearer to its items.
    for id in ["centering", "pulling-walls", "trimming"] {
        assert_eq!(stage_of(&r, id), "Wheel", "{id}");
        assert_eq!(requires(&r, id), ["wheel"]);
    }
    // Glazes sits on the top edge of its box; nothing links them.
    assert_eq!(stage_ids(&r, "Glazes"), ["glazes", "celadon", "tenmoku"]);
    // An unlinked stack goes to the topic of its column (Kilns), not to
    // the nearer one across columns (Firing).
    assert_eq!(stage_of(&r, "pyrometric-cones"), "Kilns");
    assert_eq!(stage_of(&r, "reduction"), "Kilns");
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn lines_drawn_by_hand_join_a_stack_to_its_topic_but_a_spine_joins_nothing() {
    let (r, warnings) = load(&fixture("lines.json"), &[], &opts());
    // A horizontal then a vertical line lead from Watering to the stack;
    // Pruning is drawn right below it, in its column.
    assert_eq!(
        stage_ids(&r, "Watering"),
        ["watering", "drip-lines", "soaker-hoses", "rain-barrels"]
    );
    assert_eq!(stage_ids(&r, "Pruning"), ["pruning"]);
    // A short vertical line from a pair down to Pests.
    assert_eq!(stage_of(&r, "compost"), "Pests");
    assert_eq!(stage_of(&r, "mulch"), "Pests");
    // Labels drawn on the line from a topic to the grids they name: the
    // grids are the topic's, the labels are no stages.
    assert_eq!(
        stage_ids(&r, "Tools"),
        ["tools", "mower", "hedge-trimmer", "trowel", "secateurs"]
    );
    // Boxes joined in a chain by short lines, the first one to a topic.
    assert_eq!(
        stage_ids(&r, "Harvest"),
        ["harvest", "apples", "pears", "beans", "leeks"]
    );
    // A line along the whole page touches Aphids but links it to nothing:
    // placed by distance, and said so.
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("linked to no topic") && w.contains("'Aphids'")),
        "{warnings:?}"
    );
}

#[test]
fn the_main_path_runs_through_buttons_and_paragraphs() {
    let (r, warnings) = load(&fixture("path.json"), &[], &opts());
    assert_eq!(
        stage_titles(&r),
        [
            "Balance",
            "Pedalling",
            "Brakes",
            "Gears",
            "Long rides",
            "Night riding",
            "Lights"
        ]
    );
    // Joined by a line drawn by hand; hung on a topic by a dashed edge.
    assert_eq!(requires(&r, "night-riding"), ["long-rides"]);
    assert_eq!(requires(&r, "lights"), ["night-riding"]);
    // Through the button: both topics after it follow Pedalling.
    assert_eq!(requires(&r, "gears"), ["pedalling"]);
    assert_eq!(requires(&r, "brakes"), ["pedalling"]);
    // Through the paragraph: Long rides follows both.
    assert_eq!(requires(&r, "long-rides"), ["brakes", "gears"]);
    // A fresh import suggests the path in order, not a topic after the
    // button first.
    let states = vec![SkillState::default(); r.skills.len()];
    let eval = evaluate(&r, &states);
    let next: Vec<&str> = next_steps(&r, &states, &eval, now(), 2)
        .iter()
        .filter_map(|s| s.skill().map(|i| r.skills[i].id.as_str()))
        .collect();
    assert_eq!(next, ["balance"]);
    // Edges with no source, no target, or an unknown end: skipped, counted.
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("4 edge(s) have no source or target")),
        "{warnings:?}"
    );
}

#[test]
fn a_roadmap_organised_by_headings_gets_a_stage_per_heading() {
    let (r, _) = load(&fixture("headings.json"), &[], &opts());
    // One topic; the headings on the path hold the rest. The panel of
    // links at the end is not a stage.
    assert_eq!(
        stage_titles(&r),
        ["What is a choir?", "Voice", "Reading music", "Performing"]
    );
    // Boxes joined to a heading by lines; box by box.
    assert_eq!(
        stage_ids(&r, "Voice"),
        ["tuning-forks", "intervals", "diaphragm", "support"]
    );
    // Dashed edges from a heading, and a solid edge into a stack.
    assert_eq!(
        stage_ids(&r, "Reading music"),
        ["clefs", "rhythm", "key-signatures"]
    );
    assert_eq!(stage_ids(&r, "Performing"), ["stage-fright", "blending"]);
    // A heading's items follow the topic before it on the path.
    assert_eq!(requires(&r, "clefs"), ["what-is-a-choir"]);
}

#[test]
fn topics_standing_alone_under_numbered_phases_become_phase_stages() {
    let (r, _) = load(&fixture("phases.json"), &[], &opts());
    assert_eq!(
        stage_titles(&r),
        [
            "Phase 1 - Getting started",
            "Phase 2 - Shapes",
            "Phase 3 - Garments"
        ]
    );
    assert_eq!(
        stage_ids(&r, "Phase 2 - Shapes"),
        [
            "purl-stitch",
            "increasing",
            "decreasing",
            "knitting-in-the-round"
        ]
    );
    assert!(r.stages.iter().all(|s| s.skills.len() == 4));
}

#[test]
fn topics_alone_on_the_path_keep_their_order_and_prerequisites() {
    let (r, warnings) = load(&fixture("topics-only.json"), &[], &opts());
    assert_eq!(
        stage_titles(&r),
        ["HTML", "CSS", "JavaScript", "Git", "A first site"]
    );
    assert_eq!(requires(&r, "css"), ["html"]);
    assert_eq!(requires(&r, "a-first-site"), ["git"]);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn checklist_items_and_todos_are_tracked_like_subtopics() {
    let (r, warnings) = load(&fixture("checklists.json"), &[], &opts());
    // The checklist under its "Step" label is a stage of its own.
    assert_eq!(
        stage_ids(&r, "Step 1 - Daily checks"),
        ["water-tank-full", "drip-tray-empty", "untitled-ci-c"]
    );
    assert_eq!(
        stage_ids(&r, "Setting up"),
        ["setting-up", "dial-in-a-recipe", "clean-the-group-head"]
    );
    // A checklist item of invisible characters only: named from its id.
    assert_eq!(r.skill("untitled-ci-c").unwrap().title, "Untitled Ci_c");
    assert!(warnings.iter().any(|w| w.contains("no label that shows")));
}

#[test]
fn labels_of_invisible_characters_are_named_from_the_node_id() {
    // The input the import fuzz target found (issue 17 item 12), kept in
    // fuzz/corpus/import/: labels made only of invisible characters.
    let input = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fuzz/corpus/import/invisible-labels"
    ))
    .unwrap();
    let out = convert(&input, &[], &opts()).unwrap();
    let r = model::load(&out.json, "converted")
        .unwrap_or_else(|e| panic!("the loader refuses the import: {e}"));
    let titles: Vec<&str> = r.skills.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Untitled t1", "Untitled s1", "Untitled s2"]);
    assert_eq!(r.stages[0].title, "Untitled t1");
    let ids: Vec<&str> = r.skills.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["untitled-t1", "untitled-s1", "untitled-s2"]);
}

#[test]
fn every_real_roadmap_shape_converts_to_a_roadmap_the_loader_accepts() {
    for name in [
        "bare.json",
        "api.json",
        "sections.json",
        "lines.json",
        "path.json",
        "headings.json",
        "phases.json",
        "topics-only.json",
        "legends.json",
        "checklists.json",
    ] {
        let out = convert(&fixture(name), &[], &opts()).unwrap();
        if let Err(e) = model::load(&out.json, name) {
            panic!("{name}: {e}");
        }
    }
}

#[test]
fn the_sample_in_the_docs_converts_as_the_docs_say() {
    let doc = include_str!("../../../docs/importing.md");
    let sample = doc
        .split("### A small sample")
        .nth(1)
        .and_then(|s| s.split("```json").nth(1))
        .and_then(|s| s.split("```").next())
        .unwrap();
    let (r, warnings) = load(sample.as_bytes(), &[], &opts());
    assert_eq!(stage_titles(&r), ["Water", "Leaves"]);
    assert_eq!(
        stage_ids(&r, "Leaves"),
        [
            "leaves",
            "green-tea",
            "black-tea",
            "oolong",
            "steeping-time",
            "second-infusions"
        ]
    );
    assert_eq!(requires(&r, "leaves"), ["water"]);
    assert_eq!(requires(&r, "second-infusions"), ["leaves"]);
    assert_eq!(
        super::choices(&r),
        [vec!["green-tea", "black-tea", "oolong"]]
    );
    assert_eq!(r.choices[0].title, "Leaves: pick one");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("1 edge(s) have no source or target"));
}

#[test]
fn stale_sizes_in_real_files_are_read_as_drawn() {
    // A box kept the 150×100 it was created with; `measured` has the size
    // it was drawn at, around both items. A banner across the top was once
    // measured as a tall column: drawn as given, it holds nothing.
    let doc = serde_json::json!({"nodes": [
        {"id": "T", "type": "topic", "position": {"x": 0, "y": 0}, "width": 150, "height": 49, "data": {"label": "Widgets"}},
        {"id": "Box", "type": "section", "position": {"x": 300, "y": 0}, "width": 150, "height": 100,
         "style": {"width": 150, "height": 100}, "measured": {"width": 240, "height": 160}, "data": {"label": ""}},
        {"id": "A", "type": "subtopic", "position": {"x": 310, "y": 10}, "measured": {"width": 220, "height": 49}, "data": {"label": "Material"}},
        {"id": "B", "type": "subtopic", "position": {"x": 310, "y": 100}, "measured": {"width": 220, "height": 49}, "data": {"label": "Cupertino"}},
        {"id": "Banner", "type": "paragraph", "position": {"x": -600, "y": -100}, "width": 1500, "height": 60,
         "measured": {"width": 340, "height": 1050}, "data": {"label": "Tips"}},
        {"id": "C", "type": "subtopic", "position": {"x": -590, "y": 200}, "measured": {"width": 200, "height": 49}, "data": {"label": "Alone"}}
    ], "edges": [{"source": "T", "target": "Box", "data": {"edgeStyle": "dashed"}}]});
    let (r, _) = load(&super::value(&doc), &[], &opts());
    // Both items are in the box the edge hangs on Widgets.
    assert_eq!(
        stage_ids(&r, "Widgets")[..3],
        ["widgets", "material", "cupertino"]
    );
    // The banner is no box around "Alone": that would be a stage "Tips".
    assert!(
        !stage_titles(&r).contains(&"Tips"),
        "{:?}",
        stage_titles(&r)
    );
}

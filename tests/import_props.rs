#![allow(clippy::unwrap_used)]

//! Property tests of the roadmap.sh importer, which parses outside input:
//! no bytes make it panic, and whatever it converts passes our own loader
//! (valid, unique ids; bounded texts; no cycle), with stable ids when the
//! same file is imported again.

use proptest::prelude::*;
use roadmap::import::{ContentFile, Options, convert, previous_ids};
use roadmap::model;
use serde_json::{Value, json};

fn options() -> Options {
    Options {
        source: "prop.json".to_string(),
        fallback_id: "prop".to_string(),
        with_content: true,
        ..Options::default()
    }
}

/// Labels: plain words, duplicates, empty, non-Latin, hostile controls,
/// very long.
fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z +#.-]{0,12}",
        Just("Introduction".to_string()),
        Just(String::new()),
        Just("   ".to_string()),
        Just("日本語".to_string()),
        Just("\u{1b}[2J\u{1b}]0;x\u{7}\u{202e}evil".to_string()),
        Just("x".repeat(400)),
        any::<String>(),
    ]
}

fn kind() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        4 => Just("topic"),
        4 => Just("subtopic"),
        1 => Just("section"),
        1 => Just("label"),
        1 => Just("title"),
        1 => Just("paragraph"),
        1 => Just("vertical"),
    ]
}

/// A roadmap.sh-shaped document: random nodes (some ids repeated), edges
/// between any of them (cycles, self-loops, dangling ends), legends.
fn document() -> impl Strategy<Value = Value> {
    (1usize..40).prop_flat_map(|n| {
        (
            prop::collection::vec(
                (kind(), label(), -1000i32..1000, -1000i32..1000, 0u8..4, 0..n + 2),
                n,
            ),
            prop::collection::vec((0..n + 2, 0..n + 2, any::<bool>()), 0..n * 2),
            any::<bool>(),
        )
            .prop_map(|(nodes, edges, api)| {
                let id = |i: usize| format!("N{i}_x");
                let nodes: Vec<Value> = nodes
                    .iter()
                    .enumerate()
                    .map(|(i, (kind, label, x, y, legend, dup))| {
                        let mut data = json!({ "label": label });
                        match legend {
                            1 => data["legend"] = json!({"label": "Alternative Option - Pick this or Purple"}),
                            2 => data["legend"] = json!({"label": "Optional"}),
                            _ => {}
                        }
                        // Now and then an id used before.
                        let node_id = if *dup < i && i % 7 == 3 { id(*dup) } else { id(i) };
                        json!({ "id": node_id, "type": kind, "position": {"x": x, "y": y}, "data": data })
                    })
                    .collect();
                let edges: Vec<Value> = edges
                    .iter()
                    .map(|(a, b, dashed)| {
                        json!({ "source": id(*a), "target": id(*b),
                                "data": { "edgeStyle": if *dashed { "dashed" } else { "solid" } } })
                    })
                    .collect();
                if api {
                    json!({ "title": "Prop", "description": "d", "slug": "Prop Map", "nodes": nodes, "edges": edges })
                } else {
                    json!({ "nodes": nodes, "edges": edges })
                }
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_an_error_or_a_roadmap_never_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..512), md in any::<String>()) {
        let content = vec![ContentFile { path: "a@b.md".into(), bytes: md.into_bytes() }];
        if let Ok(out) = convert(&bytes, &content, &options()) {
            model::load(&out.json, "converted").unwrap();
        }
    }

    #[test]
    fn converted_roadmaps_always_load_and_reimport_keeps_ids(doc in document(), md in any::<String>()) {
        let bytes = serde_json::to_vec(&doc).unwrap();
        let content = vec![
            ContentFile { path: "x@N0_x.md".into(), bytes: md.into_bytes() },
            ContentFile { path: "100-old/101-x.md".into(), bytes: b"# Old".to_vec() },
        ];
        let Ok(out) = convert(&bytes, &content, &options()) else {
            // Only a roadmap with nothing to track is refused.
            return Ok(());
        };
        let first = match model::load(&out.json, "converted") {
            Ok(r) => r,
            Err(e) => panic!("the importer wrote a roadmap the loader refuses: {e}\n{}", String::from_utf8_lossy(&out.json)),
        };
        for w in &out.warnings {
            prop_assert!(!w.chars().any(model::text::is_unsafe), "{w:?}");
        }
        // Importing the same file again over the first gives the same ids.
        let mut again = options();
        again.previous = previous_ids(&first);
        let second = model::load(&convert(&bytes, &content, &again).unwrap().json, "again").unwrap();
        let ids = |r: &model::Roadmap| r.skills.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&first), ids(&second));
    }
}

#![allow(clippy::unwrap_used)]

//! Property tests of the roadmap.sh importer, which parses outside input:
//! no bytes make it panic, and whatever it converts passes our own loader
//! (valid, unique ids; bounded texts; no cycle), with stable ids when the
//! same file is imported again.

use proptest::prelude::*;
use roadmap::import::{ContentFile, Options, convert, dropped, previous_ids};
use roadmap::model::{self, SkillState, Status};
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
        1 => Just("todo"),
        1 => Just("checklist"),
        1 => Just("section"),
        1 => Just("label"),
        1 => Just("title"),
        1 => Just("paragraph"),
        1 => Just("vertical"),
        1 => Just("horizontal"),
        1 => Just("button"),
    ]
}

/// The legends real roadmaps use, and none.
fn legend() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![
        4 => Just(None),
        2 => Just(Some("Personal Recommendation / Opinion")),
        2 => Just(Some("Alternative Option / Pick this or purple")),
        1 => Just(Some("Optional / Learn anytime")),
        1 => Just(Some("Order not strict / Learn anytime")),
        1 => Just(Some("Beginner Topics / Start here")),
        1 => Just(Some("Advanced Topics / Pick Later")),
    ]
}

/// A drawn size: none, a box's, a line's, a big one, or nonsense.
fn size() -> impl Strategy<Value = Value> {
    prop_oneof![
        2 => Just(Value::Null),
        4 => (20u32..400, 20u32..300).prop_map(|(w, h)| json!([w, h])),
        1 => (20u32..30).prop_map(|w| json!([w, 600])),
        1 => Just(json!([-5, f64::MAX])),
        1 => Just(json!(["120px", "x"])),
    ]
}

/// A roadmap.sh-shaped document: random nodes (some ids repeated), edges
/// between any of them (cycles, self-loops, dangling ends), legends.
fn document() -> impl Strategy<Value = Value> {
    (1usize..40).prop_flat_map(|n| {
        (
            prop::collection::vec(
                (
                    (kind(), label(), legend(), size()),
                    -400i32..400,
                    -400i32..400,
                    0..n + 2,
                ),
                n,
            ),
            prop::collection::vec((0..n + 3, 0..n + 3, 0u8..3), 0..n * 2),
            any::<bool>(),
        )
            .prop_map(move |(nodes, edges, api)| {
                let id = |i: usize| format!("N{i}_x");
                let nodes: Vec<Value> = nodes
                    .iter()
                    .enumerate()
                    .map(|(i, ((kind, label, legend, size), x, y, dup))| {
                        let mut data = json!({ "label": label });
                        if let Some(l) = legend {
                            data["legend"] = json!({ "label": l });
                        }
                        if *kind == "checklist" {
                            data["checklists"] = json!([
                                { "id": format!("C{i}a"), "label": label },
                                { "id": format!("C{i}b"), "label": "\u{200b}" },
                                { "label": "no id" },
                            ]);
                        }
                        // Now and then an id used before.
                        let node_id = if *dup < i && i % 7 == 3 { id(*dup) } else { id(i) };
                        // Positions on a coarse grid, so boxes touch, stack
                        // and overlap as on real pages.
                        let mut node = json!({ "id": node_id, "type": kind,
                            "position": {"x": x / 40 * 53, "y": y / 40 * 53}, "data": data });
                        if let Some([w, h]) = size.as_array().map(|a| [a[0].clone(), a[1].clone()]) {
                            node["width"] = w.clone();
                            node["measured"] = json!({ "width": w, "height": h });
                        }
                        node
                    })
                    .collect();
                // Edges between any nodes (cycles, self-loops), some with an
                // end missing or naming no node.
                let edges: Vec<Value> = edges
                    .iter()
                    .map(|(a, b, style)| {
                        let mut e = json!({ "data": { "edgeStyle": if *style == 1 { "dashed" } else { "solid" } } });
                        if *a <= n + 1 {
                            e["source"] = json!(id(*a));
                        }
                        if *b <= n + 1 {
                            e["target"] = json!(id(*b));
                        }
                        e
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

/// Every required skill outside choices done, and one option of each
/// choice (its last): the whole roadmap, as roadmap.sh's legend means it.
fn one_option_each(r: &model::Roadmap) -> bool {
    let mut states = vec![SkillState::default(); r.skills.len()];
    for (i, s) in r.skills.iter().enumerate() {
        if s.choices.is_empty() && !s.optional {
            states[i].status = Status::Done;
        }
    }
    for c in &r.choices {
        if let Some(&last) = c.from.last() {
            states[last].status = Status::Done;
        }
    }
    model::evaluate(r, &states).overall.is_complete()
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
        // The same input, the same output, byte for byte.
        prop_assert_eq!(&convert(&bytes, &content, &options()).unwrap().json, &out.json);
        for w in &out.warnings {
            prop_assert!(!w.chars().any(model::text::is_unsafe), "{w:?}");
        }
        // Importing the same file again over the first gives the same ids.
        let mut again = options();
        again.previous = previous_ids(&first);
        let second = model::load(&convert(&bytes, &content, &again).unwrap().json, "again").unwrap();
        let ids = |r: &model::Roadmap| r.skills.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&first), ids(&second));
        // The same roadmap drops nothing.
        prop_assert!(dropped(&first, &second).is_empty());
        // 100% is reached by learning one option of each group.
        prop_assert!(one_option_each(&first), "{}", String::from_utf8_lossy(&out.json));
        // No option is in two choices, and no optional skill is an option.
        let mut seen = std::collections::HashSet::new();
        for c in &first.choices {
            for &o in &c.from {
                prop_assert!(seen.insert(o));
                prop_assert!(!first.skills[o].optional);
            }
        }
    }

    #[test]
    fn a_node_taken_out_is_named_as_dropped_and_the_rest_keep_their_ids(doc in document(), pick in any::<prop::sample::Index>()) {
        let bytes = serde_json::to_vec(&doc).unwrap();
        let Ok(out) = convert(&bytes, &[], &options()) else {
            return Ok(());
        };
        let first = model::load(&out.json, "converted").unwrap();
        // Take one tracked node out of the file and import again.
        let all = doc["nodes"].as_array().unwrap();
        let once = |id: &Value| all.iter().filter(|n| &n["id"] == id).count() == 1;
        let tracked: Vec<usize> = all.iter().enumerate()
            .filter(|(_, n)| matches!(n["type"].as_str(), Some("topic" | "subtopic" | "todo")) && once(&n["id"]))
            .map(|(i, _)| i)
            .collect();
        if tracked.len() < 2 {
            return Ok(());
        }
        let gone = tracked[pick.index(tracked.len())];
        let gone_id = doc["nodes"][gone]["id"].as_str().unwrap().to_string();
        let mut smaller = doc.clone();
        smaller["nodes"].as_array_mut().unwrap().retain(|n| n["id"] != gone_id.as_str());
        let mut again = options();
        again.previous = previous_ids(&first);
        let Ok(out2) = convert(&serde_json::to_vec(&smaller).unwrap(), &[], &again) else {
            return Ok(());
        };
        let second = model::load(&out2.json, "again").unwrap();
        let alias = roadmap::import::node_alias(&gone_id);
        let names: Vec<String> = dropped(&first, &second).into_iter().map(|d| d.id).collect();
        let before = first.skills.iter().find(|s| s.aliases.contains(&alias)).map(|s| s.id.clone());
        prop_assert_eq!(names, before.into_iter().collect::<Vec<_>>());
        for s in &second.skills {
            if let Some(old) = first.skills.iter().find(|o| o.aliases.first() == s.aliases.first()) {
                prop_assert_eq!(&old.id, &s.id);
            }
        }
    }
}

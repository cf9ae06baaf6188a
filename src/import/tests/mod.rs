//! Unit tests of the conversion, on the fixtures written for the project
//! in roadmap.sh's shapes (tests/fixtures/import/) and on small inline ones.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod content;
mod legends;
mod structure;

use serde_json::{Value, json};

use super::{ContentFile, Options, convert, node_alias, previous_ids, slug};
use crate::model::{self, ResourceKind, Roadmap};

const BARE: &[u8] = include_bytes!("../../../tests/fixtures/import/bare.json");
const API: &[u8] = include_bytes!("../../../tests/fixtures/import/api.json");

/// A fixture of tests/fixtures/import/ by name.
fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(path).unwrap()
}

fn opts() -> Options {
    Options {
        source: "test.json".into(),
        fallback_id: "test".into(),
        ..Options::default()
    }
}

fn content() -> Vec<ContentFile> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/content");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if entry.file_type().unwrap().is_dir() {
            for inner in std::fs::read_dir(entry.path()).unwrap() {
                let inner = inner.unwrap();
                files.push(ContentFile {
                    path: format!("{name}/{}", inner.file_name().into_string().unwrap()),
                    bytes: std::fs::read(inner.path()).unwrap(),
                });
            }
        } else {
            files.push(ContentFile {
                path: name,
                bytes: std::fs::read(entry.path()).unwrap(),
            });
        }
    }
    files
}

/// Converts and loads through the normal loader.
fn load(bytes: &[u8], files: &[ContentFile], options: &Options) -> (Roadmap, Vec<String>) {
    let out = convert(bytes, files, options).unwrap();
    (model::load(&out.json, "converted").unwrap(), out.warnings)
}

fn value(doc: &Value) -> Vec<u8> {
    serde_json::to_vec(doc).unwrap()
}

/// The ids of a stage's skills, by the stage's title.
fn stage_ids<'a>(r: &'a Roadmap, title: &str) -> Vec<&'a str> {
    let stage = r.stages.iter().find(|s| s.title == title).unwrap();
    r.skills[stage.skills.clone()]
        .iter()
        .map(|s| s.id.as_str())
        .collect()
}

fn stage_titles(r: &Roadmap) -> Vec<&str> {
    r.stages.iter().map(|s| s.title.as_str()).collect()
}

/// Each choice's options, by id.
fn choices(r: &Roadmap) -> Vec<Vec<&str>> {
    r.choices
        .iter()
        .map(|c| c.from.iter().map(|&i| r.skills[i].id.as_str()).collect())
        .collect()
}

fn ids(r: &Roadmap) -> Vec<&str> {
    r.skills.iter().map(|s| s.id.as_str()).collect()
}

fn stage_of<'a>(r: &'a Roadmap, id: &str) -> &'a str {
    &r.stages[r.skill(id).unwrap().stage].title
}

fn requires(r: &Roadmap, id: &str) -> Vec<String> {
    let i = r.skill_index(id).unwrap();
    r.requires(i)
        .iter()
        .map(|&q| r.req_id(q).to_string())
        .collect()
}

#[test]
fn topics_become_stages_in_the_order_of_the_solid_path() {
    let (r, _) = load(BARE, &[], &opts());
    let stages: Vec<&str> = r.stages.iter().map(|s| s.title.as_str()).collect();
    // Proofing is drawn below Baking's neighbour but comes before it on the path.
    assert_eq!(stages, ["Flour", "Kneading", "Proofing", "Baking"]);
    assert_eq!(requires(&r, "kneading"), ["flour"]);
    assert_eq!(requires(&r, "baking"), ["proofing"]);
    assert!(requires(&r, "flour").is_empty());
}

#[test]
fn subtopics_hang_on_their_topic_by_dashed_edges_or_position() {
    let (r, warnings) = load(BARE, &[], &opts());
    assert_eq!(stage_of(&r, "wheat-flour"), "Flour");
    assert_eq!(requires(&r, "wheat-flour"), ["flour"]);
    // Dashed by its style (strokeDasharray) rather than edgeStyle.
    assert_eq!(stage_of(&r, "oven-spring-evil"), "Baking");
    // Not linked to anything, drawn beside Proofing: the topic on its rows.
    assert_eq!(stage_of(&r, "cold-retard"), "Proofing");
    assert!(
        !warnings.iter().any(|w| w.contains("'Cold retard'")),
        "{warnings:?}"
    );
    // The topic comes first in its stage, then its groups top to bottom.
    assert_eq!(
        stage_ids(&r, "Flour"),
        [
            "flour",
            "wheat-flour",
            "rye-flour",
            "spelt-flour",
            "flour-introduction"
        ]
    );
}

#[test]
fn alternative_legends_under_one_topic_become_a_pick_one_choice() {
    let (r, _) = load(BARE, &[], &opts());
    assert_eq!(r.choices.len(), 1);
    let c = &r.choices[0];
    assert_eq!(c.pick, 1);
    let from: Vec<&str> = c.from.iter().map(|&i| r.skills[i].id.as_str()).collect();
    assert_eq!(from, ["wheat-flour", "rye-flour", "spelt-flour"]);
    // An "optional" legend marks a nice-to-have.
    assert!(r.skill("windowpane-test").unwrap().optional);
}

#[test]
fn duplicate_labels_get_ids_qualified_by_their_topic_and_node_ids_become_aliases() {
    let (r, warnings) = load(BARE, &[], &opts());
    assert!(ids(&r).contains(&"flour-introduction"));
    assert!(ids(&r).contains(&"kneading-introduction"));
    let flour = r.skill("flour").unwrap();
    assert_eq!(flour.aliases, [node_alias("Flour_A1")]);
    // Case matters in node ids; the aliases keep them apart.
    assert_ne!(node_alias("aB"), node_alias("Ab"));
    assert!(r.skill(&node_alias("Knead-B2")).is_some());
    // A repeated node id: the first node wins, and the user is told.
    assert!(!r.skills.iter().any(|s| s.title == "Duplicate id"));
    assert!(
        warnings.iter().any(|w| w.contains("repeat an id")),
        "{warnings:?}"
    );
}

#[test]
fn drawing_nodes_are_not_skills_and_unlabelled_ones_are_named_from_their_id() {
    let (r, warnings) = load(BARE, &[], &opts());
    assert_eq!(r.skills.len(), 13);
    assert!(
        !r.skills
            .iter()
            .any(|s| s.title == "Shaping" || s.title.contains("pastry"))
    );
    // A subtopic whose label shows nothing is kept, named from its id.
    let unnamed = r.skill("untitled-nolabel7").unwrap();
    assert_eq!(unnamed.title, "Untitled nOlabel7");
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("1 topic(s) or subtopic(s) have no label that shows")),
        "{warnings:?}"
    );
    // The title node names the roadmap when the document does not.
    assert_eq!(r.title, "Bread Baking");
    assert_eq!(r.id, "test");
}

#[test]
fn content_files_give_descriptions_and_resources_with_their_kinds() {
    let options = Options {
        with_content: true,
        ..opts()
    };
    let (r, warnings) = load(BARE, &content(), &options);
    let flour = r.skill("flour").unwrap();
    assert!(
        flour.description.starts_with("Flour is ground grain"),
        "{}",
        flour.description
    );
    assert!(!flour.description.contains("Visit the following"));
    let kinds: Vec<ResourceKind> = flour.resources.iter().map(|x| x.kind).collect();
    assert_eq!(
        kinds,
        [
            ResourceKind::Official,
            ResourceKind::Article,
            ResourceKind::Opensource,
            ResourceKind::Podcast,
            ResourceKind::Feed,
            ResourceKind::Roadmap,
            ResourceKind::Article,
        ]
    );
    assert!(
        flour
            .resources
            .iter()
            .all(|x| x.url.starts_with("https://"))
    );
    let joined = warnings.join("\n");
    assert!(joined.contains("old numbered layout"), "{joined}");
    assert!(
        joined.contains("'100-old-basics/101-history.md'"),
        "{joined}"
    );
    assert!(joined.contains("'stale-topic@Gone_999.md'"), "{joined}");
    assert!(
        joined.contains("kind this program does not know"),
        "{joined}"
    );
    assert!(joined.contains("not http(s)"), "{joined}");
    assert!(
        joined.contains("8 topic(s) and subtopic(s) have no content file"),
        "{joined}"
    );
    // Hostile text in a content file is cleaned by the loader like any roadmap.
    let raw = content()
        .into_iter()
        .find(|f| f.path.starts_with("oven-spring@"))
        .unwrap();
    assert!(raw.bytes.contains(&0x1b) && raw.bytes.contains(&0x07));
    let oven = r.skill("oven-spring-evil").unwrap();
    assert!(
        oven.description.contains("Hostile text"),
        "{}",
        oven.description
    );
    let unsafe_char = crate::model::text::is_unsafe;
    assert!(
        !oven.description.chars().any(unsafe_char),
        "{:?}",
        oven.description
    );
    assert!(!oven.title.chars().any(unsafe_char), "{:?}", oven.title);
    assert!(!oven.resources[0].title.chars().any(unsafe_char));
}

#[test]
fn the_api_document_gives_title_description_and_slug() {
    let (r, _) = load(API, &[], &opts());
    assert_eq!(r.id, "tea-brewing");
    assert!(r.title.starts_with("Tea") && r.title.ends_with("Brewing"));
    assert!(
        !r.title.chars().any(crate::model::text::is_unsafe),
        "{:?}",
        r.title
    );
    assert!(r.description.starts_with("A made-up roadmap"));
    assert_eq!(r.choices.len(), 1);
    // --id wins over the slug.
    let options = Options {
        id: Some("tea".into()),
        ..opts()
    };
    assert_eq!(load(API, &[], &options).0.id, "tea");
}

#[test]
fn reimport_keeps_ids_of_nodes_found_again_even_after_a_rename() {
    let (first, _) = load(BARE, &[], &opts());
    let renamed = String::from_utf8(BARE.to_vec())
        .unwrap()
        .replace("\"Kneading\"", "\"Kneading by hand\"");
    let options = Options {
        previous: previous_ids(&first),
        ..opts()
    };
    let (second, _) = load(renamed.as_bytes(), &[], &options);
    assert_eq!(ids(&first), ids(&second));
    assert_eq!(second.skill("kneading").unwrap().title, "Kneading by hand");
    // Without the earlier import, the id follows the new label.
    let (fresh, _) = load(renamed.as_bytes(), &[], &opts());
    assert!(fresh.skill("kneading-by-hand").is_some());
}

#[test]
fn cycles_in_solid_edges_and_only_subtopics_still_convert() {
    let node = |id: &str, kind: &str, y: i32| json!({"id": id, "type": kind, "position": {"x": 0, "y": y}, "data": {"label": id}});
    let edge = |a: &str, b: &str| json!({"source": a, "target": b, "data": {"edgeStyle": "solid"}});
    let doc = json!({
        "nodes": [node("A", "topic", 0), node("B", "topic", 100), node("C", "topic", 200)],
        "edges": [edge("A", "B"), edge("B", "C"), edge("C", "A"), edge("A", "A")]
    });
    let (r, _) = load(&value(&doc), &[], &opts());
    assert_eq!(ids(&r), ["a", "b", "c"]);
    let doc = json!({"nodes": [node("X", "subtopic", 0), node("Y", "subtopic", 10)], "edges": []});
    let (r, _) = load(&value(&doc), &[], &opts());
    assert_eq!(r.stages.len(), 1);
    assert_eq!(ids(&r), ["x", "y"]);
}

#[test]
fn bad_input_is_an_error_with_file_and_position() {
    let err = convert(b"{\n  \"nodes\": [\n    {\"id\": 1}\n  ]\n}", &[], &opts()).unwrap_err();
    assert_eq!((err.line, err.source.as_str()), (Some(3), "test.json"));
    assert!(
        err.to_string().starts_with("test.json: line 3, column"),
        "{err}"
    );
    let err = convert(b"[1, 2", &[], &opts()).unwrap_err();
    assert!(err.message.contains("not valid JSON"), "{err}");
    let err = convert(br#"{"version": 1, "stages": []}"#, &[], &opts()).unwrap_err();
    assert!(err.message.contains("no \"nodes\""), "{err}");
    let err = convert(
        br#"{"nodes": [{"id": "a", "type": "label"}]}"#,
        &[],
        &opts(),
    )
    .unwrap_err();
    assert!(err.message.contains("nothing to track"), "{err}");
    let bad_id = Options {
        id: Some("Not An Id".into()),
        ..opts()
    };
    assert!(
        convert(BARE, &[], &bad_id)
            .unwrap_err()
            .message
            .contains("not a valid roadmap id")
    );
}

#[test]
fn slugs_are_valid_ids_and_keep_what_tells_labels_apart() {
    assert_eq!(slug("Learn Go!  (basics)"), "learn-go-basics");
    assert_eq!(slug("C++"), "cplusplus");
    assert_eq!(slug("C#"), "csharp");
    assert_eq!(slug("日本語"), "");
    assert_eq!(slug("a\u{1b}[31mred\u{1b}[0m"), "a-red");
    assert!(slug(&"word ".repeat(100)).len() <= 80);
}

#[test]
fn long_texts_are_cut_to_the_formats_limits() {
    let long = "x".repeat(1000);
    let doc = json!({
        "title": long,
        "nodes": [{"id": "a", "type": "topic", "data": {"label": long}}],
    });
    let (r, _) = load(&value(&doc), &[], &opts());
    assert_eq!(r.title.len(), model::limits::MAX_TITLE);
    assert_eq!(r.skills[0].title.len(), model::limits::MAX_TITLE);
}

#[test]
fn an_old_balsamiq_mockup_file_is_named_with_what_to_do_instead() {
    let mockup = br#"{"mockup": {"controls": {"control": [{"ID": "1", "typeID": "Label", "properties": {"text": "Baking"}}]}, "measuredW": "800"}}"#;
    let err = convert(mockup, &[], &opts()).unwrap_err();
    assert!(err.message.contains("older roadmap.sh file"), "{err}");
    assert!(err.message.contains("Balsamiq"), "{err}");
    assert!(err.message.contains("\"nodes\" and \"edges\""), "{err}");
    // Not mistaken for it: a file that merely mentions the word.
    let err = convert(br#"{"title": "mockup"}"#, &[], &opts()).unwrap_err();
    assert!(err.message.contains("no \"nodes\""), "{err}");
}

#[test]
fn reimport_names_the_skills_a_new_version_drops() {
    let (first, _) = load(BARE, &[], &opts());
    // The new version has the node as a drawing only.
    let smaller = String::from_utf8(BARE.to_vec()).unwrap().replace(
        "\"id\": \"wIndow04\", \"type\": \"subtopic\"",
        "\"id\": \"wIndow04\", \"type\": \"label\"",
    );
    assert_ne!(smaller.as_bytes(), BARE);
    let options = Options {
        previous: previous_ids(&first),
        ..opts()
    };
    let (second, _) = load(smaller.as_bytes(), &[], &options);
    let gone = super::dropped(&first, &second);
    assert_eq!(gone.len(), 1, "{gone:?}");
    assert_eq!(gone[0].id, "windowpane-test");
    assert_eq!(gone[0].title, "Windowpane test");
    assert!(gone[0].names.contains(&node_alias("wIndow04")));
    // A label changed, the node kept: nothing dropped.
    let renamed = String::from_utf8(BARE.to_vec())
        .unwrap()
        .replace("\"Kneading\"", "\"Kneading by hand\"");
    let (third, _) = load(renamed.as_bytes(), &[], &options);
    assert!(super::dropped(&first, &third).is_empty());
}

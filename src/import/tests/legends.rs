//! Legends as roadmap.sh means them: "Alternative Option / Pick this or
//! purple" replaces the recommended (purple) option of its group.

use serde_json::json;

use super::{choices, fixture, load, opts, requires, stage_ids, value};
use crate::model::{SkillState, Status, evaluate};

#[test]
fn a_group_with_alternatives_is_one_pick_one_choice_among_all_its_options() {
    let (r, _) = load(&fixture("legends.json"), &[], &opts());
    assert_eq!(
        choices(&r),
        [
            // A grid: two recommended, four alternatives, one choice.
            vec![
                "pour-over",
                "french-press",
                "aeropress",
                "moka-pot",
                "siphon",
                "espresso"
            ],
            // A stack above the topic and one alternative below it.
            vec!["burr-grinder", "blade-grinder", "hand-grinder"],
            // Alternatives on one side, the recommended one on the other.
            vec!["robusta", "liberica", "excelsa", "arabica"],
            // A pair hanging on a subtopic, not on the topic.
            vec!["oat-milk", "soy-milk"],
            // A stack with its own recommended option; the recommended one
            // below the topic is not part of it.
            vec!["filtered-water", "gooseneck-kettle"],
            // Boxes drawn around items: one choice each.
            vec!["croissant", "biscotti"],
            vec!["cheese", "olives"],
        ]
    );
    assert!(r.choices.iter().all(|c| c.pick == 1));
    // What is not in a choice stays required.
    for id in ["steaming", "frothing", "latte-art", "kitchen-scale"] {
        let s = r.skill(id).unwrap();
        assert!(!s.optional && s.choices.is_empty(), "{id}");
    }
}

#[test]
fn a_lone_alternative_is_optional_and_order_not_strict_changes_order_only() {
    let (r, _) = load(&fixture("legends.json"), &[], &opts());
    assert!(r.skill("cold-brew").unwrap().optional);
    assert!(r.skill("history-of-coffee").unwrap().optional);
    // "Learn anytime": last in its stage, still counted, still after its
    // topic.
    let cupping = r.skill("cupping").unwrap();
    assert_eq!(requires(&r, "cupping"), ["extras"]);
    assert!(!cupping.optional);
    // Beginner first, advanced after, whatever the drawing's order.
    assert_eq!(
        stage_ids(&r, "Extras"),
        [
            "extras",
            "tasting",
            "cold-brew",
            "history-of-coffee",
            "roasting",
            "cupping"
        ]
    );
}

#[test]
fn learning_one_option_of_each_group_reaches_100_percent() {
    let (r, _) = load(&fixture("legends.json"), &[], &opts());
    let mut states = vec![SkillState::default(); r.skills.len()];
    for (i, s) in r.skills.iter().enumerate() {
        if s.choices.is_empty() && !s.optional {
            states[i].status = Status::Done;
        }
    }
    // Without the choices, not yet.
    assert!(!evaluate(&r, &states).overall.is_complete());
    // One option of each: the last one, an alternative where there is one.
    for c in &r.choices {
        states[*c.from.last().unwrap()].status = Status::Done;
    }
    let eval = evaluate(&r, &states);
    assert!(eval.overall.is_complete(), "{:?}", eval.overall);
    assert_eq!(eval.overall.percent(), 100);
}

#[test]
fn recommended_options_no_longer_stay_required_beside_their_alternatives() {
    // The shape that used to leave the purple option required: a learner
    // who picks the alternative owes nothing more.
    let rec = json!({"label": "Personal Recommendation / Opinion"});
    let alt = json!({"label": "Alternative Option / Pick this or purple"});
    let node = |id: &str, kind: &str, y: i32, legend: &serde_json::Value| {
        json!({"id": id, "type": kind, "position": {"x": if kind == "topic" { 0 } else { 300 }, "y": y},
               "width": 150, "height": 49, "data": {"label": id, "legend": legend}})
    };
    let doc = json!({
        "nodes": [
            node("Language", "topic", 0, &json!(null)),
            node("Go", "subtopic", 0, &rec),
            node("Python", "subtopic", 53, &alt),
            node("Ruby", "subtopic", 106, &alt),
        ],
        "edges": [{"source": "Language", "target": "Go", "data": {"edgeStyle": "dashed"}}]
    });
    let (r, _) = load(&value(&doc), &[], &opts());
    assert_eq!(choices(&r), [vec!["go", "python", "ruby"]]);
    let mut states = vec![SkillState::default(); r.skills.len()];
    states[r.skill_index("language").unwrap()].status = Status::Done;
    states[r.skill_index("ruby").unwrap()].status = Status::Done;
    assert!(evaluate(&r, &states).overall.is_complete());
}

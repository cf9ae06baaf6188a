//! `roadmap next`: an open choice is one entry, in text and in JSON.

use crate::common::Env;

#[test]
fn an_open_choice_is_one_entry_with_its_options_on_the_next_line() {
    let env = Env::new();
    env.ok(&["done", "internet", "terminal"]);
    let out = env.ok(&["next", "-n", "10"]);
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Pick one backend language (backend-language)"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        lines[at].ends_with("— Languages — 3 options, cheapest 40 h"),
        "{out}"
    );
    assert_eq!(
        lines[at + 1].trim(),
        "options: python 40 h, go 40 h, java 60 h; 'roadmap done ID' picks one"
    );
    for id in ["(python)", "(go)", "(java)"] {
        assert!(!out.contains(id), "{id} listed apart:\n{out}");
    }
    // Declined options are not offered; a language in progress is the
    // step, not the choice.
    env.ok(&["skip", "java"]);
    let out = env.ok(&["next"]);
    assert!(out.contains("options: python 40 h, go 40 h;"), "{out}");
    env.ok(&["start", "go"]);
    let out = env.ok(&["next"]);
    assert!(
        out.starts_with("1. Go (go) — Languages — in progress"),
        "{out}"
    );
    assert!(!out.contains("backend-language"), "{out}");
}

#[test]
fn next_json_tells_skills_and_choices_apart_by_kind() {
    let env = Env::new();
    env.ok(&["done", "internet", "terminal"]);
    let next = env.json(&["next", "-n", "10", "--json"]);
    let items = next.as_array().unwrap();
    let http = items.iter().find(|i| i["id"] == "http").unwrap();
    assert_eq!(http["kind"], "skill");
    assert_eq!(http["status"], "todo");
    assert_eq!(http["stage"], "basics");
    let choice = items
        .iter()
        .find(|i| i["id"] == "backend-language")
        .unwrap();
    assert_eq!(choice["kind"], "choice");
    assert_eq!(choice["title"], "Pick one backend language");
    assert_eq!(choice["stage"], "languages");
    assert_eq!(choice["pick"], 1);
    assert_eq!(choice["picked"], 0);
    assert_eq!(choice["reason"], "3 options, cheapest 40 h");
    assert!(choice.get("status").is_none());
    let options = choice["options"].as_array().unwrap();
    let ids: Vec<&str> = options.iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["python", "go", "java"]);
    assert_eq!(options[2]["hours"], 60);
    assert_eq!(options[0]["status"], "todo");
    assert_eq!(options[0]["locked"], false);
    assert_eq!(options[0]["title"], "Python");
}

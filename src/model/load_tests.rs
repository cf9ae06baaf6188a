//! Tests of loading: every problem in one run, in plain words, at its
//! place; choices checked on their different options; invisible text.

use serde_json::{Value, json};

use super::*;

fn load_value(v: &Value) -> Result<Roadmap, LoadError> {
    load(
        serde_json::to_string_pretty(v).unwrap().as_bytes(),
        "t.json",
    )
}

#[allow(clippy::needless_pass_by_value)]
fn doc(skills: Value, choices: Value) -> Value {
    json!({ "version": 1, "id": "t", "title": "T",
        "stages": [{ "id": "s", "title": "S", "skills": skills }], "choices": choices })
}

fn lines(err: &LoadError) -> Vec<String> {
    err.to_string().lines().map(String::from).collect()
}

#[test]
fn pick_is_checked_against_the_different_options() {
    let v = doc(
        json!([{ "id": "a", "title": "A" }, { "id": "b", "title": "B", "requires": ["c"] }]),
        json!([{ "id": "c", "title": "C", "pick": 3, "from": ["a", "a", "a"] }]),
    );
    let err = load_value(&v).unwrap_err();
    assert_eq!(
        err.problems[0].kind,
        ProblemKind::BadPick {
            choice: "c".into(),
            pick: 3,
            options: 1
        }
    );
    assert!(
        err.to_string()
            .contains("must be between 1 and 1, the number of different skills"),
        "{err}"
    );
}

#[test]
fn duplicates_in_lists_count_once() {
    let v = doc(
        json!([{ "id": "a", "title": "A" }, { "id": "b", "title": "B" },
               { "id": "d", "title": "D", "requires": ["a", "c", "a", "c", "a"] }]),
        json!([{ "id": "c", "title": "C", "pick": 2, "from": ["a", "b", "a", "b"] }]),
    );
    let r = load_value(&v).unwrap();
    assert_eq!(r.skill("d").unwrap().requires.len(), 2);
    assert_eq!(r.choices[0].from, vec![0, 1]);
    assert_eq!(r.skill("a").unwrap().dependents, vec![2]);
}

#[test]
fn a_hint_never_names_the_id_at_fault() {
    let v = doc(
        json!([{ "id": "a", "title": "A" }, { "id": "b", "title": "B" }]),
        json!([{ "id": "c1", "title": "C", "pick": 1, "from": ["a", "c2"] },
               { "id": "c2", "title": "C", "pick": 1, "from": ["a", "b"] }]),
    );
    let err = load_value(&v).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("choice 'c1' offers 'c2', which is not a skill in this roadmap"),
        "{text}"
    );
    assert!(!text.contains("did you mean 'c2'"), "{text}");
}

#[test]
fn a_hint_suggests_the_valid_spelling() {
    let v = doc(
        json!([{ "id": "open-chords", "title": "A" },
               { "id": "b", "title": "B", "requires": ["Open_Chords"] }]),
        json!([]),
    );
    let text = load_value(&v).unwrap_err().to_string();
    assert!(
        text.contains("requires 'Open_Chords', which is not a skill or choice in this roadmap (did you mean 'open-chords'?)"),
        "{text}"
    );
}

/// An invalid id is never suggested; the invalid id itself gets its
/// valid spelling.
#[test]
fn a_hint_never_names_an_invalid_id() {
    let v = doc(
        json!([{ "id": "Open_Chords", "title": "A" },
               { "id": "b", "title": "B", "requires": ["open-chords"] }]),
        json!([]),
    );
    let err = load_value(&v).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("skill: id 'Open_Chords' is not valid; ids use lowercase letters a-z, digits and '-', and start with a letter or digit (write 'open-chords')"),
        "{text}"
    );
    assert!(
        text.contains(
            "skill 'b' requires 'open-chords', which is not a skill or choice in this roadmap\n"
        ) || text.ends_with(
            "skill 'b' requires 'open-chords', which is not a skill or choice in this roadmap"
        ),
        "no hint naming the invalid id: {text}"
    );
    assert!(!text.contains("did you mean 'Open_Chords'"), "{text}");
}

#[test]
fn an_over_limit_list_is_refused_without_reading_its_entries() {
    let many: Vec<String> = (0..=limits::MAX_LIST).map(|i| format!("x{i}")).collect();
    let v = doc(
        json!([{ "id": "a", "title": "A", "requires": many }]),
        json!([{ "id": "c", "title": "C", "pick": 1, "from": many }]),
    );
    let err = load_value(&v).unwrap_err();
    let kinds: Vec<_> = err.problems.iter().map(|p| &p.kind).collect();
    assert_eq!(kinds.len(), 2, "{err}");
    assert!(
        kinds
            .iter()
            .all(|k| matches!(k, ProblemKind::TooLong { len: 10_001, .. })),
        "{err}"
    );
}

#[test]
fn every_schema_problem_is_reported_in_one_run_in_plain_words() {
    let v = json!({ "version": 1, "id": "t", "title": "T", "stages": [
        { "id": "s", "title": "S", "descrption": "typo", "skills": [
            { "id": "a", "titel": "A", "title": "A", "hours": "six" },
            { "id": "b", "title": "B", "optional": "yes", "requires": ["pyhton"],
              "resources": [{ "title": "R", "url": "https://example.org", "kind": "blog" }] },
            { "id": "python", "title": "P", "hours": -2 }
        ]}],
        "choices": [{ "id": "c", "title": "C", "pik": 1, "pick": 1.5, "from": ["a", "b"] }]
    });
    let err = load_value(&v).unwrap_err();
    let lines = lines(&err);
    let want = [
        "stage 's': unknown field 'descrption' (did you mean 'description'?)",
        "skill 'a': unknown field 'titel' (did you mean 'title'?)",
        "skill 'a': hours must be a whole number of hours, like 6, but it is the text \"six\"",
        "skill 'b': optional must be true or false, but it is the text \"yes\"",
        "skill 'b' requires 'pyhton', which is not a skill or choice in this roadmap (did you mean 'python'?)",
        "resource 1 of skill 'b': kind must be one of official, article, video, course, book, practice, opensource, podcast, roadmap, feed, but it is the text \"blog\"",
        "skill 'python': hours must be a whole number of hours, like 6, but it is the number -2",
        "choice 'c': unknown field 'pik' (did you mean 'pick'?)",
        "choice 'c': pick must be a whole number",
    ];
    assert_eq!(lines.len(), want.len(), "{err}");
    for want in want {
        assert!(
            lines.iter().any(|l| l.contains(want)),
            "expected {want:?} in {err}"
        );
    }
    for line in &lines {
        assert!(line.starts_with("t.json: line "), "a position: {line}");
    }
    // In the order of the file.
    let mut sorted = err.problems.clone();
    sorted.sort_by_key(|p| (p.line, p.column));
    assert_eq!(sorted, err.problems);
    for jargon in ["expected u32", "invalid type", "unknown variant", "`"] {
        assert!(!err.to_string().contains(jargon), "{err}");
    }
}

#[test]
fn missing_fields_and_wrong_shapes_are_named() {
    let v = json!({ "version": 1, "title": "T", "stages": [
        { "id": "s", "skills": [{ "title": "No id" }, "b", { "id": "c", "title": "C", "requires": "a" }] }]});
    let err = load_value(&v).unwrap_err();
    let text = err.to_string();
    for want in [
        "roadmap has no 'id'",
        "stage 's' has no 'title'",
        "skill 1 of stage 's' has no 'id'",
        "skill 2 of stage 's': it must be an object { … }, but it is the text \"b\"",
        "skill 'c': requires must be a list of ids in double quotes",
    ] {
        assert!(text.contains(want), "expected {want:?} in {text}");
    }
    assert!(err.problems.iter().all(|p| p.line.is_some()), "{text}");
}

#[test]
fn json_syntax_errors_are_in_plain_words() {
    for (bytes, want) in [
        (&b""[..], "the file is empty"),
        (b"  \n ", "the file is empty"),
        (
            b"{\"version\": 1, \"id\": ",
            "line 1, column 21: the file ends where a value should follow",
        ),
        (
            b"{\"version\": 1 \"id\": 2}",
            "a ',' between two fields or the closing '}' of the object is missing",
        ),
        (b"{\"a\": [1, 2,]}", "a ',' stands before a closing bracket"),
        (b"{\"a\": tru}", "unknown word"),
        (
            b"\xEF\xBB\xBF{}",
            "line 1, column 1: the file starts with an invisible byte-order mark",
        ),
        (
            b"[]",
            "line 1, column 1: roadmap: the file must be one JSON object { … }, but it is a list [ … ]",
        ),
    ] {
        let text = load(bytes, "t.json").unwrap_err().to_string();
        assert!(text.contains(want), "{want:?} in {text}");
        assert!(!text.contains("EOF"), "{text}");
    }
}

#[test]
fn a_field_given_twice_is_explained() {
    let text = load(
        br#"{"version": 1, "id": "a", "id": "b", "title": "T", "stages": []}"#,
        "t.json",
    )
    .unwrap_err()
    .to_string();
    assert!(
        text.contains("the field 'id' is given twice in one object; keep one"),
        "{text}"
    );
}

#[test]
fn a_bad_pick_is_shown_at_the_choice_not_where_it_is_required() {
    let text = "{\"version\": 1, \"id\": \"t\", \"title\": \"T\", \"stages\": [{\"id\": \"s\", \"title\": \"S\", \"skills\": [\n\
        {\"id\": \"a\", \"title\": \"A\"}, {\"id\": \"b\", \"title\": \"B\"},\n\
        {\"id\": \"d\", \"title\": \"D\", \"requires\": [\"c\"]}]}],\n\
        \"choices\": [\n\
        {\"id\": \"c\", \"title\": \"C\", \"pick\": 5, \"from\": [\"a\", \"b\"]}]}";
    let err = load(text.as_bytes(), "t.json").unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(
        (err.problems[0].line, err.problems[0].column),
        (Some(5), Some(35)),
        "{err}"
    );
}

#[test]
fn problems_point_at_the_definition_at_fault() {
    let v = doc(
        json!([{ "id": "a", "title": "A", "requires": ["b", "nope"] },
               { "id": "b", "title": "B", "resources": [{ "title": "R", "url": "ftp://x", "kind": "book" }] }]),
        json!([]),
    );
    let pretty = serde_json::to_string_pretty(&v).unwrap();
    let line_of = |needle: &str| pretty.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let err = load_value(&v).unwrap_err();
    assert_eq!(err.problems[0].line, Some(line_of("\"nope\"")));
    assert_eq!(err.problems[1].line, Some(line_of("ftp://x")));
}

#[test]
fn invisible_characters_are_removed_from_text_and_refused_in_urls() {
    let v = doc(
        json!([{ "id": "a", "title": "Pay\u{200B}pal\u{00AD}\u{E0041}", "description": "one\u{2028}two",
                 "resources": [{ "title": "R\u{2060}", "url": "https://example.org", "kind": "book" }] }]),
        json!([]),
    );
    let r = load_value(&v).unwrap();
    assert_eq!(r.skills[0].title, "Paypal");
    assert_eq!(r.skills[0].description, "one\ntwo");
    assert_eq!(r.skills[0].resources[0].title, "R");

    let mut bad = v.clone();
    bad["stages"][0]["skills"][0]["resources"][0]["url"] = json!("https://pay\u{200B}pal.com");
    assert_eq!(
        load_value(&bad).unwrap_err().problems[0].kind,
        ProblemKind::BadUrl {
            skill: "a".into(),
            url: "https://pay<U+200B>pal.com".into()
        }
    );

    let mut blank = v;
    blank["stages"][0]["skills"][0]["title"] = json!("\u{200B}\u{3164}\u{2060}");
    assert_eq!(
        load_value(&blank).unwrap_err().problems[0].kind,
        ProblemKind::EmptyTitle {
            what: "skill 'a'".into()
        }
    );
}

#[test]
fn the_example_in_the_format_docs_validates() {
    let docs = include_str!("../../docs/roadmap-format.md");
    let example = docs
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("an example");
    let r = load(example.as_bytes(), "roadmap-format.md").unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(
        r.id,
        builtin().unwrap().id,
        "its own id, not the built-in roadmap's"
    );
    assert!(!r.choices.is_empty() && r.skills.len() > 3);
}

/// Issue 18 item 4: a misspelt required field hides nothing else.
#[test]
fn a_misspelt_required_field_hides_no_other_problem() {
    let v = json!({ "version": 1, "id": "t", "title": "T", "stages": [
        { "id": "s", "title": "S", "skills": [
            { "id": "a", "titel": "A", "requires": ["pyhton"] },
            { "id": "b", "title": "B", "requires": ["c"] },
            { "id": "c", "title": "C", "requires": ["b"] },
            { "id": "a", "title": "A again" },
            { "title": "No id", "requieres": ["nothing-here"] },
            { "id": "python", "title": 5 }
        ]}],
        "choices": [{ "id": "ch", "title": "Pick", "pick": 3, "from": ["b", "c"] }]
    });
    let err = load_value(&v).unwrap_err();
    let text = err.to_string();
    for want in [
        "skill 'a': unknown field 'titel' (did you mean 'title'?)",
        "skill 'a' requires 'pyhton', which is not a skill or choice in this roadmap (did you mean 'python'?)",
        "cycle in prerequisites: ",
        "duplicate id 'a'",
        "skill 5 of stage 's': unknown field 'requieres' (did you mean 'requires'?)",
        "skill 5 of stage 's' has no 'id'",
        "requires 'nothing-here', which is not a skill or choice",
        "skill 'python': title must be text in double quotes, but it is the number 5",
        "choice 'ch' has pick 3, but it must be between 1 and 2",
    ] {
        assert!(text.contains(want), "expected {want:?} in\n{text}");
    }
    // The title taken from "titel" is not reported missing a second time.
    assert!(!text.contains("skill 'a' has no 'title'"), "{text}");
    // Every problem has its place, the one borrowed from a misspelling too.
    assert!(err.problems.iter().all(|p| p.line.is_some()), "{text}");
    let unknown = err
        .problems
        .iter()
        .find(|p| p.to_string().contains("'nothing-here'"))
        .unwrap();
    let typo = err
        .problems
        .iter()
        .find(|p| p.to_string().contains("'requieres'"))
        .unwrap();
    // The misspelt list's first entry, on the line after its key.
    assert_eq!(unknown.line, typo.line.map(|l| l + 1), "{text}");
}

#[test]
fn every_resource_kind_of_the_format_is_accepted_on_the_thorough_path_too() {
    // A file with another problem takes the thorough path: its resource
    // kinds are checked against the same list as the fast path's.
    let v = doc(
        json!([{ "id": "a", "title": "A", "descrption": "typo",
            "resources": [
                { "title": "P", "url": "https://example.org/p", "kind": "podcast" },
                { "title": "O", "url": "https://example.org/o", "kind": "opensource" },
                { "title": "R", "url": "https://example.org/r", "kind": "roadmap" },
                { "title": "F", "url": "https://example.org/f", "kind": "feed" }
            ] }]),
        json!([]),
    );
    let err = load_value(&v).unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
}

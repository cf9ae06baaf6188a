//! Tests of the pure core: validation, progress arithmetic, ranking.

use chrono::Duration;
use serde_json::{Value, json};

use super::*;
use crate::test_support::{now, small, step_id};

fn skill(id: &str, requires: &[&str]) -> Value {
    json!({ "id": id, "title": format!("Title of {id}"), "description": "d", "requires": requires })
}

/// A roadmap from stages of `(stage id, skills)` and a list of choices.
#[allow(clippy::needless_pass_by_value)]
fn doc(stages: &[(&str, Vec<Value>)], choices: Value) -> Value {
    let stages: Vec<Value> = stages
        .iter()
        .map(|(id, skills)| json!({ "id": id, "title": format!("Stage {id}"), "skills": skills }))
        .collect();
    json!({ "version": 1, "id": "test", "title": "Test", "stages": stages, "choices": choices })
}

fn load_value(v: &Value) -> Result<Roadmap, LoadError> {
    load(
        serde_json::to_string_pretty(v).unwrap().as_bytes(),
        "test.json",
    )
}

fn errors(v: &Value) -> Vec<ProblemKind> {
    load_value(v)
        .expect_err("should be rejected")
        .problems
        .into_iter()
        .map(|p| p.kind)
        .collect()
}

/// States with the given ids set to the given statuses.
fn states(r: &Roadmap, set: &[(&str, Status)]) -> Vec<SkillState> {
    let mut out = vec![SkillState::default(); r.skills.len()];
    for (id, status) in set {
        out[r.skill_index(id).unwrap()].status = *status;
    }
    out
}

fn suggested_ids(r: &Roadmap, st: &[SkillState], n: usize) -> Vec<String> {
    let eval = evaluate(r, st);
    next_steps(r, st, &eval, now(), n)
        .into_iter()
        .map(|s| step_id(r, s.step))
        .collect()
}

// ---------- validation ----------

#[test]
fn the_builtin_roadmap_loads() {
    let r = builtin().unwrap_or_else(|e| panic!("{e}"));
    assert!(!r.stages.is_empty());
}

#[test]
fn a_valid_roadmap_is_indexed() {
    let r = small();
    assert_eq!(r.stages.len(), 3);
    assert_eq!(r.skills.len(), 11);
    assert_eq!(
        r.skill_index("http-basics"),
        r.skill_index("http"),
        "aliases resolve"
    );
    let http = r.skill("http").unwrap();
    assert_eq!(http.stage, 0);
    let jwt = r.skill_index("jwt").unwrap();
    assert!(http.dependents.contains(&jwt));
    assert_eq!(r.choices[0].from.len(), 3);
    assert_eq!(r.skill("python").unwrap().choices, vec![0]);
    assert_eq!(
        r.choices[0].dependents.len(),
        2,
        "language-deep and rest require the choice"
    );
}

#[test]
fn invalid_json_names_line_and_column() {
    let err = load(b"{\n  \"version\": 1,\n  \"id\": \"x\",,\n}", "bad.json").unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("bad.json: line 3, column"), "{text}");
}

#[test]
fn a_wrong_version_is_reported_as_such() {
    let mut v = doc(&[("a", vec![skill("x", &[])])], json!([]));
    v["version"] = json!(2);
    assert!(matches!(errors(&v)[0], ProblemKind::Version(ref s) if s == "2"));
    // Even when the newer format has fields this build does not know.
    v["newfield"] = json!(true);
    assert!(matches!(errors(&v)[0], ProblemKind::Version(_)));
}

#[test]
fn unknown_fields_are_rejected_with_their_position() {
    let mut v = doc(&[("a", vec![skill("x", &[])])], json!([]));
    v["stages"][0]["skills"][0]["titel"] = json!("typo");
    let err = load_value(&v).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("skill 'x': unknown field 'titel' (did you mean 'title'?)"),
        "{text}"
    );
    assert!(text.contains("line "), "{text}");
}

#[test]
fn duplicate_ids_are_rejected_across_kinds() {
    let v = doc(
        &[("a", vec![skill("x", &[]), skill("a", &[])])],
        json!([{"id": "x", "title": "c", "pick": 1, "from": ["x"]}]),
    );
    let errs = errors(&v);
    assert!(
        errs.contains(&ProblemKind::DuplicateId { id: "a".into() }),
        "{errs:?}"
    );
    assert!(
        errs.contains(&ProblemKind::DuplicateId { id: "x".into() }),
        "{errs:?}"
    );
}

#[test]
fn duplicate_id_error_points_at_the_second_definition() {
    let v = doc(&[("a", vec![skill("x", &[]), skill("x", &[])])], json!([]));
    let err = load_value(&v).unwrap_err();
    let text = serde_json::to_string_pretty(&v).unwrap();
    let second_line = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("\"id\": \"x\""))
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert_eq!(err.problems[0].line, Some(second_line));
}

#[test]
fn an_unknown_requirement_is_named_with_a_hint() {
    let v = doc(
        &[(
            "a",
            vec![skill("python", &[]), skill("django", &["pyhton"])],
        )],
        json!([]),
    );
    let err = load_value(&v).unwrap_err();
    assert_eq!(
        err.problems[0].kind,
        ProblemKind::UnknownRequire {
            skill: "django".into(),
            missing: "pyhton".into(),
            hint: Some("python".into())
        }
    );
    assert!(err.to_string().contains("did you mean 'python'?"));
    assert!(err.problems[0].line.is_some());
}

#[test]
fn a_cycle_is_printed_as_a_path() {
    let v = doc(
        &[(
            "s",
            vec![skill("a", &["c"]), skill("b", &["a"]), skill("c", &["b"])],
        )],
        json!([]),
    );
    let errs = errors(&v);
    let ProblemKind::Cycle { path } = &errs[0] else {
        panic!("{errs:?}")
    };
    assert_eq!(path.first(), path.last());
    assert_eq!(path.len(), 4);
    let text = load_value(&v).unwrap_err().to_string();
    assert!(text.contains("a → c → b → a"), "{text}");
}

#[test]
fn a_self_requirement_is_a_cycle() {
    let v = doc(&[("s", vec![skill("a", &["a"])])], json!([]));
    assert!(matches!(&errors(&v)[0], ProblemKind::Cycle { path } if path == &["a", "a"]));
}

#[test]
fn a_cycle_through_a_choice_is_found() {
    let v = doc(
        &[("s", vec![skill("a", &["pick"]), skill("b", &[])])],
        json!([{ "id": "pick", "title": "Pick", "pick": 1, "from": ["a", "b"] }]),
    );
    assert!(
        matches!(&errors(&v)[0], ProblemKind::Cycle { path } if path.contains(&"pick".to_string()))
    );
}

#[test]
fn pick_must_be_between_one_and_the_options() {
    for pick in [0, 3] {
        let v = doc(
            &[("s", vec![skill("a", &[]), skill("b", &[])])],
            json!([{ "id": "c", "title": "C", "pick": pick, "from": ["a", "b"] }]),
        );
        assert_eq!(
            errors(&v),
            vec![ProblemKind::BadPick {
                choice: "c".into(),
                pick,
                options: 2
            }]
        );
    }
}

#[test]
fn a_choice_option_must_be_a_skill() {
    let v = doc(
        &[("s", vec![skill("a", &[])])],
        json!([{ "id": "c", "title": "C", "pick": 1, "from": ["a", "s"] }]),
    );
    assert!(matches!(&errors(&v)[0], ProblemKind::UnknownOption { missing, .. } if missing == "s"));
}

#[test]
fn empty_titles_are_rejected() {
    let mut v = doc(&[("s", vec![skill("a", &[])])], json!([]));
    v["stages"][0]["skills"][0]["title"] = json!("   ");
    assert_eq!(
        errors(&v),
        vec![ProblemKind::EmptyTitle {
            what: "skill 'a'".into()
        }]
    );
}

#[test]
fn urls_must_be_http() {
    for url in [
        "ftp://x.org",
        "javascript:alert(1)",
        "https://",
        "https://a b",
        "file:///etc/passwd",
    ] {
        let mut v = doc(&[("s", vec![skill("a", &[])])], json!([]));
        v["stages"][0]["skills"][0]["resources"] =
            json!([{ "title": "t", "url": url, "kind": "official" }]);
        assert!(
            matches!(&errors(&v)[0], ProblemKind::BadUrl { .. }),
            "{url}"
        );
    }
}

#[test]
fn bad_ids_are_rejected() {
    for id in ["Upper", "-lead", "with space", "", "ünï"] {
        let v = doc(&[("s", vec![skill(id, &[])])], json!([]));
        assert!(
            errors(&v)
                .iter()
                .any(|e| matches!(e, ProblemKind::BadId { .. })),
            "{id:?}"
        );
    }
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let v = doc(
        &[("s", vec![skill("a", &["nope"]), skill("a", &["zilch"])])],
        json!([]),
    );
    assert_eq!(errors(&v).len(), 3);
}

#[test]
fn hostile_text_is_cleaned_at_load() {
    let mut v = doc(&[("s", vec![skill("a", &[])])], json!([]));
    v["stages"][0]["skills"][0]["title"] = json!("evil\u{1b}]0;pwned\u{7}\u{1b}[2J title");
    v["stages"][0]["skills"][0]["description"] = json!("line\nnext\u{9b}1m");
    let r = load_value(&v).unwrap();
    assert!(!r.skills[0].title.chars().any(text::is_unsafe));
    assert!(
        !r.skills[0]
            .description
            .chars()
            .any(|c| c != '\n' && text::is_unsafe(c))
    );
}

#[test]
fn oversized_strings_are_rejected() {
    let mut v = doc(&[("s", vec![skill("a", &[])])], json!([]));
    v["stages"][0]["skills"][0]["title"] = json!("x".repeat(limits::MAX_TITLE + 1));
    assert!(matches!(
        &errors(&v)[0],
        ProblemKind::TooLong { field: "title", .. }
    ));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(load(deep.as_bytes(), "deep.json").is_err());
}

// ---------- progress ----------

#[test]
fn an_empty_profile_starts_at_zero_with_everything_counted() {
    let r = small();
    let st = states(&r, &[]);
    let e = evaluate(&r, &st);
    // 11 skills: 7 required ones outside the choice, plus the pick-one
    // choice as one unit (the optional one and the 3 options do not count
    // on their own).
    assert_eq!(e.overall.total(), 8);
    assert_eq!(e.overall.percent(), 0);
    assert_eq!(e.stages[0].total(), 3);
}

#[test]
fn picking_one_option_drops_the_alternatives_from_the_count() {
    let r = small();
    let e = evaluate(&r, &states(&r, &[("go", Status::Done)]));
    assert_eq!(e.overall.total(), 8, "python and java no longer count");
    assert_eq!(e.overall.finished(), 1);
    assert!(e.is_unpicked_alternative(r.skill_index("python").unwrap()));
}

#[test]
fn finishing_everything_required_is_exactly_one_hundred_percent() {
    let r = small();
    let required = [
        "internet",
        "http",
        "terminal",
        "go",
        "language-deep",
        "rest",
        "auth",
        "jwt",
    ];
    let set: Vec<(&str, Status)> = required.iter().map(|id| (*id, Status::Done)).collect();
    let e = evaluate(&r, &states(&r, &set));
    assert_eq!(e.overall.percent(), 100);
    assert!(e.stages.iter().all(|s| s.percent() == 100));
    // One short of it is not 100.
    let e = evaluate(&r, &states(&r, &set[..set.len() - 1]));
    assert_eq!(e.overall.percent(), 87);
}

#[test]
fn skipped_counts_as_finished_and_satisfies_prerequisites() {
    let r = small();
    let st = states(&r, &[("internet", Status::Skipped)]);
    let e = evaluate(&r, &st);
    assert_eq!(e.overall.finished(), 1);
    assert!(e.unlocked[r.skill_index("http").unwrap()]);
}

#[test]
fn optional_skills_never_count() {
    let r = small();
    let e = evaluate(&r, &states(&r, &[("trivia", Status::Done)]));
    assert_eq!(e.overall.finished(), 0);
    assert_eq!(e.overall.total(), 8);
}

#[test]
fn a_choice_with_pick_two_needs_two() {
    let v = doc(
        &[(
            "s",
            vec![
                skill("a", &[]),
                skill("b", &[]),
                skill("c", &[]),
                skill("d", &["two"]),
            ],
        )],
        json!([{ "id": "two", "title": "Two of three", "pick": 2, "from": ["a", "b", "c"] }]),
    );
    let r = load_value(&v).unwrap();
    let d = r.skill_index("d").unwrap();
    assert!(!evaluate(&r, &states(&r, &[("a", Status::Done)])).unlocked[d]);
    let st = states(&r, &[("a", Status::Done), ("b", Status::Skipped)]);
    let e = evaluate(&r, &st);
    assert!(!e.unlocked[d], "b was declined, not picked");
    let st = states(&r, &[("a", Status::Done), ("c", Status::Done)]);
    let e = evaluate(&r, &st);
    assert!(e.unlocked[d]);
    assert_eq!(e.overall.total(), 3, "two units for the choice, one for d");
    assert_eq!(e.overall.finished(), 2);
}

#[test]
fn locked_skills_are_not_unlocked_until_all_prerequisites_are() {
    let r = small();
    let jwt = r.skill_index("jwt").unwrap();
    let e = evaluate(&r, &states(&r, &[("auth", Status::Done)]));
    assert!(!e.unlocked[jwt], "http still missing");
    let missing: Vec<&str> = e
        .missing(&r, &states(&r, &[("auth", Status::Done)]), jwt)
        .map(|q| r.req_id(q))
        .collect();
    assert_eq!(missing, vec!["http"]);
}

// ---------- next steps ----------

#[test]
fn first_suggestions_are_the_roots_in_file_order_ranked_by_what_they_unlock() {
    let r = small();
    // internet unlocks http; terminal unlocks python, go, java: 3.
    assert_eq!(
        suggested_ids(&r, &states(&r, &[]), 5),
        vec!["terminal", "internet", "trivia"]
    );
}

#[test]
fn doing_comes_first_whatever_the_stage() {
    let r = small();
    let st = states(&r, &[("terminal", Status::Done), ("java", Status::Doing)]);
    assert_eq!(suggested_ids(&r, &st, 2), vec!["java", "internet"]);
}

#[test]
fn earlier_stage_beats_more_unlocks() {
    let r = small();
    let st = states(&r, &[("terminal", Status::Done)]);
    let ids = suggested_ids(&r, &st, 10);
    let pos = |id: &str| ids.iter().position(|x| x == id).unwrap();
    assert!(pos("internet") < pos("backend-language"));
}

#[test]
fn alternatives_of_a_satisfied_choice_are_not_suggested() {
    let r = small();
    let st = states(&r, &[("terminal", Status::Done), ("go", Status::Done)]);
    let ids = suggested_ids(&r, &st, 20);
    assert!(
        !ids.contains(&"python".to_string()) && !ids.contains(&"java".to_string()),
        "{ids:?}"
    );
    assert!(ids.contains(&"language-deep".to_string()));
}

#[test]
fn finished_and_locked_skills_are_not_suggested() {
    let r = small();
    let st = states(&r, &[("internet", Status::Done)]);
    let ids = suggested_ids(&r, &st, 20);
    assert!(!ids.contains(&"internet".to_string()));
    assert!(!ids.contains(&"rest".to_string()));
}

#[test]
fn unlock_counts_credit_the_only_missing_prerequisite() {
    let r = small();
    let st = states(
        &r,
        &[
            ("internet", Status::Done),
            ("terminal", Status::Done),
            ("python", Status::Done),
        ],
    );
    let e = evaluate(&r, &st);
    // http is the only missing prerequisite of rest; jwt needs auth too.
    assert_eq!(e.unlocks_now[r.skill_index("http").unwrap()], 1);
    // Before any language: each language option unlocks language-deep; rest
    // still misses http so it is not credited to them.
    let st = states(&r, &[("terminal", Status::Done)]);
    let e = evaluate(&r, &st);
    assert_eq!(e.unlocks_now[r.skill_index("python").unwrap()], 1);
    let st = states(
        &r,
        &[
            ("terminal", Status::Done),
            ("internet", Status::Done),
            ("http", Status::Done),
        ],
    );
    let e = evaluate(&r, &st);
    assert_eq!(
        e.unlocks_now[r.skill_index("go").unwrap()],
        2,
        "language-deep and rest"
    );
}

#[test]
fn ties_are_broken_by_direct_dependents_then_file_order() {
    // a and b unlock nothing at once (x needs both); a has two dependents.
    let v = doc(
        &[(
            "s",
            vec![
                skill("b", &[]),
                skill("a", &[]),
                skill("x", &["a", "b"]),
                skill("y", &["a", "b"]),
            ],
        )],
        json!([]),
    );
    let r = load_value(&v).unwrap();
    assert_eq!(
        suggested_ids(&r, &states(&r, &[]), 2),
        vec!["b", "a"],
        "same dependents: file order"
    );
    let v = doc(
        &[(
            "s",
            vec![
                skill("b", &[]),
                skill("a", &[]),
                skill("x", &["a", "b"]),
                skill("y", &["a", "b", "z"]),
                skill("z", &["a"]),
            ],
        )],
        json!([]),
    );
    let r = load_value(&v).unwrap();
    // a unlocks z at once: ranks first.
    assert_eq!(suggested_ids(&r, &states(&r, &[]), 2), vec!["a", "b"]);
}

#[test]
fn reasons_say_why() {
    let r = small();
    let mut st = states(&r, &[("terminal", Status::Done)]);
    let java = r.skill_index("java").unwrap();
    st[java].status = Status::Doing;
    st[java].changed = Some(now() - Duration::days(3));
    let eval = evaluate(&r, &st);
    let next = next_steps(&r, &st, &eval, now(), 10);
    let reason = |id: &str| {
        next.iter()
            .find(|s| step_id(&r, s.step) == id)
            .map(|s| s.reason.clone())
            .unwrap()
    };
    assert_eq!(reason("java"), "in progress for 3 days");
    // Java in progress covers the choice: the other languages are no next
    // step.
    assert!(
        next.iter()
            .all(|s| !["python", "go", "backend-language"].contains(&step_id(&r, s.step).as_str())),
        "{next:?}"
    );
    assert_eq!(reason("internet"), "unlocks HTTP");
    assert_eq!(reason("trivia"), "next in Basics · optional");
}

#[test]
fn asking_for_zero_or_more_than_exist_is_fine() {
    let r = small();
    assert!(suggested_ids(&r, &states(&r, &[]), 0).is_empty());
    assert_eq!(suggested_ids(&r, &states(&r, &[]), 1000).len(), 3);
}

// ---------- profile ----------

#[test]
fn set_status_records_history_and_dates() {
    let r = small();
    let mut p = Profile::default();
    let http = r.skill_index("http").unwrap();
    assert!(p.set_status(&r, http, Status::Doing, now()));
    assert!(
        !p.set_status(&r, http, Status::Doing, now()),
        "no-op change records nothing"
    );
    let later = now() + Duration::hours(5);
    assert!(p.set_status(&r, http, Status::Done, later));
    let e = p.entry(&r, http).unwrap();
    assert_eq!(e.history.len(), 2);
    assert_eq!(e.done_at, Some(later));
    assert_eq!(e.started_at(), Some(now()));
    assert_eq!(p.states(&r)[http].status, Status::Done);
}

#[test]
fn progress_under_an_alias_carries_over_and_the_old_entry_is_kept() {
    let r = small();
    let mut p = Profile::default();
    let entry = Entry {
        status: Status::Done,
        changed: now(),
        done_at: Some(now()),
        history: vec![Change::new(now(), Status::Done)],
        unknown: crate::model::unknown::Unknown::default(),
    };
    p.roadmaps
        .entry("small".into())
        .or_default()
        .skills
        .insert("http-basics".into(), entry);
    let http = r.skill_index("http").unwrap();
    assert_eq!(p.states(&r)[http].status, Status::Done);
    assert_eq!(p.orphans(&r).count(), 0, "an alias is not an orphan");
    p.set_status(&r, http, Status::Doing, now() + Duration::days(1));
    let skills = &p.roadmaps["small"].skills;
    assert_eq!(
        skills["http"].history.len(),
        2,
        "history carried over from the old id"
    );
    assert!(skills.contains_key("http-basics"));
}

#[test]
fn entries_for_unknown_skills_are_orphans_and_kept() {
    let r = small();
    let mut p = Profile::default();
    p.set_status(&r, 0, Status::Done, now());
    let e = p.roadmaps["small"].skills["internet"].clone();
    p.roadmaps
        .get_mut("small")
        .unwrap()
        .skills
        .insert("removed-skill".into(), e);
    assert_eq!(p.orphans(&r).collect::<Vec<_>>(), vec!["removed-skill"]);
    let json = serde_json::to_string(&p).unwrap();
    let back: Profile = serde_json::from_str(&json).unwrap();
    assert_eq!(back, p);
}

#[test]
fn required_skills_come_before_optional_ones_of_earlier_stages() {
    let r = small();
    let st = states(
        &r,
        &[
            ("internet", Status::Done),
            ("http", Status::Done),
            ("terminal", Status::Done),
        ],
    );
    let ids = suggested_ids(&r, &st, 10);
    assert_eq!(ids.last().map(String::as_str), Some("trivia"), "{ids:?}");
    assert_eq!(ids[0], "backend-language");
}

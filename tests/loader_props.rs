#![allow(clippy::unwrap_used)]

//! Property tests: no input makes the roadmap loader or the profile reader
//! panic, and valid generated roadmaps always load.

use proptest::prelude::*;
use roadmap::model::text::{is_invisible, is_unsafe};
use roadmap::model::{self, Profile, Status, evaluate, next_steps};
use serde_json::{Value, json};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        "[a-z0-9-]{0,8}".prop_map(Value::String),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::hash_map(
                prop_oneof![
                    Just("version".to_string()),
                    Just("id".to_string()),
                    Just("title".to_string()),
                    Just("stages".to_string()),
                    Just("skills".to_string()),
                    Just("requires".to_string()),
                    Just("choices".to_string()),
                    Just("from".to_string()),
                    Just("pick".to_string()),
                    "[a-z]{1,6}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A structurally valid roadmap with random requirements (possibly cyclic,
/// possibly dangling) and random choices.
fn arb_roadmap() -> impl Strategy<Value = Value> {
    (1usize..5, 1usize..30).prop_flat_map(|(stages, skills)| {
        (
            Just(stages),
            prop::collection::vec(
                (0..stages, prop::collection::vec(0..skills * 8, 0..4), any::<bool>(), prop::option::of(0u32..50)),
                skills,
            ),
            prop::collection::vec((prop::collection::vec(0..skills, 1..5), 1usize..3), 0..3),
        )
            .prop_map(|(stages, skills, choices)| {
                let n = skills.len();
                let id = |i: usize| if i < n { format!("s{i}") } else { format!("c{}", i - n) };
                let mut st: Vec<Value> =
                    (0..stages).map(|i| json!({"id": format!("stage{i}"), "title": "T", "skills": []})).collect();
                for (i, (stage, reqs, optional, hours)) in skills.iter().enumerate() {
                    // Mostly earlier skills (a valid graph); now and then any
                    // id at all: forward, cyclic, a choice, or dangling.
                    let reqs: Vec<String> = reqs
                        .iter()
                        .filter_map(|&r| match r.checked_sub(n * 6) {
                            Some(any) => Some(id(any % (n + 2))),
                            None => (i > 0).then(|| id(r % i)),
                        })
                        .collect();
                    st[*stage]["skills"].as_array_mut().unwrap().push(
                        json!({"id": id(i), "title": format!("Skill {i}"), "requires": reqs, "optional": optional, "hours": hours}),
                    );
                }
                let ch: Vec<Value> = choices
                    .iter()
                    .enumerate()
                    .map(|(i, (from, pick))| {
                        let from: Vec<String> = from.iter().map(|&f| id(f)).collect();
                        json!({"id": format!("c{i}"), "title": "Pick", "pick": pick, "from": from})
                    })
                    .collect();
                json!({"version": 1, "id": "p", "title": "P", "stages": st, "choices": ch})
            })
    })
}

fn arb_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        Just(json!(1.5)),
        "[a-zA-Z_ -]{0,8}".prop_map(Value::String),
        Just(json!([1, "x"])),
        Just(json!({"k": 1})),
    ]
}

/// Breaks the `pick`-th object of `v` (in a walk of the document): adds a
/// misspelt field, sets a field to `leaf`, or removes a field.
fn break_somewhere(v: &mut Value, pick: usize, how: usize, leaf: Value) {
    fn objects(v: &Value, here: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                out.push(here.to_string());
                for (k, x) in m {
                    objects(x, &format!("{here}/{k}"), out);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    objects(x, &format!("{here}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut all = Vec::new();
    objects(v, "", &mut all);
    let target = &all[pick % all.len()];
    let Some(Value::Object(m)) = v.pointer_mut(target) else {
        return;
    };
    let keys: Vec<String> = m.keys().cloned().collect();
    let key = keys
        .get(pick % keys.len().max(1))
        .cloned()
        .unwrap_or_else(|| "id".into());
    match how {
        0 => {
            let mut typo: Vec<char> = key.chars().collect();
            typo.reverse();
            m.insert(typo.into_iter().collect::<String>() + "x", leaf);
        }
        1 => {
            m.remove(&key);
        }
        _ => {
            m.insert(key, leaf);
        }
    }
}

/// Loads `bytes` as a roadmap and as a profile. Neither panics, and every
/// error message is bounded and has no control character but line breaks.
fn load_both(bytes: &[u8]) -> Result<(), TestCaseError> {
    let unsafe_char = |s: &str| s.chars().any(|c| c != '\n' && is_unsafe(c));
    if let Err(e) = model::load(bytes, "fuzz.json") {
        let text = e.to_string();
        prop_assert!(!unsafe_char(&text), "{:?}", text);
        prop_assert!(e.problems.len() <= 106, "{} problems", e.problems.len());
    }
    if let Err(e) = roadmap::store::parse_profile(bytes, std::path::Path::new("fuzz.json")) {
        let text = e.to_string();
        prop_assert!(!unsafe_char(&text), "{:?}", text);
        prop_assert!(text.contains("fuzz.json"), "names the file: {}", text);
    }
    Ok(())
}

/// Text full of terminal controls, for titles and descriptions.
fn arb_hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-z ]{0,4}",
            Just("\u{1b}[2J".to_string()),
            Just("\u{1b}]0;x\u{7}".to_string()),
            (0x80u32..0xa0).prop_map(|c| char::from_u32(c).unwrap().to_string()),
            prop::sample::select(vec![
                "\u{202e}",
                "\u{2066}",
                "\u{200f}",
                "\u{61c}",
                "\u{feff}",
                "\r",
                "\t",
                "\u{7f}",
                "\u{200b}",
                "\u{200d}",
                "\u{ad}",
                "\u{2060}",
                "\u{180e}",
                "\u{e0041}",
                "\u{e007f}",
                "\u{2028}",
                "\u{2029}",
                "\u{115f}",
                "\u{3164}",
                "\u{ffa0}",
                "\u{fff9}",
                "\u{600}"
            ])
            .prop_map(String::from),
            any::<char>().prop_map(String::from),
        ],
        1..8,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_both(&bytes)?;
    }

    #[test]
    fn arbitrary_json_never_panics(v in arb_json()) {
        load_both(&serde_json::to_vec(&v).unwrap())?;
    }

    /// Whatever a roadmap's text holds, what the model hands out to be shown
    /// has no control character.
    #[test]
    fn loaded_text_is_always_clean(texts in prop::collection::vec(arb_hostile_text(), 6)) {
        let v = json!({"version": 1, "id": "h", "title": texts[0], "description": texts[1],
            "stages": [{"id": "s", "title": format!("S{}", texts[2]), "description": texts[3], "skills": [
                {"id": "a", "title": format!("A{}", texts[4]), "description": texts[5],
                 "resources": [{"title": format!("R{}", texts[0]), "url": "https://example.org", "kind": "book"}]}]}]});
        let Ok(r) = model::load(&serde_json::to_vec(&v).unwrap(), "h.json") else {
            // Only an empty-looking title may fail; never a panic.
            return Ok(());
        };
        let line = |s: &str| !s.chars().any(|c| is_unsafe(c) || is_invisible(c) || c == '\u{2028}');
        let block = |s: &str| !s.chars().any(|c| c != '\n' && (is_unsafe(c) || is_invisible(c)));
        prop_assert!(line(&r.title) && block(&r.description));
        prop_assert!(line(&r.stages[0].title) && block(&r.stages[0].description));
        prop_assert!(line(&r.skills[0].title) && block(&r.skills[0].description));
        prop_assert!(line(&r.skills[0].resources[0].title));
    }

    /// A roadmap broken in random ways (misspelt, missing and mistyped
    /// fields anywhere): never a panic; every problem has a place, and
    /// every message is clean, bounded and in plain words.
    #[test]
    fn broken_roadmaps_get_every_problem_placed_in_plain_words(
        v in arb_roadmap(),
        edits in prop::collection::vec((any::<u16>(), 0usize..4, arb_leaf()), 1..6),
        compact in any::<bool>(),
    ) {
        let mut v = v;
        for (pick, how, leaf) in edits {
            break_somewhere(&mut v, usize::from(pick), how, leaf);
        }
        let bytes = if compact { serde_json::to_vec(&v) } else { serde_json::to_vec_pretty(&v) }.unwrap();
        let Err(e) = model::load(&bytes, "gen.json") else { return Ok(()) };
        prop_assert!(!e.problems.is_empty());
        prop_assert!(e.problems.len() <= 101, "{} problems", e.problems.len());
        for p in &e.problems {
            let placed = p.line.is_some() || matches!(p.kind, model::ProblemKind::MoreProblems { .. });
            prop_assert!(placed, "no place: {}", p);
            let text = p.to_string();
            prop_assert!(text.chars().count() < 1_000, "{}", text);
            prop_assert!(!text.chars().any(|c| is_unsafe(c) || is_invisible(c)), "{:?}", text);
            for jargon in ["expected u32", "expected usize", "invalid type", "unknown variant", "EOF", "`"] {
                prop_assert!(!text.contains(jargon), "{}", text);
            }
            if let model::ProblemKind::UnknownRequire { missing, hint: Some(h), .. }
            | model::ProblemKind::UnknownOption { missing, hint: Some(h), .. } = &p.kind {
                prop_assert_ne!(missing, h);
            }
        }
        let lines: Vec<usize> = e.problems.iter().filter_map(|p| p.line).collect();
        prop_assert!(lines.windows(2).all(|w| w[0] <= w[1]), "in the order of the file: {:?}", lines);
    }

    /// Whatever the graph, loading either fails with problems or yields a
    /// roadmap on which progress and suggestions hold their invariants.
    #[test]
    fn generated_roadmaps_load_or_explain(v in arb_roadmap(), done in prop::collection::vec(any::<u8>(), 40)) {
        let bytes = serde_json::to_vec(&v).unwrap();
        match model::load(&bytes, "gen.json") {
            Err(e) => prop_assert!(!e.problems.is_empty()),
            Ok(r) => {
                let mut p = Profile::default();
                let now = chrono::DateTime::UNIX_EPOCH;
                for (i, b) in done.iter().enumerate().take(r.skills.len()) {
                    p.set_status(&r, i, Status::ALL[usize::from(*b) % 4], now);
                }
                let st = p.states(&r);
                let e = evaluate(&r, &st);
                prop_assert!(e.overall.finished() <= e.overall.total());
                prop_assert!(e.overall.percent() <= 100);
                for s in next_steps(&r, &st, &e, now, 1000) {
                    // One skill is named, never counted.
                    prop_assert!(!s.reason.contains("unlocks 1 skill"), "{}", s.reason);
                    prop_assert!(!s.reason.contains("by 1 skill"), "{}", s.reason);
                    match s.step {
                        model::Step::Skill(i) => {
                            prop_assert!(e.unlocked[i]);
                            prop_assert!(!st[i].status.is_finished());
                        }
                        // An open choice, with an option that can be
                        // picked now.
                        model::Step::Choice(c) => {
                            prop_assert!(!e.choice_satisfied(&r, c));
                            let options = model::steps::open_options(&r, &st, &e, c);
                            prop_assert!(options.len() >= 2);
                            prop_assert!(e.unlocked[options[0]]);
                        }
                    }
                }
                // Finishing every skill reaches exactly 100%, by doing or
                // by skipping (declining every option skips a choice).
                for i in 0..r.skills.len() { p.set_status(&r, i, Status::Skipped, now); }
                let all_skipped = evaluate(&r, &p.states(&r)).overall;
                prop_assert_eq!(all_skipped.percent(), 100);
                prop_assert_eq!(all_skipped.hours_left, 0);
                for i in 0..r.skills.len() { p.set_status(&r, i, Status::Done, now); }
                prop_assert_eq!(evaluate(&r, &p.states(&r)).overall.percent(), 100);
                prop_assert_eq!(evaluate(&r, &p.states(&r)).overall.total(), e.overall.total());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// One change at a time, `Live` always equals a fresh evaluation and
    /// ranks exactly like `next_steps`; the total never moves. Half the
    /// changes hit an option of a choice (done picks it, skipped declines
    /// it).
    #[test]
    fn live_updates_equal_a_fresh_evaluation(
        v in arb_roadmap(),
        changes in prop::collection::vec((any::<u16>(), 0usize..4, any::<bool>()), 1..60),
    ) {
        let bytes = serde_json::to_vec(&v).unwrap();
        let Ok(r) = model::load(&bytes, "gen.json") else { return Ok(()) };
        let now = chrono::DateTime::UNIX_EPOCH;
        let mut states = vec![model::SkillState::default(); r.skills.len()];
        let mut live = model::live::Live::new(&r, states.clone());
        let total = live.eval().overall.total();
        prop_assert_eq!(total, model::progress::counted_total(&r));
        let options: Vec<usize> = r.choices.iter().flat_map(|c| c.from.iter().copied()).collect();
        for (pick, status, option) in changes {
            let x = if option && !options.is_empty() {
                options[usize::from(pick) % options.len()]
            } else {
                usize::from(pick) % r.skills.len()
            };
            states[x].status = Status::ALL[status];
            live.set(&r, x, states[x]);
            let fresh = evaluate(&r, &states);
            prop_assert_eq!(live.eval(), &fresh);
            prop_assert_eq!(fresh.overall.total(), total, "the total never jumps");
            prop_assert_eq!(live.next_steps(&r, now, 1000), next_steps(&r, &states, &fresh, now, 1000));
        }
    }
}

#[test]
fn live_updates_match_on_a_large_synthetic_roadmap() {
    let r = model::load(roadmap::synth::roadmap_json(3_000).as_bytes(), "synth").unwrap();
    let now = chrono::DateTime::UNIX_EPOCH;
    let mut states = vec![model::SkillState::default(); r.skills.len()];
    let mut live = model::live::Live::new(&r, states.clone());
    // Work through the roadmap roughly as a learner would: finish what is
    // suggested, sometimes skip, sometimes reset.
    for step in 0..600usize {
        let next = live.next_steps(&r, now, 3);
        let x = next
            .get(step % 3)
            .or(next.first())
            .map_or(step * 7 % r.skills.len(), |s| match s.step {
                model::Step::Skill(i) => i,
                model::Step::Choice(c) => r.choices[c].from[step % r.choices[c].from.len()],
            });
        let to = match step % 10 {
            0 => Status::Skipped,
            1 => Status::Todo,
            2 => Status::Doing,
            _ => Status::Done,
        };
        states[x].status = to;
        live.set(&r, x, states[x]);
        if step % 50 == 0 {
            let fresh = evaluate(&r, &states);
            assert_eq!(live.eval(), &fresh, "step {step}");
            assert_eq!(
                live.next_steps(&r, now, 20),
                next_steps(&r, &states, &fresh, now, 20)
            );
        }
    }
    assert_eq!(live.eval(), &evaluate(&r, &states));
}

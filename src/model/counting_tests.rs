//! Tests of counting and choices: skipping an option declines it, totals
//! never jump, hours left, the percentage and bar of the first ticks, and
//! reasons that tell suggestions apart.

use super::progress::bar;
use super::*;
use crate::test_support::{now, small, step_id};

fn tui() -> Roadmap {
    load(include_bytes!("../../tests/fixtures/tui.json"), "tui.json").unwrap()
}

fn states(r: &Roadmap, set: &[(&str, Status)]) -> Vec<SkillState> {
    let mut out = vec![SkillState::default(); r.skills.len()];
    for (id, status) in set {
        out[r.skill_index(id).unwrap()].status = *status;
    }
    out
}

fn idx(r: &Roadmap, id: &str) -> usize {
    r.skill_index(id).unwrap()
}

fn reasons(r: &Roadmap, st: &[SkillState]) -> Vec<(String, String)> {
    let e = evaluate(r, st);
    next_steps(r, st, &e, now(), 100)
        .into_iter()
        .map(|s| (step_id(r, s.step), s.reason))
        .collect()
}

fn reason_of(r: &Roadmap, st: &[SkillState], id: &str) -> String {
    reasons(r, st)
        .into_iter()
        .find(|(i, _)| i == id)
        .map_or_else(|| panic!("{id} is not suggested"), |(_, reason)| reason)
}

// ---------- 1. skipping an option declines it ----------

#[test]
fn skipping_an_option_declines_it_and_does_not_satisfy_the_choice() {
    let r = small();
    let st = states(&r, &[("terminal", Status::Done), ("java", Status::Skipped)]);
    let e = evaluate(&r, &st);
    let choice = 0;
    assert!(
        !e.choice_satisfied(&r, choice),
        "not Java is not a language"
    );
    assert!(!e.unlocked[idx(&r, "language-deep")]);
    assert!(
        !e.counted[idx(&r, "java")],
        "a declined option stops counting"
    );
    assert!(e.counted[idx(&r, "python")] && e.counted[idx(&r, "go")]);
    assert_eq!(e.overall.total(), 8, "the total stays");
    assert_eq!(e.overall.finished(), 1, "only the terminal is finished");
    // The choice is still suggested, with the declined option left out.
    assert_eq!(
        reason_of(&r, &st, "backend-language"),
        "2 options, cheapest 40 h"
    );
    let options = crate::model::steps::open_options(&r, &st, &e, choice);
    assert_eq!(options, vec![idx(&r, "python"), idx(&r, "go")]);
}

#[test]
fn marking_an_option_done_picks_it() {
    let r = small();
    let st = states(
        &r,
        &[
            ("terminal", Status::Done),
            ("java", Status::Skipped),
            ("python", Status::Done),
        ],
    );
    let e = evaluate(&r, &st);
    assert!(e.choice_satisfied(&r, 0));
    assert_eq!(e.choice_done(0), 1);
    assert!(e.unlocked[idx(&r, "language-deep")]);
    assert!(e.is_unpicked_alternative(idx(&r, "go")));
    assert_eq!(e.overall.finished(), 2);
}

#[test]
fn declining_every_option_skips_the_choice() {
    let r = small();
    let st = states(
        &r,
        &[
            ("python", Status::Skipped),
            ("go", Status::Skipped),
            ("java", Status::Skipped),
        ],
    );
    let e = evaluate(&r, &st);
    assert!(e.choice_satisfied(&r, 0));
    assert!(
        e.missing(&r, &st, idx(&r, "language-deep"))
            .next()
            .is_none()
    );
    assert_eq!(
        e.overall.skipped, 1,
        "the choice counts as one skipped unit"
    );
    assert_eq!(e.overall.total(), 8);
}

#[test]
fn skipping_an_ordinary_skill_still_satisfies_what_requires_it() {
    let r = small();
    let st = states(&r, &[("internet", Status::Skipped)]);
    let e = evaluate(&r, &st);
    assert!(e.unlocked[idx(&r, "http")]);
    assert_eq!(e.overall.skipped, 1);
}

#[test]
fn marking_the_last_open_option_done_is_credited_with_what_it_unlocks() {
    let r = small();
    let st = states(
        &r,
        &[
            ("terminal", Status::Done),
            ("go", Status::Skipped),
            ("java", Status::Skipped),
        ],
    );
    let e = evaluate(&r, &st);
    assert_eq!(e.unlocks_now[idx(&r, "python")], 1, "language-deep");
    assert_eq!(reason_of(&r, &st, "python"), "the last option left");
}

#[test]
fn a_declined_option_does_not_help_a_pick_two_choice() {
    let r = load(
        br#"{"version": 1, "id": "t", "title": "T", "stages": [{"id": "s", "title": "S", "skills": [
            {"id": "a", "title": "A"}, {"id": "b", "title": "B"}, {"id": "c", "title": "C"},
            {"id": "d", "title": "D", "requires": ["two"]}]}],
          "choices": [{"id": "two", "title": "Two", "pick": 2, "from": ["a", "b", "c"]}]}"#,
        "t.json",
    )
    .unwrap();
    let d = idx(&r, "d");
    let st = states(&r, &[("a", Status::Done), ("b", Status::Skipped)]);
    let e = evaluate(&r, &st);
    assert!(!e.unlocked[d]);
    // c is the last open option: marking it done satisfies the choice.
    assert_eq!(e.unlocks_now[idx(&r, "c")], 1);
    let st = states(
        &r,
        &[
            ("a", Status::Done),
            ("b", Status::Skipped),
            ("c", Status::Skipped),
        ],
    );
    let e = evaluate(&r, &st);
    assert!(e.unlocked[d], "every option finished");
    assert_eq!((e.overall.done, e.overall.skipped), (1, 1));
}

// ---------- 2. totals never jump ----------

#[test]
fn the_total_does_not_change_when_the_learner_picks() {
    let r = tui();
    let before = evaluate(&r, &states(&r, &[])).overall;
    // 20 required skills outside choices + 2 choices of pick one.
    assert_eq!(before.total(), 20);
    for set in [
        vec![("python", Status::Done)],
        vec![("python", Status::Done), ("go", Status::Done)],
        vec![("java", Status::Skipped)],
        vec![("postgres", Status::Doing)],
        vec![("postgres", Status::Skipped), ("mysql", Status::Skipped)],
    ] {
        let e = evaluate(&r, &states(&r, &set));
        assert_eq!(e.overall.total(), 20, "{set:?}");
        let stage_totals: Vec<usize> = e.stages.iter().map(Tally::total).collect();
        let fresh: Vec<usize> = evaluate(&r, &states(&r, &[]))
            .stages
            .iter()
            .map(Tally::total)
            .collect();
        assert_eq!(stage_totals, fresh, "{set:?}");
    }
    // Picking is one step forward, not a jump: 0 → 1 of 20.
    let e = evaluate(&r, &states(&r, &[("python", Status::Done)]));
    assert_eq!(e.overall.finished(), 1);
}

#[test]
fn a_choice_counts_in_the_stage_of_its_first_option() {
    let r = tui();
    let e = evaluate(&r, &states(&r, &[]));
    let languages = r.stage_index("languages").unwrap();
    // python/go/java as one unit, plus language-deep.
    assert_eq!(e.stages[languages].total(), 2);
    assert_eq!(r.choice_stage(0), Some(languages));
}

#[test]
fn doing_an_option_shows_the_choice_as_doing() {
    let r = small();
    let e = evaluate(&r, &states(&r, &[("go", Status::Doing)]));
    assert_eq!(e.overall.doing, 1);
    assert_eq!(e.overall.todo, 7);
}

// ---------- 4. feedback: percentages, bars, hours ----------

#[test]
fn the_first_tick_moves_the_percentage_and_the_bar() {
    let t = Tally {
        done: 1,
        todo: 105,
        ..Tally::default()
    };
    assert_eq!(t.percent_text(), "0.9%");
    assert_ne!(bar(1, 106, 10).0, "");
    let t = Tally {
        done: 10,
        todo: 96,
        ..Tally::default()
    };
    assert_eq!(t.percent_text(), "9.4%");
    let t = Tally {
        done: 12,
        todo: 94,
        ..Tally::default()
    };
    assert_eq!(t.percent_text(), "11%");
    assert_eq!(Tally::default().percent_text(), "100%");
    let t = Tally {
        done: 1,
        todo: 5000,
        ..Tally::default()
    };
    assert_eq!(
        t.percent_text(),
        "0.1%",
        "never 0.0% once something is done"
    );
    let t = Tally {
        done: 999,
        todo: 1,
        ..Tally::default()
    };
    assert_eq!(t.percent_text(), "99%", "only everything is 100%");
}

#[test]
fn the_bar_is_full_only_when_everything_is_finished() {
    assert_eq!(bar(99, 100, 4), ("███▉".to_string(), String::new()));
    assert_eq!(bar(100, 100, 4), ("████".to_string(), String::new()));
    assert_eq!(bar(0, 100, 4), (String::new(), "░░░░".to_string()));
    for finished in 0..=37 {
        let (a, b) = bar(finished, 37, 7);
        assert_eq!(a.chars().count() + b.chars().count(), 7, "{finished}");
    }
}

#[test]
fn hours_left_cover_the_counted_path() {
    let r = small();
    let e = evaluate(&r, &states(&r, &[]));
    // internet 4 + http 6 + terminal 8 + cheapest language 40 +
    // language-deep 80 + rest 10 + auth 8 + jwt 3; trivia is optional.
    assert_eq!(e.overall.hours_left, 159);
    assert_eq!(e.stages[0].hours_left, 18);
    assert_eq!(e.stages[1].hours_left, 120);
    // In progress with Java: the path goes through Java's 60 hours.
    let e = evaluate(&r, &states(&r, &[("java", Status::Doing)]));
    assert_eq!(e.stages[1].hours_left, 140);
    // Picked: the choice costs nothing more.
    let e = evaluate(
        &r,
        &states(&r, &[("go", Status::Done), ("internet", Status::Done)]),
    );
    assert_eq!(e.stages[1].hours_left, 80);
    assert_eq!(e.stages[0].hours_left, 14);
}

#[test]
fn finishing_the_last_skill_of_a_stage_completes_it() {
    let r = small();
    let e = evaluate(
        &r,
        &states(
            &r,
            &[
                ("internet", Status::Done),
                ("http", Status::Done),
                ("terminal", Status::Skipped),
            ],
        ),
    );
    assert!(e.stages[0].is_complete());
    assert!(!e.stages[1].is_complete());
    assert!(!e.overall.is_complete());
}

// ---------- 5. reasons ----------

#[test]
fn reasons_tell_suggestions_apart() {
    let r = tui();
    let st = states(&r, &[]);
    let all = reasons(&r, &st);
    for (id, reason) in &all {
        assert!(
            reason.chars().count() <= MAX_REASON,
            "{id}: {reason} is too long"
        );
        assert_ne!(reason, "prerequisites done");
    }
    // internet unlocks http and dns; terminal the languages and git.
    assert_eq!(reason_of(&r, &st, "internet"), "unlocks 2 skills");
    assert_eq!(reason_of(&r, &st, "terminal"), "unlocks 4 skills");
}

#[test]
fn reasons_name_what_requires_a_skill_and_the_cheapest_option() {
    let r = small();
    // rest needs http and a language: http alone unlocks nothing at once but
    // jwt and rest require it.
    let st = states(
        &r,
        &[("internet", Status::Done), ("terminal", Status::Done)],
    );
    assert_eq!(reason_of(&r, &st, "http"), "required by 2 skills");
    // One entry for the choice: Java costs 60 hours, Python and Go 40.
    assert_eq!(
        reason_of(&r, &st, "backend-language"),
        "3 options, cheapest 40 h"
    );
    // One skill left that needs http, and it needs auth as well.
    let st = states(
        &r,
        &[
            ("internet", Status::Done),
            ("terminal", Status::Done),
            ("rest", Status::Done),
        ],
    );
    assert_eq!(reason_of(&r, &st, "http"), "required by JWT");
    // Nothing else to say: it is the next one in its stage.
    let st = states(&r, &[("go", Status::Done)]);
    assert_eq!(reason_of(&r, &st, "trivia"), "next in Basics · optional");
}

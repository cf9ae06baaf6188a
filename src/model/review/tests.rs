//! Reviews and time entries as profile data: recorded with the time rule,
//! read back with unknown fields, merged by union.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::model::{Status, load};

pub(super) const SMALL: &str = include_str!("../../../tests/fixtures/small.json");

pub(super) fn small() -> Roadmap {
    load(SMALL.as_bytes(), "small").unwrap()
}

pub(super) fn t(day: i64, hour: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap() + Duration::days(day) + Duration::hours(hour)
}

#[test]
fn grades_read_as_words_or_numbers() {
    for (text, grade) in [
        ("again", Grade::Again),
        ("HARD", Grade::Hard),
        (" good ", Grade::Good),
        ("Easy", Grade::Easy),
        ("1", Grade::Again),
        ("4", Grade::Easy),
    ] {
        assert_eq!(Grade::parse(text), Some(grade), "{text}");
    }
    for bad in ["", "0", "5", "ok", "g", "good!"] {
        assert_eq!(Grade::parse(bad), None, "{bad}");
    }
    assert!(Grade::Again < Grade::Easy);
}

#[test]
fn only_done_skills_are_reviewed_and_a_review_counts_after_the_done_mark() {
    let r = small();
    let i = r.skill_index("internet").unwrap();
    let mut p = Profile::default();
    assert_eq!(
        p.record_review(&r, i, Grade::Good, t(0, 0)),
        Err(NotReviewed::NotDone(Status::Todo))
    );
    p.set_status(&r, i, Status::Done, t(5, 0));
    // A clock behind the done mark still stamps the review after it.
    let at = p.record_review(&r, i, Grade::Good, t(1, 0)).unwrap();
    assert!(at > t(5, 0), "{at}");
    let again = p.record_review(&r, i, Grade::Again, t(1, 0)).unwrap();
    assert!(again > at);
    assert_eq!(p.reviews(&r, i).len(), 2);
    p.set_status(&r, i, Status::Todo, t(6, 0));
    assert_eq!(
        p.record_review(&r, i, Grade::Good, t(7, 0)),
        Err(NotReviewed::NotDone(Status::Todo))
    );
    // A reset keeps the history.
    assert_eq!(p.reviews(&r, i).len(), 2);
}

#[test]
fn time_is_logged_on_any_skill_and_can_be_taken_back() {
    let r = small();
    let i = r.skill_index("terminal").unwrap();
    let mut p = Profile::default();
    assert!(p.log_spent(&r, i, 45, t(0, 9)).is_some());
    assert!(p.log_spent(&r, i, 90, t(0, 9)).is_some());
    assert!(p.log_spent(&r, i, 0, t(0, 9)).is_none());
    assert_eq!(p.minutes_spent(&r, i), 135);
    p.log_spent(&r, i, -200, t(0, 10));
    assert_eq!(p.minutes_spent(&r, i), 0, "never below zero");
    let stamps: Vec<_> = p.spent(&r, i).iter().map(|s| s.at).collect();
    assert!(stamps.windows(2).all(|w| w[0] < w[1]), "{stamps:?}");
}

#[test]
fn events_round_trip_through_the_file_with_unknown_fields_in_time_order() {
    let text = r#"{"version":1,"roadmaps":{"small":{"skills":{},
        "reviews":{"internet":[{"at":"2026-03-05T10:00:00Z","grade":"good","device":"laptop"},
                               {"at":"2026-03-02T10:00:00Z","grade":"again"},
                               {"at":"2026-03-02T10:00:00Z","grade":"again"}]},
        "spent":{"internet":[{"at":"2026-03-01T10:00:00Z","minutes":45,"why":{"k":[1,2.50]}}]},
        "x-new":{"a":1}}}}"#;
    let p: Profile = serde_json::from_str(text).unwrap();
    let progress = &p.roadmaps["small"];
    let reviews = &progress.reviews["internet"];
    assert_eq!(reviews.len(), 2, "duplicates read once");
    assert_eq!(reviews[0].grade, Grade::Again, "time order");
    assert_eq!(reviews[1].unknown.get("device"), Some("\"laptop\""));
    assert_eq!(
        progress.spent["internet"][0].unknown.get("why"),
        Some(r#"{"k":[1,2.50]}"#)
    );
    let back: Profile = serde_json::from_slice(&serde_json::to_vec(&p).unwrap()).unwrap();
    assert_eq!(back, p);
    let written = serde_json::to_string(&p).unwrap();
    assert!(written.contains(r#""device":"laptop""#), "{written}");
    assert!(written.contains("2.50"), "{written}");
}

#[test]
fn a_profile_without_events_writes_none() {
    let r = small();
    let mut p = Profile::default();
    p.set_status(&r, 0, Status::Done, t(0, 0));
    let written = serde_json::to_string(&p).unwrap();
    assert!(
        !written.contains("reviews") && !written.contains("spent"),
        "{written}"
    );
}

#[test]
fn events_written_twice_or_malformed_are_refused() {
    for (text, wanted) in [
        (
            r#"{"version":1,"roadmaps":{"small":{"skills":{},"reviews":{"a":[],"a":[]}}}}"#,
            "written twice",
        ),
        (
            r#"{"version":1,"roadmaps":{"small":{"skills":{},"reviews":{"a":[{"at":"2026-03-01T00:00:00Z","grade":"good","grade":"easy"}]}}}}"#,
            "duplicate field",
        ),
        (
            r#"{"version":1,"roadmaps":{"small":{"skills":{},"reviews":{"a":[{"at":"2026-03-01T00:00:00Z","grade":"meh"}]}}}}"#,
            "unknown variant",
        ),
        (
            r#"{"version":1,"roadmaps":{"small":{"skills":{},"spent":{"a":[{"at":"2026-03-01T00:00:00Z"}]}}}}"#,
            "missing field",
        ),
    ] {
        let e = serde_json::from_str::<Profile>(text)
            .unwrap_err()
            .to_string();
        assert!(e.contains(wanted), "{text}: {e}");
    }
}

#[test]
fn merging_is_the_union_of_the_events() {
    let r = small();
    let i = r.skill_index("internet").unwrap();
    let mut base = Profile::default();
    base.set_status(&r, i, Status::Done, t(0, 0));
    base.record_review(&r, i, Grade::Good, t(2, 0)).unwrap();
    let (mut a, mut b) = (base.clone(), base.clone());
    a.record_review(&r, i, Grade::Hard, t(9, 0)).unwrap();
    a.log_spent(&r, i, 30, t(9, 0));
    b.record_review(&r, i, Grade::Easy, t(9, 0)).unwrap();
    b.log_spent(&r, i, 30, t(9, 0));
    let mut ab = a.clone();
    crate::store::merge::merge(&mut ab, &b);
    let mut ba = b.clone();
    crate::store::merge::merge(&mut ba, &a);
    assert_eq!(ab, ba);
    let grades: Vec<Grade> = ab.reviews(&r, i).iter().map(|r| r.grade).collect();
    assert_eq!(grades, [Grade::Good, Grade::Hard, Grade::Easy]);
    // Two entries of 30 minutes made on two machines at the same moment
    // are the same event (identical in every field): kept once.
    assert_eq!(ab.minutes_spent(&r, i), 30);
    let mut again = ab.clone();
    crate::store::merge::merge(&mut again, &a);
    assert_eq!(again, ab, "merging again changes nothing");
}

#[test]
fn events_under_an_earlier_id_count_for_the_skill() {
    let mut json: serde_json::Value = serde_json::from_str(SMALL).unwrap();
    // trivia: no skill requires it.
    let skill = &mut json["stages"][0]["skills"][3];
    let old = skill["id"].as_str().unwrap().to_string();
    skill["id"] = "renamed".into();
    skill["aliases"] = serde_json::json!([old.clone()]);
    let renamed = load(json.to_string().as_bytes(), "renamed").unwrap();
    let r = small();
    let i = r.skill_index(&old).unwrap();
    let mut p = Profile::default();
    p.set_status(&r, i, Status::Done, t(0, 0));
    p.record_review(&r, i, Grade::Good, t(3, 0)).unwrap();
    p.log_spent(&r, i, 20, t(3, 0));
    let j = renamed.skill_index("renamed").unwrap();
    assert_eq!(p.reviews(&renamed, j).len(), 1);
    p.record_review(&renamed, j, Grade::Easy, t(9, 0)).unwrap();
    p.log_spent(&renamed, j, 10, t(9, 0));
    assert_eq!(p.reviews(&renamed, j).len(), 2, "both ids' reviews");
    assert_eq!(p.minutes_spent(&renamed, j), 30);
    assert!(p.roadmaps["small"].reviews.contains_key("renamed"));
}

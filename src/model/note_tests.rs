//! Note edits and merging: nothing a learner typed is ever lost.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::test_support::small;

fn t(s: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap() + Duration::seconds(s)
}

/// An editor's save over the version stamped `base`, whose text was
/// `base_text`.
fn replace_over(base: Option<DateTime<Utc>>, base_text: &str, text: &str) -> NoteEdit {
    NoteEdit::Replace {
        base,
        base_text: base_text.to_string(),
        text: text.to_string(),
        origin: "this window".to_string(),
    }
}

fn replace(base: Option<DateTime<Utc>>, text: &str) -> NoteEdit {
    replace_over(base, "", text)
}

fn text(p: &Profile, r: &Roadmap, i: usize) -> String {
    p.note(r, i).map(|n| n.text.clone()).unwrap_or_default()
}

#[test]
fn an_edit_over_the_stored_version_replaces_it() {
    let r = small();
    let mut p = Profile::default();
    assert_eq!(
        p.edit_note(&r, 0, &replace(None, "first"), t(0)),
        NoteSaved::Saved
    );
    let base = p.note(&r, 0).map(|n| n.at);
    assert_eq!(
        p.edit_note(&r, 0, &replace(base, "second"), t(1)),
        NoteSaved::Saved
    );
    assert_eq!(text(&p, &r, 0), "second");
    assert_eq!(p.note(&r, 0).unwrap().base, base);
}

#[test]
fn two_edits_of_the_same_version_keep_both() {
    let r = small();
    let mut p = Profile::default();
    p.edit_note(&r, 0, &replace(None, "start"), t(0));
    let base = p.note(&r, 0).map(|n| n.at);
    // Two editors opened the same version; the first saves, then the second.
    p.edit_note(
        &r,
        0,
        &replace_over(base, "start", "mine from the CLI"),
        t(5),
    );
    let outcome = p.edit_note(
        &r,
        0,
        &replace_over(base, "start", "mine from the window"),
        t(6),
    );
    assert_eq!(outcome, NoteSaved::Conflict { other: t(5) });
    let note = text(&p, &r, 0);
    let (cli, window) = (
        note.find("mine from the CLI"),
        note.find("mine from the window"),
    );
    assert!(cli.is_some() && window.is_some() && cli < window, "{note}");
    assert!(note.starts_with(CONFLICT_MARK), "{note}");
    assert!(note.contains("this window"), "where it came from: {note}");
    assert!(p.note(&r, 0).unwrap().has_conflict());
}

#[test]
fn changes_to_different_lines_are_merged_without_markers() {
    let r = small();
    let mut p = Profile::default();
    let start = "# Plan\nread the RFC\nbuild a server";
    p.edit_note(&r, 0, &replace(None, start), t(0));
    let base = p.note(&r, 0).map(|n| n.at);
    p.edit_note(&r, 0, &NoteEdit::Append("added elsewhere".into()), t(1));
    let outcome = p.edit_note(
        &r,
        0,
        &replace_over(base, start, "# Plan\nread the RFC twice\nbuild a server"),
        t(2),
    );
    assert_eq!(outcome, NoteSaved::Merged { other: t(1) });
    assert_eq!(
        text(&p, &r, 0),
        "# Plan\nread the RFC twice\nbuild a server\n\nadded elsewhere"
    );
    // Changes with an unchanged line between them merge; changes that
    // meet are one stretch, as git has it: both versions of it are kept.
    let base = p.note(&r, 0).map(|n| n.at);
    let now = text(&p, &r, 0);
    p.edit_note(
        &r,
        0,
        &replace_over(
            base,
            &now,
            &now.replace("build a server", "build a big server"),
        ),
        t(3),
    );
    let outcome = p.edit_note(
        &r,
        0,
        &replace_over(base, &now, &now.replace("# Plan", "# My plan")),
        t(4),
    );
    assert_eq!(outcome, NoteSaved::Merged { other: t(3) });
    let outcome = p.edit_note(
        &r,
        0,
        &replace_over(
            base,
            &now,
            &now.replace("\n\nadded elsewhere", "\nadded here"),
        ),
        t(5),
    );
    assert_eq!(outcome, NoteSaved::Conflict { other: t(4) });
}

#[test]
fn a_conflict_keeps_what_both_hold_once_and_only_the_lines_both_changed_twice() {
    let r = small();
    let mut p = Profile::default();
    let start = "# Plan\nread the RFC\nbuild a server\nwrite tests";
    p.edit_note(&r, 0, &replace(None, start), t(0));
    let base = p.note(&r, 0).map(|n| n.at);
    let theirs = "# Plan\nread the RFC\nbuild a tiny server\nwrite tests";
    p.edit_note(&r, 0, &replace_over(base, start, theirs), t(1));
    let ours = "# Plan!\nread the RFC\nbuild a server in Go\nwrite tests";
    let outcome = p.edit_note(&r, 0, &replace_over(base, start, ours), t(2));
    assert_eq!(outcome, NoteSaved::Conflict { other: t(1) });
    let note = text(&p, &r, 0);
    let l: Vec<&str> = note.lines().collect();
    assert_eq!(l[0], "# Plan!", "a change of ours alone is taken: {note}");
    assert_eq!(l[1], "read the RFC");
    assert!(l[2].starts_with(CONFLICT_MARK), "{note}");
    assert_eq!(l[3], "build a tiny server");
    assert!(l[4].starts_with(CONFLICT_START) && l[4].contains("this window"));
    assert_eq!(l[5], "build a server in Go");
    assert!(l[6].starts_with(CONFLICT_START));
    assert_eq!(l[7], "write tests");
    assert_eq!(l.len(), 8, "{note}");
    // The same save again (a retry) changes nothing.
    let again = p.edit_note(&r, 0, &replace_over(base, start, ours), t(3));
    assert_eq!(again, NoteSaved::Unchanged);
    assert_eq!(text(&p, &r, 0), note);
}

#[test]
fn appending_adds_a_paragraph_to_what_is_stored() {
    let r = small();
    let mut p = Profile::default();
    p.edit_note(&r, 1, &NoteEdit::Append("one".into()), t(0));
    p.edit_note(&r, 1, &NoteEdit::Append("two\n".into()), t(1));
    assert_eq!(text(&p, &r, 1), "one\n\ntwo");
    assert_eq!(
        p.edit_note(&r, 1, &NoteEdit::Append("  ".into()), t(2)),
        NoteSaved::Unchanged
    );
}

#[test]
fn clearing_leaves_a_stamped_empty_note() {
    let r = small();
    let mut p = Profile::default();
    p.edit_note(&r, 0, &NoteEdit::Append("gone soon".into()), t(0));
    assert_eq!(p.edit_note(&r, 0, &NoteEdit::Clear, t(1)), NoteSaved::Saved);
    assert!(p.note(&r, 0).is_none());
    let stored = p.stored_note(&r, 0).unwrap();
    assert_eq!((stored.text.as_str(), stored.base), ("", Some(t(0))));
    assert_eq!(
        p.edit_note(&r, 0, &NoteEdit::Clear, t(2)),
        NoteSaved::Unchanged
    );
}

#[test]
fn stamps_never_run_backwards() {
    let r = small();
    let mut p = Profile::default();
    p.edit_note(&r, 0, &NoteEdit::Append("a".into()), t(100));
    // A clock stepped back an hour.
    p.edit_note(&r, 0, &NoteEdit::Append("b".into()), t(-3600));
    assert!(p.note(&r, 0).unwrap().at > t(100));
}

fn note(text: &str, at: i64, base: Option<i64>) -> Note {
    Note::new(text.to_string(), t(at), base.map(t))
}

#[test]
fn merging_a_later_edit_of_the_same_note_keeps_the_later() {
    let old = note("draft", 0, None);
    let new = note("final", 5, Some(0));
    assert_eq!(merge_note(&old, &new), new);
    assert_eq!(merge_note(&new, &old), new);
    // An append holds the older text: no conflict.
    let appended = note("draft\n\nmore", 5, None);
    assert_eq!(merge_note(&old, &appended), appended);
}

#[test]
fn merging_concurrent_versions_keeps_both_whatever_the_order() {
    let a = note("written on the laptop", 5, Some(0));
    let b = note("written in the other window", 7, Some(0));
    let m = merge_note(&a, &b);
    assert_eq!(m, merge_note(&b, &a));
    let (laptop, window) = (
        m.text.find("written on the laptop"),
        m.text.find("written in the other window"),
    );
    assert!(
        laptop.is_some() && laptop < window,
        "the older first: {}",
        m.text
    );
    assert!(m.text.starts_with(CONFLICT_MARK), "{}", m.text);
    assert!(m.has_conflict());
    assert!(m.at > b.at);
    // Merging the result again with either side changes nothing.
    assert_eq!(merge_note(&m, &a), m);
    assert_eq!(merge_note(&b, &m), m);
    assert_eq!(merge_note(&m, &m), m);
}

#[test]
fn a_clear_wins_only_over_the_version_it_cleared() {
    let kept = note("keep me", 3, None);
    let clear = note("", 5, Some(3));
    assert!(merge_note(&kept, &clear).text.is_empty());
    // A clear of an older version does not drop text it never saw.
    let other = note("written meanwhile", 4, Some(0));
    let clear_old = note("", 5, Some(0));
    assert_eq!(merge_note(&other, &clear_old).text, "written meanwhile");
}

#[test]
fn notes_of_different_skills_merge_side_by_side() {
    let mut ours = BTreeMap::from([("a".to_string(), note("on a", 1, None))]);
    let theirs = BTreeMap::from([("b".to_string(), note("on b", 2, None))]);
    merge_notes(&mut ours, &theirs);
    assert_eq!(ours["a"].text, "on a");
    assert_eq!(ours["b"].text, "on b");
}

#[test]
fn notes_survive_a_round_trip_with_unknown_fields() {
    let json = r#"{"version":1,"roadmaps":{"test":{"skills":{},"notes":{"a":{"text":"hi","at":"2026-11-25T12:00:00Z","color":"red"}},"finish_by":{"date":"2027-06-30","at":"2026-11-25T12:00:00Z"}}}}"#;
    let p: Profile = serde_json::from_str(json).unwrap();
    assert_eq!(p.roadmaps["test"].notes["a"].text, "hi");
    assert_eq!(
        p.goal("test").map(|d| d.to_string()).as_deref(),
        Some("2027-06-30")
    );
    let back = serde_json::to_string(&p).unwrap();
    assert!(back.contains(r#""color":"red""#), "{back}");
    let twice = r#"{"version":1,"roadmaps":{"t":{"notes":{"a":{"text":"x","at":"2026-11-25T12:00:00Z"},"a":{"text":"y","at":"2026-11-25T12:00:00Z"}}}}}"#;
    let err = serde_json::from_str::<Profile>(twice)
        .unwrap_err()
        .to_string();
    assert!(err.contains("'a'"), "{err}");
}

proptest::proptest! {
    /// Any two versions: merging is commutative, absorbs either side, and
    /// keeps the text of every version that was not written over.
    #[test]
    fn merging_two_versions_loses_no_text(
        a_text in proptest::sample::select(vec!["", "alpha", "beta", "alpha\n\nmore", "gamma"]),
        b_text in proptest::sample::select(vec!["", "alpha", "beta", "alpha\n\nmore", "delta"]),
        a_at in 0i64..5, b_at in 0i64..5,
        a_base in proptest::option::of(0i64..5), b_base in proptest::option::of(0i64..5),
    ) {
        let a = note(a_text, a_at, a_base);
        let b = note(b_text, b_at, b_base);
        let m = merge_note(&a, &b);
        proptest::prop_assert_eq!(&m, &merge_note(&b, &a));
        proptest::prop_assert_eq!(&merge_note(&m, &a), &m);
        proptest::prop_assert_eq!(&merge_note(&m, &b), &m);
        for (side, other) in [(&a, &b), (&b, &a)] {
            let written_over = (other.at, &other.text, other.base) > (side.at, &side.text, side.base)
                && other.base == Some(side.at);
            if !written_over {
                proptest::prop_assert!(
                    merge::holds(&merge::lines(&m.text), &merge::lines(&side.text)),
                    "{:?} lost in {:?}", side.text, m.text
                );
            }
        }
    }
}

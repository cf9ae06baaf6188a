//! Issue 17, item 1, the note-merge bound, for any sequence of concurrent
//! edits: editors open the note (each keeping the version it opened),
//! insert and delete lines, and save over that stale version while others
//! save and append meanwhile. Every line is written once (unique text),
//! so the rule reads: the merged note holds every line any side wrote and
//! nobody deleted, and no line more often than the sides together held it
//! (here: once); the only lines a merge adds are three marked lines per
//! stretch both changed, and saving the same edit again changes nothing.
//! Before, each conflict copied both whole texts: two stale editors made
//! a 1.37 MB note in 18 one-line saves.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use roadmap::model::note::{CONFLICT_START, merge::lines};
use roadmap::model::{NoteEdit, Profile, Roadmap};

fn roadmap() -> Roadmap {
    let bytes = std::fs::read(crate::common::small_roadmap()).unwrap();
    roadmap::model::load(&bytes, "small").unwrap()
}

#[derive(Debug, Clone)]
enum Op {
    /// Editor `e` opens the note (closing what it had open).
    Open(usize),
    /// Editor `e` types a new line at a place.
    Insert(usize, usize),
    /// Editor `e` deletes a line.
    Delete(usize, usize),
    /// Editor `e` saves what it has over the version it opened.
    Save(usize),
    /// `roadmap note -m`: a paragraph added to what is stored.
    Append,
}

fn arb_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (0usize..3).prop_map(Op::Open),
        4 => (0usize..3, any::<usize>()).prop_map(|(e, at)| Op::Insert(e, at)),
        1 => (0usize..3, any::<usize>()).prop_map(|(e, at)| Op::Delete(e, at)),
        3 => (0usize..3).prop_map(Op::Save),
        1 => Just(Op::Append),
    ]
}

/// An editor with the version it opened and what it has typed since.
struct Open {
    base: Option<DateTime<Utc>>,
    base_text: String,
    lines: Vec<String>,
}

fn stored(p: &Profile, r: &Roadmap) -> (Option<DateTime<Utc>>, String) {
    let note = p.stored_note(r, 0);
    (
        note.map(|n| n.at),
        note.map(|n| n.text.clone()).unwrap_or_default(),
    )
}

fn is_marker(line: &str) -> bool {
    line.starts_with(CONFLICT_START)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn concurrent_edits_keep_every_line_once_and_converge(ops in prop::collection::vec(arb_op(), 1..60)) {
        let r = roadmap();
        let mut p = Profile::default();
        let mut now = DateTime::UNIX_EPOCH + Duration::days(20_000);
        let mut editors: Vec<Option<Open>> = vec![None, None, None];
        let mut written = 0usize;
        let mut deleted = BTreeSet::new();
        let mut appends = 0usize;
        for op in ops {
            now += Duration::seconds(1);
            match op {
                Op::Open(e) => {
                    let (base, base_text) = stored(&p, &r);
                    let lines = lines(&base_text).into_iter().map(str::to_string).collect();
                    editors[e] = Some(Open { base, base_text, lines });
                }
                Op::Insert(e, at) => {
                    if let Some(ed) = &mut editors[e] {
                        written += 1;
                        let at = at % (ed.lines.len() + 1);
                        ed.lines.insert(at, format!("line {written} by editor {e}"));
                    }
                }
                Op::Delete(e, at) => {
                    if let Some(ed) = &mut editors[e] && !ed.lines.is_empty() {
                        let gone = ed.lines.remove(at % ed.lines.len());
                        deleted.insert(gone);
                    }
                }
                Op::Save(e) => {
                    let Some(ed) = editors[e].take() else { continue };
                    let edit = NoteEdit::Replace {
                        base: ed.base,
                        base_text: ed.base_text,
                        text: ed.lines.join("\n"),
                        origin: format!("editor {e}"),
                    };
                    let th = stored(&p, &r).1;
                    let outc = p.edit_note(&r, 0, &edit, now);
                    if std::env::var("DEBUGNOTE").is_ok() { eprintln!("SAVE e{e} {outc:?}\nBASE {:?}\nTHEIRS {th:?}\nOURS {:?}\nRESULT {:?}\n", if let NoteEdit::Replace{base_text,..}=&edit {base_text.clone()} else {String::new()}, if let NoteEdit::Replace{text,..}=&edit {text.clone()} else {String::new()}, stored(&p,&r).1); }
                    // Saving the same edit again and again (retries) adds no
                    // line anyone wrote, and converges: by the second retry
                    // the note no longer changes.
                    let written = |text: &str| {
                        let mut w: Vec<String> = lines(text)
                            .into_iter()
                            .filter(|l| !l.is_empty() && !is_marker(l))
                            .map(str::to_string)
                            .collect();
                        w.sort();
                        w
                    };
                    let first = stored(&p, &r).1;
                    let mut last = first.clone();
                    for retry in 0..3 {
                        now += Duration::seconds(1);
                        p.edit_note(&r, 0, &edit, now);
                        let after = stored(&p, &r).1;
                        prop_assert_eq!(written(&after), written(&first), "retry {} changed the written lines", retry);
                        if retry == 2 {
                            prop_assert_eq!(&after, &last, "retries do not converge");
                        }
                        last = after;
                    }
                }
                Op::Append => {
                    written += 1;
                    appends += 1;
                    p.edit_note(&r, 0, &NoteEdit::Append(format!("line {written} appended")), now);
                }
            }
        }
        let text = stored(&p, &r).1;
        let all = lines(&text);
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for l in &all {
            *counts.entry(l).or_default() += 1;
        }
        let markers = all.iter().filter(|l| is_marker(l)).count();
        let blank = all.iter().filter(|l| l.is_empty()).count();
        for (line, n) in &counts {
            if is_marker(line) || line.is_empty() {
                continue;
            }
            prop_assert!(line.starts_with("line "), "{:?} was never written", line);
            prop_assert_eq!(*n, 1, "{:?} is there {} times:\n{}", line, n, text);
        }
        // Every line written that nobody deleted is there (once, above).
        for n in 1..=written {
            let appended = format!("line {n} appended");
            let typed: Vec<String> = (0..3).map(|e| format!("line {n} by editor {e}")).collect();
            let candidates: Vec<&String> = std::iter::once(&appended).chain(typed.iter()).collect();
            let kept = candidates.iter().any(|c| counts.contains_key(c.as_str()));
            let dropped = candidates.iter().any(|c| deleted.contains(*c));
            let never_saved = !kept && !dropped;
            // A line typed in an editor that never saved is nobody's text.
            if !never_saved {
                prop_assert!(kept || dropped, "line {} lost", n);
            }
        }
        prop_assert!(markers <= 3 * written, "{} marked lines for {} lines written", markers, written);
        prop_assert!(blank <= appends, "{} blank lines for {} appends", blank, appends);
    }
}

/// The case of the issue: two editors, each left open while the other
/// saves, saving one line each time, 18 times. Before: 12,540 marker lines
/// and 1.37 MB. Now the note grows by the lines typed and three marked
/// lines a save.
#[test]
fn two_stale_editors_saving_in_turn_grow_the_note_linearly() {
    let r = roadmap();
    let mut p = Profile::default();
    let mut now = DateTime::UNIX_EPOCH + Duration::days(20_000);
    p.edit_note(&r, 0, &NoteEdit::Append("start".into()), now);
    let mut open: Vec<(Option<DateTime<Utc>>, String)> = vec![stored(&p, &r), stored(&p, &r)];
    for save in 0..18 {
        now += Duration::seconds(1);
        let e = save % 2;
        let (base, base_text) = open[e].clone();
        let text = format!("{base_text}\nsave {save} from editor {e}");
        p.edit_note(
            &r,
            0,
            &NoteEdit::Replace {
                base,
                base_text,
                text,
                origin: format!("editor {e}"),
            },
            now,
        );
        // This editor opens the note again; the other one stays stale.
        open[e] = stored(&p, &r);
    }
    let text = stored(&p, &r).1;
    let all = lines(&text);
    for save in 0..18 {
        let line = format!("save {save} from editor {}", save % 2);
        assert_eq!(all.iter().filter(|l| **l == line).count(), 1, "{text}");
    }
    assert_eq!(all.iter().filter(|l| **l == "start").count(), 1);
    let markers = all.iter().filter(|l| is_marker(l)).count();
    assert!(markers <= 3 * 18, "{markers} marked lines");
    assert!(text.len() < 18 * 400, "{} bytes:\n{text}", text.len());
    eprintln!(
        "two stale editors, 18 saves: {} bytes, {markers} marked lines",
        text.len()
    );
}

//! Any three texts as the version an editor opened, the version saved
//! meanwhile and the editor's: the line merge of notes never panics,
//! keeps every line of both versions when there is no common one, takes
//! one version alone when the other did not change, and merging again
//! with a version it holds changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use roadmap::model::note::merge::{Markers, holds, lines, merge2, merge3};

fn markers() -> Markers {
    Markers {
        start: "===== roadmap kept both versions (#{n}) =====".to_string(),
        middle: "===== roadmap (#{n}) then =====".to_string(),
        end: "===== roadmap (#{n}) end =====".to_string(),
    }
}

fn written(text: &str) -> Vec<&str> {
    lines(text)
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(3, '\u{0}');
    let (base, theirs, ours) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    let m = markers();
    let merged = merge3(base, theirs, ours, &m);
    if base == theirs {
        assert_eq!(merged.text, ours);
    }
    if base == ours {
        assert_eq!(merged.text, theirs);
    }
    let both = merge2(theirs, ours, &m);
    let all = written(&both.text);
    assert!(holds(&all, &written(theirs)), "{theirs:?} lost in {:?}", both.text);
    assert!(holds(&all, &written(ours)), "{ours:?} lost in {:?}", both.text);
    // Merged again with either version: nothing to add.
    assert_eq!(merge2(&both.text, ours, &m).text, both.text);
});

//! Invisible characters (zero-width, soft hyphen, tags, Hangul fillers,
//! every format character) never reach the terminal: they are removed
//! from what is shown, line separators become breaks, and a URL or a title
//! made of them is refused (tests/fixtures/hostile/invisible*.json).

use roadmap::model::text::is_invisible;

use crate::common::{Env, failure, hostile};

fn assert_nothing_invisible(s: &str) {
    let bad: Vec<String> = s
        .chars()
        .filter(|&c| is_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}'))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    assert!(bad.is_empty(), "invisible characters {bad:?} in {s:?}");
}

#[test]
fn invisible_characters_are_removed_from_everything_shown() {
    let env = Env::new();
    let roadmap = hostile("invisible.json");
    for args in [
        &["status"][..],
        &["status", "--json"],
        &["list"],
        &["list", "--json"],
        &["show", "a"],
        &["show", "a", "--json"],
        &["show", "b"],
        &["next"],
        &["validate"],
    ] {
        let out = env.ok(&roadmap, args);
        assert_nothing_invisible(&out);
    }
    let status = env.ok(&roadmap, &["status"]);
    assert!(status.starts_with("Paypal roadmap two"), "{status}");
    let show = env.ok(&roadmap, &["show", "a"]);
    assert!(show.contains("Paypal"), "{show}");
    assert!(show.contains("Resource"), "{show}");
    // Found by what it shows.
    let list = env.ok(&roadmap, &["list"]);
    assert!(list.contains("Paypal"), "{list}");
}

#[test]
fn a_url_or_a_title_made_of_invisible_characters_is_refused() {
    let env = Env::new();
    let path = hostile("invisible-url.json");
    let err = failure(
        &env.cmd().arg("validate").arg(&path).output().unwrap(),
        &["invisible-url.json"],
    );
    assert_nothing_invisible(&err);
    assert!(err.contains("skill 'a' has an empty title"), "{err}");
    assert!(
        err.contains(
            "has resource URL 'https://pay<U+200B>pal.com/login', which is not an http(s) URL"
        ),
        "the URL refused, with what is hidden in it shown: {err}"
    );
}

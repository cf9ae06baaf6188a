//! Issue 18 item 18: a roadmap in use that stops loading says how to get
//! back; `roadmap use` with an unknown id talks about ids, not files.

use crate::common::{Env, small_json, texts};

#[test]
fn a_broken_roadmap_in_use_says_how_to_get_back_everywhere() {
    let env = Env::new();
    let file = env.write("mine.json", &small_json().to_string());
    env.bare().arg("use").arg(&file).assert().success();
    env.bare().args(["done", "http"]).assert().success();
    // The file breaks.
    std::fs::write(&file, "{ \"version\": 1, ").unwrap();
    for args in [
        &["status"][..],
        &["done", "internet"],
        &["validate"],
        &["next"],
    ] {
        let out = env.bare().args(args).assert().code(1);
        let (_, err) = texts(&out);
        assert!(err.contains("mine.json"), "{args:?}: {err}");
        assert!(err.contains("`roadmap use builtin`"), "{args:?}: {err}");
    }
    let out = env.bare().arg("roadmaps").assert().success();
    let (text, _) = texts(&out);
    assert!(text.contains("cannot be loaded"), "{text}");
    assert!(text.contains("`roadmap use builtin`"), "{text}");
    // And the way back works.
    env.bare().args(["use", "builtin"]).assert().success();
    env.bare().arg("status").assert().success();
}

#[test]
fn use_with_an_unknown_id_names_the_library_and_suggests() {
    let env = Env::new();
    let api =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/api.json");
    env.bare().arg("import").arg(&api).assert().success();
    let out = env.bare().args(["use", "tea-brew"]).assert().code(1);
    let (_, err) = texts(&out);
    assert!(
        err.contains("no roadmap with id 'tea-brew' in your library (did you mean 'tea-brewing'?)"),
        "{err}"
    );
    assert!(err.contains("`roadmap import FILE`"), "{err}");
    assert!(!err.contains("cannot read the file"), "{err}");
    assert!(!err.contains("os error"), "{err}");
}

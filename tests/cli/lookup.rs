//! Issue 18 items 7 and 19: choices and stages are found like skills
//! (case, `_`/`-`, a beginning, did-you-mean), stages also by title.

use crate::common::{Env, texts};

#[test]
fn choice_ids_are_folded_like_skill_ids_and_suggested() {
    let env = Env::new();
    for typed in ["Backend-Language", "backend_language", "backend-lang"] {
        let out = env.bare().args(["show", typed]).assert().success();
        let (text, _) = texts(&out);
        assert!(text.contains("(backend-language)"), "{typed}: {text}");
    }
    let out = env
        .bare()
        .args(["show", "backend-langauge"])
        .assert()
        .code(1);
    let (_, err) = texts(&out);
    assert!(
        err.contains(
            "unknown skill or choice 'backend-langauge' (did you mean 'backend-language'?)"
        ),
        "{err}"
    );
    // A status command on a choice says what it is, however it is typed.
    let out = env
        .bare()
        .args(["done", "Backend_Language"])
        .assert()
        .code(1);
    let (_, err) = texts(&out);
    assert!(err.contains("is a choice"), "{err}");
    // An ambiguous beginning lists what it could be.
    let out = env.bare().args(["done", "auth"]).assert().code(1);
    let (_, err) = texts(&out);
    assert!(err.contains("'auth' could be "), "{err}");
    for id in ["authentication", "authorization", "auth-system-project"] {
        assert!(err.contains(id), "{err}");
    }
    assert!(!env.profile_file("default").exists(), "nothing was changed");
}

#[test]
fn list_stage_takes_ids_and_titles_folded_and_suggests() {
    let env = Env::new();
    let by_id = env.bare().args(["list", "--stage", "programming"]).assert();
    let (by_title, _) = texts(&by_id.success());
    for typed in ["Programming", "PROGRAMMING", "program"] {
        let out = env
            .bare()
            .args(["list", "--stage", typed])
            .assert()
            .success();
        assert_eq!(texts(&out).0, by_title, "{typed}");
    }
    // A title with punctuation, typed loosely.
    let apis = env
        .bare()
        .args(["list", "--stage", "teamwork and delivery"])
        .assert()
        .success();
    assert!(!texts(&apis).0.is_empty());
    let out = env
        .bare()
        .args(["list", "--stage", "programing"])
        .assert()
        .code(1);
    let (_, err) = texts(&out);
    assert!(err.contains("(did you mean '"), "{err}");
    assert!(err.contains("stages of this roadmap: "), "{err}");
}

#[test]
fn show_completes_choice_ids() {
    let env = Env::new();
    let out = env
        .bare()
        .env("ROADMAP_COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .env("_CLAP_IFS", "\n")
        .args(["--", "roadmap", "show", "backend-l"])
        .assert()
        .success();
    let (text, _) = texts(&out);
    assert!(text.contains("backend-language"), "{text}");
}

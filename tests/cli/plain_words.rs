//! Issue 18 item 8 (and the editor hint of item 19): outside `validate`
//! too, every message is in a user's words, names the file (with its line
//! where there is one) and a real path, never a temporary one.

use std::os::unix::fs::PermissionsExt;

use crate::common::{Env, texts};

/// Words of the JSON reader and the OS that no message may show.
const JARGON: &[&str] = &[
    "os error",
    "EOF while",
    "invalid type",
    "expected struct",
    "RawNode",
    "/.tmp",
    "`1`",
];

/// No jargon in `text`, and no temporary file: only the test's own
/// folder (itself a temporary one) may be named.
fn no_jargon(env: &Env, text: &str) {
    let text = text.replace(&env.home.path().display().to_string(), "HOME");
    for j in JARGON {
        assert!(!text.contains(j), "{j:?} in {text}");
    }
}

#[test]
fn import_errors_are_in_plain_words_with_file_and_place() {
    let env = Env::new();
    for (content, says) in [
        (
            "{\"nodes\": [1], \"edges\": []}",
            "line 1, column 12: the number 1 where an object { … } should be",
        ),
        (
            "{\"nodes\": [\n",
            "line 2, column 1: the file ends inside a list: a closing ']' is missing",
        ),
        ("[1]", "a list [ … ] where an object { … } should be"),
    ] {
        let file = env.write("rm.json", content);
        let out = env.bare().arg("import").arg(&file).assert().code(1);
        let (_, err) = texts(&out);
        assert!(err.contains(&file.display().to_string()), "{err}");
        assert!(err.contains(says), "{says:?} in {err}");
        no_jargon(&env, &err);
    }
}

#[test]
fn a_damaged_profile_is_described_in_plain_words() {
    let env = Env::new();
    let file = env.write("default.json", "{\"version\": 1, \"roadmaps\": {");
    let out = env.small(&["status"]).assert().code(1);
    let (_, err) = texts(&out);
    assert!(err.contains(&file.display().to_string()), "{err}");
    assert!(
        err.contains(
            "the file ends inside an object: a closing '}' is missing (line 1, column 28)"
        ),
        "{err}"
    );
    no_jargon(&env, &err);
}

#[test]
fn a_failed_export_names_the_real_path_and_why() {
    let env = Env::new();
    let target = env.home.path().join("no-such-folder/progress.md");
    let out = env
        .small(&["export", "--format", "markdown", "-o"])
        .arg(&target)
        .assert()
        .code(1);
    let (_, err) = texts(&out);
    assert!(
        err.contains(&format!(
            "cannot write the export to {}: the folder {} does not exist",
            target.display(),
            target.parent().unwrap().display()
        )),
        "{err}"
    );
    no_jargon(&env, &err);
}

#[test]
fn a_roadmap_file_that_is_not_there_is_said_plainly() {
    let env = Env::new();
    let out = env
        .bare()
        .args(["--roadmap", "nope.json", "status"])
        .assert()
        .code(1);
    let (_, err) = texts(&out);
    assert!(
        err.contains("nope.json: cannot read the file: there is no such file or folder"),
        "{err}"
    );
    no_jargon(&env, &err);
}

#[test]
fn a_missing_editor_and_a_failed_one_say_what_to_do() {
    let env = Env::new();
    let out = env
        .small(&["note", "http"])
        .env("EDITOR", "no-such-editor-here")
        .env_remove("VISUAL")
        .assert()
        .code(1);
    let (_, err) = texts(&out);
    assert!(
        err.contains(
            "cannot start the editor 'no-such-editor-here' ($EDITOR): there is no such program"
        ),
        "{err}"
    );
    assert!(err.contains("-m \"text\""), "{err}");
    no_jargon(&env, &err);

    // A failed editor: the hint names the file it kept, not "FILE".
    let tmp = tempfile::tempdir().unwrap();
    let script = env.home.path().join("bad.sh");
    std::fs::write(&script, "#!/bin/sh\necho typed >> \"$1\"; exit 3\n").unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = env
        .small(&["note", "http"])
        .env("EDITOR", &script)
        .env_remove("VISUAL")
        .env("TMPDIR", tmp.path())
        .assert()
        .code(1);
    let (_, err) = texts(&out);
    let kept = std::fs::read_dir(tmp.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(
        err.contains(&format!(
            "roadmap note http -m \"$(cat {})\"",
            kept.display()
        )),
        "{err}"
    );
    assert!(!err.contains("FILE"), "{err}");
}

//! Guarantee 5, first half: text from a roadmap file, a profile, the
//! environment or the command line never drives the terminal. The corpus is
//! in tests/fixtures/hostile/; each file gives a clean render or its own
//! specific error, and neither contains a control character.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

use crate::common::{Env, assert_no_controls, cmd_at, failure, hostile, text};

/// Every command that prints roadmap text, on a roadmap full of escape
/// sequences (as JSON escapes, and as raw UTF-8 for C1 and bidi).
#[test]
fn escape_sequences_in_every_text_field_render_clean() {
    for file in ["escapes.json", "escapes-raw-utf8.json"] {
        let env = Env::new();
        let roadmap = hostile(file);
        env.ok(&roadmap, &["start", "a"]);
        for args in [
            &["status"][..],
            &["status", "--json"],
            &["next"],
            &["next", "--json"],
            &["list"],
            &["list", "--json"],
            &["list", "--stage", "s1"],
            &["show", "a"],
            &["show", "a", "--json"],
            &["show", "b"],
            &["show", "old-b", "--json"],
            &["show", "c"],
            &["done", "a", "d"],
            &["reset", "d"],
            &["validate"],
            &["profiles"],
        ] {
            let out = env.with(&roadmap, args).output().unwrap();
            assert!(
                out.status.success(),
                "{file} {args:?}: {}",
                text(&out.stderr)
            );
            let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
            assert_no_controls(&stdout);
            assert_no_controls(&stderr);
            assert!(!stdout.is_empty(), "{file} {args:?}");
        }
        // The text itself is still there, with each control replaced.
        let show = env.ok(&roadmap, &["show", "a"]);
        assert!(show.contains("Skill A\u{FFFD}[2J"), "{show}");
        assert!(show.contains("Resource\u{FFFD}]0;pwned\u{FFFD}"), "{show}");
        assert!(
            show.contains("  second line") || show.contains("About A"),
            "{show}"
        );
        let status = env.ok(&roadmap, &["status"]);
        assert!(
            status.starts_with("Evil roadmap\u{FFFD}]0;pwned"),
            "{status}"
        );
    }
}

/// A hostile file and what `validate` must say about it (every line).
const ERRORS: &[(&str, &[&str])] = &[
    (
        "cycle.json",
        &[
            "line 11, column 17: cycle in prerequisites: a → c → b → a; remove one of these requirements",
        ],
    ),
    (
        "deep-nesting.json",
        &[
            "line 1, column 183: the JSON is nested too deeply (more than 128 levels) (the file is not valid JSON",
        ],
    ),
    (
        "duplicate-ids.json",
        &[
            "line 15, column 17: duplicate id 'a': ids must be unique",
            "line 19, column 17: duplicate id 's': ids must be unique",
            "line 26, column 13: duplicate id 'a': ids must be unique",
            "line 34, column 13: duplicate id 'b': ids must be unique",
        ],
    ),
    (
        "huge-strings.json",
        &[
            "skill 'a': title is 301 long, more than the limit of 300; shorten it",
            "skill 'a': description is 20001 long, more than the limit of 20000; shorten it",
            "is not valid; ids use lowercase letters",
            "has resource URL 'https://example.org/uuu",
        ],
    ),
    (
        "invalid-utf8.json",
        &[
            "line 4, column 16: invalid character: the file must be UTF-8 text, and each \\u escape must name a real character (the file is not valid JSON",
        ],
    ),
    (
        "raw-control-char.json",
        &[
            "line 4, column 17: a raw control character (a tab or a line break) is inside a text; write it as \\t or \\n",
        ],
    ),
    (
        "unknown-field-escape.json",
        &[
            "line 7, column 34: skill 'a': unknown field 'ti\u{FFFD}]0;pwned\u{FFFD}tle'; a skill has the fields id, title,",
        ],
    ),
    (
        "unknown-resource-field.json",
        &[
            "line 18, column 15: resource 1 of skill 'a': unknown field 'onclick'; a resource has the fields title, url, kind (fix the spelling",
        ],
    ),
    (
        "bad-urls.json",
        &[
            "resource URL 'javascript:alert(1)', which is not an http(s) URL",
            "resource URL 'file:///etc/passwd', which is not an http(s) URL",
            "resource URL 'https://example.org/\u{FFFD}]8;;https://evil\u{FFFD}', which is not an http(s) URL",
            "resource URL 'https://example.org/a b; rm -rf ~', which is not an http(s) URL",
        ],
    ),
    (
        "escape-ids.json",
        &[
            "stage: id 's\u{FFFD}[2J' is not valid",
            "skill 'a' requires '\u{FFFD}]0;pwned\u{FFFD}', which is not a skill or choice",
            "skill: id 'B\u{FFFD}' is not valid",
            "choice 'c' offers '\u{FFFD}x', which is not a skill in this roadmap",
        ],
    ),
    (
        "escape-version.json",
        &["unsupported format version \"\\u001b[2J\": this build of roadmap reads version 1"],
    ),
];

#[test]
fn each_hostile_file_gives_its_specific_error_cleanly() {
    let env = Env::new();
    for (file, expected) in ERRORS {
        let path = hostile(file);
        let err = failure(
            &env.cmd().arg("validate").arg(&path).output().unwrap(),
            &[file],
        );
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), expected.len(), "{file}: {err}");
        for (line, want) in lines.iter().zip(expected.iter()) {
            assert!(
                line.starts_with(&format!("{}: ", path.display())),
                "{file}: names the file: {line}"
            );
            assert!(line.contains(want), "{file}: expected {want:?} in {line:?}");
            assert!(line.len() < 700, "{file}: a bounded line: {line}");
        }
        // Every command refuses the roadmap with the same message and
        // creates no profile.
        for args in [&["status"][..], &["list"], &["show", "a"], &["done", "a"]] {
            assert_eq!(env.fails(&path, args), err, "{file} {args:?}");
        }
    }
    assert!(!env.home().exists(), "nothing was written");
}

/// Profile keys and values are data from a file too: an orphan entry whose
/// key is an escape sequence is counted, never printed; a damaged value is
/// quoted cleaned.
#[test]
fn escape_sequences_in_a_profile_never_reach_the_terminal() {
    let env = Env::new();
    let small = crate::common::small_roadmap();
    env.ok(&small, &["done", "internet"]);
    let mut v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.profile()).unwrap()).unwrap();
    let entry = v["roadmaps"]["small"]["skills"]["internet"].clone();
    v["roadmaps"]["small"]["skills"]["\u{1b}]0;pwned\u{7}"] = entry.clone();
    v["roadmaps"]["\u{1b}[2J"] = serde_json::json!({ "skills": { "\u{9b}x": entry } });
    std::fs::write(env.profile(), v.to_string()).unwrap();
    for args in [
        &["status"][..],
        &["status", "--json"],
        &["list"],
        &["show", "internet"],
        &["done", "http"],
    ] {
        let out = env.ok(&small, args);
        assert_no_controls(&out);
    }
    let status = env.ok(&small, &["status"]);
    assert!(
        status.contains("1 entry for skills not in this roadmap"),
        "{status}"
    );

    std::fs::write(
        env.profile(),
        r#"{"version": 1, "roadmaps": {"small": {"skills": {"http": {"status": "\u001b]0;pwned\u0007", "changed": "2026-01-01T00:00:00Z"}}}}}"#,
    )
    .unwrap();
    let err = env.fails(&small, &["status"]);
    assert!(
        err.contains("'\u{FFFD}]0;pwned\u{FFFD}' is not one of todo, doing, done, skipped"),
        "{err}"
    );
}

/// Paths from the environment and ids typed by the user are quoted in
/// messages; they are cleaned like everything else.
#[test]
fn escape_sequences_from_the_environment_and_the_command_line_are_cleaned() {
    let env = Env::new();
    let small = crate::common::small_roadmap();
    // A data folder whose name carries an OSC sequence, below a file.
    let file = env.write("file", "");
    let mut evil = file.into_os_string().into_vec();
    evil.extend_from_slice(b"/\x1b]0;pwned\x07");
    let evil = std::path::PathBuf::from(OsString::from_vec(evil));
    let out = cmd_at(&evil)
        .arg("--roadmap")
        .arg(&small)
        .args(["done", "http"])
        .output()
        .unwrap();
    let err = failure(&out, &["done with an evil ROADMAP_HOME"]);
    assert!(err.contains("\u{FFFD}]0;pwned\u{FFFD}"), "{err}");
    // …and a valid folder with such a name, printed by `profiles`.
    let mut dir = env.root.path().to_path_buf().into_os_string().into_vec();
    dir.extend_from_slice(b"/\x1b[31mred");
    let dir = std::path::PathBuf::from(OsString::from_vec(dir));
    std::fs::create_dir(&dir).unwrap();
    for (args, shown) in [
        (&["profiles"][..], "\u{FFFD}[31mred"),
        (&["profiles", "--json"], "\\u001b[31mred"),
    ] {
        let out = cmd_at(&dir).args(args).output().unwrap();
        assert!(out.status.success());
        assert_no_controls(&text(&out.stdout));
        assert!(text(&out.stdout).contains(shown), "{}", text(&out.stdout));
    }

    for args in [
        &["show", "\u{1b}]0;pwned\u{7}"][..],
        &["done", "http", "\u{9b}2J"],
        &["list", "--stage", "\u{202e}basics"],
        &["--profile", "\u{1b}[2J", "status"],
    ] {
        let err = env.fails(&small, args);
        assert!(
            err.contains('\u{FFFD}'),
            "{args:?}: the typed text is quoted, cleaned: {err}"
        );
    }
}

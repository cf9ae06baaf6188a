//! Guarantee 5, second half: limits with clear errors. No input makes the
//! loader or the CLI allocate without bound, run for long or print an
//! error as large as the input. Files too big to commit are made here.

use std::fmt::Write as _;

use roadmap::model::{self, ProblemKind, limits};

use crate::common::Env;

/// A roadmap of one stage whose skills are given as JSON text.
fn with_skills(skills: &str) -> String {
    format!(
        r#"{{"version": 1, "id": "big", "title": "Big", "stages": [{{"id": "s", "title": "S", "skills": [{skills}]}}]}}"#
    )
}

#[test]
fn a_file_over_64_mib_is_refused_before_it_is_read() {
    let env = Env::new();
    // Sparse: takes no disk space, but its size is over the limit.
    let path = env.write("big.json", "");
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(limits::MAX_FILE_BYTES as u64 + 1).unwrap();
    let msg = "the file is 67108865 bytes, more than the limit of 67108864 bytes; split the roadmap into smaller ones";
    let err = env.fails(&path, &["status"]);
    assert_eq!(err, format!("{}: {msg}\n", path.display()));
    let err = crate::common::failure(
        &env.cmd().arg("validate").arg(&path).output().unwrap(),
        &["validate"],
    );
    assert!(err.ends_with(&format!("{msg}\n")), "{err}");
}

#[test]
fn an_endless_stream_is_refused_before_it_is_read() {
    // A device (or a FIFO) is never opened for reading: only regular files
    // are (`store::safe::read_file`); the read of a file is bounded too.
    let env = Env::new();
    let err = env.fails(std::path::Path::new("/dev/zero"), &["validate"]);
    assert_eq!(
        err,
        "/dev/zero: cannot read the file: it is a device, not a regular file; check the path and its permissions\n"
    );
}

#[test]
fn more_than_a_million_skills_is_refused() {
    let mut skills = String::with_capacity(24 * (limits::MAX_SKILLS + 1));
    for i in 0..=limits::MAX_SKILLS {
        if i > 0 {
            skills.push(',');
        }
        let _ = write!(skills, r#"{{"id":"s{i}","title":"t"}}"#);
    }
    let json = with_skills(&skills);
    assert!(json.len() < limits::MAX_FILE_BYTES);
    let err = model::load(json.as_bytes(), "many.json").unwrap_err();
    assert_eq!(
        err.to_string(),
        "many.json: line 1, column 55: the roadmap has 1000001 skills, more than the limit of 1000000; split it into smaller roadmaps"
    );
}

#[test]
fn a_flood_of_mistakes_gets_a_short_answer() {
    let env = Env::new();
    // 2,000 skills each requiring 5 ids that do not exist: 10,000 problems.
    let skills: Vec<String> = (0..2_000)
        .map(|i| format!(r#"{{"id": "s{i}", "title": "T", "requires": ["x{i}a", "x{i}b", "x{i}c", "x{i}d", "x{i}e"]}}"#))
        .collect();
    let path = env.write("flood.json", with_skills(&skills.join(",\n")));
    let err = env.fails(&path, &["validate"]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 101, "{err}");
    assert!(
        lines[0].contains("skill 's0' requires 'x0a', which is not a skill or choice"),
        "{}",
        lines[0]
    );
    assert!(
        lines[100].ends_with("… and 9900 more problems; fix the ones above first"),
        "{}",
        lines[100]
    );
}

#[test]
fn huge_values_are_quoted_clipped_in_errors() {
    let huge = "y".repeat(2_000_000);
    let cases = [
        // An unknown requirement, an unknown choice option, a bad id, a
        // misspelt field: each quotes a 2 MB value.
        with_skills(&format!(
            r#"{{"id": "a", "title": "A", "requires": ["{huge}"]}}"#
        )),
        format!(
            r#"{{"version": 1, "id": "big", "title": "Big", "stages": [{{"id": "s", "title": "S", "skills": [{{"id": "a", "title": "A"}}]}}], "choices": [{{"id": "c", "title": "C", "pick": 1, "from": ["{huge}"]}}]}}"#
        ),
        with_skills(&format!(r#"{{"id": "{huge}", "title": "A"}}"#)),
        with_skills(&format!(r#"{{"id": "a", "title": "A", "{huge}": 1}}"#)),
    ];
    for json in cases {
        let err = model::load(json.as_bytes(), "huge.json")
            .unwrap_err()
            .to_string();
        assert!(err.len() < 1_000, "{} bytes: {}", err.len(), &err[..200]);
        assert!(err.contains("yyyy…"), "{err}");
    }
}

#[test]
fn a_long_cycle_prints_its_ends() {
    let n = 500;
    let skills: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "s{i}", "title": "T", "requires": ["s{}"]}}"#,
                (i + 1) % n
            )
        })
        .collect();
    let err = model::load(with_skills(&skills.join(",")).as_bytes(), "ring.json").unwrap_err();
    let ProblemKind::Cycle { path } = &err.problems[0].kind else {
        panic!("{err}");
    };
    assert_eq!(path.len(), n + 1, "the whole cycle is known");
    assert!(
        err.to_string().contains("cycle in prerequisites: s0 → s1 → s2 → s3 → s4 → s5 → … (489 more) … → s495 → s496 → s497 → s498 → s499 → s0; remove one of these requirements"),
        "{err}"
    );
}

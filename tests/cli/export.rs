//! `export`: Markdown, JSON and CSV; stable bytes whatever the zone or the
//! day; clean of control characters; written whole to a file.

use serde_json::{Value, json};

use crate::common::{Env, small_json, texts};

fn known() -> String {
    json!({"version": 1, "roadmaps": {"small": {"skills": {
        "internet": {"status": "done", "changed": "2025-02-03T09:00:00Z", "done_at": "2025-02-03T09:00:00Z",
            "history": [{"at": "2025-02-01T09:00:00Z", "status": "doing"}, {"at": "2025-02-03T09:00:00Z", "status": "done"}]},
        "http": {"status": "done", "changed": "2025-02-20T22:30:00Z", "done_at": "2025-02-20T22:30:00Z",
            "history": [{"at": "2025-02-20T22:30:00Z", "status": "done"}]},
        "terminal": {"status": "doing", "changed": "2025-02-27T09:00:00Z",
            "history": [{"at": "2025-02-27T09:00:00Z", "status": "doing"}]},
        "go": {"status": "skipped", "changed": "2025-02-28T09:00:00Z",
            "history": [{"at": "2025-02-28T09:00:00Z", "status": "skipped"}]}
    }}}})
    .to_string()
}

fn env() -> Env {
    let env = Env::new();
    env.write("default.json", &known());
    env
}

fn export(env: &Env, tz: &str, format: &str) -> Vec<u8> {
    let out = env
        .small(&["export", "--format", format])
        .env("TZ", tz)
        .assert()
        .success();
    out.get_output().stdout.clone()
}

#[test]
fn markdown_is_a_checklist_grouped_by_stage_with_statuses_and_dates() {
    let env = env();
    let md = String::from_utf8(export(&env, "UTC", "markdown")).unwrap();
    assert!(
        md.starts_with(
            "# Small Test Roadmap\n\nProgress of profile default: 2 of 8 skills finished (25%)"
        ),
        "{md}"
    );
    assert!(md.contains("as of 2025-02-28."), "{md}");
    assert!(md.contains("\n## Basics — 2 of 3\n\n- [x] How the internet works — done 2025-02-03 (started 2025-02-01) · review due 2025-02-05\n- [x] HTTP — done 2025-02-20 · review due 2025-02-22\n- [ ] **The terminal** — in progress since 2025-02-27\n- [ ] Web history trivia · optional\n"), "{md}");
    // A declined option is not a ticked box.
    assert!(md.contains("- [ ] ~~Go~~ — declined 2025-02-28"), "{md}");
    assert!(!md.contains("[x] ~~Go~~"), "{md}");
    // Go was declined (skipped), which picks nothing: Python stays open.
    assert!(md.contains("- [ ] Python\n"), "{md}");
    assert!(md.contains("\n## APIs — 0 of 3\n"), "{md}");
}

#[test]
fn every_format_gives_the_same_bytes_in_any_zone() {
    let env = env();
    for format in ["markdown", "json", "csv"] {
        let utc = export(&env, "UTC", format);
        assert_eq!(utc, export(&env, "Pacific/Kiritimati", format), "{format}");
        assert_eq!(utc, export(&env, "America/Los_Angeles", format), "{format}");
        assert_eq!(utc, export(&env, "UTC", format), "{format}");
    }
}

#[test]
fn json_holds_roadmap_statuses_history_and_stats() {
    let env = env();
    let v: Value = serde_json::from_slice(&export(&env, "UTC", "json")).unwrap();
    assert_eq!(v["export"], "roadmap");
    assert_eq!(v["version"], 1);
    assert_eq!(v["roadmap"]["id"], "small");
    assert_eq!(v["profile"], "default");
    assert_eq!(v["as_of"], "2025-02-28T09:00:00Z");
    assert_eq!(
        v["progress"],
        json!({"done": 2, "doing": 1, "skipped": 0, "todo": 5, "total": 8, "percent": 25,
               "finished": 2, "complete": false, "hours_left": 149})
    );
    // The same progress fields, with the same meanings, as `status --json`,
    // at the top and in every stage.
    let status = env.json(&["status", "--json"]);
    for key in v["progress"].as_object().unwrap().keys() {
        assert_eq!(v["progress"][key], status[key], "{key}");
    }
    for (stage, theirs) in v["stages"]
        .as_array()
        .unwrap()
        .iter()
        .zip(status["stages"].as_array().unwrap())
    {
        for key in v["progress"].as_object().unwrap().keys() {
            assert_eq!(stage[key], theirs[key], "{key} of {}", stage["id"]);
        }
    }
    let basics = &v["stages"][0];
    assert_eq!(
        (
            basics["id"].as_str(),
            basics["finished"].as_u64(),
            basics["total"].as_u64()
        ),
        (Some("basics"), Some(2), Some(3))
    );
    let internet = &basics["skills"][0];
    assert_eq!(
        internet,
        &json!({
            "id": "internet", "title": "How the internet works", "status": "done",
            "optional": false, "counted": true, "hours": 4,
            "started": "2025-02-01T09:00:00Z", "done": "2025-02-03T09:00:00Z", "changed": "2025-02-03T09:00:00Z",
            "note": null,
            // Its review schedule as of `as_of`, in UTC days.
            "review": {"due": "2025-02-05", "retrievability": 0.685, "stability_days": 2.31,
                       "difficulty": 2.12, "reviews": 0, "last_reviewed": "2025-02-03T09:00:00Z",
                       "last_grade": null, "interval_days": 2},
            "logged_minutes": 0
        })
    );
    let history = v["history"].as_array().unwrap();
    assert_eq!(history.len(), 5);
    assert_eq!(
        history[0],
        json!({"kind": "status", "at": "2025-02-01T09:00:00Z", "skill": "internet", "from": "todo", "to": "doing"})
    );
    // Stats as of the last change, in UTC days.
    assert_eq!(v["stats"]["today"], "2025-02-28");
    assert_eq!(
        v["stats"]["streak"],
        json!({"current": 2, "best": 2, "active_today": true})
    );
    assert_eq!(v["stats"]["pace"]["total_hours"], 10);
}

#[test]
fn json_of_an_empty_profile_has_no_stats() {
    let env = Env::new();
    let v = env.json(&["export", "--format", "json"]);
    assert_eq!(v["as_of"], Value::Null);
    assert_eq!(v["stats"], Value::Null);
    assert_eq!(v["history"], json!([]));
    assert_eq!(v["progress"]["total"], 8);
}

#[test]
fn csv_has_a_header_and_one_quoted_row_per_skill_without_control_characters() {
    let env = env();
    let mut roadmap = small_json();
    roadmap["stages"][0]["skills"][1]["title"] = json!("HTTP, \"the\" protocol\u{1b}[31m\u{202e}");
    let file = env.write("quoted.json", &roadmap.to_string());
    let out = env
        .bare()
        .arg("--roadmap")
        .arg(&file)
        .args(["export", "--format", "csv"])
        .assert()
        .success();
    let (csv, _) = texts(&out);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "stage,stage_title,id,title,status,optional,counted,hours,started,done,changed,note,\
         review_due,retrievability,stability_days,reviews,logged_minutes"
    );
    assert_eq!(lines.len(), 1 + 11);
    assert!(
        lines[2].starts_with("basics,Basics,http,\"HTTP, \"\"the\"\" protocol"),
        "{}",
        lines[2]
    );
    assert!(
        lines[2].ends_with(
            // Done straight away: never started, no start date.
            ",done,false,true,6,,2025-02-20T22:30:00Z,2025-02-20T22:30:00Z,,\
             2025-02-22,0.8026,2.31,0,"
        ),
        "{}",
        lines[2]
    );
    assert!(
        !csv.chars()
            .any(|c| c != '\n' && roadmap::model::text::is_unsafe(c)),
        "{csv:?}"
    );
    assert_eq!(
        lines[4],
        "basics,Basics,trivia,Web history trivia,todo,true,false,1,,,,,,,,,"
    );
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_neutralised() {
    // A shared roadmap (or a pasted note) whose text starts a formula must
    // not run when the learner opens the export in a spreadsheet.
    let env = Env::new();
    let mut roadmap = small_json();
    roadmap["stages"][0]["skills"][1]["title"] = json!("=HYPERLINK(\"http://evil.example\",\"x\")");
    roadmap["stages"][0]["title"] = json!("@SUM(A1)");
    let file = env.write("formula.json", &roadmap.to_string());
    let run = |args: &[&str]| {
        env.bare()
            .arg("--roadmap")
            .arg(&file)
            .args(args)
            .assert()
            .success()
    };
    run(&["note", "http", "-m", "+cmd|' /C calc'!A0"]);
    let out = run(&["export", "--format", "csv"]);
    let (csv, _) = texts(&out);
    let http = csv.lines().nth(2).unwrap();
    assert!(
        http.starts_with(
            "basics,\"'@SUM(A1)\",http,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","
        ),
        "{http}"
    );
    assert!(http.contains(",\"'+cmd|' /C calc'!A0\","), "{http}");
    // No cell of any row starts with a formula character.
    for line in csv.lines() {
        for cell in line.split(',') {
            assert!(!cell.starts_with(['=', '+', '@']), "{cell} in {line}");
        }
    }
}

#[test]
fn output_file_gets_the_same_bytes_and_stdout_stays_empty() {
    let env = env();
    let path = env.home.path().join("progress.md");
    let out = env
        .small(&[
            "export",
            "--format",
            "markdown",
            "-o",
            path.to_str().unwrap(),
        ])
        .assert()
        .success();
    let (stdout, stderr) = texts(&out);
    assert_eq!(stdout, "");
    assert!(stderr.contains("exported to"), "{stderr}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        export(&env, "UTC", "markdown")
    );
    // A second export replaces the file whole.
    env.small(&["export", "--format", "csv", "-o", path.to_str().unwrap()])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("stage,")
    );
}

#[test]
fn output_into_a_missing_folder_says_what_to_do() {
    let env = env();
    let path = env.home.path().join("no/such/folder/progress.md");
    let out = env
        .small(&["export", "--format", "json", "-o", path.to_str().unwrap()])
        .assert()
        .code(1);
    let (stdout, stderr) = texts(&out);
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("error: cannot write the export to"),
        "{stderr}"
    );
    assert!(stderr.contains("Check that the folder exists"), "{stderr}");
}

#[test]
fn an_unknown_format_is_a_usage_error_naming_the_formats() {
    let env = env();
    let out = env.small(&["export", "--format", "pdf"]).assert().code(2);
    let (_, stderr) = texts(&out);
    assert!(
        stderr.contains("markdown") && stderr.contains("json") && stderr.contains("csv"),
        "{stderr}"
    );
}

#[test]
fn markdown_gives_the_percentage_status_gives() {
    let env = Env::new();
    let run = |args: &[&str]| {
        let out = env.bare().args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    // One skill of the built-in roadmap is under 10%: a tenth is shown.
    run(&["done", "what-is-backend"]);
    let status = run(&["status"]);
    let overall = status.lines().find(|l| l.starts_with("Overall")).unwrap();
    let percent = overall
        .split_whitespace()
        .find(|w| w.ends_with('%'))
        .unwrap();
    assert!(percent.contains('.'), "{overall}");
    let md = run(&["export", "--format", "markdown"]);
    assert!(
        md.contains(&format!("finished ({percent})")),
        "{percent}\n{md}"
    );
}

#[test]
fn export_times_are_to_the_second() {
    let env = Env::new();
    env.write(
        "default.json",
        &json!({"version": 1, "roadmaps": {"small": {"skills": {
            "internet": {"status": "done", "changed": "2025-02-03T09:00:00.123456789Z",
                "done_at": "2025-02-03T09:00:00.123456789Z",
                "history": [{"at": "2025-02-01T09:00:00.5Z", "status": "doing"},
                            {"at": "2025-02-03T09:00:00.123456789Z", "status": "done"}]}
        }}}})
        .to_string(),
    );
    let csv = String::from_utf8(export(&env, "UTC", "csv")).unwrap();
    assert!(
        csv.contains(",2025-02-01T09:00:00Z,2025-02-03T09:00:00Z,2025-02-03T09:00:00Z,"),
        "{csv}"
    );
    let json = String::from_utf8(export(&env, "UTC", "json")).unwrap();
    assert!(json.contains("\"2025-02-03T09:00:00Z\""), "{json}");
    // No time anywhere in the export has a fraction of a second.
    let value: Value = serde_json::from_str(&json).unwrap();
    let mut times = Vec::new();
    collect_times(&value, &mut times);
    assert!(times.len() >= 6, "{times:?}");
    assert!(
        times
            .iter()
            .all(|t| t.len() == "2025-02-03T09:00:00Z".len()),
        "{times:?}"
    );
}

fn collect_times(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if s.len() > 19 && s.as_bytes().get(10) == Some(&b'T') => {
            out.push(s.clone());
        }
        Value::Array(items) => items.iter().for_each(|i| collect_times(i, out)),
        Value::Object(map) => map.values().for_each(|i| collect_times(i, out)),
        _ => {}
    }
}

/// Issue 17, item 6: `-o` replaced whatever was there by renaming a new
/// file over it: a link became a file, a file lost its mode, a FIFO or a
/// device (`-o /dev/null` as root) became a regular file, and `-o` a link
/// to the output stream printed nothing. Now a file is replaced keeping
/// its mode, a link is followed with care, and a device, a FIFO or a
/// stream is written to.
#[cfg(unix)]
#[test]
fn output_writes_to_what_is_there_and_replaces_only_regular_files() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    use std::process::{Command, Stdio};
    let env = env();
    let expected = export(&env, "UTC", "csv");
    let dir = tempfile::tempdir().unwrap();
    let run = |path: &std::path::Path| {
        env.small(&["export", "--format", "csv", "-o", path.to_str().unwrap()])
            .env("TZ", "UTC")
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .success()
    };
    // A file of mode 0640, reached through a link: the link stays, the
    // file gets the export and keeps its mode.
    let real = dir.path().join("progress.csv");
    std::fs::write(&real, "old").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("latest.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    run(&link);
    assert!(link.is_symlink(), "the link is still a link");
    assert_eq!(std::fs::read(&real).unwrap(), expected);
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    // A FIFO a script reads: the reader gets the export.
    let fifo = dir.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = Command::new("timeout")
        .args(["20", "cat"])
        .arg(&fifo)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    run(&fifo);
    let got = reader.wait_with_output().unwrap();
    assert!(got.status.success(), "the reader got nothing");
    assert_eq!(got.stdout, expected);
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "still a FIFO");
    // A link to the output stream: the export is printed.
    let stream = dir.path().join("stream");
    std::os::unix::fs::symlink("/proc/self/fd/1", &stream).unwrap();
    let out = run(&stream);
    assert_eq!(out.get_output().stdout, expected);
    assert!(stream.is_symlink());
    // A device (a null device of our own; making one needs root).
    let null = dir.path().join("null");
    let device = rustix::fs::mknodat(
        rustix::fs::CWD,
        &null,
        rustix::fs::FileType::CharacterDevice,
        rustix::fs::Mode::from_raw_mode(0o666),
        rustix::fs::makedev(1, 3),
    );
    if device.is_ok() {
        run(&null);
        let kind = std::fs::symlink_metadata(&null).unwrap().file_type();
        assert!(kind.is_char_device(), "still a device");
    } else {
        eprintln!("note: not root, no device node of our own: the device case is not checked");
    }
}

//! Notes in the journal (`log`, `stats`), in every export, and the goal
//! at the journal's pace in `status` and `stats`.

use chrono::{Duration, SecondsFormat, Utc};
use serde_json::{Value, json};

use crate::common::Env;

const ESC_NOTE: &str = "  Built a \u{1b}[31mserver\u{7}, see [repo](https://example.com/me)\n\n```\ncurl -i \"x\"\n```\n";

/// Internet done 3 Feb; a note on HTTP saved 10 Feb (two lines, an escape
/// sequence in the first), a note on the terminal saved late on 20 Feb,
/// a cleared note on trivia.
fn with_notes() -> String {
    json!({"version": 1, "roadmaps": {"small": {
        "skills": {
            "internet": {"status": "done", "changed": "2025-02-03T09:00:00Z", "done_at": "2025-02-03T09:00:00Z",
                "history": [{"at": "2025-02-01T09:00:00Z", "status": "doing"}, {"at": "2025-02-03T09:00:00Z", "status": "done"}]}
        },
        "notes": {
            "http": {"text": ESC_NOTE, "at": "2025-02-10T12:00:00Z"},
            "terminal": {"text": "tmux, finally", "at": "2025-02-20T23:30:00Z", "base": "2025-02-19T08:00:00Z"},
            "trivia": {"text": "", "at": "2025-02-21T08:00:00Z"}
        }
    }}})
    .to_string()
}

fn env_with(profile: &str) -> Env {
    let env = Env::new();
    env.write("default.json", profile);
    env
}

fn in_zone(env: &Env, tz: &str, args: &[&str]) -> String {
    let out = env.small(args).env("TZ", tz).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn no_controls(s: &str) -> bool {
    !s.chars().any(|c| c != '\n' && c.is_control())
}

#[test]
fn log_lists_notes_newest_first_among_status_changes() {
    let env = env_with(&with_notes());
    let ny = in_zone(&env, "America/New_York", &["log"]);
    let lines: Vec<&str> = ny.lines().collect();
    // 23:30 UTC on the 20th is the evening of the 20th in New York.
    assert_eq!(lines[0], "2025-02-20", "{ny}");
    assert_eq!(
        lines[1],
        "  18:30  note               The terminal (terminal) · Basics — tmux, finally"
    );
    assert!(
        ny.contains("2025-02-10\n  07:00  note               HTTP (http) · Basics — Built a �[31mserver�, see [repo](https://example.com/me) …\n"),
        "{ny}"
    );
    assert!(ny.find("(http)").unwrap() < ny.find("(internet)").unwrap());
    // The cleared note leaves nothing.
    assert!(!ny.contains("trivia"), "{ny}");
    assert!(no_controls(&ny), "{ny:?}");
    // --since keeps notes from that local day on.
    let since = in_zone(&env, "America/New_York", &["log", "--since", "2025-02-05"]);
    assert!(
        since.contains("(terminal)") && since.contains("(http)") && !since.contains("(internet)"),
        "{since}"
    );
}

#[test]
fn log_json_gives_notes_kind_note_with_their_first_line() {
    let env = env_with(&with_notes());
    let v: Value = serde_json::from_str(&in_zone(&env, "Asia/Tokyo", &["log", "--json"])).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert_eq!(
        items[0],
        json!({"kind": "note", "at": "2025-02-20T23:30:00Z", "date": "2025-02-21", "time": "08:30",
            "skill": "terminal", "title": "The terminal", "stage": "basics", "stage_title": "Basics",
            "from": null, "to": null, "note": "tmux, finally"})
    );
    assert_eq!(items[1]["skill"], "http");
    assert_eq!(
        items[1]["note"],
        "Built a \u{FFFD}[31mserver\u{FFFD}, see [repo](https://example.com/me) …"
    );
    assert_eq!(items[2]["kind"], "status");
    assert_eq!(items[2]["to"], "done");
    assert!(items[2]["note"].is_null());
}

#[test]
fn stats_count_notes_as_activity() {
    let env = env_with(&with_notes());
    let v: Value =
        serde_json::from_str(&in_zone(&env, "America/New_York", &["stats", "--json"])).unwrap();
    assert_eq!(
        (v["events"].as_u64(), v["notes"].as_u64()),
        (Some(4), Some(2))
    );
    // 1 and 3 February (statuses), 10 and 20 February (notes).
    assert_eq!(v["active_days"], 4);
    // A profile holding only a note written today has a streak.
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    let only = env_with(
        &json!({"version": 1, "roadmaps": {"small": {"notes": {"http": {"text": "day one", "at": now}}}}})
            .to_string(),
    );
    let o: Value = serde_json::from_str(&in_zone(&only, "UTC", &["stats", "--json"])).unwrap();
    assert_eq!(
        (o["events"].as_u64(), o["notes"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        o["streak"],
        json!({"current": 1, "best": 1, "active_today": true})
    );
    let text = in_zone(&env, "America/New_York", &["stats"]);
    assert!(text.contains("2 changes and 2 notes in all"), "{text}");
    assert!(text.contains("█ 7+ events a day"), "{text}");
}

/// RFC 3339, `days` before now.
fn ago(days: i64) -> String {
    (Utc::now() - Duration::days(days)).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A goal `days` from now (in UTC).
fn goal_in(days: i64) -> String {
    (Utc::now() + Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// Internet (4 h) and HTTP (6 h) done 20 and 10 days ago, with a note
/// written 30 days ago (then the start of the history) or not, the goal
/// `date`.
fn paced(date: &str, note: bool) -> String {
    let (a, b, n) = (ago(20), ago(10), ago(30));
    let notes = if note {
        json!({"terminal": {"text": "plan", "at": n}})
    } else {
        json!({})
    };
    json!({"version": 1, "roadmaps": {"small": {
        "skills": {
            "internet": {"status": "done", "changed": a, "done_at": a, "history": [{"at": a, "status": "done"}]},
            "http": {"status": "done", "changed": b, "done_at": b, "history": [{"at": b, "status": "done"}]}
        },
        "notes": notes,
        "finish_by": {"date": date, "at": b}
    }}})
    .to_string()
}

#[test]
fn status_and_stats_agree_on_the_goal_and_the_journals_pace() {
    // 10 h in the 4 weeks since the note: 2.5 h a week; in the 3 weeks of
    // history without it, 3.3 h a week. 149 h left: 2.9 h a week over 361 days.
    for (days, note, verdict, pace) in [
        (60, true, "behind", "2.5"),
        (4000, true, "on_track", "2.5"),
        (360, true, "behind", "2.5"),
        (360, false, "on_track", "3.3"),
    ] {
        let env = env_with(&paced(&goal_in(days), note));
        let json =
            |args: &[&str]| -> Value { serde_json::from_str(&in_zone(&env, "UTC", args)).unwrap() };
        let planned = &json(&["status", "--json"])["goal"];
        let journal = json(&["stats", "--json"]);
        assert_eq!(&journal["goal"], planned, "{days}");
        assert_eq!(planned["verdict"], verdict, "{planned}");
        let per_week = planned["pace_per_week"].as_f64().unwrap();
        assert_eq!(format!("{per_week:.1}"), pace, "{planned}");
        assert_eq!(journal["pace"]["recent_hours_per_week"].to_string(), pace);
        let text = in_zone(&env, "UTC", &["stats"]);
        let words = if verdict == "behind" {
            "behind"
        } else {
            "on track"
        };
        assert!(
            text.contains(&format!("Goal       by {} · needs ", goal_in(days)))
                && text.contains(&format!("· {words} at {pace} h a week")),
            "{text}"
        );
    }
    // Without a goal: null, and the text says how to set one.
    let env = Env::new();
    let stats = env.json(&["stats", "--json"]);
    assert!(stats["goal"].is_null(), "{stats}");
    assert!(
        env.ok(&["stats"])
            .contains("Goal       none (set one with 'roadmap goal YYYY-MM-DD')")
    );
}

#[test]
fn every_export_carries_the_notes_cleaned_and_stable() {
    let env = env_with(&with_notes());
    let export = |tz: &str, format: &str| in_zone(&env, tz, &["export", "--format", format]);
    for format in ["markdown", "json", "csv"] {
        let utc = export("UTC", format);
        assert_eq!(utc, export("Pacific/Kiritimati", format), "{format}");
        assert!(no_controls(&utc), "{format}: {utc:?}");
    }
    let md = export("UTC", "markdown");
    assert!(
        md.contains("- [ ] HTTP\n  > Built a �[31mserver�, see [repo](https://example.com/me)\n  >\n  > ```\n  > curl -i \"x\"\n  > ```\n- [ ] The terminal\n  > tmux, finally\n- [ ] Web history trivia · optional\n"),
        "{md}"
    );
    // The notes move the "as of" day: the last thing recorded.
    assert!(md.contains("as of 2025-02-20."), "{md}");

    let v: Value = serde_json::from_str(&export("UTC", "json")).unwrap();
    let skills = v["stages"][0]["skills"].as_array().unwrap();
    let note = |id: &str| skills.iter().find(|s| s["id"] == id).unwrap()["note"].clone();
    assert_eq!(
        note("http"),
        "  Built a \u{FFFD}[31mserver\u{FFFD}, see [repo](https://example.com/me)\n\n```\ncurl -i \"x\"\n```\n"
    );
    assert_eq!(note("terminal"), "tmux, finally");
    assert!(note("trivia").is_null() && note("internet").is_null());
    let history = v["history"].as_array().unwrap();
    assert_eq!(
        history.last().unwrap(),
        &json!({"kind": "note", "at": "2025-02-20T23:30:00Z", "skill": "terminal", "from": null, "to": null})
    );
    assert_eq!(v["stats"]["notes"], 2);

    let csv = export("UTC", "csv");
    assert!(csv.starts_with(
        "stage,stage_title,id,title,status,optional,counted,hours,started,done,changed,note,"
    ));
    assert!(
        csv.contains("basics,Basics,http,HTTP,todo,false,true,6,,,,\"Built a �[31mserver�, see [repo](https://example.com/me)\n\n```\ncurl -i \"\"x\"\"\n```\",,,,,\n"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "basics,Basics,terminal,The terminal,todo,false,true,8,,,,\"tmux, finally\",,,,,\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains("basics,Basics,trivia,Web history trivia,todo,true,false,1,,,,,,,,,\n"),
        "{csv}"
    );
}

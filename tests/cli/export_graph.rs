//! `export --format dot|mermaid|svg`: the map with progress. Graphviz
//! accepts the DOT, a standard renderer draws the SVG (both tools are
//! installed by `.ci/run`: a missing one fails the test, never skips it),
//! Mermaid's names are escaped, and the bytes are the same in any zone.

use std::path::Path;
use std::process::Command as Process;

use serde_json::json;

use crate::common::{Env, small_json, texts};

/// A profile on the built-in roadmap with some progress: a few skills
/// done, two in progress, one skipped.
fn progress() -> String {
    let mut skills = serde_json::Map::new();
    let at = "2026-10-01T09:00:00Z";
    for (id, status) in [
        ("what-is-backend", "done"),
        ("how-the-web-works", "done"),
        ("internet", "done"),
        ("http", "done"),
        ("dns", "done"),
        ("html", "done"),
        ("terminal", "done"),
        ("linux", "done"),
        ("learning-path", "done"),
        ("git-basics", "doing"),
        ("css", "doing"),
        ("hosting", "skipped"),
    ] {
        skills.insert(
            id.to_string(),
            json!({"status": status, "changed": at,
                   "history": [{"at": at, "status": status}]}),
        );
    }
    json!({"version": 1, "roadmaps": {"backend": {"skills": skills}}}).to_string()
}

fn env() -> Env {
    let env = Env::new();
    env.write("default.json", &progress());
    env
}

/// `roadmap export ARGS` on the built-in roadmap: stdout.
fn export(env: &Env, args: &[&str]) -> Vec<u8> {
    let out = env.bare().arg("export").args(args).assert().success();
    out.get_output().stdout.clone()
}

/// Fails loudly when a tool the tests need is missing.
fn tool(name: &str, package: &str) -> Process {
    let found = Process::new(name).arg("--version").output().is_ok()
        || Process::new(name).arg("-V").output().is_ok();
    assert!(
        found,
        "`{name}` is not installed: this test needs it. `.ci/run` installs it \
         (apt-get install -y {package}); install it the same way to run the tests here."
    );
    Process::new(name)
}

/// Runs `cmd` with `input` on stdin; its stdout, or a panic with stderr.
fn pipe(mut cmd: Process, input: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{} refused it: {}",
        cmd.get_program().to_string_lossy(),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Width and height of a PNG, from its header.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    (be(16), be(20))
}

#[test]
fn graphviz_accepts_the_dot_of_the_whole_map_a_stage_and_a_focus() {
    let env = env();
    for args in [
        &["--format", "dot"][..],
        &["--format", "dot", "--stage", "databases"],
        &["--format", "dot", "--around", "kubernetes"],
        &["--format", "dot", "--all-edges"],
    ] {
        let dot = export(&env, args);
        let mut cmd = tool("dot", "graphviz");
        cmd.arg("-Tsvg");
        let svg = String::from_utf8(pipe(cmd, &dot)).unwrap();
        assert!(svg.contains("<svg"), "{args:?}");
        // Every skill's label is drawn.
        assert!(
            svg.contains("[x] HTTP") || args.contains(&"databases"),
            "{args:?}"
        );
    }
}

#[test]
fn the_dot_shows_progress_stages_and_choices() {
    let env = env();
    let dot = String::from_utf8(export(&env, &["--format", "dot"])).unwrap();
    assert!(dot.contains("subgraph cluster_0 {"), "{dot}");
    assert!(dot.contains("label=\"1. Basics · "), "{dot}");
    assert!(
        dot.contains("\"http\" [label=\"[x] HTTP\", fillcolor=\"#d3f2dc\""),
        "{dot}"
    );
    assert!(dot.contains("\"css\" [label=\"[~] CSS basics\""), "{dot}");
    assert!(
        dot.contains("\"hosting\" [label=\"[-] Web hosting\""),
        "{dot}"
    );
    assert!(dot.contains("shape=hexagon"), "choices are marked: {dot}");
    assert!(
        dot.contains("Pick one backend language · pick 1 of 7"),
        "{dot}"
    );
    // A done prerequisite's edge is green.
    assert!(
        dot.contains("\"internet\" -> \"http\" [color=\"#1a7f37\"];"),
        "{dot}"
    );
}

#[test]
fn the_svg_renders_with_a_standard_renderer_at_its_own_size() {
    let env = env();
    for args in [
        &["--format", "svg"][..],
        &["--format", "svg", "--around", "kubernetes"],
    ] {
        let svg = export(&env, args);
        let text = String::from_utf8(svg.clone()).unwrap();
        let attr = |name: &str| -> u32 {
            let start = text.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            text[start..].split('"').next().unwrap().parse().unwrap()
        };
        let mut cmd = tool("rsvg-convert", "librsvg2-bin");
        cmd.args(["--format", "png"]);
        let png = pipe(cmd, &svg);
        assert_eq!(png_size(&png), (attr("width"), attr("height")), "{args:?}");
    }
}

#[test]
fn the_svg_is_self_contained() {
    let env = env();
    let svg = String::from_utf8(export(&env, &["--format", "svg"])).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    for outside in [
        "<script",
        "href",
        "@import",
        "url(",
        "<image",
        "@font-face",
        "<foreignObject",
    ] {
        assert!(!svg.contains(outside), "{outside} in the SVG");
    }
    // Progress: marks and status colours, stage bands, a choice.
    assert!(svg.contains(">[x] HTTP</text>"), "{svg}");
    assert!(svg.contains("fill=\"#fdf0c2\""), "doing colour");
    assert!(svg.contains("1. Basics · "), "{svg}");
    assert!(svg.contains("◇ Pick one backend language"), "{svg}");
}

#[test]
fn graph_exports_are_the_same_bytes_in_any_zone() {
    let env = env();
    for format in ["dot", "mermaid", "svg"] {
        let run = |tz: &str| {
            let out = env
                .bare()
                .args(["export", "--format", format])
                .env("TZ", tz)
                .assert()
                .success();
            out.get_output().stdout.clone()
        };
        let utc = run("UTC");
        assert_eq!(utc, run("Pacific/Kiritimati"), "{format}");
        assert_eq!(utc, run("America/Adak"), "{format}");
    }
}

/// A roadmap whose ids and titles break Mermaid unless escaped.
fn hostile_names() -> String {
    let mut r = small_json();
    let skills = r["stages"][0]["skills"].as_array_mut().unwrap();
    let mut extra = |id: &str, title: &str, requires: &[&str]| {
        skills.push(json!({
            "id": id, "title": title, "description": "A skill with an awkward name.",
            "requires": requires, "resources": [], "hours": 1
        }));
    };
    extra("end", "The \"end\" [of it] #1 <b>&amp;</b> `code`", &[]);
    extra("o", "o", &["end"]);
    extra("x-ray", "x-ray", &["o"]);
    extra("oauth", "OAuth (o) {x}", &["x-ray"]);
    extra("end-2", "end", &["oauth"]);
    r.to_string()
}

#[test]
fn mermaid_names_never_break_the_flowchart() {
    let env = Env::new();
    let file = env.write("hostile.json", &hostile_names());
    let out = env
        .bare()
        .args([
            "--roadmap",
            file.to_str().unwrap(),
            "export",
            "--format",
            "mermaid",
        ])
        .assert()
        .success();
    let (text, _) = texts(&out);
    assert!(text.starts_with("flowchart TB\n"), "{text}");
    let is_id = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    for line in text.lines().skip(1) {
        let line = line.trim();
        if line == "end" || line.starts_with("%%") {
            continue;
        }
        if let Some((from, to)) = line.split_once(" --> ") {
            for id in [from, to] {
                assert!(is_id(id), "{line}");
                assert!(id != "end" && !id.starts_with(['o', 'x']), "{line}");
            }
            continue;
        }
        if line.starts_with("classDef ")
            || line.starts_with("class ")
            || line.starts_with("linkStyle ")
        {
            continue;
        }
        // A node or a subgraph: an id, then one quoted label.
        let line = line.strip_prefix("subgraph ").unwrap_or(line);
        let open = line.find(['[', '{']).unwrap_or_else(|| panic!("{line}"));
        let id = &line[..open];
        assert!(
            is_id(id) && id != "end" && !id.starts_with(['o', 'x']),
            "{line}"
        );
        let label = line[open..]
            .trim_start_matches(['[', '{'])
            .trim_end_matches([']', '}']);
        assert!(label.starts_with('"') && label.ends_with('"'), "{line}");
        let inner = &label[1..label.len() - 1];
        assert!(!inner.contains(['"', '<', '>', '`']), "{line}");
        assert!(
            inner
                .split('#')
                .skip(1)
                .all(|e| e.split_once(';').is_some_and(|(code, _)| !code.is_empty())),
            "a # starts an entity code: {line}"
        );
    }
    assert!(
        text.contains("s_end[\"[ ] The #quot;end#quot; [of it] #35;1 #lt;b#gt;#amp;amp;#lt;/b#gt; #96;code#96;\"]"),
        "{text}"
    );
    assert!(text.contains("s_end_2[\"[⊘] end\"]"), "{text}");
    assert!(text.contains("s_o --> s_x_ray"), "{text}");
}

#[test]
fn stage_and_around_narrow_the_map_and_unknown_ids_are_explained() {
    let env = env();
    let dot =
        String::from_utf8(export(&env, &["--format", "dot", "--around", "containers"])).unwrap();
    assert!(dot.contains("\"containers\""), "{dot}");
    assert!(dot.contains("\"linux\""), "what it needs: {dot}");
    assert!(dot.contains("\"kubernetes\""), "what it unlocks: {dot}");
    assert!(!dot.contains("\"job-market-research\""), "{dot}");
    let stage =
        String::from_utf8(export(&env, &["--format", "mermaid", "--stage", "git"])).unwrap();
    assert!(stage.contains("subgraph st_6"), "{stage}");
    let out = env
        .bare()
        .args(["export", "--format", "svg", "--stage", "databse"])
        .assert()
        .failure();
    let (_, err) = texts(&out);
    assert!(
        err.contains("unknown stage 'databse' (did you mean 'databases'?)"),
        "{err}"
    );
    let out = env
        .bare()
        .args(["export", "--format", "markdown", "--around", "containers"])
        .assert()
        .failure();
    let (_, err) = texts(&out);
    assert!(
        err.contains("go with --format dot, mermaid or svg"),
        "{err}"
    );
}

#[test]
fn the_picture_in_the_readme_is_what_the_exporter_draws() {
    let env = env();
    let svg = export(&env, &["--format", "svg", "--around", "containers"]);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/map.svg");
    if std::env::var_os("ROADMAP_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &svg).unwrap();
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == svg,
        "docs/map.svg is not what `roadmap export --format svg --around containers` draws now; \
         regenerate it with ROADMAP_UPDATE_DOCS=1 cargo test --test cli the_picture_in_the_readme"
    );
}

/// A done skill whose review fell due by the profile's last activity is
/// marked due (`[↻]`, the `due` class) in every picture; one done since
/// is plainly done. As of that activity, never the clock: the same
/// profile draws the same map on any day.
#[test]
fn a_skill_due_for_review_is_marked_due_in_every_picture() {
    let env = Env::new();
    env.write(
        "default.json",
        &json!({"version": 1, "roadmaps": {"backend": {"skills": {
            "http": {"status": "done", "changed": "2026-09-01T09:00:00Z",
                     "history": [{"at": "2026-09-01T09:00:00Z", "status": "done"}]},
            "internet": {"status": "done", "changed": "2026-12-01T09:00:00Z",
                         "history": [{"at": "2026-12-01T09:00:00Z", "status": "done"}]}
        }}}})
        .to_string(),
    );
    let dot = String::from_utf8(export(&env, &["--format", "dot", "--around", "http"])).unwrap();
    assert!(
        dot.contains("\"http\" [label=\"[↻] HTTP\", fillcolor=\"#dbe9ff\""),
        "{dot}"
    );
    assert!(
        dot.contains("\"internet\" [label=\"[x] The internet and networking basics\""),
        "{dot}"
    );
    let svg = String::from_utf8(export(&env, &["--format", "svg", "--around", "http"])).unwrap();
    assert!(svg.contains("[↻] HTTP"), "{svg}");
    let mermaid =
        String::from_utf8(export(&env, &["--format", "mermaid", "--around", "http"])).unwrap();
    assert!(mermaid.contains("[↻] HTTP"), "{mermaid}");
}

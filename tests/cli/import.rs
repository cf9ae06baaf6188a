//! `import`, `roadmaps`, `use`, `remove`: roadmap.sh files into a library
//! of roadmaps, and choosing between them. The fixtures in
//! tests/fixtures/import/ are written for the tests, in roadmap.sh's shape.

use predicates::prelude::*;
use serde_json::Value;

use super::common::{Env, texts};

const BARE: &str = "tests/fixtures/import/bare.json";
const API: &str = "tests/fixtures/import/api.json";
const CONTENT: &str = "tests/fixtures/import/content";

fn import(env: &Env, args: &[&str]) -> (String, String) {
    let a = env.bare().arg("import").args(args).assert().success();
    texts(&a)
}

fn roadmaps(env: &Env) -> Vec<Value> {
    let a = env.bare().args(["roadmaps", "--json"]).assert().success();
    let v: Value = serde_json::from_str(&texts(&a).0).unwrap();
    v.as_array().unwrap().clone()
}

fn entry<'a>(list: &'a [Value], id: &str) -> Option<&'a Value> {
    list.iter().find(|e| e["id"] == id)
}

#[test]
fn import_summarises_warns_and_keeps_the_roadmap_in_the_library() {
    let env = Env::new();
    let (out, err) = import(&env, &[BARE, "--content", CONTENT]);
    assert!(
        out.contains(
            "'bare' (Bread Baking): 4 stages, 13 skills, 10 count towards progress, 1 choice"
        ),
        "{out}"
    );
    assert!(err.contains("old numbered layout"), "{err}");
    assert!(err.contains("name no topic or subtopic"), "{err}");
    assert!(err.contains("no content file"), "{err}");
    assert!(env.home.path().join("roadmaps/bare.json").is_file());
    // The library roadmap works wherever a roadmap does, by id.
    let a = env
        .bare()
        .args(["--roadmap", "bare", "show", "flour", "--json"])
        .assert()
        .success();
    let v: Value = serde_json::from_str(&texts(&a).0).unwrap();
    assert_eq!(v["resources"].as_array().unwrap().len(), 7);
    assert_eq!(v["resources"][2]["kind"], "opensource");
}

#[test]
fn roadmaps_lists_builtin_and_imported_with_progress_and_use_changes_the_default() {
    let env = Env::new();
    import(&env, &[BARE]);
    import(&env, &[API]);
    env.bare()
        .args(["--roadmap", "bare", "done", "flour", "kneading"])
        .assert()
        .success();
    let list = roadmaps(&env);
    assert_eq!(entry(&list, "builtin").unwrap()["in_use"], true);
    let bare = entry(&list, "bare").unwrap();
    assert_eq!(bare["kind"], "imported");
    assert_eq!(bare["finished"], 2);
    assert_eq!(bare["title"], "Bread Baking");
    assert_eq!(entry(&list, "tea-brewing").unwrap()["finished"], 0);

    // ROADMAP_FILE takes a library id like --roadmap does.
    env.bare()
        .env("ROADMAP_FILE", "tea-brewing")
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains("Brewing"));
    env.bare()
        .args(["use", "bare"])
        .assert()
        .success()
        .stdout(predicate::str::contains("now using bare: Bread Baking"));
    env.bare()
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains("Bread Baking"));
    assert_eq!(entry(&roadmaps(&env), "bare").unwrap()["in_use"], true);
    let text = texts(&env.bare().arg("roadmaps").assert().success()).0;
    assert!(text.contains("* bare"), "{text}");

    // A file can be the default too, and is listed as used before.
    env.bare()
        .args(["use", "tests/fixtures/small.json"])
        .assert()
        .success();
    let list = roadmaps(&env);
    let file = list.iter().find(|e| e["kind"] == "file").unwrap();
    assert_eq!(file["in_use"], true);
    env.bare().args(["use", "builtin"]).assert().success();
    assert_eq!(entry(&roadmaps(&env), "builtin").unwrap()["in_use"], true);
}

#[test]
fn reimport_keeps_progress_through_node_ids_even_when_labels_change() {
    let env = Env::new();
    import(&env, &[BARE]);
    env.bare()
        .args(["--roadmap", "bare", "done", "flour"])
        .assert()
        .success();
    let edited = std::fs::read_to_string(BARE)
        .unwrap()
        .replace("\"label\": \"Flour\"", "\"label\": \"Flour types\"");
    let path = env.write("bare.json", &edited);
    let (out, _) = import(&env, &[path.to_str().unwrap()]);
    assert!(out.contains("replaced the earlier import"), "{out}");
    let a = env
        .bare()
        .args(["--roadmap", "bare", "show", "flour", "--json"])
        .assert()
        .success();
    let v: Value = serde_json::from_str(&texts(&a).0).unwrap();
    // The node keeps its id (and its progress); the new label shows.
    assert_eq!(v["status"], "done");
    assert_eq!(v["title"], "Flour types");
}

#[test]
fn remove_takes_the_roadmap_out_of_the_library_but_never_the_progress() {
    let env = Env::new();
    import(&env, &[BARE]);
    env.bare().args(["use", "bare"]).assert().success();
    env.bare().args(["done", "flour"]).assert().success();
    env.bare()
        .args(["remove", "bare"])
        .assert()
        .success()
        .stdout(predicate::str::contains("progress on it stays"));
    assert!(entry(&roadmaps(&env), "bare").is_none());
    // The default falls back to the built-in roadmap.
    assert_eq!(entry(&roadmaps(&env), "builtin").unwrap()["in_use"], true);
    let profile = std::fs::read_to_string(env.profile_file("default")).unwrap();
    assert!(
        profile.contains("\"bare\"") && profile.contains("\"flour\""),
        "{profile}"
    );
    // Importing again brings the progress back.
    import(&env, &[BARE]);
    assert_eq!(entry(&roadmaps(&env), "bare").unwrap()["finished"], 1);

    env.bare()
        .args(["remove", "builtin"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot be removed"));
    env.bare()
        .args(["remove", "nothing-here"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no roadmap 'nothing-here'"));
}

#[test]
fn dry_run_writes_nothing_and_output_writes_elsewhere() {
    let env = Env::new();
    let (out, _) = import(&env, &[API, "--dry-run"]);
    assert!(
        out.contains("'tea-brewing'") && out.contains("nothing was written"),
        "{out}"
    );
    assert!(!env.home.path().join("roadmaps").exists());
    let target = env.home.path().join("tea.json");
    import(&env, &[API, "-o", target.to_str().unwrap(), "--id", "tea"]);
    assert!(!env.home.path().join("roadmaps").exists());
    env.bare()
        .args(["validate", target.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "2 stages, 5 skills, 4 count towards progress, 1 choice",
        ));
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let env = Env::new();
    let (out, err) = import(&env, &[API]);
    let a = env
        .bare()
        .args(["--roadmap", "tea-brewing", "status"])
        .assert()
        .success();
    let status = texts(&a).0;
    let (bare_out, bare_err) = import(&env, &[BARE, "--content", CONTENT]);
    let a = env
        .bare()
        .args(["--roadmap", "bare", "show", "oven-spring-evil"])
        .assert()
        .success();
    let shown = texts(&a).0;
    assert!(shown.contains("Hostile text"), "{shown}");
    for text in [out, err, status, bare_out, bare_err, shown] {
        assert!(
            !text
                .chars()
                .any(|c| c != '\n' && roadmap::model::text::is_unsafe(c)),
            "{text:?}"
        );
    }
}

#[test]
fn bad_input_gets_file_and_position_and_nothing_is_written() {
    let env = Env::new();
    let broken = env.write(
        "broken.json",
        "{\n  \"nodes\": [\n    { \"id\": 3 }\n  ]\n}\n",
    );
    env.bare()
        .args(["import", broken.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.json: line 3"))
        .stderr(predicate::str::contains("nothing was written"));
    let ours = env
        .bare()
        .args(["import", "tests/fixtures/small.json"])
        .assert()
        .code(1);
    assert!(
        texts(&ours).1.contains("has no \"nodes\""),
        "{}",
        texts(&ours).1
    );
    let empty = env.write("empty.json", r#"{"nodes": [], "edges": []}"#);
    env.bare()
        .args(["import", empty.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing to track"));
    env.bare()
        .args(["import", BARE, "--id", "Bad Id"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a valid roadmap id"));
    env.bare()
        .args(["import", BARE, "--id", "builtin"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("built-in roadmap"));
    assert!(!env.home.path().join("roadmaps").exists());
}

#[test]
fn an_unknown_roadmap_id_says_what_exists() {
    let env = Env::new();
    env.bare()
        .args(["--roadmap", "nothing-here", "status"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no roadmap with id 'nothing-here' in your library",
        ));
}

#[test]
fn a_damaged_in_use_file_falls_back_to_the_builtin_roadmap_and_is_reported() {
    let env = Env::new();
    std::fs::create_dir_all(env.home.path().join("roadmaps")).unwrap();
    std::fs::write(env.home.path().join("roadmaps/in-use"), "{damaged").unwrap();
    env.bare()
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains("Backend"));
    env.bare()
        .arg("roadmaps")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("in-use is damaged"))
        .stderr(predicate::str::contains("roadmap use"));
    // Choosing again repairs it.
    env.bare().args(["use", "builtin"]).assert().success();
    env.bare().arg("roadmaps").assert().success();
}

#[test]
fn a_reimport_that_drops_skills_with_progress_names_them_and_they_return() {
    let env = Env::new();
    import(&env, &[BARE]);
    env.bare()
        .args(["--roadmap", "bare", "done", "kneading"])
        .assert()
        .success();
    env.bare()
        .args(["--roadmap", "bare", "start", "proofing"])
        .assert()
        .success();
    env.bare()
        .args([
            "--roadmap",
            "bare",
            "note",
            "cold-retard",
            "-m",
            "try overnight",
        ])
        .assert()
        .success();
    // A version without Kneading, Proofing and Cold retard (and without
    // Baking, on which there is no progress).
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(BARE).unwrap()).unwrap();
    let gone = ["Knead-B2", "Proof_D4", "cOld_06", "Bake_C3x"];
    doc["nodes"]
        .as_array_mut()
        .unwrap()
        .retain(|n| !gone.contains(&n["id"].as_str().unwrap()));
    let smaller = env.write("bare.json", &doc.to_string());
    let (out, _) = import(&env, &[smaller.to_str().unwrap(), "--dry-run"]);
    assert!(out.contains("this version would drop 3 skill(s)"), "{out}");
    let (out, _) = import(&env, &[smaller.to_str().unwrap()]);
    assert!(
        out.contains(
            "this version drops 3 skill(s) you have progress on: 'Kneading' (done), 'Proofing' (doing), 'Cold retard' (a note)"
        ),
        "{out}"
    );
    assert!(
        out.contains("stays in profile 'default' and returns if they come back"),
        "{out}"
    );
    assert!(!out.contains("'Baking'"), "{out}");
    // They come back with the next version that has them.
    let (out, _) = import(&env, &[BARE]);
    assert!(!out.contains("drops"), "{out}");
    assert_eq!(entry(&roadmaps(&env), "bare").unwrap()["finished"], 1);
}

#[test]
fn a_file_whose_own_id_is_the_builtin_ones_gets_a_stable_free_id() {
    let env = Env::new();
    let file = "tests/fixtures/import/site/backend.json";
    // Before, this was refused even with --dry-run.
    let (out, _) = import(&env, &[file, "--dry-run"]);
    assert!(
        out.contains(
            "its own id 'backend' is the built-in roadmap's, so it is kept as 'backend-roadmap-sh'"
        ),
        "{out}"
    );
    assert!(out.contains("dry run: nothing was written"), "{out}");
    import(&env, &[file]);
    env.bare()
        .args(["--roadmap", "backend-roadmap-sh", "done", "networks"])
        .assert()
        .success();
    // The same id again: a re-import, progress kept.
    let (out, _) = import(&env, &[file]);
    assert!(out.contains("replaced the earlier import"), "{out}");
    assert_eq!(
        entry(&roadmaps(&env), "backend-roadmap-sh").unwrap()["finished"],
        1
    );
    // --id still chooses.
    let (out, _) = import(&env, &[file, "--id", "server-craft"]);
    assert!(
        out.contains("'server-craft'") && !out.contains("kept as"),
        "{out}"
    );
}

/// Issue 17, item 6: `import -o` writes like `export -o` (one shared
/// function): a link to a file stays a link, and the file keeps its mode.
#[cfg(unix)]
#[test]
fn import_output_follows_a_link_with_care_and_keeps_the_mode() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let real = env.home.path().join("tea.json");
    std::fs::write(&real, "{}").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = env.home.path().join("current.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    import(&env, &[API, "-o", link.to_str().unwrap(), "--id", "tea"]);
    assert!(link.is_symlink());
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    env.bare()
        .args(["validate", real.to_str().unwrap()])
        .assert()
        .success();
}

//! Issue 18 items 5 and 6: `config check` reports every problem in file
//! order with suggestions and checks `[defaults]`; a bad `[keys]` table
//! never breaks a script.

use crate::common::{Env, SMALL, texts};

const BROKEN: &str = "[theme]
accent = \"purpel\"

[keys.mian]
quit = \"x\"

[keys.main]
toggle-dnoe = \"d\"
";

#[test]
fn config_check_reports_every_problem_in_file_order_with_suggestions() {
    let env = Env::new();
    let file = env.write(
        "config.toml",
        &format!("{BROKEN}\n[defaults]\nroadmap = \"nope.json\"\nprofil = \"x\"\n"),
    );
    let out = env
        .bare()
        .args(["config", "check"])
        .arg(&file)
        .assert()
        .code(1);
    let (stdout, stderr) = texts(&out);
    assert_eq!(stdout, "");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    let name = file.display().to_string();
    let want = [
        (2, "\"purpel\" is not a colour (did you mean \"magenta\"?)"),
        (4, "there is no key mode 'mian' (did you mean 'main'?)"),
        (
            8,
            "there is no action 'toggle-dnoe' in [keys.main] (did you mean 'toggle-done'?)",
        ),
        (11, "[defaults] roadmap does not load: "),
        (
            12,
            "there is no setting 'profil' in [defaults] (did you mean 'profile'?)",
        ),
    ];
    assert_eq!(errors.len(), want.len(), "{stderr}");
    for (line, (at, text)) in errors.iter().zip(want) {
        assert!(
            line.starts_with(&format!("error: {name}:{at}:")),
            "{line} at {at}"
        );
        assert!(line.contains(text), "{line}: {text}");
    }
    assert!(stderr.contains("nope.json"), "{stderr}");
}

#[test]
fn a_bad_keys_table_warns_and_scripts_carry_on() {
    let env = Env::new();
    let file = env.write("config.toml", BROKEN);
    for args in [
        &["done", "http"][..],
        &["export", "--format", "csv"],
        &["validate"],
        &["status", "--json"],
    ] {
        let out = env
            .small(args)
            .env("ROADMAP_CONFIG", &file)
            .assert()
            .success();
        let (_, stderr) = texts(&out);
        assert!(
            stderr.contains(&format!(
                "warning: {}:8:1: there is no action",
                file.display()
            )),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("this command carries on"), "{stderr}");
    }
    // The view itself does not start on it (no terminal would be exit 2).
    let out = env.bare().env("ROADMAP_CONFIG", &file).assert().code(1);
    assert!(texts(&out).1.contains("error: "), "{}", texts(&out).1);
    // A problem in [defaults] is an error for every command.
    let file = env.write("defaults.toml", "[defaults]\nprofil = \"work\"\n");
    env.small(&["status"])
        .env("ROADMAP_CONFIG", &file)
        .assert()
        .code(1);
}

#[test]
fn a_defaults_roadmap_that_does_not_load_names_the_config_line_and_the_fix() {
    let env = Env::new();
    let file = env.write("config.toml", "[defaults]\nroadmap = \"nope.json\"\n");
    let out = env
        .bare()
        .env("ROADMAP_CONFIG", &file)
        .arg("status")
        .assert()
        .code(1);
    let (_, stderr) = texts(&out);
    assert!(
        stderr.contains(&format!(
            "help: the roadmap is named by [defaults] roadmap in {}:2",
            file.display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
    // A good one checks ok: a file, an id, builtin.
    let small = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SMALL);
    for value in [small.display().to_string(), "builtin".to_string()] {
        let file = env.write("ok.toml", &format!("[defaults]\nroadmap = {value:?}\n"));
        env.bare()
            .args(["config", "check"])
            .arg(&file)
            .assert()
            .success();
    }
}

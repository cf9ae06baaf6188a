//! The config file from the command line: `roadmap config`, `[defaults]`,
//! a broken file, and the commands that work whatever it holds.

use crate::common::{Env, SMALL, texts};

impl Env {
    /// Writes a config file in the data folder and returns its path.
    fn config(&self, text: &str) -> std::path::PathBuf {
        self.write("config.toml", text)
    }
}

#[test]
fn config_default_is_a_complete_file_that_checks_ok() {
    let env = Env::new();
    let text = env.ok(&["config", "default"]);
    assert!(text.contains("[keys.main]") && text.contains("quit = [\"q\", \"ctrl-c\"]"));
    assert!(text.contains("[theme]") && text.contains("[defaults]"));
    let file = env.config(&text);
    let out = env
        .bare()
        .args(["config", "check"])
        .arg(&file)
        .assert()
        .success();
    assert!(texts(&out).0.ends_with(": ok\n"), "{:?}", texts(&out));
}

#[test]
fn config_path_follows_roadmap_config() {
    let env = Env::new();
    let file = env.home.path().join("mine.toml");
    let out = env
        .bare()
        .env("ROADMAP_CONFIG", &file)
        .args(["config", "path"])
        .assert()
        .success();
    let (stdout, _) = texts(&out);
    assert!(stdout.starts_with(&file.display().to_string()), "{stdout}");
    assert!(stdout.contains("not there"), "{stdout}");
    env.config("");
    let file = env.home.path().join("config.toml");
    let out = env
        .bare()
        .env("ROADMAP_CONFIG", &file)
        .args(["config", "path"])
        .assert()
        .success();
    assert_eq!(texts(&out).0, format!("{}\n", file.display()));
}

#[test]
fn a_broken_config_says_where_and_what_to_do() {
    let env = Env::new();
    let file = env.config("[keys.main]\nquit = \"j\"\n");
    let out = env
        .bare()
        .args(["config", "check"])
        .arg(&file)
        .assert()
        .code(1);
    let (_, stderr) = texts(&out);
    assert!(
        stderr.contains(&format!("{}:2:1:", file.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains("'down'") && stderr.contains("'quit'"),
        "{stderr}"
    );
    assert!(stderr.contains("help: "), "{stderr}");
}

#[test]
fn the_interactive_view_does_not_start_on_a_broken_config_but_other_commands_work() {
    let env = Env::new();
    let file = env.config("[theme]\naccent = \"reddish\"\n");
    // No terminal would be exit 2; the config is checked first.
    let out = env.bare().env("ROADMAP_CONFIG", &file).assert().code(1);
    let (_, stderr) = texts(&out);
    assert!(
        stderr.contains(":2:10: \"reddish\" is not a colour"),
        "{stderr}"
    );
    // Colours concern the view only: a command warns and carries on.
    let out = env
        .small(&["status"])
        .env("ROADMAP_CONFIG", &file)
        .assert()
        .success();
    assert!(texts(&out).1.contains("warning: "), "{}", texts(&out).1);
    assert!(texts(&out).1.contains("is not a colour"));
    // The rest work.
    for args in [
        &["config", "path"][..],
        &["config", "default"],
        &["completions", "bash"],
        &["man"],
        &["paths"],
        &["validate", SMALL],
    ] {
        env.bare()
            .env("ROADMAP_CONFIG", &file)
            .args(args)
            .assert()
            .success();
    }
}

#[test]
fn defaults_come_after_flags_and_the_environment() {
    let env = Env::new();
    let roadmap = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SMALL);
    let file = env.config(&format!(
        "[defaults]\nprofile = \"work\"\nroadmap = {:?}\n",
        roadmap.display().to_string()
    ));
    let run = |args: &[&str]| {
        env.bare()
            .env("ROADMAP_CONFIG", &file)
            .args(args)
            .assert()
            .success();
    };
    // The config's roadmap (the small one has "http") and profile.
    run(&["done", "http"]);
    assert!(env.profile_file("work").exists());
    assert!(!env.profile_file("default").exists());
    // The environment beats the config, a flag beats the environment.
    env.bare()
        .env("ROADMAP_CONFIG", &file)
        .env("ROADMAP_PROFILE", "env")
        .args(["done", "http"])
        .assert()
        .success();
    assert!(env.profile_file("env").exists());
    env.bare()
        .env("ROADMAP_CONFIG", &file)
        .env("ROADMAP_PROFILE", "env")
        .args(["--profile", "flag", "done", "http"])
        .assert()
        .success();
    assert!(env.profile_file("flag").exists());
    // Without a config: the built-in roadmap, which has no "http" id of
    // the small one's kind; the profile is "default".
    env.bare().args(["start", "postgresql"]).assert().success();
    assert!(env.profile_file("default").exists());
}

#[test]
fn paths_prints_version_format_and_folders() {
    let env = Env::new();
    let out = env.bare().arg("paths").assert().success();
    let (stdout, _) = texts(&out);
    assert!(
        stdout.starts_with(&format!("roadmap {}\n", env!("CARGO_PKG_VERSION"))),
        "{stdout}"
    );
    assert!(stdout.contains("profile format: 1\n"), "{stdout}");
    assert!(
        stdout.contains(&format!("data folder:    {}\n", env.home.path().display())),
        "{stdout}"
    );
    assert!(stdout.contains("no-config.toml (not there"), "{stdout}");
}

#[test]
fn roadmap_use_says_when_the_config_file_comes_first() {
    let env = Env::new();
    let roadmap = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SMALL);
    let file = env.config(&format!(
        "[defaults]\nroadmap = {:?}\n",
        roadmap.display().to_string()
    ));
    let with_config = env
        .bare()
        .env("ROADMAP_CONFIG", &file)
        .args(["use", "builtin"])
        .assert()
        .success();
    let (out, _) = texts(&with_config);
    assert!(out.contains("now using builtin"), "{out}");
    assert!(out.contains("[defaults] roadmap"), "{out}");
    // The config's roadmap is still the one in use: a choice made with
    // `use` does not silently win over it, and the user was told.
    env.bare()
        .env("ROADMAP_CONFIG", &file)
        .args(["done", "http"])
        .assert()
        .success();
    let without = env.bare().args(["use", "builtin"]).assert().success();
    assert!(!texts(&without).0.contains("[defaults]"));
}

#[test]
fn config_check_refuses_a_config_with_no_way_out_of_the_view() {
    // quit without keys, q and ctrl-c given to other actions: the view
    // could not be left. Refused at the line that does it.
    let env = Env::new();
    let file = env.config("[keys.main]\nquit = []\nundo = \"q\"\nback = [\"ctrl-c\"]\n");
    let out = env
        .bare()
        .args(["config", "check"])
        .arg(&file)
        .assert()
        .code(1);
    let (_, stderr) = texts(&out);
    assert!(
        stderr.contains(&format!("{}:4:1:", file.display())),
        "{stderr}"
    );
    assert!(stderr.contains("ctrl-c always quits"), "{stderr}");
}

//! `roadmap completions` in a real bash, and `roadmap man`.

use crate::common::{Env, SMALL, texts};

/// Completes `line` (ending where TAB is pressed) in bash with the script
/// `roadmap completions bash` prints; returns the candidates.
fn complete_in_bash(env: &Env, line: &str, extra_env: &[(&str, &str)]) -> Vec<String> {
    let script = env.ok(&["completions", "bash"]);
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_roadmap"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let driver = r#"
source "$1"
read -ra COMP_WORDS <<< "$2"
[[ "$2" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}; COMP_TYPE=9
fn=$(complete -p roadmap | sed -E 's/.* -F ([^ ]+) .*/\1/')
"$fn" roadmap "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let file = env.write("completion.bash", &script);
    let mut cmd = std::process::Command::new("bash");
    cmd.arg("-c")
        .arg(driver)
        .arg("bash")
        .arg(&file)
        .arg(line)
        .env("PATH", path)
        .env("ROADMAP_HOME", env.home.path())
        .env("ROADMAP_CONFIG", env.home.path().join("no-config.toml"))
        .env_remove("ROADMAP_FILE")
        .env_remove("ROADMAP_PROFILE");
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn bash_completes_skill_ids_stage_ids_and_profiles() {
    let env = Env::new();
    assert_eq!(
        complete_in_bash(&env, "roadmap done pos", &[]),
        ["postgresql"]
    );
    assert_eq!(
        complete_in_bash(&env, "roadmap show postg", &[]),
        ["postgresql"]
    );
    // From the roadmap in use.
    let small = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SMALL);
    let small = small.to_str().unwrap();
    assert_eq!(
        complete_in_bash(&env, "roadmap list --stage ba", &[("ROADMAP_FILE", small)]),
        ["basics"]
    );
    assert_eq!(
        complete_in_bash(&env, "roadmap done ht", &[("ROADMAP_FILE", small)]),
        ["http"]
    );
    // Subcommands, and profile names from the data folder.
    assert!(complete_in_bash(&env, "roadmap comp", &[]).contains(&"completions".to_string()));
    env.small(&["--profile", "work", "done", "http"])
        .assert()
        .success();
    assert_eq!(
        complete_in_bash(&env, "roadmap --profile wo", &[]),
        ["work"]
    );
    // Imported roadmaps' ids, for `use` and `remove`.
    let api =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/api.json");
    env.bare()
        .args(["import", api.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(
        complete_in_bash(&env, "roadmap use te", &[]),
        ["tea-brewing"]
    );
    assert_eq!(
        complete_in_bash(&env, "roadmap remove t", &[]),
        ["tea-brewing"]
    );
}

#[test]
fn every_shell_gets_a_script() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = env.ok(&["completions", shell]);
        assert!(script.contains("ROADMAP_COMPLETE"), "{shell}: {script}");
    }
    env.bare().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_has_commands_environment_files_exit_codes_and_keys() {
    let env = Env::new();
    let page = env.ok(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH roadmap 1"),
        "{page}"
    );
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH COMMANDS",
        ".SH KEYS",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(section), "{section} missing");
    }
    for text in [
        ".SS \"roadmap done\"",
        "ROADMAP_HOME",
        "ROADMAP_CONFIG",
        "NO_COLOR",
        "config.toml",
        "ctrl\\-c",
        "toggle done",
    ] {
        assert!(page.contains(text), "{text} missing");
    }
    // The keys are the ones bound.
    let file = env.write("config.toml", "[keys.main]\ntoggle-done = \"x\"\n");
    let out = env
        .bare()
        .env("ROADMAP_CONFIG", &file)
        .arg("man")
        .assert()
        .success();
    let page = texts(&out).0;
    assert!(page.contains(".TP\n\\fBx\\fR\ntoggle done"), "{page}");
}

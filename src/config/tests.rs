use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

use super::*;
use crate::tui::action::Action;
use crate::tui::keymap::KeyMode;

fn err(text: &str) -> ConfigError {
    parse(text, "config.toml").expect_err("should be refused")
}

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(parse("", "c").unwrap(), Config::default());
}

#[test]
fn the_default_file_parses_back_to_the_defaults() {
    let text = default_text();
    assert_eq!(parse(&text, "default").unwrap(), Config::default());
    // It names every action of every mode and every element.
    for mode in KeyMode::ALL {
        assert!(text.contains(&format!("[keys.{}]", mode.name())));
        for name in Config::default().keymap.action_names(mode) {
            assert!(text.contains(&format!("\n{name} = [")), "{name}");
        }
    }
    for (name, _) in Palette::ELEMENTS {
        assert!(text.contains(&format!("\n{name} = ")), "{name}");
    }
}

#[test]
fn keys_are_rebound_per_mode_with_several_keys() {
    let c = parse(
        "[keys.main]\nquit = [\"x\", \"ctrl-q\"]\ndown = \"ctrl-n\"\n[keys.help]\nclose = \"esc\"\n",
        "c",
    )
    .unwrap();
    let main = |e| c.keymap.key_action(KeyMode::Main, e);
    assert_eq!(main(press('x')), Some(Action::Quit));
    assert_eq!(
        main(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL)),
        Some(Action::Quit)
    );
    // The old keys are free now.
    assert_eq!(main(press('q')), None);
    assert_eq!(main(press('j')), None);
    assert_eq!(
        main(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL)),
        Some(Action::Down)
    );
    assert_eq!(c.keymap.key_action(KeyMode::Help, press('q')), None);
    // The footer shows the key actually bound.
    assert!(
        c.keymap
            .hints(KeyMode::Main)
            .contains(&("x".to_string(), "quit"))
    );
}

#[test]
fn unknown_top_level_key_is_refused_with_line_and_column() {
    let e = err("\n\ncolour = \"red\"\n");
    assert_eq!(e.at, Some((3, 1)));
    assert_eq!(
        e.problem,
        "there is no setting 'colour' here; the settings here are 'keys', 'theme', 'defaults', 'sync', 'review', 'today'"
    );
    assert!(e.to_string().starts_with("config.toml:3:1: "), "{e}");
    assert!(e.help.contains("roadmap config default"));
}

#[test]
fn wrong_types_are_refused() {
    let e = err("[defaults]\nprofile = 3\n");
    assert_eq!(e.at, Some((2, 11)));
    assert_eq!(e.problem, "this should be text in quotes, not integer '3'");
    let e = err("[keys.main]\nquit = 3\n");
    assert_eq!(e.at, Some((2, 8)));
    assert!(e.problem.contains("found integer"), "{e}");
    let e = err("[keys.main]\nquit = [\"x\", 3]\n");
    assert!(e.problem.contains("string"), "{e}");
    let e = err("theme = 3\n");
    assert_eq!(e.at, Some((1, 9)));
    let e = err("[theme]\naccent = 3\n");
    assert_eq!(e.at, Some((2, 10)));
    let e = err("keys = 1\n");
    assert_eq!(e.at, Some((1, 8)));
    assert_eq!(
        e.problem,
        "this should be a table of settings, not integer '1'"
    );
    let e = err("theme = \"light\"\n[theme]\nok = \"red\"\n");
    assert_eq!(e.at, Some((2, 2)));
    assert!(e.problem.contains("written twice"), "{e}");
    let e = err("[defaults\n");
    assert_eq!(e.at.map(|a| a.0), Some(1));
}

#[test]
fn unknown_actions_and_modes_are_refused_with_the_names_there_are() {
    let e = err("[keys.main]\nqiut = \"x\"\n");
    assert_eq!(e.at, Some((2, 1)));
    assert!(e.problem.contains("no action 'qiut' in [keys.main]"), "{e}");
    assert!(e.problem.contains("quit"), "{e}");
    // Typing in the search box is not a key.
    let e = err("[keys.search]\ntype = \"x\"\n");
    assert!(e.problem.contains("no action 'type'"), "{e}");
    let e = err("[keys.stats2]\nquit = \"x\"\n");
    assert_eq!(e.at, Some((1, 7)));
    assert!(e.problem.contains("no key mode 'stats2'"), "{e}");
    assert!(e.help.contains("main"), "{e}");
}

#[test]
fn unknown_key_names_are_refused() {
    let e = err("[keys.main]\nquit = [\"q\", \"hyper-q\"]\n");
    assert_eq!(e.at, Some((2, 8)));
    assert!(e.problem.contains("\"hyper-q\" is not a key"), "{e}");
    assert!(e.help.contains("ctrl-"), "{e}");
}

#[test]
fn two_actions_on_one_key_in_a_mode_are_refused() {
    let e = err("[keys.main]\nquit = \"j\"\n");
    // At the line that made the clash.
    assert_eq!(e.at, Some((2, 1)));
    assert!(e.problem.contains("\"j\""), "{e}");
    assert!(
        e.problem.contains("'down'") && e.problem.contains("'quit'"),
        "{e}"
    );
    // The same key in two modes is fine.
    parse(
        "[keys.main]\nquit = \"x\"\n[keys.help]\nclose = \"x\"\n",
        "c",
    )
    .unwrap();
    // Moving the other action off the key resolves it.
    parse("[keys.main]\nquit = \"j\"\ndown = \"down\"\n", "c").unwrap();
}

#[test]
fn themes_by_preset_name_and_colours() {
    assert_eq!(
        parse("theme = \"light\"\n", "c").unwrap().palette,
        Palette::LIGHT
    );
    let c = parse(
        "[theme]\npreset = \"light\"\naccent = \"#ff8000\"\nok = \"light-green\"\ndim = \"244\"\n",
        "c",
    )
    .unwrap();
    assert_eq!(c.palette.accent, Color::Rgb(0xff, 0x80, 0));
    assert_eq!(c.palette.ok, Color::LightGreen);
    assert_eq!(c.palette.dim, Color::Indexed(244));
    assert_eq!(c.palette.warn, Palette::LIGHT.warn);
    let e = err("theme = \"solarized\"\n");
    assert!(
        e.problem.contains("no theme 'solarized'") && e.help.contains("light"),
        "{e}"
    );
    let e = err("[theme]\naccnet = \"red\"\n");
    assert_eq!(e.at, Some((2, 1)));
    assert!(e.help.contains("accent"), "{e}");
    let e = err("[theme]\naccent = \"reddish\"\n");
    assert_eq!(e.at, Some((2, 10)));
    assert!(e.help.contains("hex"), "{e}");
}

#[test]
fn defaults_and_bad_profile_names() {
    let c = parse(
        "[defaults]\nprofile = \"work\"\nroadmap = \"r.json\"\n",
        "c",
    )
    .unwrap();
    assert_eq!(c.defaults.profile.as_deref(), Some("work"));
    assert_eq!(c.defaults.roadmap, Some(PathBuf::from("r.json")));
    let e = err("[defaults]\nprofile = \"../x\"\n");
    assert_eq!(e.at, Some((2, 11)));
    let e = err("[defaults]\nprofil = \"x\"\n");
    assert_eq!(e.at, Some((2, 1)));
}

#[test]
fn files_are_read_relative_roadmaps_resolved_and_junk_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[defaults]\nroadmap = \"r.json\"\n").unwrap();
    let c = load_file(&file).unwrap();
    assert_eq!(c.defaults.roadmap, Some(dir.path().join("r.json")));
    std::fs::write(&file, [0xff, 0xfe]).unwrap();
    assert!(load_file(&file).unwrap_err().0[0].problem.contains("UTF-8"));
    assert!(
        load_file(dir.path()).unwrap_err().0[0]
            .problem
            .contains("folder")
    );
    let missing = load_file(&dir.path().join("nope.toml")).unwrap_err();
    assert!(missing.0[0].problem.contains("cannot read"), "{missing}");
}

/// A problem as the tests look at it: place, words, view only.
type Seen<'a> = (Option<(usize, usize)>, &'a str, bool);

/// Issue 18 item 5: every problem, in the order of the file, each with a
/// "did you mean" for a slip.
#[test]
fn every_problem_is_reported_in_file_order_with_suggestions() {
    let text = "[theme]\naccent = \"purpel\"\n\n[keys.mian]\nquit = \"x\"\n\n[keys.main]\ntoggle-dnoe = \"d\"\nquit = \"j\"\n\n[defaults]\nprofil = \"x\"\n";
    let parsed = parse_all(text, "config.toml");
    let got: Vec<Seen> = parsed
        .problems
        .iter()
        .map(|p| (p.at, p.problem.as_str(), p.view_only))
        .collect();
    assert_eq!(got.len(), 5, "{got:#?}");
    assert_eq!(got[0].0, Some((2, 10)));
    assert_eq!(
        got[0].1,
        "\"purpel\" is not a colour (did you mean \"magenta\"?)"
    );
    assert_eq!(got[1].0, Some((4, 7)));
    assert_eq!(
        got[1].1,
        "there is no key mode 'mian' (did you mean 'main'?)"
    );
    assert_eq!(got[2].0, Some((8, 1)));
    assert_eq!(
        got[2].1,
        "there is no action 'toggle-dnoe' in [keys.main] (did you mean 'toggle-done'?)"
    );
    assert_eq!(got[3].0, Some((9, 1)));
    assert!(got[3].1.contains("'down' and 'quit'"), "{}", got[3].1);
    assert_eq!(got[4].0, Some((12, 1)));
    assert!(
        got[4]
            .1
            .contains("'profil' in [defaults] (did you mean 'profile'?)"),
        "{}",
        got[4].1
    );
    // Keys and colours concern the view only; [defaults] every command.
    assert!(got[..4].iter().all(|g| g.2));
    assert!(!got[4].2);
    // `parse` gives the first of them, in the order of the file.
    assert_eq!(parse(text, "c").unwrap_err().at, Some((2, 10)));
}

#[test]
fn a_slip_of_a_table_name_is_classed_by_what_it_stands_for() {
    let parsed = parse_all(
        "[kyes.main]\nquit = \"x\"\n[defualts]\nprofile = \"w\"\n",
        "c",
    );
    let classes: Vec<(&str, bool)> = parsed
        .problems
        .iter()
        .map(|p| (p.problem.as_str(), p.view_only))
        .collect();
    assert_eq!(classes.len(), 2, "{classes:?}");
    assert!(classes[0].0.contains("(did you mean 'keys'?)") && classes[0].1);
    assert!(classes[1].0.contains("(did you mean 'defaults'?)") && !classes[1].1);
}

#[test]
fn the_default_file_spells_colours_as_the_docs_do() {
    let text = default_text();
    assert!(text.contains("\ndim = \"dark-gray\""), "{text}");
    assert!(text.contains("\naccent = \"cyan\""), "{text}");
    assert!(!text.contains("DarkGray"), "{text}");
}

#[test]
fn a_library_id_in_defaults_stays_an_id() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[defaults]\nroadmap = \"builtin\"\n").unwrap();
    let c = load_file(&file).unwrap();
    assert_eq!(c.defaults.roadmap, Some(PathBuf::from("builtin")));
    assert_eq!(
        c.defaults.roadmap_from,
        Some(format!("{}:2", file.display()))
    );
}

#[test]
fn sync_is_one_folder_or_one_git_remote_and_errors_say_where() {
    use crate::store::sync::Target;
    let c = parse("[sync]\nfolder = \"~/Sync/roadmap\"\n", "config.toml").unwrap();
    assert_eq!(c.sync, Some(Target::Folder("~/Sync/roadmap".into())));
    let c = parse("[sync]\ngit = \"git@host:me/r.git\"\n", "config.toml").unwrap();
    assert_eq!(c.sync, Some(Target::Git("git@host:me/r.git".into())));
    assert_eq!(parse("", "config.toml").unwrap().sync, None);
    let e = err("[sync]\nfolder = \"/a\"\ngit = \"git@h:r.git\"\n");
    assert_eq!(e.at, Some((3, 7)), "{e}");
    assert!(e.problem.contains("both folder and git"), "{e}");
    assert!(e.help.contains("not both"), "{e}");
    let e = err("\n[sync]\n");
    assert!(e.problem.contains("neither"), "{e}");
    assert_eq!(e.at.map(|a| a.0), Some(2), "{e}");
    let e = err("[sync]\nfolder = \"\"\n");
    assert_eq!(e.at, Some((2, 10)), "{e}");
    let e = err("[sync]\ngit = \"--upload-pack=x\"\n");
    assert!(e.problem.contains("not a git remote"), "{e}");
    let e = err("[sync]\nremote = \"x\"\n");
    assert!(e.problem.contains("remote"), "{e}");
}

#[test]
fn a_sync_folder_starts_at_home_or_at_the_config_files_folder() {
    use std::path::Path;
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    if let Some(home) = home.filter(|h| h.is_absolute()) {
        assert_eq!(
            super::sync_folder(Path::new("~/Sync/roadmap"), None),
            home.join("Sync/roadmap")
        );
    }
    assert_eq!(
        super::sync_folder(Path::new("sync"), Some(Path::new("/etc/r"))),
        Path::new("/etc/r/sync")
    );
    assert_eq!(
        super::sync_folder(Path::new("/abs"), Some(Path::new("/etc/r"))),
        Path::new("/abs")
    );
}

#[test]
fn no_config_can_trap_the_learner_in_the_view() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    // The trap of issue 17: quit without keys, q and ctrl-c given to
    // other actions. Ctrl-C always quits, so this is refused, on the line
    // that binds it.
    let e = err("[keys.main]\nquit = []\nundo = [\"q\", \"ctrl-c\"]\n");
    assert!(e.problem.contains("ctrl-c always quits"), "{e}");
    assert!(e.problem.contains("'undo'"), "{e}");
    assert_eq!(e.at, Some((3, 1)), "{e}");
    let e = err("[keys.search]\nclear = \"ctrl-c\"\n");
    assert!(e.problem.contains("[keys.search]"), "{e}");
    // Quit without keys still quits with Ctrl-C, in every mode, and the
    // help shows it.
    let c = parse(
        "[keys.main]\nquit = []\n[keys.unreadable]\nquit = \"x\"\n",
        "c",
    )
    .unwrap();
    for mode in KeyMode::ALL {
        assert_eq!(
            c.keymap.key_action(mode, ctrl_c),
            Some(Action::Quit),
            "{mode:?}"
        );
    }
    assert_eq!(
        c.keymap.key_of(KeyMode::Main, &Action::Quit).as_deref(),
        Some("Ctrl-c")
    );
    assert_eq!(
        c.keymap.key_action(KeyMode::Unreadable, press('x')),
        Some(Action::Quit)
    );
    // An overlay must keep a key that closes it.
    for mode in ["search", "stats", "help", "switcher"] {
        let e = err(&format!("[keys.{mode}]\nclose = []\n"));
        assert!(e.problem.contains("'close' has no key"), "{e}");
        assert_eq!(e.at, Some((2, 1)), "{e}");
    }
}

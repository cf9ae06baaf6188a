//! The config file's keys and colours on screen.

use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

use super::{SMALL, app_with, draw, run};
use crate::config::parse;
use crate::model::Status;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::KeyMode;
use crate::tui::theme::{Palette, Theme};

const REBOUND: &str = r#"
[keys.main]
quit = ["x", "ctrl-q"]
toggle-done = "d"
help = "f1"
next-filter = []
[keys.help]
close = ["esc", "x"]
"#;

fn rebound_app() -> App {
    let config = parse(REBOUND, "config.toml").unwrap();
    app_with(SMALL, &[("internet", Status::Done, 1)]).with_keymap(config.keymap)
}

fn text(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

#[test]
fn help_and_footer_show_the_rebound_keys() {
    let mut a = rebound_app();
    a.update(Action::Resize(80, 24), super::now());
    let main = text(&draw(&a, 80, 24));
    // The footer: the new keys, and no hint for an action left without one.
    assert!(main.contains(" d done "), "{main}");
    assert!(
        main.contains(" F1 help ") && main.contains(" x quit "),
        "{main}"
    );
    assert!(!main.contains("filter "), "{main}");
    assert!(
        main.contains("Space") || main.contains(" d done "),
        "{main}"
    );
    run(&mut a, [Action::ToggleHelp, Action::Resize(120, 40)]);
    let terminal = draw(&a, 120, 40);
    let help = text(&terminal);
    assert!(help.contains("Esc or x closes"), "{help}");
    assert!(help.contains("Esc or x closes the help"), "{help}");
    assert_snapshot!("help_rebound_120x40", terminal.backend());
    // The quit row, a little further down.
    run(&mut a, std::iter::repeat_n(Action::Down, 12));
    let lower = text(&draw(&a, 120, 40));
    assert!(lower.contains("x Ctrl-q"), "{lower}");
}

#[test]
fn rebound_keys_drive_the_app() {
    let a = rebound_app();
    let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(
        a.keymap().key_action(KeyMode::Main, press('d')),
        Some(Action::ToggleDone)
    );
    assert_eq!(a.keymap().key_action(KeyMode::Main, press(' ')), None);
    assert_eq!(
        a.keymap().key_action(
            KeyMode::Main,
            KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE)
        ),
        Some(Action::ToggleHelp)
    );
}

#[test]
fn the_light_theme_renders_in_its_colours() {
    let a = app_with(SMALL, &[("internet", Status::Done, 1)]).with_theme(Theme {
        color: true,
        palette: Palette::LIGHT,
    });
    let terminal = draw(&a, 100, 30);
    let cells = &terminal.backend().buffer().content;
    let light = Palette::LIGHT;
    assert!(
        cells
            .iter()
            .any(|c| c.bg == light.selected_bg && c.fg == light.selected_fg)
    );
    assert!(cells.iter().any(|c| c.fg == light.accent));
    assert!(cells.iter().any(|c| c.fg == light.ok));
    assert!(cells.iter().any(|c| c.fg == light.dim));
    // Nothing of the dark palette is left (yellow or cyan on white).
    for c in cells {
        for colour in [Color::Yellow, Color::Cyan, Color::DarkGray] {
            assert!(c.fg != colour && c.bg != colour, "{c:?}");
        }
    }
}

#[test]
fn under_no_color_any_palette_shows_selection_by_reverse_and_emphasis_by_bold() {
    let a = app_with(SMALL, &[("internet", Status::Done, 1)]).with_theme(Theme {
        color: false,
        palette: Palette::LIGHT,
    });
    let terminal = draw(&a, 100, 30);
    let cells = &terminal.backend().buffer().content;
    for c in cells {
        assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset), "{c:?}");
    }
    assert!(
        cells
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED))
    );
    assert!(cells.iter().any(|c| c.modifier.contains(Modifier::BOLD)));
}

#[test]
fn popup_titles_name_the_keys_in_use() {
    let config = parse(
        "[keys.search]\nclose = \"ctrl-g\"\n[keys.stats]\nclose = \"x\"\n",
        "config.toml",
    )
    .unwrap();
    let mut a = app_with(SMALL, &[("internet", Status::Done, 1)]).with_keymap(config.keymap);
    run(&mut a, [Action::Resize(120, 40), Action::OpenSearch]);
    let shown = text(&draw(&a, 120, 40));
    assert!(shown.contains("Enter jumps · Ctrl-g cancels"), "{shown}");
    run(&mut a, [Action::Close, Action::OpenStats]);
    let shown = text(&draw(&a, 120, 40));
    assert!(shown.contains("· x closes"), "{shown}");
    assert!(!shown.contains("Esc closes"), "{shown}");
}

#[test]
fn esc_at_the_top_names_the_rebound_quit_key() {
    let mut a = rebound_app();
    run(
        &mut a,
        [Action::Resize(120, 40), Action::Close, Action::Close],
    );
    let said = format!("{:?}", a.message());
    assert!(said.contains("x quits"), "{said}");
    assert!(!said.contains("q quits"), "{said}");
}

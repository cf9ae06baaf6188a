//! Drawing never panics, whatever the size, and draws only what is visible.

use std::fmt::Write as _;

use super::{SMALL, TUI, app, app_with, draw, now, run, screen};
use crate::model::{Profile, Status};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::theme::Theme;

fn all_modes(json: &str) -> Vec<App> {
    let mut out = Vec::new();
    for actions in [
        vec![],
        vec![Action::ToggleHelp],
        vec![Action::OpenSearch, Action::SearchInput('a')],
        vec![Action::Right, Action::Last],
        vec![Action::Left, Action::Left, Action::PrevPane],
    ] {
        let mut a = app_with(
            json,
            &[
                ("internet", Status::Done, 3),
                ("terminal", Status::Doing, 1),
            ],
        );
        run(&mut a, actions);
        out.push(a);
    }
    out.push(App::unreadable(
        super::roadmap(json),
        "default",
        "profile is damaged",
        now(),
    ));
    out
}

#[test]
fn no_panic_at_any_size() {
    for json in [SMALL, TUI] {
        for mut a in all_modes(json) {
            for w in (1..=130).step_by(7).chain([79, 80, 81, 119, 120]) {
                for h in (1..=45).step_by(4).chain([23, 24, 25]) {
                    a.update(Action::Resize(w, h), now());
                    let _ = draw(&a, w, h);
                }
            }
        }
    }
}

#[test]
fn a_roadmap_without_stages_still_draws() {
    let json = r#"{"version":1,"id":"empty","title":"Empty","stages":[]}"#;
    let mut a = app(json);
    run(
        &mut a,
        [
            Action::Down,
            Action::ToggleDone,
            Action::Left,
            Action::Enter,
            Action::JumpNext,
        ],
    );
    let text = screen(&a, 100, 30);
    assert!(text.contains("no stages yet"), "{text}");
}

#[test]
fn monochrome_theme_uses_no_colour() {
    let a = app_with(SMALL, &[("internet", Status::Done, 1)]).with_theme(Theme::MONO);
    let terminal = draw(&a, 100, 30);
    for cell in &terminal.backend().buffer().content {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
    }
}

/// A roadmap of `n` skills in one stage, in the file format.
fn huge(n: usize) -> String {
    let mut skills = String::new();
    for i in 0..n {
        if i > 0 {
            skills.push(',');
        }
        let _ = write!(skills, r#"{{"id":"s{i}","title":"Skill number {i}"}}"#);
    }
    format!(
        r#"{{"version":1,"id":"huge","title":"Huge","stages":[{{"id":"all","title":"All","skills":[{skills}]}}]}}"#
    )
}

#[test]
fn a_huge_stage_draws_only_the_visible_rows() {
    let roadmap = crate::model::load(huge(100_000).as_bytes(), "huge").unwrap();
    let mut a = App::new(roadmap, Profile::default(), "default", now()).with_size(120, 40);
    let start = std::time::Instant::now();
    for _ in 0..20 {
        let _ = draw(&a, 120, 40);
    }
    run(&mut a, [Action::Last]);
    let text = screen(&a, 120, 40);
    assert!(text.contains("Skill number 99999"), "{text}");
    run(&mut a, [Action::PageUp, Action::Down]);
    // Generous even for a debug build: drawing is independent of the length.
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
}

/// A roadmap full of escape sequences, bidi overrides and C1 controls draws
/// nothing that could drive the terminal, in any mode.
#[test]
fn hostile_text_never_reaches_the_screen() {
    for file in ["escapes.json", "escapes-raw-utf8.json"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hostile")
            .join(file);
        let json = std::fs::read_to_string(&path).unwrap();
        let r = crate::model::load(json.as_bytes(), file).unwrap();
        let mut a = App::new(r, Profile::default(), "default\u{1b}[2J", now());
        for actions in [
            vec![],
            vec![Action::Right],
            vec![Action::ToggleHelp],
            vec![Action::OpenSearch, Action::SearchInput('e')],
        ] {
            run(&mut a, actions);
            for (w, h) in [(80, 24), (120, 40)] {
                let terminal = draw(&a, w, h);
                for cell in terminal.backend().buffer().content() {
                    assert!(
                        !cell.symbol().chars().any(crate::model::text::is_unsafe),
                        "{file}: {:?} drawn at {w}x{h}",
                        cell.symbol()
                    );
                }
            }
            run(&mut a, [Action::Close]);
        }
    }
}

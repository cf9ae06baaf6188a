//! The details of a "pick one of" choice, shown when its header is
//! selected in the skills pane or its entry in the next steps: how many
//! options to pick, which are done, declined or in progress, their hours,
//! and what requires the choice. Options and requirers are links.

use ratatui::style::Style;
use ratatui::text::Line;

use super::details::{DetailLine, Links, Target, section};
use super::text::wrap;
use crate::model::Status;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::KeyMode;

/// The links of choice `c`: its options, then what requires it.
pub fn targets(app: &App, c: usize) -> Vec<Target> {
    let choice = &app.roadmap.choices[c];
    choice
        .from
        .iter()
        .chain(&choice.dependents)
        .map(|&s| Target::Skill(s))
        .collect()
}

/// How option `o` stands within its choice, for the line after its title.
fn option_tail(app: &App, o: usize) -> String {
    let hours = app.roadmap.skills[o]
        .hours
        .map(|h| format!(" · {h} h"))
        .unwrap_or_default();
    let state = match app.states()[o].status {
        Status::Done => " · picked",
        Status::Skipped => " · declined",
        Status::Doing => " · in progress",
        Status::Todo if app.is_unpicked(o) => " · not picked",
        Status::Todo => "",
    };
    let optional = if app.roadmap.skills[o].optional {
        " · optional"
    } else {
        ""
    };
    format!("{hours}{state}{optional}")
}

pub fn lines(app: &App, c: usize, cells: usize) -> Vec<DetailLine> {
    let t = app.theme;
    let roadmap = &app.roadmap;
    let choice = &roadmap.choices[c];
    let mut out = Vec::new();
    let plain = |out: &mut Vec<DetailLine>, text: String, style: Style| {
        for l in wrap(&text, cells) {
            out.push(DetailLine {
                line: Line::styled(l, style),
                target: None,
            });
        }
    };
    plain(&mut out, choice.title.clone(), t.bold());
    let mut meta = vec![choice.id.clone(), "a choice".to_string()];
    if let Some(stage) = roadmap.choice_stage(c) {
        meta.push(roadmap.stages[stage].title.clone());
    }
    plain(&mut out, meta.join(" · "), t.dim());
    let options = app.eval().choice_options[c];
    let done = options.done;
    let n = choice.from.len();
    let (state, style) = if app.eval().choice_satisfied(roadmap, c) {
        if done >= choice.pick {
            let picked: Vec<&str> = choice
                .from
                .iter()
                .filter(|&&o| app.states()[o].status == Status::Done)
                .map(|&o| roadmap.skills[o].title.as_str())
                .collect();
            (format!("✓ picked: {}", picked.join(", ")), t.ok())
        } else {
            ("✓ skipped: every option declined".to_string(), t.ok())
        }
    } else {
        let text = if done == 0 {
            "none picked yet".to_string()
        } else {
            format!("{done} picked, {} to go", choice.pick - done)
        };
        (text, t.accent())
    };
    plain(
        &mut out,
        format!("pick {} of {n} · {state}", choice.pick),
        style,
    );
    let counts = if choice.from.iter().all(|&o| roadmap.skills[o].optional) {
        "counts nothing towards progress: every option is optional".to_string()
    } else if choice.pick == 1 {
        "counts as 1 skill towards progress, whichever you pick".to_string()
    } else {
        format!(
            "counts as {} skills towards progress, whichever you pick",
            choice.pick
        )
    };
    plain(&mut out, counts, t.dim());
    if !app.eval().choice_satisfied(roadmap, c) {
        let key = |a: Action| {
            app.keymap()
                .key_of(KeyMode::Main, &a)
                .unwrap_or_else(|| "(no key)".to_string())
        };
        plain(&mut out, String::new(), Style::new());
        plain(
            &mut out,
            format!(
                "{} on an option you learn picks it; {} declines one that is not for you.",
                key(Action::ToggleDone),
                key(Action::SetStatus(Status::Skipped))
            ),
            Style::new(),
        );
    }
    let mut links = Links {
        app,
        cells,
        out,
        next: 0,
    };
    section(&mut links.out, app, "Options");
    for &o in &choice.from {
        let tail = option_tail(app, o);
        links.link_with("  ", o, &tail);
    }
    if !choice.dependents.is_empty() {
        section(&mut links.out, app, "Required by");
        for &d in &choice.dependents {
            links.link("  ", d);
        }
    }
    links.out
}

//! The map: laying out the built-in roadmap, one skill's focus on a
//! 10,000-skill roadmap, and a key press on the map (update plus a whole
//! 120×40 frame). Run with `cargo bench --bench map`.

#![allow(clippy::expect_used)]

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roadmap::map::{Layout, LayoutOptions, Scope};
use roadmap::model::{self, Profile, Roadmap, Status};
use roadmap::tui::action::Action;
use roadmap::tui::app::App;

fn layout(c: &mut Criterion) {
    let builtin = model::builtin().expect("built-in roadmap loads");
    let options = LayoutOptions::default();
    c.bench_function("map_layout/builtin", |b| {
        b.iter(|| black_box(Layout::new(&builtin, Scope::All, &options)));
    });
    let big = model::load(roadmap::synth::roadmap_json(10_000).as_bytes(), "synth")
        .expect("synthetic roadmap loads");
    // A skill half way: the most to lay out, what it needs and what it unlocks.
    let middle = big.skills.len() / 2;
    c.bench_function("map_layout/focus_10000", |b| {
        b.iter(|| black_box(Layout::new(&big, Scope::Focus(middle), &options)));
    });
    c.bench_function("map_layout/stage_10000", |b| {
        b.iter(|| black_box(Layout::new(&big, Scope::Stage(10), &options)));
    });
}

/// A key press on the map: `update` (moving along an edge, which also
/// works out the path left) plus drawing a whole 120×40 frame.
fn key_press(c: &mut Criterion) {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 12, 0, 0)
        .single()
        .unwrap_or_default();
    let mut group = c.benchmark_group("map_key_press");
    let big = model::load(roadmap::synth::roadmap_json(10_000).as_bytes(), "synth")
        .expect("synthetic roadmap loads");
    for (name, roadmap) in [
        ("builtin", model::builtin().expect("built-in")),
        ("focus_10000", big),
    ] {
        let mut app = app(roadmap, now);
        app.update(Action::OpenMap, now);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
        let mut up = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                up = !up;
                app.update(if up { Action::Up } else { Action::Down }, now);
                terminal
                    .draw(|f| f.render_widget(&app, f.area()))
                    .map(|_| ())
            });
        });
    }
    group.finish();
}

/// Every third skill done, at 120×40.
fn app(roadmap: Roadmap, now: chrono::DateTime<Utc>) -> App {
    let mut p = Profile::default();
    for i in (0..roadmap.skills.len()).step_by(3) {
        p.set_status(&roadmap, i, Status::Done, now);
    }
    App::new(roadmap, p, "bench", now).with_size(120, 40)
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = layout, key_press
}
criterion_main!(benches);

//! One key press in the interactive view: `update` plus drawing a whole
//! 120×40 frame into ratatui's `TestBackend`. Run with `cargo bench --bench tui`.

#![allow(clippy::expect_used)]

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roadmap::model::{self, Profile, Status};
use roadmap::tui::action::Action;
use roadmap::tui::app::App;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn app(n: usize) -> App {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 12, 0, 0)
        .single()
        .unwrap_or_default();
    let r = model::load(roadmap::synth::roadmap_json(n).as_bytes(), "synth")
        .expect("synthetic roadmap loads");
    let mut p = Profile::default();
    for i in (0..r.skills.len()).step_by(3) {
        p.set_status(&r, i, Status::Done, now);
    }
    App::new(r, p, "bench", now).with_size(120, 40)
}

fn key_press(c: &mut Criterion) {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 13, 0, 0)
        .single()
        .unwrap_or_default();
    let mut group = c.benchmark_group("key_press");
    for n in SIZES {
        let mut app = app(n);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
        let mut down = true;
        group.bench_function(BenchmarkId::new("move", n), |b| {
            b.iter(|| {
                down = !down;
                app.update(if down { Action::Down } else { Action::Up }, now);
                terminal
                    .draw(|f| f.render_widget(&app, f.area()))
                    .map(|_| ())
            });
        });
        group.bench_function(BenchmarkId::new("toggle_done", n), |b| {
            b.iter(|| {
                black_box(app.update(Action::ToggleDone, now));
                terminal
                    .draw(|f| f.render_widget(&app, f.area()))
                    .map(|_| ())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, key_press);
criterion_main!(benches);

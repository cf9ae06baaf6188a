//! The journal: stats over 10,000 history entries and 500 notes (budget:
//! under 5 ms), the goal's pace for the header after a change (a key
//! press: under 1 ms), and opening the TUI's stats view once they are computed (budget: under
//! 1 ms, a key press like any other, frame included). Run with
//! `cargo bench --bench journal`.

#![allow(clippy::expect_used)]

use std::hint::black_box;

use chrono::{DateTime, Duration, FixedOffset, Local, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roadmap::model::journal::{Stats, activities, current_pace};
use roadmap::model::{self, NoteEdit, Profile, Roadmap, Status, evaluate};
use roadmap::tui::action::Action;
use roadmap::tui::app::App;

const ENTRIES: usize = 10_000;
const NOTES: usize = 500;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

/// A 2,000-skill roadmap and a profile with `ENTRIES` status changes
/// spread over the last 400 days.
fn journal() -> (Roadmap, Profile) {
    let r = model::load(roadmap::synth::roadmap_json(2_000).as_bytes(), "synth")
        .expect("synthetic roadmap loads");
    let mut p = Profile::default();
    let cycle = [
        Status::Doing,
        Status::Done,
        Status::Todo,
        Status::Doing,
        Status::Done,
    ];
    let n = r.skills.len();
    for k in 0..ENTRIES {
        let skill = (k * 7) % n;
        let round = k / n;
        let at = now() - Duration::minutes(i64::try_from((ENTRIES - k) * 57).unwrap_or(0));
        p.set_status(&r, skill, cycle[round % cycle.len()], at);
    }
    for k in 0..NOTES {
        let at = now() - Duration::hours(i64::try_from(k * 13).unwrap_or(0));
        let edit = NoteEdit::Append(format!("note {k}: what I built"));
        p.edit_note(&r, (k * 3) % n, &edit, at);
    }
    (r, p)
}

fn stats(c: &mut Criterion) {
    let (r, p) = journal();
    let history: usize = p
        .roadmaps
        .values()
        .flat_map(|x| x.skills.values())
        .map(|e| e.history.len())
        .sum();
    assert_eq!(history, ENTRIES, "every change is recorded");
    let states = p.states(&r);
    let eval = evaluate(&r, &states);
    let mut group = c.benchmark_group("journal_stats");
    group.bench_function("10000_entries_local_zone", |b| {
        b.iter(|| {
            let a = activities(&r, &p);
            black_box(Stats::compute(&r, &a, &states, &eval, now(), &Local))
        });
    });
    let zone = FixedOffset::east_opt(3600).expect("offset");
    group.bench_function("10000_entries_fixed_zone", |b| {
        b.iter(|| {
            let a = activities(&r, &p);
            black_box(Stats::compute(&r, &a, &states, &eval, now(), &zone))
        });
    });
    group.bench_function("goal_pace_10000_entries", |b| {
        b.iter(|| black_box(current_pace(&r, &p, &states, now(), &Local)));
    });
    group.finish();

    let mut app = App::new(r, p, "bench", now()).with_size(120, 40);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
    // The first opening computes the stats; later ones reuse them.
    app.update(Action::OpenStats, now());
    app.update(Action::Close, now());
    let mut group = c.benchmark_group("stats_view");
    group.bench_function("open_and_draw_10000_entries", |b| {
        b.iter(|| {
            app.update(Action::OpenStats, now());
            let drawn = terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .map(|_| ());
            app.update(Action::Close, now());
            drawn
        });
    });
    group.finish();
}

criterion_group!(benches, stats);
criterion_main!(benches);

#![allow(clippy::expect_used)]
//! Core benchmarks: loading, progress + next steps, saving a change.
//! Run with `cargo bench --bench core`. Nothing here touches the real data
//! folder: saves go to a temporary directory.

use std::hint::black_box;

use chrono::{Duration, TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use roadmap::model::{self, Change, Profile, Status, evaluate, next_steps};
use roadmap::store::Store;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

/// A profile with every third skill done.
fn third_done(r: &model::Roadmap) -> Profile {
    let mut p = Profile::default();
    for i in (0..r.skills.len()).step_by(3) {
        p.set_status(r, i, Status::Done, now());
    }
    p
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    for n in SIZES {
        let bytes = roadmap::synth::roadmap_json(n).into_bytes();
        group.bench_with_input(BenchmarkId::new("roadmap", n), &bytes, |b, bytes| {
            b.iter(|| model::load(black_box(bytes), "synth").map(|r| r.skills.len()));
        });
        group.bench_with_input(
            BenchmarkId::new("json_value_baseline", n),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    serde_json::from_slice::<serde_json::Value>(black_box(bytes))
                        .map(|v| v.is_object())
                });
            },
        );
    }
    group.finish();
}

fn progress(c: &mut Criterion) {
    let mut group = c.benchmark_group("progress_next");
    for n in SIZES {
        let r = model::load(roadmap::synth::roadmap_json(n).as_bytes(), "synth")
            .expect("synthetic roadmap loads");
        let states = third_done(&r).states(&r);
        group.bench_with_input(BenchmarkId::from_parameter(n), &(), |b, ()| {
            b.iter(|| {
                let eval = evaluate(&r, black_box(&states));
                next_steps(&r, &states, &eval, now(), 10).len()
            });
        });
    }
    group.finish();
}

fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let r = model::load(roadmap::synth::roadmap_json(1_000).as_bytes(), "synth").expect("loads");
    let mut profile = third_done(&r);
    // 10,000 history entries spread over the skills.
    let progress = profile.roadmaps.get_mut(&r.id).expect("has progress");
    let entries = progress.skills.len();
    for (k, entry) in progress.skills.values_mut().enumerate() {
        // Older changes first, so every history stays in time order.
        let older = (0..10_000 / entries).map(|m| {
            Change::new(
                now() - Duration::minutes(i64::try_from(k * 100 + m).unwrap_or(0) + 1),
                Status::Doing,
            )
        });
        let mut history: Vec<Change> = older.collect();
        history.reverse();
        history.append(&mut entry.history);
        entry.history = history;
    }
    let store = Store::at(dir.path(), "bench").expect("store");
    store.save(&profile).expect("first save");
    let mut tick = 0i64;
    c.bench_function("save_one_change_10k_history", |b| {
        b.iter(|| {
            tick += 1;
            let status = if tick % 2 == 0 {
                Status::Done
            } else {
                Status::Doing
            };
            store
                .update(|p| p.set_status(&r, 1, status, now() + Duration::milliseconds(tick)))
                .map(|(_, changed)| changed)
        });
    });
}

criterion_group!(benches, load, progress, save);
criterion_main!(benches);

#![allow(clippy::expect_used)]
//! Core benchmarks: loading, progress + next steps, saving a change.
//! Run with `cargo bench --bench core`. Nothing here touches the real data
//! folder: saves go to a temporary directory.

use std::fmt::Write;
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

/// The worst valid file within every documented limit: 10,000 skills, then
/// as many skills as fit in 64 MiB that each require all 10,000 (a list of
/// 10,000 different ids, the longest allowed), and a choice offering all
/// 10,000. Every list entry is a look-up; nothing may compare a list with
/// itself.
fn worst_valid_json() -> String {
    const BASE: usize = 10_000;
    let ids: Vec<String> = (0..BASE).map(|i| format!("\"s{i}\"")).collect();
    let all = ids.join(",");
    let mut out = String::from(
        r#"{"version": 1, "id": "worst", "title": "Worst", "choices": [{"id": "c", "title": "C", "pick": 1, "from": ["#,
    );
    out.push_str(&all);
    out.push_str(r#"]}], "stages": [{"id": "st", "title": "S", "skills": ["#);
    for i in 0..BASE {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, r#"{{"id": "s{i}", "title": "S"}}"#);
    }
    let heavy_len = all.len() + 60;
    let mut k = 0;
    while out.len() + heavy_len + 10 < model::limits::MAX_FILE_BYTES {
        let _ = write!(
            out,
            r#",{{"id": "h{k}", "title": "H", "requires": [{all}]}}"#
        );
        k += 1;
    }
    out.push_str("]}]}");
    out
}

/// The worst within limits, and the error paths on large files.
fn load_worst(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_worst");
    group.sample_size(10);
    let valid = worst_valid_json().into_bytes();
    assert!(valid.len() <= model::limits::MAX_FILE_BYTES);
    assert!(
        model::load(&valid, "worst").is_ok(),
        "the worst case is valid"
    );
    group.bench_function("valid_64mib_lists_of_10000", |b| {
        b.iter(|| model::load(black_box(&valid), "worst").map(|r| r.skills.len()));
    });
    // A list of 999,999 entries: refused without looking at its entries.
    let huge: Vec<String> = (0..999_999).map(|i| format!("x{i}")).collect();
    let over = serde_json::to_vec(&serde_json::json!({"version": 1, "id": "o", "title": "O",
        "stages": [{"id": "s", "title": "S", "skills": [{"id": "a", "title": "A", "requires": huge}]}]}))
    .expect("json");
    group.bench_function("over_limit_list_999999", |b| {
        b.iter(|| model::load(black_box(&over), "over").map(|r| r.skills.len()));
    });
    // 100,000 skills with a misspelt field near the end: the thorough pass.
    let mut v = roadmap::synth::roadmap_value(100_000);
    let stages = v["stages"].as_array_mut().expect("stages");
    let last = stages.last_mut().expect("a stage");
    last["skills"][0]["titel"] = serde_json::json!("typo");
    last["skills"][1]["requires"] = serde_json::json!(["nowhere"]);
    let typo = serde_json::to_vec_pretty(&v).expect("json");
    group.bench_function("invalid_100000_all_problems", |b| {
        b.iter(|| model::load(black_box(&typo), "typo").map(|r| r.skills.len()));
    });
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

criterion_group!(benches, load, load_worst, progress, save);
criterion_main!(benches);

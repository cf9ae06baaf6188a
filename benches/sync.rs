//! Sync's own cost, git's time excluded: this machine's profile of 10,000
//! history entries against three other machines' files in the sync folder
//! (`cargo bench --bench sync`). Budget: 50 ms.
//!
//! On a busy machine wall times grow with the load; the bench also prints
//! the CPU time one sync takes (Linux: `/proc/thread-self/schedstat`).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::hint::black_box;
use std::path::Path;

use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use roadmap::model::{self, Change, Profile, Roadmap, Status};
use roadmap::store::Store;
use roadmap::store::sync::{self, Context};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

/// A profile with 10,000 history entries over `r`'s skills, its changes
/// shifted by `offset` minutes (each machine's a little different).
fn profile(r: &Roadmap, offset: i64, extra: usize) -> Profile {
    let mut p = Profile::default();
    let skills = r.skills.len();
    for i in 0..skills {
        p.set_status(r, i, Status::Doing, now() - Duration::days(30));
    }
    let progress = p.roadmaps.get_mut(&r.id).expect("has progress");
    for (k, entry) in progress.skills.values_mut().enumerate() {
        let older = (0..10_000 / skills).map(|m| {
            Change::new(
                now() - Duration::minutes(i64::try_from(k * 100 + m).unwrap_or(0) + 1),
                Status::Doing,
            )
        });
        let mut history: Vec<Change> = older.collect();
        history.reverse();
        history.append(&mut entry.history);
        entry.history = history;
        entry.normalize();
    }
    // What only this machine did.
    for i in 0..extra {
        p.set_status(
            r,
            i % skills,
            Status::Done,
            now() + Duration::minutes(offset + i64::try_from(i).unwrap_or(0)),
        );
    }
    p
}

fn setup(home: &Path, folder: &Path, r: &Roadmap) {
    Store::at(home, "default")
        .expect("store")
        .save(&profile(r, 0, 0))
        .expect("saved");
    // Three other machines: each syncs its own data folder into the folder.
    for m in 1..=3 {
        let other = home.with_file_name(format!("machine-{m}"));
        Store::at(&other, "default")
            .expect("store")
            .save(&profile(r, m * 1_000, 50))
            .expect("saved");
        sync::sync_folder(&Context::new(&other), folder).expect("synced");
    }
}

fn bench(c: &mut Criterion) {
    let r = model::load(roadmap::synth::roadmap_json(1_000).as_bytes(), "synth").expect("loads");
    let root = tempfile::tempdir().expect("temporary folder");
    let home = root.path().join("here");
    let folder = root.path().join("Sync");
    std::fs::create_dir_all(&folder).expect("folder");
    setup(&home, &folder, &r);
    let ctx = Context::new(&home);
    let base = std::fs::read(home.join("default.json")).expect("profile");

    let mut group = c.benchmark_group("sync_folder_10k_history_3_machines");
    group.sample_size(20);
    // Their changes come in, this machine's file is written.
    group.bench_function("changes_in", |b| {
        b.iter_batched(
            || std::fs::write(home.join("default.json"), &base).expect("reset"),
            |()| black_box(sync::sync_folder(&ctx, &folder).expect("synced")),
            BatchSize::PerIteration,
        );
    });
    // Nothing new anywhere: every file is still read and merged.
    sync::sync_folder(&ctx, &folder).expect("synced");
    group.bench_function("nothing_new", |b| {
        b.iter(|| black_box(sync::sync_folder(&ctx, &folder).expect("synced")));
    });
    group.finish();
    cpu_time(&ctx, &folder, &home, &base);
}

/// This thread's CPU time so far, in nanoseconds (Linux).
fn cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// The median CPU time of one sync, each way, printed.
fn cpu_time(ctx: &Context, folder: &Path, home: &Path, base: &[u8]) {
    for (what, reset) in [("changes_in", true), ("nothing_new", false)] {
        let mut times: Vec<u64> = (0..21)
            .filter_map(|_| {
                if reset {
                    std::fs::write(home.join("default.json"), base).expect("reset");
                }
                let start = cpu_ns()?;
                black_box(sync::sync_folder(ctx, folder).expect("synced"));
                Some(cpu_ns()? - start)
            })
            .collect();
        times.sort_unstable();
        if let Some(median) = times.get(times.len() / 2) {
            #[allow(clippy::cast_precision_loss)]
            let ms = *median as f64 / 1e6;
            println!("sync_folder_10k_history_3_machines/{what}: CPU time median {ms:.1} ms");
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! The map: laying out the built-in roadmap, one skill's focus on a
//! 10,000-skill roadmap, and a key press on the map (update plus a whole
//! 120×40 frame). Run with `cargo bench --bench map`.

#![allow(clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use roadmap::map::{Layout, LayoutOptions, Scope};
use roadmap::model;

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

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = layout
}
criterion_main!(benches);

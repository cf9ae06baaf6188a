//! A key press in the interactive view while a skill with a huge note is
//! shown (issue 17, item 3): `update` plus a whole 120×40 frame, with
//! notes of 1 MB and 10 MB. Run with `cargo bench --bench notes`.

#![allow(clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roadmap::model::{self, NoteEdit, Profile};
use roadmap::tui::action::Action;
use roadmap::tui::app::App;

/// Markdown as a learner writes it: headings, paragraphs, lists, links
/// and code, `bytes` long.
fn note(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 200);
    let mut n = 0;
    while text.len() < bytes {
        n += 1;
        let _ = write!(
            text,
            "## Day {n}\n\nRead about **caching** and `ETag`s; see [the RFC](https://example.com/rfc/{n}) \
             and https://example.org/notes/{n}. Wrote a small server that answers with 304.\n\n\
             - tried `curl -i` against it\n  - checked the headers\n1. next: load balancing\n\
             > the cache is only as good as its invalidation\n\n```\nlet x = {n};\n```\n\n"
        );
    }
    text
}

fn app(bytes: usize) -> App {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 12, 0, 0)
        .single()
        .unwrap_or_default();
    let r = model::load(roadmap::synth::roadmap_json(1_000).as_bytes(), "synth")
        .expect("synthetic roadmap loads");
    let mut p = Profile::default();
    if bytes > 0 {
        for i in 0..6 {
            p.edit_note(&r, i, &NoteEdit::Append(note(bytes)), now);
        }
    }
    App::new(r, p, "bench", now).with_size(120, 40)
}

fn key_press(c: &mut Criterion) {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 13, 0, 0)
        .single()
        .unwrap_or_default();
    let mut group = c.benchmark_group("huge_note");
    group.sample_size(10);
    for (name, bytes) in [("none", 0), ("1MB", 1 << 20), ("10MB", 10 << 20)] {
        let mut app = app(bytes);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
        // Each press shows a note not seen lately (six skills with notes,
        // four kept): the note is rendered, as far as it is shown.
        let mut step = 0;
        group.bench_function(BenchmarkId::new("first_view_of_a_note", name), |b| {
            b.iter(|| {
                step += 1;
                let action = if step % 6 == 0 {
                    Action::First
                } else {
                    Action::Down
                };
                app.update(action, now);
                terminal
                    .draw(|f| f.render_widget(&app, f.area()))
                    .map(|_| ())
            });
        });
        app.update(Action::First, now);
        // The skills pane: moving between skills with huge notes.
        let mut down = true;
        group.bench_function(BenchmarkId::new("move_between_skills", name), |b| {
            b.iter(|| {
                down = !down;
                app.update(if down { Action::Down } else { Action::Up }, now);
                terminal
                    .draw(|f| f.render_widget(&app, f.area()))
                    .map(|_| ())
            });
        });
        // The details pane: scrolling through the note.
        app.update(Action::NextPane, now);
        let mut down = true;
        group.bench_function(BenchmarkId::new("scroll_the_note", name), |b| {
            b.iter(|| {
                down = !down;
                black_box(app.update(if down { Action::Down } else { Action::Up }, now));
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

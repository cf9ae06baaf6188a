//! Reviews: 10,000 done skills with 100,000 reviews (10 each, over two
//! years). The due list and today's plan (budget: under 5 ms), the replay
//! of every schedule they are drawn from (done once when the profile is
//! read or changed elsewhere), and a key press in the review session
//! (grading a card and drawing a whole 120×40 frame; budget: under 1 ms).
//! Run with `cargo bench --bench review`.

#![allow(clippy::expect_used)]

use std::hint::black_box;

use chrono::{DateTime, Duration, FixedOffset, Local, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roadmap::model::review::today::{Inputs, plan};
use roadmap::model::review::{Grade, Memory, Review, Scheduler, Settings, normalize};
use roadmap::model::{self, Profile, Roadmap, Status, evaluate, next_steps};
use roadmap::tui::action::Action;
use roadmap::tui::app::App;

const SKILLS: usize = 10_000;
const REVIEWS_EACH: usize = 10;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

/// Every skill done on one of the last 730 days, then reviewed ten times
/// at growing gaps with mixed grades; written into the profile directly
/// (as a file would hold them).
fn profile() -> (Roadmap, Profile) {
    let r = model::load(roadmap::synth::roadmap_json(SKILLS).as_bytes(), "synth")
        .expect("synthetic roadmap loads");
    let mut p = Profile::default();
    let grades = [
        Grade::Good,
        Grade::Good,
        Grade::Hard,
        Grade::Easy,
        Grade::Again,
    ];
    for i in 0..r.skills.len() {
        let k = i64::try_from(i).unwrap_or(0);
        let done = now() - Duration::days(730) + Duration::minutes(k * 101);
        p.set_status(&r, i, Status::Done, done);
        let progress = p.roadmaps.entry(r.id.clone()).or_default();
        let list = progress.reviews.entry(r.skills[i].id.clone()).or_default();
        let mut at = done;
        for n in 0..REVIEWS_EACH {
            let gap = i64::try_from(1 + n * n).unwrap_or(1);
            at += Duration::days(gap) + Duration::minutes(k % 600);
            list.push(Review::new(at, grades[(i + n) % grades.len()]));
        }
        normalize(list);
    }
    (r, p)
}

fn reviews(c: &mut Criterion) {
    let (r, p) = profile();
    let count: usize = p.roadmaps[&r.id].reviews.values().map(Vec::len).sum();
    assert_eq!(count, SKILLS * REVIEWS_EACH);
    let states = p.states(&r);
    let eval = evaluate(&r, &states);
    let settings = Settings::default();
    let scheduler = Scheduler::new(settings.retention);
    let today = now().with_timezone(&Local).date_naive();
    let memory = Memory::compute(&scheduler, &r, &p, &states, &Local);
    let next: Vec<usize> = next_steps(&r, &states, &eval, now(), 50)
        .into_iter()
        .filter_map(|s| roadmap::model::steps::learnable_skill(&r, &states, &eval, s.step))
        .collect();
    let due = memory.due(today, now()).len();
    assert!(due > 100, "{due} due: the benchmark has a real due list");

    let mut group = c.benchmark_group("review");
    group.bench_function("due_list_10000_skills_100000_reviews", |b| {
        b.iter(|| black_box(memory.due(today, now())));
    });
    group.bench_function("today_plan_10000_skills_100000_reviews", |b| {
        b.iter(|| {
            let inputs = Inputs {
                roadmap: &r,
                profile: &p,
                states: &states,
                memory: &memory,
                next: &next,
                settings: &settings,
                goal: None,
            };
            black_box(plan(&inputs, now(), &Local))
        });
    });
    group.sample_size(20);
    group.bench_function("replay_all_100000_reviews_local_zone", |b| {
        b.iter(|| black_box(Memory::compute(&scheduler, &r, &p, &states, &Local)));
    });
    let zone = FixedOffset::east_opt(3600).expect("offset");
    group.bench_function("replay_all_100000_reviews_fixed_zone", |b| {
        b.iter(|| black_box(Memory::compute(&scheduler, &r, &p, &states, &zone)));
    });
    group.finish();

    // The review session: every due skill in the queue, graded one key
    // press at a time; reopened when it runs out.
    let settings = Settings {
        reviews_per_day: 100_000,
        ..Settings::default()
    };
    let mut app = App::new(r, p, "bench", now())
        .with_size(120, 40)
        .with_review(settings);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
    // Whenever the session runs out, the clock moves a year on, when
    // everything is due again, and a new session starts (not measured
    // apart: one key press in hundreds).
    let mut clock = now();
    app.update(Action::OpenReview, clock);
    let press = |app: &mut App, action: Action, clock: &mut DateTime<Utc>| {
        let over = match app.update(action, *clock) {
            effects if !effects.is_empty() => false,
            _ => !app.reviewing(),
        };
        if over {
            app.update(Action::Close, *clock);
            *clock += Duration::days(400);
            app.update(Action::OpenReview, *clock);
        }
    };
    let mut group = c.benchmark_group("review_session");
    let mut k = 0;
    group.bench_function("grade_and_draw_10000_skills_100000_reviews", |b| {
        b.iter(|| {
            k += 1;
            let grade = [Grade::Good, Grade::Hard, Grade::Easy, Grade::Again][k % 4];
            press(&mut app, Action::Grade(grade), &mut clock);
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .map(|_| ())
        });
    });
    group.bench_function("skip_and_draw_10000_skills_100000_reviews", |b| {
        b.iter(|| {
            press(&mut app, Action::SkipCard, &mut clock);
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .map(|_| ())
        });
    });
    group.finish();
}

criterion_group!(benches, reviews);
criterion_main!(benches);

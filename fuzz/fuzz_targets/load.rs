//! Any bytes given to the roadmap loader: an error or a roadmap, never a
//! panic, a hang or unbounded memory. A roadmap that loads must also survive
//! evaluation, suggestions and an update of every skill.
#![no_main]

use libfuzzer_sys::fuzz_target;
use roadmap::model::{self, Profile, Status, evaluate, next_steps};

fuzz_target!(|data: &[u8]| {
    let Ok(r) = model::load(data, "fuzz.json") else {
        return;
    };
    let now = chrono::DateTime::UNIX_EPOCH;
    let mut p = Profile::default();
    for i in 0..r.skills.len().min(64) {
        p.set_status(&r, i, Status::ALL[i % 4], now);
    }
    let states = p.states(&r);
    let e = evaluate(&r, &states);
    assert!(e.overall.finished() <= e.overall.total());
    let _ = next_steps(&r, &states, &e, now, 10);
});

//! A deterministic synthetic roadmap generator, for benchmarks and for
//! trying the app on large roadmaps (`cargo run --release --example synth`).

use serde_json::{Value, json};

/// A small, fast, deterministic pseudo-random generator (`SplitMix64`). The
/// generator must give the same roadmap for the same size on every build, so
/// it does not depend on an external crate's algorithm choices.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n as u64)).unwrap_or(0)
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

const LEVELS: &[&str] = &[
    "Intro to",
    "Practical",
    "Advanced",
    "Applied",
    "Hands-on",
    "Deep dive into",
    "Patterns of",
    "Testing",
];
const TOPICS: &[&str] = &[
    "HTTP caching",
    "SQL joins",
    "index tuning",
    "message queues",
    "TLS handshakes",
    "rate limiting",
    "schema design",
    "connection pooling",
    "async I/O",
    "load balancing",
    "feature flags",
    "observability",
    "event sourcing",
    "graph queries",
    "service meshes",
    "container images",
    "access control",
    "input validation",
    "pagination",
    "background jobs",
    "data migrations",
    "API versioning",
    "circuit breakers",
    "distributed tracing",
];
const AREAS: &[&str] = &[
    "for web services",
    "in production",
    "at scale",
    "for teams",
    "on Linux",
    "in the cloud",
];
const STAGES: &[&str] = &[
    "Foundations",
    "Languages",
    "Storage",
    "Interfaces",
    "Security",
    "Operations",
    "Teamwork",
    "Career",
];
const KINDS: &[&str] = &["official", "article", "video", "course", "book", "practice"];

/// A valid roadmap of `skills` skills over several stages as JSON text. Each
/// skill requires 0–3 earlier skills (mostly close by, as in a real
/// roadmap); every 50th skill opens a "pick one of three" choice.
pub fn roadmap_json(skills: usize) -> String {
    serde_json::to_string_pretty(&roadmap_value(skills)).unwrap_or_default()
}

/// Like [`roadmap_json`], as a JSON value.
pub fn roadmap_value(skills: usize) -> Value {
    let mut rng = SplitMix(0x5EED_0000 ^ skills as u64);
    let stage_count = (skills / 500)
        .clamp(1, 40)
        .max(STAGES.len().min(skills.max(1)));
    let per_stage = skills.div_ceil(stage_count).max(1);
    let mut stages: Vec<Value> = Vec::with_capacity(stage_count);
    let mut choices = Vec::new();
    for i in 0..skills {
        let stage = i / per_stage;
        if stages.len() <= stage {
            let name = STAGES[stage % STAGES.len()];
            stages.push(json!({
                "id": format!("stage-{stage}"),
                "title": format!("{name} {}", stage / STAGES.len() + 1),
                "description": format!("Stage {} of the synthetic roadmap: {name}.", stage + 1),
                "skills": [],
            }));
        }
        let mut requires: Vec<String> = Vec::new();
        if i > 0 {
            for _ in 0..rng.below(4) {
                // Mostly recent skills, sometimes anything earlier.
                let back = if rng.below(4) == 0 {
                    rng.below(i) + 1
                } else {
                    rng.below(i.min(60)) + 1
                };
                let id = format!("s{}", i - back);
                if !requires.contains(&id) {
                    requires.push(id);
                }
            }
        }
        // A choice made of the three skills before a multiple of 50 is
        // required by that skill instead of one of them.
        if i % 50 == 49 && i >= 3 {
            let id = format!("choice-{}", choices.len());
            choices.push(json!({
                "id": id,
                "title": format!("Pick one: {}", rng.pick(TOPICS)),
                "pick": 1,
                "from": [format!("s{}", i - 3), format!("s{}", i - 2), format!("s{}", i - 1)],
            }));
            requires.retain(|r| !matches!(r.strip_prefix('s').and_then(|n| n.parse::<usize>().ok()), Some(n) if n + 3 >= i));
            requires.push(id);
        }
        let topic = rng.pick(TOPICS);
        let title = format!("{} {topic} {} #{i}", rng.pick(LEVELS), rng.pick(AREAS));
        let hours = rng.below(20) + 1;
        if let Some(list) = stages[stage]["skills"].as_array_mut() {
            list.push(json!({
                "id": format!("s{i}"),
                "title": title,
                "description": format!(
                    "Learn {topic} well enough to use it without a tutorial: read the reference, build a small example, \
                     and explain the trade-offs to a teammate. Expect about {hours} hours."
                ),
                "requires": requires,
                "resources": [{
                    "title": format!("Reference for {topic}"),
                    "url": format!("https://example.org/docs/{}/s{i}", topic.replace(' ', "-").to_lowercase()),
                    "kind": rng.pick(KINDS),
                }],
                "hours": hours,
                "optional": i % 17 == 16,
            }));
        }
    }
    json!({
        "version": 1,
        "id": format!("synth-{skills}"),
        "title": format!("Synthetic roadmap ({skills} skills)"),
        "description": "Generated for benchmarks: realistic shape, meaningless content.",
        "stages": stages,
        "choices": choices,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_roadmaps_are_valid_and_deterministic() {
        for n in [1, 10, 120, 2_000] {
            let text = roadmap_json(n);
            let r =
                crate::model::load(text.as_bytes(), "synth").unwrap_or_else(|e| panic!("{n}: {e}"));
            assert_eq!(r.skills.len(), n);
            assert_eq!(text, roadmap_json(n), "same input, same roadmap");
        }
        let r = crate::model::load(roadmap_json(2_000).as_bytes(), "synth").unwrap();
        assert!(!r.choices.is_empty());
        assert!(
            r.edge_count() > 2_000,
            "a graph, not a chain: {}",
            r.edge_count()
        );
        assert!(r.stages.len() >= 4);
    }
}

#![allow(clippy::expect_used)]
//! Importing a roadmap.sh-shaped file: conversion plus our own validation
//! (what `roadmap import` does between reading the files and writing the
//! result). Run with `cargo bench --bench import`. The file is synthetic,
//! generated here in roadmap.sh's shape; nothing of roadmap.sh's content.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use roadmap::import::{ContentFile, Options, convert};
use roadmap::model;

/// `n` nodes: one topic in twenty on a solid path, the others subtopics
/// hung on it by dashed edges, every fourth an "alternative" option, and a
/// section and a label now and then.
fn synthetic(n: usize) -> (Vec<u8>, Vec<ContentFile>) {
    let mut nodes = String::new();
    let mut edges = String::new();
    let mut content = Vec::new();
    let mut topic = 0;
    for i in 0..n {
        let (kind, label) = match i % 20 {
            0 => ("topic", format!("Topic {i}")),
            19 => ("section", String::new()),
            18 => ("label", format!("Label {i}")),
            _ => ("subtopic", format!("Subtopic {}", i % 40)),
        };
        let legend = if kind == "subtopic" && i % 4 == 1 {
            r##", "legend": {"id": "l1", "label": "Alternative Option - Pick this or Purple", "color": "#4f7a28"}"##
        } else {
            ""
        };
        let _ = write!(
            nodes,
            r#"{}{{"id": "node{i}_X", "type": "{kind}", "position": {{"x": {}, "y": {}}}, "width": 200, "height": 50, "data": {{"label": "{label}"{legend}}}}}"#,
            if i == 0 { "" } else { ",\n" },
            (i % 20) * 50,
            (i / 20) * 100
        );
        let edge = if kind == "topic" {
            let from = topic;
            topic = i;
            (i > 0).then(|| format!(r#"{{"id": "e{i}", "source": "node{from}_X", "target": "node{i}_X", "data": {{"edgeStyle": "solid"}}}}"#))
        } else if kind == "subtopic" {
            Some(format!(
                r#"{{"id": "e{i}", "source": "node{topic}_X", "target": "node{i}_X", "data": {{"edgeStyle": "dashed"}}}}"#
            ))
        } else {
            None
        };
        if let Some(e) = edge {
            if !edges.is_empty() {
                edges.push_str(",\n");
            }
            edges.push_str(&e);
        }
        content.push(ContentFile {
            path: format!("{}@node{i}_X.md", label.to_lowercase().replace(' ', "-")),
            bytes: format!(
                "# {label}\n\nWhat {label} is, in two sentences. Why it matters.\n\nVisit the following resources to learn more:\n\n- [@official@Docs](https://example.org/{i})\n- [@article@An article](https://example.org/a/{i})\n- [@video@A video](https://example.org/v/{i})\n"
            )
            .into_bytes(),
        });
    }
    let json = format!(
        "{{\"title\": \"Synthetic\", \"description\": \"d\", \"slug\": \"synthetic\", \"nodes\": [\n{nodes}\n], \"edges\": [\n{edges}\n]}}"
    );
    (json.into_bytes(), content)
}

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    let options = Options {
        source: "synthetic.json".to_string(),
        fallback_id: "synthetic".to_string(),
        with_content: true,
        ..Options::default()
    };
    for n in [1_000, 10_000] {
        let (json, content) = synthetic(n);
        group.bench_with_input(BenchmarkId::new("json", n), &json, |b, json| {
            b.iter(|| {
                let out = convert(black_box(json), &[], &options).expect("converts");
                model::load(&out.json, "converted").map(|r| r.skills.len())
            });
        });
        group.bench_with_input(
            BenchmarkId::new("json_and_content", n),
            &(json, content),
            |b, (json, content)| {
                b.iter(|| {
                    let out = convert(black_box(json), content, &options).expect("converts");
                    model::load(&out.json, "converted").map(|r| r.skills.len())
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);

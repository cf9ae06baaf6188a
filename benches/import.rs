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

/// A page as roadmap.sh draws one, `n` nodes: topics down the middle on a
/// solid path (every fifth through a button), stacks of sized subtopics
/// beside them with recommended and alternative options, a box of items
/// joined to every third topic by a line, headings; a content file with
/// a list, emphasis, links and a resource list for every tracked node.
/// One drawing, read top to bottom.
#[allow(clippy::too_many_lines)]
fn page(n: usize) -> (Vec<u8>, Vec<ContentFile>) {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let mut y = 0;
    let mut previous: Option<String> = None;
    let mut t = 0;
    let rec = r#", "legend": {"label": "Personal Recommendation / Opinion"}"#;
    let alt = r#", "legend": {"label": "Alternative Option / Pick this or purple"}"#;
    let mut node = |id: &str,
                    kind: &str,
                    label: &str,
                    x: i32,
                    y: i32,
                    w: i32,
                    h: i32,
                    legend: &str| {
        nodes.push(format!(
            r#"{{"id": "{id}", "type": "{kind}", "position": {{"x": {x}, "y": {y}}}, "width": {w}, "height": {h}, "measured": {{"width": {w}, "height": {h}}}, "data": {{"label": "{label}"{legend}}}}}"#
        ));
    };
    let mut count = 0;
    while count < n {
        let topic = format!("topic{t}_Xy");
        node(&topic, "topic", &format!("Topic {t}"), 0, y, 220, 49, "");
        count += 1;
        if let Some(p) = &previous {
            if t % 5 == 0 {
                let button = format!("button{t}");
                node(
                    &button,
                    "button",
                    "Visit another roadmap",
                    0,
                    y - 60,
                    250,
                    49,
                    "",
                );
                count += 1;
                edges.push((p.clone(), button.clone(), "solid"));
                edges.push((button, topic.clone(), "solid"));
            } else {
                edges.push((p.clone(), topic.clone(), "solid"));
            }
        }
        // A stack to the right: two recommended, two alternatives.
        for i in 0..4 {
            let id = format!("sub{t}_{i}");
            node(
                &id,
                "subtopic",
                &format!("Subtopic {t}.{i}"),
                300,
                y - 80 + i * 53,
                200,
                49,
                if i < 2 { rec } else { alt },
            );
            count += 1;
            if i == 0 {
                edges.push((topic.clone(), id, "dashed"));
            }
        }
        if t % 3 == 0 {
            // A box on the left, with a heading, joined by a line.
            node(
                &format!("box{t}"),
                "section",
                "",
                -420,
                y - 60,
                260,
                190,
                "",
            );
            node(
                &format!("head{t}"),
                "label",
                &format!("Group {t}"),
                -400,
                y - 55,
                150,
                36,
                "",
            );
            node(
                &format!("line{t}"),
                "horizontal",
                "horizontal node",
                -160,
                y + 15,
                160,
                20,
                "",
            );
            for i in 0..3 {
                node(
                    &format!("box{t}_{i}"),
                    "subtopic",
                    &format!("Boxed {t}.{i}"),
                    -410,
                    y - 10 + i * 53,
                    240,
                    49,
                    "",
                );
            }
            count += 6;
        }
        previous = Some(topic);
        y += 260;
        t += 1;
    }
    let content = page_content(&nodes);
    let edges: Vec<String> = edges
        .iter()
        .enumerate()
        .map(|(i, (a, b, style))| {
            format!(r#"{{"id": "e{i}", "source": "{a}", "target": "{b}", "data": {{"edgeStyle": "{style}"}}}}"#)
        })
        .collect();
    let json = format!(
        "{{\"title\": \"Page\", \"slug\": \"page\", \"nodes\": [\n{}\n], \"edges\": [\n{}\n]}}",
        nodes.join(",\n"),
        edges.join(",\n")
    );
    (json.into_bytes(), content)
}

/// A content file for every topic and subtopic of `nodes` (as written by
/// [`page`]): a list, emphasis, links and a resource list.
fn page_content(nodes: &[String]) -> Vec<ContentFile> {
    let mut content = Vec::new();
    let tracked: Vec<String> = nodes
        .iter()
        .filter(|n| n.contains(r#""type": "topic""#) || n.contains(r#""type": "subtopic""#))
        .map(|n| n[8..].split('"').next().unwrap_or("").to_string())
        .collect();
    for id in tracked {
        content.push(ContentFile {
            path: format!("some-slug@{id}.md"),
            bytes: format!(
                "# A title\n\nWhat it is, in **two** sentences, with `code` and [a guide](/guides/x).\n\n1. first point\n2. second point\n   on two lines\n\n- a bullet\n  - nested\n\nVisit the following resources to learn more:\n\n- [@official@Docs](https://example.org/{id})\n- [@article@An article](https://example.org/a/{id})\n- [@video@A video](https://example.org/v/{id})\n"
            )
            .into_bytes(),
        });
    }
    content
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
    // The budget: a 200-node roadmap with all its content, under 50 ms.
    let (json, content) = page(200);
    let first = convert(&json, &content, &options).expect("converts");
    let roadmap = model::load(&first.json, "converted").expect("loads");
    assert!(
        roadmap.skills.len() > 150 && roadmap.choices.len() > 20,
        "{} skills, {} choices",
        roadmap.skills.len(),
        roadmap.choices.len()
    );
    assert!(roadmap.skills.iter().all(|s| !s.description.is_empty()));
    group.bench_function("page_200_with_content", |b| {
        b.iter(|| {
            let out = convert(black_box(&json), &content, &options).expect("converts");
            model::load(&out.json, "converted").map(|r| r.skills.len())
        });
    });
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

//! Parsing and validating roadmap files (format version 1).

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use serde::Deserialize;

use super::error::{LoadError, Problem, ProblemKind};
use super::roadmap::{Choice, Node, Req, Resource, Roadmap, Skill, Stage};
use super::text::{clean, clean_multiline};

/// The only roadmap format version this build understands.
pub const FORMAT_VERSION: u32 = 1;

/// Limits that keep a hostile or broken file from exhausting memory or the
/// screen. Files beyond them are rejected with a clear message.
pub mod limits {
    pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
    pub const MAX_SKILLS: usize = 1_000_000;
    pub const MAX_ID: usize = 100;
    pub const MAX_TITLE: usize = 300;
    pub const MAX_DESCRIPTION: usize = 20_000;
    pub const MAX_URL: usize = 2_048;
    pub const MAX_LIST: usize = 10_000;
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoadmap {
    version: u32,
    id: String,
    title: String,
    #[serde(default)]
    description: String,
    stages: Vec<RawStage>,
    #[serde(default)]
    choices: Vec<RawChoice>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    id: String,
    title: String,
    #[serde(default)]
    description: String,
    skills: Vec<RawSkill>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkill {
    id: String,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    requires: Vec<String>,
    #[serde(default)]
    resources: Vec<Resource>,
    #[serde(default)]
    hours: Option<u32>,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    id: String,
    title: String,
    pick: usize,
    from: Vec<String>,
}

/// Only used on the error path, to tell a wrong version from other errors.
#[derive(Deserialize)]
struct VersionOnly {
    version: serde_json::Value,
}

/// Parses and validates roadmap bytes. `source` names the file in messages.
pub fn load(bytes: &[u8], source: &str) -> Result<Roadmap, LoadError> {
    let fail = |problems: Vec<Problem>| LoadError {
        source: source.to_string(),
        problems,
    };
    if bytes.len() > limits::MAX_FILE_BYTES {
        return Err(fail(vec![Problem::new(ProblemKind::FileTooLarge {
            bytes: bytes.len(),
            limit: limits::MAX_FILE_BYTES,
        })]));
    }
    let raw: RawRoadmap = match serde_json::from_slice(bytes) {
        Ok(raw) => raw,
        Err(err) => return Err(fail(vec![json_problem(bytes, &err)])),
    };
    if raw.version != FORMAT_VERSION {
        return Err(fail(vec![Problem::new(ProblemKind::Version(
            raw.version.to_string(),
        ))]));
    }
    let text = std::str::from_utf8(bytes).unwrap_or("");
    build(raw).map_err(|mut problems| {
        for p in &mut problems {
            p.locate(text);
        }
        fail(problems)
    })
}

fn json_problem(bytes: &[u8], err: &serde_json::Error) -> Problem {
    if let Ok(v) = serde_json::from_slice::<VersionOnly>(bytes)
        && v.version != FORMAT_VERSION
    {
        return Problem::new(ProblemKind::Version(
            clean(&v.version.to_string()).into_owned(),
        ));
    }
    let msg = err.to_string();
    // serde_json appends " at line L column C"; we print the position ourselves.
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m);
    let mut p = Problem::new(ProblemKind::Json {
        message: clean(msg).into_owned(),
        unknown_field: err.is_data() && msg.starts_with("unknown field"),
    });
    if err.line() > 0 {
        p.line = Some(err.line());
        p.column = Some(err.column());
    }
    p
}

fn check_id(what: &str, id: &str, problems: &mut Vec<Problem>) {
    let ok = !id.is_empty()
        && id.len() <= limits::MAX_ID
        && id
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_lowercase() || b.is_ascii_digit() || (i > 0 && b == b'-'));
    if !ok {
        problems.push(Problem::new(ProblemKind::BadId {
            what: what.to_string(),
            id: clean(id).chars().take(limits::MAX_ID).collect(),
        }));
    }
}

fn check_text(
    what: &str,
    field: &'static str,
    value: &str,
    max: usize,
    problems: &mut Vec<Problem>,
) {
    if field == "title" && value.trim().is_empty() {
        problems.push(Problem::new(ProblemKind::EmptyTitle {
            what: what.to_string(),
        }));
    }
    if value.len() > max {
        problems.push(Problem::new(ProblemKind::TooLong {
            what: what.to_string(),
            field,
            len: value.len(),
            max,
        }));
    }
}

fn check_list(what: &str, field: &'static str, len: usize, problems: &mut Vec<Problem>) {
    if len > limits::MAX_LIST {
        problems.push(Problem::new(ProblemKind::TooLong {
            what: what.to_string(),
            field,
            len,
            max: limits::MAX_LIST,
        }));
    }
}

/// Validates the raw file and builds the indexed graph, collecting every
/// problem rather than stopping at the first.
// One pass over the raw file in file order; splitting it would mean threading
// the id table and problem list through many small functions.
#[allow(clippy::too_many_lines)]
fn build(raw: RawRoadmap) -> Result<Roadmap, Vec<Problem>> {
    let mut problems = Vec::new();
    let skill_count: usize = raw.stages.iter().map(|s| s.skills.len()).sum();
    if skill_count > limits::MAX_SKILLS {
        return Err(vec![Problem::new(ProblemKind::TooManySkills {
            count: skill_count,
            limit: limits::MAX_SKILLS,
        })]);
    }
    check_id("roadmap", &raw.id, &mut problems);
    check_text(
        "roadmap",
        "title",
        &raw.title,
        limits::MAX_TITLE,
        &mut problems,
    );
    check_text(
        "roadmap",
        "description",
        &raw.description,
        limits::MAX_DESCRIPTION,
        &mut problems,
    );

    let mut ids: HashMap<String, Node> =
        HashMap::with_capacity(skill_count + raw.stages.len() + raw.choices.len());
    let mut claim =
        |id: &str, node: Node, problems: &mut Vec<Problem>| match ids.entry(id.to_string()) {
            Entry::Occupied(_) => problems.push(Problem::new(ProblemKind::DuplicateId {
                id: clean(id).into_owned(),
            })),
            Entry::Vacant(v) => {
                v.insert(node);
            }
        };

    let mut stages = Vec::with_capacity(raw.stages.len());
    let mut raw_skills = Vec::with_capacity(skill_count);
    for (si, stage) in raw.stages.into_iter().enumerate() {
        let what = format!("stage '{}'", clean(&stage.id));
        check_id("stage", &stage.id, &mut problems);
        check_text(
            &what,
            "title",
            &stage.title,
            limits::MAX_TITLE,
            &mut problems,
        );
        check_text(
            &what,
            "description",
            &stage.description,
            limits::MAX_DESCRIPTION,
            &mut problems,
        );
        claim(&stage.id, Node::Stage(si), &mut problems);
        let start = raw_skills.len();
        for skill in stage.skills {
            claim(&skill.id, Node::Skill(raw_skills.len()), &mut problems);
            raw_skills.push((si, skill));
        }
        stages.push(Stage {
            title: clean(&stage.title).into_owned(),
            description: clean_multiline(&stage.description).into_owned(),
            id: stage.id,
            skills: start..raw_skills.len(),
        });
    }
    for (ci, choice) in raw.choices.iter().enumerate() {
        claim(&choice.id, Node::Choice(ci), &mut problems);
    }

    let mut aliases = HashMap::new();
    for (i, (_, skill)) in raw_skills.iter().enumerate() {
        for alias in &skill.aliases {
            check_id(
                &format!("alias of skill '{}'", clean(&skill.id)),
                alias,
                &mut problems,
            );
            if ids.contains_key(alias) || aliases.insert(alias.clone(), i).is_some() {
                problems.push(Problem::new(ProblemKind::DuplicateId {
                    id: clean(alias).into_owned(),
                }));
            }
        }
    }

    let resolve = |id: &str| match ids.get(id) {
        Some(Node::Skill(i)) => Some(Req::Skill(*i)),
        Some(Node::Choice(i)) => Some(Req::Choice(*i)),
        _ => None,
    };

    let mut skills = Vec::with_capacity(raw_skills.len());
    for (stage, raw) in raw_skills {
        let what = format!("skill '{}'", clean(&raw.id));
        check_id("skill", &raw.id, &mut problems);
        check_text(&what, "title", &raw.title, limits::MAX_TITLE, &mut problems);
        check_text(
            &what,
            "description",
            &raw.description,
            limits::MAX_DESCRIPTION,
            &mut problems,
        );
        check_list(&what, "requires", raw.requires.len(), &mut problems);
        check_list(&what, "resources", raw.resources.len(), &mut problems);
        check_list(&what, "aliases", raw.aliases.len(), &mut problems);
        let mut requires = Vec::with_capacity(raw.requires.len());
        for r in &raw.requires {
            match resolve(r) {
                Some(req) if !requires.contains(&req) => requires.push(req),
                Some(_) => {}
                None => problems.push(Problem::new(ProblemKind::UnknownRequire {
                    skill: raw.id.clone(),
                    missing: clean(r).into_owned(),
                    hint: closest(&ids, r),
                })),
            }
        }
        let mut resources = Vec::with_capacity(raw.resources.len());
        for res in raw.resources {
            check_text(&what, "title", &res.title, limits::MAX_TITLE, &mut problems);
            let url_ok = (res.url.starts_with("https://") || res.url.starts_with("http://"))
                && res.url.len() > "https://".len()
                && res.url.len() <= limits::MAX_URL
                && !res
                    .url
                    .chars()
                    .any(|c| c.is_whitespace() || super::text::is_unsafe(c));
            if !url_ok {
                problems.push(Problem::new(ProblemKind::BadUrl {
                    skill: raw.id.clone(),
                    url: clean(&res.url).chars().take(200).collect(),
                }));
            }
            resources.push(Resource {
                title: clean(&res.title).into_owned(),
                ..res
            });
        }
        skills.push(Skill {
            title: clean(&raw.title).into_owned(),
            description: clean_multiline(&raw.description).into_owned(),
            id: raw.id,
            requires,
            resources,
            hours: raw.hours,
            optional: raw.optional,
            aliases: raw.aliases,
            stage,
            choices: Vec::new(),
            dependents: Vec::new(),
        });
    }

    let mut choices = Vec::with_capacity(raw.choices.len());
    for (ci, raw) in raw.choices.into_iter().enumerate() {
        let what = format!("choice '{}'", clean(&raw.id));
        check_id("choice", &raw.id, &mut problems);
        check_text(&what, "title", &raw.title, limits::MAX_TITLE, &mut problems);
        check_list(&what, "from", raw.from.len(), &mut problems);
        let mut from = Vec::with_capacity(raw.from.len());
        for f in &raw.from {
            match ids.get(f.as_str()) {
                Some(Node::Skill(i)) if !from.contains(i) => {
                    from.push(*i);
                    skills[*i].choices.push(ci);
                }
                Some(Node::Skill(_)) => {}
                _ => problems.push(Problem::new(ProblemKind::UnknownOption {
                    choice: raw.id.clone(),
                    missing: clean(f).into_owned(),
                    hint: closest(&ids, f),
                })),
            }
        }
        if raw.pick == 0 || raw.pick > raw.from.len() {
            problems.push(Problem::new(ProblemKind::BadPick {
                choice: raw.id.clone(),
                pick: raw.pick,
                options: raw.from.len(),
            }));
        }
        choices.push(Choice {
            id: raw.id,
            title: clean(&raw.title).into_owned(),
            pick: raw.pick,
            from,
            dependents: Vec::new(),
        });
    }

    for i in 0..skills.len() {
        for r in 0..skills[i].requires.len() {
            match skills[i].requires[r] {
                Req::Skill(s) => skills[s].dependents.push(i),
                Req::Choice(c) => choices[c].dependents.push(i),
            }
        }
    }

    let roadmap = Roadmap {
        id: raw.id,
        title: clean(&raw.title).into_owned(),
        description: clean_multiline(&raw.description).into_owned(),
        stages,
        skills,
        choices,
        ids,
        aliases,
    };
    problems.extend(
        super::cycle::find_cycles(&roadmap)
            .into_iter()
            .map(|path| Problem::new(ProblemKind::Cycle { path })),
    );
    if problems.is_empty() {
        Ok(roadmap)
    } else {
        Err(problems)
    }
}

fn closest(ids: &HashMap<String, Node>, wanted: &str) -> Option<String> {
    // Only on the error path; a linear scan is fine.
    let mut best: Option<(f64, &str)> = None;
    for (id, node) in ids {
        if matches!(node, Node::Stage(_)) {
            continue;
        }
        let score = strsim::jaro_winkler(wanted, id);
        if score >= 0.8 && score > best.map_or(0.0, |b| b.0) {
            best = Some((score, id));
        }
    }
    best.map(|b| b.1.to_string())
}

//! Validation of a parsed roadmap file and construction of the indexed
//! graph. Every problem is collected; nothing stops at the first.

use std::collections::HashMap;

use super::check::Builder;
use super::error::{Problem, ProblemKind};
use super::load::{RawRoadmap, limits};
use super::locate::{At, json_path};
use super::roadmap::{Choice, Meta, Node, Req, Roadmap, Skill};
use super::text::{clean_multiline_owned, clean_owned, clip};

/// At most this many problems are reported (then "… and N more"): a
/// hostile file with millions of mistakes gets a short answer, quickly.
pub(super) const MAX_PROBLEMS: usize = 100;
/// "Did you mean" hints are computed for the first problems only: each one
/// compares the unknown id with every id of the roadmap.
pub(super) const MAX_HINTS: usize = 20;
/// And only while the comparisons stay within this total, so that a huge
/// roadmap full of unknown ids still gets its answer quickly.
const MAX_HINT_WORK: usize = 2_000_000;

/// How an id from the file is quoted in a message.
pub(super) fn shown(id: &str) -> String {
    clip(id, limits::MAX_ID + 1)
}

/// What a problem is about; formatted only when there is a problem.
#[derive(Clone, Copy)]
pub(super) enum Subject<'a> {
    Roadmap,
    Stage(&'a str),
    Skill(&'a str),
    Choice(&'a str),
    Alias(&'a str),
}

impl Subject<'_> {
    /// How the kind of thing is named in a bad-id message.
    pub(super) fn kind(self) -> &'static str {
        match self {
            Subject::Roadmap => "roadmap",
            Subject::Stage(_) => "stage",
            Subject::Skill(_) => "skill",
            Subject::Choice(_) => "choice",
            Subject::Alias(_) => "alias",
        }
    }
}

impl std::fmt::Display for Subject<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Subject::Roadmap => f.write_str("roadmap"),
            Subject::Stage(id) => write!(f, "stage '{}'", shown(id)),
            Subject::Skill(id) => write!(f, "skill '{}'", shown(id)),
            Subject::Choice(id) => write!(f, "choice '{}'", shown(id)),
            Subject::Alias(skill) => write!(f, "alias of skill '{}'", shown(skill)),
        }
    }
}

/// Where things are: the path of a stage, a skill or a choice, and of
/// their fields. Only used when a problem is reported.
pub(super) struct Places {
    /// Index of the first skill of each stage.
    pub(super) stage_start: Vec<usize>,
    /// Stage of each skill.
    pub(super) skill_stage: Vec<u32>,
}

/// An object of the file, cheap to pass around: its path is only built
/// when a problem is reported, never on the way through a good file.
#[derive(Clone, Copy)]
pub(super) enum Loc {
    Root,
    Stage(usize),
    Skill(usize),
    /// A skill's resource.
    Resource(usize, usize),
    Choice(usize),
}

/// A part of an object: a field, or an entry of a list field.
#[derive(Clone, Copy)]
pub(super) enum Part {
    Field(&'static str),
    Entry(&'static str, usize),
}

impl Places {
    fn skill(&self, i: usize) -> At {
        let s = self.skill_stage.get(i).map_or(0, |&s| s as usize);
        let k = i - self.stage_start.get(s).copied().unwrap_or(0).min(i);
        At::value(json_path!["stages", s, "skills", k])
    }

    pub(super) fn at(&self, loc: Loc, part: Part) -> At {
        let object = match loc {
            Loc::Root => At::default(),
            Loc::Stage(s) => At::value(json_path!["stages", s]),
            Loc::Skill(i) => self.skill(i),
            Loc::Resource(i, j) => self.skill(i).field("resources").index(j),
            Loc::Choice(c) => At::value(json_path!["choices", c]),
        };
        match part {
            Part::Field(f) => object.field(f),
            Part::Entry(f, n) => object.field(f).index(n),
        }
    }
}

/// Validates the raw file and builds the indexed graph.
pub(super) fn build(raw: RawRoadmap<'_>) -> Result<Roadmap, Vec<Problem>> {
    let skill_count: usize = raw.stages.iter().map(|s| s.skills.len()).sum();
    if skill_count > limits::MAX_SKILLS {
        return Err(vec![Problem::at(
            ProblemKind::TooManySkills {
                count: skill_count,
                limit: limits::MAX_SKILLS,
            },
            At::value(json_path!["stages"]),
        )]);
    }
    let node_count = skill_count + raw.stages.len() + raw.choices.len();
    let mut b = Builder {
        problems: Vec::new(),
        ids: HashMap::with_capacity(node_count),
        aliases: HashMap::new(),
        suppressed: 0,
        skill_count,
        seen: vec![0; skill_count + raw.choices.len()],
        hints_left: MAX_HINTS.min(MAX_HINT_WORK / node_count.max(1)),
        places: Places {
            stage_start: Vec::with_capacity(raw.stages.len()),
            skill_stage: Vec::with_capacity(skill_count),
        },
    };
    let root = Loc::Root;
    b.check_id(Subject::Roadmap, &raw.id, root, Part::Field("id"));
    b.check_len(
        Subject::Roadmap,
        "title",
        &raw.title,
        limits::MAX_TITLE,
        root,
    );
    b.check_len(
        Subject::Roadmap,
        "description",
        &raw.description,
        limits::MAX_DESCRIPTION,
        root,
    );
    let title = clean_owned(raw.title);
    b.check_title(Subject::Roadmap, &title, root);

    let (stages, raw_skills) = b.stages(raw.stages, skill_count);
    for (index, choice) in raw.choices.iter().enumerate() {
        b.claim(
            &choice.id,
            Node::Choice(index),
            Loc::Choice(index),
            Part::Field("id"),
        );
    }
    b.index_aliases(&raw_skills);

    let mut skills: Vec<Skill> = raw_skills
        .into_iter()
        .enumerate()
        .map(|(i, (stage, s))| b.skill(i, stage, s))
        .collect();
    let mut choices: Vec<Choice> = raw
        .choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| b.choice(i, c, &mut skills))
        .collect();
    link_dependents(&mut skills, &mut choices);

    let Builder {
        problems,
        ids,
        aliases,
        suppressed,
        places,
        ..
    } = b;
    let (req_start, req_flat, meta) = flat_index(&skills);
    let roadmap = Roadmap {
        id: raw.id,
        title,
        description: clean_multiline_owned(raw.description),
        stages,
        skills,
        choices,
        ids,
        aliases,
        req_start,
        req_flat,
        meta,
    };
    finish(roadmap, problems, suppressed, &places)
}

/// The prerequisites of all skills in one flat array, and the fields the
/// progress passes read, packed.
fn flat_index(skills: &[Skill]) -> (Vec<usize>, Vec<Req>, Vec<Meta>) {
    let mut req_start = Vec::with_capacity(skills.len() + 1);
    let mut req_flat = Vec::with_capacity(skills.iter().map(|s| s.requires.len()).sum());
    for skill in skills {
        req_start.push(req_flat.len());
        req_flat.extend_from_slice(&skill.requires);
    }
    req_start.push(req_flat.len());
    let meta: Vec<Meta> = skills
        .iter()
        .map(|s| Meta {
            stage: u32::try_from(s.stage).unwrap_or(u32::MAX),
            dependents: u32::try_from(s.dependents.len()).unwrap_or(u32::MAX),
            optional: s.optional,
            in_choice: !s.choices.is_empty(),
        })
        .collect();
    (req_start, req_flat, meta)
}

/// Adds the cycles and the count of unreported problems; the roadmap is
/// good only if there is no problem at all.
fn finish(
    roadmap: Roadmap,
    mut problems: Vec<Problem>,
    suppressed: usize,
    places: &Places,
) -> Result<Roadmap, Vec<Problem>> {
    let skills = roadmap.skills.len();
    problems.extend(
        super::cycle::find_cycles(&roadmap)
            .into_iter()
            .map(|(path, first)| {
                let at = if first < skills {
                    Loc::Skill(first)
                } else {
                    Loc::Choice(first - skills)
                };
                Problem::at(
                    ProblemKind::Cycle { path },
                    places.at(at, Part::Field("id")),
                )
            }),
    );
    if suppressed > 0 {
        problems.push(Problem::new(ProblemKind::MoreProblems {
            count: suppressed,
        }));
    }
    if problems.is_empty() {
        Ok(roadmap)
    } else {
        Err(problems)
    }
}

/// Fills the reverse edges: who requires each skill and each choice.
fn link_dependents(skills: &mut [Skill], choices: &mut [Choice]) {
    for dependent in 0..skills.len() {
        for r in 0..skills[dependent].requires.len() {
            match skills[dependent].requires[r] {
                Req::Skill(s) => skills[s].dependents.push(dependent),
                Req::Choice(c) => choices[c].dependents.push(dependent),
            }
        }
    }
}

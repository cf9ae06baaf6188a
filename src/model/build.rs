//! Validation of a parsed roadmap file and construction of the indexed
//! graph. Every problem is collected; nothing stops at the first.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::error::{Problem, ProblemKind};
use super::load::{RawChoice, RawRoadmap, RawSkill, limits};
use super::roadmap::{Choice, Meta, Node, Req, Resource, Roadmap, Skill, Stage};
use super::text::{clean_multiline_owned, clean_owned, clip, is_unsafe};

/// At most this many problems are reported (then "… and N more"): a
/// hostile file with millions of mistakes gets a short answer, quickly.
pub(super) const MAX_PROBLEMS: usize = 100;
/// "Did you mean" hints are computed for the first problems only: each one
/// compares the unknown id with every id of the roadmap.
const MAX_HINTS: usize = 20;

/// How an id from the file is quoted in a message.
fn shown(id: &str) -> String {
    clip(id, limits::MAX_ID + 1)
}

/// What a problem is about; formatted only when there is a problem.
#[derive(Clone, Copy)]
enum Subject<'a> {
    Roadmap,
    Stage(&'a str),
    Skill(&'a str),
    Choice(&'a str),
}

impl std::fmt::Display for Subject<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Subject::Roadmap => f.write_str("roadmap"),
            Subject::Stage(id) => write!(f, "stage '{}'", shown(id)),
            Subject::Skill(id) => write!(f, "skill '{}'", shown(id)),
            Subject::Choice(id) => write!(f, "choice '{}'", shown(id)),
        }
    }
}

/// Validates the raw file and builds the indexed graph.
pub(super) fn build(raw: RawRoadmap<'_>) -> Result<Roadmap, Vec<Problem>> {
    let skill_count: usize = raw.stages.iter().map(|s| s.skills.len()).sum();
    if skill_count > limits::MAX_SKILLS {
        return Err(vec![Problem::new(ProblemKind::TooManySkills {
            count: skill_count,
            limit: limits::MAX_SKILLS,
        })]);
    }
    let mut b = Builder {
        problems: Vec::new(),
        ids: HashMap::with_capacity(skill_count + raw.stages.len() + raw.choices.len()),
        aliases: HashMap::new(),
        suppressed: 0,
    };
    b.check_id("roadmap", &raw.id);
    b.check_text(Subject::Roadmap, "title", &raw.title, limits::MAX_TITLE);
    b.check_text(
        Subject::Roadmap,
        "description",
        &raw.description,
        limits::MAX_DESCRIPTION,
    );

    let mut stages = Vec::with_capacity(raw.stages.len());
    let mut raw_skills = Vec::with_capacity(skill_count);
    for (index, stage) in raw.stages.into_iter().enumerate() {
        let what = Subject::Stage(&stage.id);
        b.check_id("stage", &stage.id);
        b.check_text(what, "title", &stage.title, limits::MAX_TITLE);
        b.check_text(
            what,
            "description",
            &stage.description,
            limits::MAX_DESCRIPTION,
        );
        b.claim(&stage.id, Node::Stage(index));
        let start = raw_skills.len();
        for skill in stage.skills {
            b.claim(&skill.id, Node::Skill(raw_skills.len()));
            raw_skills.push((index, skill));
        }
        stages.push(Stage {
            title: clean_owned(stage.title),
            description: clean_multiline_owned(stage.description),
            id: stage.id,
            skills: start..raw_skills.len(),
        });
    }
    for (index, choice) in raw.choices.iter().enumerate() {
        b.claim(&choice.id, Node::Choice(index));
    }
    b.index_aliases(&raw_skills);

    let mut skills: Vec<Skill> = raw_skills
        .into_iter()
        .map(|(stage, s)| b.skill(stage, s))
        .collect();
    let choices: Vec<Choice> = raw
        .choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| b.choice(i, c, &mut skills))
        .collect();
    let mut choices = choices;
    link_dependents(&mut skills, &mut choices);

    let Builder {
        problems,
        ids,
        aliases,
        suppressed,
    } = b;
    let mut req_start = Vec::with_capacity(skills.len() + 1);
    let mut req_flat = Vec::with_capacity(skills.iter().map(|s| s.requires.len()).sum());
    for skill in &skills {
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
    let roadmap = Roadmap {
        id: raw.id,
        title: clean_owned(raw.title),
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
    finish(roadmap, problems, suppressed)
}

/// Adds the cycles and the count of unreported problems; the roadmap is
/// good only if there is no problem at all.
fn finish(
    roadmap: Roadmap,
    mut problems: Vec<Problem>,
    suppressed: usize,
) -> Result<Roadmap, Vec<Problem>> {
    problems.extend(
        super::cycle::find_cycles(&roadmap)
            .into_iter()
            .map(|path| Problem::new(ProblemKind::Cycle { path })),
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

struct Builder {
    problems: Vec<Problem>,
    ids: HashMap<String, Node>,
    aliases: HashMap<String, usize>,
    /// Problems found but not reported, beyond [`MAX_PROBLEMS`].
    suppressed: usize,
}

impl Builder {
    fn report(&mut self, kind: ProblemKind) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem::new(kind));
        } else {
            self.suppressed += 1;
        }
    }

    /// Reports an id that names nothing, with a hint while hints are cheap.
    fn report_unknown(
        &mut self,
        wanted: &str,
        kind: impl FnOnce(String, Option<String>) -> ProblemKind,
    ) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.suppressed += 1;
            return;
        }
        let hint = if self.problems.len() < MAX_HINTS && wanted.len() <= limits::MAX_ID {
            self.closest(wanted)
        } else {
            None
        };
        self.report(kind(shown(wanted), hint));
    }

    fn claim(&mut self, id: &str, node: Node) {
        match self.ids.entry(id.to_string()) {
            Entry::Occupied(_) => self.report(ProblemKind::DuplicateId { id: shown(id) }),
            Entry::Vacant(v) => {
                v.insert(node);
            }
        }
    }

    fn check_id(&mut self, what: &str, id: &str) {
        let ok = !id.is_empty()
            && id.len() <= limits::MAX_ID
            && id
                .bytes()
                .enumerate()
                .all(|(i, b)| b.is_ascii_lowercase() || b.is_ascii_digit() || (i > 0 && b == b'-'));
        if !ok {
            let id = shown(id);
            self.report(ProblemKind::BadId {
                what: what.to_string(),
                id,
            });
        }
    }

    fn check_text(&mut self, what: Subject<'_>, field: &'static str, value: &str, max: usize) {
        if field == "title" && value.trim().is_empty() {
            self.report(ProblemKind::EmptyTitle {
                what: what.to_string(),
            });
        }
        if value.len() > max {
            self.report(ProblemKind::TooLong {
                what: what.to_string(),
                field,
                len: value.len(),
                max,
            });
        }
    }

    fn check_list(&mut self, what: Subject<'_>, field: &'static str, len: usize) {
        if len > limits::MAX_LIST {
            self.report(ProblemKind::TooLong {
                what: what.to_string(),
                field,
                len,
                max: limits::MAX_LIST,
            });
        }
    }

    fn index_aliases(&mut self, skills: &[(usize, RawSkill<'_>)]) {
        for (index, (_, skill)) in skills.iter().enumerate() {
            for alias in &skill.aliases {
                self.check_id(&format!("alias of skill '{}'", shown(&skill.id)), alias);
                if self.ids.contains_key(alias)
                    || self.aliases.insert(alias.clone(), index).is_some()
                {
                    self.report(ProblemKind::DuplicateId { id: shown(alias) });
                }
            }
        }
    }

    fn resolve(&self, id: &str) -> Option<Req> {
        match self.ids.get(id) {
            Some(Node::Skill(i)) => Some(Req::Skill(*i)),
            Some(Node::Choice(i)) => Some(Req::Choice(*i)),
            _ => None,
        }
    }

    fn skill(&mut self, stage: usize, raw: RawSkill<'_>) -> Skill {
        let RawSkill {
            id,
            title,
            description,
            requires: wanted,
            resources,
            hours,
            optional,
            aliases,
        } = raw;
        let what = Subject::Skill(&id);
        self.check_id("skill", &id);
        self.check_text(what, "title", &title, limits::MAX_TITLE);
        self.check_text(what, "description", &description, limits::MAX_DESCRIPTION);
        self.check_list(what, "requires", wanted.len());
        self.check_list(what, "resources", resources.len());
        self.check_list(what, "aliases", aliases.len());
        let mut requires = Vec::with_capacity(wanted.len());
        for name in &wanted {
            match self.resolve(name) {
                Some(req) if !requires.contains(&req) => requires.push(req),
                Some(_) => {}
                None => self.report_unknown(name, |missing, hint| ProblemKind::UnknownRequire {
                    skill: shown(&id),
                    missing,
                    hint,
                }),
            }
        }
        let resources = resources
            .into_iter()
            .map(|r| self.resource(what, &id, r))
            .collect();
        Skill {
            title: clean_owned(title),
            description: clean_multiline_owned(description),
            id,
            requires,
            resources,
            hours,
            optional,
            aliases,
            stage,
            choices: Vec::new(),
            dependents: Vec::new(),
        }
    }

    fn resource(&mut self, what: Subject<'_>, skill: &str, res: Resource) -> Resource {
        self.check_text(what, "title", &res.title, limits::MAX_TITLE);
        let url_ok = (res.url.starts_with("https://") || res.url.starts_with("http://"))
            && res.url.len() > "https://".len()
            && res.url.len() <= limits::MAX_URL
            && !res.url.chars().any(|c| c.is_whitespace() || is_unsafe(c));
        if !url_ok {
            let url = clip(&res.url, 200);
            self.report(ProblemKind::BadUrl {
                skill: shown(skill),
                url,
            });
        }
        Resource {
            title: clean_owned(res.title),
            ..res
        }
    }

    fn choice(&mut self, index: usize, raw: RawChoice<'_>, skills: &mut [Skill]) -> Choice {
        let id = raw.id.clone();
        let what = Subject::Choice(&id);
        self.check_id("choice", &raw.id);
        self.check_text(what, "title", &raw.title, limits::MAX_TITLE);
        self.check_list(what, "from", raw.from.len());
        let mut from = Vec::with_capacity(raw.from.len());
        for option in &raw.from {
            match self.ids.get(option.as_ref()) {
                Some(Node::Skill(s)) if !from.contains(s) => {
                    from.push(*s);
                    skills[*s].choices.push(index);
                }
                Some(Node::Skill(_)) => {}
                _ => self.report_unknown(option, |missing, hint| ProblemKind::UnknownOption {
                    choice: shown(&raw.id),
                    missing,
                    hint,
                }),
            }
        }
        if raw.pick == 0 || raw.pick > raw.from.len() {
            self.report(ProblemKind::BadPick {
                choice: shown(&raw.id),
                pick: raw.pick,
                options: raw.from.len(),
            });
        }
        Choice {
            id: raw.id,
            title: clean_owned(raw.title),
            pick: raw.pick,
            from,
            dependents: Vec::new(),
        }
    }

    /// The skill or choice id closest to `wanted` (error path only).
    fn closest(&self, wanted: &str) -> Option<String> {
        self.ids
            .iter()
            .filter(|(id, node)| !matches!(node, Node::Stage(_)) && id.len() <= limits::MAX_ID)
            .map(|(id, _)| (strsim::jaro_winkler(wanted, id), id))
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, id)| id.clone())
    }
}

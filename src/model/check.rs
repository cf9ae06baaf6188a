//! The checks of each stage, skill, resource and choice of a parsed
//! roadmap file, and the "did you mean" hints. Every problem is collected
//! with its place; nothing stops at the first.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::build::{Loc, MAX_PROBLEMS, Part, Places, Subject, shown};
use super::error::{Problem, ProblemKind};
use super::load::{RawChoice, RawSkill, RawStage, limits};
use super::roadmap::{Choice, Node, Req, Resource, Skill, Stage};
use super::text::{clean_multiline_owned, clean_owned, clip, is_invisible, is_unsafe, reveal};

pub(super) struct Builder {
    pub(super) problems: Vec<Problem>,
    pub(super) ids: HashMap<String, Node>,
    pub(super) aliases: HashMap<String, usize>,
    /// Problems found but not reported, beyond [`MAX_PROBLEMS`].
    pub(super) suppressed: usize,
    pub(super) skill_count: usize,
    /// For each skill and choice (choices after the skills), the last list
    /// that named it, as owner + 1: de-duplicating a list is one look-up
    /// per entry, never a scan of what came before.
    pub(super) seen: Vec<u32>,
    /// How many more "did you mean" hints may be computed.
    pub(super) hints_left: usize,
    pub(super) places: Places,
}

/// Which ids a hint may suggest.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Wanted {
    SkillOrChoice,
    Skill,
}

impl Builder {
    /// Checks the stages and claims their ids and their skills' ids.
    pub(super) fn stages<'a>(
        &mut self,
        raw: Vec<RawStage<'a>>,
        skill_count: usize,
    ) -> (Vec<Stage>, Vec<(usize, RawSkill<'a>)>) {
        let mut stages = Vec::with_capacity(raw.len());
        let mut raw_skills = Vec::with_capacity(skill_count);
        for (index, stage) in raw.into_iter().enumerate() {
            let what = Subject::Stage(&stage.id);
            let at = Loc::Stage(index);
            self.check_id(what, &stage.id, at, Part::Field("id"));
            self.check_len(what, "title", &stage.title, limits::MAX_TITLE, at);
            self.check_len(
                what,
                "description",
                &stage.description,
                limits::MAX_DESCRIPTION,
                at,
            );
            let title = clean_owned(stage.title);
            self.check_title(what, &title, at);
            self.claim(&stage.id, Node::Stage(index), at, Part::Field("id"));
            let start = raw_skills.len();
            self.places.stage_start.push(start);
            for skill in stage.skills {
                let i = raw_skills.len();
                self.places
                    .skill_stage
                    .push(u32::try_from(index).unwrap_or(u32::MAX));
                self.claim(&skill.id, Node::Skill(i), Loc::Skill(i), Part::Field("id"));
                raw_skills.push((index, skill));
            }
            stages.push(Stage {
                title,
                description: clean_multiline_owned(stage.description),
                id: stage.id,
                skills: start..raw_skills.len(),
            });
        }
        (stages, raw_skills)
    }

    pub(super) fn report(&mut self, kind: ProblemKind, loc: Loc, part: Part) {
        if self.problems.len() < MAX_PROBLEMS {
            let at = self.places.at(loc, part);
            self.problems.push(Problem::at(kind, at));
        } else {
            self.suppressed += 1;
        }
    }

    /// Reports an id that names nothing, with a hint while hints are cheap.
    pub(super) fn report_unknown(
        &mut self,
        wanted: &str,
        kinds: Wanted,
        loc: Loc,
        part: Part,
        kind: impl FnOnce(String, Option<String>) -> ProblemKind,
    ) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.suppressed += 1;
            return;
        }
        let hint = if self.hints_left > 0 && wanted.len() <= limits::MAX_ID {
            self.hints_left -= 1;
            closest(&self.ids, wanted, kinds)
        } else {
            None
        };
        self.report(kind(shown(wanted), hint), loc, part);
    }

    pub(super) fn claim(&mut self, id: &str, node: Node, loc: Loc, part: Part) {
        match self.ids.entry(id.to_string()) {
            Entry::Occupied(_) => {
                self.report(ProblemKind::DuplicateId { id: shown(id) }, loc, part);
            }
            Entry::Vacant(v) => {
                v.insert(node);
            }
        }
    }

    pub(super) fn check_id(&mut self, what: Subject<'_>, id: &str, loc: Loc, part: Part) {
        if !valid_id(id) {
            let what = match what {
                Subject::Alias(_) => what.to_string(),
                _ => what.kind().to_string(),
            };
            let normal = normalise_id(id);
            let hint = valid_id(&normal).then_some(normal);
            self.report(
                ProblemKind::BadId {
                    what,
                    id: shown(id),
                    hint,
                },
                loc,
                part,
            );
        }
    }

    /// A title must show something once invisible characters are removed.
    pub(super) fn check_title(&mut self, what: Subject<'_>, cleaned: &str, loc: Loc) {
        if cleaned.trim().is_empty() {
            self.report(
                ProblemKind::EmptyTitle {
                    what: what.to_string(),
                },
                loc,
                Part::Field("title"),
            );
        }
    }

    pub(super) fn check_len(
        &mut self,
        what: Subject<'_>,
        field: &'static str,
        value: &str,
        max: usize,
        loc: Loc,
    ) {
        if value.len() > max {
            self.report(
                ProblemKind::TooLong {
                    what: what.to_string(),
                    field,
                    len: value.len(),
                    max,
                },
                loc,
                Part::Field(field),
            );
        }
    }

    /// False (and reported) when a list is over the limit: its entries are
    /// then not looked at, so a huge list costs nothing but its parse.
    pub(super) fn check_list(
        &mut self,
        what: Subject<'_>,
        field: &'static str,
        len: usize,
        loc: Loc,
    ) -> bool {
        if len > limits::MAX_LIST {
            self.report(
                ProblemKind::TooLong {
                    what: what.to_string(),
                    field,
                    len,
                    max: limits::MAX_LIST,
                },
                loc,
                Part::Field(field),
            );
            return false;
        }
        true
    }

    pub(super) fn index_aliases(&mut self, skills: &[(usize, RawSkill<'_>)]) {
        for (index, (_, skill)) in skills.iter().enumerate() {
            if skill.aliases.len() > limits::MAX_LIST {
                continue; // reported with the skill
            }
            for (a, alias) in skill.aliases.iter().enumerate() {
                let (loc, part) = (Loc::Skill(index), Part::Entry("aliases", a));
                self.check_id(Subject::Alias(&skill.id), alias, loc, part);
                if self.ids.contains_key(alias)
                    || self.aliases.insert(alias.clone(), index).is_some()
                {
                    self.report(ProblemKind::DuplicateId { id: shown(alias) }, loc, part);
                }
            }
        }
    }

    pub(super) fn resolve(&self, id: &str) -> Option<Req> {
        match self.ids.get(id) {
            Some(Node::Skill(i)) => Some(Req::Skill(*i)),
            Some(Node::Choice(i)) => Some(Req::Choice(*i)),
            _ => None,
        }
    }

    /// True the first time `node` is named by `owner`'s list.
    pub(super) fn first_mention(&mut self, node: usize, owner: usize) -> bool {
        let stamp = u32::try_from(owner + 1).unwrap_or(u32::MAX);
        match self.seen.get_mut(node) {
            Some(s) if *s == stamp => false,
            Some(s) => {
                *s = stamp;
                true
            }
            None => true,
        }
    }

    pub(super) fn skill(&mut self, index: usize, stage: usize, raw: RawSkill<'_>) -> Skill {
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
        let at = Loc::Skill(index);
        self.check_id(what, &id, at, Part::Field("id"));
        self.check_len(what, "title", &title, limits::MAX_TITLE, at);
        self.check_len(
            what,
            "description",
            &description,
            limits::MAX_DESCRIPTION,
            at,
        );
        let title = clean_owned(title);
        self.check_title(what, &title, at);
        self.check_list(what, "aliases", aliases.len(), at);
        let mut requires = Vec::new();
        if self.check_list(what, "requires", wanted.len(), at) {
            requires.reserve_exact(wanted.len());
            for (r, name) in wanted.iter().enumerate() {
                match self.resolve(name) {
                    Some(req) => {
                        let node = match req {
                            Req::Skill(s) => s,
                            Req::Choice(c) => self.skill_count + c,
                        };
                        if self.first_mention(node, index) {
                            requires.push(req);
                        }
                    }
                    None => self.report_unknown(
                        name,
                        Wanted::SkillOrChoice,
                        at,
                        Part::Entry("requires", r),
                        |missing, hint| ProblemKind::UnknownRequire {
                            skill: shown(&id),
                            missing,
                            hint,
                        },
                    ),
                }
            }
        }
        let resources = if self.check_list(what, "resources", resources.len(), at) {
            resources
                .into_iter()
                .enumerate()
                .map(|(j, r)| self.resource(what, &id, r, Loc::Resource(index, j)))
                .collect()
        } else {
            Vec::new()
        };
        Skill {
            title,
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

    pub(super) fn resource(
        &mut self,
        what: Subject<'_>,
        skill: &str,
        res: Resource,
        at: Loc,
    ) -> Resource {
        self.check_len(what, "title", &res.title, limits::MAX_TITLE, at);
        let url_ok = (res.url.starts_with("https://") || res.url.starts_with("http://"))
            && res.url.len() > "https://".len()
            && res.url.len() <= limits::MAX_URL
            // Printable ASCII without spaces (the common case) byte-wise.
            && (res.url.bytes().all(|b| (0x21..0x7f).contains(&b))
                || !res
                    .url
                    .chars()
                    .any(|c| c.is_whitespace() || is_unsafe(c) || is_invisible(c)));
        if !url_ok {
            let url = clip(&reveal(&res.url), 200);
            self.report(
                ProblemKind::BadUrl {
                    skill: shown(skill),
                    url,
                },
                at,
                Part::Field("url"),
            );
        }
        Resource {
            title: clean_owned(res.title),
            ..res
        }
    }

    pub(super) fn choice(
        &mut self,
        index: usize,
        raw: RawChoice<'_>,
        skills: &mut [Skill],
    ) -> Choice {
        let what = Subject::Choice(&raw.id);
        let at = Loc::Choice(index);
        let owner = skills.len() + index;
        self.check_id(what, &raw.id, at, Part::Field("id"));
        self.check_len(what, "title", &raw.title, limits::MAX_TITLE, at);
        let title = clean_owned(raw.title);
        self.check_title(what, &title, at);
        let mut from = Vec::new();
        // Unknown entries count once each towards what `pick` may be.
        let mut unknown: Option<std::collections::HashSet<&str>> = None;
        if self.check_list(what, "from", raw.from.len(), at) {
            from.reserve_exact(raw.from.len());
            for (f, option) in raw.from.iter().enumerate() {
                match self.ids.get(option.as_ref()) {
                    Some(&Node::Skill(s)) => {
                        if self.first_mention(s, owner) {
                            from.push(s);
                            skills[s].choices.push(index);
                        }
                    }
                    _ => {
                        if unknown.get_or_insert_default().insert(option.as_ref()) {
                            self.report_unknown(
                                option,
                                Wanted::Skill,
                                at,
                                Part::Entry("from", f),
                                |missing, hint| ProblemKind::UnknownOption {
                                    choice: shown(&raw.id),
                                    missing,
                                    hint,
                                },
                            );
                        }
                    }
                }
            }
            let options = from.len() + unknown.map_or(0, |u| u.len());
            if raw.pick == 0 || raw.pick > options {
                self.report(
                    ProblemKind::BadPick {
                        choice: shown(&raw.id),
                        pick: raw.pick,
                        options,
                    },
                    at,
                    Part::Field("pick"),
                );
            }
        }
        Choice {
            id: raw.id,
            title,
            pick: raw.pick,
            from,
            dependents: Vec::new(),
        }
    }
}

/// True for an id of the form `[a-z0-9][a-z0-9-]*`, at most `MAX_ID` long.
pub(super) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= limits::MAX_ID
        && id
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_lowercase() || b.is_ascii_digit() || (i > 0 && b == b'-'))
}

/// `Open_Chords` → `open-chords`: how a near-miss id would be spelt.
pub(super) fn normalise_id(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '_' | ' ' | '.' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The valid id of the kinds wanted that is closest to `wanted`, never
/// `wanted` itself nor an id that is itself refused (error path only).
pub(super) fn closest(ids: &HashMap<String, Node>, wanted: &str, kinds: Wanted) -> Option<String> {
    let fits = |node: &Node| match node {
        Node::Stage(_) => false,
        Node::Choice(_) => kinds == Wanted::SkillOrChoice,
        Node::Skill(_) => true,
    };
    let normal = normalise_id(wanted);
    if normal != wanted && ids.get(normal.as_str()).is_some_and(fits) {
        return Some(normal);
    }
    ids.iter()
        .filter(|(id, node)| fits(node) && valid_id(id) && id.as_str() != wanted)
        .map(|(id, _)| (strsim::jaro_winkler(&normal, id), id))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, id)| id.clone())
}

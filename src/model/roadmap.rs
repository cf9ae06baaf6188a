//! The validated, indexed roadmap graph. Build one with [`crate::model::load`].

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What sort of learning material a resource is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResourceKind {
    Official,
    Article,
    Video,
    Course,
    Book,
    Practice,
    /// Open-source code to read or contribute to.
    Opensource,
    Podcast,
    /// Another roadmap.
    Roadmap,
    /// A news feed to follow.
    Feed,
}

impl ResourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ResourceKind::Official => "official",
            ResourceKind::Article => "article",
            ResourceKind::Video => "video",
            ResourceKind::Course => "course",
            ResourceKind::Book => "book",
            ResourceKind::Practice => "practice",
            ResourceKind::Opensource => "opensource",
            ResourceKind::Podcast => "podcast",
            ResourceKind::Roadmap => "roadmap",
            ResourceKind::Feed => "feed",
        }
    }
}

impl fmt::Display for ResourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub title: String,
    pub url: String,
    pub kind: ResourceKind,
}

/// A prerequisite: a skill, or a "pick one of" choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Req {
    Skill(usize),
    Choice(usize),
}

#[derive(Debug, Clone)]
pub struct Skill {
    pub id: String,
    pub title: String,
    pub description: String,
    pub requires: Vec<Req>,
    pub resources: Vec<Resource>,
    pub hours: Option<u32>,
    pub optional: bool,
    pub aliases: Vec<String>,
    /// Index of the stage the skill belongs to.
    pub stage: usize,
    /// Choices this skill is one of the alternatives of.
    pub choices: Vec<usize>,
    /// Skills that list this skill in `requires`.
    pub dependents: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Stage {
    pub id: String,
    pub title: String,
    pub description: String,
    /// The skills of the stage, as indices into [`Roadmap::skills`].
    pub skills: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub id: String,
    pub title: String,
    /// How many of `from` must be finished.
    pub pick: usize,
    pub from: Vec<usize>,
    /// Skills that list this choice in `requires`.
    pub dependents: Vec<usize>,
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    Stage(usize),
    Skill(usize),
    Choice(usize),
}

/// A roadmap that passed validation: ids are unique, every reference
/// resolves, the prerequisite graph has no cycle.
#[derive(Debug, Clone)]
pub struct Roadmap {
    pub id: String,
    pub title: String,
    pub description: String,
    pub stages: Vec<Stage>,
    pub skills: Vec<Skill>,
    pub choices: Vec<Choice>,
    pub(crate) ids: HashMap<String, Node>,
    pub(crate) aliases: HashMap<String, usize>,
    /// Every skill's requirements in one flat list (`req_start[i]..req_start[i + 1]`),
    /// so the hot loops over all skills read memory in order.
    pub(crate) req_start: Vec<usize>,
    pub(crate) req_flat: Vec<Req>,
    /// Per skill, what the progress loops read, packed small so a pass over
    /// 100,000 skills stays in the cache.
    pub(crate) meta: Vec<Meta>,
}

/// The facts about a skill that progress and ranking read on every pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Meta {
    pub stage: u32,
    pub dependents: u32,
    pub optional: bool,
    /// An option of at least one choice.
    pub in_choice: bool,
}

impl Roadmap {
    /// The prerequisites of skill `i` (the same as `skills[i].requires`, from
    /// one contiguous array).
    pub fn requires(&self, i: usize) -> &[Req] {
        &self.req_flat[self.req_start[i]..self.req_start[i + 1]]
    }

    /// The skills that require skill `s`, directly or through a choice it
    /// is an option of, in file order, each once.
    pub fn required_by(&self, s: usize) -> Vec<usize> {
        let skill = &self.skills[s];
        let mut out: Vec<usize> = skill
            .dependents
            .iter()
            .chain(
                skill
                    .choices
                    .iter()
                    .flat_map(|&c| &self.choices[c].dependents),
            )
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The stage a choice counts in: the earliest stage of its options.
    pub fn choice_stage(&self, c: usize) -> Option<usize> {
        self.choices[c]
            .from
            .iter()
            .map(|&s| self.meta[s].stage as usize)
            .min()
    }

    /// Looks up an id of a stage, skill or choice.
    pub fn node(&self, id: &str) -> Option<Node> {
        self.ids.get(id).copied()
    }

    /// Finds a skill by its id or by one of its aliases (earlier ids).
    pub fn skill_index(&self, id: &str) -> Option<usize> {
        match self.ids.get(id) {
            Some(Node::Skill(i)) => Some(*i),
            Some(_) => None,
            None => self.aliases.get(id).copied(),
        }
    }

    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.skill_index(id).map(|i| &self.skills[i])
    }

    pub fn stage_index(&self, id: &str) -> Option<usize> {
        match self.ids.get(id) {
            Some(Node::Stage(i)) => Some(*i),
            _ => None,
        }
    }

    /// True when `key` (a profile entry key) is a skill id or alias here.
    pub fn knows(&self, key: &str) -> bool {
        self.skill_index(key).is_some()
    }

    /// The id of a prerequisite.
    pub fn req_id(&self, req: Req) -> &str {
        match req {
            Req::Skill(i) => &self.skills[i].id,
            Req::Choice(i) => &self.choices[i].id,
        }
    }

    /// The title of a prerequisite.
    pub fn req_title(&self, req: Req) -> &str {
        match req {
            Req::Skill(i) => &self.skills[i].title,
            Req::Choice(i) => &self.choices[i].title,
        }
    }

    /// Number of prerequisite edges (skill → requirement, choice → option).
    pub fn edge_count(&self) -> usize {
        self.skills.iter().map(|s| s.requires.len()).sum::<usize>()
            + self.choices.iter().map(|c| c.from.len()).sum::<usize>()
    }

    /// Skill and choice ids closest to `wanted`, for "did you mean" hints.
    pub fn closest_skill_id(&self, wanted: &str) -> Option<&str> {
        // No id is longer; comparing a huge string with every id is slow.
        if wanted.len() > super::limits::MAX_ID {
            return None;
        }
        let mut best: Option<(f64, &str)> = None;
        for s in &self.skills {
            for cand in std::iter::once(&s.id).chain(&s.aliases) {
                let score = strsim::jaro_winkler(wanted, cand);
                if score > best.map_or(0.0, |b| b.0) {
                    best = Some((score, &s.id));
                }
            }
        }
        best.filter(|b| b.0 >= 0.8).map(|b| b.1)
    }
}

//! The roadmap's shape in our terms: stages in path order, their skills
//! with prerequisites, and pick-one choices, as node indices (ids and
//! texts come later).
//!
//! A stage is a topic with what belongs to it, or a heading (a label or
//! paragraph on the path, or naming a box) with its items. When most
//! topics stand alone (no subtopics), they are skills rather than stages:
//! grouped under the page's "Phase 1", "Step 2"… headings when it has
//! them, else in one stage.

use std::collections::{HashMap, HashSet};

use super::attach::{Attachment, How};
use super::layout::{Layout, by_position, is_heading_text};
use super::legend::{Meaning, Outcome, meaning, outcome, stage_order};
use super::nodes::{Kind, Nodes, Rect};
use super::order::Path;
use super::wiring::{End, Wiring};

pub(super) struct Skill {
    pub node: usize,
    pub requires: Vec<usize>,
    pub optional: bool,
}

pub(super) struct Stage {
    /// The topic (also its first skill) or heading naming the stage; none
    /// for the stage named after the roadmap.
    pub head: Option<usize>,
    pub skills: Vec<Skill>,
    /// Pick-one choices, by their options.
    pub choices: Vec<Vec<usize>>,
}

pub(super) struct Plan {
    pub stages: Vec<Stage>,
    /// Groups of items placed by distance alone.
    pub loose: Vec<usize>,
}

/// "Phase 1", "Step 2 - Learn these next", "Part III": a heading that
/// numbers a stretch of the page.
pub(super) fn is_phase(label: &str) -> bool {
    const WORDS: [&str; 10] = [
        "phase",
        "step",
        "stage",
        "part",
        "level",
        "module",
        "week",
        "month",
        "milestone",
        "day",
    ];
    let lower = label.trim().to_lowercase();
    WORDS.iter().any(|w| {
        lower.strip_prefix(w).is_some_and(|rest| {
            let rest = rest.trim_start_matches([' ', '#', ':', '-']);
            let number = rest
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or("");
            !number.is_empty()
                && (number.chars().all(|c| c.is_ascii_digit())
                    || number.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
        })
    })
}

struct Builder<'a, 'n> {
    nodes: &'a Nodes<'n>,
    layout: &'a Layout,
    attach: &'a Attachment,
    path: Path,
    /// Per anchor: its groups.
    groups_of: HashMap<usize, Vec<usize>>,
    /// Per node: what its legend means, read once.
    meanings: Vec<Option<Meaning>>,
    budget: usize,
}

impl Builder<'_, '_> {
    fn is_topic(&self, n: usize) -> bool {
        self.nodes.list[n].kind == Kind::Topic
    }

    /// The topics (or topics read as items) before `unit` on the path.
    fn topics_before(&mut self, unit: usize) -> Vec<usize> {
        let nodes = self.nodes;
        self.path.before(
            unit,
            |u| nodes.list[u].kind == Kind::Topic || nodes.list[u].demoted,
            &mut self.budget,
        )
    }

    fn legend(&self, n: usize) -> Option<Meaning> {
        self.meanings[n]
    }

    /// The skills of anchor `unit` (the topic first) and of `groups`, and
    /// their choices.
    fn unit(&mut self, unit: Option<usize>, groups: &[usize], stage: &mut Stage) {
        if let Some(t) = unit.filter(|&t| self.is_topic(t)) {
            let requires = self.topics_before(t);
            stage.skills.push(Skill {
                node: t,
                requires,
                optional: false,
            });
        }
        let entry: Vec<usize> = match unit {
            Some(t) if self.is_topic(t) => vec![t],
            Some(h) => self.topics_before(h),
            None => Vec::new(),
        };
        // Group by group, top to bottom; within a group, as drawn; then
        // what the legends say (beginner first, "learn anytime" last).
        let mut groups = groups.to_vec();
        groups.sort_by(|&a, &b| {
            let (ra, rb) = (self.layout.groups[a].rect, self.layout.groups[b].rect);
            ra.y.total_cmp(&rb.y).then(ra.x.total_cmp(&rb.x))
        });
        let items: Vec<usize> = groups
            .iter()
            .flat_map(|&g| self.layout.groups[g].members.iter().copied())
            .collect();
        let mut items = items;
        items.sort_by_key(|&i| stage_order(self.legend(i)));
        let place: HashMap<usize, usize> = items.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        let optional = self.choices(&groups, &place, stage);
        for i in items {
            let m = self.legend(i);
            // "Learn anytime" only moves a skill last in its stage: it still
            // follows its topic, so a fresh import never suggests it before
            // the roadmap's first topics.
            let requires = if self.nodes.list[i].demoted {
                // A topic read as an item keeps its place on the path.
                let before = self.topics_before(i);
                if before.is_empty() {
                    let rank = &self.path.rank;
                    entry
                        .iter()
                        .copied()
                        .filter(|&e| rank[e] < rank[i])
                        .collect()
                } else {
                    before
                }
            } else {
                entry.clone()
            };
            stage.skills.push(Skill {
                node: i,
                requires,
                optional: m == Some(Meaning::Optional) || optional.contains(&i),
            });
        }
    }

    /// Pick-one choices among the items of `groups`; returns the lone
    /// alternatives, which are optional. Each stack of items drawn edge to
    /// edge is one group of options, except a stack of alternatives with
    /// no recommended option of its own: it joins the nearest stack
    /// hanging on the same thing (in the same box) that has both, or lone
    /// recommended option (roadmap.sh draws one database on one side of
    /// its topic and its alternatives on the other).
    fn choices(
        &self,
        groups: &[usize],
        place: &HashMap<usize, usize>,
        stage: &mut Stage,
    ) -> HashSet<usize> {
        let layout = self.layout;
        let mut stacks: Vec<usize> = groups
            .iter()
            .flat_map(|&g| layout.groups[g].members.iter())
            .filter_map(|&i| layout.stack_of[i])
            .collect();
        stacks.sort_unstable();
        stacks.dedup();
        let members = |k: usize| &layout.stacks[k];
        let has = |k: usize, m: Meaning| members(k).iter().any(|&i| self.legend(i) == Some(m));
        let rect = |k: usize| {
            members(k)
                .iter()
                .map(|&i| self.nodes.list[i].rect)
                .reduce(|a, b| a.union(&b))
                .unwrap_or_default()
        };
        // What a stack hangs on: its group's parent, and its box.
        let key = |k: usize| {
            let first = members(k)[0];
            let g = layout.group_of[first];
            (
                g.and_then(|g| self.attach.parent[g]),
                layout.container_of[first],
            )
        };
        let mut sets: Vec<Vec<usize>> = stacks.iter().map(|&k| vec![k]).collect();
        let mut moved_to: Vec<usize> = (0..stacks.len()).collect();
        for (at, &k) in stacks.iter().enumerate() {
            if !has(k, Meaning::Alternative) || has(k, Meaning::Recommended) {
                continue;
            }
            let r = rect(k);
            let distance = |o: usize| {
                let q = rect(o);
                r.x_gap(&q).hypot(r.y_gap(&q))
            };
            let nearest = |pred: &dyn Fn(usize) -> bool| {
                (0..stacks.len())
                    .filter(|&b| b != at && key(stacks[b]) == key(k) && pred(stacks[b]))
                    .min_by(|&a, &b| distance(stacks[a]).total_cmp(&distance(stacks[b])))
            };
            let partner = nearest(&|o| {
                has(o, Meaning::Recommended)
                    && (has(o, Meaning::Alternative) || members(o).len() == 1)
            });
            if let Some(mut b) = partner {
                while moved_to[b] != b {
                    b = moved_to[b];
                }
                let moved = std::mem::take(&mut sets[at]);
                sets[b].extend(moved);
                moved_to[at] = b;
            }
        }
        let mut optional = HashSet::new();
        for set in sets.into_iter().filter(|s| !s.is_empty()) {
            let mut options: Vec<(usize, Option<Meaning>)> = set
                .iter()
                .flat_map(|&k| members(k).iter().copied())
                .map(|i| (i, self.legend(i)))
                .collect();
            options.sort_by_key(|&(i, _)| place.get(&i).copied());
            match outcome(&options) {
                Outcome::Plain => {}
                Outcome::Choice(options) => stage.choices.push(options),
                Outcome::LoneAlternative(i) => {
                    optional.insert(i);
                }
            }
        }
        optional
    }
}

/// The topics nothing hangs on, when they are most of the topics and
/// mostly off the main path: such a roadmap uses topics as items (drawn in
/// lists and boxes), so they are read as items. Topics on the path stay
/// stages even alone (a short roadmap of topics only).
pub(super) fn bare_topics(
    nodes: &Nodes<'_>,
    attach: &Attachment,
    wiring: &Wiring,
) -> Option<Vec<usize>> {
    let with: HashSet<usize> = attach.anchor.iter().flatten().copied().collect();
    let topics: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes.list[i].kind == Kind::Topic)
        .collect();
    let bare: Vec<usize> = topics
        .iter()
        .copied()
        .filter(|t| !with.contains(t))
        .collect();
    // On the path: a solid edge to anything (a button, a paragraph), or a
    // line drawn to it.
    let on_path = |t: usize| {
        wiring.linked[t].iter().any(|&(_, end)| end != End::Dashed) || !wiring.lines[t].is_empty()
    };
    let bare_on_path = bare.iter().filter(|&&t| on_path(t)).count();
    (topics.len() >= 2 && bare.len() * 2 > topics.len() && bare_on_path * 2 < bare.len())
        .then_some(bare)
}

pub(super) fn build(
    nodes: &Nodes<'_>,
    layout: &Layout,
    wiring: &Wiring,
    attach: &Attachment,
) -> Plan {
    let n = nodes.len();
    let mut groups_of: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut loose_groups: Vec<usize> = Vec::new();
    let mut unit_of: Vec<Option<usize>> = vec![None; n];
    for (g, anchor) in attach.anchor.iter().enumerate() {
        let Some(a) = *anchor else {
            loose_groups.push(g);
            continue;
        };
        groups_of.entry(a).or_default().push(g);
        unit_of[a] = Some(a);
        for &m in &layout.groups[g].members {
            unit_of[m] = Some(a);
        }
        if let Some(c) = layout.groups[g].container {
            unit_of[c] = Some(a);
        }
    }
    let mut demoted = false;
    for (i, node) in nodes.list.iter().enumerate() {
        if node.kind == Kind::Topic || node.demoted {
            unit_of[i] = Some(i);
        }
        demoted |= node.demoted;
    }
    let path = Path::new(nodes, &unit_of, &wiring.solid_out, &wiring.lines);
    let loose = (0..attach.how.len())
        .filter(|&g| attach.how[g] == How::Nearest && attach.anchor[g].is_some())
        .collect();
    let mut b = Builder {
        nodes,
        layout,
        attach,
        path,
        groups_of,
        meanings: nodes.list.iter().map(|n| meaning(n.legend)).collect(),
        budget: 4_000_000,
    };
    // Stages: one per topic or heading with items, in path order.
    let anchors: Vec<usize> = b
        .path
        .order
        .iter()
        .copied()
        .filter(|&u| b.is_topic(u) || b.groups_of.contains_key(&u) && !nodes.list[u].demoted)
        .collect();
    let new_stage = |head| Stage {
        head,
        skills: Vec::new(),
        choices: Vec::new(),
    };
    // Topics read as items: under the page's phases when it numbers them.
    let mut phases: Vec<usize> = (0..n)
        .filter(|&i| demoted && is_heading_text(nodes, i) && is_phase(&nodes.list[i].label))
        .collect();
    by_position(nodes, &mut phases);
    let mut stages: Vec<Stage> = Vec::new();
    if phases.len() >= 2 {
        let mut by_phase: Vec<(Vec<usize>, Vec<usize>)> =
            vec![(Vec::new(), Vec::new()); phases.len()];
        for &u in &anchors {
            by_phase[phase_of(nodes, &phases, &nodes.list[u].rect)]
                .0
                .push(u);
        }
        for &g in &loose_groups {
            by_phase[phase_of(nodes, &phases, &layout.groups[g].rect)]
                .1
                .push(g);
        }
        for (&p, (units, groups)) in phases.iter().zip(by_phase) {
            let mut stage = new_stage(Some(p));
            for u in units {
                let groups = b.groups_of.get(&u).cloned().unwrap_or_default();
                b.unit(Some(u), &groups, &mut stage);
            }
            b.unit(None, &groups, &mut stage);
            stages.push(stage);
        }
    } else {
        if !loose_groups.is_empty() {
            // Items with no topic or heading anywhere: the roadmap's stage.
            let mut stage = new_stage(None);
            b.unit(None, &loose_groups, &mut stage);
            stages.push(stage);
        }
        for &u in &anchors {
            let mut stage = new_stage(Some(u));
            let groups = b.groups_of.get(&u).cloned().unwrap_or_default();
            b.unit(Some(u), &groups, &mut stage);
            stages.push(stage);
        }
    }
    stages.retain(|s| !s.skills.is_empty());
    Plan { stages, loose }
}

/// The phase a unit falls under: the nearest phase heading above it,
/// preferring one in the same column; the first phase for what lies above
/// them all.
fn phase_of(nodes: &Nodes<'_>, phases: &[usize], r: &Rect) -> usize {
    let above = |p: &&usize| nodes.list[**p].rect.y <= r.y + r.h / 2.0;
    let best = |column: bool| {
        phases
            .iter()
            .enumerate()
            .filter(|(_, p)| above(p))
            .filter(|(_, p)| !column || nodes.list[**p].rect.x_overlap(r) > 0.0)
            .max_by(|(_, a), (_, b)| nodes.list[**a].rect.y.total_cmp(&nodes.list[**b].rect.y))
            .map(|(i, _)| i)
    };
    best(true).or_else(|| best(false)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::is_phase;

    #[test]
    fn phases_are_numbered_headings() {
        assert!(is_phase("Phase 1"));
        assert!(is_phase("Step 2 - Learn these next"));
        assert!(is_phase("PART III: Going further"));
        assert!(is_phase("Week 12"));
        assert!(!is_phase("Phased Rollouts"));
        assert!(!is_phase("Steps to follow"));
        assert!(!is_phase("Partitioning"));
    }
}

//! The rows of the skills pane: computed once per roadmap, and again when
//! a filter is on and statuses change.

use super::Row;
use crate::model::Roadmap;

pub(super) fn first_skill_row(rows: &[Row]) -> Option<usize> {
    rows.iter().position(|r| matches!(r, Row::Skill { .. }))
}

/// The rows of each stage: skills in file order, except that the options
/// of a choice gather under a header at the place of the first of them.
/// Only skills `keep` accepts are listed (a header only with some of its
/// options); a skill left out keeps row 0 in the index.
pub(super) fn build_rows(
    roadmap: &Roadmap,
    keep: impl Fn(usize) -> bool,
) -> (Vec<Vec<Row>>, Vec<usize>) {
    let mut row_of = vec![0; roadmap.skills.len()];
    let mut placed = vec![false; roadmap.skills.len()];
    let mut all = Vec::with_capacity(roadmap.stages.len());
    for stage in &roadmap.stages {
        let mut rows = Vec::with_capacity(stage.skills.len());
        for i in stage.skills.clone() {
            if placed[i] {
                continue;
            }
            let group = roadmap.skills[i].choices.first().copied().filter(|&c| {
                roadmap.choices[c]
                    .from
                    .iter()
                    .filter(|&&o| stage.skills.contains(&o))
                    .count()
                    > 1
            });
            if let Some(c) = group {
                let header = rows.len();
                rows.push(Row::Choice(c));
                for &o in &roadmap.choices[c].from {
                    if stage.skills.contains(&o) && !placed[o] {
                        placed[o] = true;
                        if !keep(o) {
                            continue;
                        }
                        row_of[o] = rows.len();
                        rows.push(Row::Skill {
                            skill: o,
                            grouped: true,
                        });
                    }
                }
                if rows.len() == header + 1 {
                    rows.pop();
                }
            } else if keep(i) {
                placed[i] = true;
                row_of[i] = rows.len();
                rows.push(Row::Skill {
                    skill: i,
                    grouped: false,
                });
            }
        }
        all.push(rows);
    }
    (all, row_of)
}

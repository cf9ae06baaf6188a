//! Cycle detection over the prerequisite graph, linear in nodes + edges.

use super::load::limits::MAX_ID;
use super::roadmap::{Req, Roadmap};
use super::text::clip;

/// At most this many cycles are reported; one is enough to act on.
const MAX_REPORTED: usize = 5;

/// Returns the cycles found, each as a path of ids that ends where it
/// started (`a → b → c → a`), with the node it starts at (skills first,
/// then choices). Nodes are skills and choices: a skill points at what it
/// requires, a choice at its options.
pub fn find_cycles(roadmap: &Roadmap) -> Vec<(Vec<String>, usize)> {
    let skills = roadmap.skills.len();
    let total = skills + roadmap.choices.len();
    let node = |r: Req| match r {
        Req::Skill(i) => i,
        Req::Choice(c) => skills + c,
    };
    let edges = |n: usize| -> &[usize] {
        // Choices point at their options; skills at their requirements.
        if n >= skills {
            &roadmap.choices[n - skills].from
        } else {
            &[]
        }
    };
    let id = |n: usize| -> String {
        if n >= skills {
            clip(&roadmap.choices[n - skills].id, MAX_ID + 1)
        } else {
            clip(&roadmap.skills[n].id, MAX_ID + 1)
        }
    };
    // 0 = unvisited, 1 = on the stack, 2 = finished.
    let mut color = vec![0u8; total];
    let mut cycles = Vec::new();
    // Stack of (node, next edge position).
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..total {
        if color[root] != 0 {
            continue;
        }
        color[root] = 1;
        stack.push((root, 0));
        while let Some(&mut (n, ref mut pos)) = stack.last_mut() {
            let next = if n < skills {
                roadmap.skills[n].requires.get(*pos).map(|&r| node(r))
            } else {
                edges(n).get(*pos).copied()
            };
            *pos += 1;
            match next {
                None => {
                    color[n] = 2;
                    stack.pop();
                }
                Some(m) if color[m] == 0 => {
                    color[m] = 1;
                    stack.push((m, 0));
                }
                Some(m) if color[m] == 1 => {
                    if cycles.len() < MAX_REPORTED {
                        let start = stack.iter().position(|&(s, _)| s == m).unwrap_or(0);
                        let mut path: Vec<String> =
                            stack[start..].iter().map(|&(s, _)| id(s)).collect();
                        path.push(id(m));
                        cycles.push((path, stack[start].0));
                    }
                }
                Some(_) => {}
            }
        }
    }
    cycles
}

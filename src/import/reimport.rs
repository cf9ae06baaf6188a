//! Importing a roadmap again: nodes found again keep their ids (so
//! progress carries over even when a label changed), and the skills the
//! new version no longer has can be named.

use std::collections::{HashMap, HashSet};

use crate::model::Roadmap;

/// Per node alias (`rs-…`): the skill id and the aliases it had.
pub type Previous = HashMap<String, (String, Vec<String>)>;

/// What an earlier import of a roadmap named each roadmap.sh node.
pub fn previous_ids(roadmap: &Roadmap) -> Previous {
    roadmap
        .skills
        .iter()
        .filter_map(|s| {
            let node = s.aliases.iter().find(|a| a.starts_with("rs-"))?;
            Some((node.clone(), (s.id.clone(), s.aliases.clone())))
        })
        .collect()
}

/// A skill of the earlier version that the new one does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub id: String,
    pub title: String,
    /// Every name progress may be kept under: the id, then the aliases.
    pub names: Vec<String>,
}

/// The skills of `before` that `after` has under none of their names (id
/// or aliases), in `before`'s order. Progress kept under one of `names`
/// stays in the profile and counts again if the skill comes back.
pub fn dropped(before: &Roadmap, after: &Roadmap) -> Vec<Dropped> {
    let known: HashSet<&str> = after
        .skills
        .iter()
        .flat_map(|s| std::iter::once(s.id.as_str()).chain(s.aliases.iter().map(String::as_str)))
        .collect();
    before
        .skills
        .iter()
        .filter(|s| {
            !known.contains(s.id.as_str()) && !s.aliases.iter().any(|a| known.contains(a.as_str()))
        })
        .map(|s| Dropped {
            id: s.id.clone(),
            title: s.title.clone(),
            names: std::iter::once(s.id.clone())
                .chain(s.aliases.iter().cloned())
                .collect(),
        })
        .collect()
}

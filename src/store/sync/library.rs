//! The library's roadmaps across machines. Each roadmap id is one value
//! with a stamp: its text, or "removed". The stamp is taken when this
//! machine first sees the value (an import, a removal, or the value
//! arriving from another machine keeps that machine's stamp), by the time
//! rule, so a roadmap imported again later wins over the older copy, and a
//! removal travels too. Every machine picks the same winner
//! ([`RoadmapEntry::rank`]). Progress never lives here: it stays in the
//! profiles, whatever becomes of the roadmap.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::value::RawValue;

use super::machine_file::RoadmapEntry;
use super::state::{Known, State};
use crate::model::hlc;
use crate::store::library::{BUILTIN_ID, Library};
use crate::store::safe::{self, Links};

/// This machine's library as entries, noticing what changed here since the
/// last sync (an import, a removal) and stamping it. Roadmaps that cannot
/// be read are left out, with why.
pub fn local_entries(
    lib: &Library,
    state: &mut State,
    now: DateTime<Utc>,
) -> (BTreeMap<String, RoadmapEntry>, Vec<String>) {
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    let mut unreadable = Vec::new();
    let ids = match lib.ids() {
        Ok(ids) => ids,
        Err(e) => {
            problems.push(format!("the library was not synced: {e}"));
            return (out, problems);
        }
    };
    for id in ids.iter().filter(|id| id.as_str() != BUILTIN_ID) {
        let path = lib.path_of(id);
        let max = crate::model::limits::MAX_FILE_BYTES as u64;
        let text = match safe::read_file(&path, Links::Refuse, max)
            .map_err(|e| e.describe())
            .and_then(|b| String::from_utf8(b).map_err(|_| "it is not UTF-8 text".to_string()))
            .and_then(|t| RawValue::from_string(t).map_err(|_| "it is not JSON".to_string()))
        {
            Ok(raw) => raw,
            Err(why) => {
                problems.push(format!(
                    "roadmap '{id}' of your library was not sent ({}): {why}",
                    path.display()
                ));
                unreadable.push(id.clone());
                continue;
            }
        };
        let (len, hash) = fingerprint(text.get());
        let known = state.roadmaps.get(id);
        let at = match known {
            Some(k) if !k.removed && k.len == len && k.hash == hash => k.at,
            _ => {
                let at = hlc::stamp(now, known.map(|k| k.at));
                state.roadmaps.insert(
                    id.clone(),
                    Known {
                        at,
                        removed: false,
                        len,
                        hash,
                    },
                );
                at
            }
        };
        out.insert(
            id.clone(),
            RoadmapEntry {
                at,
                roadmap: Some(text),
                removed: false,
            },
        );
    }
    for (id, known) in &mut state.roadmaps {
        if out.contains_key(id) || unreadable.contains(id) {
            continue;
        }
        if !known.removed {
            // Gone from the library since the last sync: removed here.
            known.at = hlc::stamp(now, Some(known.at));
            known.removed = true;
        }
        out.insert(
            id.clone(),
            RoadmapEntry {
                at: known.at,
                roadmap: None,
                removed: true,
            },
        );
    }
    (out, problems)
}

/// What taking the other machines' entries did.
#[derive(Debug, Default)]
pub struct Taken {
    /// Roadmaps added, replaced or removed here, by id.
    pub changed: Vec<String>,
    /// Roadmaps that came in but do not load here, with why.
    pub refused: Vec<String>,
}

/// Takes the winning entry of every roadmap id from `theirs` (each with the
/// machine it came from, for messages) into this machine's library and
/// `local`.
pub fn take(
    lib: &Library,
    state: &mut State,
    local: &mut BTreeMap<String, RoadmapEntry>,
    theirs: &[(String, &BTreeMap<String, RoadmapEntry>)],
) -> Taken {
    let mut taken = Taken::default();
    let mut best: BTreeMap<&str, (&RoadmapEntry, &str)> = BTreeMap::new();
    for (from, entries) in theirs {
        for (id, entry) in *entries {
            if id == BUILTIN_ID {
                continue;
            }
            let slot = best.entry(id.as_str()).or_insert((entry, from.as_str()));
            if entry.rank() > slot.0.rank() {
                *slot = (entry, from.as_str());
            }
        }
    }
    for (id, (entry, from)) in best {
        if local
            .get(id)
            .is_some_and(|mine| mine.rank() >= entry.rank())
        {
            continue;
        }
        let applied = match entry.text() {
            None => lib.remove(id).map(|_| None).map_err(|e| e.to_string()),
            Some(text) => match crate::model::load(text.as_bytes(), id) {
                Err(e) => Err(format!(
                    "roadmap '{id}' from {from} does not load here, so your library keeps its own: {}",
                    e.to_string().lines().next().unwrap_or("")
                )),
                Ok(_) => lib
                    .save(id, text.as_bytes())
                    .map(|_| Some(fingerprint(text)))
                    .map_err(|e| e.to_string()),
            },
        };
        match applied {
            Ok(print) => {
                let (len, hash) = print.unwrap_or_default();
                state.roadmaps.insert(
                    id.to_string(),
                    Known {
                        at: entry.at,
                        removed: entry.removed || entry.roadmap.is_none(),
                        len,
                        hash,
                    },
                );
                let was = local.insert(id.to_string(), entry.clone());
                // A removal of a roadmap this machine never had is no news.
                if entry.text().is_some() || was.is_some_and(|w| w.text().is_some()) {
                    taken.changed.push(id.to_string());
                }
            }
            Err(why) => taken.refused.push(why),
        }
    }
    taken
}

/// Length and a 64-bit FNV-1a hash (hex) of a roadmap's text: enough to
/// notice that the file in the library is no longer the one synced.
fn fingerprint(text: &str) -> (u64, String) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (text.len() as u64, format!("{h:016x}"))
}

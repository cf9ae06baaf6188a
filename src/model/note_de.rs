//! Reading notes and goals: every field this build knows, every field it
//! does not (kept in [`Unknown`]), and a refusal of any key written twice.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::goal::Goal;
use super::note::Note;
use super::unknown::{Plain, SeedFor, read_fields};

const NOTE: &[&str] = &["text", "at", "base"];
const GOAL: &[&str] = &["date", "at"];

fn required<T, E: serde::de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

struct NoteVisitor;

impl<'de> Visitor<'de> for NoteVisitor {
    type Value = Note;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a note (an object with \"text\" and \"at\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Note, A::Error> {
        let (mut text, mut at, mut base) = (None, None, None);
        let unknown = read_fields(map, NOTE, |i, map| {
            match i {
                0 => text = Some(map.next_value()?),
                1 => at = Some(map.next_value()?),
                _ => base = map.next_value()?,
            }
            Ok(())
        })?;
        Ok(Note {
            text: required(text, "text")?,
            at: required(at, "at")?,
            base,
            unknown,
        })
    }
}

impl<'de> Deserialize<'de> for Note {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Note", NOTE, NoteVisitor)
    }
}

impl SeedFor<'_> for Note {
    type Seed = Plain<Note>;
    fn seed(_key: &str) -> Plain<Note> {
        Plain::new()
    }
}

struct GoalVisitor;

impl<'de> Visitor<'de> for GoalVisitor {
    type Value = Goal;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a goal (an object with \"date\" and \"at\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Goal, A::Error> {
        let (mut date, mut at) = (None, None);
        let unknown = read_fields(map, GOAL, |i, map| {
            match i {
                0 => date = map.next_value()?,
                _ => at = Some(map.next_value()?),
            }
            Ok(())
        })?;
        Ok(Goal {
            date,
            at: required(at, "at")?,
            unknown,
        })
    }
}

impl<'de> Deserialize<'de> for Goal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Goal", GOAL, GoalVisitor)
    }
}

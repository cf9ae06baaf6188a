//! Reading reviews and time entries: every field this build knows, every
//! field it does not (kept in [`Unknown`]), and a refusal of any field
//! written twice. A skill's list is put in time order without duplicates
//! by whoever reads it ([`super::normalize`]).

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{Event, Review, Spent, normalize};
use crate::model::unknown::{SeedFor, read_fields};

const REVIEW: &[&str] = &["at", "grade"];
const SPENT: &[&str] = &["at", "minutes"];

fn required<T, E: serde::de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

struct ReviewVisitor;

impl<'de> Visitor<'de> for ReviewVisitor {
    type Value = Review;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a review (an object with \"at\" and \"grade\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Review, A::Error> {
        let (mut at, mut grade) = (None, None);
        let unknown = read_fields(map, REVIEW, |i, map| {
            match i {
                0 => at = Some(map.next_value()?),
                _ => grade = Some(map.next_value()?),
            }
            Ok(())
        })?;
        Ok(Review {
            at: required(at, "at")?,
            grade: required(grade, "grade")?,
            unknown,
        })
    }
}

impl<'de> Deserialize<'de> for Review {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Review", REVIEW, ReviewVisitor)
    }
}

struct SpentVisitor;

impl<'de> Visitor<'de> for SpentVisitor {
    type Value = Spent;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a time entry (an object with \"at\" and \"minutes\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Spent, A::Error> {
        let (mut at, mut minutes) = (None, None);
        let unknown = read_fields(map, SPENT, |i, map| {
            match i {
                0 => at = Some(map.next_value()?),
                _ => minutes = Some(map.next_value()?),
            }
            Ok(())
        })?;
        Ok(Spent {
            at: required(at, "at")?,
            minutes: required(minutes, "minutes")?,
            unknown,
        })
    }
}

impl<'de> Deserialize<'de> for Spent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Spent", SPENT, SpentVisitor)
    }
}

/// A skill's list of events, read in time order without duplicates.
pub(crate) struct Sorted<T>(std::marker::PhantomData<T>);

impl<'de, T: Event + Deserialize<'de>> serde::de::DeserializeSeed<'de> for Sorted<T> {
    type Value = Vec<T>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<T>, D::Error> {
        let mut events = Vec::<T>::deserialize(deserializer)?;
        normalize(&mut events);
        Ok(events)
    }
}

impl SeedFor<'_> for Vec<Review> {
    type Seed = Sorted<Review>;
    fn seed(_key: &str) -> Sorted<Review> {
        Sorted(std::marker::PhantomData)
    }
}

impl SeedFor<'_> for Vec<Spent> {
    type Seed = Sorted<Spent>;
    fn seed(_key: &str) -> Sorted<Spent> {
        Sorted(std::marker::PhantomData)
    }
}

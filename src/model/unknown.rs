//! Fields of a profile this build does not know (written by a newer build,
//! or by hand), kept verbatim so they survive every read → change → save,
//! and the profile's own reading: each level (profile, roadmap progress,
//! skill entry, history change) keeps what it does not understand, and a
//! key that appears twice is refused rather than one copy silently lost.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry as Slot;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use super::text::clip;

/// How much of a key an error message quotes.
const KEY_IN_MESSAGES: usize = 60;

/// One unknown value, exactly as it was written (numbers keep every digit).
#[derive(Debug, Clone)]
pub struct Raw(Box<RawValue>);

impl Raw {
    pub fn get(&self) -> &str {
        self.0.get()
    }
}

impl PartialEq for Raw {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}
impl Eq for Raw {}
impl PartialOrd for Raw {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Raw {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.get().cmp(other.get())
    }
}
impl Hash for Raw {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.get().hash(state);
    }
}

impl Serialize for Raw {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        if !raw.get().bytes().any(|b| b.is_ascii_whitespace()) {
            return Ok(Raw(raw));
        }
        // Written on one line like the rest of a skill's entry; the text of
        // every string and number stays as it was.
        RawValue::from_string(compact(raw.get()))
            .map(Raw)
            .map_err(de::Error::custom)
    }
}

/// `json` (valid JSON) without the whitespace between its tokens.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            out.push(c);
        }
    }
    out
}

/// The unknown fields of one object, by name. Empty (one null pointer, no
/// allocation) for profiles this build wrote itself: every history change
/// carries one.
// Boxed on purpose: 8 bytes per change instead of a map's 24 (measured:
// parsing a profile of 10,000 changes 11% faster than unboxed).
#[allow(clippy::box_collection)]
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Unknown(Option<Box<BTreeMap<String, Raw>>>);

impl Unknown {
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.as_ref()?.get(name).map(Raw::get)
    }

    /// The fields and their values as written, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Raw)> {
        self.0
            .iter()
            .flat_map(|fields| fields.iter().map(|(k, v)| (k.as_str(), v)))
    }

    /// The fields, by name (never an empty map: empty is `None`).
    fn fields(&mut self) -> &mut BTreeMap<String, Raw> {
        self.0.get_or_insert_default()
    }

    /// Keeps `value` under `name`; a name already there is an error (a
    /// field written twice: one copy would be lost).
    fn insert<E: de::Error>(&mut self, name: String, value: Raw) -> Result<(), E> {
        match self.fields().entry(name) {
            Slot::Vacant(slot) => {
                slot.insert(value);
                Ok(())
            }
            Slot::Occupied(slot) => Err(twice(&format!("the field '{}'", quote(slot.key())))),
        }
    }

    /// Merges `other` in: every field of either side is kept; a field both
    /// sides have with different values keeps the larger value (by its
    /// text). That is a rule that does not depend on which side is which or
    /// in what order versions meet, so merging stays commutative and
    /// associative; this build cannot know what the values mean.
    pub fn merge(&mut self, other: &Unknown) {
        let Some(theirs) = &other.0 else { return };
        let ours = self.fields();
        for (name, value) in theirs.iter() {
            match ours.get_mut(name) {
                Some(mine) if *mine < *value => *mine = value.clone(),
                Some(_) => {}
                None => {
                    ours.insert(name.clone(), value.clone());
                }
            }
        }
    }
}

impl Serialize for Unknown {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = self.0.as_deref();
        let mut map = serializer.serialize_map(fields.map(BTreeMap::len))?;
        for (name, value) in fields.into_iter().flatten() {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

fn quote(key: &str) -> String {
    clip(key, KEY_IN_MESSAGES)
}

/// The error for something written twice. `serde_json` adds " at line L
/// column C", which points at the end of the second copy.
fn twice<E: de::Error>(what: &str) -> E {
    E::custom(format_args!(
        "{what} is written twice, and reading it would silently lose one copy: \
         delete the copy you do not want; the second one ends"
    ))
}

/// A field name: one of the names a type knows (its index), or another.
pub(crate) enum Key {
    Known(usize),
    Other(String),
}

/// Reads a field name, telling the names in `.0` from any other.
pub(crate) struct Keys(pub &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Keys {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Keys {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        Ok(match self.0.iter().position(|k| *k == v) {
            Some(i) => Key::Known(i),
            None => Key::Other(v.to_owned()),
        })
    }
}

/// Reads the object of a type with the known field names `keys`: calls
/// `known(index, map)` for each known field (each at most once) and keeps
/// every other field in the returned [`Unknown`].
pub(crate) fn read_fields<'de, A: MapAccess<'de>>(
    mut map: A,
    keys: &'static [&'static str],
    mut known: impl FnMut(usize, &mut A) -> Result<(), A::Error>,
) -> Result<Unknown, A::Error> {
    let mut unknown = Unknown::default();
    let mut seen = 0u32;
    while let Some(key) = map.next_key_seed(Keys(keys))? {
        match key {
            Key::Known(i) => {
                let bit = 1u32 << i;
                if seen & bit != 0 {
                    return Err(de::Error::duplicate_field(keys[i]));
                }
                seen |= bit;
                known(i, &mut map)?;
            }
            Key::Other(name) => {
                let value = map.next_value::<Raw>()?;
                unknown.insert(name, value)?;
            }
        }
    }
    Ok(unknown)
}

/// Reads a map of `V` by string key, refusing a key written twice (serde's
/// maps keep the last copy silently). `what` names the keys in errors
/// ("skill", "roadmap"), `within` says where ("of roadmap 'x'").
pub(crate) struct UniqueMap<V> {
    pub what: &'static str,
    pub within: String,
    pub value: PhantomData<V>,
}

/// Makes the seed for one value, given its key.
pub(crate) trait SeedFor<'de>: Sized {
    type Seed: DeserializeSeed<'de, Value = Self>;
    fn seed(key: &str) -> Self::Seed;
}

impl<'de, V: SeedFor<'de>> DeserializeSeed<'de> for UniqueMap<V> {
    type Value = BTreeMap<String, V>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, V: SeedFor<'de>> Visitor<'de> for UniqueMap<V> {
    type Value = BTreeMap<String, V>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an object of {}s", self.what)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(V::seed(&key))?;
            match out.entry(key) {
                Slot::Vacant(slot) => {
                    slot.insert(value);
                }
                Slot::Occupied(slot) => {
                    return Err(twice(&format!(
                        "{} '{}'{}",
                        self.what,
                        quote(slot.key()),
                        self.within
                    )));
                }
            }
        }
        Ok(out)
    }
}

/// The plain seed: a value that does not need its key.
pub(crate) struct Plain<V>(PhantomData<V>);

impl<'de, V: Deserialize<'de>> DeserializeSeed<'de> for Plain<V> {
    type Value = V;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V, D::Error> {
        V::deserialize(deserializer)
    }
}

impl<V> Plain<V> {
    pub fn new() -> Self {
        Plain(PhantomData)
    }
}

#[cfg(test)]
mod tests {
    use super::compact;

    #[test]
    fn compacting_keeps_strings_and_numbers_as_written() {
        assert_eq!(
            compact("{ \"a b\" : [ 1.50 ,\n\t\"x\\\" y\" ] }"),
            "{\"a b\":[1.50,\"x\\\" y\"]}"
        );
    }
}

//! The thorough pass, run only when the fast typed parse has failed: the
//! file is read as plain JSON and walked with the format's own checks, so
//! that every misspelt field, missing field and bad value is reported in
//! one run, each in plain words and at its place. The document is then
//! repaired in memory and validated like a good one, so the problems with
//! ids, cycles, choices and limits come in the same run too: a misspelt
//! field (`"titel"`) lends its value to the field it stands for, a
//! missing or wrong required value gets a stand-in, a bad optional value
//! its default. Only a shape that leaves the rest meaningless (a skill that
//! is not an object, stages that are not a list, a choice without options)
//! stops the walk there. The repairs never make a file load: every one of
//! them comes with a reported problem.

use serde_json::{Map, Value};

use super::error::{Problem, ProblemKind};
use super::load::FORMAT_VERSION;
use super::locate::{At, Seg};
use super::text::clip;

const ROADMAP: &[&str] = &["version", "id", "title", "description", "stages", "choices"];
const STAGE: &[&str] = &["id", "title", "description", "skills"];
const SKILL: &[&str] = &[
    "id",
    "title",
    "description",
    "requires",
    "resources",
    "hours",
    "optional",
    "aliases",
];
const RESOURCE: &[&str] = &["title", "url", "kind"];
const CHOICE: &[&str] = &["id", "title", "pick", "from"];
/// Every resource kind the format knows (`ResourceKind`, lowercase).
const KINDS: &[&str] = &[
    "official",
    "article",
    "video",
    "course",
    "book",
    "practice",
    "opensource",
    "podcast",
    "roadmap",
    "feed",
];

/// Unknown fields taken out of one object, with the field each looks like
/// a misspelling of.
type Spare = Vec<(String, &'static str, Value)>;

/// What the walk found: the problems, and the document repaired where that
/// is safe (`None` when a problem leaves the rest meaningless).
pub(super) struct Walked {
    pub problems: Vec<Problem>,
    pub repaired: Option<Value>,
    /// Where misspelt fields lent their values: see [`Renames::apply`].
    pub renames: Renames,
}

/// Fields that took the value of a misspelling, as (path of the field,
/// path of the misspelt key in the file).
#[derive(Default)]
pub(super) struct Renames(Vec<(Vec<Seg>, Vec<Seg>)>);

impl Renames {
    /// Places problems found under a field that is only in the repaired
    /// document at the misspelling the file has instead, so that each has
    /// a line and a column.
    pub fn apply(&self, problems: &mut [Problem]) {
        if self.0.is_empty() {
            return;
        }
        for p in problems {
            let Some(at) = p.at.as_mut() else { continue };
            if let Some((field, typo)) = self.0.iter().find(|(f, _)| at.path.starts_with(f)) {
                let rest = at.path.split_off(field.len());
                at.path.clone_from(typo);
                at.path.extend(rest);
            }
        }
    }
}

/// Checks the document against the format; only the version when it is
/// not this build's (a newer format may have other fields).
pub(super) fn check(mut doc: Value) -> Walked {
    let mut w = Walk {
        problems: Vec::new(),
        fatal: false,
        stand_ins: 0,
        renames: Renames::default(),
    };
    let root = At::default();
    let Some(map) = doc.as_object_mut() else {
        w.fatal(
            ProblemKind::BadValue {
                what: "roadmap".into(),
                field: "the file".into(),
                expected: "one JSON object { … }".into(),
                found: found(&doc),
            },
            root,
        );
        return w.done(doc);
    };
    let mut spare = w.fields(map, "roadmap", "the roadmap", ROADMAP, &root);
    w.respell(map, &mut spare, &root);
    match map.get("version") {
        None => {
            w.missing("roadmap", "version", &At::default());
            map.insert("version".into(), Value::from(FORMAT_VERSION));
        }
        Some(v) if v.as_u64() == Some(u64::from(FORMAT_VERSION)) => {}
        Some(v) => {
            let problem = Problem::at(
                ProblemKind::Version(clip(&v.to_string(), 100)),
                root.field("version"),
            );
            return Walked {
                problems: vec![problem],
                repaired: None,
                renames: Renames::default(),
            };
        }
    }
    w.text(map, "roadmap", "id", true, &root);
    w.text(map, "roadmap", "title", true, &root);
    w.text(map, "roadmap", "description", false, &root);
    w.list(map, "roadmap", "stages", true, &root, |w, stage, i, at| {
        w.stage(stage, i, at);
    });
    w.list(
        map,
        "roadmap",
        "choices",
        false,
        &root,
        |w, choice, i, at| {
            w.choice(choice, i, at);
        },
    );
    w.done(doc)
}

struct Walk {
    problems: Vec<Problem>,
    /// A problem that makes the rest of the document meaningless to check.
    fatal: bool,
    /// Stand-in ids given so far (each is unique).
    stand_ins: usize,
    renames: Renames,
}

impl Walk {
    fn done(mut self, doc: Value) -> Walked {
        self.renames.apply(&mut self.problems);
        Walked {
            repaired: (!self.fatal).then_some(doc),
            problems: self.problems,
            renames: self.renames,
        }
    }

    /// Gives each field missing from `map` (the object at `at`) the value
    /// of its misspelling, when one was taken out (`"titel": "A"` stands
    /// for `"title": "A"`): the value is then checked like any, and what
    /// depends on it too. The misspelling itself was reported.
    fn respell(&mut self, map: &mut Map<String, Value>, spare: &mut Spare, at: &At) {
        for (typo, field, value) in spare.drain(..) {
            if let serde_json::map::Entry::Vacant(slot) = map.entry(field) {
                slot.insert(value);
                self.renames
                    .0
                    .push((at.field(field).path, at.field(&typo).path));
            }
        }
    }

    fn report(&mut self, kind: ProblemKind, at: At) {
        self.problems.push(Problem::at(kind, at));
    }

    fn fatal(&mut self, kind: ProblemKind, at: At) {
        self.fatal = true;
        self.report(kind, at);
    }

    /// Reports and removes every field the object may not have; returns
    /// those that look like a misspelling of an allowed one, with it.
    fn fields(
        &mut self,
        map: &mut Map<String, Value>,
        what: &str,
        what_kind: &'static str,
        allowed: &'static [&'static str],
        at: &At,
    ) -> Spare {
        let unknown: Vec<String> = map
            .keys()
            .filter(|k| !allowed.contains(&k.as_str()))
            .cloned()
            .collect();
        let mut spare = Spare::new();
        for field in unknown {
            let value = map.remove(&field);
            let hint = closest_word(&field, allowed);
            if let (Some(h), Some(value)) = (&hint, value)
                && let Some(&a) = allowed.iter().find(|a| **a == h.as_str())
                && !spare.iter().any(|(_, f, _)| *f == a)
            {
                spare.push((field.clone(), a, value));
            }
            let place = At::key(at.field(&field).path);
            self.report(
                ProblemKind::UnknownField {
                    what: what.to_string(),
                    what_kind,
                    field: clip(&field, 60),
                    hint,
                    allowed: allowed_text(allowed),
                },
                place,
            );
        }
        spare
    }

    /// A text field; a missing or bad required one gets a stand-in, a bad
    /// optional one is removed (so its default applies in the repaired
    /// document).
    fn text(
        &mut self,
        map: &mut Map<String, Value>,
        what: &str,
        field: &'static str,
        required: bool,
        at: &At,
    ) {
        match map.get(field) {
            Some(Value::String(_)) => {}
            None if !required => {}
            None => {
                self.missing(what, field, at);
                let stand_in = self.stand_in(field);
                map.insert(field.into(), stand_in);
            }
            Some(v) => {
                let kind = bad(what, field, "text in double quotes", v);
                self.report(kind, at.field(field));
                if required {
                    let stand_in = self.stand_in(field);
                    map.insert(field.into(), stand_in);
                } else {
                    map.remove(field);
                }
            }
        }
    }

    /// A value for a required text field that is missing or wrong, so the
    /// rest can be checked: valid, and naming nothing else (an id is
    /// unique, a URL points nowhere).
    fn stand_in(&mut self, field: &str) -> Value {
        Value::String(match field {
            "id" => {
                self.stand_ins += 1;
                format!("no-id-{}", self.stand_ins)
            }
            "url" => "https://example.invalid/".to_string(),
            _ => "(no title)".to_string(),
        })
    }

    /// `field`, which `what` must have, is not there (the caller repairs
    /// it, or stops the walk).
    fn missing(&mut self, what: &str, field: &'static str, at: &At) {
        self.report(
            ProblemKind::MissingField {
                what: what.to_string(),
                field,
            },
            at.clone(),
        );
    }

    /// A list of objects, each checked by `each`; a missing required one is
    /// taken as empty.
    fn list(
        &mut self,
        map: &mut Map<String, Value>,
        what: &str,
        field: &'static str,
        required: bool,
        at: &At,
        mut each: impl FnMut(&mut Self, &mut Value, usize, &At),
    ) {
        match map.get_mut(field) {
            Some(Value::Array(items)) => {
                let at = at.field(field);
                for (i, item) in items.iter_mut().enumerate() {
                    each(self, item, i, &at.index(i));
                }
            }
            None if !required => {}
            None => {
                self.missing(what, field, at);
                map.insert(field.into(), Value::Array(Vec::new()));
            }
            Some(v) => {
                let kind = bad(what, field, "a list [ … ]", v);
                self.fatal(kind, at.field(field));
            }
        }
    }

    /// A list of ids: a wrong entry is left out of the repaired document;
    /// a list that is missing (where required) or not a list stops the walk
    /// (a choice without options means nothing).
    fn ids(
        &mut self,
        map: &mut Map<String, Value>,
        what: &str,
        field: &'static str,
        required: bool,
        at: &At,
    ) {
        match map.get_mut(field) {
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if !item.is_string() {
                        let entry = format!("{field} (entry {})", i + 1);
                        let kind = bad(what, &entry, "an id in double quotes", item);
                        self.report(kind, at.field(field).index(i));
                    }
                }
                items.retain(Value::is_string);
            }
            None if !required => {}
            None => {
                self.missing(what, field, at);
                self.fatal = true;
            }
            Some(v) => {
                let kind = bad(
                    what,
                    field,
                    "a list of ids in double quotes, like [\"a\", \"b\"]",
                    v,
                );
                self.fatal(kind, at.field(field));
            }
        }
    }

    fn object<'v>(
        &mut self,
        v: &'v mut Value,
        what: &str,
        at: &At,
    ) -> Option<&'v mut Map<String, Value>> {
        if !v.is_object() {
            let kind = ProblemKind::BadValue {
                what: what.to_string(),
                field: "it".into(),
                expected: "an object { … }".into(),
                found: found(v),
            };
            self.fatal(kind, at.clone());
        }
        v.as_object_mut()
    }

    fn stage(&mut self, v: &mut Value, i: usize, at: &At) {
        let what = name(v, "stage", i, "");
        let Some(map) = self.object(v, &what, at) else {
            return;
        };
        let mut spare = self.fields(map, &what, "a stage", STAGE, at);
        self.respell(map, &mut spare, at);
        self.text(map, &what, "id", true, at);
        self.text(map, &what, "title", true, at);
        self.text(map, &what, "description", false, at);
        let of = format!(" of {what}");
        self.list(map, &what, "skills", true, at, |w, skill, k, at| {
            w.skill(skill, k, &of, at);
        });
    }

    fn skill(&mut self, v: &mut Value, k: usize, of: &str, at: &At) {
        let what = name(v, "skill", k, of);
        let Some(map) = self.object(v, &what, at) else {
            return;
        };
        let mut spare = self.fields(map, &what, "a skill", SKILL, at);
        self.respell(map, &mut spare, at);
        self.text(map, &what, "id", true, at);
        self.text(map, &what, "title", true, at);
        self.text(map, &what, "description", false, at);
        self.ids(map, &what, "requires", false, at);
        self.ids(map, &what, "aliases", false, at);
        match map.get("hours") {
            None | Some(Value::Null) => {}
            Some(h) if h.as_u64().is_some_and(|h| u32::try_from(h).is_ok()) => {}
            Some(h) => {
                let kind = bad(&what, "hours", "a whole number of hours, like 6", h);
                self.report(kind, at.field("hours"));
                map.remove("hours");
            }
        }
        match map.get("optional") {
            None | Some(Value::Bool(_)) => {}
            Some(o) => {
                let kind = bad(&what, "optional", "true or false", o);
                self.report(kind, at.field("optional"));
                map.remove("optional");
            }
        }
        let of = format!(" of {what}");
        self.list(map, &what, "resources", false, at, |w, res, j, at| {
            w.resource(res, j, &of, at);
        });
    }

    fn resource(&mut self, v: &mut Value, j: usize, of: &str, at: &At) {
        let what = format!("resource {}{of}", j + 1);
        let Some(map) = self.object(v, &what, at) else {
            return;
        };
        let mut spare = self.fields(map, &what, "a resource", RESOURCE, at);
        self.respell(map, &mut spare, at);
        self.text(map, &what, "title", true, at);
        self.text(map, &what, "url", true, at);
        match map.get("kind") {
            Some(Value::String(k)) if KINDS.contains(&k.as_str()) => {}
            None => {
                self.missing(&what, "kind", at);
                map.insert("kind".into(), Value::String(KINDS[0].into()));
            }
            Some(k) => {
                let kind = bad(&what, "kind", &format!("one of {}", KINDS.join(", ")), k);
                self.report(kind, at.field("kind"));
                // Any kind will do to check the rest.
                map.insert("kind".into(), Value::String(KINDS[0].into()));
            }
        }
    }

    fn choice(&mut self, v: &mut Value, i: usize, at: &At) {
        let what = name(v, "choice", i, "");
        let Some(map) = self.object(v, &what, at) else {
            return;
        };
        let mut spare = self.fields(map, &what, "a choice", CHOICE, at);
        self.respell(map, &mut spare, at);
        self.text(map, &what, "id", true, at);
        self.text(map, &what, "title", true, at);
        self.ids(map, &what, "from", true, at);
        match map.get("pick") {
            Some(p) if p.as_u64().is_some_and(|p| usize::try_from(p).is_ok()) => {}
            None => {
                self.missing(&what, "pick", at);
                map.insert("pick".into(), Value::from(1));
            }
            Some(p) => {
                let kind = bad(
                    &what,
                    "pick",
                    "a whole number: how many of 'from' to finish",
                    p,
                );
                self.report(kind, at.field("pick"));
                // A pick that is always valid, to check the rest.
                map.insert("pick".into(), Value::from(1));
            }
        }
    }
}

/// How an object is named: by its id when it has a usable one, else by its
/// position (`skill 3 of stage 'basics'`).
fn name(v: &Value, kind: &str, i: usize, of: &str) -> String {
    match v.get("id").and_then(Value::as_str) {
        Some(id) if super::check::valid_id(id) => format!("{kind} '{id}'"),
        _ => format!("{kind} {}{of}", i + 1),
    }
}

fn bad(what: &str, field: &str, expected: &str, v: &Value) -> ProblemKind {
    ProblemKind::BadValue {
        what: what.to_string(),
        field: field.to_string(),
        expected: expected.to_string(),
        found: found(v),
    }
}

/// What a value is, in words, quoting a short form of it.
fn found(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {}", clip(&n.to_string(), 40)),
        Value::String(s) => format!("the text \"{}\"", clip(s, 40)),
        Value::Array(_) => "a list [ … ]".into(),
        Value::Object(_) => "an object { … }".into(),
    }
}

fn allowed_text(allowed: &'static [&'static str]) -> &'static str {
    match allowed.first() {
        Some(&"version") => "version, id, title, description, stages, choices",
        Some(&"id") if allowed.len() == 4 && allowed[3] == "skills" => {
            "id, title, description, skills"
        }
        Some(&"id") if allowed.len() == 4 => "id, title, pick, from",
        Some(&"title") => "title, url, kind",
        _ => "id, title, description, requires, resources, hours, optional, aliases",
    }
}

/// The allowed word closest to a misspelt one (`titel` → `title`).
fn closest_word(word: &str, allowed: &[&str]) -> Option<String> {
    let lower = word.trim().to_ascii_lowercase();
    if lower.len() > 40 {
        return None;
    }
    allowed
        .iter()
        .map(|a| (strsim::jaro_winkler(&lower, a), *a))
        .filter(|(score, a)| *score >= 0.8 && *a != word)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, a)| a.to_string())
}

//! Ids for imported roadmaps: derived from labels, unique, and stable
//! across re-imports, with the roadmap.sh node id kept as an alias.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::model::limits::MAX_ID;

/// Room left in an id for a `-N` or a prefix added to make it unique.
const SLUG_MAX: usize = 80;

/// True for ids our format accepts: `[a-z0-9][a-z0-9-]*`, at most 100.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// A label as an id: lowercase ASCII letters and digits, every other run
/// of characters one `-`. Empty when the label has no such character.
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len().min(SLUG_MAX));
    let mut dash = false;
    let mut chars = label.chars();
    while let Some(c) = chars.next() {
        if out.len() >= SLUG_MAX {
            break;
        }
        if c == '\u{1b}' {
            // An escape sequence is not part of the name: skip it whole
            // (CSI up to its final letter, OSC up to BEL).
            match chars.next() {
                Some('[') => while chars.next().is_some_and(|c| !c.is_ascii_alphabetic()) {},
                Some(']') => while chars.next().is_some_and(|c| c != '\u{7}') {},
                _ => {}
            }
            dash = true;
            continue;
        }
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '+' {
            // "C++" and "C" differ.
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push_str("plus");
        } else if c == '#' {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push_str("sharp");
        } else {
            dash = true;
        }
    }
    out.truncate(SLUG_MAX);
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The alias that keeps a roadmap.sh node id: `rs-` and the id's bytes in
/// hex (ids are case-sensitive; ours are lowercase). Ids too long for that
/// get a 64-bit hash instead.
pub fn node_alias(node_id: &str) -> String {
    let mut out = String::from("rs-");
    if 3 + 2 * node_id.len() <= MAX_ID {
        for b in node_id.bytes() {
            let _ = write!(out, "{b:02x}");
        }
    } else {
        // FNV-1a: stable across builds and platforms.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in node_id.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        let _ = write!(out, "h{h:016x}");
    }
    out
}

/// Hands out ids, never the same one twice.
#[derive(Debug, Default)]
pub(super) struct Ids {
    taken: HashSet<String>,
    /// Per base, the next number to try: many equal labels stay linear.
    next: std::collections::HashMap<String, usize>,
}

impl Ids {
    pub fn with_capacity(n: usize) -> Ids {
        Ids {
            taken: HashSet::with_capacity(n),
            next: std::collections::HashMap::new(),
        }
    }

    /// Claims `id` as is (aliases). False when it was taken.
    pub fn reserve(&mut self, id: &str) -> bool {
        self.taken.insert(id.to_string())
    }

    /// `base` if free, else `base-2`, `base-3`, …; `fallback` when `base`
    /// is empty.
    pub fn unique(&mut self, base: &str, fallback: &str) -> String {
        // A base built from an empty slug ("-stage") starts with a dash.
        let base = base.trim_start_matches('-');
        let base = if base.is_empty() { fallback } else { base };
        let mut base = base.to_string();
        base.truncate(SLUG_MAX + 10);
        while base.ends_with('-') {
            base.pop();
        }
        if self.taken.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let candidate = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

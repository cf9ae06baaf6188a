//! How profiles are written: indented down to one line per skill, compact
//! inside it. A profile with tens of thousands of history entries stays
//! small and quick to write, and still reads (and diffs) a skill per line:
//!
//! ```text
//! {
//!   "version": 1,
//!   "roadmaps": {
//!     "backend": {
//!       "skills": {
//!         "http": {"status":"done","changed":"2026-11-24T12:00:00Z",…}
//! ```

use std::io::{self, Write};

use serde_json::ser::Formatter;

/// Objects and arrays nested deeper than this are written on one line.
const INDENTED_LEVELS: usize = 4;

#[derive(Debug)]
pub struct SkillPerLine {
    depth: usize,
    has_value: bool,
    /// How many levels are indented (a profile: [`INDENTED_LEVELS`]; a
    /// profile inside another document: more).
    levels: usize,
}

impl Default for SkillPerLine {
    fn default() -> Self {
        SkillPerLine::indenting(INDENTED_LEVELS)
    }
}

impl SkillPerLine {
    /// Indents `levels` levels, writes deeper ones on one line.
    pub fn indenting(levels: usize) -> Self {
        SkillPerLine {
            depth: 0,
            has_value: false,
            levels,
        }
    }

    fn indented(&self) -> bool {
        self.depth <= self.levels
    }

    fn newline<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let indented = self.indented();
        self.depth -= 1;
        if indented && self.has_value {
            self.newline(w)?;
        }
        self.has_value = true;
        w.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.indented() {
            self.newline(w)
        } else {
            Ok(())
        }
    }
}

impl Formatter for SkillPerLine {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.indented() { b": " } else { b":" })
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Serialises `value` with [`SkillPerLine`], ending with a newline.
pub fn to_vec<T: serde::Serialize>(value: &T, capacity: usize) -> serde_json::Result<Vec<u8>> {
    to_vec_indenting(value, capacity, INDENTED_LEVELS)
}

/// Like [`to_vec`], indenting `levels` levels (a document holding profiles
/// one or two levels down indents that much more, so they still read a
/// skill per line).
pub fn to_vec_indenting<T: serde::Serialize>(
    value: &T,
    capacity: usize,
    levels: usize,
) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(capacity);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, SkillPerLine::indenting(levels));
    value.serialize(&mut ser)?;
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn indents_down_to_the_skills_and_no_further() {
        let v = json!({"version": 1, "roadmaps": {"backend": {"skills": {
            "http": {"status": "done", "history": [{"at": "t", "status": "done"}]},
            "dns": {"status": "todo", "history": []}
        }}}});
        let text = String::from_utf8(to_vec(&v, 0).unwrap()).unwrap();
        let expected = "{\n  \"roadmaps\": {\n    \"backend\": {\n      \"skills\": {\n        \"dns\": {\"history\":[],\"status\":\"todo\"},\n        \"http\": {\"history\":[{\"at\":\"t\",\"status\":\"done\"}],\"status\":\"done\"}\n      }\n    }\n  },\n  \"version\": 1\n}\n";
        assert_eq!(text, expected);
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn empty_containers_stay_on_one_line() {
        let text =
            String::from_utf8(to_vec(&json!({"roadmaps": {}, "list": []}), 0).unwrap()).unwrap();
        assert_eq!(text, "{\n  \"list\": [],\n  \"roadmaps\": {}\n}\n");
    }
}

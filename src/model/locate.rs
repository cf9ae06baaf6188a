//! Where in the file a problem is: a path into the JSON document (fields and
//! list positions) turned into a line and a column. Only used on the error
//! path: one pass over the bytes resolves every problem's path at once, so
//! locating stays linear in the file whatever the number of problems.

use std::collections::HashMap;

/// One step of a path into the document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A place in the document: the value at `path`, or the key that names it
/// when `key` is set (an unknown field is shown at its name).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct At {
    pub path: Vec<Seg>,
    pub key: bool,
}

impl At {
    pub fn value(path: Vec<Seg>) -> Self {
        At { path, key: false }
    }

    pub fn key(path: Vec<Seg>) -> Self {
        At { path, key: true }
    }

    /// The same place, one field further down.
    pub fn field(&self, name: &str) -> Self {
        let mut path = self.path.clone();
        path.push(Seg::Key(name.to_string()));
        At::value(path)
    }

    /// The same place, one list position further down.
    pub fn index(&self, i: usize) -> Self {
        let mut path = self.path.clone();
        path.push(Seg::Index(i));
        At::value(path)
    }
}

/// Builds a path from string keys and indices: `json_path!["stages", 2, "id"]`.
macro_rules! json_path {
    ($($seg:expr),* $(,)?) => {
        vec![$($crate::model::locate::Seg::from($seg)),*]
    };
}
pub(crate) use json_path;

impl From<&str> for Seg {
    fn from(k: &str) -> Self {
        Seg::Key(k.to_string())
    }
}

impl From<usize> for Seg {
    fn from(i: usize) -> Self {
        Seg::Index(i)
    }
}

/// Line and column (1-based; the column counts characters) of each place,
/// in the order given; `None` where the place is not in the document.
pub fn positions(bytes: &[u8], places: &[&At]) -> Vec<Option<(usize, usize)>> {
    let mut offsets: Vec<Option<usize>> = vec![None; places.len()];
    let wanted: Vec<(usize, &[Seg])> = places
        .iter()
        .enumerate()
        .map(|(i, at)| (i, at.path.as_slice()))
        .collect();
    let mut scan = Scanner {
        bytes,
        pos: 0,
        places,
        offsets: &mut offsets,
    };
    scan.ws();
    scan.value(&wanted);
    line_columns(bytes, &offsets)
}

/// Turns byte offsets into line and column, in one pass over the bytes.
fn line_columns(bytes: &[u8], offsets: &[Option<usize>]) -> Vec<Option<(usize, usize)>> {
    let mut order: Vec<(usize, usize)> = offsets
        .iter()
        .enumerate()
        .filter_map(|(i, o)| o.map(|o| (o, i)))
        .collect();
    order.sort_unstable();
    let mut out = vec![None; offsets.len()];
    let (mut line, mut column, mut at) = (1, 1, 0);
    for (offset, i) in order {
        let offset = offset.min(bytes.len());
        for &b in &bytes[at..offset] {
            if b == b'\n' {
                line += 1;
                column = 1;
            } else if b & 0xC0 != 0x80 {
                // Count characters, not the continuation bytes of UTF-8.
                column += 1;
            }
        }
        at = offset;
        out[i] = Some((line, column));
    }
    out
}

struct Scanner<'a, 'b> {
    bytes: &'a [u8],
    pos: usize,
    places: &'b [&'b At],
    offsets: &'b mut [Option<usize>],
}

impl Scanner<'_, '_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Reads the value at `pos`, recording the places that end here and
    /// descending only where a place lies further down.
    fn value(&mut self, wanted: &[(usize, &[Seg])]) {
        if wanted.is_empty() {
            self.skip();
            return;
        }
        let start = self.pos;
        let mut deeper: Vec<(usize, &[Seg])> = Vec::new();
        for &(i, rest) in wanted {
            if rest.is_empty() {
                self.offsets[i].get_or_insert(start);
            } else {
                deeper.push((i, rest));
            }
        }
        match self.peek() {
            Some(b'{') => self.object(&deeper),
            Some(b'[') => self.array(&deeper),
            _ => self.skip(),
        }
    }

    fn object(&mut self, wanted: &[(usize, &[Seg])]) {
        let mut by_key: HashMap<&str, Vec<(usize, &[Seg])>> = HashMap::new();
        for &(i, rest) in wanted {
            if let Some(Seg::Key(k)) = rest.first() {
                by_key.entry(k.as_str()).or_default().push((i, &rest[1..]));
            }
        }
        self.pos += 1;
        loop {
            self.ws();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => {
                    self.pos += 1;
                    return;
                }
                _ => return,
            }
            let key_at = self.pos;
            let Some(key) = self.string() else { return };
            self.ws();
            if self.peek() != Some(b':') {
                return;
            }
            self.pos += 1;
            self.ws();
            let here = by_key.remove(key.as_str()).unwrap_or_default();
            for &(i, rest) in &here {
                if rest.is_empty() && self.places[i].key {
                    self.offsets[i].get_or_insert(key_at);
                }
            }
            let values: Vec<(usize, &[Seg])> = here
                .into_iter()
                .filter(|&(i, rest)| !(rest.is_empty() && self.places[i].key))
                .collect();
            self.value(&values);
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return;
                }
                _ => return,
            }
        }
    }

    fn array(&mut self, wanted: &[(usize, &[Seg])]) {
        let mut by_index: HashMap<usize, Vec<(usize, &[Seg])>> = HashMap::new();
        for &(i, rest) in wanted {
            if let Some(Seg::Index(n)) = rest.first() {
                by_index.entry(*n).or_default().push((i, &rest[1..]));
            }
        }
        self.pos += 1;
        let mut n = 0;
        loop {
            self.ws();
            match self.peek() {
                Some(b']') => {
                    self.pos += 1;
                    return;
                }
                None => return,
                _ => {}
            }
            let here = by_index.remove(&n).unwrap_or_default();
            self.value(&here);
            n += 1;
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return;
                }
                _ => return,
            }
        }
    }

    /// Reads a JSON string and returns its text (escapes decoded well
    /// enough to compare with field names).
    fn string(&mut self) -> Option<String> {
        let start = self.pos + 1;
        self.skip_string();
        let raw = self.bytes.get(start..self.pos.saturating_sub(1))?;
        let raw = std::str::from_utf8(raw).ok()?;
        if raw.contains('\\') {
            serde_json::from_str(&format!("\"{raw}\"")).ok()
        } else {
            Some(raw.to_string())
        }
    }

    fn skip_string(&mut self) {
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => return,
                _ => {}
            }
        }
    }

    /// Skips one value without looking inside (no recursion).
    fn skip(&mut self) {
        match self.peek() {
            Some(b'"') => self.skip_string(),
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                while let Some(b) = self.peek() {
                    match b {
                        b'"' => {
                            self.skip_string();
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return;
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                // A number or a literal.
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        return;
                    }
                    self.pos += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, at: &At) -> Option<(usize, usize)> {
        positions(text.as_bytes(), &[at])[0]
    }

    #[test]
    fn paths_resolve_to_lines_and_columns() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}, [true]],\n  \"é\": \"\\u00e9\", \"c\": {\"d\": null}\n}";
        assert_eq!(
            find(text, &At::value(json_path!["a", 1, "b"])),
            Some((2, 18))
        );
        assert_eq!(find(text, &At::key(json_path!["a", 1, "b"])), Some((2, 13)));
        assert_eq!(find(text, &At::value(json_path!["a", 2, 0])), Some((2, 25)));
        assert_eq!(find(text, &At::value(json_path!["c", "d"])), Some((3, 29)));
        assert_eq!(find(text, &At::value(json_path!["é"])), Some((3, 8)));
        assert_eq!(find(text, &At::value(json_path!["a", 7])), None);
        assert_eq!(find(text, &At::value(vec![])), Some((1, 1)));
    }

    #[test]
    fn broken_input_never_panics() {
        for text in [
            "",
            "{",
            "[",
            "{\"a\"",
            "{\"a\":",
            "[1,",
            "\"",
            "{\"a\": [\"\\",
            "}}]]",
        ] {
            let _ = find(text, &At::value(json_path!["a", 0, "b"]));
        }
    }
}

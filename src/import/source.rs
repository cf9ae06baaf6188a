//! The roadmap.sh JSON as read: React-Flow nodes and edges, optionally
//! wrapped in the API document. Unknown fields are ignored (the format
//! grows); known fields of the wrong type are errors with a position. An
//! edge may lack an end (real files have such edges): it is kept as read
//! and skipped later, with a warning.

use serde::Deserialize;
use serde_json::Value;

use super::ImportError;
use crate::model::limits;
use crate::model::text::clip;

#[derive(Debug, Deserialize)]
pub(super) struct Document {
    #[serde(default)]
    pub title: Option<Value>,
    #[serde(default)]
    pub description: Option<Value>,
    #[serde(default)]
    pub slug: Option<Value>,
    pub nodes: Vec<RawNode>,
    #[serde(default)]
    pub edges: Vec<RawEdge>,
}

#[derive(Debug, Deserialize)]
pub(super) struct RawNode {
    pub id: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub position: Option<Position>,
    #[serde(default)]
    pub data: Option<NodeData>,
    /// The size React Flow drew the node at; `measured` and `style` are
    /// where other versions of the editor keep it.
    #[serde(default)]
    pub width: Option<Value>,
    #[serde(default)]
    pub height: Option<Value>,
    #[serde(default)]
    pub measured: Option<Value>,
    #[serde(default)]
    pub style: Option<Value>,
}

#[derive(Debug, Default, Clone, Copy, Deserialize)]
pub(super) struct Position {
    #[serde(default)]
    pub x: Option<f64>,
    #[serde(default)]
    pub y: Option<f64>,
}

#[derive(Debug, Deserialize)]
pub(super) struct NodeData {
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub legend: Option<Legend>,
    /// The items of a `checklist` node, each tracked on the page.
    #[serde(default)]
    pub checklists: Option<Vec<CheckItem>>,
    #[serde(default)]
    pub style: Option<Value>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Legend {
    #[serde(default)]
    pub label: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct CheckItem {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct RawEdge {
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub data: Option<EdgeData>,
    #[serde(default)]
    pub style: Option<Value>,
}

#[derive(Debug, Deserialize)]
pub(super) struct EdgeData {
    #[serde(default, rename = "edgeStyle")]
    pub edge_style: Option<String>,
}

impl RawEdge {
    /// Dashed edges hang subtopics on topics; solid ones (the default) are
    /// the main path.
    pub fn dashed(&self) -> bool {
        if let Some(style) = self.data.as_ref().and_then(|d| d.edge_style.as_deref()) {
            return style.eq_ignore_ascii_case("dashed");
        }
        self.style
            .as_ref()
            .and_then(|s| s.get("strokeDasharray"))
            .is_some_and(|d| match d {
                Value::String(s) => !s.trim().is_empty() && s.trim() != "0",
                Value::Number(n) => n.as_f64().is_some_and(|n| n > 0.0),
                _ => false,
            })
    }
}

/// A finite, non-negative size from a JSON number (or a string such as
/// `"120px"`, which some versions write).
fn size(v: Option<&Value>) -> Option<f64> {
    let n = match v? {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().trim_end_matches("px").trim().parse().ok()?,
        _ => return None,
    };
    (n.is_finite() && n >= 0.0).then_some(n)
}

impl RawNode {
    pub fn label(&self) -> &str {
        self.data
            .as_ref()
            .and_then(|d| d.label.as_deref())
            .unwrap_or("")
            .trim()
    }

    pub fn legend(&self) -> Option<&str> {
        self.data
            .as_ref()
            .and_then(|d| d.legend.as_ref())
            .and_then(|l| l.label.as_deref())
            .map(str::trim)
            .filter(|l| !l.is_empty())
    }

    pub fn kind(&self) -> &str {
        self.kind.as_deref().unwrap_or("")
    }

    /// (y, x): top to bottom, then left to right. Missing coordinates and
    /// NaN count as 0.
    pub fn at(&self) -> (f64, f64) {
        let p = self.position.unwrap_or_default();
        let fix = |v: Option<f64>| v.filter(|v| v.is_finite()).unwrap_or(0.0);
        (fix(p.y), fix(p.x))
    }

    /// (width, height) as drawn, 0 where no version of the file says.
    /// Real files hold stale sizes: `measured` (what the editor last drew)
    /// is right where `width`/`height` kept a default (150×100 boxes) or an
    /// old width (boxes drawn side by side would overlap), so it comes
    /// first; but a one-line banner once measured as a tall column is not
    /// drawn that way: a measured height more than three times the given
    /// one, on a box more than three times as large, is ignored.
    pub fn size(&self) -> (f64, f64) {
        let pair = |v: Option<&Value>| {
            let v = v?;
            Some((size(v.get("width"))?, size(v.get("height")).unwrap_or(0.0)))
        };
        let measured = pair(self.measured.as_ref());
        let given = size(self.width.as_ref())
            .map(|w| (w, size(self.height.as_ref()).unwrap_or(0.0)))
            .or_else(|| pair(self.style.as_ref()))
            .or_else(|| pair(self.data.as_ref().and_then(|d| d.style.as_ref())));
        // A height missing on one side is taken from the other.
        let height_of = |h: f64, other: (f64, f64)| if h > 0.0 { h } else { other.1 };
        match (measured, given) {
            (Some(m), Some(g)) => {
                let m = (m.0, height_of(m.1, g));
                let g = (g.0, height_of(g.1, m));
                let stale = m.1 > 3.0 * g.1 && m.0 * m.1 > 3.0 * g.0 * g.1;
                if stale { g } else { m }
            }
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => (0.0, 0.0),
        }
    }

    pub fn checklist(&self) -> &[CheckItem] {
        self.data
            .as_ref()
            .and_then(|d| d.checklists.as_deref())
            .unwrap_or(&[])
    }
}

/// Text from a field that may be a string or an object of strings (some
/// versions of the API document give `title: { page, card }`).
pub(super) fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(map) => ["page", "card", "text"]
            .iter()
            .find_map(|k| map.get(*k).and_then(Value::as_str))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        _ => None,
    }
}

/// What to say about the older Balsamiq drawing (`{"mockup": {"controls":
/// …}}`), which roadmap.sh used before its React-Flow editor.
const MOCKUP: &str = "this is an older roadmap.sh file, a Balsamiq \"mockup\" drawing \
(roadmap.sh used them before its current editor); it names its boxes by position only, \
so its topics cannot be told from decoration or joined with their texts. Import the \
roadmap's current JSON instead: the file with \"nodes\" and \"edges\" from a recent copy \
of the developer-roadmap repository (src/data/roadmaps/<name>/<name>.json), or the \
roadmap by its name with `roadmap import NAME` (for instance `roadmap import backend`)";

/// True for the Balsamiq shape: an object whose `mockup` holds `controls`.
fn is_mockup(bytes: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        mockup: Option<serde::de::IgnoredAny>,
    }
    // Cheap first: the key must appear at all.
    bytes.windows(8).any(|w| w == b"\"mockup\"")
        && serde_json::from_slice::<Probe>(bytes).is_ok_and(|p| p.mockup.is_some())
}

/// Parses the bytes, or says where and why they are not a roadmap.sh file.
pub(super) fn parse(bytes: &[u8], source: &str) -> Result<Document, ImportError> {
    let fail = |line, column, message: String| ImportError {
        source: source.to_string(),
        line,
        column,
        message,
    };
    if bytes.len() > limits::MAX_FILE_BYTES {
        return Err(fail(
            None,
            None,
            format!(
                "the file is {} bytes, more than the limit of {} bytes",
                bytes.len(),
                limits::MAX_FILE_BYTES
            ),
        ));
    }
    match serde_json::from_slice::<Document>(bytes) {
        Ok(doc) => Ok(doc),
        Err(err) => {
            if err.is_data() && is_mockup(bytes) {
                return Err(fail(None, None, MOCKUP.to_string()));
            }
            let msg = err.to_string();
            let msg = msg
                .rsplit_once(" at line ")
                .map_or(msg.as_str(), |(m, _)| m);
            let msg = clip(msg, 300);
            let what = if err.is_data() && msg.contains("missing field `nodes`") {
                "this is not a roadmap.sh roadmap: it has no \"nodes\"; import the roadmap's JSON file (the one with \"nodes\" and \"edges\"), or the document roadmap.sh serves for it".to_string()
            } else if err.is_data() {
                format!(
                    "{msg}; the file does not have the shape of a roadmap.sh roadmap (nodes with id, type, position and data; edges with source and target)"
                )
            } else {
                format!("{msg}; the file is not valid JSON: import the roadmap's .json file")
            };
            let (line, column) = if err.line() > 0 {
                (Some(err.line()), Some(err.column()))
            } else {
                (None, None)
            };
            Err(fail(line, column, what))
        }
    }
}

//! `roadmap roadmaps [--json]`: the built-in roadmap, the imported ones and
//! the files used before, each with the profile's progress on it.

use serde::Serialize;

use super::Failure;
use super::out::{self, BAR_WIDTH, line};
use crate::library::{self, Summary};
use crate::store::Store;
use crate::store::library::Library;

#[derive(Serialize)]
struct RoadmapJson<'a> {
    /// What `roadmap use` and `--roadmap` take.
    id: &'a str,
    kind: &'static str,
    in_use: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    /// The id progress is kept under in the profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    roadmap_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    finished: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    percent: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

fn as_json(s: &Summary) -> RoadmapJson<'_> {
    let ok = s.loaded.as_ref().ok();
    RoadmapJson {
        id: &s.listed.key,
        kind: s.listed.kind.as_str(),
        in_use: s.listed.in_use,
        path: match &s.listed.source {
            crate::session::RoadmapSource::Builtin => None,
            other => Some(other.name()),
        },
        title: ok.map(|(t, _, _)| t.as_str()),
        roadmap_id: ok.map(|(_, id, _)| id.as_str()),
        finished: ok.map(|(_, _, t)| t.finished()),
        total: ok.map(|(_, _, t)| t.total()),
        percent: ok.map(|(_, _, t)| t.percent()),
        error: s.loaded.as_ref().err().map(String::as_str),
    }
}

pub fn roadmaps(profile: &str, json: bool) -> Result<(), Failure> {
    let store = Store::open(profile)?;
    let progress = store.load()?;
    let lib = Library::open()?;
    let summaries = library::summarise(library::list(&lib)?, &progress);
    if json {
        let list: Vec<RoadmapJson<'_>> = summaries.iter().map(as_json).collect();
        return out::emit_json(&list);
    }
    out::emit(&table(&summaries))
}

/// The text table: one row a roadmap, every column aligned in terminal
/// cells (wide characters count twice), the title last; the one in use is
/// marked, and said how to leave when it does not load.
fn table(summaries: &[Summary]) -> String {
    let key_width = summaries
        .iter()
        .map(|s| out::cells(&s.listed.key))
        .max()
        .unwrap_or(0);
    let count = |s: &Summary| match &s.loaded {
        Ok((_, _, tally)) => format!("{}/{}", tally.finished(), tally.total()),
        Err(_) => String::new(),
    };
    let count_width = summaries.iter().map(|s| count(s).len()).max().unwrap_or(0);
    let kind_width = summaries
        .iter()
        .map(|s| s.listed.kind.as_str().len())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for s in summaries {
        let mark = if s.listed.in_use { '*' } else { ' ' };
        let key = out::pad(&s.listed.key, key_width);
        let kind = s.listed.kind.as_str();
        match &s.loaded {
            Ok((title, _, tally)) => line!(
                text,
                "{mark} {key}  {} {:>3}%  {:<count_width$}  {kind:<kind_width$}  {title}",
                out::bar(tally.finished(), tally.total(), BAR_WIDTH),
                tally.percent(),
                count(s),
            ),
            Err(e) => line!(text, "{mark} {key}  {kind}: cannot be loaded: {e}"),
        }
    }
    line!(
        text,
        "* in use · choose with: roadmap use ID · add with: roadmap import FILE"
    );
    if summaries
        .iter()
        .any(|s| s.listed.in_use && s.loaded.is_err())
    {
        line!(
            text,
            "The roadmap in use does not load: fix it, or go back to the built-in one with `roadmap use builtin`."
        );
    }
    text
}

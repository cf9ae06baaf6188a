//! `roadmap search TEXT [--json]`: skills whose title, id, description,
//! stage or note matches, ranked like the interactive view's `/`.

use serde::Serialize;

use super::out::{self, line};
use super::{Failure, View};
use crate::model::search::Searcher;

#[derive(Serialize)]
struct HitJson<'a> {
    id: &'a str,
    title: &'a str,
    stage: &'a str,
    status: &'a str,
    /// Every word of the query is in the learner's note.
    in_note: bool,
}

pub fn search(view: &View, query: &str, json: bool) -> Result<(), Failure> {
    let roadmap = &view.session.roadmap;
    let profile = &view.profile;
    let hits = Searcher::default().rank(
        roadmap,
        |i| profile.note(roadmap, i).map(|n| n.text.as_str()),
        query,
    );
    if json {
        let items: Vec<HitJson> = hits
            .iter()
            .map(|h| {
                let s = &roadmap.skills[h.skill];
                HitJson {
                    id: &s.id,
                    title: &s.title,
                    stage: &roadmap.stages[s.stage].id,
                    status: view.states[h.skill].status.as_str(),
                    in_note: h.in_note,
                }
            })
            .collect();
        return out::emit_json(&items);
    }
    let mut text = String::new();
    if hits.is_empty() {
        line!(text, "No skill matches '{}'.", super::lookup::echo(query));
        return out::emit(&text);
    }
    for h in &hits {
        let s = &roadmap.skills[h.skill];
        let mark = view.states[h.skill].status.mark();
        let note = if h.in_note { "  (in your note)" } else { "" };
        line!(
            text,
            "{mark} {:<24} {} · {}{note}",
            s.id,
            s.title,
            roadmap.stages[s.stage].title
        );
    }
    out::emit(&text)
}

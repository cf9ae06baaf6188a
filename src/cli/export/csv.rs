//! The CSV export: a header, then one row per skill in roadmap order.
//! Fields are quoted when they hold a comma, a quote or a line break
//! (RFC 4180); lines end in `\n`.

use super::Export;
use crate::cli::out::line;
use crate::model::Status;
use crate::model::text::clean;

const HEADER: &str =
    "stage,stage_title,id,title,status,optional,counted,hours,started,done,changed";

/// One CSV field: control characters made harmless, quoted when needed.
pub fn field(s: &str) -> String {
    let s = clean(s);
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

pub fn render(e: &Export) -> String {
    let view = e.view;
    let roadmap = &view.session.roadmap;
    let mut text = String::new();
    line!(text, "{HEADER}");
    let stamp = |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
            .unwrap_or_default()
    };
    for (s, skill) in roadmap.skills.iter().enumerate() {
        let stage = &roadmap.stages[skill.stage];
        let st = view.states[s];
        let row = [
            field(&stage.id),
            field(&stage.title),
            field(&skill.id),
            field(&skill.title),
            st.status.as_str().to_string(),
            skill.optional.to_string(),
            view.eval.counted[s].to_string(),
            skill.hours.map(|h| h.to_string()).unwrap_or_default(),
            stamp(st.started_at),
            stamp(st.done_at.filter(|_| st.status == Status::Done)),
            stamp(st.changed),
            // NOTES: a `note` column goes last (quoted, line breaks kept).
        ];
        line!(text, "{}", row.join(","));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("HTTP"), "HTTP");
        assert_eq!(field("Pick, one"), "\"Pick, one\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field(" padded"), "\" padded\"");
        // Control characters never reach the file.
        assert_eq!(field("a\u{1b}[2Jb"), "a\u{FFFD}[2Jb");
    }
}

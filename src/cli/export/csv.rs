//! The CSV export: a header, then one row per skill in roadmap order.
//! Fields are quoted when they hold a comma, a quote or a line break
//! (RFC 4180); lines end in `\n`. A text field a spreadsheet would take
//! for a formula is neutralised as the OWASP CSV-injection guidance says
//! ([`defuse`]).

use super::Export;
use crate::cli::out::line;
use crate::cli::review::rounded;
use crate::model::Status;
use crate::model::text::{clean, clean_multiline};

const HEADER: &str = "stage,stage_title,id,title,status,optional,counted,hours,started,done,changed,note,\
     review_due,retrievability,stability_days,reviews,logged_minutes";

/// One CSV field: control characters made harmless, a formula defused,
/// quoted when needed.
pub fn field(s: &str) -> String {
    defuse(&clean(s))
}

/// A field of several lines (a note): line breaks kept as `\n` inside the
/// quotes, other control characters made harmless, a formula defused.
pub fn text_field(s: &str) -> String {
    let lines: Vec<&str> = s.trim().lines().map(str::trim_end).collect();
    defuse(&clean_multiline(&lines.join("\n")))
}

/// What a spreadsheet takes for the start of a formula (OWASP's list, and
/// their full-width forms, which some spreadsheets convert): `=`, `+`,
/// `-`, `@`, tab and carriage return.
const FORMULA_STARTS: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// A text field whose first visible character would start a formula when
/// the file is opened in a spreadsheet (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`)
/// gets a leading `'` and quotes, so the spreadsheet shows it as text
/// (OWASP, "CSV Injection"). Leading spaces do not hide it: some
/// spreadsheets drop them. Other fields are quoted only when needed.
fn defuse(s: &str) -> String {
    if s.trim_start_matches(' ').starts_with(FORMULA_STARTS) {
        format!("\"'{}\"", s.replace('"', "\"\""))
    } else {
        quote(s)
    }
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn render(e: &Export) -> String {
    let view = e.view;
    let roadmap = &view.session.roadmap;
    let mut text = String::new();
    line!(text, "{HEADER}");
    let stamp =
        |at: Option<chrono::DateTime<chrono::Utc>>| at.map(super::stamp).unwrap_or_default();
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
            view.profile
                .note(roadmap, s)
                .map(|n| text_field(&n.text))
                .unwrap_or_default(),
        ];
        let review = e.review(s);
        let review = [
            review.map(|(c, _)| c.due.to_string()),
            review.map(|(_, m)| rounded(m, 4).to_string()),
            review.map(|(c, _)| rounded(f64::from(c.stability), 2).to_string()),
            review.map(|(c, _)| c.reviews.to_string()),
        ]
        .map(Option::unwrap_or_default);
        let logged = match e.logged(s) {
            0 => String::new(),
            m => m.to_string(),
        };
        line!(text, "{},{},{logged}", row.join(","), review.join(","));
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

    #[test]
    fn cells_a_spreadsheet_would_run_as_formulas_are_neutralised() {
        // OWASP's triggers, at the start or after spaces, in a title or a
        // note: a leading ' and quotes make the spreadsheet show text.
        assert_eq!(
            field("=HYPERLINK(\"http://evil\",\"x\")"),
            "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""
        );
        assert_eq!(field("+cmd|' /C calc'!A0"), "\"'+cmd|' /C calc'!A0\"");
        assert_eq!(field("-2+3"), "\"'-2+3\"");
        assert_eq!(field("@SUM(1+1)"), "\"'@SUM(1+1)\"");
        assert_eq!(field("  =1+1"), "\"'  =1+1\"");
        assert_eq!(field("\u{FF1D}1+1"), "\"'\u{FF1D}1+1\"");
        // A tab or carriage return first becomes a space, and what follows
        // is still checked.
        assert_eq!(field("\t=1+1"), "\"' =1+1\"");
        assert_eq!(text_field("@cmd\nsecond line"), "\"'@cmd\nsecond line\"");
        assert_eq!(text_field("\r\n=1+1"), "\"'=1+1\"");
        // Inside a field, or in ids, nothing changes.
        assert_eq!(field("HTTP = fun"), "HTTP = fun");
        assert_eq!(field("a-b"), "a-b");
    }

    #[test]
    fn a_note_keeps_its_line_breaks_inside_quotes_and_loses_controls() {
        assert_eq!(text_field("one line"), "one line");
        assert_eq!(
            text_field("Read \"RFC 9110\"\r\n\r\n- a, b\u{7}\n"),
            "\"Read \"\"RFC 9110\"\"\n\n- a, b\u{FFFD}\""
        );
    }
}

//! The Markdown export: a checklist grouped by stage, ready to paste into a
//! README or a portfolio.

use std::fmt::Write as _;

use super::{Export, date};
use crate::cli::out::{line, plural};
use crate::model::Status;
use crate::model::journal::words;
use crate::model::text::clean_multiline;

/// `s` with Markdown's special characters escaped, so a title reads as
/// typed and never turns into a link, emphasis, code or HTML (brackets
/// are escaped, so parentheses and `!` need not be).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A note under its checklist item: a block quote indented into the item,
/// so the list stays one list and the note's own Markdown (links, code,
/// lists) renders inside it. Line breaks are kept, other control
/// characters replaced, trailing blanks dropped.
pub fn quoted_note(note: &str) -> String {
    let mut out = String::new();
    for l in clean_multiline(note.trim()).lines() {
        let l = l.trim_end();
        if l.is_empty() {
            line!(out, "  >");
        } else {
            line!(out, "  > {l}");
        }
    }
    out
}

pub fn render(e: &Export) -> String {
    let view = e.view;
    let roadmap = &view.session.roadmap;
    let overall = view.eval.overall;
    let mut text = String::new();
    line!(text, "# {}", escape(&roadmap.title));
    line!(text);
    let mut summary = format!(
        "Progress of profile {}: {} of {} skills finished ({}) · done {} · doing {} · skipped {}",
        escape(view.session.store.name()),
        overall.finished(),
        overall.total(),
        overall.percent_text(),
        overall.done,
        overall.doing,
        overall.skipped,
    );
    if let Some(at) = e.as_of {
        let _ = write!(summary, " · as of {}", date(at));
    }
    line!(text, "{summary}.");
    if let Some(s) = &e.stats {
        line!(text);
        line!(
            text,
            "Best streak {} · {} h of skills done · left: {}.",
            plural(s.streaks.best as usize, "day"),
            s.pace.total_hours,
            words::left(&s.remaining)
        );
    }
    for (stage, tally) in roadmap.stages.iter().zip(&view.eval.stages) {
        line!(text);
        line!(
            text,
            "## {} — {} of {}",
            escape(&stage.title),
            tally.finished(),
            tally.total()
        );
        line!(text);
        for s in stage.skills.clone() {
            let skill = &roadmap.skills[s];
            let state = view.states[s];
            let title = escape(&skill.title);
            let on = |at: Option<chrono::DateTime<chrono::Utc>>| at.map(date).unwrap_or_default();
            let mut item = match state.status {
                Status::Done => {
                    let mut t = format!("- [x] {title} — done {}", on(state.done_at));
                    if let (Some(a), Some(b)) = (state.started_at, state.done_at)
                        && date(a) != date(b)
                    {
                        let _ = write!(t, " (started {})", date(a));
                    }
                    t
                }
                // A declined option of a choice was not learnt: no tick.
                Status::Skipped if !skill.choices.is_empty() => {
                    format!("- [ ] ~~{title}~~ — declined {}", on(state.changed))
                }
                Status::Skipped => format!("- [x] ~~{title}~~ — skipped {}", on(state.changed)),
                Status::Doing => format!(
                    "- [ ] **{title}** — in progress since {}",
                    on(state.started_at.or(state.changed))
                ),
                Status::Todo => format!("- [ ] {title}"),
            };
            if skill.optional {
                item.push_str(" · optional");
            } else if view.eval.unpicked[s] {
                item.push_str(" · another option was picked");
            }
            if let Some((card, _)) = e.review(s) {
                match card.reviews {
                    0 => {
                        let _ = write!(item, " · review due {}", card.due);
                    }
                    n => {
                        let _ = write!(
                            item,
                            " · {}, next due {}",
                            plural(n as usize, "review"),
                            card.due
                        );
                    }
                }
            }
            let logged = e.logged(s);
            if logged > 0 {
                let _ = write!(
                    item,
                    " · {} logged",
                    crate::model::review::duration::format(logged)
                );
            }
            line!(text, "{item}");
            if let Some(note) = view.profile.note(roadmap, s) {
                text.push_str(&quoted_note(&note.text));
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(
            escape("C# & *bold* [x](y) <b>"),
            r"C# & \*bold\* \[x\](y) \<b\>"
        );
        assert_eq!(escape("plain title (v2)!"), "plain title (v2)!");
        assert_eq!(escape("`code` ~~gone~~ a_b"), r"\`code\` \~\~gone\~\~ a\_b");
    }

    #[test]
    fn a_note_is_quoted_under_its_item_with_its_markdown_and_without_controls() {
        assert_eq!(
            quoted_note("Built [a server](https://x.dev)\r\n\r\n```\ncode\u{1b}[2J\n```\n\n"),
            "  > Built [a server](https://x.dev)\n  >\n  > ```\n  > code\u{FFFD}[2J\n  > ```\n"
        );
    }
}

//! Everything about one skill. The lines are built here for both the view
//! and `update` (which scrolls and maps clicks with them); links to other
//! skills and resources are "targets" the cursor moves over.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::layout::text_area;
use super::pane_block;
use super::skills::LOCK;
use super::text::{width, wrap, wrap_description};
use crate::model::{Req, Status};
use crate::tui::app::{App, Mode, Pane};

/// Something in the details that Enter follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Skill(usize),
    Resource(usize),
    /// The n-th link of the learner's note.
    NoteLink(usize),
}

/// One line of the details, and the target it belongs to.
pub struct DetailLine {
    pub line: Line<'static>,
    pub target: Option<usize>,
}

/// The links of `skill`, in the order they appear.
pub fn targets(app: &App, skill: usize) -> Vec<Target> {
    let s = &app.roadmap.skills[skill];
    let mut out: Vec<Target> = (0..note_links(app, skill).len())
        .map(Target::NoteLink)
        .collect();
    for &r in &s.requires {
        match r {
            Req::Skill(p) => out.push(Target::Skill(p)),
            Req::Choice(c) => out.extend(
                app.roadmap.choices[c]
                    .from
                    .iter()
                    .map(|&o| Target::Skill(o)),
            ),
        }
    }
    out.extend(
        app.roadmap
            .required_by(skill)
            .into_iter()
            .map(Target::Skill),
    );
    out.extend((0..s.resources.len()).map(Target::Resource));
    out
}

/// When `skill` was first marked doing, if ever: a skill marked done
/// straight away was never "started".
fn started(app: &App, skill: usize) -> Option<chrono::DateTime<chrono::Utc>> {
    app.profile
        .entry(&app.roadmap, skill)?
        .history
        .iter()
        .find(|c| c.status == Status::Doing)
        .map(|c| c.at)
}

/// The lines of the details of `skill` at `cells` wide.
pub fn lines(app: &App, skill: usize, cells: u16) -> Vec<DetailLine> {
    let cells = usize::from(cells).max(1);
    let mut out = Vec::new();
    summary(app, skill, cells, &mut out);
    let next = note(app, skill, cells, &mut out);
    let mut links = Links {
        app,
        cells,
        out,
        next,
    };
    links.prerequisites(skill);
    links.unlocks(skill);
    let next = links.next;
    let mut out = links.out;
    resources(app, skill, cells, next, &mut out);
    out
}

/// Title, facts, status and dates, lock and choice notes, description.
fn summary(app: &App, skill: usize, cells: usize, out: &mut Vec<DetailLine>) {
    let t = app.theme;
    let s = &app.roadmap.skills[skill];
    let state = app.states()[skill];
    let mut plain = |text: String, style: Style| {
        for l in wrap(&text, cells) {
            out.push(DetailLine {
                line: Line::styled(l, style),
                target: None,
            });
        }
    };
    plain(s.title.clone(), t.bold());
    let mut meta = vec![s.id.clone(), app.roadmap.stages[s.stage].title.clone()];
    if let Some(h) = s.hours {
        meta.push(format!("{h} h"));
    }
    if s.optional {
        meta.push("optional".to_string());
    }
    plain(meta.join(" · "), t.dim());
    let date = |d: Option<chrono::DateTime<chrono::Utc>>| d.map(|d| app.zone.date(d));
    let mut when = vec![
        match date(state.done_at).filter(|_| state.status == Status::Done) {
            // No-break spaces keep "started 2025-02-07" on one line.
            Some(d) => format!("{} done on\u{a0}{d}", state.status.mark()),
            None => format!("{} {}", state.status.mark(), state.status),
        },
    ];
    if matches!(state.status, Status::Doing | Status::Done)
        && let Some(d) = date(started(app, skill))
    {
        when.push(format!("started\u{a0}{d}"));
    }
    plain(when.join(" · "), t.status(state.status));
    if !app.eval().unlocked[skill] && !state.status.is_finished() {
        let missing: Vec<&str> = app
            .eval()
            .missing(&app.roadmap, app.states(), skill)
            .map(|r| app.roadmap.req_title(r))
            .collect();
        plain(
            format!("{LOCK} locked: first finish {}", missing.join(", ")),
            t.warn(),
        );
    }
    for &c in &s.choices {
        let choice = &app.roadmap.choices[c];
        let text = if app.is_unpicked(skill) {
            format!("an alternative in “{}”: you picked another", choice.title)
        } else {
            format!("one option of “{}”", choice.title)
        };
        plain(text, t.accent());
    }
    if !s.description.is_empty() {
        plain(String::new(), Style::new());
        // Lists in a description show as lists.
        for l in wrap_description(&s.description, cells) {
            out.push(DetailLine {
                line: Line::raw(l),
                target: None,
            });
        }
    }
}

/// The links of `skill`'s note: (shown text, address).
pub fn note_links(app: &App, skill: usize) -> Vec<(String, String)> {
    app.profile
        .note(&app.roadmap, skill)
        .map(|n| super::markdown::links(&n.text))
        .unwrap_or_default()
}

/// The learner's note, rendered; returns how many links it holds (they
/// are the first targets).
fn note(app: &App, skill: usize, cells: usize, out: &mut Vec<DetailLine>) -> usize {
    let Some(note) = app.profile.note(&app.roadmap, skill) else {
        return 0;
    };
    section(out, app, "Your note");
    let rendered = super::markdown::render(&note.text, cells, app.theme, 0);
    let count = rendered
        .iter()
        .filter_map(|l| l.link)
        .max()
        .map_or(0, |l| l + 1);
    out.extend(rendered.into_iter().map(|l| DetailLine {
        line: l.line,
        target: l.link,
    }));
    out.push(DetailLine {
        line: Line::styled(
            format!("saved {} · e edits", app.zone.date(note.at)),
            app.theme.dim(),
        ),
        target: None,
    });
    count
}

/// Builds the link lines, numbering the targets as it goes.
struct Links<'a> {
    app: &'a App,
    cells: usize,
    out: Vec<DetailLine>,
    next: usize,
}

impl Links<'_> {
    fn link(&mut self, indent: &str, i: usize) {
        let (app, t) = (self.app, self.app.theme);
        let mark = app.states()[i].status;
        let lock = if !app.eval().unlocked[i] && !mark.is_finished() {
            format!("{LOCK} ")
        } else {
            String::new()
        };
        let head = width(indent) + width(mark.mark()) + 1;
        let room = self.cells.saturating_sub(head + width(&lock)).max(1);
        // Long titles wrap under themselves rather than being cut.
        for (n, part) in wrap(&app.roadmap.skills[i].title, room)
            .into_iter()
            .enumerate()
        {
            let line = if n == 0 {
                Line::from(vec![
                    Span::raw(indent.to_string()),
                    Span::styled(mark.mark(), t.status(mark)),
                    Span::raw(" "),
                    Span::styled(lock.clone(), t.warn()),
                    Span::raw(part),
                ])
            } else {
                Line::raw(format!("{}{part}", " ".repeat(head + width(&lock))))
            };
            self.out.push(DetailLine {
                line,
                target: Some(self.next),
            });
        }
        self.next += 1;
    }

    fn prerequisites(&mut self, skill: usize) {
        let app = self.app;
        let t = app.theme;
        let s = &app.roadmap.skills[skill];
        if s.requires.is_empty() {
            return;
        }
        section(&mut self.out, app, "Needs");
        for &r in &s.requires {
            match r {
                Req::Skill(p) => self.link("  ", p),
                Req::Choice(c) => {
                    let choice = &app.roadmap.choices[c];
                    let done = app.eval().choice_done(c).min(choice.pick);
                    let head = format!("  {} ({done} of {} done)", choice.title, choice.pick);
                    let style = if done >= choice.pick {
                        t.ok()
                    } else {
                        Style::new()
                    };
                    for l in wrap(&head, self.cells.saturating_sub(4)) {
                        self.out.push(DetailLine {
                            line: Line::styled(format!("  {}", l.trim_start()), style),
                            target: None,
                        });
                    }
                    for &o in &choice.from {
                        self.link("    ", o);
                    }
                }
            }
        }
    }

    fn unlocks(&mut self, skill: usize) {
        let unlocked = self.app.roadmap.required_by(skill);
        if !unlocked.is_empty() {
            section(&mut self.out, self.app, "Unlocks");
            for d in unlocked {
                self.link("  ", d);
            }
        }
    }
}

/// The resources with their kind; the selected one shows its address.
fn resources(app: &App, skill: usize, cells: usize, first: usize, out: &mut Vec<DetailLine>) {
    let t = app.theme;
    let s = &app.roadmap.skills[skill];
    if s.resources.is_empty() {
        return;
    }
    section(out, app, "Resources");
    let chosen = app.chosen_resource(skill);
    for (r, res) in s.resources.iter().enumerate() {
        let target = Some(first + r);
        let kind = format!("  {:<9}", res.kind.as_str());
        let room = cells.saturating_sub(width(&kind)).max(1);
        for (n, part) in wrap(&res.title, room).into_iter().enumerate() {
            let lead = if n == 0 {
                Span::styled(kind.clone(), t.accent())
            } else {
                Span::raw(" ".repeat(width(&kind)))
            };
            out.push(DetailLine {
                line: Line::from(vec![lead, Span::raw(part)]),
                target,
            });
        }
        if r == chosen {
            // The whole address, broken over as many lines as it needs.
            for part in wrap(&res.url, cells.saturating_sub(4).max(1)) {
                out.push(DetailLine {
                    line: Line::styled(format!("    {part}"), t.dim()),
                    target,
                });
            }
        }
    }
}

fn section(out: &mut Vec<DetailLine>, app: &App, title: &'static str) {
    out.push(DetailLine {
        line: Line::default(),
        target: None,
    });
    out.push(DetailLine {
        line: Line::styled(title, app.theme.bold()),
        target: None,
    });
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let block = pane_block(app, Pane::Details, " Details ".to_string());
    let inner = text_area(block.inner(area));
    block.render(area, buf);
    let Some(skill) = app.current_skill() else {
        Paragraph::new("Nothing selected.")
            .style(t.dim())
            .render(inner, buf);
        return;
    };
    let all = lines(app, skill, inner.width);
    let total = all.len();
    let h = usize::from(inner.height);
    let scroll = app.detail.scroll.min(all.len().saturating_sub(h));
    let focused = app.focus == Pane::Details && matches!(app.mode, Mode::Main);
    // Only a link wholly on screen is highlighted: Enter follows only what
    // is seen.
    let chosen = app.visible_link().filter(|_| focused);
    for (y, l) in all.into_iter().skip(scroll).take(h).enumerate() {
        let selected = chosen.is_some() && l.target == chosen;
        let line = if selected {
            t.highlight(l.line, true)
        } else {
            l.line
        };
        let y = inner.y + u16::try_from(y).unwrap_or(0);
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
    let (above, below) = super::marks::hidden(scroll, h, total);
    super::marks::render(t, area, above, below, buf);
}

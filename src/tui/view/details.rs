//! Everything about one skill. The lines are built here for both the view
//! and `update` (which scrolls and maps clicks with them); links to other
//! skills and resources are "targets" the cursor moves over.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use std::sync::Arc;

use super::layout::{inner, text_area};
use super::markdown::Rendered;
use super::pane_block;
use super::skills::LOCK;
use super::text::{width, wrap, wrap_description};
use crate::model::{Req, Status, Step};
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

/// The links of what the details show, in the order they appear.
pub fn targets(app: &App, shown: Step) -> Vec<Target> {
    match shown {
        Step::Skill(s) => skill_targets(app, s),
        Step::Choice(c) => super::choice::targets(app, c),
    }
}

/// The lines of the details of what is shown, at `cells` wide (tests; the
/// view and `update` use [`layout`]).
pub fn lines(app: &App, shown: Step, cells: u16) -> Vec<DetailLine> {
    layout(app, shown, cells).into_lines()
}

/// The details of what is shown, at `cells` wide, laid out.
pub fn layout(app: &App, shown: Step, cells: u16) -> Layout {
    match shown {
        Step::Skill(s) => skill_layout(app, s, cells),
        Step::Choice(c) => Layout {
            before: super::choice::lines(app, c, usize::from(cells).max(1)),
            note: None,
            after: Vec::new(),
        },
    }
}

#[path = "note_lines.rs"]
pub mod note_lines;

/// The details of a skill, laid out: the lines before the learner's note,
/// the note's (rendered once per change and kept, [`note_lines`]), and
/// the lines after. Looking a line up costs the same whatever the note's
/// size: nothing of the note is copied.
pub struct Layout {
    before: Vec<DetailLine>,
    note: Option<Arc<Rendered>>,
    after: Vec<DetailLine>,
}

impl Layout {
    fn note_len(&self) -> usize {
        self.note.as_ref().map_or(0, |n| n.lines.len())
    }

    pub fn len(&self) -> usize {
        self.before.len() + self.note_len() + self.after.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Line `i` and the target it belongs to.
    pub fn get(&self, i: usize) -> Option<(&Line<'static>, Option<usize>)> {
        let (b, n) = (self.before.len(), self.note_len());
        if i < b {
            return self.before.get(i).map(|l| (&l.line, l.target));
        }
        if i < b + n {
            return self
                .note
                .as_ref()
                .and_then(|r| r.lines.get(i - b))
                .map(|l| (&l.line, l.link));
        }
        self.after.get(i - b - n).map(|l| (&l.line, l.target))
    }

    /// The target of line `i`.
    pub fn target(&self, i: usize) -> Option<usize> {
        self.get(i).and_then(|(_, t)| t)
    }

    /// Each line's target, in order.
    pub fn targets(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        let note = self
            .note
            .iter()
            .flat_map(|r| r.lines.iter().map(|l| l.link));
        self.before
            .iter()
            .map(|l| l.target)
            .chain(note)
            .chain(self.after.iter().map(|l| l.target))
    }

    /// Every line, copied (tests; the view draws only what it shows).
    pub fn into_lines(self) -> Vec<DetailLine> {
        let note = self.note.iter().flat_map(|r| {
            r.lines.iter().map(|l| DetailLine {
                line: l.line.clone(),
                target: l.link,
            })
        });
        let mut out: Vec<DetailLine> = self.before;
        out.extend(note.collect::<Vec<_>>());
        out.extend(self.after);
        out
    }
}

/// The links of `skill`, in the order they appear.
fn skill_targets(app: &App, skill: usize) -> Vec<Target> {
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

/// The lines of the details of `skill` at `cells` wide.
/// The details of `skill` at `cells` wide, laid out.
fn skill_layout(app: &App, skill: usize, cells: u16) -> Layout {
    let cells = usize::from(cells).max(1);
    let mut before = Vec::new();
    summary(app, skill, cells, &mut before);
    let mut after = Vec::new();
    let (note, next) = note(app, skill, cells, &mut before, &mut after);
    let mut links = Links {
        app,
        cells,
        out: after,
        next,
    };
    links.prerequisites(skill);
    links.unlocks(skill);
    let next = links.next;
    let mut after = links.out;
    resources(app, skill, cells, next, &mut after);
    Layout {
        before,
        note,
        after,
    }
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
        && let Some(d) = date(state.started_at)
    {
        when.push(format!("started\u{a0}{d}"));
    }
    plain(when.join(" · "), t.status(state.status));
    for (text, due) in super::review::details_lines(app, skill) {
        plain(text, if due { t.warn() } else { t.dim() });
    }
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

/// The links of `skill`'s note as the details show it: (shown text,
/// address).
pub fn note_links(app: &App, skill: usize) -> Vec<(String, String)> {
    let cells = text_area(inner(app.areas().details)).width;
    app.note_lines.links(app, skill, usize::from(cells).max(1))
}

/// The learner's note: its heading goes to `before`, the line saying when
/// it was saved (and how much is not shown) to `after`; returns the note,
/// rendered (and kept), and how many links it holds (they are the first
/// targets).
fn note(
    app: &App,
    skill: usize,
    cells: usize,
    before: &mut Vec<DetailLine>,
    after: &mut Vec<DetailLine>,
) -> (Option<Arc<Rendered>>, usize) {
    let Some(note) = app.profile.note(&app.roadmap, skill) else {
        return (None, 0);
    };
    let Some(rendered) = app.note_lines.shown(app, skill, cells) else {
        return (None, 0);
    };
    section(before, app, "Your note");
    if rendered.rest > 0 {
        for l in wrap(
            &format!(
                "… {} more of this note is not shown here · e opens it whole",
                size(rendered.rest)
            ),
            cells,
        ) {
            after.push(DetailLine {
                line: Line::styled(l, app.theme.dim()),
                target: None,
            });
        }
    }
    after.push(DetailLine {
        line: Line::styled(
            format!("saved {} · e edits", app.zone.date(note.at)),
            app.theme.dim(),
        ),
        target: None,
    });
    let count = rendered.links.len();
    (Some(rendered), count)
}

/// A size in words: "12 KB", "9.9 MB".
fn size(bytes: usize) -> String {
    const KB: usize = 1024;
    match bytes {
        b if b < 10 * KB => format!("{b} bytes"),
        b if b < KB * KB => format!("{} KB", b / KB),
        b => format!("{:.1} MB", b as f64 / (KB * KB) as f64),
    }
}

/// Builds the link lines, numbering the targets as it goes.
pub(super) struct Links<'a> {
    pub app: &'a App,
    pub cells: usize,
    pub out: Vec<DetailLine>,
    pub next: usize,
}

impl Links<'_> {
    pub(super) fn link(&mut self, indent: &str, i: usize) {
        self.link_with(indent, i, "");
    }

    /// A link to skill `i` with `tail` after its title (hours, a state).
    pub(super) fn link_with(&mut self, indent: &str, i: usize, tail: &str) {
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
        for (n, part) in wrap(&format!("{}{tail}", app.roadmap.skills[i].title), room)
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

pub(super) fn section(out: &mut Vec<DetailLine>, app: &App, title: &'static str) {
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
    let Some(shown) = app.shown() else {
        Paragraph::new("Nothing selected.")
            .style(t.dim())
            .render(inner, buf);
        return;
    };
    let all = layout(app, shown, inner.width);
    let total = all.len();
    let h = usize::from(inner.height);
    let scroll = app.detail.scroll.min(total.saturating_sub(h));
    let focused = app.focus == Pane::Details && matches!(app.mode, Mode::Main);
    // Only a link wholly on screen is highlighted: Enter follows only what
    // is seen.
    let chosen = app.visible_link().filter(|_| focused);
    // Only what is on screen is drawn.
    for (y, i) in (scroll..total.min(scroll + h)).enumerate() {
        let Some((line, target)) = all.get(i) else {
            break;
        };
        let line = if chosen.is_some() && target == chosen {
            t.highlight(line.clone(), true)
        } else {
            line.clone()
        };
        let y = inner.y + u16::try_from(y).unwrap_or(0);
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
    let (above, below) = super::marks::hidden(scroll, h, total);
    super::marks::render(t, area, above, below, buf);
}

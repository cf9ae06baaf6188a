//! The review session: the skill shown with what it says, its resources
//! and the learner's note, the prompt, and the grade keys with the
//! interval each would give; a summary once every card is done. Draws
//! from `App` only: the intervals and memories were worked out in
//! `update`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::{centered, popup_space};
use super::text::{fit, wrap};
use super::{key_label, marks, popup_block};
use crate::model::review::Grade;
use crate::model::review::fading::percent;
use crate::model::review::words::when_due;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::app::review::ReviewSession;
use crate::tui::keymap::KeyMode;
use crate::tui::theme::Theme;

fn popup_area(area: Rect) -> Rect {
    centered(
        popup_space(area),
        90.min(area.width.saturating_sub(4)),
        area.height,
    )
}

/// The card's text area at terminal size `size` (the grade line below it).
fn text_area(size: (u16, u16)) -> Rect {
    let popup = popup_area(Rect::new(0, 0, size.0, size.1));
    Rect::new(
        popup.x + 2,
        popup.y + 1,
        popup.width.saturating_sub(4),
        popup.height.saturating_sub(4),
    )
}

/// Card rows visible at terminal size `size`.
pub fn page(size: (u16, u16)) -> usize {
    usize::from(text_area(size).height)
}

/// How far the card shown can scroll.
pub fn max_scroll(app: &App, session: &ReviewSession) -> usize {
    let area = text_area(app.size);
    card_lines(app, session, usize::from(area.width))
        .len()
        .saturating_sub(usize::from(area.height))
}

fn plain(out: &mut Vec<Line<'static>>, text: &str, width: usize, style: Style) {
    for l in wrap(text, width.max(1)) {
        out.push(Line::styled(l, style));
    }
}

fn section(out: &mut Vec<Line<'static>>, t: Theme, title: &'static str) {
    out.push(Line::default());
    out.push(Line::styled(title, t.bold()));
}

/// The lines of the card shown.
pub fn card_lines(app: &App, session: &ReviewSession, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut out = Vec::new();
    let Some(card) = session.current() else {
        return summary(app, session, width);
    };
    let skill = &app.roadmap.skills[card.skill];
    plain(&mut out, &skill.title, width, t.title());
    let mut facts = vec![
        skill.id.clone(),
        app.roadmap.stages[skill.stage].title.clone(),
    ];
    if let Some(h) = skill.hours {
        facts.push(format!("{h} h"));
    }
    plain(&mut out, &facts.join(" · "), width, t.dim());
    if let Some(c) = app.reviews.memory.card(card.skill) {
        let last = match c.last_grade {
            Some(g) => format!(
                "last reviewed {} ({g}), {} in all",
                app.zone.date(c.last),
                if c.reviews == 1 {
                    "1 review".to_string()
                } else {
                    format!("{} reviews", c.reviews)
                }
            ),
            None => format!("done {}, not reviewed yet", app.zone.date(c.last)),
        };
        let memory = app.memory_of(card.skill).map(percent).unwrap_or_default();
        plain(
            &mut out,
            &format!(
                "memory {memory} · {} · {last}",
                when_due(c.due, app.reviews.day)
            ),
            width,
            Style::new(),
        );
    }
    if let Some(before) = card.before {
        plain(
            &mut out,
            &format!(
                "↻ {} needs it: refresh it before you start there",
                app.roadmap.skills[before].title
            ),
            width,
            t.accent(),
        );
    }
    out.push(Line::default());
    plain(
        &mut out,
        "Can you explain it, and use it, without looking it up? Try, then grade.",
        width,
        t.warn(),
    );
    if !skill.description.is_empty() {
        section(&mut out, t, "What it covers");
        plain(&mut out, &skill.description, width, Style::new());
    }
    if let Some(note) = app.profile.note(&app.roadmap, card.skill) {
        section(&mut out, t, "Your note");
        out.extend(
            super::markdown::render(&note.text, width, t, 0)
                .into_iter()
                .map(|l| l.line),
        );
    }
    if !skill.resources.is_empty() {
        section(&mut out, t, "Resources");
        for res in &skill.resources {
            let kind = format!("  {:<9}", res.kind.as_str());
            let room = width.saturating_sub(kind.chars().count()).max(1);
            for (n, part) in wrap(&res.title, room).into_iter().enumerate() {
                let lead = if n == 0 {
                    Span::styled(kind.clone(), t.accent())
                } else {
                    Span::raw(" ".repeat(kind.chars().count()))
                };
                out.push(Line::from(vec![lead, Span::raw(part)]));
            }
            for part in wrap(&res.url, width.saturating_sub(4).max(1)) {
                out.push(Line::styled(format!("    {part}"), t.dim()));
            }
        }
    }
    out
}

/// Once every card is done: what was graded and when each comes back.
fn summary(app: &App, session: &ReviewSession, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut out = Vec::new();
    let graded = session.graded.len();
    let head = match (graded, session.skipped) {
        (0, _) => "Session over: no card was graded.".to_string(),
        (n, 0) => format!("Session done: {n} reviewed."),
        (n, s) => format!("Session done: {n} reviewed, {s} left for later."),
    };
    plain(&mut out, &head, width, t.ok());
    let counts: Vec<String> = Grade::ALL
        .iter()
        .map(|g| (g, session.graded.iter().filter(|x| x.1 == *g).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(g, n)| format!("{g} {n}"))
        .collect();
    if !counts.is_empty() {
        plain(&mut out, &counts.join(" · "), width, t.dim());
    }
    out.push(Line::default());
    for &(skill, grade, due) in &session.graded {
        let title = &app.roadmap.skills[skill].title;
        plain(
            &mut out,
            &format!(
                "  {title}: {grade} · next review {}",
                when_due(due, app.reviews.day).trim_start_matches("due ")
            ),
            width,
            Style::new(),
        );
    }
    if app.reviews.due > 0 {
        out.push(Line::default());
        plain(
            &mut out,
            &format!(
                "{} still due today: {} in the main view starts another session.",
                app.reviews.due,
                key_label(app, KeyMode::Main, &Action::OpenReview)
            ),
            width,
            t.dim(),
        );
    }
    out
}

/// The grade keys with what each would give: "1 again 1 d · 2 hard 3 d …".
fn grade_line(app: &App, session: &ReviewSession) -> Line<'static> {
    let t = app.theme;
    let mut spans = Vec::new();
    for (i, g) in Grade::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", t.dim()));
        }
        spans.push(Span::styled(
            key_label(app, KeyMode::Review, &Action::Grade(g)),
            t.title(),
        ));
        spans.push(Span::raw(format!(" {g} ")));
        spans.push(Span::styled(format!("{} d", session.preview[i]), t.dim()));
    }
    Line::from(spans)
}

pub fn render(app: &App, session: &ReviewSession, area: Rect, buf: &mut Buffer) {
    let popup = popup_area(area);
    let close = key_label(app, KeyMode::Review, &Action::Close);
    let title = if session.is_over() {
        format!("Review · done · {close} closes")
    } else {
        format!(
            "Review · {} of {} · {close} ends",
            session.index + 1,
            session.queue.len()
        )
    };
    let inner = popup_block(
        app,
        &fit(&title, usize::from(popup.width).saturating_sub(4)),
        popup,
        buf,
    );
    let text = text_area(app.size);
    let text = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2).min(text.width),
        inner.height.saturating_sub(2),
    );
    let all = card_lines(app, session, usize::from(text.width));
    let total = all.len();
    let h = usize::from(text.height);
    let scroll = session.scroll.min(total.saturating_sub(h));
    for (y, line) in all.into_iter().skip(scroll).take(h).enumerate() {
        let y = text.y + u16::try_from(y).unwrap_or(0);
        line.render(Rect::new(text.x, y, text.width, 1), buf);
    }
    let (above, below) = marks::hidden(scroll, h, total);
    marks::render(app.theme, popup, above, below, buf);
    if inner.height >= 2 && !session.is_over() {
        let rule = Rect::new(inner.x, inner.bottom() - 2, inner.width, 1);
        Line::styled("─".repeat(usize::from(inner.width)), app.theme.dim()).render(rule, buf);
        let keys = Rect::new(
            inner.x + 1,
            inner.bottom() - 1,
            inner.width.saturating_sub(2),
            1,
        );
        grade_line(app, session).render(keys, buf);
    }
}

/// The status line's hint in the review session, Today and logging time,
/// with the keys bound now.
pub fn idle_hint(app: &App) -> String {
    let key = |mode: KeyMode, action: Action| key_label(app, mode, &action);
    match &app.mode {
        crate::tui::app::Mode::Review(s) if s.is_over() => {
            format!("{} closes the session", key(KeyMode::Review, Action::Close))
        }
        crate::tui::app::Mode::Review(_) => {
            let r = KeyMode::Review;
            format!(
                "recall it, then grade: {} again · {} hard · {} good · {} easy · {} skips",
                key(r, Action::Grade(Grade::Again)),
                key(r, Action::Grade(Grade::Hard)),
                key(r, Action::Grade(Grade::Good)),
                key(r, Action::Grade(Grade::Easy)),
                key(r, Action::SkipCard)
            )
        }
        crate::tui::app::Mode::Today(_) => {
            let d = KeyMode::Today;
            format!(
                "{} shows the skill · {} starts the reviews · {} logs time · {} closes",
                key(d, Action::Enter),
                key(d, Action::OpenReview),
                key(d, Action::LogTime),
                key(d, Action::Close)
            )
        }
        _ => {
            let l = KeyMode::LogTime;
            format!(
                "type 45m, 1.5h or 2h30m · {} logs it · {} cancels",
                key(l, Action::Enter),
                key(l, Action::Close)
            )
        }
    }
}

/// The details pane's review lines for `skill`: its memory and next review
/// (when it is done), and the time logged on it beside its estimate. The
/// flag says the review is due.
pub fn details_lines(app: &App, skill: usize) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    if let (Some(c), Some(m)) = (app.reviews.memory.card(skill), app.memory_of(skill)) {
        let reviews = match c.reviews {
            0 => "not reviewed yet".to_string(),
            1 => "1 review".to_string(),
            n => format!("{n} reviews"),
        };
        let day = app.reviews.day;
        let when = match c.due.cmp(&day) {
            std::cmp::Ordering::Less => format!("review due since {}", c.due),
            std::cmp::Ordering::Equal => "review due today".to_string(),
            std::cmp::Ordering::Greater => format!(
                "next review {}",
                when_due(c.due, day).trim_start_matches("due ")
            ),
        };
        out.push((
            format!(
                "{} memory {} · {when} · {reviews}",
                super::skills::DUE,
                percent(m)
            ),
            app.is_due(skill),
        ));
    }
    let logged = app.profile.minutes_spent(&app.roadmap, skill);
    if logged > 0 {
        let estimate = app.roadmap.skills[skill]
            .hours
            .map_or_else(|| "no estimate".to_string(), |h| format!("estimate {h} h"));
        out.push((
            format!(
                "time {} logged · {estimate}",
                crate::model::review::duration::format(logged)
            ),
            false,
        ));
    }
    out
}

//! The selected skill on the map: below the map on narrow screens (its
//! mark, stage and hours, then the path left), in a panel beside it on
//! wide ones (also what it needs, what it unlocks, and the path skill by
//! skill).

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::map::{mark_of, mark_style};
use super::text::{fit, wrap};
use crate::map::NodeKind;
use crate::tui::app::App;
use crate::tui::app::map::MapState;

pub fn render(app: &App, map: &MapState, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    // Beside the map (a column), or below it (three rows).
    if area.height > 3 {
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(app.theme.dim())
            .title(Line::styled(" Selected ", app.theme.title()));
        let inner = block.inner(area);
        block.render(area, buf);
        let inner = Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(2),
            inner.height,
        );
        let lines = side(
            app,
            map,
            usize::from(inner.width),
            usize::from(inner.height),
        );
        draw(lines, inner, buf);
        return;
    }
    let lines = below(app, map, usize::from(area.width).saturating_sub(1));
    let inner = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(1),
        area.height,
    );
    draw(lines, inner, buf);
}

fn draw(lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    for (i, line) in lines.into_iter().take(usize::from(area.height)).enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        line.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// "[~] Kubernetes · doing · stage 4 APIs · 8 h".
fn summary(app: &App, skill: usize, cells: usize) -> Line<'static> {
    let t = app.theme;
    let s = &app.roadmap.skills[skill];
    let m = mark_of(app, skill);
    let mut tail = format!(" · {} · {}", m.word(), app.roadmap.stages[s.stage].title);
    if let Some(h) = s.hours {
        let _ = write!(tail, " · {h} h");
    }
    if s.optional {
        tail.push_str(" · optional");
    }
    let title = fit(&s.title, cells.saturating_sub(4 + 12).max(10));
    let tail = fit(&tail, cells.saturating_sub(4 + super::text::width(&title)));
    Line::from(vec![
        Span::styled(m.text(), mark_style(t, m)),
        Span::raw(" "),
        Span::styled(title, t.bold()),
        Span::styled(tail, t.dim()),
    ])
}

/// The path left in words: "7 skills, 54 h left to get there: …".
fn path_words(app: &App, map: &MapState, skill: usize) -> String {
    let left = &map.left;
    if left.skills.is_empty() {
        return "done: nothing left on the way".to_string();
    }
    let n = left.skills.len();
    let mut text = format!(
        "{n} skill{} · {} h left to get there",
        if n == 1 { "" } else { "s" },
        left.hours
    );
    if left.unestimated > 0 {
        let _ = write!(text, " (+{} without an estimate)", left.unestimated);
    }
    if n > 1 || left.skills[0] != skill {
        let names: Vec<&str> = left
            .skills
            .iter()
            .filter(|&&s| s != skill)
            .map(|&s| app.roadmap.skills[s].title.as_str())
            .collect();
        text.push_str(": ");
        text.push_str(&names.join(", "));
    }
    text
}

fn below(app: &App, map: &MapState, cells: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let Some(skill) = map.selected else {
        return vec![Line::styled("No skill selected.", t.dim())];
    };
    let mut out = vec![summary(app, skill, cells)];
    let mut words = wrap(&path_words(app, map, skill), cells.saturating_sub(6)).into_iter();
    out.push(Line::from(vec![
        Span::styled("Path ", t.title()),
        Span::raw(words.next().unwrap_or_default()),
    ]));
    if let Some(more) = words.next() {
        let rest: Vec<String> = std::iter::once(more).chain(words).collect();
        out.push(Line::raw(fit(&format!("     {}", rest.join(" ")), cells)));
    } else {
        out.push(links(app, map, cells));
    }
    out
}

/// "needs 2 · unlocks 3" with the counts on this map.
fn links(app: &App, map: &MapState, cells: usize) -> Line<'static> {
    let t = app.theme;
    let Some(i) = map.selected_node() else {
        return Line::default();
    };
    let layout = &map.layout;
    let n = layout.nodes[i];
    let mut text = format!(
        "needs {} · unlocks {} on this map",
        layout.needs(i).len(),
        layout.needed_by(i).len()
    );
    if n.hidden_needs > 0 {
        let _ = write!(text, " · {} too far up to draw", n.hidden_needs);
    }
    Line::styled(fit(&format!("     {text}"), cells), t.dim())
}

#[allow(clippy::too_many_lines)]
fn side(app: &App, map: &MapState, cells: usize, rows: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let Some(skill) = map.selected else {
        return vec![Line::styled("No skill selected.", t.dim())];
    };
    let s = &app.roadmap.skills[skill];
    let mut out: Vec<Line<'static>> = Vec::new();
    let m = mark_of(app, skill);
    for (i, part) in wrap(&s.title, cells.saturating_sub(4))
        .into_iter()
        .enumerate()
    {
        out.push(Line::from(vec![
            if i == 0 {
                Span::styled(m.text().to_string(), super::map::mark_style(t, m))
            } else {
                Span::raw("   ")
            },
            Span::raw(" "),
            Span::styled(part, t.bold()),
        ]));
    }
    let mut facts = vec![
        m.word().to_string(),
        app.roadmap.stages[s.stage].title.clone(),
    ];
    if let Some(h) = s.hours {
        facts.push(format!("{h} h"));
    }
    if s.optional {
        facts.push("optional".to_string());
    }
    for part in wrap(&facts.join(" · "), cells) {
        out.push(Line::styled(part, t.dim()));
    }
    out.push(Line::default());
    let left = &map.left;
    out.push(Line::styled(
        fit(
            &if left.skills.is_empty() {
                "Path: nothing left".to_string()
            } else {
                format!(
                    "Path: {} skill{} · {} h left",
                    left.skills.len(),
                    if left.skills.len() == 1 { "" } else { "s" },
                    left.hours
                )
            },
            cells,
        ),
        t.title(),
    ));
    if left.unestimated > 0 {
        out.push(Line::styled(
            fit(
                &format!("  +{} without an estimate", left.unestimated),
                cells,
            ),
            t.dim(),
        ));
    }
    // Room for the needs and unlocks lists below the path.
    let layout = &map.layout;
    let node = map.selected_node();
    let list = |ids: &[u32]| -> Vec<usize> {
        let mut out = Vec::new();
        for &n in ids {
            match layout.nodes[n as usize].kind {
                NodeKind::Skill(s) => out.push(s),
                NodeKind::Choice(c) => out.extend(app.roadmap.choices[c].from.iter().copied()),
            }
        }
        out.dedup();
        out
    };
    let needs = node.map(|i| list(layout.needs(i))).unwrap_or_default();
    let unlocks = node.map(|i| list(layout.needed_by(i))).unwrap_or_default();
    let tail = 4 + needs.len().min(4) + unlocks.len().min(4);
    let room = rows.saturating_sub(out.len() + tail).max(3);
    let skill_line = |s: usize| {
        let m = mark_of(app, s);
        Line::from(vec![
            Span::raw("  "),
            Span::styled(m.text().to_string(), mark_style(t, m)),
            Span::raw(" "),
            Span::raw(fit(&app.roadmap.skills[s].title, cells.saturating_sub(6))),
        ])
    };
    for (i, &p) in left.skills.iter().enumerate() {
        if i + 1 == room && left.skills.len() > room {
            out.push(Line::styled(
                format!("  … and {} more", left.skills.len() - i),
                t.dim(),
            ));
            break;
        }
        out.push(skill_line(p));
    }
    for (label, group) in [("Needs", &needs), ("Unlocks", &unlocks)] {
        out.push(Line::default());
        out.push(Line::styled(
            format!("{label} ({})", group.len()),
            t.title(),
        ));
        if group.is_empty() {
            out.push(Line::styled("  nothing on this map", t.dim()));
        }
        for (i, &p) in group.iter().enumerate() {
            if i == 4 && group.len() > 5 {
                out.push(Line::styled(
                    format!("  … and {} more", group.len() - 4),
                    t.dim(),
                ));
                break;
            }
            out.push(skill_line(p));
        }
    }
    if let Some(i) = node
        && layout.nodes[i].hidden_needs > 0
    {
        out.push(Line::styled(
            fit(
                &format!("{} more too far up to draw", layout.nodes[i].hidden_needs),
                cells,
            ),
            t.dim(),
        ));
    }
    if layout.implied > 0 && out.len() < rows {
        out.push(Line::default());
        for part in wrap(
            &format!(
                "{} edge{} not drawn: a longer path already leads there",
                layout.implied,
                if layout.implied == 1 { "" } else { "s" }
            ),
            cells,
        ) {
            out.push(Line::styled(part, t.dim()));
        }
    }
    out
}

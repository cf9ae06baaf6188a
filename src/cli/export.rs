//! `roadmap export`: progress as Markdown (a checklist for a README), JSON
//! (everything a script could want) or CSV (one row per skill), and the
//! map with progress as Graphviz DOT, Mermaid or SVG.
//!
//! Exports are stable: the same profile gives the same bytes on any
//! machine, on any day. So dates are UTC and the stats are taken as of the
//! last recorded change, in UTC days (see docs/export.md). No control
//! character reaches the output.

mod csv;
pub mod dot;
pub mod graph;
mod json;
mod markdown;
pub mod mermaid;
pub mod svg;

use std::path::Path;

use chrono::{DateTime, Utc};
use clap::ValueEnum;

use super::out;
use super::{Failure, View};
use crate::model::journal::{Activity, Stats, activities};
use crate::model::review::{Card, Memory, Settings};
use crate::model::text::clean_multiline_owned;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Markdown,
    Json,
    Csv,
    /// The map as Graphviz DOT.
    Dot,
    /// The map as a Mermaid flowchart.
    Mermaid,
    /// The map as a self-contained SVG picture.
    Svg,
}

/// What every format is built from.
pub(crate) struct Export<'a> {
    pub view: &'a View,
    pub activities: Vec<Activity>,
    /// The last recorded change: the moment the stats are taken at.
    pub as_of: Option<DateTime<Utc>>,
    /// `None` without any history.
    pub stats: Option<Stats>,
    /// Every done skill's review schedule, in UTC days.
    pub memory: Memory,
}

impl<'a> Export<'a> {
    fn new(view: &'a View, settings: &Settings) -> Export<'a> {
        let roadmap = &view.session.roadmap;
        let activities = activities(roadmap, &view.profile);
        let as_of = activities.iter().map(|a| a.at).max();
        let stats = as_of
            .map(|now| Stats::compute(roadmap, &activities, &view.states, &view.eval, now, &Utc));
        Export {
            view,
            activities,
            as_of,
            stats,
            memory: super::review::memory(view, settings, &Utc),
        }
    }

    /// Minutes logged on skill `s` (0 without any).
    pub fn logged(&self, s: usize) -> i64 {
        self.stats.as_ref().map_or(0, |st| st.logged_on(s))
    }

    /// Per skill: its review is due as of `as_of` (a UTC day, so the same
    /// profile draws the same map in any zone and on any day).
    pub fn due(&self) -> Vec<bool> {
        let roadmap = &self.view.session.roadmap;
        let Some(day) = self.as_of.map(|at| at.date_naive()) else {
            return vec![false; roadmap.skills.len()];
        };
        (0..roadmap.skills.len())
            .map(|i| self.memory.is_due(i, day))
            .collect()
    }

    /// Skill `s`'s review schedule as of `as_of`: the card and its memory
    /// then.
    pub fn review(&self, s: usize) -> Option<(&Card, f64)> {
        let card = self.memory.card(s)?;
        let at = self.as_of.unwrap_or(card.last).max(card.last);
        Some((card, card.retrievability(at)))
    }
}

/// A UTC time to the second, as exports write it: `2025-03-01T09:30:05Z`
/// (the profile keeps fractions of a second; an export has no use for
/// them).
pub(crate) fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// `serialize_with` for export times: [`stamp`].
pub(crate) fn seconds<S: serde::Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&stamp(*at))
}

/// `serialize_with` for optional export times (serde passes `&Option`).
#[allow(clippy::ref_option)]
pub(crate) fn seconds_option<S: serde::Serializer>(
    at: &Option<DateTime<Utc>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => s.serialize_str(&stamp(*at)),
        None => s.serialize_none(),
    }
}

/// A UTC date: `2025-03-01`.
pub(crate) fn date(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

pub fn export(
    view: &View,
    settings: &Settings,
    format: Format,
    narrow: &graph::Narrow,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let text = match format {
        Format::Markdown | Format::Json | Format::Csv if narrow.is_set() => {
            return Err(Failure::User {
                lines: vec![
                    "--stage, --around and --all-edges narrow the map: they go with --format dot, mermaid or svg"
                        .to_string(),
                ],
                help: Some("Leave them out, or export the map: roadmap export --format svg --stage ID".to_string()),
            });
        }
        Format::Markdown => markdown::render(&Export::new(view, settings)),
        Format::Json => json::render(&Export::new(view, settings))?,
        Format::Csv => csv::render(&Export::new(view, settings)),
        Format::Dot | Format::Mermaid | Format::Svg => {
            let scope = narrow.scope(view)?;
            let due = Export::new(view, settings).due();
            let g = graph::graph(view, scope, narrow.all_edges, &due);
            match format {
                Format::Dot => dot::render(&g),
                Format::Mermaid => mermaid::render(&g),
                _ => svg::render(view, scope, narrow.all_edges, &g, &due),
            }
        }
    };
    let text = clean_multiline_owned(text);
    match output {
        None => out::emit(&text),
        Some(path) => write_file(path, &text),
    }
}

/// Writes the export to `path` as `-o` promises (`cli::output`): a file is
/// replaced whole or not at all and keeps its mode, a device or a FIFO is
/// written to, a link is followed with care.
fn write_file(path: &Path, text: &str) -> Result<(), Failure> {
    let shown = path.display().to_string();
    super::output::write_output(path, text.as_bytes()).map_err(|e| Failure::User {
        lines: vec![format!("cannot write the export to {shown}: {e}")],
        help: Some(
            "Check that the folder exists and that you may write there, or leave out -o to print the export."
                .to_string(),
        ),
    })?;
    out::emit_err(&format!("exported to {shown}\n"));
    Ok(())
}

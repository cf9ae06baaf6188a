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

use std::io::Write as _;
use std::path::Path;

use chrono::{DateTime, Utc};
use clap::ValueEnum;

use super::out;
use super::{Failure, View};
use crate::model::journal::{Activity, Stats, activities};
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
}

impl<'a> Export<'a> {
    fn new(view: &'a View) -> Export<'a> {
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
        }
    }
}

/// A UTC date: `2025-03-01`.
pub(crate) fn date(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

pub fn export(
    view: &View,
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
        Format::Markdown => markdown::render(&Export::new(view)),
        Format::Json => json::render(&Export::new(view))?,
        Format::Csv => csv::render(&Export::new(view)),
        Format::Dot | Format::Mermaid | Format::Svg => {
            let scope = narrow.scope(view)?;
            let g = graph::graph(view, scope, narrow.all_edges);
            match format {
                Format::Dot => dot::render(&g),
                Format::Mermaid => mermaid::render(&g),
                _ => svg::render(view, scope, narrow.all_edges, &g),
            }
        }
    };
    let text = clean_multiline_owned(text);
    match output {
        None => out::emit(&text),
        Some(path) => write_file(path, &text),
    }
}

/// Writes the export whole or not at all: a temporary file next to `path`,
/// renamed over it once complete.
fn write_file(path: &Path, text: &str) -> Result<(), Failure> {
    let shown = path.display().to_string();
    let fail = |e: std::io::Error| {
        Failure::User {
        lines: vec![format!("cannot write the export to {shown}: {e}")],
        help: Some(
            "Check that the folder exists and that you may write there, or leave out -o to print the export."
                .to_string(),
        ),
    }
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    file.write_all(text.as_bytes()).map_err(fail)?;
    file.as_file().sync_all().map_err(fail)?;
    file.persist(path).map_err(|e| fail(e.error))?;
    out::emit_err(&format!("exported to {shown}\n"));
    Ok(())
}

//! `roadmap export`: progress as Markdown (a checklist for a README), JSON
//! (everything a script could want) or CSV (one row per skill).
//!
//! Exports are stable: the same profile gives the same bytes on any
//! machine, on any day. So dates are UTC and the stats are taken as of the
//! last recorded change, in UTC days (see docs/export.md). No control
//! character reaches the output.

mod csv;
mod json;
mod markdown;

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

pub fn export(view: &View, format: Format, output: Option<&Path>) -> Result<(), Failure> {
    let export = Export::new(view);
    let text = match format {
        Format::Markdown => markdown::render(&export),
        Format::Json => json::render(&export)?,
        Format::Csv => csv::render(&export),
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

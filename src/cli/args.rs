//! Command-line arguments. The names here are part of the interface that
//! scripts and tests rely on.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::Status;

#[derive(Debug, Parser)]
#[command(
    name = "roadmap",
    version,
    about = "Learn a craft from a roadmap: see where you stand, tick off skills, get told what to learn next.",
    long_about = None,
    after_help = "Run without a command to open the interactive view."
)]
pub struct Args {
    /// Roadmap file to use instead of the built-in backend roadmap.
    #[arg(long, global = true, env = crate::session::ROADMAP_ENV, value_name = "FILE")]
    pub roadmap: Option<PathBuf>,

    /// Profile to read and write progress in.
    #[arg(long, global = true, env = crate::session::PROFILE_ENV, value_name = "NAME", default_value = crate::store::DEFAULT_PROFILE)]
    pub profile: String,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Todo,
    Doing,
    Done,
    Skipped,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Status {
        match s {
            StatusArg::Todo => Status::Todo,
            StatusArg::Doing => Status::Doing,
            StatusArg::Done => Status::Done,
            StatusArg::Skipped => Status::Skipped,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Overall and per-stage progress.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// What to learn next, ranked, with reasons.
    Next {
        /// How many suggestions.
        #[arg(short = 'n', long = "count", default_value_t = 5, value_name = "N")]
        n: usize,
        #[arg(long)]
        json: bool,
    },
    /// List skills, optionally of one stage or status.
    List {
        #[arg(long, value_name = "ID")]
        stage: Option<String>,
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        #[arg(long)]
        json: bool,
    },
    /// Everything about one skill.
    Show {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Mark skills done.
    Done {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Mark skills in progress (doing).
    Start {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Mark skills skipped (you know them already, or chose not to learn them).
    Skip {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Set skills back to todo.
    Reset {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Check a roadmap file (default: the one in use) and summarise it.
    Validate {
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// List profiles.
    Profiles {
        #[arg(long)]
        json: bool,
    },
    /// Your timeline: every status change, newest first, in local time.
    Log {
        /// Only from this local day on: YYYY-MM-DD, today, yesterday, 7d, 2w.
        #[arg(long, value_name = "DATE")]
        since: Option<super::log::Since>,
        #[arg(long)]
        json: bool,
    },
    /// Streaks, a calendar of the last 52 weeks, pace and a finish date.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Your progress as a Markdown checklist, JSON or CSV (see docs/export.md).
    Export {
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: super::export::Format,
        /// Write to FILE instead of printing (replaced whole, never half-written).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

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
    /// Roadmap to use instead of the one in use: a file, an imported
    /// roadmap's id, or `builtin` (see `roadmap roadmaps`).
    #[arg(long, global = true, env = crate::session::ROADMAP_ENV, value_name = "FILE|ID")]
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
    /// Convert a roadmap.sh roadmap (its JSON, optionally its content
    /// folder) into your library. Personal use only: see docs/importing.md.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The roadmap's content folder (`<slug>@<nodeId>.md` files).
        #[arg(long, value_name = "DIR")]
        content: Option<PathBuf>,
        /// The id to give the roadmap (default: its slug or the file name).
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// Convert and report, but write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Write the converted roadmap to FILE instead of the library.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the roadmaps you can use (built-in, imported, files used
    /// before), with your progress on each.
    Roadmaps {
        #[arg(long)]
        json: bool,
    },
    /// Make a roadmap the default: `builtin`, an imported roadmap's id, or a file.
    Use {
        #[arg(value_name = "ID|FILE")]
        target: PathBuf,
    },
    /// Remove an imported roadmap from the library (your progress on it stays in the profile).
    Remove {
        #[arg(value_name = "ID")]
        id: String,
    },
}

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
    /// roadmap's id, or `builtin` (see `roadmap roadmaps`; default: the
    /// config file's [defaults] roadmap, else the one chosen with `roadmap use`).
    #[arg(long, global = true, env = crate::session::ROADMAP_ENV, value_name = "FILE|ID",
          value_hint = clap::ValueHint::FilePath)]
    pub roadmap: Option<PathBuf>,

    /// Profile to read and write progress in [default: the config file's
    /// [defaults] profile, else "default"].
    #[arg(long, global = true, env = crate::session::PROFILE_ENV, value_name = "NAME",
          add = clap_complete::engine::ArgValueCandidates::new(super::completions::profiles))]
    pub profile: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `next -n N`: a whole number of at least 1.
fn parse_count(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(0) => Err("ask for at least 1 suggestion (leave -n out for 5)".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!(
            "'{}' is not a number of suggestions; use a whole number such as 3",
            crate::model::text::clean(s)
                .chars()
                .take(40)
                .collect::<String>()
        )),
    }
}

/// A filter of `list --status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Not started.
    Todo,
    /// In progress.
    Doing,
    /// Done.
    Done,
    /// Skipped (known already, or declined).
    Skipped,
    /// Not finished, and some prerequisite is missing (options of a choice
    /// already made are left out).
    Locked,
    /// Not finished, every prerequisite met, and not an option of a choice
    /// already made: what you can learn now.
    Available,
}

impl StatusArg {
    /// The status this filter stands for, if it is one.
    pub fn status(self) -> Option<Status> {
        match self {
            StatusArg::Todo => Some(Status::Todo),
            StatusArg::Doing => Some(Status::Doing),
            StatusArg::Done => Some(Status::Done),
            StatusArg::Skipped => Some(Status::Skipped),
            StatusArg::Locked | StatusArg::Available => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StatusArg::Todo => "todo",
            StatusArg::Doing => "in progress",
            StatusArg::Done => "done",
            StatusArg::Skipped => "skipped",
            StatusArg::Locked => "locked",
            StatusArg::Available => "available",
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Overall and per-stage progress, with hours left.
    Status {
        /// Print JSON instead of text (the same fields for the roadmap and
        /// for each stage).
        #[arg(long)]
        json: bool,
    },
    /// What to learn next, ranked, with reasons.
    Next {
        /// How many suggestions (at least 1).
        #[arg(
            short = 'n',
            long = "count",
            default_value_t = 5,
            value_name = "N",
            value_parser = parse_count
        )]
        n: u32,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List skills, optionally of one stage or some statuses.
    List {
        /// Only the skills of this stage: its id or its title (see 'roadmap status').
        #[arg(long, value_name = "STAGE", add = clap_complete::engine::ArgValueCandidates::new(super::completions::stages))]
        stage: Option<String>,
        /// Only skills with one of these statuses: several values separated
        /// by commas (todo,doing) or by repeating the option.
        #[arg(long, value_enum, value_name = "STATUS", value_delimiter = ',')]
        status: Vec<StatusArg>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Everything about one skill, or about one choice and its options.
    Show {
        /// A skill id (or an earlier id of it) or a choice id.
        #[arg(value_name = "ID", add = clap_complete::engine::ArgValueCandidates::new(super::completions::skills_and_choices))]
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Mark skills done (for an option of a choice: pick it).
    Done {
        /// Skill ids (or earlier ids of them).
        #[arg(required = true, value_name = "ID", add = clap_complete::engine::ArgValueCandidates::new(super::completions::skills))]
        ids: Vec<String>,
    },
    /// Mark skills in progress (doing).
    Start {
        /// Skill ids (or earlier ids of them).
        #[arg(required = true, value_name = "ID", add = clap_complete::engine::ArgValueCandidates::new(super::completions::skills))]
        ids: Vec<String>,
    },
    /// Mark skills skipped: you know them already, or they are not for you.
    /// Skipping an option of a choice declines it; it does not pick it.
    Skip {
        /// Skill ids (or earlier ids of them).
        #[arg(required = true, value_name = "ID", add = clap_complete::engine::ArgValueCandidates::new(super::completions::skills))]
        ids: Vec<String>,
    },
    /// Set skills back to todo (says which skills become locked again).
    Reset {
        /// Skill ids (or earlier ids of them).
        #[arg(required = true, value_name = "ID", add = clap_complete::engine::ArgValueCandidates::new(super::completions::skills))]
        ids: Vec<String>,
    },
    /// Check a roadmap file (default: the one in use) and summarise it.
    Validate {
        /// The roadmap file to check (default: the one in use).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Your note on a skill: open it in your editor ($VISUAL, $EDITOR),
    /// add a paragraph, print it or clear it.
    Note {
        /// A skill id (or an earlier id of it).
        #[arg(value_name = "ID")]
        id: String,
        /// Add this paragraph at the end of the note, without an editor.
        #[arg(short = 'm', long = "message", value_name = "TEXT", conflicts_with_all = ["show", "clear"])]
        message: Option<String>,
        /// Print the note.
        #[arg(long, conflicts_with = "clear")]
        show: bool,
        /// Clear the note.
        #[arg(long)]
        clear: bool,
    },
    /// Search skills by title, id, description and your notes.
    Search {
        /// The words to look for.
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Take back the last change made with the command line (done, start,
    /// skip, reset, note) on this profile and roadmap; again for the one
    /// before. A skill changed since elsewhere is left alone.
    Undo {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Set the date you want to finish the roadmap by; status and the
    /// interactive view then say how many hours a week it needs.
    Goal {
        /// The date, as YYYY-MM-DD.
        #[arg(
            value_name = "DATE",
            required_unless_present = "clear",
            conflicts_with = "clear"
        )]
        date: Option<String>,
        /// Remove the goal.
        #[arg(long)]
        clear: bool,
    },
    /// Spaced review of done skills: list what is due, or record how a
    /// review went.
    #[command(after_help = REVIEW_HELP)]
    Review {
        /// The skill reviewed (leave out to list the reviews due today).
        #[arg(value_name = "ID", requires = "grade", add = clap_complete::engine::ArgValueCandidates::new(super::completions::skills))]
        id: Option<String>,
        /// How it went: again, hard, good or easy (or 1 to 4).
        #[arg(value_name = "GRADE")]
        grade: Option<String>,
        /// List every done skill by the date its review is due.
        #[arg(long, conflicts_with = "id")]
        all: bool,
        /// Print JSON instead of text (shape in docs/export.md).
        #[arg(long, conflicts_with = "id")]
        json: bool,
    },
    /// What to study today: the reviews due, then next steps filling
    /// today's time.
    Today {
        /// Print JSON instead of text (shape in docs/export.md).
        #[arg(long)]
        json: bool,
    },
    /// Log time spent on a skill (the estimate stays an estimate).
    Spent {
        /// A skill id (or an earlier id of it).
        #[arg(value_name = "ID", add = clap_complete::engine::ArgValueCandidates::new(super::completions::skills))]
        id: String,
        /// How long: 45m, 1.5h, 2h30m; -30m takes back time logged by mistake.
        #[arg(value_name = "DURATION", allow_hyphen_values = true)]
        duration: String,
    },
    /// List profiles; rename or delete one.
    Profiles {
        #[command(subcommand)]
        action: Option<ProfilesAction>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Your timeline: status changes, notes, reviews and time logged,
    /// newest first, in local time.
    Log {
        /// Only from this local day on: YYYY-MM-DD, today, yesterday, 7d, 2w.
        #[arg(long, value_name = "DATE")]
        since: Option<super::log::Since>,
        /// Print JSON instead of text (shape in docs/export.md).
        #[arg(long)]
        json: bool,
    },
    /// Streaks, a calendar of the last 52 weeks, pace and a finish date.
    Stats {
        /// Print JSON instead of text (shape in docs/export.md).
        #[arg(long)]
        json: bool,
    },
    /// Your progress as a Markdown checklist, JSON or CSV, or the map with
    /// your progress as DOT, Mermaid or SVG (see docs/export.md).
    Export {
        /// markdown (a checklist by stage), json (everything), csv (a row per
        /// skill), dot (Graphviz), mermaid (a flowchart for Markdown) or svg (a picture).
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: super::export::Format,
        /// The map of one stage only, with what it needs from other stages (dot, mermaid, svg).
        #[arg(long, value_name = "ID", conflicts_with = "around")]
        stage: Option<String>,
        /// The map around one skill: what it needs and what it unlocks (dot, mermaid, svg).
        #[arg(long, value_name = "ID")]
        around: Option<String>,
        /// Keep the edges a longer path already implies (dot, mermaid, svg).
        #[arg(long)]
        all_edges: bool,
        /// Write to FILE instead of printing: a file is replaced whole (never
        /// half-written) and keeps its permissions; a link is followed to
        /// the file it names; a device or a FIFO is written to.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Convert a roadmap.sh roadmap into your library: by name (downloaded
    /// with its topics' texts, then kept for offline re-imports) or from its
    /// JSON file and content folder. Personal use only: see docs/importing.md.
    #[command(after_help = IMPORT_HELP)]
    Import {
        /// A roadmap.sh name (`backend`), its page's address
        /// (`https://roadmap.sh/backend`), or a roadmap file (JSON: nodes and
        /// edges, or the API document).
        #[arg(value_name = "NAME|URL|FILE", value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
        /// The roadmap's content folder (`<slug>@<nodeId>.md` files), for a FILE.
        #[arg(long, value_name = "DIR")]
        content: Option<PathBuf>,
        /// Download again, even when an earlier download is in the cache.
        #[arg(long)]
        refresh: bool,
        /// The id to give the roadmap (default: its slug or the file name).
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// Convert and report, but write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Write the converted roadmap to FILE instead of the library (as
        /// `export -o` writes: a link is followed, a file keeps its mode).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the roadmaps you can use (built-in, imported, files used
    /// before), with your progress on each.
    Roadmaps {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Make a roadmap the default: `builtin`, an imported roadmap's id, or a file.
    Use {
        /// `builtin`, an imported roadmap's id, or a roadmap file.
        #[arg(value_name = "ID|FILE", add = clap_complete::engine::ArgValueCandidates::new(super::completions::roadmaps))]
        target: PathBuf,
    },
    /// Remove an imported roadmap from the library (your progress on it stays in the profile).
    Remove {
        /// The imported roadmap's id (see `roadmap roadmaps`).
        #[arg(value_name = "ID", add = clap_complete::engine::ArgValueCandidates::new(super::completions::roadmaps))]
        id: String,
    },
    /// The config file: where it is read from, a complete default one, or
    /// check one.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Print a completion script for a shell (skill ids, stage ids and
    /// profile names complete too).
    #[command(after_help = COMPLETIONS_HELP)]
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Sync your progress with your other machines now, through the folder
    /// or git remote of the config file's [sync] (see the README's "Sync"),
    /// and say what came in and what went out. Exit code 75: not synced
    /// (no network), your changes are safe here.
    Sync {
        /// Sync through this folder (one that Syncthing, Dropbox or a share
        /// keeps in step) instead of the config file's.
        #[arg(long, value_name = "DIR", conflicts_with = "git", value_hint = clap::ValueHint::DirPath)]
        folder: Option<PathBuf>,
        /// Sync through this git remote instead of the config file's.
        #[arg(long, value_name = "URL")]
        git: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the manual page (roff), e.g. `roadmap man > ~/.local/share/man/man1/roadmap.1`.
    Man,
    /// Print the version, the profile format version, and the data and
    /// config folders in use.
    Paths,
}

const IMPORT_HELP: &str = "Examples:\n  \
    roadmap import backend                 # download from roadmap.sh (cached for next time)\n  \
    roadmap import https://roadmap.sh/golang --dry-run\n  \
    roadmap import backend --refresh       # download again\n  \
    roadmap import backend.json --content content/\n\
    The site is ROADMAP_SH_URL (default https://roadmap.sh); ROADMAP_SH_TIMEOUT sets how many\n\
    seconds a download waits for a stalled server (default 30).";

const COMPLETIONS_HELP: &str = "Install, e.g.:\n  \
    bash: echo 'source <(roadmap completions bash)' >> ~/.bashrc\n  \
    zsh:  echo 'source <(roadmap completions zsh)' >> ~/.zshrc\n  \
    fish: roadmap completions fish > ~/.config/fish/completions/roadmap.fish";

const REVIEW_HELP: &str = "Every skill you mark done enters the review schedule (FSRS, Anki's \
    scheduler; marking done counts as the first successful recall). Grades:\n  \
    again (1)  could not explain or use it without looking it up\n  \
    hard  (2)  recalled it, with effort\n  \
    good  (3)  could explain it and apply it\n  \
    easy  (4)  trivial\n\
    Examples:\n  roadmap review             the reviews due today\n  \
    roadmap review http good   record a review and print the next due date\n\
    The desired retention is [review] retention in the config file (default 0.90).";

/// `roadmap config …`.
#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print where the config file is read from (`ROADMAP_CONFIG`, else the
    /// platform config folder), and whether it exists.
    Path,
    /// Print a complete config file with every setting at its default,
    /// explained.
    Default,
    /// Check a config file (default: the one in use); exit 1 if it is
    /// broken, saying where and why.
    Check {
        /// The config file to check (default: the one in use).
        #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        file: Option<PathBuf>,
    },
}

/// `roadmap profiles …`.
#[derive(Debug, Subcommand)]
pub enum ProfilesAction {
    /// Rename a profile (its progress, backup and undo record); refused
    /// when the new name is taken.
    Rename {
        /// The profile to rename.
        #[arg(value_name = "OLD", add = clap_complete::engine::ArgValueCandidates::new(super::completions::profiles))]
        old: String,
        /// Its new name: letters, digits, - and _.
        #[arg(value_name = "NEW")]
        new: String,
    },
    /// Delete a profile, keeping a copy whose name is printed. Asks first
    /// on a terminal; elsewhere it needs --yes.
    Delete {
        /// The profile to delete.
        #[arg(value_name = "NAME", add = clap_complete::engine::ArgValueCandidates::new(super::completions::profiles))]
        name: String,
        /// Delete without asking.
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

/// The shells `roadmap completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Args;

    #[test]
    fn every_option_and_argument_has_a_help_text() {
        let cmd = Args::command();
        let mut missing = Vec::new();
        let mut check = |owner: &str, c: &clap::Command| {
            for arg in c.get_arguments() {
                let builtin = matches!(arg.get_id().as_str(), "help" | "version");
                if !builtin && arg.get_help().is_none() {
                    missing.push(format!("{owner} {}", arg.get_id()));
                }
            }
        };
        check("roadmap", &cmd);
        for sub in cmd.get_subcommands() {
            assert!(
                sub.get_about().is_some(),
                "{} has no description",
                sub.get_name()
            );
            check(sub.get_name(), sub);
        }
        assert!(missing.is_empty(), "no help text: {missing:?}");
    }
}

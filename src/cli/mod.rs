//! The scriptable command-line interface: subcommands that print text or
//! JSON. Results go to stdout, errors to stderr; exit code 0 on success, 1
//! on any error (bad roadmap, profile trouble, unknown id), 2 on a usage
//! error (clap), 75 when `roadmap sync` could not reach the other machines
//! (nothing is lost; see [`sync::EXIT_NOT_SYNCED`]).

pub mod args;
mod change;
pub mod completions;
mod config_cmd;
mod export;
mod goal;
mod import;
mod list;
mod log;
mod lookup;
pub mod man;
mod next;
mod note;
mod out;
mod output;
mod paths;
mod profiles;
mod profiles_manage;
mod remove;
mod review;
mod roadmaps;
mod search;
mod show;
mod show_choice;
mod spent;
pub mod stats;
mod status;
pub mod sync;
mod today;
mod undo;
mod use_roadmap;
mod validate;

use std::io;
use std::process::ExitCode;

use chrono::{DateTime, Utc};

pub use args::{Args, Command};

use crate::config::ConfigErrors;
use crate::model::{Evaluation, LoadError, Profile, SkillState, evaluate};
use crate::options::Options;
use crate::session::{Session, SessionError};
use crate::store::StoreError;

/// Why a command failed. Every variant exits with code 1.
#[derive(Debug)]
pub enum Failure {
    /// The roadmap did not load; its Display is one line per problem.
    Roadmap(LoadError),
    /// The roadmap did not load, and `help` says how to get going again.
    Unloadable { error: LoadError, help: String },
    /// Reading or writing the profile failed.
    Store(StoreError),
    /// The user asked for something that does not exist. Each line is
    /// printed after `error: `, then `help` as is.
    User {
        lines: Vec<String>,
        help: Option<String>,
    },
    /// Writing the output failed (other than a closed pipe).
    Output(io::Error),
    /// The config file is broken: every problem, in the order of the file.
    Config(ConfigErrors),
    /// Sync could not reach the other machines; nothing is lost (exit code
    /// [`sync::EXIT_NOT_SYNCED`]).
    NotSynced(String),
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure::Roadmap(e)
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl From<SessionError> for Failure {
    fn from(e: SessionError) -> Self {
        match e {
            SessionError::Roadmap(e) => Failure::Roadmap(e),
            SessionError::Unloadable { error, help } => Failure::Unloadable { error, help },
            SessionError::Store(e) => Failure::Store(e),
        }
    }
}

impl Failure {
    /// The text printed to stderr.
    fn message(&self) -> String {
        let mut text = String::new();
        match self {
            Failure::Roadmap(e) => out::line!(text, "{e}"),
            Failure::Store(e) => out::line!(text, "error: {e}"),
            Failure::User { lines, help } => {
                for l in lines {
                    out::line!(text, "error: {l}");
                }
                if let Some(help) = help {
                    out::line!(text, "{help}");
                }
            }
            Failure::Output(e) => out::line!(text, "error: cannot write the output: {e}"),
            Failure::Unloadable { error, help } => {
                out::line!(text, "{error}");
                out::line!(text, "help: {help}");
            }
            Failure::Config(errors) => {
                for e in &errors.0 {
                    out::line!(text, "error: {e}");
                }
            }
            Failure::NotSynced(e) => out::line!(text, "{e}"),
        }
        text
    }
}

/// Runs one subcommand and returns the process exit code.
pub fn run(args: &Args, command: &Command) -> ExitCode {
    let now = match crate::clock::fixed() {
        Some(Err(text)) => {
            return report(&Failure::User {
                lines: vec![format!(
                    "{}='{}' is not a time",
                    crate::clock::NOW_ENV,
                    lookup::echo(&text)
                )],
                help: Some(
                    "write it as RFC 3339 (2026-03-01T10:00:00Z), or unset it to use the clock"
                        .to_string(),
                ),
            });
        }
        Some(Ok(now)) => now,
        None => Utc::now(),
    };
    match dispatch(args, command, now) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => report(&failure),
    }
}

/// Prints why a run failed; exit code 1.
pub fn report(failure: &Failure) -> ExitCode {
    out::emit_err(&failure.message());
    match failure {
        Failure::NotSynced(_) => ExitCode::from(sync::EXIT_NOT_SYNCED),
        _ => ExitCode::FAILURE,
    }
}

fn dispatch(args: &Args, command: &Command, now: DateTime<Utc>) -> Result<(), Failure> {
    // Commands that work whatever the config file holds.
    match command {
        Command::Config { action } => return config_cmd::config(action),
        Command::Completions { shell } => return completions::completions(*shell),
        Command::Paths => return paths::paths(),
        // A named file needs nothing from the config.
        Command::Validate { file: Some(file) } => {
            return validate::validate(&crate::session::RoadmapSource::Builtin, Some(file));
        }
        Command::Man => {
            // The keys bound now, or the built-in ones if the config is broken.
            let keymap = crate::config::load().map(|c| c.keymap).unwrap_or_default();
            return man::man(&keymap);
        }
        _ => {}
    }
    let options = command_options(args)?;
    let o = &options;
    let done = run_command(o, command, now);
    // With a sync folder set, what a command saved goes out at once.
    if done.is_ok() && !matches!(command, Command::Sync { .. }) {
        sync::after_command(o);
    }
    done
}

fn run_command(o: &Options, command: &Command, now: DateTime<Utc>) -> Result<(), Failure> {
    match command {
        Command::Status { json } => status::status(&View::open(o)?, *json, now),
        Command::Next { n, json } => next::next(
            &View::open(o)?,
            usize::try_from(*n).unwrap_or(usize::MAX),
            *json,
            now,
            &o.config.review,
        ),
        Command::List {
            stage,
            status,
            json,
        } => list::list(&View::open(o)?, stage.as_deref(), status, *json),
        Command::Show { id, json } => show::show(&View::open(o)?, id, *json),
        Command::Done { ids } => change::change(&open(o)?, ids, change::Verb::Done),
        Command::Start { ids } => change::change(&open(o)?, ids, change::Verb::Start),
        Command::Skip { ids } => change::change(&open(o)?, ids, change::Verb::Skip),
        Command::Reset { ids } => change::change(&open(o)?, ids, change::Verb::Reset),
        Command::Validate { .. } => validate::validate_in_use(o),
        Command::Profiles {
            action: Some(action),
            ..
        } => profiles_manage::manage(action, o, now),
        Command::Profiles { action: None, json } => profiles::profiles(&o.profile, *json),
        Command::Log { since, json } => log::log(&View::open(o)?, *since, *json, now),
        Command::Stats { json } => stats::stats(&View::open(o)?, *json, now),
        Command::Export {
            format,
            stage,
            around,
            all_edges,
            output,
        } => export::export(
            &View::open(o)?,
            &o.config.review,
            *format,
            &export::graph::Narrow {
                stage: stage.as_deref(),
                around: around.as_deref(),
                all_edges: *all_edges,
            },
            output.as_deref(),
        ),
        Command::Import {
            file,
            content,
            refresh,
            id,
            dry_run,
            output,
        } => import::import(&import::Request {
            target: file,
            content: content.as_deref(),
            id: id.as_deref(),
            dry_run: *dry_run,
            output: output.as_deref(),
            refresh: *refresh,
            profile: &o.profile,
            now,
        }),
        Command::Roadmaps { json } => roadmaps::roadmaps(&o.profile, *json),
        Command::Use { target } => {
            use_roadmap::use_roadmap(target, o.config.defaults.roadmap.as_deref())
        }
        Command::Remove { id } => remove::remove(id, &o.profile),
        Command::Note {
            id,
            message,
            show,
            clear,
        } => note::note(&open(o)?, id, message.as_deref(), *show, *clear),
        Command::Search { text, json } => search::search(&View::open(o)?, &text.join(" "), *json),
        Command::Goal { date, clear } => goal::goal(&open(o)?, date.as_deref(), *clear, now),
        Command::Sync { folder, git, json } => {
            sync::sync(o, folder.as_deref(), git.as_deref(), *json)
        }
        Command::Undo { json } => undo::undo(&open(o)?, *json),
        Command::Review {
            id: Some(id),
            grade: Some(grade),
            ..
        } => review::record(&open(o)?, &o.config.review, id, grade, now),
        Command::Review { all, json, .. } => {
            review::review(&View::open(o)?, &o.config.review, *all, *json, now)
        }
        Command::Today { json } => today::today(&View::open(o)?, &o.config.review, *json, now),
        Command::Spent { id, duration } => spent::spent(&open(o)?, id, duration),
        Command::Config { .. } | Command::Completions { .. } | Command::Paths | Command::Man => {
            Ok(())
        }
    }
}

/// The options of the interactive view: flags and environment over the
/// config file, which must have no problem at all.
pub fn options(args: &Args) -> Result<Options, Failure> {
    Options::load(args.roadmap.as_deref(), args.profile.as_deref()).map_err(Failure::Config)
}

/// The options of a command: as [`options`], but key bindings and colours
/// concern the view only: a problem with them is a warning on stderr, and
/// the command carries on.
fn command_options(args: &Args) -> Result<Options, Failure> {
    let (options, warnings) =
        Options::load_for_commands(args.roadmap.as_deref(), args.profile.as_deref())
            .map_err(Failure::Config)?;
    if !warnings.is_empty() {
        let mut text = String::new();
        for w in &warnings {
            out::line!(text, "warning: {w}");
        }
        out::line!(
            text,
            "note: keys and colours only matter in the interactive view, which will not start until this is fixed; this command carries on"
        );
        out::emit_err(&text);
    }
    Ok(options)
}

fn open(options: &Options) -> Result<Session, Failure> {
    Ok(options.open_session()?)
}

/// A read-only look at the profile's progress on the roadmap.
pub(crate) struct View {
    pub session: Session,
    pub profile: Profile,
    pub states: Vec<SkillState>,
    pub eval: Evaluation,
}

impl View {
    fn open(options: &Options) -> Result<View, Failure> {
        let session = open(options)?;
        let profile = session.store.load()?;
        let states = profile.states(&session.roadmap);
        let eval = evaluate(&session.roadmap, &states);
        Ok(View {
            session,
            profile,
            states,
            eval,
        })
    }
}

//! The scriptable command-line interface: subcommands that print text or
//! JSON. Results go to stdout, errors to stderr; exit code 0 on success, 1
//! on any error (bad roadmap, profile trouble, unknown id), 2 on a usage
//! error (clap).

pub mod args;
mod change;
mod goal;
mod list;
mod lookup;
mod note;
mod out;
mod profiles;
mod search;
mod show;
mod show_choice;
mod status;
mod validate;

use std::io;
use std::process::ExitCode;

use chrono::{DateTime, Utc};

pub use args::{Args, Command};

use crate::model::{Evaluation, LoadError, Profile, SkillState, evaluate};
use crate::session::{RoadmapSource, Session, SessionError};
use crate::store::StoreError;

/// Why a command failed. Every variant exits with code 1.
#[derive(Debug)]
pub enum Failure {
    /// The roadmap did not load; its Display is one line per problem.
    Roadmap(LoadError),
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
        }
        text
    }
}

/// Runs one subcommand and returns the process exit code.
pub fn run(args: &Args, command: &Command) -> ExitCode {
    match dispatch(args, command, Utc::now()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            out::emit_err(&failure.message());
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: &Args, command: &Command, now: DateTime<Utc>) -> Result<(), Failure> {
    let source = RoadmapSource::from_option(args.roadmap.as_deref());
    match command {
        Command::Status { json } => status::status(&View::open(source, args)?, *json, now),
        Command::Next { n, json } => status::next(
            &View::open(source, args)?,
            usize::try_from(*n).unwrap_or(usize::MAX),
            *json,
            now,
        ),
        Command::List {
            stage,
            status,
            json,
        } => list::list(&View::open(source, args)?, stage.as_deref(), status, *json),
        Command::Show { id, json } => show::show(&View::open(source, args)?, id, *json),
        Command::Done { ids } => change::change(&open(source, args)?, ids, change::Verb::Done),
        Command::Start { ids } => change::change(&open(source, args)?, ids, change::Verb::Start),
        Command::Skip { ids } => change::change(&open(source, args)?, ids, change::Verb::Skip),
        Command::Reset { ids } => change::change(&open(source, args)?, ids, change::Verb::Reset),
        Command::Validate { file } => validate::validate(&source, file.as_deref()),
        Command::Profiles { json } => profiles::profiles(&args.profile, *json),
        Command::Note {
            id,
            message,
            show,
            clear,
        } => note::note(&open(source, args)?, id, message.as_deref(), *show, *clear),
        Command::Search { text, json } => {
            search::search(&View::open(source, args)?, &text.join(" "), *json)
        }
        Command::Goal { date, clear } => {
            goal::goal(&open(source, args)?, date.as_deref(), *clear, now)
        }
    }
}

fn open(source: RoadmapSource, args: &Args) -> Result<Session, Failure> {
    Ok(Session::open(source, &args.profile)?)
}

/// A read-only look at the profile's progress on the roadmap.
pub(crate) struct View {
    pub session: Session,
    pub profile: Profile,
    pub states: Vec<SkillState>,
    pub eval: Evaluation,
}

impl View {
    fn open(source: RoadmapSource, args: &Args) -> Result<View, Failure> {
        let session = open(source, args)?;
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

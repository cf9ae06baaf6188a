//! The scriptable command-line interface: subcommands that print text or JSON.

pub mod args;

use std::process::ExitCode;

pub use args::{Args, Command};

/// Runs one subcommand and returns the process exit code.
pub fn run(args: &Args, command: &Command) -> ExitCode {
    let _ = (args, command);
    ExitCode::FAILURE
}

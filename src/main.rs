//! The `roadmap` binary: parse arguments, then hand over to the CLI or the TUI.

use std::process::ExitCode;

use clap::Parser;
use roadmap::cli::{self, Args};
use roadmap::tui;

fn main() -> ExitCode {
    let args = Args::parse();
    match &args.command {
        Some(command) => cli::run(&args, command),
        None => tui::run(&args),
    }
}

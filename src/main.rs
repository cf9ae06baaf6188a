//! The `roadmap` binary: parse arguments, then hand over to the CLI or the TUI.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use roadmap::cli::{self, Args};
use roadmap::model::text::clean_multiline;
use roadmap::tui;

fn main() -> ExitCode {
    // A completion script asking for candidates: answer and exit.
    clap_complete::CompleteEnv::with_factory(<Args as clap::CommandFactory>::command)
        .var(cli::completions::COMPLETE_ENV)
        .complete();
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(err) => {
            // Usage errors quote what was typed: clean it like any other
            // outside text before it reaches the terminal.
            let text = err.render().to_string();
            let text = clean_multiline(&text);
            let _ = if err.use_stderr() {
                std::io::stderr().write_all(text.as_bytes())
            } else {
                std::io::stdout().write_all(text.as_bytes())
            };
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    match &args.command {
        Some(command) => cli::run(&args, command),
        // The interactive view does not start on a broken config file.
        None => match cli::options(&args) {
            Ok(options) => tui::run(&options),
            Err(failure) => cli::report(&failure),
        },
    }
}

//! `roadmap config path|default|check [FILE]`.

use std::path::Path;

use super::Failure;
use super::args::ConfigAction;
use crate::config;

pub fn config(action: &ConfigAction) -> Result<(), Failure> {
    match action {
        ConfigAction::Path => super::out::emit(&path_text()),
        ConfigAction::Default => super::out::emit(&config::default_text()),
        ConfigAction::Check { file } => check(file.as_deref()),
    }
}

fn path_text() -> String {
    match config::path() {
        Some(p) => {
            let state = if p.exists() {
                ""
            } else {
                " (not there: the built-in defaults apply)"
            };
            format!("{}{state}\n", p.display())
        }
        None => format!(
            "no config folder: HOME is not set; set {} to a config file\n",
            config::CONFIG_ENV
        ),
    }
}

fn check(file: Option<&Path>) -> Result<(), Failure> {
    let path = match file {
        Some(f) => f.to_path_buf(),
        None => match config::path() {
            Some(p) if p.exists() => p,
            Some(p) => {
                return super::out::emit(&format!(
                    "{}: no config file; the built-in defaults apply\n",
                    p.display()
                ));
            }
            None => return super::out::emit("no config file; the built-in defaults apply\n"),
        },
    };
    config::load_file(&path).map_err(Failure::Config)?;
    super::out::emit(&format!("{}: ok\n", path.display()))
}

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
    let parsed = config::read(&path).map_err(|e| Failure::Config(e.into()))?;
    let mut problems = parsed.problems;
    if let Some(problem) = roadmap_problem(&parsed.config.defaults, parsed.roadmap_at, &path) {
        problems.push(problem);
        problems.sort_by_key(|p| p.at);
    }
    if !problems.is_empty() {
        return Err(Failure::Config(config::ConfigErrors(problems)));
    }
    super::out::emit(&format!("{}: ok\n", path.display()))
}

/// `[defaults] roadmap` must name a roadmap that loads: a file (relative to
/// the config file's folder), a library roadmap's id, or `builtin`.
fn roadmap_problem(
    defaults: &config::Defaults,
    at: Option<(usize, usize)>,
    path: &Path,
) -> Option<config::ConfigError> {
    let named = defaults.roadmap.as_deref()?;
    let error = crate::session::RoadmapSource::resolve(Some(named))
        .load()
        .err()?;
    let first = error.to_string();
    let first = first.lines().next().unwrap_or_default();
    let more = match error.problems.len() {
        0 | 1 => String::new(),
        n => format!(
            " (and {} more problems: `roadmap validate` lists them)",
            n - 1
        ),
    };
    Some(config::ConfigError {
        file: path.display().to_string(),
        at,
        problem: format!("[defaults] roadmap does not load: {first}{more}"),
        help: "name a roadmap file (relative paths start at this file's folder), a library \
               roadmap's id or builtin (`roadmap roadmaps` lists them), or remove the line to \
               use the roadmap chosen with `roadmap use`"
            .to_string(),
        view_only: false,
    })
}

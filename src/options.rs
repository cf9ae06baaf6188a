//! The options a run uses, resolved once: a flag, else the environment
//! (clap reads both into [`crate::cli::Args`]), else the config file's
//! `[defaults]`, else (for the roadmap) the one chosen with `roadmap use`,
//! else the built-in. The CLI and the TUI both take this.

use std::path::Path;

use crate::config::{self, Config, ConfigError, ConfigErrors};
use crate::session::{RoadmapSource, Session, SessionError};

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub roadmap: RoadmapSource,
    pub profile: String,
    /// Keys, colours and defaults from the config file.
    pub config: Config,
    /// Who named the roadmap: what to do when it does not load.
    pub origin: Origin,
}

/// Where the roadmap of a run was named.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Origin {
    /// Nothing named one: the built-in roadmap.
    #[default]
    Builtin,
    /// `--roadmap` or `ROADMAP_FILE`.
    Named,
    /// The config file's `[defaults] roadmap`, at `file:line`.
    Config(String),
    /// The roadmap chosen with `roadmap use`.
    InUse,
}

impl Origin {
    /// How to get going again when the roadmap named this way does not
    /// load.
    pub fn help(&self) -> Option<String> {
        match self {
            // Named on the command line (or in ROADMAP_FILE): the learner
            // knows where it comes from.
            Origin::Builtin | Origin::Named => None,
            Origin::Config(at) => Some(format!(
                "the roadmap is named by [defaults] roadmap in {at}: fix that line or remove \
                 it (`roadmap config check` checks the file)"
            )),
            Origin::InUse => Some(
                "this is the roadmap in use (chosen with `roadmap use`): fix the file, or go \
                 back to the built-in roadmap with `roadmap use builtin` (`roadmap roadmaps` \
                 lists the others)"
                    .to_string(),
            ),
        }
    }
}

impl Options {
    /// `roadmap` and `profile` as given by a flag or the environment
    /// (`None`: not given), over `config`.
    pub fn resolve(roadmap: Option<&Path>, profile: Option<&str>, config: Config) -> Options {
        let origin = match (roadmap, &config.defaults.roadmap) {
            (Some(_), _) => Origin::Named,
            (None, Some(_)) => Origin::Config(
                config
                    .defaults
                    .roadmap_from
                    .clone()
                    .unwrap_or_else(|| "the config file".to_string()),
            ),
            (None, None) => Origin::Builtin,
        };
        let roadmap = RoadmapSource::from_option(roadmap.or(config.defaults.roadmap.as_deref()));
        let profile = profile
            .or(config.defaults.profile.as_deref())
            .unwrap_or(crate::store::DEFAULT_PROFILE)
            .to_string();
        Options {
            roadmap,
            profile,
            config,
            origin,
        }
    }

    /// As [`Options::resolve`], reading the config file in use for the
    /// interactive view (any problem in it is an error); the roadmap named
    /// (by a flag, the environment or the config) may also be an imported
    /// roadmap's id, and without one the roadmap chosen with `roadmap use`
    /// is used (see [`crate::library::resolve`]).
    pub fn load(roadmap: Option<&Path>, profile: Option<&str>) -> Result<Options, ConfigErrors> {
        Ok(Options::with(roadmap, profile, config::load()?))
    }

    /// As [`Options::load`], for a command that does not open the view:
    /// problems of the config file that concern the view only (keys,
    /// colours) are returned as warnings instead of errors.
    pub fn load_for_commands(
        roadmap: Option<&Path>,
        profile: Option<&str>,
    ) -> Result<(Options, Vec<ConfigError>), ConfigErrors> {
        let (config, warnings) = config::load_for_commands()?;
        Ok((Options::with(roadmap, profile, config), warnings))
    }

    fn with(roadmap: Option<&Path>, profile: Option<&str>, config: Config) -> Options {
        let named = roadmap
            .map(Path::to_path_buf)
            .or_else(|| config.defaults.roadmap.clone());
        let mut options = Options::resolve(roadmap, profile, config);
        options.roadmap = RoadmapSource::resolve(named.as_deref());
        if named.is_none() && options.roadmap != RoadmapSource::Builtin {
            options.origin = Origin::InUse;
        }
        options
    }

    /// The roadmap and the profile of this run; a roadmap that does not
    /// load says how to get going again ([`Origin::help`]).
    pub fn open_session(&self) -> Result<Session, SessionError> {
        Session::open(self.roadmap.clone(), &self.profile).map_err(|e| {
            match (e, self.origin.help()) {
                (SessionError::Roadmap(error), Some(help)) => {
                    SessionError::Unloadable { error, help }
                }
                (e, _) => e,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::config::Defaults;

    #[test]
    fn a_flag_or_the_environment_beats_the_config_which_beats_the_built_in() {
        let config = Config {
            defaults: Defaults {
                profile: Some("work".into()),
                roadmap: Some(PathBuf::from("/r.json")),
                roadmap_from: Some("config.toml:3".into()),
            },
            ..Config::default()
        };
        let o = Options::resolve(None, None, config.clone());
        assert_eq!(o.profile, "work");
        assert_eq!(o.roadmap, RoadmapSource::File("/r.json".into()));
        assert_eq!(o.origin, Origin::Config("config.toml:3".into()));
        assert!(o.origin.help().unwrap().contains("config.toml:3"));
        let o = Options::resolve(Some(Path::new("/f.json")), Some("cli"), config);
        assert_eq!(o.profile, "cli");
        assert_eq!(o.roadmap, RoadmapSource::File("/f.json".into()));
        assert_eq!(o.origin, Origin::Named);
        let o = Options::resolve(None, None, Config::default());
        assert_eq!(o.profile, "default");
        assert_eq!(o.roadmap, RoadmapSource::Builtin);
    }
}

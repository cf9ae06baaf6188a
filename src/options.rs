//! The options a run uses, resolved once: a flag, else the environment
//! (clap reads both into [`crate::cli::Args`]), else the config file's
//! `[defaults]`, else (for the roadmap) the one chosen with `roadmap use`,
//! else the built-in. The CLI and the TUI both take this.

use std::path::Path;

use crate::config::{self, Config, ConfigError};
use crate::session::RoadmapSource;

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub roadmap: RoadmapSource,
    pub profile: String,
    /// Keys, colours and defaults from the config file.
    pub config: Config,
}

impl Options {
    /// `roadmap` and `profile` as given by a flag or the environment
    /// (`None`: not given), over `config`.
    pub fn resolve(roadmap: Option<&Path>, profile: Option<&str>, config: Config) -> Options {
        let roadmap = RoadmapSource::from_option(roadmap.or(config.defaults.roadmap.as_deref()));
        let profile = profile
            .or(config.defaults.profile.as_deref())
            .unwrap_or(crate::store::DEFAULT_PROFILE)
            .to_string();
        Options {
            roadmap,
            profile,
            config,
        }
    }

    /// As [`Options::resolve`], reading the config file in use; the
    /// roadmap named (by a flag, the environment or the config) may also be
    /// an imported roadmap's id, and without one the roadmap chosen with
    /// `roadmap use` is used (see [`crate::library::resolve`]).
    pub fn load(roadmap: Option<&Path>, profile: Option<&str>) -> Result<Options, ConfigError> {
        let config = config::load()?;
        let named = roadmap
            .map(Path::to_path_buf)
            .or_else(|| config.defaults.roadmap.clone());
        let mut options = Options::resolve(roadmap, profile, config);
        options.roadmap = RoadmapSource::resolve(named.as_deref());
        Ok(options)
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
            },
            ..Config::default()
        };
        let o = Options::resolve(None, None, config.clone());
        assert_eq!(o.profile, "work");
        assert_eq!(o.roadmap, RoadmapSource::File("/r.json".into()));
        let o = Options::resolve(Some(Path::new("/f.json")), Some("cli"), config);
        assert_eq!(o.profile, "cli");
        assert_eq!(o.roadmap, RoadmapSource::File("/f.json".into()));
        let o = Options::resolve(None, None, Config::default());
        assert_eq!(o.profile, "default");
        assert_eq!(o.roadmap, RoadmapSource::Builtin);
    }
}

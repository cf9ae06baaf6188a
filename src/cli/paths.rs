//! `roadmap paths`: the version, the profile format version, and where data
//! and config live.

use super::Failure;
use crate::model::PROFILE_VERSION;

pub fn paths() -> Result<(), Failure> {
    let data = match crate::store::paths::data_dir() {
        Ok(d) => d.display().to_string(),
        Err(e) => format!("unknown ({e})"),
    };
    let config = crate::config::path().map_or_else(
        || {
            format!(
                "unknown (HOME is not set; set {})",
                crate::config::CONFIG_ENV
            )
        },
        |p| {
            let missing = if p.exists() {
                ""
            } else {
                " (not there: built-in defaults)"
            };
            format!("{}{missing}", p.display())
        },
    );
    super::out::emit(&format!(
        "roadmap {}\nprofile format: {PROFILE_VERSION}\ndata folder:    {data}\nconfig file:    {config}\n",
        env!("CARGO_PKG_VERSION")
    ))
}

//! `roadmap profiles`: the profiles in the data folder.

use serde::Serialize;

use super::Failure;
use super::out::{self, line};
use crate::model::text::clean;
use crate::store::{data_dir, list_profiles};

#[derive(Serialize)]
struct ProfilesJson<'a> {
    folder: String,
    selected: &'a str,
    profiles: Vec<ProfileJson<'a>>,
}

#[derive(Serialize)]
struct ProfileJson<'a> {
    name: &'a str,
    selected: bool,
}

pub fn profiles(selected: &str, json: bool) -> Result<(), Failure> {
    crate::store::check_name(selected)?;
    let dir = data_dir()?;
    let names = list_profiles(&dir)?;
    let folder = dir.display().to_string();
    if json {
        return out::emit_json(&ProfilesJson {
            folder,
            selected,
            profiles: names
                .iter()
                .map(|n| ProfileJson {
                    name: n,
                    selected: n == selected,
                })
                .collect(),
        });
    }
    let folder = clean(&folder);
    let mut text = String::new();
    if names.is_empty() {
        line!(text, "No profiles yet. They are saved in {folder}");
        line!(
            text,
            "when you first mark a skill, e.g. 'roadmap done ID' (profile '{selected}')."
        );
        return out::emit(&text);
    }
    line!(text, "Profiles in {folder}:");
    for n in &names {
        if n == selected {
            line!(text, "* {n} (selected)");
        } else {
            line!(text, "  {n}");
        }
    }
    if !names.iter().any(|n| n == selected) {
        line!(text);
        line!(
            text,
            "Selected: {selected} (nothing saved yet; it is created when you first mark a skill)"
        );
    }
    line!(text);
    line!(
        text,
        "Choose one with --profile NAME or ROADMAP_PROFILE=NAME."
    );
    out::emit(&text)
}

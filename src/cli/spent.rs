//! `roadmap spent ID DURATION`: time really spent on a skill, an
//! append-only entry of the profile (a negative duration takes back time
//! logged by mistake). The skill's estimate stays as it is.

use super::out::{self, line};
use super::{Failure, lookup};
use crate::model::review::duration::{self, format as minutes};
use crate::session::Session;

pub fn spent(session: &Session, typed: &str, text: &str) -> Result<(), Failure> {
    let roadmap = &session.roadmap;
    let Some(skill) = lookup::find_skill(roadmap, typed) else {
        return Err(Failure::User {
            lines: vec![lookup::not_a_skill(roadmap, typed)],
            help: Some("nothing was logged; run 'roadmap list' to see the skill ids".to_string()),
        });
    };
    let logged = duration::parse(text).map_err(|e| Failure::User {
        lines: vec![format!("'{}' {e}; nothing was logged", lookup::echo(text))],
        help: Some(format!(
            "for example: roadmap spent {} 45m (or 1.5h, 2h30m; -30m takes time back)",
            roadmap.skills[skill].id
        )),
    })?;
    let (profile, _) = session
        .store
        .update_now(|p, now| p.log_spent(roadmap, skill, logged, now))?;
    let total = profile.minutes_spent(roadmap, skill);
    let name = lookup::skill_name(roadmap, skill);
    let estimate = match roadmap.skills[skill].hours {
        Some(h) => format!("; estimate {h} h"),
        None => String::new(),
    };
    let mut text = String::new();
    if logged > 0 {
        line!(
            text,
            "Logged {} on {name} ({} in all{estimate}).",
            minutes(i64::from(logged)),
            minutes(total)
        );
    } else {
        line!(
            text,
            "Took back {} on {name} ({} in all{estimate}).",
            minutes(i64::from(logged).abs()),
            minutes(total)
        );
    }
    out::emit(&text)
}

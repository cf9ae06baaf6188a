//! The JSON export. Its shape is documented in docs/export.md; keys are
//! only ever added.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::Export;
use crate::cli::Failure;
use crate::cli::review::rounded;
use crate::cli::stats::{StatsJson, stats_json};
use crate::cli::status::ProgressJson;
use crate::model::Status;
use crate::model::journal::ActivityKind;
use crate::model::review::Grade;
use crate::model::text::clean_multiline;

/// Bumped only when a key changes meaning or goes away.
const EXPORT_VERSION: u32 = 1;

#[derive(Serialize)]
struct ExportJson<'a> {
    export: &'static str,
    version: u32,
    roadmap: RoadmapJson<'a>,
    profile: &'a str,
    #[serde(serialize_with = "super::seconds_option")]
    as_of: Option<DateTime<Utc>>,
    progress: ProgressJson,
    stages: Vec<StageJson<'a>>,
    history: Vec<HistoryJson<'a>>,
    stats: Option<StatsJson<'a>>,
}

#[derive(Serialize)]
struct RoadmapJson<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
}

#[derive(Serialize)]
struct StageJson<'a> {
    id: &'a str,
    title: &'a str,
    /// The same fields as the top level's `progress`, as `status --json`.
    #[serde(flatten)]
    progress: ProgressJson,
    skills: Vec<SkillJson<'a>>,
}

#[derive(Serialize)]
struct SkillJson<'a> {
    id: &'a str,
    title: &'a str,
    status: &'static str,
    optional: bool,
    counted: bool,
    hours: Option<u32>,
    #[serde(serialize_with = "super::seconds_option")]
    started: Option<DateTime<Utc>>,
    #[serde(serialize_with = "super::seconds_option")]
    done: Option<DateTime<Utc>>,
    #[serde(serialize_with = "super::seconds_option")]
    changed: Option<DateTime<Utc>>,
    /// The learner's note, Markdown (line breaks kept, control characters
    /// replaced), or null.
    note: Option<String>,
    /// The review schedule of a done skill (null otherwise), as of `as_of`.
    review: Option<ReviewJson>,
    /// Minutes logged on the skill (`roadmap spent`), 0 without any.
    logged_minutes: i64,
}

#[derive(Serialize)]
struct ReviewJson {
    /// The UTC day the next review is due.
    due: NaiveDate,
    /// The probability of recall as of `as_of`, 0 to 1.
    retrievability: f64,
    stability_days: f64,
    difficulty: f64,
    /// Reviews since it was marked done.
    reviews: u32,
    /// The last review (or when it was marked done, before the first).
    #[serde(serialize_with = "super::seconds")]
    last_reviewed: DateTime<Utc>,
    last_grade: Option<Grade>,
    interval_days: u32,
}

#[derive(Serialize)]
struct HistoryJson<'a> {
    /// "status" or "note" (the note's latest stamp; its text is under the
    /// skill).
    kind: &'static str,
    #[serde(serialize_with = "super::seconds")]
    at: DateTime<Utc>,
    skill: &'a str,
    /// Null for a note.
    from: Option<&'static str>,
    to: Option<&'static str>,
    /// A review's grade (only for `kind` `review`).
    #[serde(skip_serializing_if = "Option::is_none")]
    grade: Option<Grade>,
    /// A time entry's minutes (only for `kind` `spent`).
    #[serde(skip_serializing_if = "Option::is_none")]
    minutes: Option<i32>,
}

pub fn render(e: &Export) -> Result<String, Failure> {
    let view = e.view;
    let roadmap = &view.session.roadmap;
    let overall = view.eval.overall;
    let value = ExportJson {
        export: "roadmap",
        version: EXPORT_VERSION,
        roadmap: RoadmapJson {
            id: &roadmap.id,
            title: &roadmap.title,
            description: &roadmap.description,
        },
        profile: view.session.store.name(),
        as_of: e.as_of,
        progress: (&overall).into(),
        stages: roadmap
            .stages
            .iter()
            .zip(&view.eval.stages)
            .map(|(stage, tally)| StageJson {
                id: &stage.id,
                title: &stage.title,
                progress: tally.into(),
                skills: stage
                    .skills
                    .clone()
                    .map(|s| {
                        let skill = &roadmap.skills[s];
                        let state = view.states[s];
                        SkillJson {
                            id: &skill.id,
                            title: &skill.title,
                            status: state.status.as_str(),
                            optional: skill.optional,
                            counted: view.eval.counted[s],
                            hours: skill.hours,
                            started: state.started_at,
                            done: state.done_at.filter(|_| state.status == Status::Done),
                            changed: state.changed,
                            note: view
                                .profile
                                .note(roadmap, s)
                                .map(|n| clean_multiline(&n.text).into_owned()),
                            review: e.review(s).map(|(c, memory)| ReviewJson {
                                due: c.due,
                                retrievability: rounded(memory, 4),
                                stability_days: rounded(f64::from(c.stability), 2),
                                difficulty: rounded(f64::from(c.difficulty), 2),
                                reviews: c.reviews,
                                last_reviewed: c.last,
                                last_grade: c.last_grade,
                                interval_days: c.interval,
                            }),
                            logged_minutes: e.logged(s),
                        }
                    })
                    .collect(),
            })
            .collect(),
        history: e
            .activities
            .iter()
            .map(|a| {
                let (kind, from, to) = match a.kind {
                    ActivityKind::Status { from, to } => {
                        ("status", Some(from.as_str()), Some(to.as_str()))
                    }
                    ActivityKind::Note => ("note", None, None),
                    ActivityKind::Review(_) => ("review", None, None),
                    ActivityKind::Spent(_) => ("spent", None, None),
                };
                HistoryJson {
                    kind,
                    at: a.at,
                    skill: &roadmap.skills[a.skill].id,
                    from,
                    to,
                    grade: match a.kind {
                        ActivityKind::Review(g) => Some(g),
                        _ => None,
                    },
                    minutes: match a.kind {
                        ActivityKind::Spent(m) => Some(m),
                        _ => None,
                    },
                }
            })
            .collect(),
        stats: e
            .stats
            .as_ref()
            .map(|s| stats_json(roadmap, s, view.profile.goal(&roadmap.id))),
    };
    let mut text = serde_json::to_string_pretty(&value).map_err(|e| Failure::Output(e.into()))?;
    text.push('\n');
    Ok(text)
}

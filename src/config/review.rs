//! `[review]` and `[today]`: the review schedule's desired retention, when
//! a faded prerequisite is offered for review, and today's plan.

use std::ops::Range;

use toml::Spanned;

use crate::model::review::Settings;

/// The values written in `[review]` and `[today]`, each with its place.
#[derive(Default)]
pub(super) struct Raw {
    pub retention: Option<Spanned<f64>>,
    pub prerequisite_memory: Option<Spanned<f64>>,
    pub minutes: Option<Spanned<i64>>,
    pub reviews: Option<Spanned<i64>>,
    pub review_minutes: Option<Spanned<i64>>,
}

/// The settings of each table, as `[TABLE] NAME`.
pub(super) const REVIEW: &[&str] = &["retention", "prerequisite_memory"];
pub(super) const TODAY: &[&str] = &["minutes", "reviews", "review_minutes"];

/// A refused value: where, what, what to do.
pub(super) type Refusal = (Range<usize>, String, String);

fn fraction(
    value: Option<&Spanned<f64>>,
    name: &str,
    range: std::ops::RangeInclusive<f64>,
    default: f64,
    what: &str,
    refused: &mut Vec<Refusal>,
) -> f64 {
    let Some(v) = value else { return default };
    let x = *v.get_ref();
    if range.contains(&x) {
        return x;
    }
    refused.push((
        v.span(),
        format!(
            "{name} = {x} is outside {:.2}–{:.2}",
            range.start(),
            range.end()
        ),
        format!("{what}; write a number such as {default:.2} (a probability, not a percentage)"),
    ));
    default
}

fn count(
    value: Option<&Spanned<i64>>,
    name: &str,
    range: std::ops::RangeInclusive<i64>,
    default: u32,
    what: &str,
    refused: &mut Vec<Refusal>,
) -> u32 {
    let Some(v) = value else { return default };
    let x = *v.get_ref();
    match u32::try_from(x) {
        Ok(n) if range.contains(&x) => n,
        _ => {
            refused.push((
                v.span(),
                format!("{name} = {x} is outside {}–{}", range.start(), range.end()),
                format!("{what}; write a whole number such as {default}"),
            ));
            default
        }
    }
}

/// The settings from the two tables (absent or refused ones at their
/// defaults) and every value refused.
pub(super) fn settings(raw: &Raw) -> (Settings, Vec<Refusal>) {
    let d = Settings::default();
    let mut refused = Vec::new();
    let r = &mut refused;
    let settings = Settings {
        retention: fraction(
            raw.retention.as_ref(),
            "retention",
            Settings::RETENTION,
            d.retention,
            "the share of skills you want to still recall when their review comes: \
             higher means more reviews (Anki keeps it below 0.97)",
            r,
        ),
        prerequisite_memory: fraction(
            raw.prerequisite_memory.as_ref(),
            "prerequisite_memory",
            0.0..=1.0,
            d.prerequisite_memory,
            "a suggested skill's prerequisite recalled with less than this chance is offered \
             for review first",
            r,
        ),
        minutes: count(
            raw.minutes.as_ref(),
            "minutes",
            1..=1440,
            d.minutes,
            "today's time in minutes when no goal is set (at most a day)",
            r,
        ),
        reviews_per_day: count(
            raw.reviews.as_ref(),
            "reviews",
            0..=10_000,
            d.reviews_per_day,
            "the most reviews today's plan offers a day",
            r,
        ),
        review_minutes: count(
            raw.review_minutes.as_ref(),
            "review_minutes",
            1..=240,
            d.review_minutes,
            "the minutes one review takes in today's plan",
            r,
        ),
    };
    (settings, refused)
}

/// The two tables as `roadmap config default` prints them.
pub(super) fn default_text() -> String {
    let d = Settings::default();
    format!(
        "[review]\n\
         # Spaced review of done skills (FSRS, Anki's scheduler). The chance of still\n\
         # recalling a skill when its review comes, 0.70 to 0.97: higher means more reviews.\n\
         retention = {:.2}\n\
         # A suggested skill's prerequisite you recall with less than this chance\n\
         # is offered for review before the suggestion.\n\
         prerequisite_memory = {:.2}\n\
         \n\
         [today]\n\
         # `roadmap today` and the Today view: reviews first, then next steps.\n\
         # Today's time in minutes when no goal is set (with a goal: its hours a week / 7).\n\
         minutes = {}\n\
         # The most reviews offered a day, and the minutes each takes in the plan.\n\
         reviews = {}\n\
         review_minutes = {}\n",
        d.retention, d.prerequisite_memory, d.minutes, d.reviews_per_day, d.review_minutes
    )
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use crate::model::review::Settings;

    #[test]
    fn the_tables_set_the_review_and_todays_plan() {
        let c = parse(
            "[review]\nretention = 0.85\nprerequisite_memory = 0.5\n[today]\nminutes = 90\nreviews = 5\nreview_minutes = 3\n",
            "c",
        )
        .unwrap();
        assert_eq!(
            c.review,
            Settings {
                retention: 0.85,
                prerequisite_memory: 0.5,
                minutes: 90,
                reviews_per_day: 5,
                review_minutes: 3,
            }
        );
        assert_eq!(parse("", "c").unwrap().review, Settings::default());
        // Whole numbers are numbers too.
        assert!(parse("[review]\nprerequisite_memory = 1\n", "c").is_ok());
    }

    #[test]
    fn out_of_range_values_are_refused_with_file_line_and_column() {
        for (text, at, problem) in [
            (
                "[review]\nretention = 0.99\n",
                (2, 13),
                "retention = 0.99 is outside 0.70–0.97",
            ),
            (
                "\n[review]\nretention = 90\n",
                (3, 13),
                "retention = 90 is outside 0.70–0.97",
            ),
            ("[review]\nretention = 0.5\n", (2, 13), "outside 0.70–0.97"),
            (
                "[today]\nminutes = 0\n",
                (2, 11),
                "minutes = 0 is outside 1–1440",
            ),
            (
                "[today]\nreviews = -1\n",
                (2, 11),
                "reviews = -1 is outside 0–10000",
            ),
            ("[today]\nreview_minutes = 999\n", (2, 18), "outside 1–240"),
            (
                "[review]\nprerequisite_memory = 1.5\n",
                (2, 23),
                "outside 0.00–1.00",
            ),
        ] {
            let e = parse(text, "config.toml").unwrap_err();
            assert_eq!(e.at, Some(at), "{text}: {e}");
            assert!(e.problem.contains(problem), "{text}: {e}");
            assert!(e.to_string().starts_with("config.toml:"), "{e}");
        }
        let e = parse("[review]\nretention = 90\n", "c").unwrap_err();
        assert!(e.help.contains("not a percentage"), "{e}");
    }

    #[test]
    fn wrong_names_and_types_are_refused_plainly() {
        let e = parse("[review]\nretension = 0.9\n", "c").unwrap_err();
        assert_eq!(e.at, Some((2, 1)));
        assert!(e.problem.contains("'retention'"), "{e}");
        let e = parse("[today]\nminutes = \"an hour\"\n", "c").unwrap_err();
        assert!(e.problem.contains("a whole number"), "{e}");
        let e = parse("[review]\nretention = \"90%\"\n", "c").unwrap_err();
        assert!(e.problem.contains("a number"), "{e}");
    }
}

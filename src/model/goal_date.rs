//! Reading a goal date as the learner types it, the same for `roadmap goal`
//! and the view's prompt: `YYYY-MM-DD`, with spaces around allowed.

use chrono::NaiveDate;

/// The date `typed` names, or what is wrong with it, in the learner's
/// words.
pub fn parse(typed: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(typed.trim(), "%Y-%m-%d").map_err(|_| {
        format!(
            "'{}' is not a date: write it as YYYY-MM-DD, for example 2027-06-30",
            super::text::clip(typed.trim(), 40)
        )
    })
}

/// True when `date` is already behind `today` (the learner's day): the
/// goal is kept, with a warning, and it is overdue from the start.
pub fn has_passed(date: NaiveDate, today: NaiveDate) -> bool {
    date < today
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_roadmap_goal_reads_them() {
        assert_eq!(
            parse(" 2027-06-30 "),
            NaiveDate::from_ymd_opt(2027, 6, 30).ok_or(String::new())
        );
        assert!(parse("2027-02-30").is_err());
        assert!(parse("30/06/2027").unwrap_err().contains("YYYY-MM-DD"));
        let today = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap_or_default();
        assert!(!has_passed(today, today));
        assert!(has_passed(today.pred_opt().unwrap_or_default(), today));
    }
}

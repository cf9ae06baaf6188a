//! A calendar heatmap of the last 52 weeks, laid out like GitHub's: one
//! column per week (Sunday to Saturday, top to bottom), the current week
//! last, each cell a local day shaded by how much happened that day.

use chrono::{Datelike, Days, NaiveDate};

use super::days::DayCounts;

/// Columns (weeks) in the heatmap.
pub const WEEKS: usize = 52;

/// Shades for levels 0 to 4 that read without colour (`NO_COLOR`): a dot
/// for a day without activity, then ever darker blocks.
pub const SHADES: [char; 5] = ['·', '░', '▒', '▓', '█'];

/// What a cell counts, as the legend names it after the last level.
pub const COUNTED: &str = "events a day";

/// The smallest count of each level, 1 to 4, for legends.
pub const LEVEL_FROM: [u32; 4] = [1, 2, 4, 7];

/// The shade level of a day with `count` events: 0 for none, then 1, 2–3,
/// 4–6 and 7 or more. A fixed scale (rather than one relative to the
/// busiest day) so one exceptional day does not wash out the rest and the
/// same day always looks the same.
pub fn level(count: u32) -> u8 {
    match count {
        0 => 0,
        1 => 1,
        2..=3 => 2,
        4..=6 => 3,
        _ => 4,
    }
}

/// One day of the heatmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub date: NaiveDate,
    pub count: u32,
    pub level: u8,
    /// After today: drawn blank.
    pub future: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heatmap {
    /// The Sunday of the first column.
    pub first: NaiveDate,
    pub today: NaiveDate,
    /// `WEEKS` columns, oldest first; each Sunday to Saturday.
    pub weeks: Vec<[Cell; 7]>,
}

/// The Sunday on or before `d`.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    let back = u64::from(d.weekday().num_days_from_sunday());
    d.checked_sub_days(Days::new(back)).unwrap_or(d)
}

fn add_days(d: NaiveDate, n: usize) -> NaiveDate {
    d.checked_add_days(Days::new(n as u64)).unwrap_or(d)
}

/// The heatmap of the 52 weeks up to the week of `today`.
pub fn heatmap(days: &DayCounts, today: NaiveDate) -> Heatmap {
    let this_week = week_start(today);
    let first = this_week
        .checked_sub_days(Days::new(7 * (WEEKS as u64 - 1)))
        .unwrap_or(this_week);
    let weeks = (0..WEEKS)
        .map(|w| {
            std::array::from_fn(|d| {
                let date = add_days(first, 7 * w + d);
                let count = days.get(&date).copied().unwrap_or(0);
                Cell {
                    date,
                    count,
                    level: level(count),
                    future: date > today,
                }
            })
        })
        .collect();
    Heatmap {
        first,
        today,
        weeks,
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Cells taken by the weekday labels in front of each row.
pub const LABEL_CELLS: usize = 4;

impl Heatmap {
    /// The cell of `date`, if it is in the heatmap: (week, weekday row).
    pub fn position(&self, date: NaiveDate) -> Option<(usize, usize)> {
        let offset = usize::try_from((date - self.first).num_days()).ok()?;
        (offset < WEEKS * 7).then_some((offset / 7, offset % 7))
    }

    /// Days with activity and events in the heatmap's window.
    pub fn totals(&self) -> (usize, u32) {
        let cells = self.weeks.iter().flatten();
        cells.fold((0, 0), |(days, events), c| {
            (days + usize::from(c.count > 0), events + c.count)
        })
    }

    /// The month labels line: a month's name over the first week that
    /// starts in it (the last may run two cells past the grid),
    /// after the weekday label column.
    pub fn month_line(&self) -> String {
        let mut line: Vec<char> = vec![' '; LABEL_CELLS + WEEKS + 2];
        let mut free_from = 0;
        for (w, week) in self.weeks.iter().enumerate() {
            let sunday = week[0].date;
            // A column starts a month when its Sunday is in the month's
            // first seven days; the first column only then too.
            if sunday.day() > 7 {
                continue;
            }
            let at = LABEL_CELLS + w;
            if at < free_from {
                continue;
            }
            let name = MONTHS[sunday.month0() as usize];
            for (i, c) in name.chars().enumerate() {
                if let Some(slot) = line.get_mut(at + i) {
                    *slot = c;
                }
            }
            free_from = at + name.len() + 1;
        }
        line.into_iter().collect::<String>().trim_end().to_string()
    }

    /// The weekday label of row `row` (0 is Sunday): Mon, Wed and Fri
    /// only, like GitHub.
    pub fn weekday_label(row: usize) -> &'static str {
        match row {
            1 => "Mon ",
            3 => "Wed ",
            5 => "Fri ",
            _ => "    ",
        }
    }

    /// The seven rows as text: weekday label, then one shade per week
    /// ([`SHADES`]; days after today blank).
    pub fn rows(&self) -> Vec<String> {
        (0..7)
            .map(|row| {
                let mut s = String::from(Heatmap::weekday_label(row));
                for week in &self.weeks {
                    let cell = week[row];
                    s.push(if cell.future {
                        ' '
                    } else {
                        SHADES[usize::from(cell.level)]
                    });
                }
                s.trim_end().to_string()
            })
            .collect()
    }

    /// The legend: `Less · ░ ▒ ▓ █ More` spelled out with the counts.
    pub fn legend() -> String {
        format!(
            "{} none  {} 1  {} 2–3  {} 4–6  {} 7+ {COUNTED}",
            SHADES[0], SHADES[1], SHADES[2], SHADES[3], SHADES[4]
        )
    }
}

//! Snapshots of the screens this work changed: a filter on, the details
//! scrolled to a link, search over descriptions; at 80×24 and 120×40.

use chrono::FixedOffset;
use insta::assert_snapshot;

use super::{TUI, app_with, draw, now, run, skill};
use crate::model::Status;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::view::text::Zone;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn mid() -> App {
    app_with(
        TUI,
        &[
            ("internet", Status::Done, 20),
            ("http", Status::Done, 12),
            ("terminal", Status::Done, 10),
            ("python", Status::Done, 3),
            ("language-deep", Status::Doing, 2),
            ("web-history", Status::Skipped, 5),
        ],
    )
    // A zone east of UTC: the snapshots show local dates, whatever the
    // machine running the tests.
    .with_zone(Zone::Fixed(FixedOffset::east_opt(10 * 3600).unwrap()))
}

fn check(name: &str, make: impl Fn((u16, u16)) -> App) {
    for (w, h) in SIZES {
        let a = make((w, h));
        assert_snapshot!(format!("{name}_{w}x{h}"), draw(&a, w, h).backend());
    }
}

fn sized((w, h): (u16, u16)) -> App {
    let mut a = mid();
    a.update(Action::Resize(w, h), now());
    a
}

#[test]
fn filter_unfinished_on_a_stage_with_a_choice() {
    check("filter_unfinished", |size| {
        let mut a = sized(size);
        a.select_stage(1);
        run(&mut a, [Action::NextFilter]);
        a
    });
}

#[test]
fn filter_with_nothing_to_show() {
    check("filter_empty", |size| {
        let mut a = sized(size);
        a.select_stage(0);
        run(
            &mut a,
            [Action::NextFilter, Action::NextFilter, Action::NextFilter],
        );
        a
    });
}

#[test]
fn details_scrolled_to_the_first_link_with_its_address() {
    check("details_link", |size| {
        let mut a = sized(size);
        a.jump_to(skill(&a, "http"));
        run(&mut a, [Action::Enter, Action::Last]);
        a
    });
}

#[test]
fn details_of_a_skill_in_progress_with_local_dates() {
    check("details_doing", |size| {
        let mut a = sized(size);
        a.jump_to(skill(&a, "language-deep"));
        run(&mut a, [Action::Enter]);
        a
    });
}

#[test]
fn search_over_descriptions() {
    check("search_index", |size| {
        let mut a = sized(size);
        run(&mut a, [Action::OpenSearch]);
        run(&mut a, "index".chars().map(Action::SearchInput));
        a
    });
}

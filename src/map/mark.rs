//! How a node's state is written: one function ([`mark`]) for the TUI's
//! map and every export, so a new state (due for review) is one line here.

use crate::model::{Evaluation, SkillState, Status};

/// What a node on the map says about a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    Done,
    Doing,
    Todo,
    Skipped,
    /// Todo, and some prerequisite is not finished yet.
    Locked,
    /// Done, and due for review.
    Due,
}

impl Mark {
    /// Every mark, in the order legends list them.
    pub const ALL: [Mark; 6] = [
        Mark::Done,
        Mark::Doing,
        Mark::Todo,
        Mark::Locked,
        Mark::Skipped,
        Mark::Due,
    ];

    /// Three cells in front of the title, readable without colour.
    pub fn text(self) -> &'static str {
        match self {
            Mark::Done => "[x]",
            Mark::Doing => "[~]",
            Mark::Todo => "[ ]",
            Mark::Skipped => "[-]",
            Mark::Locked => "[⊘]",
            Mark::Due => "[↻]",
        }
    }

    /// The word a legend uses, and the class name in the SVG and Mermaid.
    pub fn word(self) -> &'static str {
        match self {
            Mark::Done => "done",
            Mark::Doing => "doing",
            Mark::Todo => "todo",
            Mark::Skipped => "skipped",
            Mark::Locked => "locked",
            Mark::Due => "due",
        }
    }

    /// Fill and text colours of a node in pictures (SVG, DOT, Mermaid):
    /// the TUI's palette, lightened for a white page.
    pub fn colours(self) -> (&'static str, &'static str) {
        match self {
            Mark::Done => ("#d3f2dc", "#14532d"),
            Mark::Doing => ("#fdf0c2", "#713f12"),
            Mark::Todo => ("#ffffff", "#1f2328"),
            Mark::Skipped => ("#eef0f2", "#6e7781"),
            Mark::Locked => ("#f6f8fa", "#57606a"),
            Mark::Due => ("#dbe9ff", "#0a3069"),
        }
    }
}

/// The mark of skill `skill`: its status, or locked while a prerequisite
/// is unfinished and it is not started; a done skill whose review is `due`
/// is marked due.
pub fn mark(states: &[SkillState], eval: &Evaluation, skill: usize, due: bool) -> Mark {
    match states[skill].status {
        Status::Todo if !eval.unlocked[skill] => Mark::Locked,
        Status::Todo => Mark::Todo,
        Status::Doing => Mark::Doing,
        Status::Done if due => Mark::Due,
        Status::Done => Mark::Done,
        Status::Skipped => Mark::Skipped,
    }
}

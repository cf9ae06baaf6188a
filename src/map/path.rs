//! The path still to walk to a skill: every unfinished skill it needs, all
//! the way down, and their hours.

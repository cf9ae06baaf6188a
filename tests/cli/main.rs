//! End-to-end tests of the `roadmap` command line. Every test runs the real
//! binary against a fresh temporary data folder (`ROADMAP_HOME`), never the
//! user's own profiles.

// Test code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod change;
mod common;
mod list_show;
mod profiles;
mod roadmap_files;
mod status;

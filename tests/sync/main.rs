//! Sync between machines: several data folders (each a machine with its
//! own id and clock) sharing one sync folder or one git remote.

#![cfg(unix)]
// Test code: a failed unwrap is a failed test, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::many_single_char_names
)]

mod common;
mod folder;
mod git;
mod props;

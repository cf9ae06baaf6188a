//! The reliability guarantees of docs/reliability.md, each proved against
//! the real `roadmap` binary: concurrent instances, crashes mid-save,
//! corrupt profiles, roadmap changes, hostile roadmap files, unwritable
//! places and privacy. Every test uses its own temporary `ROADMAP_HOME`.

// Signals, process groups, permissions and `ulimit`: these tests are Unix's.
#![cfg(unix)]
// Test code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod concurrency;
mod corrupt;
mod crash;
mod files;
mod hostile;
mod import_content;
mod invisible;
mod library;
mod limits;
mod merge_props;
mod note_merge_props;
mod notes;
mod privacy;
mod reviews;
mod roadmap_changes;
mod sync_crash;
mod time_rule;
mod unknown_fields;
mod unwritable;

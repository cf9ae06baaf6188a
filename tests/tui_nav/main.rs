//! End to end, in a pseudo-terminal: signals while loading, Esc, going
//! back and forward, and resizing (clicks and what is left on the shell).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod pty;

mod config;
mod first_hour;
mod keys;
mod map;
mod notes;
mod resize;
mod review;
mod signals;
mod switcher;
mod sync;

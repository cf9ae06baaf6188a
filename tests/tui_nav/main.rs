//! End to end, in a pseudo-terminal: signals while loading, Esc, going
//! back and forward, and resizing (clicks and what is left on the shell).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod pty;

mod config;
mod keys;
mod notes;
mod resize;
mod signals;
mod switcher;

//! `roadmap`: learn a craft from a roadmap, in the terminal.
//!
//! The crate is a library plus the `roadmap` binary: [`model`] is the pure
//! core, [`store`] reads and writes profile files, [`cli`] and [`tui`] are the
//! two faces over them.

pub mod cli;
pub mod clock;
pub mod config;
pub mod editor;
pub mod fetch;
pub mod import;
pub mod io_words;
pub mod library;
pub mod map;
pub mod model;
pub mod options;
pub mod session;
pub mod store;
pub mod synth;
#[cfg(test)]
mod test_support;
pub mod tui;

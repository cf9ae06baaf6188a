//! The interactive terminal view, in The Elm Architecture: [`app::App`] is
//! the state, [`action::Action`] what can happen, `App::update` the only
//! place state changes, [`view`] draws it, [`run`] is the loop that reads
//! events and performs effects (saving, opening a browser).

pub mod action;
pub mod app;
pub mod clipboard;
mod editor;
pub mod keymap;
pub mod keyname;
pub mod map_geometry;
pub mod run;
mod sync;
pub mod theme;
pub mod view;

#[cfg(test)]
mod tests;

pub use run::run;

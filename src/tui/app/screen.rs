//! The terminal's size: resizing, and the "Enlarge the terminal" screen,
//! behind which no key but quit does anything.

use super::{App, Message};
use crate::tui::view::layout;

impl App {
    /// True while the terminal is below the smallest size the panes need:
    /// the screen only says to enlarge it.
    pub fn too_small(&self) -> bool {
        layout::too_small(ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// A new terminal size. The details keep their place: the same part
    /// of the text at the top (lines wrap anew at another width), and the
    /// selected link on screen if it was. Behind "Enlarge the terminal"
    /// nothing is laid out, so nothing moves.
    pub(crate) fn resize(&mut self, width: u16, height: u16) {
        let was_small = self.too_small();
        let place = (!was_small).then(|| self.details_place()).flatten();
        self.size = (width, height);
        if self.too_small() {
            return;
        }
        if was_small && matches!(self.message, Some(Message::Info(_))) {
            // "Only q works here" no longer applies.
            self.message = None;
        }
        self.sync_offsets();
        if let Some(place) = place {
            self.restore_details_place(place);
        }
    }

    /// A key other than quit on the too-small screen: nothing changes,
    /// and the screen says so (it names the quit key already).
    pub(crate) fn ignored_while_small(&mut self) {
        self.info("no other key works until the terminal is larger");
    }
}

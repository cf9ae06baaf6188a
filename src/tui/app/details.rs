//! The details pane's links: the selected link is always on screen before
//! Enter follows it; copying and opening resource addresses.

use super::{App, Pane};
use crate::model::Step;
use crate::tui::action::Effect;
use crate::tui::view::details::{self, Target};
use crate::tui::view::layout::{inner, text_area};

/// Where the details are on screen and how they are laid out now.
struct View {
    /// Per line, the link it belongs to.
    targets: Vec<Option<usize>>,
    height: usize,
    links: usize,
}

impl View {
    /// The first and last line of link `t`.
    fn span(&self, t: usize) -> Option<(usize, usize)> {
        let mine = |l: &Option<usize>| *l == Some(t);
        Some((
            self.targets.iter().position(mine)?,
            self.targets.iter().rposition(mine)?,
        ))
    }

    fn max_scroll(&self) -> usize {
        self.targets.len().saturating_sub(self.height)
    }

    fn visible(&self, scroll: usize, t: usize) -> bool {
        self.span(t)
            .is_some_and(|(a, b)| a >= scroll && b < scroll + self.height)
    }

    /// The scroll that shows link `t`, moving as little as possible.
    fn reveal(&self, scroll: usize, t: usize) -> usize {
        let Some((first, last)) = self.span(t) else {
            return scroll;
        };
        let h = self.height.max(1);
        let scroll = if last >= scroll + h {
            last + 1 - h
        } else {
            scroll
        };
        scroll.min(first).min(self.max_scroll())
    }
}

impl App {
    fn details_view(&self) -> Option<View> {
        let shown = self.shown()?;
        let area = text_area(inner(self.areas().details));
        let layout = details::layout(self, shown, area.width);
        Some(View {
            links: details::targets(self, shown).len(),
            targets: layout.targets().collect(),
            height: usize::from(area.height),
        })
    }

    /// Where the details stand, to find the same place after a resize:
    /// whether the selected link is on screen (and highlighted: the
    /// details have the focus), and how far down the text the first line
    /// shown is (a fraction of all lines).
    pub(crate) fn details_place(&self) -> Option<(bool, f64)> {
        let view = self.details_view()?;
        let total = view.targets.len().max(1);
        Some((
            self.focus == Pane::Details && view.visible(self.detail.scroll, self.detail.cursor),
            self.detail.scroll as f64 / total as f64,
        ))
    }

    /// After a resize: the same part of the text at the top, and the
    /// selected link still on screen if it was.
    pub(crate) fn restore_details_place(&mut self, (link, fraction): (bool, f64)) {
        let Some(view) = self.details_view() else {
            return;
        };
        let total = view.targets.len();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let scroll = ((fraction * total as f64).round() as usize).min(view.max_scroll());
        self.detail.scroll = if link {
            view.reveal(scroll, self.detail.cursor)
        } else {
            scroll
        };
    }

    /// The link under the cursor when it is on screen.
    pub(crate) fn visible_link(&self) -> Option<usize> {
        let view = self.details_view()?;
        view.visible(self.detail.scroll, self.detail.cursor)
            .then_some(self.detail.cursor)
    }

    /// ↑/↓ (and g/G) in the details: from link to link while a link is on
    /// screen; otherwise the text scrolls towards the next link, a page at
    /// most, so nothing is skipped unseen.
    pub(crate) fn details_move(&mut self, delta: isize) {
        let Some(view) = self.details_view() else {
            return;
        };
        let scroll = self.detail.scroll;
        if view.links == 0 {
            self.detail.scroll = scroll.saturating_add_signed(delta).min(view.max_scroll());
            return;
        }
        let last = view.links - 1;
        if delta.unsigned_abs() > 1 {
            // First / last.
            if delta < 0 {
                self.detail.cursor = 0;
                self.detail.scroll = 0;
            } else {
                self.detail.cursor = last;
                self.detail.scroll = view.max_scroll();
            }
            self.keep_link_on_screen(delta);
            return;
        }
        let page = view.height.saturating_sub(1).max(1);
        if view.visible(scroll, self.detail.cursor) {
            let to = self.detail.cursor.saturating_add_signed(delta).min(last);
            if to == self.detail.cursor {
                // At the first or last link: read on above or below it.
                self.detail.scroll = scroll.saturating_add_signed(delta).min(view.max_scroll());
            } else {
                self.detail.cursor = to;
                self.detail.scroll = view.reveal(scroll, to);
            }
        } else if delta > 0 {
            // No link on screen: towards the next one, a page at most.
            let want = view.reveal(scroll, self.detail.cursor);
            self.detail.scroll = if want > scroll {
                want.min(scroll + page)
            } else {
                (scroll + 1).min(view.max_scroll())
            };
        } else {
            self.detail.scroll = scroll.saturating_sub(1);
        }
        self.keep_link_on_screen(delta);
    }

    /// After the text scrolled: when the selected link went off screen,
    /// select the first link on screen (the last when scrolling up); with
    /// none on screen, the nearest one in the direction of travel.
    pub(crate) fn keep_link_on_screen(&mut self, delta: isize) {
        let Some(view) = self.details_view() else {
            return;
        };
        if view.links == 0 || view.visible(self.detail.scroll, self.detail.cursor) {
            return;
        }
        let scroll = self.detail.scroll;
        let on_screen: Vec<usize> = (0..view.links)
            .filter(|&t| view.visible(scroll, t))
            .collect();
        let pick = if delta >= 0 {
            on_screen.first()
        } else {
            on_screen.last()
        };
        if let Some(&t) = pick {
            self.detail.cursor = t;
            return;
        }
        let below = (0..view.links).find(|&t| view.span(t).is_some_and(|(a, _)| a >= scroll));
        self.detail.cursor = below.unwrap_or(view.links - 1);
    }

    /// Enter in the details: follows the selected link when it is on
    /// screen; otherwise first scrolls to it, so what Enter follows is
    /// always what the user sees highlighted.
    pub(crate) fn details_enter(&mut self) -> Option<Target> {
        let shown = self.shown()?;
        let view = self.details_view()?;
        if view.links == 0 {
            return None;
        }
        if !view.visible(self.detail.scroll, self.detail.cursor) {
            self.detail.scroll = view.reveal(self.detail.scroll, self.detail.cursor);
            return None;
        }
        details::targets(self, shown)
            .get(self.detail.cursor)
            .copied()
    }

    /// The resource `o` and `y` act on: the selected one while the details
    /// have the focus, else the first.
    pub fn chosen_resource(&self, skill: usize) -> usize {
        if self.focus != Pane::Details {
            return 0;
        }
        match details::targets(self, Step::Skill(skill)).get(self.detail.cursor) {
            Some(&Target::Resource(r)) => r,
            _ => 0,
        }
    }

    /// The link of the learner's note that `o` and `y` act on: the
    /// selected one while the details have the focus.
    pub(crate) fn chosen_note_link(&self, skill: usize) -> Option<usize> {
        if self.focus != Pane::Details {
            return None;
        }
        match details::targets(self, Step::Skill(skill)).get(self.detail.cursor) {
            Some(&Target::NoteLink(n)) => Some(n),
            _ => None,
        }
    }

    /// Opens link `n` of `skill`'s note (http(s) only, like resources).
    pub(crate) fn open_note_link(&mut self, skill: usize, n: usize) -> Vec<Effect> {
        let Some((_, url)) = details::note_links(self, skill).into_iter().nth(n) else {
            return Vec::new();
        };
        if url.starts_with("https://") || url.starts_with("http://") {
            vec![Effect::OpenUrl(url)]
        } else {
            self.error("only http(s) links are opened");
            Vec::new()
        }
    }

    /// `y`: the selected resource's (or note link's) address goes to the
    /// clipboard.
    pub(crate) fn copy_url(&mut self) -> Vec<Effect> {
        let Some(skill) = self.current_skill() else {
            return Vec::new();
        };
        if let Some(n) = self.chosen_note_link(skill)
            && let Some((_, url)) = details::note_links(self, skill).into_iter().nth(n)
        {
            self.info(format!("copied to the clipboard: {url}"));
            return vec![Effect::Copy(url)];
        }
        let resources = &self.roadmap.skills[skill].resources;
        let Some(res) = resources.get(self.chosen_resource(skill)) else {
            self.info("this skill lists no resources");
            return Vec::new();
        };
        let url = res.url.clone();
        self.info(format!("copied to the clipboard: {url}"));
        vec![Effect::Copy(url)]
    }

    /// No browser could be opened: show the address instead.
    pub(crate) fn no_browser(&mut self, url: &str) {
        self.info(format!(
            "no browser here (SSH or no display): {url} · y copies it"
        ));
    }
}

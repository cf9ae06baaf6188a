//! Sync in the view: when it starts, when it quits, and on a key. The run
//! loop performs [`Effect::Sync`] off the thread that handles keys and
//! signals and reports [`Action::Synced`]; nothing here waits.

use chrono::{DateTime, Utc};

use super::{App, Mode};
use crate::model::Profile;
use crate::store::sync::Target;
use crate::tui::action::{Action, Effect};

/// Where sync stands in this view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncState {
    /// Where to sync (the config file's `[sync]`); `None`: not set up.
    pub target: Option<Target>,
    /// A sync is running.
    pub running: bool,
    /// Another sync was asked for while one ran: run it after.
    pub again: bool,
    /// Quitting waits for this sync (a second quit does not).
    pub quitting: bool,
}

/// What a finished sync says, for the view.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncNews {
    /// One line: what came in, what went out, files refused.
    pub line: String,
    /// The profile as saved after the sync.
    pub profile: Option<Profile>,
}

impl App {
    /// Syncs through `target` (the view syncs when it starts, on the sync
    /// key and when it quits).
    #[must_use]
    pub fn with_sync(mut self, target: Option<Target>) -> App {
        self.sync.target = target;
        self
    }

    pub fn sync_state(&self) -> &SyncState {
        &self.sync
    }

    /// Asks for a sync now (the key, or the view starting).
    pub(crate) fn sync_now(&mut self) -> Vec<Effect> {
        if self.sync.target.is_none() {
            self.error(
                "sync is not set up: put [sync] folder = \"…\" or git = \"…\" in config.toml (`roadmap config default` shows how)",
            );
            return Vec::new();
        }
        if matches!(self.mode, Mode::Unreadable { .. }) {
            return Vec::new();
        }
        if self.sync.running {
            self.sync.again = true;
            self.info("syncing … (again after this one)");
            return Vec::new();
        }
        self.sync.running = true;
        self.info("syncing …");
        vec![Effect::Sync]
    }

    /// Leaves, syncing first when sync is set up (a second quit while that
    /// sync runs leaves at once: the changes are safe here).
    pub(crate) fn leave(&mut self) -> Vec<Effect> {
        if self.sync.target.is_none() || self.sync.quitting {
            return vec![Effect::Quit];
        }
        self.sync.quitting = true;
        let quit = self
            .keymap
            .key_of(self.key_mode(), &Action::Quit)
            .unwrap_or_else(|| "q".to_string());
        if self.sync.running {
            self.sync.again = true;
        } else {
            self.sync.running = true;
        }
        self.info(format!(
            "syncing before quitting … ({quit} again quits now)"
        ));
        if self.sync.again {
            Vec::new()
        } else {
            vec![Effect::Sync]
        }
    }

    /// A sync finished: what came in joins the profile in view.
    pub(crate) fn on_synced(
        &mut self,
        full: bool,
        result: Result<SyncNews, String>,
        now: DateTime<Utc>,
    ) -> Vec<Effect> {
        if !full {
            // A save written out to the sync folder: only a failure is news.
            if let Err(e) = result {
                self.error(format!(
                    "saved here, but not yet in the sync folder: {e}; it goes out with the next sync"
                ));
            }
            return Vec::new();
        }
        self.sync.running = false;
        match result {
            Ok(news) => {
                if let Some(disk) = &news.profile {
                    self.on_reloaded(disk, now);
                }
                self.info(format!("synced · {}", news.line));
            }
            Err(e) => self.error(e),
        }
        if self.sync.again {
            self.sync.again = false;
            self.sync.running = true;
            return vec![Effect::Sync];
        }
        if self.sync.quitting {
            return vec![Effect::Quit];
        }
        Vec::new()
    }
}

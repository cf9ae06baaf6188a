//! The damaged-profile popup: restore the backup when it can be read, move
//! the damaged file aside and start fresh, or quit. Nothing is saved while
//! it is open.

use chrono::{DateTime, Utc};

use super::{App, Mode};
use crate::model::Profile;
use crate::store::StoreError;
use crate::store::backup::Backup;
use crate::tui::action::{Action, Effect};

/// What the popup says went wrong: for a damaged file, what and where
/// (the popup itself says what can be done, having looked at the backup);
/// for anything else, the whole message.
pub fn damage_text(e: &StoreError) -> String {
    match e {
        StoreError::Corrupt { path, detail } => {
            format!("profile {} is damaged ({detail})", path.display())
        }
        other => other.to_string(),
    }
}

impl App {
    pub(crate) fn update_unreadable(&mut self, action: &Action) -> Vec<Effect> {
        let Mode::Unreadable {
            backup, failure, ..
        } = &mut self.mode
        else {
            return Vec::new();
        };
        match action {
            Action::RestoreBackup => match backup {
                Backup::Readable { .. } => vec![Effect::RestoreBackup],
                Backup::Missing => {
                    *failure = Some("there is no backup to restore".to_string());
                    Vec::new()
                }
                Backup::Unusable(why) => {
                    *failure = Some(format!("the backup cannot be restored: {why}"));
                    Vec::new()
                }
            },
            Action::MoveAside => vec![Effect::MoveAside],
            Action::Quit => vec![Effect::Quit],
            _ => Vec::new(),
        }
    }

    /// The backup is back in place (the damaged file moved aside), or why
    /// not.
    pub(crate) fn on_restored(
        &mut self,
        result: Result<(Profile, String), String>,
        now: DateTime<Utc>,
    ) {
        match result {
            Ok((profile, moved)) => {
                self.mode = Mode::Main;
                self.profile = profile;
                self.recompute(now);
                // It sits next to the profile: its name says enough, and
                // fits an 80-column status line.
                let name = std::path::Path::new(&moved)
                    .file_name()
                    .map_or(moved.clone(), |n| n.to_string_lossy().into_owned());
                self.info(format!(
                    "restored the backup; the damaged file is kept as {name}"
                ));
            }
            Err(e) => {
                if let Mode::Unreadable { failure, .. } = &mut self.mode {
                    *failure = Some(format!("could not restore the backup: {e}"));
                }
            }
        }
    }
}

//! Editing a note in the learner's editor: `$VISUAL`, else `$EDITOR`
//! (split on whitespace, so `code --wait` works), else `vi`, else `nano`.
//!
//! The text goes through a temporary file only its owner can read (0600,
//! in the system's temp folder). Nothing typed is ever dropped: when the
//! editor is killed or exits with an error, the file is kept and its path
//! reported; after a successful edit the caller keeps it until the note is
//! saved ([`Draft::keep`] when saving fails).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempPath;

use crate::store::safe::Links;

/// The most an edited note is read back: far more than anyone types.
pub const MAX_EDITED_BYTES: u64 = 64 * 1024 * 1024;

/// The editor command: program and arguments.
pub fn command() -> Vec<String> {
    chosen().0
}

/// The editor command and where it came from: `$VISUAL`, `$EDITOR`, or
/// "no $VISUAL or $EDITOR is set" for the fallback.
fn chosen() -> (Vec<String>, &'static str) {
    for var in ["VISUAL", "EDITOR"] {
        if let Ok(value) = std::env::var(var) {
            let words: Vec<String> = value.split_whitespace().map(str::to_string).collect();
            if !words.is_empty() {
                let from = if var == "VISUAL" {
                    "$VISUAL"
                } else {
                    "$EDITOR"
                };
                return (words, from);
            }
        }
    }
    let fallback = if on_path("vi") { "vi" } else { "nano" };
    (
        vec![fallback.to_string()],
        "used as no $VISUAL or $EDITOR is set",
    )
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// SIGINT, SIGTERM and SIGHUP held while the learner's editor runs and
/// the note is saved: the command waits for the editor whatever signal
/// arrives (Ctrl-C in the terminal reaches the editor too, and an editor
/// that survives it goes on), then saves or says where the text is. Only
/// the command line needs this: the interactive view already turns these
/// signals into a quit it performs after the editor and the save.
pub struct HeldSignals {
    got: std::sync::Arc<std::sync::atomic::AtomicBool>,
    #[cfg(unix)]
    ids: Vec<signal_hook::SigId>,
}

impl HeldSignals {
    /// From now on until dropped, the three signals only set a flag. (The
    /// editor, a new program, gets the default actions back.)
    pub fn hold() -> HeldSignals {
        let got = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        #[cfg(unix)]
        let ids = [
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
        ]
        .into_iter()
        .filter_map(|sig| signal_hook::flag::register(sig, std::sync::Arc::clone(&got)).ok())
        .collect();
        HeldSignals {
            got,
            #[cfg(unix)]
            ids,
        }
    }

    /// Whether one of them arrived meanwhile.
    pub fn arrived(&self) -> bool {
        self.got.load(std::sync::atomic::Ordering::SeqCst)
    }
}

impl Drop for HeldSignals {
    fn drop(&mut self) {
        #[cfg(unix)]
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// An edited text, with the file it is in until the caller saved it.
pub struct Draft {
    pub text: String,
    path: TempPath,
}

impl Draft {
    /// The note is saved: the file goes.
    pub fn discard(self) {
        drop(self.path);
    }

    /// The note could not be saved: the file stays; where it is.
    pub fn keep(self) -> PathBuf {
        let shown = self.path.to_path_buf();
        self.path.keep().unwrap_or(shown)
    }
}

/// Why editing did not give a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// Nothing was typed yet: the file could not be made or the editor
    /// did not start.
    NotStarted(String),
    /// The editor ran but failed or was killed: what was typed is in `kept`.
    Failed { why: String, kept: PathBuf },
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NotStarted(why) => f.write_str(why),
            EditError::Failed { why, kept } => write!(
                f,
                "{why}; the note was not saved, and what you typed is kept in {}",
                kept.display()
            ),
        }
    }
}

/// Opens `text` in the editor and returns what the learner saved. `name`
/// goes into the file's name (a skill id) so the editor shows it.
pub fn edit(text: &str, name: &str) -> Result<Draft, EditError> {
    let safe: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(40)
        .collect();
    let mut file = tempfile::Builder::new()
        .prefix(&format!("roadmap-note-{safe}-"))
        .suffix(".md")
        .tempfile()
        .map_err(|e| {
            EditError::NotStarted(format!(
                "cannot make a file to edit the note in ({}): {}",
                std::env::temp_dir().display(),
                crate::io_words::reason(&e)
            ))
        })?;
    // Editors expect a file to end with a line break.
    let newline = if text.is_empty() || text.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    file.write_all(text.as_bytes())
        .and_then(|()| file.write_all(newline.as_bytes()))
        .and_then(|()| file.flush())
        .map_err(|e| {
            EditError::NotStarted(format!(
                "cannot write the note to {} to edit it: {}",
                file.path().display(),
                crate::io_words::reason(&e)
            ))
        })?;
    let path = file.into_temp_path();
    let (words, from) = chosen();
    let status = Command::new(&words[0])
        .args(&words[1..])
        .arg(&path)
        .status();
    let status = match status {
        Ok(s) => s,
        Err(e) => {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "there is no such program".to_string(),
                std::io::ErrorKind::PermissionDenied => {
                    "it is not a program you may run".to_string()
                }
                _ => crate::io_words::reason(&e),
            };
            return Err(EditError::NotStarted(format!(
                "cannot start the editor '{}' ({from}): {why}; set $VISUAL or $EDITOR to the editor you use (e.g. export EDITOR=nano), or add a paragraph without an editor: -m \"text\"",
                words.join(" ")
            )));
        }
    };
    if !status.success() {
        let why = match status.code() {
            Some(code) => format!("the editor '{}' exited with code {code}", words[0]),
            None => format!("the editor '{}' was stopped by a signal", words[0]),
        };
        return Err(failed(why, path));
    }
    // The file is ours (a link the editor or anyone put there is not
    // followed; a FIFO is not waited on), read up to a bound.
    match crate::store::safe::read_file(&path, Links::Refuse, MAX_EDITED_BYTES) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(Draft {
                text: text.trim_end().to_string(),
                path,
            }),
            Err(_) => Err(failed(
                "the edited note is not UTF-8 text".to_string(),
                path,
            )),
        },
        Err(e) => Err(failed(
            format!("cannot read the edited note back: {}", e.describe()),
            path,
        )),
    }
}

/// `path` as a shell word: as it is when it is plain, else in single
/// quotes (for a hint to paste into a shell).
pub fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+,:@".contains(c))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

fn failed(why: String, path: TempPath) -> EditError {
    let shown: PathBuf = Path::new(&path).to_path_buf();
    let kept = path.keep().unwrap_or(shown);
    EditError::Failed { why, kept }
}

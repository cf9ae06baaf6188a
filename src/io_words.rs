//! What the operating system says about a file, in the words of someone
//! who asked for it: "there is no such file", never "No such file or
//! directory (os error 2)" alone.

use std::io::{self, ErrorKind};

/// Why a file could not be read or written, in plain words (no OS error
/// number; the OS's own wording only for the rare kinds named here not).
pub fn reason(e: &io::Error) -> String {
    let plain = match e.kind() {
        ErrorKind::NotFound => "there is no such file or folder",
        ErrorKind::PermissionDenied => "you are not allowed to (permission denied)",
        ErrorKind::IsADirectory => "it is a folder, not a file",
        ErrorKind::NotADirectory => "a part of the path is a file, not a folder",
        ErrorKind::AlreadyExists => "something is already there",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "the disk is full",
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only",
        ErrorKind::FileTooLarge => "the file is too large",
        ErrorKind::InvalidData => "it is not text (UTF-8)",
        ErrorKind::DirectoryNotEmpty => "the folder is not empty",
        ErrorKind::Interrupted | ErrorKind::TimedOut | ErrorKind::WouldBlock => {
            "it did not answer in time"
        }
        _ => return without_os_number(&e.to_string()),
    };
    plain.to_string()
}

/// `Text file busy (os error 26)` → `text file busy`.
fn without_os_number(text: &str) -> String {
    let text = match text.rfind(" (os error ") {
        Some(i) if text.ends_with(')') => &text[..i],
        _ => text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "an unknown error".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_os_jargon() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(reason(&e), "there is no such file or folder");
        let e = io::Error::from(ErrorKind::PermissionDenied);
        assert!(reason(&e).contains("permission denied"));
        assert_eq!(
            without_os_number("Text file busy (os error 26)"),
            "text file busy"
        );
        for code in 1..60 {
            let text = reason(&io::Error::from_raw_os_error(code));
            assert!(!text.contains("os error"), "{text}");
        }
    }
}

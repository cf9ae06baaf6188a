//! Leaving the app with an address: copying it to the clipboard through
//! the terminal (OSC 52, which also works over SSH), and knowing whether a
//! browser can be opened at all. Pure functions; the run loop uses them.

/// The escape sequence that asks the terminal to put `text` on the system
/// clipboard: `ESC ] 52 ; c ; base64(text) BEL`.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 (RFC 4648, with padding), as OSC 52 expects.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Whether a browser can be opened from here. Over SSH without a forwarded
/// display, or on a Linux/BSD machine with no graphical session, the
/// opener would fail (or open a browser nobody sees). `var` reads the
/// environment.
pub fn browser_available(os: &str, var: impl Fn(&str) -> bool) -> bool {
    let display = var("DISPLAY") || var("WAYLAND_DISPLAY");
    let ssh = var("SSH_CONNECTION") || var("SSH_TTY") || var("SSH_CLIENT");
    if ssh && !display {
        return false;
    }
    match os {
        "windows" | "macos" | "ios" | "android" => true,
        _ => display,
    }
}

/// [`browser_available`] for this machine.
pub fn browser_here() -> bool {
    browser_available(std::env::consts::OS, |name| {
        std::env::var_os(name).is_some_and(|v| !v.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn osc52_carries_the_url_in_base64() {
        assert_eq!(
            osc52("https://example.com/a?b=c"),
            "\x1b]52;c;aHR0cHM6Ly9leGFtcGxlLmNvbS9hP2I9Yw==\x07"
        );
    }

    #[test]
    fn no_browser_over_ssh_or_without_a_display() {
        let env = |set: &'static [&'static str]| move |n: &str| set.contains(&n);
        assert!(!browser_available("linux", env(&[])));
        assert!(browser_available("linux", env(&["DISPLAY"])));
        assert!(browser_available("linux", env(&["WAYLAND_DISPLAY"])));
        assert!(!browser_available("linux", env(&["SSH_CONNECTION"])));
        assert!(browser_available(
            "linux",
            env(&["SSH_CONNECTION", "DISPLAY"])
        ));
        assert!(browser_available("macos", env(&[])));
        assert!(!browser_available("macos", env(&["SSH_TTY"])));
        assert!(browser_available("windows", env(&[])));
        assert!(!browser_available("freebsd", env(&[])));
    }
}

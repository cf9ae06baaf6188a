//! Where roadmap.sh is, which addresses are asked, how long to wait, and
//! what `roadmap import NAME` takes as a name.
//!
//! The addresses are the ones roadmap.sh's own site code and public clients
//! use (docs/importing.md, "Import by name"):
//! - `{base}/api/v1-official-roadmap/{name}`: the roadmap document (title,
//!   description, slug, nodes and edges);
//! - `{base}/api/v1-official-roadmap-topic/{name}/{nodeId}`: one topic's text
//!   (`description` in Markdown, `resources` as a list), 404 when the node
//!   has none.

use std::time::Duration;

/// The environment variable naming the site (tests point it at a server of
/// their own on loopback).
pub const URL_ENV: &str = "ROADMAP_SH_URL";
/// The environment variable setting the timeout, in seconds.
pub const TIMEOUT_ENV: &str = "ROADMAP_SH_TIMEOUT";
/// The real site.
pub const DEFAULT_URL: &str = "https://roadmap.sh";
/// How long a download waits for the server at any one point (connecting,
/// or between two pieces of an answer) unless `ROADMAP_SH_TIMEOUT` says
/// otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest timeout `ROADMAP_SH_TIMEOUT` may set.
const MAX_TIMEOUT_SECS: f64 = 3600.0;
/// The longest name roadmap.sh uses is far shorter; longer is not a name.
const MAX_NAME: usize = 100;

/// The site to download from, and how long to wait for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// `scheme://host[:port][/path]`, without a trailing `/`.
    base: String,
    /// `host[:port]` in lowercase.
    host: String,
    /// The longest wait for a connection or for the next bytes of an
    /// answer (a stalled server); one request takes at most four times it.
    pub timeout: Duration,
}

impl Site {
    /// The site from `ROADMAP_SH_URL` (default `https://roadmap.sh`) and the
    /// timeout from `ROADMAP_SH_TIMEOUT`; a bad value is an error naming the
    /// variable.
    pub fn from_env() -> Result<Site, String> {
        let url = std::env::var(URL_ENV)
            .ok()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_URL.to_string());
        let mut site = Site::new(&url).map_err(|why| {
            format!(
                "{URL_ENV} is '{}', {why}; set it to an address such as {DEFAULT_URL}, or unset it",
                crate::model::text::clip(&url, 200)
            )
        })?;
        if let Some(raw) = std::env::var(TIMEOUT_ENV)
            .ok()
            .filter(|t| !t.trim().is_empty())
        {
            site.timeout = parse_timeout(&raw).ok_or_else(|| {
                format!(
                    "{TIMEOUT_ENV} is '{}', not a number of seconds between 0.1 and {MAX_TIMEOUT_SECS}; set it to e.g. 60, or unset it (default {} s)",
                    crate::model::text::clip(&raw, 40),
                    DEFAULT_TIMEOUT.as_secs()
                )
            })?;
        }
        Ok(site)
    }

    /// The site at `url` (`http://` or `https://`, a host, an optional
    /// port and path; no query).
    pub fn new(url: &str) -> Result<Site, String> {
        let url = url.trim().trim_end_matches('/');
        let (_, rest) = split_scheme(url).ok_or("not an http:// or https:// address")?;
        if url.chars().any(|c| c.is_whitespace() || c.is_control()) || url.contains(['?', '#', '@'])
        {
            return Err("not a plain address (no spaces, query, fragment or user name)".into());
        }
        let host = rest.split('/').next().unwrap_or("").to_ascii_lowercase();
        if host.is_empty() {
            return Err("an address without a host".into());
        }
        Ok(Site {
            base: url.to_string(),
            host,
            timeout: DEFAULT_TIMEOUT,
        })
    }

    /// The site's address, as given.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// A folder name for this site's cache: its host (and port), with
    /// anything but letters, digits, `.` and `-` as `_`.
    pub fn cache_key(&self) -> String {
        self.host
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    }

    /// The roadmap's page, as a user knows it.
    pub fn page_url(&self, name: &str) -> String {
        format!("{}/{name}", self.base)
    }

    /// The roadmap document.
    pub fn roadmap_url(&self, name: &str) -> String {
        format!("{}/api/v1-official-roadmap/{name}", self.base)
    }

    /// One topic's text.
    pub fn topic_url(&self, name: &str, node: &str) -> String {
        format!("{}/api/v1-official-roadmap-topic/{name}/{node}", self.base)
    }

    /// The roadmap name `arg` stands for, if it is one: a name such as
    /// `backend` (letters, digits and `-`; any case), or the address of its
    /// page on roadmap.sh (`https://roadmap.sh/backend`, `roadmap.sh/backend`,
    /// with or without `www.`, a query or a trailing `/`) or on this site.
    /// `None`: not a name (a file path, say). `Some(Err)`: an address that
    /// is not a roadmap's page, in plain words.
    pub fn name_of(&self, arg: &str) -> Option<Result<String, String>> {
        let arg = arg.trim();
        if is_name(arg) {
            return Some(Ok(arg.to_ascii_lowercase()));
        }
        let lower = arg.to_ascii_lowercase();
        let rest = match split_scheme(&lower) {
            Some((_, rest)) => rest,
            None if lower.starts_with("roadmap.sh/") || lower.starts_with("www.roadmap.sh/") => {
                &lower
            }
            None => return None,
        };
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let ours = matches!(host, "roadmap.sh" | "www.roadmap.sh") || host == self.host;
        if !ours {
            return Some(Err(format!(
                "'{}' is not an address on roadmap.sh; give a roadmap's name (backend) or its page (https://roadmap.sh/backend)",
                crate::model::text::clip(arg, 200)
            )));
        }
        let path = path.split(['?', '#']).next().unwrap_or("");
        let name = path.trim_matches('/');
        if is_name(name) {
            Some(Ok(name.to_string()))
        } else {
            Some(Err(format!(
                "'{}' is not the page of a roadmap; a roadmap's page is https://roadmap.sh/NAME (for example https://roadmap.sh/backend)",
                crate::model::text::clip(arg, 200)
            )))
        }
    }
}

fn split_scheme(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    scheme
        .eq_ignore_ascii_case("https")
        .then_some(())
        .or_else(|| scheme.eq_ignore_ascii_case("http").then_some(()))?;
    Some((scheme, rest))
}

/// A roadmap.sh name: ASCII letters, digits and `-`, starting with a letter
/// or digit, at most 100.
pub fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_NAME
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && s.as_bytes()[0].is_ascii_alphanumeric()
}

/// A node id that may go into an address and a file name as it is
/// (roadmap.sh's ids are nanoids: letters, digits, `_` and `-`).
pub fn is_node_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn parse_timeout(raw: &str) -> Option<Duration> {
    let secs: f64 = raw.trim().parse().ok()?;
    (secs.is_finite() && (0.1..=MAX_TIMEOUT_SECS).contains(&secs))
        .then(|| Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn site() -> Site {
        Site::new("https://roadmap.sh").unwrap()
    }

    #[test]
    fn names_and_page_addresses_give_the_name_and_paths_do_not() {
        let s = site();
        for (arg, name) in [
            ("backend", "backend"),
            ("Backend", "backend"),
            ("ai-data-scientist", "ai-data-scientist"),
            ("https://roadmap.sh/backend", "backend"),
            ("https://roadmap.sh/backend/", "backend"),
            (
                "http://www.roadmap.sh/backend?r=backend-beginner",
                "backend",
            ),
            ("roadmap.sh/golang", "golang"),
            ("HTTPS://ROADMAP.SH/Golang#top", "golang"),
        ] {
            assert_eq!(s.name_of(arg), Some(Ok(name.to_string())), "{arg}");
        }
        for arg in ["backend.json", "./backend", "dir/backend", "", "-x", "a b"] {
            assert_eq!(s.name_of(arg), None, "{arg}");
        }
        for arg in [
            "https://example.com/backend",
            "https://roadmap.sh/",
            "https://roadmap.sh/backend/topics",
            "https://roadmap.sh/../etc",
        ] {
            assert!(matches!(s.name_of(arg), Some(Err(_))), "{arg}");
        }
    }

    #[test]
    fn a_site_of_our_own_takes_its_own_page_addresses_and_keys_its_cache() {
        let s = Site::new("http://127.0.0.1:8123/").unwrap();
        assert_eq!(s.base(), "http://127.0.0.1:8123");
        assert_eq!(
            s.name_of("http://127.0.0.1:8123/backend"),
            Some(Ok("backend".to_string()))
        );
        assert_eq!(s.cache_key(), "127.0.0.1_8123");
        assert_eq!(site().cache_key(), "roadmap.sh");
        assert_eq!(
            s.topic_url("backend", "a_B-1"),
            "http://127.0.0.1:8123/api/v1-official-roadmap-topic/backend/a_B-1"
        );
        assert_eq!(
            site().roadmap_url("go"),
            "https://roadmap.sh/api/v1-official-roadmap/go"
        );
    }

    #[test]
    fn bad_sites_and_timeouts_are_refused() {
        for url in [
            "ftp://x",
            "roadmap.sh",
            "https://",
            "https://a b",
            "https://u@h/",
        ] {
            assert!(Site::new(url).is_err(), "{url}");
        }
        assert_eq!(parse_timeout("0.5"), Some(Duration::from_millis(500)));
        assert_eq!(parse_timeout(" 60 "), Some(Duration::from_secs(60)));
        for t in ["0", "-1", "nan", "inf", "1e9", "soon"] {
            assert_eq!(parse_timeout(t), None, "{t}");
        }
    }

    #[test]
    fn node_ids_that_could_leave_a_folder_or_an_address_are_not_ids() {
        assert!(is_node_id("SiYUdtYMDImRPmV2_XPkH"));
        for id in ["", "../x", "a/b", "a.b", "a%2F", "é", &"x".repeat(65)] {
            assert!(!is_node_id(id), "{id}");
        }
    }
}

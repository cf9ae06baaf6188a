//! Downloading a roadmap and its topics' texts from roadmap.sh, for
//! `roadmap import NAME`: the roadmap document first, then every topic's
//! text, a few at a time. Everything is held in memory, each body within
//! a size limit, and handed back only when all of it arrived whole: a
//! failed, stalled, truncated or oversized answer fails the download, so
//! nothing partial is ever converted or cached. Files are not this
//! module's business (`store::cache` keeps the originals).
//!
//! See docs/importing.md ("Import by name") for the addresses and limits.

mod http;
pub mod progress;
pub mod site;
pub mod topic;

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

pub use progress::Progress;
pub use site::Site;
pub use topic::Node;

use http::{Answer, Client};

/// The most a roadmap document may be (the largest real ones are under 2 MiB).
pub const MAX_ROADMAP: u64 = 16 * 1024 * 1024;
/// The most one topic's text may be (real ones are a few KiB).
pub const MAX_TOPIC: u64 = 1024 * 1024;
/// The most one roadmap's download may be, all texts together.
pub const MAX_TOTAL: u64 = 64 * 1024 * 1024;
/// Topic texts downloaded at once (a browser opens six connections to a site).
const WORKERS: usize = 4;
/// Pauses before asking again after a passing failure (a 5xx or 429
/// status, a connection that broke off): three tries in all.
const RETRY_AFTER: [std::time::Duration; 2] = [
    std::time::Duration::from_millis(250),
    std::time::Duration::from_secs(1),
];

/// A roadmap as downloaded: the originals, byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Downloaded {
    /// The roadmap document.
    pub roadmap: Vec<u8>,
    /// Per topic or subtopic (by node id): its text, or `None` when the
    /// site has none for it (404).
    pub topics: Vec<(String, Option<Vec<u8>>)>,
}

impl Downloaded {
    /// Bytes in all.
    pub fn bytes(&self) -> u64 {
        self.roadmap.len() as u64
            + self
                .topics
                .iter()
                .filter_map(|(_, t)| t.as_ref())
                .map(|t| t.len() as u64)
                .sum::<u64>()
    }

    /// How many topics have a text.
    pub fn texts(&self) -> usize {
        self.topics.iter().filter(|(_, t)| t.is_some()).count()
    }
}

/// Why a download failed, in plain words (the caller adds that nothing was
/// written).
#[derive(Debug)]
pub enum FetchError {
    /// The roadmap document's address answered 404.
    NoSuchRoadmap {
        name: String,
        url: String,
    },
    Status {
        url: String,
        code: u16,
        reason: String,
    },
    Timeout {
        url: String,
        secs: f64,
    },
    Connect {
        url: String,
        detail: Option<String>,
    },
    Network {
        url: String,
        detail: String,
    },
    TooLarge {
        url: String,
        max: u64,
        size: Option<u64>,
    },
    Truncated {
        url: String,
        got: u64,
        expected: Option<u64>,
    },
    /// An answer that is not what roadmap.sh serves there.
    Invalid {
        url: String,
        why: String,
    },
}

impl FetchError {
    /// A failure that asking again may not meet (not a timeout: waiting
    /// again would triple a long wait; not a refused connection: offline
    /// stays offline).
    fn passing(&self) -> bool {
        match self {
            FetchError::Status { code, .. } => *code == 429 || (500..600).contains(code),
            FetchError::Network { .. } | FetchError::Truncated { .. } => true,
            _ => false,
        }
    }

    /// What the user can do about it.
    pub fn help(&self) -> &'static str {
        match self {
            FetchError::NoSuchRoadmap { .. } => {
                "check the name on https://roadmap.sh/roadmaps: it is the last part of the roadmap page's address (backend in https://roadmap.sh/backend)"
            }
            FetchError::Status { code: 429, .. } => {
                "the site asks to slow down: wait a minute, then try again"
            }
            FetchError::Status { code, .. } if *code >= 500 => {
                "the site has trouble right now: try again later"
            }
            FetchError::Status { .. } | FetchError::Invalid { .. } => {
                "check ROADMAP_SH_URL if you set it; otherwise the site may have changed: import the roadmap's JSON file instead (see docs/importing.md)"
            }
            FetchError::Timeout { .. } => {
                "check your connection and try again; on a slow connection wait longer with ROADMAP_SH_TIMEOUT=120"
            }
            FetchError::Connect { .. } | FetchError::Network { .. } => {
                "check your connection (and HTTPS_PROXY if you need a proxy), then try again"
            }
            FetchError::TooLarge { .. } => {
                "this is far larger than any roadmap.sh roadmap; check ROADMAP_SH_URL if you set it"
            }
            FetchError::Truncated { .. } => "the connection broke off: try again",
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::NoSuchRoadmap { name, url } => write!(
                f,
                "roadmap.sh has no roadmap named '{name}' ({url} answered 404 Not Found)"
            ),
            FetchError::Status { url, code, reason } => {
                write!(f, "{url} answered {code} {reason}")
            }
            FetchError::Timeout { url, secs } => write!(
                f,
                "{url} stopped answering: nothing arrived for {secs} s, so the download was given up"
            ),
            FetchError::Connect { url, detail } => {
                write!(f, "cannot connect to download {url}")?;
                match detail {
                    Some(d) => write!(f, " ({d})"),
                    None => write!(f, " (no such host, or no network)"),
                }
            }
            FetchError::Network { url, detail } => {
                write!(f, "the download of {url} failed: {detail}")
            }
            FetchError::TooLarge { url, max, size } => {
                write!(f, "{url} sent ")?;
                match size {
                    Some(s) => write!(f, "{s} bytes")?,
                    None => write!(f, "more")?,
                }
                write!(
                    f,
                    ", more than the limit of {max} bytes ({}); the download was stopped",
                    progress::size(*max)
                )
            }
            FetchError::Truncated { url, got, expected } => {
                write!(f, "the download of {url} was cut off after {got} bytes")?;
                if let Some(e) = expected {
                    write!(f, " of the {e} announced")?;
                }
                Ok(())
            }
            FetchError::Invalid { url, why } => {
                write!(f, "what {url} sent is not what roadmap.sh serves: {why}")
            }
        }
    }
}

impl std::error::Error for FetchError {}

/// One worker's news for the thread drawing the progress.
enum Event {
    Bytes(u64),
    Done(usize, Result<Option<Vec<u8>>, FetchError>),
}

/// Downloads roadmap `name` and its topics' texts from `site`, showing
/// `progress`. Returns the originals, or the first failure (then the rest
/// is not downloaded).
pub fn download(
    site: &Site,
    name: &str,
    progress: &mut Progress,
) -> Result<Downloaded, FetchError> {
    let client = Client::new(site.timeout);
    let url = site.roadmap_url(name);
    let mut got = 0u64;
    let roadmap = match with_retries(|| {
        got = 0;
        client.get(&url, MAX_ROADMAP, &mut |n| {
            got += n;
            progress.roadmap(got);
        })
    })? {
        Answer::Body(bytes) => bytes,
        Answer::Missing => {
            return Err(FetchError::NoSuchRoadmap {
                name: name.to_string(),
                url,
            });
        }
    };
    let (nodes, _) = topic::trackable(&roadmap).map_err(|why| FetchError::Invalid {
        url: url.clone(),
        why,
    })?;
    let texts = topics(&client, site, name, &nodes, roadmap.len() as u64, progress)?;
    let topics = nodes.into_iter().map(|n| n.id).zip(texts).collect();
    Ok(Downloaded { roadmap, topics })
}

/// Every node's text, in the nodes' order, `WORKERS` at a time.
fn topics(
    client: &Client,
    site: &Site,
    name: &str,
    nodes: &[Node],
    mut bytes: u64,
    progress: &mut Progress,
) -> Result<Vec<Option<Vec<u8>>>, FetchError> {
    let mut texts: Vec<Option<Vec<u8>>> = vec![None; nodes.len()];
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let mut failure = None;
    progress.topics(0, nodes.len(), bytes);
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for _ in 0..WORKERS.min(nodes.len()) {
            let tx = tx.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(node) = nodes.get(i) else { break };
                    let result = one_topic(client, &site.topic_url(name, &node.id), &tx);
                    if tx.send(Event::Done(i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut done = 0;
        for event in rx {
            match event {
                Event::Bytes(n) => bytes += n,
                Event::Done(i, Ok(text)) => {
                    texts[i] = text;
                    done += 1;
                }
                Event::Done(_, Err(e)) => {
                    stop.store(true, Ordering::Relaxed);
                    failure.get_or_insert(e);
                }
            }
            if bytes > MAX_TOTAL && failure.is_none() {
                stop.store(true, Ordering::Relaxed);
                failure = Some(FetchError::TooLarge {
                    url: site.page_url(name),
                    max: MAX_TOTAL,
                    size: Some(bytes),
                });
            }
            if failure.is_none() {
                progress.topics(done, nodes.len(), bytes);
            }
        }
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(texts),
    }
}

fn one_topic(
    client: &Client,
    url: &str,
    tx: &mpsc::Sender<Event>,
) -> Result<Option<Vec<u8>>, FetchError> {
    let answer = with_retries(|| {
        client.get(url, MAX_TOPIC, &mut |n| {
            let _ = tx.send(Event::Bytes(n));
        })
    })?;
    match answer {
        Answer::Missing => Ok(None),
        Answer::Body(bytes) if topic::is_topic(&bytes) => Ok(Some(bytes)),
        Answer::Body(_) => Err(FetchError::Invalid {
            url: url.to_string(),
            why: "it is not a topic's text (JSON with a description and resources)".to_string(),
        }),
    }
}

/// `get`, asked again after a passing failure (see [`RETRY_AFTER`]).
fn with_retries(mut get: impl FnMut() -> Result<Answer, FetchError>) -> Result<Answer, FetchError> {
    let mut pauses = RETRY_AFTER.iter();
    loop {
        match get() {
            Err(e) if e.passing() => match pauses.next() {
                Some(pause) => std::thread::sleep(*pause),
                None => return Err(e),
            },
            other => return other,
        }
    }
}

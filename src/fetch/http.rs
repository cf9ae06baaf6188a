//! One GET: a size limit on the body, the site's timeouts, and an answer
//! that is whole or an error (never a truncated body taken for a whole one).

use std::io::Read;
use std::time::Duration;

use super::FetchError;

/// A connection pool to one site, with its timeouts.
pub(super) struct Client {
    agent: ureq::Agent,
    timeout: Duration,
}

/// What a GET found: the body, or nothing at that address (404, 410).
pub(super) enum Answer {
    Body(Vec<u8>),
    Missing,
}

impl Client {
    pub(super) fn new(timeout: Duration) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            // Statuses are looked at here: 404 is an answer, not a failure.
            .http_status_as_error(false)
            .timeout_connect(Some(timeout))
            // A server that stops sending: no byte for this long.
            .timeout_per_read(Some(timeout))
            // And a server that sends a byte now and then: the whole
            // request, headers to last byte.
            .timeout_per_call(Some(timeout.saturating_mul(4)))
            .user_agent(concat!("roadmap/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Client { agent, timeout }
    }

    /// GETs `url`; a body larger than `max` bytes is an error (refused from
    /// its announced length when there is one, else when it grows past it).
    /// `progress` is told the body's bytes as they arrive.
    pub(super) fn get(
        &self,
        url: &str,
        max: u64,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Answer, FetchError> {
        let response = self
            .agent
            .get(url)
            .header("Accept", "application/json")
            .call()
            .map_err(|e| self.failed(url, e))?;
        let status = response.status();
        if matches!(status.as_u16(), 404 | 410) {
            return Ok(Answer::Missing);
        }
        if !status.is_success() {
            return Err(FetchError::Status {
                url: url.to_string(),
                code: status.as_u16(),
                reason: status.canonical_reason().unwrap_or("").to_string(),
            });
        }
        let encoded = response.headers().contains_key("content-encoding");
        let mut body = response.into_body();
        let announced = body.content_length();
        if let Some(len) = announced.filter(|&len| len > max && !encoded) {
            return Err(FetchError::TooLarge {
                url: url.to_string(),
                max,
                size: Some(len),
            });
        }
        let mut reader = body.with_config().limit(max).reader();
        let capacity = announced.unwrap_or(0).min(max).min(1 << 20);
        let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
        let mut chunk = [0u8; 16 * 1024];
        loop {
            match reader.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => {
                    bytes.extend_from_slice(&chunk[..n]);
                    progress(n as u64);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(self.read_failed(url, &e, max, bytes.len(), announced)),
            }
        }
        // ureq already errs when a Content-Length body ends early; the
        // length is checked again here, so nothing short is ever kept.
        if let Some(len) = announced.filter(|_| !encoded)
            && bytes.len() as u64 != len
        {
            return Err(FetchError::Truncated {
                url: url.to_string(),
                got: bytes.len() as u64,
                expected: Some(len),
            });
        }
        Ok(Answer::Body(bytes))
    }

    fn failed(&self, url: &str, e: ureq::Error) -> FetchError {
        let url = url.to_string();
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout {
                url,
                secs: self.timeout.as_secs_f64(),
            },
            ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => {
                FetchError::Connect { url, detail: None }
            }
            ureq::Error::Io(io) => match io.kind() {
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                    FetchError::Timeout {
                        url,
                        secs: self.timeout.as_secs_f64(),
                    }
                }
                std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::NotFound => {
                    FetchError::Connect {
                        url,
                        detail: Some(io.to_string()),
                    }
                }
                _ => FetchError::Network {
                    url,
                    detail: io.to_string(),
                },
            },
            other => FetchError::Network {
                url,
                detail: other.to_string(),
            },
        }
    }

    fn read_failed(
        &self,
        url: &str,
        e: &std::io::Error,
        max: u64,
        got: usize,
        announced: Option<u64>,
    ) -> FetchError {
        let inner = e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<ureq::Error>());
        match inner {
            Some(ureq::Error::BodyExceedsLimit(_)) => FetchError::TooLarge {
                url: url.to_string(),
                max,
                size: None,
            },
            Some(ureq::Error::Timeout(_)) => FetchError::Timeout {
                url: url.to_string(),
                secs: self.timeout.as_secs_f64(),
            },
            _ if matches!(
                e.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            ) =>
            {
                FetchError::Timeout {
                    url: url.to_string(),
                    secs: self.timeout.as_secs_f64(),
                }
            }
            _ if matches!(
                e.kind(),
                std::io::ErrorKind::UnexpectedEof
                    | std::io::ErrorKind::ConnectionReset
                    | std::io::ErrorKind::ConnectionAborted
            ) =>
            {
                FetchError::Truncated {
                    url: url.to_string(),
                    got: got as u64,
                    expected: announced,
                }
            }
            _ => FetchError::Network {
                url: url.to_string(),
                detail: e.to_string(),
            },
        }
    }
}

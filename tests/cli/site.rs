//! A small HTTP/1.1 server of our own on loopback, standing in for
//! roadmap.sh in the import-by-name tests (they never reach the real site).
//! It serves the fixture in tests/fixtures/import/site/ at the addresses
//! roadmap.sh uses, and can be told to misbehave for one path: stall, cut a
//! body short, send far too much, or answer with a status.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How the server answers one path.
#[derive(Clone, Debug)]
pub enum Reply {
    /// 200 with this body and its Content-Length.
    Body(Vec<u8>),
    /// This status, with a small JSON body.
    Status(u16),
    /// Headers promising `announce` bytes, then only `body`, then the
    /// connection is closed.
    Truncated { announce: usize, body: Vec<u8> },
    /// Headers, then the start of the body, then nothing for a minute.
    Stall,
    /// A chunked body of `bytes` spaces (no Content-Length to refuse it by).
    Endless { bytes: usize },
    /// A Content-Length of `bytes`, and as much as the client reads.
    Huge { bytes: usize },
}

pub struct Site {
    pub url: String,
    routes: Arc<Mutex<HashMap<String, Reply>>>,
    /// Replies given once, before the route's own.
    once: Arc<Mutex<HashMap<String, Vec<Reply>>>>,
    /// Requests answered, by path.
    hits: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    served: Arc<AtomicUsize>,
}

const FIXTURE: &str = "tests/fixtures/import/site";

impl Site {
    /// Serves the fixture roadmap as `backend` (and its topics' texts).
    pub fn start() -> Site {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let mut routes = HashMap::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
        routes.insert(
            "/api/v1-official-roadmap/backend".to_string(),
            Reply::Body(std::fs::read(root.join("backend.json")).unwrap()),
        );
        for entry in std::fs::read_dir(root.join("topics")).unwrap() {
            let path = entry.unwrap().path();
            let node = path.file_stem().unwrap().to_str().unwrap().to_string();
            routes.insert(
                format!("/api/v1-official-roadmap-topic/backend/{node}"),
                Reply::Body(std::fs::read(&path).unwrap()),
            );
        }
        let site = Site {
            url,
            routes: Arc::new(Mutex::new(routes)),
            once: Arc::new(Mutex::new(HashMap::new())),
            hits: Arc::new(Mutex::new(Vec::new())),
            stop: Arc::new(AtomicBool::new(false)),
            served: Arc::new(AtomicUsize::new(0)),
        };
        let (routes, once, hits, stop, served) = (
            site.routes.clone(),
            site.once.clone(),
            site.hits.clone(),
            site.stop.clone(),
            site.served.clone(),
        );
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (routes, once, hits, served) =
                    (routes.clone(), once.clone(), hits.clone(), served.clone());
                std::thread::spawn(move || {
                    if let Some(path) = serve(stream, &routes, &once) {
                        hits.lock().unwrap().push(path);
                        served.fetch_add(1, Ordering::SeqCst);
                    }
                });
            }
        });
        site
    }

    /// Answers `path` with `reply` from now on.
    pub fn set(&self, path: &str, reply: Reply) {
        self.routes.lock().unwrap().insert(path.to_string(), reply);
    }

    /// Answers `path` with `reply` the next time only (then as before).
    pub fn set_once(&self, path: &str, reply: Reply) {
        self.once
            .lock()
            .unwrap()
            .entry(path.to_string())
            .or_default()
            .push(reply);
    }

    /// How many requests were answered.
    pub fn requests(&self) -> usize {
        self.served.load(Ordering::SeqCst)
    }

    pub fn hits(&self) -> Vec<String> {
        self.hits.lock().unwrap().clone()
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.url.trim_start_matches("http://"));
    }
}

/// Reads one request and answers it; the path asked, if any.
fn serve(
    stream: TcpStream,
    routes: &Mutex<HashMap<String, Reply>>,
    once: &Mutex<HashMap<String, Vec<Reply>>>,
) -> Option<String> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut first = String::new();
    reader.read_line(&mut first).ok()?;
    let path = first.split_whitespace().nth(1)?.to_string();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 || line == "\r\n" {
            break;
        }
    }
    let first = once
        .lock()
        .unwrap()
        .get_mut(&path)
        .filter(|l| !l.is_empty())
        .map(|l| l.remove(0));
    let reply = first.unwrap_or_else(|| {
        routes
            .lock()
            .unwrap()
            .get(&path)
            .cloned()
            .unwrap_or(Reply::Status(404))
    });
    let mut out = stream;
    let head = |status: &str, extra: &str| {
        format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nConnection: close\r\n{extra}\r\n"
        )
    };
    let _ = match reply {
        Reply::Body(body) => out
            .write_all(head("200 OK", &format!("Content-Length: {}\r\n", body.len())).as_bytes())
            .and_then(|()| out.write_all(&body)),
        Reply::Status(code) => {
            let body = format!("{{\"status\": {code}, \"message\": \"test reply\"}}");
            let reason = match code {
                404 => "Not Found",
                500 => "Internal Server Error",
                503 => "Service Unavailable",
                _ => "Whatever",
            };
            out.write_all(
                head(
                    &format!("{code} {reason}"),
                    &format!("Content-Length: {}\r\n", body.len()),
                )
                .as_bytes(),
            )
            .and_then(|()| out.write_all(body.as_bytes()))
        }
        Reply::Truncated { announce, body } => out
            .write_all(head("200 OK", &format!("Content-Length: {announce}\r\n")).as_bytes())
            .and_then(|()| out.write_all(&body)),
        Reply::Stall => {
            let r = out
                .write_all(head("200 OK", "Content-Length: 1000\r\n").as_bytes())
                .and_then(|()| out.write_all(b"{\"nodes\": ["))
                .and_then(|()| out.flush());
            std::thread::sleep(Duration::from_secs(60));
            r
        }
        Reply::Endless { bytes } => {
            let mut r = out.write_all(head("200 OK", "Transfer-Encoding: chunked\r\n").as_bytes());
            let chunk = vec![b' '; 64 * 1024];
            let mut sent = 0;
            while r.is_ok() && sent < bytes {
                r = out
                    .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                    .and_then(|()| out.write_all(&chunk))
                    .and_then(|()| out.write_all(b"\r\n"));
                sent += chunk.len();
            }
            r.and_then(|()| out.write_all(b"0\r\n\r\n"))
        }
        Reply::Huge { bytes } => {
            let mut r =
                out.write_all(head("200 OK", &format!("Content-Length: {bytes}\r\n")).as_bytes());
            let chunk = vec![b' '; 64 * 1024];
            let mut sent = 0;
            while r.is_ok() && sent < bytes {
                r = out.write_all(&chunk);
                sent += chunk.len();
            }
            r
        }
    };
    let _ = out.flush();
    Some(path)
}

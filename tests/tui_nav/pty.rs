//! The real `roadmap` binary in a pseudo-terminal, read back through a
//! terminal emulator (vt100), with every byte it wrote kept for checks
//! the emulator cannot make.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(30);

/// The small fixture roadmap (3 stages, 10 skills).
pub fn small() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json")
}

/// Runs `roadmap --roadmap ROADMAP ARGS` as another process on the data
/// folder `home`, as a second terminal would; it must succeed.
pub fn cli(home: &Path, roadmap: &Path, args: &[&str]) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .arg("--roadmap")
        .arg(roadmap)
        .args(args)
        .env("ROADMAP_HOME", home)
        .env("ROADMAP_CONFIG", home.join("no-config.toml"))
        .env_remove("ROADMAP_FILE")
        .env_remove("ROADMAP_PROFILE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "roadmap {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub struct Tui {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<thread::JoinHandle<()>>,
}

impl Tui {
    /// Starts `roadmap --roadmap ROADMAP` in a `cols`×`rows` terminal with
    /// `home` as its data folder.
    pub fn start(home: &Path, roadmap: &Path, cols: u16, rows: u16) -> Tui {
        Tui::start_with(home, roadmap, cols, rows, &[])
    }

    /// As [`Tui::start`], reading the config file `config`.
    pub fn start_with_config(
        home: &Path,
        roadmap: &Path,
        cols: u16,
        rows: u16,
        config: &Path,
    ) -> Tui {
        Tui::start_with(home, roadmap, cols, rows, &[("ROADMAP_CONFIG", config)])
    }

    /// Like [`Tui::start`], with more environment variables (a config
    /// file that does not exist unless `ROADMAP_CONFIG` is among them).
    pub fn start_with(
        home: &Path,
        roadmap: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &Path)],
    ) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_roadmap"));
        cmd.arg("--roadmap");
        cmd.arg(roadmap);
        cmd.env("ROADMAP_HOME", home);
        cmd.env("ROADMAP_CONFIG", home.join("no-config.toml"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("ROADMAP_FILE");
        cmd.env_remove("ROADMAP_PROFILE");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("VISUAL");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (sink, tape) = (Arc::clone(&parser), Arc::clone(&raw));
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        sink.lock().unwrap().process(&buf[..n]);
                        tape.lock().unwrap().extend_from_slice(&buf[..n]);
                    }
                }
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Tui {
            child,
            master: pair.master,
            writer,
            parser,
            raw,
            reader: Some(reader),
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Row `row` of the screen, as text.
    pub fn row(&self, row: u16) -> String {
        let parser = self.parser.lock().unwrap();
        let (_, cols) = parser.screen().size();
        parser.screen().contents_between(row, 0, row, cols)
    }

    /// Waits until the screen shows `text`; fails with the screen.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits until `check` holds for the screen; fails with the screen.
    pub fn wait_until(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Finds `text` on the screen: (column, row) of its first character.
    pub fn find(&self, text: &str) -> Option<(u16, u16)> {
        let parser = self.parser.lock().unwrap();
        let (rows, cols) = parser.screen().size();
        for row in 0..rows {
            let line = parser.screen().contents_between(row, 0, row, cols);
            if let Some(i) = line.find(text) {
                let col = line[..i].chars().count();
                return Some((u16::try_from(col).unwrap(), row));
            }
        }
        None
    }

    pub fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// A left click at a 0-based cell, as an xterm SGR mouse report.
    pub fn click(&mut self, column: u16, row: u16) {
        let (x, y) = (column + 1, row + 1);
        self.press(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    }

    /// Resizes the terminal, as a window manager or `tmux resize-window`
    /// does.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    pub fn signal(&self, signal: &str) {
        let pid = self.child.process_id().unwrap();
        let ok = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -{signal} {pid}");
    }

    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Waits for the process to end; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                if let Some(r) = self.reader.take() {
                    let _ = r.join();
                }
                return status.exit_code();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the app did not exit; the screen:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal is back to normal: main screen, no mouse reporting.
    pub fn assert_restored(&self) {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse still captured"
        );
    }

    /// Every byte the app wrote so far.
    pub fn output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
    }
}

//! `roadmap import NAME`: downloading from roadmap.sh, tested against a
//! server of our own on loopback (`site.rs`) serving the fixture in
//! tests/fixtures/import/site/. The real site is never reached.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

use super::common::{Env, texts};
use super::site::{Reply, Site};

const ROADMAP: &str = "/api/v1-official-roadmap/backend";
const TOPIC: &str = "/api/v1-official-roadmap-topic/backend/Net_Top1";
/// The fixture has 7 topics and subtopics; 6 have a text.
const REQUESTS: usize = 8;

/// `roadmap` on the environment's data folder, downloading from `site`.
fn cmd(env: &Env, site: &Site) -> Command {
    let mut c = env.bare();
    c.env("ROADMAP_SH_URL", &site.url)
        .env("ROADMAP_SH_TIMEOUT", "5")
        .env_remove("HTTP_PROXY")
        .env_remove("HTTPS_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("http_proxy")
        .env_remove("https_proxy")
        .env_remove("all_proxy");
    c
}

fn cache_dir(env: &Env, site: &Site) -> PathBuf {
    let key = site.url.trim_start_matches("http://").replace(':', "_");
    env.home.path().join("cache").join(key).join("backend")
}

fn library(env: &Env) -> PathBuf {
    env.home.path().join("roadmaps")
}

fn show(env: &Env, id: &str, skill: &str) -> Value {
    let a = env
        .bare()
        .args(["--roadmap", id, "show", skill, "--json"])
        .assert()
        .success();
    serde_json::from_str(&texts(&a).0).unwrap()
}

/// Nothing in the library and no finished download in the cache.
fn nothing_written(env: &Env, site: &Site) {
    assert!(!library(env).exists(), "the library was written");
    assert!(
        !cache_dir(env, site).join("manifest.json").exists(),
        "a download was cached"
    );
}

#[test]
fn a_name_is_downloaded_converted_cached_and_kept_under_a_free_id() {
    let env = Env::new();
    let site = Site::start();
    let a = cmd(&env, &site)
        .args(["import", "backend"])
        .assert()
        .success();
    let (out, err) = texts(&a);
    assert!(
        out.contains(&format!(
            "downloaded {}/backend: the roadmap and 6 topic text(s)",
            site.url
        )),
        "{out}"
    );
    assert!(
        out.contains(
            "its own id 'backend' is the built-in roadmap's, so it is kept as 'backend-roadmap-sh'"
        ),
        "{out}"
    );
    assert!(
        out.contains("'backend-roadmap-sh' (Server Craft (a test fixture)): 3 stages, 7 skills"),
        "{out}"
    );
    assert!(out.contains("saved in your library"), "{out}");
    assert!(
        err.contains("1 topic(s) have no text on roadmap.sh (for example 'Gemstone script')"),
        "{err}"
    );
    // Not a terminal: no progress line.
    assert!(!err.contains("Downloading"), "{err}");
    assert_eq!(site.requests(), REQUESTS, "{:?}", site.hits());

    // The texts reached the roadmap, as a content folder's would.
    let networks = show(&env, "backend-roadmap-sh", "networks");
    assert!(
        networks["description"]
            .as_str()
            .unwrap()
            .contains("How two machines find"),
        "{networks}"
    );
    assert_eq!(networks["resources"].as_array().unwrap().len(), 2);
    assert_eq!(networks["resources"][1]["kind"], "video");
    // The built-in roadmap is untouched.
    env.bare()
        .arg("status")
        .assert()
        .success()
        .stdout(predicates::str::contains("Backend"));

    // The originals are in the cache, in private folders.
    let cache = cache_dir(&env, &site);
    assert_eq!(
        std::fs::read(cache.join("roadmap.json")).unwrap(),
        std::fs::read("tests/fixtures/import/site/backend.json").unwrap()
    );
    assert_eq!(std::fs::read_dir(cache.join("topics")).unwrap().count(), 6);
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(cache.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["topics"]["Ruby_s03"], Value::Null);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.home.path().join("cache"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
}

#[test]
fn a_reimport_reads_the_cache_offline_and_refresh_downloads_again() {
    let env = Env::new();
    let site = Site::start();
    cmd(&env, &site)
        .args(["import", "backend"])
        .assert()
        .success();
    env.bare()
        .args(["--roadmap", "backend-roadmap-sh", "done", "networks"])
        .assert()
        .success();

    // The site changes; a re-import still reads what was downloaded.
    let changed = br##"{"description": "# Networks\n\nRewritten text.", "resources": []}"##;
    site.set(TOPIC, Reply::Body(changed.to_vec()));
    let a = cmd(&env, &site)
        .args(["import", "backend"])
        .assert()
        .success();
    let out = texts(&a).0;
    assert!(
        out.contains("read from the cache (downloaded from"),
        "{out}"
    );
    assert!(out.contains("`--refresh` downloads it again"), "{out}");
    assert!(out.contains("replaced the earlier import"), "{out}");
    assert_eq!(site.requests(), REQUESTS);
    let networks = show(&env, "backend-roadmap-sh", "networks");
    assert!(
        networks["description"]
            .as_str()
            .unwrap()
            .contains("How two machines")
    );
    assert_eq!(networks["status"], "done");

    // --refresh asks the site again.
    let a = cmd(&env, &site)
        .args(["import", "backend", "--refresh"])
        .assert()
        .success();
    assert!(texts(&a).0.contains("downloaded"), "{}", texts(&a).0);
    assert_eq!(site.requests(), 2 * REQUESTS);
    let networks = show(&env, "backend-roadmap-sh", "networks");
    assert_eq!(networks["description"], "Rewritten text.");
    assert_eq!(networks["status"], "done");

    // With the site gone, the cache still serves; --refresh fails and
    // leaves the cache and the library as they were.
    let url = site.url.clone();
    drop(site);
    let offline = |args: &[&str]| {
        let mut c = env.bare();
        c.env("ROADMAP_SH_URL", &url)
            .env("ROADMAP_SH_TIMEOUT", "5")
            .args(args);
        c
    };
    let a = offline(&["import", "backend"]).assert().success();
    assert!(
        texts(&a).0.contains("read from the cache"),
        "{}",
        texts(&a).0
    );
    let a = offline(&["import", "backend", "--refresh"])
        .assert()
        .code(1);
    let err = texts(&a).1;
    assert!(err.contains("cannot connect"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert!(
        err.contains("the copy downloaded before is still in the cache"),
        "{err}"
    );
    offline(&["import", "backend"]).assert().success();
    assert_eq!(
        show(&env, "backend-roadmap-sh", "networks")["status"],
        "done"
    );
}

#[test]
fn an_unknown_name_says_so_and_where_to_check_it() {
    let env = Env::new();
    let site = Site::start();
    let a = cmd(&env, &site)
        .args(["import", "no-such-roadmap"])
        .assert()
        .code(1);
    let err = texts(&a).1;
    assert!(
        err.contains("roadmap.sh has no roadmap named 'no-such-roadmap'") && err.contains("404"),
        "{err}"
    );
    assert!(
        err.contains("check the name on https://roadmap.sh/roadmaps"),
        "{err}"
    );
    assert!(
        err.contains("no file named 'no-such-roadmap' here either"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!library(&env).exists());
    assert!(!env.home.path().join("cache").exists());
    // A passing server error is asked again; one that lasts is not a
    // missing roadmap.
    site.set_once(ROADMAP, Reply::Status(503));
    site.set_once(TOPIC, Reply::Status(502));
    let before = site.requests();
    cmd(&env, &site)
        .args(["import", "backend"])
        .assert()
        .success();
    assert_eq!(site.requests(), before + REQUESTS + 2);
    std::fs::remove_dir_all(library(&env)).unwrap();
    site.set(ROADMAP, Reply::Status(503));
    let a = cmd(&env, &site)
        .args(["import", "backend", "--refresh"])
        .assert()
        .code(1);
    let err = texts(&a).1;
    assert!(err.contains("answered 503 Service Unavailable"), "{err}");
    assert!(err.contains("try again later"), "{err}");
    assert!(!library(&env).exists());
}

#[test]
fn a_stalled_server_is_given_up_after_the_timeout_and_nothing_is_written() {
    let env = Env::new();
    let site = Site::start();
    site.set(TOPIC, Reply::Stall);
    let a = cmd(&env, &site)
        .env("ROADMAP_SH_TIMEOUT", "1")
        .args(["import", "backend"])
        .assert()
        .code(1);
    let err = texts(&a).1;
    assert!(err.contains("Net_Top1 stopped answering"), "{err}");
    assert!(err.contains("ROADMAP_SH_TIMEOUT"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    nothing_written(&env, &site);
    // The roadmap document itself, too.
    site.set(ROADMAP, Reply::Stall);
    let a = cmd(&env, &site)
        .env("ROADMAP_SH_TIMEOUT", "0.5")
        .args(["import", "backend"])
        .assert()
        .code(1);
    assert!(texts(&a).1.contains("stopped answering"), "{}", texts(&a).1);
    nothing_written(&env, &site);
}

#[test]
fn a_truncated_body_is_never_converted_or_cached() {
    let env = Env::new();
    let site = Site::start();
    let whole = std::fs::read("tests/fixtures/import/site/backend.json").unwrap();
    site.set(
        ROADMAP,
        Reply::Truncated {
            announce: whole.len(),
            body: whole[..whole.len() / 2].to_vec(),
        },
    );
    let a = cmd(&env, &site)
        .args(["import", "backend"])
        .assert()
        .code(1);
    let err = texts(&a).1;
    assert!(err.contains("was cut off"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    nothing_written(&env, &site);

    // A topic's text cut short fails the whole download.
    site.set(ROADMAP, Reply::Body(whole));
    site.set(
        TOPIC,
        Reply::Truncated {
            announce: 500,
            body: b"{\"description\": \"# Net".to_vec(),
        },
    );
    let a = cmd(&env, &site)
        .args(["import", "backend"])
        .assert()
        .code(1);
    let err = texts(&a).1;
    assert!(err.contains("Net_Top1 was cut off after 22 bytes"), "{err}");
    nothing_written(&env, &site);
}

#[test]
fn an_oversized_body_is_refused_whether_announced_or_not() {
    let env = Env::new();
    let site = Site::start();
    site.set(ROADMAP, Reply::Huge { bytes: 17 << 20 });
    let a = cmd(&env, &site)
        .args(["import", "backend"])
        .assert()
        .code(1);
    let err = texts(&a).1;
    assert!(
        err.contains("sent 17825792 bytes, more than the limit"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    nothing_written(&env, &site);
    // A body with no length announced is cut off at the limit: a topic's
    // text may be 1 MiB.
    site.set(
        ROADMAP,
        Reply::Body(std::fs::read("tests/fixtures/import/site/backend.json").unwrap()),
    );
    site.set(TOPIC, Reply::Endless { bytes: 2 << 20 });
    let a = cmd(&env, &site)
        .args(["import", "backend"])
        .assert()
        .code(1);
    let err = texts(&a).1;
    assert!(
        err.contains("sent more, more than the limit of 1048576 bytes"),
        "{err}"
    );
    nothing_written(&env, &site);
}

#[test]
fn a_damaged_cache_is_downloaded_again_or_reported_offline() {
    let env = Env::new();
    let site = Site::start();
    cmd(&env, &site)
        .args(["import", "backend"])
        .assert()
        .success();
    let topic = cache_dir(&env, &site).join("topics/Net_Top1.json");
    let mut bytes = std::fs::read(&topic).unwrap();
    bytes[20] ^= 1;
    std::fs::write(&topic, &bytes).unwrap();
    let a = cmd(&env, &site)
        .args(["import", "backend"])
        .assert()
        .success();
    let (out, err) = texts(&a);
    assert!(err.contains("Net_Top1.json is damaged"), "{err}");
    assert!(err.contains("downloading the roadmap again"), "{err}");
    assert!(out.contains("downloaded"), "{out}");
    assert_eq!(site.requests(), 2 * REQUESTS);
    // Repaired: the next import reads the cache again.
    let a = cmd(&env, &site)
        .args(["import", "backend"])
        .assert()
        .success();
    assert!(texts(&a).0.contains("read from the cache"));

    std::fs::write(&topic, b"{}").unwrap();
    let url = site.url.clone();
    drop(site);
    let a = env
        .bare()
        .env("ROADMAP_SH_URL", &url)
        .args(["import", "backend"])
        .assert()
        .code(1);
    let err = texts(&a).1;
    assert!(err.contains("cannot connect"), "{err}");
    assert!(err.contains("cannot be used either"), "{err}");
}

#[test]
fn the_page_address_works_like_the_name_and_a_dry_run_keeps_nothing() {
    let env = Env::new();
    let site = Site::start();
    // roadmap.sh's address: the name is taken from it, the download goes
    // to ROADMAP_SH_URL (here our server).
    let a = cmd(&env, &site)
        .args(["import", "https://roadmap.sh/backend?r=x", "--dry-run"])
        .assert()
        .success();
    let out = texts(&a).0;
    assert!(out.contains("(not kept: dry run)"), "{out}");
    assert!(out.contains("'backend-roadmap-sh'"), "{out}");
    assert!(out.contains("dry run: nothing was written"), "{out}");
    assert!(!env.home.path().join("cache").exists());
    assert!(!library(&env).exists());
    // A dry run is never refused for an id.
    let a = cmd(&env, &site)
        .args([
            "import",
            &format!("{}/backend", site.url),
            "--id",
            "backend",
            "--dry-run",
        ])
        .assert()
        .success();
    assert!(
        texts(&a)
            .1
            .contains("belongs to the built-in roadmap: a real import would be refused"),
        "{}",
        texts(&a).1
    );
    cmd(&env, &site)
        .args(["import", "https://example.com/backend"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("is not an address on roadmap.sh"));
    cmd(&env, &site)
        .args([
            "import",
            "backend",
            "--content",
            "tests/fixtures/import/content",
        ])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--content is for a roadmap file"));
    cmd(&env, &site)
        .args(["import", "tests/fixtures/import/api.json", "--refresh"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "--refresh is for a roadmap imported by name",
        ));
    assert_eq!(site.requests(), 2 * REQUESTS);
}

/// Runs `roadmap ARGS` in a pseudo-terminal; all it wrote, and whether it
/// succeeded.
#[cfg(unix)]
fn in_terminal(env: &Env, site: &Site, args: &[&str]) -> (String, bool) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut c = CommandBuilder::new(env!("CARGO_BIN_EXE_roadmap"));
    c.args(args);
    c.cwd(env!("CARGO_MANIFEST_DIR"));
    c.env("ROADMAP_HOME", env.home.path());
    c.env("ROADMAP_CONFIG", env.home.path().join("no-config.toml"));
    c.env("ROADMAP_SH_URL", &site.url);
    c.env("TERM", "xterm-256color");
    for var in [
        "ROADMAP_FILE",
        "ROADMAP_PROFILE",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
    ] {
        c.env_remove(var);
    }
    let mut child = pair.slave.spawn_command(c).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let collect = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        all
    });
    let status = child.wait().unwrap();
    drop(pair.master);
    let all = collect.join().unwrap();
    (String::from_utf8_lossy(&all).into_owned(), status.success())
}

#[cfg(unix)]
#[test]
fn progress_is_shown_on_a_terminal_and_the_line_is_cleared() {
    let env = Env::new();
    let site = Site::start();
    let (all, ok) = in_terminal(&env, &site, &["import", "backend"]);
    assert!(ok, "{all}");
    assert!(all.contains("Downloading backend: the roadmap"), "{all:?}");
    assert!(all.contains("Downloading backend: topics ["), "{all:?}");
    assert!(all.contains("7/7"), "{all:?}");
    // Each redraw clears the line first, and the last one is cleared
    // before the report: nothing is left half drawn.
    let last_drawn = all.rfind("Downloading").unwrap();
    let cleared = all.rfind("\r\u{1b}[2K").unwrap();
    assert!(cleared > last_drawn, "{all:?}");
    assert!(all.find("warning:").unwrap() > cleared, "{all:?}");
    assert!(all.contains("saved in your library"), "{all:?}");
    // From the cache: nothing to show.
    let (all, ok) = in_terminal(&env, &site, &["import", "backend"]);
    assert!(ok && !all.contains("Downloading"), "{all:?}");
}

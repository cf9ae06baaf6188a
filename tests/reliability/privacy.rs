//! Guarantee 7: profiles are private (file 0600, folder 0700) and nothing
//! leaves the machine.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::{Env, small_roadmap};

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn profile_files_are_0600_in_a_0700_folder() {
    let env = Env::new();
    let small = small_roadmap();
    // The data folder and a parent that does not exist yet.
    let home = env.root.path().join("new").join("roadmap");
    let run = |args: &[&str]| {
        let out = crate::common::cmd_at(&home)
            .arg("--roadmap")
            .arg(&small)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", crate::common::text(&out.stderr));
    };
    run(&["done", "internet"]);
    run(&["done", "http"]);
    assert_eq!(mode(&home), 0o700, "the data folder");
    assert_eq!(
        mode(home.parent().unwrap()),
        0o700,
        "folders created on the way"
    );
    // No lock file: saves lock the folder itself (docs/reliability.md).
    for file in ["default.json", "default.json.bak"] {
        assert_eq!(mode(&home.join(file)), 0o600, "{file}");
    }
}

#[test]
fn a_profile_made_readable_by_others_is_private_again_after_a_save() {
    let env = Env::new();
    let small = small_roadmap();
    env.ok(&small, &["done", "internet"]);
    std::fs::set_permissions(env.profile(), std::fs::Permissions::from_mode(0o644)).unwrap();
    env.ok(&small, &["done", "http"]);
    assert_eq!(mode(&env.profile()), 0o600);
    assert_eq!(
        mode(&env.home().join("default.json.bak")),
        0o600,
        "the backup too"
    );
}

/// Nothing leaves the machine: the one network client in the dependency
/// tree (ureq, for `roadmap import NAME`) is used by `src/fetch/` alone,
/// which only sends GET requests without a body (a roadmap's name and a
/// node id in the address are all it says); no telemetry, async runtime or
/// other client is a dependency, and no other module opens a socket.
#[test]
fn the_network_is_used_only_to_download_roadmaps() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
    let packages: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(packages.contains(&"serde_json"), "the lock file was read");
    for client in [
        "reqwest",
        "hyper",
        "curl",
        "isahc",
        "attohttpc",
        "surf",
        "tokio",
        "async-std",
        "h2",
        "native-tls",
        "openssl",
        "sentry",
        "opentelemetry",
    ] {
        assert!(
            !packages.contains(&client),
            "{client} would let data leave the machine"
        );
    }
    // Every use of the network in the code is in src/fetch/.
    let mut stack = vec![root.join("src")];
    let mut users = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            if ["ureq", "std::net", "TcpStream", "UdpSocket"]
                .iter()
                .any(|w| text.contains(w))
            {
                users.push(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    assert!(!users.is_empty(), "the sources were read");
    for user in &users {
        assert!(
            user.starts_with("src/fetch"),
            "{} uses the network",
            user.display()
        );
    }
    let http = std::fs::read_to_string(root.join("src/fetch/http.rs")).unwrap();
    assert!(http.contains(".get(url)"), "requests are GETs");
    for verb in [
        ".post(",
        ".put(",
        ".patch(",
        ".delete(",
        ".send(",
        "send_json",
        "send_form",
    ] {
        assert!(!http.contains(verb), "src/fetch/http.rs sends data: {verb}");
    }
}

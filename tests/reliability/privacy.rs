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

/// Nothing leaves the machine: no HTTP, socket or telemetry client is in
/// the dependency tree, so no code path can send a profile anywhere.
#[test]
fn no_network_client_is_a_dependency() {
    let lock =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock")).unwrap();
    let packages: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(packages.contains(&"serde_json"), "the lock file was read");
    for client in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "attohttpc",
        "surf",
        "tokio",
        "async-std",
        "h2",
        "rustls",
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
}

//! Any bytes given to the profile reader: a profile or an error that names
//! the file, never a panic. A profile that parses survives a merge with
//! itself and a round trip through its own serialisation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use roadmap::store::{merge::merge, parse_profile};

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.json");
    match parse_profile(data, path) {
        Err(e) => assert!(e.to_string().contains("fuzz.json")),
        Ok(p) => {
            let mut twice = p.clone();
            merge(&mut twice, &p);
            let bytes = serde_json::to_vec(&p).unwrap();
            let back = parse_profile(&bytes, path).unwrap();
            assert_eq!(back, p);
        }
    }
});

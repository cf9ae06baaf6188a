//! Any bytes given to the roadmap.sh importer (as the roadmap JSON, and
//! split into a content file): an error or a roadmap, never a panic. What
//! it converts must always pass our own loader: the importer never writes
//! a file the app would refuse.
#![no_main]

use libfuzzer_sys::fuzz_target;
use roadmap::import::{ContentFile, Options, convert};

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let (json, rest) = data.split_at(split);
    let content = vec![ContentFile {
        path: "fuzzed@n1.md".to_string(),
        bytes: rest.to_vec(),
    }];
    let options = Options {
        source: "fuzz.json".to_string(),
        fallback_id: "fuzz".to_string(),
        with_content: true,
        ..Options::default()
    };
    if let Ok(out) = convert(json, &content, &options) {
        if let Err(e) = roadmap::model::load(&out.json, "converted") {
            panic!("the importer wrote a roadmap the loader refuses: {e}");
        }
    }
});

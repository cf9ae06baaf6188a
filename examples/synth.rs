//! Writes a synthetic roadmap: `cargo run --release --example synth -- N FILE`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(file)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: synth N FILE   (writes a valid roadmap of N skills to FILE)");
        return ExitCode::from(2);
    };
    match std::fs::write(file, roadmap::synth::roadmap_json(n)) {
        Ok(()) => {
            println!("wrote {file}: {n} skills");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {file}: {e}");
            ExitCode::FAILURE
        }
    }
}

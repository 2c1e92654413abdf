//! Prerender step, run after `trunk build`: `prerender <dist>`. See [`lebenslagen::prerender`].

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dist) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: prerender <dist directory written by trunk build>");
        return ExitCode::from(2);
    };
    match lebenslagen::prerender::run(&dist) {
        Ok(count) => {
            println!(
                "prerender: wrote {count} pages to {}",
                dist.join("pages").display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

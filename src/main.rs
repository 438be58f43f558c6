use std::process::ExitCode;

use clap::Parser;
use memorial_atlas::cli::{Cli, CliError, run};

fn main() -> ExitCode {
    let _logs = memorial_atlas::logging::init();
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Reported(_)) => ExitCode::FAILURE,
        // What went wrong with the command is told to its user, not logged.
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

//! `sotay`: the command-line side of Sổ tay Công dân số.
//!
//! Every subcommand is a thin shell over a library crate, so that what the
//! app does in the browser and what `sotay` does on a desk computer agree.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cccd;
mod decode;
mod guides;
mod handout;
mod poster;
mod serve;
mod tally;

#[derive(Parser)]
#[command(
    name = "sotay",
    version,
    about = "Sổ tay Công dân số — công cụ dòng lệnh"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve a built site (from `cargo xtask dist`) over HTTP.
    Serve(serve::Args),
    /// Read the text of a CCCD / căn cước QR code and print it as JSON.
    Cccd(cccd::Args),
    /// Find and decode QR codes in PNG / JPEG files.
    Decode(decode::Args),
    /// Make QR posters, flyers and stickers as SVG files.
    Poster(poster::Args),
    /// Guide content: `sotay guides report` prints coverage, sources and review ages.
    Guides(guides::Args),
    /// The team's counts: `sotay tally merge FILE...` adds up volunteers' exported months.
    Tally(tally::Args),
}

fn main() -> ExitCode {
    // Usage errors exit 1, not clap's 2: `sotay cccd` uses 2 for "not a card".
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Serve(args) => serve::run(args),
        Command::Cccd(args) => cccd::run(args),
        Command::Decode(args) => decode::run(args),
        Command::Poster(args) => poster::run(args),
        Command::Guides(args) => guides::run(args),
        Command::Tally(args) => tally::run(args),
    }
}

/// `--today YYYY-MM-DD` and other dates on the command line, with the date crate's message.
fn parse_date(text: &str) -> Result<sotay_guides::Date, String> {
    sotay_guides::Date::parse(text).map_err(|e| e.message_vi().to_owned())
}

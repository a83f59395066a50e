//! `sotay guides report`: the content report for a commune content editor (see
//! `sotay_guides::render_report`). Exits 1 when any guide or the services list has an error, so
//! `cargo xtask test` fails on, for example, a service residents file that has no guide.

use std::path::PathBuf;
use std::process::ExitCode;

use sotay_guides::{Date, ReportInput, check_dir, check_services, render_report};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Print the content report: guides per language, services covered, sources, review ages.
    Report(ReportArgs),
}

#[derive(clap::Args)]
struct ReportArgs {
    /// The assets folder: guides in `<DIR>/guides/{vi,en}`, the services list in `<DIR>/services.toml`.
    #[arg(long, value_name = "DIR", default_value = "assets")]
    assets: PathBuf,
    /// The day to measure review ages from (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::parse_date)]
    today: Option<Date>,
}

pub fn run(args: Args) -> ExitCode {
    match args.command {
        Command::Report(args) => report(&args),
    }
}

fn report(args: &ReportArgs) -> ExitCode {
    let today = args.today.unwrap_or_else(Date::today_utc);
    let guides_dir = args.assets.join("guides");
    if !guides_dir.join("vi").is_dir() {
        eprintln!(
            "sotay guides report: không thấy thư mục {}; chạy lệnh ở thư mục gốc của dự án hoặc ghi --assets <thư mục assets>",
            guides_dir.join("vi").display()
        );
        return ExitCode::FAILURE;
    }
    let content = check_dir(&guides_dir, today);
    let (services, service_errors) =
        check_services(&args.assets.join("services.toml"), &content.catalog);
    let mut errors = content.errors;
    errors.extend(service_errors);
    print!(
        "{}",
        render_report(&ReportInput {
            catalog: &content.catalog,
            services: &services,
            errors: &errors,
            warnings: &content.warnings,
            today,
        })
    );
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

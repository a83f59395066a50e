//! `sotay tally merge FILE...`: adds up the team's exported months (files made by "Lưu tệp"
//! on each volunteer's team page) and prints the combined report. A file that cannot be read,
//! or is refused (another commune, a month not yet come), gets a message naming the file and
//! line, and the command exits 1 without a report, so a partial total is never taken for the
//! whole team's.

use std::path::PathBuf;
use std::process::ExitCode;

use sotay_guides::{check_dir, check_services};
use sotay_tally::{Date, Month, MonthShare, Period, Report, ShareError, Subjects, Tally};
use sotay_text::Lang;

/// Larger files are not a month of counts.
const MAX_FILE_BYTES: u64 = 1 << 20;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Add up exported months of several phones and print the combined report.
    Merge(MergeArgs),
}

#[derive(clap::Args)]
struct MergeArgs {
    /// Files exported from the team page ("Lưu tệp tháng này").
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The assets folder (service names and guide titles for the report).
    #[arg(long, value_name = "DIR", default_value = "assets")]
    assets: PathBuf,
    /// Today (default: today, UTC): months after it are refused.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::parse_date)]
    today: Option<Date>,
}

pub fn run(args: Args) -> ExitCode {
    match args.command {
        Command::Merge(args) => merge(&args),
    }
}

/// The line of `text` a refusal is about: the first non-empty line starting with `tag`.
fn line_of(text: &str, tag: char) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start_matches('\u{feff}')
                .trim()
                .chars()
                .next()
                .is_some_and(|c| c.eq_ignore_ascii_case(&tag))
        })
        .map_or(1, |i| i + 1)
}

fn read(path: &PathBuf) -> Result<String, String> {
    let metadata = std::fs::metadata(path).map_err(|e| format!("không đọc được tệp ({e})"))?;
    if !metadata.is_file() || metadata.len() > MAX_FILE_BYTES {
        return Err("không phải tệp số lượt hỗ trợ (tệp quá lớn hoặc là thư mục)".into());
    }
    let bytes = std::fs::read(path).map_err(|e| format!("không đọc được tệp ({e})"))?;
    String::from_utf8(bytes).map_err(|_| "tệp không phải văn bản UTF-8".into())
}

fn merge(args: &MergeArgs) -> ExitCode {
    let today = args.today.unwrap_or_else(Date::today_utc);
    let guides_dir = args.assets.join("guides");
    if !guides_dir.join("vi").is_dir() {
        eprintln!(
            "sotay tally merge: không thấy thư mục {}; chạy lệnh ở thư mục gốc của dự án hoặc ghi --assets <thư mục assets>",
            guides_dir.join("vi").display()
        );
        return ExitCode::FAILURE;
    }
    let content = check_dir(&guides_dir, today);
    let (services, _) = check_services(&args.assets.join("services.toml"), &content.catalog);
    let subjects = Subjects::new(&services, &content.catalog, Lang::Vi);

    let mut tally = Tally::new();
    // The first file's commune is the team's; every other file must match it.
    let mut commune = None;
    let mut months: Vec<Month> = Vec::new();
    let mut failed = false;
    for path in &args.files {
        let name = path.display();
        let text = match read(path) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("{name}: {message}");
                failed = true;
                continue;
            }
        };
        let share = match MonthShare::from_file_text(&text) {
            Ok(share) => share,
            Err(error) => {
                let line = match error {
                    ShareError::Damaged { field, .. } => field,
                    _ => 1,
                };
                eprintln!("{name}, dòng {line}: {}", error.message(Lang::Vi));
                failed = true;
                continue;
            }
        };
        let team_commune = *commune.get_or_insert(share.commune);
        let (month, device) = (share.month, share.device);
        match tally.merge(share, team_commune, today) {
            Ok(outcome) => {
                eprintln!("{name}: {}", outcome.message(Lang::Vi, month, device));
                if !months.contains(&month) {
                    months.push(month);
                }
            }
            Err(error) => {
                let tag = match error {
                    ShareError::ForeignCommune => 'x',
                    ShareError::FutureMonth(_) => 't',
                    _ => 'm',
                };
                eprintln!(
                    "{name}, dòng {}: {}",
                    line_of(&text, tag),
                    error.message(Lang::Vi)
                );
                failed = true;
            }
        }
    }
    if failed {
        eprintln!(
            "sotay tally merge: chưa cộng vì có tệp lỗi ở trên. Sửa hoặc bỏ tệp đó rồi chạy lại."
        );
        return ExitCode::FAILURE;
    }
    months.sort();
    for (index, month) in months.iter().enumerate() {
        if index > 0 {
            println!();
        }
        print!(
            "{}",
            Report::new(&tally, Period::Month(*month), &subjects, Lang::Vi).to_text(Lang::Vi)
        );
    }
    ExitCode::SUCCESS
}

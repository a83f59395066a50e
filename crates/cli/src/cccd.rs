//! `sotay cccd [TEXT]`: reads the text of a CCCD / căn cước QR code (the argument, or
//! standard input) and prints what it says as one JSON object (shape: see
//! `sotay_cccd::Reading`'s `Serialize`).
//!
//! Exit status: 0 for a card payload (even with warnings), 2 for text that is not a
//! card payload, 1 for input that cannot be read (empty, not UTF-8, over
//! [`MAX_INPUT_BYTES`], read error).
//! Card data goes to standard output only; messages on standard error never contain it.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use sotay_cccd::{Date, Reading, parse};

/// Vietnam has one time zone, UTC+7, and no daylight saving.
const VIETNAM_UTC_OFFSET_SECONDS: i64 = 7 * 3600;

/// Most standard input read: a card's payload is under 1 KB, so 64 KB is
/// generous, and `sotay cccd </dev/zero` stops here instead of filling memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024;

#[derive(clap::Args)]
pub struct Args {
    /// Chữ đọc được từ mã QR; bỏ trống thì đọc từ đầu vào chuẩn (stdin).
    text: Option<OsString>,
    /// Coi hôm nay là ngày này (YYYY-MM-DD) khi kiểm tra ngày và hạn đổi thẻ.
    /// Mặc định: ngày hôm nay theo giờ Việt Nam.
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
}

pub fn run(args: Args) -> ExitCode {
    match read_and_parse(args) {
        Ok(reading) => {
            let code = match reading {
                Reading::Card(_) => ExitCode::SUCCESS,
                Reading::NotCard { .. } => ExitCode::from(2),
            };
            match print_json(&reading) {
                Ok(()) => code,
                Err(message) => fail(&message),
            }
        }
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("sotay cccd: {message}");
    ExitCode::FAILURE
}

fn read_and_parse(args: Args) -> Result<Reading, String> {
    let today = match args.today.as_deref() {
        Some(text) => Date::parse_loose(text)
            .ok_or_else(|| format!("ngày “{text}” không hợp lệ; hãy viết theo dạng YYYY-MM-DD."))?,
        None => today_in_vietnam()?,
    };
    let text = match args.text {
        Some(text) => text.into_string().map_err(|_| not_utf8())?,
        None => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(MAX_INPUT_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|error| format!("không đọc được đầu vào chuẩn ({error})."))?;
            if bytes.len() as u64 > MAX_INPUT_BYTES {
                return Err(format!(
                    "nội dung quá dài (trên {} KB), không thể là mã QR trên thẻ (dưới 1 KB). \
                     Hãy kiểm tra lại tệp hoặc lệnh đã chuyển vào.",
                    MAX_INPUT_BYTES / 1024
                ));
            }
            String::from_utf8(bytes).map_err(|_| not_utf8())?
        }
    };
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(
            "không có nội dung. Hãy dán chữ đọc được từ mã QR trên thẻ, \
                    hoặc chuyển nó vào qua đầu vào chuẩn."
                .to_owned(),
        );
    }
    Ok(parse(&text, today))
}

fn not_utf8() -> String {
    "nội dung không phải là chữ (UTF-8), nên không đọc được. Hãy quét lại mã QR.".to_owned()
}

fn today_in_vietnam() -> Result<Date, String> {
    let clock_error = || "đồng hồ của máy đang sai, không biết hôm nay là ngày nào.".to_owned();
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|_| clock_error())?
        .as_secs();
    let seconds = i64::try_from(seconds).map_err(|_| clock_error())? + VIETNAM_UTC_OFFSET_SECONDS;
    Date::from_days_since_unix_epoch(seconds.div_euclid(86_400)).ok_or_else(clock_error)
}

fn print_json(reading: &Reading) -> Result<(), String> {
    let json = serde_json::to_string(reading)
        .map_err(|error| format!("không tạo được JSON ({error})."))?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{json}")
        .and_then(|()| stdout.flush())
        .map_err(|error| format!("không ghi được kết quả ({error})."))
}

//! `sotay poster`: QR posters in bulk, one SVG per commune × guide × layout,
//! for a province office or a large commune team.
//!
//! The pages come from `sotay-poster`, the same code as the app's poster
//! builder. No PDF: the only maintained SVG→PDF path (usvg + svg2pdf) needs
//! system fonts with Vietnamese glyphs and a text shaper, which is heavy for
//! this tool; every browser prints the SVGs to PDF at their real size.

use std::collections::{HashMap, HashSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use sotay_guides::{Catalog, Date, Lang};
use sotay_poster::{
    BaseUrl, CommuneProfile, HandoutStep, Layout, PosterSpec, ProfileCode, ProfileField, guide_url,
    phone_link, slug,
};

#[derive(clap::Args)]
pub struct Args {
    /// Address of the published app (https://…): where the QR codes lead.
    #[arg(long = "base-url", value_name = "URL")]
    base_url: String,
    /// Guide id (repeatable). Without it, the home page poster.
    #[arg(long = "guide", value_name = "ID")]
    guides: Vec<String>,
    /// CSV (UTF-8, header row) with columns commune,help_point,address,hours,phone,zalo.
    #[arg(long, value_name = "FILE.csv")]
    communes: Option<PathBuf>,
    /// Layout (repeatable): a4, a5, stickers12, stickers24, tent, handout (every step in large type).
    #[arg(long = "layout", value_name = "LAYOUT", default_value = "a4", value_parser = parse_layout)]
    layouts: Vec<Layout>,
    /// Folder of the guide files, for titles and key steps.
    #[arg(
        long = "guides-dir",
        value_name = "DIR",
        default_value = "assets/guides"
    )]
    guides_dir: PathBuf,
    /// Output folder (created when missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

fn parse_layout(text: &str) -> Result<Layout, String> {
    text.parse()
}

const VIETNAM_UTC_OFFSET_SECONDS: i64 = 7 * 3600;
// Shared with the app's poster builder, so both print the same home poster.
use sotay_poster::{HOME_STEPS_VI as HOME_STEPS, HOME_TITLE_VI as HOME_TITLE};

/// One page's content apart from the layout.
struct Page {
    /// `None` for the home page.
    guide_id: Option<String>,
    title: String,
    key_steps: Vec<String>,
    /// Every step, for the handout.
    steps: Vec<HandoutStep>,
}

/// A commune from the CSV (or none) with its file-name slug.
struct Commune {
    profile: CommuneProfile,
    code: ProfileCode,
    slug: String,
}

pub fn run(args: Args) -> ExitCode {
    let base = match BaseUrl::parse(&args.base_url) {
        Ok(base) => base,
        Err(error) => {
            eprintln!(
                "sotay poster: --base-url {}: {}",
                args.base_url,
                error.message_vi()
            );
            return ExitCode::FAILURE;
        }
    };
    let communes: Vec<Option<Commune>> = match &args.communes {
        None => vec![None],
        Some(path) => match read_communes(path) {
            Ok(communes) if communes.is_empty() => {
                eprintln!(
                    "sotay poster: {}: không có dòng nào dùng được.",
                    path.display()
                );
                return ExitCode::FAILURE;
            }
            Ok(communes) => communes.into_iter().map(Some).collect(),
            Err(message) => {
                eprintln!("sotay poster: {}: {message}", path.display());
                return ExitCode::FAILURE;
            }
        },
    };
    let pages = pages(&args.guides, &args.guides_dir);
    if let Err(error) = std::fs::create_dir_all(&args.out) {
        eprintln!(
            "sotay poster: không tạo được thư mục {}: {error}",
            args.out.display()
        );
        return ExitCode::FAILURE;
    }

    let mut made = 0usize;
    for commune in &communes {
        for page in &pages {
            for &layout in &args.layouts {
                let url = guide_url(
                    &base,
                    page.guide_id.as_deref(),
                    commune.as_ref().map(|c| &c.code),
                );
                let spec = PosterSpec {
                    layout,
                    title: page.title.clone(),
                    key_steps: page.key_steps.clone(),
                    url,
                    profile: commune.as_ref().map(|c| c.profile.clone()),
                    caption_vi: None,
                };
                let name = file_name(commune.as_ref(), page, layout);
                let svgs = match crate::handout::render_sheets(&spec, &page.steps) {
                    Ok(svgs) => svgs,
                    Err(error) => {
                        eprintln!("sotay poster: {name}: {}", error.message_vi());
                        continue;
                    }
                };
                for (number, svg) in svgs.iter().enumerate() {
                    let path = args
                        .out
                        .join(crate::handout::page_file_name(&name, number + 1));
                    // Never over a file already there (an earlier run, another tool).
                    let written = std::fs::OpenOptions::new()
                        .write(true)
                        .create_new(true)
                        .open(&path)
                        .and_then(|mut file| file.write_all(svg.as_bytes()));
                    match written {
                        Ok(()) => {
                            // A closed pipe (`| head`) must not stop the printing.
                            let _ = writeln!(std::io::stdout(), "{}", path.display());
                            made += 1;
                        }
                        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                            eprintln!(
                                "sotay poster: bỏ qua {}: tệp đã có, không ghi đè. Hãy chọn thư mục --out trống.",
                                path.display()
                            )
                        }
                        Err(error) => {
                            eprintln!("sotay poster: không ghi được {}: {error}", path.display())
                        }
                    }
                }
            }
        }
    }
    eprintln!("Đã tạo {made} tệp SVG trong {}.", args.out.display());
    if made > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn file_name(commune: Option<&Commune>, page: &Page, layout: Layout) -> String {
    let page_slug = page
        .guide_id
        .as_deref()
        .map_or_else(|| "trang-chu".to_owned(), slug);
    match commune {
        Some(commune) => format!("{}_{page_slug}_{layout}.svg", commune.slug),
        None => format!("{page_slug}_{layout}.svg"),
    }
}

/// Titles and key steps from the guide files; the id as the title when a
/// guide cannot be found (reported, not fatal: the QR code still works).
fn pages(guide_ids: &[String], guides_dir: &Path) -> Vec<Page> {
    if guide_ids.is_empty() {
        return vec![Page {
            guide_id: None,
            title: HOME_TITLE.to_owned(),
            key_steps: HOME_STEPS.iter().map(|s| (*s).to_owned()).collect(),
            steps: Vec::new(),
        }];
    }
    let catalog = load_catalog(guides_dir);
    guide_ids
        .iter()
        .filter_map(|id| {
            let id = id.trim().to_owned();
            let Some(catalog) = &catalog else {
                return Some(Page {
                    title: id.clone(),
                    key_steps: Vec::new(),
                    steps: Vec::new(),
                    guide_id: Some(id),
                });
            };
            let Some(guide) = catalog.get_exact(Lang::Vi, &id) else {
                // A typo would print a QR code that leads to "page not found".
                eprintln!(
                    "sotay poster: bỏ qua --guide {id}: không có hướng dẫn này trong {}.",
                    guides_dir.display()
                );
                return None;
            };
            Some(Page {
                title: guide.title.clone(),
                key_steps: sotay_guides::key_steps(guide)
                    .into_iter()
                    .map(|(_, step)| step.title.clone())
                    .collect(),
                steps: crate::handout::every_step(guide),
                guide_id: Some(id),
            })
        })
        .collect()
}

fn load_catalog(guides_dir: &Path) -> Option<Catalog> {
    if !guides_dir.is_dir() {
        eprintln!(
            "sotay poster: không thấy thư mục hướng dẫn {} (chọn bằng --guides-dir); áp phích dùng mã hướng dẫn làm tiêu đề.",
            guides_dir.display()
        );
        return None;
    }
    let report = sotay_guides::check_dir(guides_dir, today_in_vietnam());
    if !report.errors.is_empty() {
        eprintln!(
            "sotay poster: {} lỗi trong các tệp hướng dẫn; vẫn dùng những hướng dẫn đọc được.",
            report.errors.len()
        );
    }
    Some(report.catalog)
}

fn today_in_vietnam() -> Date {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    // Only used to judge review dates: a broken clock must not stop printing.
    Date::from_days_since_unix_epoch((seconds + VIETNAM_UTC_OFFSET_SECONDS).div_euclid(86_400))
        .or_else(|| Date::new(2026, 1, 1))
        .expect("2026-01-01 is a valid date")
}

/// Reads the communes CSV. Bad rows are reported on stderr (with their line
/// number) and skipped; a file that cannot be read at all is an error.
fn read_communes(path: &Path) -> Result<Vec<Commune>, String> {
    let bytes = std::fs::read(path).map_err(|error| format!("không đọc được tệp ({error})."))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        "tệp không phải UTF-8. Trong Excel hãy lưu bằng \"CSV UTF-8 (Comma delimited)\".".to_owned()
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|error| format!("không đọc được dòng tiêu đề ({error})."))?
        .clone();
    let mut columns: HashMap<ProfileField, usize> = HashMap::new();
    for (index, header) in headers.iter().enumerate() {
        if let Some(field) = ProfileField::from_key(header) {
            columns.entry(field).or_insert(index);
        }
    }
    if !columns.contains_key(&ProfileField::Commune) {
        return Err(
            "thiếu cột \"commune\" ở dòng tiêu đề (cần các cột commune,help_point,address,hours,phone,zalo)."
                .to_owned(),
        );
    }

    let mut communes = Vec::new();
    let mut slugs: HashSet<String> = HashSet::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                let reason = match error.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!(
                        "có {len} cột nhưng dòng tiêu đề có {expected_len} cột (ô có dấu phẩy phải đặt trong ngoặc kép \"…\")"
                    ),
                    _ => format!("không đọc được ({error})"),
                };
                eprintln!("dòng {line}: bỏ qua — {reason}.");
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let mut profile = CommuneProfile::default();
        for (field, index) in &columns {
            profile.set(*field, record.get(*index).unwrap_or(""));
        }
        let code = match profile.encode() {
            Ok(code) => code,
            Err(error) => {
                eprintln!("dòng {line}: bỏ qua — {}", error.message_vi());
                continue;
            }
        };
        if let Some(phone) = profile.phone.as_deref().filter(|p| phone_link(p).is_none()) {
            eprintln!(
                "dòng {line}: chú ý — số điện thoại \"{phone}\" không đúng dạng số Việt Nam; vẫn in nguyên văn nhưng không bấm gọi được."
            );
        }
        let slug = unique_slug(&slug(&profile.commune), &mut slugs);
        communes.push(Commune {
            profile,
            code,
            slug,
        });
    }
    Ok(communes)
}

/// `base`, or `base-2`, `base-3`… — the first not `taken` (which it joins).
/// Checked against every name given out, so "Xã A", "Xã A", "Xã A 2" get
/// `xa-a`, `xa-a-2`, `xa-a-2-2`, never one file for two communes.
fn unique_slug(base: &str, taken: &mut HashSet<String>) -> String {
    let mut candidate = base.to_owned();
    let mut next = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{base}-{next}");
        next += 1;
    }
    candidate
}

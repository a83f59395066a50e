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
    BaseUrl, CommuneProfile, HandoutStep, Layout, MAX_HELP_PLACES, PosterSpec, ProfileField,
    guide_url, phone_link, poster_file_name, slug, verified_guide_url,
};

#[derive(clap::Args)]
pub struct Args {
    /// Address of the published app (https://…): where the QR codes lead.
    #[arg(long = "base-url", value_name = "URL")]
    base_url: String,
    /// Guide id (repeatable). Without it, the home page poster.
    #[arg(long = "guide", value_name = "ID")]
    guides: Vec<String>,
    /// CSV (UTF-8, header row) with columns commune,help_point,address,hours,phone,zalo
    /// (one help point a row). With an `id` column, rows with the same id are one
    /// commune's help points (up to 4), as in the deployer's verified list.
    #[arg(long, value_name = "FILE.csv", conflicts_with = "commune")]
    communes: Option<PathBuf>,
    /// With --communes: QR codes carry `?x=<id>` (the CSV must have an `id` column and
    /// be the one the site was built with, SOTAY_COMMUNES), so the app shows the points
    /// as checked by the deployer.
    #[arg(long, requires = "communes")]
    verified: bool,
    /// One commune from the command line, instead of --communes.
    #[arg(long, value_name = "NAME")]
    commune: Option<String>,
    /// A help point of --commune (repeatable, up to 4): "name|address|hours|phone",
    /// parts may be empty, e.g. "Công an xã Tân Phú||7:30–17:00|0912 345 678".
    #[arg(long = "point", value_name = "TEXT", requires = "commune")]
    points: Vec<String>,
    /// The commune's Zalo, with --commune.
    #[arg(long, value_name = "ZALO", requires = "commune")]
    zalo: Option<String>,
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

/// A commune from the CSV or the command line, with the link's query
/// (`?c=<code>` or `?x=<id>`) made for it and its file-name slug.
struct Commune {
    profile: CommuneProfile,
    link: CommuneLink,
    slug: String,
}

enum CommuneLink {
    Code(sotay_poster::ProfileCode),
    Verified(String),
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
    let from_flags = match args
        .commune
        .as_deref()
        .map(|name| commune_from_flags(name, &args))
    {
        Some(Ok(commune)) => Some(commune),
        Some(Err(message)) => {
            eprintln!("sotay poster: {message}");
            return ExitCode::FAILURE;
        }
        None => None,
    };
    let communes: Vec<Option<Commune>> = match &args.communes {
        None => vec![from_flags],
        Some(path) => match read_communes(path, args.verified) {
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
                let guide = page.guide_id.as_deref();
                let url = match commune.as_ref().map(|c| &c.link) {
                    Some(CommuneLink::Verified(id)) => verified_guide_url(&base, guide, id),
                    Some(CommuneLink::Code(code)) => guide_url(&base, guide, Some(code)),
                    None => guide_url(&base, guide, None),
                };
                let spec = PosterSpec {
                    layout,
                    title: page.title.clone(),
                    key_steps: page.key_steps.clone(),
                    url,
                    profile: commune.as_ref().map(|c| c.profile.clone()),
                    caption_vi: None,
                };
                let name = poster_file_name(
                    commune.as_ref().map(|c| c.slug.as_str()),
                    page.guide_id.as_deref(),
                    layout,
                );
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

/// `--commune` with its `--point`s and `--zalo`.
fn commune_from_flags(name: &str, args: &Args) -> Result<Commune, String> {
    if args.points.len() > MAX_HELP_PLACES {
        return Err(format!(
            "--point: chỉ ghi được tối đa {MAX_HELP_PLACES} nơi hỗ trợ."
        ));
    }
    let mut profile = CommuneProfile::new(name);
    profile.set(ProfileField::Zalo, args.zalo.as_deref().unwrap_or(""));
    for (number, point) in args.points.iter().enumerate() {
        let parts: Vec<&str> = point.split('|').collect();
        if parts.len() > ProfileField::PLACE.len() {
            return Err(format!(
                "--point {}: có quá 4 phần; viết \"tên|địa chỉ|giờ làm việc|số điện thoại\".",
                number + 1
            ));
        }
        profile
            .add_row(ProfileField::PLACE.into_iter().zip(parts))
            .map_err(|error| format!("--point {}: {}", number + 1, error.message_vi()))?;
    }
    warn_unusual_phones(&profile, "--point");
    let code = profile.encode().map_err(|error| error.message_vi())?;
    Ok(Commune {
        slug: slug(&profile.commune),
        profile,
        link: CommuneLink::Code(code),
    })
}

/// Prints each phone that cannot become a `tel:` link (still printed as written).
fn warn_unusual_phones(profile: &CommuneProfile, at: &str) {
    for phone in profile.places.iter().filter_map(|p| p.phone.as_deref()) {
        if phone_link(phone).is_none() {
            eprintln!(
                "{at}: chú ý — số điện thoại \"{phone}\" không đúng dạng số Việt Nam; vẫn in nguyên văn nhưng không bấm gọi được."
            );
        }
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
/// number) and skipped; a file that cannot be read at all is an error. With
/// an `id` column, the rows of one id are one commune's help points.
fn read_communes(path: &Path, verified: bool) -> Result<Vec<Commune>, String> {
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
    let id_column = headers
        .iter()
        .position(|header| header.trim().eq_ignore_ascii_case("id"));
    if verified && id_column.is_none() {
        return Err("--verified cần cột \"id\" (mã xã trong danh sách đã kiểm tra).".to_owned());
    }

    // (id or the row's own key, profile, first line), in the file's order.
    let mut grouped: Vec<(Option<String>, CommuneProfile, u64)> = Vec::new();
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
        let id = id_column
            .and_then(|index| record.get(index))
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty());
        let cells: Vec<(ProfileField, &str)> = columns
            .iter()
            .map(|(field, index)| (*field, record.get(*index).unwrap_or("")))
            .collect();
        let row_commune = cells
            .iter()
            .find(|(field, _)| *field == ProfileField::Commune)
            .map_or("", |(_, value)| value.trim());
        let existing = id.as_ref().and_then(|id| {
            grouped
                .iter_mut()
                .find(|(other, ..)| other.as_ref() == Some(id))
        });
        let result = match existing {
            Some((_, profile, _)) if !row_commune.is_empty() && row_commune != profile.commune => {
                Err(format!(
                    "mã \"{}\" đã dùng cho {}, dòng này ghi {row_commune}",
                    id.as_deref().unwrap_or_default(),
                    profile.commune
                ))
            }
            Some((_, profile, _)) => {
                let mut next = profile.clone();
                next.add_row(cells)
                    .map_err(|e| e.message_vi())
                    .and_then(|()| {
                        next.encode().map_err(|e| e.message_vi())?;
                        *profile = next;
                        Ok(())
                    })
            }
            None => {
                let mut profile = CommuneProfile::default();
                let checked = profile
                    .add_row(cells)
                    .and_then(|()| profile.encode().map(drop))
                    .map_err(|e| e.without_place().message_vi());
                checked.map(|()| grouped.push((id.clone(), profile, line)))
            }
        };
        if let Err(message) = result {
            eprintln!("dòng {line}: bỏ qua — {message}");
        }
    }

    let mut communes = Vec::new();
    let mut slugs: HashSet<String> = HashSet::new();
    for (id, profile, line) in grouped {
        // Every row was checked as it joined, so the whole commune encodes.
        let Ok(code) = profile.encode() else {
            continue;
        };
        warn_unusual_phones(&profile, &format!("dòng {line}"));
        let link = match id.filter(|_| verified) {
            Some(id) if !sotay_poster::is_commune_id(&id) => {
                eprintln!(
                    "dòng {line}: bỏ qua — mã xã \"{id}\" chỉ được có chữ thường a–z, số và dấu gạch ngang."
                );
                continue;
            }
            Some(id) => CommuneLink::Verified(id),
            None if verified => {
                eprintln!("dòng {line}: bỏ qua — thiếu mã xã ở cột \"id\".");
                continue;
            }
            None => CommuneLink::Code(code),
        };
        let slug = unique_slug(&slug(&profile.commune), &mut slugs);
        communes.push(Commune {
            profile,
            link,
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

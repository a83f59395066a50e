//! The content report a commune content editor reads (`sotay guides report`): how many guides in
//! each language, which essential services are covered, which guides cite only homepages, how old
//! each review is, which steps name no source, and every error that blocks publishing.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sotay_date::Date;

use crate::model::{Catalog, Guide, Lang};
use crate::review::{REVIEW_DUE_MONTHS, ReviewAge, STALE_MONTHS};
use crate::services::{Coverage, Services};
use crate::validate::{ContentError, ContentWarning, guide_path};

/// Everything the report is made from.
pub struct ReportInput<'a> {
    pub catalog: &'a Catalog,
    pub services: &'a Services,
    /// Errors of the guides and of the services list.
    pub errors: &'a [ContentError],
    pub warnings: &'a [ContentWarning],
    pub today: Date,
}

impl Coverage {
    /// Short label for the report and the services page.
    pub fn label_vi(self) -> &'static str {
        match self {
            Coverage::Covered => "Có hướng dẫn",
            Coverage::Partial => "Hướng dẫn chưa đủ",
            Coverage::Missing => "CHƯA CÓ hướng dẫn",
            Coverage::Organisation => "Tổ chức làm",
        }
    }
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Tiếng Việt",
        Lang::En => "Tiếng Anh",
    }
}

/// Indices (1-based) of the steps of `guide` that name no source.
pub fn steps_without_source(guide: &Guide) -> Vec<usize> {
    guide
        .steps
        .iter()
        .enumerate()
        .filter(|(_, step)| step.source.is_none())
        .map(|(i, _)| i + 1)
        .collect()
}

/// The report as plain text, one section per question, in Vietnamese.
pub fn render_report(input: &ReportInput<'_>) -> String {
    let mut out = String::new();
    let catalog = input.catalog;
    let _ = writeln!(
        out,
        "BÁO CÁO NỘI DUNG HƯỚNG DẪN — ngày {}",
        input.today.format_vi()
    );

    // 1. Guides per language.
    let _ = writeln!(out, "\n1. Số hướng dẫn theo ngôn ngữ");
    for lang in Lang::ALL {
        let count = catalog.guides.iter().filter(|g| g.lang == lang).count();
        let _ = writeln!(out, "   {:<12} {count}", lang_name(lang));
    }

    // 2. Essential services.
    let coverage: Vec<Coverage> = input
        .services
        .services
        .iter()
        .map(|s| s.coverage(catalog))
        .collect();
    let count = |c: Coverage| coverage.iter().filter(|x| **x == c).count();
    let _ = writeln!(
        out,
        "\n2. Dịch vụ công thiết yếu: {} dịch vụ — có hướng dẫn {}, hướng dẫn chưa đủ {}, chưa có hướng dẫn {}, tổ chức làm {}",
        input.services.services.len(),
        count(Coverage::Covered),
        count(Coverage::Partial),
        count(Coverage::Missing),
        count(Coverage::Organisation),
    );
    for event in &input.services.events {
        let _ = writeln!(out, "   {}", event.title);
        for (service, coverage) in input.services.services.iter().zip(&coverage) {
            if service.event != event.id {
                continue;
            }
            let guides = if service.guides.is_empty() {
                String::new()
            } else {
                format!(" → {}", service.guides.join(", "))
            };
            let _ = writeln!(
                out,
                "     [{}] {}{guides}",
                coverage.label_vi(),
                service.name
            );
            if let Some(missing) = &service.partial {
                let _ = writeln!(out, "         còn thiếu: {missing}");
            }
        }
    }

    // 3. Homepage-only sources.
    let homepage_only: Vec<&Guide> = catalog
        .guides
        .iter()
        .filter(|g| g.cites_only_homepages())
        .collect();
    let _ = writeln!(
        out,
        "\n3. Hướng dẫn chỉ ghi nguồn là trang chủ (không lần ra được bước nào): {}",
        homepage_only.len()
    );
    for guide in &homepage_only {
        let _ = writeln!(out, "   {}", guide_path(guide.lang, &guide.id));
    }

    // 4. Review age.
    let mut by_age: BTreeMap<ReviewAge, Vec<&Guide>> = BTreeMap::new();
    for guide in &catalog.guides {
        by_age
            .entry(guide.review_age(input.today))
            .or_default()
            .push(guide);
    }
    let _ = writeln!(out, "\n4. Hướng dẫn theo ngày kiểm tra lần cuối");
    for (age, heading) in [
        (
            ReviewAge::Stale,
            format!("Quá {STALE_MONTHS} tháng (người đọc đang thấy “có thể đã cũ”)"),
        ),
        (
            ReviewAge::Due,
            format!("Từ {REVIEW_DUE_MONTHS} đến {STALE_MONTHS} tháng (cần kiểm tra lại)"),
        ),
        (
            ReviewAge::Current,
            format!("Dưới {REVIEW_DUE_MONTHS} tháng"),
        ),
    ] {
        let mut guides = by_age.remove(&age).unwrap_or_default();
        guides.sort_by_key(|g| (g.reviewed, g.lang, g.id.clone()));
        let _ = writeln!(out, "   {heading}: {}", guides.len());
        if age == ReviewAge::Current {
            // Grouped by date: enough to see whether every guide carries the same one.
            let mut per_date: BTreeMap<Date, usize> = BTreeMap::new();
            for guide in &guides {
                *per_date.entry(guide.reviewed).or_default() += 1;
            }
            for (date, n) in per_date.iter().rev() {
                let _ = writeln!(out, "     ngày {}: {n} hướng dẫn", date.format_vi());
            }
        } else {
            for guide in &guides {
                let _ = writeln!(
                    out,
                    "     {} (ngày {})",
                    guide_path(guide.lang, &guide.id),
                    guide.reviewed.format_vi()
                );
            }
        }
    }

    // 5. Steps without a source.
    let total_steps: usize = catalog.guides.iter().map(|g| g.steps.len()).sum();
    let unsourced: Vec<(&Guide, Vec<usize>)> = catalog
        .guides
        .iter()
        .map(|g| (g, steps_without_source(g)))
        .filter(|(_, steps)| !steps.is_empty())
        .collect();
    let unsourced_count: usize = unsourced.iter().map(|(_, s)| s.len()).sum();
    let _ = writeln!(
        out,
        "\n5. Bước chưa ghi nguồn (source): {unsourced_count} trên {total_steps} bước, trong {} hướng dẫn",
        unsourced.len()
    );
    for (guide, steps) in &unsourced {
        let list: Vec<String> = steps.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            out,
            "   {}: bước {} ({}/{} bước)",
            guide_path(guide.lang, &guide.id),
            list.join(", "),
            steps.len(),
            guide.steps.len()
        );
    }

    // 6. Errors and warnings.
    let _ = writeln!(
        out,
        "\n6. Lỗi phải sửa trước khi xuất bản: {}",
        input.errors.len()
    );
    for error in input.errors {
        let _ = writeln!(out, "   LỖI  {error}");
    }
    if !input.warnings.is_empty() {
        let _ = writeln!(
            out,
            "   Cần xem (không chặn xuất bản): {}",
            input.warnings.len()
        );
        for warning in input.warnings {
            let _ = writeln!(out, "   CHÚ Ý  {warning}");
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        if input.errors.is_empty() {
            "Kết luận: nội dung hợp lệ, có thể xuất bản.".to_owned()
        } else {
            format!(
                "Kết luận: còn {} lỗi; sửa các dòng “LỖI” ở trên rồi chạy lại.",
                input.errors.len()
            )
        }
    );
    out
}

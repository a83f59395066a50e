//! One module per screen; `view` picks the screen for a route.

use yew::prelude::*;

use crate::route::Route;

mod about;
mod guide;
mod guides;
mod home;
mod not_found;
mod poster;
mod questionnaire;
mod scan;
mod team;

pub fn view(route: &Route) -> Html {
    match route {
        Route::Home => html! { <home::Home /> },
        Route::Guides => html! { <guides::GuideList /> },
        Route::Guide { id, step } => html! { <guide::GuidePage id={id.clone()} step={*step} /> },
        Route::Questionnaire => html! { <questionnaire::Questionnaire /> },
        Route::Scan => html! { <scan::ScanPage /> },
        Route::Poster { guide } => html! { <poster::PosterBuilder guide={guide.clone()} /> },
        Route::Team => html! { <team::TeamTools /> },
        Route::About => html! { <about::About /> },
        Route::NotFound => html! { <not_found::NotFound /> },
    }
}

/// Title and description of a page, for `<title>` and search engines.
#[cfg(feature = "ssr")]
pub fn meta(route: &Route) -> (String, String) {
    const SITE: &str = "Sổ tay Công dân số";
    let (title, description) = match route {
        Route::Home => (
            SITE.to_string(),
            "Hướng dẫn từng bước dùng VNeID và dịch vụ công trực tuyến; đọc mã QR trên thẻ CCCD ngay trên điện thoại.".to_string(),
        ),
        Route::Guide { id, .. } => match crate::content::guide(crate::i18n::Lang::Vi, id) {
            Some(guide) => (guide.title.clone(), guide.summary.clone()),
            None => ("Không tìm thấy hướng dẫn".to_string(), String::new()),
        },
        Route::Guides => ("Hướng dẫn từng bước".to_string(), "Tất cả hướng dẫn về VNeID, thẻ căn cước và dịch vụ công trực tuyến.".to_string()),
        Route::Questionnaire => ("Tôi cần làm gì?".to_string(), "Trả lời vài câu hỏi để biết nên làm hướng dẫn nào trước.".to_string()),
        Route::Scan => ("Quét mã QR trên thẻ CCCD".to_string(), "Đọc mã QR trên thẻ căn cước ngay trên điện thoại, không gửi đi đâu.".to_string()),
        Route::Poster { .. } => ("Tạo mã QR và áp phích".to_string(), "Làm áp phích, tờ rơi, nhãn dán có mã QR dẫn đến hướng dẫn.".to_string()),
        Route::Team => ("Tổ công nghệ số cộng đồng".to_string(), "Công cụ cho tổ công nghệ số và đoàn viên thanh niên.".to_string()),
        Route::About => ("Giới thiệu & quyền riêng tư".to_string(), "Ứng dụng lưu gì trên máy và không bao giờ lưu gì.".to_string()),
        Route::NotFound => ("Không tìm thấy trang".to_string(), String::new()),
    };
    if title == SITE {
        (title, description)
    } else {
        (format!("{title} — {SITE}"), description)
    }
}

//! One module per screen; `view` picks the screen for a route.

use yew::prelude::*;

use crate::route::Route;

#[cfg(feature = "resident")]
mod about;
#[cfg(feature = "resident")]
mod guide;
#[cfg(feature = "resident")]
mod guides;
#[cfg(feature = "team")]
mod hall;
#[cfg(feature = "team")]
mod handoff;
#[cfg(feature = "resident")]
mod home;
mod not_found;
#[cfg(feature = "team")]
mod poster;
#[cfg(feature = "practice")]
mod practice;
#[cfg(feature = "resident")]
mod questionnaire;
#[cfg(feature = "scanner")]
mod scan;
#[cfg(feature = "resident")]
mod services;
#[cfg(feature = "team")]
mod team;

pub fn view(route: &Route) -> Html {
    // With both bundles built in, the last arm is never reached.
    #[allow(unreachable_patterns)]
    match route {
        #[cfg(feature = "resident")]
        Route::Home => html! { <home::Home /> },
        #[cfg(feature = "resident")]
        Route::Guides => html! { <guides::GuideList /> },
        #[cfg(feature = "resident")]
        Route::Guide { id, step } => html! { <guide::GuidePage id={id.clone()} step={*step} /> },
        #[cfg(feature = "resident")]
        Route::Questionnaire => html! { <questionnaire::Questionnaire /> },
        #[cfg(feature = "resident")]
        Route::Services => html! { <services::ServicesPage /> },
        #[cfg(feature = "scanner")]
        Route::Scan => html! { <scan::ScanPage /> },
        #[cfg(feature = "team")]
        Route::Poster { guide } => html! { <poster::PosterBuilder guide={guide.clone()} /> },
        #[cfg(feature = "team")]
        Route::Team => html! { <team::TeamTools /> },
        #[cfg(feature = "team")]
        Route::Handoff { guide } => html! { <handoff::HandoffPage guide={guide.clone()} /> },
        #[cfg(feature = "team")]
        Route::Hall => html! { <hall::HallScreen /> },
        #[cfg(feature = "resident")]
        Route::About => html! { <about::About /> },
        #[cfg(feature = "practice")]
        Route::Practice => html! { <practice::PracticeList /> },
        #[cfg(feature = "practice")]
        Route::PracticeScenario { id } => html! { <practice::PracticePage id={id.clone()} /> },
        Route::NotFound => html! { <not_found::NotFound /> },
        // A screen of the other bundle (only reachable through an odd history
        // entry): its own page has it.
        other => html! { <not_found::OtherBundle route={other.clone()} /> },
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
        Route::Guide { id, .. } => match crate::content::entry(crate::i18n::Lang::Vi, id) {
            Some(guide) => (guide.title.clone(), guide.summary.clone()),
            None => ("Không tìm thấy hướng dẫn".to_string(), String::new()),
        },
        Route::Guides => ("Hướng dẫn từng bước".to_string(), "Tất cả hướng dẫn về VNeID, thẻ căn cước và dịch vụ công trực tuyến.".to_string()),
        Route::Questionnaire => ("Tôi cần làm gì?".to_string(), "Trả lời vài câu hỏi để biết nên làm hướng dẫn nào trước.".to_string()),
        Route::Services => ("Dịch vụ công thiết yếu".to_string(), "Các thủ tục người dân hay phải làm, xếp theo việc trong đời sống, mỗi thủ tục có hướng dẫn từng bước.".to_string()),
        Route::Scan => ("Quét mã QR trên thẻ CCCD".to_string(), "Đọc mã QR trên thẻ căn cước ngay trên điện thoại, không gửi đi đâu.".to_string()),
        Route::Poster { .. } => ("Tạo mã QR và áp phích".to_string(), "Làm áp phích, tờ rơi, nhãn dán có mã QR dẫn đến hướng dẫn.".to_string()),
        Route::Team => ("Tổ công nghệ số cộng đồng".to_string(), "Công cụ cho tổ công nghệ số và đoàn viên thanh niên.".to_string()),
        Route::Handoff { .. } => ("Mã QR để mở trên điện thoại khác".to_string(), "Người dân quét mã này để mở hướng dẫn trên điện thoại của mình.".to_string()),
        Route::Hall => ("Màn hình trình chiếu".to_string(), "Trình chiếu các hướng dẫn trên ti vi hoặc màn hình LED ở nơi một cửa.".to_string()),
        Route::About => ("Giới thiệu & quyền riêng tư".to_string(), "Ứng dụng lưu gì trên máy và không bao giờ lưu gì.".to_string()),
        Route::Practice => ("Tập thử".to_string(), "Tập bấm trên màn hình giống ứng dụng VNeID, với thông tin giả, không gửi đi đâu.".to_string()),
        Route::PracticeScenario { id } => match crate::practice::scenario(id) {
            Some(scenario) => (scenario.title.clone(), scenario.summary.clone()),
            None => ("Không tìm thấy bài tập".to_string(), String::new()),
        },
        Route::NotFound => ("Không tìm thấy trang".to_string(), String::new()),
    };
    if title == SITE {
        (title, description)
    } else {
        (format!("{title} — {SITE}"), description)
    }
}

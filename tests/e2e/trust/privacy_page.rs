//! The privacy page says what is kept on the phone, what never is, and how to remove it.

use sotay_e2e::{Browser, site};

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_privacy_page_says_what_is_kept_and_what_never_is() {
    let server = site();
    let browser = Browser::start().await;
    browser.open(&server.url("/gioi-thieu/")).await;
    assert!(browser.heading().await.contains("quyền riêng tư"));
    let text = browser
        .wait_until("the whole page", "const t = document.querySelector('main article')?.innerText; return t && t.includes('xóa dữ liệu trang web này') && t")
        .await;
    let text = text.as_str().unwrap_or_default();
    for sentence in [
        // What never is.
        "Không có thông tin nào được gửi qua mạng",
        "Bấm “Xóa” hoặc rời màn hình là mất hẳn",
        "không bao giờ lưu thông tin thẻ vào máy, không ghi vào đường dẫn (URL), lịch sử trình duyệt hay nhật ký",
        "Ảnh chụp thẻ bạn chọn để đọc mã cũng không được lưu hay gửi đi",
        "không dùng cookie, không có quảng cáo, không theo dõi",
        // What is kept.
        "Những gì được lưu trên máy này",
        "Cỡ chữ, chế độ tương phản cao và ngôn ngữ bạn chọn",
        "Bạn đang ở bước nào của mỗi hướng dẫn",
        "Thông tin nơi hỗ trợ của xã/phường",
        "số lượt đã hỗ trợ theo ngày và theo hướng dẫn (chỉ là con số)",
        // And how to remove it.
        "xóa dữ liệu trang web này",
    ] {
        assert!(
            text.contains(sentence),
            "the privacy page lacks “{sentence}”:\n{text}"
        );
    }
    browser.close().await;
}

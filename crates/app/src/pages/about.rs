//! Giới thiệu & quyền riêng tư: what the app is, and exactly what it keeps.

use yew::prelude::*;

use crate::context::use_app;
use crate::i18n::{Lang, Pick};

#[function_component]
pub fn About() -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page about">
            <h1>{ lang.pick("Giới thiệu & quyền riêng tư", "About & privacy") }</h1>
            <p class="lead">{ lang.pick(
                "Sổ tay Công dân số là ứng dụng hướng dẫn giúp người dân tự làm các việc của Đề án 06: dùng tài khoản định danh điện tử VNeID và làm thủ tục hành chính trên mạng.",
                "Sổ tay Công dân số helps residents do the tasks of Project 06 themselves: using the VNeID e-identity account and online public services.",
            ) }</p>
            <div class="banner warning">
                <p>{ lang.pick(
                    "Đây không phải ứng dụng của cơ quan nhà nước. Thủ tục thật chỉ làm trên ứng dụng VNeID chính thức hoặc Cổng dịch vụ công quốc gia (dichvucong.gov.vn). Công an không bao giờ gọi điện bắt cài ứng dụng hay hỏi mật khẩu, mã OTP.",
                    "This is not a government app. Real procedures are done only in the official VNeID app or on the National Public Service Portal (dichvucong.gov.vn). Police never phone you to install an app or ask for your password or OTP code.",
                ) }</p>
            </div>

            <h2>{ lang.pick("Thông tin trên thẻ CCCD của bạn", "The data on your ID card") }</h2>
            <ul>
                <li>{ lang.pick("Mã QR trên thẻ được đọc ngay trên điện thoại này. Không có thông tin nào được gửi qua mạng.", "The QR code on the card is read on this phone. Nothing is sent over the network.") }</li>
                <li>{ lang.pick("Thông tin thẻ chỉ nằm trong bộ nhớ tạm khi màn hình kết quả đang mở. Bấm “Xóa” hoặc rời màn hình là mất hẳn.", "Card data stays only in temporary memory while the result screen is open. Tap “Clear” or leave the screen and it is gone.") }</li>
                <li>{ lang.pick("Ứng dụng không bao giờ lưu thông tin thẻ vào máy, không ghi vào đường dẫn (URL), lịch sử trình duyệt hay nhật ký.", "The app never saves card data on the device, never puts it in the address (URL), browser history or logs.") }</li>
                <li>{ lang.pick("Ảnh chụp thẻ bạn chọn để đọc mã cũng không được lưu hay gửi đi.", "A photo of a card you choose for reading is neither saved nor sent.") }</li>
            </ul>

            <h2>{ lang.pick("Những gì được lưu trên máy này", "What is kept on this device") }</h2>
            <p>{ lang.pick("Chỉ những điều giúp bạn dùng tiện hơn, không có thông tin cá nhân:", "Only what makes the app easier to use, nothing personal:") }</p>
            <ul>
                <li>{ lang.pick("Cỡ chữ, chế độ tương phản cao và ngôn ngữ bạn chọn.", "Your text size, high-contrast mode and language.") }</li>
                <li>{ lang.pick("Bạn đang ở bước nào của mỗi hướng dẫn và những mục đã đánh dấu trong danh sách chuẩn bị.", "Which step of each guide you are on and the checklist items you ticked.") }</li>
                <li>{ lang.pick("Thông tin nơi hỗ trợ của xã/phường (tên, địa chỉ, giờ làm việc, số điện thoại công khai) nếu bạn mở ứng dụng từ mã QR của xã.", "Your commune's public help point (name, address, hours, public phone) if you opened the app from the commune's QR code.") }</li>
                <li>{ lang.pick("Bạn đã tập xong bài tập thử nào và đã xem gợi ý mấy lần. Những gì bạn gõ khi tập thì không bao giờ được lưu hay gửi đi.", "Which practice exercises you finished and how many hints you used. What you type while practising is never kept or sent.") }</li>
                <li>{ lang.pick("Với tổ công nghệ số: số lượt đã hỗ trợ theo ngày và theo hướng dẫn (chỉ là con số), danh sách việc cần mang khi đi hỗ trợ.", "For digital teams: the count of residents helped per day and guide (numbers only) and the outreach checklist.") }</li>
                <li>{ lang.pick("Các tệp của ứng dụng, để dùng được khi không có mạng.", "The app's own files, so it works offline.") }</li>
            </ul>
            <p>{ lang.pick(
                "Muốn xóa hết: vào cài đặt trình duyệt, chọn xóa dữ liệu trang web này. Ứng dụng không dùng cookie, không có quảng cáo, không theo dõi.",
                "To delete everything: clear this site's data in your browser settings. The app uses no cookies, no ads and no tracking.",
            ) }</p>

            <h2>{ lang.pick("Mã QR trên thẻ không phải là giấy tờ chứng minh", "A card's QR code is not proof of identity") }</h2>
            <p>{ lang.pick(
                "Mã QR trên thẻ không có chữ ký số: ai cũng có thể in một mã QR giả. Khi cần xác minh, hãy đối chiếu với thẻ thật hoặc dùng ứng dụng VNeID.",
                "The QR code on a card carries no digital signature: anyone can print a fake one. To verify someone, compare with the physical card or use the VNeID app.",
            ) }</p>

            <h2>{ lang.pick("Nội dung hướng dẫn", "About the guides") }</h2>
            <p>{ lang.pick(
                "Mỗi hướng dẫn ghi ngày cập nhật và nguồn chính thức (vneid.gov.vn, dichvucong.gov.vn, Bộ Công an và cổng thông tin của các tỉnh). Từ ngày 1/7/2025 chính quyền địa phương có hai cấp (tỉnh và xã), nên hướng dẫn chỉ bạn đến công an xã/phường và Trung tâm phục vụ hành chính công xã/phường. Nếu thấy chỗ nào khác với thực tế, hãy báo cho tổ công nghệ số của xã.",
                "Every guide shows its review date and official sources (vneid.gov.vn, dichvucong.gov.vn, the Ministry of Public Security and provincial portals). Since 1 July 2025 local government has two tiers (province and commune), so the guides send you to the commune/ward police and the commune public-administration service centre. If something differs from what you see, tell your commune's digital team.",
            ) }</p>

            <h2>{ lang.pick("Cài lên điện thoại", "Install on your phone") }</h2>
            <ul>
                <li>{ lang.pick("Android (Chrome, Cốc Cốc…): bấm nút “Cài đặt ứng dụng” khi nó hiện ra, hoặc mở menu ⋮ rồi chọn “Thêm vào màn hình chính”.", "Android (Chrome, Cốc Cốc…): tap “Install the app” when it appears, or open the ⋮ menu and choose “Add to Home screen”.") }</li>
                <li>{ lang.pick("iPhone (Safari): bấm nút Chia sẻ (hình vuông có mũi tên lên), chọn “Thêm vào MH chính”.", "iPhone (Safari): tap Share (the square with an up arrow), then “Add to Home Screen”.") }</li>
                <li>{ lang.pick("Nếu bạn mở từ Zalo: bấm ⋯ ở góc trên, chọn “Mở bằng trình duyệt” trước, rồi làm như trên.", "If you opened it from Zalo: tap ⋯ at the top, choose “Open in browser” first, then do the above.") }</li>
            </ul>
            if lang == Lang::En {
                <p class="muted">{ "Most guides are in Vietnamese; three are also in English." }</p>
            }
            // Saves the scanner and the team's tools too, saying how much first.
            <crate::components::save_offline::SaveOffline />
        </article>
    }
}

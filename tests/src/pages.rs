//! The site's pages as the tests open them: one address for each route, with
//! words its heading holds. The one list every test walks (the shell's
//! headings, the accessibility checks on every page).

/// A page of the site.
#[derive(Clone, Copy, Debug)]
pub struct Page {
    /// How failure messages name it.
    pub label: &'static str,
    /// An address that opens it.
    pub path: &'static str,
    /// Words its `<h1>` holds.
    pub heading: &'static str,
}

impl Page {
    /// The friendly page for an address that is not the site's.
    pub fn is_not_found(&self) -> bool {
        self.path == NOT_FOUND.path
    }
}

/// The page an unknown address gets.
pub const NOT_FOUND: Page = Page {
    label: "not found",
    path: "/khong-co-trang-nay/",
    heading: "Không tìm thấy",
};

/// Every route once, and the not-found page last.
pub const PAGES: [Page; 13] = [
    Page {
        label: "home",
        path: "/",
        heading: "Sổ tay Công dân số",
    },
    Page {
        label: "guide list",
        path: "/huong-dan/",
        heading: "Hướng dẫn",
    },
    Page {
        label: "essential services",
        path: "/dich-vu-cong/",
        heading: "Dịch vụ công thiết yếu",
    },
    Page {
        label: "guide",
        path: "/g/kich-hoat-vneid/",
        heading: "Kích hoạt",
    },
    Page {
        label: "questionnaire",
        path: "/can-lam-gi/",
        heading: "Tôi cần làm gì",
    },
    Page {
        label: "scanner",
        path: "/quet/",
        heading: "Quét",
    },
    Page {
        label: "poster builder",
        path: "/ap-phich/",
        heading: "mã QR",
    },
    Page {
        label: "digital team",
        path: "/to-cong-nghe/",
        heading: "Tổ công nghệ số",
    },
    Page {
        label: "hand-off QR",
        path: "/ma-qr/?g=kich-hoat-vneid",
        heading: "Kích hoạt",
    },
    Page {
        label: "about & privacy",
        path: "/gioi-thieu/",
        heading: "quyền riêng tư",
    },
    Page {
        label: "practice list",
        path: "/tap-thu/",
        heading: "Tập thử",
    },
    Page {
        label: "practice phone",
        path: "/tap-thu/kich-hoat-vneid/",
        heading: "Tập kích hoạt",
    },
    NOT_FOUND,
];

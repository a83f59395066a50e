//! The site's pages as the tests open them: one address for each page of the declaration
//! (`sotay_routes::Page::example`), with words its heading holds. The one list every test
//! walks (the shell's headings, the accessibility checks on every page); a page added to the
//! declaration is in it.

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

    const fn of(page: sotay_routes::Page) -> Page {
        let example = page.example();
        Page {
            label: example.label,
            path: example.path,
            heading: example.heading,
        }
    }
}

/// The page an unknown address gets.
pub const NOT_FOUND: Page = Page::of(sotay_routes::Page::NotFound);

const COUNT: usize = sotay_routes::Page::ALL.len();

/// Every page once, in the declaration's order (the not-found page last).
pub const PAGES: [Page; COUNT] = {
    let mut pages = [NOT_FOUND; COUNT];
    let mut i = 0;
    while i < COUNT {
        pages[i] = Page::of(sotay_routes::Page::ALL[i]);
        i += 1;
    }
    pages
};

#[cfg(test)]
mod tests {
    use super::*;

    /// A page added to the declaration is opened by every test that walks [`PAGES`].
    #[test]
    fn every_declared_page_is_in_the_list_once() {
        for page in sotay_routes::Page::ALL {
            let opening: Vec<&Page> = PAGES
                .iter()
                .filter(|listed| {
                    let (path, query) = listed.path.split_once('?').unwrap_or((listed.path, ""));
                    sotay_routes::Route::parse(path, query).page() == *page
                })
                .collect();
            assert_eq!(opening.len(), 1, "{page:?}: {opening:?}");
        }
        assert!(PAGES.last().is_some_and(Page::is_not_found));
    }
}

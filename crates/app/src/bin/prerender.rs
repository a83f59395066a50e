//! `sotay-prerender OUT.json`: renders every page of the app to static HTML
//! with the app's own components (Yew SSR). `cargo xtask dist` wraps each
//! body in `web/index.html` and writes it to the route's `index.html`.

fn main() {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: sotay-prerender OUT.json");
        std::process::exit(2);
    };
    let pages = sotay_app::prerender::render_all();
    let json = serde_json::to_string(&pages).unwrap_or_else(|error| {
        eprintln!("sotay-prerender: {error}");
        std::process::exit(1);
    });
    if let Err(error) = std::fs::write(&out, json) {
        eprintln!(
            "sotay-prerender: cannot write {}: {error}",
            out.to_string_lossy()
        );
        std::process::exit(1);
    }
}

//! The app's own state, shown where residents look: no network, a new
//! version waiting, installation offered. The service-worker and install
//! plumbing lives in web/boot.js; this component only listens and asks.

use yew::prelude::*;

use crate::browser;
use crate::context::use_app;
use crate::i18n::ui;

#[function_component]
pub fn AppStatus() -> Html {
    let lang = use_app().lang();
    let online = use_state(|| true);
    let update_ready = use_state(|| false);
    let install_ready = use_state(|| false);
    {
        let (online, update_ready, install_ready) =
            (online.clone(), update_ready.clone(), install_ready.clone());
        use_effect_with((), move |_| {
            online.set(browser::is_online());
            // boot.js may have seen these before the WASM started.
            update_ready.set(browser::window_flag("sotayUpdateReady"));
            install_ready.set(browser::window_flag("sotayInstallReady"));
            let listeners = [
                browser::on_window_event("online", {
                    let online = online.clone();
                    move || online.set(true)
                }),
                browser::on_window_event("offline", {
                    let online = online.clone();
                    move || online.set(false)
                }),
                browser::on_window_event("sotay-update-ready", {
                    let update_ready = update_ready.clone();
                    move || update_ready.set(true)
                }),
                browser::on_window_event("sotay-install-ready", {
                    let install_ready = install_ready.clone();
                    move || install_ready.set(browser::window_flag("sotayInstallReady"))
                }),
            ];
            move || drop(listeners)
        });
    }
    let apply_update =
        Callback::from(|_: MouseEvent| browser::dispatch_window_event("sotay-apply-update"));
    let install = {
        let install_ready = install_ready.clone();
        Callback::from(move |_: MouseEvent| {
            browser::dispatch_window_event("sotay-install");
            install_ready.set(false);
        })
    };
    html! {
        <div class="app-status" aria-live="polite">
            if !*online {
                <p class="offline-badge" data-status="offline">
                    { ui::app_status::OFFLINE_EVERY_GUIDE_STILL_WORKS.get(lang) }
                </p>
            }
            if *update_ready {
                <div class="banner ok update-banner">
                    <p>{ ui::app_status::NEW_VERSION_OF_APP.get(lang) }</p>
                    <button type="button" onclick={apply_update}>{ ui::app_status::UPDATE.get(lang) }</button>
                </div>
            }
            if *install_ready {
                <div class="banner install-banner">
                    <p>{ ui::app_status::INSTALL_APP_ON_YOUR_HOME.get(lang) }</p>
                    <button type="button" onclick={install}>{ ui::app_status::INSTALL_APP.get(lang) }</button>
                </div>
            }
        </div>
    }
}

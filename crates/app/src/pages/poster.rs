//! The poster builder (`/ap-phich/`, `?g=<id>` picks a guide): a guide or the
//! home page, the base URL, the commune's help point, a layout; a live
//! preview, an SVG download and printing. Works fully offline: the pages are
//! drawn by `sotay_poster`, the same code as `sotay poster`.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use sotay_poster::{
    BaseUrl, CommuneProfile, HOME_STEPS_VI, HOME_TITLE_VI, Layout, PosterSpec, ProfileCode,
    ProfileError, ProfileField, RenderedPage, decode_profile, display_link, guide_url,
    max_scan_distance_cm, phone_link, profile_from_query, render, slug, verified_guide_url,
};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::browser;
use crate::commune::{Provenance, use_commune};
use crate::components::commune_help::CommuneHelpBox;
use crate::content::{self, CatalogState, use_whole_catalog};
use crate::context::use_app;
use crate::i18n::{Lang, Pick};
use crate::route::{Link, Route, base_path};

/// The form, kept on the device so a team can come back to it. Not personal
/// data: a public help point and a layout choice.
const STORAGE_KEY: &str = "sotay.poster";

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct PosterForm {
    /// Guide id, or empty for the home page.
    guide: String,
    base_url: String,
    /// The profile fields in `ProfileField::ALL` order, exactly as typed.
    fields: Vec<String>,
    layout: String,
}

impl PosterForm {
    fn field(&self, field: ProfileField) -> &str {
        let index = ProfileField::ALL.iter().position(|f| *f == field);
        index
            .and_then(|i| self.fields.get(i))
            .map_or("", String::as_str)
    }

    fn set_field(&mut self, field: ProfileField, value: String) {
        if self.fields.len() < ProfileField::ALL.len() {
            self.fields.resize(ProfileField::ALL.len(), String::new());
        }
        if let Some(slot) = ProfileField::ALL
            .iter()
            .position(|f| *f == field)
            .and_then(|i| self.fields.get_mut(i))
        {
            *slot = value;
        }
    }

    fn fill_profile(&mut self, profile: &CommuneProfile) {
        for field in ProfileField::ALL {
            self.set_field(field, profile.get(field).unwrap_or("").to_owned());
        }
    }

    fn layout(&self) -> Layout {
        Layout::from_slug(&self.layout).unwrap_or(Layout::A4Poster)
    }

    /// The profile as typed: `Ok(None)` when every field is empty.
    fn profile(&self) -> Result<Option<(CommuneProfile, ProfileCode)>, ProfileError> {
        if self.fields.iter().all(|f| f.trim().is_empty()) {
            return Ok(None);
        }
        let mut profile = CommuneProfile::default();
        for field in ProfileField::ALL {
            profile.set(field, self.field(field));
        }
        if profile.commune.is_empty() {
            return Err(ProfileError::EmptyField(ProfileField::Commune));
        }
        let code = profile.encode()?;
        Ok(Some((profile.normalized(), code)))
    }
}

/// An edit of the form with the value typed or picked.
type FormChange = Rc<dyn Fn(&mut PosterForm, String)>;

fn default_base_url() -> String {
    format!("{}{}", browser::origin(), base_path())
}

fn save(form: &PosterForm) {
    if let Ok(json) = serde_json::to_string(form) {
        browser::local_set(STORAGE_KEY, &json);
    }
}

/// The field a profile error is about, to show the message next to it.
fn error_field(error: &ProfileError) -> Option<ProfileField> {
    match error {
        ProfileError::InvalidUtf8(f)
        | ProfileError::ControlCharacter(f)
        | ProfileError::FieldTooLong(f)
        | ProfileError::EmptyField(f)
        | ProfileError::UntrimmedField(f) => Some(*f),
        _ => None,
    }
}

/// A profile from a pasted link (`…?c=…`) or a bare code.
fn profile_from_paste(text: &str) -> Result<CommuneProfile, ProfileError> {
    let text = text.trim();
    let query = text.split_once('?').map_or(text, |(_, query)| query);
    let query = query.split('#').next().unwrap_or(query);
    match profile_from_query(query) {
        Some(result) => result,
        None => decode_profile(text),
    }
}

/// "12,5": one decimal, with the Vietnamese decimal comma.
fn decimal_vi(value: f64) -> String {
    format!("{value:.1}").replace('.', ",")
}

fn layout_label(layout: Layout, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => layout.label_vi(),
        Lang::En => match layout {
            Layout::A4Poster => "A4 poster",
            Layout::A5Flyer => "A5 flyer",
            Layout::Stickers12 => "A4 sticker sheet (12 stickers)",
            Layout::Stickers24 => "A4 sticker sheet (24 stickers)",
            Layout::TableTent => "Table tent (A4 folded)",
        },
    }
}

/// Everything the preview needs, worked out from the form.
#[derive(Debug, PartialEq)]
struct Built {
    url: String,
    page: Result<RenderedPage, String>,
    file_name: String,
}

/// The deployer's verified help point this device knows (its id and profile):
/// a poster for exactly that profile carries `?x=<id>` instead of the profile.
type VerifiedPoint = Option<(String, CommuneProfile)>;

fn build(
    form: &PosterForm,
    lang: Lang,
    catalog: CatalogState,
    verified: &VerifiedPoint,
) -> Result<Built, String> {
    let pick = |error_vi: String, error_en: String| match lang {
        Lang::Vi => error_vi,
        Lang::En => error_en,
    };
    let base = BaseUrl::parse(&form.base_url)
        .map_err(|e| pick(e.message_vi().to_owned(), e.message_en().to_owned()))?;
    let profile = form
        .profile()
        .map_err(|e| pick(e.message_vi(), e.message_en()))?;
    // A poster prints the guide's key steps: they come with the whole catalog.
    let guide = match (!form.guide.is_empty()).then(|| content::entry(Lang::Vi, &form.guide)) {
        Some(Some(_)) => Some(content::guide(Lang::Vi, &form.guide).ok_or_else(|| {
            if catalog == CatalogState::Failed {
                pick(
                    "Chưa tải được các bước của hướng dẫn này. Hãy bật mạng rồi mở lại trang này.".to_owned(),
                    "The guide's steps could not be loaded. Turn on the connection and open this page again.".to_owned(),
                )
            } else {
                pick("Đang tải các bước của hướng dẫn…".to_owned(), "Loading the guide's steps…".to_owned())
            }
        })?),
        _ => None,
    };
    let (title, key_steps) = match guide {
        Some(guide) => (
            guide.title.clone(),
            sotay_guides::key_steps(guide)
                .into_iter()
                .map(|(_, step)| step.title.clone())
                .collect(),
        ),
        None => (
            HOME_TITLE_VI.to_owned(),
            HOME_STEPS_VI.iter().map(|s| (*s).to_owned()).collect(),
        ),
    };
    let guide_id = guide.map(|g| g.id.as_str());
    let verified_id = match (&profile, verified) {
        (Some((typed, _)), Some((id, listed))) if typed == listed => Some(id.as_str()),
        _ => None,
    };
    let url = match verified_id {
        Some(id) => verified_guide_url(&base, guide_id, id),
        None => guide_url(&base, guide_id, profile.as_ref().map(|(_, code)| code)),
    };
    let layout = form.layout();
    let spec = PosterSpec {
        layout,
        title,
        key_steps,
        url: url.clone(),
        profile: profile.as_ref().map(|(p, _)| p.clone()),
        caption_vi: None,
    };
    let page = render(&spec).map_err(|e| pick(e.message_vi(), e.message_en()));
    let page_slug = guide_id.unwrap_or("trang-chu");
    let file_name = match &profile {
        Some((profile, _)) => format!("{}_{page_slug}_{layout}.svg", slug(&profile.commune)),
        None => format!("{page_slug}_{layout}.svg"),
    };
    Ok(Built {
        url,
        page,
        file_name,
    })
}

#[derive(Properties, PartialEq)]
pub struct PosterBuilderProps {
    #[prop_or_default]
    pub guide: Option<String>,
}

#[function_component]
pub fn PosterBuilder(props: &PosterBuilderProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let commune = use_commune();
    let form = use_state(PosterForm::default);
    // False until the saved form and the page's origin have been read (never during SSR).
    let loaded = use_state(|| false);
    let paste = use_state(String::new);
    let paste_message = use_state(|| None::<(bool, String)>);
    let preview_url = use_state(|| None::<String>);

    {
        let (form, loaded) = (form.clone(), loaded.clone());
        let guide = props.guide.clone();
        use_effect_with((), move |_| {
            let mut next = browser::local_get(STORAGE_KEY)
                .and_then(|json| serde_json::from_str::<PosterForm>(&json).ok())
                .unwrap_or_default();
            if next.base_url.trim().is_empty() {
                next.base_url = default_base_url();
            }
            if let Some(id) = guide.filter(|id| content::entry(Lang::Vi, id).is_some()) {
                next.guide = id;
            }
            if !next.guide.is_empty() && content::entry(Lang::Vi, &next.guide).is_none() {
                next.guide.clear();
            }
            form.set(next);
            loaded.set(true);
        });
    }

    // The key steps a poster prints come with the whole catalog.
    let guides = use_whole_catalog(true);
    let verified: VerifiedPoint = commune
        .help
        .as_ref()
        .and_then(|help| match &help.provenance {
            Provenance::Verified { id, .. } => Some((id.clone(), help.profile.clone())),
            _ => None,
        });
    let built = use_memo(
        (
            (*form).clone(),
            lang,
            *loaded,
            guides.state,
            verified.clone(),
        ),
        |(form, lang, loaded, catalog, verified)| {
            loaded.then(|| build(form, *lang, *catalog, verified))
        },
    );
    let svg: Option<Rc<str>> = match &*built {
        Some(Ok(Built { page: Ok(page), .. })) => Some(Rc::from(page.svg.as_str())),
        _ => None,
    };
    {
        let preview_url = preview_url.clone();
        use_effect_with(svg, move |svg| {
            // A blob: URL for an <img>: the browser reads the SVG as an image,
            // so no user text is ever parsed as HTML, and scripts never run.
            let url = svg
                .as_ref()
                .and_then(|svg| browser::object_url(svg, "image/svg+xml"));
            preview_url.set(url.clone());
            move || {
                if let Some(url) = url {
                    browser::revoke_object_url(&url);
                }
            }
        });
    }

    let update = |change: FormChange| {
        let form = form.clone();
        move |value: String| {
            let mut next = (*form).clone();
            change(&mut next, value);
            save(&next);
            form.set(next);
        }
    };
    let on_text = |change: FormChange| {
        let update = update(change);
        Callback::from(move |event: InputEvent| {
            update(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let on_guide = {
        let update = update(Rc::new(|form, value| form.guide = value));
        Callback::from(move |event: Event| {
            update(event.target_unchecked_into::<HtmlSelectElement>().value());
        })
    };
    let on_base = on_text(Rc::new(|form, value| form.base_url = value));
    let reset_base = {
        let update = update(Rc::new(|form, _| form.base_url = default_base_url()));
        Callback::from(move |_: MouseEvent| update(String::new()))
    };
    let on_layout = |layout: Layout| {
        let update = update(Rc::new(move |form, _| {
            form.layout = layout.slug().to_owned()
        }));
        Callback::from(move |_: Event| update(String::new()))
    };
    let on_paste_input = {
        let paste = paste.clone();
        Callback::from(move |event: InputEvent| {
            paste.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let fill_from_paste = {
        let (form, paste, paste_message) = (form.clone(), paste.clone(), paste_message.clone());
        Callback::from(move |_: MouseEvent| match profile_from_paste(&paste) {
            Ok(profile) => {
                let mut next = (*form).clone();
                next.fill_profile(&profile);
                save(&next);
                form.set(next);
                paste_message.set(Some((
                    true,
                    lang.pick(
                        "Đã điền thông tin nơi hỗ trợ từ mã.",
                        "Help point filled in from the code.",
                    )
                    .to_owned(),
                )));
            }
            Err(error) => paste_message.set(Some((
                false,
                match lang {
                    Lang::Vi => error.message_vi(),
                    Lang::En => error.message_en(),
                },
            ))),
        })
    };
    let use_saved = commune.profile.clone().map(|profile| {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*form).clone();
            next.fill_profile(&profile);
            save(&next);
            form.set(next);
        })
    });
    let clear_profile = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*form).clone();
            next.fields.clear();
            save(&next);
            form.set(next);
        })
    };
    let typed_profile = form.profile();
    let remember_profile = match &typed_profile {
        Ok(Some((profile, code))) if commune.profile.as_ref() != Some(profile) => {
            let set_profile = commune.set_profile.clone();
            let code = code.as_str().to_owned();
            Some(Callback::from(move |_: MouseEvent| {
                set_profile.emit(Some(code.clone()))
            }))
        }
        _ => None,
    };
    let print = Callback::from(|_: MouseEvent| browser::print());

    let profile_error = typed_profile.as_ref().err();
    let field_inputs = ProfileField::ALL.into_iter().map(|field| {
        let id = format!("poster-{}", field.key());
        let value = form.field(field).to_owned();
        let used = value.trim().chars().count();
        let max = field.max_chars();
        let error = profile_error.filter(|e| error_field(e) == Some(field));
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        let described = if error.is_some() {
            format!("{hint_id} {error_id}")
        } else {
            hint_id.clone()
        };
        let phone_note = (field == ProfileField::Phone
            && !value.trim().is_empty()
            && phone_link(&value).is_none())
        .then(|| {
            lang.pick(
                "Số này không giống số điện thoại Việt Nam nên sẽ hiện như chữ, không bấm gọi được.",
                "This does not look like a Vietnamese phone number: it will show as text, not as a call link.",
            )
        });
        let input_type = if field == ProfileField::Phone { "tel" } else { "text" };
        let oninput = on_text(Rc::new(move |form, value| form.set_field(field, value)));
        let label = match lang {
            Lang::Vi => field.label_vi(),
            Lang::En => field.label_en(),
        };
        let required = field == ProfileField::Commune;
        html! {
            <div class="poster-field">
                <label for={id.clone()}>
                    { label }
                    if !required { <span class="hint-inline">{ lang.pick(" (không bắt buộc)", " (optional)") }</span> }
                </label>
                <input type={input_type} id={id.clone()} value={value} {oninput}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={described} autocomplete="off" />
                <span class={classes!("hint", (used > max).then_some("field-error"))} id={hint_id}>
                    { format!("{used}/{max}") }
                    if let Some(note) = phone_note { { " · " }{ note } }
                </span>
                if let Some(error) = error {
                    <p class="field-error" id={error_id}>
                        { match lang { Lang::Vi => error.message_vi(), Lang::En => error.message_en() } }
                    </p>
                }
            </div>
        }
    });

    let current_layout = form.layout();
    let layout_choices = Layout::ALL.into_iter().map(|layout| {
        html! {
            <label class="choice">
                <input type="radio" name="poster-layout" value={layout.slug()}
                    checked={layout == current_layout} onchange={on_layout(layout)} />
                { layout_label(layout, lang) }
            </label>
        }
    });
    let guide_options = content::outline().list(lang).into_iter().map(|guide| {
        html! {
            <option value={guide.id.clone()} selected={form.guide == guide.id}>{ guide.title.as_str() }</option>
        }
    });

    let base_error = (*loaded)
        .then(|| BaseUrl::parse(&form.base_url).err())
        .flatten();

    let preview = match &*built {
        None => html! {
            <p class="hint">{ lang.pick(
                "Bản xem trước hiện ra khi trang đã tải xong (cần bật JavaScript).",
                "The preview appears once the page has loaded (JavaScript needed).",
            ) }</p>
        },
        Some(Err(message)) => html! {
            <p class="banner error poster-problem">{ message.clone() }</p>
        },
        Some(Ok(built)) => {
            let page_view = match (&built.page, &*preview_url) {
                (Err(message), _) => {
                    html! { <p class="banner error poster-problem">{ message.clone() }</p> }
                }
                (Ok(_), None) => {
                    html! { <p class="hint">{ lang.pick("Đang vẽ…", "Drawing…") }</p> }
                }
                (Ok(page), Some(url)) => {
                    let width_cm = page.qr_width_mm / 10.0;
                    let distance_m = max_scan_distance_cm(page.qr_width_mm) / 100.0;
                    let note = match lang {
                        Lang::Vi => format!(
                            "Khi in đúng khổ giấy, mã rộng {} cm đọc được từ khoảng {} m (quy tắc: khoảng cách quét không quá 10 lần bề rộng mã).",
                            decimal_vi(width_cm),
                            decimal_vi(distance_m)
                        ),
                        Lang::En => format!(
                            "Printed at full size, the {:.1} cm wide code scans from about {:.1} m (rule of thumb: distance up to 10 × the code's width).",
                            width_cm, distance_m
                        ),
                    };
                    let sheet_class = classes!(
                        "poster-preview",
                        "poster-sheet",
                        format!("layout-{}", current_layout.slug())
                    );
                    html! {
                        <>
                            <figure class={sheet_class}>
                                <img class="poster-image" src={url.clone()}
                                    alt={lang.pick("Bản xem trước áp phích", "Poster preview")} />
                            </figure>
                            <p class="poster-scan-note">{ note }</p>
                            <div class="actions no-print">
                                <a class="button poster-download" href={url.clone()} download={built.file_name.clone()}>
                                    { lang.pick("Tải về SVG", "Download SVG") }
                                </a>
                                <button type="button" class="secondary poster-print" onclick={print}>
                                    { lang.pick("In", "Print") }
                                </button>
                            </div>
                            <p class="hint no-print">{ lang.pick(
                                "Khi in, chọn khổ giấy đúng như mẫu và tỷ lệ 100 % (không \"vừa trang\").",
                                "When printing, pick the layout's paper size and 100 % scale (not \"fit to page\").",
                            ) }</p>
                        </>
                    }
                }
            };
            html! {
                <>
                    <p class="poster-link">
                        { lang.pick("Đường dẫn in dưới mã: ", "Link printed under the code: ") }
                        <strong class="poster-short-link">{ display_link(&built.url) }</strong>
                    </p>
                    <details class="poster-full-link no-print">
                        <summary>{ lang.pick("Đường dẫn đầy đủ trong mã QR", "Full link in the QR code") }</summary>
                        <p><code>{ built.url.as_str() }</code></p>
                    </details>
                    { page_view }
                </>
            }
        }
    };

    let paste_feedback = (*paste_message).clone().map(|(ok, message)| {
        html! { <p class={if ok { "banner ok" } else { "banner error" }}>{ message }</p> }
    });
    let preview_profile = typed_profile
        .as_ref()
        .ok()
        .and_then(|p| p.as_ref())
        .map(|(p, _)| p.clone());
    // Which of the two kinds this poster is, in words a volunteer can act on.
    let deployer = commune
        .help
        .as_ref()
        .and_then(|help| match &help.provenance {
            Provenance::Verified { deployer, .. } => Some(deployer.clone()),
            _ => None,
        });
    let kind_note = preview_profile.as_ref().map(|typed| {
        match (&verified, &deployer) {
            (Some((id, listed)), Some(deployer)) if listed == typed => html! {
                <p class="banner ok poster-kind verified">{ match lang {
                    Lang::Vi => format!("Áp phích này dùng nơi hỗ trợ đã được {deployer} xác minh (mã “{id}”). Người dân sẽ thấy “Thông tin của {deployer}”."),
                    Lang::En => format!("This poster uses a help point verified by {deployer} (id “{id}”). Residents will see “Information from {deployer}”."),
                } }</p>
            },
            _ => html! {
                <p class="banner warning poster-kind unverified">{ lang.pick(
                    "Nơi hỗ trợ này do bạn nhập, chưa được ai xác minh. Người dân sẽ thấy dòng “Thông tin in trên áp phích — hãy kiểm tra”; máy chỉ nhớ khi họ bấm “Lưu nơi hỗ trợ này”, và hướng dẫn chống lừa đảo không hiện số điện thoại này. Muốn in nơi hỗ trợ đã xác minh, hãy mở trang này từ đường link có “?x=” của đơn vị triển khai ứng dụng.",
                    "You typed this help point and nobody has verified it. Residents will see “Printed on the poster — please check it”; their phone keeps it only if they tap “Keep this help point”, and the scam guide does not show this phone number. To print a verified help point, open this page from the deployer's link with “?x=”.",
                ) }</p>
            },
        }
    });

    html! {
        <article class="page poster-builder">
            <h1>{ lang.pick("Tạo mã QR và áp phích", "QR codes and posters") }</h1>
            <p class="lead no-print">{ lang.pick(
                "Làm áp phích, tờ rơi, nhãn dán có mã QR dẫn thẳng đến hướng dẫn, kèm nơi hỗ trợ của xã/phường. Không cần mạng.",
                "Make posters, flyers and stickers with a QR code that opens a guide, with your commune's help point. No network needed.",
            ) }</p>

            <section class="no-print" aria-labelledby="poster-what">
                <h2 id="poster-what">{ lang.pick("1. Mã QR mở trang nào", "1. What the code opens") }</h2>
                <label for="poster-guide">{ lang.pick("Hướng dẫn", "Guide") }</label>
                <select id="poster-guide" onchange={on_guide}>
                    <option value="" selected={form.guide.is_empty()}>{ lang.pick("Trang chủ", "Home page") }</option>
                    { for guide_options }
                </select>
                <label for="poster-base">
                    { lang.pick("Địa chỉ trang web", "Site address") }
                    <span class="hint">{ lang.pick(
                        "Địa chỉ nơi đăng ứng dụng, ví dụ https://sotay.example.vn/",
                        "Where the app is published, e.g. https://sotay.example.vn/",
                    ) }</span>
                </label>
                <input type="url" id="poster-base" value={form.base_url.clone()} oninput={on_base}
                    inputmode="url" autocomplete="off" spellcheck="false"
                    aria-invalid={base_error.is_some().then_some("true")}
                    aria-describedby={base_error.is_some().then_some("poster-base-error")} />
                if let Some(error) = base_error {
                    <p class="field-error" id="poster-base-error">{ lang.pick(error.message_vi(), error.message_en()) }</p>
                }
                <div class="actions">
                    <button type="button" class="secondary" onclick={reset_base}>
                        { lang.pick("Dùng địa chỉ của trang này", "Use this site's address") }
                    </button>
                </div>
            </section>

            <section class="no-print" aria-labelledby="poster-profile">
                <h2 id="poster-profile">{ lang.pick("2. Nơi hỗ trợ của xã/phường", "2. Your commune's help point") }</h2>
                <p class="hint">{ lang.pick(
                    "Không bắt buộc. Người quét mã sẽ thấy \"Cần giúp? Đến …\" trên mọi hướng dẫn. Chỉ ghi thông tin công khai của cơ quan, không ghi thông tin cá nhân.",
                    "Optional. Whoever scans the code sees \"Need help? Go to …\" on every guide. Public office details only, nothing personal.",
                ) }</p>
                <div class="poster-paste">
                    <label for="poster-paste">{ lang.pick(
                        "Dán đường dẫn có ?c=… hoặc mã hồ sơ để điền nhanh",
                        "Paste a link with ?c=… or a profile code to fill in",
                    ) }</label>
                    <input type="text" id="poster-paste" value={(*paste).clone()} oninput={on_paste_input}
                        autocomplete="off" spellcheck="false" />
                    <div class="actions">
                        <button type="button" class="secondary" onclick={fill_from_paste}>
                            { lang.pick("Điền từ mã", "Fill in from code") }
                        </button>
                        if let Some(onclick) = use_saved {
                            <button type="button" class="secondary" {onclick}>
                                { lang.pick("Dùng hồ sơ đã lưu", "Use the saved profile") }
                            </button>
                        }
                    </div>
                    <div role="status" aria-live="polite">{ for paste_feedback }</div>
                </div>
                { for field_inputs }
                if let Some(error) = profile_error.filter(|e| error_field(e).is_none()) {
                    <p class="field-error">{ match lang { Lang::Vi => error.message_vi(), Lang::En => error.message_en() } }</p>
                }
                <div class="actions">
                    if let Some(onclick) = remember_profile {
                        <button type="button" class="secondary" {onclick}>
                            { lang.pick("Lưu làm nơi hỗ trợ trên máy này", "Keep as this phone's help point") }
                        </button>
                    }
                    <button type="button" class="secondary" onclick={clear_profile}>
                        { lang.pick("Xóa các ô nơi hỗ trợ", "Clear the help point fields") }
                    </button>
                </div>
                { kind_note.unwrap_or_default() }
                if let Some(profile) = preview_profile {
                    <p class="hint">{ lang.pick("Người dân sẽ thấy:", "Residents will see:") }</p>
                    <CommuneHelpBox {profile} />
                }
            </section>

            <section class="no-print" aria-labelledby="poster-layout">
                <h2 id="poster-layout">{ lang.pick("3. Mẫu in", "3. Layout") }</h2>
                <fieldset>
                    <legend>{ lang.pick("Chọn mẫu", "Pick a layout") }</legend>
                    { for layout_choices }
                </fieldset>
            </section>

            <section class="poster-result" aria-labelledby="poster-preview-heading">
                <h2 id="poster-preview-heading" class="no-print">{ lang.pick("4. Xem trước, tải về, in", "4. Preview, download, print") }</h2>
                <div class="poster-status" aria-live="polite">{ preview }</div>
            </section>
            <p class="no-print">
                <Link to={Route::Team}>{ lang.pick("Công cụ cho tổ công nghệ số", "Tools for the digital team") }</Link>
            </p>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form_with(fields: &[(ProfileField, &str)]) -> PosterForm {
        let mut form = PosterForm {
            base_url: "https://sotay.example.vn".into(),
            ..PosterForm::default()
        };
        for (field, value) in fields {
            form.set_field(*field, (*value).to_owned());
        }
        form
    }

    #[test]
    fn an_empty_profile_makes_a_poster_without_help_point() {
        let built = build(&form_with(&[]), Lang::Vi, CatalogState::Ready, &None).unwrap();
        assert_eq!(built.url, "https://sotay.example.vn/");
        assert_eq!(built.file_name, "trang-chu_a4.svg");
        assert!(built.page.unwrap().qr_width_mm > 50.0);
    }

    #[test]
    fn bad_input_gives_messages_and_keeps_the_text() {
        let form = form_with(&[(ProfileField::Address, "Số 1 phố Ngọc Lâm")]);
        assert_eq!(
            form.profile().unwrap_err(),
            ProfileError::EmptyField(ProfileField::Commune)
        );
        assert_eq!(form.field(ProfileField::Address), "Số 1 phố Ngọc Lâm");
        let long = "x".repeat(200);
        let form = form_with(&[(ProfileField::Commune, &long)]);
        assert_eq!(
            error_field(&form.profile().unwrap_err()),
            Some(ProfileField::Commune)
        );
        let mut form = form_with(&[]);
        form.base_url = "sotay.vn".into();
        assert!(
            build(&form, Lang::Vi, CatalogState::Ready, &None)
                .unwrap_err()
                .contains("https://")
        );
    }

    #[test]
    fn pasted_links_and_codes_fill_the_profile() {
        let mut profile = CommuneProfile::new("Phường Long Biên");
        profile.phone = Some("024 3872 1234".into());
        let code = profile.encode().unwrap();
        let link = format!("https://sotay.example.vn/g/tam-tru/?c={code}");
        assert_eq!(profile_from_paste(&link), Ok(profile.clone()));
        assert_eq!(
            profile_from_paste(&format!(" {code} ")),
            Ok(profile.clone())
        );
        assert!(profile_from_paste("https://x.vn/?c=<script>").is_err());
        assert!(profile_from_paste("").is_err());

        let mut form = form_with(&[]);
        form.fill_profile(&profile);
        let built = build(&form, Lang::Vi, CatalogState::Ready, &None).unwrap();
        assert_eq!(built.url, format!("https://sotay.example.vn/?c={code}"));
        assert_eq!(built.file_name, "phuong-long-bien_trang-chu_a4.svg");
    }

    #[test]
    fn a_verified_help_point_prints_its_short_id_and_an_edited_one_does_not() {
        let mut profile = CommuneProfile::new("Phường Long Biên");
        profile.phone = Some("024 3872 1234".into());
        let verified = Some(("long-bien".to_owned(), profile.clone()));
        let mut form = form_with(&[]);
        form.fill_profile(&profile);
        let built = build(&form, Lang::Vi, CatalogState::Ready, &verified).unwrap();
        assert_eq!(built.url, "https://sotay.example.vn/?x=long-bien");
        form.set_field(ProfileField::Phone, "0999 999 999".into());
        let built = build(&form, Lang::Vi, CatalogState::Ready, &verified).unwrap();
        assert!(built.url.contains("?c="), "{}", built.url);
    }

    #[test]
    fn decimals_use_a_comma() {
        assert_eq!(decimal_vi(12.46), "12,5");
    }
}

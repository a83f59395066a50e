//! The help points the hall screen and the printed handout show, each as text.

use sotay_poster::CommuneProfile;
use yew::prelude::*;

use crate::commune::CommuneContext;
use crate::components::commune_help::CommuneHelpBox;
use crate::route::Route;

/// The help points to show on `route`, each with whether its phone number may be shown
/// there. A profile holds up to four places; its box lists them all.
pub fn help_points(commune: &CommuneContext, route: &Route) -> Vec<(CommuneProfile, bool)> {
    commune
        .help
        .iter()
        .map(|help| (help.profile.clone(), help.phone_shown_on(route)))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct HelpPointListProps {
    pub points: Vec<(CommuneProfile, bool)>,
}

/// Every help point, one box each (nothing when there is none).
#[function_component]
pub fn HelpPointList(props: &HelpPointListProps) -> Html {
    html! {
        { for props.points.iter().map(|(profile, show_phone)| html! {
            <CommuneHelpBox profile={profile.clone()} show_phone={*show_phone} />
        }) }
    }
}

//! Who is suggested to own a control: the vendor that runs its layer, the
//! MSSP for what needs round-the-clock coverage or what its profile can
//! perform below the governance layers, the client for governance, people,
//! data and identity (access approval) and for what the MSSP cannot perform.

use crate::model::{Component, Control, EnvironmentSpec, Layer, PartyProfile};

/// The layers a cloud vendor runs for each service model (as the
/// environment-inheritance rule reads them).
fn vendor_layers(model: &str) -> &'static [Layer] {
    match model {
        "iaas" => &[Layer::Physical],
        "paas" => &[Layer::Physical, Layer::Network, Layer::Host],
        "saas" => &[
            Layer::Physical,
            Layer::Network,
            Layer::Host,
            Layer::Application,
        ],
        _ => &[],
    }
}

/// The cloud vendors that run `layer` in `environment`, in component order.
pub fn vendors_of(environment: &EnvironmentSpec, layer: Layer) -> Vec<String> {
    let mut vendors: Vec<String> = Vec::new();
    for component in &environment.components {
        if let (true, Some(vendor)) = (runs(component, layer), &component.vendor) {
            if !vendors.contains(vendor) {
                vendors.push(vendor.clone());
            }
        }
    }
    vendors
}

/// The components of `environment` that `vendor` runs `layer` of.
pub fn components_of(environment: &EnvironmentSpec, vendor: &str, layer: Layer) -> Vec<String> {
    environment
        .components
        .iter()
        .filter(|c| c.vendor.as_deref() == Some(vendor) && runs(c, layer))
        .map(|c| c.id.clone())
        .collect()
}

/// Whether some component (or, without components, the environment) has
/// `layer` run by no vendor: a party must cover it there.
pub fn party_runs(environment: &EnvironmentSpec, layer: Layer) -> bool {
    environment.components.is_empty()
        || environment
            .components
            .iter()
            .any(|c| c.vendor.is_none() || !runs(c, layer))
}

/// Whether the vendor of `component` runs `layer` of it.
fn runs(component: &Component, layer: Layer) -> bool {
    let model = serde_json::to_value(component.model).unwrap_or_default();
    vendor_layers(model.as_str().unwrap_or_default()).contains(&layer)
}

/// Whether `profile` can perform `control`: one of its capabilities, the
/// maturity it needs, round-the-clock coverage when it needs it.
pub fn can_perform(profile: &PartyProfile, control: &Control) -> bool {
    let has = control.capabilities.is_empty()
        || control
            .capabilities
            .iter()
            .any(|c| profile.capabilities.contains(c));
    let maturity = profile.maturity.soc.min(profile.maturity.infrastructure);
    let mature = control.min_maturity.is_none_or(|m| maturity >= m);
    let covered = !control.round_the_clock.unwrap_or(false)
        || serde_json::to_value(profile.coverage)
            .ok()
            .and_then(|v| v.as_str().map(|s| s == "24x7"))
            == Some(true);
    has && mature && covered
}

/// The suggested owner of a control outside any vendor's layers.
pub fn party_for(provider: &PartyProfile, control: &Control) -> &'static str {
    let layer = control.layer.unwrap_or(Layer::Governance);
    let client_layer = matches!(
        layer,
        Layer::Governance | Layer::People | Layer::Data | Layer::Identity
    );
    match (control.round_the_clock.unwrap_or(false), client_layer) {
        (true, _) => "mssp",
        (false, false) if can_perform(provider, control) => "mssp",
        _ => "client",
    }
}

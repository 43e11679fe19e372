//! `srmcheck config`: the configuration in force, as YAML.

use crate::config::Configuration;

pub fn render(configuration: &Configuration) -> String {
    let origin = match &configuration.file {
        Some(file) => format!("# from {}\n", crate::source::display_name(file)),
        None => "# no srmcheck.yaml or .srmcheck.yaml here or above: the defaults\n".to_owned(),
    };
    let yaml = serde_yaml::to_string(&configuration.config).unwrap_or_default();
    let yaml = if yaml.trim() == "{}" {
        String::new()
    } else {
        yaml
    };
    format!("{origin}{yaml}")
}

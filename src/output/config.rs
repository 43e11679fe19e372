//! `srmcheck config`: the configuration in force, as YAML: every key, with
//! its default value when the file (or the lack of one) leaves it unset.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::config::{Config, Configuration};
use crate::discover::DEFAULT_INCLUDE;
use crate::severity::FailOn;
use crate::source::display_name;

pub fn render(configuration: &Configuration) -> String {
    let mut out = match &configuration.file {
        Some(file) => format!("# from {}\n", display_name(file)),
        None => "# no srmcheck.yaml or .srmcheck.yaml here or above: the defaults\n".to_owned(),
    };
    let config = &configuration.config;
    let defaults: Vec<String> = DEFAULT_INCLUDE.iter().map(|p| p.to_string()).collect();
    let lines = [
        key(
            "include",
            list(&config.include),
            config.include.is_empty(),
            || list(&defaults),
        ),
        key(
            "exclude",
            list(&config.exclude),
            config.exclude.is_empty(),
            || "[]".into(),
        ),
        key(
            "policies",
            paths(&config.policies),
            config.policies.is_empty(),
            || "[]".into(),
        ),
        key(
            "frameworks",
            paths(&config.frameworks),
            config.frameworks.is_empty(),
            || "[]".into(),
        ),
        key(
            "referenceFolders",
            paths(&config.reference_folders),
            config.reference_folders.is_empty(),
            || "[]".into(),
        ),
        key(
            "severity",
            severities(config),
            config.severity.is_empty(),
            || "{}".into(),
        ),
        key(
            "failOn",
            config.fail_on.map(fail_on).unwrap_or_default(),
            config.fail_on.is_none(),
            || "error".into(),
        ),
    ];
    for line in lines {
        out.push_str(&line);
    }
    out.push_str(&cache_and_date(config));
    out
}

/// The keys after the list: the result cache and the as-of date.
fn cache_and_date(config: &Config) -> String {
    let mut out = String::new();
    match config.cache {
        Some(on) => out.push_str(&format!("cache: {on}\n")),
        None => out.push_str("cache: true  # default\n"),
    }
    match &config.cache_dir {
        Some(dir) => out.push_str(&format!("cacheDir: {}\n", scalar(&display_name(dir)))),
        None => out.push_str(
            "cacheDir: .srmcheck_cache  # default: beside the configuration file, else here\n",
        ),
    }
    match config.as_of {
        Some(date) => out.push_str(&format!("asOf: {date}\n")),
        None => out.push_str("# asOf: unset (default): today's date in UTC\n"),
    }
    out
}

fn fail_on(level: FailOn) -> String {
    level
        .to_possible_value()
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default()
}

/// `name: value`, or `name: default  # default` when unset.
fn key(name: &str, value: String, unset: bool, default: impl Fn() -> String) -> String {
    match unset {
        true => format!("{name}: {}  # default\n", default()),
        false => format!("{name}: {value}\n"),
    }
}

fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| scalar(i)).collect();
    format!("[{}]", items.join(", "))
}

fn paths(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| display_name(p)).collect();
    list(&names)
}

fn severities(config: &Config) -> String {
    let pairs: Vec<String> = config
        .severity
        .iter()
        .map(|(rule, level)| format!("{}: {}", scalar(rule), scalar(level.as_str())))
        .collect();
    format!("{{{}}}", pairs.join(", "))
}

/// A YAML flow scalar: bare when plain text allows it, else double-quoted.
fn scalar(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
        && !text.starts_with(['-', '.']);
    match plain {
        true => text.to_owned(),
        false => serde_json::to_string(text).unwrap_or_default(),
    }
}

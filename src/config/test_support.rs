//! What the config tests share: the example and local files, the smallest
//! valid file, and loading with made-up environment variables (never the
//! process's own, which other tests run beside).

use super::{Config, ConfigError, ConfigErrors};

pub(super) const EXAMPLE: &str = include_str!("../../config/secdesk.example.toml");
pub(super) const LOCAL: &str = include_str!("../../config/local.toml");

/// The smallest valid file: everything else has a default.
pub(super) const MINIMAL: &str = r#"
    [desk]
    address = "security@example.com"
    authserv_id = "mx.example.com"
    [imap]
    host = "imap.example.com"
    username = "security@example.com"
    password = "imap-password"
    [smtp]
    host = "smtp.example.com"
"#;

pub(super) fn env(vars: &[(&str, &str)]) -> Vec<(String, String)> {
    vars.iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
}

pub(super) fn load(text: &str, vars: &[(&str, &str)]) -> Result<Config, ConfigErrors> {
    Config::from_sources(text, env(vars))
}

pub(super) fn errors(text: &str, vars: &[(&str, &str)]) -> Vec<String> {
    match load(text, vars) {
        Ok(config) => panic!("expected errors, got {config:?}"),
        Err(ConfigErrors(errors)) => errors.iter().map(ToString::to_string).collect(),
    }
}

pub(super) fn errors_of(result: Result<Config, ConfigErrors>) -> Vec<ConfigError> {
    result.expect_err("expected errors").0
}

pub(super) fn example_env() -> Vec<(&'static str, &'static str)> {
    vec![
        ("SECDESK_IMAP_PASSWORD", "imap-hunter2"),
        ("SECDESK_SMTP_PASSWORD", "smtp-hunter2"),
    ]
}

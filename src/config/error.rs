//! The errors a load reports: each names its key (or variable, or file
//! position) and says what is wrong, and all of them come back at once.

use std::fmt;
use std::path::Path;

/// One problem with the configuration: the key (`imap.port`, or the variable
/// `SECDESK_IMAP_PROT`, or a file position) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key}: {message}")]
pub struct ConfigError {
    pub key: String,
    pub message: String,
}

/// Every problem found (never none): problems reading the file and the
/// variables first, then invalid values, each in section order. Displayed
/// one per line; the caller adds which file it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

/// A file that is not TOML, at the position the parser stopped.
pub(super) fn syntax_error(
    text: &str,
    error: &toml::de::Error,
    path: Option<&Path>,
) -> ConfigError {
    let (line, column) = match error.span() {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            (line, before[line_start..].chars().count() + 1)
        }
        None => (1, 1),
    };
    let key = match path {
        Some(path) => format!("{}:{line}:{column}", path.display()),
        None => format!("line {line}, column {column}"),
    };
    ConfigError {
        key,
        message: format!("invalid TOML: {}", error.message().trim_end()),
    }
}

//! `[log]`: how the daemon writes its log (the filter is `SECDESK_LOG`,
//! read by the binary, not a setting).

use super::check::Check;
use super::read::Section;

/// How the daemon writes its log (`[log]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    /// Lines for people.
    #[default]
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

impl LogFormat {
    pub fn parse(value: &str) -> Result<LogFormat, String> {
        match value.trim() {
            "" | "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            other => Err(format!("must be \"text\" or \"json\", got {other:?}")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LogConfig {
    /// `SECDESK_LOG_FORMAT` is this key's variable, as for every key.
    pub format: LogFormat,
}

impl LogConfig {
    /// Its line of the summary (`secdesk check-config`).
    pub(super) fn summary(&self) -> String {
        format!("log:      {:?}", self.format).to_lowercase()
    }
}

pub(super) struct RawLog {
    format: Option<String>,
}

impl RawLog {
    pub(super) fn read(s: &mut Section<'_>) -> RawLog {
        RawLog {
            format: s.string("format"),
        }
    }

    pub(super) fn validate(self, check: &mut Check) -> LogConfig {
        LogConfig {
            format: LogFormat::parse(self.format.as_deref().unwrap_or_default()).unwrap_or_else(
                |message| {
                    check.error("log.format", message);
                    LogFormat::Text
                },
            ),
        }
    }
}

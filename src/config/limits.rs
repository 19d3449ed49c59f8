//! `[limits]`: what one mail may cost to parse, how many automatic answers
//! may go out, and how much of the attachments a forwarded mail carries.

use super::check::Check;
use super::read::Section;

#[derive(Debug, Clone)]
pub struct LimitsConfig {
    /// Larger mail is quarantined unparsed.
    pub max_message_bytes: usize,
    /// Mail with more MIME parts is quarantined.
    pub max_parts: usize,
    /// CPU time, in milliseconds, one mail may take to parse and read;
    /// past it the mail is quarantined.
    pub max_processing_ms: u64,
    /// Automatic answers (acknowledgments, status) one address may get per
    /// hour; past it the answer is recorded as suppressed, not sent. This
    /// stops loops with auto-responders that get through every header check.
    pub auto_replies_per_address_per_hour: u32,
    /// Automatic answers the whole desk may send per hour.
    pub auto_replies_per_hour: u32,
    /// Attachments a staff notification or a relayed answer carries, in all;
    /// the files that do not fit are listed (name, size, SHA-256) with the
    /// command that fetches them.
    pub forward_attachments_bytes: usize,
}

impl LimitsConfig {
    /// What the parser is allowed to spend on one mail.
    pub fn message_limits(&self) -> crate::message::Limits {
        crate::message::Limits {
            max_message_bytes: self.max_message_bytes,
            max_parts: self.max_parts,
            max_processing: std::time::Duration::from_millis(self.max_processing_ms),
        }
    }

    /// Its line of the summary (`secdesk check-config`).
    pub(super) fn summary(&self) -> String {
        format!(
            "limits:   messages up to {} bytes, up to {} MIME parts, {} ms of CPU each; {} bytes of attachments per forwarded mail",
            self.max_message_bytes,
            self.max_parts,
            self.max_processing_ms,
            self.forward_attachments_bytes
        )
    }
}

pub(super) struct RawLimits {
    max_message_bytes: Option<i64>,
    max_parts: Option<i64>,
    max_processing_ms: Option<i64>,
    auto_replies_per_address_per_hour: Option<i64>,
    auto_replies_per_hour: Option<i64>,
    forward_attachments_bytes: Option<i64>,
}

impl RawLimits {
    pub(super) fn read(s: &mut Section<'_>) -> RawLimits {
        RawLimits {
            max_message_bytes: s.integer("max_message_bytes"),
            max_parts: s.integer("max_parts"),
            max_processing_ms: s.integer("max_processing_ms"),
            auto_replies_per_address_per_hour: s.integer("auto_replies_per_address_per_hour"),
            auto_replies_per_hour: s.integer("auto_replies_per_hour"),
            forward_attachments_bytes: s.integer("forward_attachments_bytes"),
        }
    }

    pub(super) fn validate(self, check: &mut Check) -> LimitsConfig {
        LimitsConfig {
            max_message_bytes: check.number(
                "limits.max_message_bytes",
                self.max_message_bytes,
                25 * 1024 * 1024,
                1024,
                None,
            ),
            max_parts: check.number("limits.max_parts", self.max_parts, 1000, 1, None),
            max_processing_ms: check.number(
                "limits.max_processing_ms",
                self.max_processing_ms,
                crate::message::DEFAULT_MAX_PROCESSING_MS,
                1,
                Some((600_000, " (ten minutes)")),
            ),
            auto_replies_per_address_per_hour: check.number(
                "limits.auto_replies_per_address_per_hour",
                self.auto_replies_per_address_per_hour,
                30,
                1,
                None,
            ),
            auto_replies_per_hour: check.number(
                "limits.auto_replies_per_hour",
                self.auto_replies_per_hour,
                20_000,
                1,
                None,
            ),
            forward_attachments_bytes: check.number(
                "limits.forward_attachments_bytes",
                self.forward_attachments_bytes,
                10 * 1024 * 1024,
                0,
                None,
            ),
        }
    }
}

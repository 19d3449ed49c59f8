//! Which attachments of a mail travel with the mail we send about it (a
//! staff notification, a relayed staff answer) and which are only listed.
//! Pure.
//!
//! A file is attached when it is not held back as dangerous (see
//! `message::inspect`) and fits in what is left of
//! `limits.forward_attachments_bytes`, taken in the order the sender
//! attached them; every other file is listed with its name, detected type,
//! size, SHA-256 and why, so staff fetch it on purpose with
//! `secdesk attachments get SHA256`.

use serde::Serialize;

use super::problem::human_size;
use crate::message::Attachment;
use crate::outbox::FileToSend;

/// How a template shows one attachment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct FileView {
    pub name: String,
    /// What the bytes are.
    pub detected_type: String,
    /// The size for people ("1.2 MB").
    pub size: String,
    pub sha256: String,
    /// Whether it travels with the mail.
    pub attached: bool,
    /// Why it does not (held back as dangerous, or over the limit).
    pub why: Option<String>,
}

/// The outcome for one mail's attachments.
#[derive(Debug, Default)]
pub(super) struct Forwarding<'m> {
    /// What the outgoing mail carries, in order.
    pub files: Vec<FileToSend<'m>>,
    /// Every attachment, attached or not, for the template.
    pub views: Vec<FileView>,
}

impl Forwarding<'_> {
    /// Whether any file stays behind (the template then names the command).
    pub fn any_listed(&self) -> bool {
        self.views.iter().any(|v| !v.attached)
    }
}

/// Decide for each of `attachments` under a budget of `limit` bytes.
pub(super) fn forwarding(attachments: &[Attachment], limit: usize) -> Forwarding<'_> {
    let mut left = limit;
    let mut out = Forwarding::default();
    for a in attachments {
        let why = match &a.held_back {
            Some(reason) => Some(format!("held back: {reason}")),
            None if a.size > left => Some(format!(
                "not attached: the files of this mail exceed {} (limits.forward_attachments_bytes)",
                human_size(limit)
            )),
            None => None,
        };
        if why.is_none() {
            left -= a.size;
            out.files.push(FileToSend {
                name: a.name.as_deref(),
                content_type: &a.content_type,
                bytes: &a.bytes,
            });
        }
        out.views.push(FileView {
            name: a.name.clone().unwrap_or_else(|| "(no name)".into()),
            detected_type: a.detected_type.clone(),
            size: human_size(a.size),
            sha256: a.sha256.clone(),
            attached: why.is_none(),
            why,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, size: usize, held_back: Option<&str>) -> Attachment {
        Attachment {
            name: Some(name.into()),
            content_type: "application/octet-stream".into(),
            size,
            sha256: format!("{size:064x}"),
            detected_type: "application/octet-stream".into(),
            held_back: held_back.map(Into::into),
            bytes: vec![7; size],
        }
    }

    #[test]
    fn files_are_attached_in_order_while_they_fit() {
        let files = [
            file("a", 600, None),
            file("b", 500, None),
            file("c", 400, None),
        ];
        let out = forwarding(&files, 1000);
        let attached: Vec<_> = out.files.iter().map(|f| f.name).collect();
        assert_eq!(attached, [Some("a"), Some("c")]);
        assert!(out.views[0].attached && out.views[2].attached);
        assert!(!out.views[1].attached);
        assert!(
            out.views[1]
                .why
                .as_deref()
                .unwrap()
                .contains("limits.forward_attachments_bytes")
        );
        assert!(out.any_listed());
    }

    #[test]
    fn a_held_back_file_is_listed_with_its_reason_whatever_its_size() {
        let files = [file("run.exe", 10, Some("Windows executable (PE)"))];
        let out = forwarding(&files, 1 << 20);
        assert!(out.files.is_empty());
        assert_eq!(
            out.views[0].why.as_deref(),
            Some("held back: Windows executable (PE)")
        );
        assert_eq!(out.views[0].sha256, files[0].sha256);
    }

    #[test]
    fn a_limit_of_zero_lists_everything_and_no_files_list_nothing() {
        let files = [file("a", 1, None)];
        assert!(forwarding(&files, 0).files.is_empty());
        let none = forwarding(&[], 0);
        assert!(none.views.is_empty() && !none.any_listed());
    }
}

//! What the desk found out about who sent a mail, as plain data.
//!
//! The checks themselves need DNS and live in [`crate::authenticate`]; this
//! module holds their results (stored with every incoming message, shown by
//! `tickets show`) and the pure questions asked of them: is the `From:`
//! domain proven, and if not, why not.
//!
//! A `From:` domain is proven by either
//! - an **aligned DKIM pass**: a signature that verified, whose signing
//!   domain (`d=`) is the `From:` domain or a parent of it with at least two
//!   labels, and that covers the whole body (a signature with `l=` lets
//!   anyone append text after the signed part, commands included, so it
//!   never proves anything here); or
//! - a **DMARC pass** computed by the desk: the `From:` domain publishes a
//!   DMARC record and an aligned DKIM signature or an aligned SPF pass
//!   satisfies it.
//!
//! SPF alone proves nothing: it checks the envelope sender, which `From:`
//! need not match.

use std::fmt::Write as _;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

/// One check's outcome, in the words of RFC 8601 (`dkim=pass`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckResult {
    Pass,
    Fail,
    SoftFail,
    Neutral,
    /// Nothing to check (no signature, no record).
    None,
    /// DNS did not answer in time: the same mail may pass later.
    TempError,
    /// The signature or record is broken or revoked.
    PermError,
}

impl CheckResult {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckResult::Pass => "pass",
            CheckResult::Fail => "fail",
            CheckResult::SoftFail => "softfail",
            CheckResult::Neutral => "neutral",
            CheckResult::None => "none",
            CheckResult::TempError => "temperror",
            CheckResult::PermError => "permerror",
        }
    }
}

/// One DKIM signature and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkimCheck {
    /// The signing domain (`d=`), lower case; empty when the signature could not be read.
    pub domain: String,
    /// The selector (`s=`).
    pub selector: String,
    pub result: CheckResult,
    /// Why it did not pass (`body hash did not verify`, `key revoked`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// `d=` is the `From:` domain or a parent of it.
    pub aligned: bool,
    /// The signature covers only the first `l=` bytes of the body.
    #[serde(default)]
    pub partial_body: bool,
}

impl DkimCheck {
    /// A pass that vouches for the whole mail from the `From:` domain.
    pub fn proves_from(&self) -> bool {
        self.result == CheckResult::Pass && self.aligned && !self.partial_body
    }
}

/// SPF for the server that handed the mail to ours, as read from the
/// topmost `Received:` header, and the envelope sender (`Return-Path:`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpfCheck {
    pub result: CheckResult,
    /// The domain checked: the envelope sender's, or the HELO name's for a bounce.
    pub domain: String,
    pub ip: IpAddr,
    pub helo: String,
}

/// DMARC for the `From:` domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DmarcCheck {
    pub result: CheckResult,
    pub domain: String,
    /// `none`, `quarantine` or `reject`, as published; empty without a record.
    pub policy: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Everything the desk checked about one incoming mail's sender.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authenticity {
    /// The `From:` domain, lower case; `None` when the mail has no usable `From:`.
    pub from_domain: Option<String>,
    /// Every DKIM signature, in header order.
    pub dkim: Vec<DkimCheck>,
    /// `None` when the mail carries no `Received:` hop to check.
    pub spf: Option<SpfCheck>,
    /// `None` when DMARC could not be evaluated (no `From:` domain).
    pub dmarc: Option<DmarcCheck>,
    /// Set when nothing could be checked at all, with the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_checked: Option<String>,
    /// What OpenPGP the mail carried: encryption and a signature checked
    /// against the keys the desk knows. `None` for mail without any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pgp: Option<PgpCheck>,
}

/// How the PGP data travelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PgpForm {
    /// RFC 3156 `multipart/encrypted` or `multipart/signed`.
    Mime,
    /// ASCII armor in a text body, as older clients and webmail send it.
    Inline,
}

/// What a mail's signature shows, stored with the message as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum SignatureStatus {
    /// No signature at all.
    Unsigned,
    /// Made by a known key that is valid now, one of whose User IDs is the
    /// From address.
    Good {
        /// The signing certificate's primary fingerprint, upper-case hex.
        fingerprint: String,
        /// The User ID address that matched From.
        signer: Option<String>,
    },
    /// A sound signature by a known key whose User IDs do not include the
    /// From address (or the mail has no From).
    SignerMismatch {
        fingerprint: String,
        /// The certificate's primary User ID address, if it has one.
        signer: Option<String>,
        from: Option<String>,
    },
    /// The data was altered, the signature is malformed, or the key was
    /// revoked or not allowed to sign.
    Bad { reason: String },
    /// Made by a key the desk does not have.
    UnknownKey {
        /// The issuer fingerprint or key id named in the signature, hex.
        issuer: String,
    },
    /// The signature, or the key that made it, had expired when the
    /// signature was made or has expired since.
    Expired { fingerprint: String },
}

impl SignatureStatus {
    pub fn is_good(&self) -> bool {
        matches!(self, SignatureStatus::Good { .. })
    }
}

/// A mail's OpenPGP, as the desk found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PgpCheck {
    /// Decrypted with the desk's key (else only signed).
    pub encrypted: bool,
    pub form: PgpForm,
    /// The subject came from inside the encryption (the outside said `...`).
    #[serde(default)]
    pub protected_subject: bool,
    pub signature: SignatureStatus,
}

impl PgpCheck {
    /// One line for `tickets show`.
    pub fn summary(&self) -> String {
        use SignatureStatus as S;
        let form = match self.form {
            PgpForm::Mime => "PGP/MIME",
            PgpForm::Inline => "inline armor",
        };
        let what = if self.encrypted {
            format!("encrypted to the desk ({form})")
        } else {
            format!("signed, not encrypted ({form})")
        };
        let signature = match &self.signature {
            S::Unsigned => "no signature".to_string(),
            S::Good {
                fingerprint,
                signer,
            } => format!(
                "good signature by {fingerprint}{}",
                signer
                    .as_deref()
                    .map(|s| format!(" ({s})"))
                    .unwrap_or_default()
            ),
            S::SignerMismatch {
                fingerprint,
                signer,
                from,
            } => format!(
                "SIGNATURE BY ANOTHER ADDRESS: {fingerprint} ({}), the mail is from {}",
                signer.as_deref().unwrap_or("no address"),
                from.as_deref().unwrap_or("nobody")
            ),
            S::Bad { reason } => format!("BAD SIGNATURE: {reason}"),
            S::UnknownKey { issuer } => {
                format!("signed with a key the desk does not know ({issuer})")
            }
            S::Expired { fingerprint } => format!("EXPIRED signature or key ({fingerprint})"),
        };
        let subject = if self.protected_subject {
            "; subject from inside the encryption"
        } else {
            ""
        };
        format!("{what}; {signature}{subject}")
    }
}

impl Authenticity {
    /// A mail that could not be checked, and why.
    pub fn unchecked(reason: impl Into<String>) -> Authenticity {
        Authenticity {
            not_checked: Some(reason.into()),
            ..Authenticity::default()
        }
    }

    /// How the `From:` domain is proven (`dkim=pass header.d=example.com`),
    /// or `None` when it is not.
    pub fn proven_by(&self) -> Option<String> {
        let domain = self.from_domain.as_deref()?;
        if let Some(signature) = self.dkim.iter().find(|d| d.proves_from()) {
            return Some(format!(
                "dkim=pass header.d={} header.s={} (checked by the desk)",
                signature.domain, signature.selector
            ));
        }
        match &self.dmarc {
            Some(dmarc) if dmarc.result == CheckResult::Pass && dmarc.domain == domain => Some(
                format!("dmarc=pass header.from={domain} (checked by the desk)"),
            ),
            _ => None,
        }
    }

    /// Whether the `From:` domain is proven.
    pub fn verified(&self) -> bool {
        self.proven_by().is_some()
    }

    /// Why the `From:` domain is not proven, in a sentence for staff and the
    /// log; `None` when it is proven.
    pub fn why_not_verified(&self) -> Option<String> {
        if self.verified() {
            return None;
        }
        if let Some(reason) = &self.not_checked {
            return Some(format!("not checked: {reason}"));
        }
        let Some(domain) = self.from_domain.as_deref() else {
            return Some("the mail has no From address with a domain".into());
        };
        let mut why = if self.dkim.is_empty() {
            "no DKIM signature; ".to_string()
        } else if self.dkim.iter().any(|d| d.result == CheckResult::Pass) {
            let signers: Vec<String> = self
                .dkim
                .iter()
                .filter(|d| d.result == CheckResult::Pass)
                .map(|d| {
                    if d.partial_body {
                        format!("{} (covers only part of the body)", d.domain)
                    } else {
                        d.domain.clone()
                    }
                })
                .collect();
            format!(
                "DKIM passed only for {}, not aligned with {domain}; ",
                signers.join(", ")
            )
        } else {
            format!("no DKIM signature verified ({}); ", self.dkim_summary())
        };
        match &self.dmarc {
            Some(d) if d.result == CheckResult::None => {
                let _ = write!(why, "{domain} publishes no DMARC record");
            }
            Some(d) => {
                let _ = write!(why, "DMARC {} for {domain}", d.result.as_str());
                if let Some(detail) = &d.detail {
                    let _ = write!(why, " ({detail})");
                }
            }
            None => {
                let _ = write!(why, "DMARC not evaluated");
            }
        }
        Some(why)
    }

    fn dkim_summary(&self) -> String {
        self.dkim
            .iter()
            .map(|d| {
                let mut s = format!("{} for {}", d.result.as_str(), signer(d));
                if let Some(detail) = &d.detail {
                    let _ = write!(s, ": {detail}");
                }
                s
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// One line for `tickets show`: every check, then the verdict.
    pub fn summary(&self) -> String {
        if let Some(reason) = &self.not_checked {
            return format!("not checked: {reason}");
        }
        let mut parts = Vec::new();
        if self.dkim.is_empty() {
            parts.push("dkim=none".to_string());
        }
        for d in &self.dkim {
            let mut s = format!("dkim={} ({}", d.result.as_str(), signer(d));
            if d.aligned {
                s.push_str(", aligned");
            }
            if d.partial_body {
                s.push_str(", l= partial body");
            }
            if let Some(detail) = &d.detail {
                let _ = write!(s, ": {detail}");
            }
            s.push(')');
            parts.push(s);
        }
        match &self.spf {
            Some(spf) => parts.push(format!(
                "spf={} ({} from {}, helo {})",
                spf.result.as_str(),
                spf.domain,
                spf.ip,
                spf.helo
            )),
            None => parts.push("spf=none (no Received hop)".into()),
        }
        if let Some(d) = &self.dmarc {
            let mut s = format!("dmarc={} ({}", d.result.as_str(), d.domain);
            if !d.policy.is_empty() {
                let _ = write!(s, ", p={}", d.policy);
            }
            s.push(')');
            parts.push(s);
        }
        let verdict = if self.verified() {
            "sender verified"
        } else {
            "SENDER NOT VERIFIED"
        };
        format!("{verdict}: {}", parts.join("; "))
    }
}

fn signer(d: &DkimCheck) -> String {
    if d.domain.is_empty() {
        "an unreadable signature".into()
    } else {
        format!("d={} s={}", d.domain, d.selector)
    }
}

/// Whether a DKIM signer domain vouches for `from_domain`: the same domain,
/// or a parent of it with at least two labels. Simpler than DMARC's relaxed
/// alignment, which needs the public suffix list: a signer that is a
/// sub-domain of the `From:` domain does not align (DMARC, when published,
/// decides that case).
pub fn signer_aligns(signer: &str, from_domain: &str) -> bool {
    let plausible = signer.contains('.') && !signer.starts_with('.') && !signer.contains("..");
    plausible
        && (from_domain == signer
            || from_domain
                .strip_suffix(signer)
                .is_some_and(|rest| rest.ends_with('.')))
}

/// The domain of an address (`staff@Example.COM`, `<staff@example.com>` or
/// DKIM's `@example.com`), lower case, without a root dot; `None` without one.
pub fn address_domain(address: &str) -> Option<String> {
    let address = address.trim();
    let address = address
        .strip_prefix('<')
        .and_then(|a| a.strip_suffix('>'))
        .unwrap_or(address);
    let (_, domain) = address.rsplit_once('@')?;
    let domain = normalize_domain(domain);
    let well_formed = !domain.is_empty()
        && !domain.starts_with('.')
        && !domain.contains("..")
        && !domain.chars().any(|c| c.is_whitespace() || c.is_control());
    well_formed.then_some(domain)
}

/// Lower case, without the root's trailing dot.
pub fn normalize_domain(domain: &str) -> String {
    let domain = domain.trim();
    domain
        .strip_suffix('.')
        .unwrap_or(domain)
        .to_ascii_lowercase()
}

/// The hop that handed a mail to the receiving server, read from the
/// topmost `Received:` header that names one (`from HELO (rdns [IP]) by ...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    pub ip: IpAddr,
    pub helo: String,
    /// The receiving host (`by ...`).
    pub by: String,
}

/// The first hop of `received` (header values, topmost first) that has a
/// `from` clause. Only the receiving servers' own headers are trusted, and
/// they are on top: local delivery lines (`with LMTP`, `with local`) and
/// lines without a `from` clause (Gmail's internal `by` lines) are passed
/// over, but the first other one is the boundary — if it names no IP
/// address, there is no hop to check, and nothing below it (where a sender
/// can write anything) is ever read.
pub fn first_hop(received: &[String]) -> Option<Hop> {
    for value in received {
        let flat: String = value
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        let lower = flat.to_ascii_lowercase();
        let trimmed = lower.trim_start();
        let offset = lower.len() - trimmed.len();
        let protocol = lower
            .split_once(" with ")
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .unwrap_or("");
        let delivery = matches!(protocol, "lmtp" | "lmtps" | "lmtpa" | "lmtpsa" | "local");
        if !trimmed.starts_with("from ") || delivery {
            continue;
        }
        let clause_end = lower.find(" by ").unwrap_or(lower.len());
        let from_clause = &flat[offset + 5..clause_end];
        let by = lower
            .get(clause_end + 4..)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or("")
            .trim_end_matches(';')
            .to_string();
        let ip = bracketed_ip(from_clause)?;
        let first = from_clause.split_whitespace().next().unwrap_or("");
        let helo = if first.starts_with('[') || first.starts_with('(') {
            // Exim: `from [192.0.2.1] (helo=name)`
            helo_comment(from_clause).unwrap_or_else(|| first.trim_matches(['[', ']']).into())
        } else {
            first.to_ascii_lowercase()
        };
        return Some(Hop { ip, helo, by });
    }
    None
}

fn bracketed_ip(clause: &str) -> Option<IpAddr> {
    let mut rest = clause;
    while let Some(start) = rest.find('[') {
        let after = &rest[start + 1..];
        let end = after.find(']')?;
        let inside = after[..end].trim();
        let inside = inside
            .strip_prefix("IPv6:")
            .or_else(|| inside.strip_prefix("ipv6:"))
            .unwrap_or(inside);
        if let Ok(ip) = inside.parse() {
            return Some(ip);
        }
        rest = &after[end + 1..];
    }
    None
}

fn helo_comment(clause: &str) -> Option<String> {
    let lower = clause.to_ascii_lowercase();
    let at = lower.find("helo=")?;
    let value = clause[at + 5..]
        .split(|c: char| c.is_whitespace() || c == ')')
        .next()?;
    (!value.is_empty()).then(|| value.to_ascii_lowercase())
}

/// The envelope sender of `Return-Path:` (topmost), without brackets; an
/// empty string for the null sender `<>` of a bounce.
pub fn envelope_sender(return_path: &str) -> String {
    let value = return_path.trim();
    let value = value
        .strip_prefix('<')
        .and_then(|v| v.split_once('>').map(|(inside, _)| inside))
        .unwrap_or(value);
    value.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dkim(domain: &str, result: CheckResult, aligned: bool) -> DkimCheck {
        DkimCheck {
            domain: domain.into(),
            selector: "sel".into(),
            result,
            detail: None,
            aligned,
            partial_body: false,
        }
    }

    fn with(dkim: Vec<DkimCheck>, dmarc: Option<CheckResult>) -> Authenticity {
        Authenticity {
            from_domain: Some("example.com".into()),
            dkim,
            spf: None,
            dmarc: dmarc.map(|result| DmarcCheck {
                result,
                domain: "example.com".into(),
                policy: "reject".into(),
                detail: None,
            }),
            not_checked: None,
            pgp: None,
        }
    }

    #[test]
    fn an_aligned_dkim_pass_proves_the_from_domain() {
        let a = with(vec![dkim("example.com", CheckResult::Pass, true)], None);
        assert_eq!(
            a.proven_by().as_deref(),
            Some("dkim=pass header.d=example.com header.s=sel (checked by the desk)")
        );
        assert!(a.summary().starts_with("sender verified: dkim=pass"));
    }

    #[test]
    fn a_pass_from_another_domain_proves_nothing() {
        let a = with(vec![dkim("elsewhere.test", CheckResult::Pass, false)], None);
        assert!(!a.verified());
        let why = a.why_not_verified().unwrap();
        assert!(why.contains("elsewhere.test"), "{why}");
        assert!(why.contains("not aligned"), "{why}");
    }

    #[test]
    fn a_partial_body_signature_proves_nothing() {
        let mut check = dkim("example.com", CheckResult::Pass, true);
        check.partial_body = true;
        let a = with(vec![check], None);
        assert!(!a.verified());
        assert!(a.why_not_verified().unwrap().contains("part of the body"));
    }

    #[test]
    fn a_failed_or_revoked_signature_proves_nothing_and_says_why() {
        let mut check = dkim("example.com", CheckResult::PermError, true);
        check.detail = Some("key revoked".into());
        let a = with(vec![check], Some(CheckResult::Fail));
        assert!(!a.verified());
        let why = a.why_not_verified().unwrap();
        assert!(why.contains("key revoked"), "{why}");
        assert!(why.contains("DMARC fail"), "{why}");
        assert!(a.summary().starts_with("SENDER NOT VERIFIED"));
    }

    #[test]
    fn a_dmarc_pass_for_the_from_domain_proves_it() {
        let a = with(Vec::new(), Some(CheckResult::Pass));
        assert_eq!(
            a.proven_by().as_deref(),
            Some("dmarc=pass header.from=example.com (checked by the desk)")
        );
        let mut other = a.clone();
        other.dmarc.as_mut().unwrap().domain = "other.com".into();
        assert!(!other.verified());
    }

    #[test]
    fn nothing_proves_a_mail_without_a_from_domain() {
        let mut a = with(vec![dkim("example.com", CheckResult::Pass, true)], None);
        a.from_domain = None;
        assert!(!a.verified());
        assert!(
            Authenticity::unchecked("too large")
                .why_not_verified()
                .unwrap()
                .contains("too large")
        );
    }

    #[test]
    fn the_results_survive_json() {
        let a = with(
            vec![dkim("example.com", CheckResult::Pass, true)],
            Some(CheckResult::Pass),
        );
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains("\"result\":\"pass\""), "{json}");
        let back: Authenticity = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
    }

    #[test]
    fn signers_align_with_their_own_domain_and_its_subdomains_only() {
        assert!(signer_aligns("example.com", "example.com"));
        assert!(signer_aligns("example.com", "mail.example.com"));
        assert!(!signer_aligns("mail.example.com", "example.com"));
        assert!(!signer_aligns("example.com.evil.com", "example.com"));
        assert!(!signer_aligns("le.com", "example.com"));
        assert!(!signer_aligns("com", "example.com"));
    }

    #[test]
    fn the_hop_is_read_from_postfix_exim_and_ipv6_headers() {
        let postfix = "from client.example.org (client.example.org [192.0.2.7])\n\tby mx.example.com (Postfix) with ESMTPS id 4XyZ\n\tfor <security@example.com>; Tue, 24 Nov 2026 10:00:00 +0000";
        assert_eq!(
            first_hop(&[postfix.to_string()]),
            Some(Hop {
                ip: "192.0.2.7".parse().unwrap(),
                helo: "client.example.org".into(),
                by: "mx.example.com".into(),
            })
        );
        let exim = "from [198.51.100.3] (helo=Relay.Example.NET)\n by mx.example.com with esmtp (Exim 4.96)";
        let hop = first_hop(&[exim.to_string()]).unwrap();
        assert_eq!(hop.helo, "relay.example.net");
        assert_eq!(hop.ip, "198.51.100.3".parse::<IpAddr>().unwrap());
        let v6 = "from mail.example.org (mail.example.org [IPv6:2001:db8::25]) by mx.example.com";
        assert_eq!(
            first_hop(&[v6.to_string()]).unwrap().ip,
            "2001:db8::25".parse::<IpAddr>().unwrap()
        );
    }

    #[test]
    fn delivery_lines_are_passed_over_but_a_hop_without_an_ip_ends_the_search() {
        let lmtp =
            "from mx.example.com ([127.0.0.1]) by mx.example.com with LMTP id abc".to_string();
        let internal = "by 2002:a05:6512:3b8a with SMTP id x; Tue, 24 Nov 2026".to_string();
        let smtp = "from c.example.org (c.example.org [192.0.2.9]) by mx.example.com".to_string();
        let no_ip = "from c.example.org (unknown) by mx.example.com with ESMTP".to_string();
        // local delivery and lines without a from clause are passed over
        assert_eq!(
            first_hop(&[lmtp, internal, smtp.clone()]).map(|h| h.ip.to_string()),
            Some("192.0.2.9".into())
        );
        // a reception line without an IP is the boundary
        assert_eq!(first_hop(&[no_ip, smtp.clone()]), None);
        // a forged hop below the real one is never read
        let forged = "from trusted (trusted [192.0.2.250]) by mx.example.com".to_string();
        assert_eq!(
            first_hop(&[smtp, forged]).map(|h| h.ip.to_string()),
            Some("192.0.2.9".into())
        );
    }

    #[test]
    fn the_envelope_sender_comes_out_of_its_brackets() {
        assert_eq!(envelope_sender("<staff@example.com>"), "staff@example.com");
        assert_eq!(envelope_sender(" <> "), "");
        assert_eq!(envelope_sender("staff@example.com"), "staff@example.com");
    }
}

//! DKIM, SPF and DMARC checked by the desk itself, against DNS.
//!
//! Every incoming mail is checked once, between the pure analysis and the
//! commit (`ingest::process_batch`), and the result
//! ([`Authenticity`]) is stored with the message. Staff commands need it to
//! prove the `From:` domain under `desk.authentication = "dkim"`; for
//! everyone else it is recorded and shown ("sender not verified").
//!
//! - **DKIM** (RFC 6376, RFC 8463): every signature, up to
//!   [`MAX_SIGNATURES`], verified with `mail-auth` against the key in DNS.
//! - **SPF** (RFC 7208) needs the connecting IP, which an IMAP reader never
//!   sees: it is read from the topmost `Received:` header that names a hop
//!   (our receiving server's own, see [`first_hop`]), with `Return-Path:` as
//!   the envelope sender. Where neither is there, SPF is `none`.
//! - **DMARC** (RFC 7489): the `From:` domain's policy, satisfied by an
//!   aligned DKIM pass or an aligned SPF pass. Signatures that cover only
//!   part of the body (`l=`) are left out of it: anyone could append
//!   commands after the signed part.
//!
//! DNS answers are cached (TXT records, which is what all three read, for
//! their TTL; hickory caches the rest), every query has the configured
//! timeout, and the checks of one fetched batch share a bound: a mail whose DNS
//! does not answer in time is recorded as not checked (`temperror`), never
//! held up or lost.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use mail_auth::dkim::Signature;
use mail_auth::dmarc::Policy;
use mail_auth::dmarc::verify::DmarcParameters;
use mail_auth::hickory_resolver::config::{
    ConnectionConfig, NameServerConfig, ResolverConfig, ResolverOpts,
};
use mail_auth::spf::verify::SpfParameters;
use mail_auth::{
    AuthenticatedMessage, DkimOutput, DkimResult, DmarcResult, MessageAuthenticator, Parameters,
    ResolverCache, SpfOutput, SpfResult, Txt,
};

use crate::config::DnsConfig;
use crate::message::authenticity::{
    self, Authenticity, CheckResult, DkimCheck, DmarcCheck, SpfCheck, first_hop,
};

/// Signatures checked per mail; more are recorded as not checked. Real mail
/// carries one to three (author, list, ESP); a hundred would be a hundred
/// DNS queries.
pub const MAX_SIGNATURES: usize = 8;

#[derive(Debug, thiserror::Error)]
pub enum VerifierError {
    #[error("cannot read the system's DNS settings ({0}); set dns.servers")]
    SystemConfig(String),
    #[error("cannot set up the DNS resolver: {0}")]
    Resolver(String),
}

/// What a resolver said to one TXT query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsAnswer {
    /// Records found, so many bytes of them.
    Records(usize),
    /// No TXT record, or no such name (the response code): an answer all
    /// the same.
    NoRecord(String),
    /// No usable answer: a timeout, a refusal, a server failure.
    NoAnswer(String),
}

/// Checks mail against DNS. Cheap to share: one per desk.
pub struct Verifier {
    dns: MessageAuthenticator,
    cache: TxtCache,
    /// Bound on one mail's checks together, or one batch's.
    budget: Duration,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifier")
            .field("budget", &self.budget)
            .finish_non_exhaustive()
    }
}

impl Verifier {
    /// A resolver as `[dns]` says: its servers (none: the system's), one
    /// query's timeout and tries, the TXT cache's size.
    pub fn new(settings: &DnsConfig) -> Result<Verifier, VerifierError> {
        let timeout = Duration::from_millis(settings.timeout_ms);
        let (config, mut options) = if settings.servers.is_empty() {
            mail_auth::hickory_resolver::system_conf::read_system_conf()
                .map_err(|e| VerifierError::SystemConfig(e.to_string()))?
        } else {
            let servers = settings
                .servers
                .iter()
                .map(|addr| {
                    let connections = [ConnectionConfig::udp(), ConnectionConfig::tcp()]
                        .into_iter()
                        .map(|mut c| {
                            c.port = addr.port();
                            c
                        })
                        .collect();
                    NameServerConfig::new(addr.ip(), true, connections)
                })
                .collect();
            (
                ResolverConfig::from_name_servers(servers),
                ResolverOpts::default(),
            )
        };
        options.timeout = timeout;
        options.attempts = settings.attempts as usize;
        let dns = MessageAuthenticator::new(config, options)
            .map_err(|e| VerifierError::Resolver(e.to_string()))?;
        // DKIM keys, then DMARC's tree walk, then SPF's includes: a few
        // rounds of queries, each bounded by the resolver's own timeout
        let budget = timeout
            .saturating_mul(settings.attempts.max(1))
            .saturating_mul(4);
        Ok(Verifier {
            dns,
            cache: TxtCache::new(settings.cache_entries),
            budget,
        })
    }

    /// Ask for `name`'s TXT records once, past the cache: whether the
    /// resolvers answer at all (`secdesk doctor`).
    pub async fn probe_txt(&self, name: &str) -> DnsAnswer {
        match self.dns.txt_raw_lookup(name).await {
            Ok(bytes) => DnsAnswer::Records(bytes.len()),
            Err(mail_auth::Error::Dns(mail_auth::DnsError::RecordNotFound(code))) => {
                DnsAnswer::NoRecord(format!("{code:?}"))
            }
            Err(e) => DnsAnswer::NoAnswer(e.to_string()),
        }
    }

    /// How long one mail's checks (or a batch's, checked together) may take
    /// before what is left is recorded as not checked.
    pub fn budget(&self) -> Duration {
        self.budget
    }

    /// Everything the desk can find out about the sender of `raw`, whose
    /// `From:` address (as the desk read it) is `from`, within the budget.
    pub async fn check(&self, raw: &[u8], from: Option<&str>) -> Authenticity {
        self.check_until(raw, from, tokio::time::Instant::now() + self.budget)
            .await
    }

    /// [`Verifier::check`], given up at `deadline`: a batch shares one, so
    /// a resolver that does not answer delays a batch by one budget, not
    /// by one per mail.
    pub async fn check_until(
        &self,
        raw: &[u8],
        from: Option<&str>,
        deadline: tokio::time::Instant,
    ) -> Authenticity {
        let from_domain = from.and_then(authenticity::address_domain);
        let Some(mut message) = AuthenticatedMessage::parse(raw) else {
            return Authenticity {
                from_domain,
                ..Authenticity::unchecked("the header cannot be read for DKIM")
            };
        };
        let extra = message.dkim_headers.len().saturating_sub(MAX_SIGNATURES);
        message.dkim_headers.truncate(MAX_SIGNATURES);
        match tokio::time::timeout_at(deadline, self.checks(&message, from_domain.clone())).await {
            Ok(mut found) => {
                if extra > 0 {
                    found.dkim.push(DkimCheck {
                        domain: String::new(),
                        selector: String::new(),
                        result: CheckResult::None,
                        detail: Some(format!(
                            "{extra} more signatures not checked (at most {MAX_SIGNATURES})"
                        )),
                        aligned: false,
                        partial_body: false,
                    });
                }
                found
            }
            Err(_) => Authenticity {
                from_domain,
                ..Authenticity::unchecked(format!(
                    "DNS did not answer within {} s",
                    self.budget.as_secs_f32()
                ))
            },
        }
    }

    async fn checks(
        &self,
        message: &AuthenticatedMessage<'_>,
        from_domain: Option<String>,
    ) -> Authenticity {
        let outputs = self
            .dns
            .verify_dkim(Parameters::new(message).with_txt_cache(&self.cache))
            .await;
        let dkim: Vec<DkimCheck> = outputs
            .iter()
            .map(|o| dkim_check(o, from_domain.as_deref()))
            .collect();
        // what DMARC may count: no signature over part of the body
        let whole: Vec<DkimOutput<'_>> = outputs
            .iter()
            .filter(|o| o.signature().is_none_or(|s| s.l == 0))
            .cloned()
            .collect();

        let received = header_values(message, "received");
        let return_path = header_values(message, "return-path")
            .into_iter()
            .next()
            .map(|v| authenticity::envelope_sender(&v));
        let hop = first_hop(&received);
        let (spf, spf_output, mail_from_domain) = match (&hop, &return_path) {
            (Some(hop), Some(sender)) => {
                let params = if sender.is_empty() {
                    SpfParameters::verify_ehlo(hop.ip, &hop.helo, &hop.by)
                } else {
                    SpfParameters::verify_mail_from(hop.ip, &hop.helo, &hop.by, sender)
                };
                let output = self
                    .dns
                    .verify_spf(Parameters::new(params).with_txt_cache(&self.cache))
                    .await;
                let domain = output.domain().to_string();
                let check = SpfCheck {
                    result: spf_result(output.result()),
                    domain: domain.clone(),
                    ip: hop.ip,
                    helo: hop.helo.clone(),
                };
                (Some(check), output, domain)
            }
            _ => (None, SpfOutput::new(String::new()), String::new()),
        };

        let dmarc = match &from_domain {
            Some(_) => {
                let output = self
                    .dns
                    .verify_dmarc(
                        Parameters::new(DmarcParameters::new(
                            message,
                            &whole,
                            &mail_from_domain,
                            &spf_output,
                        ))
                        .with_txt_cache(&self.cache),
                    )
                    .await;
                let result = output.result();
                Some(DmarcCheck {
                    result: dmarc_result(&result),
                    domain: output.domain().to_ascii_lowercase(),
                    policy: if output.dmarc_record().is_some() {
                        policy_name(output.policy()).to_string()
                    } else {
                        String::new()
                    },
                    detail: match &result {
                        DmarcResult::Fail(e)
                        | DmarcResult::TempError(e)
                        | DmarcResult::PermError(e) => Some(e.to_string()),
                        _ => None,
                    },
                })
            }
            None => None,
        };
        Authenticity {
            from_domain,
            dkim,
            spf,
            dmarc,
            not_checked: None,
            pgp: None,
        }
    }
}

fn header_values(message: &AuthenticatedMessage<'_>, name: &str) -> Vec<String> {
    message
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name.as_bytes()))
        .map(|(_, v)| String::from_utf8_lossy(v).trim().to_string())
        .collect()
}

fn dkim_check(output: &DkimOutput<'_>, from_domain: Option<&str>) -> DkimCheck {
    let (result, detail) = match output.result() {
        DkimResult::Pass => (CheckResult::Pass, None),
        DkimResult::Neutral(e) => (CheckResult::Neutral, Some(e.to_string())),
        DkimResult::Fail(e) => (CheckResult::Fail, Some(e.to_string())),
        DkimResult::PermError(e) => (CheckResult::PermError, Some(e.to_string())),
        DkimResult::TempError(e) => (CheckResult::TempError, Some(e.to_string())),
        DkimResult::None => (CheckResult::None, None),
    };
    let (domain, selector, partial_body) = match output.signature() {
        Some(Signature { d, s, l, .. }) => (authenticity::normalize_domain(d), s.clone(), *l > 0),
        None => (String::new(), String::new(), false),
    };
    let aligned =
        !domain.is_empty() && from_domain.is_some_and(|f| authenticity::signer_aligns(&domain, f));
    DkimCheck {
        domain,
        selector,
        result,
        detail,
        aligned,
        partial_body,
    }
}

fn spf_result(result: SpfResult) -> CheckResult {
    match result {
        SpfResult::Pass => CheckResult::Pass,
        SpfResult::Fail => CheckResult::Fail,
        SpfResult::SoftFail => CheckResult::SoftFail,
        SpfResult::Neutral => CheckResult::Neutral,
        SpfResult::TempError => CheckResult::TempError,
        SpfResult::PermError => CheckResult::PermError,
        SpfResult::None => CheckResult::None,
    }
}

fn dmarc_result(result: &DmarcResult) -> CheckResult {
    match result {
        DmarcResult::Pass => CheckResult::Pass,
        DmarcResult::Fail(_) => CheckResult::Fail,
        DmarcResult::TempError(_) => CheckResult::TempError,
        DmarcResult::PermError(_) => CheckResult::PermError,
        DmarcResult::None => CheckResult::None,
    }
}

fn policy_name(policy: Policy) -> &'static str {
    match policy {
        Policy::None | Policy::Unspecified => "none",
        Policy::Quarantine => "quarantine",
        Policy::Reject => "reject",
    }
}

/// TXT answers (DKIM keys, DMARC and SPF records) kept for their TTL, at
/// most `capacity` of them: a flood of reports from one domain asks DNS
/// once. When full, expired entries go first, then everything (simple, and
/// the next mail asks again).
struct TxtCache {
    entries: Mutex<HashMap<Box<str>, (Txt, Instant)>>,
    capacity: usize,
}

impl TxtCache {
    fn new(capacity: usize) -> TxtCache {
        TxtCache {
            entries: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Box<str>, (Txt, Instant)>> {
        // a panic elsewhere while holding it leaves only a cache behind
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl ResolverCache<Box<str>, Txt> for TxtCache {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let mut entries = self.lock();
        match entries.get(name) {
            Some((value, until)) if *until > Instant::now() => Some(value.clone()),
            Some(_) => {
                entries.remove(name);
                None
            }
            None => None,
        }
    }

    fn remove<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.lock().remove(name).map(|(value, _)| value)
    }

    fn insert(&self, key: Box<str>, value: Txt, valid_until: Instant) {
        if self.capacity == 0 {
            return;
        }
        let mut entries = self.lock();
        if entries.len() >= self.capacity {
            let now = Instant::now();
            entries.retain(|_, (_, until)| *until > now);
            if entries.len() >= self.capacity {
                entries.clear();
            }
        }
        entries.insert(key, (value, valid_until));
    }
}

impl Verifier {
    /// Put a TXT record in the cache as if DNS had answered it (the unit
    /// tests' published keys).
    #[cfg(test)]
    fn publish(&self, name: &str, record: &str) {
        use mail_auth::common::parse::TxtRecordParser;
        let key = mail_auth::common::verify::DomainKey::parse(record.as_bytes()).expect("a key");
        self.cache.insert(
            format!("{name}.").into_boxed_str(),
            Txt::DomainKey(std::sync::Arc::new(key)),
            Instant::now() + Duration::from_secs(3600),
        );
    }
}

#[cfg(test)]
mod tests {
    //! The DKIM vectors of RFC 8463 (Appendix A: one Ed25519 and one RSA
    //! signature over the same message) and the RFC 6376-style simple/simple
    //! example mail-auth ships, verified with their keys put in the cache,
    //! so no DNS is asked; then the same mails altered.
    use super::*;

    const RFC8463: &str = "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;\r
 d=football.example.com; i=@football.example.com;\r
 q=dns/txt; s=brisbane; t=1528637909; h=from : to :\r
 subject : date : message-id : from : subject : date;\r
 bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r
 b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus\r
 Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==\r
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r
 d=football.example.com; i=@football.example.com;\r
 q=dns/txt; s=test; t=1528637909; h=from : to : subject :\r
 date : message-id : from : subject : date;\r
 bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r
 b=F45dVWDfMbQDGHJFlXUNB2HKfbCeLRyhDXgFpEL8GwpsRe0IeIixNTe3\r
 DhCVlUrSjV4BwcVcOF6+FF3Zo9Rpo1tFOeS9mPYQTnGdaSGsgeefOsk2Jz\r
 dA+L10TeYt9BgDfQNZtKdN1WO//KgIqXP7OdEFE4LjFYNcUxZQ4FADY+8=\r
From: Joe SixPack <joe@football.example.com>\r
To: Suzie Q <suzie@shopping.example.net>\r
Subject: Is dinner ready?\r
Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r
Message-ID: <20030712040037.46341.5F8J@football.example.com>\r
\r
Hi.\r
\r
We lost the game.  Are you hungry yet?\r
\r
Joe.\r
";

    const RFC8463_ED25519: &str =
        "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    const RFC8463_RSA: &str = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB";

    const SIMPLE: &str =
        "DKIM-Signature: a=rsa-sha256; bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r
 c=simple/simple; d=example.com;\r
 h=Received:From:To:Subject:Date:Message-ID; i=joe@football.example.com;\r
 s=newengland; t=1615825284; v=1;\r
 b=Xh4Ujb2wv5x54gXtulCiy4C0e+plRm6pZ4owF+kICpYzs/8WkTVIDBrzhJP0DAYCpnL62T0G\r
 k+0OH8pi/yqETVjKtKk+peMnNvKkut0GeWZMTze0bfq3/JUK3Ln3jTzzpXxrgVnvBxeY9EZIL4g\r
 s4wwFRRKz/1bksZGSjD8uuSU=\r
Received: from client1.football.example.com  [192.0.2.1]\r
      by submitserver.example.com with SUBMISSION;\r
      Fri, 11 Jul 2003 21:01:54 -0700 (PDT)\r
From: Joe SixPack <joe@football.example.com>\r
To: Suzie Q <suzie@shopping.example.net>\r
Subject: Is dinner ready?\r
Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r
Message-ID: <20030712040037.46341.5F8J@football.example.com>\r
\r
Hi.\r
\r
We lost the game. Are you hungry yet?\r
\r
Joe.\r
";
    const SIMPLE_KEY: &str = "v=DKIM1; p=MIGJAoGBALVI635dLK4cJJAH3Lx6upo3X/Lm1tQz3mezcWTA3BUBnyIsdnRf57aD5BtNmhPrYYDlWlzw3UgnKisIxktkk5+iMQMlFtAS10JB8L3YadXNJY+JBcbeSi5TgJe4WFzNgW95FWDAuSTRXSWZfA/8xjflbTLDx0euFZOM7C4T0GwLAgMBAAE=";

    fn verifier() -> Verifier {
        // a resolver nobody answers at: every key the tests need is cached
        let verifier = Verifier::new(&DnsConfig {
            servers: vec!["127.0.0.1:9".parse().unwrap()],
            timeout_ms: 200,
            attempts: 1,
            cache_entries: 64,
        })
        .unwrap();
        verifier.publish("brisbane._domainkey.football.example.com", RFC8463_ED25519);
        verifier.publish("test._domainkey.football.example.com", RFC8463_RSA);
        verifier.publish("newengland._domainkey.example.com", SIMPLE_KEY);
        verifier
    }

    async fn dkim(raw: &str, from: &str) -> Vec<DkimCheck> {
        let verifier = verifier();
        let message = AuthenticatedMessage::parse(raw.as_bytes()).unwrap();
        let outputs = verifier
            .dns
            .verify_dkim(Parameters::new(&message).with_txt_cache(&verifier.cache))
            .await;
        let from_domain = authenticity::address_domain(from);
        outputs
            .iter()
            .map(|o| dkim_check(o, from_domain.as_deref()))
            .collect()
    }

    #[tokio::test]
    async fn the_rfc_8463_ed25519_and_rsa_signatures_verify_and_align() {
        let checks = dkim(RFC8463, "joe@football.example.com").await;
        assert_eq!(checks.len(), 2);
        for (check, selector) in checks.iter().zip(["brisbane", "test"]) {
            assert_eq!(check.result, CheckResult::Pass, "{check:?}");
            assert_eq!(check.domain, "football.example.com");
            assert_eq!(check.selector, selector);
            assert!(check.proves_from());
        }
    }

    #[tokio::test]
    async fn the_simple_canonicalization_vector_verifies_for_its_parent_domain() {
        let checks = dkim(SIMPLE, "joe@football.example.com").await;
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].result, CheckResult::Pass, "{:?}", checks[0]);
        // d=example.com vouches for football.example.com
        assert!(checks[0].aligned);
    }

    #[tokio::test]
    async fn an_altered_body_or_header_never_passes() {
        let body = RFC8463.replace("hungry yet?", "hungry yet? /close");
        for check in dkim(&body, "joe@football.example.com").await {
            assert_ne!(check.result, CheckResult::Pass, "{check:?}");
            assert!(!check.proves_from());
        }
        let subject = RFC8463.replace("Is dinner ready?", "Is lunch ready?");
        for check in dkim(&subject, "joe@football.example.com").await {
            assert_eq!(check.result, CheckResult::Fail, "{check:?}");
        }
        let simple = SIMPLE.replace("Joe.\r\n", "Joe.\r\n/severity low\r\n");
        for check in dkim(&simple, "joe@football.example.com").await {
            assert_ne!(check.result, CheckResult::Pass, "{check:?}");
        }
    }

    #[tokio::test]
    async fn a_valid_signature_of_another_domain_does_not_align() {
        let checks = dkim(RFC8463, "staff@shopping.example.net").await;
        assert!(checks.iter().all(|c| c.result == CheckResult::Pass));
        assert!(checks.iter().all(|c| !c.aligned && !c.proves_from()));
    }

    #[tokio::test]
    async fn a_mail_whose_dns_does_not_answer_is_recorded_as_not_checked() {
        // port 9 on loopback: nothing answers; the key is not cached
        let verifier = Verifier::new(&DnsConfig {
            servers: vec!["127.0.0.1:9".parse().unwrap()],
            timeout_ms: 100,
            attempts: 1,
            cache_entries: 0,
        })
        .unwrap();
        let started = Instant::now();
        let found = verifier
            .check(RFC8463.as_bytes(), Some("joe@football.example.com"))
            .await;
        assert!(!found.verified());
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(
            found.not_checked.is_some()
                || found
                    .dkim
                    .iter()
                    .all(|d| d.result == CheckResult::TempError),
            "{found:?}"
        );
    }

    #[tokio::test]
    async fn the_cache_keeps_answers_until_they_expire_and_stays_bounded() {
        let cache = TxtCache::new(2);
        let key = |n: &str| {
            Txt::Error(mail_auth::Error::Dns(mail_auth::DnsError::Resolver(
                n.into(),
            )))
        };
        let later = Instant::now() + Duration::from_secs(60);
        cache.insert("a.".into(), key("a"), later);
        assert!(cache.get("a.").is_some());
        cache.insert("old.".into(), key("old"), Instant::now());
        assert!(cache.get("old.").is_none(), "an expired answer is not used");
        cache.insert("b.".into(), key("b"), later);
        cache.insert("c.".into(), key("c"), later);
        assert!(cache.lock().len() <= 2);
        assert!(cache.get("c.").is_some());
    }
}

//! Is a mail that claims to come from staff really from them?
//!
//! Staff commands change tickets and mail reporters, so a forged `From:` must
//! not be enough. Three policies (`desk.authentication`):
//!
//! - **`dkim`** (the default): the desk's own checks
//!   ([`crate::authenticate`], stored as [`Authenticity`]) must prove the
//!   `From:` domain: an aligned DKIM signature over the whole body, or a
//!   DMARC pass the desk computed. Nothing written in the mail by anyone
//!   else is trusted, so this works behind any server and at hosted
//!   providers.
//! - **`authentication-results`**: trust the `Authentication-Results`
//!   header (RFC 8601) that the desk's own receiving server adds, for
//!   servers that verify for us. Rules below.
//! - **`none`**: `From:` alone (the local test stack only; the daemon warns).
//!
//! # What is trusted under `authentication-results`
//!
//! - Only the **topmost** `Authentication-Results` header counts: the first
//!   in the header block, the last one added, which is our server's because
//!   it is the last server to handle the mail. Anything below it was added
//!   earlier, possibly by the sender, and is ignored even if it names our
//!   server.
//! - Its authserv-id must equal the configured one (ASCII case-insensitive).
//!   If the topmost header names another server the mail is not
//!   authenticated: **we assume our receiving server always adds its own
//!   header on top**, and in one header (a setup where several filters each
//!   add one, such as separate DKIM and DMARC milters, must merge them or put
//!   the deciding one on top).
//! - Inside it, a mail is authenticated by either
//!   - `dkim=pass` from a signer aligned with the `From:` domain: the
//!     `header.d` domain (or, without `header.d`, the domain of `header.i`)
//!     equals the `From:` domain or is a parent of it
//!     ([`authenticity::signer_aligns`]); or
//!   - `dmarc=pass` with `header.from` equal to the `From:` domain.
//! - `spf=pass` alone never authenticates: SPF checks the envelope sender,
//!   which the `From:` header need not match. Nor do `arc`, `iprev`, or any
//!   result other than `pass`.
//!
//! # Parsing
//!
//! The parser follows RFC 8601's grammar: comments (nested, with `\`
//! escapes) and folding whitespace anywhere between tokens, quoted strings,
//! an optional version (only `1` is understood), `;`-separated results,
//! `method/version`, and `none`. Methods, results and property names are
//! case-insensitive. A result that cannot be read is skipped as a whole (its
//! properties never count), and so is one that gives `header.d`, `header.i`
//! or `header.from` twice; properties without a type, such as Microsoft's
//! `action=none`, are tolerated. A topmost header that cannot be read at all
//! authenticates nothing.

use std::fmt::Write as _;

use crate::message::authenticity::{self, Authenticity, address_domain, normalize_domain};

/// How the desk decides that a mail from a staff address is genuine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthPolicy {
    /// The desk's own DKIM and DMARC checks must prove the `From:` domain.
    Dkim,
    /// Trust the `Authentication-Results` header that our own receiving
    /// server adds, identified by its authserv-id (usually its host name).
    AuthenticationResults { authserv_id: String },
    /// Trust `From:` as it is. Only for a local test stack without DKIM; the
    /// daemon warns at start when this is configured.
    None,
}

/// What the desk concluded about the sender of one mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthVerdict {
    /// The `From:` domain is proven; `method` says by what, e.g.
    /// `dkim=pass header.d=example.com`.
    Authenticated { method: String },
    /// The `From:` domain is not proven; `reason` says why, for the log.
    NotAuthenticated { reason: String },
    /// The policy is [`AuthPolicy::None`]: nothing was checked.
    Unchecked,
}

/// Decides whether a mail from `from_address` is authenticated under
/// `policy`, given what the desk checked itself and the values of its
/// `Authentication-Results` headers in header order (topmost first).
pub fn authenticate(
    policy: &AuthPolicy,
    from_address: &str,
    checked: &Authenticity,
    authentication_results: &[String],
) -> AuthVerdict {
    let authserv_id = match policy {
        AuthPolicy::None => return AuthVerdict::Unchecked,
        AuthPolicy::Dkim => return by_own_checks(from_address, checked),
        AuthPolicy::AuthenticationResults { authserv_id } => authserv_id.trim(),
    };
    let not_authenticated = |reason: String| AuthVerdict::NotAuthenticated { reason };
    let Some(from_domain) = address_domain(from_address) else {
        return not_authenticated(format!(
            "the From address {from_address:?} has no domain to check"
        ));
    };
    let Some(topmost) = authentication_results.first() else {
        return not_authenticated(format!(
            "the mail has no Authentication-Results header: expected one from our receiving server {authserv_id:?}"
        ));
    };
    let header = match AuthResults::parse(topmost) {
        Ok(header) => header,
        Err(problem) => {
            return not_authenticated(format!(
                "the topmost Authentication-Results header cannot be read ({problem}): expected one from our receiving server {authserv_id:?}"
            ));
        }
    };
    if !header.authserv_id.eq_ignore_ascii_case(authserv_id) {
        return not_authenticated(format!(
            "the topmost Authentication-Results header is from {:?}, not from our receiving server {authserv_id:?}, which always adds its own on top",
            header.authserv_id
        ));
    }
    match header
        .results
        .iter()
        .find_map(|result| result.proves(&from_domain))
    {
        Some(method) => AuthVerdict::Authenticated { method },
        None => not_authenticated(format!(
            "{authserv_id:?} found no dkim=pass aligned with {from_domain:?} and no dmarc=pass for it; its results: {}",
            header.summary()
        )),
    }
}

/// The `dkim` policy: the desk's own checks, for the `From:` domain the
/// routing used.
fn by_own_checks(from_address: &str, checked: &Authenticity) -> AuthVerdict {
    let from_domain = address_domain(from_address);
    if from_domain.is_none() || from_domain != checked.from_domain {
        return AuthVerdict::NotAuthenticated {
            reason: format!(
                "the From address {from_address:?} is not the one the DKIM and DMARC checks were made for"
            ),
        };
    }
    match checked.proven_by() {
        Some(method) => AuthVerdict::Authenticated { method },
        None => AuthVerdict::NotAuthenticated {
            reason: checked
                .why_not_verified()
                .unwrap_or_else(|| "not verified".into()),
        },
    }
}

/// One `Authentication-Results` header.
#[derive(Debug)]
struct AuthResults {
    /// Who added the header (the server that did the checks).
    authserv_id: String,
    /// Each readable result, in header order; empty for `none`.
    results: Vec<MethodResult>,
}

/// One `method=result property=value ...` entry.
#[derive(Debug)]
struct MethodResult {
    /// Lower case, without any `/version`.
    method: String,
    /// Lower case.
    result: String,
    /// `(ptype.property, value)` with the name in lower case; a property
    /// without a type is stored under its bare name.
    properties: Vec<(String, String)>,
}

impl MethodResult {
    /// How this result proves `from_domain`, if it does.
    fn proves(&self, from_domain: &str) -> Option<String> {
        if self.result != "pass" {
            return None;
        }
        match self.method.as_str() {
            "dkim" => {
                let (property, signer) = match self.single("header.d") {
                    Some(domain) => ("header.d", normalize_domain(domain)),
                    None => ("header.i", address_domain(self.single("header.i")?)?),
                };
                authenticity::signer_aligns(&signer, from_domain)
                    .then(|| format!("dkim=pass {property}={signer}"))
            }
            "dmarc" => {
                let domain = normalize_domain(self.single("header.from")?);
                (domain == from_domain).then(|| format!("dmarc=pass header.from={domain}"))
            }
            _ => None,
        }
    }

    /// The value of a property given exactly once: a result that names its
    /// domain twice is ambiguous and proves nothing.
    fn single(&self, name: &str) -> Option<&str> {
        let mut values = self
            .properties
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str());
        let value = values.next()?;
        values.next().is_none().then_some(value)
    }
}

impl AuthResults {
    /// Reads a header value (the field name, if included, is skipped).
    fn parse(value: &str) -> Result<AuthResults, ParseError> {
        let value = strip_field_name(value);
        let mut scanner = Scanner::new(value);
        scanner.skip_cfws()?;
        let authserv_id = match scanner.value() {
            Err(ParseError::Missing(_)) => return Err(ParseError::NoAuthservId),
            other => other?,
        };
        scanner.skip_cfws()?;
        if scanner.peek().is_some_and(|c| c.is_ascii_digit()) {
            let version = scanner.take_while(|c| c.is_ascii_digit());
            if version != "1" {
                return Err(ParseError::UnknownVersion(version.to_owned()));
            }
            scanner.skip_cfws()?;
        }
        let mut results = Vec::new();
        loop {
            match scanner.peek() {
                None => break,
                Some(';') => {
                    scanner.bump();
                }
                Some(found) => return Err(ParseError::Expected(';', found)),
            }
            scanner.skip_cfws()?;
            if scanner.peek().is_none() {
                break;
            }
            match scanner.resinfo() {
                Ok(Some(result)) => results.push(result),
                Ok(None) => {}
                Err(fatal @ (ParseError::UnclosedComment | ParseError::UnclosedQuote)) => {
                    return Err(fatal);
                }
                Err(_) => scanner.skip_to_semicolon()?,
            }
            scanner.skip_cfws()?;
        }
        Ok(AuthResults {
            authserv_id,
            results,
        })
    }

    /// The results in short, for a log line: `spf=pass, dkim=fail
    /// header.d="example.com"`.
    fn summary(&self) -> String {
        if self.results.is_empty() {
            return "none".to_owned();
        }
        let mut text = String::new();
        for (i, result) in self.results.iter().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            let _ = write!(text, "{}={}", result.method, result.result);
            for name in ["header.d", "header.i", "header.from"] {
                for (_, value) in result.properties.iter().filter(|(key, _)| key == name) {
                    let _ = write!(text, " {name}={value:?}");
                }
            }
        }
        text
    }
}

/// Why a header could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum ParseError {
    #[error("no authserv-id")]
    NoAuthservId,
    #[error("version {0:?} is not 1")]
    UnknownVersion(String),
    #[error("expected {0:?}, found {1:?}")]
    Expected(char, char),
    #[error("expected {0:?} at the end")]
    ExpectedAtEnd(char),
    #[error("expected a {0}")]
    Missing(&'static str),
    #[error("a comment is not closed")]
    UnclosedComment,
    #[error("a quoted string is not closed")]
    UnclosedQuote,
}

/// A cursor over a header value.
struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Scanner<'a> {
        Scanner { text, pos: 0 }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> &'a str {
        let start = self.pos;
        while self.peek().is_some_and(&keep) {
            self.bump();
        }
        &self.text[start..self.pos]
    }

    /// Skips whitespace (folding included) and comments.
    fn skip_cfws(&mut self) -> Result<(), ParseError> {
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some('(') => self.skip_comment()?,
                _ => return Ok(()),
            }
        }
    }

    /// Skips a comment, which may nest and may escape characters with `\`.
    fn skip_comment(&mut self) -> Result<(), ParseError> {
        let mut depth = 0usize;
        loop {
            match self.bump().ok_or(ParseError::UnclosedComment)? {
                '\\' => {
                    self.bump().ok_or(ParseError::UnclosedComment)?;
                }
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
    }

    /// A quoted string (unescaped) or a run of characters up to whitespace,
    /// `;`, a comment or a quote.
    fn value(&mut self) -> Result<String, ParseError> {
        if self.peek() == Some('"') {
            return self.quoted_string();
        }
        let token = self.take_while(|c| !(c.is_whitespace() || matches!(c, ';' | '(' | ')' | '"')));
        if token.is_empty() {
            return Err(ParseError::Missing("value"));
        }
        Ok(token.to_owned())
    }

    fn quoted_string(&mut self) -> Result<String, ParseError> {
        self.bump();
        let mut text = String::new();
        loop {
            match self.bump().ok_or(ParseError::UnclosedQuote)? {
                '"' => return Ok(text),
                '\\' => text.push(self.bump().ok_or(ParseError::UnclosedQuote)?),
                c => text.push(c),
            }
        }
    }

    /// A method, result or property name (RFC 5321 Keyword, plus `_` seen in
    /// the wild), lower-cased.
    fn keyword(&mut self) -> Option<String> {
        let word = self.take_while(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        (!word.is_empty()).then(|| word.to_ascii_lowercase())
    }

    fn expect(&mut self, wanted: char) -> Result<(), ParseError> {
        match self.peek() {
            Some(c) if c == wanted => {
                self.bump();
                Ok(())
            }
            Some(found) => Err(ParseError::Expected(wanted, found)),
            None => Err(ParseError::ExpectedAtEnd(wanted)),
        }
    }

    /// One result after a `;`: `method[/version]=result` then properties,
    /// up to the next `;` or the end. `None` for the `none` placeholder.
    fn resinfo(&mut self) -> Result<Option<MethodResult>, ParseError> {
        let method = self.keyword().ok_or(ParseError::Missing("method"))?;
        self.skip_cfws()?;
        if method == "none" && matches!(self.peek(), None | Some(';')) {
            return Ok(None);
        }
        if self.peek() == Some('/') {
            self.bump();
            self.skip_cfws()?;
            if self.take_while(|c| c.is_ascii_digit()).is_empty() {
                return Err(ParseError::Missing("method version"));
            }
            self.skip_cfws()?;
        }
        self.expect('=')?;
        self.skip_cfws()?;
        let result = self.keyword().ok_or(ParseError::Missing("result"))?;
        let mut properties = Vec::new();
        loop {
            self.skip_cfws()?;
            if matches!(self.peek(), None | Some(';')) {
                break;
            }
            let mut name = self.keyword().ok_or(ParseError::Missing("property"))?;
            self.skip_cfws()?;
            if self.peek() == Some('.') {
                self.bump();
                self.skip_cfws()?;
                let property = self.keyword().ok_or(ParseError::Missing("property"))?;
                name = format!("{name}.{property}");
                self.skip_cfws()?;
            }
            self.expect('=')?;
            self.skip_cfws()?;
            let value = self.value()?;
            properties.push((name, value));
        }
        Ok(Some(MethodResult {
            method,
            result,
            properties,
        }))
    }

    /// Skips the rest of an unreadable result, up to the next `;` outside
    /// comments and quoted strings.
    fn skip_to_semicolon(&mut self) -> Result<(), ParseError> {
        loop {
            match self.peek() {
                None | Some(';') => return Ok(()),
                Some('(') => self.skip_comment()?,
                Some('"') => {
                    self.quoted_string()?;
                }
                Some(_) => {
                    self.bump();
                }
            }
        }
    }
}

/// The value without a leading `Authentication-Results:` field name, which a
/// caller may have left on (an authserv-id cannot contain `:`).
fn strip_field_name(value: &str) -> &str {
    const NAME: &str = "authentication-results:";
    let trimmed = value.trim_start();
    match trimmed.get(..NAME.len()) {
        Some(prefix) if prefix.eq_ignore_ascii_case(NAME) => &trimmed[NAME.len()..],
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::authenticity::{CheckResult, DkimCheck};

    const OURS: &str = "mx.example.com";

    fn policy() -> AuthPolicy {
        AuthPolicy::AuthenticationResults {
            authserv_id: OURS.to_owned(),
        }
    }

    fn check(from: &str, headers: &[&str]) -> AuthVerdict {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        authenticate(&policy(), from, &Authenticity::default(), &headers)
    }

    #[track_caller]
    fn assert_authenticated(verdict: AuthVerdict, expected_method: &str) {
        assert_eq!(
            verdict,
            AuthVerdict::Authenticated {
                method: expected_method.to_owned()
            }
        );
    }

    #[track_caller]
    fn assert_rejected(verdict: AuthVerdict, reason_contains: &str) {
        match verdict {
            AuthVerdict::NotAuthenticated { reason } => assert!(
                reason.contains(reason_contains),
                "reason {reason:?} does not mention {reason_contains:?}"
            ),
            other => panic!("expected NotAuthenticated, got {other:?}"),
        }
    }

    #[test]
    fn aligned_dkim_pass_authenticates() {
        assert_authenticated(
            check(
                "staff@example.com",
                &["mx.example.com; dkim=pass header.d=example.com header.s=sel"],
            ),
            "dkim=pass header.d=example.com",
        );
    }

    #[test]
    fn dkim_pass_from_a_parent_domain_aligns_with_a_subdomain_from() {
        assert_authenticated(
            check(
                "staff@mail.example.com",
                &["mx.example.com; dkim=pass header.d=example.com"],
            ),
            "dkim=pass header.d=example.com",
        );
    }

    #[test]
    fn dkim_pass_from_a_subdomain_does_not_align_with_the_parent_from() {
        assert_rejected(
            check(
                "staff@example.com",
                &["mx.example.com; dkim=pass header.d=mail.example.com"],
            ),
            "no dkim=pass aligned",
        );
    }

    #[test]
    fn dkim_identity_domain_is_used_when_there_is_no_signing_domain() {
        assert_authenticated(
            check(
                "staff@example.com",
                &["mx.example.com; dkim=pass header.i=@example.com"],
            ),
            "dkim=pass header.i=example.com",
        );
        assert_authenticated(
            check(
                "staff@example.com",
                &["mx.example.com; dkim=pass header.i=\"staff@Example.com\""],
            ),
            "dkim=pass header.i=example.com",
        );
    }

    #[test]
    fn signing_domain_wins_over_an_aligned_identity() {
        assert_rejected(
            check(
                "staff@example.com",
                &["mx.example.com; dkim=pass header.d=evil.com header.i=@example.com"],
            ),
            "evil.com",
        );
    }

    #[test]
    fn dmarc_pass_for_the_from_domain_authenticates() {
        assert_authenticated(
            check(
                "staff@example.com",
                &[
                    "mx.example.com; spf=fail smtp.mailfrom=x@evil.com; dmarc=pass header.from=example.com",
                ],
            ),
            "dmarc=pass header.from=example.com",
        );
    }

    #[test]
    fn dmarc_pass_for_another_domain_does_not_authenticate() {
        for from in ["evil.com", "mail.example.com", "com"] {
            assert_rejected(
                check(
                    "staff@example.com",
                    &[&format!("mx.example.com; dmarc=pass header.from={from}")],
                ),
                "no dkim=pass aligned",
            );
        }
    }

    #[test]
    fn dmarc_pass_without_header_from_does_not_authenticate() {
        assert_rejected(
            check("staff@example.com", &["mx.example.com; dmarc=pass"]),
            "dmarc=pass",
        );
    }

    #[test]
    fn spf_pass_alone_is_not_enough() {
        assert_rejected(
            check(
                "staff@example.com",
                &["mx.example.com; spf=pass smtp.mailfrom=staff@example.com"],
            ),
            "spf=pass",
        );
    }

    #[test]
    fn other_methods_and_results_do_not_authenticate() {
        for header in [
            "mx.example.com; dkim=fail header.d=example.com",
            "mx.example.com; dkim=neutral header.d=example.com",
            "mx.example.com; dkim=temperror header.d=example.com",
            "mx.example.com; dkim=policy header.d=example.com",
            "mx.example.com; dmarc=fail header.from=example.com",
            "mx.example.com; arc=pass header.d=example.com",
            "mx.example.com; dkim-adsp=pass header.d=example.com",
            "mx.example.com; iprev=pass policy.iprev=192.0.2.1",
            "mx.example.com; x-dkim=pass header.d=example.com",
        ] {
            assert!(
                matches!(
                    check("staff@example.com", &[header]),
                    AuthVerdict::NotAuthenticated { .. }
                ),
                "{header}"
            );
        }
    }

    #[test]
    fn dkim_pass_for_an_unrelated_domain_is_not_aligned() {
        assert_rejected(
            check(
                "staff@example.com",
                &["mx.example.com; dkim=pass header.d=evil.com"],
            ),
            "header.d=\"evil.com\"",
        );
    }

    #[test]
    fn dkim_pass_for_a_lookalike_suffix_domain_is_not_aligned() {
        for signer in ["example.com.evil.com", "evil-example.com", "xample.com"] {
            assert_rejected(
                check(
                    "staff@example.com",
                    &[&format!("mx.example.com; dkim=pass header.d={signer}")],
                ),
                "no dkim=pass aligned",
            );
        }
    }

    #[test]
    fn dkim_pass_for_a_bare_top_level_domain_is_not_aligned() {
        for signer in ["com", ".com", "", "example..com"] {
            assert!(
                matches!(
                    check(
                        "staff@x.example.com",
                        &[&format!("mx.example.com; dkim=pass header.d=\"{signer}\"")],
                    ),
                    AuthVerdict::NotAuthenticated { .. }
                ),
                "{signer:?}"
            );
        }
    }

    #[test]
    fn one_passing_aligned_dkim_among_several_is_enough() {
        assert_authenticated(
            check(
                "staff@example.com",
                &[
                    "mx.example.com; dkim=fail header.d=example.com header.s=old; \
                   dkim=pass header.d=mailer.net; dkim=pass header.d=example.com header.s=new",
                ],
            ),
            "dkim=pass header.d=example.com",
        );
    }

    #[test]
    fn forged_header_below_ours_is_ignored() {
        assert_rejected(
            check(
                "staff@example.com",
                &[
                    "mx.example.com; dkim=none; spf=pass smtp.mailfrom=evil.com",
                    "mx.example.com; dkim=pass header.d=example.com; dmarc=pass header.from=example.com",
                ],
            ),
            "no dkim=pass aligned",
        );
    }

    #[test]
    fn headers_below_ours_do_not_spoil_a_pass() {
        assert_authenticated(
            check(
                "staff@example.com",
                &[
                    "mx.example.com; dkim=pass header.d=example.com",
                    "mx.example.com; dkim=fail header.d=example.com",
                    "garbage ((",
                ],
            ),
            "dkim=pass header.d=example.com",
        );
    }

    #[test]
    fn topmost_header_from_another_server_is_not_trusted() {
        assert_rejected(
            check(
                "staff@example.com",
                &[
                    "mx.evil.com; dkim=pass header.d=example.com",
                    "mx.example.com; dkim=pass header.d=example.com",
                ],
            ),
            "is from \"mx.evil.com\", not from our receiving server \"mx.example.com\"",
        );
    }

    #[test]
    fn authserv_id_that_only_starts_like_ours_is_not_ours() {
        for id in [
            "mx.example.com.evil.com",
            "mx.example.co",
            "\"mx.example.com \"",
        ] {
            assert_rejected(
                check(
                    "staff@example.com",
                    &[&format!("{id}; dkim=pass header.d=example.com")],
                ),
                "not from our receiving server",
            );
        }
    }

    #[test]
    fn missing_header_is_not_authenticated() {
        assert_rejected(
            check("staff@example.com", &[]),
            "no Authentication-Results header",
        );
    }

    #[test]
    fn none_result_is_not_authenticated() {
        assert_rejected(
            check("staff@example.com", &["mx.example.com 1; none"]),
            "its results: none",
        );
    }

    #[test]
    fn policy_none_checks_nothing() {
        assert_eq!(
            authenticate(
                &AuthPolicy::None,
                "anyone@evil.com",
                &Authenticity::default(),
                &[]
            ),
            AuthVerdict::Unchecked
        );
    }

    fn own_checks(from_domain: &str, signer: &str, result: CheckResult) -> Authenticity {
        Authenticity {
            from_domain: Some(from_domain.into()),
            dkim: vec![DkimCheck {
                domain: signer.into(),
                selector: "mail".into(),
                result,
                detail: None,
                aligned: authenticity::signer_aligns(signer, from_domain),
                partial_body: false,
            }],
            ..Authenticity::default()
        }
    }

    #[test]
    fn the_dkim_policy_trusts_the_desks_own_checks_and_no_header() {
        let forged = ["mx.example.com; dkim=pass header.d=example.com".to_owned()];
        let signed = own_checks("example.com", "example.com", CheckResult::Pass);
        assert!(matches!(
            authenticate(&AuthPolicy::Dkim, "staff@example.com", &signed, &[]),
            AuthVerdict::Authenticated { method } if method.starts_with("dkim=pass header.d=example.com")
        ));
        // an Authentication-Results header proves nothing under this policy
        let unsigned = Authenticity {
            from_domain: Some("example.com".into()),
            ..Authenticity::default()
        };
        assert!(matches!(
            authenticate(&AuthPolicy::Dkim, "staff@example.com", &unsigned, &forged),
            AuthVerdict::NotAuthenticated { reason } if reason.contains("no DKIM signature")
        ));
        let other = own_checks("example.com", "elsewhere.test", CheckResult::Pass);
        assert!(matches!(
            authenticate(&AuthPolicy::Dkim, "staff@example.com", &other, &[]),
            AuthVerdict::NotAuthenticated { reason } if reason.contains("elsewhere.test")
        ));
        let revoked = own_checks("example.com", "example.com", CheckResult::PermError);
        assert!(matches!(
            authenticate(&AuthPolicy::Dkim, "staff@example.com", &revoked, &[]),
            AuthVerdict::NotAuthenticated { .. }
        ));
    }

    #[test]
    fn the_dkim_policy_checks_the_from_address_it_is_asked_about() {
        // checks made for another From domain prove nothing for this one
        let signed = own_checks("example.com", "example.com", CheckResult::Pass);
        assert!(matches!(
            authenticate(&AuthPolicy::Dkim, "staff@other.com", &signed, &[]),
            AuthVerdict::NotAuthenticated { .. }
        ));
    }

    #[test]
    fn authserv_id_methods_properties_and_domains_are_case_insensitive() {
        let policy = AuthPolicy::AuthenticationResults {
            authserv_id: "MX.Example.COM".to_owned(),
        };
        let headers = ["mx.EXAMPLE.com; DKIM=PASS Header.D=EXAMPLE.COM.".to_owned()];
        assert_eq!(
            authenticate(
                &policy,
                "Staff@Example.Com",
                &Authenticity::default(),
                &headers
            ),
            AuthVerdict::Authenticated {
                method: "dkim=pass header.d=example.com".to_owned()
            }
        );
    }

    #[test]
    fn comments_folding_and_quoted_strings_are_understood() {
        let header = "mx.example.com (Postfix) 1 (version);\r\n\
                      \tspf=pass (mx.example.com: domain of staff@example.com designates\r\n\
                      \t 192.0.2.1 as permitted sender) smtp.mailfrom=staff@example.com;\r\n\
                      \tdkim=pass (2048-bit key; (nested) unprotected) header.d=\"example.com\"\r\n\
                      \t header.s=sel header.b=\"AbC+/=\"";
        assert_authenticated(
            check("staff@example.com", &[header]),
            "dkim=pass header.d=example.com",
        );
    }

    #[test]
    fn whitespace_and_comments_around_separators_are_allowed() {
        assert_authenticated(
            check(
                "staff@example.com",
                &["mx.example.com;dkim (c) / 1 = (c) pass header (c) . d (c) = (c) example.com;"],
            ),
            "dkim=pass header.d=example.com",
        );
    }

    #[test]
    fn quoted_authserv_id_and_field_name_prefix_are_accepted() {
        assert_authenticated(
            check(
                "staff@example.com",
                &["Authentication-Results: \"mx.example.com\"; dkim=pass header.d=example.com"],
            ),
            "dkim=pass header.d=example.com",
        );
    }

    #[test]
    fn real_world_gmail_and_microsoft_headers_are_read() {
        let gmail = "mx.google.com;\r\n       dkim=pass header.i=@example.com header.s=20230601 header.b=Xy1+aB/c;\r\n       spf=pass (google.com: domain of staff@example.com designates 192.0.2.1 as permitted sender) smtp.mailfrom=staff@example.com;\r\n       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com";
        let policy = AuthPolicy::AuthenticationResults {
            authserv_id: "mx.google.com".to_owned(),
        };
        assert_eq!(
            authenticate(
                &policy,
                "staff@example.com",
                &Authenticity::default(),
                &[gmail.to_owned()]
            ),
            AuthVerdict::Authenticated {
                method: "dkim=pass header.i=example.com".to_owned()
            }
        );
        let microsoft = "spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=example.com; dkim=none (message not signed) header.d=none;dmarc=pass action=none header.from=example.com;compauth=pass reason=100";
        // Microsoft omits the authserv-id, so its header is never ours...
        assert_rejected(check("staff@example.com", &[microsoft]), "expected ';'");
        // ...but its results read well behind one.
        let with_id = format!("mx.example.com; {microsoft}");
        assert_authenticated(
            check("staff@example.com", &[&with_id]),
            "dmarc=pass header.from=example.com",
        );
    }

    #[test]
    fn result_hidden_in_a_comment_does_not_count() {
        assert_rejected(
            check(
                "staff@example.com",
                &["mx.example.com; spf=pass (helo=x; dkim=pass header.d=example.com) smtp.helo=x"],
            ),
            "its results: spf=pass",
        );
    }

    #[test]
    fn result_hidden_in_a_quoted_string_does_not_count() {
        assert_rejected(
            check(
                "staff@example.com",
                &["mx.example.com; spf=pass smtp.helo=\"x; dkim=pass header.d=example.com\""],
            ),
            "its results: spf=pass",
        );
    }

    #[test]
    fn malformed_result_is_skipped_but_later_results_count() {
        assert_authenticated(
            check(
                "staff@example.com",
                &["mx.example.com; spf=pass smtp.mailfrom; dkim=pass header.d=example.com"],
            ),
            "dkim=pass header.d=example.com",
        );
    }

    #[test]
    fn malformed_dkim_result_never_counts_even_partly() {
        for header in [
            "mx.example.com; dkim=pass header.d=example.com garbage",
            "mx.example.com; dkim=pass header.d=example.com header.i",
            "mx.example.com; dkim= header.d=example.com",
            "mx.example.com; dkim pass header.d=example.com",
            "mx.example.com; dkim/=pass header.d=example.com",
        ] {
            assert!(
                matches!(
                    check("staff@example.com", &[header]),
                    AuthVerdict::NotAuthenticated { .. }
                ),
                "{header}"
            );
        }
    }

    #[test]
    fn dkim_result_naming_two_signers_proves_nothing() {
        assert_rejected(
            check(
                "staff@example.com",
                &["mx.example.com; dkim=pass header.d=evil.com header.d=example.com"],
            ),
            "no dkim=pass aligned",
        );
    }

    #[test]
    fn unreadable_topmost_header_is_not_authenticated() {
        for (header, problem) in [
            ("", "no authserv-id"),
            ("   ", "no authserv-id"),
            ("; dkim=pass header.d=example.com", "no authserv-id"),
            (
                "mx.example.com (open comment; dkim=pass header.d=example.com",
                "comment",
            ),
            (
                "mx.example.com; dkim=pass header.d=\"example.com",
                "quoted string",
            ),
            (
                "mx.example.com 2; dkim=pass header.d=example.com",
                "version \"2\"",
            ),
            (
                "mx.example.com dkim=pass header.d=example.com",
                "expected ';'",
            ),
            ("\u{0}\u{7f}garbage \u{1F4A9}", "expected ';'"),
        ] {
            assert_rejected(check("staff@example.com", &[header]), problem);
        }
    }

    #[test]
    fn from_address_without_a_domain_is_not_authenticated() {
        for from in ["staff", "staff@", "", "staff@.com", "staff@exa mple.com"] {
            assert_rejected(
                check(from, &["mx.example.com; dkim=pass header.d=example.com"]),
                "has no domain",
            );
        }
    }

    #[test]
    fn from_address_in_angle_brackets_is_read() {
        assert_authenticated(
            check(
                "<staff@example.com>",
                &["mx.example.com; dkim=pass header.d=example.com"],
            ),
            "dkim=pass header.d=example.com",
        );
    }

    #[test]
    fn rejection_reason_quotes_hostile_values() {
        let verdict = check(
            "staff@example.com",
            &["mx.example.com; dkim=pass header.d=\"evil.com\\\"\nInjected: yes\""],
        );
        assert_rejected(verdict, r#"header.d="evil.com\"\nInjected: yes""#);
    }
}

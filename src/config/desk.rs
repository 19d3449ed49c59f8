//! `[desk]`: the desk's own address and name, its staff and whom it
//! notifies, how mail from staff is proven to be theirs, and how tickets
//! treat follow-ups.

use std::path::PathBuf;
use std::sync::LazyLock;

use regex::Regex;

use super::check::Check;
use super::list;
use super::read::Section;
use crate::report::Language;
use crate::staff::auth::AuthPolicy;

#[derive(Debug, Clone)]
pub struct DeskConfig {
    /// The desk's address: From of every mail we send, and where reports arrive.
    pub address: String,
    /// Display name on our mail ("Security Desk").
    pub name: String,
    /// Prefix of confirmation numbers, e.g. "SEC-".
    pub number_prefix: String,
    /// Addresses of staff members (lower-cased); they get notifications.
    pub staff: Vec<String>,
    /// Domains whose every address counts as staff (lower-cased, no "@").
    pub staff_domains: Vec<String>,
    /// Where staff notifications go (defaults to every address in `staff`).
    pub notify: Vec<String>,
    /// Language of replies when a report's language cannot be told.
    pub default_language: crate::report::Language,
    /// Folder holding the editable reply templates.
    pub templates_dir: PathBuf,
    /// How mail from a staff address is proven to be theirs
    /// (`desk.authentication` and `desk.authserv_id`).
    pub authentication: AuthPolicy,
    /// Whether anyone at the reporter's domain may follow up on a ticket and
    /// ask its status, not only the reporter's own address.
    pub reporter_domain_participates: bool,
    /// Whether relayed staff replies name the staff member's address;
    /// otherwise they come from the desk only.
    pub expose_staff_address: bool,
    /// Automatic status answers per address and hour; at least 1.
    pub status_requests_per_hour: u32,
    /// Whether the rule-based priority of a new ticket counts as assigned, so
    /// triage only needs a severity; otherwise staff must set `/priority`.
    pub priority_rule_is_final: bool,
    /// Whether a participant's follow-up on a closed ticket reopens it.
    pub reopen_on_follow_up: bool,
    /// Whether staff in `notify` hear of later mail on a ticket that has an
    /// owner; otherwise only the owner does.
    pub notify_all_when_owned: bool,
}

impl DeskConfig {
    /// Its lines of the summary (`secdesk check-config`).
    pub(super) fn summary(&self) -> String {
        let authentication = match &self.authentication {
            AuthPolicy::Dkim => "staff mail proven by the desk's own DKIM/DMARC checks".to_owned(),
            AuthPolicy::AuthenticationResults { authserv_id } => {
                format!("staff mail proven by Authentication-Results from {authserv_id}")
            }
            AuthPolicy::None => {
                "staff mail NOT AUTHENTICATED (authentication = \"none\", local test stack only)"
                    .to_owned()
            }
        };
        let yes_no =
            |yes: bool, if_yes: &str, if_no: &str| if yes { if_yes } else { if_no }.to_owned();
        [
            format!(
                "desk:     {} <{}>, numbers {}…, default language {}, templates in {}",
                self.name,
                self.address,
                self.number_prefix,
                self.default_language.as_str(),
                self.templates_dir.display()
            ),
            format!(
                "staff:    {}; domains: {}; notify: {}",
                list(&self.staff),
                list(&self.staff_domains),
                list(&self.notify)
            ),
            format!("          {authentication}"),
            format!(
                "          {}; {}; {}; status answers up to {} per address per hour",
                yes_no(
                    self.priority_rule_is_final,
                    "rule-based priority is final",
                    "staff set /priority",
                ),
                yes_no(
                    self.expose_staff_address,
                    "relayed replies name the staff member",
                    "relayed replies come from the desk only",
                ),
                yes_no(
                    self.reporter_domain_participates,
                    "the reporter's whole domain may follow up",
                    "only the reporter may follow up",
                ),
                self.status_requests_per_hour
            ),
        ]
        .join("\n")
    }
}

pub(super) struct RawDesk {
    address: Option<String>,
    name: Option<String>,
    number_prefix: Option<String>,
    staff: Option<Vec<String>>,
    staff_domains: Option<Vec<String>>,
    notify: Option<Vec<String>>,
    default_language: Option<String>,
    templates_dir: Option<String>,
    authentication: Option<String>,
    authserv_id: Option<String>,
    reporter_domain_participates: Option<bool>,
    expose_staff_address: Option<bool>,
    status_requests_per_hour: Option<i64>,
    priority_rule_is_final: Option<bool>,
    reopen_on_follow_up: Option<bool>,
    notify_all_when_owned: Option<bool>,
}

impl RawDesk {
    pub(super) fn read(s: &mut Section<'_>) -> RawDesk {
        RawDesk {
            address: s.string("address"),
            name: s.string("name"),
            number_prefix: s.string("number_prefix"),
            staff: s.list("staff"),
            staff_domains: s.list("staff_domains"),
            notify: s.list("notify"),
            default_language: s.string("default_language"),
            templates_dir: s.string("templates_dir"),
            authentication: s.string("authentication"),
            authserv_id: s.string("authserv_id"),
            reporter_domain_participates: s.boolean("reporter_domain_participates"),
            expose_staff_address: s.boolean("expose_staff_address"),
            status_requests_per_hour: s.integer("status_requests_per_hour"),
            priority_rule_is_final: s.boolean("priority_rule_is_final"),
            reopen_on_follow_up: s.boolean("reopen_on_follow_up"),
            notify_all_when_owned: s.boolean("notify_all_when_owned"),
        }
    }

    pub(super) fn validate(self, check: &mut Check) -> DeskConfig {
        let address = match self.address {
            Some(address) => check.address("desk.address", &address),
            None => {
                check.error(
                    "desk.address",
                    "missing; the desk's own address, where reports arrive (e.g. security@example.com)",
                );
                String::new()
            }
        };

        let name = self.name.unwrap_or_else(|| "Security Desk".to_owned());
        if name.trim().is_empty() || name.chars().any(char::is_control) {
            check.error(
                "desk.name",
                "must be a non-empty display name on one line (it goes into the From header)",
            );
        }

        let prefix = self.number_prefix.unwrap_or_else(|| "SEC-".to_owned());
        static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new("^[A-Za-z0-9]{1,12}-?$").expect("the prefix pattern is valid")
        });
        if !PREFIX.is_match(&prefix) {
            check.error(
                "desk.number_prefix",
                format!(
                    "must be 1-12 letters or digits, optionally followed by \"-\" (e.g. \"SEC-\"), got {prefix:?}"
                ),
            );
        }

        let staff = check.addresses("desk.staff", self.staff.unwrap_or_default());
        let notify_is_staff = self.notify.is_none();
        let notify = match self.notify {
            Some(notify) => check.addresses("desk.notify", notify),
            None => staff.clone(),
        };
        if !address.is_empty() {
            // The desk reading its own mail as staff mail, or notifying
            // itself, would answer itself in a loop.
            if staff.contains(&address) {
                check.error(
                    "desk.staff",
                    format!("must not include the desk's own address {address}"),
                );
            }
            if !notify_is_staff && notify.contains(&address) {
                check.error(
                    "desk.notify",
                    format!("must not include the desk's own address {address}"),
                );
            }
        }

        let mut staff_domains = Vec::new();
        for (i, value) in self.staff_domains.unwrap_or_default().iter().enumerate() {
            match parse_domain(value) {
                Ok(domain) if !staff_domains.contains(&domain) => staff_domains.push(domain),
                Ok(_duplicate) => {}
                Err(problem) => check.error(format!("desk.staff_domains[{i}]"), problem),
            }
        }

        let default_language = match self.default_language {
            None => Language::En,
            Some(value) => match value.trim().to_ascii_lowercase().as_str() {
                "en" => Language::En,
                "it" => Language::It,
                _ => {
                    check.error(
                        "desk.default_language",
                        format!("must be \"en\" or \"it\", got {value:?}"),
                    );
                    Language::En
                }
            },
        };

        let templates_dir = self.templates_dir.unwrap_or_else(|| "templates".to_owned());
        if templates_dir.trim().is_empty() {
            check.error(
                "desk.templates_dir",
                "is empty; the folder of reply templates (default \"templates\")",
            );
        }

        // An authserv_id given with "dkim" or "none" is not used; keeping it
        // lets SECDESK_DESK_AUTHENTICATION switch back and forth.
        let authentication = match self.authentication {
            None => AuthPolicy::Dkim,
            Some(value) => match value.trim().to_ascii_lowercase().as_str() {
                "dkim" => AuthPolicy::Dkim,
                "authentication-results" => AuthPolicy::AuthenticationResults {
                    authserv_id: check.authserv_id(self.authserv_id),
                },
                "none" => AuthPolicy::None,
                _ => {
                    check.error(
                        "desk.authentication",
                        format!(
                            "must be \"dkim\", \"authentication-results\" or \"none\", got {value:?}"
                        ),
                    );
                    AuthPolicy::Dkim
                }
            },
        };

        DeskConfig {
            address,
            name,
            number_prefix: prefix.to_ascii_uppercase(),
            staff,
            staff_domains,
            notify,
            default_language,
            templates_dir: PathBuf::from(templates_dir),
            authentication,
            reporter_domain_participates: self.reporter_domain_participates.unwrap_or(false),
            expose_staff_address: self.expose_staff_address.unwrap_or(false),
            status_requests_per_hour: check.number(
                "desk.status_requests_per_hour",
                self.status_requests_per_hour,
                5,
                1,
                None,
            ),
            priority_rule_is_final: self.priority_rule_is_final.unwrap_or(false),
            reopen_on_follow_up: self.reopen_on_follow_up.unwrap_or(true),
            notify_all_when_owned: self.notify_all_when_owned.unwrap_or(false),
        }
    }
}

impl Check {
    fn address(&mut self, key: &str, value: &str) -> String {
        parse_address(value).unwrap_or_else(|problem| {
            self.error(key, problem);
            String::new()
        })
    }

    fn addresses(&mut self, key: &str, values: Vec<String>) -> Vec<String> {
        let mut addresses: Vec<String> = Vec::with_capacity(values.len());
        for (i, value) in values.iter().enumerate() {
            let address = self.address(&format!("{key}[{i}]"), value);
            if !addresses.contains(&address) {
                addresses.push(address);
            }
        }
        addresses
    }

    /// `desk.authserv_id`, required when staff mail is proven by
    /// Authentication-Results.
    fn authserv_id(&mut self, value: Option<String>) -> String {
        let id = self
            .required(
                "desk.authserv_id",
                value,
                "required while desk.authentication is \"authentication-results\": the \
                 authserv-id our receiving server writes first in its \
                 Authentication-Results header, e.g. mx.example.com (or let the desk \
                 check DKIM itself: desk.authentication = \"dkim\", the default)",
            )
            .trim()
            .to_owned();
        // RFC 8601: the authserv-id is one token, ended by ";".
        if id.contains(|c: char| c.is_whitespace() || c.is_control() || "; \"()".contains(c)) {
            self.error(
                "desk.authserv_id",
                format!(
                    "{id:?} is not an authserv-id: write the single name our receiving server \
                     writes first in its Authentication-Results header, e.g. mx.example.com"
                ),
            );
        }
        id
    }
}

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    let label = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    Regex::new(&format!(r"^(?:{label}\.)*{label}$")).expect("the domain pattern is valid")
});

static LOCAL_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[^\s\p{Cc}@<>(),;:"\[\]\\]{1,64}$"#).expect("the local-part pattern is valid")
});

/// A plausible `local@domain` address, lower-cased.
fn parse_address(value: &str) -> Result<String, String> {
    let address = value.trim().to_lowercase();
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Err(format!(
            "{value:?} is not an email address (expected local@domain, e.g. alice@example.com)"
        ));
    };
    if !LOCAL_PART.is_match(local) || parse_domain(domain).is_err() {
        return Err(format!(
            "{value:?} is not a plausible email address (expected local@domain, e.g. alice@example.com)"
        ));
    }
    Ok(address)
}

/// A bare domain (`example.com`), lower-cased.
fn parse_domain(value: &str) -> Result<String, String> {
    let domain = value.trim().to_ascii_lowercase();
    if let Some(bare) = domain.strip_prefix('@') {
        return Err(format!("write the domain without \"@\": {bare:?}"));
    }
    if domain.len() > 253 || !DOMAIN.is_match(&domain) {
        return Err(format!(
            "{value:?} is not a domain (expected e.g. example.com; international names in punycode)"
        ));
    }
    Ok(domain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::test_support::*;

    #[test]
    fn addresses_and_prefix_are_normalised() {
        let config = load(
            LOCAL,
            &[
                ("SECDESK_DESK_ADDRESS", " Security@Example.TEST "),
                ("SECDESK_DESK_NUMBER_PREFIX", "vuln"),
                ("SECDESK_DESK_DEFAULT_LANGUAGE", "IT"),
            ],
        )
        .expect("valid");
        assert_eq!(config.desk.address, "security@example.test");
        assert_eq!(config.desk.number_prefix, "VULN");
        assert_eq!(config.desk.default_language, Language::It);
    }

    #[test]
    fn the_desk_must_not_be_its_own_staff() {
        let errors = errors(LOCAL, &[("SECDESK_DESK_STAFF", "security@example.test")]);
        assert_eq!(
            errors,
            [
                "desk.staff: must not include the desk's own address security@example.test \
              (set by SECDESK_DESK_STAFF)"
            ]
        );
    }

    #[test]
    fn staff_settings_are_read_from_the_file_and_the_environment() {
        let text = MINIMAL.replace(
            "authserv_id = \"mx.example.com\"",
            "authserv_id = \" MX.Example.com \"\nexpose_staff_address = true\n\
             status_requests_per_hour = 1",
        );
        let config = load(
            &text,
            &[
                ("SECDESK_DESK_REPORTER_DOMAIN_PARTICIPATES", "true"),
                ("SECDESK_DESK_PRIORITY_RULE_IS_FINAL", "TRUE"),
                ("SECDESK_DESK_AUTHENTICATION", "authentication-results"),
            ],
        )
        .expect("valid");
        assert_eq!(
            config.desk.authentication,
            AuthPolicy::AuthenticationResults {
                authserv_id: "MX.Example.com".to_owned()
            }
        );
        assert!(config.desk.expose_staff_address);
        assert!(config.desk.reporter_domain_participates);
        assert!(config.desk.priority_rule_is_final);
        assert_eq!(config.desk.status_requests_per_hour, 1);
    }

    #[test]
    fn authentication_results_without_authserv_id_names_the_key() {
        let text = MINIMAL.replace(
            "authserv_id = \"mx.example.com\"",
            "authentication = \"authentication-results\"",
        );
        let missing = errors_of(load(&text, &[]));
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert_eq!(missing[0].key, "desk.authserv_id");
        assert!(
            missing[0].message.starts_with("missing; required while"),
            "{missing:?}"
        );
        assert!(missing[0].message.contains("mx.example.com"), "{missing:?}");
        // The policy's name is case-insensitive.
        let explicit = text.replace("authentication-results", "Authentication-Results");
        assert_eq!(errors_of(load(&explicit, &[]))[0].key, "desk.authserv_id");
        let errors = errors(&text, &[("SECDESK_DESK_AUTHSERV_ID", "")]);
        assert!(
            errors[0].starts_with("desk.authserv_id: is empty; required while"),
            "{errors:?}"
        );
        assert!(
            errors[0].ends_with("(set by SECDESK_DESK_AUTHSERV_ID)"),
            "{errors:?}"
        );
    }

    #[test]
    fn authserv_id_must_be_one_name() {
        let errors = errors(
            MINIMAL,
            &[
                ("SECDESK_DESK_AUTHENTICATION", "authentication-results"),
                ("SECDESK_DESK_AUTHSERV_ID", "mx.example.com; dkim"),
            ],
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0]
                .starts_with("desk.authserv_id: \"mx.example.com; dkim\" is not an authserv-id"),
            "{errors:?}"
        );
    }

    #[test]
    fn authentication_none_needs_no_authserv_id() {
        let text = MINIMAL.replace(
            "authserv_id = \"mx.example.com\"",
            "authentication = \"none\"",
        );
        let config = load(&text, &[]).expect("valid");
        assert_eq!(config.desk.authentication, AuthPolicy::None);
        let summary = config.summary();
        assert!(summary.contains("NOT AUTHENTICATED"), "{summary}");
        // An authserv_id left in place is ignored, so a variable can switch.
        let config = load(MINIMAL, &[("SECDESK_DESK_AUTHENTICATION", "none")]).expect("valid");
        assert_eq!(config.desk.authentication, AuthPolicy::None);
    }

    #[test]
    fn unknown_authentication_and_zero_status_limit_are_rejected() {
        let errors = errors(
            MINIMAL,
            &[
                ("SECDESK_DESK_AUTHENTICATION", "dmarc"),
                ("SECDESK_DESK_STATUS_REQUESTS_PER_HOUR", "0"),
            ],
        );
        assert_eq!(
            errors,
            [
                "desk.authentication: must be \"dkim\", \"authentication-results\" or \
                 \"none\", got \"dmarc\" (set by SECDESK_DESK_AUTHENTICATION)",
                "desk.status_requests_per_hour: must be at least 1, got 0 \
                 (set by SECDESK_DESK_STATUS_REQUESTS_PER_HOUR)",
            ]
        );
    }
}

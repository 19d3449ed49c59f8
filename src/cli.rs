//! The commands besides `run`: each prints for a person, or JSON with `--json`.

use std::path::Path;

use serde::Serialize;

use crate::config::Config;
use crate::message::{self, Limits};
use crate::report::{self, CvssScore};
use crate::store::{Store, StoreError, TicketQuery};
use crate::ticket::{ConfirmationNumber, NumberPrefix, Priority, Severity, TicketState};

/// What `secdesk parse --json` prints: exactly these keys.
#[derive(Debug, Serialize)]
pub struct ParseOutput {
    pub kind: &'static str,
    /// What decided the kind, and the sentence that did.
    pub kind_basis: report::KindBasis,
    pub kind_quote: Option<String>,
    pub language: &'static str,
    pub subject: String,
    pub from: Option<String>,
    pub description: Option<String>,
    pub cve_ids: Vec<String>,
    /// The vector severity comes from (the 4.0 one when there are several).
    pub cvss: Option<CvssScore>,
    /// Every vector of the report, at most one per version, in the order found.
    pub cvss_vectors: Vec<CvssScore>,
    pub reported_score: Option<f64>,
    pub remediation: Option<String>,
    pub customer_message: Option<String>,
    pub missing: Vec<report::Missing>,
    pub auto_submitted: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("cannot read or write {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot parse {path}: {reason}")]
    Parse { path: String, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Usage(String),
}

/// Extraction only: read a mail file, print what the desk would understand.
/// No database, no network.
pub fn parse_file(
    path: &Path,
    limits: &Limits,
    desk_address: &str,
) -> Result<ParseOutput, CliError> {
    let raw = std::fs::read(path).map_err(|source| CliError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let mail = message::parse(&raw, limits).map_err(|e| CliError::Parse {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    let report = crate::ingest::report_of(&mail, desk_address);
    Ok(ParseOutput {
        kind: report.kind.as_str(),
        kind_basis: report.kind_basis,
        kind_quote: report.kind_quote.clone(),
        language: report.language.as_str(),
        auto_submitted: message::detect_automatic(&mail, desk_address).is_some(),
        subject: mail.subject,
        from: mail.from.map(|a| a.email),
        description: report.description,
        cve_ids: report
            .cve_ids
            .iter()
            .map(|c| c.as_str().to_string())
            .collect(),
        cvss: report.cvss,
        cvss_vectors: report.cvss_vectors,
        reported_score: report.reported_score,
        remediation: report.remediation,
        customer_message: report.customer_message,
        missing: report.missing,
    })
}

/// Human-readable form of [`ParseOutput`].
pub fn describe_parse(out: &ParseOutput) -> String {
    let none = || "-".to_string();
    let mut lines = vec![
        format!("subject:          {}", out.subject),
        format!(
            "from:             {}",
            out.from.clone().unwrap_or_else(none)
        ),
        format!("kind:             {}", out.kind),
        format!("language:         {}", out.language),
        format!(
            "automatic mail:   {}",
            if out.auto_submitted {
                "yes (would not be answered)"
            } else {
                "no"
            }
        ),
        format!(
            "CVE:              {}",
            if out.cve_ids.is_empty() {
                none()
            } else {
                out.cve_ids.join(", ")
            }
        ),
    ];
    lines.push(match &out.cvss {
        Some(c) => format!(
            "CVSS:             {} = {} ({})",
            c.vector, c.base_score, c.severity
        ),
        None => format!(
            "CVSS:             {}",
            out.reported_score
                .map_or_else(none, |s| format!("{s} (score only)"))
        ),
    });
    // the other versions' vectors, under the one severity comes from
    for c in out
        .cvss_vectors
        .iter()
        .filter(|c| Some(*c) != out.cvss.as_ref())
    {
        lines.push(format!(
            "                  {} = {} ({}), not used for severity",
            c.vector, c.base_score, c.severity
        ));
    }
    let field = |label: &str, value: &Option<String>| {
        format!(
            "{label:<18}{}",
            value
                .as_deref()
                .map_or_else(none, |v| v.replace('\n', "\n                  "))
        )
    };
    lines.push(field("description:", &out.description));
    lines.push(field("remediation:", &out.remediation));
    lines.push(field("customer message:", &out.customer_message));
    let missing: Vec<String> = out
        .missing
        .iter()
        .map(|m| {
            serde_json::to_value(m)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        })
        .collect();
    lines.push(format!(
        "missing:          {}",
        if missing.is_empty() {
            none()
        } else {
            missing.join(", ")
        }
    ));
    lines.join("\n")
}

pub async fn open_store(config: &Config) -> Result<Store, CliError> {
    let store = Store::connect(&config.database.url, 2).await?;
    store.migrate().await?;
    Ok(store)
}

/// How `tickets list` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
}

/// The filters of `tickets list`, as given on the command line (the
/// `tickets list` flags themselves, through clap).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ListFilters {
    /// Only tickets whose triage (severity and priority) is overdue.
    #[arg(long)]
    pub overdue: bool,
    /// new, triaged, investigating, awaiting-reporter, closed, reopened;
    /// or `open` for every state but closed.
    #[arg(long)]
    pub state: Option<String>,
    #[arg(long)]
    pub severity: Option<String>,
    /// 1 to 4 (or P1 to P4).
    #[arg(long)]
    pub priority: Option<String>,
    /// The owner's address, or `none` for tickets nobody owns.
    #[arg(long)]
    pub owner: Option<String>,
    #[arg(long)]
    pub reporter: Option<String>,
    /// A CVE id the report names.
    #[arg(long)]
    pub cve: Option<String>,
    /// vulnerability, incident or unknown.
    #[arg(long)]
    pub kind: Option<String>,
    /// Created on or after: YYYY-MM-DD, an RFC 3339 instant, or a span
    /// back from now (`7d`, `12h`).
    #[arg(long)]
    pub since: Option<String>,
    /// Words in the subject or the text of the ticket's mail (full-text
    /// search; all words must appear).
    #[arg(long)]
    pub search: Option<String>,
}

impl ListFilters {
    /// The store's query, every value checked: a typo is an error, never an
    /// empty list.
    pub fn query(&self, now: i64) -> Result<TicketQuery, CliError> {
        use std::str::FromStr;
        let usage = |e: String| CliError::Usage(e);
        let mut q = TicketQuery {
            overdue_at: self.overdue.then_some(now),
            ..TicketQuery::default()
        };
        match self.state.as_deref().map(str::trim) {
            Some("open") => q.open = true,
            Some(state) => {
                q.state = Some(TicketState::from_str(state).map_err(usage)?.as_str().into());
            }
            None => {}
        }
        if let Some(severity) = &self.severity {
            q.severity = Some(Severity::from_str(severity).map_err(usage)?.as_str().into());
        }
        if let Some(priority) = &self.priority {
            let level = priority.trim().trim_start_matches(['p', 'P']);
            let level: u8 = level
                .parse()
                .map_err(|_| usage(format!("--priority {priority:?}: expected 1 to 4")))?;
            q.priority = Some(i64::from(Priority::new(level).map_err(usage)?.level()));
        }
        match self.owner.as_deref().map(str::trim) {
            Some("none") => q.unowned = true,
            Some(owner) => q.owner = Some(crate::message::normalize_address(owner)),
            None => {}
        }
        q.reporter = self
            .reporter
            .as_deref()
            .map(crate::message::normalize_address);
        if let Some(cve) = &self.cve {
            let id = crate::report::CveId::parse(cve).map_err(|_| {
                usage(format!(
                    "--cve {cve:?}: expected a CVE id such as CVE-2024-6387"
                ))
            })?;
            q.cve = Some(id.as_str().to_string());
        }
        if let Some(kind) = &self.kind {
            let kind = kind.trim().to_ascii_lowercase();
            if !matches!(kind.as_str(), "vulnerability" | "incident" | "unknown") {
                return Err(usage(format!(
                    "--kind {kind:?}: expected vulnerability, incident or unknown"
                )));
            }
            q.kind = Some(kind);
        }
        if let Some(since) = &self.since {
            q.since = Some(since_millis(since, now).map_err(usage)?);
        }
        q.search = self
            .search
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        Ok(q)
    }
}

/// `--since`: a date (`2026-11-01`, midnight UTC), an RFC 3339 instant, or
/// a span back from `now` (`7d`, `12h`, `30m`).
pub fn since_millis(text: &str, now: i64) -> Result<i64, String> {
    let text = text.trim();
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(at.timestamp_millis());
    }
    if let Ok(day) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(day
            .and_time(chrono::NaiveTime::MIN)
            .and_utc()
            .timestamp_millis());
    }
    let (number, unit) = text.split_at(text.len().saturating_sub(1));
    let per_unit = match unit {
        "d" => 86_400_000,
        "h" => 3_600_000,
        "m" => 60_000,
        _ => 0,
    };
    match number.parse::<i64>() {
        Ok(n) if per_unit > 0 && n >= 0 => Ok(now - n.saturating_mul(per_unit)),
        _ => Err(format!(
            "--since {text:?}: expected a date (2026-11-01), an RFC 3339 instant, or a span such as 7d, 12h, 30m"
        )),
    }
}

pub async fn tickets_list(
    config: &Config,
    filters: &ListFilters,
    format: ListFormat,
    limit: i64,
) -> Result<String, CliError> {
    let query = filters.query(crate::store::now_millis())?;
    let store = open_store(config).await?;
    let tickets = store.list_tickets(&query, limit.max(0)).await;
    store.close().await;
    let tickets = tickets?;
    Ok(match format {
        ListFormat::Json => serde_json::to_string_pretty(&tickets).unwrap_or_default(),
        ListFormat::Csv => tickets_csv(&tickets),
        ListFormat::Table => tickets_table(&tickets),
    })
}

fn tickets_table(tickets: &[crate::store::TicketSummary]) -> String {
    let mut out = format!(
        "{:<16} {:<18} {:<13} {:<8} {:<3} {:<20} {:<24} {:<30} {}\n",
        "NUMBER", "STATE", "KIND", "SEVERITY", "PRI", "CREATED", "OWNER", "REPORTER", "SUBJECT"
    );
    for t in tickets {
        let state = match &t.merged_into {
            Some(into) => format!("merged:{into}"),
            None => t.state.clone(),
        };
        out.push_str(&format!(
            "{:<16} {:<18} {:<13} {:<8} P{:<2} {:<20} {:<24} {:<30} {}\n",
            t.number,
            state,
            t.kind,
            t.severity.as_deref().unwrap_or("-"),
            t.priority,
            t.created_at,
            t.owner.as_deref().unwrap_or("-"),
            t.reporter,
            t.subject
        ));
    }
    out.push_str(&format!("{} ticket(s)", tickets.len()));
    out
}

/// RFC 4180: a header, CRLF line ends, fields quoted when they hold a
/// comma, a quote or a line break. A field that a spreadsheet would read as
/// a formula (`=`, `+`, `-`, `@` first) gets a leading `'`: subjects come
/// from strangers.
fn tickets_csv(tickets: &[crate::store::TicketSummary]) -> String {
    let field = |value: &str| csv_field(value);
    let mut out = String::from(
        "number,state,kind,severity,priority,created_at,owner,reporter,merged_into,subject\r\n",
    );
    for t in tickets {
        let row = [
            t.number.as_str(),
            &t.state,
            &t.kind,
            t.severity.as_deref().unwrap_or(""),
            &t.priority.to_string(),
            &t.created_at,
            t.owner.as_deref().unwrap_or(""),
            &t.reporter,
            t.merged_into.as_deref().unwrap_or(""),
            &t.subject,
        ]
        .map(field);
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a
/// line break; a leading `'` when a spreadsheet would read it as a formula.
fn csv_field(value: &str) -> String {
    let value = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// How `tickets export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// JSON Lines: one object per ticket and line (not an array), the
    /// ticket-level fields of `tickets show --json` and `message_count`.
    Json,
    /// RFC 4180 with a header row; lists separated by spaces; a leading `'`
    /// on a field a spreadsheet would take for a formula.
    Csv,
}

/// The columns of `tickets export --format csv`; lists (CVE ids, vectors,
/// missing fields) are separated by spaces.
pub const EXPORT_CSV_HEADER: &str = "number,state,kind,severity,priority,reporter,subject,language,\
created_at,outcome,triage_due_at,cve_ids,cvss_vector,cvss_version,cvss_score,cvss_severity,\
cvss_vectors,reported_score,description,remediation,customer_message,missing,owner,merged_into,\
message_count";

/// One exported ticket as a CSV row (with its CRLF), in the order of
/// [`EXPORT_CSV_HEADER`] (pure).
pub fn export_csv_row(t: &crate::store::TicketExport) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let number = |v: Option<f64>| v.map(|n| n.to_string()).unwrap_or_default();
    let cvss = t.cvss.as_ref();
    let row = [
        t.number.clone(),
        t.state.clone(),
        t.kind.clone(),
        text(&t.severity),
        t.priority.to_string(),
        t.reporter.clone(),
        t.subject.clone(),
        t.language.clone(),
        t.created_at.clone(),
        text(&t.outcome),
        text(&t.triage_due_at),
        t.cve_ids.join(" "),
        cvss.map(|c| c.vector.clone()).unwrap_or_default(),
        cvss.map(|c| c.version.clone()).unwrap_or_default(),
        number(cvss.map(|c| c.base_score)),
        cvss.map(|c| c.severity.clone()).unwrap_or_default(),
        t.cvss_vectors
            .iter()
            .map(|c| c.vector.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        number(t.reported_score),
        text(&t.description),
        text(&t.remediation),
        text(&t.customer_message),
        t.missing.join(" "),
        text(&t.owner),
        text(&t.merged_into),
        t.message_count.to_string(),
    ];
    let mut line = row.map(|f| csv_field(&f)).join(",");
    line.push_str("\r\n");
    line
}

/// `secdesk tickets export`: every ticket the filters select, oldest
/// first, written to `out` one by one as the database streams them, so a
/// hundred thousand tickets take the memory of one. Returns how many were
/// written; a reader that went away (a closed pipe) ends it quietly.
pub async fn tickets_export(
    config: &Config,
    filters: &ListFilters,
    format: ExportFormat,
    out: &mut dyn std::io::Write,
) -> Result<u64, CliError> {
    use std::ops::ControlFlow;
    let query = filters.query(crate::store::now_millis())?;
    let store = open_store(config).await?;
    let mut failed: Option<std::io::Error> = None;
    let mut written = 0;
    let header = match format {
        ExportFormat::Csv => out.write_all(format!("{EXPORT_CSV_HEADER}\r\n").as_bytes()),
        ExportFormat::Json => Ok(()),
    };
    let result = match header {
        Err(e) => {
            failed = Some(e);
            Ok(0)
        }
        Ok(()) => {
            let mut each = |ticket: crate::store::TicketExport| {
                let wrote = match format {
                    ExportFormat::Json => serde_json::to_writer(&mut *out, &ticket)
                        .map_err(std::io::Error::from)
                        .and_then(|()| out.write_all(b"\n")),
                    ExportFormat::Csv => out.write_all(export_csv_row(&ticket).as_bytes()),
                };
                match wrote {
                    Ok(()) => {
                        written += 1;
                        ControlFlow::Continue(())
                    }
                    Err(e) => {
                        failed = Some(e);
                        ControlFlow::Break(())
                    }
                }
            };
            store.export_tickets(&query, &mut each).await
        }
    };
    store.close().await;
    result?;
    let flushed = match failed {
        Some(e) => Err(e),
        None => out.flush(),
    };
    match flushed {
        Ok(()) => Ok(written),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(written),
        Err(source) => Err(CliError::Read {
            path: "standard output".into(),
            source,
        }),
    }
}

/// `secdesk tickets history NUMBER`: the audit trail.
pub async fn tickets_history(
    config: &Config,
    number: &str,
    json: bool,
) -> Result<String, CliError> {
    let number = confirmation_number(config, number)?;
    let store = open_store(config).await?;
    let history = store.ticket_history(number.as_str()).await;
    store.close().await;
    let Some(events) = history? else {
        return Err(CliError::Usage(format!("no ticket {number}")));
    };
    if json {
        return Ok(serde_json::to_string_pretty(&events).unwrap_or_default());
    }
    let mut out = format!("{:<21} {:<30} {:<17} CHANGE\n", "AT", "BY", "WHAT");
    for e in &events {
        let change = match (&e.from, &e.to) {
            (Some(from), Some(to)) => format!("{from} -> {to}"),
            (None, Some(to)) => format!("+ {to}"),
            (Some(from), None) => format!("- {from}"),
            (None, None) => "-".into(),
        };
        out.push_str(&format!(
            "{:<21} {:<30} {:<17} {}\n",
            e.at,
            e.by.as_deref().unwrap_or("(the desk)"),
            e.field,
            change
        ));
    }
    out.push_str(&format!("{} change(s)", events.len()));
    Ok(out)
}

fn confirmation_number(config: &Config, number: &str) -> Result<ConfirmationNumber, CliError> {
    let prefix = NumberPrefix::parse(&config.desk.number_prefix).map_err(CliError::Usage)?;
    ConfirmationNumber::parse(number, &prefix)
        .map_err(|e| CliError::Usage(format!("{number:?} is not a confirmation number: {e}")))
}

pub async fn tickets_show(
    config: &Config,
    number: &str,
    json: bool,
    raw: bool,
) -> Result<String, CliError> {
    let number = confirmation_number(config, number)?;
    let store = open_store(config).await?;
    let detail = store.ticket_detail(number.as_str()).await?;
    store.close().await;
    let Some(mut t) = detail else {
        return Err(CliError::Usage(format!("no ticket {number}")));
    };
    if !raw {
        for m in &mut t.messages {
            m.body = m.body.take().map(|body| text_as_read(m, body));
        }
    }
    if json {
        return Ok(serde_json::to_string_pretty(&t).unwrap_or_default());
    }
    let mut out = format!(
        "{}  {}  {}  severity {}  P{}\nreporter: {}\nsubject:  {}\ncreated:  {}\nCVE:      {}\nCVSS:     {}\nmissing:  {}\n\nmessages:\n",
        t.number,
        t.state,
        t.kind,
        t.severity.as_deref().unwrap_or("-"),
        t.priority,
        t.reporter,
        t.subject,
        t.created_at,
        if t.cve_ids.is_empty() {
            "-".into()
        } else {
            t.cve_ids.join(", ")
        },
        t.cvss.as_ref().map_or("-".into(), |c| {
            let shown = |c: &crate::store::CvssView| {
                format!("{} = {} ({})", c.vector, c.base_score, c.severity)
            };
            // the other versions' vectors after the one severity came from
            let others = t.cvss_vectors.iter().filter(|o| o.vector != c.vector);
            std::iter::once(shown(c))
                .chain(others.map(|o| format!("also {}", shown(o))))
                .collect::<Vec<_>>()
                .join("; ")
        }),
        if t.missing.is_empty() {
            "-".into()
        } else {
            t.missing.join(", ")
        },
    );
    let participants: Vec<String> = t
        .participants
        .iter()
        .map(|p| format!("{} ({})", p.address, p.role))
        .collect();
    out = out.replacen(
        "\n\nmessages:\n",
        &format!(
            "\nowner:    {}\npeople:   {}\n{}{}\nmessages:\n",
            t.owner.as_deref().unwrap_or("-"),
            participants.join(", "),
            t.merged_into
                .as_ref()
                .map(|into| format!("MERGED into {into}: its mail now lives there\n"))
                .unwrap_or_default(),
            if t.merged.is_empty() {
                String::new()
            } else {
                format!("merged:   {}\n", t.merged.join(", "))
            },
        ),
        1,
    );
    for m in &t.messages {
        out.push_str(&format!(
            "\n  #{} {} {:<3} {:<19} {} -> {}\n  subject: {}\n",
            m.id,
            m.at,
            m.direction,
            m.disposition,
            m.from.as_deref().unwrap_or("-"),
            m.to.join(", "),
            m.subject
        ));
        // what the desk's own DKIM/SPF/DMARC checks found, and for staff
        // mail how it was trusted (or why not)
        let checked = m.authenticity.clone().and_then(|v| {
            serde_json::from_value::<crate::message::authenticity::Authenticity>(v).ok()
        });
        if let Some(checked) = checked {
            out.push_str(&format!("  sender:  {}\n", checked.summary()));
            if let Some(pgp) = &checked.pgp {
                out.push_str(&format!("  pgp:     {}\n", pgp.summary()));
            }
        }
        if let Some(auth) = &m.auth {
            out.push_str(&format!("  staff:   {auth}\n"));
        }
        for a in &m.attachments {
            out.push_str(&format!(
                "  attachment {}: {} ({}, {} bytes) sha256 {}{}\n",
                a.id,
                a.name.as_deref().unwrap_or("(no name)"),
                a.detected_type.as_deref().unwrap_or(&a.content_type),
                a.size,
                a.sha256,
                match (&a.held_back, a.stored) {
                    (_, false) =>
                        " [bytes not kept: stored before the desk kept attachments]".to_string(),
                    (Some(why), true) => format!(" [held back: {why}]"),
                    (None, true) => String::new(),
                }
            ));
        }
        if let Some(body) = m.body.as_deref().filter(|b| !b.trim().is_empty()) {
            for line in body.lines() {
                out.push_str("  | ");
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    Ok(out)
}

/// The text of a stored message as the desk read it: a follow-up (from the
/// reporter, a participant or staff) without its quoted history and
/// signature; a report and our own mail whole.
fn text_as_read(message: &crate::store::MessageView, body: String) -> String {
    if message.direction == "in" && message.disposition != "report" {
        crate::staff::new_text(&body)
    } else {
        body
    }
}

/// `secdesk attachments get ID [-o FILE]`: the exact bytes, checked against
/// their SHA-256 before anything is written. Returns what to tell the user.
pub async fn attachments_get(
    config: &Config,
    which: &str,
    output: Option<&Path>,
) -> Result<String, CliError> {
    use sha2::Digest;
    use std::io::{IsTerminal, Write};

    let which: crate::store::AttachmentRef = which.parse().map_err(CliError::Usage)?;
    if output.is_none() && std::io::stdout().is_terminal() {
        return Err(CliError::Usage(
            "refusing to write an attachment to a terminal: give -o FILE or redirect the output"
                .into(),
        ));
    }
    let store = open_store(config).await?;
    let found = store.attachment(&which).await;
    store.close().await;
    let Some((view, bytes)) = found? else {
        return Err(CliError::Usage(format!("no attachment {which:?}")));
    };
    let Some(bytes) = bytes else {
        return Err(CliError::Usage(format!(
            "attachment {} ({}) was stored before the desk kept attachment bytes; it is still inside the raw mail",
            view.id,
            view.name.as_deref().unwrap_or("no name")
        )));
    };
    let actual = hex::encode(sha2::Sha256::digest(&bytes));
    if actual != view.sha256 {
        return Err(CliError::Usage(format!(
            "attachment {}: the stored bytes hash to {actual}, not {}; nothing written",
            view.id, view.sha256
        )));
    }
    let write_error = |path: &str, source| CliError::Read {
        path: path.to_string(),
        source,
    };
    match output {
        Some(path) => {
            let shown = path.display().to_string();
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(|e| write_error(&shown, e))?;
            file.write_all(&bytes)
                .and_then(|()| file.sync_all())
                .map_err(|e| write_error(&shown, e))?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)
                .and_then(|()| out.flush())
                .map_err(|e| write_error("standard output", e))?;
        }
    }
    Ok(format!(
        "attachment {}: {} ({} bytes, sha256 {}){}",
        view.id,
        view.name.as_deref().unwrap_or("(no name)"),
        bytes.len(),
        view.sha256,
        view.held_back
            .as_deref()
            .map(|why| format!("; held back: {why}; open it with care"))
            .unwrap_or_default()
    ))
}

/// `secdesk quarantine list`: mail kept because it could not be processed.
pub async fn quarantine_list(config: &Config, json: bool) -> Result<String, CliError> {
    let store = open_store(config).await?;
    let kept: Vec<_> = store
        .unthreaded_messages(1000)
        .await?
        .into_iter()
        .filter(|m| m.disposition == "quarantined")
        .collect();
    store.close().await;
    if json {
        return Ok(serde_json::to_string_pretty(&kept).unwrap_or_default());
    }
    let mut out = format!(
        "{:<8} {:<20} {:<30} {:<30} {}\n",
        "ID", "AT", "FROM", "SUBJECT", "REASON"
    );
    for m in &kept {
        out.push_str(&format!(
            "{:<8} {:<20} {:<30} {:<30} {}\n",
            m.id,
            m.at,
            m.from.as_deref().unwrap_or("-"),
            m.subject.chars().take(30).collect::<String>(),
            m.reason.as_deref().unwrap_or("-")
        ));
    }
    out.push_str(&format!("{} quarantined mail(s)", kept.len()));
    Ok(out)
}

/// `secdesk quarantine show ID`: the reason and the start of the raw mail.
pub async fn quarantine_show(config: &Config, id: i64, json: bool) -> Result<String, CliError> {
    let store = open_store(config).await?;
    let mail = store.quarantined(id).await?;
    store.close().await;
    let Some(mail) = mail else {
        return Err(CliError::Usage(format!("no quarantined mail with id {id}")));
    };
    if json {
        return Ok(serde_json::to_string_pretty(&mail).unwrap_or_default());
    }
    let head = String::from_utf8_lossy(&mail.raw[..mail.raw.len().min(4096)]).into_owned();
    Ok(format!(
        "id:      {}\nat:      {}\nfrom:    {}\nsubject: {}\nmailbox: {} uid {}\nsize:    {} bytes\nreason:  {}\n\n{}",
        mail.id,
        mail.at,
        mail.from.as_deref().unwrap_or("-"),
        mail.subject,
        mail.mailbox_id.as_deref().unwrap_or("-"),
        mail.uid.map_or("-".into(), |u| u.to_string()),
        mail.raw.len(),
        mail.reason.as_deref().unwrap_or("-"),
        head
    ))
}

/// `secdesk quarantine retry ID`: run the mail through the pipeline again.
/// Replies it causes wait in the outbox for the running daemon to send.
pub async fn quarantine_retry(config: &Config, id: i64) -> Result<String, CliError> {
    let desk = crate::daemon::desk_context(config, std::sync::Arc::new(crate::clock::SystemClock))
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let store = open_store(config).await?;
    let result = crate::ingest::retry_quarantined(&store, &desk, id).await;
    store.close().await;
    let outcome = result.map_err(|e| CliError::Usage(e.to_string()))?;
    Ok(match outcome.new_tickets.first() {
        Some(number) => format!("mail {id} processed: ticket {number} created; replies are queued"),
        None => format!("mail {id} processed: {outcome:?}"),
    })
}

/// `secdesk pgp init`: a new desk key written to `pgp.key_file` (never
/// over an existing file; protected with `pgp.passphrase` when set; mode
/// 0600), and what to publish: the public key and the `security.txt`
/// lines (RFC 9116) that point reporters at it.
pub fn pgp_init(config: &Config, public_key_url: &str) -> Result<String, CliError> {
    let Some(path) = &config.pgp.key_file else {
        return Err(CliError::Usage(
            "set pgp.key_file (or SECDESK_PGP_KEY_FILE) to where the desk's key is kept".into(),
        ));
    };
    let user_id = format!("{} <{}>", config.desk.name, config.desk.address);
    let key =
        crate::pgp::DeskKey::generate(&user_id).map_err(|e| CliError::Usage(e.to_string()))?;
    let secret = key
        .to_armored_secret(config.pgp.passphrase.as_ref().map(|p| p.expose()))
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let public = key
        .public_armored()
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let written = {
        use std::io::Write as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .and_then(|mut file| file.write_all(secret.as_bytes()))
    };
    written.map_err(|source| CliError::Read {
        path: path.display().to_string(),
        source,
    })?;
    // security.txt must expire; a year is RFC 9116's advice
    let expires = (chrono::Utc::now() + chrono::TimeDelta::days(365))
        .format("%Y-%m-%dT00:00:00Z")
        .to_string();
    Ok(format!(
        "The desk's key {} is in {}{}.\n\n\
         Publish the public key at {public_key_url}:\n\n{public}\n\
         and these lines in /.well-known/security.txt:\n\n{}",
        key.fingerprint(),
        path.display(),
        if config.pgp.passphrase.is_some() {
            " (protected with pgp.passphrase)"
        } else {
            " (not protected: set SECDESK_PGP_PASSPHRASE before init to protect it)"
        },
        key.security_txt_snippet(public_key_url, &config.desk.address, &expires)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::TicketSummary;

    const NOW: i64 = 1_780_000_000_000;

    fn summary(subject: &str) -> TicketSummary {
        TicketSummary {
            number: "SEC-7KQ3-M9PX".into(),
            state: "new".into(),
            kind: "vulnerability".into(),
            severity: Some("high".into()),
            priority: 2,
            reporter: "r@example.test".into(),
            subject: subject.into(),
            created_at: "2026-11-24T10:00:00Z".into(),
            owner: None,
            merged_into: None,
        }
    }

    #[test]
    fn describe_parse_shows_every_vector_and_says_which_decides() {
        let body = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n\
                    CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\n";
        let report = report::extract(&report::ReportInput {
            subject: "",
            body,
            recipients: &[],
            desk_address: "security@example.test",
        });
        let out = ParseOutput {
            kind: report.kind.as_str(),
            kind_basis: report.kind_basis,
            kind_quote: None,
            language: report.language.as_str(),
            subject: String::new(),
            from: None,
            description: None,
            cve_ids: vec![],
            cvss: report.cvss,
            cvss_vectors: report.cvss_vectors,
            reported_score: None,
            remediation: None,
            customer_message: None,
            missing: vec![],
            auto_submitted: false,
        };
        let text = describe_parse(&out);
        assert!(
            text.contains(
                "CVSS:             CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N = 8.5 (high)\n\
                 \x20                 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H = 9.8 (critical), not used for severity\n"
            ),
            "{text}"
        );
        let json = serde_json::to_value(&out).expect("json");
        assert_eq!(json["cvss"]["version"], "4.0");
        assert_eq!(json["cvss_vectors"][0]["version"], "3.1");
        assert_eq!(json["cvss_vectors"][1]["base_score"], 8.5);
    }

    #[test]
    fn since_reads_dates_instants_and_spans() {
        assert_eq!(since_millis("7d", NOW), Ok(NOW - 7 * 86_400_000));
        assert_eq!(since_millis("12h", NOW), Ok(NOW - 12 * 3_600_000));
        assert_eq!(since_millis("2026-11-01", NOW), Ok(1_793_491_200_000));
        assert_eq!(
            since_millis("2026-11-01T12:00:00+01:00", NOW),
            Ok(1_793_530_800_000)
        );
        for bad in ["yesterday", "7w", "-3d", "", "2026-13-01"] {
            assert!(since_millis(bad, NOW).is_err(), "{bad}");
        }
    }

    #[test]
    fn filters_become_a_query_and_typos_are_errors() {
        let filters = ListFilters {
            state: Some("open".into()),
            severity: Some("HIGH".into()),
            priority: Some("P1".into()),
            owner: Some("none".into()),
            reporter: Some("<Rita@Example.test>".into()),
            cve: Some("cve-2024-6387".into()),
            kind: Some("Incident".into()),
            since: Some("1d".into()),
            search: Some("  token leak ".into()),
            overdue: true,
        };
        let q = filters.query(NOW).expect("valid filters");
        assert!(q.open && q.unowned);
        assert_eq!(q.state, None);
        assert_eq!(q.severity.as_deref(), Some("high"));
        assert_eq!(q.priority, Some(1));
        assert_eq!(q.reporter.as_deref(), Some("rita@example.test"));
        assert_eq!(q.cve.as_deref(), Some("CVE-2024-6387"));
        assert_eq!(q.kind.as_deref(), Some("incident"));
        assert_eq!(q.since, Some(NOW - 86_400_000));
        assert_eq!(q.search.as_deref(), Some("token leak"));
        assert_eq!(q.overdue_at, Some(NOW));
        for bad in [
            ListFilters {
                state: Some("done".into()),
                ..ListFilters::default()
            },
            ListFilters {
                severity: Some("huge".into()),
                ..ListFilters::default()
            },
            ListFilters {
                priority: Some("7".into()),
                ..ListFilters::default()
            },
            ListFilters {
                cve: Some("2024-6387".into()),
                ..ListFilters::default()
            },
            ListFilters {
                kind: Some("bug".into()),
                ..ListFilters::default()
            },
        ] {
            assert!(bad.query(NOW).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_defuses_formulas() {
        let csv = tickets_csv(&[
            summary("XSS, \"stored\"\nin profile"),
            summary("=HYPERLINK(1)"),
        ]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "number,state,kind,severity,priority,created_at,owner,reporter,merged_into,subject"
        );
        assert!(
            csv.contains(",\"XSS, \"\"stored\"\"\nin profile\"\r\n"),
            "{csv}"
        );
        assert!(csv.ends_with(",'=HYPERLINK(1)\r\n"), "{csv}");
    }

    #[test]
    fn an_exported_csv_row_has_a_field_per_header_column_quoted_where_needed() {
        let cvss = |vector: &str, version: &str, base_score| crate::store::CvssView {
            vector: vector.into(),
            version: version.into(),
            base_score,
            severity: "high".into(),
        };
        let main = cvss("CVSS:4.0/AV:N/AC:L", "4.0", 8.7);
        let ticket = crate::store::TicketExport {
            number: "SEC-7KQ3-M9PX".into(),
            state: "new".into(),
            kind: "vulnerability".into(),
            severity: Some("high".into()),
            priority: 2,
            reporter: "r@example.test".into(),
            subject: "XSS, \"stored\"\nin profile".into(),
            language: "en".into(),
            created_at: "2026-11-24T10:00:00Z".into(),
            outcome: None,
            triage_due_at: Some("2026-11-25T10:00:00Z".into()),
            cve_ids: vec!["CVE-2024-1".into(), "CVE-2024-2".into()],
            cvss: Some(main.clone()),
            cvss_vectors: vec![cvss("CVSS:3.1/AV:N", "3.1", 9.8), main],
            reported_score: None,
            description: Some("=cmd|' /C calc'!A0".into()),
            remediation: None,
            customer_message: None,
            missing: vec!["product".into()],
            owner: None,
            merged_into: None,
            message_count: 3,
        };
        let row = export_csv_row(&ticket);
        assert_eq!(
            row,
            "SEC-7KQ3-M9PX,new,vulnerability,high,2,r@example.test,\"XSS, \"\"stored\"\"\nin profile\",\
             en,2026-11-24T10:00:00Z,,2026-11-25T10:00:00Z,CVE-2024-1 CVE-2024-2,\
             CVSS:4.0/AV:N/AC:L,4.0,8.7,high,CVSS:3.1/AV:N CVSS:4.0/AV:N/AC:L,,\
             '=cmd|' /C calc'!A0,,,product,,,3\r\n"
        );
        let columns = EXPORT_CSV_HEADER.split(',').count();
        assert_eq!(columns, 25);
    }

    #[test]
    fn a_follow_up_shows_its_new_text_and_a_report_its_whole_text() {
        let message = |disposition: &str| crate::store::MessageView {
            id: 1,
            direction: "in".into(),
            disposition: disposition.into(),
            from: None,
            to: Vec::new(),
            subject: String::new(),
            message_id: None,
            at: String::new(),
            body: None,
            attachments: Vec::new(),
            auth: None,
            authenticity: None,
        };
        let text = "Thanks, fixed.\n\nOn Mon, Rita wrote:\n> the report\n".to_string();
        assert_eq!(
            text_as_read(&message("staff-reply"), text.clone()),
            "Thanks, fixed."
        );
        assert_eq!(
            text_as_read(&message("follow-up"), text.clone()),
            "Thanks, fixed."
        );
        assert_eq!(text_as_read(&message("report"), text.clone()), text);
    }
}

//! Staff commands: short lines at the top of a staff reply that steer the
//! ticket.
//!
//! ```text
//! /severity high
//! /priority 1
//! /status investigating
//!
//! Thanks, we reproduced it and asked the publisher for a fix.
//! ```
//!
//! Commands come one per line before any other text (blank lines before and
//! between them are fine); the first line that is not a command starts the
//! text, so a `/path/to/file` in the text is never read as one. A line counts
//! as a command when it is `/` and a word of letters, `-` or `_`, followed by
//! the end of the line, a space or a colon (`/severity: high`); `/etc/passwd`
//! on the first line is text.
//!
//! | command                      | Italian alias                    | value                                   |
//! |------------------------------|----------------------------------|-----------------------------------------|
//! | `/severity`                  | `/gravità`, `/gravita`           | none, low, medium, high, critical (nessuna, bassa, media, alta, critica) |
//! | `/priority`                  | `/priorità`, `/priorita`         | 1 to 4, also written `P1`               |
//! | `/status`                    | `/stato`                         | new, triaged, investigating, awaiting-reporter, closed (nuovo, valutato, in-analisi, in-attesa, chiuso) |
//! | `/outcome`                   | `/esito`                         | modification-requested, offer-removed, no-action (modifica-richiesta, offerta-rimossa, nessuna-azione) |
//! | `/close`                     | `/chiudi`                        | none; the same as `/status closed`      |
//! | `/internal`                  | `/interno`                       | none; nothing of this reply is relayed  |
//! | `/customer-message`          | `/messaggio-clienti`             | the agreed text, on the same line or on all the lines after it |
//! | `/assign`                    | `/assegna`                       | a staff address: the ticket's owner     |
//! | `/take`                      | `/prendi`                        | none; the sender becomes the owner      |
//! | `/unassign`                  | `/rilascia`                      | none; nobody owns the ticket            |
//! | `/cc`                        | `/aggiungi`                      | addresses (comma-separated) joining the conversation; the reporter is not told |
//! | `/cc-visible`                | `/aggiungi-visibile`             | the same, and the reporter is told who joined |
//! | `/uncc`                      | `/rimuovi`                       | addresses that leave the conversation   |
//! | `/merge`                     | `/unisci`                        | a confirmation number: this ticket is merged into that one |
//! | `/reopen`                    | `/riapri`                        | none; the same as `/status reopened`    |
//! | `/revoke-link`               | `/revoca-link`                   | none; the ticket's status links stop working (the reporter's next status answer brings a new one) |
//!
//! Command names and values are case-insensitive; in values, spaces and `_`
//! may stand for `-` (`awaiting reporter`). Each kind of command may be given
//! once (`/close`, `/reopen` and `/status` are the same kind, as are
//! `/assign`, `/take` and `/unassign`, and `/cc` and `/cc-visible`).
//! Whether an address given to `/assign` is staff, and whether a `/merge`
//! target exists, is checked by the caller, which knows the desk.

use std::fmt;
use std::str::FromStr;

use crate::ticket::{Outcome, Priority, Severity, TicketState};

/// One change a staff member asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Severity(Severity),
    Priority(Priority),
    /// `/status …`, or `/close` for [`TicketState::Closed`].
    Status(TicketState),
    Outcome(Outcome),
    /// The reply is a note for the desk: nothing of it goes to the reporter.
    Internal,
    /// The message for the affected customers, as agreed with the reporter
    /// (seed step 2.iv); kept on the ticket.
    CustomerMessage(String),
    /// The owner: a staff address (lower case), or `None` for `/unassign`.
    Assign(Option<String>),
    /// `/take`: the sender becomes the owner.
    Take,
    /// Third parties (a vendor, a CERT) join the conversation; `visible`
    /// when the reporter is told who joined.
    Cc {
        addresses: Vec<String>,
        visible: bool,
    },
    /// Addresses that leave the conversation.
    Uncc(Vec<String>),
    /// Merge this ticket into the one with this number (as written; the
    /// caller checks it).
    Merge(String),
    /// Every status link of the ticket stops working (one was forwarded
    /// where it should not have been).
    RevokeLink,
}

/// A staff reply, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffReply {
    /// The commands, in the order they were written.
    pub commands: Vec<Command>,
    /// The line of each command (1-based, as in [`CommandError::line`]),
    /// for errors the caller finds (an unknown owner, a missing ticket).
    pub lines: Vec<usize>,
    /// The text after the commands, trimmed; `""` when there is none. It is
    /// relayed to the reporter unless `internal` is set, in which case it is
    /// the desk's internal note.
    pub text: String,
    /// Whether `/internal` was given, so the caller need not search `commands`.
    pub internal: bool,
}

/// A command line that could not be applied. Every such line is reported,
/// so the staff member can fix all of them in one go.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {input}: {message}")]
pub struct CommandError {
    /// 1-based, counted in the new text of the reply.
    pub line: usize,
    /// The command line as written, trimmed.
    pub input: String,
    /// What is wrong and what was expected.
    pub message: String,
}

/// Reads the commands at the top of a staff reply's new text (quotes and
/// signature already removed) and the text after them.
///
/// Returns every error at once. Whether a reply with errors is applied in
/// part is the caller's decision (it should not be: the staff member is told
/// what to fix and sends again).
pub fn parse_reply(new_text: &str) -> Result<StaffReply, Vec<CommandError>> {
    let lines: Vec<&str> = new_text.lines().collect();
    let mut commands: Vec<(Command, usize)> = Vec::new();
    let mut errors = Vec::new();
    let mut text_start = lines.len();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].trim();
        let number = index + 1;
        if line.is_empty() {
            index += 1;
            continue;
        }
        let Some((name, value)) = split_command(line) else {
            text_start = index;
            break;
        };
        let error = |message: String| CommandError {
            line: number,
            input: line.to_string(),
            message,
        };
        let command = match CommandName::parse(name) {
            Some(CommandName::CustomerMessage) if value.is_empty() => {
                // The block form: every line after this one is the message.
                let message = lines[index + 1..].join("\n").trim().to_string();
                index = lines.len();
                if message.is_empty() {
                    Err(error(format!(
                        "expected the agreed customer message after /{name}, on the same line or on the lines below it"
                    )))
                } else {
                    Ok(Command::CustomerMessage(message))
                }
            }
            Some(kind) => kind.with_value(name, value).map_err(error),
            None => Err(error(format!(
                "unknown command /{name} (expected /severity, /priority, /status, /outcome, /close, /reopen, /internal, /customer-message, /assign, /take, /unassign, /cc, /cc-visible, /uncc, /merge or /revoke-link; a line of text must not start with /)"
            ))),
        };
        match command {
            Ok(command) => {
                if let Some((_, first)) = commands
                    .iter()
                    .find(|(earlier, _)| same_kind(earlier, &command))
                {
                    errors.push(CommandError {
                        line: number,
                        input: line.to_string(),
                        message: format!(
                            "a {} command was already given on line {first}; give each command once",
                            kind_name(&command)
                        ),
                    });
                } else {
                    commands.push((command, number));
                }
            }
            Err(error) => errors.push(error),
        }
        index += 1;
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let text = lines
        .get(text_start..)
        .map(|rest| rest.join("\n").trim().to_string())
        .unwrap_or_default();
    let (commands, lines): (Vec<Command>, Vec<usize>) = commands.into_iter().unzip();
    let internal = commands.contains(&Command::Internal);
    Ok(StaffReply {
        commands,
        lines,
        text,
        internal,
    })
}

/// Splits a command line into its name (without `/`) and its value
/// (trimmed, possibly empty); `None` when the line is not shaped like a
/// command.
fn split_command(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('/')?;
    let name_len = rest
        .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at(name_len);
    if name.is_empty() {
        return None;
    }
    let value = match after.chars().next() {
        None => "",
        Some(':') => &after[1..],
        Some(c) if c.is_whitespace() => after.trim_start().strip_prefix(':').unwrap_or(after),
        Some(_) => return None,
    };
    Some((name, value.trim()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CommandName {
    Severity,
    Priority,
    Status,
    Outcome,
    Close,
    Internal,
    CustomerMessage,
    Reopen,
    Assign,
    Take,
    Unassign,
    Cc,
    CcVisible,
    Uncc,
    Merge,
    RevokeLink,
}

impl CommandName {
    fn parse(name: &str) -> Option<CommandName> {
        let name = name.to_lowercase().replace('_', "-");
        Some(match name.as_str() {
            "severity" | "gravità" | "gravita" => CommandName::Severity,
            "priority" | "priorità" | "priorita" => CommandName::Priority,
            "status" | "state" | "stato" => CommandName::Status,
            "outcome" | "esito" => CommandName::Outcome,
            "close" | "chiudi" => CommandName::Close,
            "internal" | "interno" | "interna" => CommandName::Internal,
            "customer-message" | "messaggio-clienti" | "messaggio-cliente" => {
                CommandName::CustomerMessage
            }
            "reopen" | "riapri" => CommandName::Reopen,
            "assign" | "assegna" | "owner" => CommandName::Assign,
            "take" | "prendi" | "mine" => CommandName::Take,
            "unassign" | "rilascia" => CommandName::Unassign,
            "cc" | "aggiungi" => CommandName::Cc,
            "cc-visible" | "aggiungi-visibile" | "cc-visibile" => CommandName::CcVisible,
            "uncc" | "rimuovi" => CommandName::Uncc,
            "merge" | "unisci" => CommandName::Merge,
            "revoke-link" | "revoke-links" | "revoca-link" | "revoca-collegamento" => {
                CommandName::RevokeLink
            }
            _ => return None,
        })
    }

    /// The command with its value; `name` is as written, for the message.
    fn with_value(self, name: &str, value: &str) -> Result<Command, String> {
        let takes_no_value = |command: Command| {
            if value.is_empty() {
                Ok(command)
            } else {
                Err(format!(
                    "/{name} takes no value; put text on the lines below the commands"
                ))
            }
        };
        let needs_value = |expected: &str| -> Result<(), String> {
            if value.is_empty() {
                Err(format!("/{name} needs a value: {expected}"))
            } else {
                Ok(())
            }
        };
        let normalized = normalize(value);
        match self {
            CommandName::Severity => {
                needs_value("none, low, medium, high or critical")?;
                Severity::from_str(italian_severity(&normalized).unwrap_or(&normalized))
                    .map(Command::Severity)
            }
            CommandName::Priority => {
                needs_value("1 (most urgent) to 4, or P1 to P4")?;
                parse_priority(&normalized).map(Command::Priority)
            }
            CommandName::Status => {
                needs_value("new, triaged, investigating, awaiting-reporter or closed")?;
                TicketState::from_str(italian_state(&normalized).unwrap_or(&normalized))
                    .map(Command::Status)
            }
            CommandName::Outcome => {
                needs_value("modification-requested, offer-removed or no-action")?;
                Outcome::from_str(italian_outcome(&normalized).unwrap_or(&normalized))
                    .map(Command::Outcome)
            }
            CommandName::Close => takes_no_value(Command::Status(TicketState::Closed)),
            CommandName::Reopen => takes_no_value(Command::Status(TicketState::Reopened)),
            CommandName::Internal => takes_no_value(Command::Internal),
            CommandName::CustomerMessage => Ok(Command::CustomerMessage(value.to_string())),
            CommandName::Assign => {
                needs_value("the staff address of the new owner")?;
                let mut addresses = addresses(value)?;
                match (addresses.pop(), addresses.is_empty()) {
                    (Some(owner), true) => Ok(Command::Assign(Some(owner))),
                    _ => Err(format!(
                        "/{name} takes one address: the ticket has one owner"
                    )),
                }
            }
            CommandName::Take => takes_no_value(Command::Take),
            CommandName::RevokeLink => takes_no_value(Command::RevokeLink),
            CommandName::Unassign => takes_no_value(Command::Assign(None)),
            CommandName::Cc | CommandName::CcVisible => {
                needs_value("one or more addresses, separated by commas")?;
                Ok(Command::Cc {
                    addresses: addresses(value)?,
                    visible: self == CommandName::CcVisible,
                })
            }
            CommandName::Uncc => {
                needs_value("one or more addresses, separated by commas")?;
                addresses(value).map(Command::Uncc)
            }
            CommandName::Merge => {
                needs_value("the number of the ticket this one is merged into")?;
                let number = value.trim_matches(|c| c == '[' || c == ']').trim();
                Ok(Command::Merge(number.to_ascii_uppercase()))
            }
        }
    }
}

/// A list of mail addresses, separated by commas, semicolons or spaces, as
/// written in a command or pasted from a client: `<a@x>`, `Name <a@x>`,
/// `mailto:`, Outlook's `a@x<mailto:a@x>` and case are tolerated (a display
/// name is dropped); anything else that is not an address is an error.
fn addresses(value: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for item in value
        .split([',', ';'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
    {
        // `Name <a@x>` and `a@x<mailto:a@x>`: the part in angle brackets counts
        let candidates: Vec<&str> = match (item.find('<'), item.rfind('>')) {
            (Some(open), Some(close)) if open < close => vec![&item[open + 1..close]],
            _ => item.split_whitespace().collect(),
        };
        for candidate in candidates {
            let address = crate::message::normalize_address(candidate);
            if !is_address(&address) {
                return Err(format!("{candidate:?} is not a mail address"));
            }
            if !out.contains(&address) {
                out.push(address);
            }
        }
    }
    Ok(out)
}

/// `local@domain.tld`, with no spaces, brackets or second `@`.
fn is_address(address: &str) -> bool {
    address.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && address
                .chars()
                .all(|c| c.is_alphanumeric() || "@.-_+=!#$%&'*/?^`{|}~".contains(c))
    })
}

/// Lower case, with runs of spaces and `_` turned into one `-`.
fn normalize(value: &str) -> String {
    value
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn parse_priority(value: &str) -> Result<Priority, String> {
    let digits = value.strip_prefix('p').unwrap_or(value);
    match digits.parse::<u8>() {
        Ok(level) => Priority::new(level),
        Err(_) => Err(format!(
            "unknown priority {value:?} (expected 1, the most urgent, to 4, or P1 to P4)"
        )),
    }
}

/// The English severity for an Italian name (`alta` → `high`).
pub(crate) fn italian_severity(value: &str) -> Option<&'static str> {
    Some(match value {
        "nessuna" => "none",
        "bassa" => "low",
        "media" => "medium",
        "alta" => "high",
        "critica" => "critical",
        _ => return None,
    })
}

/// The English state for an Italian name (`in-analisi` → `investigating`).
pub(crate) fn italian_state(value: &str) -> Option<&'static str> {
    Some(match value {
        "nuovo" => "new",
        "valutato" | "smistato" | "classificato" => "triaged",
        "in-analisi" | "in-corso" => "investigating",
        "in-attesa" | "in-attesa-segnalatore" => "awaiting-reporter",
        "chiuso" => "closed",
        "riaperto" => "reopened",
        _ => return None,
    })
}

fn italian_outcome(value: &str) -> Option<&'static str> {
    Some(match value {
        "modifica-richiesta" | "richiesta-modifica" => "modification-requested",
        "offerta-rimossa" | "rimozione-offerta" => "offer-removed",
        "nessuna-azione" => "no-action",
        _ => return None,
    })
}

fn same_kind(a: &Command, b: &Command) -> bool {
    kind_name(a) == kind_name(b)
}

fn kind_name(command: &Command) -> &'static str {
    match command {
        Command::Severity(_) => "/severity",
        Command::Priority(_) => "/priority",
        Command::Status(_) => "/status (or /close, /reopen)",
        Command::Outcome(_) => "/outcome",
        Command::Internal => "/internal",
        Command::CustomerMessage(_) => "/customer-message",
        Command::Assign(_) | Command::Take => "/assign (or /take, /unassign)",
        Command::Cc { .. } => "/cc (or /cc-visible)",
        Command::Uncc(_) => "/uncc",
        Command::Merge(_) => "/merge",
        Command::RevokeLink => "/revoke-link",
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Command::Severity(severity) => write!(f, "/severity {severity}"),
            Command::Priority(priority) => write!(f, "/priority {}", priority.level()),
            Command::Status(state) => write!(f, "/status {state}"),
            Command::Outcome(outcome) => write!(f, "/outcome {outcome}"),
            Command::Internal => f.write_str("/internal"),
            Command::CustomerMessage(text) => write!(f, "/customer-message {text}"),
            Command::Assign(Some(owner)) => write!(f, "/assign {owner}"),
            Command::Assign(None) => f.write_str("/unassign"),
            Command::Take => f.write_str("/take"),
            Command::Cc { addresses, visible } => write!(
                f,
                "/cc{} {}",
                if *visible { "-visible" } else { "" },
                addresses.join(", ")
            ),
            Command::Uncc(addresses) => write!(f, "/uncc {}", addresses.join(", ")),
            Command::Merge(number) => write!(f, "/merge {number}"),
            Command::RevokeLink => f.write_str("/revoke-link"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> StaffReply {
        match parse_reply(text) {
            Ok(reply) => reply,
            Err(errors) => panic!("{text:?} was rejected: {errors:?}"),
        }
    }

    fn errors(text: &str) -> Vec<CommandError> {
        match parse_reply(text) {
            Ok(reply) => panic!("{text:?} was accepted: {reply:?}"),
            Err(errors) => errors,
        }
    }

    fn priority(level: u8) -> Command {
        Command::Priority(Priority::new(level).expect("valid level"))
    }

    #[test]
    fn commands_at_the_top_are_read_and_the_rest_is_the_text() {
        let reply = parsed(
            "/severity high\n/priority 1\n/status investigating\n/outcome modification-requested\n\nThanks, we reproduced it.\n\nThe desk",
        );
        assert_eq!(
            reply.commands,
            vec![
                Command::Severity(Severity::High),
                priority(1),
                Command::Status(TicketState::Investigating),
                Command::Outcome(Outcome::ModificationRequested),
            ]
        );
        assert_eq!(reply.text, "Thanks, we reproduced it.\n\nThe desk");
        assert!(!reply.internal);
    }

    #[test]
    fn a_reply_without_commands_is_all_text() {
        let reply = parsed("Thanks, we are on it.\n");
        assert!(reply.commands.is_empty());
        assert_eq!(reply.text, "Thanks, we are on it.");
    }

    #[test]
    fn a_reply_with_only_commands_has_empty_text() {
        let reply = parsed("/close\n\n");
        assert_eq!(reply.commands, vec![Command::Status(TicketState::Closed)]);
        assert_eq!(reply.text, "");
        assert_eq!(parsed("").text, "");
    }

    #[test]
    fn leading_and_separating_blank_lines_are_allowed() {
        let reply = parsed("\n\n/severity low\n\n/priority 3\nText");
        assert_eq!(
            reply.commands,
            vec![Command::Severity(Severity::Low), priority(3)]
        );
        assert_eq!(reply.text, "Text");
    }

    #[test]
    fn slash_lines_after_the_text_starts_are_text() {
        let reply = parsed("/priority 2\nSee /var/log/app.log\n/severity high\n");
        assert_eq!(reply.commands, vec![priority(2)]);
        assert_eq!(reply.text, "See /var/log/app.log\n/severity high");
    }

    #[test]
    fn a_path_on_the_first_line_is_text_not_an_unknown_command() {
        let reply = parsed("/etc/passwd is readable by everyone.");
        assert!(reply.commands.is_empty());
        assert_eq!(reply.text, "/etc/passwd is readable by everyone.");
    }

    #[test]
    fn names_and_values_are_case_insensitive_and_a_colon_is_allowed() {
        let reply = parsed("/SEVERITY: Critical\n/Priority:P2\n/status : Awaiting Reporter");
        assert_eq!(
            reply.commands,
            vec![
                Command::Severity(Severity::Critical),
                priority(2),
                Command::Status(TicketState::AwaitingReporter),
            ]
        );
    }

    #[test]
    fn priority_accepts_a_digit_or_p_and_a_digit() {
        for text in ["/priority 1", "/priority P1", "/priority p1"] {
            assert_eq!(parsed(text).commands, vec![priority(1)], "{text}");
        }
    }

    #[test]
    fn italian_aliases_are_understood() {
        let reply = parsed(
            "/gravità alta\n/priorità 2\n/stato in analisi\n/esito offerta rimossa\n/interno\nNota per il desk.",
        );
        assert_eq!(
            reply.commands,
            vec![
                Command::Severity(Severity::High),
                priority(2),
                Command::Status(TicketState::Investigating),
                Command::Outcome(Outcome::OfferRemoved),
                Command::Internal,
            ]
        );
        assert!(reply.internal);
        assert_eq!(
            parsed("/chiudi").commands,
            vec![Command::Status(TicketState::Closed)]
        );
        assert_eq!(
            parsed("/gravita critica").commands,
            vec![Command::Severity(Severity::Critical)]
        );
    }

    #[test]
    fn every_outcome_is_accepted() {
        for (value, outcome) in [
            ("modification-requested", Outcome::ModificationRequested),
            ("offer-removed", Outcome::OfferRemoved),
            ("no-action", Outcome::NoAction),
            ("no action", Outcome::NoAction),
        ] {
            assert_eq!(
                parsed(&format!("/outcome {value}")).commands,
                vec![Command::Outcome(outcome)]
            );
        }
    }

    #[test]
    fn internal_marks_the_reply_and_keeps_the_note() {
        let reply = parsed("/internal\nThe publisher is slow, chase them on Monday.");
        assert_eq!(reply.commands, vec![Command::Internal]);
        assert!(reply.internal);
        assert_eq!(reply.text, "The publisher is slow, chase them on Monday.");
    }

    #[test]
    fn customer_message_on_the_same_line_leaves_the_text_below() {
        let reply = parsed(
            "/customer-message Please update to version 2.4.\n/outcome modification-requested\nHi, we agreed the message above.",
        );
        assert_eq!(
            reply.commands,
            vec![
                Command::CustomerMessage("Please update to version 2.4.".to_string()),
                Command::Outcome(Outcome::ModificationRequested),
            ]
        );
        assert_eq!(reply.text, "Hi, we agreed the message above.");
    }

    #[test]
    fn customer_message_block_takes_every_line_after_it() {
        let reply = parsed(
            "/outcome offer-removed\n/customer-message\n\nDear customer,\n\nthe offer was removed.\n/close is not a command here.\n",
        );
        assert_eq!(
            reply.commands,
            vec![
                Command::Outcome(Outcome::OfferRemoved),
                Command::CustomerMessage(
                    "Dear customer,\n\nthe offer was removed.\n/close is not a command here."
                        .to_string()
                ),
            ]
        );
        assert_eq!(reply.text, "");
    }

    #[test]
    fn empty_customer_message_is_an_error() {
        let errors = errors("/customer-message\n\n");
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .message
                .contains("expected the agreed customer message")
        );
    }

    #[test]
    fn bad_value_error_names_the_line_and_what_was_expected() {
        let errors = errors("/priority 1\n/severity hgh\nText");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 2);
        assert_eq!(errors[0].input, "/severity hgh");
        assert_eq!(
            errors[0].to_string(),
            "line 2: /severity hgh: unknown severity \"hgh\" (expected none, low, medium, high or critical)"
        );
    }

    #[test]
    fn every_mistake_is_reported_at_once() {
        let errors = errors(
            "/sevrity high\n/priority 7\n/status done\n/outcome maybe\n/close now\n/internal yes\n/severity\n",
        );
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![1, 2, 3, 4, 5, 6, 7]);
        assert!(
            errors[0]
                .message
                .starts_with("unknown command /sevrity (expected /severity")
        );
        assert!(
            errors[1]
                .message
                .contains("priority must be 1 (most urgent) to 4, not 7")
        );
        assert!(errors[2].message.contains("unknown state \"done\""));
        assert!(errors[3].message.contains("unknown outcome \"maybe\""));
        assert!(errors[4].message.contains("/close takes no value"));
        assert!(errors[5].message.contains("/internal takes no value"));
        assert!(errors[6].message.contains("/severity needs a value"));
    }

    #[test]
    fn unparsable_priority_says_what_was_expected() {
        let errors = errors("/priority urgent");
        assert_eq!(
            errors[0].message,
            "unknown priority \"urgent\" (expected 1, the most urgent, to 4, or P1 to P4)"
        );
    }

    #[test]
    fn a_duplicate_command_of_the_same_kind_is_an_error() {
        let errors = errors("/severity high\n/severity low\n");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 2);
        assert!(errors[0].message.contains("already given on line 1"));
        let errors = super::tests::errors("/status investigating\n/close\n");
        assert_eq!(errors[0].line, 2);
        assert!(errors[0].message.contains("/status (or /close, /reopen)"));
    }

    #[test]
    fn error_line_numbers_count_leading_blank_lines() {
        let errors = errors("\n\n/priority 9\n");
        assert_eq!(errors[0].line, 3);
    }

    #[test]
    fn ownership_commands_name_one_staff_owner_or_none() {
        assert_eq!(
            parsed("/assign <Anna@Example.TEST>").commands,
            vec![Command::Assign(Some("anna@example.test".into()))]
        );
        assert_eq!(parsed("/prendi").commands, vec![Command::Take]);
        assert_eq!(parsed("/rilascia").commands, vec![Command::Assign(None)]);
        let wrong = errors("/assign a@example.test, b@example.test\n/take now\n/assign\n");
        assert!(wrong[0].message.contains("one owner"), "{wrong:?}");
        assert!(wrong[1].message.contains("/take takes no value"));
        assert!(wrong[2].message.contains("needs a value"));
        let twice = errors("/take\n/assign a@example.test\n");
        assert!(twice[0].message.contains("already given on line 1"));
    }

    #[test]
    fn cc_takes_a_list_of_addresses_and_says_whether_the_reporter_is_told() {
        assert_eq!(
            parsed("/cc psirt@vendor.example, CERT@cert.example; psirt@vendor.example").commands,
            vec![Command::Cc {
                addresses: vec!["psirt@vendor.example".into(), "cert@cert.example".into()],
                visible: false
            }]
        );
        assert_eq!(
            parsed("/aggiungi-visibile mailto:psirt@vendor.example\n/rimuovi old@x.example")
                .commands,
            vec![
                Command::Cc {
                    addresses: vec!["psirt@vendor.example".into()],
                    visible: true
                },
                Command::Uncc(vec!["old@x.example".into()]),
            ]
        );
        assert_eq!(
            parsed("/cc Vendor PSIRT <PSIRT@vendor.example>, cert@cert.example<mailto:cert@cert.example>")
                .commands,
            vec![Command::Cc {
                addresses: vec!["psirt@vendor.example".into(), "cert@cert.example".into()],
                visible: false
            }]
        );
        for bad in [
            "/cc vendor",
            "/cc a@b",
            "/cc @x.example",
            "/uncc a@@x.example",
        ] {
            let e = errors(bad);
            assert!(
                e[0].message.contains("is not a mail address"),
                "{bad}: {e:?}"
            );
        }
    }

    #[test]
    fn merge_takes_the_target_number_and_reopen_is_a_state() {
        assert_eq!(
            parsed("/merge [sec-7kq3-m9px]").commands,
            vec![Command::Merge("SEC-7KQ3-M9PX".into())]
        );
        assert_eq!(
            parsed("/unisci SEC-7KQ3-M9PX").commands,
            vec![Command::Merge("SEC-7KQ3-M9PX".into())]
        );
        assert_eq!(
            parsed("/riapri").commands,
            vec![Command::Status(TicketState::Reopened)]
        );
        assert_eq!(
            parsed("/stato riaperto").commands,
            vec![Command::Status(TicketState::Reopened)]
        );
        assert!(errors("/merge")[0].message.contains("needs a value"));
        assert!(
            errors("/reopen\n/close")[0]
                .message
                .contains("already given")
        );
    }

    #[test]
    fn commands_display_in_their_canonical_form() {
        let reply = parsed("/gravità alta\n/priorità P1\n/chiudi");
        let shown: Vec<String> = reply.commands.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["/severity high", "/priority 1", "/status closed"]);
    }
}

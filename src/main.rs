//! The `secdesk` binary: parses arguments and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use secdesk::config::{Config, LogFormat};
use secdesk::message::Limits;

#[derive(Parser)]
#[command(name = "secdesk", version, about = "A security desk run by email")]
struct Cli {
    /// The config file (TOML); SECDESK_* environment variables override it.
    #[arg(
        long,
        short,
        global = true,
        env = "SECDESK_CONFIG",
        default_value = "secdesk.toml"
    )]
    config: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the desk: read the mailbox, answer, send.
    Run,
    /// Create or update the database schema, then exit.
    Migrate,
    /// Check the config file and say what is wrong, key by key.
    CheckConfig,
    /// Check the config against the real servers: DNS, TLS certificates,
    /// IMAP login and folders, SMTP login, database and migrations,
    /// templates. Changes nothing, sends nothing; one line per check.
    Doctor,
    /// Show what the desk would understand of a mail file (no side effects).
    Parse {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Take in a backlog of mail through the same pipeline as the mailbox:
    /// an mbox file (mboxrd/mboxo), a Maildir (cur/ and new/), a directory
    /// of .eml files, or one .eml file. Mail already stored is skipped, so
    /// an interrupted import is simply run again. Needs only the database
    /// and the templates: no IMAP, no SMTP.
    Import {
        /// The mbox file, Maildir, directory of .eml files or .eml file.
        path: PathBuf,
        /// Queue the acknowledgments and staff notifications the mail calls
        /// for; the next `secdesk run` sends them. Without it nothing is
        /// queued: they are recorded on each ticket as suppressed.
        #[arg(long)]
        send_acks: bool,
    },
    /// Look at tickets.
    Tickets {
        #[command(subcommand)]
        command: TicketsCommand,
    },
    /// Mail kept because it could not be processed.
    Quarantine {
        #[command(subcommand)]
        command: QuarantineCommand,
    },
    /// Files that came with the mail of a ticket.
    Attachments {
        #[command(subcommand)]
        command: AttachmentsCommand,
    },
    /// The desk's OpenPGP key.
    Pgp {
        #[command(subcommand)]
        command: PgpCommand,
    },
}

#[derive(Subcommand)]
enum PgpCommand {
    /// Generate the desk's key into pgp.key_file (never over an existing
    /// one) and print the public key and the security.txt lines.
    Init {
        /// Where the public key will be published (security.txt's
        /// `Encryption:`), e.g. https://example.com/.well-known/pgp-key.asc
        #[arg(long)]
        public_key_url: String,
    },
}

#[derive(Subcommand)]
enum AttachmentsCommand {
    /// Write one attachment's exact bytes to a file (or to a pipe). Files
    /// held back as dangerous are fetched only this way: open them with care.
    Get {
        /// The attachment's id (`tickets show`) or its SHA-256 (notifications).
        id: String,
        /// Where to write; refuses to overwrite. Without it the bytes go to
        /// standard output, which must not be a terminal.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum QuarantineCommand {
    /// Every quarantined mail with its reason.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One quarantined mail: reason and the start of its raw text.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Process a quarantined mail again (after a fix or a raised limit).
    Retry { id: i64 },
}

#[derive(Subcommand)]
enum TicketsCommand {
    /// Newest tickets first; every filter given narrows the list.
    List {
        #[arg(long)]
        json: bool,
        /// `table` (default), `json` or `csv`.
        #[arg(long, value_enum, default_value_t = secdesk::cli::ListFormat::Table)]
        format: secdesk::cli::ListFormat,
        #[command(flatten)]
        filters: Box<secdesk::cli::ListFilters>,
        #[arg(long, default_value_t = 100)]
        limit: i64,
        /// Every ticket that matches, however many.
        #[arg(long)]
        all: bool,
    },
    /// Every ticket the filters select, oldest first, with every field
    /// `tickets show --json` has at ticket level and its message count,
    /// streamed from the database to standard output as it is read.
    Export {
        /// How the tickets are written.
        #[arg(long, value_enum)]
        format: secdesk::cli::ExportFormat,
        #[command(flatten)]
        filters: Box<secdesk::cli::ListFilters>,
    },
    /// Every change of a ticket: state, severity, priority, owner,
    /// participants, outcome, merges; who and when.
    History {
        number: String,
        #[arg(long)]
        json: bool,
    },
    /// One ticket with its messages, their text and their attachments.
    Show {
        number: String,
        #[arg(long)]
        json: bool,
        /// Each message's whole text, quotes included (by default a
        /// follow-up shows only its new text, as the desk read it).
        #[arg(long)]
        raw: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // an import logs each ticket at info, and old mail warns of every
    // unverified sender: thousands of lines through its progress bar. Its
    // summary counts them; on a terminal only errors interrupt the bar
    let default_filter = match cli.command {
        Command::Import { .. } if std::io::IsTerminal::is_terminal(&std::io::stderr()) => "error",
        Command::Import { .. } => "warn",
        _ => "secdesk=info,warn",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("SECDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_filter));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let format = match log_format(&cli.config) {
        Ok(format) => format,
        Err(message) => {
            eprintln!("secdesk: {message}");
            return ExitCode::FAILURE;
        }
    };
    match format {
        LogFormat::Text => logs.init(),
        // one object per line; the span of the mail in hand (its UID and
        // Message-ID) and the event's own fields (ticket number...) in it
        LogFormat::Json => logs
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .flatten_event(true)
            .init(),
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("secdesk: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(execute(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("secdesk: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `log.format`, known before the logger starts: from its variable when
/// set (so even a config that does not load is reported in that format),
/// else from the config file; text when neither says.
fn log_format(config: &std::path::Path) -> Result<LogFormat, String> {
    match std::env::var("SECDESK_LOG_FORMAT") {
        Ok(value) => LogFormat::parse(&value).map_err(|e| format!("SECDESK_LOG_FORMAT {e}")),
        Err(_) => Ok(Config::load(config)
            .map(|c| c.log.format)
            .unwrap_or_default()),
    }
}

fn load(path: &std::path::Path) -> Result<Config, String> {
    Config::load(path).map_err(|e| format!("invalid config {}:\n{e}", path.display()))
}

async fn execute(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Run => {
            let config = load(&cli.config)?;
            let (trigger, shutdown) = secdesk::shutdown::channel();
            tokio::spawn(async move {
                wait_for_signal().await;
                tracing::info!("stopping: finishing the mail in hand");
                trigger.trigger();
            });
            secdesk::run(config, shutdown)
                .await
                .map_err(|e| e.to_string())
        }
        Command::Migrate => {
            let config = load(&cli.config)?;
            secdesk::cli::open_store(&config)
                .await
                .map_err(|e| e.to_string())?;
            println!("database schema is up to date");
            Ok(())
        }
        Command::CheckConfig => {
            let config = load(&cli.config)?;
            secdesk::daemon::desk_context(
                &config,
                std::sync::Arc::new(secdesk::clock::SystemClock),
            )
            .map_err(|e| e.to_string())?;
            println!("{} is valid\n{}", cli.config.display(), config.summary());
            Ok(())
        }
        Command::Doctor => {
            let lines = secdesk::doctor::run(&cli.config).await;
            for line in &lines {
                println!("{line}");
            }
            if secdesk::doctor::failed(&lines) {
                let failed = lines
                    .iter()
                    .filter(|l| l.status == secdesk::doctor::Status::Fail)
                    .count();
                return Err(format!("{failed} of {} checks failed", lines.len()));
            }
            Ok(())
        }
        Command::Parse { file, json } => {
            // parse works without a config: limits default, no own address
            let (limits, desk) = match Config::load(&cli.config) {
                Ok(c) => (c.limits.message_limits(), c.desk.address),
                Err(_) => (Limits::default(), String::new()),
            };
            let out = secdesk::cli::parse_file(&file, &limits, &desk).map_err(|e| e.to_string())?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
                );
            } else {
                println!("{}", secdesk::cli::describe_parse(&out));
            }
            Ok(())
        }
        Command::Import { path, send_acks } => {
            let config = load(&cli.config)?;
            let summary = secdesk::import::import(&config, &path, send_acks)
                .await
                .map_err(|e| e.to_string())?;
            println!("{}", summary.describe(&path));
            Ok(())
        }
        Command::Quarantine { command } => {
            let config = load(&cli.config)?;
            let text = match command {
                QuarantineCommand::List { json } => {
                    secdesk::cli::quarantine_list(&config, json).await
                }
                QuarantineCommand::Show { id, json } => {
                    secdesk::cli::quarantine_show(&config, id, json).await
                }
                QuarantineCommand::Retry { id } => {
                    secdesk::cli::quarantine_retry(&config, id).await
                }
            }
            .map_err(|e| e.to_string())?;
            println!("{text}");
            Ok(())
        }
        Command::Tickets { command } => {
            let config = load(&cli.config)?;
            let text = match command {
                TicketsCommand::List {
                    json,
                    format,
                    filters,
                    limit,
                    all,
                } => {
                    let format = if json {
                        secdesk::cli::ListFormat::Json
                    } else {
                        format
                    };
                    let limit = if all { i64::MAX } else { limit };
                    secdesk::cli::tickets_list(&config, &filters, format, limit).await
                }
                TicketsCommand::History { number, json } => {
                    secdesk::cli::tickets_history(&config, &number, json).await
                }
                TicketsCommand::Show { number, json, raw } => {
                    secdesk::cli::tickets_show(&config, &number, json, raw).await
                }
                // streamed as it is read, not printed as one text
                TicketsCommand::Export { format, filters } => {
                    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                    return secdesk::cli::tickets_export(&config, &filters, format, &mut out)
                        .await
                        .map(|_| ())
                        .map_err(|e| e.to_string());
                }
            }
            .map_err(|e| e.to_string())?;
            println!("{text}");
            Ok(())
        }
        Command::Pgp {
            command: PgpCommand::Init { public_key_url },
        } => {
            let config = load(&cli.config)?;
            let text =
                secdesk::cli::pgp_init(&config, &public_key_url).map_err(|e| e.to_string())?;
            println!("{text}");
            Ok(())
        }
        Command::Attachments { command } => {
            let config = load(&cli.config)?;
            match command {
                AttachmentsCommand::Get { id, output } => {
                    let said = secdesk::cli::attachments_get(&config, &id, output.as_deref())
                        .await
                        .map_err(|e| e.to_string())?;
                    eprintln!("{said}");
                }
            }
            Ok(())
        }
    }
}

async fn wait_for_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
        }
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

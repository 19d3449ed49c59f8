//! The SMTP connections the sender uses: lettre's protocol code over sockets
//! we open ourselves with `TCP_NODELAY`.
//!
//! Why not lettre's own pool: it writes a message's body and its final
//! `.` in two writes on a socket with Nagle's algorithm on, so every mail
//! waits for the server's delayed ACK (~40 ms) — about 25 mails/s per
//! connection however fast the server is (BENCHMARKS.md).

use std::sync::Arc;
use std::time::Duration;

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, Certificate, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use tokio::net::TcpStream;
use tokio::sync::Mutex;

use crate::config::{Encryption, SmtpConfig};

/// A failed attempt to hand over a mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub message: String,
    /// A 5xx answer or a bad address: retrying cannot help.
    pub permanent: bool,
}

impl Failure {
    fn transient(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            permanent: false,
        }
    }

    fn from_smtp(e: &lettre::transport::smtp::Error) -> Failure {
        Failure {
            message: e.to_string(),
            permanent: e.is_permanent(),
        }
    }
}

/// How far a connection got before it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// TCP, the greeting, EHLO (and the TLS handshake with `tls`).
    Connect,
    Starttls,
    /// SMTP AUTH with `smtp.username` and `smtp.password`.
    Login,
}

/// What a test connection found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probed {
    /// The name the server gave in its EHLO answer.
    pub server: String,
    /// Whether it logged in (credentials are configured).
    pub logged_in: bool,
}

/// Open connections, reused while they work.
#[derive(Clone)]
pub struct SmtpPool {
    host: String,
    port: u16,
    encryption: Encryption,
    tls: Option<TlsParameters>,
    credentials: Option<Credentials>,
    hello: ClientId,
    timeout: Duration,
    idle: Arc<Mutex<Vec<AsyncSmtpConnection>>>,
}

impl SmtpPool {
    /// Check the config (CA file, TLS) and prepare; connects lazily.
    pub fn new(cfg: &SmtpConfig) -> Result<SmtpPool, String> {
        let tls = match cfg.encryption {
            Encryption::None => None,
            Encryption::Tls | Encryption::Starttls => {
                let mut builder = TlsParameters::builder(cfg.host.clone());
                if let Some(path) = &cfg.ca_file {
                    let pem = std::fs::read(path)
                        .map_err(|e| format!("cannot read smtp.ca_file {}: {e}", path.display()))?;
                    let cert = Certificate::from_pem(&pem)
                        .map_err(|e| format!("smtp.ca_file {}: {e}", path.display()))?;
                    builder = builder.add_root_certificate(cert);
                }
                Some(builder.build_rustls().map_err(|e| e.to_string())?)
            }
        };
        let credentials = match (&cfg.username, &cfg.password) {
            (Some(user), Some(password)) => Some(Credentials::new(
                user.clone(),
                password.expose().to_string(),
            )),
            _ => None,
        };
        Ok(SmtpPool {
            host: cfg.host.clone(),
            port: cfg.port,
            encryption: cfg.encryption,
            tls,
            credentials,
            hello: ClientId::default(),
            timeout: Duration::from_secs(cfg.timeout_secs.max(1)),
            idle: Arc::new(Mutex::new(Vec::new())),
        })
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, Failure> {
        self.connect_in_stages()
            .await
            .map_err(|(_, failure)| failure)
    }

    /// A connection ready for mail, or where it failed: the doctor tells a
    /// server nobody answers on from a login the server refused.
    async fn connect_in_stages(&self) -> Result<AsyncSmtpConnection, (Stage, Failure)> {
        let smtp = |stage| move |e: lettre::transport::smtp::Error| (stage, Failure::from_smtp(&e));
        let mut conn = match (&self.encryption, &self.tls) {
            // TLS from the first byte: lettre opens that socket itself
            (Encryption::Tls, tls) => AsyncSmtpConnection::connect_tokio1(
                (self.host.as_str(), self.port),
                Some(self.timeout),
                &self.hello,
                tls.clone(),
                None,
            )
            .await
            .map_err(smtp(Stage::Connect))?,
            (encryption, tls) => {
                let tcp = TcpStream::connect((self.host.as_str(), self.port))
                    .await
                    .map_err(|e| {
                        let message = format!("cannot connect to {}:{}: {e}", self.host, self.port);
                        (Stage::Connect, Failure::transient(message))
                    })?;
                tcp.set_nodelay(true)
                    .map_err(|e| (Stage::Connect, Failure::transient(e.to_string())))?;
                let mut conn =
                    AsyncSmtpConnection::connect_with_transport(Box::new(tcp), &self.hello)
                        .await
                        .map_err(smtp(Stage::Connect))?;
                if let (Encryption::Starttls, Some(tls)) = (encryption, tls) {
                    conn.starttls(tls.clone(), &self.hello)
                        .await
                        .map_err(smtp(Stage::Starttls))?;
                }
                conn
            }
        };
        if let Some(credentials) = &self.credentials {
            conn.auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                .await
                .map_err(smtp(Stage::Login))?;
        }
        Ok(conn)
    }

    /// Connect, EHLO, STARTTLS and AUTH as the sender does, then QUIT:
    /// nothing is sent (`secdesk doctor`, `/readyz`).
    pub async fn probe(&self) -> Result<Probed, (Stage, Failure)> {
        let attempt = async {
            let mut conn = self.connect_in_stages().await?;
            let server = conn.server_info().name().to_string();
            let _ = conn.quit().await;
            Ok(Probed {
                server,
                logged_in: self.credentials.is_some(),
            })
        };
        match tokio::time::timeout(self.timeout, attempt).await {
            Ok(result) => result,
            Err(_) => Err((
                Stage::Connect,
                Failure::transient(format!(
                    "no answer from {}:{} within {}s (smtp.timeout_secs)",
                    self.host,
                    self.port,
                    self.timeout.as_secs()
                )),
            )),
        }
    }

    /// Send one mail over a pooled connection (opened when none is free).
    pub async fn send(&self, envelope: &Envelope, raw: &[u8]) -> Result<(), Failure> {
        let attempt = async {
            let pooled = self.idle.lock().await.pop();
            let mut conn = match pooled {
                Some(conn) if !conn.has_broken() => conn,
                _ => self.connect().await?,
            };
            let result = conn.send(envelope, raw).await;
            // a refused mail leaves the session usable; a broken one is dropped
            if !conn.has_broken() {
                self.idle.lock().await.push(conn);
            }
            result.map(|_| ()).map_err(|e| Failure::from_smtp(&e))
        };
        match tokio::time::timeout(self.timeout, attempt).await {
            Ok(result) => result,
            Err(_) => Err(Failure::transient(format!(
                "no answer from {}:{} within {}s (smtp.timeout_secs)",
                self.host,
                self.port,
                self.timeout.as_secs()
            ))),
        }
    }

    /// QUIT every idle connection.
    pub async fn close(&self) {
        let idle: Vec<_> = self.idle.lock().await.drain(..).collect();
        for mut conn in idle {
            let _ = conn.quit().await;
        }
    }
}

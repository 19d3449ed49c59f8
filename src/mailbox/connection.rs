//! Opening an IMAP session: TCP, then TLS from the start, STARTTLS, or
//! nothing (loopback only, checked by the config), then LOGIN and SELECT.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use async_imap::{Client, Session};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use super::MailboxError;
use crate::config::{Encryption, ImapConfig};

/// The byte stream under an IMAP session: plain or TLS.
#[derive(Debug)]
pub enum MailStream {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

impl AsyncRead for MailStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            MailStream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            MailStream::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for MailStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        match self.get_mut() {
            MailStream::Plain(s) => Pin::new(s).poll_write(cx, buf),
            MailStream::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            MailStream::Plain(s) => Pin::new(s).poll_flush(cx),
            MailStream::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            MailStream::Plain(s) => Pin::new(s).poll_shutdown(cx),
            MailStream::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

pub type ImapSession = Session<MailStream>;

/// Connect and log in; does not select a mailbox.
pub async fn connect(cfg: &ImapConfig) -> Result<ImapSession, MailboxError> {
    let timeout = Duration::from_secs(cfg.timeout_secs.max(1));
    tokio::time::timeout(timeout, connect_inner(cfg))
        .await
        .map_err(|_| MailboxError::Connect {
            host: cfg.host.clone(),
            port: cfg.port,
            message: format!("no answer within {}s", timeout.as_secs()),
        })?
}

async fn connect_inner(cfg: &ImapConfig) -> Result<ImapSession, MailboxError> {
    let fail = |message: String| MailboxError::Connect {
        host: cfg.host.clone(),
        port: cfg.port,
        message,
    };
    let tcp = TcpStream::connect((cfg.host.as_str(), cfg.port))
        .await
        .map_err(|e| fail(e.to_string()))?;
    tcp.set_nodelay(true).map_err(|e| fail(e.to_string()))?;
    let client = match cfg.encryption {
        Encryption::Tls => {
            let tls = tls_connect(cfg, tcp).await?;
            let mut client = Client::new(MailStream::Tls(Box::new(tls)));
            read_greeting(&mut client, cfg).await?;
            client
        }
        Encryption::Starttls => {
            let mut client = Client::new(MailStream::Plain(tcp));
            read_greeting(&mut client, cfg).await?;
            client
                .run_command_and_check_ok("STARTTLS", None)
                .await
                .map_err(|e| fail(format!("STARTTLS refused: {e}")))?;
            let MailStream::Plain(tcp) = client.into_inner() else {
                return Err(fail("STARTTLS on a stream that is already TLS".into()));
            };
            let tls = tls_connect(cfg, tcp).await?;
            // RFC 3501: no greeting after STARTTLS; capabilities must be re-read
            Client::new(MailStream::Tls(Box::new(tls)))
        }
        Encryption::None => {
            let mut client = Client::new(MailStream::Plain(tcp));
            read_greeting(&mut client, cfg).await?;
            client
        }
    };
    client
        .login(&cfg.username, cfg.password.expose())
        .await
        .map_err(|(e, _)| MailboxError::Login {
            host: cfg.host.clone(),
            user: cfg.username.clone(),
            message: e.to_string(),
        })
}

async fn read_greeting(
    client: &mut Client<MailStream>,
    cfg: &ImapConfig,
) -> Result<(), MailboxError> {
    match client.read_response().await {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(MailboxError::Connect {
            host: cfg.host.clone(),
            port: cfg.port,
            message: "the server closed the connection before its greeting".into(),
        }),
        Err(e) => Err(MailboxError::Connect {
            host: cfg.host.clone(),
            port: cfg.port,
            message: format!("cannot read the greeting: {e}"),
        }),
    }
}

async fn tls_connect(
    cfg: &ImapConfig,
    tcp: TcpStream,
) -> Result<TlsStream<TcpStream>, MailboxError> {
    let fail = |message: String| MailboxError::Connect {
        host: cfg.host.clone(),
        port: cfg.port,
        message,
    };
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(path) = &cfg.ca_file {
        let certs = CertificateDer::pem_file_iter(path)
            .map_err(|e| fail(format!("cannot read imap.ca_file {}: {e}", path.display())))?;
        for cert in certs {
            let cert = cert.map_err(|e| fail(format!("imap.ca_file {}: {e}", path.display())))?;
            roots
                .add(cert)
                .map_err(|e| fail(format!("imap.ca_file {}: {e}", path.display())))?;
        }
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| fail(e.to_string()))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = ServerName::try_from(cfg.host.clone()).map_err(|e| {
        fail(format!(
            "{:?} is not a valid TLS server name: {e}",
            cfg.host
        ))
    })?;
    TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .map_err(|e| fail(format!("TLS handshake failed: {e}")))
}

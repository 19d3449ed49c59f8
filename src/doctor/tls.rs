//! The TLS edge of `secdesk doctor`: one handshake with an IMAP or SMTP
//! server as the daemon would make it (TLS from the first byte, or
//! STARTTLS after the greeting), keeping the server's certificate even when
//! it is refused, so the doctor can say what is wrong with it.

use std::path::Path;
use std::sync::{Arc, Mutex};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use rustls_pki_types::pem::PemObject;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use crate::config::Encryption;

/// Which protocol's STARTTLS to speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Imap,
    Smtp,
}

/// Where a handshake went wrong.
#[derive(Debug)]
pub enum TlsFailure {
    /// Before TLS: TCP, the greeting, STARTTLS refused.
    Connect(String),
    /// The CA file could not be read or holds no usable certificate.
    CaFile(String),
    /// The handshake itself; a refused certificate is one of these.
    Handshake(rustls::Error),
    /// The handshake failed another way (the connection dropped).
    Other(String),
}

/// What one attempt found.
#[derive(Debug)]
pub struct Handshake {
    /// The server's own certificate (DER), when it sent one.
    pub leaf: Option<Vec<u8>>,
    /// The protocol version agreed, or what failed.
    pub outcome: Result<String, TlsFailure>,
}

/// Connect to `host:port` and make the handshake `encryption` asks for
/// (not `none`), trusting the public roots and the certificates in
/// `ca_file`; `hello` is the name given in SMTP's EHLO.
pub async fn handshake(
    protocol: Protocol,
    host: &str,
    port: u16,
    encryption: Encryption,
    ca_file: Option<&Path>,
    hello: &str,
) -> Handshake {
    let seen = Arc::new(Mutex::new(None));
    let outcome = attempt(protocol, host, port, encryption, ca_file, hello, &seen).await;
    let leaf = seen.lock().ok().and_then(|mut s| s.take());
    Handshake { leaf, outcome }
}

async fn attempt(
    protocol: Protocol,
    host: &str,
    port: u16,
    encryption: Encryption,
    ca_file: Option<&Path>,
    hello: &str,
    seen: &Arc<Mutex<Option<Vec<u8>>>>,
) -> Result<String, TlsFailure> {
    let verifier = Recording {
        inner: webpki_verifier(ca_file)?,
        seen: Arc::clone(seen),
    };
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| TlsFailure::Other(e.to_string()))?
    .dangerous()
    .with_custom_certificate_verifier(Arc::new(verifier))
    .with_no_client_auth();
    let name = ServerName::try_from(host.to_string())
        .map_err(|e| TlsFailure::Connect(format!("{host:?} is not a TLS server name: {e}")))?;
    let tcp = TcpStream::connect((host, port))
        .await
        .map_err(|e| TlsFailure::Connect(format!("cannot connect to {host}:{port}: {e}")))?;
    let tcp = match (encryption, protocol) {
        (Encryption::Starttls, Protocol::Imap) => imap_starttls(tcp).await?,
        (Encryption::Starttls, Protocol::Smtp) => smtp_starttls(tcp, hello).await?,
        _ => tcp,
    };
    let tls = TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .map_err(|e| {
            match e
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<rustls::Error>())
            {
                Some(rustls) => TlsFailure::Handshake(rustls.clone()),
                None => TlsFailure::Other(e.to_string()),
            }
        })?;
    let version = tls
        .get_ref()
        .1
        .protocol_version()
        .map(|v| format!("{v:?}").replace("TLSv1_", "TLS 1."))
        .unwrap_or_default();
    Ok(version)
}

fn webpki_verifier(ca_file: Option<&Path>) -> Result<Arc<WebPkiServerVerifier>, TlsFailure> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(path) = ca_file {
        let bad = |e: &dyn std::fmt::Display| {
            TlsFailure::CaFile(format!("cannot read {}: {e}", path.display()))
        };
        let certs = CertificateDer::pem_file_iter(path).map_err(|e| bad(&e))?;
        let mut added = 0;
        for cert in certs {
            roots.add(cert.map_err(|e| bad(&e))?).map_err(|e| bad(&e))?;
            added += 1;
        }
        if added == 0 {
            return Err(bad(&"no PEM certificate in it"));
        }
    }
    WebPkiServerVerifier::builder_with_provider(
        Arc::new(roots),
        Arc::new(rustls::crypto::ring::default_provider()),
    )
    .build()
    .map_err(|e| TlsFailure::Other(e.to_string()))
}

/// The usual checks, with the server's certificate kept on the way.
#[derive(Debug)]
struct Recording {
    inner: Arc<WebPkiServerVerifier>,
    seen: Arc<Mutex<Option<Vec<u8>>>>,
}

impl ServerCertVerifier for Recording {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut seen) = self.seen.lock() {
            *seen = Some(end_entity.as_ref().to_vec());
        }
        self.inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// Longest server answer read before STARTTLS, in lines: a server that
/// talks on and on is not one to upgrade.
const MAX_LINES: usize = 64;

async fn read_line(reader: &mut BufReader<TcpStream>) -> Result<String, TlsFailure> {
    let mut line = String::new();
    match reader.read_line(&mut line).await {
        Ok(0) => Err(TlsFailure::Connect(
            "the server closed the connection".into(),
        )),
        Ok(_) => Ok(line.trim_end().to_string()),
        Err(e) => Err(TlsFailure::Connect(format!("cannot read the server: {e}"))),
    }
}

async fn send(reader: &mut BufReader<TcpStream>, command: &str) -> Result<(), TlsFailure> {
    reader
        .get_mut()
        .write_all(format!("{command}\r\n").as_bytes())
        .await
        .map_err(|e| TlsFailure::Connect(format!("cannot write to the server: {e}")))
}

/// The greeting, then `STARTTLS`, answered OK; the socket ready for TLS.
async fn imap_starttls(tcp: TcpStream) -> Result<TcpStream, TlsFailure> {
    let mut reader = BufReader::new(tcp);
    let greeting = read_line(&mut reader).await?;
    if !greeting.starts_with("* OK") {
        return Err(TlsFailure::Connect(format!(
            "not an IMAP greeting: {greeting:?}"
        )));
    }
    send(&mut reader, "d1 STARTTLS").await?;
    for _ in 0..MAX_LINES {
        let line = read_line(&mut reader).await?;
        if let Some(status) = line.strip_prefix("d1 ") {
            return if status.starts_with("OK") {
                Ok(reader.into_inner())
            } else {
                Err(TlsFailure::Connect(format!("STARTTLS refused: {status}")))
            };
        }
    }
    Err(TlsFailure::Connect("no answer to STARTTLS".into()))
}

/// One SMTP reply (its lines joined), which must have code `expect`.
async fn smtp_reply(reader: &mut BufReader<TcpStream>, expect: &str) -> Result<String, TlsFailure> {
    let mut text = Vec::new();
    for _ in 0..MAX_LINES {
        let line = read_line(reader).await?;
        let last = line.as_bytes().get(3) != Some(&b'-');
        let code_ok = line.starts_with(expect);
        text.push(line);
        if last {
            let text = text.join(" / ");
            return if code_ok {
                Ok(text)
            } else {
                Err(TlsFailure::Connect(format!("the server answered {text:?}")))
            };
        }
    }
    Err(TlsFailure::Connect(
        "the server's reply does not end".into(),
    ))
}

/// Greeting, EHLO, STARTTLS (RFC 3207); the socket ready for TLS.
async fn smtp_starttls(tcp: TcpStream, hello: &str) -> Result<TcpStream, TlsFailure> {
    let mut reader = BufReader::new(tcp);
    smtp_reply(&mut reader, "220").await?;
    send(&mut reader, &format!("EHLO {hello}")).await?;
    let ehlo = smtp_reply(&mut reader, "250").await?;
    if !ehlo.to_ascii_uppercase().contains("STARTTLS") {
        return Err(TlsFailure::Connect(
            "the server does not offer STARTTLS".into(),
        ));
    }
    send(&mut reader, "STARTTLS").await?;
    smtp_reply(&mut reader, "220").await?;
    Ok(reader.into_inner())
}

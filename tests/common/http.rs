//! A few lines of HTTP/1.1 over a plain socket, to read the daemon's web
//! side exactly as sent (status, every header, the body), and the headless
//! browser the status page is opened in.

use std::path::PathBuf;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// An answer as it came over the wire.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    /// Lower-case names.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Send `request` (the whole request, head and body) to 127.0.0.1:`port`
/// and read the answer until the server closes.
pub async fn exchange(port: u16, request: &[u8]) -> Answer {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("connect to the daemon's HTTP listener");
    stream.write_all(request).await.expect("send the request");
    let mut raw = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut raw))
        .await
        .expect("the answer within 10 s")
        .expect("read the answer");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Answer {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// `GET path`, the connection closed after the answer.
pub async fn get(port: u16, path: &str) -> Answer {
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    exchange(port, request.as_bytes()).await
}

/// Debian's Chromium (scripts/browser.sh installs it): `$SECDESK_BROWSER`,
/// else /usr/bin/chromium if it is there.
pub fn browser() -> Option<PathBuf> {
    std::env::var_os("SECDESK_BROWSER")
        .map(PathBuf::from)
        .or_else(|| Some(PathBuf::from("/usr/bin/chromium")))
        .filter(|p| p.exists())
}

/// The page at `url` as the headless browser rendered it (its DOM after
/// loading, serialised).
pub fn render(browser: &std::path::Path, url: &str) -> String {
    let profile = tempfile::tempdir().expect("a browser profile dir");
    let out = std::process::Command::new(browser)
        .args([
            "--headless",
            // as root in a container there is no user namespace to sandbox in
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-extensions",
            "--timeout=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("run the headless browser");
    assert!(
        out.status.success(),
        "the browser failed on {url}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

//! The reporter's status page (issue 13, items 1–3): the link in a real
//! acknowledgment opened in Debian's Chromium, headless; what the page
//! shows as staff work the ticket, what it never shows, and every way a
//! link is refused. The real stack, the daemon in this process.

mod common;

use common::http::{self, Answer};
use common::{
    Mail, REPORT, REPORTER, STAFF, Stack, TestDb, open_ticket_with, spawn_app, staff_config,
    staff_reply_as, wait_for_mail, wait_for_store,
};
use secdesk::config::Config;

/// `config` with the web side on a free port; returns the port.
fn with_http(config: &mut Config) -> u16 {
    let port = common::free_port();
    config.http.listen = Some(([127, 0, 0, 1], port).into());
    config.http.public_url = Some(format!("http://127.0.0.1:{port}"));
    port
}

/// The status link in a mail's text.
fn link_in(body: &str, port: u16) -> String {
    let base = format!("http://127.0.0.1:{port}/status/");
    let start = body
        .find(&base)
        .unwrap_or_else(|| panic!("no status link in:\n{body}"));
    body[start..]
        .split_whitespace()
        .next()
        .expect("the link")
        .to_owned()
}

async fn open_in_browser(browser: &std::path::Path, url: &str) -> String {
    let (browser, url) = (browser.to_owned(), url.to_owned());
    tokio::task::spawn_blocking(move || http::render(&browser, &url))
        .await
        .expect("the browser task")
}

fn path_of(url: &str) -> &str {
    &url[url.find("/status/").expect("a status path")..]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reporter_follows_the_ticket_in_a_real_browser() {
    let Some(browser) = http::browser() else {
        common::skipped(
            "no headless browser: run scripts/browser.sh install or set SECDESK_BROWSER",
        );
        return;
    };
    let stack = Stack::start();
    let db = TestDb::sqlite();
    let mut config = staff_config(&stack, &db);
    let port = with_http(&mut config);
    let app = spawn_app(config).await;

    let opened = open_ticket_with(&stack, REPORTER, "Stored XSS seen from a browser", REPORT).await;
    let ack = wait_for_mail(&stack, REPORTER, "the acknowledgment", |m| {
        m.subject.contains(&opened.number)
    })
    .await;
    let url = link_in(&ack.body, port);
    assert!(
        !opened.notification.body.contains(&url),
        "the reporter's link is not in the staff notification"
    );

    let page = open_in_browser(&browser, &url).await;
    assert!(
        page.contains(&format!("Report {}", opened.number)),
        "{page}"
    );
    assert!(page.contains("data-state=\"new\""), "{page}");
    assert!(
        page.contains("data-severity=\"high\""),
        "CVSS 8.1 from the report: {page}"
    );
    assert!(
        page.contains("stored XSS in the profile page"),
        "the report itself: {page}"
    );
    assert!(page.contains("id=\"triage-due\""), "{page}");

    // staff answer and raise the severity: the page shows both
    staff_reply_as(
        &stack,
        STAFF,
        &opened,
        "/severity critical\n/status investigating\n\nWe reproduced it and are preparing a fix.",
    )
    .await;
    wait_for_mail(&stack, REPORTER, "the relayed answer", |m| {
        m.body.contains("We reproduced it and are preparing a fix.")
    })
    .await;
    let page = open_in_browser(&browser, &url).await;
    assert!(page.contains("data-severity=\"critical\""), "{page}");
    assert!(page.contains("data-state=\"investigating\""), "{page}");
    assert!(
        page.contains("We reproduced it and are preparing a fix."),
        "{page}"
    );
    assert!(
        !page.contains("/severity"),
        "staff commands are not shown: {page}"
    );
    assert!(!page.contains(STAFF), "nor staff addresses: {page}");

    // an internal note never reaches the page
    staff_reply_as(
        &stack,
        STAFF,
        &opened,
        "/internal\n\nThe customer behind this is ACME; keep it quiet.",
    )
    .await;
    let number = opened.number.clone();
    wait_for_store("the internal note", || {
        let (store, number) = (app.store.clone(), number.clone());
        async move {
            store
                .ticket_detail(&number)
                .await
                .unwrap()
                .is_some_and(|t| t.messages.iter().any(|m| m.disposition == "internal-note"))
        }
    })
    .await;
    let page = open_in_browser(&browser, &url).await;
    assert!(!page.contains("ACME"), "{page}");
    assert!(page.contains("We reproduced it"), "{page}");

    // a wrong token looks exactly like a missing page, in the browser too
    let mut wrong = url.clone();
    let last = wrong.pop().unwrap();
    wrong.push(if last == '0' { '1' } else { '0' });
    let page = open_in_browser(&browser, &wrong).await;
    assert!(page.contains("This link does not open a page"), "{page}");
    assert!(!page.contains(&opened.number), "{page}");

    // the reporter asks for the status by mail: a new link, which works too
    Mail::new(REPORTER, &format!("Re: {}", ack.subject), "status")
        .replying_to(&ack)
        .send(&stack)
        .await;
    let answer = wait_for_mail(&stack, REPORTER, "the status answer", |m| {
        m.subject.contains("Status:")
    })
    .await;
    let second = link_in(&answer.body, port);
    assert_ne!(second, url, "every answer carries a fresh link");
    assert_eq!(http::get(port, path_of(&second)).await.status, 200);

    // staff revoke the ticket's links: both stop working
    staff_reply_as(&stack, STAFF, &opened, "/revoke-link").await;
    wait_for_store("the revocation", || {
        let (store, number) = (app.store.clone(), number.clone());
        async move {
            store
                .ticket_history(&number)
                .await
                .unwrap()
                .is_some_and(|h| h.iter().any(|e| e.field == "status-links"))
        }
    })
    .await;
    let missing = http::get(port, &format!("/status/{}", "0".repeat(40))).await;
    assert_eq!(missing.status, 404);
    for revoked in [&url, &second] {
        let answer = http::get(port, path_of(revoked)).await;
        assert_eq!(answer.status, 404, "{revoked}");
        assert_eq!(
            answer.body, missing.body,
            "a revoked link looks like any other"
        );
    }
    let page = open_in_browser(&browser, &url).await;
    assert!(page.contains("This link does not open a page"), "{page}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_that_open_nothing_are_refused_alike_and_pages_carry_their_headers() {
    let stack = Stack::start();
    let db = TestDb::sqlite();
    let mut config = staff_config(&stack, &db);
    let port = with_http(&mut config);
    config.http.requests_per_minute = 40;
    let app = spawn_app(config).await;
    let opened = open_ticket_with(&stack, REPORTER, "Headers and refusals", REPORT).await;
    let ack = wait_for_mail(&stack, REPORTER, "the acknowledgment", |m| {
        m.subject.contains(&opened.number)
    })
    .await;
    let url = link_in(&ack.body, port);

    let page = http::get(port, path_of(&url)).await;
    assert_eq!(page.status, 200, "{page:?}");
    assert_security_headers(&page);
    assert!(
        page.header("content-type")
            .unwrap_or_default()
            .starts_with("text/html")
    );

    let unknown = http::get(port, &format!("/status/{}", "ab".repeat(20))).await;
    assert_eq!(unknown.status, 404);
    assert_security_headers(&unknown);
    for path in [
        "/status/".to_owned(),
        "/status/short".to_owned(),
        "/status/..%2F..%2Fetc%2Fpasswd".to_owned(),
        "/status/../../etc/passwd".to_owned(),
        "/../../etc/passwd".to_owned(),
        format!("{}/extra", path_of(&url)),
        path_of(&url).to_uppercase(),
        "/status/%00".to_owned(),
    ] {
        let answer = http::get(port, &path).await;
        assert_eq!(answer.status, 404, "{path}: {answer:?}");
        assert_eq!(
            answer.body, unknown.body,
            "{path}: the same page for every miss"
        );
    }
    // in the same time, too: every miss costs a hash and one lookup
    let (unknown_ms, malformed_ms, hit_ms) = (
        median_ms(port, &format!("/status/{}", "cd".repeat(20))).await,
        median_ms(port, "/status/not-a-token").await,
        median_ms(port, path_of(&url)).await,
    );
    println!(
        "status page: unknown token {unknown_ms:.2} ms, malformed {malformed_ms:.2} ms, \
         working link (page drawn) {hit_ms:.2} ms (medians of 9)"
    );

    let long = format!("/status/{}", "a".repeat(5000));
    assert_eq!(http::get(port, &long).await.status, 414);
    let post = http::exchange(
        port,
        format!(
            "POST {} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello",
            path_of(&url)
        )
        .as_bytes(),
    )
    .await;
    assert_eq!(post.status, 405, "{post:?}");
    let body = http::exchange(
        port,
        format!(
            "GET {} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 100000\r\n\r\n",
            path_of(&url)
        )
        .as_bytes(),
    )
    .await;
    assert_eq!(body.status, 413, "{body:?}");
    // one client past its minute gets 429 with a wait; probes do not count
    let mut refused = None;
    for _ in 0..60 {
        let answer = http::get(port, path_of(&url)).await;
        if answer.status == 429 {
            refused = Some(answer);
            break;
        }
    }
    let refused = refused.expect("429 within the minute's 40 requests");
    assert!(refused.header("retry-after").is_some(), "{refused:?}");
    assert_eq!(http::get(port, "/healthz").await.status, 200);
    app.stop().await;
}

fn assert_security_headers(answer: &Answer) {
    let csp = answer.header("content-security-policy").unwrap_or_default();
    assert!(csp.contains("default-src 'none'"), "{answer:?}");
    assert!(
        !csp.contains("script-src"),
        "no script is ever allowed: {csp}"
    );
    assert_eq!(answer.header("cache-control"), Some("no-store"));
    assert_eq!(answer.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(answer.header("x-robots-tag"), Some("noindex, nofollow"));
    assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
}

async fn median_ms(port: u16, path: &str) -> f64 {
    let mut times = Vec::new();
    for _ in 0..9 {
        let start = std::time::Instant::now();
        let _ = http::get(port, path).await;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    times[4]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_stops_working_when_it_expires() {
    let stack = Stack::start();
    let db = TestDb::sqlite();
    let mut config = staff_config(&stack, &db);
    let port = with_http(&mut config);
    config.http.link_days = 30;
    let clock = std::sync::Arc::new(secdesk::clock::ManualClock::new(chrono::Utc::now()));
    let app = common::spawn_app_with_clock(config, clock.clone()).await;
    let opened = open_ticket_with(&stack, REPORTER, "Links expire", REPORT).await;
    let ack = wait_for_mail(&stack, REPORTER, "the acknowledgment", |m| {
        m.subject.contains(&opened.number)
    })
    .await;
    let url = link_in(&ack.body, port);
    assert_eq!(http::get(port, path_of(&url)).await.status, 200);
    clock.set(chrono::Utc::now() + chrono::TimeDelta::days(29));
    assert_eq!(
        http::get(port, path_of(&url)).await.status,
        200,
        "still within 30 days"
    );
    clock.set(chrono::Utc::now() + chrono::TimeDelta::days(31));
    let expired = http::get(port, path_of(&url)).await;
    assert_eq!(expired.status, 404);
    assert!(expired.body.contains("This link does not open a page"));
    app.stop().await;
}

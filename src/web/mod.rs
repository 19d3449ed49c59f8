//! The desk's web side, on `[http] listen`: reporters' status pages by
//! unguessable link, `/metrics` for Prometheus, `/healthz` and `/readyz`
//! for whoever runs the daemon. Read-only: nothing here changes a ticket.
//!
//! Every answer carries headers that keep a status page out of caches,
//! referrers, search engines and frames, and allow no script at all.
//! Requests other than a bodiless GET or HEAD with a short URI are refused
//! before any handler runs, and each client (IP address, an IPv6 /64) may
//! make `http.requests_per_minute` requests to the pages.

pub mod health;
pub mod limit;
pub mod status;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;

use crate::ingest::DeskContext;
use crate::outbox::sender::Transport;
use crate::outbox::smtp::Stage;
use crate::shutdown::Shutdown;
use crate::store::Store;
use crate::ticket::link::{StatusToken, link_works};
use health::{Facts, Health};
use limit::{RateLimiter, Verdict};
use status::{DeskView, StatusPages};

/// Longer URIs are refused (414): a status link is about 100 characters.
const MAX_URI_BYTES: usize = 2048;

/// Paths for operators: not rate limited (scrapers and probes poll).
const OPERATOR_PATHS: &[&str] = &["/healthz", "/readyz", "/metrics"];

const SECURITY_HEADERS: &[(header::HeaderName, &str)] = &[
    (
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ),
    (header::CACHE_CONTROL, "no-store"),
    (header::REFERRER_POLICY, "no-referrer"),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::X_FRAME_OPTIONS, "DENY"),
];

/// What the handlers read.
pub struct Web {
    pub store: Store,
    pub desk: Arc<DeskContext>,
    pub pages: StatusPages,
    pub health: Arc<Health>,
    pub smtp: Transport,
    /// The reader lease's name, on a desk that has one (PostgreSQL), and
    /// this daemon's id.
    pub lease: Option<(String, String)>,
    pub metrics: Option<PrometheusHandle>,
    pub limiter: Mutex<RateLimiter>,
}

/// The router, with its guards, over `web`.
pub fn router(web: Arc<Web>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route("/status/{token}", get(status_page))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(Arc::clone(&web), guard))
        .with_state(web)
}

/// Serve on `listener` until `shutdown`; requests in flight are finished.
pub async fn serve(listener: tokio::net::TcpListener, web: Arc<Web>, mut shutdown: Shutdown) {
    let app = router(web).into_make_service_with_connect_info::<SocketAddr>();
    let stop = async move { shutdown.wait().await };
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(stop)
        .await
    {
        tracing::error!(error = %e, "the HTTP listener failed");
    }
}

/// Refuse what no page needs, count requests per client, and put the
/// security headers on every answer.
async fn guard(
    State(web): State<Arc<Web>>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let refused = if request.uri().to_string().len() > MAX_URI_BYTES {
        Some(StatusCode::URI_TOO_LONG)
    } else if !matches!(*request.method(), Method::GET | Method::HEAD) {
        Some(StatusCode::METHOD_NOT_ALLOWED)
    } else if has_body(&request) {
        Some(StatusCode::PAYLOAD_TOO_LARGE)
    } else {
        None
    };
    let mut response = match refused {
        Some(code) => (code, code.canonical_reason().unwrap_or_default()).into_response(),
        None if OPERATOR_PATHS.contains(&request.uri().path()) => next.run(request).await,
        None => {
            let verdict = web
                .limiter
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .check(client.ip(), crate::store::now_millis());
            match verdict {
                Verdict::Allow => next.run(request).await,
                Verdict::Refuse { retry_after_secs } => {
                    let mut r = (
                        StatusCode::TOO_MANY_REQUESTS,
                        "too many requests; try again later\n",
                    )
                        .into_response();
                    if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                        r.headers_mut().insert(header::RETRY_AFTER, v);
                    }
                    r
                }
            }
        }
    };
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.insert(name.clone(), HeaderValue::from_static(value));
    }
    headers.insert(
        "x-robots-tag",
        HeaderValue::from_static("noindex, nofollow"),
    );
    response
}

fn has_body(request: &Request) -> bool {
    let headers = request.headers();
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim() != "0")
}

async fn healthz() -> &'static str {
    "ok\n"
}

async fn readyz(State(web): State<Arc<Web>>) -> Response {
    let database = web
        .store
        .outbox_stats()
        .await
        .map(|_| ())
        .map_err(|e| e.to_string());
    let lease = match &web.lease {
        Some((name, _)) => web.store.lease(name).await.ok().flatten().map(|l| l.holder),
        None => None,
    };
    let probe = async {
        web.smtp
            .probe()
            .await
            .map(|_| ())
            .map_err(|(stage, failure)| {
                let stage = match stage {
                    Stage::Connect => "connect",
                    Stage::Starttls => "STARTTLS",
                    Stage::Login => "login",
                };
                format!("{stage}: {}", failure.message)
            })
    };
    let smtp = web.health.smtp(probe).await;
    let facts = Facts {
        database,
        reader: web.health.reader(),
        smtp,
        lease,
    };
    let (ready, body) = health::readiness(&facts);
    let code = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (code, body).into_response()
}

/// Prometheus text; the gauges are read from the database now.
async fn metrics(State(web): State<Arc<Web>>) -> Response {
    let Some(handle) = &web.metrics else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "another metrics recorder was installed first\n",
        )
            .into_response();
    };
    let now = crate::store::now_millis();
    if let Ok(stats) = web.store.outbox_stats().await {
        metrics::gauge!(crate::metrics::OUTBOX_DEPTH).set(stats.pending as f64);
        let age = stats.oldest_queued_at.map_or(0, |at| (now - at).max(0));
        metrics::gauge!(crate::metrics::OUTBOX_OLDEST).set(age as f64 / 1000.0);
    }
    if let Some((name, me)) = &web.lease {
        let holder = web.store.lease(name).await.ok().flatten().map(|l| l.holder);
        let held = holder.as_deref() == Some(me.as_str());
        metrics::gauge!(crate::metrics::LEASE_HELD).set(if held { 1.0 } else { 0.0 });
        if let Some(holder) = holder {
            metrics::gauge!(crate::metrics::LEASE_HOLDER, "holder" => holder).set(1.0);
        }
    }
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        handle.render(),
    )
        .into_response()
}

/// The page of a status link. Every link that opens none (malformed,
/// unknown, expired, revoked) is answered by the same 404 after the same
/// work: a hash and one lookup.
async fn status_page(State(web): State<Arc<Web>>, Path(presented): Path<String>) -> Response {
    let token = StatusToken::parse(&presented);
    let hash = match &token {
        Some(t) => t.hash(),
        None => StatusToken::hash_of(&presented),
    };
    let link = match web.store.status_link(&hash).await {
        Ok(link) => link,
        Err(e) => return unavailable(&e.to_string()),
    };
    let now = web.desk.clock.now_millis();
    let number = match (token, link) {
        (Some(token), Some(link))
            if token.matches(&link.token_hash)
                && link_works(link.expires_at, link.revoked_at, now) =>
        {
            link.number
        }
        _ => return not_found(State(web)).await,
    };
    let detail = match web.store.ticket_detail(&number).await {
        Ok(Some(detail)) => detail,
        Ok(None) => return not_found(State(web)).await,
        Err(e) => return unavailable(&e.to_string()),
    };
    let desk = DeskView {
        name: web.desk.name.clone(),
        address: web.desk.address.clone(),
    };
    let view = status::public_view(&detail, &web.desk.calendar, desk, web.desk.default_language);
    match web.pages.page(&view) {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, number = %number, "status page template failed");
            unavailable("the page could not be drawn")
        }
    }
}

async fn not_found(State(web): State<Arc<Web>>) -> Response {
    let html = web.pages.not_found().unwrap_or_default();
    (StatusCode::NOT_FOUND, Html(html)).into_response()
}

fn unavailable(why: &str) -> Response {
    tracing::warn!(error = why, "status page unavailable");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        "temporarily unavailable; try again in a minute\n",
    )
        .into_response()
}

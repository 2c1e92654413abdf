//! Sign-in against the real sandbox IdP (`end2end/sandbox/idp.mjs`, npm `oidc-provider`): the
//! gateway binary and the IdP run as processes on loopback; the test plays the browser.
//!
//! Needs Node and `end2end/sandbox/node_modules` (`make setup` installs them).

mod common;

use std::io::Read;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use common::*;
use gateway::auth::session::{Sealer, Session};
use model::auth::{Claims, SessionEnd, SessionInfo};
use model::TrustLevel;
use reqwest::redirect::Policy;

const KEY_A: &str = "bGViZW5zbGFnZW4tdGVzdC1rZXktQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB";
const KEY_B: &str = "bGViZW5zbGFnZW4tdGVzdC1rZXktQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJC";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A child process killed on drop.
struct Proc {
    child: Child,
    log: PathBuf,
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log);
    }
}

impl Proc {
    fn log(&self) -> String {
        let mut s = String::new();
        if let Ok(mut f) = std::fs::File::open(&self.log) {
            let _ = f.read_to_string(&mut s);
        }
        s
    }
}

fn wait_for(url: &str, proc: &Proc) {
    let start = Instant::now();
    loop {
        if let Ok(r) = probe(url) {
            if r {
                return;
            }
        }
        // Generous: on a busy 2-core machine Node takes its time to load oidc-provider.
        assert!(start.elapsed() < Duration::from_secs(90), "{url} did not come up: {}", proc.log());
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A tiny synchronous probe (no runtime needed): does `url` answer 200?
fn probe(url: &str) -> std::io::Result<bool> {
    use std::io::Write;
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.replace("localhost", "127.0.0.1");
    let mut s = std::net::TcpStream::connect(&host)?;
    s.set_read_timeout(Some(Duration::from_secs(2)))?;
    write!(s, "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")?;
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    Ok(out.starts_with("HTTP/1.1 200"))
}

#[allow(dead_code)] // `proc` is held for its Drop
struct Idp {
    proc: Proc,
    issuer: String,
}

fn start_idp(gateway_origins: &[String]) -> Idp {
    let port = free_port();
    let log = std::env::temp_dir().join(format!("ll-idp-{port}.log"));
    let sandbox = repo().join("end2end/sandbox");
    assert!(
        sandbox.join("node_modules/oidc-provider").is_dir(),
        "end2end/sandbox/node_modules is missing: run `make setup` (npm ci in end2end/sandbox)"
    );
    let mut cmd = Command::new("node");
    cmd.arg(sandbox.join("idp.mjs"))
        .args(["--port", &port.to_string()])
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&log).unwrap())
        .stderr(std::fs::File::create(&log).unwrap());
    for o in gateway_origins {
        cmd.args(["--gateway-origin", o]);
    }
    let child = cmd.spawn().expect("node runs");
    let idp = Idp {
        proc: Proc { child, log },
        issuer: format!("http://localhost:{port}"),
    };
    wait_for(&format!("http://127.0.0.1:{port}/sandbox/health"), &idp.proc);
    idp
}

struct Gw {
    proc: Proc,
    origin: String,
    _tmp: TempDir,
}

fn start_gateway(port: u16, issuer: &str, key: &str, extra: &[(&str, &str)]) -> Gw {
    let tmp = fake_build();
    let origin = format!("http://127.0.0.1:{port}");
    let log = std::env::temp_dir().join(format!("ll-gw-{port}.log"));
    let child = Command::new(env!("CARGO_BIN_EXE_gateway"))
        .env_clear()
        .env("LEBENSLAGEN_LISTEN", format!("127.0.0.1:{port}"))
        .env("LEBENSLAGEN_DIST", tmp.path().join("dist"))
        .env("LEBENSLAGEN_DATA", repo().join("data/generated"))
        .env("LEBENSLAGEN_AUTH_ISSUER", issuer)
        .env("LEBENSLAGEN_AUTH_SESSION_KEY", key)
        .env("RUST_LOG", "debug")
        .envs(extra.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let gw = Gw {
        proc: Proc { child, log },
        origin,
        _tmp: tmp,
    };
    wait_for(&format!("{}/healthz", gw.origin), &gw.proc);
    gw
}

/// The browser: a cookie jar for the IdP; gateway cookies are handled by hand to inspect them.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .cookie_store(true)
        .build()
        .unwrap()
}

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

fn set_cookies(r: &reqwest::Response) -> Vec<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect()
}

/// `name=value` of the cookie `name` among `Set-Cookie` lines.
fn cookie_pair(lines: &[String], name: &str) -> Option<String> {
    lines
        .iter()
        .find(|l| l.starts_with(&format!("{name}=")))
        .map(|l| l.split(';').next().unwrap().to_string())
}

fn absolute(base: &str, loc: &str) -> String {
    if loc.starts_with("http") {
        loc.to_string()
    } else {
        format!("{base}{loc}")
    }
}

/// What the citizen does at the IdP.
#[derive(Clone, Copy)]
enum AtIdp<'a> {
    Choose(&'a str, &'a str),
    /// Choose with a fault injected into the ID token.
    Fault(&'a str, &'a str, &'a str),
    Cancel,
    /// No page expected (single sign-on).
    Nothing,
}

struct Flow {
    /// The callback URL the IdP sent the browser to.
    callback: String,
    /// The login cookie the gateway set (`ll_login=…`).
    login_cookie: String,
    /// The gateway's final answer to the callback.
    status: u16,
    location: String,
    set_cookies: Vec<String>,
    /// The requested level the chooser showed, if it was shown.
    chooser_level: Option<String>,
}

impl Flow {
    fn session_cookie(&self) -> String {
        cookie_pair(&self.set_cookies, "ll_session").expect("a session cookie")
    }
}

async fn sign_in(b: &reqwest::Client, gw: &Gw, query: &str, at_idp: AtIdp<'_>) -> Flow {
    let r = b
        .get(format!("{}/auth/login?{query}", gw.origin))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303, "login: {}", r.text().await.unwrap());
    let login_cookie = cookie_pair(&set_cookies(&r), "ll_login").expect("login cookie");
    let mut url = location(&r);
    assert!(!url.starts_with(&gw.origin), "login must go to the IdP, got {url}");
    assert!(url.contains("code_challenge_method=S256"), "{url}");
    assert!(url.contains("nonce="), "{url}");
    let idp_base = url.split("/auth?").next().unwrap().to_string();
    let mut chooser_level = None;
    let mut acted = false;
    loop {
        let r = b.get(&url).send().await.unwrap();
        if r.status() == 200 {
            let html = r.text().await.unwrap();
            assert!(!acted, "the IdP asked twice: {html}");
            acted = true;
            chooser_level = html
                .split("data-testid=\"requested-level\">")
                .nth(1)
                .map(|s| s.split('<').next().unwrap().to_string());
            let uid = url.rsplit('/').next().unwrap().to_string();
            let r = match at_idp {
                AtIdp::Choose(id, means) => {
                    b.post(format!("{idp_base}/interaction/{uid}/login"))
                        .form(&[("login", format!("{id}:{means}")), ("fault", String::new())])
                        .send()
                        .await
                }
                AtIdp::Fault(id, means, fault) => {
                    b.post(format!("{idp_base}/interaction/{uid}/login"))
                        .form(&[("login", format!("{id}:{means}")), ("fault", fault.to_string())])
                        .send()
                        .await
                }
                AtIdp::Cancel => {
                    b.post(format!("{idp_base}/interaction/{uid}/abort"))
                        .send()
                        .await
                }
                AtIdp::Nothing => panic!("the IdP showed a page although SSO was expected: {html}"),
            }
            .unwrap();
            assert!(r.status().is_redirection(), "interaction: {}", r.status());
            url = absolute(&idp_base, &location(&r));
            continue;
        }
        assert!(r.status().is_redirection(), "IdP {url}: {}", r.status());
        url = absolute(&idp_base, &location(&r));
        if url.starts_with(&gw.origin) {
            break;
        }
    }
    assert!(url.starts_with(&format!("{}/auth/callback?", gw.origin)), "{url}");
    let r = b
        .get(&url)
        .header("cookie", &login_cookie)
        .send()
        .await
        .unwrap();
    Flow {
        callback: url,
        login_cookie,
        status: r.status().as_u16(),
        location: location(&r),
        set_cookies: set_cookies(&r),
        chooser_level,
    }
}

async fn session(b: &reqwest::Client, gw: &Gw, cookie: &str) -> (SessionInfo, Vec<String>) {
    let r = b
        .get(format!("{}/auth/session", gw.origin))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let cookies = set_cookies(&r);
    let text = r.text().await.unwrap();
    assert!(!text.contains("eyJ"), "no JWT in the session document: {text}");
    (serde_json::from_str(&text).unwrap(), cookies)
}

fn origins(ports: &[u16]) -> Vec<String> {
    ports.iter().map(|p| format!("http://127.0.0.1:{p}")).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_shares_sessions_by_key_and_keeps_tokens_out() {
    let (p1, p2, p3) = (free_port(), free_port(), free_port());
    let idp = start_idp(&origins(&[p1, p2, p3]));
    let a = start_gateway(p1, &idp.issuer, KEY_A, &[]);
    let a2 = start_gateway(p2, &idp.issuer, KEY_A, &[]);
    let other = start_gateway(p3, &idp.issuer, KEY_B, &[]);
    let b = browser();

    let flow = sign_in(&b, &a, "level=hoch&return=/leistungen/99107004001000%3Fars%3D160510000000", AtIdp::Choose("U01", "eid")).await;
    assert_eq!(flow.chooser_level.as_deref(), Some("hoch"));
    assert_eq!(flow.status, 303);
    assert_eq!(flow.location, "/leistungen/99107004001000?ars=160510000000");
    // The callback URL carried only code, state and iss; afterwards no URL carries anything.
    assert!(flow.callback.contains("code=") && flow.callback.contains("state="));
    assert!(!flow.location.contains("code") && !flow.location.contains("state"));

    // Cookie flags: HttpOnly, SameSite=Lax, Path=/, browser-session, no Secure on http.
    let line = flow.set_cookies.iter().find(|l| l.starts_with("ll_session=")).unwrap();
    assert!(line.contains("; HttpOnly") && line.contains("; SameSite=Lax") && line.contains("; Path=/"), "{line}");
    assert!(!line.contains("Secure") && !line.contains("Max-Age") && !line.contains("Expires"), "{line}");
    assert!(flow.set_cookies.iter().any(|l| l.starts_with("ll_login=;") && l.contains("Max-Age=0")), "login cookie cleared");
    let cookie = flow.session_cookie();
    // Sealed: neither claims nor a token are readable in it.
    assert!(!cookie.contains("Maria") && !cookie.contains("eyJ"), "{cookie}");
    assert!(cookie.len() < 2000, "cookie stays small: {}", cookie.len());

    let (info, cookies) = session(&b, &a, &cookie).await;
    assert!(cookies.is_empty(), "reading the session never rewrites the cookie");
    assert!(info.signed_in);
    assert_eq!(info.display_name.as_deref(), Some("Maria Neumann"));
    assert_eq!(info.trust_level, Some(TrustLevel::Hoch));
    assert_eq!(info.provider.as_deref(), Some("Servicekonto (Testumgebung)"));
    let claims = info.claims.clone().unwrap();
    assert_eq!(claims.given_name.as_ref().unwrap().value, "Maria");
    assert_eq!(claims.given_name.unwrap().trust_level, Some(TrustLevel::Hoch));
    assert_eq!(claims.birthdate.unwrap().value, "1985-04-12");
    let address = claims.address.unwrap();
    assert_eq!(address.value.postal_code.as_deref(), Some("99084"));
    assert_eq!(address.trust_level, Some(TrustLevel::Hoch));
    let email = claims.email.unwrap();
    assert_eq!(email.value, "maria.neumann@example.org");
    assert_eq!(email.trust_level, Some(TrustLevel::Basisregistrierung), "self-entered");

    // Another instance with the same key reads the same session; one with another key does not
    // (and deletes the cookie it cannot read).
    let (info2, _) = session(&b, &a2, &cookie).await;
    assert_eq!(info2, info);
    let (info3, cookies3) = session(&b, &other, &cookie).await;
    assert!(!info3.signed_in && info3.ended.is_none());
    assert!(cookies3.iter().any(|l| l.starts_with("ll_session=;") && l.contains("Max-Age=0")));

    // Logout on instance 2: CSRF-checked POST, clears the cookie, returns the end-session URL.
    let r = b
        .post(format!("{}/auth/logout", a2.origin))
        .header("cookie", &cookie)
        .header("origin", &a2.origin)
        .header("x-lebenslagen-csrf", "1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(set_cookies(&r).iter().any(|l| l.starts_with("ll_session=;") && l.contains("Max-Age=0")));
    let body: serde_json::Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
    let end = body["endSessionUrl"].as_str().unwrap();
    assert!(end.starts_with(&format!("{}/session/end?", idp.issuer)), "{end}");
    assert!(end.contains("client_id=lebenslagen"), "{end}");
    assert!(end.contains(&format!("post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A{p2}%2F")), "{end}");

    // Nothing secret or personal in the gateway's log, even at debug level.
    let log = a.proc.log();
    assert!(log.contains("signed in"), "{log}");
    for secret in ["eyJ", "Maria", "Neumann", "maria.neumann", "1985-04-12", "99084", &cookie[12..40], "code=", "sandbox-secret"] {
        assert!(!log.contains(secret), "{secret:?} in the gateway log:\n{log}");
    }
    drop(idp);
}

#[tokio::test(flavor = "multi_thread")]
async fn step_up_asks_again_and_single_sign_on_does_not() {
    let p = free_port();
    let idp = start_idp(&origins(&[p]));
    let gw = start_gateway(p, &idp.issuer, KEY_A, &[]);
    let b = browser();

    let flow = sign_in(&b, &gw, "return=/konto", AtIdp::Choose("U01", "password")).await;
    assert_eq!(flow.chooser_level.as_deref(), Some("Basisregistrierung"));
    let (info, _) = session(&b, &gw, &flow.session_cookie()).await;
    assert_eq!(info.trust_level, Some(TrustLevel::Basisregistrierung));
    assert_eq!(
        info.claims.unwrap().family_name.unwrap().trust_level,
        Some(TrustLevel::Basisregistrierung)
    );

    // Same level again: the IdP's single sign-on answers without a page.
    let flow = sign_in(&b, &gw, "level=basisregistrierung&return=/konto", AtIdp::Nothing).await;
    assert_eq!(flow.status, 303);
    assert_eq!(flow.location, "/konto");

    // Step-up: the IdP asks again, and only offers means that reach the level.
    let flow = sign_in(&b, &gw, "level=substanziell&return=/en/leistungen/99107004001000", AtIdp::Choose("U01", "elster")).await;
    assert_eq!(flow.chooser_level.as_deref(), Some("substanziell"));
    assert_eq!(flow.location, "/en/leistungen/99107004001000");
    let (info, _) = session(&b, &gw, &flow.session_cookie()).await;
    assert_eq!(info.trust_level, Some(TrustLevel::Substanziell));
    assert_eq!(
        info.claims.unwrap().family_name.unwrap().trust_level,
        Some(TrustLevel::Substanziell)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn failures_return_with_a_reason_and_no_session() {
    let p = free_port();
    let idp = start_idp(&origins(&[p]));
    let gw = start_gateway(p, &idp.issuer, KEY_A, &[]);

    let cases: [(AtIdp, &str); 8] = [
        (AtIdp::Cancel, "cancelled"),
        (AtIdp::Fault("U02", "elster", "wrong-aud"), "invalid"),
        (AtIdp::Fault("U02", "elster", "wrong-nonce"), "invalid"),
        (AtIdp::Fault("U02", "elster", "bad-signature"), "invalid"),
        (AtIdp::Fault("U02", "elster", "expired"), "clock"),
        (AtIdp::Fault("U02", "elster", "future"), "clock"),
        (AtIdp::Fault("U02", "elster", "low-acr"), "level"),
        (AtIdp::Fault("U02", "elster", "small-skew"), ""),
    ];
    for (at_idp, code) in cases {
        // A fresh browser each time: no IdP single sign-on between cases.
        let b = browser();
        let flow = sign_in(&b, &gw, "level=substanziell&return=/konto%3Fars%3D1", at_idp).await;
        assert_eq!(flow.status, 303, "{code}");
        if code.is_empty() {
            assert_eq!(flow.location, "/konto?ars=1", "a small clock skew is tolerated");
            assert!(cookie_pair(&flow.set_cookies, "ll_session").is_some());
            continue;
        }
        assert_eq!(flow.location, format!("/konto?ars=1&login_error={code}"));
        assert!(
            !flow.set_cookies.iter().any(|l| l.starts_with("ll_session=v1")),
            "{code}: no session"
        );
        assert!(flow.set_cookies.iter().any(|l| l.starts_with("ll_login=;")), "{code}: login cookie cleared");
    }

    // Replayed callback: the login cookie is single-use (and the code too).
    let b = browser();
    let flow = sign_in(&b, &gw, "return=/konto", AtIdp::Choose("U03", "password")).await;
    assert_eq!(flow.location, "/konto");
    let r = b.get(&flow.callback).send().await.unwrap();
    assert_eq!(location(&r), "/konto?login_error=state");
    let r = b
        .get(&flow.callback)
        .header("cookie", &flow.login_cookie)
        .send()
        .await
        .unwrap();
    assert!(location(&r).starts_with("/konto?login_error="), "code reuse fails: {}", location(&r));
    assert!(!set_cookies(&r).iter().any(|l| l.starts_with("ll_session=v1")));

    // A forged state with a valid login cookie.
    let b = browser();
    let r = b.get(format!("{}/auth/login?return=/suche", gw.origin)).send().await.unwrap();
    let login_cookie = cookie_pair(&set_cookies(&r), "ll_login").unwrap();
    let r = b
        .get(format!("{}/auth/callback?code=x&state=forged", gw.origin))
        .header("cookie", &login_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/suche?login_error=state");
    // Without any cookie, English browsers land on the English account page.
    let r = b
        .get(format!("{}/auth/callback?code=x&state=y", gw.origin))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/en/konto?login_error=state");
}

#[tokio::test(flavor = "multi_thread")]
async fn rotated_signing_keys_are_fetched() {
    let p = free_port();
    let idp = start_idp(&origins(&[p]));
    let gw = start_gateway(p, &idp.issuer, KEY_A, &[]);
    let flow = sign_in(&browser(), &gw, "return=/konto", AtIdp::Choose("U02", "password")).await;
    assert_eq!(flow.location, "/konto");
    // The gateway has the old key set cached; the IdP now signs with a new key.
    let r = browser()
        .post(format!("{}/sandbox/rotate-keys", idp.issuer))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    std::thread::sleep(Duration::from_millis(5100)); // the gateway refetches at most every 5 s
    let flow = sign_in(&browser(), &gw, "return=/konto", AtIdp::Choose("U02", "password")).await;
    assert_eq!(flow.location, "/konto", "{}", gw.proc.log());
    assert!(gw.proc.log().contains("refetching"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreachable_idp_sends_the_citizen_back_with_a_reason() {
    let p = free_port();
    let closed = free_port();
    let gw = start_gateway(p, &format!("http://localhost:{closed}"), KEY_A, &[]);
    let r = browser()
        .get(format!("{}/auth/login?level=hoch&return=/leistungen/99107004001000", gw.origin))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/leistungen/99107004001000?login_error=unreachable");
    assert!(cookie_pair(&set_cookies(&r), "ll_login").is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn return_targets_and_levels_are_checked() {
    let p = free_port();
    let idp = start_idp(&origins(&[p]));
    let gw = start_gateway(p, &idp.issuer, KEY_A, &[]);
    let b = browser();
    for bad in [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "%2F%2Fevil.example",
        "http:evil.example",
        "evil.example",
        "/%0D%0ALocation:%20https://evil.example",
        "/auth/logout",
        "javascript:alert(1)",
    ] {
        let r = b
            .get(format!("{}/auth/login?return={bad}", gw.origin))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "return={bad}: {:?}", location(&r));
        assert!(set_cookies(&r).is_empty());
    }
    let r = b.get(format!("{}/auth/login?level=extrem", gw.origin)).send().await.unwrap();
    assert_eq!(r.status(), 400);
    // Without a return target: the account page.
    let flow = sign_in(&b, &gw, "", AtIdp::Choose("U03", "password")).await;
    assert_eq!(flow.location, "/konto");
}

#[tokio::test(flavor = "multi_thread")]
async fn state_changing_requests_need_origin_and_header_and_polling_never_extends() {
    let p = free_port();
    let idp = start_idp(&origins(&[p]));
    let gw = start_gateway(p, &idp.issuer, KEY_A, &[]);
    let b = browser();
    let flow = sign_in(&b, &gw, "return=/konto", AtIdp::Choose("U03", "password")).await;
    let cookie = flow.session_cookie();

    for (path, origin, header, fetch_site) in [
        ("/auth/logout", None, Some("1"), None),
        ("/auth/logout", Some("https://evil.example"), Some("1"), None),
        ("/auth/logout", Some("null"), Some("1"), None),
        ("/auth/logout", Some(gw.origin.as_str()), None, None),
        ("/auth/logout", Some(gw.origin.as_str()), Some("0"), None),
        ("/auth/logout", Some(gw.origin.as_str()), Some("1"), Some("cross-site")),
        ("/auth/activity", Some("http://localhost:1"), Some("1"), None),
        ("/auth/activity", Some(gw.origin.as_str()), None, None),
    ] {
        let mut req = b.post(format!("{}{path}", gw.origin)).header("cookie", &cookie);
        if let Some(o) = origin {
            req = req.header("origin", o);
        }
        if let Some(h) = header {
            req = req.header("x-lebenslagen-csrf", h);
        }
        if let Some(s) = fetch_site {
            req = req.header("sec-fetch-site", s);
        }
        let r = req.send().await.unwrap();
        assert_eq!(r.status(), 403, "{path} {origin:?} {header:?} {fetch_site:?}");
        assert!(set_cookies(&r).is_empty());
    }
    // GET on the POST endpoints is not allowed at all.
    let r = b.get(format!("{}/auth/logout", gw.origin)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(r.status(), 405);
    // Still signed in.
    assert!(session(&b, &gw, &cookie).await.0.signed_in);

    // Activity (a proper same-origin POST) refreshes the cookie; reading never does.
    let (before, c) = session(&b, &gw, &cookie).await;
    assert!(c.is_empty());
    std::thread::sleep(Duration::from_millis(1100));
    let r = b
        .post(format!("{}/auth/activity", gw.origin))
        .header("cookie", &cookie)
        .header("origin", &gw.origin)
        .header("x-lebenslagen-csrf", "1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let renewed = cookie_pair(&set_cookies(&r), "ll_session").unwrap();
    let (after, _) = session(&b, &gw, &renewed).await;
    assert!(after.idle_expires_at > before.idle_expires_at);
    assert_eq!(after.expires_at, before.expires_at, "the absolute lifetime never moves");
}

#[tokio::test(flavor = "multi_thread")]
async fn ended_sessions_are_reported_once_and_deleted() {
    let p = free_port();
    let gw = start_gateway(p, "http://localhost:1", KEY_A, &[("LEBENSLAGEN_AUTH_IDLE_MINUTES", "30"), ("LEBENSLAGEN_AUTH_ABSOLUTE_MINUTES", "480")]);
    let key = base64::engine::general_purpose::STANDARD.decode(KEY_A).unwrap();
    let sealer = Sealer::new(&key);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let b = browser();
    for (created, active, expected) in [
        (now - 3600, now - 31 * 60, Some(SessionEnd::Idle)),
        (now - 9 * 3600, now - 60, Some(SessionEnd::Absolute)),
        (now - 3600, now - 60, None),
    ] {
        let s = Session {
            level: TrustLevel::Substanziell,
            claims: Claims::default(),
            created,
            active,
        };
        let cookie = format!("ll_session={}", sealer.seal("session", &s));
        let (info, cookies) = session(&b, &gw, &cookie).await;
        assert_eq!(info.ended, expected);
        assert_eq!(info.signed_in, expected.is_none());
        assert_eq!(cookies.iter().any(|l| l.contains("Max-Age=0")), expected.is_some());
    }
    // A login cookie is no session cookie, even under the same key.
    let forged = format!("ll_session={}", sealer.seal("login", &"x"));
    assert!(!session(&b, &gw, &forged).await.0.signed_in);
}

//! Load and latency figures for the PVOG Suchdienst mirror of a running gateway. Prints, never
//! asserts. Run by `scripts/bench-mirror.sh`, which starts the gateway first:
//!
//! ```sh
//! cargo run --profile native -p gateway --example bench_mirror -- http://127.0.0.1:18090 data/generated
//! ```
//!
//! 1. Latency: a few hundred realistic queries per kind (postcodes, postcode prefixes, names,
//!    name prefixes in several spellings, service lookups), one keep-alive connection, one
//!    request at a time, `Accept-Encoding: br, gzip` like a browser: p50 / p99 per kind.
//! 2. Throughput: the same queries mixed, from several concurrent connections, bounded in
//!    count and time: requests per second.
//! 3. Bytes a browser receives for the Lebenslage "Rund ums Fahrzeug" at Nördlingen (86720).

use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use model::snapshot::{Gemeindeverzeichnis, Lebenslagen, Leistungen};

type Http = Client<HttpConnector, Empty<Bytes>>;

const API: &str = "/suchdienst/api";
/// Throughput phase: at most this many requests, at most this long.
const LOAD_REQUESTS: usize = 20_000;
const LOAD_SECONDS: u64 = 10;
const LOAD_CONNECTIONS: usize = 8;

/// A small deterministic generator, so every run asks the same queries.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Reply {
    status: u16,
    bytes: usize,
}

async fn fetch(client: &Http, url: &str, encoding: &str) -> Reply {
    let mut request = axum::http::Request::get(url);
    if !encoding.is_empty() {
        request = request.header("accept-encoding", encoding);
    }
    let request = request
        .header("accept-language", "de")
        .body(Empty::new())
        .expect("request");
    match client.request(request).await {
        Ok(response) => {
            let status = response.status().as_u16();
            let bytes = response
                .into_body()
                .collect()
                .await
                .map(|b| b.to_bytes().len())
                .unwrap_or(0);
            Reply { status, bytes }
        }
        Err(e) => {
            eprintln!("request failed: {e}");
            Reply {
                status: 0,
                bytes: 0,
            }
        }
    }
}

fn read<T: serde::de::DeserializeOwned>(dir: &str, file: &str) -> T {
    let bytes = std::fs::read(format!("{dir}/{file}")).unwrap_or_else(|e| panic!("{file}: {e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// ASCII spellings and lower case, as people type when the keyboard lacks umlauts.
fn ascii_spelling(name: &str) -> String {
    name.to_lowercase()
        .replace('ä', "ae")
        .replace('ö', "oe")
        .replace('ü', "ue")
        .replace('ß', "ss")
}

fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn prefix(s: &str, chars: usize) -> String {
    s.chars().take(chars).collect()
}

/// The query sets: (kind, paths).
fn queries(data: &str) -> Vec<(&'static str, Vec<String>)> {
    let verzeichnis: Gemeindeverzeichnis = read(data, "municipalities.json");
    let leistungen: Leistungen = read(data, "leistungen.json");
    let lagen: Lebenslagen = read(data, "lebenslagen.json");
    let g = &verzeichnis.gemeinden;
    let mut rng = Rng(0x5eed_1e5e_b1a9_0001);
    let mut postcodes = Vec::new();
    let mut postcode_prefixes = Vec::new();
    let mut names = Vec::new();
    let mut name_prefixes = Vec::new();
    for _ in 0..200 {
        let m = &g[rng.below(g.len())];
        if let Some(plz) = m.plz.get(rng.below(m.plz.len().max(1))) {
            postcodes.push(format!("{API}/v2/locations?q={plz}"));
            let len = 2 + rng.below(3);
            postcode_prefixes.push(format!("{API}/v2/locations?q={}", &plz[..len]));
        }
        names.push(format!("{API}/v2/locations?q={}", encode(&m.name)));
        let spelling = match rng.below(3) {
            0 => m.name.clone(),
            1 => m.name.to_lowercase(),
            _ => ascii_spelling(&m.name),
        };
        let len = 3 + rng.below(4);
        name_prefixes.push(format!(
            "{API}/v2/locations?q={}",
            encode(&prefix(&spelling, len))
        ));
    }
    let mut hierarchy = Vec::new();
    let mut details = Vec::new();
    let mut titles = Vec::new();
    let mut online = Vec::new();
    for _ in 0..200 {
        let m = &g[rng.below(g.len())];
        let lage = &lagen.lebenslagen[rng.below(lagen.lebenslagen.len())];
        let keys: Vec<String> = lage.leika_keys().iter().map(|k| k.to_string()).collect();
        let keys = keys.join(",");
        hierarchy.push(format!(
            "{API}/v2/servicedescriptions/leikahierarchy?ars={}&leikaIds={keys}",
            m.ars
        ));
        let l = &leistungen.leistungen[rng.below(leistungen.leistungen.len())];
        details.push(format!(
            "{API}/v6/servicedescriptions/{}/detail?ars={}",
            l.id, m.ars
        ));
        titles.push(format!(
            "{API}/v2/organisationunits/titles?ars={}&lbId={}",
            m.ars, l.id
        ));
        online.push(format!(
            "{API}/v1beta2/onlineservices?ars={}&leikaIds={keys}",
            m.ars
        ));
    }
    vec![
        ("locations: postcode", postcodes),
        ("locations: postcode prefix", postcode_prefixes),
        ("locations: full name", names),
        ("locations: name prefix", name_prefixes),
        ("leikahierarchy (a Lebenslage)", hierarchy),
        ("v6 detail", details),
        ("organisationunits/titles", titles),
        ("onlineservices (a Lebenslage)", online),
    ]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

async fn latency(client: &Http, base: &str, sets: &[(&'static str, Vec<String>)]) {
    println!("\n## Latency, one request at a time (ms; Accept-Encoding: br, gzip)\n");
    println!("| query kind | n | p50 | p99 | max | mean body bytes (br) | non-200 |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (kind, paths) in sets {
        // Warm-up: connection and caches.
        for path in paths.iter().take(5) {
            fetch(client, &format!("{base}{path}"), "br, gzip").await;
        }
        let mut times = Vec::with_capacity(paths.len());
        let mut bytes = 0usize;
        let mut other = 0usize;
        for path in paths {
            let started = Instant::now();
            let reply = fetch(client, &format!("{base}{path}"), "br, gzip").await;
            times.push(started.elapsed());
            bytes += reply.bytes;
            if reply.status != 200 {
                other += 1;
            }
        }
        times.sort();
        println!(
            "| {kind} | {} | {} | {} | {} | {} | {other} |",
            times.len(),
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.99)),
            ms(*times.last().unwrap_or(&Duration::ZERO)),
            bytes / paths.len().max(1),
        );
    }
}

async fn throughput(client: &Http, base: &str, sets: &[(&'static str, Vec<String>)]) {
    let mut mixed: Vec<String> = sets
        .iter()
        .flat_map(|(_, paths)| paths.iter().map(|p| format!("{base}{p}")))
        .collect();
    let mut rng = Rng(42);
    for i in (1..mixed.len()).rev() {
        mixed.swap(i, rng.below(i + 1));
    }
    let mixed = std::sync::Arc::new(mixed);
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs(LOAD_SECONDS);
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..LOAD_CONNECTIONS {
        let (client, mixed, next) = (client.clone(), mixed.clone(), next.clone());
        workers.push(tokio::spawn(async move {
            let (mut done, mut failed, mut bytes) = (0usize, 0usize, 0usize);
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= LOAD_REQUESTS || Instant::now() >= deadline {
                    break;
                }
                let reply = fetch(&client, &mixed[i % mixed.len()], "br, gzip").await;
                done += 1;
                bytes += reply.bytes;
                if reply.status == 0 || reply.status >= 500 {
                    failed += 1;
                }
            }
            (done, failed, bytes)
        }));
    }
    let (mut done, mut failed, mut bytes) = (0, 0, 0);
    for w in workers {
        let (d, f, b) = w.await.unwrap_or((0, 0, 0));
        done += d;
        failed += f;
        bytes += b;
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!("\n## Throughput, mixed queries\n");
    println!(
        "{LOAD_CONNECTIONS} connections, {done} requests in {elapsed:.2} s: **{:.0} requests/s**, {:.1} MB/s of compressed JSON, {failed} failed (client and gateway share this machine's cores)",
        done as f64 / elapsed,
        bytes as f64 / elapsed / 1e6
    );
}

async fn lebenslage_bytes(client: &Http, base: &str, data: &str) {
    let lagen: Lebenslagen = read(data, "lebenslagen.json");
    let lage = lagen
        .lebenslagen
        .iter()
        .find(|l| l.id == "rund-ums-fahrzeug")
        .expect("Rund ums Fahrzeug in the dataset");
    let keys: Vec<String> = lage.leika_keys().iter().map(|k| k.to_string()).collect();
    let ars = "097790194194";
    let hierarchy = format!(
        "{API}/v2/servicedescriptions/leikahierarchy?ars={ars}&leikaIds={}",
        keys.join(",")
    );
    // The descriptions name the service ids the unit lookups need.
    let body = {
        let request = axum::http::Request::get(format!("{base}{hierarchy}"))
            .body(Empty::new())
            .expect("request");
        let response = client.request(request).await.expect("leikahierarchy");
        response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
    };
    let page: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    let ids: Vec<String> = page["content"]
        .as_array()
        .map(|c| {
            c.iter()
                .filter_map(|d| d["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let mut calls: Vec<(String, String)> = vec![
        (
            "locations?q=86720".into(),
            format!("{API}/v2/locations?q=86720"),
        ),
        (format!("leikahierarchy ({} keys)", keys.len()), hierarchy),
    ];
    for id in &ids {
        calls.push((
            format!("organisationunits/titles lbId={id}"),
            format!("{API}/v2/organisationunits/titles?ars={ars}&lbId={id}"),
        ));
    }
    calls.push((
        format!("onlineservices ({} keys)", keys.len()),
        format!(
            "{API}/v1beta2/onlineservices?ars={ars}&leikaIds={}",
            keys.join(",")
        ),
    ));
    println!("\n## Bytes for \"Rund ums Fahrzeug\" at Nördlingen (86720, ARS {ars})\n");
    println!("Bodies only (no headers); one titles call per service, as the reference describes the endpoint.\n");
    println!("| request | status | raw | gzip | br |");
    println!("|---|---:|---:|---:|---:|");
    let (mut raw, mut gz, mut br) = (0, 0, 0);
    let mut titles = (0, 0, 0, 0usize);
    for (label, path) in &calls {
        let url = format!("{base}{path}");
        let r = fetch(client, &url, "").await;
        let g = fetch(client, &url, "gzip").await;
        let b = fetch(client, &url, "br").await;
        raw += r.bytes;
        gz += g.bytes;
        br += b.bytes;
        if label.starts_with("organisationunits") {
            titles = (
                titles.0 + r.bytes,
                titles.1 + g.bytes,
                titles.2 + b.bytes,
                titles.3 + 1,
            );
        } else {
            println!(
                "| {label} | {} | {} | {} | {} |",
                r.status, r.bytes, g.bytes, b.bytes
            );
        }
    }
    println!(
        "| organisationunits/titles × {} | 200 | {} | {} | {} |",
        titles.3, titles.0, titles.1, titles.2
    );
    println!(
        "| **total, {} requests** | | **{raw}** | **{gz}** | **{br}** |",
        calls.len()
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let base = args
        .next()
        .unwrap_or_else(|| "http://127.0.0.1:8080".into())
        .trim_end_matches('/')
        .to_string();
    let data = args.next().unwrap_or_else(|| "data/generated".into());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let client: Http = Client::builder(TokioExecutor::new()).build(HttpConnector::new());
        let sets = queries(&data);
        let total: usize = sets.iter().map(|(_, p)| p.len()).sum();
        println!("# PVOG Suchdienst mirror: {base}{API}");
        println!("\n{total} queries from {data} (deterministic sample of real postcodes, names and services).");
        latency(&client, &base, &sets).await;
        throughput(&client, &base, &sets).await;
        lebenslage_bytes(&client, &base, &data).await;
    });
}

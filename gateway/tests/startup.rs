//! The binary itself: configuration errors stop it with one clear line and exit code 2; a good
//! configuration serves and shuts down gracefully on SIGTERM.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;

fn gateway(vars: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gateway"));
    command
        .env_clear()
        .env("LEBENSLAGEN_DATA", data_dir())
        .envs(vars.iter().copied())
        .stdin(Stdio::null());
    command
}

#[test]
fn configuration_errors_name_the_variable_and_value_and_exit_2() {
    let tmp = fake_build();
    let dist = tmp.path().join("dist");
    let dist = dist.to_str().unwrap();
    for (variable, value, problem) in [
        ("LEBENSLAGEN_LISTEN", "localhost", "IP address and port"),
        (
            "LEBENSLAGEN_LISTEN",
            "127.0.0.1:99999",
            "IP address and port",
        ),
        (
            "LEBENSLAGEN_FRAME_ANCESTORS",
            "'none' https://x.example",
            "'none' cannot be combined",
        ),
        (
            "LEBENSLAGEN_FRAME_ANCESTORS",
            "*",
            "expected 'self', 'none' or origins",
        ),
        (
            "LEBENSLAGEN_FEDERATION_SOURCES",
            "m=Katalog|ftp://x.example/api",
            "http",
        ),
        (
            "LEBENSLAGEN_FEDERATION_SOURCES",
            "m=Katalog|suchdienst",
            "path starting with /",
        ),
        (
            "LEBENSLAGEN_PUBLIC_ORIGIN",
            "https://x.example/app",
            "without a path",
        ),
        ("LEBENSLAGEN_SAMPLE_DATA", "vielleicht", "true or false"),
        ("LEBENSLAGEN_DIST", "/nonexistent/dist", "not a directory"),
        (
            "LEBENSLAGEN_CONFIG",
            "/nonexistent/gateway.toml",
            "cannot read",
        ),
        ("RUST_LOG", "gateway=loud", "RUST_LOG"),
    ] {
        let mut vars = vec![("LEBENSLAGEN_DIST", dist)];
        vars.push((variable, value));
        let output = gateway(&vars).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{variable}={value}: {stderr}"
        );
        assert_eq!(
            stderr.trim_end().lines().count(),
            1,
            "{variable}={value}: one line, got {stderr:?}"
        );
        assert!(
            stderr.contains(&format!("{variable}={value:?}")),
            "{variable}={value}: {stderr}"
        );
        assert!(
            stderr.contains(problem),
            "{variable}={value}: expected {problem:?} in {stderr}"
        );
        assert!(
            output.stdout.is_empty(),
            "{variable}={value}: must not claim to run"
        );
    }
}

#[test]
fn runs_serves_and_stops_on_sigterm() {
    let tmp = fake_build();
    let dist = tmp.path().join("dist");
    let mut child = gateway(&[
        ("LEBENSLAGEN_LISTEN", "127.0.0.1:0"),
        ("LEBENSLAGEN_DIST", dist.to_str().unwrap()),
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(
        line.starts_with("Lebenslagen läuft auf http://127.0.0.1:"),
        "{line:?}"
    );
    assert!(line.contains(" / running at http://127.0.0.1:"), "{line:?}");
    let address = line
        .split("http://")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_string();

    let mut stream = TcpStream::connect(&address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(b"GET /healthz?token=geheim HTTP/1.1\r\nHost: x\r\nCookie: session=geheim\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.ends_with("ok"), "{response}");
    assert!(response
        .to_ascii_lowercase()
        .contains("content-security-policy: default-src 'none'"));

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "graceful exit after SIGTERM: {:?}",
        output.status
    );
    let log = String::from_utf8_lossy(&output.stderr);
    let access = log
        .lines()
        .find(|l| l.contains("gateway::access"))
        .unwrap_or_else(|| panic!("no access log in {log}"));
    assert!(
        access.contains("path=/healthz")
            && access.contains("status=200")
            && access.contains("latency_ms="),
        "{access}"
    );
    assert!(
        !log.contains("geheim"),
        "query strings and cookies must never be logged: {log}"
    );
    assert!(log.contains("shutting down"), "{log}");
}

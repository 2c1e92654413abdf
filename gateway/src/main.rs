//! Starts the gateway: configuration, logging, dist loading, then serve until SIGINT/SIGTERM.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;

use gateway::config::{self, Config};
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    // Exit code 2 for anything the operator configured wrongly, with one line on stderr.
    let filter = match std::env::var("RUST_LOG") {
        Ok(value) if !value.is_empty() => match EnvFilter::try_new(&value) {
            Ok(filter) => filter,
            Err(e) => {
                eprintln!("lebenslagen gateway: invalid RUST_LOG={value:?}: {e}");
                return ExitCode::from(2);
            }
        },
        _ => EnvFilter::new("info"),
    };
    // Colours only for a human at a terminal; log collectors get plain text.
    let ansi = std::io::stderr().is_terminal();
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(ansi)
        .init();

    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("lebenslagen gateway: {e}");
            return ExitCode::from(2);
        }
    };
    for (name, _) in std::env::vars_os() {
        if let Some(name) = name.to_str().filter(|n| n.starts_with("LEBENSLAGEN_")) {
            if !config::KNOWN_VARIABLES.contains(&name)
                && !gateway::auth::settings::VARIABLES.contains(&name)
            {
                tracing::warn!(
                    variable = name,
                    "unknown configuration variable ignored (misspelt?)"
                );
            }
        }
    }

    let started = std::time::Instant::now();
    let gateway = match gateway::Gateway::load(&config) {
        Ok(gateway) => gateway,
        Err(e) => {
            eprintln!("lebenslagen gateway: {e}");
            return ExitCode::from(2);
        }
    };
    let missing = gateway.pages().missing_essentials();
    if !missing.is_empty() {
        tracing::warn!(files = ?missing, dist = %config.dist.display(), "pages missing: those requests will fail with 500");
    }
    tracing::info!(
        assets = gateway.assets().len(),
        pages = gateway.pages().len(),
        load_ms = started.elapsed().as_millis() as u64,
        dist = %config.dist.display(),
        "dist loaded"
    );
    if config.auth.session_key.ephemeral {
        tracing::warn!(
            "no {} set: generated a session key for this process only; sign-ins end when it \
             stops, and other gateway instances cannot read its sessions (set 32+ random bytes, \
             base64, e.g. `openssl rand -base64 32`)",
            gateway::auth::settings::ENV_SESSION_KEY
        );
    }
    tracing::info!(issuer = %config.auth.issuer, client_id = %config.auth.client_id, "sign-in provider configured");

    let gateway = Arc::new(gateway);
    // Brotli 11 takes seconds per megabyte; serve uncompressed meanwhile rather than wait.
    let compressing = gateway.clone();
    std::thread::spawn(move || {
        let started = std::time::Instant::now();
        match compressing.assets().compress() {
            Ok(()) => tracing::info!(
                asset_bytes = compressing.assets().memory(),
                compress_ms = started.elapsed().as_millis() as u64,
                "assets compressed"
            ),
            Err(error) => {
                tracing::error!(%error, "compressing assets failed; serving them uncompressed")
            }
        }
    });

    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("lebenslagen gateway: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(config, gateway))
}

async fn serve(config: Config, gateway: Arc<gateway::Gateway>) -> ExitCode {
    let listener = match TcpListener::bind(config.listen).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!(
                "lebenslagen gateway: cannot listen on {}: {e}",
                config.listen
            );
            return ExitCode::FAILURE;
        }
    };
    let address = listener.local_addr().unwrap_or(config.listen);
    let url = format!("http://{address}/");
    tracing::info!(%url, public_origin = %config.public_origin, "listening");
    println!("Lebenslagen läuft auf {url} / running at {url}");

    let app = gateway::router(gateway);
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
    {
        tracing::error!(error = %e, "server failed");
        return ExitCode::FAILURE;
    }
    tracing::info!("stopped");
    ExitCode::SUCCESS
}

/// Resolves on Ctrl-C or SIGTERM (what container runtimes and `make run` send); in-flight
/// requests then finish before the process exits.
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing open requests");
}

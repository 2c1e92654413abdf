//! One GET to one federation source, bounded in time and size. Browser only.
//!
//! A federation node is untrusted: it may not answer, hang, send an error page, malformed JSON
//! or 20 MB. Whatever it does, this returns within the time budget, holds at most `max_bytes`
//! in memory, and reports what went wrong as a [`Failure`] instead of panicking.

use model::federation::Failure;

/// What one request may cost.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Time from sending the request to the end of the body, in milliseconds.
    pub millis: u32,
    /// Largest body accepted, in bytes.
    pub max_bytes: usize,
}

/// Fetches `url` (asking for `lang` where given) and returns its body as text, or why not.
#[cfg(feature = "hydrate")]
pub async fn get_text(url: &str, budget: Budget, lang: Option<&str>) -> Result<String, Failure> {
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;

    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    // Each request starts in a task of its own: the requests a page makes as it hydrates would
    // otherwise add their set-up to hydration's long task, which blocks input on a slow phone.
    crate::browser::next_task().await;
    let controller = web_sys::AbortController::new().map_err(|_| Failure::Unreachable)?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let controller = controller.clone();
        let timed_out = Rc::clone(&timed_out);
        leptos::prelude::set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            Duration::from_millis(u64::from(budget.millis)),
        )
        .ok()
    };
    let failure = |timed_out: &Rc<Cell<bool>>| {
        if timed_out.get() {
            Failure::TimedOut
        } else {
            Failure::Unreachable
        }
    };

    let result = async {
        let init = web_sys::RequestInit::new();
        init.set_method("GET");
        init.set_signal(Some(&controller.signal()));
        // Public data: no cookies to other origins, and no referrer.
        init.set_credentials(web_sys::RequestCredentials::SameOrigin);
        init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
        let headers = web_sys::Headers::new().map_err(|_| Failure::Unreachable)?;
        let _ = headers.set("Accept", "application/json");
        if let Some(lang) = lang {
            // PVOG answers in the requested language where it has one (de, en).
            let _ = headers.set("Accept-Language", lang);
        }
        init.set_headers(&headers);
        let window = web_sys::window().ok_or(Failure::Unreachable)?;
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str_and_init(url, &init))
                .await
                .map_err(|_| failure(&timed_out))?
                .dyn_into()
                .map_err(|_| Failure::Unreachable)?;
        match response.status() {
            200 => {}
            404 => return Err(Failure::NoHit),
            status => return Err(Failure::HttpStatus(status)),
        }
        let declared = response
            .headers()
            .get("Content-Length")
            .ok()
            .flatten()
            .and_then(|v| v.parse::<usize>().ok());
        if declared.is_some_and(|n| n > budget.max_bytes) {
            controller.abort();
            return Err(Failure::TooLarge {
                limit: budget.max_bytes,
            });
        }
        let body = response.body().ok_or(Failure::Malformed)?;
        let reader: web_sys::ReadableStreamDefaultReader = body
            .get_reader()
            .dyn_into()
            .map_err(|_| Failure::Malformed)?;
        let mut bytes: Vec<u8> = Vec::new();
        loop {
            let chunk = JsFuture::from(reader.read())
                .await
                .map_err(|_| failure(&timed_out))?;
            let done = js_sys::Reflect::get(&chunk, &"done".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(true);
            if done {
                break;
            }
            let value =
                js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| Failure::Malformed)?;
            let array = js_sys::Uint8Array::new(&value);
            if bytes.len() + array.length() as usize > budget.max_bytes {
                controller.abort();
                return Err(Failure::TooLarge {
                    limit: budget.max_bytes,
                });
            }
            let start = bytes.len();
            bytes.resize(start + array.length() as usize, 0);
            array.copy_to(&mut bytes[start..]);
        }
        String::from_utf8(bytes).map_err(|_| Failure::Malformed)
    }
    .await;

    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

/// Outside the browser there is nothing to fetch: the prerender step renders no federation data.
#[cfg(not(feature = "hydrate"))]
pub async fn get_text(_url: &str, _budget: Budget, _lang: Option<&str>) -> Result<String, Failure> {
    Err(Failure::Unreachable)
}

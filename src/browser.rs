//! The few browser APIs the app uses, in one place. Called only from effects and event
//! handlers; outside the browser (the prerender step) they do nothing.

use model::Lang;

/// Remembers the citizen's language choice on the device, so the gateway can send `/` to the
/// right language next time. A preference, not personal data; readable by the gateway only.
pub fn remember_lang(lang: Lang) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(doc) = leptos::prelude::document().dyn_ref::<web_sys::HtmlDocument>() {
            let secure = web_sys::window()
                .and_then(|w| w.location().protocol().ok())
                .is_some_and(|p| p == "https:");
            let cookie = format!(
                "lang={}; Path=/; Max-Age=31536000; SameSite=Lax{}",
                lang.code(),
                if secure { "; Secure" } else { "" }
            );
            let _ = doc.set_cookie(&cookie);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = lang;
}

/// Moves keyboard and screen-reader focus to the element with this id, after the browser has
/// applied pending DOM updates.
pub fn focus_later(id: &'static str) {
    #[cfg(feature = "hydrate")]
    leptos::prelude::request_animation_frame(move || focus_now(id));
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

/// Moves focus to the element with this id now.
pub fn focus_now(id: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = leptos::prelude::document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

/// Scrolls the list around the element with this id (an option of a listbox) just enough to
/// show the element; the page itself does not move.
pub fn keep_in_view(id: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(item) = leptos::prelude::document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let Some(list) = item.parent_element() else {
            return;
        };
        let (top, bottom) = (item.offset_top(), item.offset_top() + item.offset_height());
        if top < list.scroll_top() {
            list.set_scroll_top(top);
        } else if bottom > list.scroll_top() + list.client_height() {
            list.set_scroll_top(bottom - list.client_height());
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

/// Sets (or, when `value` is empty, removes) the query parameter `name` of the current address
/// without a new history entry or a navigation: a search can be shared, and Back leaves the page.
/// Other parameters and the fragment are kept.
pub fn replace_query_param(name: &str, value: &str) {
    #[cfg(feature = "hydrate")]
    {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(url) = web_sys::Url::new(&window.location().href().unwrap_or_default()) else {
            return;
        };
        let params = url.search_params();
        if params.get(name).as_deref().unwrap_or("") == value {
            return;
        }
        if value.is_empty() {
            params.delete(name);
        } else {
            params.set(name, value);
        }
        url.set_search(&params.to_string().as_string().unwrap_or_default());
        if let Ok(history) = window.history() {
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            let _ = history.replace_state_with_url(&state, "", Some(&url.href()));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (name, value);
}

/// Marks the document as interactive (`<html data-app-ready="true">`): hydration or mounting
/// finished. Tests wait on this instead of sleeping.
pub fn mark_ready() {
    #[cfg(feature = "hydrate")]
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-app-ready", "true");
    }
}

/// Resolves in a later task of the browser's event loop (a zero-delay timeout), so the work
/// after it does not lengthen the current task.
#[cfg(feature = "hydrate")]
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Milliseconds since the epoch, for measuring time budgets; 0 outside the browser.
pub fn now_ms() -> f64 {
    #[cfg(feature = "hydrate")]
    return js_sys::Date::now();
    #[cfg(not(feature = "hydrate"))]
    0.0
}

/// Tells the router that the new page has rendered, so it updates the address bar. The router
/// leaves that to its `<Routes>`, which we do not use: a boxed route view would compile an
/// async hydration path for the whole app and bloat the wasm.
pub fn complete_navigation() {
    #[cfg(feature = "hydrate")]
    {
        use leptos_router::location::{BrowserUrl, LocationProvider};
        if let Some(location) = leptos::prelude::use_context::<BrowserUrl>() {
            location.ready_to_complete();
        }
    }
}

/// A Unix time as local clock time ("14:05") in the given language; empty outside the browser.
pub fn local_time(unix_seconds: u64, lang: Lang) -> String {
    #[cfg(feature = "hydrate")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix_seconds as f64 * 1000.0));
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"hour".into(), &"2-digit".into());
        let _ = js_sys::Reflect::set(&options, &"minute".into(), &"2-digit".into());
        date.to_locale_time_string_with_options(lang.code(), &options)
            .as_string()
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (unix_seconds, lang);
        String::new()
    }
}

/// Reads a value this app stored on the device (`localStorage`); `None` outside the browser,
/// when storage is unavailable (private mode, blocked) or the key is unset. Only for choices
/// that are not personal data (the place, ticked steps): tokens and personal data never go here.
pub fn stored(key: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    return web_sys::window()?.local_storage().ok()??.get_item(key).ok()?;
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = key;
        None
    }
}

/// Stores (`Some`) or removes (`None`) a value on the device; silently does nothing where
/// storage is unavailable: the page still works, it only forgets on reload.
pub fn store(key: &str, value: Option<&str>) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = match value {
            Some(v) => storage.set_item(key, v),
            None => storage.remove_item(key),
        };
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (key, value);
}

/// Opens the browser's print dialog (the print stylesheet turns a journey into a checklist).
pub fn print() {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

//! Wasm entry point: hydrate the prerendered page, or mount into the empty app shell.

// Deeply nested view types (each page is one type) need more than the default 128.
#![recursion_limit = "256"]

#[cfg(feature = "hydrate")]
fn main() {
    use leptos::mount::{hydrate_from, mount_to};
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    // Hydrate in a task of its own: `main` runs in the task that finished compiling and
    // instantiating the module, and both together made one long task that blocked input
    // (Lighthouse's Total Blocking Time). The page is already painted and usable meanwhile.
    leptos::prelude::set_timeout(
        || {
            let root = leptos::prelude::document()
                .get_element_by_id("app")
                .expect("the page has a #app element")
                .unchecked_into::<web_sys::HtmlElement>();
            // Prerendered pages carry content; the app shell (routes only known at runtime) is
            // empty.
            if root.first_child().is_some() {
                hydrate_from(root, lebenslagen::App).forget();
            } else {
                mount_to(root, lebenslagen::App).forget();
            }
        },
        std::time::Duration::ZERO,
    );
}

#[cfg(not(feature = "hydrate"))]
fn main() {
    eprintln!("The app binary runs in the browser: build it with Trunk (`make run`).");
    std::process::exit(2);
}

//! The simulation worker's entry point: moves bytes between `postMessage` and the façade's
//! simulation session (`jobscope_analysis::worker::Session`), which does all the work and is
//! tested natively. Built by Trunk as a module worker (index.html, `data-type="worker"`); the
//! page starts it, talks to it (src/ui/worker.rs) and terminates it to stop a run.
//!
//! Every message is one `ArrayBuffer` of the protocol's bytes, transferred, not copied. A
//! request that does not decode is answered with `Failed`, so the page never waits forever.

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::cell::RefCell;

    use jobscope_analysis::worker::{Request, Response, Session, decode};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let session = RefCell::new(Session::new());
    let reply = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
        match decode::<Request>(&bytes) {
            Ok(request) => session
                .borrow_mut()
                .handle(request, &mut |response| post(&reply, &response)),
            Err(error) => post(&reply, &Response::Failed(error.to_string())),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, &Response::Ready);

    fn post(scope: &DedicatedWorkerGlobalScope, response: &Response) {
        let bytes = jobscope_analysis::worker::encode(response);
        let buffer = js_sys::Uint8Array::from(&bytes[..]).buffer();
        // Posting to the page fails only when the worker is being terminated.
        let _ = scope.post_message_with_transfer(&buffer, &js_sys::Array::of1(&buffer));
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

//! The page's side of the simulation worker: starts it (when a tab needs it, or early when the
//! browser is idle), sends it requests, hands its answers to the panel that asked, and ends it.
//!
//! Why a worker: a month of a minutely CronJob is seconds of simulation and recording; on the
//! main thread that is a frozen page or a loop chopped into frames. In the worker it runs at full
//! speed while the page stays responsive, and Stop is `terminate()`: the run ends at once, the
//! next request starts a fresh worker. The page's own wasm does not link the simulation at all
//! (the façade's `simulation` feature is off in the page build).
//!
//! The worker is a module worker built by Trunk from `worker/`; its loader's hashed file name is
//! written into index.html as `<meta name="jobscope-worker">` by `scripts/post-build.mjs`.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{MessageEvent, WorkerOptions, WorkerType};

use jobscope_analysis::worker::{Request, Response, decode, encode};

/// Who an answer is for: the panel that sent the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Simulation,
    Concurrency,
    /// The version comparison's simulated outcomes.
    Versions,
}

fn channel_of(response: &Response) -> Option<Channel> {
    match response {
        Response::Ready => None,
        Response::Concurrency { .. } => Some(Channel::Concurrency),
        Response::OutcomesProgress { .. } | Response::Outcomes { .. } => Some(Channel::Versions),
        Response::Progress { .. }
        | Response::Recorded(_)
        | Response::Frame(_)
        | Response::Failed(_) => Some(Channel::Simulation),
    }
}

type Handler = Rc<dyn Fn(Response)>;

/// A running worker and what waits for it.
struct Link {
    worker: web_sys::Worker,
    /// Requests sent before the worker said `Ready`.
    waiting: Vec<Vec<u8>>,
    ready: bool,
    // The callbacks live as long as the worker.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

#[derive(Default)]
struct State {
    link: Option<Link>,
    /// Each panel's handler, with the token its cleanup removes it by.
    handlers: Vec<(Channel, u32, Handler)>,
    next_token: u32,
}

/// The page's handle on the worker (`Copy`; one per page).
#[derive(Clone, Copy)]
pub struct SimWorker {
    state: StoredValue<Rc<RefCell<State>>, LocalStorage>,
    /// Bumps each time the worker is ended (Stop, a crash): requests in flight died with it,
    /// so panels that wait for an answer ask again.
    pub generation: RwSignal<u32>,
}

impl SimWorker {
    pub fn new() -> SimWorker {
        SimWorker {
            state: StoredValue::new_local(Rc::new(RefCell::new(State::default()))),
            generation: RwSignal::new(0),
        }
    }

    fn shared(&self) -> Rc<RefCell<State>> {
        self.state.get_value()
    }

    /// Starts the worker if it is not running (the first request does it too).
    pub fn start(&self) {
        let state = self.shared();
        if state.borrow().link.is_some() {
            return;
        }
        match spawn(*self) {
            Ok(link) => state.borrow_mut().link = Some(link),
            Err(message) => self.fail(&format!("The simulation worker did not start: {message}")),
        }
    }

    /// Sends `request`; the answer goes to the handler of its channel.
    pub fn send(&self, request: &Request) {
        self.start();
        let state = self.shared();
        let mut state = state.borrow_mut();
        let Some(link) = state.link.as_mut() else {
            return;
        };
        let bytes = encode(request);
        if link.ready {
            post(&link.worker, &bytes);
        } else {
            link.waiting.push(bytes);
        }
    }

    /// Ends the worker at once, whatever it is doing; the next request starts a new one.
    pub fn stop(&self) {
        let link = self.shared().borrow_mut().link.take();
        if let Some(link) = link {
            link.worker.terminate();
            self.generation.update(|g| *g += 1);
        }
    }

    /// Gives `channel`'s answers to `handler` (replacing the previous one) until the calling
    /// component is cleaned up.
    pub fn listen(&self, channel: Channel, handler: impl Fn(Response) + 'static) {
        let token = {
            let state = self.shared();
            let mut state = state.borrow_mut();
            let token = state.next_token;
            state.next_token = token.wrapping_add(1);
            state.handlers.retain(|(c, _, _)| *c != channel);
            state.handlers.push((channel, token, Rc::new(handler)));
            token
        };
        let this = *self;
        on_cleanup(move || {
            if let Some(state) = this.state.try_get_value() {
                state.borrow_mut().handlers.retain(|(_, t, _)| *t != token);
            }
        });
    }

    fn deliver(&self, response: Response) {
        let state = self.shared();
        if matches!(response, Response::Ready) {
            let mut state = state.borrow_mut();
            if let Some(link) = state.link.as_mut() {
                link.ready = true;
                for bytes in std::mem::take(&mut link.waiting) {
                    post(&link.worker, &bytes);
                }
            }
            return;
        }
        let Some(channel) = channel_of(&response) else {
            return;
        };
        // Called outside the borrow: a handler may send the next request.
        let handler = state
            .borrow()
            .handlers
            .iter()
            .find(|(c, _, _)| *c == channel)
            .map(|(_, _, h)| h.clone());
        if let Some(handler) = handler {
            handler(response);
        }
    }

    /// The worker crashed or could not load: every panel hears it, and it is ended.
    fn fail(&self, message: &str) {
        self.stop();
        let handlers: Vec<Handler> = self
            .shared()
            .borrow()
            .handlers
            .iter()
            .map(|(_, _, h)| h.clone())
            .collect();
        for handler in handlers {
            handler(Response::Failed(message.to_owned()));
        }
    }
}

/// The worker loader's URL: named by the build in index.html.
fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=jobscope-worker]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| "jobscope-worker_loader.js".to_owned())
}

fn spawn(owner: SimWorker) -> Result<Link, String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&worker_url(), &options).map_err(|e| {
        js_sys::Error::from(e)
            .message()
            .as_string()
            .unwrap_or_default()
    })?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
        match decode::<Response>(&bytes) {
            Ok(response) => owner.deliver(response),
            Err(error) => owner.fail(&error.to_string()),
        }
    });
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        let detail = event
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "it could not be loaded".to_owned());
        owner.fail(&format!(
            "The simulation stopped unexpectedly ({detail}); your text is safe. Run it again, or report the manifest if it happens again."
        ));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Link {
        worker,
        waiting: Vec::new(),
        ready: false,
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn post(worker: &web_sys::Worker, bytes: &[u8]) {
    let buffer = js_sys::Uint8Array::from(bytes).buffer();
    // Posting fails only for a terminated worker, which is never kept.
    let _ = worker.post_message_with_transfer(&buffer, &js_sys::Array::of1(&buffer));
}

/// Starts the worker when the browser has nothing else to do, so the first simulation or
/// concurrency diagram does not wait for the worker's download and compilation.
pub fn prefetch_when_idle(worker: SimWorker) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let start = Closure::once_into_js(move || worker.start());
    if window.request_idle_callback(start.unchecked_ref()).is_err() {
        // No requestIdleCallback (Safari): a second after the editor is ready.
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(start.unchecked_ref(), 1000);
    }
}

//! Draws a core [`Scene`] as SVG elements (text as text nodes: no markup is ever parsed from
//! user text) and exports it: SVG and Mermaid files through a Blob, PNG painted on a canvas from
//! the same scene (an `<img>` of the SVG would need `img-src blob:`, which the CSP forbids).
//! Its items' tips show on hover and from the keyboard (see [`SceneView`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use jobscope_analysis::{
    Anchor, Bounds, Item, Paint, Scene, layout_width, marker_path, polyline_points,
};

use super::page::Page;

fn class(paint: Paint) -> String {
    format!("p-{}", paint.name())
}

/// What the tooltip shows, and where: viewport coordinates of the point it hangs from.
struct Shown {
    text: String,
    left: f64,
    top: f64,
    /// Drawn above the point (near the bottom of the window) rather than below it.
    above: bool,
}

/// One scene as an inline SVG drawn at 1:1 (its text at the size the scene gives it).
///
/// The diagrams are laid out at [`Page::chart_width`]: each view measures the room inside its
/// frame when it is drawn and when the window is resized, and sets that width when it differs,
/// so every diagram fills its pane. The frame's width does not depend on the drawing (it
/// scrolls a wider one), so a measurement never feeds back into itself.
///
/// Items are keyed by their content, so a new scene that differs from the last in a few items
/// (the player's next frame: the time cursor and the running pods' bars) replaces only those
/// elements: redrawing a Gantt chart of 600 bars twenty times a second otherwise takes most
/// of each frame's main-thread time.
///
/// Every item with a tip can be pointed at: hovering shows its tip beside the pointer, and in
/// the focused frame the arrow keys (Home, End) step through the items in drawing order,
/// ringing the item, scrolling it into the frame, showing its tip and announcing it to screen
/// readers; Escape closes the tip. The tooltip is `position: fixed`, so the frame's scrolling
/// box does not clip it; scrolling the page hides it.
#[component]
pub fn SceneView(#[prop(into)] scene: Signal<Scene>, testid: &'static str) -> impl IntoView {
    let items = Memo::new(move |_| scene.with(|scene| keyed(&scene.items)));
    let title = Memo::new(move |_| scene.with(|scene| scene.title.clone()));
    let view_box = Memo::new(move |_| scene.with(|s| format!("0 0 {} {}", s.width, s.height)));
    let size = Memo::new(move |_| scene.with(|s| (s.width, s.height)));
    // The item chosen with the keyboard: an index among the items with a tip.
    let chosen = RwSignal::new(None::<usize>);
    let svg = NodeRef::<leptos::svg::Svg>::new();
    if let Some(page) = use_context::<Page>() {
        let measure = move || {
            if let Some(width) = svg.get_untracked().and_then(|svg| room_inside(&svg)) {
                let width = layout_width(width);
                if (width - page.chart_width.get_untracked()).abs() > 0.5 {
                    page.chart_width.set(width);
                }
            }
        };
        // After each drawing (the first one, and a tab shown again) and on every resize.
        Effect::new(move |_| {
            size.track();
            measure();
        });
        let resize = window_event_listener(leptos::ev::resize, move |_| measure());
        on_cleanup(move || resize.remove());
    }
    // The tip and the announcement are the page's two elements for every diagram
    // (`#scene-tip`, `#scene-announced` in index.html), and the ring an element of the drawing,
    // all updated in place: a signal, or a view made per tip, costs the bundle kilobytes of
    // generic code.
    let show = move |shown: Option<Shown>| {
        let Some(tip) = page_element("scene-tip") else {
            return;
        };
        match shown {
            Some(Shown {
                text,
                left,
                top,
                above,
            }) => {
                tip.set_text_content(Some(&text));
                tip.set_class_name(if above {
                    "scene-tip above"
                } else {
                    "scene-tip"
                });
                tip.set_hidden(false);
                // Centred on the point, but kept inside the window (measured once shown).
                let width = f64::from(tip.offset_width());
                let window_width = web_sys::window()
                    .and_then(|w| w.inner_width().ok())
                    .and_then(|w| w.as_f64())
                    .unwrap_or(1280.0);
                let left = (left - width / 2.0)
                    .min(window_width - width - 8.0)
                    .max(8.0);
                let style = tip.style();
                let _ = style.set_property("left", &format!("{left:.0}px"));
                let _ = style.set_property("top", &format!("{top:.0}px"));
            }
            None => {
                tip.set_hidden(true);
                if let Some(announced) = page_element("scene-announced") {
                    announced.set_text_content(None);
                }
            }
        }
    };
    let tip_shown = || page_element("scene-tip").is_some_and(|tip| !tip.hidden());
    // The chosen item ringed, kept in view and under its tip as the scene changes (the
    // player's frames); announced to screen readers with its place in the list. The effect
    // returns whether the ring is shown: with nothing chosen and the ring already hidden it
    // reads no scene, so the player's frames do not run it.
    Effect::new(move |ringed: Option<bool>| {
        let index = chosen.get();
        if index.is_none() && ringed != Some(true) {
            return false;
        }
        let (Some(svg), Some(announced)) = (svg.get_untracked(), page_element("scene-announced"))
        else {
            return false;
        };
        let Some(ring) = svg.query_selector(".tip-ring").ok().flatten() else {
            return false;
        };
        let found = scene.with(|scene| {
            let (bounds, tip) = scene.tip(index?)?;
            let count = scene.tip_count();
            Some((bounds, tip.to_owned(), count))
        });
        let Some((bounds, tip, count)) = found else {
            // Nothing chosen here; the announcement is another diagram's, or cleared by `show`.
            let _ = ring.set_attribute("visibility", "hidden");
            if index.is_some() {
                chosen.set(None);
                show(None);
            }
            return false;
        };
        for (name, value) in [
            ("x", bounds.x - 2.0),
            ("y", bounds.y - 2.0),
            ("width", bounds.w.max(1.0) + 4.0),
            ("height", bounds.h.max(1.0) + 4.0),
        ] {
            let _ = ring.set_attribute(name, &format!("{value:.1}"));
        }
        let _ = ring.remove_attribute("visibility");
        announced.set_text_content(Some(&format!(
            "{tip} ({} of {count})",
            index.unwrap_or_default() + 1
        )));
        scroll_into_frame(&svg, bounds);
        show(Some(place(&svg, bounds, tip)));
        true
    });
    let frame_focused = move || {
        let frame = svg.get_untracked().and_then(|svg| svg.parent_element());
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        frame.is_some() && frame == active
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let key = ev.key();
        if key == "Escape" {
            if tip_shown() {
                chosen.set(None);
                show(None);
                ev.prevent_default();
            }
            return;
        }
        if !frame_focused() {
            return;
        }
        // Modified keys belong to others (Shift+arrows pan the timeline).
        let count = scene.with_untracked(Scene::tip_count);
        if count == 0 || ev.shift_key() || ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        let next = match (key.as_str(), chosen.get_untracked()) {
            ("ArrowRight" | "ArrowDown", Some(i)) => (i + 1).min(count - 1),
            ("ArrowLeft" | "ArrowUp", Some(i)) => i.saturating_sub(1),
            ("ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" | "Home", _) => 0,
            ("End", _) => count - 1,
            _ => return,
        };
        ev.prevent_default();
        chosen.set(Some(next));
    });
    // Focus elsewhere ends the keyboard's choice; scrolling leaves a fixed tip behind, so hide it.
    let focus = window_event_listener(leptos::ev::focusin, move |_| {
        if chosen.get_untracked().is_some() && !frame_focused() {
            chosen.set(None);
            show(None);
        }
    });
    let wheel = window_event_listener(leptos::ev::wheel, move |_| show(None));
    let scroll = window_event_listener(leptos::ev::scroll, move |_| show(None));
    on_cleanup(move || {
        keys.remove();
        focus.remove();
        wheel.remove();
        scroll.remove();
    });
    let hover = move |ev: leptos::ev::PointerEvent| {
        let tip = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("data-tip"));
        match tip {
            Some(text) => {
                chosen.set(None);
                show(Some(Shown {
                    text,
                    left: f64::from(ev.client_x()),
                    top: f64::from(ev.client_y()) + 18.0,
                    above: false,
                }));
            }
            None if chosen.get_untracked().is_none() => show(None),
            None => {}
        }
    };
    view! {
        <svg
            node_ref=svg
            class="scene"
            data-testid=testid
            role="img"
            aria-label=move || title.get()
            viewBox=move || view_box.get()
            width=move || size.get().0
            height=move || size.get().1
            preserveAspectRatio="xMinYMin meet"
            on:pointerover=hover
            on:pointerleave=move |_| {
                if chosen.get_untracked().is_none() {
                    show(None);
                }
            }
        >
            <title>{move || title.get()}</title>
            <For each=move || items.get() key=|(key, _)| *key children=|(_, item)| item_view(&item) />
            <rect class="tip-ring" visibility="hidden" />
        </svg>
    }
}

/// One of the page's own elements (index.html), by id.
fn page_element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// Where the tip of the item at `bounds` (scene coordinates) hangs: under its middle, or above
/// it when it sits near the bottom of the window.
fn place(svg: &web_sys::SvgElement, bounds: Bounds, text: String) -> Shown {
    let rect = svg.get_bounding_client_rect();
    let window_height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let left = rect.left() + bounds.x + bounds.w / 2.0;
    let bottom = rect.top() + bounds.y + bounds.h + 6.0;
    let above = bottom > window_height - 120.0;
    Shown {
        text,
        left,
        top: if above {
            rect.top() + bounds.y - 6.0
        } else {
            bottom
        },
        above,
    }
}

/// Scrolls the frame around `svg` sideways so the item at `bounds` is inside it.
fn scroll_into_frame(svg: &web_sys::SvgElement, bounds: Bounds) {
    let Some(frame) = svg.parent_element() else {
        return;
    };
    let (left, width) = (
        f64::from(frame.scroll_left()),
        f64::from(frame.client_width()),
    );
    let margin = 16.0;
    if bounds.x < left + margin {
        frame.set_scroll_left((bounds.x - margin).max(0.0) as i32);
    } else if bounds.x + bounds.w > left + width - margin {
        frame.set_scroll_left((bounds.x + bounds.w - width + margin) as i32);
    }
}

/// The width inside the element around `svg` (its frame), padding taken off; `None` while it
/// is not laid out (a hidden tab).
fn room_inside(svg: &web_sys::SvgElement) -> Option<f64> {
    let frame = svg.parent_element()?;
    let width = f64::from(frame.client_width());
    if width <= 0.0 {
        return None;
    }
    let style = web_sys::window()?.get_computed_style(&frame).ok()??;
    let padding = |side: &str| {
        style
            .get_property_value(side)
            .ok()
            .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    Some((width - padding("padding-left") - padding("padding-right")).floor())
}

/// Each item with a key that changes when the item does: its content's hash and how many equal
/// items came before it (keys must be unique).
fn keyed(items: &[Item]) -> Vec<((u64, u32), Item)> {
    use std::hash::Hasher;
    let mut seen: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
    items
        .iter()
        .map(|item| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            hash_item(item, &mut hasher);
            let hash = hasher.finish();
            let count = seen.entry(hash).or_insert(0);
            *count += 1;
            ((hash, *count), item.clone())
        })
        .collect()
}

fn hash_item(item: &Item, h: &mut impl std::hash::Hasher) {
    use std::hash::Hash;
    let mut number = |v: f64| v.to_bits().hash(h);
    match item {
        Item::Rect {
            x,
            y,
            w,
            h: height,
            paint,
            opacity,
            tip,
        } => {
            for v in [*x, *y, *w, *height, *opacity] {
                number(v);
            }
            (0u8, paint.name(), tip).hash(h);
        }
        Item::Line {
            x1,
            y1,
            x2,
            y2,
            paint,
            width,
            tip,
        } => {
            for v in [*x1, *y1, *x2, *y2, *width] {
                number(v);
            }
            (1u8, paint.name(), tip).hash(h);
        }
        Item::Marker { x, y, paint, tip } => {
            number(*x);
            number(*y);
            (2u8, paint.name(), tip).hash(h);
        }
        Item::Polyline {
            points,
            paint,
            width,
        } => {
            for (x, y) in points {
                number(*x);
                number(*y);
            }
            number(*width);
            (3u8, paint.name()).hash(h);
        }
        Item::Text {
            x,
            y,
            text,
            paint,
            anchor,
            size,
            bold,
            tip,
        } => {
            for v in [*x, *y, *size] {
                number(v);
            }
            (4u8, text, paint.name(), anchor.as_str(), bold, tip).hash(h);
        }
    }
}

fn item_view(item: &Item) -> AnyView {
    match item {
        Item::Rect {
            x,
            y,
            w,
            h,
            paint,
            opacity,
            tip,
        } => view! {
            <rect
                class=class(*paint)
                x=format!("{x:.1}")
                y=format!("{y:.1}")
                width=format!("{w:.2}")
                height=format!("{h:.1}")
                fill-opacity=format!("{opacity:.2}")
                data-tip=tip.clone()
            />
        }
        .into_any(),
        Item::Line {
            x1,
            y1,
            x2,
            y2,
            paint,
            width,
            tip,
        } => view! {
            <line
                class=class(*paint)
                x1=format!("{x1:.1}")
                y1=format!("{y1:.1}")
                x2=format!("{x2:.1}")
                y2=format!("{y2:.1}")
                stroke-width=width.to_string()
                data-tip=tip.clone()
            />
        }
        .into_any(),
        Item::Marker { x, y, paint, tip } => view! {
            <path class=class(*paint) d=marker_path(*x, *y) data-tip=tip.clone() />
        }
        .into_any(),
        Item::Polyline {
            points,
            paint,
            width,
        } => view! {
            <polyline
                class=format!("{} line", class(*paint))
                points=polyline_points(points)
                fill="none"
                stroke-width=width.to_string()
            />
        }
        .into_any(),
        Item::Text {
            x,
            y,
            text,
            paint,
            anchor,
            size,
            bold,
            tip,
        } => view! {
            <text
                class=class(*paint)
                x=format!("{x:.1}")
                y=format!("{y:.1}")
                text-anchor=anchor.as_str()
                font-size=size.to_string()
                font-weight=if *bold { "bold" } else { "normal" }
                data-tip=tip.clone()
            >
                {text.clone()}
            </text>
        }
        .into_any(),
    }
}

/// Offers `content` as a file download named `name`.
pub fn download_text(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser refused to make the file".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser refused to make the file".to_owned())?;
    let result = click_link(&url, name);
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

fn click_link(href: &str, name: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "no link")?
        .dyn_into()
        .map_err(|_| "no link")?;
    link.set_href(href);
    link.set_download(name);
    link.click();
    Ok(())
}

/// Paints `scene` on a canvas (twice the size, for sharp text) and downloads it as PNG.
pub fn download_png(name: &str, scene: &Scene) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| "no canvas")?
        .dyn_into()
        .map_err(|_| "no canvas")?;
    const SCALE: f64 = 2.0;
    canvas.set_width((scene.width * SCALE).ceil() as u32);
    canvas.set_height((scene.height * SCALE).ceil() as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("no 2d canvas")?
        .dyn_into()
        .map_err(|_| "no 2d canvas")?;
    let _ = context.scale(SCALE, SCALE);
    paint(&context, scene);
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| "the browser refused to export the canvas".to_owned())?;
    click_link(&url, name)
}

fn paint(ctx: &web_sys::CanvasRenderingContext2d, scene: &Scene) {
    ctx.set_fill_style_str(Paint::Background.color());
    ctx.fill_rect(0.0, 0.0, scene.width, scene.height);
    for item in &scene.items {
        ctx.set_global_alpha(1.0);
        match item {
            Item::Rect {
                x,
                y,
                w,
                h,
                paint,
                opacity,
                ..
            } => {
                ctx.set_global_alpha(*opacity);
                ctx.set_fill_style_str(paint.color());
                ctx.fill_rect(*x, *y, *w, *h);
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                paint,
                width,
                ..
            } => {
                ctx.set_stroke_style_str(paint.color());
                ctx.set_line_width(*width);
                ctx.begin_path();
                ctx.move_to(*x1, *y1);
                ctx.line_to(*x2, *y2);
                ctx.stroke();
            }
            Item::Marker { x, y, paint, .. } => {
                ctx.set_fill_style_str(paint.color());
                ctx.begin_path();
                ctx.move_to(*x, *y);
                ctx.line_to(x - 5.0, y - 8.0);
                ctx.line_to(x + 5.0, y - 8.0);
                ctx.close_path();
                ctx.fill();
            }
            Item::Polyline {
                points,
                paint,
                width,
            } => {
                ctx.set_stroke_style_str(paint.color());
                ctx.set_line_width(*width);
                ctx.begin_path();
                for (i, (x, y)) in points.iter().enumerate() {
                    if i == 0 {
                        ctx.move_to(*x, *y);
                    } else {
                        ctx.line_to(*x, *y);
                    }
                }
                ctx.stroke();
            }
            Item::Text {
                x,
                y,
                text,
                paint,
                anchor,
                size,
                bold,
                ..
            } => {
                ctx.set_fill_style_str(paint.color());
                ctx.set_font(&format!(
                    "{}{size}px system-ui, sans-serif",
                    if *bold { "bold " } else { "" }
                ));
                ctx.set_text_align(match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "center",
                    Anchor::End => "end",
                });
                let _ = ctx.fill_text(text, *x, *y);
            }
        }
    }
}

/// File names from user text: letters, digits, dots and dashes only.
pub fn file_name(stem: &str, extension: &str) -> String {
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .take(80)
        .collect();
    let clean = if clean.is_empty() {
        "jobscope".to_owned()
    } else {
        clean
    };
    format!("{clean}.{extension}")
}

/// The export buttons under a diagram: SVG and PNG, and Mermaid when the view has it.
#[component]
pub fn Exports(
    #[prop(into)] scene: Signal<Scene>,
    stem: Signal<String>,
    #[prop(optional)] mermaid: Option<Signal<String>>,
    testid: &'static str,
) -> impl IntoView {
    let page = expect_context::<super::page::Page>();
    let report = move |result: Result<(), String>, what: &str| match result {
        Ok(()) => page.say(format!("Downloaded the {what}.")),
        Err(error) => page.say(format!("Could not download the {what}: {error}")),
    };
    view! {
        <div class="exports" role="group" aria-label="Download">
            <button
                type="button"
                data-testid=format!("{testid}-svg")
                on:click=move |_| {
                    let svg = scene.with_untracked(Scene::to_svg);
                    report(
                        download_text(&file_name(&stem.get_untracked(), "svg"), "image/svg+xml", &svg),
                        "SVG",
                    );
                }
            >
                "SVG"
            </button>
            <button
                type="button"
                data-testid=format!("{testid}-png")
                on:click=move |_| {
                    let result = scene
                        .with_untracked(|s| download_png(&file_name(&stem.get_untracked(), "png"), s));
                    report(result, "PNG");
                }
            >
                "PNG"
            </button>
            {mermaid
                .map(|text| {
                    view! {
                        <button
                            type="button"
                            data-testid=format!("{testid}-mermaid")
                            on:click=move |_| {
                                report(
                                    download_text(
                                        &file_name(&stem.get_untracked(), "mmd"),
                                        "text/plain",
                                        &text.get_untracked(),
                                    ),
                                    "Mermaid text",
                                );
                            }
                        >
                            "Mermaid"
                        </button>
                    }
                })}
        </div>
    }
}

//! The diagrams' outcome colours (run, succeeded, failed, deleted, pending) in both themes, as
//! `style/main.css` sets them: every pair stays apart for readers with protanopia,
//! deuteranopia or tritanopia, and every colour has 3:1 against the page's surface (WCAG's
//! non-text contrast). The light colours are the exported files' (`Paint::color`).
//!
//! Colour blindness is simulated with Machado, Oliveira and Fernandes's matrices (2009,
//! severity 1) on linear sRGB; distance is CIE76 ΔE in CIELAB (D65). A ΔE of 20 is a plainly
//! visible difference; the palette before this test had pairs at 5.5 (running and deleted under
//! deuteranopia) and 7.3 (succeeded and failed, dark theme).

use jobscope_analysis::Paint;

const MIN_DELTA_E: f64 = 20.0;
const MIN_CONTRAST: f64 = 3.0;

type Matrix = [[f64; 3]; 3];

const VISIONS: [(&str, Matrix); 4] = [
    (
        "normal",
        [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
    ),
    (
        "protanopia",
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ],
    ),
    (
        "deuteranopia",
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ],
    ),
    (
        "tritanopia",
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ],
    ),
];

/// The outcome paints, by the class the page's CSS gives them.
const OUTCOMES: [(&str, Paint); 5] = [
    ("p-run", Paint::Run),
    ("p-succeeded", Paint::Succeeded),
    ("p-failed", Paint::Failed),
    ("p-terminated", Paint::Terminated),
    ("p-pending", Paint::Pending),
];

fn linear(hex: &str) -> [f64; 3] {
    let hex = hex.trim_start_matches('#');
    assert_eq!(hex.len(), 6, "#rrggbb: {hex}");
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex")) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    [channel(0), channel(2), channel(4)]
}

fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

fn seen(hex: &str, m: &Matrix) -> [f64; 3] {
    let c = linear(hex);
    let row = |i: usize| (m[i][0] * c[0] + m[i][1] * c[1] + m[i][2] * c[2]).clamp(0.0, 1.0);
    lab([row(0), row(1), row(2)])
}

fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

fn contrast(a: &str, b: &str) -> f64 {
    let luminance = |hex: &str| {
        let [r, g, b] = linear(hex);
        0.2126 * r + 0.7152 * g + 0.0722 * b
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The `--c: #rrggbb` of the rule whose selectors name `class`, among the rules `wanted`
/// accepts (by their selector text); `--surface` likewise for the theme's custom properties.
fn css_colour(css: &str, class: &str, wanted: impl Fn(&str) -> bool) -> Option<String> {
    let mut start = 0;
    for (end, _) in css.match_indices('}') {
        let rule = &css[start..end];
        start = end + 1;
        let Some((selectors, body)) = rule.rsplit_once('{') else {
            continue;
        };
        let selectors = selectors.rsplit(['}', '/']).next().unwrap_or(selectors);
        let names_class = selectors
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .any(|word| word == class);
        if !names_class || !wanted(selectors) {
            continue;
        }
        if let Some(value) = body.split("--c:").nth(1) {
            return Some(value.trim().trim_end_matches(';').trim().to_owned());
        }
    }
    None
}

fn surface(css: &str, dark: bool) -> String {
    let needle = "--surface: #";
    let mut found = css
        .match_indices(needle)
        .map(|(i, _)| css[i + needle.len() - 1..i + needle.len() + 6].to_owned());
    let light = found.next().expect("the light surface");
    let dark_surface = found.next().expect("the dark surface");
    if dark { dark_surface } else { light }
}

#[test]
fn the_outcome_colours_stay_apart_for_colour_blind_readers_in_both_themes() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css"))
        .expect("style/main.css");
    let light: Vec<(&str, String)> = OUTCOMES
        .iter()
        .map(|(class, paint)| {
            let colour = css_colour(&css, class, |s| !s.contains(":root"))
                .unwrap_or_else(|| panic!("no light colour for .{class}"));
            assert_eq!(
                colour,
                paint.color(),
                ".{class}: the page and the exports agree"
            );
            (*class, colour)
        })
        .collect();
    let dark: Vec<(&str, String)> = light
        .iter()
        .map(|(class, light_colour)| {
            let by_theme = css_colour(&css, class, |s| s.contains("[data-theme=\"dark\"]"));
            let by_system = css_colour(&css, class, |s| s.contains(":not([data-theme=\"light\"])"));
            assert_eq!(
                by_theme, by_system,
                ".{class}: the dark theme chosen or from the system"
            );
            (*class, by_theme.unwrap_or_else(|| light_colour.clone()))
        })
        .collect();
    for (theme, palette, background) in [
        ("light", &light, surface(&css, false)),
        ("dark", &dark, surface(&css, true)),
    ] {
        for (class, colour) in palette.iter() {
            let ratio = contrast(colour, &background);
            assert!(
                ratio >= MIN_CONTRAST,
                "{theme}: .{class} {colour} has {ratio:.2}:1 on {background}"
            );
        }
        for (vision, matrix) in &VISIONS {
            for (i, (a, colour_a)) in palette.iter().enumerate() {
                for (b, colour_b) in &palette[i + 1..] {
                    let distance = delta_e(seen(colour_a, matrix), seen(colour_b, matrix));
                    assert!(
                        distance >= MIN_DELTA_E,
                        "{theme}, {vision}: .{a} {colour_a} and .{b} {colour_b} are ΔE {distance:.1} apart"
                    );
                }
            }
        }
    }
}

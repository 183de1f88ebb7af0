//! Fuzzes the whole analysis (YAML, decoding, defaulting, validation, lint) with any text: no
//! panic, no hang, every span inside the text.
#![no_main]

use jobscope_analysis::{Options, analyze};
use jobscope_cron::Instant;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let analysis = analyze(text, &Options::at(Instant::from_unix(1_767_225_600)));
    for diagnostic in analysis.diagnostics() {
        assert!(diagnostic.span.start <= diagnostic.span.end && diagnostic.span.end <= text.len());
        assert!(text.is_char_boundary(diagnostic.span.start) && text.is_char_boundary(diagnostic.span.end));
    }
});

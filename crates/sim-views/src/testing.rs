//! Test support: a manifest text read as the analysis reads it, handed to the simulation.

use jobscope_api::manifest::client::ClientPath;
use jobscope_api::manifest::document::read_sent_manifest;
use jobscope_sim::Subject;
use jobscope_yaml::parse_stream;

/// Runs `f` with the first document of `text` as a simulation subject.
pub(crate) fn with_subject<T>(text: &str, f: impl FnOnce(Subject<'_>) -> T) -> T {
    let stream = parse_stream(text);
    let value = stream.documents[0]
        .value
        .clone()
        .expect("a readable document");
    let manifest = read_sent_manifest(&value, ClientPath::KubectlApply, Default::default());
    f(Subject {
        manifest: &manifest,
        object: &value,
    })
}

//! The inputs of `validate` and `outline`, read as kubeconform and `kubectl apply -f` read them:
//! files, directories (recursively, the files ending in `.yaml`, `.yml` or `.json`, in name
//! order, as `kubectl apply -f DIR -R` takes them), and stdin (`-`, or no path at all:
//! `helm template … | jobscope validate`), minus what `--exclude` matches.
//!
//! A file is read when it is analysed, not before: only stdin is kept in memory, so a directory
//! of any size costs one file at a time.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The extensions kubectl reads in a directory (`FileExtensions` of its resource builder).
const EXTENSIONS: [&str; 3] = ["yaml", "yml", "json"];

/// One input to read: a file, or stdin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
    /// A path that could not be listed (missing, unreadable directory): reported as that
    /// input's error.
    Missing(PathBuf, String),
}

impl Source {
    /// The name findings are reported under: the path as given, `-` for stdin.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_owned(),
            Source::File(path) | Source::Missing(path, _) => path.display().to_string(),
        }
    }
}

/// An input's text, or why it has none: a message, and the 1-based line and column (in bytes)
/// it points at.
pub type Text = Result<String, (String, usize, usize)>;

/// The inputs the paths name, in order; directories expanded.
pub fn sources(paths: &[PathBuf], exclude: &[glob::Pattern]) -> Vec<Source> {
    if paths.is_empty() {
        return vec![Source::Stdin];
    }
    let excluded = |path: &Path| {
        let options = glob::MatchOptions {
            require_literal_separator: true,
            ..glob::MatchOptions::new()
        };
        // `./k8s/x.yaml` and `k8s/x.yaml` match the same patterns.
        let path = path.strip_prefix(".").unwrap_or(path);
        exclude.iter().any(|p| p.matches_path_with(path, options))
    };
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        if excluded(path) {
            continue;
        }
        if !path.is_dir() {
            // A file named on the command line is read whatever its extension, as kubectl does.
            out.push(Source::File(path.clone()));
            continue;
        }
        let walk = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| entry.depth() == 0 || !excluded(entry.path()));
        for entry in walk {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let wanted = entry
                        .path()
                        .extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| EXTENSIONS.contains(&e));
                    if wanted {
                        out.push(Source::File(entry.into_path()));
                    }
                }
                Ok(_) => {}
                Err(error) => {
                    let at = error.path().unwrap_or(path).to_path_buf();
                    let message = error
                        .io_error()
                        .map_or_else(|| error.to_string(), ToString::to_string);
                    out.push(Source::Missing(at, message));
                }
            }
        }
    }
    out
}

/// Reads an input; stdin is read once and kept by the caller.
pub fn read(source: &Source) -> Text {
    let bytes = match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| (format!("reading stdin: {e}"), 1, 1))?;
            bytes
        }
        Source::File(path) => std::fs::read(path).map_err(|e| (e.to_string(), 1, 1))?,
        Source::Missing(_, message) => return Err((message.clone(), 1, 1)),
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        (
            format!("the file is not valid UTF-8 (byte {at}); Kubernetes manifests are UTF-8 text"),
            line,
            at - line_start + 1,
        )
    })
}

/// The inputs with stdin read at most once: its text is kept for a second pass.
pub struct Inputs {
    pub sources: Vec<Source>,
    stdin: Option<Text>,
    /// What stdin is called in the findings (`--stdin-name`).
    stdin_name: String,
}

impl Inputs {
    pub fn new(sources: Vec<Source>, stdin_name: &str) -> Self {
        Inputs {
            sources,
            stdin: None,
            stdin_name: stdin_name.to_owned(),
        }
    }

    /// The name the input at `index` is reported under.
    pub fn name(&self, index: usize) -> String {
        match &self.sources[index] {
            Source::Stdin => self.stdin_name.clone(),
            other => other.name(),
        }
    }

    /// The text of the input at `index` (stdin read the first time it is asked for).
    pub fn text(&mut self, index: usize) -> Text {
        match &self.sources[index] {
            Source::Stdin => self
                .stdin
                .get_or_insert_with(|| read(&Source::Stdin))
                .clone(),
            other => read(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_gives_its_manifests_in_name_order_minus_the_excluded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli/inputs/tree");
        let names = |exclude: &[&str]| -> Vec<String> {
            let patterns: Vec<glob::Pattern> = exclude
                .iter()
                .map(|p| glob::Pattern::new(p).unwrap())
                .collect();
            sources(std::slice::from_ref(&dir), &patterns)
                .iter()
                .map(|s| {
                    let Source::File(path) = s else {
                        panic!("{s:?}")
                    };
                    path.strip_prefix(&dir).unwrap().display().to_string()
                })
                .collect()
        };
        assert_eq!(
            names(&[]),
            [
                "cronjob.yml",
                "jobs/backup.yaml",
                "jobs/list.json",
                "jobs/nested/pi.yaml"
            ]
        );
        assert_eq!(
            names(&["**/nested"]),
            ["cronjob.yml", "jobs/backup.yaml", "jobs/list.json"]
        );
        assert_eq!(
            names(&["**/*.json", "**/*.yml"]),
            ["jobs/backup.yaml", "jobs/nested/pi.yaml"]
        );
    }

    #[test]
    fn no_path_is_stdin_and_a_missing_path_is_reported() {
        assert_eq!(sources(&[], &[]), [Source::Stdin]);
        let missing = PathBuf::from("no/such/file.yaml");
        let found = sources(std::slice::from_ref(&missing), &[]);
        assert_eq!(found, [Source::File(missing.clone())]);
        assert!(read(&found[0]).is_err());
    }
}

//! Container image references (`distribution/reference`'s `ParseNormalizedNamed`, as
//! Kubernetes' `parsers.ParseImageName` uses it): repository, tag and digest.

/// A parsed image reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRef {
    /// The repository as written, without tag or digest.
    pub(crate) repository: String,
    pub tag: Option<String>,
    pub(crate) digest: Option<String>,
}

impl ImageRef {
    /// `ParseImageName`'s tag: the written tag, or `latest` when there is neither a tag nor a
    /// digest.
    pub fn effective_tag(&self) -> Option<&str> {
        match (&self.tag, &self.digest) {
            (Some(tag), _) => Some(tag),
            (None, None) => Some("latest"),
            (None, Some(_)) => None,
        }
    }
}

/// Parses an image reference; `None` when `ParseNormalizedNamed` would refuse it.
pub fn parse_image(image: &str) -> Option<ImageRef> {
    if image.is_empty() || image.len() > 4096 || image.chars().any(char::is_whitespace) {
        return None;
    }
    let (rest, digest) = match image.split_once('@') {
        Some((rest, digest)) => {
            let (algorithm, hex) = digest.split_once(':')?;
            let algorithm_ok = !algorithm.is_empty()
                && algorithm
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"+._-".contains(&b));
            let hex_ok = hex.len() >= 32 && hex.bytes().all(|b| b.is_ascii_hexdigit());
            if !algorithm_ok || !hex_ok {
                return None;
            }
            (rest, Some(digest.to_owned()))
        }
        None => (image, None),
    };
    // The tag follows the last ':' after the last '/'.
    let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match rest[last_slash..].rfind(':') {
        Some(colon) => {
            let at = last_slash + colon;
            (&rest[..at], Some(rest[at + 1..].to_owned()))
        }
        None => (rest, None),
    };
    if let Some(tag) = &tag {
        let bytes = tag.as_bytes();
        let ok = !bytes.is_empty()
            && bytes.len() <= 128
            && (bytes[0].is_ascii_alphanumeric() || bytes[0] == b'_')
            && bytes
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(b));
        if !ok {
            return None;
        }
    }
    if name.is_empty() || name.len() > 255 {
        return None;
    }
    let mut components: Vec<&str> = name.split('/').collect();
    // A first component with '.', ':' or "localhost" (or upper case) is a registry host.
    if components.len() > 1 {
        let first = components[0];
        if first.contains(['.', ':'])
            || first == "localhost"
            || first.bytes().any(|b| b.is_ascii_uppercase())
        {
            let host = first.split(':').next().unwrap_or("");
            let port_ok = first.split_once(':').is_none_or(|(_, port)| {
                !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())
            });
            if host.is_empty()
                || !port_ok
                || !host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.".contains(&b))
            {
                return None;
            }
            components.remove(0);
        }
    }
    for component in components {
        if !path_component_ok(component) {
            return None;
        }
    }
    Some(ImageRef {
        repository: name.to_owned(),
        tag,
        digest,
    })
}

/// `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`
fn path_component_ok(component: &str) -> bool {
    let bytes = component.as_bytes();
    if bytes.is_empty() || !is_lower_alnum(bytes[0]) || !is_lower_alnum(bytes[bytes.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        if is_lower_alnum(bytes[i]) {
            i += 1;
            continue;
        }
        // A separator run: ".", "_", "__" or dashes.
        let start = i;
        while i < bytes.len() && !is_lower_alnum(bytes[i]) {
            i += 1;
        }
        let separator = &component[start..i];
        let ok = matches!(separator, "." | "_" | "__") || separator.bytes().all(|b| b == b'-');
        if !ok {
            return false;
        }
    }
    true
}

fn is_lower_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_digests() {
        assert_eq!(parse_image("perl").unwrap().effective_tag(), Some("latest"));
        assert_eq!(
            parse_image("perl:5.34").unwrap().effective_tag(),
            Some("5.34")
        );
        assert_eq!(
            parse_image("backup-tool:latest").unwrap().effective_tag(),
            Some("latest")
        );
        assert_eq!(
            parse_image("registry.example.com:5000/team/app:1.2")
                .unwrap()
                .tag
                .as_deref(),
            Some("1.2")
        );
        let digest = format!("app@sha256:{}", "a".repeat(64));
        assert_eq!(parse_image(&digest).unwrap().effective_tag(), None);
        assert_eq!(parse_image("Perl"), None);
        assert_eq!(parse_image(" perl"), None);
        assert_eq!(parse_image("perl:"), None);
        assert_eq!(
            parse_image("a__b/c.d/e---f").map(|r| r.repository),
            Some("a__b/c.d/e---f".to_owned())
        );
        // A first component with a dot is a registry host, and hosts have no underscores.
        assert_eq!(parse_image("a__b.c/d"), None);
    }
}

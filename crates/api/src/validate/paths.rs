//! Path rules shared by volumes, mounts and security profiles: `validateLocalDescendingPath`
//! and `validatePathNoBacksteps`.

use super::context::{Loc, Out};
use super::field::BadValue;

/// `validateLocalDescendingPath`: relative, and no `..` element.
pub(crate) fn validate_local_descending_path(target: &str, loc: &Loc, out: &mut Out) {
    if target.starts_with('/') {
        out.invalid(
            loc,
            BadValue::Str(target.to_owned()),
            "must be a relative path",
        );
    }
    validate_path_no_backsteps(target, loc, out);
}

/// `validatePathNoBacksteps` (one error is enough, even for `../../..`).
pub(crate) fn validate_path_no_backsteps(target: &str, loc: &Loc, out: &mut Out) {
    if has_backsteps(target) {
        out.invalid(
            loc,
            BadValue::Str(target.to_owned()),
            "must not contain '..'",
        );
    }
}

pub(crate) fn has_backsteps(target: &str) -> bool {
    target.split('/').any(|part| part == "..")
}

//! The security profiles and Windows options of a container or pod `securityContext`:
//! `validateSeccompProfileField`, `ValidateAppArmorProfileField` and
//! `validateWindowsSecurityContextOptions`, shared by the pod-level and container-level checks.

use super::context::{Loc, Out, internal_json, str_of};
use super::field::BadValue;
use super::names::is_dns1123_subdomain;
use super::paths::validate_local_descending_path;
use crate::manifest::object::Node;
use crate::manifest::schema::SECCOMP_PROFILE;
use jobscope_golang::strings::go_trim_space;

const MAX_GMSA_CREDENTIAL_SPEC_LENGTH_KIB: usize = 64;
const MAX_GMSA_CREDENTIAL_SPEC_LENGTH: usize = MAX_GMSA_CREDENTIAL_SPEC_LENGTH_KIB * 1024;
const MAX_RUN_AS_USER_NAME_DOMAIN_LENGTH: usize = 256;
const MAX_RUN_AS_USER_NAME_USER_LENGTH: usize = 104;
/// `PATH_MAX - 1`.
const MAX_APP_ARMOR_LOCALHOST_PROFILE_LENGTH: i64 = 4095;

/// `validateSeccompProfileField`.
pub(crate) fn validate_seccomp_profile_field(profile: Option<&Node>, loc: &Loc, out: &mut Out) {
    let Some(profile) = profile else { return };
    let (kind, kind_loc) = loc.field(Some(profile), "type");
    let kind = str_of(kind);
    // validateSeccompProfileType
    match kind {
        "Localhost" | "RuntimeDefault" | "Unconfined" => {}
        "" => out.required(&kind_loc, "type is required when seccompProfile is set"),
        other => out.not_supported(
            &kind_loc,
            BadValue::json_string(other),
            &["Localhost", "RuntimeDefault", "Unconfined"],
        ),
    }
    let (local, local_loc) = loc.field(Some(profile), "localhostProfile");
    if kind == "Localhost" {
        match local {
            None => out.required(&local_loc, "must be set when seccomp type is Localhost"),
            Some(local) => validate_local_descending_path(str_of(Some(local)), &local_loc, out),
        }
    } else if local.is_some() {
        out.invalid(
            &local_loc,
            BadValue::Json(internal_json(Some(profile), &SECCOMP_PROFILE)),
            "can only be set when seccomp type is Localhost",
        );
    }
}

/// `ValidateAppArmorProfileField`.
pub(crate) fn validate_app_armor_profile_field(profile: Option<&Node>, loc: &Loc, out: &mut Out) {
    let Some(profile) = profile else { return };
    let (kind, kind_loc) = loc.field(Some(profile), "type");
    let (local, local_loc) = loc.field(Some(profile), "localhostProfile");
    match str_of(kind) {
        "Localhost" => match local {
            None => out.required(&local_loc, "must be set when AppArmor type is Localhost"),
            Some(local) => {
                let text = str_of(Some(local));
                let trimmed = go_trim_space(text);
                if trimmed != text {
                    out.invalid(
                        &local_loc,
                        BadValue::Str(text.to_owned()),
                        "must not be padded with whitespace",
                    );
                } else if trimmed.is_empty() {
                    out.required(&local_loc, "must be set when AppArmor type is Localhost");
                }
                if text.len() as i64 > MAX_APP_ARMOR_LOCALHOST_PROFILE_LENGTH {
                    out.too_long(&local_loc, MAX_APP_ARMOR_LOCALHOST_PROFILE_LENGTH);
                }
            }
        },
        "RuntimeDefault" | "Unconfined" => {
            if let Some(local) = local {
                out.invalid(
                    &local_loc,
                    BadValue::json_string(str_of(Some(local))),
                    "can only be set when AppArmor type is Localhost",
                );
            }
        }
        "" => out.required(&kind_loc, "type is required when appArmorProfile is set"),
        other => out.not_supported(
            &kind_loc,
            BadValue::json_string(other),
            &["Localhost", "RuntimeDefault", "Unconfined"],
        ),
    }
}

/// `validateWindowsSecurityContextOptions`.
pub(crate) fn validate_windows_security_context_options(
    options: Option<&Node>,
    loc: &Loc,
    out: &mut Out,
) {
    let Some(options) = options else { return };
    // The fields are *string: Go prints them as JSON.
    let (spec_name, spec_name_loc) = loc.field(Some(options), "gmsaCredentialSpecName");
    if let Some(spec_name) = spec_name {
        let name = str_of(Some(spec_name));
        for message in is_dns1123_subdomain(name) {
            out.invalid(&spec_name_loc, BadValue::json_string(name), message);
        }
    }
    let (spec, spec_loc) = loc.field(Some(options), "gmsaCredentialSpec");
    if let Some(spec) = spec {
        let text = str_of(Some(spec));
        if text.is_empty() {
            out.invalid(
                &spec_loc,
                BadValue::json_string(text),
                "gmsaCredentialSpec cannot be an empty string",
            );
        } else if text.len() > MAX_GMSA_CREDENTIAL_SPEC_LENGTH {
            out.invalid(&spec_loc, BadValue::json_string(text), format!("gmsaCredentialSpec size must be under {MAX_GMSA_CREDENTIAL_SPEC_LENGTH_KIB} KiB"));
        }
    }
    let (user_name, user_name_loc) = loc.field(Some(options), "runAsUserName");
    if let Some(user_name) = user_name {
        for message in run_as_user_name_problems(str_of(Some(user_name))) {
            out.invalid(
                &user_name_loc,
                BadValue::json_string(str_of(Some(user_name))),
                message,
            );
        }
    }
}

/// The `runAsUserName` rules: `[DOMAIN\]USER`, in order.
fn run_as_user_name_problems(value: &str) -> Vec<String> {
    if value.is_empty() {
        return vec!["runAsUserName cannot be an empty string".to_owned()];
    }
    // ctrlRegex: [[:cntrl:]] is ASCII only.
    if value.chars().any(|c| c.is_ascii_control()) {
        return vec!["runAsUserName cannot contain control characters".to_owned()];
    }
    let parts: Vec<&str> = value.split('\\').collect();
    let (domain, user) = match parts.as_slice() {
        [user] => (None, *user),
        [domain, user] => (Some(*domain), *user),
        _ => return vec!["runAsUserName cannot contain more than one backslash".to_owned()],
    };
    let mut problems = Vec::new();
    let domain_text = domain.unwrap_or("");
    if domain_text.len() >= MAX_RUN_AS_USER_NAME_DOMAIN_LENGTH {
        problems.push(format!("runAsUserName's Domain length must be under {MAX_RUN_AS_USER_NAME_DOMAIN_LENGTH} characters"));
    }
    if domain.is_some() && !(is_net_bios_domain(domain_text) || is_dns_domain(domain_text)) {
        problems
            .push("runAsUserName's Domain doesn't match the NetBios nor the DNS format".to_owned());
    }
    if user.is_empty() {
        problems.push("runAsUserName's User cannot be empty".to_owned());
    } else if user.len() > MAX_RUN_AS_USER_NAME_USER_LENGTH {
        problems.push(format!("runAsUserName's User length must not be longer than {MAX_RUN_AS_USER_NAME_USER_LENGTH} characters"));
    }
    // invalidUserNameDotsSpacesRegex: ^[\. ]+$
    if !user.is_empty() && user.chars().all(|c| c == '.' || c == ' ') {
        problems.push("runAsUserName's User cannot contain only periods or spaces".to_owned());
    }
    // invalidUserNameCharsRegex
    if user.chars().any(|c| "\"/\\:;|=,+*?<>@[]".contains(c)) {
        problems.push(
            "runAsUserName's User cannot contain the following characters: \"/\\:;|=,+*?<>@[]"
                .to_owned(),
        );
    }
    problems
}

/// `validNetBiosRegex`: `^[^\\/:\*\?"<>|\.][^\\/:\*\?"<>|]{0,14}$` (counted in runes).
fn is_net_bios_domain(domain: &str) -> bool {
    const FORBIDDEN: &str = "\\/:*?\"<>|";
    let mut chars = domain.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: Vec<char> = chars.collect();
    !FORBIDDEN.contains(first)
        && first != '.'
        && rest.len() <= 14
        && rest.iter().all(|c| !FORBIDDEN.contains(*c))
}

/// `validWindowsUserDomainDNSRegex`: dot-separated labels of 1 to 63 letters, digits and
/// hyphens, starting and ending with a letter or digit.
fn is_dns_domain(domain: &str) -> bool {
    domain.split('.').all(|label| {
        let bytes = label.as_bytes();
        match (bytes.first(), bytes.last()) {
            (Some(first), Some(last)) => {
                bytes.len() <= 63
                    && first.is_ascii_alphanumeric()
                    && last.is_ascii_alphanumeric()
                    && bytes
                        .iter()
                        .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
            }
            _ => false,
        }
    })
}

//! Pod volumes (`ValidateVolumes` and the volume sources it checks), and
//! `validateFileKeyRefVolumes` (pkg/apis/core/validation, v1.34).
//!
//! Go quirks kept on purpose (the apiserver prints them): `gcePersistentDisk` is checked under
//! `persistentDisk`, a second `cephfs` source is forbidden as `cephFS`, a second `downwardAPI`
//! as `downwarAPI`, a bad CSI secret name is reported at `csi.name`, downward API files are
//! reported without their item index, and the service account token path at `projected.path`.
//!
//! Values that the apiserver's defaulting always sets (a downward API `fieldRef.apiVersion` of
//! "v1", a token's `expirationSeconds` of 3600, an Azure disk `kind` of "Shared") are read with
//! that default when absent, so the result is the same whether or not defaulting filled them.

use super::context::{
    Loc, Out, bad_value, each_invalid, entries_of, int_of, items_of, required_str, str_of,
    string_map_json,
};
use super::field::BadValue;
use super::fieldpath::{
    validate_container_resource_field_selector, validate_object_field_selector,
};
use super::meta::{string_pairs, validate_annotations, validate_label_selector, validate_labels};
use super::names::{
    inclusive_range_error, is_dns1123_label, is_dns1123_subdomain, name_is_dns_label,
    name_is_dns_subdomain,
};
use super::options::PodOptions;
use super::paths::{validate_local_descending_path, validate_path_no_backsteps};
use crate::manifest::object::Node;
use jobscope_golang::strings::{go_json_string, go_strconv_quote};

/// What `ValidateVolumes` returns: each valid volume by name, with its node (its source is the
/// one set field besides `name`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Volumes<'a> {
    pub(crate) by_name: Vec<(String, &'a Node)>,
}

impl<'a> Volumes<'a> {
    pub(crate) fn get(&self, name: &str) -> Option<&'a Node> {
        self.by_name
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, node)| *node)
    }
}

/// `fileModeErrorMsg`.
const FILE_MODE_ERROR: &str = "must be a number between 0 and 0777 (octal), both inclusive";
const MORE_THAN_ONE: &str = "may not specify more than 1 volume type";
/// `sets.List(supportedHostPathTypes)` (sorted).
const HOST_PATH_TYPES: &[&str] = &[
    "",
    "BlockDevice",
    "CharDevice",
    "Directory",
    "DirectoryOrCreate",
    "File",
    "FileOrCreate",
    "Socket",
];
/// `sets.List(validVolumeDownwardAPIFieldPathExpressions)`.
const VOLUME_FIELD_PATHS: &[&str] = &[
    "metadata.annotations",
    "metadata.labels",
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
];
const ACCESS_MODES: &[&str] = &[
    "ReadOnlyMany",
    "ReadWriteMany",
    "ReadWriteOnce",
    "ReadWriteOncePod",
];
const VOLUME_MODES: &[&str] = &["Block", "Filesystem"];
const PULL_POLICIES: &[&str] = &["Always", "IfNotPresent", "Never"];
const KEY_TYPES: &[&str] = &[
    "RSA3072",
    "RSA4096",
    "ECDSAP256",
    "ECDSAP384",
    "ECDSAP521",
    "ED25519",
];
/// `certificates.MaxMaxExpirationSeconds` and `KubernetesMaxMaxExpirationSeconds`.
const MAX_MAX_EXPIRATION_SECONDS: i64 = 91 * 24 * 60 * 60;
const KUBERNETES_MAX_MAX_EXPIRATION_SECONDS: i64 = 24 * 60 * 60;

/// The volume source fields in the order `validateVolumeSource` checks them: the v1 field, the
/// name a second source is forbidden under, and the path its own checks use.
const SOURCES: &[(&str, &str, &str)] = &[
    ("emptyDir", "emptyDir", "emptyDir"),
    ("hostPath", "hostPath", "hostPath"),
    ("gitRepo", "gitRepo", "gitRepo"),
    ("gcePersistentDisk", "gcePersistentDisk", "persistentDisk"),
    (
        "awsElasticBlockStore",
        "awsElasticBlockStore",
        "awsElasticBlockStore",
    ),
    ("secret", "secret", "secret"),
    ("nfs", "nfs", "nfs"),
    ("iscsi", "iscsi", "iscsi"),
    ("glusterfs", "glusterfs", "glusterfs"),
    ("flocker", "flocker", "flocker"),
    (
        "persistentVolumeClaim",
        "persistentVolumeClaim",
        "persistentVolumeClaim",
    ),
    ("rbd", "rbd", "rbd"),
    ("cinder", "cinder", "cinder"),
    ("cephfs", "cephFS", "cephfs"),
    ("quobyte", "quobyte", "quobyte"),
    ("downwardAPI", "downwarAPI", "downwardAPI"),
    ("fc", "fc", "fc"),
    ("flexVolume", "flexVolume", "flexVolume"),
    ("configMap", "configMap", "configMap"),
    ("azureFile", "azureFile", "azureFile"),
    ("vsphereVolume", "vsphereVolume", "vsphereVolume"),
    (
        "photonPersistentDisk",
        "photonPersistentDisk",
        "photonPersistentDisk",
    ),
    ("portworxVolume", "portworxVolume", "portworxVolume"),
    ("azureDisk", "azureDisk", "azureDisk"),
    ("storageos", "storageos", "storageos"),
    ("projected", "projected", "projected"),
    ("scaleIO", "scaleIO", "scaleIO"),
    ("csi", "csi", "csi"),
    ("ephemeral", "ephemeral", "ephemeral"),
    ("image", "image", "image"),
];

/// `ValidateVolumes(volumes, podMeta, fldPath, opts)`.
pub(crate) fn validate_volumes<'a>(
    volumes: Option<&'a Node>,
    pod_meta: Option<&Node>,
    loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) -> Volumes<'a> {
    let pod_name = pod_meta.map_or("", |meta| str_of(meta.get("name")));
    // The PVCs created for ephemeral volumes, known only with the pod's exact name.
    let mut created_pvcs: Vec<String> = Vec::new();
    if !pod_name.is_empty() {
        for volume in items_of(volumes) {
            if volume.get("ephemeral").is_some() {
                created_pvcs.push(format!("{pod_name}-{}", str_of(volume.get("name"))));
            }
        }
    }
    let mut result = Volumes::default();
    for (index, volume) in items_of(volumes).iter().enumerate() {
        let volume_loc = loc.index(index, volume);
        let (name_node, name_loc) = volume_loc.field(Some(volume), "name");
        let name = str_of(name_node);
        let mut errors = Out::default();
        validate_volume_source(volume, &volume_loc, name, pod_meta, opts, &mut errors);
        if name.is_empty() {
            errors.required(&name_loc, "");
        } else {
            each_invalid(is_dns1123_label(name), &name_loc, name, &mut errors);
        }
        // Only volumes that passed are remembered, so a repeat of a bad one is not a duplicate.
        if result.get(name).is_some() {
            errors.duplicate(&name_loc, BadValue::Str(name.to_owned()));
        }
        if errors.findings.is_empty() {
            result.by_name.push((name.to_owned(), volume));
        } else {
            out.extend(errors);
        }
        if let Some(claim) = volume.get("persistentVolumeClaim") {
            let claim_name = str_of(claim.get("claimName"));
            if created_pvcs.iter().any(|pvc| pvc == claim_name) {
                let claim_loc = volume_loc.child("persistentVolumeClaim", Some(claim));
                out.invalid(
                    &claim_loc.child("claimName", claim.get("claimName")),
                    BadValue::Str(claim_name.to_owned()),
                    "must not reference a PVC that gets created for an ephemeral volume",
                );
            }
        }
    }
    result
}

/// `validateVolumeSource`: exactly one source, and that source's own checks.
fn validate_volume_source(
    volume: &Node,
    loc: &Loc,
    vol_name: &str,
    pod_meta: Option<&Node>,
    opts: &PodOptions,
    out: &mut Out,
) {
    let mut count = 0;
    for &(field, forbidden_name, check_name) in SOURCES {
        let Some(source) = volume.get(field) else {
            continue;
        };
        if count > 0 {
            out.forbidden(&loc.child(forbidden_name, Some(source)), MORE_THAN_ONE);
        } else {
            count += 1;
            let source_loc = loc.child(check_name, Some(source));
            match field {
                "emptyDir" => {
                    let size = source.get("sizeLimit");
                    if size
                        .and_then(Node::as_quantity)
                        .is_some_and(|q| q.sign() < 0)
                    {
                        out.forbidden(
                            &source_loc.child("sizeLimit", size),
                            "SizeLimit field must be a valid resource quantity",
                        );
                    }
                }
                "hostPath" => validate_host_path(source, &source_loc, out),
                "gitRepo" => validate_git_repo(source, &source_loc, out),
                "gcePersistentDisk" => {
                    validate_disk_with_partition(source, "pdName", &source_loc, out)
                }
                "awsElasticBlockStore" => {
                    validate_disk_with_partition(source, "volumeID", &source_loc, out)
                }
                "secret" => validate_secret_or_config_map(source, "secretName", &source_loc, out),
                "nfs" => validate_nfs(source, &source_loc, out),
                "iscsi" => validate_iscsi(source, &source_loc, out),
                "glusterfs" => require_all(source, &["endpoints", "path"], &source_loc, out),
                "flocker" => validate_flocker(source, &source_loc, out),
                "persistentVolumeClaim" => require_all(source, &["claimName"], &source_loc, out),
                "rbd" => {
                    if items_of(source.get("monitors")).is_empty() {
                        out.required(&source_loc.child("monitors", source.get("monitors")), "");
                    }
                    require_all(source, &["image"], &source_loc, out);
                }
                "cinder" => {
                    require_all(source, &["volumeID"], &source_loc, out);
                    secret_ref_name_required(source, &source_loc, out);
                }
                "cephfs" if items_of(source.get("monitors")).is_empty() => {
                    out.required(&source_loc.child("monitors", source.get("monitors")), "");
                }
                "quobyte" => validate_quobyte(source, &source_loc, out),
                "downwardAPI" => validate_downward_api(source, &source_loc, out),
                "fc" => validate_fc(source, &source_loc, out),
                "flexVolume" => validate_flex(source, &source_loc, out),
                "configMap" => validate_secret_or_config_map(source, "name", &source_loc, out),
                "azureFile" => require_all(source, &["secretName", "shareName"], &source_loc, out),
                "vsphereVolume" => require_all(source, &["volumePath"], &source_loc, out),
                "photonPersistentDisk" => require_all(source, &["pdID"], &source_loc, out),
                "portworxVolume" => require_all(source, &["volumeID"], &source_loc, out),
                "azureDisk" => validate_azure_disk(source, &source_loc, out),
                "storageos" => validate_storage_os(source, &source_loc, out),
                "projected" => validate_projected(source, &source_loc, opts, out),
                "scaleIO" => require_all(
                    source,
                    &["gateway", "system", "volumeName"],
                    &source_loc,
                    out,
                ),
                "csi" => validate_csi(source, &source_loc, out),
                "ephemeral" => {
                    validate_ephemeral(source, &source_loc, out);
                    // The PVC's name is the pod's name, '-', and the volume's name.
                    let pod_name = pod_meta.map_or("", |meta| str_of(meta.get("name")));
                    if !pod_name.is_empty() && !vol_name.is_empty() {
                        let pvc_name = format!("{pod_name}-{vol_name}");
                        let name_loc = loc.child("name", volume.get("name"));
                        for message in name_is_dns_subdomain(&pvc_name, false) {
                            out.invalid(
                                &name_loc,
                                BadValue::Str(vol_name.to_owned()),
                                format!("PVC name {}: {message}", go_strconv_quote(&pvc_name)),
                            );
                        }
                    }
                }
                "image" => validate_image(source, &source_loc, opts, out),
                _ => {}
            }
        }
        if field == "iscsi" && source.get("initiatorName").is_some() {
            let target = str_of(source.get("targetPortal"));
            if vol_name.len() + 1 + target.len() > 64 {
                out.invalid(
                    &loc.child("name", volume.get("name")),
                    BadValue::Str(vol_name.to_owned()),
                    "Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.",
                );
            }
        }
    }
    if count == 0 {
        out.required(loc, "must specify a volume type");
    }
}

/// `field.Required(fldPath.Child(name), "")` for each empty string field.
fn require_all(source: &Node, fields: &[&str], loc: &Loc, out: &mut Out) {
    for field in fields {
        let (node, field_loc) = loc.field(Some(source), field);
        if str_of(node).is_empty() {
            out.required(&field_loc, "");
        }
    }
}

/// A `secretRef` that is set must name its secret.
fn secret_ref_name_required(source: &Node, loc: &Loc, out: &mut Out) {
    if let Some(secret_ref) = source.get("secretRef") {
        let (name, name_loc) = loc
            .child("secretRef", Some(secret_ref))
            .field(Some(secret_ref), "name");
        if str_of(name).is_empty() {
            out.required(&name_loc, "");
        }
    }
}

/// `validateHostPathVolumeSource` and `validateHostPathType`.
fn validate_host_path(source: &Node, loc: &Loc, out: &mut Out) {
    let (path, path_loc) = loc.field(Some(source), "path");
    let path = str_of(path);
    if path.is_empty() {
        out.required(&path_loc, "");
        return;
    }
    validate_path_no_backsteps(path, &path_loc, out);
    let (host_type, type_loc) = loc.field(Some(source), "type");
    if let Some(host_type) = host_type {
        let value = str_of(Some(host_type));
        if !HOST_PATH_TYPES.contains(&value) {
            // A *core.HostPathType: printed as JSON.
            out.not_supported(&type_loc, BadValue::json_string(value), HOST_PATH_TYPES);
        }
    }
}

/// `validateGitRepoVolumeSource`.
fn validate_git_repo(source: &Node, loc: &Loc, out: &mut Out) {
    require_all(source, &["repository"], loc, out);
    let (directory, directory_loc) = loc.field(Some(source), "directory");
    validate_local_descending_path(str_of(directory), &directory_loc, out);
}

/// `validateGCEPersistentDiskVolumeSource` and `validateAWSElasticBlockStoreVolumeSource`.
fn validate_disk_with_partition(source: &Node, id_field: &str, loc: &Loc, out: &mut Out) {
    require_all(source, &[id_field], loc, out);
    let (partition, partition_loc) = loc.field(Some(source), "partition");
    let value = int_of(partition).unwrap_or(0);
    if !(0..=255).contains(&value) {
        out.invalid(
            &partition_loc,
            BadValue::Int(value),
            inclusive_range_error(1, 255),
        );
    }
}

/// A file mode (`defaultMode`, `mode`) must be within 0..=0777.
fn validate_mode(parent: &Node, field: &str, loc: &Loc, out: &mut Out) {
    let (mode, mode_loc) = loc.field(Some(parent), field);
    if let Some(value) = int_of(mode)
        && !(0..=0o777).contains(&value)
    {
        out.invalid(&mode_loc, BadValue::Int(value), FILE_MODE_ERROR);
    }
}

/// `validateSecretVolumeSource` and `validateConfigMapVolumeSource`.
fn validate_secret_or_config_map(source: &Node, name_field: &str, loc: &Loc, out: &mut Out) {
    require_all(source, &[name_field], loc, out);
    validate_mode(source, "defaultMode", loc, out);
    let (items, items_loc) = loc.field(Some(source), "items");
    for (index, item) in items_of(items).iter().enumerate() {
        validate_key_to_path(item, &items_loc.index(index, item), out);
    }
}

/// `validateKeyToPath`.
fn validate_key_to_path(item: &Node, loc: &Loc, out: &mut Out) {
    require_all(item, &["key", "path"], loc, out);
    let (path, path_loc) = loc.field(Some(item), "path");
    validate_local_non_reserved_path(str_of(path), &path_loc, out);
    validate_mode(item, "mode", loc, out);
}

/// `validateNFSVolumeSource`.
fn validate_nfs(source: &Node, loc: &Loc, out: &mut Out) {
    require_all(source, &["server", "path"], loc, out);
    let (path, path_loc) = loc.field(Some(source), "path");
    let path = str_of(path);
    if !path.starts_with('/') {
        out.invalid(
            &path_loc,
            BadValue::Str(path.to_owned()),
            "must be an absolute path",
        );
    }
}

/// `validateISCSIVolumeSource`.
fn validate_iscsi(source: &Node, loc: &Loc, out: &mut Out) {
    require_all(source, &["targetPortal"], loc, out);
    let (iqn, iqn_loc) = loc.field(Some(source), "iqn");
    let iqn = str_of(iqn);
    if iqn.is_empty() {
        out.required(&iqn_loc, "");
    } else if !iqn.starts_with("iqn") && !iqn.starts_with("eui") && !iqn.starts_with("naa") {
        out.invalid(
            &iqn_loc,
            BadValue::Str(iqn.to_owned()),
            "must be valid format starting with iqn, eui, or naa",
        );
    } else if !iscsi_name_format_ok(iqn) {
        out.invalid(
            &iqn_loc,
            BadValue::Str(iqn.to_owned()),
            "must be valid format",
        );
    }
    let (lun, lun_loc) = loc.field(Some(source), "lun");
    let lun = int_of(lun).unwrap_or(0);
    if !(0..=255).contains(&lun) {
        out.invalid(&lun_loc, BadValue::Int(lun), inclusive_range_error(0, 255));
    }
    let discovery = source
        .get("chapAuthDiscovery")
        .and_then(Node::as_bool)
        .unwrap_or(false);
    let session = source
        .get("chapAuthSession")
        .and_then(Node::as_bool)
        .unwrap_or(false);
    if (discovery || session) && source.get("secretRef").is_none() {
        out.required(&loc.child("secretRef", None), "");
    }
    if let Some(initiator) = source.get("initiatorName") {
        let initiator_loc = loc.child("initiatorname", Some(initiator));
        let value = str_of(Some(initiator));
        if !value.starts_with("iqn") && !value.starts_with("eui") && !value.starts_with("naa") {
            out.invalid(
                &initiator_loc,
                BadValue::Str(value.to_owned()),
                "must be valid format starting with iqn, eui, or naa",
            );
        }
        if !iscsi_name_format_ok(value) {
            out.invalid(
                &initiator_loc,
                BadValue::Str(value.to_owned()),
                "must be valid format",
            );
        }
    }
}

/// The iSCSI name regexes by prefix (true for other prefixes, which have no regex).
fn iscsi_name_format_ok(value: &str) -> bool {
    if value.starts_with("iqn") {
        iqn_regex_matches(value)
    } else if value.starts_with("eui") {
        prefixed_alnum_matches(value, "eui", 16)
    } else if value.starts_with("naa") {
        prefixed_alnum_matches(value, "naa", 32)
    } else {
        true
    }
}

/// `iqn\.\d{4}-\d{2}\.([[:alnum:]-.]+)(:[^,;*&$|\s]+)$`, unanchored at the start.
fn iqn_regex_matches(value: &str) -> bool {
    value.match_indices("iqn.").any(|(start, _)| {
        let rest = &value[start + 4..];
        let bytes = rest.as_bytes();
        if bytes.len() < 8
            || !bytes[..4].iter().all(u8::is_ascii_digit)
            || bytes[4] != b'-'
            || !bytes[5..7].iter().all(u8::is_ascii_digit)
            || bytes[7] != b'.'
        {
            return false;
        }
        // The name part cannot hold ':', so the suffix starts at the first ':'.
        let tail = &rest[8..];
        let Some(colon) = tail.find(':') else {
            return false;
        };
        let (name, suffix) = (&tail[..colon], &tail[colon + 1..]);
        !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
            && !suffix.is_empty()
            && suffix.chars().all(|c| {
                !matches!(
                    c,
                    ',' | ';' | '*' | '&' | '$' | '|' | '\t' | '\n' | '\u{c}' | '\r' | ' '
                )
            })
    })
}

/// `^<prefix>.[[:alnum:]]{n}$` (`.` is any character but a newline).
fn prefixed_alnum_matches(value: &str, prefix: &str, n: usize) -> bool {
    let Some(rest) = value.strip_prefix(prefix) else {
        return false;
    };
    let mut chars = rest.chars();
    if !matches!(chars.next(), Some(c) if c != '\n') {
        return false;
    }
    let tail = chars.as_str();
    tail.len() == n && tail.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// `validateFlockerVolumeSource`.
fn validate_flocker(source: &Node, loc: &Loc, out: &mut Out) {
    let name = str_of(source.get("datasetName"));
    let uuid = str_of(source.get("datasetUUID"));
    if name.is_empty() && uuid.is_empty() {
        out.required(loc, "one of datasetName and datasetUUID is required");
    }
    if !name.is_empty() && !uuid.is_empty() {
        out.invalid(
            loc,
            BadValue::Str("resource".to_owned()),
            "datasetName and datasetUUID can not be specified simultaneously",
        );
    }
    if name.contains('/') {
        out.invalid(
            &loc.child("datasetName", source.get("datasetName")),
            BadValue::Str(name.to_owned()),
            "must not contain '/'",
        );
    }
}

/// `validateQuobyteVolumeSource`.
fn validate_quobyte(source: &Node, loc: &Loc, out: &mut Out) {
    let (registry, registry_loc) = loc.field(Some(source), "registry");
    let registry = str_of(registry);
    let (tenant, tenant_loc) = loc.field(Some(source), "tenant");
    if registry.is_empty() {
        out.required(
            &registry_loc,
            "must be a host:port pair or multiple pairs separated by commas",
        );
    } else if str_of(tenant).len() >= 65 {
        out.required(
            &tenant_loc,
            "must be a UUID and may not exceed a length of 64 characters",
        );
    } else {
        for pair in registry.split(',') {
            if !split_host_port_ok(pair) {
                out.invalid(
                    &registry_loc,
                    BadValue::Str(registry.to_owned()),
                    "must be a host:port pair or multiple pairs separated by commas",
                );
            }
        }
    }
    require_all(source, &["volume"], loc, out);
}

/// Whether Go's `net.SplitHostPort` accepts the text.
fn split_host_port_ok(hostport: &str) -> bool {
    let Some(last_colon) = hostport.rfind(':') else {
        return false;
    };
    let (mut j, mut k) = (0, 0);
    if hostport.starts_with('[') {
        let Some(end) = hostport.find(']') else {
            return false;
        };
        if end + 1 != last_colon {
            // Either nothing follows ']', or it is not followed by the last ':'.
            return false;
        }
        j = 1;
        k = end + 1;
    } else if hostport[..last_colon].contains(':') {
        return false;
    }
    !hostport[j..].contains('[') && !hostport[k..].contains(']')
}

/// `validateDownwardAPIVolumeSource`.
fn validate_downward_api(source: &Node, loc: &Loc, out: &mut Out) {
    validate_mode(source, "defaultMode", loc, out);
    for file in items_of(source.get("items")) {
        // Go reports files at the source's path, without their index.
        validate_downward_api_file(file, &loc.at(file.span), out);
    }
}

/// `validateDownwardAPIVolumeFile`.
fn validate_downward_api_file(file: &Node, loc: &Loc, out: &mut Out) {
    let (path, path_loc) = loc.field(Some(file), "path");
    if str_of(path).is_empty() {
        out.required(&path_loc, "");
    }
    validate_local_non_reserved_path(str_of(path), &path_loc, out);
    let field_ref = file.get("fieldRef");
    let resource_ref = file.get("resourceFieldRef");
    if let Some(field_ref) = field_ref {
        validate_object_field_selector(
            field_ref,
            VOLUME_FIELD_PATHS,
            &loc.child("fieldRef", Some(field_ref)),
            out,
        );
        if resource_ref.is_some() {
            out.invalid(
                loc,
                BadValue::Str("resource".to_owned()),
                "fieldRef and resourceFieldRef can not be specified simultaneously",
            );
        }
    } else if let Some(resource_ref) = resource_ref {
        validate_container_resource_field_selector(
            resource_ref,
            &loc.child("resourceFieldRef", Some(resource_ref)),
            true,
            out,
        );
    } else {
        out.required(loc, "one of fieldRef and resourceFieldRef is required");
    }
    validate_mode(file, "mode", loc, out);
}

/// `validateFCVolumeSource`.
fn validate_fc(source: &Node, loc: &Loc, out: &mut Out) {
    let (wwns, wwns_loc) = loc.field(Some(source), "targetWWNs");
    let has_wwns = !items_of(wwns).is_empty();
    let has_wwids = !items_of(source.get("wwids")).is_empty();
    if !has_wwns && !has_wwids {
        out.required(
            &wwns_loc,
            "must specify either targetWWNs or wwids, but not both",
        );
    }
    if let Some(wwns) = wwns.filter(|_| has_wwns && has_wwids) {
        out.invalid(
            &wwns_loc,
            bad_value(wwns),
            "targetWWNs and wwids can not be specified simultaneously",
        );
    }
    if has_wwns {
        let (lun, lun_loc) = loc.field(Some(source), "lun");
        match int_of(lun) {
            None => out.required(&lun_loc, "lun is required if targetWWNs is specified"),
            Some(value) if !(0..=255).contains(&value) => out.invalid(
                &lun_loc,
                BadValue::Int(value),
                inclusive_range_error(0, 255),
            ),
            Some(_) => {}
        }
    }
}

/// `validateFlexVolumeSource`.
fn validate_flex(source: &Node, loc: &Loc, out: &mut Out) {
    require_all(source, &["driver"], loc, out);
    let (options, options_loc) = loc.field(Some(source), "options");
    for (key, value) in entries_of(options) {
        let namespace = key.split_once('/').map_or(key.as_str(), |(ns, _)| ns);
        let normalized = format!(".{}", jobscope_golang::strings::go_to_lower(namespace));
        if normalized.ends_with(".kubernetes.io") || normalized.ends_with(".k8s.io") {
            out.invalid(
                &options_loc.key(key, value.key_span.unwrap_or(value.span)),
                BadValue::Str(key.clone()),
                "kubernetes.io and k8s.io namespaces are reserved",
            );
        }
    }
}

/// `validateAzureDisk`.
fn validate_azure_disk(source: &Node, loc: &Loc, out: &mut Out) {
    require_all(source, &["diskName", "diskURI"], loc, out);
    let (caching, caching_loc) = loc.field(Some(source), "cachingMode");
    if let Some(mode) = caching.and_then(Node::as_str)
        && !["None", "ReadOnly", "ReadWrite"].contains(&mode)
    {
        out.not_supported(
            &caching_loc,
            BadValue::json_string(mode),
            &["None", "ReadOnly", "ReadWrite"],
        );
    }
    let (kind, kind_loc) = loc.field(Some(source), "kind");
    // Defaulting sets an absent kind to "Shared".
    let kind = kind.and_then(Node::as_str).unwrap_or("Shared");
    if !["Dedicated", "Managed", "Shared"].contains(&kind) {
        out.not_supported(
            &kind_loc,
            BadValue::json_string(kind),
            &["Dedicated", "Managed", "Shared"],
        );
    }
    let (uri, uri_loc) = loc.field(Some(source), "diskURI");
    let uri = str_of(uri);
    if kind == "Managed" && !uri.starts_with("/subscriptions/") {
        out.not_supported(
            &uri_loc,
            BadValue::Str(uri.to_owned()),
            &["/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"],
        );
    }
    if kind != "Managed" && !uri.starts_with("https://") {
        out.not_supported(
            &uri_loc,
            BadValue::Str(uri.to_owned()),
            &["https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"],
        );
    }
}

/// `validateStorageOSVolumeSource`.
fn validate_storage_os(source: &Node, loc: &Loc, out: &mut Out) {
    if let Some((name, name_loc)) = required_str(source, "volumeName", loc, out) {
        each_invalid(is_dns1123_label(name), &name_loc, name, out);
    }
    let (namespace, namespace_loc) = loc.field(Some(source), "volumeNamespace");
    let namespace = str_of(namespace);
    if !namespace.is_empty() {
        each_invalid(is_dns1123_label(namespace), &namespace_loc, namespace, out);
    }
    secret_ref_name_required(source, loc, out);
}

/// `validateCSIVolumeSource` (with `ValidateCSIDriverName`).
fn validate_csi(source: &Node, loc: &Loc, out: &mut Out) {
    let (driver, driver_loc) = loc.field(Some(source), "driver");
    let driver = str_of(driver);
    if driver.is_empty() {
        out.required(&driver_loc, "");
    }
    if driver.len() > 63 {
        out.too_long(&driver_loc, 63);
    }
    for message in is_dns1123_subdomain(&jobscope_golang::strings::go_to_lower(driver)) {
        out.invalid(&driver_loc, BadValue::Str(driver.to_owned()), message);
    }
    if let Some(secret_ref) = source.get("nodePublishSecretRef") {
        let (name, name_loc) = loc
            .child("nodePublishSecretRef", Some(secret_ref))
            .field(Some(secret_ref), "name");
        let name = str_of(name);
        if name.is_empty() {
            out.required(&name_loc, "");
        } else {
            // Go reports this at csi.name.
            let reported = loc.child("name", None).at(name_loc.span);
            each_invalid(name_is_dns_subdomain(name, false), &reported, name, out);
        }
    }
}

/// `validateImageVolumeSource` (with `validatePullPolicy`). Up to v1.36 a template may leave
/// `reference` empty (for a controller to fill in), and a Job's pods are then refused one by one
/// (`FailedCreate`); from v1.37 the template is refused.
fn validate_image(source: &Node, loc: &Loc, opts: &PodOptions, out: &mut Out) {
    let (reference, reference_loc) = loc.field(Some(source), "reference");
    if (opts.resource_is_pod || opts.image_reference_required_in_templates)
        && str_of(reference).is_empty()
    {
        out.required(&reference_loc, "");
    }
    let (policy, policy_loc) = loc.field(Some(source), "pullPolicy");
    match str_of(policy) {
        "Always" | "IfNotPresent" | "Never" => {}
        "" => out.required(&policy_loc, ""),
        other => out.not_supported(&policy_loc, BadValue::json_string(other), PULL_POLICIES),
    }
}

/// `validateProjectedVolumeSource` and `validateProjectionSources`.
fn validate_projected(source: &Node, loc: &Loc, opts: &PodOptions, out: &mut Out) {
    validate_mode(source, "defaultMode", loc, out);
    let mut all_paths: Vec<String> = Vec::new();
    // Inserts a path; false when it was already there.
    let mut insert = |path: &str| {
        if all_paths.iter().any(|p| p == path) {
            false
        } else {
            all_paths.push(path.to_owned());
            true
        }
    };
    let (sources, sources_loc) = loc.field(Some(source), "sources");
    for (index, projection) in items_of(sources).iter().enumerate() {
        let mut count = 0;
        let src_loc = sources_loc.index(index, projection);
        for kind in ["secret", "configMap"] {
            let Some(object) = projection.get(kind) else {
                continue;
            };
            count += 1;
            let proj_loc = src_loc.child(kind, Some(object));
            require_all(object, &["name"], &proj_loc, out);
            let (items, items_loc) = proj_loc.field(Some(object), "items");
            for (item_index, item) in items_of(items).iter().enumerate() {
                validate_key_to_path(item, &items_loc.index(item_index, item), out);
                let path = str_of(item.get("path"));
                if !path.is_empty() && !insert(path) {
                    let name = str_of(object.get("name"));
                    out.invalid(
                        &loc.at(item.span),
                        BadValue::Str(name.to_owned()),
                        "conflicting duplicate paths",
                    );
                }
            }
        }
        if let Some(downward) = projection.get("downwardAPI") {
            count += 1;
            let proj_loc = src_loc.child("downwardAPI", Some(downward));
            for file in items_of(downward.get("items")) {
                validate_downward_api_file(file, &proj_loc.at(file.span), out);
                let path = str_of(file.get("path"));
                if !path.is_empty() && !insert(path) {
                    out.invalid(
                        &loc.at(file.span),
                        BadValue::Str(path.to_owned()),
                        "conflicting duplicate paths",
                    );
                }
            }
        }
        if let Some(token) = projection.get("serviceAccountToken") {
            count += 1;
            let proj_loc = src_loc.child("serviceAccountToken", Some(token));
            let (expiration, expiration_loc) = proj_loc.field(Some(token), "expirationSeconds");
            // Defaulting sets an absent expirationSeconds to an hour.
            let seconds = int_of(expiration).unwrap_or(3600);
            if seconds < 10 * 60 {
                out.invalid(
                    &expiration_loc,
                    BadValue::Int(seconds),
                    "may not specify a duration less than 10 minutes",
                );
            }
            if seconds > 1 << 32 {
                out.invalid(
                    &expiration_loc,
                    BadValue::Int(seconds),
                    "may not specify a duration larger than 2^32 seconds",
                );
            }
            // Go reports the path at the projected source's path, not the token's.
            let path_node = token.get("path");
            let path = str_of(path_node);
            let path_loc = loc
                .child("path", None)
                .at(path_node.map_or(token.span, |n| n.span));
            if path.is_empty() {
                out.required(&path_loc, "");
            } else if !opts.allow_non_local_projected_token_path {
                validate_local_non_reserved_path(path, &path_loc, out);
            }
        }
        if let Some(bundle) = projection.get("clusterTrustBundle") {
            count += 1;
            let proj_loc = src_loc.child("clusterTrustBundle", Some(bundle));
            validate_cluster_trust_bundle(bundle, &proj_loc, out);
            let (path, path_loc) = proj_loc.field(Some(bundle), "path");
            let path = str_of(path);
            if path.is_empty() {
                out.required(&path_loc, "");
            }
            validate_local_non_reserved_path(path, &path_loc, out);
            if !insert(path) {
                out.invalid(
                    &loc.at(path_loc.span),
                    BadValue::Str(path.to_owned()),
                    "conflicting duplicate paths",
                );
            }
        }
        if let Some(certificate) = projection.get("podCertificate") {
            count += 1;
            let proj_loc = src_loc.child("podCertificate", Some(certificate));
            let (signer, signer_loc) = proj_loc.field(Some(certificate), "signerName");
            let signer = str_of(signer);
            validate_signer_name(signer, &signer_loc, out);
            let (key_type, key_type_loc) = proj_loc.field(Some(certificate), "keyType");
            let key_type = str_of(key_type);
            if !KEY_TYPES.contains(&key_type) {
                out.not_supported(&key_type_loc, BadValue::Str(key_type.to_owned()), KEY_TYPES);
            }
            let (max_expiration, max_loc) =
                proj_loc.field(Some(certificate), "maxExpirationSeconds");
            if let Some(seconds) = int_of(max_expiration) {
                if seconds < 3600 {
                    out.invalid(
                        &max_loc,
                        BadValue::Int(seconds),
                        "if provided, maxExpirationSeconds must be >= 3600",
                    );
                }
                let max = if is_kubernetes_signer_name(signer) {
                    KUBERNETES_MAX_MAX_EXPIRATION_SECONDS
                } else {
                    MAX_MAX_EXPIRATION_SECONDS
                };
                if seconds > max {
                    out.invalid(
                        &max_loc,
                        BadValue::Int(seconds),
                        format!("if provided, maxExpirationSeconds must be <= {max}"),
                    );
                }
            }
            let mut paths = 0;
            for field in ["credentialBundlePath", "keyPath", "certificateChainPath"] {
                let (path, path_loc) = proj_loc.field(Some(certificate), field);
                let path = str_of(path);
                if path.is_empty() {
                    continue;
                }
                paths += 1;
                validate_local_non_reserved_path(path, &path_loc, out);
                if !insert(path) {
                    out.invalid(
                        &loc.at(path_loc.span),
                        BadValue::Str(path.to_owned()),
                        "conflicting duplicate paths",
                    );
                }
            }
            if paths == 0 {
                out.required(&proj_loc, "specify at least one of credentialBundlePath, keyPath, and certificateChainPath");
            }
        }
        if count > 1 {
            out.forbidden(
                &src_loc,
                "may not specify more than 1 volume type per source",
            );
        }
    }
}

/// The name / signerName / labelSelector rules of a `clusterTrustBundle` projection.
fn validate_cluster_trust_bundle(bundle: &Node, loc: &Loc, out: &mut Out) {
    let name = bundle.get("name");
    let signer = bundle.get("signerName");
    let selector = bundle.get("labelSelector");
    match (name, signer) {
        (Some(_), Some(_)) => out.invalid(
            loc,
            BadValue::Json(cluster_trust_bundle_json(bundle)),
            "only one of name and signerName may be used",
        ),
        (Some(name_node), None) => {
            let name_loc = loc.child("name", Some(name_node));
            let name = str_of(Some(name_node));
            if name.is_empty() {
                out.required(&name_loc, "must be a valid object name");
            }
            let signer_name = name
                .rfind(':')
                .map(|split| name[..split].replace(':', "/"))
                .unwrap_or_default();
            for message in cluster_trust_bundle_name_problems(&signer_name, name) {
                out.invalid(
                    &name_loc,
                    BadValue::Str(name.to_owned()),
                    format!("not a valid clustertrustbundlename: {message}"),
                );
            }
            if let Some(selector) = selector {
                out.invalid(
                    &loc.child("labelSelector", Some(selector)),
                    BadValue::Json(label_selector_json(selector)),
                    "labelSelector must be unset if name is specified",
                );
            }
        }
        (None, Some(signer_node)) => {
            let signer_loc = loc.child("signerName", Some(signer_node));
            let signer = str_of(Some(signer_node));
            if signer.is_empty() {
                out.required(&signer_loc, "must be a valid signer name");
            }
            validate_signer_name(signer, &signer_loc, out);
            validate_label_selector(selector, &loc.child("labelSelector", selector), false, out);
        }
        (None, None) => out.required(loc, "either name or signerName must be specified"),
    }
}

/// `ValidateClusterTrustBundleName(signerName)(name, false)`.
fn cluster_trust_bundle_name_problems(signer: &str, name: &str) -> Vec<String> {
    if signer.is_empty() {
        if name.contains(':') {
            return vec![
                "ClusterTrustBundle without signer name must not have \":\" in its name".to_owned(),
            ];
        }
        return name_is_dns_subdomain(name, false);
    }
    let prefix = format!("{}:", signer.replace('/', ":"));
    match name.strip_prefix(&prefix) {
        Some(rest) => name_is_dns_subdomain(rest, false),
        None => vec![format!(
            "ClusterTrustBundle for signerName {signer} must be named with prefix {prefix}"
        )],
    }
}

/// The JSON of an internal `core.ClusterTrustBundleProjection` (no json tags: Go field names).
fn cluster_trust_bundle_json(bundle: &Node) -> String {
    let string_or_null =
        |node: Option<&Node>| node.map_or("null".to_owned(), |n| go_json_string(str_of(Some(n))));
    let optional = bundle
        .get("optional")
        .and_then(Node::as_bool)
        .map_or("null".to_owned(), |b| b.to_string());
    format!(
        "{{\"Name\":{},\"SignerName\":{},\"LabelSelector\":{},\"Optional\":{optional},\"Path\":{}}}",
        string_or_null(bundle.get("name")),
        string_or_null(bundle.get("signerName")),
        bundle
            .get("labelSelector")
            .map_or("null".to_owned(), label_selector_json),
        go_json_string(str_of(bundle.get("path"))),
    )
}

/// The JSON of a `metav1.LabelSelector` (empty fields omitted).
fn label_selector_json(selector: &Node) -> String {
    let mut parts = Vec::new();
    if !entries_of(selector.get("matchLabels")).is_empty() {
        parts.push(format!(
            "\"matchLabels\":{}",
            string_map_json(&string_pairs(selector.get("matchLabels")))
        ));
    }
    let expressions = items_of(selector.get("matchExpressions"));
    if !expressions.is_empty() {
        let rendered: Vec<String> = expressions
            .iter()
            .map(|expression| {
                let mut fields = vec![
                    format!("\"key\":{}", go_json_string(str_of(expression.get("key")))),
                    format!(
                        "\"operator\":{}",
                        go_json_string(str_of(expression.get("operator")))
                    ),
                ];
                let values = items_of(expression.get("values"));
                if !values.is_empty() {
                    let values: Vec<String> = values
                        .iter()
                        .map(|v| go_json_string(str_of(Some(v))))
                        .collect();
                    fields.push(format!("\"values\":[{}]", values.join(",")));
                }
                format!("{{{}}}", fields.join(","))
            })
            .collect();
        parts.push(format!("\"matchExpressions\":[{}]", rendered.join(",")));
    }
    format!("{{{}}}", parts.join(","))
}

/// `IsKubernetesSignerName`.
fn is_kubernetes_signer_name(signer: &str) -> bool {
    let host = signer.split_once('/').map_or(signer, |(host, _)| host);
    host == "kubernetes.io" || host.ends_with(".kubernetes.io")
}

/// `ValidateSignerName`: `example.com/signer-name`.
fn validate_signer_name(signer: &str, loc: &Loc, out: &mut Out) {
    if signer.is_empty() {
        out.required(loc, "");
        return;
    }
    let segments: Vec<&str> = signer.split('/').collect();
    let [domain, path] = segments.as_slice() else {
        out.invalid(
            loc,
            BadValue::Str(signer.to_owned()),
            "must be a fully qualified domain and path of the form 'example.com/signer-name'",
        );
        return;
    };
    if domain.len() > 253 {
        out.too_long(loc, 253);
    }
    let domain_labels: Vec<&str> = domain.split('.').collect();
    // One bad label is enough: later ones would repeat the same message.
    if let Some((label, errors)) = domain_labels
        .iter()
        .map(|l| (l, is_dns1123_label(l)))
        .find(|(_, e)| !e.is_empty())
    {
        for error in errors {
            out.invalid(
                loc,
                BadValue::Str((*domain).to_owned()),
                format!("validating label {}: {error}", go_strconv_quote(label)),
            );
        }
    }
    if domain_labels.len() < 2 {
        out.invalid(
            loc,
            BadValue::Str((*domain).to_owned()),
            "should be a domain with at least two segments separated by dots",
        );
    }
    if let Some((label, errors)) = path
        .split('.')
        .map(|l| (l, is_dns1123_subdomain(l)))
        .find(|(_, e)| !e.is_empty())
    {
        for error in errors {
            out.invalid(
                loc,
                BadValue::Str((*path).to_owned()),
                format!("validating label {}: {error}", go_strconv_quote(label)),
            );
        }
    }
    let max_length = 253 + (253 + 63 + 1) + 1;
    if signer.len() > max_length {
        out.too_long(loc, max_length as i64);
    }
}

/// `validateEphemeralVolumeSource` and `ValidatePersistentVolumeClaimTemplate`.
fn validate_ephemeral(source: &Node, loc: &Loc, out: &mut Out) {
    let (template, template_loc) = loc.field(Some(source), "volumeClaimTemplate");
    let Some(template) = template else {
        out.required(&template_loc, "");
        return;
    };
    let (meta, meta_loc) = template_loc.field(Some(template), "metadata");
    validate_template_object_meta(meta, &meta_loc, out);
    let (spec, spec_loc) = template_loc.field(Some(template), "spec");
    validate_pvc_spec(spec, &spec_loc, out);
}

/// `ValidateTemplateObjectMeta`: labels and annotations only.
fn validate_template_object_meta(meta: Option<&Node>, loc: &Loc, out: &mut Out) {
    let (annotations, annotations_loc) = loc.field(meta, "annotations");
    validate_annotations(annotations, &annotations_loc, out);
    let (labels, labels_loc) = loc.field(meta, "labels");
    validate_labels(labels, &labels_loc, out);
    // validateFieldAllowList: every other ObjectMeta field that is not its zero value, in the
    // struct's order, named by its Go field name with the first letter lowered ("uID").
    const OTHERS: &[(&str, &str)] = &[
        ("name", "name"),
        ("generateName", "generateName"),
        ("namespace", "namespace"),
        ("selfLink", "selfLink"),
        ("uid", "uID"),
        ("resourceVersion", "resourceVersion"),
        ("generation", "generation"),
        ("creationTimestamp", "creationTimestamp"),
        ("deletionTimestamp", "deletionTimestamp"),
        ("deletionGracePeriodSeconds", "deletionGracePeriodSeconds"),
        ("ownerReferences", "ownerReferences"),
        ("finalizers", "finalizers"),
        ("managedFields", "managedFields"),
    ];
    for (json, go_name) in OTHERS {
        let Some(node) = meta.and_then(|m| m.get(json)) else {
            continue;
        };
        let set = match *json {
            // Strings and the generation are set when not empty / zero; pointers, lists (even
            // empty: a non-nil slice) and timestamps are set when present.
            "name" | "generateName" | "namespace" | "selfLink" | "uid" | "resourceVersion" => {
                !str_of(Some(node)).is_empty()
            }
            "generation" => int_of(Some(node)).unwrap_or(0) != 0,
            _ => true,
        };
        if set {
            out.forbidden(&loc.child(go_name, Some(node)), "cannot be set");
        }
    }
}

/// `ValidatePersistentVolumeClaimSpec` with the options of a new claim template.
fn validate_pvc_spec(spec: Option<&Node>, loc: &Loc, out: &mut Out) {
    let (modes, modes_loc) = loc.field(spec, "accessModes");
    let modes = items_of(modes);
    if modes.is_empty() {
        out.required(&modes_loc, "at least 1 access mode is required");
    }
    let (selector, selector_loc) = loc.field(spec, "selector");
    validate_label_selector(selector, &selector_loc, false, out);
    let (mut read_write_once_pod, mut other) = (false, false);
    for mode in modes {
        let value = str_of(Some(mode));
        if !ACCESS_MODES.contains(&value) {
            out.not_supported(
                &modes_loc.at(mode.span),
                BadValue::json_string(value),
                ACCESS_MODES,
            );
        }
        if value == "ReadWriteOncePod" {
            read_write_once_pod = true;
        } else if ACCESS_MODES.contains(&value) {
            other = true;
        }
    }
    if read_write_once_pod && other {
        out.forbidden(
            &modes_loc,
            "may not use ReadWriteOncePod with other access modes",
        );
    }

    let (resources, resources_loc) = loc.field(spec, "resources");
    let requests = resources.and_then(|r| r.get("requests"));
    match requests.and_then(|r| r.get("storage")) {
        None => out.required(
            &resources_loc.key("storage", requests.map_or(resources_loc.span, |r| r.span)),
            "",
        ),
        Some(storage) => {
            let storage_loc = resources_loc.key("storage", storage.span);
            if let Some(quantity) = storage.as_quantity()
                && quantity.sign() <= 0
            {
                out.invalid(
                    &storage_loc,
                    BadValue::Str(quantity.text()),
                    "must be greater than zero",
                );
            }
            // ValidateResourceQuantityValue adds nothing more for a positive storage value:
            // storage is not an integer resource.
        }
    }

    validate_class_name(spec, "storageClassName", loc, out);
    let (mode, mode_loc) = loc.field(spec, "volumeMode");
    if let Some(mode) = mode.and_then(Node::as_str)
        && !VOLUME_MODES.contains(&mode)
    {
        out.not_supported(&mode_loc, BadValue::json_string(mode), VOLUME_MODES);
    }
    let (source, source_loc) = loc.field(spec, "dataSource");
    if let Some(source) = source {
        validate_data_source(source, &source_loc, false, out);
    }
    let (source_ref, source_ref_loc) = loc.field(spec, "dataSourceRef");
    if let Some(source_ref) = source_ref {
        validate_data_source(source_ref, &source_ref_loc, true, out);
    }
    let ref_namespace = source_ref
        .and_then(|r| r.get("namespace"))
        .and_then(Node::as_str);
    if ref_namespace.is_some_and(|ns| !ns.is_empty()) {
        if source.is_some() {
            // The bad value is a *field.Path, which marshals as {}.
            out.invalid(
                loc,
                BadValue::Json("{}".to_owned()),
                "may not be specified when dataSourceRef.namespace is specified",
            );
        }
    } else if let (Some(source), Some(source_ref)) = (source, source_ref)
        && !data_source_equals_ref(source, source_ref)
    {
        out.invalid(
            loc,
            BadValue::Json("{}".to_owned()),
            "must match dataSourceRef",
        );
    }
    // VolumeAttributesClass is GA (on) in v1.34.
    validate_class_name(spec, "volumeAttributesClassName", loc, out);
}

/// A storage or volume attributes class name, when set, is a DNS subdomain.
fn validate_class_name(spec: Option<&Node>, field: &str, loc: &Loc, out: &mut Out) {
    let (class, class_loc) = loc.field(spec, field);
    let class = str_of(class);
    if !class.is_empty() {
        each_invalid(name_is_dns_subdomain(class, false), &class_loc, class, out);
    }
}

/// `validateDataSource` / `validateDataSourceRef` (the namespace only for a ref).
fn validate_data_source(source: &Node, loc: &Loc, is_ref: bool, out: &mut Out) {
    require_all(source, &["name", "kind"], loc, out);
    let kind = str_of(source.get("kind"));
    let (api_group, api_group_loc) = loc.field(Some(source), "apiGroup");
    let api_group = str_of(api_group);
    if api_group.is_empty() && kind != "PersistentVolumeClaim" {
        out.invalid(
            loc,
            BadValue::Str(kind.to_owned()),
            "must be 'PersistentVolumeClaim' when referencing the default apiGroup",
        );
    }
    if !api_group.is_empty() {
        each_invalid(
            is_dns1123_subdomain(api_group),
            &api_group_loc,
            api_group,
            out,
        );
    }
    if is_ref {
        let (namespace, namespace_loc) = loc.field(Some(source), "namespace");
        let namespace = str_of(namespace);
        if !namespace.is_empty() {
            each_invalid(
                name_is_dns_label(namespace, false),
                &namespace_loc,
                namespace,
                out,
            );
        }
    }
}

/// `isDataSourceEqualDataSourceRef`: same apiGroup pointer value, kind and name.
fn data_source_equals_ref(source: &Node, source_ref: &Node) -> bool {
    let group = |node: &Node| node.get("apiGroup").map(|g| str_of(Some(g)).to_owned());
    group(source) == group(source_ref)
        && str_of(source.get("kind")) == str_of(source_ref.get("kind"))
        && str_of(source.get("name")) == str_of(source_ref.get("name"))
}

/// `ValidateLocalNonReservedPath`.
fn validate_local_non_reserved_path(path: &str, loc: &Loc, out: &mut Out) {
    validate_local_descending_path(path, loc, out);
    // "../…" was already reported as a '..' element.
    if path.starts_with("..") && !path.starts_with("../") {
        out.invalid(
            loc,
            BadValue::Str(path.to_owned()),
            "must not start with '..'",
        );
    }
}

/// `validateFileKeyRefVolumes(spec, fldPath)`.
pub(crate) fn validate_file_key_ref_volumes(spec: Option<&Node>, loc: &Loc, out: &mut Out) {
    let volumes = items_of(spec.and_then(|s| s.get("volumes")));
    // A Go map by name: a later volume of the same name replaces an earlier one.
    let lookup = |name: &str| volumes.iter().rev().find(|v| str_of(v.get("name")) == name);
    for list in ["initContainers", "containers", "ephemeralContainers"] {
        let (containers, containers_loc) = loc.field(spec, list);
        for (index, container) in items_of(containers).iter().enumerate() {
            let (env, env_loc) = containers_loc
                .index(index, container)
                .field(Some(container), "env");
            for (env_index, variable) in items_of(env).iter().enumerate() {
                let value_from = variable.get("valueFrom");
                let Some(file_key_ref) = value_from.and_then(|v| v.get("fileKeyRef")) else {
                    continue;
                };
                let (volume_name, name_loc) = env_loc
                    .index(env_index, variable)
                    .child("valueFrom", value_from)
                    .child("fileKeyRef", Some(file_key_ref))
                    .field(Some(file_key_ref), "volumeName");
                let volume_name = str_of(volume_name);
                match lookup(volume_name) {
                    None => out.not_found(&name_loc, BadValue::Str(volume_name.to_owned())),
                    Some(volume) if volume.get("emptyDir").is_none() => out.invalid(
                        &name_loc,
                        BadValue::Str(volume_name.to_owned()),
                        "referenced volume must be of type emptyDir",
                    ),
                    Some(_) => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{messages, node, pod_spec};
    use super::*;
    use jobscope_diagnostic::Span;

    const P: &str = "spec.template.spec.volumes";
    const LABEL_MSG: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    const SUBDOMAIN_MSG: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    const MODE_MSG: &str = "must be a number between 0 and 0777 (octal), both inclusive";

    /// Runs ValidateVolumes on the spec's volumes; returns the messages and the valid names.
    fn run_with_meta(yaml: &str, meta: Option<&Node>) -> (Vec<String>, Vec<String>) {
        let spec = pod_spec(yaml);
        let mut out = Out::default();
        let loc = Loc::new(P, Span::default());
        let vols = validate_volumes(
            spec.get("volumes"),
            meta,
            &loc,
            &PodOptions::default(),
            &mut out,
        );
        let names = vols.by_name.iter().map(|(name, _)| name.clone()).collect();
        (messages(&out), names)
    }

    fn run(yaml: &str) -> Vec<String> {
        run_with_meta(yaml, None).0
    }

    /// One volume named `v` with the given source lines (indented under the list item).
    fn one(source: &str) -> Vec<String> {
        run(&format!("volumes:\n- name: v\n  {source}\n"))
    }

    fn p(rest: &str) -> String {
        format!("{P}{rest}")
    }

    #[test]
    fn valid_volumes_are_returned_by_name() {
        let (errors, names) = run_with_meta(
            "volumes:\n- name: a\n  emptyDir: {}\n- name: b\n  secret: {secretName: s, defaultMode: 420}\n- name: c\n  configMap: {name: c, defaultMode: 420, items: [{key: k, path: dir/file, mode: 511}]}\n- name: d\n  hostPath: {path: /tmp, type: ''}\n- name: e\n  persistentVolumeClaim: {claimName: data}\n",
            None,
        );
        assert_eq!(errors, Vec::<String>::new());
        assert_eq!(names, ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn exactly_one_source() {
        assert_eq!(
            run("volumes:\n- name: a\n"),
            [p("[0]: Required value: must specify a volume type")]
        );
        assert_eq!(
            one("emptyDir: {}\n  hostPath: {path: /x}"),
            [p(
                "[0].hostPath: Forbidden: may not specify more than 1 volume type"
            )]
        );
        // Go's own spellings of the second source's path.
        assert_eq!(
            one("emptyDir: {}\n  cephfs: {monitors: [m]}"),
            [p(
                "[0].cephFS: Forbidden: may not specify more than 1 volume type"
            )]
        );
        assert_eq!(
            one("emptyDir: {}\n  downwardAPI: {}"),
            [p(
                "[0].downwarAPI: Forbidden: may not specify more than 1 volume type"
            )]
        );
        // Only the first source is checked.
        assert_eq!(
            one("secret: {}\n  nfs: {}\n  csi: {}"),
            [
                p("[0].secret.secretName: Required value"),
                p("[0].nfs: Forbidden: may not specify more than 1 volume type"),
                p("[0].csi: Forbidden: may not specify more than 1 volume type"),
            ]
        );
    }

    #[test]
    fn names_are_required_labels_and_unique() {
        assert_eq!(
            run("volumes:\n- name: ''\n  emptyDir: {}\n"),
            [p("[0].name: Required value")]
        );
        assert_eq!(
            run("volumes:\n- name: Bad_Name\n  emptyDir: {}\n"),
            [format!(
                "{P}[0].name: Invalid value: \"Bad_Name\": {LABEL_MSG}"
            )]
        );
        assert_eq!(
            run("volumes:\n- name: a.b\n  emptyDir: {}\n"),
            [p("[0].name: Invalid value: \"a.b\": must not contain dots")]
        );
        let (errors, names) = run_with_meta(
            "volumes:\n- name: a\n  emptyDir: {}\n- name: a\n  emptyDir: {}\n",
            None,
        );
        assert_eq!(errors, [p("[1].name: Duplicate value: \"a\"")]);
        assert_eq!(names, ["a"]);
        // A repeat of a rejected volume is not a duplicate, and it is the one returned.
        let (errors, names) = run_with_meta(
            "volumes:\n- name: a\n  hostPath: {path: ''}\n- name: a\n  emptyDir: {}\n",
            None,
        );
        assert_eq!(errors, [p("[0].hostPath.path: Required value")]);
        assert_eq!(names, ["a"]);
    }

    #[test]
    fn host_path_and_empty_dir() {
        assert_eq!(
            one("hostPath: {path: ''}"),
            [p("[0].hostPath.path: Required value")]
        );
        assert_eq!(
            one("hostPath: {path: /a/../b, type: ''}"),
            [p(
                "[0].hostPath.path: Invalid value: \"/a/../b\": must not contain '..'"
            )]
        );
        assert_eq!(
            one("hostPath: {path: /a, type: <Dir>}"),
            [p(
                "[0].hostPath.type: Unsupported value: \"\\u003cDir\\u003e\": supported values: \"\", \"BlockDevice\", \"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\""
            )]
        );
        assert_eq!(
            one("hostPath: {path: /a/..b, type: Directory}"),
            Vec::<String>::new()
        );
        assert_eq!(
            one("emptyDir: {sizeLimit: -1Gi}"),
            [p(
                "[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity"
            )]
        );
        assert_eq!(
            one("emptyDir: {medium: Memory, sizeLimit: 0}"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn git_repo_and_disks() {
        assert_eq!(
            one("gitRepo: {directory: /abs/../x}"),
            [
                p("[0].gitRepo.repository: Required value"),
                p("[0].gitRepo.directory: Invalid value: \"/abs/../x\": must be a relative path"),
                p("[0].gitRepo.directory: Invalid value: \"/abs/../x\": must not contain '..'"),
            ]
        );
        assert_eq!(
            one("gitRepo: {repository: r, directory: .}"),
            Vec::<String>::new()
        );
        // Checked under "persistentDisk", as Go does.
        assert_eq!(
            one("gcePersistentDisk: {partition: 256}"),
            [
                p("[0].persistentDisk.pdName: Required value"),
                p(
                    "[0].persistentDisk.partition: Invalid value: 256: must be between 1 and 255, inclusive"
                )
            ]
        );
        assert_eq!(
            one("awsElasticBlockStore: {volumeID: v, partition: -1}"),
            [p(
                "[0].awsElasticBlockStore.partition: Invalid value: -1: must be between 1 and 255, inclusive"
            )]
        );
        assert_eq!(
            one("awsElasticBlockStore: {volumeID: v}"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn secret_and_config_map_items() {
        assert_eq!(
            one(
                "secret: {defaultMode: 512, items: [{key: '', path: '../x', mode: -1}, {key: k, path: ''}, {key: k, path: ..x}, {key: k, path: /x}]}"
            ),
            [
                p("[0].secret.secretName: Required value"),
                format!("{P}[0].secret.defaultMode: Invalid value: 512: {MODE_MSG}"),
                p("[0].secret.items[0].key: Required value"),
                p("[0].secret.items[0].path: Invalid value: \"../x\": must not contain '..'"),
                format!("{P}[0].secret.items[0].mode: Invalid value: -1: {MODE_MSG}"),
                p("[0].secret.items[1].path: Required value"),
                p("[0].secret.items[2].path: Invalid value: \"..x\": must not start with '..'"),
                p("[0].secret.items[3].path: Invalid value: \"/x\": must be a relative path"),
            ]
        );
        assert_eq!(
            one("configMap: {defaultMode: 420, items: [{key: k, path: p, mode: 4096}]}"),
            [
                p("[0].configMap.name: Required value"),
                format!("{P}[0].configMap.items[0].mode: Invalid value: 4096: {MODE_MSG}")
            ]
        );
    }

    #[test]
    fn nfs_glusterfs_flocker_claims_and_ceph() {
        assert_eq!(
            one("nfs: {}"),
            [
                p("[0].nfs.server: Required value"),
                p("[0].nfs.path: Required value"),
                p("[0].nfs.path: Invalid value: \"\": must be an absolute path")
            ]
        );
        assert_eq!(
            one("nfs: {server: s, path: rel}"),
            [p(
                "[0].nfs.path: Invalid value: \"rel\": must be an absolute path"
            )]
        );
        assert_eq!(
            one("glusterfs: {}"),
            [
                p("[0].glusterfs.endpoints: Required value"),
                p("[0].glusterfs.path: Required value")
            ]
        );
        assert_eq!(
            one("flocker: {}"),
            [p(
                "[0].flocker: Required value: one of datasetName and datasetUUID is required"
            )]
        );
        assert_eq!(
            one("flocker: {datasetName: a/b, datasetUUID: u}"),
            [
                p(
                    "[0].flocker: Invalid value: \"resource\": datasetName and datasetUUID can not be specified simultaneously"
                ),
                p("[0].flocker.datasetName: Invalid value: \"a/b\": must not contain '/'"),
            ]
        );
        assert_eq!(
            one("persistentVolumeClaim: {readOnly: true}"),
            [p("[0].persistentVolumeClaim.claimName: Required value")]
        );
        assert_eq!(
            one("rbd: {}"),
            [
                p("[0].rbd.monitors: Required value"),
                p("[0].rbd.image: Required value")
            ]
        );
        assert_eq!(
            one("cinder: {secretRef: {}}"),
            [
                p("[0].cinder.volumeID: Required value"),
                p("[0].cinder.secretRef.name: Required value")
            ]
        );
        assert_eq!(
            one("cephfs: {monitors: []}"),
            [p("[0].cephfs.monitors: Required value")]
        );
    }

    #[test]
    fn iscsi_rules() {
        assert_eq!(
            one("iscsi: {iqn: foo, lun: 300, chapAuthSession: true, initiatorName: bar}"),
            [
                p("[0].iscsi.targetPortal: Required value"),
                p(
                    "[0].iscsi.iqn: Invalid value: \"foo\": must be valid format starting with iqn, eui, or naa"
                ),
                p("[0].iscsi.lun: Invalid value: 300: must be between 0 and 255, inclusive"),
                p("[0].iscsi.secretRef: Required value"),
                p(
                    "[0].iscsi.initiatorname: Invalid value: \"bar\": must be valid format starting with iqn, eui, or naa"
                ),
            ]
        );
        assert_eq!(
            one("iscsi: {targetPortal: t, iqn: iqn.2001-04.com.example:storage.disk1}"),
            Vec::<String>::new()
        );
        assert_eq!(
            one("iscsi: {targetPortal: t, iqn: iqn.2001-04.com.example}"),
            [p(
                "[0].iscsi.iqn: Invalid value: \"iqn.2001-04.com.example\": must be valid format"
            )]
        );
        assert_eq!(
            one("iscsi: {targetPortal: t, iqn: eui.02004567A425678D}"),
            Vec::<String>::new()
        );
        assert_eq!(
            one("iscsi: {targetPortal: t, iqn: eui.123}"),
            [p(
                "[0].iscsi.iqn: Invalid value: \"eui.123\": must be valid format"
            )]
        );
        assert_eq!(
            one(&format!(
                "iscsi: {{targetPortal: t, iqn: naa.{}}}",
                "a1".repeat(16)
            )),
            Vec::<String>::new()
        );
        assert_eq!(
            one("iscsi: {targetPortal: t, iqn: iqn.2001-04.com.example:x, initiatorName: iqn.1}"),
            [p(
                "[0].iscsi.initiatorname: Invalid value: \"iqn.1\": must be valid format"
            )]
        );
        // With an initiator name, "<volume name>:<targetPortal>" must fit in 64 bytes.
        let name = "a".repeat(55);
        assert_eq!(
            run(&format!(
                "volumes:\n- name: {name}\n  iscsi: {{targetPortal: '1.2.3.4:3260', iqn: 'iqn.2001-04.com.example:x', initiatorName: 'iqn.2001-04.com.example:y'}}\n"
            )),
            [format!(
                "{P}[0].name: Invalid value: \"{name}\": Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified."
            )]
        );
    }

    #[test]
    fn quobyte_rules() {
        assert_eq!(
            one("quobyte: {}"),
            [
                p(
                    "[0].quobyte.registry: Required value: must be a host:port pair or multiple pairs separated by commas"
                ),
                p("[0].quobyte.volume: Required value"),
            ]
        );
        assert_eq!(
            one("quobyte: {registry: 'a:1,b', volume: v}"),
            [p(
                "[0].quobyte.registry: Invalid value: \"a:1,b\": must be a host:port pair or multiple pairs separated by commas"
            )]
        );
        assert_eq!(
            one("quobyte: {registry: 'a:1,[::1]:7861', volume: v}"),
            Vec::<String>::new()
        );
        assert_eq!(
            one(&format!(
                "quobyte: {{registry: 'a:1', volume: v, tenant: {}}}",
                "t".repeat(65)
            )),
            [p(
                "[0].quobyte.tenant: Required value: must be a UUID and may not exceed a length of 64 characters"
            )]
        );
    }

    #[test]
    fn downward_api_files() {
        let file = |item: &str| {
            one(&format!(
                "downwardAPI: {{defaultMode: 420, items: [{item}]}}"
            ))
        };
        assert_eq!(
            file("{path: ''}"),
            [
                p("[0].downwardAPI.path: Required value"),
                p(
                    "[0].downwardAPI: Required value: one of fieldRef and resourceFieldRef is required"
                )
            ]
        );
        assert_eq!(
            file("{path: a, fieldRef: {fieldPath: metadata.name}}"),
            Vec::<String>::new()
        );
        assert_eq!(
            file("{path: a, fieldRef: {apiVersion: v1, fieldPath: spec.host}}"),
            [p(
                "[0].downwardAPI.fieldRef.fieldPath: Unsupported value: \"spec.nodeName\": supported values: \"metadata.annotations\", \"metadata.labels\", \"metadata.name\", \"metadata.namespace\", \"metadata.uid\""
            )]
        );
        assert_eq!(
            file("{path: a, fieldRef: {apiVersion: v1, fieldPath: status.foo}}"),
            [p(
                "[0].downwardAPI.fieldRef.fieldPath: Invalid value: \"status.foo\": error converting fieldPath: field label not supported: status.foo"
            )]
        );
        assert_eq!(
            file("{path: a, fieldRef: {apiVersion: v2, fieldPath: metadata.name}}"),
            [p(
                "[0].downwardAPI.fieldRef.fieldPath: Invalid value: \"metadata.name\": error converting fieldPath: unsupported pod version: v2"
            )]
        );
        assert_eq!(
            file("{path: a, fieldRef: {apiVersion: v1, fieldPath: \"metadata.name['x']\"}}"),
            [p(
                "[0].downwardAPI.fieldRef.fieldPath: Invalid value: \"metadata.name['x']\": error converting fieldPath: field label does not support subscript: metadata.name['x']"
            )]
        );
        assert_eq!(
            file(
                "{path: a, fieldRef: {apiVersion: v1, fieldPath: \"metadata.labels['bad key']\"}}"
            ),
            [p(
                "[0].downwardAPI.fieldRef: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
            )]
        );
        assert_eq!(
            file(
                "{path: a, fieldRef: {apiVersion: v1, fieldPath: \"metadata.annotations['Example.com/Key']\"}}"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            file(
                "{path: a, fieldRef: {apiVersion: v1, fieldPath: metadata.uid}, resourceFieldRef: {containerName: c, resource: limits.cpu}, mode: 1000}"
            ),
            [
                p(
                    "[0].downwardAPI: Invalid value: \"resource\": fieldRef and resourceFieldRef can not be specified simultaneously"
                ),
                format!("{P}[0].downwardAPI.mode: Invalid value: 1000: {MODE_MSG}"),
            ]
        );
    }

    #[test]
    fn downward_api_resources() {
        let file = |item: &str| {
            one(&format!(
                "downwardAPI: {{items: [{{path: a, resourceFieldRef: {item}}}]}}"
            ))
        };
        assert_eq!(
            file("{resource: limits.cpu}"),
            [p(
                "[0].downwardAPI.resourceFieldRef.containerName: Required value"
            )]
        );
        assert_eq!(
            file("{containerName: c}"),
            [p(
                "[0].downwardAPI.resourceFieldRef.resource: Required value"
            )]
        );
        assert_eq!(
            file("{containerName: c, resource: limits.gpu}"),
            [p(
                "[0].downwardAPI.resourceFieldRef.resource: Unsupported value: \"limits.gpu\": supported values: \"limits.cpu\", \"limits.ephemeral-storage\", \"limits.memory\", \"requests.cpu\", \"requests.ephemeral-storage\", \"requests.memory\""
            )]
        );
        assert_eq!(
            file("{containerName: c, resource: limits.cpu, divisor: 2}"),
            [p(
                "[0].downwardAPI.resourceFieldRef.divisor: Invalid value: \"limits.cpu\": only divisor's values 1m and 1 are supported with the cpu resource"
            )]
        );
        assert_eq!(
            file("{containerName: c, resource: requests.cpu, divisor: 1m}"),
            Vec::<String>::new()
        );
        assert_eq!(
            file("{containerName: c, resource: limits.memory, divisor: 1Mi}"),
            Vec::<String>::new()
        );
        assert_eq!(
            file("{containerName: c, resource: requests.memory, divisor: 2Mi}"),
            [p(
                "[0].downwardAPI.resourceFieldRef.divisor: Invalid value: \"requests.memory\": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource"
            )]
        );
        assert_eq!(
            file("{containerName: c, resource: limits.ephemeral-storage, divisor: 10}"),
            [p(
                "[0].downwardAPI.resourceFieldRef.divisor: Invalid value: \"limits.ephemeral-storage\": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource"
            )]
        );
        assert_eq!(
            file("{containerName: c, resource: requests.hugepages-2Mi, divisor: 1Mi}"),
            Vec::<String>::new()
        );
        assert_eq!(
            file("{containerName: c, resource: requests.hugepages-2Mi, divisor: 3}"),
            [p(
                "[0].downwardAPI.resourceFieldRef.divisor: Invalid value: \"requests.hugepages-2Mi\": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource"
            )]
        );
    }

    #[test]
    fn fc_and_flex() {
        assert_eq!(
            one("fc: {}"),
            [p(
                "[0].fc.targetWWNs: Required value: must specify either targetWWNs or wwids, but not both"
            )]
        );
        assert_eq!(
            one("fc: {targetWWNs: [a], wwids: [b]}"),
            [
                p(
                    "[0].fc.targetWWNs: Invalid value: [\"a\"]: targetWWNs and wwids can not be specified simultaneously"
                ),
                p("[0].fc.lun: Required value: lun is required if targetWWNs is specified"),
            ]
        );
        assert_eq!(
            one("fc: {targetWWNs: [a], lun: 256}"),
            [p(
                "[0].fc.lun: Invalid value: 256: must be between 0 and 255, inclusive"
            )]
        );
        assert_eq!(one("fc: {wwids: [b]}"), Vec::<String>::new());
        assert_eq!(
            one(
                "flexVolume: {options: {kubernetes.io/x: v, foo.K8s.io: z, ok: '1', notkubernetes.io/a: b}}"
            ),
            [
                p("[0].flexVolume.driver: Required value"),
                p(
                    "[0].flexVolume.options[kubernetes.io/x]: Invalid value: \"kubernetes.io/x\": kubernetes.io and k8s.io namespaces are reserved"
                ),
                p(
                    "[0].flexVolume.options[foo.K8s.io]: Invalid value: \"foo.K8s.io\": kubernetes.io and k8s.io namespaces are reserved"
                ),
            ]
        );
    }

    #[test]
    fn simple_required_fields() {
        assert_eq!(
            one("azureFile: {}"),
            [
                p("[0].azureFile.secretName: Required value"),
                p("[0].azureFile.shareName: Required value")
            ]
        );
        assert_eq!(
            one("vsphereVolume: {}"),
            [p("[0].vsphereVolume.volumePath: Required value")]
        );
        assert_eq!(
            one("photonPersistentDisk: {}"),
            [p("[0].photonPersistentDisk.pdID: Required value")]
        );
        assert_eq!(
            one("portworxVolume: {}"),
            [p("[0].portworxVolume.volumeID: Required value")]
        );
        assert_eq!(
            one("scaleIO: {}"),
            [
                p("[0].scaleIO.gateway: Required value"),
                p("[0].scaleIO.system: Required value"),
                p("[0].scaleIO.volumeName: Required value")
            ]
        );
        assert_eq!(
            one("storageos: {volumeNamespace: Bad, secretRef: {}}"),
            [
                p("[0].storageos.volumeName: Required value"),
                format!("{P}[0].storageos.volumeNamespace: Invalid value: \"Bad\": {LABEL_MSG}"),
                p("[0].storageos.secretRef.name: Required value"),
            ]
        );
    }

    #[test]
    fn azure_disk() {
        assert_eq!(
            one("azureDisk: {diskName: d, diskURI: 'http://x', cachingMode: Bad, kind: Managed}"),
            [
                p(
                    "[0].azureDisk.cachingMode: Unsupported value: \"Bad\": supported values: \"None\", \"ReadOnly\", \"ReadWrite\""
                ),
                p(
                    "[0].azureDisk.diskURI: Unsupported value: \"http://x\": supported values: \"/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}\""
                ),
            ]
        );
        // An absent kind is the default "Shared": a blob URI is needed.
        assert_eq!(
            one("azureDisk: {diskName: d, diskURI: /subscriptions/x}"),
            [p(
                "[0].azureDisk.diskURI: Unsupported value: \"/subscriptions/x\": supported values: \"https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd\""
            )]
        );
        assert_eq!(
            one("azureDisk: {kind: Weird}"),
            [
                p("[0].azureDisk.diskName: Required value"),
                p("[0].azureDisk.diskURI: Required value"),
                p(
                    "[0].azureDisk.kind: Unsupported value: \"Weird\": supported values: \"Dedicated\", \"Managed\", \"Shared\""
                ),
                p(
                    "[0].azureDisk.diskURI: Unsupported value: \"\": supported values: \"https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd\""
                ),
            ]
        );
        assert_eq!(
            one(
                "azureDisk: {diskName: d, diskURI: 'https://a.blob.core.windows.net/c/d.vhd', cachingMode: ReadOnly}"
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn csi_and_image() {
        assert_eq!(
            one("csi: {}"),
            [
                p("[0].csi.driver: Required value"),
                format!("{P}[0].csi.driver: Invalid value: \"\": {SUBDOMAIN_MSG}")
            ]
        );
        assert_eq!(
            one("csi: {driver: Disk.CSI.example.com}"),
            Vec::<String>::new()
        );
        let long = format!("{}.com", "d".repeat(60));
        assert_eq!(
            one(&format!("csi: {{driver: {long}}}")),
            [p("[0].csi.driver: Too long: may not be more than 63 bytes")]
        );
        assert_eq!(
            one("csi: {driver: d.example.com, nodePublishSecretRef: {}}"),
            [p("[0].csi.nodePublishSecretRef.name: Required value")]
        );
        // Go reports a bad secret name at csi.name.
        assert_eq!(
            one("csi: {driver: d.example.com, nodePublishSecretRef: {name: Bad}}"),
            [format!(
                "{P}[0].csi.name: Invalid value: \"Bad\": {SUBDOMAIN_MSG}"
            )]
        );
        assert_eq!(
            one("image: {reference: r}"),
            [p("[0].image.pullPolicy: Required value")]
        );
        assert_eq!(
            one("image: {reference: r, pullPolicy: Sometimes}"),
            [p(
                "[0].image.pullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\""
            )]
        );
        // The reference is only required for a Pod, not a template.
        assert_eq!(
            one("image: {pullPolicy: IfNotPresent}"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn projected_sources() {
        let projected = |sources: &str| {
            one(&format!(
                "projected: {{defaultMode: 420, sources: {sources}}}"
            ))
        };
        assert_eq!(
            one("projected: {defaultMode: 1000}"),
            [format!(
                "{P}[0].projected.defaultMode: Invalid value: 1000: {MODE_MSG}"
            )]
        );
        assert_eq!(
            projected(
                "[{secret: {name: s, items: [{key: k, path: p}]}}, {configMap: {name: c, items: [{key: k, path: p}]}}]"
            ),
            [p(
                "[0].projected: Invalid value: \"c\": conflicting duplicate paths"
            )]
        );
        assert_eq!(
            projected("[{secret: {items: [{key: '', path: x}]}, configMap: {name: c}}]"),
            [
                p("[0].projected.sources[0].secret.name: Required value"),
                p("[0].projected.sources[0].secret.items[0].key: Required value"),
                p(
                    "[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type per source"
                ),
            ]
        );
        assert_eq!(
            projected(
                "[{downwardAPI: {items: [{path: a, fieldRef: {apiVersion: v1, fieldPath: metadata.name}}, {path: b}]}}, {secret: {name: s, items: [{key: k, path: a}]}}]"
            ),
            [
                p(
                    "[0].projected.sources[0].downwardAPI: Required value: one of fieldRef and resourceFieldRef is required"
                ),
                p("[0].projected: Invalid value: \"s\": conflicting duplicate paths"),
            ]
        );
        assert_eq!(
            projected("[{serviceAccountToken: {expirationSeconds: 60, path: ''}}]"),
            [
                p(
                    "[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes"
                ),
                p("[0].projected.path: Required value"),
            ]
        );
        assert_eq!(
            projected("[{serviceAccountToken: {expirationSeconds: 4294967297, path: /abs}}]"),
            [
                p(
                    "[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds"
                ),
                p("[0].projected.path: Invalid value: \"/abs\": must be a relative path"),
            ]
        );
        // An absent expirationSeconds is the default hour; token paths are not checked for clashes.
        assert_eq!(
            projected(
                "[{serviceAccountToken: {path: token}}, {configMap: {name: c, items: [{key: k, path: token}]}}]"
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn cluster_trust_bundle_projection() {
        let bundle = |fields: &str| {
            one(&format!(
                "projected: {{sources: [{{clusterTrustBundle: {fields}}}]}}"
            ))
        };
        let at = |rest: &str| {
            p(&format!(
                "[0].projected.sources[0].clusterTrustBundle{rest}"
            ))
        };
        assert_eq!(
            bundle("{name: nm, signerName: s, path: p}"),
            [at(
                ": Invalid value: {\"Name\":\"nm\",\"SignerName\":\"s\",\"LabelSelector\":null,\"Optional\":null,\"Path\":\"p\"}: only one of name and signerName may be used"
            )]
        );
        assert_eq!(
            bundle("{path: p}"),
            [at(
                ": Required value: either name or signerName must be specified"
            )]
        );
        assert_eq!(
            bundle("{name: 'example.com:signer:foo', path: p}"),
            Vec::<String>::new()
        );
        assert_eq!(
            bundle("{name: 'a:B', path: p, labelSelector: {matchLabels: {x: z}}}"),
            [
                at(&format!(
                    ".name: Invalid value: \"a:B\": not a valid clustertrustbundlename: {SUBDOMAIN_MSG}"
                )),
                at(
                    ".labelSelector: Invalid value: {\"matchLabels\":{\"x\":\"z\"}}: labelSelector must be unset if name is specified"
                ),
            ]
        );
        assert_eq!(
            bundle("{name: '', path: ''}"),
            [
                at(".name: Required value: must be a valid object name"),
                at(&format!(
                    ".name: Invalid value: \"\": not a valid clustertrustbundlename: {SUBDOMAIN_MSG}"
                )),
                at(".path: Required value"),
            ]
        );
        assert_eq!(
            bundle("{signerName: foo, path: p}"),
            [at(
                ".signerName: Invalid value: \"foo\": must be a fully qualified domain and path of the form 'example.com/signer-name'"
            )]
        );
        assert_eq!(
            bundle(
                "{signerName: example/x, path: p, labelSelector: {matchExpressions: [{key: k, operator: In}]}}"
            ),
            [
                at(
                    ".signerName: Invalid value: \"example\": should be a domain with at least two segments separated by dots"
                ),
                at(
                    ".labelSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"
                ),
            ]
        );
        assert_eq!(
            bundle("{signerName: Example.com/x, path: p}"),
            [at(&format!(
                ".signerName: Invalid value: \"Example.com\": validating label \"Example\": {LABEL_MSG}"
            ))]
        );
    }

    #[test]
    fn pod_certificate_projection() {
        let certificate = |fields: &str| {
            one(&format!(
                "projected: {{sources: [{{podCertificate: {fields}}}]}}"
            ))
        };
        let at = |rest: &str| p(&format!("[0].projected.sources[0].podCertificate{rest}"));
        assert_eq!(
            certificate(
                "{signerName: kubernetes.io/foo, keyType: RSA2048, maxExpirationSeconds: 100000}"
            ),
            [
                at(
                    ".keyType: Unsupported value: \"RSA2048\": supported values: \"RSA3072\", \"RSA4096\", \"ECDSAP256\", \"ECDSAP384\", \"ECDSAP521\", \"ED25519\""
                ),
                at(
                    ".maxExpirationSeconds: Invalid value: 100000: if provided, maxExpirationSeconds must be <= 86400"
                ),
                at(
                    ": Required value: specify at least one of credentialBundlePath, keyPath, and certificateChainPath"
                ),
            ]
        );
        assert_eq!(
            certificate(
                "{signerName: example.com/foo, keyType: ED25519, maxExpirationSeconds: 60, keyPath: k, certificateChainPath: k}"
            ),
            [
                at(
                    ".maxExpirationSeconds: Invalid value: 60: if provided, maxExpirationSeconds must be >= 3600"
                ),
                p("[0].projected: Invalid value: \"k\": conflicting duplicate paths"),
            ]
        );
        assert_eq!(
            certificate(
                "{signerName: example.com/foo, keyType: ECDSAP256, maxExpirationSeconds: 7862400, credentialBundlePath: b}"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            certificate("{keyType: ECDSAP256, keyPath: k}"),
            [at(".signerName: Required value")]
        );
    }

    #[test]
    fn ephemeral_claim_templates() {
        let template = |body: &str| one(&format!("ephemeral: {{volumeClaimTemplate: {body}}}"));
        let at = |rest: &str| p(&format!("[0].ephemeral.volumeClaimTemplate{rest}"));
        assert_eq!(
            one("ephemeral: {}"),
            [p("[0].ephemeral.volumeClaimTemplate: Required value")]
        );
        assert_eq!(
            template(
                "{spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, volumeMode: Filesystem, storageClassName: fast}}"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            template(
                "{metadata: {name: x, uid: u, generation: 0, labels: {a: b}, annotations: {Bad Key: v}, finalizers: []}, spec: {}}"
            ),
            [
                at(
                    ".metadata.annotations: Invalid value: \"Bad Key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
                ),
                at(".metadata.name: Forbidden: cannot be set"),
                at(".metadata.uID: Forbidden: cannot be set"),
                at(".metadata.finalizers: Forbidden: cannot be set"),
                at(".spec.accessModes: Required value: at least 1 access mode is required"),
                at(".spec.resources[storage]: Required value"),
            ]
        );
        assert_eq!(
            template(
                "{spec: {accessModes: [ReadWriteOncePod, ReadWriteOnce, Bad], resources: {requests: {storage: 0}}, storageClassName: Bad, volumeMode: Raw, volumeAttributesClassName: x_y}}"
            ),
            [
                at(
                    ".spec.accessModes: Unsupported value: \"Bad\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\""
                ),
                at(
                    ".spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes"
                ),
                at(".spec.resources[storage]: Invalid value: \"0\": must be greater than zero"),
                at(&format!(
                    ".spec.storageClassName: Invalid value: \"Bad\": {SUBDOMAIN_MSG}"
                )),
                at(
                    ".spec.volumeMode: Unsupported value: \"Raw\": supported values: \"Block\", \"Filesystem\""
                ),
                at(&format!(
                    ".spec.volumeAttributesClassName: Invalid value: \"x_y\": {SUBDOMAIN_MSG}"
                )),
            ]
        );
        let spec = |extra: &str| {
            template(&format!(
                "{{spec: {{accessModes: [ReadWriteOnce], resources: {{requests: {{storage: 1Gi}}}}, {extra}}}}}"
            ))
        };
        assert_eq!(
            spec("dataSource: {kind: Snap}, dataSourceRef: {apiGroup: Bad_, kind: Foo, name: nm}"),
            [
                at(".spec.dataSource.name: Required value"),
                at(
                    ".spec.dataSource: Invalid value: \"Snap\": must be 'PersistentVolumeClaim' when referencing the default apiGroup"
                ),
                at(&format!(
                    ".spec.dataSourceRef.apiGroup: Invalid value: \"Bad_\": {SUBDOMAIN_MSG}"
                )),
                at(".spec: Invalid value: {}: must match dataSourceRef"),
            ]
        );
        assert_eq!(
            spec(
                "dataSource: {kind: PersistentVolumeClaim, name: nm}, dataSourceRef: {kind: PersistentVolumeClaim, name: nm, namespace: Other}"
            ),
            [
                at(&format!(
                    ".spec.dataSourceRef.namespace: Invalid value: \"Other\": {LABEL_MSG}"
                )),
                at(
                    ".spec: Invalid value: {}: may not be specified when dataSourceRef.namespace is specified"
                ),
            ]
        );
        assert_eq!(
            spec(
                "dataSource: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: nm}, dataSourceRef: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: nm}"
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn ephemeral_claims_with_a_pod_name() {
        let volumes = "volumes:\n- name: data\n  ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}\n- name: claim\n  persistentVolumeClaim: {claimName: pod-data}\n";
        let meta = node("name: pod\n", &crate::manifest::schema::META_OBJECT_META);
        let (errors, names) = run_with_meta(volumes, Some(&meta));
        assert_eq!(
            errors,
            [p(
                "[1].persistentVolumeClaim.claimName: Invalid value: \"pod-data\": must not reference a PVC that gets created for an ephemeral volume"
            )]
        );
        assert_eq!(names, ["data", "claim"]);
        // Without the pod's name (a template) neither check runs.
        assert_eq!(run_with_meta(volumes, None).0, Vec::<String>::new());
        let meta = node("name: Pod\n", &crate::manifest::schema::META_OBJECT_META);
        let (errors, names) = run_with_meta(volumes, Some(&meta));
        assert_eq!(
            errors,
            [format!(
                "{P}[0].name: Invalid value: \"data\": PVC name \"Pod-data\": {SUBDOMAIN_MSG}"
            )]
        );
        assert_eq!(names, ["claim"]);
    }

    #[test]
    fn file_key_ref_volumes_must_be_empty_dirs() {
        let spec = pod_spec(
            "volumes:\n- name: scratch\n  emptyDir: {}\n- name: cfg\n  configMap: {name: c}\ninitContainers:\n- name: i\n  env:\n  - name: A\n    valueFrom: {fileKeyRef: {volumeName: missing, path: p, key: k}}\ncontainers:\n- name: c\n  env:\n  - name: A\n    valueFrom: {fileKeyRef: {volumeName: scratch, path: p, key: k}}\n  - name: B\n    value: x\n  - name: C\n    valueFrom: {fileKeyRef: {volumeName: cfg, path: p, key: k}}\n",
        );
        let mut out = Out::default();
        validate_file_key_ref_volumes(
            Some(&spec),
            &Loc::new("spec.template.spec", Span::default()),
            &mut out,
        );
        assert_eq!(
            messages(&out),
            [
                "spec.template.spec.initContainers[0].env[0].valueFrom.fileKeyRef.volumeName: Not found: \"missing\"",
                "spec.template.spec.containers[0].env[2].valueFrom.fileKeyRef.volumeName: Invalid value: \"cfg\": referenced volume must be of type emptyDir",
            ]
        );
    }

    #[test]
    fn helpers_match_go() {
        assert!(split_host_port_ok("host:80"));
        assert!(split_host_port_ok("[::1]:80"));
        assert!(split_host_port_ok(":80"));
        assert!(!split_host_port_ok("host"));
        assert!(!split_host_port_ok("a:b:c"));
        assert!(!split_host_port_ok("[::1]"));
        assert!(!split_host_port_ok("[::1]x:80"));
        assert!(!split_host_port_ok("a]:80"));
        assert!(iqn_regex_matches("iqnX-iqn.2001-04.com.example:storage"));
        assert!(!iqn_regex_matches("iqn.2001-04.com.example:a b"));
        assert!(!iqn_regex_matches("iqn.01-04.com.example:x"));
        assert!(prefixed_alnum_matches("eui:0123456789abcdef", "eui", 16));
        assert!(!prefixed_alnum_matches("eui.0123456789abcde-", "eui", 16));
        assert!(is_kubernetes_signer_name(
            "kubernetes.io/kube-apiserver-client"
        ));
        assert!(is_kubernetes_signer_name("beta.kubernetes.io/x"));
        assert!(!is_kubernetes_signer_name("notkubernetes.io/x"));
    }
}

//! Kubernetes field errors (`k8s.io/apimachinery/pkg/util/validation/field`): the error types
//! and the exact text `Error()` gives, `<field>: <Type>[: <value>][: <detail>]`.

use jobscope_golang::strings::{go_json_string, go_strconv_quote};

/// `field.ErrorType`, named as the apiserver writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorType {
    NotFound,
    Required,
    Duplicate,
    Invalid,
    NotSupported,
    Forbidden,
    TooLong,
    TooMany,
    Internal,
    TypeInvalid,
}

impl ErrorType {
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorType::NotFound => "Not found",
            ErrorType::Required => "Required value",
            ErrorType::Duplicate => "Duplicate value",
            ErrorType::Invalid | ErrorType::TypeInvalid => "Invalid value",
            ErrorType::NotSupported => "Unsupported value",
            ErrorType::Forbidden => "Forbidden",
            ErrorType::TooLong => "Too long",
            ErrorType::TooMany => "Too many",
            ErrorType::Internal => "Internal error",
        }
    }
}

/// The offending value, as `ErrorBody` prints it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum BadValue {
    /// `field.OmitValueType{}`: no value printed.
    Omit,
    /// A Go `string`, printed with `%q`.
    Str(String),
    /// An integer or bool, printed with `%v`.
    Int(i64),
    Bool(bool),
    /// Anything else, printed as its JSON encoding (already rendered).
    Json(String),
}

impl BadValue {
    /// A `*string` or other pointer/struct value: Go prints its JSON encoding.
    pub(crate) fn json_string(text: &str) -> BadValue {
        BadValue::Json(go_json_string(text))
    }
}

/// One `field.Error`.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub error_type: ErrorType,
    pub field: String,
    pub(crate) value: BadValue,
    pub(crate) detail: String,
}

impl FieldError {
    pub(crate) fn invalid(
        field: impl Into<String>,
        value: BadValue,
        detail: impl Into<String>,
    ) -> Self {
        FieldError {
            error_type: ErrorType::Invalid,
            field: field.into(),
            value,
            detail: detail.into(),
        }
    }

    pub(crate) fn required(field: impl Into<String>, detail: impl Into<String>) -> Self {
        FieldError {
            error_type: ErrorType::Required,
            field: field.into(),
            value: BadValue::Omit,
            detail: detail.into(),
        }
    }

    pub(crate) fn forbidden(field: impl Into<String>, detail: impl Into<String>) -> Self {
        FieldError {
            error_type: ErrorType::Forbidden,
            field: field.into(),
            value: BadValue::Omit,
            detail: detail.into(),
        }
    }

    pub(crate) fn internal(field: impl Into<String>, detail: impl Into<String>) -> Self {
        FieldError {
            error_type: ErrorType::Internal,
            field: field.into(),
            value: BadValue::Omit,
            detail: detail.into(),
        }
    }

    pub(crate) fn duplicate(field: impl Into<String>, value: BadValue) -> Self {
        FieldError {
            error_type: ErrorType::Duplicate,
            field: field.into(),
            value,
            detail: String::new(),
        }
    }

    pub(crate) fn not_found(field: impl Into<String>, value: BadValue) -> Self {
        FieldError {
            error_type: ErrorType::NotFound,
            field: field.into(),
            value,
            detail: String::new(),
        }
    }

    /// `field.NotSupported`: the detail lists the valid values, each `strconv.Quote`d.
    pub(crate) fn not_supported(field: impl Into<String>, value: BadValue, valid: &[&str]) -> Self {
        let detail = if valid.is_empty() {
            String::new()
        } else {
            let quoted: Vec<String> = valid.iter().map(|v| go_strconv_quote(v)).collect();
            format!("supported values: {}", quoted.join(", "))
        };
        FieldError {
            error_type: ErrorType::NotSupported,
            field: field.into(),
            value,
            detail,
        }
    }

    /// `field.TooLong(field, value, max)`: the value is never printed.
    pub(crate) fn too_long(field: impl Into<String>, max_length: i64) -> Self {
        let detail = if max_length >= 0 {
            format!(
                "may not be more than {max_length} {}",
                if max_length == 1 { "byte" } else { "bytes" }
            )
        } else {
            "value is too long".to_owned()
        };
        FieldError {
            error_type: ErrorType::TooLong,
            field: field.into(),
            value: BadValue::Omit,
            detail,
        }
    }

    /// `field.TooMany(field, actual, max)`.
    pub(crate) fn too_many(field: impl Into<String>, actual: i64, max: i64) -> Self {
        let detail = if max >= 0 {
            format!(
                "must have at most {max} {}",
                if max == 1 { "item" } else { "items" }
            )
        } else {
            "has too many items".to_owned()
        };
        let value = if actual >= 0 {
            BadValue::Int(actual)
        } else {
            BadValue::Omit
        };
        FieldError {
            error_type: ErrorType::TooMany,
            field: field.into(),
            value,
            detail,
        }
    }

    /// `ErrorBody()`.
    pub(crate) fn body(&self) -> String {
        let mut body = match self.error_type {
            ErrorType::Required
            | ErrorType::Forbidden
            | ErrorType::TooLong
            | ErrorType::Internal => self.error_type.as_str().to_owned(),
            _ => match &self.value {
                BadValue::Omit => self.error_type.as_str().to_owned(),
                BadValue::Str(text) => {
                    format!("{}: {}", self.error_type.as_str(), go_strconv_quote(text))
                }
                BadValue::Int(number) => format!("{}: {number}", self.error_type.as_str()),
                BadValue::Bool(flag) => format!("{}: {flag}", self.error_type.as_str()),
                BadValue::Json(json) => format!("{}: {json}", self.error_type.as_str()),
            },
        };
        if !self.detail.is_empty() {
            body.push_str(": ");
            body.push_str(&self.detail);
        }
        body
    }

    /// `Error()`: `<field>: <body>`.
    pub fn message(&self) -> String {
        format!("{}: {}", self.field, self.body())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_apimachinery() {
        let cases = [
            (
                FieldError::not_supported(
                    "spec.template.spec.restartPolicy",
                    BadValue::Str("Always".into()),
                    &["OnFailure", "Never"],
                ),
                "spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"",
            ),
            (
                FieldError::invalid(
                    "spec.parallelism",
                    BadValue::Int(-1),
                    "must be greater than or equal to 0",
                ),
                "spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
            ),
            (
                FieldError::required("spec.schedule", ""),
                "spec.schedule: Required value",
            ),
            (
                FieldError::required(
                    "spec.template.spec.restartPolicy",
                    "valid values: \"OnFailure\", \"Never\"",
                ),
                "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"",
            ),
            (
                FieldError::too_long("spec.managedBy", 63),
                "spec.managedBy: Too long: may not be more than 63 bytes",
            ),
            (
                FieldError::too_many("spec.podFailurePolicy.rules", 21, 20),
                "spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items",
            ),
            (
                FieldError::duplicate(
                    "spec.template.spec.containers[1].name",
                    BadValue::Str("main".into()),
                ),
                "spec.template.spec.containers[1].name: Duplicate value: \"main\"",
            ),
            (
                FieldError::invalid(
                    "spec.timeZone",
                    BadValue::json_string("Mars/Olympus"),
                    "unknown time zone Mars/Olympus",
                ),
                "spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus",
            ),
            (
                FieldError::invalid(
                    "spec.podFailurePolicy.rules[0]",
                    BadValue::Omit,
                    "specifying one of OnExitCodes and OnPodConditions is required",
                ),
                "spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required",
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(error.message(), expected);
        }
    }
}

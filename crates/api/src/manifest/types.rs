//! The shapes the API schema is written in: object types, their fields, value kinds and enums.

/// What a field holds.
#[derive(Debug)]
pub enum Ty {
    String,
    Bool,
    Int32,
    Int64,
    Float64,
    /// `[]byte`, written as base64 text.
    Bytes,
    /// `resource.Quantity`: a string or a number.
    Quantity,
    /// `intstr.IntOrString`.
    IntOrString,
    /// `metav1.Time`: an RFC 3339 string.
    Time,
    /// Free-form JSON (`FieldsV1`, `RawExtension`).
    AnyJson,
    /// A named string type with known values (`RestartPolicy`); any string decodes.
    Enum(&'static EnumDef),
    Object(&'static TypeDef),
    /// A list, with the element's kind and Go type (for decode errors).
    List(&'static Ty, &'static str),
    /// A map with string keys, with the value's kind and Go type.
    Map(&'static Ty, &'static str),
}

/// An API object type (`Container`, `JobSpec`).
#[derive(Debug)]
pub struct TypeDef {
    /// The Go type name, as decode errors name the struct (`JobSpec`).
    pub name: &'static str,
    pub fields: &'static [FieldDef],
}

/// One field of an object type.
#[derive(Debug)]
pub struct FieldDef {
    pub json: &'static str,
    pub ty: Ty,
    /// The Go type decode errors name (`int32`, `v1.RestartPolicy`, `[]v1.Container`).
    pub(crate) go: &'static str,
    /// A Go pointer: absent means nil, not the zero value.
    pub(crate) pointer: bool,
}

/// A named string type and the values the API defines for it.
#[derive(Debug)]
pub struct EnumDef {
    pub go: &'static str,
    pub values: &'static [&'static str],
}

impl TypeDef {
    pub fn field(&self, json: &str) -> Option<&'static FieldDef> {
        self.fields.iter().find(|f| f.json == json)
    }
}

impl Ty {}

/// Object types are statics: two are the same type when they are the same static.
impl PartialEq for TypeDef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

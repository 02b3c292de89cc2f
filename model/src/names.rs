//! C names: derived from Rust names, and checked against C's reserved words.

/// `VfioDeviceInfo` -> `vfio_device_info`, `VfioIommuType1Info` -> `vfio_iommu_type1_info`.
/// A digit run stays attached to the word before it, as C UAPI names write it.
pub fn snake_case(rust: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = rust.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            let boundary = match prev {
                None | Some('_') => false,
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_ascii_uppercase() => next_lower,
                Some(_) => false,
            };
            if boundary {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `RunningP2p` -> `RUNNING_P2P`.
pub fn upper_snake_case(rust: &str) -> String {
    snake_case(rust).to_ascii_uppercase()
}

/// A Rust identifier without its raw prefix.
pub fn unraw(ident: &proc_macro2::Ident) -> String {
    let s = ident.to_string();
    s.strip_prefix("r#").map(str::to_string).unwrap_or(s)
}

/// C and C++ keywords: a field or tag with one of these names does not compile in one of the
/// languages a UAPI header is included from.
const C_KEYWORDS: &[&str] = &[
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
    "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
    "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
    "volatile", "while", "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic",
    "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local", "alignas", "alignof", "bool",
    "constexpr", "false", "nullptr", "static_assert", "thread_local", "true", "typeof",
    // C++ only, but UAPI headers are included from C++ (QEMU's C++ parts, tests).
    "class", "delete", "explicit", "friend", "mutable", "namespace", "new", "operator", "private",
    "protected", "public", "template", "this", "throw", "try", "catch", "typename", "using", "virtual",
];

pub fn is_c_keyword(name: &str) -> bool {
    C_KEYWORDS.contains(&name)
}

pub fn is_c_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_follows_uapi_spelling() {
        assert_eq!(snake_case("VfioDeviceInfo"), "vfio_device_info");
        assert_eq!(snake_case("VfioIommuType1Info"), "vfio_iommu_type1_info");
        assert_eq!(snake_case("OpenHow"), "open_how");
        assert_eq!(snake_case("VfioIommuSpaprTceDdwInfo"), "vfio_iommu_spapr_tce_ddw_info");
        assert_eq!(snake_case("PCIConfig"), "pci_config");
        assert_eq!(upper_snake_case("RunningP2p"), "RUNNING_P2P");
        assert_eq!(upper_snake_case("PreCopyP2p"), "PRE_COPY_P2P");
    }

    #[test]
    fn keywords() {
        assert!(is_c_keyword("default"));
        assert!(is_c_keyword("class"));
        assert!(!is_c_keyword("flags"));
        assert!(is_c_identifier("__u32") && !is_c_identifier("9a") && !is_c_identifier("a-b"));
    }
}

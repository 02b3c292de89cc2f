//! A generator of plausible `#[uabi::abi]` modules from a byte string: structs of the eight
//! integer types, arrays of them and of earlier structs, `aligned` u64s, reserved fields,
//! versions (`since`), flags, gated fields, the four size policies, unions whose members differ
//! in size, bitfield units (`#[bits { .. }]`), and ioctls. It lays every struct out itself (the portable layout: each field at its
//! natural offset, explicit padding, size a multiple of the alignment) and inserts the padding
//! fields, so that what it calls valid is valid by the language's rules, and the model's layout
//! can be compared with its own.
//!
//! Dependency-free (no `arbitrary`): the fuzz targets feed it fuzzer bytes, and the root test
//! `tests/generated_abis.rs` (which includes this file by path) feeds it a seeded PRNG's bytes
//! and compiles the headers and the Rust of what it generates.

use std::fmt::Write;

/// Reads choices from the input; past its end every choice is 0 (the simplest).
pub struct Choices<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Choices<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Choices { bytes, pos: 0 }
    }

    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    /// A number below `n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        self.byte() as usize % n
    }

    /// True with probability about `num / 256`.
    fn chance(&mut self, num: u8) -> bool {
        self.byte() < num
    }
}

/// The laid-out struct the generator expects the model to compute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// The Rust name.
    pub rust: String,
    /// `struct x` or `union x`.
    pub c_type: String,
    pub size: u64,
    pub align: u64,
    /// (C name, offset) of every field.
    pub fields: Vec<(String, u64)>,
}

/// A generated module.
pub struct Generated {
    /// The module's source text.
    pub source: String,
    /// Whether it follows the language's rules. The generator breaks one rule on purpose now
    /// and then (a padding field left out), to reach the model's refusals.
    pub valid: bool,
    /// The header path (`gen/<tag>.h`).
    pub header: String,
    /// Every named struct and union, in order.
    pub expected: Vec<Expected>,
}

const PRIMS: [(&str, u64); 8] = [
    ("u8", 1),
    ("u16", 2),
    ("u32", 4),
    ("u64", 8),
    ("i8", 1),
    ("i16", 2),
    ("i32", 4),
    ("i64", 8),
];

/// Every record derives the same traits, so a struct can derive them whatever it contains
/// (for unions the macro implements them over the bytes).
const DERIVES: &str = "#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]";

/// A type a later field can use: name, size, alignment.
#[derive(Clone)]
struct Ty {
    rust: String,
    size: u64,
    align: u64,
}

fn align_up(n: u64, a: u64) -> u64 {
    n.div_ceil(a) * a
}

struct StructGen<'m> {
    out: String,
    fields: Vec<(String, u64)>,
    offset: u64,
    align: u64,
    pads: usize,
    valid: &'m mut bool,
}

impl StructGen<'_> {
    /// Appends a field, with an explicit padding field before it when its natural offset is
    /// further on (unless `skip_pad`: an invalid module).
    fn field(
        &mut self,
        attrs: &str,
        name: &str,
        ty: (&str, u64, u64),
        skip_pad: bool,
        since: &str,
    ) {
        let (ty, size, align) = ty;
        let at = align_up(self.offset, align);
        if at > self.offset {
            if skip_pad {
                *self.valid = false;
            } else {
                self.pad(at - self.offset, since);
            }
        }
        let _ = writeln!(self.out, "        {attrs}pub {name}: {ty},");
        self.fields.push((name.to_string(), at));
        self.offset = at + size;
        self.align = self.align.max(align);
    }

    fn pad(&mut self, n: u64, since: &str) {
        let name = format!("pad{}", self.pads);
        self.pads += 1;
        let attrs = if since.is_empty() {
            String::new()
        } else {
            format!("#[uabi({since})] ")
        };
        let _ = writeln!(self.out, "        {attrs}pub {name}: [u8; {n}],");
        self.fields.push((name, self.offset));
        self.offset += n;
    }

    /// Tail padding to a multiple of the alignment.
    fn finish(&mut self, since: &str) -> (u64, u64) {
        let size = align_up(self.offset.max(1), self.align);
        if size > self.offset {
            self.pad(size - self.offset, since);
        }
        (size, self.align)
    }
}

/// The module for `bytes`; `tag` (lowercase letters and digits, starting with a letter) makes
/// every name in it unique, so that several modules can share a C translation unit.
pub fn generate(bytes: &[u8], tag: &str) -> Generated {
    let mut c = Choices::new(bytes);
    let upper = tag.to_uppercase();
    let camel = {
        let mut s = tag.to_string();
        s[..1].make_ascii_uppercase();
        s
    };
    let header = format!("gen/{tag}.h");
    let mut valid = true;
    let mut src = String::new();
    let _ = writeln!(src, "#[uabi::abi(header = \"{header}\")]\npub mod {tag} {{");
    let _ = writeln!(
        src,
        "    pub const {upper}_TYPE: u8 = b'{}';",
        (b'A' + c.below(26) as u8) as char
    );
    let mut types: Vec<Ty> = Vec::new();
    let mut expected = Vec::new();
    let mut ioctls = 0usize;
    let nstructs = 1 + c.below(5);
    for si in 0..nstructs {
        let rust = format!("{camel}S{si}");
        let c_name = format!("{tag}_s{si}");
        // 0 plain, 1 argsz, 2 sized, 3 sized_field, 4 perf, 5 union.
        let kind = c.below(6);
        let mut body = StructGen {
            out: String::new(),
            fields: Vec::new(),
            offset: 0,
            align: 1,
            pads: 0,
            valid: &mut valid,
        };
        let mut attrs = String::new();
        let mut flag_names: Vec<(String, u32)> = Vec::new();
        let mut version = 0u32;
        let first_version = if matches!(kind, 2 | 4) { 0 } else { 1 };
        match kind {
            1 => {
                body.field("", "argsz", ("u32", 4, 4), false, "");
                let nflags = c.below(4);
                let mut f = String::from("#[flags {\n");
                for i in 0..nflags {
                    let name = format!("{upper}_S{si}_F{i}");
                    let _ = writeln!(f, "            {name} = 1 << {i},");
                    flag_names.push((name, first_version));
                }
                f.push_str("        }]\n        ");
                let f = if nflags == 0 { String::new() } else { f };
                body.field(&f, "flags", ("u32", 4, 4), false, "");
                if c.chance(64) {
                    attrs.push_str("    #[uabi(output)]\n");
                }
            }
            2 => attrs.push_str("    #[uabi(first_version = 0, policy = sized)]\n"),
            3 => {
                attrs.push_str("    #[uabi(policy = sized_field)]\n");
                if c.chance(128) {
                    body.field("", "id", ("u64", 8, 8), false, "");
                }
                body.field("#[uabi(size)] ", "len", ("u32", 4, 4), false, "");
            }
            4 => {
                attrs.push_str("    #[uabi(first_version = 0, policy = perf)]\n");
                body.field("", "kind", ("u32", 4, 4), false, "");
                body.field("#[uabi(size)] ", "size", ("u32", 4, 4), false, "");
            }
            _ => {}
        }
        let versioned = matches!(kind, 1..=4);
        if kind == 5 {
            // A union: the first member spans it, the others may be smaller (Rust pads them),
            // and none is aligned more than the first, so the size is a multiple of the
            // alignment and C adds no tail.
            let size = [1u64, 2, 4, 8][c.below(4)];
            let n = 1 + c.below(3);
            let mut fields = Vec::new();
            for i in 0..n {
                let sizes: Vec<u64> = [1u64, 2, 4, 8].into_iter().filter(|e| *e <= size).collect();
                let elem = sizes[c.below(sizes.len())];
                let sign = if c.chance(64) { 'i' } else { 'u' };
                let prim = PRIMS
                    .iter()
                    .find(|p| p.1 == elem && p.0.starts_with(sign))
                    .expect("a prim");
                let count = if i == 0 { size / elem } else { 1 + c.below((size / elem) as usize) as u64 };
                let ty = if count == 1 {
                    prim.0.to_string()
                } else {
                    format!("[{}; {count}]", prim.0)
                };
                let _ = writeln!(body.out, "        pub m{i}: {ty},");
                fields.push((format!("m{i}"), 0));
                body.align = body.align.max(elem);
            }
            body.fields = fields;
            let align = body.align;
            let _ = writeln!(
                src,
                "\n    {DERIVES}\n{attrs}    pub union {rust} {{\n{}    }}",
                body.out
            );
            expected.push(Expected {
                rust: rust.clone(),
                c_type: format!("union {c_name}"),
                size,
                align,
                fields: body.fields,
            });
            types.push(Ty { rust, size, align });
            continue;
        }
        let nfields = 1 + c.below(6);
        let mut since = String::new();
        for fi in 0..nfields {
            if versioned && fi > 0 && c.chance(60) {
                version += 1;
                since = format!("since = {}", first_version + version);
            }
            let name = format!("f{fi}");
            let skip_pad = c.chance(8);
            // A bitfield unit now and then: its ranges split the unit's bits.
            let bits_unit = [("u8", 1u64), ("u16", 2), ("u32", 4), ("u64", 8)][c.below(4)];
            if c.chance(24) {
                let total = bits_unit.1 as u32 * 8;
                let mut left = total;
                let mut ranges = Vec::new();
                while left > 0 {
                    let w = if ranges.len() >= 5 { left } else { 1 + (c.below(left as usize) as u32) };
                    ranges.push(format!("b{fi}_{}: {w}", ranges.len()));
                    left -= w;
                }
                let attrs = format!("#[bits {{ {} }}] {}", ranges.join(", "), if since.is_empty() { String::new() } else { format!("#[uabi({since})] ") });
                body.field(&attrs, &name, (bits_unit.0, bits_unit.1, bits_unit.1), skip_pad, &since);
                continue;
            }
            let (ty, size, align, aligned, reserved) = match c.below(10) {
                0..=5 => {
                    let p = PRIMS[c.below(8)];
                    let aligned = p.1 == 8 && c.chance(64);
                    (p.0.to_string(), p.1, p.1, aligned, c.chance(24))
                }
                6..=7 => {
                    let p = PRIMS[c.below(8)];
                    let n = 1 + c.below(4) as u64;
                    (format!("[{}; {n}]", p.0), p.1 * n, p.1, false, c.chance(24))
                }
                _ if !types.is_empty() => {
                    let t = types[c.below(types.len())].clone();
                    if c.chance(64) {
                        let n = 1 + c.below(3) as u64;
                        (
                            format!("[{}; {n}]", t.rust),
                            t.size * n,
                            t.align,
                            false,
                            false,
                        )
                    } else {
                        (t.rust, t.size, t.align, false, false)
                    }
                }
                _ => ("u32".to_string(), 4, 4, false, false),
            };
            let mut list: Vec<String> = Vec::new();
            if !since.is_empty() {
                list.push(since.clone());
            }
            if aligned {
                list.push("aligned".into());
            }
            if reserved {
                list.push("reserved".into());
            }
            if kind == 1 && !reserved && !since.is_empty() && !flag_names.is_empty() && c.chance(96)
            {
                let (flag, _) = &flag_names[c.below(flag_names.len())];
                list.push(format!("gated_by = {flag}"));
            }
            let attrs = if list.is_empty() {
                String::new()
            } else {
                format!("#[uabi({})] ", list.join(", "))
            };
            body.field(&attrs, &name, (&ty, size, align), skip_pad, &since);
        }
        let (size, align) = body.finish(&since);
        let fields = std::mem::take(&mut body.fields);
        let out = std::mem::take(&mut body.out);
        let derive = if c.chance(128) {
            "    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]\n"
        } else {
            ""
        };
        let _ = writeln!(
            src,
            "\n    /// Struct {si} of {tag}.\n{derive}{attrs}    pub struct {rust} {{\n{out}    }}"
        );
        expected.push(Expected {
            rust: rust.clone(),
            c_type: format!("struct {c_name}"),
            size,
            align,
            fields,
        });
        // Only plain structs and unions are nested: a versioned struct inside another would
        // make the outer one's versions depend on it.
        if kind == 0 {
            types.push(Ty {
                rust: rust.clone(),
                size,
                align,
            });
        }
        // Ioctls on it: `_IO` with the argument by pointer, or sized.
        for _ in 0..c.below(3) {
            let nr = ioctls;
            ioctls += 1;
            let name = format!("{upper}_IOC{nr}");
            let expr = match c.below(4) {
                0 => format!("io!({upper}_TYPE, {nr})"),
                1 => format!("ior!({upper}_TYPE, {nr}, {rust})"),
                2 => format!("iow!({upper}_TYPE, {nr}, {rust})"),
                _ => format!("iowr!({upper}_TYPE, {nr}, {rust})"),
            };
            let _ = writeln!(src, "    pub const {name}: Ioctl<{rust}> = {expr};");
        }
    }
    src.push_str("}\n");
    Generated {
        source: src,
        valid,
        header,
        expected,
    }
}

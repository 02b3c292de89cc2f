//! The Rust back end: what `#[uabi::abi]` expands to.
//!
//! The output stays thin: types, constants, accessors and assertions. Every run-time decision is
//! made by generic code in the `uabi` crate over the constants of `AbiType`/`Extensible`. Every
//! number comes from the layout IR; an item or field that exists on some families only carries
//! their `#[cfg(target_arch ..)]`, and so do the assertions of each of its layouts.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::Path;
use uabi_arch::{Endian, FamilySet};

use crate::ast::*;
use crate::layout::RecordLayout;
use crate::parse::RESERVED_PREFIX;

fn lit(n: u64) -> Literal {
    Literal::u64_unsuffixed(n)
}

/// zerocopy, as the `uabi` crate re-exports it (the user's crate needs no zerocopy of its own),
/// under the name the module imports it as (see [`aliases`]).
fn zc() -> TokenStream {
    let alias = zerocopy_alias();
    quote!(self::#alias)
}

fn zerocopy_alias() -> Ident {
    format_ident!("{RESERVED_PREFIX}zerocopy")
}

/// The names every generated module imports: zerocopy, and the integer types as `__uabi_u32`
/// and so on. Field types are then one token rather than nine (`::core::primitive::u32`), and
/// zerocopy's paths four rather than nine (`::uabi::__private::zerocopy`). zerocopy's derives
/// repeat both hundreds of times per struct, and those tokens are most of what rustc expands
/// and parses for a definition of many structs (`bench/build-cost.sh`, `-Zmacro-stats`). The
/// aliases are private `use` items of `::core::primitive`, so a `type u32 = usize;` in the
/// user's module cannot change them, and the model refuses user items named `__uabi_*`.
fn aliases(k: &Path) -> TokenStream {
    let prims = Prim::ALL.map(|p| {
        let (name, alias) = (format_ident!("{}", p.rust_name()), prim_alias(p));
        quote!(#name as #alias)
    });
    let zerocopy = zerocopy_alias();
    quote! {
        #[allow(unused_imports)]
        use #k::__private::zerocopy as #zerocopy;
        #[allow(unused_imports)]
        use ::core::primitive::{#(#prims),*};
    }
}

fn prim_alias(p: Prim) -> Ident {
    format_ident!("{RESERVED_PREFIX}{}", p.rust_name())
}

fn docs(lines: &[String]) -> TokenStream {
    quote!(#(#[doc = #lines])*)
}

/// `#[cfg(any(target_arch = ..))]` selecting the families of `arch`; nothing for every family.
fn cfg(arch: FamilySet) -> TokenStream {
    if arch.is_all() {
        return TokenStream::new();
    }
    let arches = arch.rust_target_arches();
    quote!(#[cfg(any(#(target_arch = #arches),*))])
}

/// What every item contributes to two items shared by a chunk of records, rather than an item
/// of its own: rustc's cost per item (an anonymous `const` is a body to type-check, evaluate
/// and record in the incremental dependency graph) is what a definition of hundreds of structs
/// multiplies, so a chunk's layout assertions go in one `const _: () = check_layout(&[..]);`
/// (a `const fn` call, no `assert!` macros to expand), its values in one `check_values`, and
/// its field-type checks in one `const _: fn() = || { .. }`. Items on some families only get
/// their own, under their `#[cfg]` (an array element cannot be `#[cfg]`'d).
#[derive(Default)]
struct Shared {
    /// `check_layout` entries of sizes, offsets and alignments, and the unions' member
    /// checks, of the records of the current chunk.
    asserts: TokenStream,
    /// `check_values` entries of the constants of the current chunk.
    values: TokenStream,
    /// Calls of `is_abi_field`, `same_type` and `member_is_into_bytes`, of the current chunk.
    checks: TokenStream,
    /// Records in the current chunk.
    records: usize,
    /// The finished chunks' (asserts, values, checks).
    chunks: Vec<(TokenStream, TokenStream, TokenStream)>,
    /// Checks of items that exist on some families only, each under its `#[cfg]`.
    scoped: TokenStream,
    /// The checks already emitted, as text: one proof per type, and one per spelling of a
    /// field type (every field spelled `u32` in the module resolves `u32` in the same scope,
    /// so the first one's check proves them all, and a shadowed spelling gets one error, at
    /// its first field, rather than one per field).
    seen: std::collections::HashSet<String>,
}

/// The item that holds field-type checks (`is_abi_field`, `same_type`, `member_is_into_bytes`
/// calls) for rustc to prove; which of the three a module uses depends on its fields.
fn type_checks(k: &Path, cfg: TokenStream, checks: TokenStream) -> TokenStream {
    let zc = zc();
    quote! {
        #cfg
        #[allow(dead_code)]
        const _: fn() = || {
            fn is_abi_field<T: #k::AbiField>() {}
            fn same_type<U: ?::core::marker::Sized + #k::__private::SameType<T>, T: ?::core::marker::Sized>() {}
            fn member_is_into_bytes<T: #zc::IntoBytes>() {}
            #checks
        };
    }
}

/// Records per shared pair of items. One pair for a whole module made rustc's type check
/// superlinear in the records: at 1000 records, `-Ztime-passes` gave `type_check_crate` 48.7 s
/// of a 90 s build, and 11-12 s in chunks (the clean build's CPU time from 71 s to 33 s, its
/// plain zerocopy twin's 32 s). Chunks of 4, 8, 16 and 32 records measured alike, 128 slower
/// (35.5 s); 32 keeps the item count low for small modules.
const CHUNK: usize = 32;

impl Shared {
    /// Ends a record: closes the chunk when it holds [`CHUNK`] records.
    fn end_record(&mut self) {
        self.records += 1;
        if self.records >= CHUNK {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if !self.asserts.is_empty() || !self.checks.is_empty() || !self.values.is_empty() {
            self.chunks.push((std::mem::take(&mut self.asserts), std::mem::take(&mut self.values), std::mem::take(&mut self.checks)));
        }
        self.records = 0;
    }

    fn check_once(&mut self, t: TokenStream) {
        if self.seen.insert(t.to_string()) {
            self.checks.extend(t);
        }
    }

    /// Layout facts of items on `arch`: into the chunk for every family, else their own item.
    fn layout_facts(&mut self, k: &Path, arch: FamilySet, facts: TokenStream) {
        if arch.is_all() {
            self.asserts.extend(facts);
        } else {
            let cfg = cfg(arch);
            self.scoped.extend(quote!(#cfg const _: () = #k::__private::check_layout(&[#facts]);));
        }
    }

    fn value_facts(&mut self, k: &Path, arch: FamilySet, facts: TokenStream) {
        if arch.is_all() {
            self.values.extend(facts);
        } else {
            let cfg = cfg(arch);
            self.scoped.extend(quote!(#cfg const _: () = #k::__private::check_values(&[#facts]);));
        }
    }

    /// Field-type checks of items on `arch`.
    fn type_check(&mut self, k: &Path, arch: FamilySet, t: TokenStream) {
        if arch.is_all() {
            self.check_once(t);
        } else {
            self.scoped.extend(type_checks(k, cfg(arch), t));
        }
    }

    fn finish(mut self, k: &Path) -> TokenStream {
        self.flush();
        let chunks = self.chunks.iter().map(|(asserts, values, checks)| {
            let values = (!values.is_empty()).then(|| quote!(const _: () = #k::__private::check_values(&[#values]);));
            let checks = (!checks.is_empty()).then(|| type_checks(k, TokenStream::new(), checks.clone()));
            quote! {
                const _: () = #k::__private::check_layout(&[#asserts]);
                #values
                #checks
            }
        });
        let scoped = self.scoped;
        quote!(#(#chunks)* #scoped)
    }
}

pub fn expand(abi: &Abi) -> TokenStream {
    let k = &abi.krate;
    let mut modules = Vec::new();
    for (i, h) in abi.headers.iter().enumerate() {
        let id = HeaderId(i);
        let mut shared = Shared::default();
        let items: Vec<TokenStream> = abi
            .items
            .iter()
            .filter(|item| item.header() == id)
            .map(|item| match item {
                Item::Const(c) => constant(k, c, &mut shared),
                Item::Struct(r) => {
                    let t = record(abi, r, &mut shared);
                    shared.end_record();
                    t
                }
                Item::Enum(e) => enumeration(k, e, &mut shared),
                Item::Ioctl(io) => ioctl(k, io),
                Item::Str(c) => string(c),
                Item::Rust(item, _) => item.to_token_stream(),
            })
            .collect();
        let shared = shared.finish(k);
        modules.push((h, quote!(#(#items)* #shared)));
    }
    let aliases = aliases(k);
    let (main, nested) = modules.split_first().expect("a module has its main header");
    let nested = nested.iter().map(|(h, body)| {
        let m = h.module.as_ref().expect("a nested header has its module");
        let (name, vis, attrs, d) = (&m.name, &m.vis, &m.attrs, docs(&h.docs));
        quote! {
            #d
            #(#attrs)*
            #vis mod #name {
                #[allow(unused_imports)]
                use super::*;
                #aliases
                #body
            }
            #[allow(unused_imports)]
            pub use self::#name::*;
        }
    });
    let ioctls = ioctl_table(abi);
    let Abi { module, vis, attrs, .. } = abi;
    let mdocs = docs(abi.docs());
    let body = &main.1;
    // Every item's own tokens (keyword, braces, punctuation) take the span of its name, so that
    // lints about the item (`missing_docs`) point at the user's item rather than at the
    // attribute: rustc spans an item from its first token to its last.
    quote_spanned! {module.span()=>
        #mdocs
        #(#attrs)*
        #vis mod #module {
            #aliases
            #(#nested)*
            #body

            #ioctls
        }
    }
}

/// `IOCTLS`: every ioctl of the module with its number on the target. With ioctls on some
/// families only, one table per family (an array element cannot be `#[cfg]`'d), and one of
/// the common ioctls for a target of no Linux family.
fn ioctl_table(abi: &Abi) -> TokenStream {
    let k = &abi.krate;
    let ioctls: Vec<&Ioctl> = abi.items.iter().filter_map(|i| if let Item::Ioctl(io) = i { Some(io) } else { None }).collect();
    let entry = |io: &Ioctl| {
        let (name, c_name, ns) = (&io.name, io.name.to_string(), &io.namespace);
        quote!(#k::IoctlEntry { name: #c_name, namespace: #ns, request: #name.request() })
    };
    let doc = "Every ioctl of this module, with its number on the target architecture.";
    if ioctls.iter().all(|io| io.place.arch.is_all()) {
        let entries = ioctls.iter().map(|io| entry(io));
        return quote!(#[doc = #doc] pub const IOCTLS: &[#k::IoctlEntry] = &[#(#entries),*];);
    }
    let mut out = TokenStream::new();
    for f in uabi_arch::Family::ALL {
        if f.rust_target_arches().is_empty() {
            continue;
        }
        let cfg = cfg(FamilySet::single(f));
        let entries = ioctls.iter().filter(|io| io.place.arch.contains(f)).map(|io| entry(io));
        out.extend(quote!(#[doc = #doc] #cfg pub const IOCTLS: &[#k::IoctlEntry] = &[#(#entries),*];));
    }
    let all: Vec<&str> = FamilySet::ALL.rust_target_arches().collect();
    let entries = ioctls.iter().filter(|io| io.place.arch.is_all()).map(|io| entry(io));
    out.extend(quote!(#[doc = #doc] #[cfg(not(any(#(target_arch = #all),*)))] pub const IOCTLS: &[#k::IoctlEntry] = &[#(#entries),*];));
    out
}

/// The `check_values` entry of a constant: rustc's value beside the model's.
fn value_fact(value_expr: TokenStream, c: &Const) -> TokenStream {
    let model = Literal::i128_unsuffixed(c.value);
    let msg = format!("uabi: the value of `{}` differs from the model's ({}): a uabi bug, please report it", c.name, c.value);
    quote!((#value_expr as i128, #model, #msg),)
}

fn constant(k: &Path, c: &Const, shared: &mut Shared) -> TokenStream {
    let Const { name, expr, docs: d, .. } = c;
    let ty = format_ident!("{}", c.ty.rust_name());
    let (d, cfg) = (docs(d), cfg(c.place.arch));
    shared.value_facts(k, c.place.arch, value_fact(name.to_token_stream(), c));
    quote_spanned!(name.span()=> #d #cfg pub const #name: #ty = #expr;)
}

fn string(c: &StrConst) -> TokenStream {
    let StrConst { name, vis, lit, docs: d, attrs, .. } = c;
    let (d, cfg) = (docs(d), cfg(c.place.arch));
    quote_spanned!(name.span()=> #d #cfg #(#attrs)* #vis const #name: &str = #lit;)
}

fn rust_type(t: &FieldType) -> TokenStream {
    match t {
        // The module's alias of `::core::primitive::..`: a `type u32 = usize;` in the user's
        // module cannot change what the struct holds. Whether the user's own spelling means the
        // same type is checked apart.
        FieldType::Prim(p) => prim_alias(*p).to_token_stream(),
        FieldType::Array(e, n) => {
            let (e, n) = (rust_type(e), lit(*n));
            quote!([#e; #n])
        }
        FieldType::Named(n) => n.to_token_stream(),
        FieldType::Flex(e) => {
            let e = rust_type(e);
            quote!([#e; 0])
        }
    }
}

fn is_derive(p: &Path, name: &str) -> bool {
    p.segments.last().is_some_and(|s| s.ident == name)
}

/// The name of the Rust-only wrapper that pads union member `f` of `r` to the union's size.
fn padded_name(r: &Record, f: &Field) -> Ident {
    format_ident!("{RESERVED_PREFIX}pad_{}_{}", r.name, crate::names::unraw(&f.name))
}

/// Whether member `k` of union `r` is smaller than the union on some family, so that Rust
/// declares it through a padded wrapper.
fn padded(abi: &Abi, r: &Record, k: usize) -> bool {
    r.kind == RecordKind::Union && abi.layouts.groups(r.id).iter().any(|l| l.slot(k).is_some_and(|s| s.union_tail > 0))
}

fn record(abi: &Abi, r: &Record, shared: &mut Shared) -> TokenStream {
    let k = &abi.krate;
    let Record { name, vis, .. } = r;
    let zc = zc();
    let d = docs(&r.docs);
    let cfg = cfg(r.place.arch);
    let attrs = &r.attrs;
    let groups = abi.layouts.groups(r.id);
    let over_aligned = abi.layouts.over_aligned(r.id);
    let repr = if r.packed.is_some() {
        quote!(#[repr(C, packed)])
    } else if over_aligned {
        quote!(#[repr(C, align(8))])
    } else {
        quote!(#[repr(C)])
    };

    let argsz_default = r.kind == RecordKind::Struct && r.has_argsz() && r.derives.iter().any(|p| is_derive(p, "Default"));
    let is_union = r.kind == RecordKind::Union;
    // Derives that `derive` cannot provide for a union are implemented over the bytes below.
    let byte_wise = ["Debug", "PartialEq", "Eq", "Hash", "Default"];
    let derives: Vec<&Path> = r
        .derives
        .iter()
        .filter(|p| !(argsz_default && is_derive(p, "Default")))
        .filter(|p| !(is_union && byte_wise.iter().any(|n| is_derive(p, n))))
        .collect();
    let into_bytes_derive = if is_union { quote!() } else { quote!(#zc::IntoBytes,) };

    let fields = r.fields.iter().enumerate().map(|(i, f)| {
        let Field { name, vis, attrs, .. } = f;
        let d = docs(&f.docs);
        let ty = if padded(abi, r, i) { padded_name(r, f).to_token_stream() } else { rust_type(&f.ty) };
        let fcfg = if f.arch == r.place.arch { TokenStream::new() } else { self::cfg(f.arch) };
        quote!(#d #fcfg #(#attrs)* #vis #name: #ty)
    });
    let keyword = if is_union { quote!(union) } else { quote!(struct) };
    // Spanned at the name: see `expand`.
    let definition = quote_spanned!(name.span()=> #vis #keyword #name { #(#fields,)* });

    let mut extra = TokenStream::new();
    for l in groups {
        layout_facts(k, r, l, shared);
    }
    if is_union {
        extra.extend(union_impls(abi, r, shared));
    }
    // One `Extensible` (and `FlexArray`, `CapChainInfo`) per layout: a record whose fields
    // move with the family has its numbers per family.
    let per_group = groups.len() > 1;
    for l in groups {
        let gcfg = if per_group { self::cfg(l.families) } else { cfg.clone() };
        if r.kind == RecordKind::Struct {
            extra.extend(extensible(abi, r, l, &gcfg));
        }
        extra.extend(flex_and_caps(k, r, l, &gcfg));
    }
    if let (true, Some(sf)) = (argsz_default, r.size_field()) {
        let (sname, doc) = (&sf.name, format!("All zero, with `{}` set to the size of this struct.", sf.c_name));
        extra.extend(quote! {
            #cfg
            impl ::core::default::Default for #name {
                #[doc = #doc]
                #[inline]
                fn default() -> Self {
                    let mut v = <Self as #zc::FromZeros>::new_zeroed();
                    v.#sname = ::core::mem::size_of::<Self>() as u32;
                    v
                }
            }
        });
    }
    if let Some((_, id, version)) = &r.capability {
        let (id, version) = (Literal::u16_unsuffixed(*id), Literal::u16_unsuffixed(*version));
        extra.extend(quote! {
            #cfg
            impl #k::Capability for #name {
                const ID: u16 = #id;
                const VERSION: u16 = #version;
            }
        });
    }
    extra.extend(bit_accessors(k, r, groups));
    let mut flags = Vec::new();
    for c in r.fields.iter().flat_map(|f| &f.flags) {
        flags.push(constant(k, c, shared));
    }
    // zerocopy-derive takes its crate path as a string; relative paths must start with `self::`.
    let zc_path = zc.to_string().replace(' ', "");
    field_type_checks(abi, r, shared);
    let c_name = &r.c_name;

    quote! {
        #d
        #cfg
        #(#attrs)*
        #repr
        #[derive(#(#derives,)* #zc::FromBytes, #into_bytes_derive #zc::KnownLayout, #zc::Immutable)]
        #[zerocopy(crate = #zc_path)]
        #definition

        #(#flags)*

        // SAFETY: the model laid this type out with no implicit padding, from fixed-width
        // integers, arrays of them and other `AbiType`s only; the module's layout assertions
        // make rustc confirm that layout on every target it compiles for.
        #cfg
        unsafe impl #k::AbiType for #name {
            const C_NAME: &'static str = #c_name;
        }

        #extra
    }
}

/// The `check_layout` entries of one layout of `r`: size, alignment and every field's offset.
fn layout_facts(k: &Path, r: &Record, l: &RecordLayout, shared: &mut Shared) {
    let name = &r.name;
    let size = lit(l.size);
    let size_msg = format!("uabi: the size of `{}` on this target differs from the model", r.c_name);
    let offsets = r.fields.iter().enumerate().filter_map(|(i, f)| {
        let slot = l.slot(i)?;
        let (fname, off) = (&f.name, lit(slot.offset));
        let msg = format!("uabi: the offset of `{}.{}` on this target differs from the model", r.c_name, f.c_name);
        Some(quote!((::core::mem::offset_of!(#name, #fname), #off, #msg),))
    });
    let aligns = l.align.by_class().map(lit);
    let align_msg = format!("uabi: the alignment of `{}` on this target differs from the model", r.c_name);
    shared.layout_facts(
        k,
        l.families,
        quote! {
            (::core::mem::size_of::<#name>(), #size, #size_msg),
            #(#offsets)*
            (::core::mem::align_of::<#name>(), #k::__private::host_align([#(#aligns),*]), #align_msg),
        },
    );
}

/// The compiler's proof of every field type, beside the model's reading of its spelling: the
/// type the model lays out is an `AbiField` (sealed: integers, arrays, uabi records), and the
/// type the user wrote resolves to exactly that type. A `type u32 = usize;`, a renamed import
/// or a shadowing type in the user's module then fails on every target, at the field.
///
/// Only what can fail is emitted, once, in the chunk's closure (see [`Shared`]): `is_abi_field`
/// of an integer or an array of integers, spelled through the module's aliases of
/// `::core::primitive::..` by the model, holds by the impls in `uabi`, so only types naming a
/// record are bounded, once per type; `same_type` is emitted once per distinct spelling.
fn field_type_checks(abi: &Abi, r: &Record, shared: &mut Shared) {
    for f in &r.fields {
        let (user, model) = match (&f.ty, &f.ty_tokens) {
            (FieldType::Flex(e), syn::Type::Slice(s)) => (s.elem.to_token_stream(), rust_type(e)),
            (t, u) => (u.to_token_stream(), rust_type(t)),
        };
        let span = syn::spanned::Spanned::span(&f.ty_tokens);
        if names_a_record(&f.ty) {
            shared.type_check(&abi.krate, f.arch, quote::quote_spanned!(span=> is_abi_field::<#model>();));
        }
        shared.type_check(&abi.krate, f.arch, quote::quote_spanned!(span=> same_type::<#user, #model>();));
    }
}

fn names_a_record(t: &FieldType) -> bool {
    match t {
        FieldType::Prim(_) => false,
        FieldType::Array(e, _) | FieldType::Flex(e) => names_a_record(e),
        FieldType::Named(_) => true,
    }
}

fn field_span(k: &Path, r: &Record, l: &RecordLayout, name: &Ident) -> Option<TokenStream> {
    let s = l.slot_of(r, name)?;
    let (offset, size) = (lit(s.offset), lit(s.size));
    Some(quote!(#k::FieldSpan { offset: #offset, size: #size }))
}

/// The `Extensible` impl of one layout. Only constants that differ from the trait's defaults
/// are emitted (no size field, no flags, nothing reserved or gated, an input struct, the
/// policy its size field implies): each associated constant is a body rustc type-checks and
/// evaluates, and a module of hundreds of structs pays for every one (`bench/build-cost.sh`).
fn extensible(abi: &Abi, r: &Record, l: &RecordLayout, cfg: &TokenStream) -> TokenStream {
    let k = &abi.krate;
    let name = &r.name;
    let versions = l.versions.iter().map(|(v, size)| {
        let (number, size) = (Literal::u32_unsuffixed(*v), lit(*size));
        let known = Literal::u64_unsuffixed(r.known_flags(*v));
        quote!(#k::Version { number: #number, size: #size, known_flags: #known })
    });
    let mut consts = quote!(const VERSIONS: &'static [#k::Version] = &[#(#versions),*];);
    if let Some(span) = r.size_field().and_then(|f| field_span(k, r, l, &f.name)) {
        consts.extend(quote!(const ARGSZ: ::core::option::Option<#k::FieldSpan> = ::core::option::Option::Some(#span);));
    }
    if let Some(span) = r.flag_field().and_then(|f| field_span(k, r, l, &f.name)) {
        consts.extend(quote!(const FLAGS: ::core::option::Option<#k::FieldSpan> = ::core::option::Option::Some(#span);));
    }
    let reserved: Vec<_> = r.fields.iter().filter(|f| f.reserved).filter_map(|f| field_span(k, r, l, &f.name)).collect();
    if !reserved.is_empty() {
        consts.extend(quote!(const RESERVED: &'static [#k::FieldSpan] = &[#(#reserved),*];));
    }
    let mut units = Vec::new();
    reserved_bits(abi, r, l, 0, &mut units);
    let reserved_bits: Vec<_> = units
        .iter()
        .map(|(offset, size, le, be)| {
            let (offset, size) = (lit(*offset), lit(*size));
            let (le, be) = (Literal::u64_unsuffixed(*le as u64), Literal::u64_unsuffixed(*be as u64));
            quote!(#k::ReservedBits { field: #k::FieldSpan { offset: #offset, size: #size }, mask: if cfg!(target_endian = "big") { #be } else { #le } })
        })
        .collect();
    if !reserved_bits.is_empty() {
        consts.extend(quote!(const RESERVED_BITS: &'static [#k::ReservedBits] = &[#(#reserved_bits),*];));
    }
    let gated: Vec<_> = r
        .fields
        .iter()
        .filter_map(|f| {
            let flag = f.gated_by.as_ref()?;
            let span = field_span(k, r, l, &f.name)?;
            Some(quote!(#k::Gate { flag: #flag as u64, field: #span }))
        })
        .collect();
    if !gated.is_empty() {
        consts.extend(quote!(const GATED: &'static [#k::Gate] = &[#(#gated),*];));
    }
    if r.output {
        consts.extend(quote!(const OUTPUT: bool = true;));
    }
    if r.policy() != r.implied_policy() {
        let policy = format_ident!("{}", r.policy().rust_variant());
        consts.extend(quote!(const POLICY: #k::SizePolicy = #k::SizePolicy::#policy;));
    }
    let size_consts = r.is_versioned().then(|| {
        let consts = l.versions.iter().map(|(v, size)| {
            let c = format_ident!("SIZE_VER{}", v);
            let size = lit(*size);
            let doc = format!("Size of version {v} of `{}`.", r.c_name);
            quote!(#[doc = #doc] pub const #c: usize = #size;)
        });
        quote!(#cfg impl #name { #(#consts)* })
    });
    quote! {
        #cfg
        impl #k::Extensible for #name {
            #consts
        }
        #size_consts
    }
}

/// The storage units of `r`'s reserved bitfields, its untagged members' included (perf's
/// `__reserved_3` sits in an anonymous struct in an anonymous union): `(offset, size, mask on
/// little-endian, mask on big-endian)`, offsets from the start of the outermost record.
fn reserved_bits(abi: &Abi, r: &Record, l: &RecordLayout, base: u64, out: &mut Vec<(u64, u64, u128, u128)>) {
    for (i, f) in r.fields.iter().enumerate() {
        let Some(slot) = l.slot(i) else { continue };
        let bits: Vec<_> = f.bits.iter().zip(&slot.bits).filter(|(b, _)| b.reserved).map(|(_, s)| *s).collect();
        if !bits.is_empty() {
            let mask = |e: Endian| bits.iter().fold(0u128, |m, s| m | s.mask(e));
            out.push((base + slot.offset, slot.size, mask(Endian::Little), mask(Endian::Big)));
        }
        if let (FieldType::Named(_), Some(id)) = (&f.ty, slot.record) {
            let inner = abi.record_by_id(id);
            if inner.anonymous {
                let family = l.families.iter().next().expect("a layout has families");
                if let Some(inner_l) = abi.layouts.on(id, family) {
                    reserved_bits(abi, inner, inner_l, base + slot.offset, out);
                }
            }
        }
    }
}

/// `FlexArray` for a struct ending in `[T]`, and `CapChainInfo` for an INFO struct whose
/// `cap_offset: u32` locates a capability chain after it.
fn flex_and_caps(k: &Path, r: &Record, l: &RecordLayout, cfg: &TokenStream) -> TokenStream {
    let name = &r.name;
    let mut out = TokenStream::new();
    if let Some(flex) = r.flex() {
        let FieldType::Flex(elem) = &flex.ty else { unreachable!() };
        let elem = rust_type(elem);
        let size = lit(l.size);
        let count = match flex.counted_by.as_ref().and_then(|c| field_span(k, r, l, c)) {
            Some(span) => quote!(::core::option::Option::Some(#span)),
            None => quote!(::core::option::Option::None),
        };
        out.extend(quote! {
            #cfg
            impl #k::FlexArray for #name {
                type Elem = #elem;
                const FLEX_OFFSET: usize = #size;
                const COUNT: ::core::option::Option<#k::FieldSpan> = #count;
            }
        });
    }
    if let Some(cap) = r.fields.iter().find(|f| f.name == "cap_offset" && f.ty == FieldType::Prim(Prim::U32)) {
        if let Some(span) = field_span(k, r, l, &cap.name) {
            let flag = match &cap.gated_by {
                Some(flag) => quote!(::core::option::Option::Some(#flag as u64)),
                None => quote!(::core::option::Option::None),
            };
            out.extend(quote! {
                #cfg
                impl #k::cap_chain::CapChainInfo for #name {
                    const CAP_OFFSET: #k::FieldSpan = #span;
                    const CAPS_FLAG: ::core::option::Option<u64> = #flag;
                }
            });
        }
    }
    out
}

/// Getters, setters and builders of every bitfield, named as bindgen names them (`disabled()`,
/// `set_disabled(v)`), plus `with_disabled(v)` for `const` construction. The position is the
/// one the target's C compiler gives the bitfield: from the least significant bit of the unit
/// on little-endian targets, from the most significant on big-endian ones.
fn bit_accessors(k: &Path, r: &Record, groups: &[RecordLayout]) -> TokenStream {
    let Some(l) = groups.first() else { return TokenStream::new() };
    let mut methods = TokenStream::new();
    for (i, f) in r.fields.iter().enumerate() {
        if f.bits.is_empty() {
            continue;
        }
        // Bit positions depend on the unit and the declaration order only, never on the
        // family: any layout of the record gives them.
        let Some(slot) = groups.iter().find_map(|g| g.slot(i)).or_else(|| l.slot(i)) else { continue };
        let FieldType::Prim(p) = f.ty else { continue };
        let (unit, ty) = (&f.name, format_ident!("{}", p.rust_name()));
        let fcfg = if f.arch == r.place.arch { TokenStream::new() } else { cfg(f.arch) };
        for (b, s) in f.bits.iter().zip(&slot.bits) {
            let name = &b.name;
            let base = crate::names::unraw(name);
            let (set, with) = (format_ident!("set_{}", base), format_ident!("with_{}", base));
            let (le, be, w) = (s.lsb(Endian::Little), s.lsb(Endian::Big), s.width);
            let lsb = quote!(if cfg!(target_endian = "big") { #be } else { #le });
            let mut d = b.docs.clone();
            if !d.is_empty() {
                d.push(String::new());
            }
            d.push(format!(" The bitfield `{}` ({w} bit{}) of `{}`.", b.c_name, if w == 1 { "" } else { "s" }, f.name));
            let d = docs(&d);
            methods.extend(quote! {
                #d
                #fcfg
                #[inline]
                pub const fn #name(&self) -> #ty {
                    #k::__private::bits_get(self.#unit as u64, #lsb, #w) as #ty
                }
                #[doc = "Sets the bitfield; bits of `value` beyond its width are dropped, as C drops them."]
                #fcfg
                #[inline]
                pub const fn #set(&mut self, value: #ty) {
                    self.#unit = #k::__private::bits_set(self.#unit as u64, #lsb, #w, value as u64) as #ty;
                }
                #[doc = "The value with the bitfield set, for `const` construction."]
                #fcfg
                #[inline]
                pub const fn #with(mut self, value: #ty) -> Self {
                    self.#set(value);
                    self
                }
            });
        }
    }
    if methods.is_empty() {
        return TokenStream::new();
    }
    let (name, cfg) = (&r.name, cfg(r.place.arch));
    quote!(#cfg impl #name { #methods })
}

/// A union is byte-safe without `--cfg zerocopy_derive_union_into_bytes`: every member has the
/// union's full size and no padding of its own, so every byte of every value is initialized.
/// A member C declares smaller is declared in Rust through a wrapper that follows it with the
/// missing bytes (zero when the wrapper is made from the member: `From`), and that derefs to
/// the member, so `run.exit.mmio.phys_addr` reads as C's `run->mmio.phys_addr`. The impls the
/// user asked for compare and show the bytes.
fn union_impls(abi: &Abi, r: &Record, shared: &mut Shared) -> TokenStream {
    let k = &abi.krate;
    let name = &r.name;
    let zc = zc();
    let cfg = cfg(r.place.arch);
    let wants = |n: &str| r.derives.iter().any(|p| is_derive(p, n));
    let mut out = TokenStream::new();
    for l in abi.layouts.groups(r.id) {
        let size = lit(l.size);
        let members = r.fields.iter().enumerate().filter_map(|(i, f)| {
            l.slot(i)?;
            let fname = &f.name;
            let ty = if padded(abi, r, i) { padded_name(r, f).to_token_stream() } else { rust_type(&f.ty) };
            let msg = format!("uabi: union member `{}.{}` does not span the whole union", r.c_name, f.c_name);
            Some(quote! {
                (::core::mem::size_of::<#ty>(), #size, #msg),
                (::core::mem::offset_of!(#name, #fname), 0, #msg),
            })
        });
        let facts = quote!(#(#members)*);
        shared.layout_facts(k, l.families, facts);
    }
    for (i, f) in r.fields.iter().enumerate() {
        let ty = if padded(abi, r, i) { padded_name(r, f).to_token_stream() } else { rust_type(&f.ty) };
        shared.type_check(k, f.arch, quote!(member_is_into_bytes::<#ty>();));
        if padded(abi, r, i) {
            out.extend(padded_member(abi, r, i));
        }
    }
    out.extend(quote! {
        // SAFETY: see above: equal-size, padding-free members (checked by the model and by the
        // module's assertions), so the union has no uninitialized bytes.
        #cfg
        unsafe impl #zc::IntoBytes for #name {
            fn only_derive_is_allowed_to_implement_this_trait() {}
        }
    });
    out.extend(member_accessors(r));
    if wants("Debug") {
        let c_name = &r.c_name;
        out.extend(quote! {
            #cfg
            impl ::core::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.debug_struct(#c_name).field("bytes", &#zc::IntoBytes::as_bytes(self)).finish()
                }
            }
        });
    }
    if wants("PartialEq") {
        out.extend(quote! {
            #cfg
            impl ::core::cmp::PartialEq for #name {
                fn eq(&self, other: &Self) -> bool {
                    #zc::IntoBytes::as_bytes(self) == #zc::IntoBytes::as_bytes(other)
                }
            }
        });
    }
    if wants("Eq") {
        out.extend(quote!(#cfg impl ::core::cmp::Eq for #name {}));
    }
    if wants("Hash") {
        out.extend(quote! {
            #cfg
            impl ::core::hash::Hash for #name {
                fn hash<H: ::core::hash::Hasher>(&self, h: &mut H) {
                    #zc::IntoBytes::as_bytes(self).hash(h)
                }
            }
        });
    }
    if wants("Default") {
        out.extend(quote! {
            #cfg
            impl ::core::default::Default for #name {
                fn default() -> Self {
                    <Self as #zc::FromZeros>::new_zeroed()
                }
            }
        });
    }
    out
}

/// Safe views of each member of union `r`: `run.exit.io()` where the field `run.exit.io` needs
/// `unsafe`. Reading a member is sound here whatever was written: every member is `FromBytes`
/// (any bytes are a value) and every byte of the union is initialized (see `union_impls`).
fn member_accessors(r: &Record) -> TokenStream {
    let (name, cfg) = (&r.name, cfg(r.place.arch));
    let methods = r.fields.iter().map(|f| {
        let (field, ty) = (&f.name, rust_type(&f.ty));
        let base = crate::names::unraw(field);
        let mut_name = format_ident!("{}_mut", base);
        let fcfg = if f.arch == r.place.arch { TokenStream::new() } else { self::cfg(f.arch) };
        let (doc, doc_mut) = (format!("The member `{base}`, read as it is now."), format!("The member `{base}`, to write."));
        quote! {
            #[doc = #doc]
            #fcfg
            #[inline]
            pub fn #field(&self) -> &#ty {
                // SAFETY: the member starts at offset 0 and fits the union, whose alignment is
                // at least its own; it is `FromBytes` and the union's bytes are initialized.
                unsafe { &*(self as *const Self).cast::<#ty>() }
            }
            #[doc = #doc_mut]
            #fcfg
            #[inline]
            pub fn #mut_name(&mut self) -> &mut #ty {
                // SAFETY: as above; the member is `IntoBytes`, so what is written through the
                // reference leaves every byte of the union initialized.
                unsafe { &mut *(self as *mut Self).cast::<#ty>() }
            }
        }
    });
    quote!(#cfg impl #name { #(#methods)* })
}

/// The wrapper of union member `i` of `r`: the member, then the bytes up to the union's size,
/// one definition per layout of the union (the member's size can differ by family).
fn padded_member(abi: &Abi, r: &Record, i: usize) -> TokenStream {
    let f = &r.fields[i];
    let (wrapper, vis, ty, zc) = (padded_name(r, f), &r.vis, rust_type(&f.ty), zc());
    let zc_path = zc.to_string().replace(' ', "");
    let doc = format!(
        "The member `{}` of `{}`, followed by the bytes up to the size of the union, so that writing it leaves no byte of the union undefined. It dereferences to the member; make one with `From`, which zeroes those bytes.",
        f.name, r.name
    );
    let groups = abi.layouts.groups(r.id);
    let per_group = groups.len() > 1;
    let mut out = TokenStream::new();
    for l in groups {
        let Some(slot) = l.slot(i) else { continue };
        let tail = lit(slot.union_tail);
        let cfg = if per_group { cfg(l.families.intersection(f.arch)) } else { cfg(f.arch) };
        out.extend(quote! {
            #[doc = #doc]
            #cfg
            #[allow(non_camel_case_types)]
            #[repr(C)]
            #[derive(::core::clone::Clone, ::core::marker::Copy, #zc::FromBytes, #zc::IntoBytes, #zc::KnownLayout, #zc::Immutable)]
            #[zerocopy(crate = #zc_path)]
            #vis struct #wrapper {
                /// The member itself.
                pub value: #ty,
                __pad: [u8; #tail],
            }
        });
    }
    let cfg = cfg(f.arch);
    out.extend(quote! {
        #cfg
        impl ::core::ops::Deref for #wrapper {
            type Target = #ty;
            #[inline]
            fn deref(&self) -> &#ty {
                &self.value
            }
        }
        #cfg
        impl ::core::ops::DerefMut for #wrapper {
            #[inline]
            fn deref_mut(&mut self) -> &mut #ty {
                &mut self.value
            }
        }
        #cfg
        impl ::core::convert::From<#ty> for #wrapper {
            #[inline]
            fn from(value: #ty) -> Self {
                let mut w = <Self as #zc::FromZeros>::new_zeroed();
                w.value = value;
                w
            }
        }
    });
    out
}

fn enumeration(k: &Path, e: &Enum, shared: &mut Shared) -> TokenStream {
    let Enum { name, vis, attrs, derives, .. } = e;
    let d = docs(&e.docs);
    let cfg = cfg(e.place.arch);
    let repr = format_ident!("{}", e.repr.rust_name());
    let variants = e.variants.iter().map(|v| {
        let (vname, expr, vd) = (&v.name, &v.expr, docs(&v.docs));
        quote!(#vd #vname = #expr)
    });
    let arms = e.variants.iter().map(|v| {
        let vname = &v.name;
        quote!(x if x == #name::#vname as #repr => ::core::result::Result::Ok(#name::#vname),)
    });
    for v in &e.variants {
        let vname = &v.name;
        shared.value_facts(k, e.place.arch, value_fact(quote!(#name::#vname), v));
    }
    // Spanned at the name: see `expand`.
    let definition = quote_spanned!(name.span()=> #vis enum #name { #(#variants,)* });
    quote! {
        #d
        #cfg
        #(#attrs)*
        #[repr(#repr)]
        #[derive(#(#derives),*)]
        #definition

        #cfg
        impl ::core::convert::TryFrom<#repr> for #name {
            type Error = #k::Error;
            /// Refuses a value outside the enum with EINVAL, as a kernel would.
            fn try_from(v: #repr) -> ::core::result::Result<Self, #k::Error> {
                match v {
                    #(#arms)*
                    other => ::core::result::Result::Err(#k::Error::InvalidValue { value: other as u64 }),
                }
            }
        }

        #cfg
        impl ::core::convert::From<#name> for #repr {
            fn from(v: #name) -> #repr {
                v as #repr
            }
        }
    }
}

fn ioctl(k: &Path, io: &Ioctl) -> TokenStream {
    let Ioctl { name, vis, attrs, ty_expr, nr_expr, .. } = io;
    let d = docs(&io.docs);
    let cfg = cfg(io.place.arch);
    let arg = match &io.arg {
        Some(t) => t.to_token_stream(),
        None => quote!(()),
    };
    let ctor = format_ident!("{}", io.dir.uabi_macro());
    let size = match &io.size_arg {
        Some(t) => {
            let t = rust_type(t);
            quote!(, ::core::mem::size_of::<#t>())
        }
        None => quote!(),
    };
    // The value is the macro's own code (its casts are for any integer type the user wrote), so
    // it keeps the macro's span and lints about generated code stay quiet; the item around it
    // is spanned at the name: see `expand`.
    let value = quote!(#k::Ioctl::<#arg>::#ctor((#ty_expr) as u32, (#nr_expr) as u32 #size));
    quote_spanned! {name.span()=>
        #d
        #cfg
        #(#attrs)*
        #vis const #name: #k::Ioctl<#arg> = #value;
    }
}

/// The expansion when the definition has errors: the errors, and the items with uabi's
/// attributes removed so the rest of the crate still resolves their names and the user sees
/// the real problems rather than a cascade of "cannot find type".
pub fn fallback(module: &syn::ItemMod, errors: syn::Error) -> TokenStream {
    let errors_tokens = errors.to_compile_error();
    if module.content.is_none() {
        // `mod name;` would add rustc's "file not found" to the model's error.
        return errors_tokens;
    }
    let errors = errors_tokens;
    let mut module = module.clone();
    if let Some((_, items)) = &mut module.content {
        strip_items(items);
    }
    quote!(#errors #module)
}

fn strip_items(items: &mut Vec<syn::Item>) {
    items.retain(|i| !matches!(i, syn::Item::Const(c) if matches!(&*c.expr, syn::Expr::Macro(_))));
    for item in items.iter_mut() {
        // An item defined per family keeps its `#[cfg]`, so that two definitions of one name
        // do not add a "defined multiple times" to the real errors.
        let arch = match item {
            syn::Item::Struct(s) => crate::parse::declared_arch(&s.attrs),
            syn::Item::Union(u) => crate::parse::declared_arch(&u.attrs),
            syn::Item::Enum(e) => crate::parse::declared_arch(&e.attrs),
            syn::Item::Const(c) => crate::parse::declared_arch(&c.attrs),
            _ => FamilySet::ALL,
        };
        let item_cfg = cfg(arch);
        if !item_cfg.is_empty() {
            let attr: syn::Attribute = syn::parse_quote!(#item_cfg);
            match item {
                syn::Item::Struct(s) => s.attrs.push(attr),
                syn::Item::Union(u) => u.attrs.push(attr),
                syn::Item::Enum(e) => e.attrs.push(attr),
                syn::Item::Const(c) => c.attrs.push(attr),
                _ => {}
            }
        }
        // An integer constant's value is the model's to judge (and report): rustc gets 0, so
        // an overflow or a cycle is reported once, by the model.
        if let syn::Item::Const(c) = item {
            if matches!(&*c.ty, syn::Type::Path(p) if p.path.get_ident().is_some_and(|i| crate::ast::Prim::from_name(&i.to_string()).is_some())) {
                *c.expr = syn::parse_quote!(0);
            }
        }
        let (attrs, fields): (&mut Vec<syn::Attribute>, Option<&mut syn::Fields>) = match item {
            syn::Item::Struct(s) => {
                // Refused generics would otherwise come back as "parameter is never used".
                s.generics = Default::default();
                (&mut s.attrs, Some(&mut s.fields))
            }
            syn::Item::Union(u) => {
                u.generics = Default::default();
                for f in u.fields.named.iter_mut() {
                    strip(&mut f.attrs);
                    f.ty = syn::parse_quote!(u8);
                }
                (&mut u.attrs, None)
            }
            syn::Item::Enum(e) => {
                e.generics = Default::default();
                for v in e.variants.iter_mut() {
                    strip(&mut v.attrs);
                }
                (&mut e.attrs, None)
            }
            syn::Item::Const(c) => (&mut c.attrs, None),
            syn::Item::Mod(m) => {
                match &mut m.content {
                    Some((_, inner)) => strip_items(inner),
                    // `mod name;` would add rustc's "file not found" to the model's error.
                    None => m.content = Some((Default::default(), Vec::new())),
                }
                (&mut m.attrs, None)
            }
            _ => continue,
        };
        strip(attrs);
        attrs.retain(|a| !a.path().is_ident("derive"));
        if let Some(fields) = fields {
            for f in fields.iter_mut() {
                strip(&mut f.attrs);
                // Placeholder types keep the struct compiling without follow-on errors.
                f.ty = syn::parse_quote!(u8);
            }
        }
    }
}

fn strip(attrs: &mut Vec<syn::Attribute>) {
    attrs.retain(|a| {
        let p = a.path();
        !p.is_ident(crate::attr::UABI) && !p.is_ident(crate::attr::FLAGS) && !p.is_ident(crate::attr::BITS)
    });
}

//! The Rust back end: what `#[uabi::abi]` expands to.
//!
//! The output stays thin: types, constants and layout assertions. Every run-time decision is
//! made by generic code in the `uabi` crate over the constants of `AbiType`/`Extensible`.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::Path;

use crate::ast::*;
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

/// The names every generated module imports: zerocopy, and the eight field integers as
/// `__uabi_u32` and so on. Field types are then one token rather than nine
/// (`::core::primitive::u32`), and zerocopy's paths four rather than nine
/// (`::uabi::__private::zerocopy`). zerocopy's derives repeat both hundreds of times per struct,
/// and those tokens are most of what rustc expands and parses for a definition of many structs
/// (`bench/build-cost.sh`, `-Zmacro-stats`). The aliases are private `use` items of
/// `::core::primitive`, so a `type u32 = usize;` in the user's module cannot change them, and
/// the model refuses user items named `__uabi_*`.
fn aliases(k: &Path) -> TokenStream {
    let prims = [Prim::U8, Prim::U16, Prim::U32, Prim::U64, Prim::I8, Prim::I16, Prim::I32, Prim::I64].map(|p| {
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

/// What every record contributes to two items shared by a chunk of records, rather than an
/// item of its own: rustc's cost per item (an anonymous `const` is a body to type-check,
/// evaluate and record in the incremental dependency graph) is what a definition of hundreds of
/// structs multiplies, so a chunk's layout assertions go in one
/// `const _: () = check_layout(&[..]);` (a `const fn` call, no `assert!` macros to expand) and
/// its field-type checks in one `const _: fn() = || { .. }`.
#[derive(Default)]
struct Shared {
    /// `check_layout` entries of sizes, offsets and alignments, and the unions' member
    /// checks, of the records of the current chunk.
    asserts: TokenStream,
    /// Calls of `is_abi_field`, `same_type` and `member_is_into_bytes`, of the current chunk.
    checks: TokenStream,
    /// Records in the current chunk.
    records: usize,
    /// The finished chunks' (asserts, checks).
    chunks: Vec<(TokenStream, TokenStream)>,
    /// The checks already emitted, as text: one proof per type, and one per spelling of a
    /// field type (every field spelled `u32` in the module resolves `u32` in the same scope,
    /// so the first one's check proves them all, and a shadowed spelling gets one error, at
    /// its first field, rather than one per field).
    seen: std::collections::HashSet<String>,
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
        if !self.asserts.is_empty() || !self.checks.is_empty() {
            self.chunks.push((std::mem::take(&mut self.asserts), std::mem::take(&mut self.checks)));
        }
        self.records = 0;
    }

    fn check_once(&mut self, t: TokenStream) {
        if self.seen.insert(t.to_string()) {
            self.checks.extend(t);
        }
    }
}

pub fn expand(abi: &Abi) -> TokenStream {
    let Abi { module, vis, docs: mdocs, attrs, .. } = abi;
    let k = &abi.krate;
    let zc = zc();
    let mdocs = docs(mdocs);
    let mut shared = Shared::default();
    let items: Vec<TokenStream> = abi
        .items
        .iter()
        .map(|i| match i {
            Item::Const(c) => constant(c),
            Item::Struct(r) => {
                let t = record(k, r, &mut shared);
                shared.end_record();
                t
            }
            Item::Enum(e) => enumeration(k, e),
            Item::Ioctl(io) => ioctl(k, io),
            Item::Str(c) => string(c),
            Item::Rust(item) => item.to_token_stream(),
        })
        .collect();
    shared.flush();
    let shared = shared.chunks.iter().map(|(asserts, checks)| {
        quote! {
            const _: () = #k::__private::check_layout(&[#asserts]);
            // Which of the three a module uses depends on its fields.
            #[allow(dead_code)]
            const _: fn() = || {
                fn is_abi_field<T: #k::AbiField>() {}
                fn same_type<U: ?::core::marker::Sized + #k::__private::SameType<T>, T: ?::core::marker::Sized>() {}
                fn member_is_into_bytes<T: #zc::IntoBytes>() {}
                #checks
            };
        }
    });
    let shared = quote!(#(#shared)*);
    let aliases = aliases(k);
    let entries = abi.items.iter().filter_map(|i| match i {
        Item::Ioctl(io) => {
            let (name, c_name, ns) = (&io.name, io.name.to_string(), &io.namespace);
            Some(quote!(#k::IoctlEntry { name: #c_name, namespace: #ns, request: #name.request() }))
        }
        _ => None,
    });
    // Every item's own tokens (keyword, braces, punctuation) take the span of its name, so that
    // lints about the item (`missing_docs`) point at the user's item rather than at the
    // attribute: rustc spans an item from its first token to its last.
    quote_spanned! {module.span()=>
        #mdocs
        #(#attrs)*
        #vis mod #module {
            #aliases
            #(#items)*

            #shared

            /// Every ioctl of this module, with its number on the target architecture.
            pub const IOCTLS: &[#k::IoctlEntry] = &[#(#entries),*];
        }
    }
}

fn constant(c: &Const) -> TokenStream {
    let Const { name, expr, docs: d, .. } = c;
    let ty = format_ident!("{}", c.ty.rust_name());
    let d = docs(d);
    quote_spanned!(name.span()=> #d pub const #name: #ty = #expr;)
}

fn string(c: &StrConst) -> TokenStream {
    let StrConst { name, vis, lit, docs: d, attrs, .. } = c;
    let d = docs(d);
    quote_spanned!(name.span()=> #d #(#attrs)* #vis const #name: &str = #lit;)
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

/// The `check_layout` entry of `align_of::<T>()`, with the alignment of the target's family.
fn align_assert(k: &Path, ty: &Ident, l: &Layout, what: &str) -> TokenStream {
    let (a, a386, a68k) = (lit(l.align), lit(l.align_i386), lit(l.align_m68k));
    let msg = format!("uabi: the alignment of {what} on this target differs from the model");
    quote! {
        (::core::mem::align_of::<#ty>(), #k::__private::target_align(#a, #a386, #a68k), #msg),
    }
}

fn record(k: &Path, r: &Record, shared: &mut Shared) -> TokenStream {
    let Record { name, vis, layout, .. } = r;
    let zc = zc();
    let d = docs(&r.docs);
    let attrs = &r.attrs;
    let over_aligned = layout.align_i386 == 8 && layout.align == 8;
    let repr = if over_aligned { quote!(#[repr(C, align(8))]) } else { quote!(#[repr(C)]) };

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

    let fields = r.fields.iter().map(|f| {
        let Field { name, vis, attrs, .. } = f;
        let d = docs(&f.docs);
        let ty = rust_type(&f.ty);
        quote!(#d #(#attrs)* #vis #name: #ty)
    });
    let keyword = if is_union { quote!(union) } else { quote!(struct) };
    // Spanned at the name: see `expand`.
    let definition = quote_spanned!(name.span()=> #vis #keyword #name { #(#fields,)* });

    let size = lit(layout.size);
    let size_msg = format!("uabi: the size of `{}` on this target differs from the model", r.c_name);
    let offsets = r.fields.iter().map(|f| {
        let (fname, off) = (&f.name, lit(f.layout.offset));
        let msg = format!("uabi: the offset of `{}.{}` on this target differs from the model", r.c_name, f.c_name);
        quote!((::core::mem::offset_of!(#name, #fname), #off, #msg),)
    });
    let align = align_assert(k, name, layout, &format!("`{}`", r.c_name));
    let c_name = &r.c_name;

    let mut extra = TokenStream::new();
    if is_union {
        extra.extend(union_impls(k, r, shared));
    }
    if r.kind == RecordKind::Struct {
        extra.extend(extensible(k, r));
    }
    if let (true, Some(sf)) = (argsz_default, r.size_field()) {
        let (sname, doc) = (&sf.name, format!("All zero, with `{}` set to the size of this struct.", sf.c_name));
        extra.extend(quote! {
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
    if let Some(flex) = r.flex() {
        let FieldType::Flex(elem) = &flex.ty else { unreachable!() };
        let elem = rust_type(elem);
        let count = match flex.counted_by.as_ref().and_then(|c| field_span(k, r, c)) {
            Some(span) => quote!(::core::option::Option::Some(#span)),
            None => quote!(::core::option::Option::None),
        };
        extra.extend(quote! {
            impl #k::FlexArray for #name {
                type Elem = #elem;
                const FLEX_OFFSET: usize = #size;
                const COUNT: ::core::option::Option<#k::FieldSpan> = #count;
            }
        });
    }
    // An INFO struct: a `cap_offset: u32` field locates a capability chain after the struct.
    if let Some(cap) = r.fields.iter().find(|f| f.name == "cap_offset" && f.ty == FieldType::Prim(Prim::U32)) {
        let span = field_span(k, r, &cap.name);
        let flag = match &cap.gated_by {
            Some(flag) => quote!(::core::option::Option::Some(#flag as u64)),
            None => quote!(::core::option::Option::None),
        };
        extra.extend(quote! {
            impl #k::cap_chain::CapChainInfo for #name {
                const CAP_OFFSET: #k::FieldSpan = #span;
                const CAPS_FLAG: ::core::option::Option<u64> = #flag;
            }
        });
    }
    if let Some((_, id, version)) = &r.capability {
        let (id, version) = (Literal::u16_unsuffixed(*id), Literal::u16_unsuffixed(*version));
        extra.extend(quote! {
            impl #k::Capability for #name {
                const ID: u16 = #id;
                const VERSION: u16 = #version;
            }
        });
    }
    let flags = r.fields.iter().flat_map(|f| f.flags.iter().map(constant));
    // zerocopy-derive takes its crate path as a string; relative paths must start with `self::`.
    let zc_path = zc.to_string().replace(' ', "");
    field_type_checks(r, shared);
    shared.asserts.extend(quote! {
        (::core::mem::size_of::<#name>(), #size, #size_msg),
        #(#offsets)*
        #align
    });

    quote! {
        #d
        #(#attrs)*
        #repr
        #[derive(#(#derives,)* #zc::FromBytes, #into_bytes_derive #zc::KnownLayout, #zc::Immutable)]
        #[zerocopy(crate = #zc_path)]
        #definition

        #(#flags)*

        // SAFETY: the model laid this type out with no implicit padding, from fixed-width
        // integers, arrays of them and other `AbiType`s only; the module's layout assertions
        // make rustc confirm that layout on every target it compiles for.
        unsafe impl #k::AbiType for #name {
            const C_NAME: &'static str = #c_name;
        }

        #extra
    }
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
fn field_type_checks(r: &Record, shared: &mut Shared) {
    for f in &r.fields {
        let (user, model) = match (&f.ty, &f.ty_tokens) {
            (FieldType::Flex(e), syn::Type::Slice(s)) => (s.elem.to_token_stream(), rust_type(e)),
            (t, u) => (u.to_token_stream(), rust_type(t)),
        };
        let span = syn::spanned::Spanned::span(&f.ty_tokens);
        if names_a_record(&f.ty) {
            shared.check_once(quote::quote_spanned!(span=> is_abi_field::<#model>();));
        }
        shared.check_once(quote::quote_spanned!(span=> same_type::<#user, #model>();));
    }
}

fn names_a_record(t: &FieldType) -> bool {
    match t {
        FieldType::Prim(_) => false,
        FieldType::Array(e, _) | FieldType::Flex(e) => names_a_record(e),
        FieldType::Named(_) => true,
    }
}

fn field_span(k: &Path, r: &Record, name: &Ident) -> Option<TokenStream> {
    let l = r.fields.iter().find(|f| f.name == *name)?.layout;
    let (offset, size) = (lit(l.offset), lit(l.size));
    Some(quote!(#k::FieldSpan { offset: #offset, size: #size }))
}

/// The `Extensible` impl. Only constants that differ from the trait's defaults are emitted
/// (no size field, no flags, nothing reserved or gated, an input struct, the policy its size
/// field implies): each associated constant is a body rustc type-checks and evaluates, and a
/// module of hundreds of structs pays for every one (`bench/build-cost.sh`).
fn extensible(k: &Path, r: &Record) -> TokenStream {
    let name = &r.name;
    let versions = r.versions().into_iter().map(|v| {
        let (number, size) = (Literal::u32_unsuffixed(v), lit(r.version_size(v)));
        let known = Literal::u64_unsuffixed(r.known_flags(v));
        quote!(#k::Version { number: #number, size: #size, known_flags: #known })
    });
    let mut consts = quote!(const VERSIONS: &'static [#k::Version] = &[#(#versions),*];);
    if let Some(span) = r.size_field().and_then(|f| field_span(k, r, &f.name)) {
        consts.extend(quote!(const ARGSZ: ::core::option::Option<#k::FieldSpan> = ::core::option::Option::Some(#span);));
    }
    if let Some(span) = r.flag_field().and_then(|f| field_span(k, r, &f.name)) {
        consts.extend(quote!(const FLAGS: ::core::option::Option<#k::FieldSpan> = ::core::option::Option::Some(#span);));
    }
    let reserved: Vec<_> = r.fields.iter().filter(|f| f.reserved).filter_map(|f| field_span(k, r, &f.name)).collect();
    if !reserved.is_empty() {
        consts.extend(quote!(const RESERVED: &'static [#k::FieldSpan] = &[#(#reserved),*];));
    }
    let gated: Vec<_> = r
        .fields
        .iter()
        .filter_map(|f| {
            let flag = f.gated_by.as_ref()?;
            let span = field_span(k, r, &f.name)?;
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
        let consts = r.versions().into_iter().map(|v| {
            let c = format_ident!("SIZE_VER{}", v);
            let size = lit(r.version_size(v));
            let doc = format!("Size of version {v} of `{}`.", r.c_name);
            quote!(#[doc = #doc] pub const #c: usize = #size;)
        });
        quote!(impl #name { #(#consts)* })
    });
    quote! {
        impl #k::Extensible for #name {
            #consts
        }
        #size_consts
    }
}

/// A union is byte-safe without `--cfg zerocopy_derive_union_into_bytes`: the model proved
/// every member has the union's full size and no padding of its own, so every byte of every
/// value is initialized. The impls the user asked for compare and show those bytes.
fn union_impls(_k: &Path, r: &Record, shared: &mut Shared) -> TokenStream {
    let name = &r.name;
    let zc = zc();
    let wants = |n: &str| r.derives.iter().any(|p| is_derive(p, n));
    let size = lit(r.layout.size);
    let members = r.fields.iter().map(|f| {
        let (fname, ty) = (&f.name, rust_type(&f.ty));
        let msg = format!("uabi: union member `{}.{}` does not span the whole union", r.c_name, f.c_name);
        quote! {
            (::core::mem::size_of::<#ty>(), #size, #msg),
            (::core::mem::offset_of!(#name, #fname), 0, #msg),
        }
    });
    shared.asserts.extend(quote!(#(#members)*));
    for f in &r.fields {
        let ty = rust_type(&f.ty);
        shared.check_once(quote!(member_is_into_bytes::<#ty>();));
    }
    let mut out = quote! {
        // SAFETY: see above: equal-size, padding-free members (checked by the model and by the
        // module's assertions), so the union has no uninitialized bytes.
        unsafe impl #zc::IntoBytes for #name {
            fn only_derive_is_allowed_to_implement_this_trait() {}
        }
    };
    if wants("Debug") {
        let c_name = &r.c_name;
        out.extend(quote! {
            impl ::core::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.debug_struct(#c_name).field("bytes", &#zc::IntoBytes::as_bytes(self)).finish()
                }
            }
        });
    }
    if wants("PartialEq") {
        out.extend(quote! {
            impl ::core::cmp::PartialEq for #name {
                fn eq(&self, other: &Self) -> bool {
                    #zc::IntoBytes::as_bytes(self) == #zc::IntoBytes::as_bytes(other)
                }
            }
        });
    }
    if wants("Eq") {
        out.extend(quote!(impl ::core::cmp::Eq for #name {}));
    }
    if wants("Hash") {
        out.extend(quote! {
            impl ::core::hash::Hash for #name {
                fn hash<H: ::core::hash::Hasher>(&self, h: &mut H) {
                    #zc::IntoBytes::as_bytes(self).hash(h)
                }
            }
        });
    }
    if wants("Default") {
        out.extend(quote! {
            impl ::core::default::Default for #name {
                fn default() -> Self {
                    <Self as #zc::FromZeros>::new_zeroed()
                }
            }
        });
    }
    out
}

fn enumeration(k: &Path, e: &Enum) -> TokenStream {
    let Enum { name, vis, attrs, derives, .. } = e;
    let d = docs(&e.docs);
    let repr = format_ident!("{}", e.repr.rust_name());
    let variants = e.variants.iter().map(|v| {
        let (vname, expr, vd) = (&v.name, &v.expr, docs(&v.docs));
        quote!(#vd #vname = #expr)
    });
    let arms = e.variants.iter().map(|v| {
        let vname = &v.name;
        quote!(x if x == #name::#vname as #repr => ::core::result::Result::Ok(#name::#vname),)
    });
    // Spanned at the name: see `expand`.
    let definition = quote_spanned!(name.span()=> #vis enum #name { #(#variants,)* });
    quote! {
        #d
        #(#attrs)*
        #[repr(#repr)]
        #[derive(#(#derives),*)]
        #definition

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
        #(#attrs)*
        #vis const #name: #k::Ioctl<#arg> = #value;
    }
}

/// The expansion when the definition has errors: the errors, and the items with uabi's
/// attributes removed so the rest of the crate still resolves their names and the user sees
/// the real problems rather than a cascade of "cannot find type".
pub fn fallback(module: &syn::ItemMod, errors: syn::Error) -> TokenStream {
    let mut module = module.clone();
    if let Some((_, items)) = &mut module.content {
        items.retain(|i| !matches!(i, syn::Item::Const(c) if matches!(&*c.expr, syn::Expr::Macro(_))));
        for item in items.iter_mut() {
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
    let errors = errors.to_compile_error();
    quote!(#errors #module)
}

fn strip(attrs: &mut Vec<syn::Attribute>) {
    attrs.retain(|a| !a.path().is_ident(crate::attr::UABI) && !a.path().is_ident(crate::attr::FLAGS));
}

//! libclang to IR: one parse of one header for one target.
//!
//! Every libclang call is in this file. The rest of the command sees only the IR of `super`.

// libclang's constants keep their C names, as clang-sys spells them.
#![allow(non_upper_case_globals)]

use std::collections::HashMap;
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_uint, c_void};
use std::path::PathBuf;
use std::ptr;
use std::sync::Arc;

use clang_sys::*;

use super::comments::Comments;
use super::*;

/// What to extract beyond declarations.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Evaluate every object-like macro on the target (a second parse of the header with one
    /// probe declaration per macro), and resolve the argument type of every sized `_IO*`
    /// macro ([`IoctlMacro::arg`]). Lint does not need it; import does.
    pub macro_values: bool,
    /// Also read the definitions of records declared in other headers that this header's
    /// records, typedefs or ioctl arguments use by value ([`Record::file`] says where), so that
    /// import can name them with their layout. Lint reads only the header's own.
    pub external_records: bool,
}

/// An opened libclang, shareable between threads (each thread registers it with clang-sys on
/// first use, since clang-sys keeps the loaded library per thread).
#[derive(Clone)]
pub struct Parser {
    library: Arc<clang_sys::SharedLibrary>,
}

impl Parser {
    /// Opens libclang (`LIBCLANG_PATH`, else `llvm-config`, else the usual directories), which
    /// must be version 9 or newer.
    pub fn new() -> Result<Parser, String> {
        clang_sys::load().map_err(|e| format!("cannot open libclang, which `uabi lint` needs: {e}\nhelp: install it (Debian: `apt-get install libclang-dev`) or point LIBCLANG_PATH at it"))?;
        let library = clang_sys::get_library().ok_or("libclang was loaded but is not registered")?;
        match library.version() {
            Some(v) if v >= clang_sys::Version::V9_0 => Ok(Parser { library }),
            v => Err(format!(
                "libclang at {} is too old ({}): `uabi lint` needs version 9 or newer",
                library.path().display(),
                v.map_or("older than 3.5".to_string(), |v| v.to_string())
            )),
        }
    }

    /// [`Parser::extract`] with macro values, in one parse instead of two: the probes are those
    /// `like` (the same header's IR on another target, or another header whose macros are the
    /// ones wanted) needs. With `every`, when this target defines an object-like macro `like`
    /// does not (under an `#if` on the architecture), it parses twice after all, so that every
    /// macro of this target gets its value; without it, such a macro has none.
    pub fn extract_like(&self, header: &Header, roots: &[PathBuf], target: &'static Target, options: Options, like: &HeaderIr, every: bool) -> Result<HeaderIr, String> {
        if !options.macro_values {
            return self.extract(header, roots, target, options);
        }
        if !clang_sys::is_loaded() {
            clang_sys::set_library(Some(self.library.clone()));
        }
        let bytes = std::fs::read(&header.path).map_err(|e| format!("{}: {e}", header.path.display()))?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let args = arguments(roots, target);
        let main = format!("#include \"{}\"\n", header.path.display());
        let (mut probe, mut probes) = macro_probes(like, &main);
        // `like`'s enumerators too: another header may define them as macros (an anonymous
        // enum's, written as `#define`s).
        for v in like.enums.iter().flat_map(|e| &e.values) {
            probe.push_str(&format!("static const __typeof__(({0})) __uabi_macro_{1} = ({0});\n", v.name, probes.len()));
            probes.push(Probe::Value(v.name.clone()));
        }
        let ir = unsafe { Unit::parse(&args, &probe, header)? }.read(header, target, text, options, &probes);
        let known: std::collections::HashSet<&str> = like.macros.iter().map(|m| m.name.as_str()).collect();
        if every && ir.macros.iter().any(|m| !known.contains(m.name.as_str())) {
            return self.extract(header, roots, target, options);
        }
        Ok(ir)
    }

    /// The files a main file of `main` includes on `target`, directly or not.
    pub fn included_files(&self, main: &str, roots: &[PathBuf], target: &'static Target) -> Result<Vec<PathBuf>, String> {
        if !clang_sys::is_loaded() {
            clang_sys::set_library(Some(self.library.clone()));
        }
        extern "C" fn visit(file: CXFile, _: *mut CXSourceLocation, _: c_uint, data: CXClientData) {
            unsafe { (*(data as *mut Vec<PathBuf>)).push(PathBuf::from(file_name(file))) };
        }
        let header = Header { name: MAIN.into(), path: PathBuf::from(MAIN), below_root: false };
        let unit = unsafe { Unit::parse(&arguments(roots, target), main, &header)? };
        let mut out: Vec<PathBuf> = Vec::new();
        unsafe { clang_getInclusions(unit.tu, visit, &mut out as *mut Vec<PathBuf> as *mut c_void) };
        Ok(out.into_iter().filter_map(|p| std::fs::canonicalize(&p).ok()).collect())
    }

    /// The header as `target`'s front end sees it, with `roots` as the `-I` directories.
    /// `Err` only when the header cannot be read or libclang gives no translation unit at all;
    /// compile errors are [`HeaderIr::problems`].
    pub fn extract(&self, header: &Header, roots: &[PathBuf], target: &'static Target, options: Options) -> Result<HeaderIr, String> {
        if !clang_sys::is_loaded() {
            clang_sys::set_library(Some(self.library.clone()));
        }
        let bytes = std::fs::read(&header.path).map_err(|e| format!("{}: {e}", header.path.display()))?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let args = arguments(roots, target);
        let main = format!("#include \"{}\"\n", header.path.display());
        let ir = unsafe { Unit::parse(&args, &main, header)? }.read(header, target, text.clone(), options, &[]);
        if !options.macro_values {
            return Ok(ir);
        }
        // The macros are known only after a first parse; the second one, with a probe per
        // macro appended to the main file, is read in full (it holds everything the first
        // does), so that the records an ioctl argument names get ids of the same IR.
        let (probe, probes) = macro_probes(&ir, &main);
        if probes.is_empty() {
            return Ok(ir);
        }
        Ok(unsafe { Unit::parse(&args, &probe, header)? }.read(header, target, text, options, &probes))
    }
}

/// The compiler arguments for `target`: each root, and right after it its multiarch `asm/`
/// directory when it has one.
pub fn arguments(roots: &[PathBuf], target: &Target) -> Vec<String> {
    let mut args: Vec<String> =
        ["-x", "c", "-std=gnu11", "-target", target.clang_triple, "-ferror-limit=0", "-w"].iter().map(|s| s.to_string()).collect();
    for root in roots {
        args.push(format!("-I{}", root.display()));
        let multiarch = root.join(target.multiarch);
        if multiarch.join("asm").is_dir() {
            args.push(format!("-I{}", multiarch.display()));
        }
    }
    args
}

/// The virtual main file, outside any real directory.
const MAIN: &str = "/__uabi__/main.c";

struct Unit {
    index: CXIndex,
    tu: CXTranslationUnit,
    file: CXFile,
}

impl Drop for Unit {
    fn drop(&mut self) {
        unsafe {
            clang_disposeTranslationUnit(self.tu);
            clang_disposeIndex(self.index);
        }
    }
}

impl Unit {
    unsafe fn parse(args: &[String], main: &str, header: &Header) -> Result<Unit, String> {
        let c_args: Vec<CString> = args.iter().map(|a| CString::new(a.as_str()).unwrap_or_default()).collect();
        let arg_ptrs: Vec<*const c_char> = c_args.iter().map(|a| a.as_ptr()).collect();
        let main_name = CString::new(MAIN).unwrap_or_default();
        let main_text = CString::new(main).map_err(|_| format!("{}: a NUL byte in the path", header.path.display()))?;
        let mut unsaved = CXUnsavedFile { Filename: main_name.as_ptr(), Contents: main_text.as_ptr(), Length: main.len() as _ };
        let index = clang_createIndex(0, 0);
        let mut tu = ptr::null_mut();
        let options = CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_SkipFunctionBodies | CXTranslationUnit_KeepGoing;
        let err = clang_parseTranslationUnit2(
            index,
            main_name.as_ptr(),
            arg_ptrs.as_ptr(),
            arg_ptrs.len() as _,
            &mut unsaved,
            1,
            options,
            &mut tu,
        );
        if err != CXError_Success || tu.is_null() {
            clang_disposeIndex(index);
            return Err(format!("{}: libclang could not parse it (error {err})", header.path.display()));
        }
        let path = CString::new(header.path.to_string_lossy().as_bytes()).unwrap_or_default();
        let file = clang_getFile(tu, path.as_ptr());
        Ok(Unit { index, tu, file })
    }

    /// The IR of the header; `probes` are the probe declarations of the main file (see
    /// [`macro_probes`]), read into the macros they probe.
    fn read(self, header: &Header, target: &'static Target, text: String, options: Options, probes: &[Probe]) -> HeaderIr {
        let via = if options.external_records { unsafe { self.includes_of_header(&text) } } else { HashMap::new() };
        let mut r = Reader {
            unit: &self,
            comments: Comments::scan(&text),
            text: &text,
            external: options.external_records,
            via,
            records: Vec::new(),
            record_ids: HashMap::new(),
            enums: Vec::new(),
            enum_ids: HashMap::new(),
            typedefs: Vec::new(),
            macros: Vec::new(),
        };
        unsafe {
            let top = children(clang_getTranslationUnitCursor(self.tu));
            for &c in &top {
                if r.in_header(c) {
                    r.top_level(c);
                }
            }
            if !probes.is_empty() {
                r.read_probes(&top, probes);
            }
            r.resolve_names();
        }
        let problems = unsafe { self.problems() };
        let Reader { records, enums, typedefs, macros, .. } = r;
        HeaderIr { target, header: header.clone(), text, records, enums, typedefs, macros, problems }
    }

    /// For every file the header includes, directly or not, the name the header's own
    /// `#include` that brings it spells (`sys/socket.h` for glibc's `bits/socket.h`).
    unsafe fn includes_of_header(&self, text: &str) -> HashMap<String, String> {
        struct Walk {
            header: CXFile,
            lines: Vec<(String, u32)>,
        }
        extern "C" fn visit(file: CXFile, stack: *mut CXSourceLocation, len: c_uint, data: CXClientData) {
            unsafe {
                let w = &mut *(data as *mut Walk);
                for i in 0..len as usize {
                    let (f, line, ..) = expansion(*stack.add(i));
                    if !f.is_null() && !w.header.is_null() && clang_File_isEqual(f, w.header) != 0 {
                        w.lines.push((file_name(file), line));
                        break;
                    }
                }
            }
        }
        let mut w = Walk { header: self.file, lines: Vec::new() };
        clang_getInclusions(self.tu, visit, &mut w as *mut Walk as *mut c_void);
        let lines: Vec<&str> = text.lines().collect();
        w.lines
            .into_iter()
            .filter_map(|(file, line)| {
                let l = lines.get(line.checked_sub(1)? as usize)?.trim_start().strip_prefix('#')?.trim_start().strip_prefix("include")?.trim();
                let name = l.strip_prefix('<').and_then(|r| r.split_once('>')).or_else(|| l.strip_prefix('"').and_then(|r| r.split_once('"')))?.0;
                Some((file, name.to_string()))
            })
            .collect()
    }

    /// Errors and fatal errors, except those in the virtual main file (the macro probes).
    unsafe fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for i in 0..clang_getNumDiagnostics(self.tu) {
            let d = clang_getDiagnostic(self.tu, i);
            let severity = clang_getDiagnosticSeverity(d);
            if severity >= CXDiagnostic_Error {
                let (file, ..) = expansion(clang_getDiagnosticLocation(d));
                let in_main = file.is_null() || file_name(file) == MAIN;
                if !in_main {
                    let message = string(clang_formatDiagnostic(d, clang_defaultDiagnosticDisplayOptions()));
                    out.push(Problem { message, in_header: clang_File_isEqual(file, self.file) != 0 });
                }
            }
            clang_disposeDiagnostic(d);
        }
        out
    }
}

struct Reader<'a> {
    unit: &'a Unit,
    text: &'a str,
    comments: Comments,
    /// Read records of other files that this header's types use by value.
    external: bool,
    /// File to the name of the header's `#include` that brings it.
    via: HashMap<String, String>,
    records: Vec<Record>,
    /// Record definitions already read, by cursor hash (then checked with `clang_equalCursors`).
    record_ids: HashMap<c_uint, Vec<(CXCursor, RecordId)>>,
    enums: Vec<Enum>,
    enum_ids: HashMap<c_uint, Vec<(CXCursor, usize)>>,
    typedefs: Vec<Typedef>,
    macros: Vec<Macro>,
}

impl Reader<'_> {
    unsafe fn in_header(&self, c: CXCursor) -> bool {
        let (file, ..) = expansion(clang_getCursorLocation(c));
        !file.is_null() && !self.unit.file.is_null() && clang_File_isEqual(file, self.unit.file) != 0
    }

    unsafe fn top_level(&mut self, c: CXCursor) {
        match clang_getCursorKind(c) {
            CXCursor_StructDecl | CXCursor_UnionDecl if clang_isCursorDefinition(c) != 0 => {
                self.record(c, None);
            }
            CXCursor_EnumDecl if clang_isCursorDefinition(c) != 0 => {
                self.enumeration(c);
            }
            CXCursor_TypedefDecl => self.typedef(c),
            CXCursor_MacroDefinition => self.macro_definition(c),
            // A record defined in a declaration of something else (`struct s { .. } var;`, a
            // function's parameter list): find the definitions inside.
            CXCursor_VarDecl | CXCursor_FunctionDecl => {
                for k in children(c) {
                    if self.in_header(k) {
                        self.top_level(k);
                    }
                }
            }
            _ => {}
        }
    }

    fn lookup(map: &HashMap<c_uint, Vec<(CXCursor, usize)>>, c: CXCursor) -> Option<usize> {
        let hash = unsafe { clang_hashCursor(c) };
        map.get(&hash)?.iter().find(|(k, _)| unsafe { clang_equalCursors(*k, c) } != 0).map(|&(_, id)| id)
    }

    unsafe fn record(&mut self, c: CXCursor, parent: Option<RecordId>) -> RecordId {
        let c = clang_getCanonicalCursor(c);
        let def = clang_getCursorDefinition(c);
        let c = if clang_Cursor_isNull(def) == 0 { def } else { c };
        if let Some(id) = Self::lookup(&self.record_ids, c) {
            return id;
        }
        let id = self.records.len();
        self.record_ids.entry(clang_hashCursor(c)).or_default().push((c, id));
        let kind = if clang_getCursorKind(c) == CXCursor_UnionDecl { RecordKind::Union } else { RecordKind::Struct };
        let ty = clang_getCursorType(c);
        let (loc, comment) = self.place(c, false);
        let in_header = self.in_header(c);
        let end = if in_header { expansion(clang_getRangeEnd(clang_getCursorExtent(c))).3 } else { 0 };
        self.records.push(Record {
            kind,
            tag: tag_of(c),
            typedef_name: None,
            parent: if is_anonymous(c) { parent } else { None },
            file: if in_header { None } else { declaration_file(c) },
            included_as: if in_header { None } else { declaration_file(c).and_then(|f| self.via.get(&f.display().to_string()).cloned()) },
            end,
            size: non_negative(clang_Type_getSizeOf(ty)),
            align: non_negative(clang_Type_getAlignOf(ty)),
            packed: false,
            aligned_attr: None,
            fields: Vec::new(),
            loc,
            comment,
        });
        let mut packed = false;
        let mut aligned_attr = None;
        for k in children(c) {
            match clang_getCursorKind(k) {
                CXCursor_PackedAttr => packed = true,
                CXCursor_AlignedAttr => aligned_attr = Some(self.attribute_number(k).unwrap_or(0)),
                // A named record defined inside this one is, in C, a record of the file.
                CXCursor_StructDecl | CXCursor_UnionDecl if clang_isCursorDefinition(k) != 0 && !is_anonymous(k) => {
                    self.record(k, None);
                }
                CXCursor_EnumDecl if clang_isCursorDefinition(k) != 0 && self.in_header(k) => {
                    self.enumeration(k);
                }
                _ => {}
            }
        }
        let mut fields = Vec::new();
        for f in fields_of(ty) {
            let fty = clang_getCursorType(f);
            // An anonymous member or a member of an unnamed record type: read its definition,
            // as a record of this one.
            // (Only one defined inside this record: `typedef struct { .. } user_pt_regs;` of
            // another header is a named type used here, not a member's own definition.)
            if let Some(decl) = record_decl(fty) {
                if is_anonymous(decl) && clang_isCursorDefinition(decl) != 0 && clang_equalCursors(clang_getCursorLexicalParent(decl), c) != 0 {
                    self.record(decl, Some(id));
                }
            }
            let name = Some(string(clang_getCursorSpelling(f))).filter(|n| !n.is_empty());
            let bit_width = if clang_Cursor_isBitField(f) != 0 { u32::try_from(clang_getFieldDeclBitWidth(f)).ok() } else { None };
            let (loc, comment) = self.place(f, true);
            fields.push(Field {
                name,
                ty: self.ty(fty),
                offset_bits: non_negative(clang_Cursor_getOffsetOfField(f)),
                bit_width,
                loc,
                comment,
            });
        }
        let r = &mut self.records[id];
        r.fields = fields;
        r.packed = packed;
        r.aligned_attr = aligned_attr;
        id
    }

    unsafe fn enumeration(&mut self, c: CXCursor) -> usize {
        if let Some(id) = Self::lookup(&self.enum_ids, c) {
            return id;
        }
        let id = self.enums.len();
        self.enum_ids.entry(clang_hashCursor(c)).or_default().push((c, id));
        let int_ty = clang_getEnumDeclIntegerType(c);
        let int = builtin_int(clang_getCanonicalType(int_ty).kind);
        let unsigned = int.is_some_and(|i| !i.is_signed() && i != Int::Char);
        let (loc, comment) = self.place(c, false);
        let mut values = Vec::new();
        for k in children(c) {
            if clang_getCursorKind(k) == CXCursor_EnumConstantDecl {
                let value = if unsigned {
                    clang_getEnumConstantDeclUnsignedValue(k) as i128
                } else {
                    clang_getEnumConstantDeclValue(k) as i128
                };
                let (loc, comment) = self.place(k, true);
                values.push(Enumerator { name: string(clang_getCursorSpelling(k)), value, loc, comment });
            }
        }
        self.enums.push(Enum {
            tag: tag_of(c),
            typedef_name: None,
            int,
            size: non_negative(clang_Type_getSizeOf(clang_getCursorType(c))),
            values,
            loc,
            comment,
        });
        id
    }

    unsafe fn typedef(&mut self, c: CXCursor) {
        let name = string(clang_getCursorSpelling(c));
        let under = clang_getTypedefDeclUnderlyingType(c);
        // `typedef struct { .. } name;` names the anonymous record (or enum) it defines.
        if let Some(decl) = tag_decl(under) {
            if is_anonymous(decl) && self.in_header(decl) && clang_isCursorDefinition(decl) != 0 {
                match clang_getCursorKind(decl) {
                    CXCursor_EnumDecl => {
                        let id = self.enumeration(decl);
                        self.enums[id].typedef_name.get_or_insert(name.clone());
                    }
                    _ => {
                        let id = self.record(decl, None);
                        self.records[id].typedef_name.get_or_insert(name.clone());
                    }
                }
            }
        }
        let (loc, comment) = self.place(c, true);
        let ty = self.ty(under);
        self.typedefs.push(Typedef { name, ty, loc, comment });
    }

    unsafe fn macro_definition(&mut self, c: CXCursor) {
        if clang_Cursor_isMacroBuiltin(c) != 0 {
            return;
        }
        let tokens = tokens(self.unit.tu, clang_getCursorExtent(c));
        let Some((name, rest)) = tokens.split_first() else { return };
        let mut body = rest;
        let mut params = None;
        if clang_Cursor_isMacroFunctionLike(c) != 0 {
            if let Some(close) = rest.iter().position(|t| t.text == ")") {
                params = Some(rest[1..close].iter().filter(|t| t.text != ",").map(|t| t.text.clone()).collect());
                body = &rest[close + 1..];
            }
        }
        let ioctl = ioctl_macro(body);
        let (loc, comment) = self.place(c, true);
        self.macros.push(Macro { name: name.text.clone(), params, body: join(body), value: None, ioctl, loc, comment });
    }

    /// The number inside `__attribute__((aligned(N)))`, when it is a literal.
    unsafe fn attribute_number(&self, c: CXCursor) -> Option<u64> {
        let tokens = tokens(self.unit.tu, clang_getCursorExtent(c));
        tokens.iter().find_map(|t| parse_c_integer(&t.text))
    }

    /// Where `c` is declared in the header, and its comment. `trailing` also accepts a comment
    /// after the item on its last line.
    unsafe fn place(&self, c: CXCursor, trailing: bool) -> (Loc, Option<String>) {
        let (file, line, column, offset) = expansion(clang_getCursorLocation(c));
        if file.is_null() || clang_File_isEqual(file, self.unit.file) == 0 {
            return (Loc::default(), None);
        }
        let loc = Loc { line, column, offset };
        let extent = clang_getCursorExtent(c);
        let (_, _, _, start) = expansion(clang_getRangeStart(extent));
        let (_, _, _, end) = expansion(clang_getRangeEnd(extent));
        let end = if trailing { end as usize } else { start as usize };
        (loc, self.comments.for_item(self.text, start as usize, end.max(start as usize)))
    }

    unsafe fn ty(&mut self, t: CXType) -> Type {
        let spelling = string(clang_getTypeSpelling(t));
        let size = non_negative(clang_Type_getSizeOf(t));
        let align = non_negative(clang_Type_getAlignOf(t));
        let mut typedefs = Vec::new();
        let mut declared_in = None;
        let mut cur = t;
        loop {
            match cur.kind {
                CXType_Elaborated => cur = clang_Type_getNamedType(cur),
                CXType_Attributed => cur = clang_Type_getModifiedType(cur),
                CXType_Typedef => {
                    let decl = clang_getTypeDeclaration(cur);
                    if declared_in.is_none() {
                        declared_in = declaration_file(decl);
                    }
                    typedefs.push(string(clang_getCursorSpelling(decl)));
                    cur = clang_getTypedefDeclUnderlyingType(decl);
                }
                CXType_Unexposed => {
                    let canonical = clang_getCanonicalType(cur);
                    if canonical.kind == CXType_Unexposed {
                        break;
                    }
                    cur = canonical;
                }
                _ => break,
            }
        }
        let kind = if let Some(int) = builtin_int(cur.kind) {
            TypeKind::Int(int)
        } else {
            match cur.kind {
                CXType_Float | CXType_Double | CXType_LongDouble | CXType_Float128 | CXType_Half | CXType_Float16 => {
                    TypeKind::Float(string(clang_getTypeSpelling(cur)))
                }
                CXType_Pointer | CXType_BlockPointer => {
                    let pointee = clang_getPointeeType(cur);
                    let mut named = pointee;
                    while matches!(named.kind, CXType_Elaborated | CXType_Attributed) {
                        named = if named.kind == CXType_Elaborated { clang_Type_getNamedType(named) } else { clang_Type_getModifiedType(named) };
                    }
                    let file = declaration_file(clang_getTypeDeclaration(named));
                    let pointee_via = file.and_then(|f| self.via.get(&f.display().to_string()).cloned());
                    TypeKind::Pointer { pointee: string(clang_getTypeSpelling(pointee)), pointee_via }
                }
                CXType_ConstantArray => TypeKind::Array {
                    elem: Box::new(self.ty(clang_getArrayElementType(cur))),
                    len: u64::try_from(clang_getArraySize(cur)).ok(),
                },
                CXType_IncompleteArray => TypeKind::Array { elem: Box::new(self.ty(clang_getArrayElementType(cur))), len: None },
                CXType_Record => {
                    let decl = clang_getTypeDeclaration(cur);
                    let kind = if clang_getCursorKind(decl) == CXCursor_UnionDecl { RecordKind::Union } else { RecordKind::Struct };
                    let definition = clang_getCursorDefinition(decl);
                    let mut def = Self::lookup(&self.record_ids, definition);
                    // A record of another file, used by value: read it too when asked (an
                    // anonymous one of this header is read by its parent, as a member's type).
                    if def.is_none() && self.external && clang_Cursor_isNull(definition) == 0 && !self.in_header(definition) {
                        def = Some(self.record(definition, None));
                    }
                    TypeKind::Record { kind, tag: tag_of(decl), def }
                }
                CXType_Enum => {
                    let decl = clang_getTypeDeclaration(cur);
                    TypeKind::Enum { tag: tag_of(decl), def: Self::lookup(&self.enum_ids, clang_getCursorDefinition(decl)) }
                }
                _ => TypeKind::Other(string(clang_getTypeSpelling(cur))),
            }
        };
        if declared_in.is_none() && matches!(kind, TypeKind::Record { .. } | TypeKind::Enum { .. }) {
            declared_in = declaration_file(clang_getTypeDeclaration(cur));
        }
        Type { spelling, typedefs, size, align, kind, declared_in }
    }

    /// Fields typed with a record or enum defined later in the header: link them by name.
    fn resolve_names(&mut self) {
        let records: HashMap<(RecordKind, String), RecordId> =
            self.records.iter().enumerate().filter_map(|(i, r)| Some(((r.kind, r.tag.clone()?), i))).collect();
        let enums: HashMap<String, usize> = self.enums.iter().enumerate().filter_map(|(i, e)| Some((e.tag.clone()?, i))).collect();
        fn fix(t: &mut Type, records: &HashMap<(RecordKind, String), RecordId>, enums: &HashMap<String, usize>) {
            match &mut t.kind {
                TypeKind::Array { elem, .. } => fix(elem, records, enums),
                TypeKind::Record { kind, tag: Some(tag), def: def @ None } => *def = records.get(&(*kind, tag.clone())).copied(),
                TypeKind::Enum { tag: Some(tag), def: def @ None } => *def = enums.get(tag).copied(),
                _ => {}
            }
        }
        for r in &mut self.records {
            for f in &mut r.fields {
                fix(&mut f.ty, &records, &enums);
            }
        }
        for t in &mut self.typedefs {
            fix(&mut t.ty, &records, &enums);
        }
    }
}

/// A declaration appended to the main file of the second parse, by the macro's name.
enum Probe {
    /// `static const __typeof__((NAME)) __uabi_macro_<i> = (NAME);`: the value of the macro.
    Value(String),
    /// `static __typeof__(ARG) *__uabi_ioarg_<i>;`: the type of the size argument of the
    /// `_IO*` macro.
    IoctlArg(String),
}

/// The main file with one probe per candidate macro of `ir`, and the probes in order (the
/// `<i>` of each is its index).
fn macro_probes(ir: &HeaderIr, main: &str) -> (String, Vec<Probe>) {
    // Some headers use `_IOR` or `__poll_t` without including <linux/ioctl.h> or
    // <linux/types.h> (sound/asound.h, asm-generic/poll.h count on their users): their macros
    // have a value only once those are there, as in any program that uses them. Included after
    // the header, so the header's own reading is untouched.
    let mut text = main.to_string();
    for h in ["linux/types.h", "linux/ioctl.h"] {
        text.push_str(&format!("#if __has_include(<{h}>)\n#include <{h}>\n#endif\n"));
    }
    let mut probes = Vec::new();
    for m in &ir.macros {
        if m.params.is_none() && probe_worthy(&m.body) {
            text.push_str(&format!("static const __typeof__(({0})) __uabi_macro_{1} = ({0});\n", m.name, probes.len()));
            probes.push(Probe::Value(m.name.clone()));
        }
        if let Some(io) = &m.ioctl {
            if matches!(io.op.as_str(), "_IOR" | "_IOW" | "_IOWR" | "_IOR_BAD" | "_IOW_BAD" | "_IOWR_BAD") && io.args.len() == 3 && type_worthy(&io.args[2]) {
                text.push_str(&format!("static __typeof__({}) *__uabi_ioarg_{};\n", io.args[2], probes.len()));
                probes.push(Probe::IoctlArg(m.name.clone()));
            }
        }
    }
    (text, probes)
}

impl Reader<'_> {
    /// Reads the probes of the main file (`top`: the translation unit's top-level cursors):
    /// each macro's value as the target's front end computes it, and each ioctl argument's type.
    unsafe fn read_probes(&mut self, top: &[CXCursor], probes: &[Probe]) {
        let wanted = |name: &str, prefix: &str| name.strip_prefix(prefix).and_then(|n| n.parse::<usize>().ok());
        for &c in top {
            if clang_getCursorKind(c) != CXCursor_VarDecl {
                continue;
            }
            let name = string(clang_getCursorSpelling(c));
            if let Some(i) = wanted(&name, "__uabi_macro_") {
                let Some(Probe::Value(macro_name)) = probes.get(i) else { continue };
                // A macro another target defines and this one does not: nothing to read.
                let Some(mi) = self.macros.iter().position(|m| m.name == *macro_name && m.params.is_none()) else { continue };
                let result = clang_Cursor_Evaluate(c);
                if result.is_null() {
                    continue;
                }
                if clang_EvalResult_getKind(result) == CXEval_Int {
                    let value = if clang_EvalResult_isUnsignedInt(result) != 0 {
                        MacroValue { value: clang_EvalResult_getAsUnsigned(result) as i128, unsigned: true }
                    } else {
                        MacroValue { value: clang_EvalResult_getAsLongLong(result) as i128, unsigned: false }
                    };
                    self.macros[mi].value = Some(value);
                }
                clang_EvalResult_dispose(result);
            } else if let Some(i) = wanted(&name, "__uabi_ioarg_") {
                let Some(Probe::IoctlArg(macro_name)) = probes.get(i) else { continue };
                let Some(mi) = self.macros.iter().position(|m| m.name == *macro_name && m.ioctl.is_some()) else { continue };
                let pointer = clang_getCursorType(c);
                if clang_getCanonicalType(pointer).kind != CXType_Pointer {
                    continue;
                }
                let ty = self.ty(clang_getPointeeType(pointer));
                // An argument the front end could not resolve is an `int` (its error recovery).
                if clang_isInvalidDeclaration(c) != 0 {
                    continue;
                }
                if let Some(io) = self.macros[mi].ioctl.as_mut() {
                    io.arg = Some(ty);
                }
            }
        }
    }
}

/// Whether a macro body can stand in `__typeof__((BODY))` without taking the declarations
/// after it down with a syntax error: balanced brackets, no braces or semicolons, and not a
/// type or a declaration.
fn probe_worthy(body: &str) -> bool {
    const NOT_VALUES: &[&str] = &[
        "struct", "union", "enum", "typedef", "static", "extern", "inline", "const", "volatile", "void", "char", "short",
        "int", "long", "unsigned", "signed", "float", "double", "_Bool", "__attribute__", "__attribute", "do", "if",
        "while", "for", "return", "asm", "__asm__",
    ];
    let first = body.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).next().unwrap_or("");
    // Character constants are values whatever they hold (`(';')` is VFIO's ioctl type): look
    // at the text around them only.
    let outside = without_char_constants(body);
    if body.trim().is_empty() || NOT_VALUES.contains(&first) || outside.contains(['{', '}', ';', '#', '"']) {
        return false;
    }
    let mut depth = 0i32;
    for c in outside.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// Whether an ioctl's argument can stand in `__typeof__(ARG)`: a type name, which brackets
/// may follow (`char [16]`), nothing that ends the declaration early.
fn type_worthy(arg: &str) -> bool {
    !arg.trim().is_empty() && !arg.contains(['{', '}', ';', '#', '"', '\'']) && arg.matches('(').count() == arg.matches(')').count()
}

/// `body` with each character constant (`';'`, `'\''`) replaced by `0`.
fn without_char_constants(body: &str) -> String {
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\'' {
            out.push(c);
            continue;
        }
        while let Some(d) = chars.next() {
            match d {
                '\\' => {
                    chars.next();
                }
                '\'' => break,
                _ => {}
            }
        }
        out.push('0');
    }
    out
}

struct Token {
    text: String,
    start: u32,
    end: u32,
}

unsafe fn tokens(tu: CXTranslationUnit, range: CXSourceRange) -> Vec<Token> {
    let mut raw = ptr::null_mut();
    let mut n = 0;
    clang_tokenize(tu, range, &mut raw, &mut n);
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n as usize {
        let t = *raw.add(i);
        let extent = clang_getTokenExtent(tu, t);
        let (.., start) = expansion(clang_getRangeStart(extent));
        let (.., end) = expansion(clang_getRangeEnd(extent));
        out.push(Token { text: string(clang_getTokenSpelling(tu, t)), start, end });
    }
    if !raw.is_null() {
        clang_disposeTokens(tu, raw, n);
    }
    out
}

/// Tokens as text: one space where the source had whitespace (or a line continuation).
fn join(tokens: &[Token]) -> String {
    let mut out = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && tokens[i - 1].end < t.start {
            out.push(' ');
        }
        out.push_str(&t.text);
    }
    out
}

const IOCTL_MACROS: &[&str] = &["_IO", "_IOR", "_IOW", "_IOWR", "_IOC", "_IOR_BAD", "_IOW_BAD", "_IOWR_BAD"];

/// `_IOWR(VFIO_TYPE, VFIO_BASE + 1, struct x)` as a whole body: the macro and its arguments.
fn ioctl_macro(body: &[Token]) -> Option<IoctlMacro> {
    let (op, rest) = body.split_first()?;
    if !IOCTL_MACROS.contains(&op.text.as_str()) || rest.first()?.text != "(" || rest.last()?.text != ")" {
        return None;
    }
    let inner = &rest[1..rest.len() - 1];
    let mut args = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, t) in inner.iter().enumerate() {
        match t.text.as_str() {
            "(" | "[" => depth += 1,
            ")" | "]" => depth -= 1,
            "," if depth == 0 => {
                args.push(join(&inner[start..i]));
                start = i + 1;
            }
            _ => {}
        }
        if depth < 0 {
            return None;
        }
    }
    args.push(join(&inner[start..]));
    Some(IoctlMacro { op: op.text.clone(), args, arg: None })
}

/// A C integer literal (`8`, `0x10`, `16U`).
fn parse_c_integer(s: &str) -> Option<u64> {
    let s = s.trim_end_matches(['u', 'U', 'l', 'L']);
    if let Some(hex) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        u64::from_str_radix(hex, 16).ok()
    } else if s.len() > 1 && s.starts_with('0') {
        u64::from_str_radix(&s[1..], 8).ok()
    } else {
        s.parse().ok()
    }
}

fn builtin_int(kind: CXTypeKind) -> Option<Int> {
    Some(match kind {
        CXType_Bool => Int::Bool,
        CXType_Char_U | CXType_Char_S => Int::Char,
        CXType_SChar => Int::SChar,
        CXType_UChar => Int::UChar,
        CXType_Short => Int::Short,
        CXType_UShort => Int::UShort,
        CXType_Int => Int::Int,
        CXType_UInt => Int::UInt,
        CXType_Long => Int::Long,
        CXType_ULong => Int::ULong,
        CXType_LongLong => Int::LongLong,
        CXType_ULongLong => Int::ULongLong,
        CXType_Int128 => Int::Int128,
        CXType_UInt128 => Int::UInt128,
        CXType_WChar | CXType_Char16 | CXType_Char32 => Int::WideChar,
        _ => return None,
    })
}

/// The declaration of a record type, through typedefs, elaboration and arrays (the element of
/// `struct { .. } data[15]` is a record defined by the member too).
unsafe fn record_decl(t: CXType) -> Option<CXCursor> {
    let mut canonical = clang_getCanonicalType(t);
    while matches!(canonical.kind, CXType_ConstantArray | CXType_IncompleteArray) {
        canonical = clang_getCanonicalType(clang_getArrayElementType(canonical));
    }
    (canonical.kind == CXType_Record).then(|| clang_getTypeDeclaration(canonical))
}

/// The declaration of a record or enum type.
unsafe fn tag_decl(t: CXType) -> Option<CXCursor> {
    let canonical = clang_getCanonicalType(t);
    matches!(canonical.kind, CXType_Record | CXType_Enum).then(|| clang_getTypeDeclaration(canonical))
}

/// A tag-less struct, union or enum. (clang_Cursor_isAnonymous means only anonymous *members*
/// in some libclang versions; the spelling of an unnamed tag is a description, not a name.)
unsafe fn is_anonymous(c: CXCursor) -> bool {
    tag_of(c).is_none()
}

unsafe fn tag_of(c: CXCursor) -> Option<String> {
    let s = string(clang_getCursorSpelling(c));
    let unnamed = s.is_empty() || s.contains("(unnamed") || s.contains("(anonymous") || s.contains(' ');
    (!unnamed).then_some(s)
}

fn non_negative(v: i64) -> Option<u64> {
    u64::try_from(v).ok()
}

/// The file, line, column and offset a location expands to.
unsafe fn expansion(loc: CXSourceLocation) -> (CXFile, u32, u32, u32) {
    let (mut file, mut line, mut column, mut offset) = (ptr::null_mut(), 0, 0, 0);
    clang_getExpansionLocation(loc, &mut file, &mut line, &mut column, &mut offset);
    (file, line, column, offset)
}

unsafe fn declaration_file(decl: CXCursor) -> Option<PathBuf> {
    let (file, ..) = expansion(clang_getCursorLocation(decl));
    (!file.is_null()).then(|| PathBuf::from(file_name(file)))
}

unsafe fn file_name(file: CXFile) -> String {
    string(clang_getFileName(file))
}

unsafe fn string(s: CXString) -> String {
    let p = clang_getCString(s);
    let out = if p.is_null() { String::new() } else { CStr::from_ptr(p).to_string_lossy().into_owned() };
    clang_disposeString(s);
    out
}

unsafe fn children(c: CXCursor) -> Vec<CXCursor> {
    extern "C" fn visit(c: CXCursor, _: CXCursor, data: CXClientData) -> CXChildVisitResult {
        unsafe { (*(data as *mut Vec<CXCursor>)).push(c) };
        CXChildVisit_Continue
    }
    let mut out: Vec<CXCursor> = Vec::new();
    clang_visitChildren(c, visit, &mut out as *mut Vec<CXCursor> as *mut c_void);
    out
}

/// The fields of a record type in declaration order, the implicit field of each anonymous
/// member included (which `clang_visitChildren` does not show).
unsafe fn fields_of(t: CXType) -> Vec<CXCursor> {
    extern "C" fn visit(c: CXCursor, data: CXClientData) -> CXVisitorResult {
        unsafe { (*(data as *mut Vec<CXCursor>)).push(c) };
        CXVisit_Continue
    }
    let mut out: Vec<CXCursor> = Vec::new();
    clang_Type_visitFields(t, visit, &mut out as *mut Vec<CXCursor> as *mut c_void);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probe_worthy_bodies_are_expressions() {
        for ok in ["1", "(1U << 3)", "_IOWR(VFIO_TYPE, VFIO_BASE + 1, struct x)", "sizeof(struct a)", "A | B"] {
            assert!(probe_worthy(ok), "{ok}");
        }
        assert!(probe_worthy("'I'"), "a character constant is an integer");
        assert!(probe_worthy("(';')") && probe_worthy("'\\''") && probe_worthy("('(')"), "whatever it holds");
        for ty in ["int", "unsigned int", "struct x", "char [16]", "__u64 *", "typeof(a)"] {
            assert!(type_worthy(ty), "{ty}");
        }
        assert!(!type_worthy("int; int") && !type_worthy("struct { int a; }") && !type_worthy(""));
        // (`__u32` is a type too, but nothing in the text says so: its probe fails on its own.)
        for no in ["", "struct x", "{", "do { } while (0)", "\"text\"", "(a", "a)", "unsigned int", "x; y"] {
            assert!(!probe_worthy(no), "{no}");
        }
    }

    #[test]
    fn c_integers() {
        assert_eq!(parse_c_integer("8"), Some(8));
        assert_eq!(parse_c_integer("0x10UL"), Some(16));
        assert_eq!(parse_c_integer("010"), Some(8));
        assert_eq!(parse_c_integer("x"), None);
    }
}

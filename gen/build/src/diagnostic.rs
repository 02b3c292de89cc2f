//! Definition errors rendered as rustc renders its own: `error: ..`, `--> path:line:col`, the
//! source line, carets under the tokens at fault, and the help.

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Chars, Config};

/// Renders every error of `errors` (as collected by the model) against the file `path`.
pub fn render(path: &str, text: &str, errors: syn::Error) -> (usize, String) {
    let file = SimpleFile::new(path, text);
    let config = Config { chars: Chars::ascii(), ..Config::default() };
    let mut out = String::new();
    let mut count = 0;
    for e in errors {
        count += 1;
        let message = e.to_string();
        // The model's messages are `what is wrong\nhelp: what to write instead`.
        let (main, help) = match message.split_once("\nhelp: ") {
            Some((m, h)) => (m.to_string(), Some(h.to_string())),
            None => (message, None),
        };
        let span = e.span();
        let (start, end) = (offset_of(text, span.start()), offset_of(text, span.end()));
        let mut d = Diagnostic::error().with_message(main).with_label(Label::primary((), start..end.max(start)));
        if let Some(h) = help {
            d = d.with_note(format!("help: {h}"));
        }
        match term::emit_into_string(&config, &file, &d) {
            Ok(s) => out.push_str(&s),
            // Only a span outside the file could fail; say what we know rather than nothing.
            Err(_) => out.push_str(&format!("error: {path}: {}\n", d.message)),
        }
    }
    (count, out)
}

/// The byte offset of a line (1-based) and column (0-based, in characters) in `text`, clamped
/// to the text.
fn offset_of(text: &str, at: proc_macro2::LineColumn) -> usize {
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i + 1 == at.line {
            let col = line.char_indices().nth(at.column).map_or(line.trim_end_matches('\n').len(), |(b, _)| b);
            return offset + col;
        }
        offset += line.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_not_bytes() {
        let text = "ab\nçd ef\n";
        assert_eq!(offset_of(text, proc_macro2::LineColumn { line: 1, column: 1 }), 1);
        // `ç` is two bytes: column 2 of line 2 is byte 3 + 3.
        assert_eq!(offset_of(text, proc_macro2::LineColumn { line: 2, column: 2 }), 6);
        assert_eq!(offset_of(text, proc_macro2::LineColumn { line: 9, column: 0 }), text.len());
    }
}

//! C comments of a header, and which item each one documents.
//!
//! libclang attaches only documentation comments (`/** */`, `///`) to declarations, and none to
//! macros; Linux writes plain `/* */` comments above or beside what they describe. So comments
//! are found in the text: a comment block that ends right above an item (only whitespace
//! between), or one that starts on an item's last line after it.

/// The comments of a text, in order, as byte ranges.
#[derive(Debug, Default)]
pub struct Comments {
    spans: Vec<(usize, usize)>,
}

impl Comments {
    /// Finds every `/* .. */` and `// ..` comment, skipping string and character literals.
    pub fn scan(text: &str) -> Comments {
        let b = text.as_bytes();
        let mut spans = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'"' | b'\'' => {
                    let quote = b[i];
                    i += 1;
                    while i < b.len() && b[i] != quote && b[i] != b'\n' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    let end = text[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
                    spans.push((i, end));
                    i = end;
                }
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    let end = text[i..].find('\n').map_or(b.len(), |e| i + e);
                    spans.push((i, end));
                    i = end;
                }
                _ => i += 1,
            }
        }
        Comments { spans }
    }

    /// The comment documenting an item that starts at byte `start` and ends at byte `end`:
    /// the block directly above it (consecutive comments separated by whitespace only, ending
    /// right before `start`) and the first comment starting after `end` on the same line, the
    /// two joined by an empty line when both are there.
    pub fn for_item(&self, text: &str, start: usize, end: usize) -> Option<String> {
        let (start, end) = (start.min(text.len()), end.min(text.len()));
        // The line of `start`, from its beginning: a comment must end before the item's line.
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let before = self.spans.partition_point(|&(_, e)| e <= line_start);
        let mut first = before;
        let mut reach = line_start;
        while first > 0 {
            let (s, e) = self.spans[first - 1];
            // Only whitespace between this comment and what follows it (the item's line, or the
            // next comment of the block); and not a comment trailing some code on its line.
            if !text[e..reach].trim().is_empty() || !text[..s].rsplit('\n').next().unwrap_or("").trim().is_empty() {
                break;
            }
            // A blank line ends a block: a comment separated from the item by an empty line is
            // about something larger.
            if text[e..reach].matches('\n').count() > 1 {
                break;
            }
            first -= 1;
            reach = s;
        }
        let above = (first < before)
            .then(|| self.spans[first..before].iter().map(|&(s, e)| clean(&text[s..e])).collect::<Vec<_>>().join("\n"))
            .filter(|t| !t.is_empty());
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let after = self.spans.partition_point(|&(s, _)| s < end);
        let trailing = self.spans.get(after).and_then(|&(s, e)| {
            (s < line_end && text[end..s].chars().all(|c| c.is_whitespace() || c == ';' || c == ',' || c == '}'))
                .then(|| clean(&text[s..e]))
                .filter(|t| !t.is_empty())
        });
        // Both: the block above heads a group (Linux's `/* how->resolve flags */` above the
        // first of them), the trailing one is the item's own.
        match (above, trailing) {
            (Some(a), Some(t)) => Some(format!("{a}\n\n{t}")),
            (a, t) => a.or(t),
        }
    }
}

/// A comment's text without its markers and the leading `*` of each line.
pub fn clean(comment: &str) -> String {
    let inner = if let Some(c) = comment.strip_prefix("/*") {
        c.strip_suffix("*/").unwrap_or(c).trim_start_matches('*').trim_start_matches('<')
    } else {
        comment.trim_start_matches('/').trim_start_matches('<')
    };
    let lines: Vec<&str> = inner
        .lines()
        .map(|l| {
            let t = l.trim();
            t.strip_prefix("* ").or_else(|| t.strip_prefix('*')).unwrap_or(t).trim_end()
        })
        .collect();
    let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    let last = lines.iter().rposition(|l| !l.is_empty()).map_or(first, |i| i + 1);
    lines[first..last.max(first)].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, item: &str) -> Option<String> {
        let start = text.find(item).unwrap();
        Comments::scan(text).for_item(text, start, start + item.len())
    }

    #[test]
    fn a_block_above_an_item_documents_it() {
        let text = "/*\n * The device.\n * Second line.\n */\nstruct a {\n\t__u32 x; /* trailing */\n\t/* above y */\n\t__u32 y;\n};\n";
        assert_eq!(doc(text, "struct a").as_deref(), Some("The device.\nSecond line."));
        assert_eq!(doc(text, "__u32 x;").as_deref(), Some("trailing"));
        assert_eq!(doc(text, "__u32 y;").as_deref(), Some("above y"));
    }

    #[test]
    fn a_blank_line_or_code_separates_a_comment_from_an_item() {
        let text = "/* about the file */\n\n#define A 1\nint x; /* about x */\n#define B 2\n";
        assert_eq!(doc(text, "#define A 1"), None);
        assert_eq!(doc(text, "#define B 2"), None, "a comment trailing other code documents that code");
    }

    #[test]
    fn a_block_above_and_a_trailing_comment_are_joined() {
        let text = "/* the flags */\n#define A 1 /* the first */\n#define B 2 /* the second */\n";
        assert_eq!(doc(text, "#define A 1").as_deref(), Some("the flags\n\nthe first"));
        assert_eq!(doc(text, "#define B 2").as_deref(), Some("the second"));
    }

    #[test]
    fn comment_markers_inside_strings_are_not_comments() {
        let text = "#define S \"/* not */\"\n/* real */\n#define T 1\n";
        assert_eq!(doc(text, "#define T 1").as_deref(), Some("real"));
        assert_eq!(doc(text, "#define S"), None);
    }

    #[test]
    fn line_comments_and_doc_markers_are_cleaned() {
        let text = "// one\n// two\n#define A 1\nint b; /**< after b */\n";
        assert_eq!(doc(text, "#define A 1").as_deref(), Some("one\ntwo"));
        assert_eq!(doc(text, "int b;").as_deref(), Some("after b"));
    }
}

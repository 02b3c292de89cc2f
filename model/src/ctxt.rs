//! Error collection: every check records its error and goes on, so one compile reports every
//! problem of a definition instead of the first one.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::Span;

use quote::ToTokens;

/// The errors of one analysis. It must be consumed by [`Ctxt::check`]: dropping it unchecked
/// panics, so a code path that forgets to report errors is caught by the first test that takes
/// it, instead of silently accepting a bad definition.
pub struct Ctxt {
    /// `None` once checked.
    errors: RefCell<Option<Vec<syn::Error>>>,
    /// The machine-applicable fixes of some of the errors.
    fixes: RefCell<Vec<Fix>>,
}

/// The edit an error's `help:` describes, for the errors whose fix is mechanical (an explicit
/// padding field): text to insert before a token. Tools and tests apply it to the source and
/// analyze again; the attribute only shows the help.
#[derive(Clone, Debug)]
pub struct Fix {
    /// Where to insert: the start of this token.
    pub at: Span,
    pub insert: String,
}

impl Fix {
    pub fn insert(at: Span, text: impl Into<String>) -> Fix {
        Fix { at, insert: text.into() }
    }

    /// The 1-based line and 0-based column (in characters) of the insertion point, as
    /// proc-macro2 reports it for source parsed with `span-locations`.
    pub fn line_column(&self) -> (usize, usize) {
        let lc = self.at.start();
        (lc.line, lc.column)
    }
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt { errors: RefCell::new(Some(Vec::new())), fixes: RefCell::new(Vec::new()) }
    }

    /// Records an error on the tokens of `at`.
    pub fn error(&self, at: impl ToTokens, msg: impl Display) {
        self.push(syn::Error::new_spanned(at.into_token_stream(), msg));
    }

    /// Records an error whose help is the edit `fix`.
    pub fn error_with_fix(&self, at: impl ToTokens, msg: impl Display, fix: Fix) {
        self.error(at, msg);
        self.fixes.borrow_mut().push(fix);
    }

    /// The fixes recorded so far.
    pub fn fixes(&self) -> Vec<Fix> {
        self.fixes.borrow().clone()
    }

    pub fn push(&self, e: syn::Error) {
        self.errors.borrow_mut().as_mut().expect("errors pushed after the check").push(e);
    }

    pub fn has_errors(&self) -> bool {
        self.errors.borrow().as_ref().is_some_and(|e| !e.is_empty())
    }

    /// All errors combined into one, or `Ok` when there were none.
    pub fn check(self) -> syn::Result<()> {
        let mut errors = self.errors.borrow_mut().take().expect("checked twice").into_iter();
        match errors.next() {
            None => Ok(()),
            Some(mut first) => {
                for e in errors {
                    first.combine(e);
                }
                Err(first)
            }
        }
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        if self.errors.borrow().is_some() && !std::thread::panicking() {
            panic!("uabi-model: a Ctxt was dropped without checking its errors (forgot `cx.check()`)");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "without checking its errors")]
    fn dropping_unchecked_errors_panics() {
        let cx = Ctxt::new();
        cx.error(quote::quote!(x), "lost");
    }

    #[test]
    fn checked_errors_come_back_together() {
        let cx = Ctxt::new();
        cx.error(quote::quote!(a), "first");
        cx.error(quote::quote!(b), "second");
        let e = cx.check().unwrap_err();
        assert_eq!(e.into_iter().map(|e| e.to_string()).collect::<Vec<_>>(), ["first", "second"]);
    }
}

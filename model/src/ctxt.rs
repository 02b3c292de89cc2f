//! Error collection: every check records its error and goes on, so one compile reports every
//! problem of a definition instead of the first one.

use std::cell::RefCell;
use std::fmt::Display;

use quote::ToTokens;

#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt::default()
    }

    /// Records an error on the tokens of `at`.
    pub fn error(&self, at: impl ToTokens, msg: impl Display) {
        self.push(syn::Error::new_spanned(at.into_token_stream(), msg));
    }

    pub fn push(&self, e: syn::Error) {
        self.errors.borrow_mut().push(e);
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.borrow().is_empty()
    }

    /// All errors combined into one, or `Ok` when there were none.
    pub fn check(self) -> syn::Result<()> {
        let mut errors = self.errors.into_inner().into_iter();
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

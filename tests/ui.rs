//! Every refusal of `#[uabi::abi]` has a compile-fail case here, one file per refusal, with the
//! compiler output reviewed in the `.stderr` next to it: the error sits on the offending tokens,
//! names the field or item, and says what to write instead (`help: ...`), with no follow-on
//! errors. `tests/ui/pass/` holds definitions that look close to a refusal but are accepted.
//!
//! The toolchain is pinned (rust-toolchain.toml) so the snapshots stay byte-stable. After an
//! intended change to a message, regenerate with `TRYBUILD=overwrite cargo test --test ui` and
//! review the diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui/pass/*.rs");
}

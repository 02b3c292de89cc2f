//! The console protocol: every line the host reads starts with [`PREFIX`], so kernel messages
//! interleaved on the serial console are ignored. Each line is written with one `write` call.
//!
//! ```text
//! uabi-vm: info <text>
//! uabi-vm: check ok <name>: <detail>
//! uabi-vm: check FAIL <name>: <detail>
//! uabi-vm: edge <case> | <request> | kernel <answer> | sample <answer> | <verdict> | <reason>
//! uabi-vm: done <passed> passed, <failed> failed
//! ```

use std::fmt::Display;
use std::io::Write;

pub const PREFIX: &str = "uabi-vm: ";

/// Counts checks and prints each.
#[derive(Debug, Default)]
pub struct Report {
    pub passed: usize,
    pub failed: usize,
}

/// Writes one line to the console in a single call, so it is not split by kernel messages.
pub fn line(text: impl Display) {
    let s = format!("{PREFIX}{text}\n");
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}

pub fn info(text: impl Display) {
    line(format_args!("info {text}"));
}

impl Report {
    /// Records a check: `ok` decides, `detail` says what was seen either way.
    pub fn check(&mut self, name: &str, ok: bool, detail: impl Display) -> bool {
        if ok {
            self.passed += 1;
            line(format_args!("check ok {name}: {detail}"));
        } else {
            self.failed += 1;
            line(format_args!("check FAIL {name}: {detail}"));
        }
        ok
    }

    /// A check that a call succeeded; returns its value.
    pub fn call<T, E: Display>(&mut self, name: &str, r: Result<T, E>) -> Option<T> {
        match r {
            Ok(v) => {
                self.check(name, true, "succeeded");
                Some(v)
            }
            Err(e) => {
                self.check(name, false, e);
                None
            }
        }
    }

    pub fn done(&self) {
        line(format_args!("done {} passed, {} failed", self.passed, self.failed));
    }
}

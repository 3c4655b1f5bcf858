//! What the render benchmarks share.

use std::path::{Path, PathBuf};

/// The department read: `ESEP_BENCH_INPUT`, else the bundled demo.
pub fn input() -> PathBuf {
    std::env::var_os("ESEP_BENCH_INPUT")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/demo"), PathBuf::from)
}

/// An environment variable's value, parsed.
pub fn var<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// This process's peak resident memory in MB (VmHWM; Linux only).
pub fn peak_rss_mb() -> Option<f64> {
    status_mb("VmHWM:")
}

/// This process's resident memory now in MB (VmRSS; Linux only).
#[allow(dead_code)] // one benchmark of two reads it
pub fn rss_mb() -> Option<f64> {
    status_mb("VmRSS:")
}

fn status_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 =
        status.lines().find_map(|l| l.strip_prefix(field))?.split_whitespace().next()?.parse().ok()?;
    Some(kb / 1024.0)
}

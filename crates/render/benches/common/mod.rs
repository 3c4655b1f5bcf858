//! What the render benchmarks share.

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

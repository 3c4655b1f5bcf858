//! What the whole-process benchmarks share: running `esep` while polling its peak memory.
#![allow(dead_code)] // each benchmark uses its own part

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Peak resident memory of a running process, in kB (VmHWM; Linux only).
pub fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
}

/// Runs esep once: wall time, peak memory in MB, and whether it succeeded.
pub fn measure(args: &[&str]) -> (Duration, u64, bool) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_esep"));
    command.env("ESEP_LANG", "en").args(args);
    measure_command(command)
}

/// Runs a command once, its output dropped: wall time, peak memory in MB, and whether it
/// succeeded.
pub fn measure_command(mut command: Command) -> (Duration, u64, bool) {
    let started = Instant::now();
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    let mut peak = 0;
    let status = loop {
        if let Some(kb) = vm_hwm(child.id()) {
            peak = peak.max(kb);
        }
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => panic!("{e}"),
        }
    };
    (started.elapsed(), peak / 1024, status.success())
}

/// A path as the `&str` an argument list takes.
pub fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap_or_default()
}

/// Seconds, for printing.
pub fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// The median of a non-empty list.
pub fn median<T: Ord + Copy>(mut v: Vec<T>) -> T {
    v.sort();
    v[v.len() / 2]
}

/// `ESEP_BENCH_RUNS`, else `default`; at least 1.
pub fn runs(default: usize) -> usize {
    std::env::var("ESEP_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(default).max(1)
}

//! What the whole-process benchmarks share: running `esep` while polling its peak memory.
#![allow(dead_code)] // each benchmark uses its own part

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Fields in kB of a process's `/proc/PID/status`, in the order asked (Linux only).
fn status_kb<const N: usize>(pid: u32, fields: [&str; N]) -> Option<[u64; N]> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let mut out = [0; N];
    for (k, field) in fields.iter().enumerate() {
        out[k] = status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())?;
    }
    Some(out)
}

/// Peak resident memory of a running process, in kB (VmHWM).
pub fn vm_hwm(pid: u32) -> Option<u64> {
    status_kb(pid, ["VmHWM:"]).map(|[kb]| kb)
}

/// `pid` and every process under it (`esep build` compiles in child processes).
fn tree(pid: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(p) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        // `PID (name) STATE PPID …`: the name may hold spaces, so read after its `)`.
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let ppid = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse().ok());
        if let Some(ppid) = ppid {
            parents.push((p, ppid));
        }
    }
    let mut out = vec![pid];
    let mut k = 0;
    while k < out.len() {
        let parent = out[k];
        out.extend(parents.iter().filter(|(_, pp)| *pp == parent).map(|(p, _)| *p));
        k += 1;
    }
    out
}

/// Resident memory of processes now, in kB: the sum of their VmRSS, or the peak of one of them
/// (VmHWM) if that is more, as a short peak may fall between two polls.
fn tree_kb(pids: &[u32]) -> u64 {
    let read: Vec<[u64; 2]> = pids.iter().filter_map(|&p| status_kb(p, ["VmRSS:", "VmHWM:"])).collect();
    let sum: u64 = read.iter().map(|[rss, _]| rss).sum();
    read.iter().map(|[_, hwm]| *hwm).max().unwrap_or(0).max(sum)
}

/// The esep that is timed: `ESEP_BENCH_BIN` if set (the binary to install,
/// `target/dist/esep`), else the one built with the benchmark.
pub fn esep_bin() -> std::ffi::OsString {
    std::env::var_os("ESEP_BENCH_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_esep").into())
}

/// Runs esep once: wall time, peak memory in MB, and whether it succeeded.
pub fn measure(args: &[&str]) -> (Duration, u64, bool) {
    let mut command = Command::new(esep_bin());
    command.env("ESEP_LANG", "en").args(args);
    measure_command(command)
}

/// Runs a command once, its output dropped: wall time, peak memory in MB (of the process and
/// its children together, polled), and whether it succeeded.
pub fn measure_command(mut command: Command) -> (Duration, u64, bool) {
    let started = Instant::now();
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    let mut peak = 0;
    // The processes under esep are looked for every 50th poll: reading all of /proc every
    // time would take a share of the cores being measured.
    let (mut pids, mut polls) = (vec![child.id()], 0);
    let status = loop {
        if polls % 50 == 0 {
            pids = tree(child.id());
        }
        polls += 1;
        peak = peak.max(tree_kb(&pids));
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
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

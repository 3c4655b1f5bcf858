//! Benchmark: writing the workbooks of a department, the demo unless `ESEP_BENCH_INPUT` says.
//!
//! `cargo bench -p esep-render --bench workbooks` prints the time to write `department.xlsx`
//! (minimum and median of `ESEP_BENCH_RUNS` runs, default 10), its size, the time for all unit
//! workbooks, and the process's peak resident memory (VmHWM, Linux): its resident memory once
//! the inputs are read, computed and dropped, then the peak of the workbooks alone (the peak is
//! reset before them where the kernel allows, `/proc/self/clear_refs`). `ESEP_BENCH_INPUT=DIR`:
//! e.g. the folder of `esep generate --bodies 1000`.
#![allow(clippy::disallowed_macros)] // a benchmark prints its figures

mod common;

use std::time::{Duration, Instant};

use common::{peak_rss_mb, rss_mb, var};
use esep_analysis::{Catalogue, Settings, compute};

fn main() {
    let dir = common::input();
    let Some(data) = esep_ingest::load(&dir).dataset else {
        eprintln!("the inputs in {} do not validate", dir.display());
        std::process::exit(1);
    };
    let Ok(report) = compute(&data, &Catalogue::builtin(), &Settings::builtin()) else {
        eprintln!("compute failed");
        std::process::exit(1);
    };
    // As in a build: the tables go once the indicators are computed.
    let files = data.files.clone();
    drop(data);
    let before = rss_mb();
    // Resets the peak to the present (Linux): the workbooks' own peak, not the computation's.
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let runs = var("ESEP_BENCH_RUNS").unwrap_or(10usize).max(1);
    let mut times: Vec<Duration> = Vec::new();
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        match esep_render::department_workbook(
            &report,
            &files,
            esep_render::Words(esep_ingest::Lang::Ru),
            &std::env::temp_dir(),
        ) {
            Ok(bytes) => size = bytes.len(),
            Err(e) => {
                eprintln!("department workbook failed: {e}");
                std::process::exit(1);
            }
        }
        times.push(t.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "department.xlsx ({} units × {} indicators): min {:.1} ms, median {:.1} ms, {:.0} KB",
        report.units.len(),
        report.catalogue.indicators.len(),
        ms(times[0]),
        ms(times[runs / 2]),
        size as f64 / 1024.0
    );
    let t = Instant::now();
    for unit in &report.units {
        if let Err(e) =
            esep_render::indicators_workbook(&report, unit, &files, esep_render::Words(esep_ingest::Lang::Ru))
        {
            eprintln!("unit workbook failed: {e}");
            std::process::exit(1);
        }
    }
    println!("{} unit workbooks: {:.1} ms", report.units.len(), ms(t.elapsed()));
    if let (Some(b), Some(a)) = (before, peak_rss_mb()) {
        let peak = if reset { "peak of the workbooks" } else { "peak since the start" };
        println!("resident memory: {b:.0} MB once computed; {peak} {a:.0} MB");
    }
}

//! Benchmark: writing the workbooks of the demo department.
//!
//! `cargo bench -p esep-render --bench workbooks` prints the time to write `department.xlsx`
//! (minimum and median of repeated runs), its size, the time for all unit workbooks, and the
//! process's peak resident memory (VmHWM, Linux).
#![allow(clippy::disallowed_macros)] // a benchmark prints its figures

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::peak_rss_mb;
use esep_analysis::{Catalogue, Settings, compute};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/demo");
    let Some(data) = esep_ingest::load(&dir).dataset else {
        eprintln!("the demo inputs in {} do not validate", dir.display());
        std::process::exit(1);
    };
    let Ok(report) = compute(&data, &Catalogue::builtin(), &Settings::builtin()) else {
        eprintln!("compute failed");
        std::process::exit(1);
    };
    let before = peak_rss_mb();
    let runs = 10;
    let mut times: Vec<Duration> = Vec::new();
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        match esep_render::department_workbook(
            &report,
            &data.files,
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
        if let Err(e) = esep_render::indicators_workbook(
            &report,
            unit,
            &data.files,
            esep_render::Words(esep_ingest::Lang::Ru),
        ) {
            eprintln!("unit workbook failed: {e}");
            std::process::exit(1);
        }
    }
    println!("{} unit workbooks: {:.1} ms", report.units.len(), ms(t.elapsed()));
    if let (Some(b), Some(a)) = (before, peak_rss_mb()) {
        println!("peak resident memory: {a:.0} MB (after loading and computing: {b:.0} MB)");
    }
}

//! Benchmark: computing every indicator of the demo department (13 units, two years).
//!
//! `cargo bench -p esep-analysis` prints the time to read and validate the demo inputs once,
//! then the minimum and median of repeated computations of the whole report.
#![allow(clippy::disallowed_macros)] // a benchmark prints its figures

use std::path::Path;
use std::time::{Duration, Instant};

use esep_analysis::{Catalogue, Settings, compute};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/demo");
    let started = Instant::now();
    let outcome = esep_ingest::load(&dir);
    let load = started.elapsed();
    let Some(data) = outcome.dataset else {
        eprintln!("the demo inputs in {} do not validate", dir.display());
        std::process::exit(1);
    };
    let (catalogue, settings) = (Catalogue::builtin(), Settings::builtin());
    let runs: usize = std::env::var("ESEP_BENCH_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(30);
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut figures = 0;
    for _ in 0..runs {
        let t = Instant::now();
        match compute(&data, &catalogue, &settings) {
            Ok(report) => figures = report.units.iter().map(|u| u.figures.len()).sum(),
            Err(e) => {
                eprintln!("compute failed: {e}");
                std::process::exit(1);
            }
        }
        times.push(t.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "demo department: {} units, {} survey rows, {} appeals, {figures} figures",
        data.units.height(),
        data.survey.height(),
        data.appeals.height()
    );
    println!("read + validate inputs: {:.1} ms", ms(load));
    println!(
        "compute indicators ({runs} runs): min {:.1} ms, median {:.1} ms, max {:.1} ms",
        ms(times[0]),
        ms(times[runs / 2]),
        ms(times[runs - 1])
    );
}

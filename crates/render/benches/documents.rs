//! Benchmark: rendering every document of the demo department (13 units × 4 documents × 2
//! languages) with one shared engine.
//!
//! `cargo bench -p esep-render` prints the time per document kind (sequential, so the figures
//! are per document) and the wall time of the whole batch in parallel, as `esep build` runs it.
#![allow(clippy::disallowed_macros)] // a benchmark prints its figures

use std::path::Path;
use std::time::{Duration, Instant};

use esep_analysis::{Catalogue, Settings, compute};
use esep_render::{Document, Lang, Renderer};
use rayon::prelude::*;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/demo");
    let Some(data) = esep_ingest::load(&dir).dataset else {
        eprintln!("the demo inputs in {} do not validate", dir.display());
        std::process::exit(1);
    };
    let report = match compute(&data, &Catalogue::builtin(), &Settings::builtin()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("compute failed: {e}");
            std::process::exit(1);
        }
    };
    let started = Instant::now();
    let renderer = Renderer::new();
    println!("engine and fonts: {:.0} ms", started.elapsed().as_secs_f64() * 1e3);

    // Warm-up: the first compile parses the templates and fonts.
    let first = &report.units[0];
    if let Err(e) = renderer.render(Document::Report, &report, first, Lang::Kk) {
        eprintln!("render failed: {e}");
        std::process::exit(1);
    }

    let mut total_bytes = 0usize;
    for doc in Document::ALL {
        let mut times: Vec<Duration> = Vec::new();
        for unit in &report.units {
            for lang in Lang::ALL {
                let t = Instant::now();
                match renderer.render(doc, &report, unit, lang) {
                    Ok(pdf) => total_bytes += pdf.len(),
                    Err(e) => {
                        eprintln!("render failed: {e}");
                        std::process::exit(1);
                    }
                }
                times.push(t.elapsed());
            }
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{:<13} {:>3} documents: median {:6.1} ms, max {:6.1} ms, sum {:7.0} ms",
            doc.id(),
            times.len(),
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1]),
            times.iter().map(|d| ms(*d)).sum::<f64>()
        );
    }
    println!("{:.1} MB of PDF", total_bytes as f64 / 1e6);

    let jobs: Vec<(usize, Document, Lang)> = (0..report.units.len())
        .flat_map(|u| Document::ALL.into_iter().flat_map(move |d| Lang::ALL.map(|l| (u, d, l))))
        .collect();
    let t = Instant::now();
    let failed = jobs
        .par_iter()
        .filter(|(u, d, l)| renderer.render(*d, &report, &report.units[*u], *l).is_err())
        .count();
    println!(
        "all {} documents in parallel on {} threads: {:.2} s ({failed} failed)",
        jobs.len(),
        rayon::current_num_threads(),
        t.elapsed().as_secs_f64()
    );
}

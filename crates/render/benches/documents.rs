//! Benchmark: what one Typst compile costs, per document kind and per page, on one thread.
//!
//! `cargo bench -p esep-render --bench documents` reads the demo department (or
//! `ESEP_BENCH_INPUT=DIR`), then compiles every unit's report, slides, announcement and protocol
//! template in Kazakh and Russian `ESEP_BENCH_RUNS` times (default 3) and prints, per kind, the
//! median time per document, the pages and the time per page; then the wall time of all of them
//! in parallel, as `esep build` runs them, and the process's peak memory. Typst's own
//! parallelism is limited to one thread in the sequential runs, as in a build where every core
//! compiles a document.
//!
//! - `ESEP_BENCH_DOCS=report,slides` picks kinds; `ESEP_BENCH_SKIP=N`, `ESEP_BENCH_UNITS=N`
//!   pick units (`ESEP_BENCH_UNITS=1` on `esep generate --bodies 200`: its department alone).
//! - `ESEP_BENCH_TEMPLATES=A,B,…` compares template folders (`-`: the embedded ones) on the
//!   first kind picked: each document is compiled with every set in turn, with Typst's
//!   memoised results dropped before each compile, so that a shared machine's drift falls on
//!   all sets alike; prints each set's time and its ratio to the first.
//! - `ESEP_BENCH_TRACE=FILE` writes a Chrome trace (Typst's own timing scopes: eval, function
//!   calls, layout of tables, paragraphs, pages, PDF export, each at its template's line) of the
//!   second unit's Russian report (or the first kind of `ESEP_BENCH_DOCS`), compiled after the
//!   first unit's, with the first set of `ESEP_BENCH_TEMPLATES` if given.
//! - `ESEP_BENCH_SAVE=DIR` keeps the PDFs of the first run.
#![allow(clippy::disallowed_macros)] // a benchmark prints its figures

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::var;
use esep_analysis::{Catalogue, Report, Settings};
use esep_render::{Document, Lang, Renderer};
use rayon::prelude::*;

fn pages(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).map(|d| d.get_pages().len()).unwrap_or(0)
}

fn renderer(dir: &str) -> Renderer {
    if dir == "-" {
        Renderer::new()
    } else {
        Renderer::with_templates(Path::new(dir)).unwrap_or_else(|e| panic!("{e}"))
    }
}

fn load() -> Report {
    let dataset =
        esep_ingest::load(&common::input()).dataset.unwrap_or_else(|| panic!("the input does not load"));
    esep_analysis::compute(&dataset, &Catalogue::builtin(), &Settings::builtin())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Each document compiled with every set of templates in turn.
fn compare(report: &Report, units: &[usize], document: Document, dirs: &[&str], runs: usize) {
    let renderers: Vec<Renderer> = dirs.iter().map(|d| renderer(d)).collect();
    let mut times = vec![Duration::ZERO; dirs.len()];
    let mut page_count = vec![0; dirs.len()];
    for run in 0..runs {
        for &u in units {
            for lang in Lang::ALL {
                for k in 0..renderers.len() {
                    let i = (k + u + run) % renderers.len();
                    // Identical parts of two sets would otherwise be taken from the cache.
                    renderers[i].forget();
                    let started = Instant::now();
                    let pdf = renderers[i]
                        .render(document, report, &report.units[u], lang)
                        .unwrap_or_else(|e| panic!("{e}"));
                    times[i] += started.elapsed();
                    if run == 0 {
                        page_count[i] += pages(&pdf);
                    }
                }
            }
        }
    }
    let docs = (units.len() * Lang::ALL.len() * runs) as f64;
    for (i, dir) in dirs.iter().enumerate() {
        let ms = times[i].as_secs_f64() * 1000.0 / docs;
        let per_page = times[i].as_secs_f64() * 1000.0 / (page_count[i] * runs).max(1) as f64;
        let ratio = times[i].as_secs_f64() / times[0].as_secs_f64();
        println!(
            "{dir}: {} {ms:.1} ms/doc, {} pages, {per_page:.2} ms/page, ratio {ratio:.3}",
            document.id(),
            page_count[i]
        );
    }
}

fn trace(report: &Report, renderer: &Renderer, document: Document, path: &str) {
    let Some(unit) = report.units.get(1).or(report.units.first()) else { return };
    // Another unit's document first: the templates are parsed, as in a build.
    renderer.render(document, report, &report.units[0], Lang::Kk).unwrap_or_else(|e| panic!("{e}"));
    typst_timing::enable();
    renderer.render(document, report, unit, Lang::Ru).unwrap_or_else(|e| panic!("{e}"));
    typst_timing::disable();
    let file = std::fs::File::create(path).unwrap_or_else(|e| panic!("{e}"));
    renderer.export_trace(&format!("{}.typ", document.id()), file).unwrap_or_else(|e| panic!("{e}"));
}

fn main() {
    // One thread for Typst's inner work (page runs, PDF streams), as in a build; the parallel
    // batch at the end has a pool of its own.
    let _ = rayon::ThreadPoolBuilder::new().num_threads(1).build_global();
    let runs = var("ESEP_BENCH_RUNS").unwrap_or(3usize).max(1);
    let report = load();
    let skip = var("ESEP_BENCH_SKIP").unwrap_or(0);
    let limit = var("ESEP_BENCH_UNITS").unwrap_or(usize::MAX);
    let units: Vec<usize> = (0..report.units.len()).skip(skip).take(limit).collect();
    let picked = std::env::var("ESEP_BENCH_DOCS").ok();
    let documents: Vec<Document> = Document::ALL
        .into_iter()
        .filter(|d| picked.as_deref().is_none_or(|p| p.split(',').any(|p| p == d.id())))
        .collect();
    let dirs = std::env::var("ESEP_BENCH_TEMPLATES").ok();
    if let Ok(path) = std::env::var("ESEP_BENCH_TRACE") {
        let first = dirs.as_deref().and_then(|d| d.split(',').next()).unwrap_or("-");
        trace(&report, &renderer(first), documents.first().copied().unwrap_or(Document::Report), &path);
        return;
    }
    if let Some(dirs) = dirs {
        let dirs: Vec<&str> = dirs.split(',').collect();
        compare(&report, &units, documents.first().copied().unwrap_or(Document::Report), &dirs, runs);
        return;
    }
    let renderer = Renderer::new();
    let save = std::env::var_os("ESEP_BENCH_SAVE");
    println!("{:<14} {:>6} {:>10} {:>7} {:>10}", "document", "docs", "ms/doc", "pages", "ms/page");
    let (mut total, mut total_pages) = (Duration::ZERO, 0);
    for document in documents {
        let mut times = Vec::new();
        let mut page_count = 0;
        for run in 0..runs {
            let mut elapsed = Duration::ZERO;
            for &u in &units {
                let unit = &report.units[u];
                for lang in Lang::ALL {
                    let started = Instant::now();
                    let pdf =
                        renderer.render(document, &report, unit, lang).unwrap_or_else(|e| panic!("{e}"));
                    elapsed += started.elapsed();
                    if run == 0 {
                        page_count += pages(&pdf);
                        if let Some(dir) = &save {
                            let name = format!("{}-{}", unit.code, document.file_name(lang));
                            std::fs::write(Path::new(dir).join(name), &pdf).unwrap_or_else(|e| panic!("{e}"));
                        }
                    }
                }
            }
            times.push(elapsed);
        }
        times.sort();
        let median = times[times.len() / 2];
        let docs = units.len() * Lang::ALL.len();
        let ms = median.as_secs_f64() * 1000.0;
        println!(
            "{:<14} {:>6} {:>10.1} {:>7} {:>10.2}",
            document.id(),
            docs,
            ms / docs.max(1) as f64,
            page_count,
            ms / page_count.max(1) as f64
        );
        total += median;
        total_pages += page_count;
    }
    let jobs: Vec<(usize, Document, Lang)> = units
        .iter()
        .flat_map(|&u| Document::ALL.into_iter().flat_map(move |d| Lang::ALL.map(|l| (u, d, l))))
        .collect();
    if let Ok(pool) = rayon::ThreadPoolBuilder::new().build() {
        let started = Instant::now();
        let failed = pool.install(|| {
            jobs.par_iter()
                .filter(|(u, d, l)| renderer.render(*d, &report, &report.units[*u], *l).is_err())
                .count()
        });
        println!(
            "all {} documents in parallel on {} threads: {:.2} s ({failed} failed)",
            jobs.len(),
            pool.current_num_threads(),
            started.elapsed().as_secs_f64()
        );
    }
    let peak = common::peak_rss_mb().map(|mb| format!("{mb:.0} MB")).unwrap_or_default();
    println!(
        "all: {:.2} s for {total_pages} pages, {:.2} ms/page; peak memory {peak}",
        total.as_secs_f64(),
        total.as_secs_f64() * 1000.0 / total_pages.max(1) as f64
    );
}

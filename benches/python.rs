//! Benchmark: `esep build` against a Python pipeline doing the same job, whole process.
//!
//! `cargo bench --bench python` reads the bundled demo's inputs (or `ESEP_BENCH_INPUT=DIR`) and
//! writes, into a work folder, what every PDF of its pack is compiled from: the templates, the
//! fonts and each document's data, the very JSON `esep build` hands Typst. It then times, in
//! alternation, `ESEP_BENCH_RUNS` times (default 3), and prints the medians and peak memories:
//! - `esep build --force` with every core, and with one thread;
//! - `benches/python/pipeline.py`, one Python process that reads every input sheet with pandas,
//!   compiles every document with the `typst` binding (the Typst version of esep, PDF/A-2b,
//!   tagged) and writes each unit's figures and the department's with XlsxWriter. It does less
//!   than esep (no checks, no indicators, plainer workbooks): the ratio is a lower bound.
//!
//! Needs python3 with `typst`, `pandas`, `openpyxl` and `xlsxwriter`
//! (`pip install typst pandas openpyxl xlsxwriter`); without them it says so and stops.
//! `ESEP_BENCH_DIR=DIR` keeps the work folder and both packs in DIR.
#![allow(clippy::disallowed_macros)] // a benchmark prints its figures

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{measure, measure_command, median, runs, s, secs};
use esep_analysis::{Catalogue, Settings};
use esep_render::{Document, Lang, Renderer};

fn write(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Writes the templates, fonts, data and manifest of every PDF of `input`'s pack into `work`;
/// the number of PDFs.
fn prepare(input: &Path, work: &Path) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(root.join("templates")).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "typ") {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
            write(&work.join("templates").join(entry.file_name()), &bytes);
        }
    }
    for (k, font) in esep_render::fonts::all().into_iter().enumerate() {
        write(&work.join("fonts").join(format!("{k:02}.ttf")), font);
    }
    let dataset = esep_ingest::load(input).dataset.unwrap_or_else(|| panic!("the input does not load"));
    let report = esep_analysis::compute(&dataset, &Catalogue::builtin(), &Settings::builtin())
        .unwrap_or_else(|e| panic!("{e}"));
    let renderer = Renderer::new();
    let mut documents = Vec::new();
    let mut units = Vec::new();
    let mut add = |prepared: esep_render::pdf::Prepared, out: String| -> String {
        let data = format!("/data/{:04}.json", documents.len());
        write(&work.join(&data[1..]), prepared.data());
        documents.push(serde_json::json!({"template": prepared.template(), "data": data, "out": out}));
        data
    };
    for unit in &report.units {
        let mut report_data = String::new();
        for document in Document::ALL {
            for lang in Lang::ALL {
                let prepared =
                    renderer.prepare(document, &report, unit, lang).unwrap_or_else(|e| panic!("{e}"));
                let data = add(prepared, format!("{}/{}", unit.code, document.file_name(lang)));
                if document == Document::Report && lang == Lang::Kk {
                    report_data = data;
                }
            }
        }
        units.push(serde_json::json!({"code": unit.code.as_str(), "report": report_data}));
    }
    for lang in Lang::ALL {
        let prepared = renderer.prepare_schedule(&report, lang).unwrap_or_else(|e| panic!("{e}"));
        add(prepared, format!("schedule.{}.pdf", lang.code()));
    }
    let count = documents.len();
    let manifest = serde_json::json!({"documents": documents, "units": units});
    write(&work.join("manifest.json"), &serde_json::to_vec_pretty(&manifest).unwrap_or_default());
    count
}

fn python_ready() -> bool {
    Command::new("python3")
        .args(["-c", "import typst, pandas, openpyxl, xlsxwriter"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn main() {
    if !python_ready() {
        println!("python3 with typst, pandas, openpyxl and xlsxwriter is needed:");
        println!("  pip install typst pandas openpyxl xlsxwriter");
        return;
    }
    let runs = runs(3);
    let input = std::env::var_os("ESEP_BENCH_INPUT")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo"), PathBuf::from);
    let kept = std::env::var_os("ESEP_BENCH_DIR").map(PathBuf::from);
    let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = kept.unwrap_or_else(|| temp.path().to_path_buf());
    let (work, esep_pack, python_pack) = (dir.join("work"), dir.join("esep"), dir.join("python"));
    let pdfs = prepare(&input, &work);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/python/pipeline.py");

    let (mut esep, mut one, mut python) = (Vec::new(), Vec::new(), Vec::new());
    let (mut esep_peak, mut one_peak, mut python_peak) = (0, 0, 0);
    for _ in 0..runs {
        let (t, peak, ok) = measure(&["build", s(&input), "--out", s(&esep_pack), "--force", "--quiet"]);
        assert!(ok, "esep build failed");
        esep.push(t);
        esep_peak = esep_peak.max(peak);
        let _ = std::fs::remove_dir_all(&python_pack);
        let mut command = Command::new("python3");
        command.arg(&script).arg(&work).arg(&input).arg(&python_pack);
        let (t, peak, ok) = measure_command(command);
        assert!(ok, "{} failed", script.display());
        python.push(t);
        python_peak = python_peak.max(peak);
        let (t, peak, ok) =
            measure(&["build", s(&input), "--out", s(&esep_pack), "--force", "--quiet", "-j", "1"]);
        assert!(ok, "esep build -j 1 failed");
        one.push(t);
        one_peak = one_peak.max(peak);
    }
    let (esep, one, python) = (median(esep), median(one), median(python));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("median of {runs} runs; {cores} cores; {pdfs} PDFs of `{}`", input.display());
    println!("esep build          {:6.2} s, peak {esep_peak:4} MB", secs(esep));
    println!("esep build -j 1     {:6.2} s, peak {one_peak:4} MB", secs(one));
    println!("python pipeline     {:6.2} s, peak {python_peak:4} MB", secs(python));
    println!(
        "esep is {:.2}× faster than the Python pipeline ({:.2}× on one thread)",
        secs(python) / secs(esep),
        secs(python) / secs(one)
    );
}

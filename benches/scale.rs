//! Benchmark: `esep build` at department and national scale, whole process.
//!
//! `cargo bench --bench scale` prints, for each case, the median of `ESEP_BENCH_RUNS` runs
//! (default 3): wall time of a full build (`--force`) with every core and with one thread, in
//! turn (and the speed-up), documents (PDFs) per second, peak resident memory, and the rebuild
//! time with no change and after a one-cell correction in one district (the runs alternate
//! between the two versions of the inputs, so each run corrects a cell). The national case
//! also times `esep compare` over its packs.
//!
//! Cases: `demo` (13 units), `bodies200` (one department of 200 bodies: it must not crash)
//! and `national` (`esep generate --national`: 20 departments, 245 units). `ESEP_BENCH_CASES`
//! picks some (`demo,national`), `ESEP_BENCH_DIR=DIR` keeps the inputs and packs in DIR.
//! Goals (issue 15, 2 cores): national ≤ 45 s, 2-thread speed-up ≥ 1.8×, peak ≤ 400 MB for a
//! department and ≤ 600 MB for the national run, demo rebuild ≤ 1.5 s after one cell and
//! ≤ 0.5 s with no change.
#![allow(clippy::disallowed_macros)] // a benchmark prints its figures

mod common;

use std::path::{Path, PathBuf};

use common::{measure, median, runs, s, secs};
use esep_demo::{Folder, Options, Rows};
use esep_ingest::contract::SourceId;
use esep_render::Cell;

fn write(dir: &Path, folder: Folder) {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    for (name, bytes) in folder {
        std::fs::write(dir.join(name), bytes).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// The correction: the last statistics row of the current year gets one more offence.
fn one_cell(rows: &mut Rows) {
    let year = Options::default().year;
    if let Some(stats) = rows.get_mut(&SourceId::Statistics)
        && let Some(row) =
            stats.iter_mut().rev().find(|r| matches!(r[1], Cell::Number(y) if y == f64::from(year)))
        && let Cell::Number(v) = &mut row[4]
    {
        *v += 1.0;
    }
}

/// A case: the input folders as given (the original) and as corrected.
struct Case {
    name: &'static str,
    original: Vec<PathBuf>,
    corrected: Vec<PathBuf>,
    national: bool,
}

fn pdfs(dir: &Path) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "pdf") {
                n += 1;
            }
        }
    }
    n
}

fn main() {
    let runs = runs(3);
    let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = std::env::var_os("ESEP_BENCH_DIR").map_or_else(|| temp.path().to_path_buf(), PathBuf::from);
    let wanted = std::env::var("ESEP_BENCH_CASES").unwrap_or_else(|_| "demo,bodies200,national".into());
    let mut cases = Vec::new();
    if wanted.contains("demo") {
        let (a, b) = (root.join("demo/input"), root.join("demo/corrected"));
        let opts = Options::default();
        write(&a, esep_demo::workbooks(&opts).unwrap_or_else(|e| panic!("{e}")));
        write(&b, esep_demo::workbooks_edited(&opts, one_cell).unwrap_or_else(|e| panic!("{e}")));
        cases.push(Case { name: "demo", original: vec![a], corrected: vec![b], national: false });
    }
    if wanted.contains("bodies200") {
        let (a, b) = (root.join("bodies200/input"), root.join("bodies200/corrected"));
        let opts = Options { bodies: 200, ..Options::default() };
        write(&a, esep_demo::workbooks(&opts).unwrap_or_else(|e| panic!("{e}")));
        write(&b, esep_demo::workbooks_edited(&opts, one_cell).unwrap_or_else(|e| panic!("{e}")));
        cases.push(Case { name: "bodies200", original: vec![a], corrected: vec![b], national: false });
    }
    if wanted.contains("national") {
        let (a, b) = (root.join("national/input"), root.join("national/corrected"));
        let opts = Options::default();
        for (k, code) in esep_demo::national_codes().iter().enumerate() {
            let original = esep_demo::national_workbooks(k, &opts).unwrap_or_else(|e| panic!("{e}"));
            write(&a.join(code), original.clone().unwrap_or_default());
            // One district of one department (Karaganda) is corrected; the others stay.
            let corrected = if *code == "KAR" {
                esep_demo::national_workbooks_edited(k, &opts, one_cell).unwrap_or_else(|e| panic!("{e}"))
            } else {
                original
            };
            write(&b.join(code), corrected.unwrap_or_default());
        }
        cases.push(Case { name: "national", original: vec![a], corrected: vec![b], national: true });
    }
    println!("median of {runs} runs; {} cores", std::thread::available_parallelism().map_or(1, |p| p.get()));
    for case in &cases {
        let out = root.join(case.name).join("pack");
        let build = |inputs: &[PathBuf], extra: &[&str]| {
            let mut args = vec!["build"];
            args.extend(inputs.iter().map(|p| s(p)));
            args.extend(["--out", s(&out), "-q"]);
            args.extend(extra);
            let (t, mb, ok) = measure(&args);
            assert!(ok, "esep {args:?} failed");
            (t, mb)
        };
        let (mut full, mut peaks, mut one, mut none, mut corrected) =
            (vec![], vec![], vec![], vec![], vec![]);
        // Every core and one thread in turn, so that a drift of the machine's speed falls on
        // both alike.
        for _ in 0..runs {
            let (t, mb) = build(&case.original, &["--force"]);
            full.push(t);
            peaks.push(mb);
            one.push(build(&case.original, &["--force", "-j", "1"]).0);
        }
        let documents = pdfs(&out);
        for k in 0..runs {
            // Each run corrects (or undoes) the cell, then rebuilds once more with no change.
            let inputs = if k % 2 == 0 { &case.corrected } else { &case.original };
            corrected.push(build(inputs, &[]).0);
            none.push(build(inputs, &[]).0);
        }
        let (full, one) = (median(full), median(one));
        println!(
            "{:<10} {documents:>5} PDFs: build {:6.2} s ({:5.1} PDFs/s), peak {:4} MB; 1 thread {:6.2} s \
             (speed-up {:.2}×); rebuild after one cell {:5.2} s, with no change {:5.2} s",
            case.name,
            secs(full),
            documents as f64 / secs(full),
            median(peaks),
            secs(one),
            secs(one) / secs(full),
            secs(median(corrected)),
            secs(median(none)),
        );
        if case.national {
            let packs: Vec<PathBuf> = esep_demo::national_codes().iter().map(|c| out.join(c)).collect();
            let national = root.join("national.xlsx");
            let mut times = Vec::new();
            for _ in 0..runs {
                let mut args = vec!["compare"];
                args.extend(packs.iter().map(|p| s(p)));
                args.extend(["--out", s(&national), "-q"]);
                let (t, _, ok) = measure(&args);
                assert!(ok, "esep compare failed");
                times.push(t);
            }
            println!("{:<10} compare of 20 packs: {:.2} s", case.name, secs(median(times)));
        }
    }
}

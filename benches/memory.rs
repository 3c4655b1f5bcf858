//! Benchmark: wall time and peak memory of the whole `esep` process on ordinary and hostile
//! inputs: the demo department, a survey of Excel's 1 048 575 rows, a row and a header filled
//! to column XFD, and a zip bomb.
//!
//! `cargo bench --bench memory` builds each case `ESEP_BENCH_RUNS` times (default 3) and
//! prints the median wall time and the median peak resident memory (VmHWM, polled from
//! `/proc` while the process runs; Linux only). `ESEP_BENCH_DIR=DIR` keeps the inputs in DIR. Goals (issue 10): ≤ 300 MB on the demo,
//! ≤ 1 GiB on any input, the million-row survey built in ≤ 15 s on 2 cores.
#![allow(clippy::disallowed_macros)] // a benchmark prints its figures

mod common;

use common::{measure, median, runs};

use std::io::Write;
use std::path::{Path, PathBuf};

use esep_ingest::contract::{SOURCES, SourceId};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn write_demo(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    for (name, bytes) in
        esep_demo::workbooks(&esep_demo::Options::default()).unwrap_or_else(|e| panic!("{e}"))
    {
        std::fs::write(dir.join(name), bytes).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// The demo's survey sheet with `rows` respondents (cycling the demo's answers), and extra
/// header cells or a row of values running to column XFD.
fn write_survey(dir: &Path, rows: usize, wide_header: bool, wide_row: bool) {
    let source = SOURCES.iter().find(|s| s.id == SourceId::Survey).unwrap_or_else(|| panic!("survey"));
    let demo = esep_demo::rows(&esep_demo::Options::default());
    let answers = &demo[&SourceId::Survey];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("survey").unwrap_or_else(|e| panic!("{e}"));
    let date = Format::new().set_num_format("dd.mm.yyyy");
    for (c, column) in source.columns.iter().enumerate() {
        ws.write_string(0, c as u16, column.id).unwrap_or_else(|e| panic!("{e}"));
    }
    if wide_header {
        for c in source.columns.len() as u16..16_384 {
            ws.write_string(0, c, format!("x{c}")).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    for r in 0..rows {
        let row = &answers[r % answers.len()];
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            let done = match cell {
                esep_render::Cell::Text(_) if c == 0 => ws.write_string(r, c, format!("R{r:07}")).map(|_| ()),
                esep_render::Cell::Text(t) => ws.write_string(r, c, t).map(|_| ()),
                esep_render::Cell::Number(n) => ws.write_number(r, c, *n).map(|_| ()),
                esep_render::Cell::Date(d) => {
                    use chrono::Datelike;
                    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                        .and_then(|dt| ws.write_datetime_with_format(r, c, dt, &date).map(|_| ()))
                }
                _ => Ok(()),
            };
            done.unwrap_or_else(|e| panic!("{e}"));
        }
    }
    if wide_row {
        for c in source.columns.len() as u16..16_384 {
            ws.write_number(1, c, f64::from(c)).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    wb.save(dir.join("survey.xlsx")).unwrap_or_else(|e| panic!("{e}"));
}

/// A workbook whose shared strings expand from about 4 MB to 4 GB.
fn write_bomb(dir: &Path) {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(true);
    w.start_file("xl/sharedStrings.xml", opts).unwrap_or_else(|e| panic!("{e}"));
    let chunk = vec![b' '; 1 << 24];
    for _ in 0..256 {
        w.write_all(&chunk).unwrap_or_else(|e| panic!("{e}"));
    }
    let bytes = w.finish().unwrap_or_else(|e| panic!("{e}")).into_inner();
    std::fs::write(dir.join("bomb.xlsx"), bytes).unwrap_or_else(|e| panic!("{e}"));
}

fn main() {
    let runs = runs(3);
    // `ESEP_BENCH_DIR` keeps the generated inputs there, for profiling one case by hand.
    let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = std::env::var_os("ESEP_BENCH_DIR").map_or_else(|| temp.path().to_path_buf(), PathBuf::from);
    let case = |name: &str| -> PathBuf {
        let dir = root.join(name).join("input");
        write_demo(&dir);
        dir
    };
    let demo = case("demo");
    let million = case("million");
    write_survey(&million, 1_048_575, false, false);
    let xfd_row = case("xfd-row");
    write_survey(&xfd_row, 4_000, false, true);
    let xfd_header = case("xfd-header");
    write_survey(&xfd_header, 4_000, true, false);
    let bomb = case("bomb");
    write_bomb(&bomb);
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    println!(
        "inputs: million-row survey.xlsx {:.1} MB, bomb.xlsx {:.1} MB (4 096 MB unpacked)",
        size(&million.join("survey.xlsx")),
        size(&bomb.join("bomb.xlsx"))
    );
    println!("{:<26} {:>10} {:>14}  result", "case", "wall", "peak RSS");
    for (name, dir, command) in [
        ("demo, build", &demo, "build"),
        ("million-row survey, build", &million, "build"),
        ("row to XFD, build", &xfd_row, "build"),
        ("header to XFD, build", &xfd_header, "build"),
        ("zip bomb, validate", &bomb, "validate"),
    ] {
        let out = dir.with_file_name("pack");
        let mut times = Vec::new();
        let mut peaks = Vec::new();
        let mut ok = true;
        for _ in 0..runs {
            let args: Vec<&str> = match command {
                "build" => vec![
                    "build",
                    dir.to_str().unwrap_or_default(),
                    "--out",
                    out.to_str().unwrap_or_default(),
                    "-q",
                ],
                _ => vec!["validate", dir.to_str().unwrap_or_default(), "-q"],
            };
            let (t, peak, success) = measure(&args);
            times.push(t);
            peaks.push(peak);
            ok &= success;
        }
        let expected = if command == "validate" { !ok } else { ok };
        println!(
            "{:<26} {:>8.2} s {:>11} MB  {}",
            name,
            median(times).as_secs_f64(),
            median(peaks),
            match (command, expected) {
                ("validate", true) => "refused, as it should be",
                (_, true) => "built",
                _ => "UNEXPECTED",
            }
        );
    }
    let _ = std::io::stdout().flush();
}

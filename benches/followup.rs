//! Benchmark: `esep followup` over a national-size control — 200 units' registers of 50 items
//! each (10 000 items), every state represented: answered on time and late, forwarded, extended,
//! open and overdue. Goal (issue 14): under 2 s on 2 cores.
//!
//! `cargo bench --bench followup` writes the registers once, runs the whole `esep followup`
//! process `ESEP_BENCH_RUNS` times (default 5) and prints the median wall time and peak memory.
//! `ESEP_BENCH_DIR=DIR` keeps the registers in DIR.
#![allow(clippy::disallowed_macros)] // a benchmark prints its figures

mod common;

use common::{measure, runs};

use std::path::Path;

use chrono::NaiveDate;
use esep_ingest::contract::{self, SourceId};
use esep_render::{Cell, ContractOptions, Lang};

const UNITS: usize = 200;
const ITEMS: usize = 50;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// One unit's register: meeting on a February or March day of 2026, items in five states.
fn register(k: usize) -> Vec<u8> {
    let meeting = day(2026, 2, 2) + chrono::Days::new((k % 40) as u64);
    let after = |n: u64| Cell::Date(meeting + chrono::Days::new(n));
    let code = format!("SRK-{k:03}");
    let numbers: Vec<String> = (1..=ITEMS).map(|n| n.to_string()).collect();
    let head = vec![vec![
        Cell::Text(code.clone()),
        Cell::Text(format!("{k}-аудандық полиция бөлімі")),
        Cell::Text(format!("Районный отдел полиции № {k}")),
        Cell::Text("полиция подполковнигі Ахметов Ә.".into()),
        Cell::Text("подполковник полиции Ахметов Ә.".into()),
        Cell::Date(meeting),
        Cell::Number((ITEMS + 10) as f64),
        Cell::Text(numbers.join("; ")),
    ]];
    let width = contract::source(SourceId::Register).columns.len();
    let rows: Vec<Vec<Cell>> = (1..=ITEMS)
        .map(|n| {
            let mut row = vec![Cell::Empty; width];
            row[0] = Cell::Number(n as f64);
            row[2] = Cell::Text(format!("Өтініш беруші {n}"));
            row[3] = Cell::Text(format!("+7 701 000 {n:04}"));
            row[4] = Cell::Text(["шағым", "ұсыныс", "ескерту", "сұрақ"][n % 4].into());
            row[5] = Cell::Text(format!("Аулада жарық жоқ, үй № {n}"));
            row[8] = Cell::Text("Оспанов Е.".into());
            let outside = n % 5 == 0;
            row[7] = Cell::Text(if outside { "жоқ" } else { "иә" }.into());
            match n % 5 {
                0 => {
                    row[10] = after(2);
                    row[11] = Cell::Text("қала әкімдігі".into());
                    row[12] = after(2);
                    row[18] = Cell::Text("құзыретті органға жіберілді".into());
                }
                1 => {
                    row[16] = after(10);
                    row[17] = Cell::Text("Түсіндірілді".into());
                    row[18] = Cell::Text("түсіндірілді".into());
                }
                2 => {
                    row[16] = after(30);
                    row[17] = Cell::Text("Қанағаттандырылды".into());
                    row[18] = Cell::Text("қанағаттандырылды".into());
                }
                3 => {
                    row[13] = after(7);
                    row[14] = Cell::Text("сараптама".into());
                    row[15] = after(8);
                }
                _ => {}
            }
            row
        })
        .collect();
    let parts: [(&contract::Source, &[Vec<Cell>]); 2] =
        [(contract::source(SourceId::RegisterMeeting), &head), (contract::source(SourceId::Register), &rows)];
    let opts = ContractOptions { lang: Lang::Kk, unit_codes: &[], created: meeting };
    esep_render::contract_xlsx::contract_book(&parts, &opts, ("bench".into(), code))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn main() {
    let keep = std::env::var_os("ESEP_BENCH_DIR");
    let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = keep.as_deref().map_or_else(|| temp.path().to_path_buf(), |d| Path::new(d).to_path_buf());
    let input = root.join("registers");
    std::fs::create_dir_all(input.join("followup")).unwrap_or_else(|e| panic!("{e}"));
    for k in 0..UNITS {
        std::fs::write(input.join("followup").join(format!("SRK-{k:03}.xlsx")), register(k))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let runs = runs(5);
    let out = root.join("control");
    let args = [
        "followup",
        input.to_str().unwrap_or_default(),
        "--as-of",
        "2026-04-15",
        "--out",
        out.to_str().unwrap_or_default(),
    ];
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..runs {
        let (t, mb, ok) = measure(&args);
        assert!(ok, "esep followup failed");
        times.push(t);
        peaks.push(mb);
    }
    times.sort();
    peaks.sort();
    let pages = std::fs::read(out.join("control.ru.pdf")).map(|b| b.len()).unwrap_or(0);
    println!(
        "followup: {UNITS} registers × {ITEMS} items: median {:.2} s (min {:.2}, max {:.2}), peak {} MB, control.ru.pdf {} kB",
        times[runs / 2].as_secs_f64(),
        times[0].as_secs_f64(),
        times[runs - 1].as_secs_f64(),
        peaks[runs / 2],
        pages / 1024
    );
}

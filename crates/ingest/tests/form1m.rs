//! Form No. 1-М: the real Kostanay 2022 export, and variations of its layout.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use esep_ingest::Severity;
use esep_ingest::form1m::{Mapping, read};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/form-1m/kostanay-region-2022.xlsx")
}

fn value(values: &[esep_ingest::form1m::Value], code: &str) -> f64 {
    values.iter().find(|v| v.code == code).map_or(f64::NAN, |v| v.value)
}

#[test]
fn kostanay_2022_registered_offences() {
    let got = read(&sample(), "kostanay-region-2022.xlsx", &Mapping::builtin());
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    let v = |c| value(&got.values, c);
    assert_eq!(v("registered_total"), 7091.0);
    assert_eq!(v("registered_misdemeanours"), 781.0);
    assert_eq!(v("registered_crimes"), 6310.0);
    // The gravity split adds up to the crimes.
    assert_eq!(
        [
            v("registered_minor"),
            v("registered_medium"),
            v("registered_grave"),
            v("registered_especially_grave")
        ],
        [767.0, 3459.0, 2008.0, 76.0]
    );
    assert_eq!(
        v("registered_minor")
            + v("registered_medium")
            + v("registered_grave")
            + v("registered_especially_grave"),
        6310.0
    );
    assert_eq!(v("registered_total"), v("registered_misdemeanours") + v("registered_crimes"));
    // Articles: murder (art. 99), theft (188), fraud (190) and internet fraud, robbery (191).
    assert_eq!(v("registered_murder"), 33.0);
    assert_eq!(v("registered_theft"), 2949.0);
    assert_eq!(v("registered_fraud"), 1755.0);
    assert_eq!(v("registered_internet_fraud"), 1264.0);
    assert_eq!(v("registered_robbery"), 102.0);
    assert_eq!(v("registered_drugs"), 170.0);
    // Ended (sent to court + non-rehabilitating), sent to court, interrupted, places.
    assert_eq!(v("solved_total"), 3294.0);
    assert_eq!(v("sent_to_court"), 2176.0);
    assert_eq!(v("interrupted_unidentified"), 3440.0);
    assert_eq!(v("registered_public_places"), 1479.0);
    assert_eq!(v("registered_streets"), 728.0);
    assert_eq!(v("registered_domestic"), 86.0);
    // The catalogue's clearance for 1-М data: ended / (ended + interrupted, person not identified).
    let clearance = 100.0 * v("solved_total") / (v("solved_total") + v("interrupted_unidentified"));
    assert!((clearance - 48.9159).abs() < 1e-4, "{clearance}");
    // Each value names the cell it came from: line 1, column 2 is F7 in this export.
    let total = got.values.iter().find(|x| x.code == "registered_total").map(|x| x.cell.clone());
    assert_eq!(total.as_deref(), Some("F7"));
}

/// The sample's `R1`, rewritten with changes: rows above, a column added, real numbers,
/// thousands separators, or one cell changed.
fn variant(
    dir: &Path,
    name: &str,
    edit: impl Fn(usize, usize, &Data) -> Data,
    rows_above: u32,
    col_at: Option<u16>,
) -> PathBuf {
    let mut wb = open_workbook_auto(sample()).unwrap_or_else(|e| panic!("{e}"));
    let range = wb.worksheet_range("R1").unwrap_or_else(|e| panic!("{e}"));
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut out = rust_xlsxwriter::Workbook::new();
    let ws = out.add_worksheet();
    ws.set_name("R1").unwrap_or_else(|e| panic!("{e}"));
    for (i, row) in range.rows().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            let mut c = (c0 as usize + j) as u16;
            if col_at.is_some_and(|at| c >= at) {
                c += 1;
            }
            let r = r0 + i as u32 + rows_above;
            let written = match edit(i, j, cell) {
                Data::String(s) => ws.write_string(r, c, s).map(|_| ()),
                Data::Float(f) => ws.write_number(r, c, f).map(|_| ()),
                Data::Int(n) => ws.write_number(r, c, n as f64).map(|_| ()),
                _ => Ok(()),
            };
            written.unwrap_or_else(|e| panic!("{e}"));
        }
    }
    if let Some(at) = col_at {
        ws.write_string(rows_above + 3, at, "Новая графа").unwrap_or_else(|e| panic!("{e}"));
    }
    for r in 0..rows_above {
        ws.write_string(r, 0, format!("Служебная строка {r}")).unwrap_or_else(|e| panic!("{e}"));
    }
    out.add_worksheet().set_name("Примечания").unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    out.save(&path).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn as_number(cell: &Data) -> Option<f64> {
    match cell {
        Data::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    }
}

#[test]
fn layout_variations_import_to_the_same_values() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let original = read(&sample(), "sample", &Mapping::builtin()).values;
    let values =
        |v: &[esep_ingest::form1m::Value]| v.iter().map(|x| (x.code.clone(), x.value)).collect::<Vec<_>>();
    let keep = |_: usize, _: usize, c: &Data| c.clone();
    let cases = [
        variant(dir.path(), "rows-above.xlsx", keep, 4, None),
        variant(dir.path(), "column-added.xlsx", keep, 0, Some(4)),
        // Numbers as real numbers, below the header (range row 4, sheet row 6, holds the column numbers).
        variant(
            dir.path(),
            "real-numbers.xlsx",
            |i, _, c| if i > 4 { as_number(c).map_or(c.clone(), Data::Float) } else { c.clone() },
            0,
            None,
        ),
        // Thousands separated by a non-breaking space.
        variant(
            dir.path(),
            "separators.xlsx",
            |i, _, c| match (i > 4, as_number(c)) {
                (true, Some(n)) if n >= 1000.0 => {
                    let s = format!("{n}");
                    let (head, tail) = s.split_at(s.len() - 3);
                    Data::String(format!("{head}\u{a0}{tail}"))
                }
                _ => c.clone(),
            },
            0,
            None,
        ),
    ];
    for path in &cases {
        let got = read(path, "variant", &Mapping::builtin());
        assert!(got.diagnostics.iter().all(|d| !d.is_error()), "{}: {:?}", path.display(), got.diagnostics);
        assert_eq!(values(&got.values), values(&original), "{}", path.display());
    }
}

#[test]
fn broken_identity_is_a_warning_with_its_cell() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Line 1, column 2 (F7): 7 091 → 7 000, so all ≠ misdemeanours + crimes.
    let path = variant(
        dir.path(),
        "broken.xlsx",
        |i, j, c| if (i, j) == (5, 5) { Data::String("7000".into()) } else { c.clone() },
        0,
        None,
    );
    let got = read(&path, "broken.xlsx", &Mapping::builtin());
    let w: Vec<String> =
        got.diagnostics.iter().filter(|d| d.severity == Severity::Warning).map(ToString::to_string).collect();
    assert!(
        w.iter().any(|d| d.contains("broken.xlsx, 'R1'!F7")
            && d.contains("column 2: all offences 7000 ≠ misdemeanours 781 + crimes 6310")),
        "{w:?}"
    );
    assert!(got.diagnostics.iter().all(|d| !d.is_error()));
}

#[test]
fn a_file_that_is_not_a_1m_return_is_named() {
    let other = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/valid-small/input.xlsx");
    let got = read(&other, "input.xlsx", &Mapping::builtin());
    assert!(got.values.is_empty());
    assert_eq!(got.diagnostics.len(), 1);
    assert_eq!(
        got.diagnostics[0].to_string().lines().next(),
        Some("error[E-F1M-NO-SHEET]: input.xlsx: not a form 1-М return: no sheet `R1` (section 1)")
    );
}

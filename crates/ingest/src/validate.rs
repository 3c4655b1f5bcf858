//! Checks across records and sources: references, keys, periods and the arithmetic that must
//! hold between numbers (solved ≤ registered, answered after received, …).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::cell::Value;
use crate::contract::{ColumnType, SOLVED_CATEGORIES, SourceId, stat_codes};
use crate::diag::{Arg, Diagnostic, Msg, Severity};
use crate::period::Period;
use crate::read::Table;

type Tables = BTreeMap<SourceId, Table>;

/// Runs every cross check; returns the reporting period when the statistics define one.
pub fn check(tables: &Tables, out: &mut Vec<Diagnostic>) -> Option<Period> {
    for table in tables.values() {
        check_keys(table, out);
    }
    let units = tables.get(&SourceId::Units);
    if let Some(units) = units {
        check_unit_tree(units, out);
    }
    let codes: BTreeSet<String> = units
        .map(|u| (0..u.len()).filter_map(|i| u.text("code", i).map(str::to_string)).collect())
        .unwrap_or_default();
    if units.is_some() {
        for table in tables.values() {
            check_unit_refs(table, &codes, out);
        }
    }
    let period = tables.get(&SourceId::Statistics).and_then(|s| check_statistics(s, out));
    if let Some(t) = tables.get(&SourceId::Funding) {
        check_funding(t, period, out);
    }
    if let Some(t) = tables.get(&SourceId::Appeals) {
        check_appeals(t, period, out);
    }
    if let Some(t) = tables.get(&SourceId::Media) {
        check_media(t, out);
    }
    if let Some(t) = tables.get(&SourceId::Narrative) {
        check_narrative(t, out);
    }
    period
}

/// The chapters of rule 6 whose lead paragraph a narrative row can join.
const LEAD_ITEMS: std::ops::RangeInclusive<i64> = 1..=7;

/// What was done belongs to a chapter: `measures` rows name their item (1–7), and any item
/// given is one of those.
fn check_narrative(t: &Table, out: &mut Vec<Diagnostic>) {
    for i in 0..t.len() {
        match (t.text("section", i), t.int("item", i)) {
            (Some("measures"), None) => {
                out.push(t.diag(Severity::Error, "item", i, Msg::new("E-ITEM-MISSING")))
            }
            (_, Some(item)) if !LEAD_ITEMS.contains(&item) => {
                out.push(t.diag(Severity::Error, "item", i, Msg::new("E-ITEM").arg("item", item)))
            }
            _ => {}
        }
    }
}

fn key_text(v: &Value) -> String {
    match v {
        Value::Text(s) => s.clone(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Date(d) => d.format("%d.%m.%Y").to_string(),
        Value::Bool(b) => b.to_string(),
    }
}

pub(crate) fn check_keys(table: &Table, out: &mut Vec<Diagnostic>) {
    let key = table.source.key;
    if key.is_empty() {
        return;
    }
    // One string per key, its parts joined by a separator no cell holds.
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(table.len());
    for i in 0..table.len() {
        let Some(parts) = key.iter().map(|k| table.get(k, i).map(key_text)).collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let joined = parts.join("\u{1f}");
        if let Some(first) = seen.get(&joined) {
            let names = |pick: fn(&crate::contract::Column) -> &'static str| {
                key.iter().map(|k| table.source.column(k).map_or(*k, pick)).collect::<Vec<_>>().join(", ")
            };
            let columns = Arg::Name(Box::new([names(|c| c.kk), names(|c| c.ru), key.join(", ")]));
            out.push(
                table.diag(
                    Severity::Error,
                    key[key.len() - 1],
                    i,
                    Msg::new("E-DUPLICATE-KEY")
                        .arg("columns", columns)
                        .arg(
                            "values",
                            parts.iter().map(|p| crate::text::visible(p)).collect::<Vec<_>>().join(", "),
                        )
                        .arg("row", table.rows[*first] + 1),
                ),
            );
        } else {
            seen.insert(joined, i);
        }
    }
}

fn check_unit_tree(units: &Table, out: &mut Vec<Diagnostic>) {
    let parent_of: HashMap<&str, (Option<&str>, usize)> = (0..units.len())
        .filter_map(|i| units.text("code", i).map(|c| (c, (units.text("parent", i), i))))
        .collect();
    let roots: Vec<usize> = (0..units.len())
        .filter(|&i| units.text("code", i).is_some() && units.text("parent", i).is_none())
        .collect();
    match roots.len() {
        0 if !units.is_empty() => out.push(units.sheet_diag(Severity::Error, Msg::new("E-NO-DEPARTMENT"))),
        0 => out.push(units.sheet_diag(Severity::Error, Msg::new("E-NO-UNITS"))),
        1 => {}
        _ => {
            for &i in &roots[1..] {
                out.push(
                    units.diag(
                        Severity::Error,
                        "parent",
                        i,
                        Msg::new("E-SECOND-DEPARTMENT")
                            .arg("code", units.text("code", roots[0]).unwrap_or_default()),
                    ),
                );
            }
        }
    }
    // Folders named `SRK` and `srk` are one folder on Windows and macOS.
    let mut folded: HashMap<String, usize> = HashMap::new();
    for i in 0..units.len() {
        let Some(code) = units.text("code", i) else { continue };
        match folded.get(&code.to_lowercase()) {
            Some(&first) if units.text("code", first) != Some(code) => out.push(
                units.diag(
                    Severity::Error,
                    "code",
                    i,
                    Msg::new("E-CODE-CASE")
                        .arg("code", code)
                        .arg("other", units.text("code", first).unwrap_or_default())
                        .arg("row", units.rows[first] + 1),
                ),
            ),
            Some(_) => {}
            None => {
                folded.insert(code.to_lowercase(), i);
            }
        }
    }
    // A parent chain longer than the number of units must loop.
    for i in 0..units.len() {
        let Some(code) = units.text("code", i) else { continue };
        let mut current = code;
        for _ in 0..=units.len() {
            match parent_of.get(current).and_then(|(p, _)| *p) {
                Some(p) if p == code => {
                    out.push(units.diag(
                        Severity::Error,
                        "parent",
                        i,
                        Msg::new("E-UNIT-LOOP").arg("code", code),
                    ));
                    break;
                }
                Some(p) if parent_of.contains_key(p) => current = p,
                _ => break,
            }
        }
    }
    let mut children_population: HashMap<&str, i64> = HashMap::new();
    for i in 0..units.len() {
        if let (Some(p), Some(pop)) = (units.text("parent", i), units.int("population", i)) {
            *children_population.entry(p).or_default() += pop;
        }
    }
    for i in 0..units.len() {
        let (Some(code), Some(pop)) = (units.text("code", i), units.int("population", i)) else {
            continue;
        };
        if let Some(&sum) = children_population.get(code).filter(|&&s| s > pop) {
            out.push(units.diag(
                Severity::Warning,
                "population",
                i,
                Msg::new("W-POPULATION").arg("population", pop).arg("code", code).arg("sum", sum),
            ));
        }
    }
}

fn check_unit_refs(table: &Table, codes: &BTreeSet<String>, out: &mut Vec<Diagnostic>) {
    for column in table.source.columns.iter().filter(|c| c.ty == ColumnType::UnitCode) {
        for i in 0..table.len() {
            if let Some(code) = table.text(column.id, i).filter(|c| !codes.contains(*c)) {
                let code = crate::text::visible(code);
                let known: Vec<_> = codes.iter().take(12).map(String::as_str).collect();
                out.push(
                    table
                        .diag(
                            Severity::Error,
                            column.id,
                            i,
                            Msg::new("E-UNKNOWN-UNIT").arg("column", column.named()).arg("code", code),
                        )
                        .with_hint(Msg::new("hint-known-codes").arg("codes", known.join(", "))),
                );
            }
        }
    }
}

fn check_statistics(stats: &Table, out: &mut Vec<Diagnostic>) -> Option<Period> {
    let known: BTreeSet<String> = stat_codes().into_iter().map(|c| c.code).collect();
    for i in 0..stats.len() {
        if let Some(code) = stats.text("indicator", i).filter(|c| !known.contains(*c)) {
            let code = crate::text::visible(code);
            out.push(
                stats
                    .diag(
                        Severity::Error,
                        "indicator",
                        i,
                        Msg::new("E-UNKNOWN-INDICATOR")
                            .arg("column", stats.column_named("indicator"))
                            .arg("code", code),
                    )
                    .with_hint(Msg::new("hint-indicator-codes")),
            );
        }
    }
    let year = (0..stats.len()).filter_map(|i| stats.int("year", i)).max();
    let Some(year) = year else {
        out.push(stats.sheet_diag(Severity::Error, Msg::new("E-NO-STATISTICS")));
        return None;
    };
    // The period's months are those of the first row of the reporting year.
    let first = (0..stats.len()).find(|&i| stats.int("year", i) == Some(year))?;
    let months = stats.int("months", first)?;
    let mut has_previous = false;
    for i in 0..stats.len() {
        let (Some(y), Some(m)) = (stats.int("year", i), stats.int("months", i)) else { continue };
        if y != year && y != year - 1 {
            out.push(
                stats.diag(
                    Severity::Error,
                    "year",
                    i,
                    Msg::new("E-STAT-YEAR")
                        .arg("column", stats.column_named("year"))
                        .arg("year", year)
                        .arg("previous", year - 1)
                        .arg("found", y),
                ),
            );
        }
        has_previous |= y == year - 1;
        if m != months {
            out.push(
                stats.diag(
                    Severity::Error,
                    "months",
                    i,
                    Msg::new("E-STAT-MONTHS")
                        .arg("column", stats.column_named("months"))
                        .arg("months", months)
                        .arg("row", stats.rows[first] + 1)
                        .arg("found", m),
                ),
            );
        }
    }
    if !has_previous {
        out.push(stats.sheet_diag(Severity::Warning, Msg::new("W-NO-PREVIOUS-YEAR").arg("year", year - 1)));
    }
    check_stat_arithmetic(stats, out);
    Some(Period { year: year as i32, months: months as u32 })
}

fn check_stat_arithmetic(stats: &Table, out: &mut Vec<Diagnostic>) {
    // (unit, year, code) -> (value, record)
    let mut at: HashMap<(&str, i64, &str), (i64, usize)> = HashMap::new();
    for i in 0..stats.len() {
        if let (Some(u), Some(y), Some(c), Some(v)) =
            (stats.text("unit", i), stats.int("year", i), stats.text("indicator", i), stats.int("value", i))
        {
            at.insert((u, y, c), (v, i));
        }
    }
    let mut keys: Vec<_> = at.keys().map(|(u, y, _)| (*u, *y)).collect::<BTreeSet<_>>().into_iter().collect();
    keys.sort();
    for (unit, year) in keys {
        let get = |code: &str| at.get(&(unit, year, code)).copied();
        for (suffix, _, _) in SOLVED_CATEGORIES {
            let (reg, solved) = (format!("registered_{suffix}"), format!("solved_{suffix}"));
            if let (Some((r, ri)), Some((s, si))) = (get(&reg), get(&solved))
                && s > r
            {
                out.push(
                    stats.diag(
                        Severity::Error,
                        "value",
                        si,
                        Msg::new("E-SOLVED-GT-REGISTERED")
                            .arg("solved", solved.as_str())
                            .arg("s", s)
                            .arg("registered", reg.as_str())
                            .arg("r", r)
                            .arg("row", stats.rows[ri] + 1)
                            .arg("unit", unit)
                            .arg("year", year),
                    ),
                );
            }
        }
        let sums: [(&str, &[&str]); 2] = [
            ("registered_total", &["registered_misdemeanours", "registered_crimes"]),
            (
                "registered_crimes",
                &["registered_minor", "registered_medium", "registered_grave", "registered_especially_grave"],
            ),
        ];
        for (whole, parts) in sums {
            let values: Option<Vec<i64>> = parts.iter().map(|p| get(p).map(|(v, _)| v)).collect();
            if let (Some((w, wi)), Some(values)) = (get(whole), values) {
                let sum: i64 = values.iter().sum();
                if sum != w {
                    out.push(
                        stats.diag(
                            Severity::Warning,
                            "value",
                            wi,
                            Msg::new("W-PARTS-SUM")
                                .arg("whole", whole)
                                .arg("value", w)
                                .arg("parts", parts.join(" + "))
                                .arg("sum", sum)
                                .arg("unit", unit)
                                .arg("year", year),
                        ),
                    );
                }
            }
        }
    }
}

fn check_funding(t: &Table, period: Option<Period>, out: &mut Vec<Diagnostic>) {
    for i in 0..t.len() {
        if let (Some(a), Some(s)) = (t.float("allocated", i), t.float("spent", i))
            && s > a
        {
            out.push(t.diag(
                Severity::Warning,
                "spent",
                i,
                Msg::new("W-SPENT-GT-ALLOCATED").arg("spent", s.to_string()).arg("allocated", a.to_string()),
            ));
        }
        if let (Some(p), Some(y)) = (period, t.int("year", i))
            && y != i64::from(p.year)
            && y != i64::from(p.year - 1)
        {
            out.push(
                t.diag(
                    Severity::Error,
                    "year",
                    i,
                    Msg::new("E-FUNDING-YEAR")
                        .arg("column", t.column_named("year"))
                        .arg("year", p.year)
                        .arg("previous", p.year - 1)
                        .arg("found", y),
                ),
            );
        }
    }
}

fn check_appeals(t: &Table, period: Option<Period>, out: &mut Vec<Diagnostic>) {
    for i in 0..t.len() {
        let received = t.date("received", i);
        let answered = t.date("answered", i);
        if let (Some(r), Some(a)) = (received, answered)
            && a < r
        {
            out.push(
                t.diag(
                    Severity::Error,
                    "answered",
                    i,
                    Msg::new("E-ANSWERED-BEFORE-RECEIVED")
                        .arg("answered", a.format("%d.%m.%Y").to_string())
                        .arg("received", r.format("%d.%m.%Y").to_string()),
                ),
            );
        }
        if answered.is_some() && t.text("outcome", i).is_none() {
            out.push(t.diag(
                Severity::Error,
                "outcome",
                i,
                Msg::new("E-OUTCOME-MISSING").arg("column", t.column_named("outcome")),
            ));
        }
        // Questions sent ahead of the meeting arrive after the period: expected, not counted.
        let for_meeting = matches!(t.get("for_meeting", i), Some(Value::Bool(true)));
        if let (Some(p), Some(r)) = (period, received)
            && !for_meeting
            && p.of_date(r).is_none()
            && p.previous().of_date(r).is_none()
        {
            out.push(
                t.diag(
                    Severity::Warning,
                    "received",
                    i,
                    Msg::new("W-APPEAL-OUTSIDE")
                        .arg("received", r.format("%d.%m.%Y").to_string())
                        .arg("period", p.named()),
                ),
            );
        }
    }
}

fn check_media(t: &Table, out: &mut Vec<Diagnostic>) {
    for i in 0..t.len() {
        // A response in one language only would print as "no response" in the other report.
        match (t.text("response_kk", i), t.text("response_ru", i)) {
            (Some(_), None) => {
                out.push(t.diag(Severity::Error, "response_ru", i, Msg::new("E-RESPONSE-KK-ONLY")))
            }
            (None, Some(_)) => {
                out.push(t.diag(Severity::Error, "response_kk", i, Msg::new("E-RESPONSE-RU-ONLY")))
            }
            _ => {}
        }
        if let (Some(d), Some(r)) = (t.date("date", i), t.date("response_date", i))
            && r < d
        {
            out.push(
                t.diag(
                    Severity::Error,
                    "response_date",
                    i,
                    Msg::new("E-RESPONSE-BEFORE-PUBLICATION")
                        .arg("response", r.format("%d.%m.%Y").to_string())
                        .arg("published", d.format("%d.%m.%Y").to_string()),
                ),
            );
        }
    }
}

//! A fictional police department for demonstrations and tests: Сарыарқа region, a city with
//! three districts, a second city and seven rural districts, two years of figures with
//! magnitudes true to Kazakhstan. Deterministic: the same seed gives identical workbooks.
#![deny(missing_docs)]

mod national;
mod people;
mod rng;

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use esep_ingest::contract::{ColumnType, SOURCES, SourceId};
use esep_render::Error;
use esep_render::{Cell, ContractOptions, Lang, contract_workbook};

use crate::rng::Rng;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Seed of the generator.
    pub seed: u64,
    /// Reporting year.
    pub year: i32,
    /// Months since 1 January: 3, 6, 9 or 12.
    pub months: u32,
    /// Police bodies below the department: the demo's 12, or more rural districts added
    /// after them (for trials of large departments).
    pub bodies: usize,
}

impl Default for Options {
    /// The bundled demo: seed 608 (the order's number), 12 months of 2025, 12 bodies.
    fn default() -> Self {
        Self { seed: 608, year: 2025, months: 12, bodies: DEMO_BODIES }
    }
}

/// Bodies of the bundled demo below its department.
pub const DEMO_BODIES: usize = 12;

/// One unit of the fictional region.
#[derive(Clone)]
struct UnitDef {
    code: String,
    parent: Option<String>,
    level: &'static str,
    kk: String,
    ru: String,
    /// Own population; 0 for bodies that only aggregate others.
    population: i64,
    /// Registered offences per 10 000 people a year.
    rate: f64,
    rural: bool,
    /// Where the body sits (kk, ru): meetings are held and narratives set there.
    seat: (String, String),
}

/// A unit of the bundled demo, as declared.
struct Def {
    code: &'static str,
    parent: Option<&'static str>,
    level: &'static str,
    kk: &'static str,
    ru: &'static str,
    population: i64,
    rate: f64,
    rural: bool,
}

const DEMO: &[Def] = &[
    Def {
        code: "SRK",
        parent: None,
        level: "region",
        kk: "Сарыарқа облысының Полиция департаменті",
        ru: "Департамент полиции Сарыаркинской области",
        population: 0,
        rate: 0.0,
        rural: false,
    },
    Def {
        code: "SRK-AKZ",
        parent: Some("SRK"),
        level: "city",
        kk: "Ақжар қаласының Полиция басқармасы",
        ru: "Управление полиции города Акжар",
        population: 0,
        rate: 0.0,
        rural: false,
    },
    Def {
        code: "SRK-AKZ-AL",
        parent: Some("SRK-AKZ"),
        level: "district_in_city",
        kk: "Ақжар қаласы Алатау ауданының Полиция басқармасы",
        ru: "Управление полиции Алатауского района города Акжар",
        population: 168_400,
        rate: 142.0,
        rural: false,
    },
    Def {
        code: "SRK-AKZ-SZ",
        parent: Some("SRK-AKZ"),
        level: "district_in_city",
        kk: "Ақжар қаласы Сарыжайлау ауданының Полиция басқармасы",
        ru: "Управление полиции Сарыжайлауского района города Акжар",
        population: 141_900,
        rate: 128.0,
        rural: false,
    },
    Def {
        code: "SRK-AKZ-OZ",
        parent: Some("SRK-AKZ"),
        level: "district_in_city",
        kk: "Ақжар қаласы Өзен ауданының Полиция басқармасы",
        ru: "Управление полиции Озенского района города Акжар",
        population: 92_300,
        rate: 116.0,
        rural: false,
    },
    Def {
        code: "SRK-KTL",
        parent: Some("SRK"),
        level: "city",
        kk: "Көктал қаласының Полиция басқармасы",
        ru: "Управление полиции города Коктал",
        population: 118_600,
        rate: 104.0,
        rural: false,
    },
    Def {
        code: "SRK-BRL",
        parent: Some("SRK"),
        level: "district",
        kk: "Бірлік ауданының Полиция бөлімі",
        ru: "Отдел полиции Бирликского района",
        population: 64_200,
        rate: 78.0,
        rural: true,
    },
    Def {
        code: "SRK-NRL",
        parent: Some("SRK"),
        level: "district",
        kk: "Нұрлы ауданының Полиция бөлімі",
        ru: "Отдел полиции Нурлинского района",
        population: 47_800,
        rate: 71.0,
        rural: true,
    },
    Def {
        code: "SRK-ZHJ",
        parent: Some("SRK"),
        level: "district",
        kk: "Жаңажол ауданының Полиция бөлімі",
        ru: "Отдел полиции Жанажольского района",
        population: 40_600,
        rate: 66.0,
        rural: true,
    },
    Def {
        code: "SRK-SHL",
        parent: Some("SRK"),
        level: "district",
        kk: "Шалқар ауданының Полиция бөлімі",
        ru: "Отдел полиции Шалкарского района",
        population: 36_900,
        rate: 62.0,
        rural: true,
    },
    Def {
        code: "SRK-TZK",
        parent: Some("SRK"),
        level: "district",
        kk: "Тұзкөл ауданының Полиция бөлімі",
        ru: "Отдел полиции Тузкольского района",
        population: 33_100,
        rate: 58.0,
        rural: true,
    },
    Def {
        code: "SRK-KRG",
        parent: Some("SRK"),
        level: "district",
        kk: "Қарағайлы ауданының Полиция бөлімі",
        ru: "Отдел полиции Карагайлинского района",
        population: 28_700,
        rate: 55.0,
        rural: true,
    },
    Def {
        code: "SRK-BLK",
        parent: Some("SRK"),
        level: "district",
        kk: "Балқантау ауданының Полиция бөлімі",
        ru: "Отдел полиции Балкантауского района",
        population: 21_400,
        rate: 51.0,
        rural: true,
    },
];

/// Language of each demo workbook's headers and labels: analysts keep sheets in both.
fn lang_of(id: SourceId) -> Lang {
    match id {
        SourceId::Statistics | SourceId::Survey | SourceId::Appeals | SourceId::Meeting => Lang::Ru,
        _ => Lang::Kk,
    }
}

/// The units of the department to generate: the demo's, then extra rural districts.
fn department(opts: &Options) -> Vec<UnitDef> {
    let mut units: Vec<UnitDef> = DEMO
        .iter()
        .take(opts.bodies.min(DEMO_BODIES) + 1)
        .enumerate()
        .map(|(k, d)| UnitDef {
            code: d.code.to_string(),
            parent: d.parent.map(str::to_string),
            level: d.level,
            kk: d.kk.to_string(),
            ru: d.ru.to_string(),
            population: d.population,
            rate: d.rate,
            rural: d.rural,
            seat: seat(k),
        })
        .collect();
    // A city kept without its districts would aggregate nothing: give it a population.
    if opts.bodies < DEMO_BODIES {
        let leaves_of = |code: &str, units: &[UnitDef]| {
            units.iter().filter(|u| u.parent.as_deref() == Some(code)).count()
        };
        let empty: Vec<usize> = (1..units.len())
            .filter(|&k| units[k].population == 0 && leaves_of(&units[k].code, &units) == 0)
            .collect();
        for k in empty {
            units[k].population = 250_000;
            units[k].rate = 120.0;
        }
    }
    for k in 0..opts.bodies.saturating_sub(DEMO_BODIES) {
        let (kk, ru) = people::district(k);
        // Stable, not drawn from the main stream: the demo's own figures stay as they are.
        let population = 12_000 + (k as i64 * 7_919) % 48_000;
        units.push(UnitDef {
            code: format!("SRK-D{:03}", k + 1),
            parent: Some("SRK".into()),
            level: "district",
            kk,
            ru,
            population,
            rate: 50.0 + (k % 7) as f64 * 4.0,
            rural: true,
            seat: seat(DEMO_BODIES + 1 + k),
        });
    }
    units
}

/// The seat of the demo's `k`-th unit.
fn seat(k: usize) -> (String, String) {
    let (kk, ru) = people::settlement(k);
    (kk.to_string(), ru.to_string())
}

/// The media the demo department announces its meetings in.
const DEMO_OUTLETS: &str =
    "«Сарыарқа таңы» газеті, «Вечерний Акжар», sarbaz-news.kz, полицияның Instagram парақшасы";

fn population(units: &[UnitDef], code: &str) -> i64 {
    units.iter().filter(|u| is_within(&u.code, code)).map(|u| u.population).sum()
}

fn is_within(code: &str, ancestor: &str) -> bool {
    code == ancestor || code.starts_with(&format!("{ancestor}-"))
}

fn leaves(units: &[UnitDef]) -> impl Iterator<Item = &UnitDef> {
    units.iter().filter(|u| u.population > 0)
}

/// Records per source: one row per record, one cell per contract column.
pub type Rows = BTreeMap<SourceId, Vec<Vec<Cell>>>;

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn num(v: impl Into<f64>) -> Cell {
    Cell::Number(v.into())
}

/// The demo's records, one row per record with one cell per contract column. Choice cells
/// hold ids; [`workbooks`] writes them as labels of the workbook's language.
pub fn rows(opts: &Options) -> Rows {
    rows_of(&department(opts), DEMO_OUTLETS, opts)
}

fn rows_of(units: &[UnitDef], outlets: &str, opts: &Options) -> Rows {
    let mut rng = Rng::new(opts.seed);
    let mut out = Rows::new();
    let period_end = esep_ingest::Period { year: opts.year, months: opts.months }.end();
    out.insert(SourceId::Units, unit_rows(units, &mut rng, opts));
    out.insert(SourceId::Statistics, statistics(units, &mut rng, opts));
    out.insert(SourceId::Programmes, programmes(units, &mut rng, opts, period_end));
    out.insert(SourceId::Survey, survey(units, &mut rng, opts));
    out.insert(SourceId::Funding, funding(units, &mut rng, opts));
    let meetings = meetings(units, &mut rng, opts, outlets);
    out.insert(SourceId::Appeals, appeals(units, &mut rng, opts, &meetings));
    out.insert(SourceId::Media, media(units, &mut rng, opts));
    out.insert(SourceId::Narrative, narrative(units, &mut rng));
    out.insert(SourceId::Meeting, meetings.into_iter().map(|(_, row)| row).collect());
    out
}

/// An input folder: file name and bytes of each workbook.
pub type Folder = Vec<(String, Vec<u8>)>;

/// The demo input folder: file name and bytes of each workbook.
pub fn workbooks(opts: &Options) -> Result<Folder, Error> {
    workbooks_of(&department(opts), DEMO_OUTLETS, opts, |_| {})
}

/// The demo input folder with its records changed by `edit` first (a corrected cell, for
/// trials of rebuilds).
pub fn workbooks_edited(opts: &Options, edit: impl FnOnce(&mut Rows)) -> Result<Folder, Error> {
    workbooks_of(&department(opts), DEMO_OUTLETS, opts, edit)
}

/// Codes of the country's twenty police departments, for [`national_workbooks`].
pub fn national_codes() -> Vec<&'static str> {
    national::codes()
}

/// The input folder of the `k`-th department of [`national_codes`] (its seed varied by `k`),
/// or `None` past the last.
pub fn national_workbooks(k: usize, opts: &Options) -> Result<Option<Folder>, Error> {
    national_workbooks_edited(k, opts, |_| {})
}

/// [`national_workbooks`] with the records changed by `edit` first.
pub fn national_workbooks_edited(
    k: usize,
    opts: &Options,
    edit: impl FnOnce(&mut Rows),
) -> Result<Option<Folder>, Error> {
    let Some((units, outlets)) = national::department(k) else { return Ok(None) };
    let opts = Options { seed: opts.seed.wrapping_add(k as u64 * 1_000_003), ..*opts };
    workbooks_of(&units, &outlets, &opts, edit).map(Some)
}

fn workbooks_of(
    units: &[UnitDef],
    outlets: &str,
    opts: &Options,
    edit: impl FnOnce(&mut Rows),
) -> Result<Folder, Error> {
    let mut rows = rows_of(units, outlets, opts);
    edit(&mut rows);
    let codes: Vec<String> = units.iter().map(|u| u.code.clone()).collect();
    let created = NaiveDate::from_ymd_opt(opts.year + 1, 1, 15).unwrap_or_default();
    let mut files = Vec::new();
    for src in SOURCES {
        let lang = lang_of(src.id);
        let labelled: Vec<Vec<Cell>> = rows[&src.id]
            .iter()
            .map(|row| {
                row.iter()
                    .zip(src.columns)
                    .map(|(cell, column)| match (cell, column.ty) {
                        (Cell::Text(id), ColumnType::Choice(choices)) => {
                            let c = choices.iter().find(|c| c.id == id);
                            text(c.map_or(id.as_str(), |c| lang.pick(c.kk, c.ru)))
                        }
                        (Cell::Text(ids), ColumnType::ChoiceSet(choices)) => text(
                            ids.split(';')
                                .map(|id| {
                                    choices.iter().find(|c| c.id == id).map_or(id, |c| lang.pick(c.kk, c.ru))
                                })
                                .collect::<Vec<_>>()
                                .join("; "),
                        ),
                        (Cell::Text(id), ColumnType::YesNo) => text(if id == "yes" {
                            lang.pick("иә", "да")
                        } else {
                            lang.pick("жоқ", "нет")
                        }),
                        _ => cell.clone(),
                    })
                    .collect()
            })
            .collect();
        let options = ContractOptions { lang, unit_codes: &codes, created };
        let bytes = contract_workbook(src, &labelled, &options)?;
        files.push((format!("{}.xlsx", src.name), bytes));
    }
    Ok(files)
}

fn unit_rows(units: &[UnitDef], rng: &mut Rng, opts: &Options) -> Vec<Vec<Cell>> {
    let census = NaiveDate::from_ymd_opt(opts.year, 1, 1).unwrap_or_default();
    units
        .iter()
        .enumerate()
        .map(|(k, u)| {
            let (name, rank_kk, rank_ru) = people::chief(k, rng);
            vec![
                text(&u.code),
                u.parent.as_deref().map_or(Cell::Empty, text),
                text(u.level),
                text(&u.kk),
                text(&u.ru),
                num(population(units, &u.code) as f64),
                // The population grows about 1.1 % a year.
                num((population(units, &u.code) as f64 / 1.011).round()),
                Cell::Date(census),
                text(name),
                text(rank_kk),
                text(rank_ru),
            ]
        })
        .collect()
}

/// Splits `total` by `shares` (summing to ≤ 1), the remainder going to the first part.
fn split(total: i64, shares: &[f64], rng: &mut Rng) -> Vec<i64> {
    let mut parts: Vec<i64> =
        shares.iter().map(|s| (total as f64 * s * rng.noise(0.08)).round() as i64).collect();
    let rest = total - parts[1..].iter().sum::<i64>();
    parts[0] = rest.max(0);
    parts
}

fn statistics(units: &[UnitDef], rng: &mut Rng, opts: &Options) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let frac = f64::from(opts.months) / 12.0;
    for u in leaves(units) {
        // Each unit has its own clearance level and a trend between the two years.
        let clearance = rng.uniform(0.52, 0.78);
        let trend = rng.uniform(0.86, 1.07);
        for year in [opts.year - 1, opts.year] {
            let level = if year == opts.year { trend } else { 1.0 };
            let pop = u.population as f64;
            let mut v: Vec<(String, i64)> = Vec::new();
            let total = rng.poisson(pop / 10_000.0 * u.rate * frac * level);
            let misd = (total as f64 * rng.uniform(0.09, 0.13)).round() as i64;
            let crimes = total - misd;
            let g = split(crimes, &[0.52, 0.30, 0.15, 0.03], rng);
            v.push(("registered_total".into(), total));
            v.push(("registered_misdemeanours".into(), misd));
            v.push(("registered_crimes".into(), crimes));
            for (k, name) in ["minor", "medium", "grave", "especially_grave"].iter().enumerate() {
                v.push((format!("registered_{name}"), g[k]));
            }
            let share = |rng: &mut Rng, s: f64| rng.poisson(total as f64 * s);
            let fraud = share(rng, 0.31);
            let types: Vec<(&str, i64, f64)> = vec![
                ("theft", share(rng, 0.26), 0.52),
                ("fraud", fraud, 0.33),
                ("robbery", share(rng, 0.03), 0.74),
                ("brigandage", share(rng, 0.006), 0.88),
                ("murder", share(rng, 0.004), 0.96),
                ("grievous_harm", share(rng, 0.006), 0.92),
                ("rape", share(rng, 0.003), 0.9),
                ("hooliganism", share(rng, 0.02), 0.86),
                ("drugs", share(rng, 0.04), 0.98),
                ("cattle_theft", share(rng, if u.rural { 0.035 } else { 0.002 }), 0.5),
                ("public_places", share(rng, 0.22), 0.62),
                ("streets", share(rng, 0.11), 0.57),
            ];
            v.push((
                "registered_internet_fraud".into(),
                (fraud as f64 * rng.uniform(0.55, 0.7)).round() as i64,
            ));
            v.push(("registered_domestic".into(), share(rng, 0.08)));
            v.push(("registered_by_minors".into(), share(rng, 0.025)));
            v.push(("registered_repeat".into(), share(rng, 0.18)));
            v.push(("registered_intoxicated".into(), share(rng, 0.06)));
            let solve = |rng: &mut Rng, n: i64, p: f64| -> i64 {
                ((n as f64 * (p * rng.noise(0.06)).clamp(0.0, 1.0)).round() as i64).min(n)
            };
            let sg: Vec<i64> = [0.06, 0.0, -0.06, 0.16]
                .iter()
                .zip(&g)
                .map(|(d, n)| solve(rng, *n, (clearance + d).min(0.97)))
                .collect();
            let solved_crimes: i64 = sg.iter().sum();
            let solved_total = solved_crimes + solve(rng, misd, (clearance + 0.1).min(0.95));
            for (name, n, p) in &types {
                v.push((format!("registered_{name}"), *n));
                v.push((format!("solved_{name}"), solve(rng, *n, *p)));
            }
            v.push(("solved_total".into(), solved_total));
            v.push(("solved_crimes".into(), solved_crimes));
            for (k, name) in ["minor", "medium", "grave", "especially_grave"].iter().enumerate() {
                v.push((format!("solved_{name}"), sg[k]));
            }
            v.push(("sent_to_court".into(), (solved_total as f64 * rng.uniform(0.68, 0.82)).round() as i64));
            v.push((
                "interrupted_unidentified".into(),
                ((total - solved_total) as f64 * rng.uniform(0.8, 0.95)).round() as i64,
            ));
            v.push(("admin_offences".into(), rng.poisson(pop * 0.12 * frac * level)));
            let accidents = rng.poisson(pop / 10_000.0 * 4.2 * frac);
            v.push(("road_accidents".into(), accidents));
            v.push(("road_deaths".into(), rng.poisson(pop / 100_000.0 * 11.5 * frac).min(accidents)));
            v.push(("road_injured".into(), rng.poisson(accidents as f64 * 1.3)));
            v.push(("road_drunk_drivers".into(), rng.poisson(pop / 10_000.0 * 6.0 * frac)));
            let corruption = rng.poisson(pop / 100_000.0 * 9.0 * frac);
            v.push(("corruption_registered".into(), corruption));
            v.push(("corruption_sent_to_court".into(), (corruption as f64 * 0.7).round() as i64));
            v.push(("officers_prosecuted".into(), rng.poisson(pop / 100_000.0 * 1.2 * frac)));
            // Template order keeps the sheet readable.
            let order: Vec<String> =
                esep_ingest::contract::stat_codes().into_iter().map(|c| c.code).collect();
            v.sort_by_key(|(code, _)| order.iter().position(|c| c == code));
            for (code, value) in v {
                rows.push(vec![text(&u.code), num(year), num(opts.months), text(code), num(value as f64)]);
            }
        }
    }
    rows
}

fn programmes(units: &[UnitDef], rng: &mut Rng, opts: &Options, end: NaiveDate) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for u in leaves(units) {
        let picks = rng.below(3) + 3;
        for m in people::MEASURES.iter().cycle().skip(rng.below(people::MEASURES.len())).take(picks) {
            let target = (m.per_10k * u.population as f64 / 10_000.0).ceil().max(1.0);
            let ratio = rng.uniform(0.55, 1.2);
            let actual = (target * ratio).round().min(target * 1.2);
            let deadline = NaiveDate::from_ymd_opt(opts.year, [3, 6, 9, 12][rng.below(4)], 28).unwrap_or(end);
            let status = if actual >= target {
                "done"
            } else if deadline < end {
                if rng.chance(0.5) { "overdue" } else { "not_done" }
            } else {
                "in_progress"
            };
            rows.push(vec![
                text(&u.code),
                text(m.level),
                text(m.programme_kk),
                text(m.programme_ru),
                text(m.kk),
                text(m.ru),
                text(m.unit),
                num(target),
                num(actual),
                Cell::Date(deadline),
                text(status),
            ]);
        }
    }
    rows
}

fn survey(units: &[UnitDef], rng: &mut Rng, opts: &Options) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let weights: Vec<f64> = leaves(units).map(|u| (u.population as f64).powf(0.6)).collect();
    let total: f64 = weights.iter().sum();
    for (year, size) in [(opts.year - 1, 1880.0), (opts.year, 2010.0)] {
        let end = esep_ingest::Period { year, months: opts.months }.end();
        let mut n = 0;
        for (u, w) in leaves(units).zip(&weights) {
            // Trust differs by unit and rose a little over the year.
            let lean = rng.uniform(-0.35, 0.35) + if year == opts.year { 0.12 } else { 0.0 };
            for _ in 0..(size * w / total).round() as usize {
                n += 1;
                let date = end - Duration::days(rng.below(55) as i64);
                let likert = |rng: &mut Rng, shift: f64| -> Cell {
                    if rng.chance(0.03) {
                        return Cell::Empty;
                    }
                    num(rng.likert(3.55 + lean + shift) as f64)
                };
                let contact = rng.chance(0.58);
                rows.push(vec![
                    text(format!("R{}-{n:05}", year % 100)),
                    text(&u.code),
                    Cell::Date(date),
                    text(if rng.chance(0.47) { "male" } else { "female" }),
                    text(
                        ["15-24", "25-34", "35-44", "45-54", "55-64", "65+"]
                            [rng.weighted(&[0.17, 0.22, 0.2, 0.17, 0.14, 0.1])],
                    ),
                    num((rng.uniform(0.55, 1.75) * 100.0).round() / 100.0),
                    likert(rng, 0.0),
                    likert(rng, 0.45),
                    likert(rng, -0.55),
                    if contact { likert(rng, 0.1) } else { Cell::Empty },
                    text(if rng.chance(0.03) { "yes" } else { "no" }),
                    text(if rng.chance(0.46 + lean / 4.0) { "yes" } else { "no" }),
                ]);
            }
        }
    }
    rows
}

fn funding(units: &[UnitDef], rng: &mut Rng, opts: &Options) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let purposes = [
        ("video_surveillance", 60.0),
        ("vehicles", 45.0),
        ("premises", 25.0),
        ("equipment", 12.0),
        ("communications", 6.0),
    ];
    for u in leaves(units) {
        for year in [opts.year - 1, opts.year] {
            for (purpose, mln_per_100k) in purposes.iter().take(3 + rng.below(3)) {
                let allocated =
                    (mln_per_100k * u.population as f64 / 100_000.0 * rng.uniform(0.6, 1.5) * 10.0).round()
                        * 100_000.0;
                let spent = (allocated * rng.uniform(0.78, 1.0) / 1000.0).round() * 1000.0;
                rows.push(vec![text(&u.code), num(year), text(*purpose), num(allocated), num(spent)]);
            }
        }
    }
    rows
}

/// The next weekday on or after `d`.
fn weekday_on_or_after(mut d: NaiveDate) -> NaiveDate {
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d = d.succ_opt().unwrap_or(d);
    }
    d
}

fn meetings(units: &[UnitDef], rng: &mut Rng, opts: &Options, outlets: &str) -> Vec<(String, Vec<Cell>)> {
    let start = esep_ingest::Period { year: opts.year, months: opts.months }.end() + Duration::days(25);
    units
        .iter()
        .enumerate()
        .map(|(k, u)| {
            // Every meeting within the first quarter (rule 4), however many bodies.
            let date = weekday_on_or_after(start + Duration::days((2 * k as i64) % 56 + rng.below(3) as i64));
            let announced = date - Duration::days(12 + rng.below(8) as i64);
            let (place_kk, place_ru) = people::place(k, &u.seat);
            let capacity = 150 + 25 * rng.below(10);
            let row = vec![
                text(&u.code),
                Cell::Date(date),
                text(if k.is_multiple_of(2) { "11:00" } else { "15:00" }),
                text(place_kk),
                text(place_ru),
                num(capacity as f64),
                num((capacity * 4 / 5) as f64),
                Cell::Date(announced),
                text(outlets),
                text(people::QUESTIONS_KK),
                text(people::QUESTIONS_RU),
                // The local executive body and every group of rule 11, and others besides.
                text(esep_ingest::contract::INVITEES.iter().map(|c| c.id).collect::<Vec<_>>().join(";")),
                text(people::INVITED_OTHER_KK),
                text(people::INVITED_OTHER_RU),
                text(people::secretary(k)),
            ];
            (u.code.clone(), row)
        })
        .collect()
}

fn appeals(
    units: &[UnitDef],
    rng: &mut Rng,
    opts: &Options,
    meetings: &[(String, Vec<Cell>)],
) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let mut n = 0;
    for year in [opts.year - 1, opts.year] {
        let period = esep_ingest::Period { year, months: opts.months };
        let days = (period.end() - period.start()).num_days() + 1;
        for u in leaves(units) {
            let count = rng.poisson(u.population as f64 / 10_000.0 * 6.0 * f64::from(opts.months) / 12.0);
            for _ in 0..count {
                n += 1;
                let received = period.start() + Duration::days(rng.below(days as usize) as i64);
                let pending = (period.end() - received).num_days() < 12 && rng.chance(0.4);
                let late = rng.chance(0.07);
                let answered = received + Duration::days(1 + rng.below(if late { 40 } else { 20 }) as i64);
                let topic = people::topic(rng.below(people::TOPICS.len()), year % 2 == 0);
                let applicant = ["individual", "legal_entity", "maslikhat_deputy", "state_body"]
                    [rng.weighted(&[0.8, 0.08, 0.05, 0.07])];
                let kind = ["complaint", "proposal", "request"][rng.weighted(&[0.35, 0.15, 0.5])];
                let outcome = ["satisfied", "explained", "rejected", "forwarded"]
                    [rng.weighted(&[0.35, 0.45, 0.12, 0.08])];
                rows.push(vec![
                    text(format!("{}-{:05}", year % 100, n)),
                    text(&u.code),
                    Cell::Date(received),
                    if pending { Cell::Empty } else { Cell::Date(answered) },
                    text(applicant),
                    text(kind),
                    text(topic),
                    Cell::Empty,
                    if pending { Cell::Empty } else { text(outcome) },
                    text(if (answered - received).num_days() > 21 { "yes" } else { "no" }),
                    text("no"),
                ]);
            }
        }
    }
    // Questions sent ahead of each meeting (rule 8.2), to be pre-listed in the protocol.
    for (code, row) in meetings {
        let (Cell::Date(date), Cell::Date(announced)) = (&row[1], &row[7]) else { continue };
        for q in 0..2 + rng.below(3) {
            n += 1;
            let received = *announced
                + Duration::days(1 + rng.below(((*date - *announced).num_days() - 1).max(1) as usize) as i64);
            rows.push(vec![
                text(format!("{}-{:05}", (opts.year + 1) % 100, n)),
                text(code.clone()),
                Cell::Date(received),
                Cell::Empty,
                text("individual"),
                text(if q % 2 == 0 { "proposal" } else { "complaint" }),
                text(people::topic(rng.below(people::TOPICS.len()), q % 2 == 1)),
                Cell::Empty,
                Cell::Empty,
                text("no"),
                text("yes"),
            ]);
        }
    }
    rows
}

fn media(units: &[UnitDef], rng: &mut Rng, opts: &Options) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let mut n = 0;
    for year in [opts.year - 1, opts.year] {
        let period = esep_ingest::Period { year, months: opts.months };
        let days = (period.end() - period.start()).num_days() - 20;
        for u in leaves(units) {
            for _ in 0..rng.poisson(u.population as f64 / 60_000.0 * f64::from(opts.months) / 12.0 + 0.6) {
                n += 1;
                let date = period.start() + Duration::days(rng.below(days as usize) as i64);
                let (outlet, title, response) = people::publication(rng.below(people::PUBLICATIONS.len()));
                let answered = rng.chance(0.82);
                rows.push(vec![
                    text(format!("M{}-{n:03}", year % 100)),
                    text(&u.code),
                    Cell::Date(date),
                    text(outlet.0),
                    text(outlet.1),
                    text(title),
                    Cell::Empty,
                    if answered { text(response.0) } else { Cell::Empty },
                    if answered { text(response.1) } else { Cell::Empty },
                    if answered {
                        Cell::Date(date + Duration::days(2 + rng.below(12) as i64))
                    } else {
                        Cell::Empty
                    },
                ]);
            }
        }
    }
    rows
}

fn narrative(units: &[UnitDef], rng: &mut Rng) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for (k, u) in units.iter().enumerate() {
        let place = (u.seat.0.as_str(), u.seat.1.as_str());
        for (section, item, kk, ru) in people::narrative(k, &place, rng) {
            let item = item.map_or(Cell::Empty, |n| num(f64::from(n)));
            rows.push(vec![text(&u.code), text(section), item, text(kk), text(ru)]);
        }
    }
    rows
}

/// The source a file of [`workbooks`] holds.
pub fn file_source(name: &str) -> Option<SourceId> {
    SOURCES.iter().find(|s| format!("{}.xlsx", s.name) == name).map(|s| s.id)
}

/// Population of a demo unit including its bodies (for tests).
pub fn demo_population(code: &str) -> i64 {
    population(&department(&Options::default()), code)
}

/// Codes of the demo units, department first.
pub fn demo_units() -> Vec<&'static str> {
    DEMO.iter().map(|u| u.code).collect()
}

/// Fills a unit's protocol workbook rows as its secretary would have at the meeting of `date`
/// (the demo's filled protocols, `k` varying them): times, participants, the secretary's post,
/// two decisions, the questions sent ahead answered, and items from the floor — one answered,
/// one to be checked under the APPC, one for another body.
pub fn fill_protocol(rows: &mut esep_render::protocol::ProtocolRows, date: NaiveDate, k: usize) {
    use esep_ingest::contract::{SourceId, source};
    let at = |id: SourceId, column: &str| source(id).columns.iter().position(|c| c.id == column).unwrap_or(0);
    if let Some(p) = rows.protocol.first_mut() {
        let capacity = match p[at(SourceId::Protocol, "capacity")] {
            Cell::Number(n) => n as usize,
            _ => 200,
        };
        p[at(SourceId::Protocol, "start")] = text(if k.is_multiple_of(2) { "11:00" } else { "15:00" });
        p[at(SourceId::Protocol, "end")] = text(if k.is_multiple_of(2) { "12:55" } else { "17:10" });
        p[at(SourceId::Protocol, "drawn_up")] = Cell::Date(date);
        p[at(SourceId::Protocol, "participants")] = num((capacity * 3 / 4) as f64);
        p[at(SourceId::Protocol, "secretary_post")] = text("инспектор штаба");
        p[at(SourceId::Protocol, "secretary_rank")] = text("полиция капитаны");
    }
    let d = |n: f64, said: &str| vec![num(n), text(said), Cell::Empty];
    rows.decisions = vec![
        d(1.0, "Кешкі уақытта көшелерді күзетуді күшейту."),
        d(2.0, "Обратиться в акимат по освещению дворов и установке камер."),
    ];
    let item = |column: &str| at(SourceId::Items, column);
    for row in &mut rows.items {
        row[item("answered")] = text("иә");
        row[item("answer")] = text("Кездесуде түсіндірілді");
        row[item("competence")] = text("иә");
    }
    let width = source(SourceId::Items).columns.len();
    let floor: [(&str, &str, &str, &str, &str, &str, &str); 3] = [
        (
            "Ахметова Гүлнар",
            "+7 701 000 00 01",
            "шағым",
            "Не работает освещение во дворе дома 12",
            "жоқ",
            "жоқ",
            "қала әкімдігі",
        ),
        (
            "Иванов Пётр",
            "Абай көшесі, 5, 3-пәтер",
            "ескерту",
            "Долго ждали наряд после вызова",
            "жоқ",
            "иә",
            "",
        ),
        ("", "", "сұрақ", "Соттылығы жоқ екені туралы анықтаманы қалай алуға болады?", "иә", "иә", ""),
    ];
    let first = rows.items.len();
    for (n, (who, contact, kind, said, answered, competence, body)) in floor.into_iter().enumerate() {
        let mut row = vec![Cell::Empty; width];
        row[item("number")] = num((first + n + 1) as f64);
        row[item("applicant_name")] = text(who);
        row[item("contact")] = text(contact);
        row[item("applicant")] = text("жеке тұлға");
        row[item("kind")] = text(kind);
        row[item("text")] = text(said);
        row[item("answered")] = text(answered);
        if answered == "иә" {
            row[item("answer")] = text("egov.kz порталы арқылы");
        }
        row[item("competence")] = text(competence);
        row[item("competent_body")] = text(body);
        row[item("responsible")] = text(if body.is_empty() { "Оспанов Е." } else { "" });
        rows.items.push(row);
    }
}

/// The follow-up register of a body's previous meeting on `meeting` (the demo's `followup/`),
/// as its staff kept it: items answered in time and one forwarded to the akimat with its
/// applicant told; for `k` = 0 also one answered late and one whose extended term ran out while
/// still open.
/// `unit` holds the code, names and chief (kk, ru) of the register's `meeting` sheet.
pub fn previous_register(
    unit: [&str; 5],
    meeting: NaiveDate,
    k: usize,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use esep_ingest::contract::{SourceId, source};
    let after = |n: u64| Cell::Date(meeting + chrono::Days::new(n));
    // Applicant, contact, kind, text, competence, responsible, and what became of it.
    type Done = &'static [(&'static str, u64, &'static str)];
    let items: [(&str, &str, &str, &str, &str, &str, Done); 5] = [
        (
            "Жақсылықов Ерлан",
            "+7 705 123 45 67",
            "ұсыныс",
            "Мектеп маңында жаяу жүргіншілер өткелін белгілеу",
            "иә",
            "Ержанов Б.",
            &[
                ("answered_on", 9, ""),
                ("answer", 0, "Өткел белгіленді, жол белгісі орнатылды"),
                ("outcome", 0, "қанағаттандырылды"),
            ],
        ),
        (
            "Петренко Анна",
            "anna.p@example.kz",
            "шағым",
            "Соседи шумят по ночам, участковый не реагирует",
            "иә",
            "Оспанов Е.",
            &[
                ("answered_on", 12, ""),
                ("answer", 0, "Проведена беседа с соседями, участок взят на контроль"),
                ("outcome", 0, "түсіндірілді"),
            ],
        ),
        (
            "Нұрланова Айгүл",
            "+7 777 555 11 22",
            "шағым",
            "Ауладағы шамдар жанбайды",
            "жоқ",
            "",
            &[
                ("forwarded_on", 2, ""),
                ("forwarded_to", 0, "қала әкімдігінің тұрғын үй-коммуналдық шаруашылық бөлімі"),
                ("notified_on", 2, ""),
                ("outcome", 0, "құзыретті органға жіберілді"),
            ],
        ),
        (
            "Сидоров Игорь",
            "ул. Ленина, 14, кв. 7",
            "ескерту",
            "Долго оформляют заявление о краже в дежурной части",
            "иә",
            "Қасымов Қ.",
            &[
                ("answered_on", 28, ""),
                ("answer", 0, "Порядок приёма заявлений разъяснён, сотрудник наказан"),
                ("outcome", 0, "түсіндірілді"),
            ],
        ),
        (
            "Әбенова Сәуле",
            "+7 701 222 33 44",
            "ұсыныс",
            "Саябақта бейнебақылау камераларын орнату",
            "иә",
            "Ержанов Б.",
            &[
                ("extended_on", 10, ""),
                ("extension_reason", 0, "әкімдікпен қаржыландыруды келісу қажет"),
                ("extension_notified_on", 11, ""),
            ],
        ),
    ];
    let shown = if k == 0 { 5 } else { 4 };
    let register = source(SourceId::Register);
    let at = |column: &str| register.columns.iter().position(|c| c.id == column).unwrap_or(0);
    // The protocol's first items were questions answered in full at the meeting.
    let first = 3 + k;
    let rows: Vec<Vec<Cell>> = items
        .iter()
        .take(shown)
        .enumerate()
        .map(|(n, (who, contact, kind, said, competence, responsible, done))| {
            let mut row = vec![Cell::Empty; register.columns.len()];
            row[at("number")] = num((first + n + 1) as f64);
            row[at("applicant_name")] = text(*who);
            row[at("contact")] = text(*contact);
            row[at("kind")] = text(*kind);
            row[at("text")] = text(*said);
            row[at("competence")] = text(*competence);
            row[at("responsible")] = text(*responsible);
            for (column, days, value) in done.iter() {
                row[at(column)] = if value.is_empty() { after(*days) } else { text(*value) };
            }
            row
        })
        .collect();
    let mut rows = rows;
    // The second body answered its fourth item in time too.
    if k != 0
        && let Some(row) = rows.get_mut(3)
    {
        row[at("answered_on")] = after(13);
    }
    let numbers: Vec<String> = (first + 1..=first + shown).map(|n| n.to_string()).collect();
    let head = vec![vec![
        text(unit[0]),
        text(unit[1]),
        text(unit[2]),
        text(unit[3]),
        text(unit[4]),
        Cell::Date(meeting),
        num((first + shown) as f64),
        text(numbers.join("; ")),
    ]];
    let parts: [(&esep_ingest::Source, &[Vec<Cell>]); 2] =
        [(source(SourceId::RegisterMeeting), &head), (source(SourceId::Register), &rows)];
    let opts =
        esep_render::ContractOptions { lang: esep_render::Lang::Kk, unit_codes: &[], created: meeting };
    esep_render::contract_xlsx::contract_book(
        &parts,
        &opts,
        (format!("esep: follow-up {}", unit[0]), unit[1].to_string()),
    )
}

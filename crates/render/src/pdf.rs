//! PDF documents through Typst: the report model becomes JSON in `sys.inputs.data`, never markup.

use chrono::Datelike;
use esep_analysis::{Assessment, Reason, Report, UnitReport};
use esep_ingest::InputFile;
use esep_ingest::contract::{FUNDING_PURPOSES, PROGRAMME_LEVELS};
use serde::Serialize;
use typst::foundations::{Bytes, Datetime, Dict, IntoValue, Smart};
use typst_as_lib::{TypstAsLibError, TypstEngine, TypstTemplateCollection};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::error::Error;
use crate::fonts;
use crate::format;
use crate::lang::Lang;

const REPORT_TYP: &str = include_str!("../../../templates/report.typ");

/// Compiles the documents. Build one and share it: fonts are parsed once, and `compile`
/// takes `&self`, so units can be rendered in parallel.
pub struct Renderer {
    engine: TypstEngine<TypstTemplateCollection>,
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    /// An engine with the embedded templates and fonts.
    pub fn new() -> Self {
        let engine = TypstEngine::builder()
            .with_static_source_file_resolver([("report.typ", REPORT_TYP)])
            .fonts(fonts::all())
            // Evicting after every compile (the default) made parallel batches ~1.5× slower.
            .comemo_evict_max_age(Some(10))
            .build();
        Self { engine }
    }

    /// The report of one unit, in one language, as PDF bytes.
    pub fn report(
        &self,
        report: &Report,
        unit: &UnitReport,
        files: &[InputFile],
        lang: Lang,
    ) -> Result<Vec<u8>, Error> {
        let data = report_data(report, unit, files, lang);
        self.compile("report.typ", &data, report.period.end())
    }

    fn compile<T: Serialize>(
        &self,
        template: &str,
        data: &T,
        date: chrono::NaiveDate,
    ) -> Result<Vec<u8>, Error> {
        let json = serde_json::to_vec(data).map_err(|e| Error::Data(e.to_string()))?;
        let mut inputs = Dict::new();
        inputs.insert("data".into(), Bytes::new(json).into_value());
        let doc: PagedDocument = self
            .engine
            .compile_with_input(template, inputs)
            .output
            .map_err(|e| Error::Typst { template: template.to_string(), message: typst_message(&e) })?;
        let timestamp =
            Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8).map(Timestamp::new_utc);
        let options = PdfOptions { ident: Smart::Custom("esep".into()), timestamp, ..Default::default() };
        typst_pdf::pdf(&doc, &options).map_err(|diags| Error::Typst {
            template: template.to_string(),
            message: diags.iter().map(|d| d.message.to_string()).collect::<Vec<_>>().join("; "),
        })
    }
}

fn typst_message(err: &TypstAsLibError) -> String {
    match err {
        TypstAsLibError::TypstSource(diags) => {
            diags.iter().map(|d| d.message.to_string()).collect::<Vec<_>>().join("; ")
        }
        other => other.to_string(),
    }
}

#[derive(Serialize)]
struct ReportData {
    lang: &'static str,
    title: String,
    labels: &'static std::collections::BTreeMap<String, String>,
    period: String,
    unit: UnitData,
    meeting: Option<MeetingData>,
    chapters: Vec<Chapter>,
    awards: Vec<String>,
    sources: Vec<SourceData>,
    formulas: Vec<FormulaData>,
}

#[derive(Serialize)]
struct UnitData {
    name: String,
    chief_name: String,
    chief_rank: String,
    population: String,
}

#[derive(Serialize)]
struct MeetingData {
    date: String,
    time: String,
    place: String,
}

#[derive(Serialize)]
struct Chapter {
    item: u8,
    title: String,
    figures: Vec<FigureRow>,
    /// Programmes (item 2) or funding by purpose (item 4): a header and formatted rows.
    extra: Option<ExtraTable>,
    paragraphs: Vec<String>,
}

#[derive(Serialize)]
struct ExtraTable {
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// One table row, already formatted for the language.
#[derive(Serialize)]
struct FigureRow {
    label: String,
    measure: String,
    previous: String,
    current: String,
    change_pct: String,
    /// `better`, `worse`, `same`, `neutral` or `none`.
    trend: &'static str,
    /// Whether the change passed its test; only such changes are coloured.
    significant: bool,
    /// The reason a value is empty, or the confidence interval of a survey share.
    note: String,
    /// `2 / 11` among siblings, or empty.
    rank: String,
}

#[derive(Serialize)]
struct SourceData {
    name: String,
    bytes: String,
}

#[derive(Serialize)]
struct FormulaData {
    label: String,
    formula: String,
}

/// `better`, `worse`, `same`, `neutral` or `none`.
pub fn trend(assessment: Option<Assessment>) -> &'static str {
    assessment.map_or("none", Assessment::id)
}

fn date_dmy(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map_or_else(|_| iso.to_string(), |d| d.format("%d.%m.%Y").to_string())
}

fn report_data(report: &Report, unit: &UnitReport, files: &[InputFile], lang: Lang) -> ReportData {
    let no_data = lang.label("no_data");
    let mut chapters = Vec::new();
    for item in 1..=10u8 {
        let mut figures = Vec::new();
        for (ind, fig) in report.catalogue.indicators.iter().zip(&unit.figures) {
            if ind.item != item || ind.restricted {
                continue;
            }
            let shown = |v: Option<f64>| v.map_or_else(|| no_data.clone(), |v| format::value(v, ind.unit));
            // Programmes are not compared with the previous year: a dash, not "no data".
            let not_compared = fig.previous_missing == Some(Reason::NotCompared);
            let reason = |r: Option<Reason>| r.map(|r| lang.label(&format!("reason_{}", r.id())));
            let mut note = match (fig.ci_low, fig.ci_high) {
                (Some(lo), Some(hi)) => format!(
                    "{} {}–{}",
                    lang.label("ci"),
                    format::value(lo, ind.unit),
                    format::value(hi, ind.unit)
                ),
                _ if not_compared => reason(fig.missing).unwrap_or_default(),
                _ => reason(fig.missing).or_else(|| reason(fig.previous_missing)).unwrap_or_default(),
            };
            if fig.low_n {
                note = format!("{note}; {}", lang.label("low_n"));
            }
            figures.push(FigureRow {
                label: lang.pick(&ind.kk, &ind.ru).to_string(),
                measure: lang.pick(ind.unit.kk(), ind.unit.ru()).to_string(),
                previous: if not_compared { "—".into() } else { shown(fig.previous) },
                current: shown(fig.current),
                change_pct: fig.change_pct.map(format::change_pct).unwrap_or_default(),
                trend: trend(fig.assessment),
                significant: fig.significant.unwrap_or(false),
                note,
                rank: fig.rank.zip(fig.rank_of).map(|(r, n)| format!("{r} / {n}")).unwrap_or_default(),
            });
        }
        let section = match item {
            8 => Some("legislation"),
            9 => Some("local_problems"),
            10 => Some("other"),
            _ => None,
        };
        let paragraphs = unit
            .narrative
            .iter()
            .filter(|p| Some(p.section.as_str()) == section)
            .map(|p| lang.pick(&p.kk, &p.ru).to_string())
            .collect();
        let extra = match item {
            2 if !unit.programmes.is_empty() => Some(programme_table(unit, lang)),
            4 if !unit.funding.is_empty() => Some(funding_table(unit, lang)),
            _ => None,
        };
        chapters.push(Chapter {
            item,
            title: lang.label(&format!("item_{item}")),
            figures,
            extra,
            paragraphs,
        });
    }
    let awards = unit
        .narrative
        .iter()
        .filter(|p| p.section == "awards")
        .map(|p| lang.pick(&p.kk, &p.ru).to_string())
        .collect();
    let name = lang.pick(&unit.name_kk, &unit.name_ru).to_string();
    ReportData {
        lang: lang.code(),
        title: format!("{} — {}", lang.label("report_title"), name),
        labels: lang.labels(),
        period: match lang {
            Lang::Kk => report.period.label_kk(),
            Lang::Ru => report.period.label_ru(),
        },
        unit: UnitData {
            name,
            chief_name: unit.chief_name.clone(),
            chief_rank: lang.pick(&unit.chief_rank_kk, &unit.chief_rank_ru).to_string(),
            population: format::number(unit.population as f64, 0),
        },
        meeting: unit.meeting.as_ref().map(|m| MeetingData {
            date: date_dmy(&m.date),
            time: m.time.clone(),
            place: lang.pick(&m.place_kk, &m.place_ru).to_string(),
        }),
        chapters,
        awards,
        sources: files
            .iter()
            .map(|f| SourceData { name: f.name.clone(), bytes: format::number(f.bytes as f64, 0) })
            .collect(),
        formulas: report
            .catalogue
            .indicators
            .iter()
            .filter(|i| !i.restricted)
            .map(|i| FormulaData {
                label: lang.pick(&i.kk, &i.ru).to_string(),
                formula: i.formula.describe(),
            })
            .collect(),
    }
}

fn choice_label(list: &[esep_ingest::contract::Choice], id: &str, lang: Lang) -> String {
    list.iter().find(|c| c.id == id).map_or_else(|| id.to_string(), |c| lang.pick(c.kk, c.ru).to_string())
}

fn percent(v: Option<f64>) -> String {
    v.map(|v| format!("{} %", format::number(v, 1))).unwrap_or_else(|| "—".into())
}

fn programme_table(unit: &UnitReport, lang: Lang) -> ExtraTable {
    ExtraTable {
        title: lang.label("programmes"),
        header: ["programme", "level", "measures", "done", "in_progress", "overdue", "execution"]
            .iter()
            .map(|k| lang.label(&format!("col_{k}")))
            .collect(),
        rows: unit
            .programmes
            .iter()
            .map(|p| {
                vec![
                    lang.pick(&p.programme_kk, &p.programme_ru).to_string(),
                    choice_label(PROGRAMME_LEVELS, &p.level, lang),
                    p.measures.to_string(),
                    p.done.to_string(),
                    p.in_progress.to_string(),
                    p.overdue.to_string(),
                    percent(p.execution),
                ]
            })
            .collect(),
    }
}

fn funding_table(unit: &UnitReport, lang: Lang) -> ExtraTable {
    ExtraTable {
        title: lang.label("funding"),
        header: ["purpose", "allocated", "spent", "execution"]
            .iter()
            .map(|k| lang.label(&format!("col_{k}")))
            .collect(),
        rows: unit
            .funding
            .iter()
            .map(|f| {
                vec![
                    choice_label(FUNDING_PURPOSES, &f.purpose, lang),
                    format::number(f.allocated, 0),
                    format::number(f.spent, 0),
                    percent(f.execution),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trend_names_the_assessment() {
        assert_eq!(trend(Some(Assessment::Better)), "better");
        assert_eq!(trend(Some(Assessment::Worse)), "worse");
        assert_eq!(trend(None), "none");
    }
}

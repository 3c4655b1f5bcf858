//! The data every document of a unit is compiled from: one JSON value per (unit, language),
//! already worded and formatted, handed to the Typst templates through `sys.inputs`.
//!
//! The report, the slides, the announcement and the protocol read the same data, so a figure
//! or a sentence is the same wherever it appears.

use chrono::NaiveDate;
use esep_analysis::settings::{ChartSettings, Shown};
use esep_analysis::{Direction, Figure, Formula, Indicator, Measure, Reason, Report, UnitReport};
use esep_ingest::contract::{self, Choice};
use serde::Serialize;

use crate::format;
use crate::lang::Lang;
use crate::narrative;

/// Everything the templates show for one unit in one language.
#[derive(Debug, Serialize)]
pub struct DocData {
    lang: &'static str,
    title: String,
    labels: &'static std::collections::BTreeMap<String, String>,
    period: String,
    /// The period's last day, `DD.MM.YYYY`.
    period_end: String,
    unit: UnitData,
    /// The parent body's name, for "among the bodies of …".
    parent: Option<String>,
    meeting: Option<MeetingData>,
    key: Vec<KeyFigure>,
    /// The overall assessment, one sentence, and the main points ([`esep_analysis::summary`]).
    overall: String,
    points: Vec<String>,
    chapters: Vec<Chapter>,
    /// The unit among its level group, or the department's bodies by level group, as many
    /// rows as a report's page holds (`charts.report_rows`)…
    comparisons: Vec<Chart>,
    /// … and as a slide holds (`charts.slide_rows`).
    slide_comparisons: Vec<Chart>,
    /// The unit's place among its siblings, as a sentence (empty for the department).
    place: String,
    awards: Vec<String>,
    questions: Vec<QuestionRow>,
    /// Rows of the printed protocol left blank after the questions sent ahead: enough for
    /// the hall (`meeting.protocol_seats_per_row`).
    blank_rows: usize,
    sources: Vec<SourceData>,
    formulas: Vec<FormulaData>,
}

#[derive(Debug, Serialize)]
struct UnitData {
    code: String,
    name: String,
    /// The name in the genitive where the language needs it («… департаментінің»), else as is.
    name_of: String,
    chief_name: String,
    chief_rank: String,
    population: String,
}

#[derive(Debug, Serialize)]
struct MeetingData {
    date: String,
    time: String,
    place: String,
    capacity: String,
    questions: String,
    invited: String,
    secretary: String,
}

/// A headline figure for the title slide and the report's summary.
#[derive(Debug, Serialize)]
struct KeyFigure {
    label: String,
    value: String,
    measure: String,
    change: String,
    /// `up`, `down` or `none`: the arrow of `change`.
    way: &'static str,
    trend: &'static str,
    significant: bool,
    /// The change was tested and is within random variation: marked `°`, explained once.
    noise: bool,
}

#[derive(Debug, Serialize)]
struct Chapter {
    item: u8,
    title: String,
    /// The lead paragraph a chief reads aloud (one entry), or none.
    summary: Vec<String>,
    /// The lead's sentences on the figures, each a slide's message.
    messages: Vec<String>,
    figures: Vec<FigureRow>,
    chart: Option<Chart>,
    /// Programmes (item 2) or funding by purpose (item 4).
    extra: Option<ExtraTable>,
    /// Item 2: the measures overdue or not done, each with its deadline.
    failed: Option<ExtraTable>,
    /// Item 6: the media publications and the response to each.
    publications: Option<ExtraTable>,
    /// Item 6: what became of the previous meeting's items.
    followup: Option<FollowupSection>,
    /// The population the table's rates are computed from, or empty without a rate.
    rate_note: String,
    paragraphs: Vec<String>,
}

/// One table row, already formatted for the language.
#[derive(Debug, Serialize)]
struct FigureRow {
    label: String,
    measure: String,
    previous: String,
    current: String,
    /// The values are missing (shown as the "no data" label).
    previous_missing: bool,
    current_missing: bool,
    /// The change as stated: `−11,9 %` (counts, rates), `+1,4 п. п.` (shares) or `+3` (a small
    /// base).
    change_pct: String,
    /// `up`, `down` or `none`: the arrow of `change_pct`.
    way: &'static str,
    /// The change was tested and is within random variation: marked `°`, explained once.
    noise: bool,
    /// `better`, `worse`, `same`, `neutral` or `none`.
    trend: &'static str,
    /// Whether the change passed its test; only such changes are coloured.
    significant: bool,
    /// The reason a value is empty, or the confidence interval of a survey share.
    note: String,
    /// `2 / 11` among siblings, or empty.
    rank: String,
}

/// A bar chart: current against АППГ, or units side by side.
#[derive(Debug, Serialize)]
struct Chart {
    /// The heading above a comparison chart (which bodies it compares), else empty.
    heading: String,
    title: String,
    /// Legend of the two series, or empty for one series.
    legend: Vec<String>,
    bars: Vec<Row>,
    /// Reference value drawn as a line (the department's value), and its text.
    reference: Option<f64>,
    reference_text: String,
}

impl Chart {
    /// The chart in at most `rows` rows: of a longer ranking, the best, the worst and the unit
    /// with its neighbours ([`ChartSettings::shown`]).
    fn fitted(&self, rows: u32) -> Chart {
        let highlight = self.bars.iter().position(|r| matches!(r, Row::Bar(b) if b.highlight));
        Chart {
            heading: self.heading.clone(),
            title: self.title.clone(),
            legend: self.legend.clone(),
            bars: ChartSettings::shown(self.bars.len(), highlight, rows)
                .into_iter()
                .map(|row| match row {
                    Shown::Body(i) => self.bars[i].clone(),
                    Shown::Omitted(n) => Row::Omitted(n),
                })
                .collect(),
            reference: self.reference,
            reference_text: self.reference_text.clone(),
        }
    }
}

/// A bar, or (a number) how many bodies a long ranking leaves out there.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
enum Row {
    Bar(Bar),
    Omitted(usize),
}

#[derive(Debug, Clone, Serialize)]
struct Bar {
    label: String,
    value: f64,
    text: String,
    previous: Option<f64>,
    previous_text: String,
    highlight: bool,
}

#[derive(Debug, Serialize)]
struct ExtraTable {
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// The last `numeric` columns hold numbers and get equal fixed widths.
    numeric: usize,
    /// A last row saying how many rows are left out, and where they are listed.
    omitted: Option<String>,
}

/// Item 6's section on the previous meeting's items: two sentences and a table of the items
/// with their outcomes in plain words (no applicant's name or contact: the report is public).
#[derive(Debug, Serialize)]
struct FollowupSection {
    title: String,
    text: String,
    table: Option<ExtraTable>,
}

#[derive(Debug, Serialize)]
struct QuestionRow {
    received: String,
    applicant: String,
    kind: String,
    topic: String,
}

/// A source of rule 10 in words; file names and digests stay in `pack.json` and the workbooks.
#[derive(Debug, Serialize)]
struct SourceData {
    name: String,
}

#[derive(Debug, Serialize)]
struct FormulaData {
    label: String,
    formula: String,
}

/// `better`, `worse`, `same`, `neutral` or `none`.
pub fn trend(f: &Figure) -> &'static str {
    f.assessment.map_or("none", |a| a.id())
}

/// `YYYY-MM-DD` as `DD.MM.YYYY`; anything else as it is.
pub(crate) fn date_dmy(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map_or_else(|_| iso.to_string(), |d| d.format("%d.%m.%Y").to_string())
}

pub(crate) fn choice_label(list: &[Choice], id: &str, lang: Lang) -> String {
    list.iter().find(|c| c.id == id).map_or_else(|| id.to_string(), |c| lang.pick(c.kk, c.ru).to_string())
}

fn percent(v: Option<f64>) -> String {
    v.map(|v| format!("{} %", format::number(v, 1))).unwrap_or_else(|| "—".into())
}

/// Words quoted as written, in quotation marks, with their language named when it is not the
/// document's: «Полиция не приезжает» (орыс тілінде).
pub(crate) fn quoted(text: &str, written: &str, lang: Lang) -> String {
    if written == lang.code() {
        format!("«{text}»")
    } else {
        format!("«{text}» ({})", lang.label(&format!("written_{written}")))
    }
}

/// A name or phrase as written: plain in the document's language, else quoted with its language
/// (read from its letters) named, so that a document keeps to one language. Nothing stays nothing.
pub(crate) fn as_written(text: &str, lang: Lang) -> String {
    let written = esep_ingest::text::written_in(text);
    if text.is_empty() || written == lang.code() { text.to_string() } else { quoted(text, written, lang) }
}

/// Under every table with a rate: the population it was computed from, with its date, and
/// which population the previous year's rates used.
fn rate_note(unit: &UnitReport, lang: Lang) -> String {
    let count = |n: i64| format::number(n as f64, 0);
    let date = unit
        .population_date
        .as_deref()
        .map(|d| lang.label("rate_note_date").replace("{date}", &date_dmy(d)))
        .unwrap_or_default();
    let previous = match unit.population_previous {
        Some(p) => lang.label("rate_note_previous").replace("{population}", &count(p)),
        None => lang.label("rate_note_same"),
    };
    lang.label("rate_note")
        .replace("{population}", &count(unit.population))
        .replace("{date}", &date)
        .replace("{previous}", &previous)
}

/// Figures of the public documents: restricted indicators (rule 3) are left out.
fn public<'a>(report: &'a Report, unit: &'a UnitReport) -> impl Iterator<Item = (&'a Indicator, &'a Figure)> {
    report.catalogue.indicators.iter().zip(&unit.figures).filter(|(i, _)| !i.restricted)
}

fn figure_row(ind: &Indicator, fig: &Figure, lang: Lang) -> FigureRow {
    let no_data = lang.label("no_data");
    let shown = |v: Option<f64>| v.map_or_else(|| no_data.clone(), |v| format::value(v, ind.unit));
    let reason = |r: Option<Reason>| r.map(|r| lang.label(&format!("reason_{}", r.id())));
    // Programmes are not compared with the previous year: a dash, not "no data".
    let not_compared = fig.previous_missing == Some(Reason::NotCompared);
    let mut note = match (fig.ci_low, fig.ci_high) {
        (Some(lo), Some(hi)) => {
            format!("{} {}–{}", lang.label("ci"), format::value(lo, ind.unit), format::value(hi, ind.unit))
        }
        _ if not_compared => reason(fig.missing).unwrap_or_default(),
        _ => reason(fig.missing).or_else(|| reason(fig.previous_missing)).unwrap_or_default(),
    };
    if fig.low_n {
        note = format!("{note}; {}", lang.label("low_n"));
    }
    let change = format::change(fig.change, fig.change_pct, ind.unit, &lang.label("points"))
        .unwrap_or((String::new(), "none"));
    FigureRow {
        label: lang.pick(&ind.kk, &ind.ru).to_string(),
        measure: lang.pick(ind.unit.kk(), ind.unit.ru()).to_string(),
        previous: if not_compared { "—".into() } else { shown(fig.previous) },
        current: shown(fig.current),
        previous_missing: !not_compared && fig.previous.is_none(),
        current_missing: fig.current.is_none(),
        change_pct: change.0,
        way: change.1,
        noise: fig.significant == Some(false),
        trend: trend(fig),
        significant: fig.significant.unwrap_or(false),
        note,
        rank: fig.rank.zip(fig.rank_of).map(|(r, n)| format!("{r} / {n}")).unwrap_or_default(),
    }
}

/// Current against АППГ for the listed indicators that have a current value.
fn pair_chart(report: &Report, unit: &UnitReport, lang: Lang, title: &str, codes: &[&str]) -> Option<Chart> {
    let bars: Vec<Bar> = codes
        .iter()
        .filter_map(|code| {
            let k = report.catalogue.indicators.iter().position(|i| i.code == *code)?;
            let (ind, fig) = (&report.catalogue.indicators[k], &unit.figures[k]);
            if ind.restricted {
                return None;
            }
            let value = fig.current?;
            Some(Bar {
                label: lang.pick(&ind.kk, &ind.ru).to_string(),
                value,
                text: format::value(value, ind.unit),
                previous: fig.previous,
                previous_text: fig.previous.map(|p| format::value(p, ind.unit)).unwrap_or_default(),
                highlight: false,
            })
        })
        .collect();
    // An empty chart, or one of zeros, says nothing.
    if bars.iter().all(|b| b.value <= 0.0 && b.previous.unwrap_or(0.0) <= 0.0) {
        return None;
    }
    // Largest first, so the chart reads as a ranking (a stable sort keeps ties in the
    // catalogue's order).
    let mut bars = bars;
    bars.sort_by(|a, b| b.value.total_cmp(&a.value));
    let has_previous = bars.iter().any(|b| b.previous.is_some());
    Some(Chart {
        heading: String::new(),
        title: lang.label(title),
        legend: if has_previous { vec![lang.label("current"), lang.label("previous")] } else { Vec::new() },
        bars: bars.into_iter().map(Row::Bar).collect(),
        reference: None,
        reference_text: String::new(),
    })
}

/// The unit among its siblings of its level group on one indicator; for the department, its
/// bodies, one chart per level group (cities apart from rural districts). A group of fewer
/// than [`esep_analysis::ranks::MIN_GROUP`] bodies is not compared. Every body is charted: see
/// [`Chart::fitted`].
fn comparisons(report: &Report, unit: &UnitReport, lang: Lang, code: &str) -> Vec<Chart> {
    use esep_analysis::ranks::level_group;
    let children = |parent: &esep_analysis::UnitCode, group: &str| -> Vec<&UnitReport> {
        report
            .units
            .iter()
            .filter(|u| u.parent.as_ref() == Some(parent) && level_group(&u.level) == group)
            .collect()
    };
    let heading = |key: &str| lang.label(key);
    let charts: Vec<Option<Chart>> = match &unit.parent {
        Some(p) => {
            let Some(parent) = report.units.iter().find(|u| &u.code == p) else { return Vec::new() };
            let peers = children(p, level_group(&unit.level));
            vec![comparison(report, unit, parent, &peers, lang, code, heading("among_siblings"))]
        }
        None => ["urban", "rural"]
            .iter()
            .map(|group| {
                let peers = children(&unit.code, group);
                let title = format!("{} — {}", heading("by_bodies"), lang.label(&format!("group_{group}")));
                comparison(report, unit, unit, &peers, lang, code, title)
            })
            .collect(),
    };
    charts.into_iter().flatten().collect()
}

/// `peers` side by side on one indicator, best first, with `parent`'s value as a line; none
/// for fewer than [`esep_analysis::ranks::MIN_GROUP`] with a value.
fn comparison(
    report: &Report,
    unit: &UnitReport,
    parent: &UnitReport,
    peers: &[&UnitReport],
    lang: Lang,
    code: &str,
    heading: String,
) -> Option<Chart> {
    let k = report.catalogue.indicators.iter().position(|i| i.code == code)?;
    let ind = &report.catalogue.indicators[k];
    let mut bars: Vec<Bar> = peers
        .iter()
        .filter_map(|u| {
            let v = u.figures[k].current?;
            Some(Bar {
                label: lang.pick(&u.name_kk, &u.name_ru).to_string(),
                value: v,
                text: format::value(v, ind.unit),
                previous: None,
                previous_text: String::new(),
                highlight: u.code == unit.code,
            })
        })
        .collect();
    if bars.len() < esep_analysis::ranks::MIN_GROUP as usize {
        return None;
    }
    // Best first, as the ranks read.
    bars.sort_by(|a, b| {
        let order = a.value.total_cmp(&b.value);
        if ind.direction == Direction::Higher { order.reverse() } else { order }
    });
    let reference = parent.figures[k].current;
    Some(Chart {
        heading,
        // The heading names the indicator already.
        title: String::new(),
        legend: Vec::new(),
        bars: bars.into_iter().map(Row::Bar).collect(),
        reference,
        reference_text: reference
            .map(|r| {
                format!("{}: {}", lang.pick(&parent.name_kk, &parent.name_ru), format::value(r, ind.unit))
            })
            .unwrap_or_default(),
    })
}

/// The name of the body coded `code` in `lang` (its code, should no unit have it).
fn body_name(report: &Report, code: &esep_analysis::UnitCode, lang: Lang) -> String {
    report
        .units
        .iter()
        .find(|u| &u.code == code)
        .map_or_else(|| code.to_string(), |u| lang.pick(&u.name_kk, &u.name_ru).to_string())
}

/// Column headers: the labels `col_<id>`.
fn headers(ids: &[&str], lang: Lang) -> Vec<String> {
    ids.iter().map(|k| lang.label(&format!("col_{k}"))).collect()
}

fn programme_table(unit: &UnitReport, lang: Lang) -> ExtraTable {
    ExtraTable {
        title: lang.label("programmes"),
        header: headers(
            &["programme", "level", "measures", "done", "in_progress", "overdue", "execution"],
            lang,
        ),
        rows: unit
            .programmes
            .iter()
            .map(|p| {
                vec![
                    lang.pick(&p.programme_kk, &p.programme_ru).to_string(),
                    choice_label(contract::PROGRAMME_LEVELS, &p.level, lang),
                    p.measures.to_string(),
                    p.done.to_string(),
                    p.in_progress.to_string(),
                    p.overdue.to_string(),
                    percent(p.execution),
                ]
            })
            .collect(),
        numeric: 5,
        omitted: None,
    }
}

/// The measures of the unit and its bodies by status, in the contract's order of statuses.
fn measures_sentence(unit: &UnitReport, lang: Lang) -> Option<String> {
    let counts: Vec<(&str, usize)> = contract::PROGRAMME_STATUS
        .iter()
        .map(|s| (s.id, unit.measures.iter().filter(|m| m.status == s.id).count()))
        .collect();
    narrative::measures_by_status(&counts, lang)
}

/// Measures overdue or not done, by deadline: measure, programme, deadline, status.
/// A unit with bodies names the body of each measure first.
fn failed_measures(report: &Report, unit: &UnitReport, lang: Lang) -> Option<ExtraTable> {
    let mut failed: Vec<_> =
        unit.measures.iter().filter(|m| m.status == "overdue" || m.status == "not_done").collect();
    if failed.is_empty() {
        return None;
    }
    failed.sort_by(|a, b| a.deadline.cmp(&b.deadline));
    let by_body = failed.iter().any(|m| m.unit != unit.code);
    let columns: &[&str] = if by_body {
        &["body", "measure", "programme", "deadline", "status"]
    } else {
        &["measure", "programme", "deadline", "status"]
    };
    // The oldest terms first, among the bodies' measures a long list leaves out.
    let lists = &report.settings.lists;
    let (listed, omitted) = lists.listed(failed.len(), |i| failed[i].unit == unit.code, |i| i);
    Some(ExtraTable {
        title: lang.label("failed_measures"),
        header: headers(columns, lang),
        rows: listed
            .iter()
            .map(|&i| {
                let m = failed[i];
                let mut row = vec![
                    lang.pick(&m.measure_kk, &m.measure_ru).to_string(),
                    lang.pick(&m.programme_kk, &m.programme_ru).to_string(),
                    date_dmy(&m.deadline),
                    choice_label(contract::PROGRAMME_STATUS, &m.status, lang),
                ];
                if by_body {
                    row.insert(0, body_name(report, &m.unit, lang));
                }
                row
            })
            .collect(),
        numeric: 0,
        omitted: left_out(omitted, "measures_omitted", lang),
    })
}

/// The row saying how many rows of the bodies a long list leaves out, if any.
fn left_out(omitted: usize, label: &str, lang: Lang) -> Option<String> {
    (omitted > 0).then(|| lang.label(label).replace("{n}", &omitted.to_string()))
}

/// The previous meeting's items and what became of them.
fn followup_section(unit: &UnitReport, lang: Lang) -> Option<FollowupSection> {
    let prev = unit.followup.as_ref()?;
    let c = &prev.counts;
    let followed = prev.items.len();
    let lead = lang
        .label("followup_lead")
        .replace("{date}", &prev.meeting.format("%d.%m.%Y").to_string())
        .replace(
            "{recorded}",
            &match lang {
                // «внесено 1 обращение / 3 обращения / 9 обращений».
                Lang::Ru => {
                    let n = prev.recorded.max(0) as u64;
                    format!("{n} {}", ["обращение", "обращения", "обращений"][narrative::ru_form(n)])
                }
                Lang::Kk => prev.recorded.to_string(),
            },
        )
        .replace("{at_meeting}", &(prev.recorded - followed as i64).max(0).to_string())
        .replace("{followed}", &followed.to_string());
    let text = if followed == 0 {
        format!("{lead} {}", lang.label("followup_none"))
    } else {
        let counts = lang
            .label("followup_counts")
            .replace("{answered}", &c.answered.to_string())
            .replace("{on_time}", &c.answered_on_time.to_string())
            .replace("{forwarded}", &c.forwarded.to_string())
            .replace("{open}", &c.open.to_string());
        format!("{lead} {counts}")
    };
    let table = (followed > 0).then(|| ExtraTable {
        title: String::new(),
        header: vec![lang.label("col_no"), lang.label("col_what"), lang.label("col_outcome")],
        rows: prev
            .items
            .iter()
            .map(|it| {
                vec![
                    it.number.to_string(),
                    format!(
                        "{}: {}",
                        choice_label(contract::ITEM_KINDS, &it.kind, lang),
                        quoted(&it.text, &it.language, lang)
                    ),
                    crate::followup::public_outcome(it, lang),
                ]
            })
            .collect(),
        numeric: 0,
        omitted: None,
    });
    Some(FollowupSection { title: lang.label("followup_title"), text, table })
}

/// The period's publications with outlet, date, title (quoted as published) and the response,
/// by date. A unit with bodies names the body of each publication first, and a long list of
/// its keeps those still without a response first.
fn publications(report: &Report, unit: &UnitReport, lang: Lang) -> Option<ExtraTable> {
    if unit.media.is_empty() {
        return None;
    }
    let media = &unit.media;
    let (listed, omitted) =
        report.settings.lists.listed(media.len(), |i| media[i].unit == unit.code, |i| media[i].answered());
    let by_body = media.iter().any(|p| p.unit != unit.code);
    let columns: &[&str] = if by_body {
        &["body", "published", "outlet", "title", "response"]
    } else {
        &["published", "outlet", "title", "response"]
    };
    Some(ExtraTable {
        title: lang.label("publications"),
        header: headers(columns, lang),
        rows: listed
            .iter()
            .map(|&i| {
                let p = &media[i];
                let said = lang.pick(&p.response_kk, &p.response_ru);
                let response = if said.is_empty() {
                    lang.label("no_response")
                } else if p.response_date.is_empty() {
                    said.to_string()
                } else {
                    format!("{said} ({})", date_dmy(&p.response_date))
                };
                let mut row = vec![
                    date_dmy(&p.date),
                    lang.pick(&p.outlet_kk, &p.outlet_ru).to_string(),
                    quoted(&p.title, &p.title_language, lang),
                    response,
                ];
                if by_body {
                    row.insert(0, body_name(report, &p.unit, lang));
                }
                row
            })
            .collect(),
        numeric: 0,
        omitted: left_out(omitted, "publications_omitted", lang),
    })
}

fn funding_table(unit: &UnitReport, lang: Lang) -> ExtraTable {
    ExtraTable {
        title: lang.label("funding"),
        header: headers(&["purpose", "allocated", "spent", "execution"], lang),
        rows: unit
            .funding
            .iter()
            .map(|f| {
                vec![
                    choice_label(contract::FUNDING_PURPOSES, &f.purpose, lang),
                    format::number(f.allocated, 0),
                    format::number(f.spent, 0),
                    percent(f.execution),
                ]
            })
            .collect(),
        numeric: 3,
        omitted: None,
    }
}

/// The sources of rule 10 the report draws on, in the document's language, with the survey's
/// sample size and the period of the statistics.
fn public_sources(report: &Report, unit: &UnitReport, lang: Lang) -> Vec<SourceData> {
    let respondents = public(report, unit)
        .find(|(i, _)| matches!(i.formula, Formula::SurveyN))
        .and_then(|(_, f)| f.current)
        .map_or_else(|| lang.label("no_data"), |n| format::number(n, 0));
    (1..=7)
        .map(|k| SourceData {
            name: lang
                .label(&format!("source_{k}"))
                .replace("{period}", lang.pick(&report.period.label_kk(), &report.period.label_ru()))
                .replace("{respondents}", &respondents),
        })
        .collect()
}

/// Builds the data of one unit's documents in one language.
pub fn doc_data(report: &Report, unit: &UnitReport, lang: Lang) -> DocData {
    let mut chapters = Vec::new();
    let all: Vec<(&Indicator, &Figure)> = report.catalogue.indicators.iter().zip(&unit.figures).collect();
    for item in 1..=10u8 {
        let mine: Vec<(&Indicator, &Figure)> = public(report, unit).filter(|(i, _)| i.item == item).collect();
        // Item 2 leads with the measures by status: counts of measures by one status are
        // said there, and the mean completion follows.
        let status = if item == 2 { measures_sentence(unit, lang) } else { None };
        // The lead a chief reads aloud: the figures analysis chose, what was done, and what is
        // asked of the local executive body (item 9) on this chapter's matters.
        let chosen = esep_analysis::summary::chapter_lead(item, &unit.figures, &report.catalogue);
        let texts = |section: &'static str| {
            unit.narrative
                .iter()
                .filter(move |p| p.section == section && p.item == Some(item))
                .map(|p| lang.pick(&p.kk, &p.ru).to_string())
        };
        let messages: Vec<String> = status.into_iter().chain(narrative::lead(&chosen, &all, lang)).collect();
        let lead: Vec<String> = messages
            .iter()
            .cloned()
            .chain(narrative::steady(&chosen, lang))
            .chain(texts("measures"))
            .chain(texts("local_problems"))
            .collect();
        let summary: Vec<String> = if lead.is_empty() { Vec::new() } else { vec![lead.join(" ")] };
        // A figure the inputs say nothing about, in either year, is left out of the tables.
        let shown: Vec<&(&Indicator, &Figure)> = mine
            .iter()
            .filter(|(_, f)| {
                !(f.missing == Some(Reason::NoData) && f.previous_missing == Some(Reason::NoData))
            })
            .collect();
        let rates = shown.iter().any(|(i, _)| matches!(i.formula, Formula::Rate { .. }));
        let figures = shown.iter().map(|(i, f)| figure_row(i, f, lang)).collect();
        let chart = report.catalogue.charts.iter().find(|c| c.item == item).and_then(|c| {
            let codes: Vec<&str> = c.indicators.iter().map(|c| c.as_str()).collect();
            pair_chart(report, unit, lang, &format!("chart_{}", c.id), &codes)
        });
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
            summary,
            messages,
            figures,
            chart,
            extra,
            failed: if item == 2 { failed_measures(report, unit, lang) } else { None },
            publications: if item == 6 { publications(report, unit, lang) } else { None },
            followup: if item == 6 { followup_section(unit, lang) } else { None },
            rate_note: if rates { rate_note(unit, lang) } else { String::new() },
            paragraphs,
        });
    }
    let key = report
        .catalogue
        .key
        .iter()
        .filter_map(|code| {
            let (ind, fig) = public(report, unit).find(|(i, _)| &i.code == code)?;
            let v = fig.current?;
            let change = format::change(fig.change, fig.change_pct, ind.unit, &lang.label("points"))
                .unwrap_or((String::new(), "none"));
            Some(KeyFigure {
                label: lang.pick(&ind.kk, &ind.ru).to_string(),
                value: format::value(v, ind.unit),
                measure: match ind.unit {
                    Measure::Count => String::new(),
                    m => lang.pick(m.kk(), m.ru()).to_string(),
                },
                change: change.0,
                way: change.1,
                noise: fig.significant == Some(false),
                trend: trend(fig),
                significant: fig.significant.unwrap_or(false),
            })
        })
        .collect();
    let name = lang.pick(&unit.name_kk, &unit.name_ru).to_string();
    let rankings = comparisons(report, unit, lang, &report.catalogue.compared);
    let parent = unit
        .parent
        .as_ref()
        .and_then(|p| report.units.iter().find(|u| &u.code == p))
        .map(|p| lang.pick(&p.name_kk, &p.name_ru).to_string());
    DocData {
        lang: lang.code(),
        title: format!("{} — {}", lang.label("report_title"), name),
        labels: lang.labels(),
        period: match lang {
            Lang::Kk => report.period.label_kk(),
            Lang::Ru => report.period.label_ru(),
        },
        period_end: report.period.end().format("%d.%m.%Y").to_string(),
        unit: UnitData {
            code: unit.code.to_string(),
            name_of: match lang {
                Lang::Kk => crate::kk::inflect(&name, crate::kk::Case::Genitive),
                Lang::Ru => name.clone(),
            },
            name,
            chief_name: unit.chief_name.clone(),
            chief_rank: lang.pick(&unit.chief_rank_kk, &unit.chief_rank_ru).to_string(),
            population: format::number(unit.population as f64, 0),
        },
        parent,
        meeting: unit.meeting.as_ref().map(|m| MeetingData {
            date: date_dmy(&m.date),
            time: m.time.clone(),
            place: lang.pick(&m.place_kk, &m.place_ru).to_string(),
            capacity: m.capacity.to_string(),
            questions: lang.pick(&m.questions_kk, &m.questions_ru).to_string(),
            invited: m
                .invited
                .iter()
                .map(|id| choice_label(contract::INVITEES, id, lang))
                .chain(Some(lang.pick(&m.invited_other_kk, &m.invited_other_ru).to_string()))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            secretary: m.secretary.clone(),
        }),
        key,
        overall: narrative::overall(&unit.main, lang),
        points: unit
            .main
            .points
            .iter()
            .filter_map(|&k| Some((report.catalogue.indicators.get(k)?, unit.figures.get(k)?)))
            .filter_map(|(i, f)| narrative::point(i, f, lang))
            .collect(),
        chapters,
        comparisons: rankings.iter().map(|c| c.fitted(report.settings.charts.report_rows)).collect(),
        slide_comparisons: rankings.iter().map(|c| c.fitted(report.settings.charts.slide_rows)).collect(),
        place: public(report, unit)
            .find(|(i, _)| i.code == report.catalogue.compared)
            .and_then(|(i, f)| narrative::place(i, f, lang))
            .unwrap_or_default(),
        awards: unit
            .narrative
            .iter()
            .filter(|p| p.section == "awards")
            .map(|p| lang.pick(&p.kk, &p.ru).to_string())
            .collect(),
        questions: unit
            .questions
            .iter()
            .map(|q| QuestionRow {
                received: date_dmy(&q.received),
                applicant: choice_label(contract::APPLICANTS, &q.applicant, lang),
                kind: choice_label(contract::APPEAL_KINDS, &q.kind, lang),
                topic: quoted(&q.topic, &q.topic_language, lang),
            })
            .collect(),
        blank_rows: {
            let m = &report.settings.meeting;
            let seats = unit.meeting.as_ref().map_or(0, |m| m.capacity.max(0) as u64);
            let wanted = seats
                .div_ceil(u64::from(m.protocol_seats_per_row.max(1)))
                .max(u64::from(m.protocol_min_rows))
                .min(u64::from(m.protocol_max_rows.max(m.protocol_min_rows)));
            (wanted as usize).saturating_sub(unit.questions.len()).max(4)
        },
        sources: public_sources(report, unit, lang),
        formulas: report
            .catalogue
            .indicators
            .iter()
            .filter(|i| !i.restricted)
            .map(|i| FormulaData {
                label: lang.pick(&i.kk, &i.ru).to_string(),
                formula: crate::explain::formula(&i.formula, &report.settings, lang),
            })
            .collect(),
    }
}

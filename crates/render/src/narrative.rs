//! Sentences written by rules from the figures: "Кражи: 275 краж против 312 в аналогичном
//! периоде прошлого года, снижение на 11,9 %."
//!
//! Only a change that passed its test (see `esep_analysis::stats`) is called a rise or a fall;
//! any other change is stated plainly as more or less (the documents' legend says once that grey
//! changes marked ° are within random variation). Shares change in percentage points, counts
//! and rates in % from a base of `changes.min_base`, below it by their difference. Russian nouns
//! agree with the numeral (1 кража, 2 кражи, 5 краж); Kazakh nouns stay singular after numerals,
//! and the amount takes the dative its last word needs ([`crate::kk::inflect`]).

use esep_analysis::{Figure, Indicator, Measure};

use crate::format;
use crate::kk::{Case, inflect};
use crate::lang::Lang;

/// Which of the three Russian forms follows the integer `n`: 0 for 1 (21, 101…), 1 for 2–4
/// (22–24…), 2 for 5–20 and 0 (25–30…).
pub fn ru_form(n: u64) -> usize {
    let (ten, hundred) = (n % 10, n % 100);
    if ten == 1 && hundred != 11 {
        0
    } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
        1
    } else {
        2
    }
}

/// `n` with its Russian noun: `1 кража`, `3 кражи`, `11 краж`, `1 174 краж`.
pub fn ru_count(n: f64, forms: &[String; 3]) -> String {
    let form = if n.fract() == 0.0 && n >= 0.0 { ru_form(n as u64) } else { 1 };
    format!("{} {}", format::number(n, 0), forms[form])
}

fn value(v: f64, ind: &Indicator, lang: Lang) -> String {
    match (ind.unit, lang, &ind.noun_ru, &ind.noun_kk) {
        (Measure::Count, Lang::Ru, Some(forms), _) => ru_count(v, forms),
        (Measure::Count, Lang::Kk, _, Some(noun)) => format!("{} {noun}", format::number(v, 0)),
        (Measure::Percent, ..) => format!("{}\u{a0}%", format::value(v, ind.unit)),
        (Measure::Tenge, Lang::Ru, ..) => format!("{} тенге", format::value(v, ind.unit)),
        (Measure::Tenge, Lang::Kk, ..) => format!("{} теңге", format::value(v, ind.unit)),
        _ => format::value(v, ind.unit),
    }
}

/// The size of a change: `11,9 %` of the previous value, `1,4 п. п.` for shares, or the
/// difference itself (`3 кражи`) from a base too small for a %.
fn amount(fig: &Figure, ind: &Indicator, lang: Lang) -> Option<String> {
    if ind.unit.is_share() {
        let pp = format::number(fig.change?.abs(), 1);
        return Some(match lang {
            Lang::Ru => format!("{pp}\u{a0}п.\u{a0}п."),
            Lang::Kk => format!("{pp} пайыздық тармақ"),
        });
    }
    match fig.change_pct {
        Some(pct) => Some(format!("{}\u{a0}%", format::number(pct.abs(), 1))),
        None => Some(value(fig.change?.abs(), ind, lang)),
    }
}

/// One sentence on one figure, or `None` when there is no current value.
pub fn sentence(ind: &Indicator, fig: &Figure, lang: Lang) -> Option<String> {
    // An abbreviation's full stop ends the sentence too: "на 1,4 п. п." not "п. п..".
    sentence_body(ind, fig, lang).map(|s| s.replace("..", "."))
}

fn sentence_body(ind: &Indicator, fig: &Figure, lang: Lang) -> Option<String> {
    let cur = value(fig.current?, ind, lang);
    let label = lang.pick(&ind.kk, &ind.ru);
    let Some(prev_value) = fig.previous else {
        return Some(format!("{label}: {cur}."));
    };
    let prev = match ind.unit {
        Measure::Count | Measure::Tenge => format::value(prev_value, ind.unit),
        _ => value(prev_value, ind, lang),
    };
    let change = fig.change.unwrap_or(0.0);
    if change.abs() < 1e-9 {
        return Some(match lang {
            Lang::Ru => format!("{label}: {cur}, на уровне аналогичного периода прошлого года."),
            Lang::Kk => format!("{label}: {cur}, өткен жылдың сәйкес кезеңі деңгейінде."),
        });
    }
    let Some(size) = amount(fig, ind, lang) else {
        return Some(match lang {
            Lang::Ru => format!("{label}: {cur} (в аналогичном периоде прошлого года — {prev})."),
            Lang::Kk => format!("{label}: {cur} (өткен жылдың сәйкес кезеңінде — {prev})."),
        });
    };
    let rise = change > 0.0;
    let by = inflect(&size, Case::Dative);
    Some(match (lang, fig.significant) {
        (Lang::Ru, Some(true)) => format!(
            "{label}: {cur} против {prev} в аналогичном периоде прошлого года, {} на {size}.",
            if rise { "рост" } else { "снижение" }
        ),
        (Lang::Ru, _) => format!(
            "{label}: {cur} против {prev} в аналогичном периоде прошлого года ({} на {size}).",
            if rise { "больше" } else { "меньше" }
        ),
        (Lang::Kk, Some(true)) => format!(
            "{label}: {cur}, өткен жылдың сәйкес кезеңінде — {prev}; {by} {}.",
            if rise { "өсті" } else { "азайды" }
        ),
        (Lang::Kk, _) => format!(
            "{label}: {cur}, өткен жылдың сәйкес кезеңінде — {prev} ({by} {}).",
            if rise { "көп" } else { "аз" }
        ),
    })
}

/// The unit's place among its siblings: "8-е место из 9" / "9 бөліністің ішінде 8-орын".
pub fn place(ind: &Indicator, fig: &Figure, lang: Lang) -> Option<String> {
    let (rank, of) = (fig.rank?, fig.rank_of?);
    let label = lang.pick(&ind.kk, &ind.ru);
    Some(match lang {
        Lang::Ru => format!("{label}: {rank}-е место из {of} (1 — лучший результат)."),
        Lang::Kk => format!("{label}: {of} бөліністің ішінде {rank}-орын (1 — ең жақсы нәтиже)."),
    })
}

/// One main point: both years, the difference and the change as the documents state it —
/// "Кражи: 275 против 312 годом ранее (−37; −11,9 %)"; a share in points only.
pub fn point(ind: &Indicator, fig: &Figure, lang: Lang) -> Option<String> {
    let cur = value(fig.current?, ind, lang);
    let label = lang.pick(&ind.kk, &ind.ru);
    let Some(prev) = fig.previous else { return Some(format!("{label}: {cur}.")) };
    let prev = match ind.unit {
        Measure::Count | Measure::Tenge => format::value(prev, ind.unit),
        _ => value(prev, ind, lang),
    };
    let points = lang.label("points");
    let change = format::change(fig.change, fig.change_pct, ind.unit, &points).map(|c| c.0);
    let difference = format::change(fig.change, None, ind.unit, &points).map(|c| c.0);
    let change = match (difference, change) {
        (Some(d), Some(c)) if d != c => format!("{d}; {c}"),
        (_, Some(c)) => c,
        _ => String::new(),
    };
    let mark = if fig.significant == Some(false) { "°" } else { "" };
    Some(match lang {
        Lang::Ru => format!("{label}: {cur} против {prev} годом ранее ({change}{mark})."),
        Lang::Kk => format!("{label}: {cur}, бір жыл бұрын — {prev} ({change}{mark})."),
    })
}

/// A figure's value as said in a sentence: `1 133`, `69,9 %`, `95,5`, `12 000 тенге`.
fn said(v: f64, ind: &Indicator, lang: Lang) -> String {
    match ind.unit {
        Measure::Count => format::value(v, ind.unit),
        _ => value(v, ind, lang),
    }
}

/// Whether the indicator is a level (share, rate, mean) that goes higher or lower, rather than
/// a count that is more or less.
fn is_level(ind: &Indicator) -> bool {
    !matches!(ind.unit, Measure::Count | Measure::Tenge)
}

/// The sentence that opens a chapter's lead, on its first headline figure. Only a change that
/// passed its test is stated as more or less; any other is given as the two values.
fn opener(ind: &Indicator, fig: &Figure, lang: Lang) -> Option<String> {
    let label = lang.pick(&ind.kk, &ind.ru);
    let cur = said(fig.current?, ind, lang);
    let Some(prev) = fig.previous.map(|p| said(p, ind, lang)) else {
        return Some(format!("{label} — {cur}."));
    };
    let change = fig.change.unwrap_or(0.0);
    if change.abs() < 1e-9 {
        return Some(match lang {
            Lang::Ru => format!("{label} — {cur}, как и годом ранее."),
            Lang::Kk => format!("{label} — {cur}, бір жыл бұрынғыдай."),
        });
    }
    let size = amount(fig, ind, lang).filter(|_| fig.significant == Some(true));
    let Some(size) = size else {
        return Some(match lang {
            Lang::Ru => format!("{label} — {cur}, годом ранее — {prev}."),
            Lang::Kk => format!("{label} — {cur}, бір жыл бұрын — {prev}."),
        });
    };
    let rise = change > 0.0;
    Some(match (lang, is_level(ind)) {
        (Lang::Ru, level) => {
            let how = match (level, rise) {
                (true, true) => "выше",
                (true, false) => "ниже",
                (false, true) => "больше",
                (false, false) => "меньше",
            };
            format!("{label} — {cur}: на {size} {how}, чем годом ранее ({prev}).")
        }
        (Lang::Kk, level) => {
            let how = match (level, rise) {
                (true, true) => "өсті",
                (true, false) => "төмендеді",
                (false, true) => "көбейді",
                (false, false) => "азайды",
            };
            let by = inflect(&size, Case::Dative);
            format!("{label} — {cur}: бір жыл бұрынғымен ({prev}) салыстырғанда {by} {how}.")
        }
    })
}

/// One figure in a lead's list of changes: "кражи — 275 против 312 (−11,9 %)".
fn listed(ind: &Indicator, fig: &Figure, lang: Lang) -> Option<String> {
    let label = crate::explain::lowercase_first(lang.pick(&ind.kk, &ind.ru));
    let cur = said(fig.current?, ind, lang);
    let prev = said(fig.previous?, ind, lang);
    let (change, _) = format::change(fig.change, fig.change_pct, ind.unit, &lang.label("points"))?;
    Some(match lang {
        Lang::Ru => format!("{label} — {cur} против {prev} ({change})"),
        Lang::Kk => format!("{label} — {cur}, бір жыл бұрын {prev} ({change})"),
    })
}

/// The sentences of a chapter's lead on its figures, as [`esep_analysis::summary::chapter_lead`]
/// chose them: the opener, then the notable improvements, deteriorations and other changes.
/// `figures` pairs each catalogue indicator with its figure.
pub fn lead(
    chosen: &esep_analysis::summary::Lead,
    figures: &[(&Indicator, &Figure)],
    lang: Lang,
) -> Vec<String> {
    let at = |k: usize| figures.get(k).copied();
    let mut out: Vec<String> =
        chosen.opener.and_then(at).and_then(|(i, f)| opener(i, f, lang)).into_iter().collect();
    let groups: [(&[usize], &str, &str); 3] = [
        (&chosen.better, "Заметные улучшения", "Елеулі жақсару"),
        (&chosen.worse, "Заметные ухудшения", "Елеулі нашарлау"),
        (&chosen.other, "Заметные изменения", "Елеулі өзгеріс"),
    ];
    for (ks, ru, kk) in groups {
        let items: Vec<String> =
            ks.iter().filter_map(|&k| at(k)).filter_map(|(i, f)| listed(i, f, lang)).collect();
        if !items.is_empty() {
            out.push(format!("{}: {}.", lang.pick(kk, ru), items.join("; ")));
        }
    }
    // An abbreviation's full stop ends the sentence too: "п. п." not "п. п..".
    out.into_iter().map(|s| s.replace("..", ".")).collect()
}

/// The lead's closing word on a chapter whose other figures held steady, when analysis says so.
pub fn steady(chosen: &esep_analysis::summary::Lead, lang: Lang) -> Option<String> {
    chosen.steady.then(|| {
        lang.pick(
            "Бөлімнің қалған көрсеткіштері айтарлықтай өзгерген жоқ.",
            "Остальные показатели раздела существенно не изменились.",
        )
        .to_string()
    })
}

/// How many indicators changed one way, as a clause: "заметно ухудшился 1 показатель",
/// "улучшились 3 показателя", "ни один не улучшился"; "1 көрсеткіш айтарлықтай нашарлады".
fn moved(n: usize, better: bool, first: bool, lang: Lang) -> String {
    let forms = ["показатель".to_string(), "показателя".into(), "показателей".into()];
    let how = if first { "заметно " } else { "" };
    match lang {
        Lang::Ru => {
            let verb = match (better, ru_form(n as u64) == 0 && n > 0) {
                (true, true) => "улучшился",
                (true, false) => "улучшились",
                (false, true) => "ухудшился",
                (false, false) => "ухудшились",
            };
            if n == 0 {
                format!("ни один не {}", if better { "улучшился" } else { "ухудшился" })
            } else {
                format!("{how}{verb} {}", ru_count(n as f64, &forms))
            }
        }
        Lang::Kk => {
            let verb = if better { "жақсарды" } else { "нашарлады" };
            let how = if first { "айтарлықтай " } else { "" };
            if n == 0 {
                format!("бірде-бір көрсеткіш {}", if better { "жақсарған жоқ" } else { "нашарлаған жоқ" })
            } else {
                format!("{n} көрсеткіш {how}{verb}")
            }
        }
    }
}

/// The one-sentence assessment that opens the main points: the situation, then the counts of
/// notable improvements and deteriorations behind it, the deciding one first.
pub fn overall(main: &esep_analysis::summary::MainPoints, lang: Lang) -> String {
    use esep_analysis::summary::Overall;
    let ru = lang == Lang::Ru;
    let state = match (main.overall, ru) {
        (Overall::Improved, true) => "улучшилась",
        (Overall::Worsened, true) => "ухудшилась",
        (Overall::Stable, true) => "стабильна",
        (Overall::Improved, false) => "жақсарды",
        (Overall::Worsened, false) => "нашарлады",
        (Overall::Stable, false) => "тұрақты",
    };
    let counts = if main.better + main.worse == 0 {
        lang.pick("бірде-бір көрсеткіш айтарлықтай өзгерген жоқ", "ни один показатель заметно не изменился")
            .to_string()
    } else if main.overall == Overall::Worsened {
        format!("{}, {}", moved(main.worse, false, true, lang), moved(main.better, true, false, lang))
    } else {
        format!("{}, {}", moved(main.better, true, true, lang), moved(main.worse, false, false, lang))
    };
    if ru {
        format!("В целом обстановка {state}: {counts}.")
    } else {
        format!("Жалпы жағдай {state}: {counts}.")
    }
}

/// Item 2 opens with what became of the measures: all of them by status, failures included,
/// before any mean. `counts` are (status id, number) in the contract's order.
pub fn measures_by_status(counts: &[(&str, usize)], lang: Lang) -> Option<String> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    let parts: Vec<String> = counts
        .iter()
        .map(|(id, n)| {
            let label = esep_ingest::contract::PROGRAMME_STATUS
                .iter()
                .find(|c| c.id == *id)
                .map_or(*id, |c| lang.pick(c.kk, c.ru));
            format!("{label} — {n}")
        })
        .collect();
    Some(match lang {
        Lang::Ru => format!("Мероприятий программ: всего {total}; {}.", parts.join(", ")),
        Lang::Kk => format!("Бағдарламалардың іс-шаралары: барлығы {total}; {}.", parts.join(", ")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use esep_analysis::{Catalogue, Direction, Formula};

    fn theft() -> Indicator {
        Catalogue::builtin()
            .indicators
            .into_iter()
            .find(|i| i.code == "theft_registered")
            .unwrap_or_else(|| panic!("theft_registered"))
    }

    fn fig(cur: f64, prev: f64, significant: bool) -> Figure {
        Figure {
            current: Some(cur),
            previous: Some(prev),
            change: Some(cur - prev),
            change_pct: (prev != 0.0).then(|| 100.0 * (cur - prev) / prev),
            significant: Some(significant),
            ..Figure::default()
        }
    }

    #[test]
    fn russian_forms_agree_with_the_numeral() {
        let forms = ["преступление".to_string(), "преступления".into(), "преступлений".into()];
        let said: Vec<String> = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1174]
            .iter()
            .map(|&n| ru_count(n as f64, &forms))
            .collect();
        assert_eq!(
            said,
            [
                "1 преступление",
                "2 преступления",
                "4 преступления",
                "5 преступлений",
                "11 преступлений",
                "12 преступлений",
                "14 преступлений",
                "21 преступление",
                "22 преступления",
                "25 преступлений",
                "101 преступление",
                "111 преступлений",
                "1\u{202f}174 преступления",
            ]
        );
    }

    #[test]
    fn significant_fall_is_called_a_fall() {
        let s = sentence(&theft(), &fig(275.0, 312.0, true), Lang::Ru);
        assert_eq!(
            s.as_deref(),
            Some("Кражи: 275 краж против 312 в аналогичном периоде прошлого года, снижение на 11,9\u{a0}%.")
        );
        let s = sentence(&theft(), &fig(275.0, 312.0, true), Lang::Kk);
        assert_eq!(
            s.as_deref(),
            Some("Ұрлық: 275 ұрлық, өткен жылдың сәйкес кезеңінде — 312; 11,9\u{a0}%\u{2011}ға азайды.")
        );
    }

    #[test]
    fn noise_is_not_a_rise_and_a_small_base_has_no_percent() {
        // 3 → 6 murders: p = 0.51, and a base of 3 is under `changes.min_base`, so analysis
        // gives no relative change: the sentence says "more by 3", not "+100 %" or "a rise".
        let mut murder = theft();
        murder.ru = "Убийства".into();
        murder.kk = "Кісі өлтіру".into();
        murder.noun_ru = Some(["убийство".into(), "убийства".into(), "убийств".into()]);
        murder.noun_kk = Some("кісі өлтіру".into());
        let mut f = fig(6.0, 3.0, false);
        f.change_pct = None;
        let s = sentence(&murder, &f, Lang::Ru).unwrap_or_default();
        assert_eq!(
            s,
            "Убийства: 6 убийств против 3 в аналогичном периоде прошлого года (больше на 3 убийства)."
        );
        let kk = sentence(&murder, &f, Lang::Kk).unwrap_or_default();
        assert_eq!(
            kk,
            "Кісі өлтіру: 6 кісі өлтіру, өткен жылдың сәйкес кезеңінде — 3 (3 кісі өлтіруге көп)."
        );
        // From a large base a non-significant change keeps its % but is not called a rise.
        let s = sentence(&theft(), &fig(290.0, 280.0, false), Lang::Ru).unwrap_or_default();
        assert_eq!(
            s,
            "Кражи: 290 краж против 280 в аналогичном периоде прошлого года (больше на 3,6\u{a0}%)."
        );
    }

    #[test]
    fn shares_change_in_percentage_points() {
        let clearance = Indicator {
            code: "clearance".into(),
            item: 3,
            kk: "Ашылу деңгейі".into(),
            ru: "Раскрываемость".into(),
            unit: Measure::Percent,
            direction: Direction::Higher,
            restricted: false,
            restricted_by: None,
            headline: true,
            noun_kk: None,
            noun_ru: None,
            formula: Formula::AppealsOnTime,
        };
        let s = sentence(&clearance, &fig(67.7, 69.1, true), Lang::Ru).unwrap_or_default();
        assert_eq!(
            s,
            "Раскрываемость: 67,7\u{a0}% против 69,1\u{a0}% в аналогичном периоде прошлого года, снижение на 1,4\u{a0}п.\u{a0}п."
        );
        let s = sentence(&clearance, &fig(67.7, 69.1, true), Lang::Kk).unwrap_or_default();
        assert_eq!(
            s,
            "Ашылу деңгейі: 67,7\u{a0}%, өткен жылдың сәйкес кезеңінде — 69,1\u{a0}%; 1,4 пайыздық тармаққа азайды."
        );
        let s = sentence(&clearance, &fig(67.7, 67.7, false), Lang::Kk).unwrap_or_default();
        assert_eq!(s, "Ашылу деңгейі: 67,7\u{a0}%, өткен жылдың сәйкес кезеңі деңгейінде.");
    }

    #[test]
    fn measures_by_status_lead_with_every_status() {
        let counts = [("done", 24), ("in_progress", 0), ("overdue", 13), ("not_done", 10)];
        assert_eq!(
            measures_by_status(&counts, Lang::Ru).as_deref(),
            Some(
                "Мероприятий программ: всего 47; выполнено — 24, в работе — 0, просрочено — 13, не выполнено — 10."
            )
        );
        assert_eq!(
            measures_by_status(&counts, Lang::Kk).as_deref(),
            Some(
                "Бағдарламалардың іс-шаралары: барлығы 47; орындалды — 24, орындалуда — 0, мерзімі өтті — 13, орындалмады — 10."
            )
        );
        assert_eq!(measures_by_status(&[("done", 0)], Lang::Ru), None);
    }

    #[test]
    fn main_points_give_both_years_the_difference_and_the_change() {
        let s = point(&theft(), &fig(275.0, 312.0, true), Lang::Ru);
        assert_eq!(s.as_deref(), Some("Кражи: 275 краж против 312 годом ранее (−37; −11,9 %)."));
        let mut small = fig(4.0, 1.0, false);
        small.change_pct = None;
        assert_eq!(
            point(&theft(), &small, Lang::Ru).as_deref(),
            Some("Кражи: 4 кражи против 1 годом ранее (+3°).")
        );
        assert_eq!(
            point(&theft(), &fig(275.0, 312.0, true), Lang::Kk).as_deref(),
            Some("Ұрлық: 275 ұрлық, бір жыл бұрын — 312 (−37; −11,9 %).")
        );
    }

    #[test]
    fn a_lead_opens_with_its_figure_and_names_only_tested_changes() {
        let theft = theft();
        let lead = esep_analysis::summary::Lead { opener: Some(0), ..Default::default() };
        let said = |f: Figure, lang| lead_of(&lead, &theft, &f, lang);
        assert_eq!(
            said(fig(275.0, 312.0, true), Lang::Ru),
            ["Кражи — 275: на 11,9\u{a0}% меньше, чем годом ранее (312)."]
        );
        assert_eq!(
            said(fig(275.0, 312.0, true), Lang::Kk),
            ["Ұрлық — 275: бір жыл бұрынғымен (312) салыстырғанда 11,9\u{a0}%\u{2011}ға азайды."]
        );
        // Within random variation: the two values, no "less".
        assert_eq!(said(fig(290.0, 280.0, false), Lang::Ru), ["Кражи — 290, годом ранее — 280."]);
        assert_eq!(said(fig(290.0, 280.0, false), Lang::Kk), ["Ұрлық — 290, бір жыл бұрын — 280."]);
        // A share is higher or lower, in points.
        let mut clearance = theft.clone();
        (clearance.ru, clearance.kk, clearance.unit) =
            ("Раскрываемость".into(), "Ашылу деңгейі".into(), Measure::Percent);
        assert_eq!(
            lead_of(&lead, &clearance, &fig(67.7, 69.1, true), Lang::Ru),
            ["Раскрываемость — 67,7\u{a0}%: на 1,4\u{a0}п.\u{a0}п. ниже, чем годом ранее (69,1\u{a0}%)."]
        );
        assert_eq!(
            lead_of(&lead, &clearance, &fig(67.7, 69.1, true), Lang::Kk),
            [
                "Ашылу деңгейі — 67,7\u{a0}%: бір жыл бұрынғымен (69,1\u{a0}%) салыстырғанда 1,4 пайыздық тармаққа төмендеді."
            ]
        );
        // Listed changes and the steady rest.
        let listed = esep_analysis::summary::Lead { better: vec![0], steady: false, ..Default::default() };
        assert_eq!(
            lead_of(&listed, &theft, &fig(275.0, 312.0, true), Lang::Ru),
            ["Заметные улучшения: кражи — 275 против 312 (−11,9 %)."]
        );
        let held = esep_analysis::summary::Lead { steady: true, ..Default::default() };
        assert!(lead_of(&held, &theft, &fig(1.0, 1.0, false), Lang::Kk).is_empty());
        assert_eq!(
            steady(&held, Lang::Kk).as_deref(),
            Some("Бөлімнің қалған көрсеткіштері айтарлықтай өзгерген жоқ.")
        );
        assert_eq!(steady(&listed, Lang::Ru), None);
    }

    fn lead_of(
        chosen: &esep_analysis::summary::Lead,
        ind: &Indicator,
        f: &Figure,
        lang: Lang,
    ) -> Vec<String> {
        lead(chosen, &[(ind, f)], lang)
    }

    #[test]
    fn the_assessment_counts_what_moved() {
        use esep_analysis::summary::{MainPoints, Overall};
        let main = |better, worse, overall| MainPoints { points: Vec::new(), overall, better, worse };
        let said = |m: MainPoints, lang| overall(&m, lang);
        assert_eq!(
            said(main(0, 1, Overall::Worsened), Lang::Ru),
            "В целом обстановка ухудшилась: заметно ухудшился 1 показатель, ни один не улучшился."
        );
        assert_eq!(
            said(main(3, 1, Overall::Improved), Lang::Ru),
            "В целом обстановка улучшилась: заметно улучшились 3 показателя, ухудшился 1 показатель."
        );
        assert_eq!(
            said(main(0, 0, Overall::Stable), Lang::Ru),
            "В целом обстановка стабильна: ни один показатель заметно не изменился."
        );
        assert_eq!(
            said(main(5, 21, Overall::Worsened), Lang::Ru),
            "В целом обстановка ухудшилась: заметно ухудшился 21 показатель, улучшились 5 показателей."
        );
        assert_eq!(
            said(main(0, 1, Overall::Worsened), Lang::Kk),
            "Жалпы жағдай нашарлады: 1 көрсеткіш айтарлықтай нашарлады, бірде-бір көрсеткіш жақсарған жоқ."
        );
        assert_eq!(
            said(main(2, 2, Overall::Stable), Lang::Kk),
            "Жалпы жағдай тұрақты: 2 көрсеткіш айтарлықтай жақсарды, 2 көрсеткіш нашарлады."
        );
    }

    #[test]
    fn missing_values() {
        let mut f = fig(5.0, 0.0, false);
        f.previous = None;
        assert_eq!(sentence(&theft(), &f, Lang::Ru).as_deref(), Some("Кражи: 5 краж."));
        f.current = None;
        assert_eq!(sentence(&theft(), &f, Lang::Ru), None);
    }
}

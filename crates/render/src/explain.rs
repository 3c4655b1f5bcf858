//! The report's annex for the public: each formula of the catalogue said in words, in the
//! document's language. Code-level formulas stay in `docs/indicators.md`, the workbooks and the
//! open data.

use esep_analysis::{Formula, Settings};
use esep_ingest::contract::{self, Choice};

use crate::lang::Lang;

/// How the figure of `formula` is obtained, in words.
pub fn formula(formula: &Formula, settings: &Settings, lang: Lang) -> String {
    let ru = lang == Lang::Ru;
    let pick = |kk: &str, ru_text: &str| if ru { ru_text.to_string() } else { kk.to_string() };
    let stat = |code: &str| {
        contract::stat_code(code)
            .map_or_else(|| code.to_string(), |s| lowercase_first(if ru { &s.ru } else { &s.kk }))
    };
    let choice = |list: &[Choice], id: &Option<String>| {
        id.as_ref().and_then(|id| list.iter().find(|c| c.id == id)).map(|c| if ru { c.ru } else { c.kk })
    };
    let sum = |codes: &[String]| codes.iter().map(|c| stat(c)).collect::<Vec<_>>().join(" + ");
    match formula {
        Formula::Stat { code } => pick(
            &format!("{}, статистикалық есептілік (1-М нысаны) бойынша", stat(code)),
            &format!("{}, по статистической отчётности (форма 1-М)", stat(code)),
        ),
        Formula::Rate { code, per } => {
            let per = crate::format::number(*per, 0);
            pick(
                &format!("{} × {per} / тұрғындар саны", stat(code)),
                &format!("{} × {per} / численность населения", stat(code)),
            )
        }
        Formula::Share { num, den, .. } => pick(
            &format!("({}) / ({}) × 100", sum(num), sum(den)),
            &format!("({}) / ({}) × 100", sum(num), sum(den)),
        ),
        Formula::Appeals { kind_of, applicant, outcome } => {
            let filters: Vec<&str> = [
                choice(contract::APPEAL_KINDS, kind_of),
                choice(contract::APPLICANTS, applicant),
                choice(contract::OUTCOMES, outcome),
            ]
            .into_iter()
            .flatten()
            .collect();
            let only = if filters.is_empty() { String::new() } else { format!(" ({})", filters.join(", ")) };
            pick(
                &format!("кезеңде түскен өтініштер саны{only}, өтініштер тізілімі бойынша"),
                &format!("число обращений, поступивших за период{only}, по журналу обращений"),
            )
        }
        Formula::AppealsOnTime => {
            let days = settings.appeals.term_working_days;
            pick(
                &format!(
                    "мерзімінде ({days} жұмыс күні, ӘРПК 76-бабы; ұзартылғанда {} ай) жауап берілген өтініштер / жауап берілген және мерзімі өткен өтініштер × 100",
                    settings.appeals.extended_term_months
                ),
                &format!(
                    "обращения, рассмотренные в срок ({days} рабочих дней, ст. 76 АППК; при продлении {} мес.) / рассмотренные и просроченные обращения × 100",
                    settings.appeals.extended_term_months
                ),
            )
        }
        Formula::AppealsMedianDays => pick(
            "өтініш түскен күннен жауапқа дейінгі жұмыс күндерінің медианасы",
            "медиана рабочих дней от поступления обращения до ответа",
        ),
        Formula::Media => pick(
            "кезеңдегі полиция туралы БАҚ жарияланымдарының саны",
            "число публикаций СМИ о полиции за период",
        ),
        Formula::MediaResponded => pick(
            "ден қою шарасы қабылданған жарияланымдар / барлық жарияланымдар × 100",
            "публикации, по которым приняты меры реагирования / все публикации × 100",
        ),
        Formula::SurveyN => pick("сауалнамаға қатысқандар саны", "число опрошенных"),
        Formula::SurveyTop { min, .. } => pick(
            &format!(
                "{min}–5 бағасын берген жауаптардың салмақталған үлесі (1–5 шкаласы), 95 % сенім аралығымен"
            ),
            &format!(
                "взвешенная доля ответов с оценкой {min}–5 по шкале 1–5, с 95-процентным доверительным интервалом"
            ),
        ),
        Formula::SurveyYes { .. } => pick(
            "«иә» жауаптарының салмақталған үлесі, 95 % сенім аралығымен",
            "взвешенная доля ответов «да», с 95-процентным доверительным интервалом",
        ),
        Formula::Measures { status, level } => {
            let filters: Vec<&str> =
                [choice(contract::PROGRAMME_STATUS, status), choice(contract::PROGRAMME_LEVELS, level)]
                    .into_iter()
                    .flatten()
                    .collect();
            let only = if filters.is_empty() { String::new() } else { format!(" ({})", filters.join(", ")) };
            pick(
                &format!("бағдарлама іс-шараларының саны{only}"),
                &format!("число мероприятий программ{only}"),
            )
        }
        Formula::ProgrammeExecution { .. } => pick(
            "іс-шаралардың орындалуының орташасы: нақты / жоспар × 100, әрқайсысы 100-ден аспайды",
            "среднее исполнение мероприятий: факт / план × 100, каждое не более 100",
        ),
        Formula::Funding { measure, purpose } => {
            let what = match (measure.as_str(), ru) {
                ("spent", true) => "освоенные средства акимата",
                ("spent", false) => "әкімдіктің игерілген қаражаты",
                (_, true) => "выделенные средства акимата",
                (_, false) => "әкімдіктің бөлінген қаражаты",
            };
            match choice(contract::FUNDING_PURPOSES, purpose) {
                Some(p) => format!("{what} ({p}), {}", if ru { "тенге" } else { "теңге" }),
                None => format!("{what}, {}", if ru { "тенге" } else { "теңге" }),
            }
        }
        Formula::FundingExecution => pick("игерілді / бөлінді × 100", "освоено / выделено × 100"),
    }
}

/// A label inside a sentence: its first letter in lower case, unless it opens an abbreviation
/// (ЖКО, ДТП), which keeps its capitals.
pub(crate) fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    let abbreviation = s.chars().nth(1).is_some_and(char::is_uppercase);
    match chars.next() {
        Some(c) if !abbreviation => c.to_lowercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use esep_analysis::Catalogue;

    #[test]
    fn every_formula_in_words_without_code() {
        let settings = Settings::builtin();
        for ind in Catalogue::builtin().indicators {
            for lang in Lang::ALL {
                let said = formula(&ind.formula, &settings, lang);
                assert!(!said.is_empty());
                // No identifier of the catalogue or the contract leaks into the public text.
                assert!(!said.contains('_') && !said.contains('Σ'), "{}: {said}", ind.code);
                assert!(!said.chars().any(|c| c.is_ascii_lowercase()), "{}: {said}", ind.code);
            }
        }
        assert_eq!(lowercase_first("ЖКО-да қаза тапқандар"), "ЖКО-да қаза тапқандар");
        assert_eq!(lowercase_first("Тіркелген: ұрлық"), "тіркелген: ұрлық");
        let clearance = Catalogue::builtin().indicators.into_iter().find(|i| i.code == "clearance");
        let said = clearance.map(|i| formula(&i.formula, &settings, Lang::Ru)).unwrap_or_default();
        assert_eq!(
            said,
            "(раскрыто: все уголовные правонарушения) / (зарегистрировано: все уголовные правонарушения) × 100"
        );
    }
}

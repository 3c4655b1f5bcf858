//! The input contract: every source, column, type and allowed value, declared once.
//!
//! Readers, the validator, the blank templates and `docs/input-contract.md` all read these
//! tables, so a column added here appears everywhere (a test keeps the page true).

/// One value of an enumeration: the stable id stored in frames, and its kk / ru labels.
/// Cells may hold any of the three (case does not matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// Stable English id, e.g. `district_in_city`.
    pub id: &'static str,
    /// Kazakh label.
    pub kk: &'static str,
    /// Russian label.
    pub ru: &'static str,
}

const fn c(id: &'static str, kk: &'static str, ru: &'static str) -> Choice {
    Choice { id, kk, ru }
}

/// What a cell must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Free text.
    Text,
    /// A new unit's code: it names the unit's folder in the pack (see [`crate::text::code_problem`]).
    Code,
    /// A unit code defined in the `units` source.
    UnitCode,
    /// A whole number not below `min`.
    Integer {
        /// Smallest allowed value.
        min: i64,
    },
    /// A number (tenge, targets) not below zero.
    Number,
    /// A strictly positive number (survey weights).
    Positive,
    /// A calendar date: a date cell, `DD.MM.YYYY` or `YYYY-MM-DD`.
    Date,
    /// A time of day: a time cell or `HH:MM`.
    Time,
    /// A year between 2000 and 2100.
    Year,
    /// Months of a cumulative period: 3, 6, 9 or 12.
    Months,
    /// A Likert answer 1–5.
    Likert,
    /// Yes or no (иә / жоқ, да / нет, yes / no, 1 / 0).
    YesNo,
    /// One of the listed choices.
    Choice(&'static [Choice]),
    /// One or more of the listed choices, separated by `;`, `,` or line breaks; stored as their
    /// ids in the list's order, joined by `;`.
    ChoiceSet(&'static [Choice]),
    /// An indicator code of the statistical returns (see [`STAT_CODES`]).
    StatCode,
}

impl ColumnType {
    /// What the validator expects, in English words (the contract page, the templates'
    /// validation).
    pub fn expected(&self) -> String {
        self.expected_msg().text(crate::diag::Lang::En)
    }

    /// What the validator expects, as a message for any language.
    pub fn expected_msg(&self) -> crate::Msg {
        use crate::Msg;
        let list = |choices: &[Choice]| {
            let en: Vec<_> = choices.iter().map(|c| format!("`{}`", c.id)).collect();
            let kk: Vec<_> = choices.iter().map(|c| format!("«{}»", c.kk)).collect();
            let ru: Vec<_> = choices.iter().map(|c| format!("«{}»", c.ru)).collect();
            crate::Arg::Name(Box::new([kk.join(", "), ru.join(", "), en.join(", ")]))
        };
        match self {
            Self::Text => Msg::new("expect-text"),
            Self::Code => Msg::new("expect-code").arg("max", crate::text::CODE_MAX_CHARS),
            Self::UnitCode => Msg::new("expect-unit-code"),
            Self::Integer { min } => Msg::new("expect-integer").arg("min", *min),
            Self::Number => Msg::new("expect-number"),
            Self::Positive => Msg::new("expect-positive"),
            Self::Date => Msg::new("expect-date"),
            Self::Time => Msg::new("expect-time"),
            Self::Year => Msg::new("expect-year"),
            Self::Months => Msg::new("expect-months"),
            Self::Likert => Msg::new("expect-likert"),
            Self::YesNo => Msg::new("expect-yes-no"),
            Self::Choice(choices) => Msg::new("expect-choice").arg("list", list(choices)),
            Self::ChoiceSet(choices) => Msg::new("expect-choices").arg("list", list(choices)),
            Self::StatCode => Msg::new("expect-indicator-code"),
        }
    }

    /// The stable code of a cell that does not hold this type.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Text => "E-TEXT",
            Self::Code => "E-CODE",
            Self::UnitCode => "E-UNIT-CODE",
            Self::Integer { .. } => "E-INTEGER",
            Self::Number => "E-NUMBER",
            Self::Positive => "E-POSITIVE",
            Self::Date => "E-DATE",
            Self::Time => "E-TIME",
            Self::Year => "E-YEAR",
            Self::Months => "E-MONTHS",
            Self::Likert => "E-LIKERT",
            Self::YesNo => "E-YES-NO",
            Self::Choice(_) => "E-CHOICE",
            Self::ChoiceSet(_) => "E-CHOICES",
            Self::StatCode => "E-INDICATOR-CODE",
        }
    }

    /// Short type name for the contract page and the template's explanation sheet.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Code => "code",
            Self::UnitCode => "unit code",
            Self::Integer { .. } => "integer",
            Self::Number => "number",
            Self::Positive => "number > 0",
            Self::Date => "date",
            Self::Time => "time",
            Self::Year => "year",
            Self::Months => "months",
            Self::Likert => "Likert 1–5",
            Self::YesNo => "yes / no",
            Self::Choice(_) => "choice",
            Self::ChoiceSet(_) => "choices",
            Self::StatCode => "indicator code",
        }
    }
}

/// One column of a source.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Stable English id, used in frames and accepted as a header.
    pub id: &'static str,
    /// Kazakh header, accepted as an alias.
    pub kk: &'static str,
    /// Russian header, accepted as an alias.
    pub ru: &'static str,
    /// What a cell must hold.
    pub ty: ColumnType,
    /// Whether an empty cell is an error.
    pub required: bool,
    /// Explanation for analysts, in Kazakh.
    pub about_kk: &'static str,
    /// Explanation for analysts, in Russian.
    pub about_ru: &'static str,
}

const fn col(
    id: &'static str,
    kk: &'static str,
    ru: &'static str,
    ty: ColumnType,
    required: bool,
    about: (&'static str, &'static str),
) -> Column {
    Column { id, kk, ru, ty, required, about_kk: about.0, about_ru: about.1 }
}

/// The sources of rule 10 of the order (plus the meeting of rule 8), one sheet each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceId {
    /// The department and its bodies.
    Units,
    /// Statistical returns (rule 10.1).
    Statistics,
    /// Crime-prevention programmes (rule 10.2).
    Programmes,
    /// Opinion survey, one row per respondent (rule 10.4).
    Survey,
    /// Local executive body's funding (rule 10.6).
    Funding,
    /// Appeals register (rule 10.3).
    Appeals,
    /// Media publications and responses (rule 10.5).
    Media,
    /// Text sections 6.8–6.10 and awards (rule 20).
    Narrative,
    /// The meeting and its announcement (rules 8, 11).
    Meeting,
    /// The protocol workbook's `protocol` sheet: the meeting as held (rule 13).
    Protocol,
    /// The protocol workbook's `decisions` sheet.
    Decisions,
    /// The protocol workbook's `items` sheet: complaints, proposals, remarks and questions.
    Items,
    /// The follow-up register's `meeting` sheet: the meeting whose items it follows.
    RegisterMeeting,
    /// The follow-up register's `register` sheet: one row per item not answered in full.
    Register,
}

/// One source: a sheet of a workbook in the input folder.
#[derive(Debug)]
pub struct Source {
    /// Which source.
    pub id: SourceId,
    /// Stable English name: the sheet name the template writes, and its file stem.
    pub name: &'static str,
    /// Kazakh name, accepted as a sheet name or file stem.
    pub kk: &'static str,
    /// Russian name, accepted as a sheet name or file stem.
    pub ru: &'static str,
    /// What the source holds, in Kazakh.
    pub about_kk: &'static str,
    /// What the source holds, in Russian.
    pub about_ru: &'static str,
    /// The columns, in template order.
    pub columns: &'static [Column],
    /// Columns whose combined values must be unique (empty: no key).
    pub key: &'static [&'static str],
}

impl Column {
    /// The column's header for a message, in each language.
    pub fn named(&self) -> crate::Arg {
        crate::Arg::Name(Box::new([self.kk.to_string(), self.ru.to_string(), self.id.to_string()]))
    }
}

impl Source {
    /// The header of column `id` for a message, in each language (the id if unknown).
    pub fn column_named(&self, id: &str) -> crate::Arg {
        self.column(id).map_or_else(|| crate::Arg::Text(id.to_string()), Column::named)
    }

    /// The source's name for a message, in each language.
    pub fn named(&self) -> crate::Arg {
        crate::Arg::Name(Box::new([self.kk.to_string(), self.ru.to_string(), self.name.to_string()]))
    }

    /// The column with this id.
    pub fn column(&self, id: &str) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.id == id)
    }
}

/// Levels of police bodies named by the order.
pub const LEVELS: &[Choice] = &[
    c("region", "облыс", "область"),
    c("city_republican", "республикалық маңызы бар қала", "город республиканского значения"),
    c("capital", "астана", "столица"),
    c("city", "қала", "город"),
    c("district", "аудан", "район"),
    c("district_in_city", "қаладағы аудан", "район в городе"),
];

/// Programme levels (rule 6.2).
pub const PROGRAMME_LEVELS: &[Choice] =
    &[c("republican", "республикалық", "республиканская"), c("regional", "өңірлік", "региональная")];

/// Status of a programme measure.
pub const PROGRAMME_STATUS: &[Choice] = &[
    c("done", "орындалды", "выполнено"),
    c("in_progress", "орындалуда", "в работе"),
    c("overdue", "мерзімі өтті", "просрочено"),
    c("not_done", "орындалмады", "не выполнено"),
];

/// Respondent's sex.
pub const SEXES: &[Choice] = &[c("male", "ер", "мужской"), c("female", "әйел", "женский")];

/// Respondent's age group (the survey covers people aged 15–80).
pub const AGE_GROUPS: &[Choice] = &[
    c("15-24", "15–24", "15–24"),
    c("25-34", "25–34", "25–34"),
    c("35-44", "35–44", "35–44"),
    c("45-54", "45–54", "45–54"),
    c("55-64", "55–64", "55–64"),
    c("65+", "65 және одан жоғары", "65 и старше"),
];

/// Purposes of local funding (rule 10.6).
pub const FUNDING_PURPOSES: &[Choice] = &[
    c("video_surveillance", "бейнебақылау", "видеонаблюдение"),
    c("vehicles", "көлік құралдары", "автотранспорт"),
    c("premises", "ғимараттар мен үй-жайлар", "здания и помещения"),
    c("equipment", "техника мен жабдықтар", "техника и оборудование"),
    c("communications", "байланыс", "связь"),
    c("other", "басқа", "прочее"),
];

/// Applicants named by rule 6.6.
pub const APPLICANTS: &[Choice] = &[
    c("individual", "жеке тұлға", "физическое лицо"),
    c("legal_entity", "заңды тұлға", "юридическое лицо"),
    c("maslikhat_deputy", "мәслихат депутаты", "депутат маслихата"),
    c("state_body", "мемлекеттік орган", "государственный орган"),
];

/// Kinds of appeals.
pub const APPEAL_KINDS: &[Choice] = &[
    c("complaint", "шағым", "жалоба"),
    c("proposal", "ұсыныс", "предложение"),
    c("request", "өтініш", "заявление"),
];

/// Outcomes of appeals.
pub const OUTCOMES: &[Choice] = &[
    c("satisfied", "қанағаттандырылды", "удовлетворено"),
    c("explained", "түсіндірілді", "разъяснено"),
    c("rejected", "бас тартылды", "отказано"),
    c("forwarded", "құзыреті бойынша жіберілді", "направлено по компетенции"),
];

/// Text sections of the report (rule 6 items 8–10), what was done under items 1–7, and awards
/// (rule 20).
pub const NARRATIVE_SECTIONS: &[Choice] = &[
    c("measures", "қабылданған шаралар", "принятые меры"),
    c("legislation", "заңнамадағы өзгерістер", "изменения в законодательстве"),
    c(
        "local_problems",
        "жергілікті деңгейде шешуді талап ететін мәселелер",
        "вопросы, требующие решения на местном уровне",
    ),
    c("other", "өзге де мәселелер", "иные вопросы"),
    c("awards", "марапаттау", "награждение"),
];

/// The language a text was written in, for text quoted as written (titles, citizens' words).
pub const LANGUAGES: &[Choice] =
    &[c("kk", "қазақ тілі", "казахский"), c("ru", "орыс тілі", "русский"), c("other", "басқа тіл", "другой")];

/// Who is invited to the meeting: the local executive body (rule 4) and the groups of rule 11.
pub const INVITEES: &[Choice] = &[
    c("local_executive", "жергілікті атқарушы орган", "местный исполнительный орган"),
    c("maslikhat", "мәслихат депутаттары", "депутаты маслихата"),
    c("public", "жұртшылық", "общественность"),
    c("health", "денсаулық сақтау органдары", "органы здравоохранения"),
    c(
        "labour_social",
        "еңбек және халықты әлеуметтік қорғау органдары",
        "органы труда и социальной защиты населения",
    ),
    c("education_science", "білім және ғылым органдары", "органы образования и науки"),
    c(
        "rural_housing",
        "ауыл және тұрғын үй-коммуналдық шаруашылықтар",
        "сельское и жилищно-коммунальное хозяйство",
    ),
    c("organisations", "ұйымдар мен кәсіпорындар", "организации и предприятия"),
    c("media", "бұқаралық ақпарат құралдары", "средства массовой информации"),
];

/// What a citizen brought to the meeting (rules 13, 16: complaints, proposals and remarks; and
/// questions).
pub const ITEM_KINDS: &[Choice] = &[
    c("complaint", "шағым", "жалоба"),
    c("proposal", "ұсыныс", "предложение"),
    c("remark", "ескерту", "замечание"),
    c("question", "сұрақ", "вопрос"),
];

/// What became of an item taken for checking after the meeting (rules 16, 17).
pub const FOLLOWUP_OUTCOMES: &[Choice] = &[
    c("satisfied", "қанағаттандырылды", "удовлетворено"),
    c("explained", "түсіндірілді", "разъяснено"),
    c("rejected", "қанағаттандырудан бас тартылды", "отказано"),
    c("forwarded", "құзыретті органға жіберілді", "направлено по компетенции"),
];

/// Yes / no labels written by templates.
pub const YES_NO: &[Choice] = &[c("yes", "иә", "да"), c("no", "жоқ", "нет")];

/// One indicator code of the statistical returns.
#[derive(Debug, Clone)]
pub struct StatCode {
    /// Code, e.g. `registered_theft`.
    pub code: String,
    /// Kazakh label.
    pub kk: String,
    /// Russian label.
    pub ru: String,
}

/// Categories counted as both registered and solved: (suffix, kk, ru).
pub const SOLVED_CATEGORIES: &[(&str, &str, &str)] = &[
    ("total", "барлық қылмыстық құқық бұзушылықтар", "все уголовные правонарушения"),
    ("crimes", "қылмыстар", "преступления"),
    ("minor", "онша ауыр емес қылмыстар", "преступления небольшой тяжести"),
    ("medium", "орташа ауырлықтағы қылмыстар", "преступления средней тяжести"),
    ("grave", "ауыр қылмыстар", "тяжкие преступления"),
    ("especially_grave", "аса ауыр қылмыстар", "особо тяжкие преступления"),
    ("murder", "адам өлтіру", "убийства"),
    ("grievous_harm", "денсаулыққа ауыр зиян келтіру", "причинение тяжкого вреда здоровью"),
    ("rape", "зорлау", "изнасилования"),
    ("brigandage", "қарақшылық", "разбои"),
    ("robbery", "тонау", "грабежи"),
    ("theft", "ұрлық", "кражи"),
    ("cattle_theft", "мал ұрлығы", "скотокрадство"),
    ("fraud", "алаяқтық", "мошенничество"),
    ("hooliganism", "бұзақылық", "хулиганство"),
    ("drugs", "есірткі қылмыстары", "наркопреступления"),
    ("public_places", "қоғамдық орындарда", "в общественных местах"),
    ("streets", "көшелерде", "на улицах"),
];

/// Categories counted as registered only: (suffix, kk, ru).
pub const REGISTERED_ONLY: &[(&str, &str, &str)] = &[
    ("misdemeanours", "қылмыстық теріс қылықтар", "уголовные проступки"),
    ("internet_fraud", "интернет-алаяқтық", "интернет-мошенничество"),
    ("domestic", "отбасылық-тұрмыстық салада", "в семейно-бытовой сфере"),
    ("by_minors", "кәмелетке толмағандар жасаған", "совершено несовершеннолетними"),
    ("repeat", "бұрын қылмыс жасағандар жасаған", "совершено ранее совершавшими"),
    ("intoxicated", "мас күйінде жасалған", "в состоянии опьянения"),
];

/// Codes that stand alone: (code, kk, ru).
pub const OTHER_STAT_CODES: &[(&str, &str, &str)] = &[
    ("sent_to_court", "сотқа жіберілген істер", "направлено дел в суд"),
    ("interrupted_unidentified", "адам анықталмағандықтан үзілген істер", "прервано за неустановлением лица"),
    ("admin_offences", "анықталған әкімшілік құқық бұзушылықтар", "выявлено административных правонарушений"),
    ("road_accidents", "жол-көлік оқиғалары", "дорожно-транспортные происшествия"),
    ("road_deaths", "ЖКО-да қаза тапқандар", "погибло в ДТП"),
    ("road_injured", "ЖКО-да жарақат алғандар", "ранено в ДТП"),
    ("road_drunk_drivers", "анықталған мас жүргізушілер", "выявлено нетрезвых водителей"),
    (
        "corruption_registered",
        "тіркелген сыбайлас жемқорлық құқық бұзушылықтары",
        "зарегистрировано коррупционных правонарушений",
    ),
    (
        "corruption_sent_to_court",
        "сотқа жіберілген сыбайлас жемқорлық істері",
        "направлено в суд коррупционных дел",
    ),
    (
        "officers_prosecuted",
        "қылмыстық жауапқа тартылған полиция қызметкерлері",
        "сотрудников полиции привлечено к уголовной ответственности",
    ),
];

/// The indicator code `code` of the statistical returns, if there is one.
pub fn stat_code(code: &str) -> Option<&'static StatCode> {
    static CODES: std::sync::LazyLock<Vec<StatCode>> = std::sync::LazyLock::new(stat_codes);
    CODES.iter().find(|c| c.code == code)
}

/// Every indicator code of the statistical returns, in template order.
pub fn stat_codes() -> Vec<StatCode> {
    let mut out = Vec::new();
    for (suffix, kk, ru) in SOLVED_CATEGORIES.iter().chain(REGISTERED_ONLY) {
        out.push(StatCode {
            code: format!("registered_{suffix}"),
            kk: format!("Тіркелген: {kk}"),
            ru: format!("Зарегистрировано: {ru}"),
        });
    }
    for (suffix, kk, ru) in SOLVED_CATEGORIES {
        out.push(StatCode {
            code: format!("solved_{suffix}"),
            kk: format!("Ашылған: {kk}"),
            ru: format!("Раскрыто: {ru}"),
        });
    }
    for (code, kk, ru) in OTHER_STAT_CODES {
        out.push(StatCode { code: (*code).into(), kk: (*kk).into(), ru: (*ru).into() });
    }
    out
}

use ColumnType as T;

const UNIT: Column = col(
    "unit",
    "бөлініс коды",
    "код подразделения",
    T::UnitCode,
    true,
    ("Бөліністің коды (units парағынан)", "Код подразделения (из листа units)"),
);

/// Every source of the contract, in the order the report uses them.
pub static SOURCES: &[Source] = &[
    Source {
        id: SourceId::Units,
        name: "units",
        kk: "бөліністер",
        ru: "подразделения",
        about_kk: "Департамент және оның қалалық, аудандық, қаладағы аудандық полиция органдары",
        about_ru: "Департамент и его городские, районные, районные в городе органы полиции",
        key: &["code"],
        columns: &[
            col(
                "code",
                "код",
                "код",
                T::Code,
                true,
                ("Бөліністің бірегей коды, мысалы SRK-01", "Уникальный код подразделения, например SRK-01"),
            ),
            col(
                "parent",
                "жоғары тұрған бөлініс",
                "вышестоящее подразделение",
                T::UnitCode,
                false,
                (
                    "Жоғары тұрған бөліністің коды; департамент үшін бос",
                    "Код вышестоящего подразделения; пусто для департамента",
                ),
            ),
            col(
                "level",
                "деңгей",
                "уровень",
                T::Choice(LEVELS),
                true,
                ("Полиция органының деңгейі", "Уровень органа полиции"),
            ),
            col(
                "name_kk",
                "атауы (қазақша)",
                "наименование (каз.)",
                T::Text,
                true,
                ("Органның толық атауы қазақ тілінде", "Полное наименование органа на казахском языке"),
            ),
            col(
                "name_ru",
                "атауы (орысша)",
                "наименование (рус.)",
                T::Text,
                true,
                ("Органның толық атауы орыс тілінде", "Полное наименование органа на русском языке"),
            ),
            col(
                "population",
                "халық саны",
                "численность населения",
                T::Integer { min: 1 },
                true,
                (
                    "Қызмет көрсетілетін аумақтың халқы (10 мың тұрғынға шаққанда есептеу үшін)",
                    "Население обслуживаемой территории (для расчёта на 10 тыс. населения)",
                ),
            ),
            col(
                "population_previous",
                "халық саны (өткен жыл)",
                "численность населения (прошлый год)",
                T::Integer { min: 1 },
                false,
                (
                    "Өткен жылғы халық саны: өткен жылдың көрсеткіштері 10 мың тұрғынға соған шаққанда есептеледі; бос болса — биылғы халық саны",
                    "Население прошлого года: показатели прошлого года на 10 тыс. населения считаются по нему; если пусто — по населению отчётного года",
                ),
            ),
            col(
                "population_date",
                "халық саны қай күнге",
                "численность населения на дату",
                T::Date,
                false,
                (
                    "Халық саны алынған күн (мысалы, 01.01.2025); кестелердің ескертпесінде көрсетіледі",
                    "Дата, на которую дана численность населения (например, 01.01.2025); указывается в примечании к таблицам",
                ),
            ),
            col(
                "chief_name",
                "бастықтың аты-жөні",
                "ФИО начальника",
                T::Text,
                true,
                ("Бастықтың тегі, аты, әкесінің аты", "Фамилия, имя, отчество начальника"),
            ),
            col(
                "chief_rank_kk",
                "атағы (қазақша)",
                "звание (каз.)",
                T::Text,
                true,
                ("Бастықтың арнаулы атағы қазақ тілінде", "Специальное звание начальника на казахском языке"),
            ),
            col(
                "chief_rank_ru",
                "атағы (орысша)",
                "звание (рус.)",
                T::Text,
                true,
                ("Бастықтың арнаулы атағы орыс тілінде", "Специальное звание начальника на русском языке"),
            ),
        ],
    },
    Source {
        id: SourceId::Statistics,
        name: "statistics",
        kk: "статистика",
        ru: "статистика",
        about_kk: "Мемлекеттік және ведомстволық статистикалық есептілік: бір жол — бір көрсеткіш, бөлініс, жыл",
        about_ru: "Государственная и ведомственная статистическая отчётность: одна строка — один показатель, подразделение, год",
        key: &["unit", "year", "months", "indicator"],
        columns: &[
            UNIT,
            col(
                "year",
                "жыл",
                "год",
                T::Year,
                true,
                ("Есепті жыл немесе өткен жыл (АППГ)", "Отчётный год или прошлый год (АППГ)"),
            ),
            col(
                "months",
                "ай саны",
                "количество месяцев",
                T::Months,
                true,
                (
                    "1 қаңтардан бастап кезең: 3, 6, 9 немесе 12 ай",
                    "Период с 1 января: 3, 6, 9 или 12 месяцев",
                ),
            ),
            col(
                "indicator",
                "көрсеткіш коды",
                "код показателя",
                T::StatCode,
                true,
                ("Көрсеткіш коды (lists парағындағы тізім)", "Код показателя (список на листе lists)"),
            ),
            col(
                "value",
                "мәні",
                "значение",
                T::Integer { min: 0 },
                true,
                ("Саны, бүтін сан", "Количество, целое число"),
            ),
        ],
    },
    Source {
        id: SourceId::Programmes,
        name: "programmes",
        kk: "бағдарламалар",
        ru: "программы",
        about_kk: "Қылмысқа қарсы күрес және профилактика жөніндегі республикалық және өңірлік бағдарламалардың іс-шаралары",
        about_ru: "Мероприятия республиканских и региональных программ по борьбе с преступностью и профилактике",
        key: &["unit", "programme_ru", "measure_ru"],
        columns: &[
            UNIT,
            col(
                "level",
                "деңгейі",
                "уровень",
                T::Choice(PROGRAMME_LEVELS),
                true,
                ("Республикалық немесе өңірлік", "Республиканская или региональная"),
            ),
            col(
                "programme_kk",
                "бағдарлама (қазақша)",
                "программа (каз.)",
                T::Text,
                true,
                ("Бағдарламаның атауы", "Наименование программы на казахском"),
            ),
            col(
                "programme_ru",
                "бағдарлама (орысша)",
                "программа (рус.)",
                T::Text,
                true,
                ("Бағдарламаның атауы орыс тілінде", "Наименование программы"),
            ),
            col(
                "measure_kk",
                "іс-шара (қазақша)",
                "мероприятие (каз.)",
                T::Text,
                true,
                ("Іс-шара", "Мероприятие на казахском"),
            ),
            col(
                "measure_ru",
                "іс-шара (орысша)",
                "мероприятие (рус.)",
                T::Text,
                true,
                ("Іс-шара орыс тілінде", "Мероприятие"),
            ),
            col(
                "measure_unit",
                "өлшем бірлігі",
                "единица измерения",
                T::Text,
                true,
                ("Өлшем бірлігі, мысалы «дана», «%»", "Единица измерения, например «шт.», «%»"),
            ),
            col("target", "жоспар", "план", T::Number, true, ("Жоспарлы мәні", "Плановое значение")),
            col("actual", "нақты", "факт", T::Number, true, ("Нақты орындалғаны", "Фактическое исполнение")),
            col("deadline", "мерзімі", "срок", T::Date, true, ("Орындау мерзімі", "Срок исполнения")),
            col(
                "status",
                "мәртебесі",
                "статус",
                T::Choice(PROGRAMME_STATUS),
                true,
                ("Орындалу мәртебесі", "Статус исполнения"),
            ),
        ],
    },
    Source {
        id: SourceId::Survey,
        name: "survey",
        kk: "сауалнама",
        ru: "опрос",
        about_kk: "Қоғамдық пікір сауалнамасы: бір жол — бір респондент",
        about_ru: "Опрос общественного мнения: одна строка — один респондент",
        key: &["respondent"],
        columns: &[
            col(
                "respondent",
                "респондент",
                "респондент",
                T::Text,
                true,
                ("Респонденттің бірегей нөмірі", "Уникальный номер респондента"),
            ),
            UNIT,
            col("date", "күні", "дата", T::Date, true, ("Сауалнама күні", "Дата опроса")),
            col("sex", "жынысы", "пол", T::Choice(SEXES), true, ("Жынысы", "Пол")),
            col(
                "age_group",
                "жас тобы",
                "возрастная группа",
                T::Choice(AGE_GROUPS),
                true,
                ("Жас тобы", "Возрастная группа"),
            ),
            col(
                "weight",
                "салмағы",
                "вес",
                T::Positive,
                true,
                ("Статистикалық салмақ (салмақсыз болса 1)", "Статистический вес (1, если без взвешивания)"),
            ),
            col(
                "trust",
                "полицияға сенім",
                "доверие полиции",
                T::Likert,
                false,
                (
                    "1 — мүлдем сенбеймін … 5 — толық сенемін; бос — жауап жоқ",
                    "1 — совсем не доверяю … 5 — полностью доверяю; пусто — нет ответа",
                ),
            ),
            col(
                "safe_day",
                "күндіз қауіпсіздік",
                "безопасность днём",
                T::Likert,
                false,
                ("Күндізгі қауіпсіздік сезімі, 1–5", "Чувство безопасности днём, 1–5"),
            ),
            col(
                "safe_night",
                "түнде қауіпсіздік",
                "безопасность ночью",
                T::Likert,
                false,
                ("Түнгі қауіпсіздік сезімі, 1–5", "Чувство безопасности ночью, 1–5"),
            ),
            col(
                "satisfaction",
                "соңғы байланысқа қанағаттану",
                "удовлетворённость последним контактом",
                T::Likert,
                false,
                (
                    "Полициямен соңғы байланысқа қанағаттану, 1–5; байланыс болмаса бос",
                    "Удовлетворённость последним контактом с полицией, 1–5; пусто, если контакта не было",
                ),
            ),
            col(
                "extortion",
                "пара талап ету",
                "вымогательство",
                T::YesNo,
                false,
                (
                    "Полиция қызметкерлері тарапынан пара талап ету жағдайы болды ма",
                    "Сталкивались ли с вымогательством со стороны сотрудников полиции",
                ),
            ),
            col(
                "knows_inspector",
                "учаскелік инспекторды біледі",
                "знает участкового инспектора",
                T::YesNo,
                false,
                ("Өз учаскелік инспекторын біледі ме", "Знает ли своего участкового инспектора"),
            ),
        ],
    },
    Source {
        id: SourceId::Funding,
        name: "funding",
        kk: "қаржыландыру",
        ru: "финансирование",
        about_kk: "Жергілікті атқарушы органның (әкімдіктің) полицияға бөлген қаражаты және оның пайдаланылуы",
        about_ru: "Средства местного исполнительного органа (акимата), выделенные полиции, и их использование",
        key: &["unit", "year", "purpose"],
        columns: &[
            UNIT,
            col("year", "жыл", "год", T::Year, true, ("Қаржы жылы", "Финансовый год")),
            col(
                "purpose",
                "мақсаты",
                "назначение",
                T::Choice(FUNDING_PURPOSES),
                true,
                ("Қаражаттың мақсаты", "Назначение средств"),
            ),
            col(
                "allocated",
                "бөлінді, теңге",
                "выделено, тенге",
                T::Number,
                true,
                ("Бөлінген сома, теңге", "Выделенная сумма, тенге"),
            ),
            col(
                "spent",
                "игерілді, теңге",
                "освоено, тенге",
                T::Number,
                true,
                ("Игерілген сома, теңге", "Освоенная сумма, тенге"),
            ),
        ],
    },
    Source {
        id: SourceId::Appeals,
        name: "appeals",
        kk: "өтініштер",
        ru: "обращения",
        about_kk: "Жеке және заңды тұлғалардың, мәслихат депутаттарының, мемлекеттік органдардың өтініштерінің тізілімі",
        about_ru: "Реестр обращений физических и юридических лиц, депутатов маслихата, государственных органов",
        key: &["id"],
        columns: &[
            col(
                "id",
                "тіркеу нөмірі",
                "регистрационный номер",
                T::Text,
                true,
                ("Өтініштің тіркеу нөмірі", "Регистрационный номер обращения"),
            ),
            UNIT,
            col(
                "received",
                "түскен күні",
                "дата поступления",
                T::Date,
                true,
                ("Өтініш түскен күн", "Дата поступления"),
            ),
            col(
                "answered",
                "жауап күні",
                "дата ответа",
                T::Date,
                false,
                ("Жауап берілген күн; қаралуда болса бос", "Дата ответа; пусто, если на рассмотрении"),
            ),
            col(
                "applicant",
                "өтініш беруші",
                "заявитель",
                T::Choice(APPLICANTS),
                true,
                ("Өтініш берушінің түрі", "Тип заявителя"),
            ),
            col(
                "kind",
                "түрі",
                "вид",
                T::Choice(APPEAL_KINDS),
                true,
                ("Шағым, ұсыныс немесе өтініш", "Жалоба, предложение или заявление"),
            ),
            col(
                "topic",
                "мәселе",
                "тема",
                T::Text,
                true,
                ("Өтініштің қысқаша мазмұны", "Краткое содержание обращения"),
            ),
            col(
                "topic_language",
                "мәселе тілі",
                "язык темы",
                T::Choice(LANGUAGES),
                false,
                (
                    "Мәселе жазылған тіл; бос болса әріптерінен анықталады",
                    "Язык, на котором записана тема; если пусто, определяется по буквам",
                ),
            ),
            col(
                "outcome",
                "нәтижесі",
                "результат",
                T::Choice(OUTCOMES),
                false,
                (
                    "Қарау нәтижесі; жауап күні болса міндетті",
                    "Результат рассмотрения; обязателен при наличии даты ответа",
                ),
            ),
            col(
                "extended",
                "мерзімі ұзартылды",
                "срок продлён",
                T::YesNo,
                false,
                ("ӘРПК 76-бабы бойынша мерзім ұзартылды ма", "Продлён ли срок по статье 76 АППК"),
            ),
            col(
                "for_meeting",
                "есепке арналған сұрақ",
                "вопрос к отчёту",
                T::YesNo,
                false,
                ("Есептік кездесуге дейін жіберілген сұрақ", "Вопрос, направленный до отчётной встречи"),
            ),
        ],
    },
    Source {
        id: SourceId::Media,
        name: "media",
        kk: "бақ",
        ru: "сми",
        about_kk: "Полиция қызметіндегі кемшіліктер туралы БАҚ жарияланымдары және ден қою шаралары",
        about_ru: "Публикации СМИ о недостатках в деятельности полиции и принятые меры реагирования",
        key: &["id"],
        columns: &[
            col("id", "нөмірі", "номер", T::Text, true, ("Жарияланымның нөмірі", "Номер публикации")),
            UNIT,
            col(
                "date",
                "жарияланған күні",
                "дата публикации",
                T::Date,
                true,
                ("Жарияланған күн", "Дата публикации"),
            ),
            col(
                "outlet_kk",
                "басылым (қазақша)",
                "издание (каз.)",
                T::Text,
                true,
                ("БАҚ атауы қазақ тілінде", "Наименование СМИ на казахском"),
            ),
            col(
                "outlet_ru",
                "басылым (орысша)",
                "издание (рус.)",
                T::Text,
                true,
                ("БАҚ атауы орыс тілінде", "Наименование СМИ на русском"),
            ),
            col(
                "title",
                "тақырыбы",
                "заголовок",
                T::Text,
                true,
                (
                    "Жарияланымның тақырыбы, жарияланғандай (есепте тырнақшамен келтіріледі)",
                    "Заголовок публикации, как опубликован (в отчёте приводится в кавычках)",
                ),
            ),
            col(
                "title_language",
                "тақырып тілі",
                "язык заголовка",
                T::Choice(LANGUAGES),
                false,
                (
                    "Тақырып жазылған тіл; бос болса әріптерінен анықталады",
                    "Язык заголовка; если пусто, определяется по буквам",
                ),
            ),
            col(
                "response_kk",
                "ден қою шарасы (қазақша)",
                "меры реагирования (каз.)",
                T::Text,
                false,
                (
                    "Қабылданған шаралар қазақ тілінде; әлі жоқ болса бос",
                    "Принятые меры на казахском; пусто, если их ещё нет",
                ),
            ),
            col(
                "response_ru",
                "ден қою шарасы (орысша)",
                "меры реагирования (рус.)",
                T::Text,
                false,
                (
                    "Қабылданған шаралар орыс тілінде; әлі жоқ болса бос",
                    "Принятые меры на русском; пусто, если их ещё нет",
                ),
            ),
            col(
                "response_date",
                "ден қою күні",
                "дата реагирования",
                T::Date,
                false,
                ("Шара қабылданған күн", "Дата принятия мер"),
            ),
        ],
    },
    Source {
        id: SourceId::Narrative,
        name: "narrative",
        kk: "мәтін",
        ru: "текст",
        about_kk: "Есептің мәтіндік бөлімдері (6-тармақтың 8–10 тармақшалары), 1–7 тармақшалар бойынша қабылданған шаралар және марапаттау (20-тармақ); бір жол — бір абзац",
        about_ru: "Текстовые разделы отчёта (подпункты 8–10 пункта 6), принятые меры по подпунктам 1–7 и награждение (пункт 20); одна строка — один абзац",
        key: &[],
        columns: &[
            UNIT,
            col(
                "section",
                "бөлім",
                "раздел",
                T::Choice(NARRATIVE_SECTIONS),
                true,
                ("Есеп бөлімі", "Раздел отчёта"),
            ),
            col(
                "item",
                "тармақша",
                "подпункт",
                T::Integer { min: 1 },
                false,
                (
                    "6-тармақтың тармақшасы (1–7): «қабылданған шаралар» үшін міндетті — абзац сол бөлімнің кіріспесінде оқылады; жергілікті деңгейдегі мәселе үшін — оны сол бөлімнің кіріспесі де атайды",
                    "Подпункт пункта 6 (1–7): обязателен для «принятые меры» — абзац читается во вступлении этого раздела; у вопроса местного уровня — его назовёт и вступление этого раздела",
                ),
            ),
            col(
                "text_kk",
                "мәтін (қазақша)",
                "текст (каз.)",
                T::Text,
                true,
                ("Абзац қазақ тілінде", "Абзац на казахском языке"),
            ),
            col(
                "text_ru",
                "мәтін (орысша)",
                "текст (рус.)",
                T::Text,
                true,
                ("Абзац орыс тілінде", "Абзац на русском языке"),
            ),
        ],
    },
    Source {
        id: SourceId::Meeting,
        name: "meeting",
        kk: "кездесу",
        ru: "встреча",
        about_kk: "Есептік кездесу және хабарландыру (8, 11-тармақтар)",
        about_ru: "Отчётная встреча и объявление (пункты 8, 11)",
        key: &["unit"],
        columns: &[
            UNIT,
            col("date", "күні", "дата", T::Date, true, ("Кездесу күні", "Дата встречи")),
            col("time", "уақыты", "время", T::Time, true, ("Басталу уақыты, СС:ММ", "Время начала, ЧЧ:ММ")),
            col(
                "place_kk",
                "орны (қазақша)",
                "место (каз.)",
                T::Text,
                true,
                ("Өткізу орны мен мекенжайы", "Место и адрес на казахском"),
            ),
            col(
                "place_ru",
                "орны (орысша)",
                "место (рус.)",
                T::Text,
                true,
                ("Өткізу орны орыс тілінде", "Место и адрес проведения"),
            ),
            col(
                "capacity",
                "орын саны",
                "вместимость",
                T::Integer { min: 1 },
                true,
                ("Залдың сыйымдылығы (9-тармақ)", "Вместимость зала (пункт 9)"),
            ),
            col(
                "expected",
                "күтілетін қатысушылар",
                "ожидается участников",
                T::Integer { min: 1 },
                false,
                (
                    "Күтілетін қатысушылар саны; зал сыйымдылығынан көп болса — ескерту (9-тармақ)",
                    "Ожидаемое число участников; больше вместимости зала — предупреждение (пункт 9)",
                ),
            ),
            col(
                "announced",
                "хабарландыру күні",
                "дата объявления",
                T::Date,
                true,
                (
                    "БАҚ-та жарияланған күн; кездесуден кемінде 10 күн бұрын",
                    "Дата публикации в СМИ; не позднее чем за 10 дней",
                ),
            ),
            col(
                "outlets",
                "жарияланған БАҚ",
                "СМИ публикации",
                T::Text,
                true,
                (
                    "Хабарландыру жарияланған өңірлік БАҚ: мерзімді басылымдар, теле-радиоарналар, ресми интернет-ресурстар (8.2-тармақ)",
                    "Региональные СМИ, где опубликовано объявление: периодические издания, теле- и радиоканалы, официальные интернет-ресурсы (пункт 8.2)",
                ),
            ),
            col(
                "questions_kk",
                "сұрақ жіберу тәсілдері (қазақша)",
                "способы направить вопросы (каз.)",
                T::Text,
                true,
                ("Сұрақтар мен ұсыныстарды жіберу тәсілдері", "Способы направить вопросы, на казахском"),
            ),
            col(
                "questions_ru",
                "сұрақ жіберу тәсілдері (орысша)",
                "способы направить вопросы (рус.)",
                T::Text,
                true,
                ("Сұрақ жіберу тәсілдері орыс тілінде", "Способы направить вопросы и предложения"),
            ),
            col(
                "invited",
                "шақырылғандар",
                "приглашённые",
                T::ChoiceSet(INVITEES),
                true,
                (
                    "Шақырылған топтар, «;» арқылы: жергілікті атқарушы орган (4-тармақ) және 11-тармақтың топтары",
                    "Приглашённые группы через «;»: местный исполнительный орган (пункт 4) и группы пункта 11",
                ),
            ),
            col(
                "invited_other_kk",
                "басқа шақырылғандар (қазақша)",
                "другие приглашённые (каз.)",
                T::Text,
                false,
                ("Тізімде жоқ шақырылғандар, қазақ тілінде", "Другие приглашённые, на казахском"),
            ),
            col(
                "invited_other_ru",
                "басқа шақырылғандар (орысша)",
                "другие приглашённые (рус.)",
                T::Text,
                false,
                ("Тізімде жоқ шақырылғандар, орыс тілінде", "Другие приглашённые, на русском"),
            ),
            col(
                "secretary",
                "хатшы",
                "секретарь",
                T::Text,
                true,
                ("Хаттаманы жүргізетін қызметкер (12-тармақ)", "Сотрудник, ведущий протокол (пункт 12)"),
            ),
        ],
    },
];

/// The source with this id, of the input folder or of the protocol workbook.
pub fn source(id: SourceId) -> &'static Source {
    // SOURCES, PROTOCOL_SOURCES and REGISTER_SOURCES hold every id exactly once (checked by a
    // test).
    SOURCES.iter().chain(PROTOCOL_SOURCES).chain(REGISTER_SOURCES).find(|s| s.id == id).unwrap_or(&SOURCES[0])
}

const PREFILLED_KK: &str = "Есептен толтырылған; өзгертпеңіз";
const PREFILLED_RU: &str = "Заполнено из отчёта; не изменяйте";

/// The protocol workbook (`protocol.xlsx` of each unit's pack) that the secretary fills in at the
/// meeting and `esep protocol` reads back: the meeting as held, its decisions, and every item
/// citizens brought (rules 12–18).
pub static PROTOCOL_SOURCES: &[Source] = &[
    Source {
        id: SourceId::Protocol,
        name: "protocol",
        kk: "хаттама",
        ru: "протокол",
        about_kk: "Кездесу қалай өтті (13-тармақ): бір жол",
        about_ru: "Как прошла встреча (пункт 13): одна строка",
        key: &["unit"],
        columns: &[
            UNIT,
            col(
                "unit_kk",
                "бөлініс (қазақша)",
                "подразделение (каз.)",
                T::Text,
                true,
                (PREFILLED_KK, PREFILLED_RU),
            ),
            col(
                "unit_ru",
                "бөлініс (орысша)",
                "подразделение (рус.)",
                T::Text,
                true,
                (PREFILLED_KK, PREFILLED_RU),
            ),
            col(
                "chief_kk",
                "бастық (қазақша)",
                "начальник (каз.)",
                T::Text,
                true,
                (PREFILLED_KK, PREFILLED_RU),
            ),
            col(
                "chief_ru",
                "бастық (орысша)",
                "начальник (рус.)",
                T::Text,
                true,
                (PREFILLED_KK, PREFILLED_RU),
            ),
            col("date", "кездесу күні", "дата встречи", T::Date, true, ("Кездесу өткен күн", "Дата встречи")),
            col(
                "place_kk",
                "өткен орны (қазақша)",
                "место проведения (каз.)",
                T::Text,
                true,
                ("Кездесу өткен орын, қазақ тілінде", "Место проведения, на казахском"),
            ),
            col(
                "place_ru",
                "өткен орны (орысша)",
                "место проведения (рус.)",
                T::Text,
                true,
                ("Кездесу өткен орын, орыс тілінде", "Место проведения, на русском"),
            ),
            col(
                "capacity",
                "орын саны",
                "вместимость",
                T::Integer { min: 1 },
                false,
                ("Залдың сыйымдылығы (9-тармақ)", "Вместимость зала (пункт 9)"),
            ),
            col(
                "start",
                "басталды",
                "начало",
                T::Time,
                true,
                ("Нақты басталу уақыты, СС:ММ", "Фактическое время начала, ЧЧ:ММ"),
            ),
            col(
                "end",
                "аяқталды",
                "окончание",
                T::Time,
                true,
                ("Нақты аяқталу уақыты, СС:ММ", "Фактическое время окончания, ЧЧ:ММ"),
            ),
            col(
                "drawn_up",
                "хаттама жасалған күн",
                "дата составления протокола",
                T::Date,
                true,
                (
                    "Хаттама кездесу күні жасалады (14-тармақ)",
                    "Протокол составляется в день встречи (пункт 14)",
                ),
            ),
            col(
                "participants",
                "қатысушылар саны",
                "число участников",
                T::Integer { min: 1 },
                true,
                ("Кездесуге қатысқандар саны", "Число участников встречи"),
            ),
            col(
                "secretary_name",
                "хатшының аты-жөні",
                "ФИО секретаря",
                T::Text,
                true,
                ("Хаттаманы жүргізген қызметкер", "Сотрудник, ведущий протокол"),
            ),
            col(
                "secretary_post",
                "хатшының лауазымы",
                "должность секретаря",
                T::Text,
                true,
                ("Хатшының лауазымы", "Должность секретаря"),
            ),
            col(
                "secretary_rank",
                "хатшының атағы",
                "звание секретаря",
                T::Text,
                false,
                ("Хатшының арнаулы атағы", "Специальное звание секретаря"),
            ),
        ],
    },
    Source {
        id: SourceId::Decisions,
        name: "decisions",
        kk: "шешімдер",
        ru: "решения",
        about_kk: "Кездесуде қабылданған шешімдер: бір жол — бір шешім",
        about_ru: "Решения, принятые на встрече: одна строка — одно решение",
        key: &["number"],
        columns: &[
            col("number", "№", "№", T::Integer { min: 1 }, true, ("Шешімнің нөмірі", "Номер решения")),
            col("text", "шешім", "решение", T::Text, true, ("Шешімнің мәтіні", "Текст решения")),
            col(
                "language",
                "тілі",
                "язык",
                T::Choice(LANGUAGES),
                false,
                (
                    "Шешім жазылған тіл; бос болса әріптерінен анықталады",
                    "Язык решения; если пусто, определяется по буквам",
                ),
            ),
        ],
    },
    Source {
        id: SourceId::Items,
        name: "items",
        kk: "өтініштер",
        ru: "обращения",
        about_kk: "Шағымдар, ұсыныстар, ескертулер және сұрақтар: бір жол — біреуі (13, 16-тармақтар)",
        about_ru: "Жалобы, предложения, замечания и вопросы: одна строка — одно (пункты 13, 16)",
        key: &["number"],
        columns: &[
            col("number", "№", "№", T::Integer { min: 1 }, true, ("Реттік нөмірі", "Порядковый номер")),
            col(
                "registration",
                "тіркеу нөмірі",
                "регистрационный номер",
                T::Text,
                false,
                (
                    "Алдын ала жіберілген сұрақтың тіркеу нөмірі",
                    "Регистрационный номер вопроса, направленного заранее",
                ),
            ),
            col(
                "applicant_name",
                "өтініш берушінің аты-жөні",
                "ФИО заявителя",
                T::Text,
                false,
                ("Толық жауап берілмесе міндетті", "Обязательно, если ответ не дан полностью"),
            ),
            col(
                "contact",
                "байланыс",
                "контакты",
                T::Text,
                false,
                (
                    "Мекенжайы, телефоны немесе электрондық поштасы; толық жауап берілмесе міндетті",
                    "Адрес, телефон или e-mail; обязательно, если ответ не дан полностью",
                ),
            ),
            col(
                "applicant",
                "өтініш беруші",
                "заявитель",
                T::Choice(APPLICANTS),
                false,
                ("Өтініш берушінің түрі", "Тип заявителя"),
            ),
            col(
                "kind",
                "түрі",
                "вид",
                T::Choice(ITEM_KINDS),
                true,
                ("Шағым, ұсыныс, ескерту немесе сұрақ", "Жалоба, предложение, замечание или вопрос"),
            ),
            col("text", "мазмұны", "содержание", T::Text, true, ("Айтылғандай", "Как сказано")),
            col(
                "language",
                "тілі",
                "язык",
                T::Choice(LANGUAGES),
                false,
                (
                    "Мазмұны жазылған тіл; бос болса әріптерінен анықталады",
                    "Язык записи; если пусто, определяется по буквам",
                ),
            ),
            col(
                "answered",
                "толық жауап берілді",
                "ответ дан полностью",
                T::YesNo,
                false,
                ("Кездесуде толық жауап берілді ме", "Дан ли полный ответ на встрече"),
            ),
            col(
                "answer",
                "берілген жауап",
                "данный ответ",
                T::Text,
                false,
                ("Кездесуде берілген жауап", "Ответ, данный на встрече"),
            ),
            col(
                "competence",
                "полиция құзыретінде",
                "в компетенции полиции",
                T::YesNo,
                false,
                (
                    "Жоқ болса — құзыретті органға жіберіледі (17-тармақ)",
                    "Если нет — направляется в компетентный орган (пункт 17)",
                ),
            ),
            col(
                "competent_body",
                "құзыретті орган",
                "компетентный орган",
                T::Text,
                false,
                ("Полиция құзыретінде болмаса міндетті", "Обязательно, если не в компетенции полиции"),
            ),
            col(
                "responsible",
                "жауапты қызметкер",
                "ответственный сотрудник",
                T::Text,
                false,
                ("Орындауға жауапты", "Ответственный за исполнение"),
            ),
        ],
    },
];

const TOLD_KK: &str = "Өтініш берушіге хабарланған күн";
const TOLD_RU: &str = "Дата уведомления заявителя";

/// The follow-up register (`followup.xlsx`, written by `esep protocol` beside the protocol as
/// drawn up): every item the meeting did not answer in full, checked in the order of the
/// Administrative Procedural Code (rule 16) or forwarded to the competent body (rule 17), with
/// the columns the staff fill in as the work goes; `esep followup` reads it back (rule 19).
pub static REGISTER_SOURCES: &[Source] = &[
    Source {
        id: SourceId::RegisterMeeting,
        name: "meeting",
        kk: "кездесу",
        ru: "встреча",
        about_kk: "Тізілім қай кездесудің өтініштерін бақылайды: бір жол, хаттамадан толтырылған",
        about_ru: "Встреча, обращения которой отслеживает реестр: одна строка, из протокола",
        key: &["unit"],
        columns: &[
            UNIT,
            col(
                "unit_kk",
                "бөлініс (қазақша)",
                "подразделение (каз.)",
                T::Text,
                true,
                (PREFILLED_KK, PREFILLED_RU),
            ),
            col(
                "unit_ru",
                "бөлініс (орысша)",
                "подразделение (рус.)",
                T::Text,
                true,
                (PREFILLED_KK, PREFILLED_RU),
            ),
            col(
                "chief_kk",
                "бастық (қазақша)",
                "начальник (каз.)",
                T::Text,
                true,
                (PREFILLED_KK, PREFILLED_RU),
            ),
            col(
                "chief_ru",
                "бастық (орысша)",
                "начальник (рус.)",
                T::Text,
                true,
                (PREFILLED_KK, PREFILLED_RU),
            ),
            col("date", "кездесу күні", "дата встречи", T::Date, true, (PREFILLED_KK, PREFILLED_RU)),
            col(
                "recorded",
                "хаттамадағы өтініштер",
                "обращений в протоколе",
                T::Integer { min: 0 },
                true,
                (
                    "Хаттамаға енгізілген шағымдар, ұсыныстар, ескертулер және сұрақтар; өзгертпеңіз",
                    "Жалобы, предложения, замечания и вопросы в протоколе; не изменяйте",
                ),
            ),
            col(
                "followed",
                "толық жауап берілмегендер",
                "без полного ответа",
                T::Text,
                false,
                (
                    "Кездесуде толық жауап берілмеген өтініштердің нөмірлері (16-тармақ); өзгертпеңіз",
                    "Номера обращений без полного ответа на встрече (пункт 16); не изменяйте",
                ),
            ),
        ],
    },
    Source {
        id: SourceId::Register,
        name: "register",
        kk: "тізілім",
        ru: "реестр",
        about_kk: "Кездесуде толық жауап берілмеген өтініштер: бір жол — біреуі (16, 17-тармақтар)",
        about_ru: "Обращения без полного ответа на встрече: одна строка — одно (пункты 16, 17)",
        key: &["number"],
        columns: &[
            col("number", "№", "№", T::Integer { min: 1 }, true, ("Хаттамадағы нөмірі", "Номер в протоколе")),
            col(
                "registration",
                "тіркеу нөмірі",
                "регистрационный номер",
                T::Text,
                false,
                ("Өтініштің тіркеу нөмірі (18-тармақ)", "Регистрационный номер обращения (пункт 18)"),
            ),
            col(
                "applicant_name",
                "өтініш берушінің аты-жөні",
                "ФИО заявителя",
                T::Text,
                false,
                (PREFILLED_KK, PREFILLED_RU),
            ),
            col("contact", "байланыс", "контакты", T::Text, false, (PREFILLED_KK, PREFILLED_RU)),
            col("kind", "түрі", "вид", T::Choice(ITEM_KINDS), true, (PREFILLED_KK, PREFILLED_RU)),
            col("text", "мазмұны", "содержание", T::Text, true, (PREFILLED_KK, PREFILLED_RU)),
            col("language", "тілі", "язык", T::Choice(LANGUAGES), false, (PREFILLED_KK, PREFILLED_RU)),
            col(
                "competence",
                "полиция құзыретінде",
                "в компетенции полиции",
                T::YesNo,
                false,
                (PREFILLED_KK, PREFILLED_RU),
            ),
            col(
                "responsible",
                "жауапты қызметкер",
                "ответственный сотрудник",
                T::Text,
                false,
                ("Орындауға жауапты", "Ответственный за исполнение"),
            ),
            col(
                "term",
                "мерзімі",
                "срок",
                T::Text,
                false,
                (
                    "esep есептеген мерзім және оны белгілеген норма; оқу үшін",
                    "Срок, рассчитанный esep, и норма, которая его задаёт; только для чтения",
                ),
            ),
            col(
                "forwarded_on",
                "жіберілген күні",
                "дата направления",
                T::Date,
                false,
                (
                    "Құзыретті органға жіберілген күн (ӘРПК 65-бабы, 17-тармақ)",
                    "Дата направления в компетентный орган (ст. 65 АППК, пункт 17)",
                ),
            ),
            col(
                "forwarded_to",
                "қайда жіберілді",
                "куда направлено",
                T::Text,
                false,
                ("Құзыретті органның атауы", "Наименование компетентного органа"),
            ),
            col(
                "notified_on",
                "жіберу туралы хабарланды",
                "уведомлён о направлении",
                T::Date,
                false,
                (TOLD_KK, TOLD_RU),
            ),
            col(
                "extended_on",
                "мерзім ұзартылған күн",
                "дата продления срока",
                T::Date,
                false,
                (
                    "Мерзімді ұзарту туралы шешім күні: 15 жұмыс күні ішінде (ӘРПК 76-бабы)",
                    "Дата решения о продлении: в пределах 15 рабочих дней (ст. 76 АППК)",
                ),
            ),
            col(
                "extension_reason",
                "ұзарту себебі",
                "причина продления",
                T::Text,
                false,
                ("Дәлелді шешімнің негізі", "Основание мотивированного решения"),
            ),
            col(
                "extension_notified_on",
                "ұзарту туралы хабарланды",
                "уведомлён о продлении",
                T::Date,
                false,
                (TOLD_KK, TOLD_RU),
            ),
            col(
                "answered_on",
                "жауап берілген күн",
                "дата ответа",
                T::Date,
                false,
                ("Жауап жіберілген күн", "Дата направления ответа"),
            ),
            col(
                "answer",
                "жауаптың қысқаша мазмұны",
                "ответ кратко",
                T::Text,
                false,
                ("Жауаптың қысқаша мазмұны", "Краткое содержание ответа"),
            ),
            col(
                "outcome",
                "нәтижесі",
                "результат",
                T::Choice(FOLLOWUP_OUTCOMES),
                false,
                ("Жауаптың нәтижесі", "Результат рассмотрения"),
            ),
        ],
    },
];

/// Normalises a header, sheet name or choice label for matching: lower case, single spaces,
/// no surrounding spaces, asterisks or colons, `ё` as `е`.
pub fn normalise(s: &str) -> String {
    let lowered: String = s
        .trim()
        .trim_matches(|c: char| c == '*' || c == ':' || c.is_whitespace())
        .to_lowercase()
        .replace('ё', "е");
    lowered.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_source_once_with_unique_aliases() {
        let all = || SOURCES.iter().chain(PROTOCOL_SOURCES).chain(REGISTER_SOURCES);
        let ids: HashSet<_> = all().map(|s| s.id).collect();
        assert_eq!(ids.len(), 14);
        for s in all() {
            assert!(std::ptr::eq(source(s.id), s));
            let mut seen = HashSet::new();
            for c in s.columns {
                for alias in [c.id, c.kk, c.ru] {
                    // kk and ru headers may coincide (e.g. «код»); across columns they may not.
                    let n = normalise(alias);
                    let owner = seen.iter().find(|(a, _): &&(String, &str)| *a == n).map(|p| p.1);
                    assert!(owner.is_none() || owner == Some(c.id), "{}: alias `{alias}` reused", s.name);
                    seen.insert((n, c.id));
                }
            }
            for k in s.key {
                assert!(s.column(k).is_some(), "{}: key column {k}", s.name);
            }
        }
    }

    #[test]
    fn stat_codes_are_unique_and_paired() {
        let codes = stat_codes();
        let set: HashSet<_> = codes.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(set.len(), codes.len());
        assert_eq!(codes.len(), 18 * 2 + 6 + 10);
        for c in codes.iter().filter(|c| c.code.starts_with("solved_")) {
            assert!(set.contains(c.code.replacen("solved_", "registered_", 1).as_str()));
        }
    }

    #[test]
    fn normalise_folds_case_space_and_marks() {
        assert_eq!(normalise("  Код   подразделения* "), "код подразделения");
        assert_eq!(normalise("Учёт:"), "учет");
    }
}

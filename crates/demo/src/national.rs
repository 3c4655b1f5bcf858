//! The country's twenty police departments for national trials: the seventeen regions, Astana,
//! Almaty and Shymkent, with their real names in Kazakh and Russian, populations of the right
//! size (2024, rounded) and their city and district bodies. Figures are generated like the
//! demo's; only the structure and the names are real.

use crate::UnitDef;

/// A city of regional significance: name (kk), its Russian name and genitive, population, and
/// its districts-in-city with a police body of their own (kk, Russian genitive phrase).
struct City {
    kk: &'static str,
    nominative: &'static str,
    ru: &'static str,
    population: i64,
    parts: &'static [(&'static str, &'static str)],
}

/// A department: code, level, its territory in the Kazakh genitive and in Russian (as it stands
/// after «Департамент полиции»), its seat (kk, ru), population, cities (the seat first), and
/// districts (kk, Russian genitive).
struct Region {
    code: &'static str,
    level: &'static str,
    kk: &'static str,
    ru: &'static str,
    seat: (&'static str, &'static str),
    population: i64,
    cities: &'static [City],
    districts: &'static [(&'static str, &'static str)],
}

const fn city(kk: &'static str, nominative: &'static str, ru: &'static str, population: i64) -> City {
    City { kk, nominative, ru, population, parts: &[] }
}

const REGIONS: &[Region] = &[
    Region {
        code: "ABA",
        level: "region",
        kk: "Абай облысының",
        ru: "области Абай",
        seat: ("Семей", "Семей"),
        population: 603_000,
        cities: &[
            city("Семей", "Семей", "Семей", 350_000),
            city("Курчатов", "Курчатов", "Курчатова", 12_000),
        ],
        districts: &[
            ("Абай", "Абайского района"),
            ("Аягөз", "Аягозского района"),
            ("Бесқарағай", "Бескарагайского района"),
            ("Бородулиха", "Бородулихинского района"),
            ("Жарма", "Жарминского района"),
            ("Көкпекті", "Кокпектинского района"),
            ("Үржар", "Урджарского района"),
            ("Мақаншы", "Маканчинского района"),
            ("Ақсуат", "Аксуатского района"),
            ("Жаңасемей", "Жанасемейского района"),
        ],
    },
    Region {
        code: "AKM",
        level: "region",
        kk: "Ақмола облысының",
        ru: "Акмолинской области",
        seat: ("Көкшетау", "Кокшетау"),
        population: 785_000,
        cities: &[
            city("Көкшетау", "Кокшетау", "Кокшетау", 160_000),
            city("Степногорск", "Степногорск", "Степногорска", 65_000),
        ],
        districts: &[
            ("Ақкөл", "Аккольского района"),
            ("Аршалы", "Аршалынского района"),
            ("Астрахан", "Астраханского района"),
            ("Атбасар", "Атбасарского района"),
            ("Бұланды", "Буландынского района"),
            ("Бурабай", "Бурабайского района"),
            ("Егіндікөл", "Егиндыкольского района"),
            ("Біржан сал", "района Биржан сал"),
            ("Ерейментау", "Ерейментауского района"),
            ("Есіл", "Есильского района"),
            ("Жақсы", "Жаксынского района"),
            ("Жарқайың", "Жаркаинского района"),
            ("Зеренді", "Зерендинского района"),
            ("Қорғалжын", "Коргалжынского района"),
            ("Сандықтау", "Сандыктауского района"),
            ("Целиноград", "Целиноградского района"),
            ("Шортанды", "Шортандинского района"),
        ],
    },
    Region {
        code: "AKT",
        level: "region",
        kk: "Ақтөбе облысының",
        ru: "Актюбинской области",
        seat: ("Ақтөбе", "Актобе"),
        population: 937_000,
        cities: &[City {
            kk: "Ақтөбе",
            nominative: "Актобе",
            ru: "Актобе",
            population: 550_000,
            parts: &[("Астана", "района Астана"), ("Алматы", "района Алматы")],
        }],
        districts: &[
            ("Әйтеке би", "Айтекебийского района"),
            ("Алға", "Алгинского района"),
            ("Байғанин", "Байганинского района"),
            ("Ырғыз", "Иргизского района"),
            ("Қарғалы", "Каргалинского района"),
            ("Қобда", "Кобдинского района"),
            ("Мәртөк", "Мартукского района"),
            ("Мұғалжар", "Мугалжарского района"),
            ("Ойыл", "Уилского района"),
            ("Темір", "Темирского района"),
            ("Хромтау", "Хромтауского района"),
            ("Шалқар", "Шалкарского района"),
        ],
    },
    Region {
        code: "ALM",
        level: "region",
        kk: "Алматы облысының",
        ru: "Алматинской области",
        seat: ("Қонаев", "Конаев"),
        population: 1_540_000,
        cities: &[city("Қонаев", "Конаев", "Конаева", 110_000)],
        districts: &[
            ("Балқаш", "Балхашского района"),
            ("Еңбекшіқазақ", "Енбекшиказахского района"),
            ("Жамбыл", "Жамбылского района"),
            ("Іле", "Илийского района"),
            ("Қарасай", "Карасайского района"),
            ("Кеген", "Кегенского района"),
            ("Райымбек", "Райымбекского района"),
            ("Талғар", "Талгарского района"),
            ("Ұйғыр", "Уйгурского района"),
        ],
    },
    Region {
        code: "ATY",
        level: "region",
        kk: "Атырау облысының",
        ru: "Атырауской области",
        seat: ("Атырау", "Атырау"),
        population: 700_000,
        cities: &[city("Атырау", "Атырау", "Атырау", 390_000)],
        districts: &[
            ("Жылыой", "Жылыойского района"),
            ("Индер", "Индерского района"),
            ("Исатай", "Исатайского района"),
            ("Құрманғазы", "Курмангазинского района"),
            ("Қызылқоға", "Кызылкогинского района"),
            ("Мақат", "Макатского района"),
            ("Махамбет", "Махамбетского района"),
        ],
    },
    Region {
        code: "VKO",
        level: "region",
        kk: "Шығыс Қазақстан облысының",
        ru: "Восточно-Казахстанской области",
        seat: ("Өскемен", "Усть-Каменогорск"),
        population: 720_000,
        cities: &[
            city("Өскемен", "Усть-Каменогорск", "Усть-Каменогорска", 360_000),
            city("Риддер", "Риддер", "Риддера", 48_000),
        ],
        districts: &[
            ("Алтай", "Алтайского района"),
            ("Глубокое", "Глубоковского района"),
            ("Зайсан", "Зайсанского района"),
            ("Катонқарағай", "Катон-Карагайского района"),
            ("Күршім", "Курчумского района"),
            ("Самар", "Самарского района"),
            ("Тарбағатай", "Тарбагатайского района"),
            ("Ұлан", "Уланского района"),
            ("Шемонаиха", "Шемонаихинского района"),
        ],
    },
    Region {
        code: "ZHA",
        level: "region",
        kk: "Жамбыл облысының",
        ru: "Жамбылской области",
        seat: ("Тараз", "Тараз"),
        population: 1_220_000,
        cities: &[city("Тараз", "Тараз", "Тараза", 430_000)],
        districts: &[
            ("Байзақ", "Байзакского района"),
            ("Жамбыл", "Жамбылского района"),
            ("Жуалы", "Жуалынского района"),
            ("Қордай", "Кордайского района"),
            ("Тұрар Рысқұлов", "района имени Турара Рыскулова"),
            ("Меркі", "Меркенского района"),
            ("Мойынқұм", "Мойынкумского района"),
            ("Сарысу", "Сарысуского района"),
            ("Талас", "Таласского района"),
            ("Шу", "Шуского района"),
        ],
    },
    Region {
        code: "ZHT",
        level: "region",
        kk: "Жетісу облысының",
        ru: "области Жетісу",
        seat: ("Талдықорған", "Талдыкорган"),
        population: 700_000,
        cities: &[
            city("Талдықорған", "Талдыкорган", "Талдыкоргана", 190_000),
            city("Текелі", "Текели", "Текели", 30_000),
        ],
        districts: &[
            ("Ақсу", "Аксуского района"),
            ("Алакөл", "Алакольского района"),
            ("Ескелді", "Ескельдинского района"),
            ("Кербұлақ", "Кербулакского района"),
            ("Көксу", "Коксуского района"),
            ("Панфилов", "Панфиловского района"),
            ("Сарқан", "Сарканского района"),
        ],
    },
    Region {
        code: "ZKO",
        level: "region",
        kk: "Батыс Қазақстан облысының",
        ru: "Западно-Казахстанской области",
        seat: ("Орал", "Уральск"),
        population: 690_000,
        cities: &[city("Орал", "Уральск", "Уральска", 330_000)],
        districts: &[
            ("Ақжайық", "Акжаикского района"),
            ("Бөрлі", "Бурлинского района"),
            ("Жаңақала", "Жангалинского района"),
            ("Жәнібек", "Жанибекского района"),
            ("Бәйтерек", "Байтерекского района"),
            ("Казталов", "Казталовского района"),
            ("Қаратөбе", "Каратобинского района"),
            ("Сырым", "Сырымского района"),
            ("Тасқала", "Таскалинского района"),
            ("Теректі", "Теректинского района"),
            ("Шыңғырлау", "Чингирлауского района"),
            ("Бөкей ордасы", "Бокейординского района"),
        ],
    },
    Region {
        code: "KAR",
        level: "region",
        kk: "Қарағанды облысының",
        ru: "Карагандинской области",
        seat: ("Қарағанды", "Караганда"),
        population: 1_130_000,
        cities: &[
            City {
                kk: "Қарағанды",
                nominative: "Караганда",
                ru: "Караганды",
                population: 500_000,
                parts: &[
                    ("Қазыбек би", "района имени Казыбек би"),
                    ("Әлихан Бөкейхан", "района Алихана Бокейхана"),
                ],
            },
            city("Теміртау", "Темиртау", "Темиртау", 180_000),
            city("Балқаш", "Балхаш", "Балхаша", 70_000),
            city("Шахтинск", "Шахтинск", "Шахтинска", 55_000),
            city("Саран", "Сарань", "Сарани", 50_000),
            city("Приозерск", "Приозерск", "Приозерска", 13_000),
        ],
        districts: &[
            ("Абай", "Абайского района"),
            ("Ақтоғай", "Актогайского района"),
            ("Бұқар жырау", "Бухар-Жырауского района"),
            ("Қарқаралы", "Каркаралинского района"),
            ("Нұра", "Нуринского района"),
            ("Осакаров", "Осакаровского района"),
            ("Шет", "Шетского района"),
        ],
    },
    Region {
        code: "KOS",
        level: "region",
        kk: "Қостанай облысының",
        ru: "Костанайской области",
        seat: ("Қостанай", "Костанай"),
        population: 830_000,
        cities: &[
            city("Қостанай", "Костанай", "Костаная", 260_000),
            city("Рудный", "Рудный", "Рудного", 115_000),
            city("Лисаков", "Лисаковск", "Лисаковска", 38_000),
            city("Арқалық", "Аркалык", "Аркалыка", 28_000),
        ],
        districts: &[
            ("Алтынсарин", "Алтынсаринского района"),
            ("Бейімбет Майлин", "района Беимбета Майлина"),
            ("Амангелді", "Амангельдинского района"),
            ("Әулиекөл", "Аулиекольского района"),
            ("Денисов", "Денисовского района"),
            ("Жангелдин", "Джангельдинского района"),
            ("Жітіқара", "Житикаринского района"),
            ("Қамысты", "Камыстинского района"),
            ("Қарабалық", "Карабалыкского района"),
            ("Қарасу", "Карасуского района"),
            ("Қостанай", "Костанайского района"),
            ("Меңдіқара", "Мендыкаринского района"),
            ("Наурызым", "Наурзумского района"),
            ("Сарыкөл", "Сарыкольского района"),
            ("Ұзынкөл", "Узункольского района"),
            ("Федоров", "Федоровского района"),
        ],
    },
    Region {
        code: "KZO",
        level: "region",
        kk: "Қызылорда облысының",
        ru: "Кызылординской области",
        seat: ("Қызылорда", "Кызылорда"),
        population: 830_000,
        cities: &[city("Қызылорда", "Кызылорда", "Кызылорды", 330_000)],
        districts: &[
            ("Арал", "Аральского района"),
            ("Жалағаш", "Жалагашского района"),
            ("Жаңақорған", "Жанакорганского района"),
            ("Қазалы", "Казалинского района"),
            ("Қармақшы", "Кармакшинского района"),
            ("Сырдария", "Сырдарьинского района"),
            ("Шиелі", "Шиелийского района"),
        ],
    },
    Region {
        code: "MAN",
        level: "region",
        kk: "Маңғыстау облысының",
        ru: "Мангистауской области",
        seat: ("Ақтау", "Актау"),
        population: 770_000,
        cities: &[
            city("Ақтау", "Актау", "Актау", 270_000),
            city("Жаңаөзен", "Жанаозен", "Жанаозена", 160_000),
        ],
        districts: &[
            ("Бейнеу", "Бейнеуского района"),
            ("Қарақия", "Каракиянского района"),
            ("Маңғыстау", "Мангистауского района"),
            ("Мұнайлы", "Мунайлинского района"),
            ("Түпқараған", "Тупкараганского района"),
        ],
    },
    Region {
        code: "PAV",
        level: "region",
        kk: "Павлодар облысының",
        ru: "Павлодарской области",
        seat: ("Павлодар", "Павлодар"),
        population: 750_000,
        cities: &[
            city("Павлодар", "Павлодар", "Павлодара", 370_000),
            city("Екібастұз", "Экибастуз", "Экибастуза", 150_000),
            city("Ақсу", "Аксу", "Аксу", 70_000),
        ],
        districts: &[
            ("Ақтоғай", "Актогайского района"),
            ("Баянауыл", "Баянаульского района"),
            ("Железин", "Железинского района"),
            ("Ертіс", "Иртышского района"),
            ("Тереңкөл", "района Теренколь"),
            ("Аққулы", "района Аккулы"),
            ("Май", "Майского района"),
            ("Павлодар", "Павлодарского района"),
            ("Успен", "Успенского района"),
            ("Шарбақты", "Щербактинского района"),
        ],
    },
    Region {
        code: "SKO",
        level: "region",
        kk: "Солтүстік Қазақстан облысының",
        ru: "Северо-Казахстанской области",
        seat: ("Петропавл", "Петропавловск"),
        population: 530_000,
        cities: &[city("Петропавл", "Петропавловск", "Петропавловска", 220_000)],
        districts: &[
            ("Айыртау", "Айыртауского района"),
            ("Ақжар", "Акжарского района"),
            ("Аққайың", "Аккайынского района"),
            ("Есіл", "Есильского района"),
            ("Жамбыл", "Жамбылского района"),
            ("Мағжан Жұмабаев", "района Магжана Жумабаева"),
            ("Қызылжар", "Кызылжарского района"),
            ("Мамлют", "Мамлютского района"),
            ("Ғабит Мүсірепов", "района имени Габита Мусрепова"),
            ("Тайынша", "Тайыншинского района"),
            ("Тимирязев", "Тимирязевского района"),
            ("Уәлиханов", "Уалихановского района"),
            ("Шал ақын", "района Шал акына"),
        ],
    },
    Region {
        code: "TUR",
        level: "region",
        kk: "Түркістан облысының",
        ru: "Туркестанской области",
        seat: ("Түркістан", "Туркестан"),
        population: 2_140_000,
        cities: &[
            city("Түркістан", "Туркестан", "Туркестана", 230_000),
            city("Кентау", "Кентау", "Кентау", 80_000),
            city("Арыс", "Арысь", "Арыси", 80_000),
        ],
        districts: &[
            ("Бәйдібек", "Байдибекского района"),
            ("Қазығұрт", "Казыгуртского района"),
            ("Мақтаарал", "Мактааральского района"),
            ("Ордабасы", "Ордабасинского района"),
            ("Отырар", "Отырарского района"),
            ("Сайрам", "Сайрамского района"),
            ("Сарыағаш", "Сарыагашского района"),
            ("Созақ", "Созакского района"),
            ("Төле би", "Толебийского района"),
            ("Түлкібас", "Тюлькубасского района"),
            ("Шардара", "Шардаринского района"),
            ("Жетісай", "Жетысайского района"),
            ("Келес", "Келесского района"),
            ("Сауран", "Сауранского района"),
        ],
    },
    Region {
        code: "ULT",
        level: "region",
        kk: "Ұлытау облысының",
        ru: "области Ұлытау",
        seat: ("Жезқазған", "Жезказган"),
        population: 220_000,
        cities: &[
            city("Жезқазған", "Жезказган", "Жезказгана", 90_000),
            city("Сәтбаев", "Сатпаев", "Сатпаева", 70_000),
            city("Қаражал", "Каражал", "Каражала", 17_000),
        ],
        districts: &[("Ұлытау", "Улытауского района"), ("Жаңаарқа", "Жанааркинского района")],
    },
    Region {
        code: "AST",
        level: "capital",
        kk: "Астана қаласының",
        ru: "города Астаны",
        seat: ("Астана", "Астана"),
        population: 1_420_000,
        cities: &[],
        districts: &[
            ("Алматы", "района Алматы"),
            ("Есіл", "района Есиль"),
            ("Сарыарқа", "района Сарыарка"),
            ("Байқоңыр", "района Байконыр"),
            ("Нұра", "района Нура"),
        ],
    },
    Region {
        code: "ALA",
        level: "city_republican",
        kk: "Алматы қаласының",
        ru: "города Алматы",
        seat: ("Алматы", "Алматы"),
        population: 2_230_000,
        cities: &[],
        districts: &[
            ("Алатау", "Алатауского района"),
            ("Алмалы", "Алмалинского района"),
            ("Әуезов", "Ауэзовского района"),
            ("Бостандық", "Бостандыкского района"),
            ("Жетісу", "Жетысуского района"),
            ("Медеу", "Медеуского района"),
            ("Наурызбай", "Наурызбайского района"),
            ("Түрксіб", "Турксибского района"),
        ],
    },
    Region {
        code: "SHY",
        level: "city_republican",
        kk: "Шымкент қаласының",
        ru: "города Шымкента",
        seat: ("Шымкент", "Шымкент"),
        population: 1_230_000,
        cities: &[],
        districts: &[
            ("Абай", "Абайского района"),
            ("Әл-Фараби", "Аль-Фарабийского района"),
            ("Еңбекші", "Енбекшинского района"),
            ("Қаратау", "Каратауского района"),
            ("Тұран", "района Туран"),
        ],
    },
];

/// Codes of the national departments, in the order of [`departments`].
pub fn codes() -> Vec<&'static str> {
    REGIONS.iter().map(|r| r.code).collect()
}

/// Latin letters for a code: the first three of the Kazakh name, transliterated.
fn latin(name: &str) -> String {
    const TABLE: &[(char, &str)] = &[
        ('а', "A"),
        ('ә', "A"),
        ('б', "B"),
        ('в', "V"),
        ('г', "G"),
        ('ғ', "G"),
        ('д', "D"),
        ('е', "E"),
        ('ё', "E"),
        ('ж', "ZH"),
        ('з', "Z"),
        ('и', "I"),
        ('й', "I"),
        ('к', "K"),
        ('қ', "K"),
        ('л', "L"),
        ('м', "M"),
        ('н', "N"),
        ('ң', "N"),
        ('о', "O"),
        ('ө', "O"),
        ('п', "P"),
        ('р', "R"),
        ('с', "S"),
        ('т', "T"),
        ('у', "U"),
        ('ұ', "U"),
        ('ү', "U"),
        ('ф', "F"),
        ('х', "KH"),
        ('һ', "H"),
        ('ц', "TS"),
        ('ч', "CH"),
        ('ш', "SH"),
        ('щ', "SH"),
        ('ы', "Y"),
        ('і', "I"),
        ('э', "E"),
        ('ю', "IU"),
        ('я', "IA"),
    ];
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if let Some((_, l)) = TABLE.iter().find(|(k, _)| *k == c) {
            out.push_str(l);
        }
        if out.len() >= 3 {
            break;
        }
    }
    out.truncate(3);
    out
}

/// A code under `parent` from `name`, a digit added when a sibling already has it.
fn code(parent: &str, name: &str, taken: &mut Vec<String>) -> String {
    let stem = format!("{parent}-{}", latin(name));
    let mut code = stem.clone();
    let mut n = 2;
    while taken.contains(&code) {
        code = format!("{stem}{n}");
        n += 1;
    }
    taken.push(code.clone());
    code
}

/// A stable factor in [lo, hi) from an index, so that sizes differ without touching the seed.
fn spread(k: usize, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * ((k * 7_919 + 13) % 101) as f64 / 101.0
}

/// Splits `total` people by the stable weights of `n` parts (the first part takes the rest).
fn shares(total: i64, n: usize, salt: usize) -> Vec<i64> {
    let weights: Vec<f64> = (0..n).map(|k| spread(k + salt, 0.55, 1.6)).collect();
    let sum: f64 = weights.iter().sum();
    let mut parts: Vec<i64> =
        weights.iter().map(|w| (total as f64 * w / sum / 100.0).round() as i64 * 100).collect();
    let rest = total - parts.iter().sum::<i64>();
    if let Some(first) = parts.first_mut() {
        *first += rest;
    }
    parts
}

/// The nominative of a Russian «…ого района» / «района …» phrase: «Абайский район».
fn nominative(genitive: &str) -> String {
    if let Some(rest) = genitive.strip_prefix("района ") {
        return format!("район {rest}");
    }
    let Some(adjective) = genitive.strip_suffix("ого района") else { return genitive.to_string() };
    let hard = adjective.ends_with(['к', 'г', 'х', 'ж', 'ш', 'ч', 'щ']);
    format!("{adjective}{} район", if hard { "ий" } else { "ый" })
}

/// The units of the `k`-th department, department first, and its media for announcements.
pub(crate) fn department(k: usize) -> Option<(Vec<UnitDef>, String)> {
    let r = REGIONS.get(k)?;
    let republican = r.level != "region";
    let mut units = vec![UnitDef {
        code: r.code.to_string(),
        parent: None,
        level: r.level,
        kk: format!("{} Полиция департаменті", r.kk),
        ru: format!("Департамент полиции {}", r.ru),
        population: 0,
        rate: 0.0,
        rural: false,
        seat: (r.seat.0.to_string(), format!("город {}", r.seat.1)),
    }];
    let mut taken = Vec::new();
    let in_cities: i64 = r.cities.iter().map(|c| c.population).sum();
    for (j, c) in r.cities.iter().enumerate() {
        let city = code(r.code, c.kk, &mut taken);
        let split = shares(c.population, c.parts.len(), j);
        units.push(UnitDef {
            code: city.clone(),
            parent: Some(r.code.to_string()),
            level: "city",
            kk: format!("{} қаласының Полиция басқармасы", c.kk),
            ru: format!("Управление полиции города {}", c.ru),
            population: if c.parts.is_empty() { c.population } else { 0 },
            rate: spread(j, 115.0, 150.0),
            rural: false,
            seat: (c.kk.to_string(), format!("город {}", c.nominative)),
        });
        let mut inner = Vec::new();
        for (p, ((kk, ru), people)) in c.parts.iter().zip(split).enumerate() {
            units.push(UnitDef {
                code: code(&city, kk, &mut inner),
                parent: Some(city.clone()),
                level: "district_in_city",
                kk: format!("{} қаласы {kk} ауданының Полиция басқармасы", c.kk),
                ru: format!("Управление полиции {ru} города {}", c.ru),
                population: people,
                rate: spread(p + j, 120.0, 155.0),
                rural: false,
                seat: (
                    format!("{} қаласы, {kk} ауданы", c.kk),
                    format!("{}, город {}", nominative(ru), c.nominative),
                ),
            });
        }
    }
    let rest = (r.population - in_cities).max(0);
    for (j, ((kk, ru), people)) in r.districts.iter().zip(shares(rest, r.districts.len(), k)).enumerate() {
        let (level, body_kk, body_ru, rate) = if republican {
            let city = r.kk.trim_end_matches(" қаласының");
            (
                "district_in_city",
                format!("{city} қаласы {kk} ауданының Полиция басқармасы"),
                format!("Управление полиции {ru} {}", r.ru),
                spread(j + k, 120.0, 160.0),
            )
        } else {
            (
                "district",
                format!("{kk} ауданының Полиция бөлімі"),
                format!("Отдел полиции {ru}"),
                spread(j + k, 50.0, 82.0),
            )
        };
        units.push(UnitDef {
            code: code(r.code, kk, &mut taken),
            parent: Some(r.code.to_string()),
            level,
            kk: body_kk,
            ru: body_ru,
            population: people,
            rate,
            rural: !republican,
            seat: if republican {
                (
                    format!("{} қаласы, {kk} ауданы", r.seat.0),
                    format!("{}, город {}", nominative(ru), r.seat.1),
                )
            } else {
                (format!("{kk} ауданы"), nominative(ru))
            },
        });
    }
    let outlets = format!(
        "{} {} газеттері, polisia.kz, департаменттің Instagram парақшасы",
        r.seat.0,
        if republican { "қалалық" } else { "облыстық" }
    );
    Some((units, outlets))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_departments_of_about_two_hundred_bodies_with_distinct_codes() {
        let mut all = Vec::new();
        let mut bodies = 0;
        for k in 0..REGIONS.len() {
            let Some((units, _)) = department(k) else { panic!("department {k}") };
            bodies += units.len() - 1;
            all.extend(units.into_iter().map(|u| u.code));
        }
        assert_eq!(REGIONS.len(), 20);
        assert_eq!(bodies, 225);
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "codes are distinct");
    }

    #[test]
    fn names_and_populations() {
        let Some((units, _)) = department(9) else { panic!("Karaganda") };
        assert_eq!(units[0].ru, "Департамент полиции Карагандинской области");
        assert_eq!(units[1].code, "KAR-KAR");
        assert_eq!(units[2].kk, "Қарағанды қаласы Қазыбек би ауданының Полиция басқармасы");
        assert_eq!(units[2].ru, "Управление полиции района имени Казыбек би города Караганды");
        let total: i64 = units.iter().map(|u| u.population).sum();
        assert_eq!(total, 1_130_000);
        assert_eq!(nominative("Абайского района"), "Абайский район");
        assert_eq!(nominative("Уилского района"), "Уилский район");
        assert_eq!(nominative("района Шал акына"), "район Шал акына");
        assert_eq!(nominative("Шиелийского района"), "Шиелийский район");
    }
}

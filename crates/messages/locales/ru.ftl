# Сообщения esep на русском языке. Идентификаторы, начинающиеся с E- и W-, — постоянные коды
# ошибок и предупреждений; остальные — части сообщений, итоги и строки хода работы.

## Уровни и счёт

level-error = ошибка
level-warning = предупреждение
level-hint = подсказка
n-errors = { $count ->
    [one] { $count } ошибка
    [few] { $count } ошибки
    [many] { $count } ошибок
   *[other] { $count } ошибки
}
n-warnings = { $count ->
    [one] { $count } предупреждение
    [few] { $count } предупреждения
    [many] { $count } предупреждений
   *[other] { $count } предупреждения
}

## Что должно быть в ячейке

expect-text = текст
expect-code = код: 1–{ $max } латинских или кириллических букв, цифр, `-` или `_`, начиная с буквы или цифры
expect-unit-code = код подразделения из листа `units`
expect-integer = целое число ≥ { $min }
expect-number = число ≥ 0
expect-positive = число > 0
expect-date = дата (ДД.ММ.ГГГГ)
expect-time = время (ЧЧ:ММ)
expect-year = год (2000–2100)
expect-months = 3, 6, 9 или 12 (месяцев с 1 января)
expect-likert = целое число от 1 до 5
expect-yes-no = да или нет (иә / жоқ, yes / no)
expect-choice = одно из значений: { $list }
expect-choices = одно или несколько значений через `;`: { $list }
expect-indicator-code = код показателя статистической отчётности
code-rule = 1–{ $max } латинских или кириллических букв, цифр, `-` или `_`, начиная с буквы или цифры

## Что не так с текстом или кодом

text-invisible = невидимый или управляющий символ: { $chars }; ожидаются буквы (казахские, русские, латинские), цифры и обычные знаки препинания
text-unprintable = символ, который документы не могут напечатать: { $chars }; ожидаются буквы (казахские, русские, латинские), цифры и обычные знаки препинания
text-too-long = { $count ->
    [one] { $count } символ, допускается не более { $max }
    [few] { $count } символа, допускается не более { $max }
   *[other] { $count } символов, допускается не более { $max }
}
text-long-word = { $count ->
    [one] слово из { $count } символа (`{ $word }`), допускается не более { $max }: добавьте пробелы
   *[other] слово из { $count } символов (`{ $word }`), допускается не более { $max }: добавьте пробелы
}
code-empty = пустой код
code-character = { $char } недопустим в коде
code-start = код начинается с буквы или цифры
code-device = `{ $code }` — имя, которое Windows резервирует для устройства

## Почему книгу или путь нельзя прочитать

wb-part-too-large = часть `{ $part }` распаковывается в { $size } МБ, больше допустимых для книги { $limit } МБ
wb-zip-bomb = часть `{ $part }` распаковывается в { $ratio } раз больше ({ $size } МБ из { $packed } байт): это zip-бомба, а не книга
wb-too-large = книга распаковывается в { $size } МБ, больше { $limit } МБ
wb-repeats = лист повторяет ячейки до { $cells } ячеек, больше { $limit }: ожидается лист записей
wb-rows = больше { $limit } строк: ожидается не больше предела Excel
wb-unreadable = { $reason }
wb-damaged = файл повреждён
path-outside = `{ $path }` вне папки входных данных: ожидается имя файла относительно неё
path-leaves = `{ $path }` ведёт за пределы папки входных данных: ожидается файл внутри неё
path-missing = файла нет
path-not-a-file = это не файл
what-register = реестр контроля
what-protocol = книга протокола

## Форма 1-М

f1m-no-numbers = в первых 60 строках нет строки с номерами граф (А, Б, 1, 2, …)
f1m-no-code-column = нет графы «Шифр строки»
f1m-no-codes = под заголовком нет шифров строк
f1m-period = период `{ $period }` не в виде ГГГГ-ММ с месяцами 03, 06, 09 или 12
f1m-other-period = период { $period } — не { $current } и не те же месяцы { $previous } года
f1m-unit = подразделения `{ $unit }` нет на листе `units`

## Подсказки

hint-copy-into-folder = скопируйте книгу в папку
hint-rename-file = переименуйте файл: его имя печатается в списке источников отчётов
hint-template = `esep template --out ПАПКА` создаёт пустую книгу `{ $id }.xlsx`
hint-save-again = сохраните книгу заново в Excel или LibreOffice либо разделите её
hint-reader-said = сообщение модуля чтения: { $reason }
hint-one-sheet = оставьте по одному листу на источник
hint-column = { $about } — { $expected }
hint-known-codes = известные коды: { $codes }
hint-indicator-codes = коды перечислены на листе `lists` шаблона и в docs/input-contract.md
hint-f1m-export = выгрузите раздел 1 формы № 1-М с портала правовой статистики в формате XLSX

## Файлы и листы

E-FOLDER = не удаётся прочитать папку входных данных: { $reason }
E-LINK-OUTSIDE = ссылка, ведущая за пределы папки входных данных: не прочитана
E-FILE-NAME = имя файла: { $problem }
E-MISSING-SOURCE = нет источника «{ $source }» (`{ $id }`): ожидается лист с таким именем в одной из книг папки
E-READ-FILE = не удаётся прочитать файл: { $reason }
E-EMPTY-FILE = файл пуст: ожидается книга
E-WORKBOOK-REFUSED = книга не открыта: { $reason }
E-NOT-A-WORKBOOK = не удаётся прочитать книгу: ожидается файл .xlsx, .xls или .ods
E-BOOK-UNREADABLE = не удаётся прочитать книгу: { $reason }
E-SOURCE-TWICE = источник «{ $source }» встречается дважды: он уже прочитан из { $file }, лист `{ $sheet }`
E-EMPTY-SHEET = лист пуст: ожидается строка заголовков со столбцами источника «{ $source }»
E-READ-SHEET = не удаётся прочитать лист: { $reason }
E-NO-SHEET = нет листа `{ $id }` («{ $source }»): ожидается { $what }, которую пишет esep
E-FRAME = не удаётся построить таблицу «{ $source }»: { $reason }

## Заголовки

E-COLUMN-TWICE = столбец «{ $column }» встречается в заголовке дважды
W-UNKNOWN-COLUMN = столбца «{ $label }» нет в контракте источника «{ $source }»: он не читается
W-UNKNOWN-COLUMNS = ещё столбцов до { $last }, которых нет в контракте источника «{ $source }»: { $count }; они не читаются
E-MISSING-COLUMN = нет столбца «{ $column }» (`{ $id }`): ожидается в строке заголовков

## Ячейки

E-TEXT = столбец «{ $column }»: { $problem }
E-CODE = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-CODE-FORM = столбец «{ $column }»: { $problem }; ожидается { $expected }
E-UNIT-CODE = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-INTEGER = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-NUMBER = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-POSITIVE = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-DATE = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-TIME = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-YEAR = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-MONTHS = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-LIKERT = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-YES-NO = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-CHOICE = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-CHOICES = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-CHOICES-UNKNOWN = столбец «{ $column }»: `{ $part }` нет среди допустимых значений; ожидается { $expected }
E-INDICATOR-CODE = столбец «{ $column }»: ожидается { $expected }, найдено `{ $found }`
E-REQUIRED = столбец «{ $column }»: обязательная ячейка пуста, ожидается { $expected }
E-MORE-CELLS = столбец «{ $column }»: ещё ячеек с ошибками в строках { $first }–{ $last }: { $count }, поимённо не перечислены
E-DUPLICATE-KEY = повтор ключа ({ $columns }) = ({ $values }): впервые указан в строке { $row }

## Подразделения

E-NO-DEPARTMENT = нет департамента: ожидается ровно одно подразделение с пустым столбцом «вышестоящее»
E-NO-UNITS = нет подразделений: ожидаются департамент и его органы
E-SECOND-DEPARTMENT = второе подразделение без вышестоящего: департамент должен быть один, им уже является `{ $code }`
E-CODE-CASE = код `{ $code }` отличается от `{ $other }` (строка { $row }) только регистром букв: их папки совпадут
E-UNIT-LOOP = подразделение `{ $code }` оказывается собственным вышестоящим: ожидается дерево подразделений
W-POPULATION = население { $population } у `{ $code }` меньше суммы по его органам: { $sum }
E-UNKNOWN-UNIT = столбец «{ $column }»: неизвестный код подразделения `{ $code }`: ожидается код с листа `units`

## Статистика

E-UNKNOWN-INDICATOR = столбец «{ $column }»: неизвестный код показателя `{ $code }`: ожидается код из контракта
E-NO-STATISTICS = нет статистических данных: ожидаются строки за отчётный и предыдущий год
E-STAT-YEAR = столбец «{ $column }»: ожидается { $year } (отчётный год) или { $previous } (АППГ), найдено `{ $found }`
E-STAT-MONTHS = столбец «{ $column }»: ожидается { $months }, как в строке { $row } (один период на папку), найдено `{ $found }`
W-NO-PREVIOUS-YEAR = нет строк за { $year } год: сравнения с АППГ будут пустыми
E-SOLVED-GT-REGISTERED = раскрыто больше, чем зарегистрировано: `{ $solved }` = { $s } больше `{ $registered }` = { $r } (строка { $row }) для `{ $unit }`, { $year }
W-PARTS-SUM = `{ $whole }` = { $value }, но { $parts } в сумме дают { $sum } для `{ $unit }`, { $year }

## Отчёт о работе, финансирование, обращения, СМИ

E-ITEM-MISSING = сделанное относится к разделу: укажите его пункт правила 6, от 1 до 7
E-ITEM = пункт { $item }: ожидается пункт правила 6 от 1 до 7
W-SPENT-GT-ALLOCATED = израсходовано больше выделенного: { $spent } тенге из { $allocated }
E-FUNDING-YEAR = столбец «{ $column }»: ожидается { $year } или { $previous }, найдено `{ $found }`
E-ANSWERED-BEFORE-RECEIVED = ответ раньше поступления: ответ { $answered }, поступило { $received }
E-OUTCOME-MISSING = столбец «{ $column }»: пусто, ожидается результат рассмотрения обращения, на которое дан ответ
W-APPEAL-OUTSIDE = поступило { $received } — вне периода «{ $period }» и АППГ: обращение не учитывается
E-RESPONSE-KK-ONLY = реакция указана только на казахском: укажите её и на русском
E-RESPONSE-RU-ONLY = реакция указана только на русском: укажите её и на казахском
E-RESPONSE-BEFORE-PUBLICATION = реакция раньше публикации: реакция { $response }, публикация { $published }

## Встречи (правила приказа)

W-INVITEES = среди приглашённых нет: { $group } (правило { $rule })
E-ANNUAL-MEETING-DATE = встреча { $date }: по правилу 4 отчёт за { $year } год проводится в первом квартале { $next } года, с { $first } по { $last }
W-HALL-SMALL = зал вмещает { $seats }, а ожидается участников: { $people } (правило 9)
W-LATE-ANNOUNCEMENT = объявлено за { $days } дн. до встречи { $date }: правило 8.2 требует не менее { $required }
W-REGISTER-NOT-EARLIER = реестр `{ $unit }` ведётся по встрече { $meeting }, а не по встрече до встречи этого периода { $current }: отчёт его не включает (его читает `esep followup`)
W-EMERGENCY-LINE = { $count ->
    [one] вопросы предлагается направлять на { $numbers } — это экстренная линия: укажите телефон доверия, портал или приёмную
   *[other] вопросы предлагается направлять на { $numbers } — это экстренные линии: укажите телефон доверия, портал или приёмную
}
W-NO-MEETING = у `{ $code }` нет строки на листе `meeting`: каждый орган отчитывается перед населением (правило 4)

## Импорт формы 1-М

E-MANIFEST = не удаётся прочитать манифест: { $reason }
E-MANIFEST-FILE = файл `{ $file }`: { $problem }
E-F1M-MERGE = не удаётся объединить статистику 1-М: { $reason }
E-F1M-READ = не удаётся прочитать отчёт 1-М: { $reason }
E-F1M-NO-SHEET = это не отчёт по форме 1-М: нет листа `{ $sheet }` (раздел 1)
E-F1M-NO-TITLE = это не отчёт по форме 1-М: на листе `{ $sheet }` нет заголовка «{ $title }»
E-F1M-LAYOUT = это не отчёт по форме 1-М: лист `{ $sheet }`: { $problem }
E-F1M-NO-COLUMN = форма 1-М: нет графы { $column }
E-F1M-NO-LINE = форма 1-М: нет строки { $line } ({ $article })
W-F1M-LINE-TITLE = строка { $line } называется «{ $title }», а ожидается «{ $article }»
E-F1M-CATEGORY = сопоставление формы 1-М: неизвестная категория `{ $category }`
W-F1M-ALL = графа { $column }: всего правонарушений { $all } ≠ проступки { $misdemeanours } + преступления { $crimes }
W-F1M-GRAVITY = графа { $column }: преступлений { $crimes } ≠ сумма четырёх категорий тяжести { $sum }
W-F1M-ENDED = строка { $line }: окончено { $ended } ≠ направлено в суд { $sent } + прекращено по нереабилитирующим основаниям { $terminated }

## Книга протокола

E-PROTOCOL-ROWS = строк на листе `protocol`: { $count }, ожидается одна — встреча
E-PROTOCOL-UNIT = неизвестное подразделение `{ $unit }`: ожидается одно из подразделений пакета
E-DRAWN-UP = протокол составлен { $drawn }, а встреча прошла { $date }: по правилу 14 протокол составляется в день встречи
W-HALL-OVERFULL = участников { $people } при зале на { $seats } мест (правило 9)
E-ANSWERED-FLAG = укажите, дан ли исчерпывающий ответ на встрече (да / нет)
E-APPLICANT-MISSING = исчерпывающего ответа не было, ответ должен дойти до заявителя: укажите имя заявителя
E-CONTACT-MISSING = исчерпывающего ответа не было, ответ должен дойти до заявителя: укажите адрес, телефон или эл. почту
E-COMPETENT-BODY = вне компетенции полиции: укажите компетентный орган, куда оно направляется (правило 17)

## Реестр контроля

E-SECOND-REGISTER = второй реестр `{ $unit }` по встрече { $meeting }: первый — `{ $first }`
E-MEETING-ROWS = строк на листе `meeting`: { $count }, ожидается одна — встреча, по которой ведётся реестр
E-REGISTER-UNIT = неизвестное подразделение `{ $unit }`: ожидается одно из подразделений пакета
E-FOLLOWED = `{ $found }`: ожидаются номера пунктов протокола через `;`
E-ITEM-NOT-FOLLOWED = { $count ->
    [0] пункт { $item } не входит в пункты протокола, взятые на контроль (их нет): строки берутся из протокола
   *[other] пункт { $item } не входит в пункты протокола, взятые на контроль ({ $items }): строки берутся из протокола
}
E-BEFORE-MEETING = «{ $column }»: { $date } — раньше встречи { $meeting }
E-FORWARDED-TO = направлено { $date }: укажите орган, куда оно направлено (правило 17)
E-FORWARDED-ON = результат «направлено»: укажите дату и орган, куда оно направлено
E-NOTIFIED-NOT-FORWARDED = заявитель уведомлён о направлении, которое не записано: укажите дату направления
E-ANSWERED-ON = результат `{ $outcome }` без даты ответа
E-REGISTER-OUTCOME = ответ дан { $date }: укажите результат (удовлетворено, разъяснено или отказано)
E-EXTENSION-REASON = срок продлён { $date }: укажите причину (ст. 76 АППК требует мотивированного решения)
E-NOTIFIED-NOT-EXTENDED = заявитель уведомлён о продлении, которое не записано: укажите дату продления срока
E-LATE-EXTENSION = срок продлён { $date }, после того как { $days } рабочих дней по ст. 76 АППК истекли { $due }: продление решается в пределах срока
E-ITEM-NOT-IN-REGISTER = у пункта { $item } протокола нет строки на листе `register`: каждый пункт без исчерпывающего ответа берётся на контроль (правило 16)

## Итоги и ход работы

summary = { $errors }, { $warnings } в `{ $input }`
nothing-written = ничего не записано
nothing-written-after = { $summary }: ничего не записано
nothing-written-in = { $errors } в `{ $input }`: ничего не записано
nothing-written-registers = { $errors } в реестрах: ничего не записано
progress-documents = документов
compared = сравнение департаментов ({ $count }) записано в `{ $out }`
wrote-templates = пустые книги входных данных ({ $count }) записаны в `{ $out }`
wrote-national = папки входных данных департаментов полиции ({ $count }: { $codes }) записаны в `{ $out }`
wrote-generated = книги входных данных демонстрационного департамента (seed { $seed }) записаны в `{ $out }`
wrote-protocol = протокол `{ $unit }` (пунктов: { $items }, решений: { $decisions }) и реестр контроля (пунктов: { $followed }) записаны в `{ $out }`
wrote-control = контроль на { $date } (подразделений: { $units }, пунктов: { $items }) записан в `{ $out }`
control-line = { $unit } (встреча { $meeting }): пунктов { $items } — открыто { $open } (срок в ближайшие 3 рабочих дня: { $soon }, просрочено: { $overdue }), отвечено { $answered } (с опозданием: { $late }), направлено { $forwarded } (с опозданием: { $forwarded_late }), заявителей не уведомили вовремя: { $not_told }
imported = импортировано значений: { $values } из файлов: { $files } в `{ $out }`
demo-open = откройте `{ $report }` (отчёты) или пересоберите: `esep build { $out }/input --out ПАПКА`
built-department = { $not_met ->
    [0] { $code }: подразделений { $units } — файлов создано { $made }, сохранено { $kept }
   *[other] { $code }: подразделений { $units } — файлов создано { $made }, сохранено { $kept }; подразделений с невыполненными правилами приказа: { $not_met } (compliance.json)
}
wrote-departments = записано департаментов: { $built } из { $count } (подразделений: { $units }; файлов создано { $made }, сохранено { $kept }) в `{ $out }` за { $seconds } с
not-built = не собрано: { $count } — { $list }
wrote-pack = пакет за { $period } (подразделений: { $units }) записан в `{ $out }` за { $seconds } с (файлов создано { $made }, сохранено { $kept })

## Основания по правилам приказа (соблюдение)

not-met = { $unit }: не выполнено — { $rules }
rule-evidence = правило { $rule } ({ $evidence })
ev-no-meeting-row = нет строки на листе `meeting`
ev-meeting-within = встреча { $date }, в пределах { $first }–{ $last }
ev-meeting-outside = встреча { $date }, вне пределов { $first }–{ $last }
ev-interim = промежуточный период ({ $months } мес.); встреча { $date }
ev-no-date = нет даты встречи
ev-announced = объявлено { $date }, за { $days } дн. (требуется не менее { $required })
ev-no-announcement = нет даты объявления
ev-all-invited = приглашены все группы правила 11
ev-not-invited = не приглашены: { $groups }
ev-no-register = в `followup/` нет реестра контроля по прежней встрече
ev-items = { $count ->
    [one] пункт { $list }
   *[other] пункты { $list }
}
ev-no-item-within = на встрече { $meeting } не было пунктов в компетенции полиции, взятых на контроль
ev-no-item-outside = на встрече { $meeting } не было пунктов вне компетенции полиции
ev-past-term = { $items }: срок истёк на { $date }
ev-within-term = { $items }: в пределах срока на { $date }
ev-done = { $items }: исполнено в срок
ev-none-overdue = пунктов в реестре: { $count }, просроченных открытых на { $date } нет
ev-open-past-term = { $items }: открыты после истечения срока на { $date }
ev-figures = показателей со значением: { $count }
ev-paragraphs = абзацев: { $count }
ev-no-protocol = в `protocols/` пока нет протокола
ev-protocol-unreadable-why = протокол не читается: { $reason }
ev-protocol-unreadable = протокол не читается
ev-protocol = составлен { $date } (в день встречи), { $start }–{ $end }, участников: { $participants }, секретарь { $secretary }
ev-numbered = { $count ->
    [0] жалоб, предложений и замечаний не было
   *[other] пунктов, пронумерованных для регистрации: { $count }
}

## Размеченные копии книг (validate --mark)

mark-sheet = Проблемы esep
mark-level = уровень
mark-code = код
mark-place = где
mark-message = что не так
mark-hint = как исправить
mark-lost-format = Это копия книги { $format }: только значения — оформление, формулы и примечания оригинала не сохранены.
mark-lost-unreadable = Исходную книгу не удалось изменить: в этой копии только значения — оформление, формулы и примечания не сохранены.
mark-same-folder = `{ $out }` — папка входных данных: размеченные копии пишутся в другую папку (входные данные не изменяются)
marked = размеченные копии книг ({ $count }; отмечено ячеек: { $cells }) записаны в `{ $out }`
marked-converted = `{ $source }` размечена в копии `{ $name }`: только значения, оформление не сохранено

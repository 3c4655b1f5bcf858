# esep's messages in English. Ids starting with E- and W- are the stable codes of errors and
# warnings; the others are parts of messages, summaries and progress lines.

## Levels and counts

level-error = error
level-warning = warning
level-hint = hint
n-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
n-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}

## What a cell must hold

expect-text = text
expect-code = a code: 1–{ $max } Latin or Cyrillic letters, digits, `-` or `_`, beginning with a letter or digit
expect-unit-code = a unit code from `units`
expect-integer = a whole number ≥ { $min }
expect-number = a number ≥ 0
expect-positive = a number > 0
expect-date = a date (DD.MM.YYYY)
expect-time = a time (HH:MM)
expect-year = a year (2000–2100)
expect-months = 3, 6, 9 or 12 (months since 1 January)
expect-likert = a whole number from 1 to 5
expect-yes-no = yes or no (иә / жоқ, да / нет)
expect-choice = one of { $list }
expect-choices = one or more of { $list }, separated by `;`
expect-indicator-code = an indicator code of the statistical returns
code-rule = 1–{ $max } Latin or Cyrillic letters, digits, `-` or `_`, beginning with a letter or digit

## What is wrong with a text or a code

text-invisible = an invisible or control character: { $chars }; expected letters (Kazakh, Russian, Latin), digits and common punctuation
text-unprintable = a character the documents cannot print: { $chars }; expected letters (Kazakh, Russian, Latin), digits and common punctuation
text-too-long = { $count } characters, expected at most { $max }
text-long-word = a word of { $count } characters (`{ $word }`), expected at most { $max }: add spaces
code-empty = an empty code
code-character = { $char } is not allowed in a code
code-start = a code begins with a letter or a digit
code-device = `{ $code }` is a name Windows reserves for a device

## Why a workbook or a path cannot be read

wb-part-too-large = the part `{ $part }` expands to { $size } MB, more than the { $limit } MB a workbook may hold
wb-zip-bomb = the part `{ $part }` expands { $ratio } times ({ $size } MB from { $packed } bytes): a zip bomb, not a workbook
wb-too-large = the workbook expands to { $size } MB, more than { $limit } MB
wb-repeats = a sheet repeats its cells to { $cells } cells, more than { $limit }: expected a sheet of records
wb-rows = more than { $limit } rows: expected at most Excel's limit
wb-unreadable = { $reason }
wb-damaged = the file is damaged
path-outside = `{ $path }` is outside the input folder: expected a file name relative to it
path-leaves = `{ $path }` leads outside the input folder: expected a file inside it
path-missing = no such file
path-not-a-file = not a file
what-register = the follow-up register
what-protocol = the protocol workbook

## Form 1-М

f1m-no-numbers = no row of column numbers (А, Б, 1, 2, …) in the first 60 rows
f1m-no-code-column = no line-code column («Шифр строки»)
f1m-no-codes = no line codes under the header
f1m-period = period `{ $period }` is not YYYY-MM with 03, 06, 09 or 12 months
f1m-other-period = period { $period } is neither { $current } nor the same months of { $previous }
f1m-unit = unit `{ $unit }` is not in the `units` sheet

## Hints

hint-copy-into-folder = copy the workbook into the folder
hint-rename-file = rename the file: its name is printed in the reports' list of sources
hint-template = `esep template --out DIR` writes a blank `{ $id }.xlsx`
hint-save-again = save the workbook again from Excel or LibreOffice, or split it
hint-reader-said = the reader said: { $reason }
hint-one-sheet = keep one sheet per source
hint-column = { $expected }: { $about }
hint-known-codes = known codes: { $codes }
hint-indicator-codes = the codes are listed on the `lists` sheet of the template and in docs/input-contract.md
hint-f1m-export = export section 1 of form No. 1-М from the legal-statistics portal as XLSX

## Files and sheets

E-FOLDER = cannot read the input folder: { $reason }
E-LINK-OUTSIDE = a link that leads outside the input folder: not read
E-FILE-NAME = the file name: { $problem }
E-MISSING-SOURCE = missing source `{ $id }` ({ $labels }): expected a sheet of that name in a workbook of the folder
E-READ-FILE = cannot read the file: { $reason }
E-EMPTY-FILE = the file is empty: expected a workbook
E-WORKBOOK-REFUSED = refusing to open the workbook: { $reason }
E-NOT-A-WORKBOOK = cannot read the workbook: expected an .xlsx, .xls or .ods file
E-BOOK-UNREADABLE = cannot read the workbook: { $reason }
E-SOURCE-TWICE = source `{ $source }` appears twice: it was already read from { $file }, sheet `{ $sheet }`
E-EMPTY-SHEET = the sheet is empty: expected a header row with the columns of `{ $source }`
E-READ-SHEET = cannot read the sheet: { $reason }
E-NO-SHEET = no sheet `{ $id }`: expected { $what } esep writes
E-FRAME = cannot build the frame of `{ $source }`: { $reason }

## Headers

E-COLUMN-TWICE = column `{ $column }` appears twice in the header
W-UNKNOWN-COLUMN = column `{ $label }` is not in the contract of `{ $source }` and is ignored
W-UNKNOWN-COLUMNS = { $count } more columns up to { $last } are not in the contract of `{ $source }` and are ignored
E-MISSING-COLUMN = missing column `{ $id }` ({ $labels }): expected it in the header row

## Cells

E-TEXT = column `{ $column }`: { $problem }
E-CODE = column `{ $column }`: expected { $expected }, found `{ $found }`
E-CODE-FORM = column `{ $column }`: { $problem }; expected { $expected }
E-UNIT-CODE = column `{ $column }`: expected { $expected }, found `{ $found }`
E-INTEGER = column `{ $column }`: expected { $expected }, found `{ $found }`
E-NUMBER = column `{ $column }`: expected { $expected }, found `{ $found }`
E-POSITIVE = column `{ $column }`: expected { $expected }, found `{ $found }`
E-DATE = column `{ $column }`: expected { $expected }, found `{ $found }`
E-TIME = column `{ $column }`: expected { $expected }, found `{ $found }`
E-YEAR = column `{ $column }`: expected { $expected }, found `{ $found }`
E-MONTHS = column `{ $column }`: expected { $expected }, found `{ $found }`
E-LIKERT = column `{ $column }`: expected { $expected }, found `{ $found }`
E-YES-NO = column `{ $column }`: expected { $expected }, found `{ $found }`
E-CHOICE = column `{ $column }`: expected { $expected }, found `{ $found }`
E-CHOICES = column `{ $column }`: expected { $expected }, found `{ $found }`
E-CHOICES-UNKNOWN = column `{ $column }`: `{ $part }` is none of them; expected { $expected }
E-INDICATOR-CODE = column `{ $column }`: expected { $expected }, found `{ $found }`
E-REQUIRED = column `{ $column }`: empty required cell, expected { $expected }
E-MORE-CELLS = column `{ $column }`: { $count } more cells with problems in rows { $first }–{ $last }, not listed one by one
E-DUPLICATE-KEY = duplicate key ({ $columns }) = ({ $values }): first given in row { $row }

## Units

E-NO-DEPARTMENT = no department: expected exactly one unit with an empty `parent`
E-NO-UNITS = no units: expected the department and its bodies
E-SECOND-DEPARTMENT = second unit without a parent: expected exactly one department, `{ $code }` is already one
E-CODE-CASE = code `{ $code }` differs from `{ $other }` (row { $row }) only in letter case: their folders would be one
E-UNIT-LOOP = unit `{ $code }` is its own ancestor: expected a tree of units
W-POPULATION = population { $population } of `{ $code }` is smaller than its bodies' total { $sum }
E-UNKNOWN-UNIT = column `{ $column }`: unknown unit code `{ $code }`: expected a code from `units`

## Statistics

E-UNKNOWN-INDICATOR = column `{ $column }`: unknown indicator code `{ $code }`: expected a code of the contract
E-NO-STATISTICS = no statistical data: expected rows for the reporting year and the previous year
E-STAT-YEAR = column `{ $column }`: expected { $year } (reporting year) or { $previous } (АППГ), found `{ $found }`
E-STAT-MONTHS = column `{ $column }`: expected { $months } like row { $row } (one period per input folder), found `{ $found }`
W-NO-PREVIOUS-YEAR = no rows for { $year }: comparisons with the previous year (АППГ) will be empty
E-SOLVED-GT-REGISTERED = solved > registered: `{ $solved }` = { $s } exceeds `{ $registered }` = { $r } (row { $row }) for `{ $unit }`, { $year }
W-PARTS-SUM = `{ $whole }` = { $value } but { $parts } add up to { $sum } for `{ $unit }`, { $year }

## Narrative, funding, appeals, media

E-ITEM-MISSING = what was done belongs to a chapter: expected its item of rule 6, 1–7
E-ITEM = item { $item }: expected an item of rule 6 from 1 to 7
W-SPENT-GT-ALLOCATED = spent > allocated: spent { $spent } tenge of { $allocated } allocated
E-FUNDING-YEAR = column `{ $column }`: expected { $year } or { $previous }, found `{ $found }`
E-ANSWERED-BEFORE-RECEIVED = answered before received: answered { $answered } but received { $received }
E-OUTCOME-MISSING = column `{ $column }`: empty, expected the outcome of an answered appeal
W-APPEAL-OUTSIDE = received { $received } is outside { $period } and its АППГ: the appeal is not counted
E-RESPONSE-KK-ONLY = the response is given in Kazakh only: give it in Russian too
E-RESPONSE-RU-ONLY = the response is given in Russian only: give it in Kazakh too
E-RESPONSE-BEFORE-PUBLICATION = response before publication: response { $response } but published { $published }

## Meetings (the rules of the order)

W-INVITEES = the invitees leave out { $group } (rule { $rule })
E-ANNUAL-MEETING-DATE = meeting on { $date }: rule 4 holds the annual report for { $year } in the first quarter of { $next }, { $first } to { $last }
W-HALL-SMALL = the hall holds { $seats } but { $people } participants are expected (rule 9)
W-LATE-ANNOUNCEMENT = announced { $days } days before the meeting of { $date }: rule 8.2 asks for at least { $required }
W-REGISTER-NOT-EARLIER = the register of `{ $unit }` follows the meeting of { $meeting }, not one before this period's meeting of { $current }: the report leaves it out (`esep followup` reads it)
W-EMERGENCY-LINE = { $count ->
    [one] questions are to be sent to { $numbers }, an emergency line: name a helpline, a portal or an office
   *[other] questions are to be sent to { $numbers }, emergency lines: name a helpline, a portal or an office
}
W-NO-MEETING = `{ $code }` has no row in `meeting`: every body reports to the public (rule 4)

## Form 1-М import

E-MANIFEST = cannot read the manifest: { $reason }
E-MANIFEST-FILE = file `{ $file }`: { $problem }
E-F1M-MERGE = cannot merge the 1-М statistics: { $reason }
E-F1M-READ = cannot read the 1-М return: { $reason }
E-F1M-NO-SHEET = not a form 1-М return: no sheet `{ $sheet }` (section 1)
E-F1M-NO-TITLE = not a form 1-М return: sheet `{ $sheet }` has no title naming «{ $title }»
E-F1M-LAYOUT = not a form 1-М return: sheet `{ $sheet }`: { $problem }
E-F1M-NO-COLUMN = form 1-М: no column numbered { $column }
E-F1M-NO-LINE = form 1-М: no line { $line } ({ $article })
W-F1M-LINE-TITLE = line { $line } reads «{ $title }», expected it to name «{ $article }»
E-F1M-CATEGORY = form-1m mapping: unknown category `{ $category }`
W-F1M-ALL = column { $column }: all offences { $all } ≠ misdemeanours { $misdemeanours } + crimes { $crimes }
W-F1M-GRAVITY = column { $column }: crimes { $crimes } ≠ the four gravity classes { $sum }
W-F1M-ENDED = line { $line }: ended { $ended } ≠ sent to court { $sent } + terminated on non-rehabilitating grounds { $terminated }

## The protocol workbook

E-PROTOCOL-ROWS = { $count } rows in `protocol`: expected one, the meeting
E-PROTOCOL-UNIT = unknown unit `{ $unit }`: expected one of the pack's units
E-DRAWN-UP = drawn up on { $drawn }, the meeting was on { $date }: rule 14 has the protocol drawn up the same day
W-HALL-OVERFULL = { $people } participants in a hall of { $seats } seats (rule 9)
E-ANSWERED-FLAG = say whether it was answered in full at the meeting (yes / no)
E-APPLICANT-MISSING = not answered in full, so the answer must reach the applicant: give the applicant's name
E-CONTACT-MISSING = not answered in full, so the answer must reach the applicant: give the address, phone or e-mail
E-COMPETENT-BODY = outside police competence: name the competent body it goes to (rule 17)

## The follow-up register

E-SECOND-REGISTER = a second register of `{ $unit }` for the meeting of { $meeting }: the first is `{ $first }`
E-MEETING-ROWS = { $count } rows in `meeting`: expected one, the meeting the register follows
E-REGISTER-UNIT = unknown unit `{ $unit }`: expected one of the pack's units
E-FOLLOWED = `{ $found }`: expected the protocol's item numbers, separated by `;`
E-ITEM-NOT-FOLLOWED = { $count ->
    [0] item { $item } is not one of the protocol's items taken for checking (none): rows come from the protocol
   *[other] item { $item } is not one of the protocol's items taken for checking ({ $items }): rows come from the protocol
}
E-BEFORE-MEETING = { $column } on { $date }, before the meeting of { $meeting }
E-FORWARDED-TO = forwarded on { $date }: name the body it went to (rule 17)
E-FORWARDED-ON = outcome `forwarded`: give the day and the body it was forwarded to
E-NOTIFIED-NOT-FORWARDED = applicant told of a forwarding that is not recorded: give the day it was forwarded
E-ANSWERED-ON = outcome `{ $outcome }` without the day of the answer
E-REGISTER-OUTCOME = answered on { $date }: give the outcome (satisfied, explained or rejected)
E-EXTENSION-REASON = term extended on { $date }: give the reason (APPC art. 76 asks a reasoned decision)
E-NOTIFIED-NOT-EXTENDED = applicant told of an extension that is not recorded: give the day the term was extended
E-LATE-EXTENSION = term extended on { $date }, after the { $days } working days of APPC art. 76 ended on { $due }: an extension is decided within the term
E-ITEM-NOT-IN-REGISTER = item { $item } of the protocol has no row in `register`: every item not answered in full is followed (rule 16)

## Summaries and progress of the command line

summary = { $errors }, { $warnings } in `{ $input }`
nothing-written = nothing was written
nothing-written-after = { $summary }: nothing was written
nothing-written-in = { $errors } in `{ $input }`: nothing written
nothing-written-registers = { $errors } in the registers: nothing written
progress-documents = documents
compared = compared { $count } departments into `{ $out }`
wrote-templates = wrote { $count } blank input workbooks to `{ $out }`
wrote-national = wrote the input folders of { $count } police departments ({ $codes }) to `{ $out }`
wrote-generated = wrote the input workbooks of the demo department (seed { $seed }) to `{ $out }`
wrote-protocol = wrote the protocol of `{ $unit }` ({ $items } items, { $decisions } decisions) and its follow-up register ({ $followed } items) to `{ $out }`
wrote-control = wrote the control as of { $date } ({ $units } units, { $items } items) to `{ $out }`
control-line = { $unit } (meeting { $meeting }): { $items } items — { $open } open ({ $soon } due within 3 working days, { $overdue } overdue), { $answered } answered ({ $late } late), { $forwarded } forwarded ({ $forwarded_late } late), { $not_told } applicants not told in time
imported = imported { $values } values from { $files } file(s) into `{ $out }`
demo-open = open `{ $report }` (reports), or rebuild with `esep build { $out }/input --out DIR`
built-department = { $not_met ->
    [0] { $code }: { $units } units — { $made } files made, { $kept } kept
   *[other] { $code }: { $units } units — { $made } files made, { $kept } kept; { $not_met } units with rules of the order not met (compliance.json)
}
wrote-departments = wrote { $built } of { $count } departments ({ $units } units; { $made } files made, { $kept } kept) to `{ $out }` in { $seconds } s
not-built = { $count } not built: { $list }
wrote-pack = wrote the pack of { $units } units for { $period } to `{ $out }` in { $seconds } s ({ $made } files made, { $kept } kept)

## Evidence of the rules of the order (compliance)

not-met = { $unit }: not met — { $rules }
rule-evidence = rule { $rule } ({ $evidence })
ev-no-meeting-row = no row in `meeting`
ev-meeting-within = meeting on { $date }, within { $first }–{ $last }
ev-meeting-outside = meeting on { $date }, outside { $first }–{ $last }
ev-interim = interim period of { $months } months; meeting on { $date }
ev-no-date = no meeting date
ev-announced = announced { $date }, { $days } days before (at least { $required }); media: { $outlets }
ev-no-announcement = no announcement date
ev-all-invited = every group of rule 11 invited
ev-not-invited = not invited: { $groups }
ev-no-register = no follow-up register of an earlier meeting in `followup/`
ev-items = { $count ->
    [one] item { $list }
   *[other] items { $list }
}
ev-no-item-within = no item within police competence taken for checking at the meeting of { $meeting }
ev-no-item-outside = no item outside police competence at the meeting of { $meeting }
ev-past-term = { $items } past the term as of { $date }
ev-within-term = { $items } within the term as of { $date }
ev-done = { $items } done within the term
ev-none-overdue = items followed in the register: { $count }, none open past the term as of { $date }
ev-open-past-term = { $items } open past the term as of { $date }
ev-figures = { $count } figures with a value
ev-paragraphs = { $count } paragraphs
ev-no-protocol = no protocol in `protocols/` yet
ev-protocol-unreadable-why = the protocol does not read back: { $reason }
ev-protocol-unreadable = the protocol does not read back
ev-protocol = drawn up { $date } (the meeting's day), { $start }–{ $end }, { $participants } participants, secretary { $secretary }
ev-numbered = { $count ->
    [0] no complaints, proposals or remarks
   *[other] { $count } items numbered for registration
}

## Marked copies of the workbooks (validate --mark)

mark-sheet = esep problems
mark-level = level
mark-code = code
mark-place = place
mark-message = what is wrong
mark-hint = how to fix it
mark-lost-format = This is a copy of a { $format } workbook: its values only — formatting, formulas and comments of the original are not kept.
mark-lost-unreadable = The original workbook could not be edited: this copy holds its values only — formatting, formulas and comments are not kept.
mark-same-folder = `{ $out }` is the input folder: marked copies go to another folder (the inputs are never changed)
marked = marked copies of { $count } workbooks ({ $cells } cells marked) written to `{ $out }`
marked-converted = `{ $source }` is marked as the copy `{ $name }`: values only, its formatting is not kept

## Errors of the command itself (files, folders, packs, comparisons)

cannot-create = cannot create `{ $path }`
cannot-read = cannot read `{ $path }`
cannot-write = cannot write `{ $path }`
not-a-folder = `{ $path }` is not a folder
no-such-path = `{ $path }`: no such file or folder
no-inputs = `{ $path }` holds no input workbooks, nor folders of them
department-twice = department `{ $code }` is also in `{ $other }`: skipped
packs-folder = `{ $path }` is the pack of one department: the packs of several go into a folder of their own (choose a new or empty folder, or the folder that already holds their packs)
not-a-pack = `{ $path }` is not an esep pack
not-a-pack-folder = `{ $path }` exists and is not an esep pack: refusing to replace it (choose a new or empty folder)
pack-busy = another esep build{ $who } is writing `{ $path }`: nothing was written (wait for it to finish, or stop it)
interrupted = stopped: the unfinished pack was removed; a pack that was already in its place is as it was
no-units-sheet = no `units` sheet found in `{ $path }`
no-register = no follow-up register in `{ $path }` (looked for followup/*.xlsx and */followup.xlsx)
compare-none = name at least one pack
compare-pack = `{ $file }` ({ $period } catalogue v{ $version })
compare-periods = packs of different periods cannot be compared: { $first } against { $others }
compare-versions = packs of different catalogue versions cannot be compared: { $first } against { $others }
compare-old = { $first } was built with catalogue version { $version }; this esep has version { $ours }: rebuild the packs
compare-twice = department `{ $code }` appears twice: `{ $a }` and `{ $b }`
pack-unreadable = `{ $file }`: not a department workbook: { $reason }
pack-no-sheet = `{ $file }`: no `{ $sheet }` sheet: expected a department workbook of `esep build`
pack-header = `{ $file }`: { $sheet }!A1: expected the header `{ $header }`
pack-cell = `{ $file }`: { $place }: { $reason }
pack-no-key = `{ $file }`: { $sheet }: no `{ $key }`
import-no-period = `{ $file }`: give its period as `{ $file }@YYYY-MM` or with --period
import-bad-period = `{ $file }`: period `{ $period }` is not YYYY-MM with 03, 06, 09 or 12
import-no-unit = `{ $file }`: give the unit it reports on with --unit
import-nothing = name at least one 1-М file, or a manifest
import-manifest = manifest `{ $path }`: { $reason }
import-manifest-file = manifest `{ $path }`: file `{ $file }`: { $reason }
cannot-render = cannot render `{ $path }`
settings-unreadable = cannot read the settings `{ $path }`
settings-invalid = settings `{ $path }`
no-folder-name = `{ $path }` does not name a folder: give the pack a folder of its own
cannot-lock = cannot lock `{ $path }`

## The same problem in several cells, said once

also-at = also at { $cells }
also-at-more = also at { $cells } and { $count } more { $count ->
    [one] cell
   *[other] cells
}

# Mistakes on the command line (Kazakh and Russian runs; English ones are clap's own).
cli-unknown-argument = unexpected argument `{ $arg }`
cli-unknown-command = unknown command `{ $arg }`
cli-missing = required arguments not given: { $list }
cli-invalid-value = `{ $value }` is not a value of `{ $arg }`; expected: { $valid }
cli-bad-value = `{ $value }` is not a valid value of `{ $arg }`
cli-conflict = `{ $arg }` cannot be used with `{ $other }`
cli-did-you-mean = did you mean `{ $arg }`?
cli-dashes = to pass `{ $arg }` as a value, write `-- { $arg }`
cli-more = more: `{ $command } --help`

//! The contract as a Markdown page for analysts (`docs/input-contract.md`), generated from
//! the same tables the reader uses; a test fails when the committed page differs.

use std::fmt::Write;

use crate::contract::{ColumnType, PROTOCOL_SOURCES, REGISTER_SOURCES, SOURCES, Source, YES_NO, stat_codes};

fn allowed(ty: ColumnType) -> String {
    match ty {
        ColumnType::Choice(choices) => choices
            .iter()
            .map(|c| format!("`{}` ({} / {})", c.id, c.kk, c.ru))
            .collect::<Vec<_>>()
            .join("<br>"),
        ColumnType::ChoiceSet(choices) => {
            let each: Vec<String> =
                choices.iter().map(|c| format!("`{}` ({} / {})", c.id, c.kk, c.ru)).collect();
            format!("one or more, separated by `;`:<br>{}", each.join("<br>"))
        }
        ColumnType::YesNo => {
            YES_NO.iter().map(|c| format!("{} / {}", c.kk, c.ru)).collect::<Vec<_>>().join(", ")
                + ", yes / no, 1 / 0"
        }
        ColumnType::StatCode => "see [Indicator codes](#indicator-codes)".into(),
        other => other.expected(),
    }
}

/// The whole page.
pub fn contract_markdown() -> String {
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# Input contract\n\n\
         <!-- Generated from crates/ingest/src/contract.rs; `ESEP_BLESS=1 cargo test` rewrites it. -->\n\n\
         One department and one reporting period make one input folder of workbooks (`.xlsx`, `.xls`, \
         `.ods`). Each source below is a sheet, found by its name — the English name, or its Kazakh or \
         Russian name, in any letter case. Sources may share a workbook or sit one per file; a workbook \
         named after a source (e.g. `units.xlsx`) may keep its data on a sheet of any name. \
         `esep template --out DIR` writes blank workbooks of this contract.\n\n\
         **Headers.** The header is the row, among the first ten non-empty rows, that names the most \
         columns of the source (a title row above it is fine). Each column is found by its id \
         or by its Kazakh or Russian header, in any order; unknown columns are reported as warnings and \
         ignored. Rows that are entirely empty are skipped.\n\n\
         **Values.** Numbers may be stored as text, with spaces or non-breaking spaces between thousands \
         and a comma or point as decimal mark. Dates are date cells, `DD.MM.YYYY` or `YYYY-MM-DD`. \
         Choices accept the id, the Kazakh or the Russian label.\n\n\
         **Period.** The statistical returns define the period: their latest year is the reporting year, \
         and every row has the same `months` (3, 6, 9 or 12 months since 1 January). The previous year's \
         rows give the same period of the previous year (АППГ). Dated records (survey, appeals) count \
         when their date falls within the first `months` months of either year.\n\n\
         **Checks** (`esep validate`), each reported with file, sheet and cell, all at once:\n\n\
         - errors: wrong type; empty required cell; unknown unit or indicator code; duplicate key; value \
         out of range; solved > registered (for every category counted both ways); answered before \
         received; an answered appeal without outcome; a media response before its publication, or given in one language only; a `measures` paragraph without its item, or an item outside 1–7; the meeting of a 12-month period outside January–March of the next year (rule 4); Likert \
         answers outside 1–5; a year outside the period and its АППГ; mixed `months`; not exactly one \
         department, or a unit that is its own ancestor; a unit code that is not a folder name, or two codes \
         that differ only in letter case; text the documents cannot print, or too long; a missing source, \
         sheet or required column; \
         a source given twice; a file that is empty or not a workbook.\n\
         - warnings (the build goes on): spent > allocated; `registered_total` ≠ misdemeanours + crimes; \
         `registered_crimes` ≠ the four gravity classes; a meeting announced fewer than \
         `meeting.announce_days` days (10 in the built-in settings) before it (rule 8.2), or whose way to \
         send questions names an emergency line (`meeting.emergency_numbers`: 102, 112, 103, 101); a body's population larger than its parent's; a unit without a `meeting` row (rule 4); a hall smaller than the participants `expected` (rule 9); an appeal received \
         outside the period and its АППГ (not counted; questions marked for the meeting are exempt); no \
         rows for the previous year.\n"
    );
    let printable: Vec<String> = crate::text::PRINTABLE
        .iter()
        .map(|(lo, hi)| {
            if lo == hi {
                format!("U+{:04X}", u32::from(*lo))
            } else {
                format!("U+{:04X}–U+{:04X}", u32::from(*lo), u32::from(*hi))
            }
        })
        .collect();
    let _ = writeln!(
        md,
        "**Text** (what the documents can print, so that whatever `validate` accepts, `build` builds). \
         A text cell may hold letters (Kazakh, Russian, Latin), digits, common punctuation and line \
         breaks: the characters {}. Emoji, CJK, control and invisible characters (a byte-order mark, \
         zero-width spaces, direction marks) are errors, named as `U+XXXX` in the message. A cell holds at \
         most {} characters (names and ranks {}, identifiers {}, the narrative {}), and a word — the \
         characters between two spaces — at most {}, or no line could hold it. File names of the folder \
         follow the same rule: they are printed in the reports' list of sources.\n\n\
         **Unit codes** name each unit's folder in the pack: {}. No dots, slashes, spaces, and not a \
         name Windows keeps for a device (`CON`, `NUL`, `COM1`…); codes that differ only in letter case \
         are errors, because their folders would be one on Windows and macOS.\n\n\
         **Workbooks** are checked before they are opened: no part of the archive may expand beyond \
         {} MB (shared strings and styles, which are held in memory: {} MB), nor by more than {} times \
         past {} MB (a zip bomb), and an `.ods` or `.xls` sheet may cover at most {} cells. A sheet \
         holds at most {} rows. Cells far to the right or below cost nothing: only cells with values \
         are read.\n",
        printable.join(", "),
        crate::text::limits("topic").chars,
        crate::text::limits("name_ru").chars,
        crate::text::limits("id").chars,
        crate::text::limits("text_ru").chars,
        crate::text::WORD_CHARS,
        crate::text::code_expected(),
        crate::workbook::MAX_ENTRY_BYTES >> 20,
        crate::workbook::MAX_HELD_BYTES >> 20,
        crate::workbook::MAX_RATIO,
        crate::workbook::RATIO_FLOOR >> 20,
        crate::workbook::MAX_DENSE_CELLS,
        crate::workbook::MAX_ROWS,
    );
    for source in SOURCES {
        source_section(&mut md, source);
    }
    let _ = writeln!(md, "## Indicator codes\n\nThe `indicator` column of `statistics` takes these codes.\n");
    let _ = writeln!(md, "| code | kk | ru |\n|---|---|---|");
    for c in stat_codes() {
        let _ = writeln!(md, "| `{}` | {} | {} |", c.code, c.kk, c.ru);
    }
    let mapping = crate::form1m::Mapping::builtin();
    let _ = writeln!(
        md,
        "\n## Statistics from form No. 1-М\n\n\
         Instead of typing statistics, put the official return form No. 1-М, as the legal-statistics \
         portal exports it, in the folder (a subfolder `form-1m/` keeps it apart) and name it in \
         `{manifest}`:\n\n\
         ```toml\n[[file]]\npath = \"form-1m/district-2025-12.xlsx\"\nunit = \"SRK-KTL\"\nperiod = \"2025-12\"\n```\n\n\
         The period is the reporting period or the same months of the previous year. Each imported \
         (unit, year, code) replaces the `statistics` sheet's value; codes the return does not hold \
         stay from the sheet. Sheet `{sheet}` is read; these lines become these codes (column {reg}: \
         `registered_…`; column {ended}, ended: `solved_…`; line 1 also gives `sent_to_court` (column \
         {sent}), `interrupted_unidentified` ({int}), `registered_public_places` ({pp}), \
         `registered_streets` ({st}) and `registered_domestic` ({dom})):\n",
        manifest = crate::form1m::MANIFEST,
        sheet = mapping.sheet,
        reg = mapping.columns.registered,
        ended = mapping.columns.ended,
        sent = mapping.columns.sent_to_court,
        int = mapping.columns.interrupted_unidentified,
        pp = mapping.columns.public_places,
        st = mapping.columns.streets,
        dom = mapping.columns.domestic,
    );
    let _ = writeln!(md, "| line | category | the line names |\n|---|---|---|");
    for l in &mapping.lines {
        let _ = writeln!(md, "| {} | `{}` | {} |", l.line, l.category, l.article);
    }
    let _ = writeln!(
        md,
        "\n# The protocol workbook\n\nEach unit's pack holds `protocol.xlsx` for the secretary to fill in at the \
         meeting (rules 12–18): `protocol` pre-filled with the body, its chief, the date, place, hall and \
         secretary; `decisions`; and `items`, pre-filled with the questions sent ahead, their registration \
         numbers kept. Its headers, drop-downs and pre-filled choices are in one language, Kazakh unless \
         Russian is chosen (`--lang ru`, or a Russian-speaking run); either language, in headers and in \
         choices, is read back. The printed `protocol.*.pdf` has the same columns and a row for every \
         `meeting.protocol_seats_per_row` (10) seats of the hall, at least `meeting.protocol_min_rows` (8), at most `meeting.protocol_max_rows` (150). \
         `esep protocol` reads a filled workbook back and draws the protocol up; filled workbooks kept in the \
         input folder's `protocols/` are read back by `build` too, as the evidence of rules 12–15 and 18 in \
         `compliance.json`.\n"
    );
    for source in PROTOCOL_SOURCES {
        source_section(&mut md, source);
    }
    let _ = writeln!(
        md,
        "# The follow-up register\n\n`esep protocol` also writes `followup.xlsx`: a row for every item the \
         meeting did not answer in full (rule 16), pre-filled from the protocol with its term, and the columns \
         the staff fill in as the work goes. Terms come from `settings.toml` (`appeals`, `calendar`): an item \
         within police competence is answered within `term_working_days` (15) working days of the meeting \
         (APPC art. 76), or within `extended_term_months` (2) months when the term is extended — decided \
         within the 15 days, the applicant told within `forwarded_term_working_days` (3) working days of it; \
         an item outside police competence is forwarded to the competent body within 3 working days (APPC \
         art. 65, rule 17), the applicant told at the same time. `esep followup` reads registers back and \
         writes the control report (rule 19); registers of the previous meeting kept in the input folder's \
         `followup/` give the report its section on what became of them, and `compliance.json` rules 16, 17 \
         and 19. It is in the language of `protocol.xlsx` (Kazakh unless Russian is chosen); either header \
         and either choice (kk or ru) is read; dates in the future of `--as-of` are not yet counted.\n"
    );
    for source in REGISTER_SOURCES {
        source_section(&mut md, source);
    }
    codes_section(&mut md);
    md
}

/// Every diagnostic's stable code and what it says in the three languages.
fn codes_section(md: &mut String) {
    use crate::diag::Lang;
    let _ = writeln!(
        md,
        "# Diagnostic codes

`esep validate` (and `build`, `protocol`, `followup`, `import`) prints each problem \
         with a stable code: `error[E-DATE]: input.xlsx, media!C2: …`; `--format json` gives it as `code` beside \
         the words in the chosen language (`--lang kk|ru|en`, else `ESEP_LANG`, else the system locale, else \
         English). Codes beginning `E-` are errors (nothing is built), `W-` warnings. Codes never change \
         meaning; ‹…› stands for what the message fills in.\n"
    );
    let _ = writeln!(md, "| code | en | ru | kk |\n|---|---|---|---|");
    let mut codes: Vec<String> = esep_messages::ids(Lang::En)
        .into_iter()
        .filter(|id| id.starts_with("E-") || id.starts_with("W-"))
        .collect();
    codes.sort();
    // A cell of the wrong type says what the type expects; lists of choices vary by column.
    let mut expected: Vec<(&'static str, crate::Msg)> = Vec::new();
    for ty in SOURCES.iter().flat_map(|s| s.columns).map(|c| c.ty) {
        if !matches!(ty, ColumnType::Choice(_) | ColumnType::ChoiceSet(_))
            && !expected.iter().any(|(code, _)| *code == ty.code())
        {
            expected.push((ty.code(), ty.expected_msg()));
        }
    }
    for code in codes {
        let id: &'static str = Box::leak(code.into_boxed_str());
        let mut m = esep_messages::placeholders(id);
        if let Some((_, e)) = expected.iter().find(|(code, _)| *code == id) {
            for (name, value) in &mut m.args {
                if *name == "expected" {
                    *value = crate::Arg::Msg(Box::new(e.clone()));
                }
            }
        }
        let cell = |lang| m.text(lang).replace('|', "\\|").replace('\n', " ");
        let _ = writeln!(md, "| `{id}` | {} | {} | {} |", cell(Lang::En), cell(Lang::Ru), cell(Lang::Kk));
    }
}

/// One source's section: name, purpose, key and a row per column.
fn source_section(md: &mut String, source: &Source) {
    let _ = writeln!(md, "## `{}` — {} / {}\n", source.name, source.kk, source.ru);

    let _ = writeln!(md, "{}  \n{}\n", source.about_kk, source.about_ru);
    if !source.key.is_empty() {
        let _ = writeln!(
            md,
            "Unique key: {}.\n",
            source.key.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(" + ")
        );
    }
    let _ =
        writeln!(md, "| id | kk header | ru header | type | required | allowed values | explanation (ru) |");
    let _ = writeln!(md, "|---|---|---|---|---|---|---|");
    for c in source.columns {
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} | {} | {} | {} |",
            c.id,
            c.kk,
            c.ru,
            c.ty.name(),
            if c.required { "yes" } else { "no" },
            allowed(c.ty),
            c.about_ru
        );
    }
    md.push('\n');
}

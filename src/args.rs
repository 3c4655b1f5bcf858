//! Command-line arguments. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// esep — the public report pack of a police chief (Order No. 608 of the Minister of Internal
/// Affairs of Kazakhstan, 31.07.2023) from a department's quarterly workbooks.
#[derive(Debug, Parser)]
#[command(name = "esep", version, max_term_width = 100, after_long_help = EXAMPLES)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
    /// Print nothing but errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Settings of the computations (appeal terms, working-day calendar, thresholds) replacing
    /// the built-in `templates/settings.toml`.
    #[arg(long, global = true, env = "ESEP_SETTINGS", value_hint = clap::ValueHint::FilePath)]
    pub settings: Option<PathBuf>,
    /// A folder of Typst templates (`report.typ`, `slides.typ`, `announcement.typ`,
    /// `protocol.typ`, `common.typ`) replacing the built-in ones of the same name.
    #[arg(long, global = true, env = "ESEP_TEMPLATES", value_hint = clap::ValueHint::DirPath)]
    pub templates: Option<PathBuf>,
    /// Worker threads for rendering (0: one per core).
    #[arg(short, long, global = true, default_value_t = 0, env = "ESEP_JOBS")]
    pub jobs: usize,
    /// Language of messages, of the help, of the forms to fill in (blank input workbooks, the
    /// protocol workbook, the follow-up register) and of headquarters' workbooks: kk, ru or en.
    /// Else `ESEP_LANG`, else the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English
    /// (forms: Kazakh unless Russian is chosen; headquarters' workbooks: Russian unless Kazakh is
    /// chosen).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
}

const EXAMPLES: &str = "\
Examples:
  esep demo                              build the bundled demo into ./esep-demo
  esep template --out blank/ --lang ru   blank input workbooks with Russian headers
  esep validate inputs/2025-12/          list every problem in a folder of workbooks
  esep build inputs/2025-12/ --out pack/ validate, then write one pack per unit
  esep compare packs/* --out national.xlsx  headquarters' comparison of departments";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write blank input workbooks of the contract: headers, drop-downs, number and date checks,
    /// a frozen header and an `about` sheet explaining every column in Kazakh and Russian.
    Template {
        /// Folder to write the workbooks into (created if missing).
        #[arg(long, value_hint = clap::ValueHint::DirPath)]
        out: PathBuf,
        /// A filled `units` workbook (or a folder holding one): its codes feed the unit drop-downs.
        #[arg(long, value_hint = clap::ValueHint::AnyPath)]
        units: Option<PathBuf>,
    },
    /// Check a folder of input workbooks and list every problem at once, each with file, sheet
    /// and cell. Exits 0 when there are no errors (warnings do not fail).
    Validate {
        /// Folder with the workbooks of one department and one period.
        #[arg(value_hint = clap::ValueHint::DirPath)]
        input: PathBuf,
        /// Output format of the problems.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Write marked copies of the workbooks with problems into this folder: each problem's
        /// cell filled (errors red, warnings amber) with the message as a comment, and a first
        /// sheet listing them all with links. The inputs are not changed; `.xls` and `.ods`
        /// are copied as `.xlsx`.
        #[arg(long, value_name = "OUT", value_hint = clap::ValueHint::DirPath)]
        mark: Option<PathBuf>,
    },
    /// Validate, then write one pack per unit and the department: the report, slides,
    /// announcement and protocol template as PDF/A in Kazakh and Russian, a workbook of figures and their open-data twins `indicators.csv` and
    /// `indicators.json` (the pack's root holds those of every unit). The pack is assembled beside OUT and moved into place
    /// at the end, so a failed run leaves the previous pack untouched. Built into an earlier
    /// pack, it takes over every file whose inputs are unchanged (the keys in `pack.json`) and
    /// makes only the rest.
    Build {
        /// Folder with the workbooks of one department and one period; or several, or a folder
        /// of them: each department's pack is then written to `OUT/CODE`.
        #[arg(value_hint = clap::ValueHint::DirPath, required = true, num_args = 1..)]
        input: Vec<PathBuf>,
        /// Folder of the pack (replaced only if it is an earlier esep pack or empty); of the
        /// packs when several departments are built.
        #[arg(long, value_hint = clap::ValueHint::DirPath)]
        out: PathBuf,
        /// Make every file again, even those whose key in the earlier pack's `pack.json` is
        /// unchanged.
        #[arg(long)]
        force: bool,
    },
    /// Compare departments for headquarters: reads the `department.xlsx` of each pack, checks
    /// that they share period and catalogue version, and writes a national workbook —
    /// departments as rows, indicators as columns, ranks, national totals recomputed from
    /// numerators and denominators, charts.
    Compare {
        /// Pack folders written by `esep build` (or their `department.xlsx`).
        #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
        packs: Vec<PathBuf>,
        /// The national workbook to write.
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        out: PathBuf,
    },
    /// Read back the protocol workbook the secretary filled in at the meeting (`protocol.xlsx`
    /// of the unit's pack), check it — every problem at once, with sheet and cell — and write
    /// the protocol as drawn up, `protocol-final.kk.pdf` and `protocol-final.ru.pdf` (rules
    /// 13–15, 18), with the follow-up register `followup.xlsx` of the items not answered in full
    /// (rules 16, 17). Nothing is written when there is an error.
    Protocol {
        /// The filled protocol workbook.
        #[arg(value_hint = clap::ValueHint::FilePath)]
        filled: PathBuf,
        /// Folder to write the two PDFs into (created if missing).
        #[arg(long, value_hint = clap::ValueHint::DirPath)]
        out: PathBuf,
        /// The pack the protocol belongs to: its unit must be one of the pack's (default: the
        /// pack the workbook sits in, if any).
        #[arg(long, value_hint = clap::ValueHint::DirPath)]
        pack: Option<PathBuf>,
    },
    /// The control of the protocols' execution (rule 19): reads follow-up registers (the
    /// `followup.xlsx` that `esep protocol` writes, filled in by the staff) and writes
    /// `control.kk.pdf`, `control.ru.pdf` and `control.xlsx` — per unit and for the department,
    /// items open, due within 3 working days, overdue, answered and forwarded on time or late,
    /// applicants not told in time, and every item that needs attention, the oldest term first
    /// (the PDFs list the first `control.listed_max` of the settings, the workbook all).
    /// Terms in working days from `settings.toml`. Nothing is written when a register has an
    /// error. Exits 0 whatever the items' state; one line per unit on stderr.
    Followup {
        /// Registers: files, or folders holding them (an input folder's `followup/`, a pack's
        /// `UNIT/followup.xlsx`).
        #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
        registers: Vec<PathBuf>,
        /// The day the control is taken on, `YYYY-MM-DD` or `DD.MM.YYYY` (default: today in
        /// Kazakhstan); what the registers record after it is not yet counted.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<chrono::NaiveDate>,
        /// Folder to write the control report into (created if missing).
        #[arg(long, value_hint = clap::ValueHint::DirPath)]
        out: PathBuf,
        /// `json` also prints the control to stdout for other systems.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Import official returns into the input contract.
    Import {
        #[command(subcommand)]
        what: ImportKind,
    },
    /// Build the bundled demo department (a fictional region of 12 bodies).
    Demo {
        /// Folder of the pack.
        #[arg(long, default_value = "esep-demo", value_hint = clap::ValueHint::DirPath)]
        out: PathBuf,
    },
    /// Generate the input workbooks of a fictional department, for trials and tests.
    Generate {
        /// Folder to write the workbooks into (created if missing).
        #[arg(long, value_hint = clap::ValueHint::DirPath)]
        out: PathBuf,
        /// Seed: the same seed gives byte-identical workbooks.
        #[arg(long, default_value_t = 608)]
        seed: u64,
        /// Reporting year.
        #[arg(long, default_value_t = 2025)]
        year: i32,
        /// Months since 1 January.
        #[arg(long, default_value_t = 12, value_parser = parse_months)]
        months: u32,
        /// Police bodies below the department: the demo's 12, or more rural districts.
        #[arg(long, default_value_t = esep_demo::DEMO_BODIES, value_parser = parse_bodies)]
        bodies: usize,
        /// The country's 20 police departments (17 regions, Astana, Almaty, Shymkent) with
        /// their real names and bodies, one input folder each under `--out`, named by code.
        #[arg(long, conflicts_with = "bodies")]
        national: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportKind {
    /// Form No. 1-М «О зарегистрированных уголовных правонарушениях» as the legal-statistics
    /// portal exports it: writes a `statistics` workbook of the contract. The file does not
    /// state its period: give it as `FILE@YYYY-MM`, or with `--period`, or in a manifest. An
    /// input folder may also hold the returns with a `form-1m.toml` manifest, and `build`
    /// imports them itself.
    #[command(name = "form-1m")]
    Form1m {
        /// 1-М exports, each as `FILE` or `FILE@YYYY-MM`.
        files: Vec<String>,
        /// Unit code the files report on.
        #[arg(long)]
        unit: Option<String>,
        /// Period of files given without `@YYYY-MM`.
        #[arg(long)]
        period: Option<String>,
        /// A `form-1m.toml` manifest: `[[file]]` entries with `path`, `unit`, `period`.
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        manifest: Option<PathBuf>,
        /// The statistics workbook to write.
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        out: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Kazakh.
    Kk,
    /// Russian.
    Ru,
    /// English.
    En,
}

impl LangArg {
    /// The language of messages this names.
    pub fn speak(self) -> esep_ingest::Lang {
        match self {
            Self::Kk => esep_ingest::Lang::Kk,
            Self::Ru => esep_ingest::Lang::Ru,
            Self::En => esep_ingest::Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Lines for people (validate: one per problem).
    Human,
    /// JSON for programs (validate: an array of the problems; followup: the control).
    Json,
}

/// A day: `YYYY-MM-DD` or `DD.MM.YYYY`.
fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .map_err(|_| format!("expected a date, YYYY-MM-DD or DD.MM.YYYY, found `{s}`"))
}

/// Months of a cumulative period: 3, 6, 9 or 12.
fn parse_months(s: &str) -> Result<u32, String> {
    match s.parse::<u32>() {
        Ok(m @ (3 | 6 | 9 | 12)) => Ok(m),
        _ => Err(format!("expected 3, 6, 9 or 12, found `{s}`")),
    }
}

/// Bodies of a generated department: 1 to 2 000.
fn parse_bodies(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if (1..=2000).contains(&n) => Ok(n),
        _ => Err(format!("expected a number of bodies from 1 to 2000, found `{s}`")),
    }
}

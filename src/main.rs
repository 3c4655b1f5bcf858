//! `esep`: the command line. It only orchestrates the pipeline:
//!
//! # Steps
//! 1. `esep_ingest::load` reads and validates the input folder into polars frames.
//! 2. `esep_analysis::compute` evaluates the indicator catalogue for every unit.
//! 3. `esep_render` turns the report into PDFs and workbooks, written here as one pack.

#![allow(clippy::disallowed_macros)] // the binary is where printing belongs

/// `eprintln!` that cannot fail the run: with standard error closed (`2>&-`, a service that
/// keeps no log) what esep says is lost, and its work is still done.
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod args;
mod build;
mod compare;
mod compiler;
mod config;
mod help;
mod pack;
mod say;
mod workers;

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::FromArgMatches;
use esep_analysis::{Catalogue, Report, Settings};
use esep_ingest::{Dataset, Msg, Outcome};
use esep_render::{Lang, Renderer};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use crate::args::{Args, Command, Format, ImportKind};
use crate::build::build;
use crate::config::Config;
use crate::pack::{MARKER, Staging};
use crate::say::{say, say_path};

fn main() -> ExitCode {
    // The language is known before clap parses: its help and the run speak it.
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if raw.get(1).is_some_and(|a| a == compiler::ARG) {
        return compiler::serve();
    }
    // A panic that render catches and returns as an error (a full disk under a workbook being
    // written) is not reported as one.
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !esep_render::xlsx::contained() {
            report(info);
        }
    }));
    let lang = say::choose(help::asked(&raw));
    let args = match help::command(lang).try_get_matches_from(raw).and_then(|m| Args::from_arg_matches(&m)) {
        Ok(args) => args,
        Err(e) => match help::error_text(&e, lang) {
            // clap's exit code for a usage error.
            Some(text) => {
                tell!("{text}");
                return ExitCode::from(2);
            }
            None => e.exit(),
        },
    };
    let ran = run(&args);
    // Interrupted: the handler removes what the build wrote, says so and ends the process.
    while pack::stopping() {
        std::thread::park();
    }
    match ran {
        Ok(code) => code,
        // `esep validate … | head -1`: the reader has gone, which is not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            tell!("{}: {err:#}", say::word("level-error"));
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Writes one line of data to stdout; a closed pipe comes back as an error for `main`.
fn print_line(line: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    Ok(())
}

/// Runs one command; returns the exit code instead of exiting, so it can be tested.
fn run(args: &Args) -> Result<ExitCode> {
    let config = Config::from_args(args)?;
    workers::init_rayon(config.jobs);
    let quiet = config.quiet;
    match &args.command {
        Command::Template { out, units } => template(out, config.forms, units.as_deref(), quiet),
        Command::Validate { input, format, mark } => validate(input, *format, mark.as_deref(), &config),
        Command::Build { input, out, force } => build::build_all(input, out, &config, *force),
        Command::Import { what: ImportKind::Form1m { files, unit, period, manifest, out } } => {
            import_form1m(files, unit.as_deref(), period.as_deref(), manifest.as_deref(), out, quiet)
        }
        Command::Compare { packs, out } => {
            let n = compare::compare(packs, out, &Catalogue::builtin(), config.workbooks)?;
            if !quiet {
                tell!("{}", say(Msg::new("compared").arg("count", n).arg("out", out.display().to_string())));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo { out } => demo(out, &config),
        Command::Protocol { filled, out, pack } => protocol(filled, out, pack.as_deref(), &config),
        Command::Followup { registers, as_of, out, format } => {
            followup(registers, *as_of, out, *format, &config)
        }
        Command::Generate { out, seed, year, months, bodies, national } => {
            let opts = esep_demo::Options { seed: *seed, year: *year, months: *months, bodies: *bodies };
            if *national {
                let codes = esep_demo::national_codes();
                for (k, code) in codes.iter().enumerate() {
                    write_folder(
                        &out.join(code),
                        esep_demo::national_workbooks(k, &opts)?.unwrap_or_default(),
                    )?;
                }
                if !quiet {
                    tell!(
                        "{}",
                        say(Msg::new("wrote-national")
                            .arg("count", codes.len())
                            .arg("codes", codes.join(", "))
                            .arg("out", out.display().to_string()))
                    );
                }
                return Ok(ExitCode::SUCCESS);
            }
            write_generated(out, &opts)?;
            if !quiet {
                tell!(
                    "{}",
                    say(Msg::new("wrote-generated").arg("seed", *seed).arg("out", out.display().to_string()))
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn write_generated(out: &Path, opts: &esep_demo::Options) -> Result<()> {
    write_folder(out, esep_demo::workbooks(opts)?)
}

/// Writes generated workbooks into `out`, created if missing: all of them or none.
fn write_folder(out: &Path, folder: esep_demo::Folder) -> Result<()> {
    write_all(out, &folder)
}

fn template(out: &Path, lang: Lang, units: Option<&Path>, quiet: bool) -> Result<ExitCode> {
    let codes = match units {
        Some(path) => unit_codes(path)?,
        None => Vec::new(),
    };
    let created = chrono_today_free_date();
    let mut files = Vec::new();
    for source in esep_ingest::SOURCES {
        let opts = esep_render::ContractOptions { lang, unit_codes: &codes, created };
        files.push((format!("{}.xlsx", source.name), esep_render::contract_workbook(source, &[], &opts)?));
    }
    write_all(out, &files)?;
    if !quiet {
        tell!(
            "{}",
            say(Msg::new("wrote-templates")
                .arg("count", esep_ingest::SOURCES.len())
                .arg("out", out.display().to_string()))
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Templates carry a fixed creation date so that they are identical on every run.
fn chrono_today_free_date() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default()
}

/// Unit codes of a `units` workbook, or of the `units` sheet in a folder.
fn unit_codes(path: &Path) -> Result<Vec<String>> {
    let read = if path.is_dir() {
        esep_ingest::read::read_folder(path)
    } else {
        let dir = path.parent().unwrap_or(Path::new("."));
        esep_ingest::read::read_folder(dir)
    };
    let Some(units) = read.tables.get(&esep_ingest::SourceId::Units) else {
        bail!("{}", say_path("no-units-sheet", path));
    };
    Ok((0..units.len()).filter_map(|i| units.text("code", i).map(str::to_string)).collect())
}

fn print_diagnostics(outcome: &Outcome) -> Result<()> {
    for line in esep_ingest::diag::texts(&outcome.diagnostics, say::lang()) {
        print_line(&line)?;
    }
    Ok(())
}

fn summary(outcome: &Outcome, input: &Path) -> String {
    say(Msg::new("summary")
        .arg("errors", Msg::new("n-errors").arg("count", outcome.errors()))
        .arg("warnings", Msg::new("n-warnings").arg("count", outcome.warnings()))
        .arg("input", input.display().to_string()))
}

/// The unit codes of the pack at `pack`, or of the pack `filled` sits in (`PACK/UNIT/protocol.xlsx`).
fn pack_units(filled: &Path, pack: Option<&Path>) -> Result<Option<Vec<String>>> {
    let guessed = filled.parent().and_then(Path::parent).filter(|p| p.join(MARKER).is_file());
    let Some(dir) = pack.or(guessed) else { return Ok(None) };
    let manifest = std::fs::read(dir.join(MARKER)).with_context(|| say_path("not-a-pack", dir))?;
    let json: serde_json::Value = serde_json::from_slice(&manifest).context("cannot read pack.json")?;
    Ok(Some(
        json["units"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|u| u.as_str().map(str::to_string))
            .collect(),
    ))
}

/// `esep protocol`: the filled protocol workbook, checked, as the protocol drawn up in kk and ru.
fn protocol(filled: &Path, out: &Path, pack: Option<&Path>, config: &Config) -> Result<ExitCode> {
    let quiet = config.quiet;
    let units = pack_units(filled, pack)?;
    let outcome = esep_ingest::protocol::load_protocol(filled, units.as_deref());
    for line in esep_ingest::diag::texts(&outcome.diagnostics, say::lang()) {
        tell!("{line}");
    }
    let Some(protocol) = outcome.protocol else {
        let errors = outcome.diagnostics.iter().filter(|d| d.is_error()).count();
        tell!(
            "{}",
            say(Msg::new("nothing-written-in")
                .arg("errors", Msg::new("n-errors").arg("count", errors))
                .arg("input", filled.display().to_string()))
        );
        return Ok(ExitCode::FAILURE);
    };
    let renderer = renderer(config.templates.as_deref())?;
    let mut files = Vec::new();
    for lang in Lang::ALL {
        let pdf = renderer.render_protocol(&protocol, lang).with_context(|| {
            say(Msg::new("cannot-render").arg("path", format!("protocol-final.{}.pdf", lang.code())))
        })?;
        files.push((format!("protocol-final.{}.pdf", lang.code()), pdf));
    }
    let register = esep_render::followup::register_workbook(&protocol, &config.settings, config.forms)
        .context("cannot write the follow-up register")?;
    files.push(("followup.xlsx".to_string(), register));
    write_all(out, &files)?;
    if !quiet {
        let followed = protocol.items.iter().filter(|it| !it.answered).count();
        tell!(
            "{}",
            say(Msg::new("wrote-protocol")
                .arg("unit", protocol.unit.as_str())
                .arg("items", protocol.items.len())
                .arg("decisions", protocol.decisions.len())
                .arg("followed", followed)
                .arg("out", out.display().to_string()))
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The Typst engine, with `--templates` replacing the embedded templates of the same name.
fn renderer(templates: Option<&Path>) -> Result<Renderer> {
    Ok(match templates {
        Some(dir) => Renderer::with_templates(dir)?,
        None => Renderer::new(),
    })
}

/// Writes `bytes` to `path`, its folder made if missing, as [`write_all`] writes a folder: a
/// failed write (a full disk) leaves an earlier file whole and nothing beside it.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    write_all(dir, &[(name, bytes)])
}

/// Writes every file into `out` or none: each beside its name first, then renamed into place.
/// When one cannot be written (a full disk), those written beside go again, and so does `out`
/// if this made it.
fn write_all(out: &Path, files: &[(String, impl AsRef<[u8]>)]) -> Result<()> {
    let made = !out.exists();
    std::fs::create_dir_all(out).with_context(|| say_path("cannot-create", out))?;
    let partial = |name: &str| out.join(format!(".{name}.partial"));
    for (k, (name, bytes)) in files.iter().enumerate() {
        if let Err(e) = std::fs::write(partial(name), bytes.as_ref()) {
            for (name, _) in &files[..=k] {
                let _ = std::fs::remove_file(partial(name));
            }
            if made {
                let _ = std::fs::remove_dir(out);
            }
            return Err(e).with_context(|| say_path("cannot-write", &out.join(name)));
        }
    }
    for (name, _) in files {
        std::fs::rename(partial(name), out.join(name))
            .with_context(|| say(Msg::new("cannot-write").arg("path", name.as_str())))?;
    }
    Ok(())
}

/// The registers `paths` name: files as given; in a folder, `followup/*.xlsx`, `followup.xlsx`
/// and `*/followup.xlsx` (a pack's units), in name order. Links are not followed.
fn register_paths(paths: &[std::path::PathBuf]) -> Result<Vec<std::path::PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_file() {
            out.push(path.clone());
            continue;
        }
        if !path.is_dir() {
            bail!("{}", say_path("no-such-path", path));
        }
        let before = out.len();
        out.extend(esep_ingest::workbooks_in(&path.join("followup")));
        if path.join("followup.xlsx").is_file() {
            out.push(path.join("followup.xlsx"));
        }
        let mut units: Vec<std::path::PathBuf> = std::fs::read_dir(path)
            .map(|d| {
                d.flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                    .map(|e| e.path().join("followup.xlsx"))
                    .filter(|p| p.is_file())
                    .collect()
            })
            .unwrap_or_default();
        units.sort();
        out.extend(units);
        if out.len() == before {
            bail!("{}", say_path("no-register", path));
        }
    }
    Ok(out)
}

/// Today in Kazakhstan (the settings' UTC offset), without a time-zone database.
fn today(settings: &Settings) -> chrono::NaiveDate {
    let secs =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
            + i64::from(settings.meeting.utc_offset_hours) * 3600;
    chrono::NaiveDate::from_epoch_days(secs.div_euclid(86_400) as i32).unwrap_or_default()
}

/// `esep followup`: the registers read and checked, the control written in kk and ru.
fn followup(
    paths: &[std::path::PathBuf],
    as_of: Option<chrono::NaiveDate>,
    out: &Path,
    format: Format,
    config: &Config,
) -> Result<ExitCode> {
    let as_of = as_of.unwrap_or_else(|| today(&config.settings));
    let mut registers = Vec::new();
    let mut diagnostics = Vec::new();
    // Registers are read on the worker threads, their results kept in the order of the paths.
    let read = workers::run(
        register_paths(paths)?,
        config.jobs,
        |path| {
            let shown = path.display().to_string();
            esep_ingest::followup::load_register(&path, Some(&shown), None)
        },
        || {},
    );
    for outcome in read {
        diagnostics.extend(outcome.diagnostics);
        if let Some(r) = outcome.register {
            diagnostics.extend(esep_analysis::followup::check(&r, &config.settings));
            diagnostics.extend(esep_ingest::followup::second_register(&registers, &r));
            registers.push(r);
        }
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    for line in esep_ingest::diag::texts(&diagnostics, say::lang()) {
        tell!("{line}");
    }
    if errors > 0 {
        tell!(
            "{}",
            say(Msg::new("nothing-written-registers")
                .arg("errors", Msg::new("n-errors").arg("count", errors)))
        );
        return Ok(ExitCode::FAILURE);
    }
    let control = esep_analysis::followup::control(&registers, &config.settings, as_of);
    let renderer = renderer(config.templates.as_deref())?;
    // Both languages at once, each on its own worker.
    let rendered = workers::run(
        Lang::ALL.to_vec(),
        config.jobs,
        |lang| (lang, renderer.render_control(&control, lang)),
        || {},
    );
    let mut files = Vec::new();
    for (lang, pdf) in rendered {
        let pdf = pdf.with_context(|| {
            say(Msg::new("cannot-render").arg("path", format!("control.{}.pdf", lang.code())))
        })?;
        files.push((format!("control.{}.pdf", lang.code()), pdf));
    }
    files.push((
        "control.xlsx".to_string(),
        esep_render::followup::control_workbook(&control, config.forms)
            .context("cannot write `control.xlsx`")?,
    ));
    write_all(out, &files)?;
    if format == Format::Json {
        let json = esep_render::followup::control_json(&control)?;
        print_line(String::from_utf8_lossy(&json).trim_end())?;
    }
    if !config.quiet {
        for u in &control.units {
            tell!("{}", say(esep_analysis::followup::summary_line(u)));
        }
        tell!(
            "{}",
            say(Msg::new("wrote-control")
                .arg("date", as_of.format("%d.%m.%Y").to_string())
                .arg("units", control.units.len())
                .arg("items", control.total.items)
                .arg("out", out.display().to_string()))
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Loads an input folder and checks it against the contract and the rules of the order.
fn check(input: &Path, settings: &Settings) -> Result<Outcome> {
    let mut outcome = esep_ingest::load(input);
    if let Some(data) = &outcome.dataset {
        let found =
            esep_analysis::rules::check(data, settings).context("cannot check the rules of the order")?;
        outcome.add(found);
    }
    Ok(outcome)
}

fn validate(input: &Path, format: Format, mark: Option<&Path>, config: &Config) -> Result<ExitCode> {
    let outcome = check(input, &config.settings)?;
    if let Some(out) = mark {
        mark_copies(input, out, &outcome, config.quiet)?;
    }
    match format {
        Format::Human => {
            print_diagnostics(&outcome)?;
            if !config.quiet {
                // What the inputs show of the order's rules, before any report is computed.
                if let Some(data) = &outcome.dataset {
                    let checks = esep_analysis::compliance::assess(data, &config.settings, None)
                        .context("cannot assess compliance")?;
                    for line in esep_analysis::compliance::summary(&checks) {
                        tell!("{}", say(line));
                    }
                }
                tell!("{}", summary(&outcome, input));
            }
        }
        Format::Json => {
            let shown: Vec<_> = outcome.diagnostics.iter().map(|d| d.shown(say::lang())).collect();
            print_line(&serde_json::to_string_pretty(&shown)?)?;
        }
    }
    Ok(if outcome.errors() == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// `validate --mark OUT`: the marked copies of the workbooks with problems.
fn mark_copies(input: &Path, out: &Path, outcome: &Outcome, quiet: bool) -> Result<()> {
    let same =
        |a: &Path, b: &Path| a.canonicalize().ok().zip(b.canonicalize().ok()).is_some_and(|(a, b)| a == b);
    if same(input, out) {
        bail!("{}", say(Msg::new("mark-same-folder").arg("out", out.display().to_string())));
    }
    let marked = esep_render::mark::mark(input, &outcome.diagnostics, say::lang());
    let files: Vec<(String, &[u8])> = marked.iter().map(|m| (m.name.clone(), m.bytes.as_slice())).collect();
    write_all(out, &files)?;
    if !quiet {
        for m in marked.iter().filter(|m| m.lost.is_some()) {
            tell!(
                "{}",
                say(Msg::new("marked-converted")
                    .arg("source", m.source.as_str())
                    .arg("name", m.name.as_str()))
            );
        }
        let cells: usize = marked.iter().map(|m| m.cells).sum();
        tell!(
            "{}",
            say(Msg::new("marked")
                .arg("count", marked.len())
                .arg("cells", cells)
                .arg("out", out.display().to_string()))
        );
    }
    Ok(())
}

fn load_valid(input: &Path, settings: &Settings, quiet: bool) -> Result<Option<Dataset>> {
    let outcome = check(input, settings)?;
    if outcome.errors() > 0 || !quiet {
        let errors_only = quiet;
        let shown = outcome.diagnostics.iter().filter(|d| !errors_only || d.is_error());
        for line in esep_ingest::diag::texts(shown, say::lang()) {
            tell!("{line}");
        }
    }
    if outcome.errors() > 0 {
        tell!("{}", say(Msg::new("nothing-written-after").arg("summary", summary(&outcome, input))));
        return Ok(None);
    }
    Ok(outcome.dataset)
}

/// `esep import form-1m`: 1-М exports to a `statistics` workbook of the contract.
fn import_form1m(
    files: &[String],
    unit: Option<&str>,
    period: Option<&str>,
    manifest: Option<&Path>,
    out: &Path,
    quiet: bool,
) -> Result<ExitCode> {
    use esep_ingest::form1m;
    let mut entries = Vec::new();
    if let Some(m) = manifest {
        let listed = form1m::read_manifest(m).map_err(|e| {
            anyhow::anyhow!(say(Msg::new("import-manifest")
                .arg("path", m.display().to_string())
                .arg("reason", e.to_string())))
        })?;
        for f in listed {
            let entry = f.entry().map_err(|e| {
                anyhow::anyhow!(say(Msg::new("import-manifest-file")
                    .arg("path", m.display().to_string())
                    .arg("file", f.name.as_str())
                    .arg("reason", e)))
            })?;
            entries.push(entry);
        }
    }
    for spec in files {
        let (file, p) = match spec.rsplit_once('@') {
            Some((f, p)) => (f, Some(p)),
            None => (spec.as_str(), period),
        };
        let Some(p) = p else { bail!("{}", say(Msg::new("import-no-period").arg("file", file))) };
        let p = form1m::parse_period(p)
            .with_context(|| say(Msg::new("import-bad-period").arg("file", file).arg("period", p)))?;
        let Some(unit) = unit else { bail!("{}", say(Msg::new("import-no-unit").arg("file", file))) };
        entries.push((std::path::PathBuf::from(file), file.to_string(), unit.to_string(), p));
    }
    if entries.is_empty() {
        bail!("{}", say::word("import-nothing"));
    }
    let (rows, diagnostics) = form1m::import(&entries, &form1m::Mapping::builtin());
    for line in esep_ingest::diag::texts(diagnostics.iter().filter(|d| !quiet || d.is_error()), say::lang()) {
        tell!("{line}");
    }
    if diagnostics.iter().any(|d| d.is_error()) {
        tell!("{}", say::word("nothing-written"));
        return Ok(ExitCode::FAILURE);
    }
    let source = esep_ingest::SOURCES
        .iter()
        .find(|s| s.id == esep_ingest::SourceId::Statistics)
        .context("no statistics source")?;
    let cells: Vec<Vec<esep_render::Cell>> = rows
        .iter()
        .map(|(u, p, code, v)| {
            vec![
                esep_render::Cell::Text(u.clone()),
                esep_render::Cell::Number(f64::from(p.year)),
                esep_render::Cell::Number(f64::from(p.months)),
                esep_render::Cell::Text(code.clone()),
                esep_render::Cell::Number(*v),
            ]
        })
        .collect();
    let opts =
        esep_render::ContractOptions { lang: Lang::Ru, unit_codes: &[], created: chrono_today_free_date() };
    write_file(out, &esep_render::contract_workbook(source, &cells, &opts)?)?;
    if !quiet {
        tell!(
            "{}",
            say(Msg::new("imported")
                .arg("values", rows.len())
                .arg("files", entries.len())
                .arg("out", out.display().to_string()))
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn demo(out: &Path, config: &Config) -> Result<ExitCode> {
    let quiet = config.quiet;
    let input = tempfile::Builder::new().prefix("esep-demo-input-").tempdir()?;
    let opts = esep_demo::Options::default();
    write_generated(input.path(), &opts)?;
    // The pack keeps the demo's inputs, so they can be opened, edited and built again.
    // The whole cycle: two bodies' protocols as their secretaries filled them in, in the input
    // folder's `protocols/` (compliance reads them: rules 12–15, 18), drawn up in the pack.
    let Some(data) = load_valid(input.path(), &config.settings, true)? else {
        bail!("the demo's inputs do not validate");
    };
    let first = esep_analysis::compute(&data, &Catalogue::builtin(), &config.settings)
        .context("cannot compute the demo's indicators")?;
    let mut protocols: Vec<String> = Vec::new();
    std::fs::create_dir_all(input.path().join("protocols"))?;
    for (k, unit) in first.units.iter().skip(1).filter(|u| u.meeting.is_some()).take(2).enumerate() {
        let Some(date) =
            unit.meeting.as_ref().and_then(|m| chrono::NaiveDate::parse_from_str(&m.date, "%Y-%m-%d").ok())
        else {
            continue;
        };
        // Filled in Kazakh by the demo's secretaries, whatever the run's language.
        let mut rows = esep_render::protocol::protocol_rows(unit, Lang::Kk);
        esep_demo::fill_protocol(&mut rows, date, k);
        let name = format!("{}.xlsx", unit.code);
        std::fs::write(
            input.path().join("protocols").join(&name),
            esep_render::protocol::protocol_book(unit, &rows, first.period.end(), Lang::Kk)?,
        )?;
        protocols.push(name);
    }
    // The follow-up registers of the same bodies' previous meeting (the 9-month report's, in
    // October), in the input folder's `followup/`: item 6 of their reports says what became of
    // those items, and compliance reads rules 16, 17 and 19 from them.
    let mut registers: Vec<String> = Vec::new();
    std::fs::create_dir_all(input.path().join("followup"))?;
    for (k, unit) in first.units.iter().skip(1).filter(|u| u.meeting.is_some()).take(2).enumerate() {
        let held = chrono::NaiveDate::from_ymd_opt(first.period.year, 10, 21 + k as u32).unwrap_or_default();
        let chief_kk = format!("{} {}", unit.chief_rank_kk, unit.chief_name);
        let chief_ru = format!("{} {}", unit.chief_rank_ru, unit.chief_name);
        let bytes = esep_demo::previous_register(
            [unit.code.as_str(), &unit.name_kk, &unit.name_ru, &chief_kk, &chief_ru],
            held,
            k,
        )?;
        let name = format!("{}.xlsx", unit.code);
        std::fs::write(input.path().join("followup").join(&name), bytes)?;
        registers.push(name);
    }
    let copy_inputs = |staging: &Staging, report: &Report, renderer: &Renderer| -> Result<()> {
        for (name, bytes) in esep_demo::workbooks(&opts)? {
            staging.write(Path::new("input").join(name), &bytes)?;
        }
        for name in &registers {
            let path = input.path().join("followup").join(name);
            staging.write(Path::new("input/followup").join(name), &std::fs::read(&path)?)?;
        }
        let codes: Vec<String> = report.units.iter().map(|u| u.code.to_string()).collect();
        for name in &protocols {
            let path = input.path().join("protocols").join(name);
            staging.write(Path::new("input/protocols").join(name), &std::fs::read(&path)?)?;
            let outcome = esep_ingest::protocol::load_protocol(&path, Some(&codes));
            let Some(protocol) = outcome.protocol else {
                let said: Vec<String> = outcome.diagnostics.iter().map(ToString::to_string).collect();
                bail!("the demo's protocol `{name}` does not read back:\n{}", said.join("\n"));
            };
            for lang in Lang::ALL {
                let pdf = renderer.render_protocol(&protocol, lang)?;
                staging.write(
                    Path::new(&protocol.unit).join(format!("protocol-final.{}.pdf", lang.code())),
                    &pdf,
                )?;
            }
            // As `esep protocol` writes it: the register of this meeting's items, to follow up.
            let register =
                esep_render::followup::register_workbook(&protocol, &config.settings, config.forms)?;
            staging.write(Path::new(&protocol.unit).join("followup.xlsx"), &register)?;
        }
        Ok(())
    };
    let code = build(input.path(), out, config, false, Some(&copy_inputs))?;
    if !quiet && code == ExitCode::SUCCESS {
        tell!(
            "{}",
            say(Msg::new("demo-open")
                .arg("report", out.join("SRK/report.kk.pdf").display().to_string())
                .arg("out", out.display().to_string()))
        );
    }
    Ok(code)
}

//! `esep build`: input folders validated, computed and written as packs — one department into
//! `--out`, or several (or a folder of them) each into `--out/CODE`, sharing one engine, one
//! pool of workers and one progress bar.
//!
//! Every file of a pack has a key ([`Keys`]): SHA-256 of what it is made of — its data, the
//! templates, the fonts, the settings and esep's version. `pack.json` records them, and a build
//! into an existing pack takes over each file whose key is unchanged instead of making it again;
//! the result is the same bytes as a full build. `--force` makes everything.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use esep_analysis::{Catalogue, Report, UnitReport, open_data};
use esep_ingest::{InputFile, Msg};
use esep_render::{Document, Lang, Renderer};
use indicatif::{ProgressBar, ProgressStyle};
use sha2::{Digest as _, Sha256};

use crate::compiler::Compilers;
use crate::config::Config;
use crate::pack::{MARKER, Staging};
use crate::say::{say, say_path};
use crate::{load_valid, renderer, workers};

/// Adds files to a pack before it is moved into place.
pub type Extra<'a> = &'a dyn Fn(&Staging, &Report, &Renderer) -> Result<()>;

/// What the departments of one run share.
struct Engine<'a> {
    config: &'a Config,
    renderer: Renderer,
    /// The processes that compile the documents when several workers run.
    compilers: Option<Compilers>,
    bar: ProgressBar,
    /// Every key starts from this: the renderer's fingerprint (version, templates, fonts) and
    /// the settings.
    base: [u8; 32],
    force: bool,
}

impl<'a> Engine<'a> {
    fn new(config: &'a Config, force: bool) -> Result<Self> {
        let renderer = renderer(config.templates.as_deref())?;
        // One worker compiles here, alone; several in a child process each (see `compiler`).
        let workers = workers::count(config.jobs);
        let (renderer, compilers) = if workers == 1 {
            (renderer.alone(), None)
        } else {
            let compilers = Compilers::new(&renderer, workers)?;
            (renderer, Some(compilers))
        };
        let mut h = Sha256::new();
        h.update(renderer.fingerprint());
        h.update(serde_json::to_vec(&config.settings)?);
        let bar = if config.quiet { ProgressBar::hidden() } else { ProgressBar::new(0) };
        let template =
            format!("{{bar:40}} {{pos}}/{{len}} {} {{msg}}", crate::say::word("progress-documents"));
        bar.set_style(ProgressStyle::with_template(&template)?);
        Ok(Self { config, renderer, compilers, bar, base: h.finalize().into(), force })
    }

    /// The children that compile a department of `units` units, if any: none for a department
    /// of more than [`SHARED_UNITS`], whose idle children are stopped.
    fn compilers(&self, units: usize) -> Option<&Compilers> {
        let compilers = self.compilers.as_ref()?;
        if units <= SHARED_UNITS {
            return Some(compilers);
        }
        compilers.stop_idle();
        None
    }

    /// Threads for a pack's jobs: one per worker, and one more when children compile (see
    /// [`Compilers`]).
    fn threads(&self, compilers: Option<&Compilers>) -> usize {
        workers::count(self.config.jobs) + usize::from(compilers.is_some())
    }

    /// The key of a file that is not a Typst document: the base, its name and its parts.
    fn key(&self, parts: &[&[u8]]) -> String {
        let mut h = Sha256::new();
        h.update(self.base);
        for part in parts {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
        esep_render::pdf::hex(&h.finalize())
    }

    /// Prints above the progress bar.
    fn say(&self, line: &str) {
        if !self.config.quiet {
            self.bar.suspend(|| tell!("{line}"));
        }
    }
}

/// The keys of a pack's files, and those of the pack it replaces.
struct Keys {
    /// The pack being replaced and its keys (none with `--force` or without a pack there).
    old: Option<(PathBuf, BTreeMap<String, String>)>,
    new: Mutex<BTreeMap<String, String>>,
    kept: std::sync::atomic::AtomicUsize,
}

impl Keys {
    fn new(target: &Path, force: bool) -> Self {
        let old = if force { None } else { old_keys(target).map(|keys| (target.to_path_buf(), keys)) };
        Self { old, new: Mutex::default(), kept: 0.into() }
    }

    /// Records `key` for the file at `relative`, and takes the old pack's file over when its key
    /// was the same: true when it was taken, false when the file must be made.
    fn keep(&self, staging: &Staging, relative: &Path, key: &str) -> Result<bool> {
        let name = relative.to_string_lossy().replace('\\', "/");
        if let Ok(mut new) = self.new.lock() {
            new.insert(name.clone(), key.to_string());
        }
        let Some((dir, old)) = &self.old else { return Ok(false) };
        let kept = old.get(&name).is_some_and(|k| k == key) && staging.reuse(relative, dir)?;
        if kept {
            self.kept.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(kept)
    }

    fn counts(&self) -> (usize, usize) {
        use std::sync::atomic::Ordering::Relaxed;
        let kept = self.kept.load(Relaxed);
        let all = self.new.lock().map(|n| n.len()).unwrap_or(0);
        (all - kept, kept)
    }
}

/// The keys a pack at `target` recorded, if it is one.
fn old_keys(target: &Path) -> Option<BTreeMap<String, String>> {
    let bytes = std::fs::read(target.join(MARKER)).ok()?;
    let json: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    json.get("keys")?.as_object()?.iter().map(|(k, v)| Some((k.clone(), v.as_str()?.to_string()))).collect()
}

/// Data of a document above which it counts as heavy: a unit with some 40 bodies or more
/// (an ordinary unit's documents have 80–100 kB).
const HEAVY_BYTES: usize = 200_000;

/// Units of a department above which its documents compile in esep's own process, on every
/// worker thread, instead of in children. A child keeps the memory of its largest compile,
/// and each has its own Typst: with two, a department of 200 bodies peaked at 490–530 MB
/// (parent and children together) against 314 MB in one process, and took as long (52.7 s
/// with its department's own documents compiled here, 53.1 s). The largest real department
/// has some 25 units.
const SHARED_UNITS: usize = 40;

/// A job of a pack's workers.
#[derive(Clone, Copy)]
enum Job {
    /// A unit's document in one language.
    Document(usize, Document, Lang),
    /// The department's schedule in one language.
    Schedule(Lang),
    /// `department.xlsx`.
    Department,
    /// The pack's open data: `indicators.csv` and `indicators.json` of every unit.
    OpenData,
    /// A unit's `indicators.xlsx`, `protocol.xlsx` and open data.
    Workbooks(usize),
}

/// What one department's build wrote.
struct Built {
    code: String,
    period: esep_ingest::Arg,
    units: usize,
    made: usize,
    kept: usize,
    /// A line per unit with a rule of the order not met.
    not_met: Vec<Msg>,
}

/// `esep build` on the folders given: one department into `out`, several each into
/// `out/CODE`. A department that fails is reported and skipped; the exit code says so.
pub fn build_all(inputs: &[PathBuf], out: &Path, config: &Config, force: bool) -> Result<ExitCode> {
    let folders = department_folders(inputs)?;
    if let ([one], [given]) = (folders.as_slice(), inputs)
        && one == given
    {
        return build(one, out, config, force, None);
    }
    if out.join(MARKER).is_file() {
        bail!("{}", say_path("packs-folder", out));
    }
    let started = Instant::now();
    let engine = Engine::new(config, force)?;
    std::fs::create_dir_all(out).with_context(|| say_path("cannot-create", out))?;
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let mut built = Vec::new();
    let mut failed: Vec<String> = Vec::new();
    std::thread::scope(|scope| {
        // The next department is read and computed while the workers write this one; at most
        // one waits, so memory holds two departments at most.
        let (tx, rx) = std::sync::mpsc::sync_channel(0);
        let engine = &engine;
        let folders = &folders;
        let loader =
            std::thread::Builder::new().stack_size(workers::STACK_BYTES).spawn_scoped(scope, move || {
                for input in folders {
                    if tx.send((input, load(engine, input))).is_err() {
                        break;
                    }
                }
            });
        if let Err(err) = loader {
            failed.push(format!("cannot start reading the inputs: {err}"));
            return;
        }
        for (input, loaded) in rx {
            engine.bar.set_message(input.display().to_string());
            let written = loaded.and_then(|loaded| {
                let Some((files, report)) = loaded else { return Ok(None) };
                let code = report.units.first().map(|u| u.code.to_string()).unwrap_or_default();
                if let Some(first) = seen.get(&code) {
                    bail!(
                        "{}",
                        say(Msg::new("department-twice")
                            .arg("code", code.as_str())
                            .arg("other", first.display().to_string()))
                    );
                }
                write(engine, &files, &report, &out.join(&code), None).map(Some)
            });
            match written {
                Ok(Some(b)) => {
                    seen.insert(b.code.clone(), input.clone());
                    engine.say(&say(Msg::new("built-department")
                        .arg("code", b.code.as_str())
                        .arg("units", b.units)
                        .arg("made", b.made)
                        .arg("kept", b.kept)
                        .arg("not_met", b.not_met.len())));
                    built.push(b);
                }
                Ok(None) => failed.push(input.display().to_string()),
                Err(err) => {
                    engine.say(&format!(
                        "{}: `{}`: {err:#}",
                        crate::say::word("level-error"),
                        input.display()
                    ));
                    failed.push(input.display().to_string());
                }
            }
        }
    });
    engine.bar.finish_and_clear();
    if !config.quiet {
        for warning in engine.renderer.take_warnings() {
            tell!("{warning}");
        }
        let units: usize = built.iter().map(|b| b.units).sum();
        let made: usize = built.iter().map(|b| b.made).sum();
        let kept: usize = built.iter().map(|b| b.kept).sum();
        tell!(
            "{}",
            say(Msg::new("wrote-departments")
                .arg("built", built.len())
                .arg("count", folders.len())
                .arg("units", units)
                .arg("made", made)
                .arg("kept", kept)
                .arg("out", out.display().to_string())
                .arg("seconds", format!("{:.1}", started.elapsed().as_secs_f64())))
        );
    }
    if !failed.is_empty() {
        tell!("{}", say(Msg::new("not-built").arg("count", failed.len()).arg("list", failed.join(", "))));
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether `dir` holds workbooks itself (an input folder), links not followed.
fn is_input_folder(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().to_lowercase();
            e.file_type().is_ok_and(|t| t.is_file())
                && [".xlsx", ".xls", ".ods"].iter().any(|ext| name.ends_with(ext))
                && !name.starts_with(".~lock")
        })
    })
}

/// The input folders `inputs` name: each folder that holds workbooks, and of a folder that
/// holds none, its sub-folders that do, in name order.
fn department_folders(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            bail!("{}", say_path("not-a-folder", input));
        }
        if is_input_folder(input) {
            out.push(input.clone());
            continue;
        }
        let mut inner: Vec<PathBuf> = std::fs::read_dir(input)
            .with_context(|| say_path("cannot-read", input))?
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .filter(|p| is_input_folder(p))
            .collect();
        if inner.is_empty() {
            bail!("{}", say_path("no-inputs", input));
        }
        inner.sort();
        out.extend(inner);
    }
    Ok(out)
}

/// `esep build` of one input folder into the pack at `out`.
pub fn build(
    input: &Path,
    out: &Path,
    config: &Config,
    force: bool,
    extra: Option<Extra<'_>>,
) -> Result<ExitCode> {
    let started = Instant::now();
    let engine = Engine::new(config, force)?;
    let Some(built) = department(&engine, input, out, extra)? else {
        return Ok(ExitCode::FAILURE);
    };
    engine.bar.finish_and_clear();
    if !config.quiet {
        for line in &built.not_met {
            tell!("{}", say(line.clone()));
        }
        for warning in engine.renderer.take_warnings() {
            tell!("{warning}");
        }
        tell!(
            "{}",
            say(Msg::new("wrote-pack")
                .arg("units", built.units)
                .arg("period", built.period.clone())
                .arg("out", out.display().to_string())
                .arg("seconds", format!("{:.1}", started.elapsed().as_secs_f64()))
                .arg("made", built.made)
                .arg("kept", built.kept))
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// One department: validated (`None` when it is not valid: the diagnostics are printed),
/// computed, and written into the pack `target` names.
fn department(
    engine: &Engine<'_>,
    input: &Path,
    out: &Path,
    extra: Option<Extra<'_>>,
) -> Result<Option<Built>> {
    let Some((files, report)) = load(engine, input)? else { return Ok(None) };
    write(engine, &files, &report, out, extra).map(Some)
}

/// One department read, validated and computed; `None` when it is not valid (the diagnostics
/// are printed).
fn load(engine: &Engine<'_>, input: &Path) -> Result<Option<(Vec<InputFile>, Report)>> {
    let config = engine.config;
    let Some(dataset) = engine.bar.suspend(|| load_valid(input, &config.settings, config.quiet))? else {
        return Ok(None);
    };
    let report = esep_analysis::compute(&dataset, &Catalogue::builtin(), &config.settings)
        .context("cannot compute the indicators")?;
    // Only the list of input files is needed from here on: the tables go before any document
    // is made.
    Ok(Some((dataset.files, report)))
}

/// One department's pack written to `target`.
fn write(
    engine: &Engine<'_>,
    files: &[InputFile],
    report: &Report,
    target: &Path,
    extra: Option<Extra<'_>>,
) -> Result<Built> {
    let staging = Staging::new(target)?;
    let keys = Keys::new(target, engine.force);
    write_pack(engine, &staging, &keys, report, files)?;
    if let Some(extra) = extra {
        extra(&staging, report, &engine.renderer)?;
    }
    staging.commit()?;
    let (made, kept) = keys.counts();
    Ok(Built {
        code: report.units.first().map(|u| u.code.to_string()).unwrap_or_default(),
        period: report.period.named(),
        units: report.units.len(),
        made,
        kept,
        not_met: esep_analysis::compliance::summary(&report.compliance),
    })
}

fn write_pack(
    engine: &Engine<'_>,
    staging: &Staging,
    keys: &Keys,
    report: &Report,
    inputs: &[InputFile],
) -> Result<()> {
    let renderer = &engine.renderer;
    let compilers = engine.compilers(report.units.len());
    let compile = |prepared: &esep_render::pdf::Prepared| match compilers {
        Some(compilers) => compilers.compile(renderer, prepared),
        None => renderer.compile_prepared(prepared),
    };
    // One job per document, or per unit's workbooks and open data, the costliest first so that
    // no long job is left running alone at the end. The schedule leads: in a department of many
    // bodies its compile holds the most memory of the build (1 000 bodies: 126 pages, some
    // 100 MB), and at the start less is held beside it (peak 384–397 MB in 4 runs, against
    // 397–409 MB in 2 when it came after the slides).
    let mut jobs: Vec<Job> = Lang::ALL.iter().map(|&lang| Job::Schedule(lang)).collect();
    for doc in Document::ALL {
        for u in 0..report.units.len() {
            jobs.extend(Lang::ALL.iter().map(|&lang| Job::Document(u, doc, lang)));
        }
        if doc == Document::Slides {
            jobs.push(Job::Department);
        }
    }
    jobs.push(Job::OpenData);
    jobs.extend((0..report.units.len()).map(Job::Workbooks));
    let files = serde_json::to_vec(inputs)?;
    let period = serde_json::to_vec(&report.period)?;
    // The workbooks' language is part of their keys: a rebuild in another language rewrites them.
    let words = engine.config.workbooks.lang().code().as_bytes();
    // What each unit's workbooks show, as digests (the JSON of 200 bodies is some 18 MB, and
    // would stay in memory while every document is made); the department's workbook shows
    // every unit.
    let units: Vec<[u8; 32]> = report
        .units
        .iter()
        .map(|u| serde_json::to_vec(u).map(|json| Sha256::digest(json).into()))
        .collect::<Result<_, _>>()?;
    let mut all = Sha256::new();
    for u in &units {
        all.update(u);
    }
    let all: [u8; 32] = all.finalize().into();
    let compliance = serde_json::to_vec(&report.compliance)?;
    staging.write("schedule.ics", esep_render::schedule::ics(report, &report.settings).as_bytes())?;
    staging.write("compliance.json", serde_json::to_string_pretty(&report.compliance)?.as_bytes())?;
    let bar = &engine.bar;
    bar.inc_length(jobs.len() as u64);
    // A PDF: prepared, then taken over or compiled. Heavy documents (a department of many
    // bodies) are compiled one at a time, and Typst's memoised results are dropped after each:
    // two at once, or their results kept, would double the peak memory. The workbook of a
    // department of many units is heavy too: at 1 000 bodies, made beside the schedule's
    // compile, it took the peak to 526 MB, against 386–400 MB one after the other.
    let heavy = Mutex::new(());
    let many = report.units.len() > SHARED_UNITS;
    let pdf = |path: &Path, prepared: Result<esep_render::pdf::Prepared, esep_render::Error>| -> Result<()> {
        let failed = || say_path("cannot-render", path);
        let prepared = prepared.with_context(failed)?;
        if keys.keep(staging, path, prepared.key())? {
            return Ok(());
        }
        let pdf = if prepared.size() > HEAVY_BYTES {
            let _one = heavy.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let pdf = compile(&prepared);
            // A child empties its own caches; only a compile here leaves results behind.
            if compilers.is_none() {
                renderer.forget();
            }
            pdf
        } else {
            compile(&prepared)
        };
        staging.write(path, &pdf.with_context(failed)?)
    };
    let written = workers::run(
        jobs,
        engine.threads(compilers),
        |job| -> Result<()> {
            match job {
                Job::Document(u, doc, lang) => {
                    let unit = &report.units[u];
                    let path = Path::new(unit.code.as_str()).join(doc.file_name(lang));
                    pdf(&path, renderer.prepare(doc, report, unit, lang))
                }
                // The department's schedule of meetings (rule 8.1): to approve and publish.
                Job::Schedule(lang) => {
                    let path = PathBuf::from(format!("schedule.{}.pdf", lang.code()));
                    pdf(&path, renderer.prepare_schedule(report, lang))
                }
                Job::Department => {
                    let key = engine.key(&[b"department.xlsx", &all, &compliance, &files, &period, words]);
                    if !keys.keep(staging, Path::new("department.xlsx"), &key)? {
                        let _one =
                            many.then(|| heavy.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
                        let department = esep_render::department_workbook(
                            report,
                            inputs,
                            engine.config.workbooks,
                            staging.path(),
                        )
                        .with_context(|| say_path("cannot-write", Path::new("department.xlsx")))?;
                        staging.write("department.xlsx", &department)?;
                    }
                    Ok(())
                }
                Job::Workbooks(u) => {
                    let unit = &report.units[u];
                    let dir = Path::new(unit.code.as_str());
                    let path = dir.join("indicators.xlsx");
                    let key = engine.key(&[b"indicators.xlsx", &units[u], &files, &period, words]);
                    if !keys.keep(staging, &path, &key)? {
                        let xlsx =
                            esep_render::indicators_workbook(report, unit, inputs, engine.config.workbooks)
                                .with_context(|| format!("cannot write the workbook of `{}`", unit.code))?;
                        staging.write(&path, &xlsx)?;
                    }
                    // The secretary's workbook, dated the period's end like every file of the pack.
                    let path = dir.join("protocol.xlsx");
                    let forms = engine.config.forms;
                    let key = engine.key(&[b"protocol.xlsx", &units[u], &period, forms.code().as_bytes()]);
                    if !keys.keep(staging, &path, &key)? {
                        let protocol =
                            esep_render::protocol::protocol_workbook(unit, report.period.end(), forms)
                                .with_context(|| {
                                    format!("cannot write the protocol workbook of `{}`", unit.code)
                                })?;
                        staging.write(&path, &protocol)?;
                    }
                    write_open_data(staging, report, Some(unit))
                }
                Job::OpenData => write_open_data(staging, report, None),
            }
        },
        || bar.inc(1),
    );
    written.into_iter().collect::<Result<Vec<()>>>()?;
    let manifest = serde_json::json!({
        "esep": env!("CARGO_PKG_VERSION"),
        "period": report.period,
        "catalogue_version": report.catalogue.version,
        "department": report.units.first().map(|u| u.code.clone()),
        "units": report.units.iter().map(|u| &u.code).collect::<Vec<_>>(),
        "inputs": inputs,
        "keys": *keys.new.lock().map_err(|_| anyhow::anyhow!("the keys were lost"))?,
    });
    staging.write(MARKER, serde_json::to_string_pretty(&manifest)?.as_bytes())?;
    Ok(())
}

/// `indicators.csv` and `indicators.json` of one unit, or of every unit at the pack's root.
fn write_open_data(staging: &Staging, report: &Report, unit: Option<&UnitReport>) -> Result<()> {
    let (dir, rows) = match unit {
        Some(u) => (Path::new(u.code.as_str()), open_data::public_rows([u])),
        None => (Path::new(""), open_data::public_rows(&report.units)),
    };
    staging.write_with(dir.join("indicators.csv"), |w| Ok(open_data::write_csv(w, &rows)?))?;
    staging.write_with(dir.join("indicators.json"), |w| Ok(open_data::write_json(w, report, &rows)?))?;
    Ok(())
}

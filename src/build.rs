//! `esep build`: one input folder validated, computed and written as a pack.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use esep_analysis::{Catalogue, Report, UnitReport, open_data};
use esep_ingest::Dataset;
use esep_render::{Document, Lang, Renderer};
use indicatif::{ProgressBar, ProgressStyle};

use crate::config::Config;
use crate::pack::{MARKER, Staging};
use crate::{load_valid, renderer, workers};

/// Adds files to a pack before it is moved into place.
pub type Extra<'a> = &'a dyn Fn(&Staging, &Report, &Renderer) -> Result<()>;

pub fn build(input: &Path, out: &Path, config: &Config, extra: Option<Extra<'_>>) -> Result<ExitCode> {
    let Config { quiet, jobs, settings, templates } = config;
    let (quiet, templates) = (*quiet, templates.as_deref());
    let started = Instant::now();
    let Some(dataset) = load_valid(input, settings, quiet)? else {
        return Ok(ExitCode::FAILURE);
    };
    let catalogue = Catalogue::builtin();
    let report =
        esep_analysis::compute(&dataset, &catalogue, settings).context("cannot compute the indicators")?;
    let renderer = renderer(templates)?;
    let staging = Staging::new(out)?;
    write_pack(&staging, &report, &dataset, &renderer, *jobs, quiet)?;
    if !quiet {
        for line in esep_analysis::compliance::summary(&report.compliance) {
            eprintln!("{line}");
        }
    }
    if !quiet {
        for warning in renderer.take_warnings() {
            eprintln!("{warning}");
        }
    }
    if let Some(extra) = extra {
        extra(&staging, &report, &renderer)?;
    }
    staging.commit()?;
    if !quiet {
        eprintln!(
            "wrote the pack of {} units for {} to `{}` in {:.1} s",
            report.units.len(),
            report.period.label_ru(),
            out.display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn write_pack(
    staging: &Staging,
    report: &Report,
    dataset: &Dataset,
    renderer: &Renderer,
    jobs_threads: usize,
    quiet: bool,
) -> Result<()> {
    // One job per document: (unit, document and language) or (unit, workbook).
    let mut jobs: Vec<(usize, Option<(Document, Lang)>)> = Vec::new();
    for u in 0..report.units.len() {
        for doc in Document::ALL {
            jobs.extend(Lang::ALL.iter().map(|&lang| (u, Some((doc, lang)))));
        }
        jobs.push((u, None));
    }
    let department = esep_render::department_workbook(report, &dataset.files)
        .context("cannot write the department workbook")?;
    staging.write("department.xlsx", &department)?;
    // The department's schedule of meetings (rule 8.1): to approve and publish, and a calendar.
    for lang in Lang::ALL {
        let pdf = renderer
            .render_schedule(report, lang)
            .with_context(|| format!("cannot render `schedule.{}.pdf`", lang.code()))?;
        staging.write(format!("schedule.{}.pdf", lang.code()), &pdf)?;
    }
    staging.write("schedule.ics", esep_render::schedule::ics(report, &report.settings).as_bytes())?;
    staging.write("compliance.json", serde_json::to_string_pretty(&report.compliance)?.as_bytes())?;
    let bar = if quiet { ProgressBar::hidden() } else { ProgressBar::new(jobs.len() as u64) };
    bar.set_style(ProgressStyle::with_template("{bar:40} {pos}/{len} documents {msg}")?);
    let written = workers::run(
        jobs,
        jobs_threads,
        |(u, doc)| -> Result<()> {
            let unit = &report.units[u];
            match doc {
                Some((doc, lang)) => {
                    let pdf = renderer.render(doc, report, unit, lang).with_context(|| {
                        format!("cannot render `{}` of `{}`", doc.file_name(lang), unit.code)
                    })?;
                    staging.write(Path::new(unit.code.as_str()).join(doc.file_name(lang)), &pdf)
                }
                None => {
                    let xlsx = esep_render::indicators_workbook(report, unit, &dataset.files)
                        .with_context(|| format!("cannot write the workbook of `{}`", unit.code))?;
                    staging.write(Path::new(unit.code.as_str()).join("indicators.xlsx"), &xlsx)?;
                    // The secretary's workbook, dated the period's end like every file of the pack.
                    let protocol = esep_render::protocol::protocol_workbook(unit, report.period.end())
                        .with_context(|| format!("cannot write the protocol workbook of `{}`", unit.code))?;
                    staging.write(Path::new(unit.code.as_str()).join("protocol.xlsx"), &protocol)
                }
            }
        },
        || bar.inc(1),
    );
    bar.finish_and_clear();
    written.into_iter().collect::<Result<Vec<()>>>()?;
    write_open_data(staging, report, None)?;
    for unit in &report.units {
        write_open_data(staging, report, Some(unit))?;
    }
    let manifest = serde_json::json!({
        "esep": env!("CARGO_PKG_VERSION"),
        "period": report.period,
        "catalogue_version": report.catalogue.version,
        "department": report.units.first().map(|u| u.code.clone()),
        "units": report.units.iter().map(|u| &u.code).collect::<Vec<_>>(),
        "inputs": dataset.files,
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
    staging.write(dir.join("indicators.csv"), &open_data::to_csv(&rows)?)?;
    staging.write(dir.join("indicators.json"), &open_data::to_json(report, &rows)?)?;
    Ok(())
}

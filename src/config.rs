//! A run's configuration, resolved once from the arguments and the environment before any
//! command runs: arguments → [`Config`] → the command.

use std::path::PathBuf;

use anyhow::{Context, Result};
use esep_analysis::Settings;

use crate::args::Args;
use crate::say::say_path;

/// What every command reads besides its own arguments.
pub struct Config {
    /// Print nothing but errors.
    pub quiet: bool,
    /// Worker threads for documents (0: one per core).
    pub jobs: usize,
    /// The built-in settings, or those of `--settings`, checked.
    pub settings: Settings,
    /// A folder of templates replacing the built-in ones by name.
    pub templates: Option<PathBuf>,
    /// The language of headquarters' workbooks (`--lang`, `ESEP_LANG`, a kk or ru locale, else
    /// Russian).
    pub workbooks: esep_render::Words,
    /// The language of the forms staff fill in (blank input workbooks, the protocol workbook,
    /// the follow-up register): Russian when asked for or the run's language, else Kazakh, the
    /// state language.
    pub forms: esep_render::Lang,
}

impl Config {
    /// Resolves the global options; a `--settings` file that cannot be read or is not valid
    /// stops the run before anything is read or written.
    pub fn from_args(args: &Args) -> Result<Self> {
        let settings = match &args.settings {
            None => Settings::builtin(),
            Some(path) => {
                let text =
                    std::fs::read_to_string(path).with_context(|| say_path("settings-unreadable", path))?;
                Settings::parse(&text).with_context(|| say_path("settings-invalid", path))?
            }
        };
        let workbooks = esep_render::Words(esep_ingest::Lang::choose_for_workbooks(
            args.lang.map(crate::args::LangArg::speak),
        ));
        let forms = match args.lang.map(crate::args::LangArg::speak).unwrap_or_else(crate::say::lang) {
            esep_ingest::Lang::Ru => esep_render::Lang::Ru,
            esep_ingest::Lang::Kk | esep_ingest::Lang::En => esep_render::Lang::Kk,
        };
        Ok(Self {
            quiet: args.quiet,
            jobs: args.jobs,
            settings,
            templates: args.templates.clone(),
            workbooks,
            forms,
        })
    }
}

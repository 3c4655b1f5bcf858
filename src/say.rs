//! The language the command line speaks, chosen once per run (`--lang`, `ESEP_LANG`, the
//! system locale, else English), and its words for summaries and progress.

use std::sync::OnceLock;

use esep_ingest::{Lang, Msg};

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language of this run (the first call wins).
pub fn choose(asked: Option<Lang>) -> Lang {
    *LANG.get_or_init(|| Lang::choose(asked))
}

/// The language of this run.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_else(|| Lang::choose(None))
}

/// A message in the run's language.
pub fn say(msg: Msg) -> String {
    msg.text(lang())
}

/// A message without arguments in the run's language.
pub fn word(id: &'static str) -> String {
    Msg::new(id).text(lang())
}

/// A message about a file or folder (its `path` argument) in the run's language.
pub fn say_path(id: &'static str, path: &std::path::Path) -> String {
    say(Msg::new(id).arg("path", path.display().to_string()))
}

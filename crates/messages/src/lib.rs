//! What esep says to the analyst — diagnostics, hints, summaries, progress — in Kazakh, Russian
//! and English. The texts live in Project Fluent files (`locales/{kk,ru,en}.ftl`), embedded in
//! the binary; a message is an id (for a diagnostic, its stable code such as `E-DATE`) and its
//! arguments, turned into words only when shown, in the language the reader chose.

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language esep speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Kazakh, the state language.
    Kk,
    /// Russian.
    Ru,
    /// English.
    En,
}

impl Lang {
    /// All three, Kazakh first.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// `kk`, `ru` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language of a tag or a POSIX locale: `kk`, `ru-RU`, `kk_KZ.UTF-8`, `en_US@euro`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        let language = lower.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match language {
            "kk" | "kaz" => Some(Lang::Kk),
            "ru" | "rus" => Some(Lang::Ru),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language to speak: the one asked for, else `ESEP_LANG`, else the system locale
    /// (the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set, as POSIX reads them), else
    /// English.
    pub fn choose(asked: Option<Lang>) -> Lang {
        Self::choose_from(asked, |name| std::env::var(name).ok())
    }

    /// [`Lang::choose`] over any environment (tests pass their own).
    pub fn choose_from(asked: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = asked {
            return lang;
        }
        if let Some(lang) = env("ESEP_LANG").and_then(|v| Lang::parse(&v)) {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|n| env(n).filter(|v| !v.is_empty()));
        locale.and_then(|v| Lang::parse(&v)).unwrap_or(Lang::En)
    }

    /// The language of headquarters' workbooks: the one asked for or `ESEP_LANG`, else the
    /// system locale when it is Kazakh or Russian, else Russian — English only when asked for.
    pub fn choose_for_workbooks(asked: Option<Lang>) -> Lang {
        Self::choose_for_workbooks_from(asked, |name| std::env::var(name).ok())
    }

    /// [`Lang::choose_for_workbooks`] over any environment.
    pub fn choose_for_workbooks_from(asked: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = asked.or_else(|| env("ESEP_LANG").and_then(|v| Lang::parse(&v))) {
            return lang;
        }
        match Self::choose_from(None, env) {
            Lang::Kk => Lang::Kk,
            _ => Lang::Ru,
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::Kk => 0,
            Lang::Ru => 1,
            Lang::En => 2,
        }
    }
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Text shown as it is (a cell's content, a file name, a code).
    Text(String),
    /// A whole number: plural forms select on it.
    Int(i64),
    /// A name with a form per language, `[kk, ru, en]` (a column's header, a source's name).
    Name(Box<[String; 3]>),
    /// Another message, shown in the same language (what exactly is wrong with a text).
    Msg(Box<Msg>),
    /// Several, shown in the same language and joined by `; `.
    List(Vec<Arg>),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(Box::new(m))
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i32, i64, u32, u64, usize);

impl Arg {
    /// The argument as words of `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Arg::Text(s) => s.clone(),
            Arg::Int(n) => n.to_string(),
            Arg::Name(names) => names[lang.index()].clone(),
            Arg::Msg(m) => m.text(lang),
            Arg::List(items) => items.iter().map(|a| a.text(lang)).collect::<Vec<_>>().join("; "),
        }
    }
}

/// A message: its id in the Fluent files and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Msg {
    /// The id; for a diagnostic, its stable code (`E-DATE`, `W-LATE-ANNOUNCEMENT`).
    pub id: &'static str,
    /// Named arguments, in the order given.
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// A message without arguments yet.
    pub fn new(id: &'static str) -> Self {
        Self { id, args: Vec::new() }
    }

    /// Adds an argument.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// Adds a name given in the three languages.
    #[must_use]
    pub fn name(self, name: &'static str, kk: &str, ru: &str, en: &str) -> Self {
        self.arg(name, Arg::Name(Box::new([kk.to_string(), ru.to_string(), en.to_string()])))
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let bundle = &BUNDLES[lang.index()];
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            // Every id is in every file (a test checks); an unknown one still says something.
            return self.id.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value: FluentValue = match value {
                Arg::Int(n) => FluentValue::from(*n),
                other => FluentValue::String(Cow::Owned(other.text(lang))),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned()
    }
}

/// A message without arguments, in `lang`.
pub fn text(lang: Lang, id: &'static str) -> String {
    Msg::new(id).text(lang)
}

/// Message `id` without arguments in `lang`, if the file of `lang` has it (the help text:
/// Kazakh and Russian only, English is clap's own).
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    let bundle = &BUNDLES[lang.index()];
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, None, &mut errors).into_owned())
}

/// The names of the arguments message `id` uses in any language, in order of first use.
pub fn variables(id: &str) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for lang in Lang::ALL {
        let source = source(lang);
        let mut lines = source.lines().skip_while(|l| l.split_once('=').is_none_or(|(k, _)| k.trim() != id));
        let Some(first) = lines.next() else { continue };
        // A message goes on over its indented lines.
        let body = std::iter::once(first).chain(lines.take_while(|l| l.starts_with(' ')));
        for line in body {
            for part in line.split('$').skip(1) {
                let name: String =
                    part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if !name.is_empty() && !seen.contains(&name) {
                    seen.push(name);
                }
            }
        }
    }
    seen
}

/// Message `id` with each argument standing for itself, `‹column›`: what it says, for a
/// reference page. Plural forms show their general one.
pub fn placeholders(id: &'static str) -> Msg {
    with_every_variable(id, |name| Arg::Text(format!("‹{name}›")))
}

/// Message `id` with each argument it uses given `value(name)`.
pub fn with_every_variable(id: &'static str, value: impl Fn(&str) -> Arg) -> Msg {
    variables(id).into_iter().fold(Msg::new(id), |m, name| {
        let v = value(&name);
        // A name lives as long as the program: messages keep `&'static str` names.
        m.arg(Box::leak(name.into_boxed_str()), v)
    })
}

/// The Fluent source of a language, as embedded.
pub fn source(lang: Lang) -> &'static str {
    SOURCES[lang.index()]
}

/// Every message id of a language's file, in file order.
pub fn ids(lang: Lang) -> Vec<String> {
    source(lang)
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect()
}

/// Whether the Fluent file of `lang` parses without an error.
pub fn parses(lang: Lang) -> bool {
    FluentResource::try_new(source(lang).to_string()).is_ok()
}

const SOURCES: [&str; 3] =
    [include_str!("../locales/kk.ftl"), include_str!("../locales/ru.ftl"), include_str!("../locales/en.ftl")];

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 3]> = LazyLock::new(|| Lang::ALL.map(bundle));

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks around arguments would end up in terminals and workbooks.
    bundle.set_use_isolating(false);
    // A resource with a syntax error still yields its other messages; a test keeps the files clean.
    let resource = FluentResource::try_new(source(lang).to_string()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_tags_and_locales() {
        assert_eq!(Lang::parse("kk_KZ.UTF-8"), Some(Lang::Kk));
        assert_eq!(Lang::parse("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::parse("en_US@euro"), Some(Lang::En));
        assert_eq!(Lang::parse("C.UTF-8"), None);
        assert_eq!(Lang::parse("de_DE"), None);
    }

    #[test]
    fn choice_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |n: &str| pairs.iter().find(|(k, _)| *k == n).map(|(_, v)| v.to_string())
        };
        let all = env(&[("ESEP_LANG", "kk"), ("LC_ALL", "ru_RU.UTF-8"), ("LANG", "en_US.UTF-8")]);
        assert_eq!(Lang::choose_from(Some(Lang::En), all), Lang::En);
        assert_eq!(Lang::choose_from(None, all), Lang::Kk);
        assert_eq!(Lang::choose_from(None, env(&[("LC_ALL", "ru_RU.UTF-8"), ("LANG", "kk_KZ")])), Lang::Ru);
        // LC_ALL wins even when it names a language esep does not speak.
        assert_eq!(Lang::choose_from(None, env(&[("LC_ALL", "C"), ("LANG", "ru_RU")])), Lang::En);
        assert_eq!(Lang::choose_from(None, env(&[("LC_MESSAGES", "ru_RU"), ("LANG", "kk_KZ")])), Lang::Ru);
        assert_eq!(Lang::choose_from(None, env(&[("ESEP_LANG", "xx"), ("LANG", "kk_KZ")])), Lang::Kk);
        assert_eq!(Lang::choose_from(None, env(&[])), Lang::En);
        // Workbooks: Russian unless Kazakh comes from the locale or a language is asked for.
        let workbooks = Lang::choose_for_workbooks_from;
        assert_eq!(workbooks(None, env(&[])), Lang::Ru);
        assert_eq!(workbooks(None, env(&[("LANG", "en_US.UTF-8")])), Lang::Ru);
        assert_eq!(workbooks(None, env(&[("LANG", "kk_KZ.UTF-8")])), Lang::Kk);
        assert_eq!(workbooks(None, env(&[("ESEP_LANG", "en"), ("LANG", "kk_KZ")])), Lang::En);
        assert_eq!(workbooks(Some(Lang::En), env(&[("LANG", "ru_RU")])), Lang::En);
    }

    #[test]
    fn files_parse_and_hold_the_same_ids() {
        let en = ids(Lang::En);
        assert!(en.len() > 100, "{}", en.len());
        // The help text (`help-…`) is in Kazakh and Russian only: its English is clap's.
        assert!(en.iter().all(|id| !id.starts_with("help-")));
        let help = |lang| ids(lang).into_iter().filter(|id| id.starts_with("help-")).collect::<Vec<_>>();
        assert_eq!(help(Lang::Kk), help(Lang::Ru));
        for lang in Lang::ALL {
            assert!(parses(lang), "{lang:?}");
            let mut mine: Vec<String> = ids(lang).into_iter().filter(|id| !id.starts_with("help-")).collect();
            let mut want = en.clone();
            mine.sort();
            want.sort();
            assert_eq!(mine, want, "{lang:?}");
        }
    }

    /// Message `id` with every argument it uses given the value 2 (numbers select plural
    /// forms; names differ by nothing but language).
    fn filled(id: &'static str) -> Msg {
        with_every_variable(id, |_| Arg::Int(2))
    }

    #[test]
    fn every_diagnostic_speaks_three_languages() {
        let codes: Vec<String> =
            ids(Lang::En).into_iter().filter(|id| id.starts_with("E-") || id.starts_with("W-")).collect();
        assert!(codes.len() > 100, "{}", codes.len());
        for code in codes {
            let id: &'static str = Box::leak(code.into_boxed_str());
            let m = filled(id);
            let [kk, ru, en] = Lang::ALL.map(|l| m.text(l));
            for (lang, text) in [("kk", &kk), ("ru", &ru), ("en", &en)] {
                assert!(!text.trim().is_empty() && text != id, "{id} {lang}: {text:?}");
                assert!(!text.contains("{$") && !text.contains("{ $"), "{id} {lang}: unfilled {text}");
            }
            assert!(kk != ru && ru != en && kk != en, "{id}: {kk} | {ru} | {en}");
        }
    }

    /// Every id the code names (`Msg::new("…")`, `word("…")`, a code literal `"E-…"`) is in the
    /// files: a message never shows as its bare id.
    #[test]
    fn every_id_the_code_uses_exists() {
        fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    rust_files(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        for dir in ["crates/ingest/src", "crates/analysis/src", "crates/render/src", "src"] {
            rust_files(&root.join(dir), &mut files);
        }
        assert!(files.len() > 40, "{}", files.len());
        let known = ids(Lang::En);
        let mut used = Vec::new();
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            for opener in ["Msg::new(\"", "word(\"", "say_path(\"", "\"E-", "\"W-", "\"what-"] {
                for part in text.split(opener).skip(1) {
                    let id: String = part.chars().take_while(|c| *c != '"').collect();
                    let id = match opener {
                        "\"E-" | "\"W-" | "\"what-" => format!("{}{id}", &opener[1..]),
                        _ => id,
                    };
                    if id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && !id.ends_with('-') {
                        used.push((id, file.display().to_string()));
                    }
                }
            }
        }
        assert!(used.len() > 150, "{}", used.len());
        let missing: Vec<_> =
            used.iter().filter(|(id, _)| !known.contains(id) && id != "no-such-id").collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn russian_plurals() {
        let n = |k: i64| Msg::new("n-errors").arg("count", k).text(Lang::Ru);
        let cases = [
            (1, "1 ошибка"),
            (2, "2 ошибки"),
            (3, "3 ошибки"),
            (5, "5 ошибок"),
            (11, "11 ошибок"),
            (21, "21 ошибка"),
            (22, "22 ошибки"),
            (25, "25 ошибок"),
            (111, "111 ошибок"),
        ];
        for (k, want) in cases {
            assert_eq!(n(k), want);
        }
        assert_eq!(Msg::new("n-warnings").arg("count", 21).text(Lang::Ru), "21 предупреждение");
        assert_eq!(Msg::new("n-warnings").arg("count", 3).text(Lang::Ru), "3 предупреждения");
        // Kazakh nouns after a numeral keep one form.
        assert_eq!(Msg::new("n-errors").arg("count", 1).text(Lang::Kk), "1 қате");
        assert_eq!(Msg::new("n-errors").arg("count", 5).text(Lang::Kk), "5 қате");
        assert_eq!(Msg::new("n-errors").arg("count", 1).text(Lang::En), "1 error");
        assert_eq!(Msg::new("n-errors").arg("count", 2).text(Lang::En), "2 errors");
    }

    #[test]
    fn names_and_nested_messages_follow_the_language() {
        let inner = Msg::new("code-empty");
        let m = Msg::new("E-TEXT").name("column", "Күні", "Дата", "date").arg("problem", inner);
        let (kk, ru, en) = (m.text(Lang::Kk), m.text(Lang::Ru), m.text(Lang::En));
        assert!(kk.contains("«Күні»"), "{kk}");
        assert!(ru.contains("«Дата»"), "{ru}");
        assert_eq!(en, "column `date`: an empty code");
        assert_ne!(kk, ru);
        assert!(!en.contains('\u{2068}'), "no isolation marks: {en:?}");
        assert_eq!(Msg::new("no-such-id").text(Lang::Ru), "no-such-id");
    }
}

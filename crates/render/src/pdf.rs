//! PDF documents through Typst: the data of [`crate::documents`] become JSON in
//! `sys.inputs.data`, never markup. Output is PDF/A-2b with a fixed date, so the same inputs
//! give byte-identical files.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use sha2::{Digest as _, Sha256};

use chrono::Datelike;
use esep_analysis::{Report, UnitReport};
use typst::diag::SourceDiagnostic;
use typst::foundations::{Bytes, Datetime, Dict, IntoValue, Smart};
use typst::text::Font;
use typst::{World, WorldExt};
use typst_as_lib::{TypstAsLibError, TypstEngine, TypstTemplateCollection};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::documents::doc_data;
use crate::error::{Error, TemplateDiagnostic};
use crate::fonts;
use crate::lang::Lang;

/// The templates embedded in the binary; `--templates DIR` replaces any of them by name.
pub const TEMPLATES: [(&str, &str); 8] = [
    ("common.typ", include_str!("../../../templates/common.typ")),
    ("control.typ", include_str!("../../../templates/control.typ")),
    ("protocol-final.typ", include_str!("../../../templates/protocol-final.typ")),
    ("schedule.typ", include_str!("../../../templates/schedule.typ")),
    ("report.typ", include_str!("../../../templates/report.typ")),
    ("slides.typ", include_str!("../../../templates/slides.typ")),
    ("announcement.typ", include_str!("../../../templates/announcement.typ")),
    ("protocol.typ", include_str!("../../../templates/protocol.typ")),
];

/// Font families the templates use; every character of the data must be in one of them.
const FAMILIES: [&str; 3] = ["Libertinus Serif", "DejaVu Sans", "DejaVu Sans Mono"];

/// The documents of a unit's pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The report of rule 6 (A4).
    Report,
    /// Slides for the meeting (16:9).
    Slides,
    /// The public announcement of rule 8.2.
    Announcement,
    /// The protocol template of rules 12–16.
    Protocol,
}

impl Document {
    /// Every document, in pack order.
    pub const ALL: [Document; 4] = [Self::Report, Self::Slides, Self::Announcement, Self::Protocol];

    /// Stable id, also the file name's stem.
    pub fn id(self) -> &'static str {
        match self {
            Self::Report => "report",
            Self::Slides => "slides",
            Self::Announcement => "announcement",
            Self::Protocol => "protocol",
        }
    }

    fn template(self) -> String {
        format!("{}.typ", self.id())
    }

    /// The parts of a unit's data ([`doc_data`]) the embedded template reads, when it reads
    /// only some: the rest stays out of the document's data and so out of its key (an
    /// announcement is not made again when a figure changes). A template replaced with
    /// `--templates` gets every part.
    fn parts(self) -> Option<&'static [&'static str]> {
        const COMMON: [&str; 7] = ["lang", "title", "labels", "period", "period_end", "unit", "meeting"];
        match self {
            Self::Announcement => Some(&COMMON),
            Self::Protocol => Some(&[
                "lang",
                "title",
                "labels",
                "period",
                "period_end",
                "unit",
                "meeting",
                "questions",
                "blank_rows",
            ]),
            Self::Report | Self::Slides => None,
        }
    }

    /// `report.kk.pdf` and the like.
    pub fn file_name(self, lang: Lang) -> String {
        format!("{}.{}.pdf", self.id(), lang.code())
    }
}

/// Compiles the documents. Build one and share it: fonts are parsed once, and `render`
/// takes `&self`, so units can be rendered in parallel.
pub struct Renderer {
    engine: TypstEngine<TypstTemplateCollection>,
    covered: Vec<Font>,
    /// Typst's warnings of every compile so far, each once.
    warnings: Mutex<BTreeSet<TemplateDiagnostic>>,
    /// The template sources, for [`Renderer::fingerprint`].
    sources: Vec<(&'static str, String)>,
    /// Templates that are the embedded ones (not replaced with `--templates`).
    embedded: Vec<&'static str>,
    fingerprint: OnceLock<[u8; 32]>,
    /// Age at which Typst's memoised results go after a compile (see [`Renderer::alone`]).
    keep: usize,
}

/// A document ready to compile: everything of it that Typst reads besides the templates and
/// the fonts, and the key that names it ([`Prepared::key`]).
pub struct Prepared {
    template: String,
    json: Vec<u8>,
    date: chrono::NaiveDate,
    key: String,
}

impl Prepared {
    /// SHA-256 (hex) of the renderer's [`fingerprint`](Renderer::fingerprint), the template's
    /// name, the date and the data: two documents with the same key are the same bytes.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Bytes of the data: what the document holds, roughly.
    pub fn size(&self) -> usize {
        self.json.len()
    }

    /// The template's file name (`report.typ`).
    pub fn template(&self) -> &str {
        &self.template
    }

    /// The data as Typst reads it (`sys.inputs.data`, JSON).
    pub fn data(&self) -> &[u8] {
        &self.json
    }

    /// The date the PDF carries.
    pub fn date(&self) -> chrono::NaiveDate {
        self.date
    }
}

/// Lower-case hex of a digest.
pub fn hex(digest: &[u8]) -> String {
    digest.iter().fold(String::with_capacity(digest.len() * 2), |mut s, b| {
        use std::fmt::Write as _;
        let _ = write!(s, "{b:02x}");
        s
    })
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    /// An engine with the embedded templates and fonts.
    pub fn new() -> Self {
        Self::with_sources(TEMPLATES.iter().map(|(n, s)| (*n, (*s).to_string())).collect())
    }

    /// An engine whose templates are read from `dir` where a file of the same name exists
    /// there, and embedded otherwise: a department restyles without recompiling.
    pub fn with_templates(dir: &Path) -> Result<Self, Error> {
        if !dir.is_dir() {
            return Err(Error::Templates(format!("`{}` is not a folder", dir.display())));
        }
        let mut sources = Vec::new();
        for (name, embedded) in TEMPLATES {
            let path = dir.join(name);
            let text = if path.is_file() {
                std::fs::read_to_string(&path)
                    .map_err(|e| Error::Templates(format!("cannot read `{}`: {e}", path.display())))?
            } else {
                embedded.to_string()
            };
            sources.push((name, text));
        }
        Ok(Self::with_sources(sources))
    }

    /// An engine with these templates (name, source), as [`Renderer::sources`] gives them:
    /// another process's renderer made the same. A name that is not a template is an error.
    pub fn with_texts(texts: Vec<(String, String)>) -> Result<Self, Error> {
        let mut sources = Vec::new();
        for (name, text) in texts {
            let Some((known, _)) = TEMPLATES.iter().find(|(n, _)| *n == name) else {
                return Err(Error::Templates(format!("`{name}` is not a template")));
            };
            sources.push((*known, text));
        }
        Ok(Self::with_sources(sources))
    }

    /// The templates, name and source, every one.
    pub fn sources(&self) -> Vec<(String, String)> {
        self.sources.iter().map(|(n, s)| ((*n).to_string(), s.clone())).collect()
    }

    /// This renderer compiles one document at a time in its process: after each compile, every
    /// result Typst memoised goes. The next document reuses none of them, and walking and
    /// dropping them once instead of twice is cheaper (a department's compiles on one thread
    /// 4–8 % faster, 16 % less memory). Where compiles run side by side in one process, the
    /// results of the last two stay: another thread's compile in progress still needs its own.
    pub fn alone(mut self) -> Self {
        self.keep = 0;
        self
    }

    fn with_sources(sources: Vec<(&'static str, String)>) -> Self {
        let engine = TypstEngine::builder()
            .with_static_source_file_resolver(sources.clone())
            .fonts(fonts::all())
            // Typst's memoised results go after each compile (`compile_data`, `keep`): keeping
            // ten compiles' worth doubled the peak memory (demo, 2 threads: 10.4 s, 190 MB with
            // 1; 12.4 s, 420 MB with 10).
            .comemo_evict_max_age(None)
            .build();
        let covered = fonts::all()
            .into_iter()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .filter(|f| FAMILIES.contains(&f.info().family.as_str()))
            .collect();
        let embedded = sources
            .iter()
            .filter(|(name, source)| TEMPLATES.iter().any(|(n, s)| n == name && s == source))
            .map(|(name, _)| *name)
            .collect();
        Self {
            engine,
            covered,
            warnings: Mutex::default(),
            sources,
            embedded,
            fingerprint: OnceLock::new(),
            keep: 1,
        }
    }

    /// SHA-256 of what every document of this renderer depends on besides its data: esep's
    /// version, the templates' names and sources, and the fonts. Computed once.
    pub fn fingerprint(&self) -> [u8; 32] {
        *self.fingerprint.get_or_init(|| {
            let mut h = Sha256::new();
            let mut part = |bytes: &[u8]| {
                h.update((bytes.len() as u64).to_le_bytes());
                h.update(bytes);
            };
            part(env!("CARGO_PKG_VERSION").as_bytes());
            for (name, source) in &self.sources {
                part(name.as_bytes());
                part(source.as_bytes());
            }
            for font in fonts::all() {
                part(font);
            }
            h.finalize().into()
        })
    }

    /// Drops every result Typst keeps for reuse (its memoised layout), of every compile on
    /// every thread: after a document much larger than the rest, whose results no other
    /// document reuses, memory goes back to what the next documents need.
    pub fn forget(&self) {
        typst::comemo::evict(0);
    }

    /// A unit's document in one language, ready to compile, with its key.
    pub fn prepare(
        &self,
        document: Document,
        report: &Report,
        unit: &UnitReport,
        lang: Lang,
    ) -> Result<Prepared, Error> {
        let data = doc_data(report, unit, lang);
        let template = document.template();
        let embedded = self.embedded.contains(&template.as_str());
        match document.parts().filter(|_| embedded) {
            Some(parts) => {
                let mut value = serde_json::to_value(&data).map_err(|e| Error::Data(e.to_string()))?;
                if let serde_json::Value::Object(map) = &mut value {
                    map.retain(|k, _| parts.contains(&k.as_str()));
                }
                self.prepared(template, &value, report.period.end())
            }
            None => self.prepared(template, &data, report.period.end()),
        }
    }

    /// The department's schedule of meetings in one language, ready to compile, with its key.
    pub fn prepare_schedule(&self, report: &Report, lang: Lang) -> Result<Prepared, Error> {
        self.prepared(
            "schedule.typ".into(),
            &crate::schedule::schedule_data(report, lang),
            report.period.end(),
        )
    }

    fn prepared(
        &self,
        template: String,
        data: &impl serde::Serialize,
        date: chrono::NaiveDate,
    ) -> Result<Prepared, Error> {
        let json = serde_json::to_vec(data).map_err(|e| Error::Data(e.to_string()))?;
        let mut h = Sha256::new();
        h.update(self.fingerprint());
        for part in [template.as_bytes(), date.to_string().as_bytes(), &json] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
        let key = hex(&h.finalize());
        Ok(Prepared { template, json, date, key })
    }

    /// Compiles a prepared document to PDF bytes.
    pub fn compile_prepared(&self, prepared: &Prepared) -> Result<Vec<u8>, Error> {
        self.compile_data(&prepared.template, prepared.json.clone(), prepared.date)
    }

    /// Adds warnings another renderer gave (see [`Renderer::take_warnings`]).
    pub fn add_warnings(&self, warnings: Vec<TemplateDiagnostic>) {
        self.warnings.lock().unwrap_or_else(std::sync::PoisonError::into_inner).extend(warnings);
    }

    /// The templates' warnings so far (an unknown font, a deprecated function…), each once,
    /// with file, line and column; the list is emptied.
    pub fn take_warnings(&self) -> Vec<TemplateDiagnostic> {
        let mut warnings = self.warnings.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        std::mem::take(&mut *warnings).into_iter().collect()
    }

    /// Typst's diagnostics placed at their template file, line and column.
    fn place(&self, template: &str, diags: &[SourceDiagnostic]) -> Vec<TemplateDiagnostic> {
        let placed = self.engine.with_world(template, |world| {
            diags
                .iter()
                .map(|d| {
                    let at = d.span.id().and_then(|id| {
                        let source = world.source(id).ok()?;
                        let range = world.range(d.span)?;
                        let (line, column) = source.lines().byte_to_line_column(range.start)?;
                        let file = id.vpath().get_without_slash().to_string();
                        Some((file, line + 1, column + 1))
                    });
                    TemplateDiagnostic::new(d, template, at)
                })
                .collect()
        });
        placed.unwrap_or_else(|_| diags.iter().map(|d| TemplateDiagnostic::new(d, template, None)).collect())
    }

    /// Writes the timing scopes Typst recorded since `typst_timing::enable()` as a Chrome trace,
    /// each scope placed at its template's file and line (the documents benchmark's trace).
    pub fn export_trace(&self, template: &str, out: impl std::io::Write) -> Result<(), Error> {
        let written = self.engine.with_world(template, |world| {
            typst_timing::export_json(out, |raw| {
                let span = typst::syntax::Span::from_raw(raw);
                let at = span.id().and_then(|id| {
                    let source = world.source(id).ok()?;
                    let line = source.lines().byte_to_line(world.range(span)?.start)?;
                    Some((id.vpath().get_without_slash().to_string(), line as u32 + 1))
                });
                at.unwrap_or_default()
            })
        });
        let failed = |e: &dyn std::fmt::Display| Error::Templates(format!("cannot write the trace: {e}"));
        written.map_err(|e| failed(&e))?.map_err(|e| failed(&e))
    }

    fn fail(&self, template: &str, diags: &[SourceDiagnostic]) -> Error {
        let diagnostics = self.place(template, diags).into_iter().filter(|d| d.error).collect();
        Error::Typst { template: template.to_string(), diagnostics }
    }

    /// One document of one unit, in one language, as PDF bytes.
    pub fn render(
        &self,
        document: Document,
        report: &Report,
        unit: &UnitReport,
        lang: Lang,
    ) -> Result<Vec<u8>, Error> {
        self.compile_prepared(&self.prepare(document, report, unit, lang)?)
    }

    /// The protocol as drawn up (rules 13–15, 18), in one language, as PDF bytes.
    pub fn render_protocol(
        &self,
        protocol: &esep_ingest::protocol::Protocol,
        lang: Lang,
    ) -> Result<Vec<u8>, Error> {
        let data = crate::protocol::final_data(protocol, lang);
        self.compile("protocol-final.typ", &data, protocol.drawn_up)
    }

    /// The control of the protocols' execution (rule 19), in one language, as PDF bytes.
    pub fn render_control(
        &self,
        control: &esep_analysis::followup::Control,
        lang: Lang,
    ) -> Result<Vec<u8>, Error> {
        let data = crate::followup::control_data(control, lang);
        self.compile("control.typ", &data, control.as_of)
    }

    /// The department's schedule of meetings (rule 8.1), in one language, as PDF bytes.
    pub fn render_schedule(&self, report: &Report, lang: Lang) -> Result<Vec<u8>, Error> {
        self.compile_prepared(&self.prepare_schedule(report, lang)?)
    }

    /// Fails, naming the characters and where they are, when any text of the data (JSON) has a
    /// character that none of the templates' fonts can show.
    fn check_glyphs(&self, json: &[u8]) -> Result<(), Error> {
        // The JSON's text holds every character of the data as is (serde_json escapes only
        // control characters, quotes and backslashes), so it is searched directly; the data
        // are parsed only to name an example when a character is missing. No copy of the data
        // as a tree stays in memory while the document compiles.
        let text = std::str::from_utf8(json).map_err(|e| Error::Data(e.to_string()))?;
        // Each distinct character is looked up once (a 10 000-item control report has 1.5
        // million characters and a few hundred distinct); every font covers ASCII.
        let mut known: std::collections::HashMap<char, bool> = std::collections::HashMap::new();
        if text
            .chars()
            .all(|c| c.is_ascii() || c.is_control() || *known.entry(c).or_insert_with(|| self.covers(c)))
        {
            return Ok(());
        }
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| Error::Data(e.to_string()))?;
        let mut missing: BTreeSet<char> = BTreeSet::new();
        let mut example = String::new();
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::String(s) => {
                    let before = missing.len();
                    missing.extend(
                        s.chars().filter(|c| {
                            !c.is_control() && !*known.entry(*c).or_insert_with(|| self.covers(*c))
                        }),
                    );
                    if missing.len() > before && example.is_empty() {
                        example = s.chars().take(60).collect();
                    }
                }
                serde_json::Value::Array(a) => stack.extend(a.iter().rev()),
                serde_json::Value::Object(o) => stack.extend(o.values().rev()),
                _ => {}
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        let chars: Vec<String> = missing.iter().map(|c| format!("U+{:04X} «{c}»", u32::from(*c))).collect();
        Err(Error::Glyphs { chars: chars.join(", "), example })
    }

    fn covers(&self, c: char) -> bool {
        self.covered.iter().any(|f| f.info().coverage.contains(u32::from(c)))
    }

    fn compile(
        &self,
        template: &str,
        data: &impl serde::Serialize,
        date: chrono::NaiveDate,
    ) -> Result<Vec<u8>, Error> {
        let json = serde_json::to_vec(data).map_err(|e| Error::Data(e.to_string()))?;
        self.compile_data(template, json, date)
    }

    /// Compiles `template` on `json` (the data, as [`Prepared::data`]) dated `date`; every
    /// compile comes here: the data's characters checked against the fonts, then Typst, then PDF.
    pub fn compile_data(
        &self,
        template: &str,
        json: Vec<u8>,
        date: chrono::NaiveDate,
    ) -> Result<Vec<u8>, Error> {
        self.check_glyphs(&json)?;
        let mut inputs = Dict::new();
        inputs.insert("data".into(), Bytes::new(json).into_value());
        let compiled = self.engine.compile_with_input(template, inputs);
        typst::comemo::evict(self.keep);
        if !compiled.warnings.is_empty() {
            let placed = self.place(template, &compiled.warnings);
            self.warnings.lock().unwrap_or_else(std::sync::PoisonError::into_inner).extend(placed);
        }
        let doc: PagedDocument = compiled.output.map_err(|e| match e {
            TypstAsLibError::TypstSource(diags) => self.fail(template, &diags),
            other => Error::Typst {
                template: template.to_string(),
                diagnostics: vec![TemplateDiagnostic::message(template, other.to_string())],
            },
        })?;
        let timestamp =
            Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8).map(Timestamp::new_utc);
        let standards = PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| Error::Typst {
            template: template.to_string(),
            diagnostics: vec![TemplateDiagnostic::message(template, e.message().to_string())],
        })?;
        let options = PdfOptions {
            ident: Smart::Custom(format!("esep/{template}")),
            creator: Smart::Custom(Some(format!("esep {}", env!("CARGO_PKG_VERSION")))),
            timestamp,
            standards,
            ..Default::default()
        };
        typst_pdf::pdf(&doc, &options).map_err(|diags| self.fail(template, &diags))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_letters_are_covered_and_emoji_are_not() {
        let r = Renderer::new();
        for c in "әғқңөұүһіӘҒҚҢӨҰҮҺІ№«»—–−\u{202f}\u{2011}".chars() {
            assert!(r.covers(c), "{c}");
        }
        assert!((' '..='~').all(|c| r.covers(c)), "every font covers printable ASCII");
        assert!(!r.covers('🚓'));
        assert!(!r.covers('警'));
        assert!(!r.covers('\u{10fffd}'));
    }

    #[test]
    fn data_with_a_character_no_font_has_are_refused_naming_it_and_its_text() {
        let r = Renderer::new();
        let json = serde_json::to_vec(&serde_json::json!({"a": ["Қазақ «ok» \u{1}", {"b": "x 🚓 y 警"}]}))
            .unwrap_or_default();
        match r.check_glyphs(&json) {
            Err(Error::Glyphs { chars, example }) => {
                assert_eq!(chars, "U+8B66 «警», U+1F693 «🚓»");
                assert_eq!(example, "x 🚓 y 警");
            }
            other => panic!("{other:?}"),
        }
        let fine = serde_json::to_vec(&serde_json::json!({"a": "Қазақ «ok» — 5\u{202f}032 \u{1}"}))
            .unwrap_or_default();
        assert!(r.check_glyphs(&fine).is_ok());
    }

    #[test]
    fn file_names() {
        assert_eq!(Document::Slides.file_name(Lang::Kk), "slides.kk.pdf");
        assert_eq!(Document::ALL.len(), 4);
    }
}

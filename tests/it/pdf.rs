//! Reading the PDFs the tests check, in Rust: text (with its Kazakh letters), pages, fonts and
//! document information. No outside tool is needed.

use std::path::Path;

fn load(path: &Path) -> lopdf::Document {
    lopdf::Document::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text of a PDF, pages in order; narrow no-break spaces read as spaces.
pub fn text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    pdf_extract::extract_text_from_mem(&bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .replace('\u{202f}', " ")
}

/// The text of each page.
pub fn page_texts(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The lines of each page as set, top to bottom: the characters that share a baseline, left to
/// right, a space where a gap between two is wider than a fifth of the font's size. Where a
/// line breaks is the point (the plain text runs lines together).
pub fn lines(path: &Path) -> Vec<Vec<String>> {
    /// A character as set: baseline, left edge, width and font size in points.
    struct Set {
        y: f64,
        x: f64,
        width: f64,
        size: f64,
        text: String,
    }
    #[derive(Default)]
    struct Lines {
        pages: Vec<Vec<Set>>,
    }
    impl pdf_extract::OutputDev for Lines {
        fn begin_page(
            &mut self,
            _: u32,
            _: &pdf_extract::MediaBox,
            _: Option<(f64, f64, f64, f64)>,
        ) -> Result<(), pdf_extract::OutputError> {
            self.pages.push(Vec::new());
            Ok(())
        }
        fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
            Ok(())
        }
        fn output_character(
            &mut self,
            trm: &pdf_extract::Transform,
            width: f64,
            _: f64,
            size: f64,
            char: &str,
        ) -> Result<(), pdf_extract::OutputError> {
            if let Some(page) = self.pages.last_mut() {
                let scale = (trm.m11 * trm.m11 + trm.m12 * trm.m12).sqrt();
                let (width, size) = (width * size * scale, size * scale);
                page.push(Set { y: trm.m32, x: trm.m31, width, size, text: char.to_string() });
            }
            Ok(())
        }
        fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
            Ok(())
        }
        fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
            Ok(())
        }
        fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
            Ok(())
        }
    }
    let mut out = Lines::default();
    pdf_extract::output_doc(&load(path), &mut out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    out.pages
        .into_iter()
        .map(|mut chars| {
            // Top first (PDF's y grows upwards), then left to right; a baseline within a tenth of
            // a point is the same line.
            chars.sort_by(|a, b| (-a.y).total_cmp(&-b.y).then(a.x.total_cmp(&b.x)));
            let mut lines: Vec<(f64, String, f64)> = Vec::new();
            for c in chars {
                match lines.last_mut() {
                    Some((base, text, end)) if (*base - c.y).abs() < 0.1 => {
                        if c.x - *end > c.size / 5.0 && !text.ends_with(' ') {
                            text.push(' ');
                        }
                        text.push_str(&c.text);
                        *end = c.x + c.width;
                    }
                    _ => lines.push((c.y, c.text, c.x + c.width)),
                }
            }
            lines.into_iter().map(|(_, text, _)| text.trim().to_string()).collect()
        })
        .collect()
}

/// Number of pages.
pub fn pages(path: &Path) -> usize {
    load(path).get_pages().len()
}

/// Every font of the PDF: its name and whether its program is embedded.
pub fn fonts(path: &Path) -> Vec<(String, bool)> {
    let doc = load(path);
    let mut out: Vec<(String, bool)> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor"))
        .map(|d| {
            let name =
                d.get(b"FontName").and_then(|n| n.as_name()).map(|n| String::from_utf8_lossy(n).into_owned());
            let embedded = [&b"FontFile"[..], b"FontFile2", b"FontFile3"].iter().any(|k| d.has(k));
            (name.unwrap_or_default(), embedded)
        })
        .collect();
    out.sort();
    out
}

/// An entry of the document information dictionary (`Title`, `Author`, `CreationDate`), as text.
pub fn info(path: &Path, key: &str) -> Option<String> {
    let doc = load(path);
    let info = doc.trailer.get(b"Info").ok()?;
    let dict = match info {
        lopdf::Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        lopdf::Object::Dictionary(d) => d,
        _ => return None,
    };
    let value = dict.get(key.as_bytes()).ok()?;
    let bytes = value.as_str().ok()?;
    // Text strings are UTF-16BE with a byte-order mark, or PDFDocEncoding (ASCII here).
    Some(if bytes.starts_with(&[0xfe, 0xff]) {
        let units: Vec<u16> =
            bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    })
}

/// The text without any white space: text extraction guesses spaces from glyph positions, so
/// `$x$` may come back as `$ x$`; compare squeezed text where spacing is not the point.
pub fn squeezed(text: &str) -> String {
    text.split_whitespace().collect()
}

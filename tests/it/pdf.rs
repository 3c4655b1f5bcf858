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

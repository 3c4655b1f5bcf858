//! What text the pack can hold, declared once: the characters the documents print, how long
//! a cell and a word may be, and what a unit code may be (it names the unit's folder).
//!
//! `validate` applies these rules at the cell, so that whatever it accepts `build` builds: the
//! renderer's tests prove that the embedded fonts show every character of [`PRINTABLE`].

use crate::diag::{Lang, Msg};

/// Ranges of characters the documents print, inclusive. Everything else in a text cell is an
/// error, shown as `U+XXXX`: emoji, CJK, control and invisible characters.
pub const PRINTABLE: &[(char, char)] = &[
    (' ', '~'),               // Basic Latin
    ('\u{a0}', '\u{ac}'),     // Latin-1 punctuation (no soft hyphen, which is invisible)
    ('\u{ae}', '\u{17f}'),    // Latin-1 letters, Latin Extended-A (Kazakh Latin alphabet)
    ('\u{300}', '\u{36f}'),   // combining accents (stress marks, decomposed й)
    ('\u{400}', '\u{4ff}'),   // Cyrillic with the Kazakh letters ә ғ қ ң ө ұ ү һ і
    ('\u{2010}', '\u{2022}'), // dashes, quotation marks, bullet
    ('\u{2026}', '\u{2026}'), // ellipsis
    ('\u{202f}', '\u{2030}'), // narrow no-break space, per mille
    ('\u{2032}', '\u{2033}'), // primes
    ('\u{2039}', '\u{203a}'), // single guillemets
    ('\u{20ac}', '\u{20ac}'), // euro
    ('\u{20b8}', '\u{20b8}'), // tenge
    ('\u{20bd}', '\u{20bd}'), // rouble
    ('\u{2116}', '\u{2116}'), // numero
    ('\u{2122}', '\u{2122}'), // trade mark
    ('\u{2190}', '\u{2193}'), // arrows
    ('\u{2212}', '\u{2212}'), // minus
    ('\u{2264}', '\u{2265}'), // ≤ ≥
];

/// Whether the documents can print `c`; a line break inside a cell is allowed as well.
pub fn printable(c: char) -> bool {
    c == '\n' || PRINTABLE.iter().any(|(lo, hi)| (*lo..=*hi).contains(&c))
}

/// Characters that show nothing (controls, byte-order mark, zero-width and direction marks,
/// unusual spaces): messages name them as `U+XXXX` so the analyst can find them.
pub fn invisible(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        || matches!(c, '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
            | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
            | '\u{3164}' | '\u{feff}' | '\u{ffa0}' | '\u{fff0}'..='\u{fffb}')
}

/// `U+1F693 «🚓»`, or `U+FEFF (invisible)` for a character that shows nothing.
pub fn describe(c: char) -> String {
    if invisible(c) { format!("U+{:04X}", u32::from(c)) } else { format!("U+{:04X} «{c}»", u32::from(c)) }
}

/// The text for a message, the same in every language: invisible characters as `⟨U+FEFF⟩`, a
/// line break as `⟨↵⟩`, and at most 60 characters
/// with the full length after a long one (`…⟨81⟩`).
pub fn visible(s: &str) -> String {
    const SHOWN: usize = 60;
    let mut out = String::new();
    for c in s.chars().take(SHOWN) {
        if c == '\n' {
            out.push_str("⟨↵⟩");
        } else if invisible(c) {
            out.push_str(&format!("⟨U+{:04X}⟩", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    let n = s.chars().count();
    if n > SHOWN {
        out.push_str(&format!("…⟨{n}⟩"));
    }
    out
}

/// How long a text column's cells and words may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Characters in the cell.
    pub chars: usize,
    /// Characters between two spaces: a longer word cannot be broken across lines.
    pub word: usize,
}

/// Longest word: a web address fits, a run of characters that no line can hold does not.
pub const WORD_CHARS: usize = 80;

/// The limits of a text column, by its id: identifiers, names, texts and the narrative.
pub fn limits(column: &str) -> Limits {
    let chars = match column {
        "code" | "unit" | "parent" | "id" | "respondent" | "indicator" => CODE_MAX_CHARS * 2,
        "name_kk" | "name_ru" | "chief_name" | "chief_rank_kk" | "chief_rank_ru" | "secretary"
        | "measure_unit" => 300,
        "text_kk" | "text_ru" => 10_000,
        _ => 2_000,
    };
    Limits { chars, word: WORD_CHARS }
}

/// The language a text is written in, from its letters: `kk` when it holds a letter only Kazakh
/// has (ә ғ қ ң ө ұ ү һ і), `ru` when it is otherwise Cyrillic, `other` for anything else
/// (a Latin title). A short Kazakh text without such a letter reads as `ru`: the contract's
/// language columns override the guess.
pub fn written_in(s: &str) -> &'static str {
    const KAZAKH: &str = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
    if s.chars().any(|c| KAZAKH.contains(c)) {
        "kk"
    } else if s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
        "ru"
    } else {
        "other"
    }
}

/// The first problem of a text cell's content, in words, or `None` when the pack can hold it.
pub fn text_problem(s: &str, limits: Limits) -> Option<Msg> {
    let bad: Vec<char> = {
        let mut seen = Vec::new();
        for c in s.chars().filter(|c| !printable(*c)) {
            if !seen.contains(&c) {
                seen.push(c);
            }
            if seen.len() == 5 {
                break;
            }
        }
        seen
    };
    if !bad.is_empty() {
        let list: Vec<String> = bad.iter().map(|c| describe(*c)).collect();
        let id = if bad.iter().all(|c| invisible(*c)) { "text-invisible" } else { "text-unprintable" };
        return Some(Msg::new(id).arg("chars", list.join(", ")));
    }
    let n = s.chars().count();
    if n > limits.chars {
        return Some(Msg::new("text-too-long").arg("count", n).arg("max", limits.chars));
    }
    if let Some(word) = s.split([' ', '\n', '\u{a0}', '\u{202f}']).find(|w| w.chars().count() > limits.word) {
        return Some(
            Msg::new("text-long-word")
                .arg("count", word.chars().count())
                .arg("word", visible(word))
                .arg("max", limits.word),
        );
    }
    None
}

/// Longest unit code: it is a folder name in the pack and part of every file's path.
pub const CODE_MAX_CHARS: usize = 32;

/// Names Windows reserves for devices: a folder of that name cannot be created there.
const RESERVED: &[&str] = &["con", "prn", "aux", "nul", "clock$"];

/// What is wrong with a unit code, or `None`. A code is 1 to [`CODE_MAX_CHARS`] Latin or
/// Cyrillic letters, digits, `-` and `_`, beginning with a letter or digit: no dots, slashes,
/// spaces or other characters that would make it a path rather than a folder name.
pub fn code_problem(code: &str) -> Option<Msg> {
    let allowed =
        |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_' || ('\u{400}'..='\u{4ff}').contains(&c);
    let n = code.chars().count();
    if n == 0 {
        return Some(Msg::new("code-empty"));
    }
    if n > CODE_MAX_CHARS {
        return Some(Msg::new("text-too-long").arg("count", n).arg("max", CODE_MAX_CHARS));
    }
    if let Some(c) = code.chars().find(|c| !allowed(*c)) {
        return Some(Msg::new("code-character").arg("char", describe(c)));
    }
    if code.starts_with(['-', '_']) {
        return Some(Msg::new("code-start"));
    }
    let lower = code.to_lowercase();
    let device = (lower.starts_with("com") || lower.starts_with("lpt"))
        && lower.len() == 4
        && lower[3..].chars().all(|c| c.is_ascii_digit());
    if RESERVED.contains(&lower.as_str()) || device {
        return Some(Msg::new("code-device").arg("code", code));
    }
    None
}

/// What a unit code must be, in words (for messages and the contract page).
pub fn code_expected() -> String {
    Msg::new("code-rule").arg("max", CODE_MAX_CHARS).text(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_problem(s: &str, limits: Limits) -> Option<String> {
        super::text_problem(s, limits).map(|m| m.text(Lang::En))
    }

    fn code_problem(code: &str) -> Option<String> {
        super::code_problem(code).map(|m| m.text(Lang::En))
    }

    #[test]
    fn language_from_letters() {
        assert_eq!(written_in("Полиция ауылға келмейді"), "kk");
        assert_eq!(written_in("Полиция не приезжает"), "ru");
        assert_eq!(written_in("Police in Kostanay"), "other");
        assert_eq!(written_in("ІІД туралы"), "kk");
    }

    #[test]
    fn kazakh_and_russian_text_is_printable() {
        let text = "Әділет, ғылым, қоғам, ңғ, өнер, ұлт, үміт, һәм, іс — «Ё» №5, 12 ₸, 3 ≤ 4…\nжаңа жол";
        assert_eq!(text_problem(text, limits("topic")), None);
    }

    #[test]
    fn emoji_cjk_and_invisible_characters_are_named() {
        let p = text_problem("Полиция 🚓 警察", limits("topic")).unwrap_or_default();
        assert!(p.contains("U+1F693 «🚓»") && p.contains("U+8B66 «警»"), "{p}");
        let p = text_problem("\u{feff}Ақжар", limits("topic")).unwrap_or_default();
        assert!(p.starts_with("an invisible or control character: U+FEFF"), "{p}");
        let p = text_problem("a\tb\u{7}", limits("topic")).unwrap_or_default();
        assert!(p.contains("U+0009, U+0007"), "{p}");
        assert_eq!(visible("\u{feff}Ақ\u{200b}жар"), "⟨U+FEFF⟩Ақ⟨U+200B⟩жар");
    }

    #[test]
    fn long_cells_and_words() {
        let name = "Ә".repeat(32_767);
        assert_eq!(
            text_problem(&name, limits("name_ru")),
            Some("32767 characters, expected at most 300".into())
        );
        let word = "ж".repeat(100_000);
        let p = text_problem(&word, limits("text_kk")).unwrap_or_default();
        assert_eq!(p, "100000 characters, expected at most 10000");
        let p = text_problem(&format!("Көше {}", "а".repeat(81)), limits("topic")).unwrap_or_default();
        assert!(p.starts_with("a word of 81 characters"), "{p}");
        assert!(p.ends_with("…⟨81⟩`), expected at most 80: add spaces"), "{p}");
        assert_eq!(text_problem("https://www.instagram.com/police.sarbaz/", limits("outlets")), None);
    }

    #[test]
    fn codes_are_folder_names() {
        for good in ["SRK", "SRK-AKZ-01", "ҚАР_2", "d1"] {
            assert_eq!(code_problem(good), None, "{good}");
        }
        for (bad, why) in [
            ("", "an empty code"),
            (".", "U+002E «.» is not allowed in a code"),
            ("../x", "U+002E «.» is not allowed in a code"),
            ("/etc", "U+002F «/» is not allowed in a code"),
            ("a\\b", "U+005C «\\» is not allowed in a code"),
            ("a b", "U+0020 « » is not allowed in a code"),
            ("a\0b", "U+0000 is not allowed in a code"),
            ("-x", "a code begins with a letter or a digit"),
            ("CON", "`CON` is a name Windows reserves for a device"),
            ("lpt1", "`lpt1` is a name Windows reserves for a device"),
        ] {
            assert_eq!(code_problem(bad).as_deref(), Some(why), "{bad:?}");
        }
        assert_eq!(code_problem(&"A".repeat(300)).as_deref(), Some("300 characters, expected at most 32"));
        assert_eq!(code_problem("COM10"), None);
    }
}

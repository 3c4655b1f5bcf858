//! The two languages of every document, and their labels (`templates/labels.toml`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// Labels shipped with esep.
pub const LABELS_TOML: &str = include_str!("../../../templates/labels.toml");

/// Kazakh (state language) or Russian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Kazakh.
    Kk,
    /// Russian.
    Ru,
}

impl Lang {
    /// Both languages, Kazakh first.
    pub const ALL: [Lang; 2] = [Lang::Kk, Lang::Ru];

    /// ISO 639-1 code, used in file names (`report.kk.pdf`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Kk => "kk",
            Self::Ru => "ru",
        }
    }

    /// Picks the text of this language.
    pub fn pick<'a>(self, kk: &'a str, ru: &'a str) -> &'a str {
        match self {
            Self::Kk => kk,
            Self::Ru => ru,
        }
    }

    /// The fixed labels of this language.
    pub fn labels(self) -> &'static BTreeMap<String, String> {
        #[derive(Deserialize)]
        struct All {
            kk: BTreeMap<String, String>,
            ru: BTreeMap<String, String>,
        }
        static ALL: OnceLock<All> = OnceLock::new();
        // Parsed in a test, so it cannot fail in a released binary.
        let all =
            ALL.get_or_init(|| toml::from_str(LABELS_TOML).unwrap_or_else(|e| panic!("labels.toml: {e}")));
        match self {
            Self::Kk => &all.kk,
            Self::Ru => &all.ru,
        }
    }

    /// One label; the key itself if missing (a test checks none is).
    pub fn label(self, key: &str) -> String {
        self.labels().get(key).cloned().unwrap_or_else(|| key.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        let kk: Vec<_> = Lang::Kk.labels().keys().collect();
        let ru: Vec<_> = Lang::Ru.labels().keys().collect();
        assert_eq!(kk, ru);
        for i in 1..=10 {
            assert!(Lang::Kk.labels().contains_key(&format!("item_{i}")));
        }
        assert_eq!(
            Lang::Ru.label("item_5"),
            "Состояние и результативность работы по противодействию проявлениям коррупции"
        );
    }
}

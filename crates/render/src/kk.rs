//! Kazakh case endings: vowel harmony and the final sound of what is actually written before
//! the ending. A number written in digits takes the ending of its spoken form (5-ке, 6-ға,
//! 10-ға, 40-қа, 100-ге), `%` that of «пайыз» (%-ға), a word its own (тармаққа, кезеңге).

/// The cases documents need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Барыс септік: -ға/-ге/-қа/-ке (to, by how much).
    Dative,
    /// Жатыс септік: -да/-де/-та/-те (in, at).
    Locative,
    /// Шығыс септік: -дан/-ден/-тан/-тен/-нан/-нен (from, than).
    Ablative,
    /// Ілік септік: -ның/-нің/-дың/-дің/-тың/-тің (of).
    Genitive,
}

/// `text` with the ending of `case` on its last word: `тармақ` → `тармаққа`, `5,1 %` →
/// `5,1 %-ға`, `40` → `40-қа`. Digits and signs take a non-breaking hyphen before the ending.
pub fn inflect(text: &str, case: Case) -> String {
    let text = text.trim_end();
    let last = text.rsplit([' ', '\u{a0}', '\u{202f}']).next().unwrap_or(text);
    let Some(final_char) = last.chars().last() else { return text.to_string() };
    if final_char.is_alphabetic() {
        return format!("{text}{}", ending(last, case));
    }
    // A number's groups are split by spaces (`2 000`): read the whole trailing number.
    let number: String = text
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.'))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let spoken = if final_char == '%' { "пайыз".to_string() } else { spoken_last_word(&number) };
    format!("{text}\u{2011}{}", ending(&spoken, case))
}

/// The ending `word` takes in `case`.
pub fn ending(word: &str, case: Case) -> &'static str {
    let front = is_front(word);
    let sound = final_sound(word);
    let pick = |back: &'static str, front_form: &'static str| if front { front_form } else { back };
    match (case, sound) {
        (Case::Dative, Sound::Voiceless) => pick("қа", "ке"),
        (Case::Dative, _) => pick("ға", "ге"),
        (Case::Locative, Sound::Voiceless) => pick("та", "те"),
        (Case::Locative, _) => pick("да", "де"),
        (Case::Ablative, Sound::Voiceless) => pick("тан", "тен"),
        (Case::Ablative, Sound::Nasal) => pick("нан", "нен"),
        (Case::Ablative, _) => pick("дан", "ден"),
        (Case::Genitive, Sound::Voiceless) => pick("тың", "тің"),
        (Case::Genitive, Sound::Vowel | Sound::Nasal) => pick("ның", "нің"),
        (Case::Genitive, _) => pick("дың", "дің"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sound {
    Vowel,
    /// м, н, ң.
    Nasal,
    /// р, л, й, у, з, ж and other voiced sounds.
    Voiced,
    /// к, қ, п, с, т, ш, щ, ф, х, һ, ц, ч, and б, в, г, д of loanwords, which end voiceless.
    Voiceless,
}

const BACK: &str = "аоұыяёюАОҰЫЯЁЮ";
const FRONT: &str = "әөүіеэиӘӨҮІЕЭИ";

/// Front (soft) when the last vowel is front; `у` and consonant-only words follow the vowel
/// before, else back.
fn is_front(word: &str) -> bool {
    word.chars().rev().find_map(|c| {
        if FRONT.contains(c) {
            Some(true)
        } else if BACK.contains(c) {
            Some(false)
        } else {
            None
        }
    }) == Some(true)
}

fn final_sound(word: &str) -> Sound {
    let Some(c) = word.chars().rev().find(|c| c.is_alphabetic()) else { return Sound::Vowel };
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'м' | 'н' | 'ң' => Sound::Nasal,
        'к' | 'қ' | 'п' | 'с' | 'т' | 'ш' | 'щ' | 'ф' | 'х' | 'һ' | 'ц' | 'ч' | 'б' | 'в' | 'г' | 'д' => {
            Sound::Voiceless
        }
        _ if BACK.contains(c) || FRONT.contains(c) => Sound::Vowel,
        _ => Sound::Voiced,
    }
}

/// The last word of a number as it is read aloud: `5` бес, `10` он, `140` қырық, `2 000` мың,
/// `5,1` (бес бүтін оннан) бір.
fn spoken_last_word(number: &str) -> String {
    let digits: String = number.chars().filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.').collect();
    let part = match digits.split_once([',', '.']) {
        Some((_, fraction)) if fraction.chars().any(|c| c != '0') => {
            fraction.trim_end_matches('0').to_string()
        }
        Some((whole, _)) => whole.to_string(),
        None => digits,
    };
    let n: u64 = part.chars().filter(char::is_ascii_digit).collect::<String>().parse().unwrap_or(0);
    const UNITS: [&str; 10] = ["нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"];
    const TENS: [&str; 10] =
        ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"];
    let word = if n == 0 {
        UNITS[0]
    } else if !n.is_multiple_of(10) {
        UNITS[(n % 10) as usize]
    } else if !n.is_multiple_of(100) {
        TENS[((n / 10) % 10) as usize]
    } else if !n.is_multiple_of(1000) {
        "жүз"
    } else if !n.is_multiple_of(1_000_000) {
        "мың"
    } else if !n.is_multiple_of(1_000_000_000) {
        "миллион"
    } else {
        "миллиард"
    };
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_of_words_and_numbers() {
        use Case::*;
        // Hand-written forms: (text, case, expected).
        let table: &[(&str, Case, &str)] = &[
            ("тармақ", Dative, "тармаққа"),
            ("кезең", Dative, "кезеңге"),
            ("жыл", Dative, "жылға"),
            ("аудан", Dative, "ауданға"),
            ("қала", Dative, "қалаға"),
            ("облыс", Dative, "облысқа"),
            ("көше", Dative, "көшеге"),
            ("мектеп", Dative, "мектепке"),
            ("бөлім", Dative, "бөлімге"),
            ("әкімдік", Dative, "әкімдікке"),
            ("5", Dative, "5\u{2011}ке"),
            ("6", Dative, "6\u{2011}ға"),
            ("10", Dative, "10\u{2011}ға"),
            ("20", Dative, "20\u{2011}ға"),
            ("40", Dative, "40\u{2011}қа"),
            ("100", Dative, "100\u{2011}ге"),
            ("3", Dative, "3\u{2011}ке"),
            ("2 000", Dative, "2 000\u{2011}ға"),
            ("5,1 %", Dative, "5,1 %\u{2011}ға"),
            ("5,1 пайыздық тармақ", Dative, "5,1 пайыздық тармаққа"),
            ("тармақ", Locative, "тармақта"),
            ("кезең", Locative, "кезеңде"),
            ("аудан", Locative, "ауданда"),
            ("қала", Locative, "қалада"),
            ("облыс", Locative, "облыста"),
            ("мектеп", Locative, "мектепте"),
            ("2025", Locative, "2025\u{2011}те"),
            ("30", Locative, "30\u{2011}да"),
            ("тармақ", Ablative, "тармақтан"),
            ("кезең", Ablative, "кезеңнен"),
            ("аудан", Ablative, "ауданнан"),
            ("жыл", Ablative, "жылдан"),
            ("қала", Ablative, "қаладан"),
            ("мектеп", Ablative, "мектептен"),
            ("7", Ablative, "7\u{2011}ден"),
            ("9", Ablative, "9\u{2011}дан"),
            ("1000", Ablative, "1000\u{2011}нан"),
            ("тармақ", Genitive, "тармақтың"),
            ("кезең", Genitive, "кезеңнің"),
            ("аудан", Genitive, "ауданның"),
            ("жыл", Genitive, "жылдың"),
            ("қала", Genitive, "қаланың"),
            ("департаменті", Genitive, "департаментінің"),
            ("басқармасы", Genitive, "басқармасының"),
            ("көл", Genitive, "көлдің"),
            ("20", Genitive, "20\u{2011}ның"),
            ("8", Genitive, "8\u{2011}дің"),
            ("2,5", Genitive, "2,5\u{2011}тің"),
        ];
        assert!(table.len() >= 40);
        for (text, case, expected) in table {
            assert_eq!(inflect(text, *case), *expected, "{text} {case:?}");
        }
    }
}

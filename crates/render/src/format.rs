//! Numbers as Kazakh and Russian readers write them: `12 345`, `67,8`, `+4,2 %`.

use esep_analysis::Measure;

/// Groups thousands with a narrow no-break space and uses a decimal comma.
pub fn number(value: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, value.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(i, f)| (i, f));
    let mut grouped = String::new();
    for (k, ch) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(ch);
    }
    let sign = if value < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') { "−" } else { "" };
    if frac.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped},{frac}") }
}

/// Decimals shown for a unit of measure.
pub fn decimals(measure: Measure) -> usize {
    match measure {
        Measure::Count | Measure::Tenge => 0,
        Measure::Percent | Measure::Per10k | Measure::Per100k | Measure::Per100 | Measure::Days => 1,
    }
}

/// A value in its unit's precision.
pub fn value(v: f64, measure: Measure) -> String {
    number(v, decimals(measure))
}

/// `v` with the sign it shows at `decimals`, and which way it goes: `up`, `down`, or `none`
/// when it rounds to zero. Templates draw the arrow from the way, never from the text.
fn signed(v: f64, decimals: usize) -> (String, &'static str) {
    let body = number(v.abs(), decimals);
    let (sign, way) = if body.trim_start_matches(['0', ',', '\u{202f}']).is_empty() {
        ("", "none")
    } else if v > 0.0 {
        ("+", "up")
    } else {
        ("−", "down")
    };
    (format!("{sign}{body}"), way)
}

/// A signed % change: `+4,2 %`, `−12,0 %`, `0,0 %`.
pub fn change_pct_text(pct: f64) -> String {
    format!("{} %", signed(pct, 1).0)
}

/// How a figure's change is stated, and its arrow (`up`, `down`, `none`): a relative % for
/// counts and rates (analysis gives `change_pct` only for those, and only from a base of
/// `changes.min_base`), percentage points for shares, else the absolute difference (4 against
/// 1: `+3`). `points` is the abbreviation of percentage points in the document's language.
pub fn change(
    change: Option<f64>,
    change_pct: Option<f64>,
    measure: Measure,
    points: &str,
) -> Option<(String, &'static str)> {
    if let Some(pct) = change_pct {
        let (text, way) = signed(pct, 1);
        return Some((format!("{text} %"), way));
    }
    let (text, way) = signed(change?, decimals(measure));
    let unit = if measure.is_share() { format!("\u{a0}{points}") } else { String::new() };
    Some((format!("{text}{unit}"), way))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_and_decimal_comma() {
        assert_eq!(number(7091.0, 0), "7\u{202f}091");
        assert_eq!(number(1_234_567.891, 2), "1\u{202f}234\u{202f}567,89");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(-1500.0, 0), "−1\u{202f}500");
        assert_eq!(number(-0.04, 1), "0,0");
        assert_eq!(value(67.849, Measure::Percent), "67,8");
    }

    #[test]
    fn signed_changes() {
        assert_eq!(change_pct_text(4.24), "+4,2 %");
        assert_eq!(change_pct_text(-12.0), "−12,0 %");
        assert_eq!(change_pct_text(0.01), "0,0 %");
    }

    #[test]
    fn changes_in_points_percent_or_units() {
        // A share: points, never a relative %.
        assert_eq!(
            change(Some(12.5), None, Measure::Percent, "п.\u{a0}п."),
            Some(("+12,5\u{a0}п.\u{a0}п.".into(), "up"))
        );
        // A small count: the difference (4 against 1).
        assert_eq!(change(Some(3.0), None, Measure::Count, "п.\u{a0}п."), Some(("+3".into(), "up")));
        // A count from a large enough base: the relative %.
        assert_eq!(change(Some(-37.0), Some(-11.86), Measure::Count, ""), Some(("−11,9 %".into(), "down")));
        assert_eq!(
            change(Some(0.01), None, Measure::Percent, "п.\u{a0}п."),
            Some(("0,0\u{a0}п.\u{a0}п.".into(), "none"))
        );
        assert_eq!(change(None, None, Measure::Count, ""), None);
    }
}

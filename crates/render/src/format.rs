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

/// A signed % change: `+4,2 %`, `−12,0 %`, `0,0 %`.
pub fn change_pct(pct: f64) -> String {
    let sign = match way(pct) {
        "up" => "+",
        "down" => "−",
        _ => "",
    };
    format!("{sign}{} %", number(pct.abs(), 1))
}

/// Which way a relative change goes as [`change_pct`] shows it: `up`, `down`, or `none` when
/// it rounds to zero. Templates draw the arrow from this, never from the text.
pub fn way(pct: f64) -> &'static str {
    if number(pct.abs(), 1).trim_start_matches(['0', ',']).is_empty() {
        "none"
    } else if pct > 0.0 {
        "up"
    } else {
        "down"
    }
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
        assert_eq!(change_pct(4.24), "+4,2 %");
        assert_eq!(change_pct(-12.0), "−12,0 %");
        assert_eq!(change_pct(0.01), "0,0 %");
    }
}

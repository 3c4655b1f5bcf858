//! Small statistical tools: Wilson intervals on an effective sample size, the exact test of two
//! Poisson counts, the two-proportion test and the normal distribution they rest on (statrs:
//! closed forms, constant time at any count).

use statrs::distribution::{Binomial, ContinuousCDF, DiscreteCDF, Normal};
use statrs::function::erf::erfc;

/// Kish effective sample size of weighted data: (Σw)² / Σw².
pub fn kish_n_eff(sum_w: f64, sum_w2: f64) -> Option<f64> {
    (sum_w2 > 0.0).then(|| sum_w * sum_w / sum_w2)
}

/// Wilson score interval of a proportion `p` (0–1) from `n` (possibly effective) observations.
pub fn wilson(p: f64, n: f64, z: f64) -> Option<(f64, f64)> {
    if n.is_nan() || n <= 0.0 || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = p + z2 / (2.0 * n);
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some((((centre - half) / denom).max(0.0), ((centre + half) / denom).min(1.0)))
}

/// Two-sided p-value that two Poisson counts over equal exposure share one rate.
///
/// Conditional on the total n = a + b, `a` is Binomial(n, ½) under the null hypothesis; the
/// p-value doubles the smaller tail (capped at 1). The tail is the regularised incomplete
/// beta function, O(1) at any size: exact (error < 1e-8) up to [`EXACT_COUNTS`], and beyond
/// it the normal approximation with continuity correction, whose error for p = ½ is O(1/n).
pub fn poisson_counts_p(a: u64, b: u64) -> f64 {
    let n = a.saturating_add(b);
    if n == 0 {
        return 1.0;
    }
    let k = a.min(b);
    let tail = if n <= EXACT_COUNTS {
        Binomial::new(0.5, n).map_or(f64::NAN, |d| d.cdf(k))
    } else {
        let z = (n as f64 / 2.0 - k as f64 - 0.5) / (n as f64).sqrt() * 2.0;
        0.5 * erfc(z / std::f64::consts::SQRT_2)
    };
    if tail.is_nan() { 1.0 } else { (2.0 * tail).min(1.0) }
}

/// Largest a + b for which [`poisson_counts_p`] evaluates the binomial tail exactly: the
/// incomplete beta's continued fraction converges within its iterations up to here.
pub const EXACT_COUNTS: u64 = 10_000_000;

/// Two-sided p-value of the pooled z-test that x1/n1 and x2/n2 share one proportion.
pub fn two_proportions_p(x1: f64, n1: f64, x2: f64, n2: f64) -> Option<f64> {
    if !(n1 > 0.0 && n2 > 0.0) {
        return None;
    }
    let pooled = (x1 + x2) / (n1 + n2);
    let var = pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2);
    if var <= 0.0 {
        // Both proportions are 0 or both are 1: no difference to test.
        return Some(1.0);
    }
    let z = (x1 / n1 - x2 / n2) / var.sqrt();
    Some(2.0 * (1.0 - normal_cdf(z.abs())))
}

/// Two-sided p-value of the difference of two weighted proportions with effective sizes.
pub fn weighted_proportions_p(p1: f64, n1: f64, p2: f64, n2: f64) -> Option<f64> {
    if !(n1 > 0.0 && n2 > 0.0) {
        return None;
    }
    let var = p1 * (1.0 - p1) / n1 + p2 * (1.0 - p2) / n2;
    if var <= 0.0 {
        return Some(if p1 == p2 { 1.0 } else { 0.0 });
    }
    Some(2.0 * (1.0 - normal_cdf(((p1 - p2) / var.sqrt()).abs())))
}

/// Standard normal distribution function.
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// Quantile of the standard normal distribution.
pub fn normal_quantile(p: f64) -> f64 {
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    Normal::standard().inverse_cdf(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() < tol, "{a} is not {b} ± {tol}");
    }

    #[test]
    fn three_to_six_murders_is_noise() {
        // P(X ≤ 3 | n = 9, ½) = (1 + 9 + 36 + 84) / 512 = 130 / 512; doubled = 0.5078125.
        close(poisson_counts_p(6, 3), 0.507_812_5, 1e-12);
        close(poisson_counts_p(3, 6), 0.507_812_5, 1e-12);
        close(poisson_counts_p(5, 5), 1.0, 1e-12);
        assert_eq!(poisson_counts_p(0, 0), 1.0);
    }

    #[test]
    fn thirty_against_ten_is_significant() {
        // 2 × Σ_{k≤10} C(40, k) / 2^40, computed exactly: 0.0022214337732293643.
        close(poisson_counts_p(30, 10), 0.002_221_433_773_229_364, 1e-10);
    }

    #[test]
    fn large_counts_are_exact() {
        // 7 931 against 8 100: a 2 % fall of a large count. Exact with big integers:
        // 2 × Σ_{k≤7931} C(16 031, k) / 2^16 031 = 0.18454934799027597.
        close(poisson_counts_p(7931, 8100), 0.184_549_347_990_276, 1e-9);
        // Summed exactly with log-factorials: 0.3430149960.
        close(poisson_counts_p(5_000_000, 5_003_000), 0.343_014_996, 1e-7);
    }

    #[test]
    fn huge_counts_are_instant_and_right() {
        // Hostile but valid counts (issue 10): no loop over the counts. With n = 2·10¹² the
        // normal approximation is exact to O(1/n): z = (10⁵ − 1) / √(2·10¹²) = 0.070710,
        // p = 2 (1 − Φ(z)) = 0.943628.
        close(poisson_counts_p(1_000_000_000_000, 1_000_000_100_000), 0.943_628, 1e-6);
        // z = (2·10⁶ − 1) / √(2·10¹² + 2·10⁶) = 1.414213, p = 0.157300.
        close(poisson_counts_p(1_000_002_000_000, 1_000_000_000_000), 0.157_300, 1e-6);
        assert_eq!(poisson_counts_p(u64::MAX, u64::MAX), 1.0);
        assert!(poisson_counts_p(0, 1_000_000_000_000) < 1e-300);
        // Both sides of the switch to the approximation agree.
        let (exact, approx) =
            (poisson_counts_p(4_999_000, 5_001_000), poisson_counts_p(4_999_500, 5_001_500));
        close(exact, approx, 2e-3);
    }

    #[test]
    fn wilson_of_a_regional_survey() {
        // p = 64 %, n = 900: about ±3 points (DOMAIN notes).
        let (lo, hi) = wilson(0.64, 900.0, 1.959_963_984_540_054).unwrap_or_default();
        close(lo, 0.608_106_611_192_815_4, 1e-12);
        close(hi, 0.670_703_347_722_769_5, 1e-12);
    }

    #[test]
    fn wilson_on_effective_size_of_weighted_answers() {
        // Weights 1, 1, 2, 2; answers yes, no, yes, yes: p = 5 / 6, n_eff = 36 / 10 = 3.6.
        let n_eff = kish_n_eff(6.0, 10.0).unwrap_or_default();
        close(n_eff, 3.6, 1e-12);
        let (lo, hi) = wilson(5.0 / 6.0, n_eff, 1.959_963_984_540_054).unwrap_or_default();
        close(lo, 0.342_970_405_005_749_8, 1e-12);
        close(hi, 0.979_547_001_571_275_7, 1e-12);
        assert_eq!(wilson(0.5, 0.0, 1.96), None);
    }

    #[test]
    fn two_proportions() {
        // 60/100 against 45/100: pooled z = 2.12398, p = 0.033672.
        close(two_proportions_p(60.0, 100.0, 45.0, 100.0).unwrap_or_default(), 0.033_672, 1e-6);
        assert_eq!(two_proportions_p(0.0, 10.0, 0.0, 10.0), Some(1.0));
        assert_eq!(two_proportions_p(1.0, 0.0, 0.0, 10.0), None);
    }

    #[test]
    fn normal_quantiles() {
        close(normal_quantile(0.975), 1.959_963_984_540_054, 1e-8);
        close(normal_quantile(0.5), 0.0, 1e-12);
        close(normal_quantile(0.005), -2.575_829_303_548_901, 1e-8);
        close(normal_cdf(1.959_963_984_540_054), 0.975, 1e-7);
    }
}

//! Small statistical tools: Wilson intervals on an effective sample size, the exact test of two
//! Poisson counts, the two-proportion test and the normal distribution they rest on.

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
/// p-value doubles the smaller tail (capped at 1). Exact for any size.
pub fn poisson_counts_p(a: u64, b: u64) -> f64 {
    let n = a + b;
    if n == 0 {
        return 1.0;
    }
    let k = a.min(b);
    let ln_half_n = n as f64 * std::f64::consts::LN_2;
    let ln_n_fact = ln_factorial(n);
    let tail: f64 =
        (0..=k).map(|i| (ln_n_fact - ln_factorial(i) - ln_factorial(n - i) - ln_half_n).exp()).sum();
    (2.0 * tail).min(1.0)
}

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

/// ln(n!) by summation for small n and Stirling's series beyond (error below 1e-12).
fn ln_factorial(n: u64) -> f64 {
    if n < 32 {
        return (2..=n).map(|i| (i as f64).ln()).sum();
    }
    let x = n as f64 + 1.0;
    // ln Γ(x), Stirling with four correction terms.
    (x - 0.5) * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI).ln() + 1.0 / (12.0 * x)
        - 1.0 / (360.0 * x.powi(3))
        + 1.0 / (1260.0 * x.powi(5))
        - 1.0 / (1680.0 * x.powi(7))
}

/// Standard normal distribution function (W. J. Cody's erfc approximation, error < 1.2e-7).
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

/// Quantile of the standard normal distribution (P. J. Acklam's rational approximation,
/// relative error < 1.2e-9).
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] =
        [7.784_695_709_041_462e-3, 3.224_671_290_700_398e-1, 2.445_134_137_142_996, 3.754_408_661_907_416];
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.024_25 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.024_25 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
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
    fn large_counts_use_stirling_without_loss() {
        // 7 931 against 8 100: a 2 % fall of a large count. Exact with big integers:
        // 2 × Σ_{k≤7931} C(16 031, k) / 2^16 031 = 0.18454934799027597.
        close(poisson_counts_p(7931, 8100), 0.184_549_347_990_276, 1e-9);
        close(ln_factorial(40), 110.320_639_714_757_4, 1e-9);
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

//! A seeded generator with the few distributions the demo needs.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// ChaCha8: its output stream is fixed for a seed across platforms and versions.
pub struct Rng(ChaCha8Rng);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(ChaCha8Rng::seed_from_u64(seed))
    }

    /// Uniform in [lo, hi).
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.0.random::<f64>()
    }

    /// Uniform in 0..n.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.0.random::<f64>() * n as f64) as usize % n }
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.0.random::<f64>() < p
    }

    /// A multiplicative noise around 1 with relative spread `sd`.
    pub fn noise(&mut self, sd: f64) -> f64 {
        (1.0 + sd * self.normal()).max(0.0)
    }

    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = self.0.random::<f64>().max(f64::MIN_POSITIVE);
        let u2 = self.0.random::<f64>();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// Poisson counts: exact for small means, normal approximation for large ones.
    pub fn poisson(&mut self, mean: f64) -> i64 {
        if mean <= 0.0 {
            return 0;
        }
        if mean < 30.0 {
            let limit = (-mean).exp();
            let (mut k, mut p) = (0, 1.0);
            loop {
                p *= self.0.random::<f64>();
                if p <= limit {
                    return k;
                }
                k += 1;
            }
        }
        (mean + mean.sqrt() * self.normal()).round().max(0.0) as i64
    }

    /// Index drawn with the given weights.
    pub fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.uniform(0.0, total);
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// A Likert answer 1–5 around `mean`.
    pub fn likert(&mut self, mean: f64) -> i64 {
        (mean + 1.05 * self.normal()).round().clamp(1.0, 5.0) as i64
    }
}

//! The simulation's only source of randomness: SplitMix64 from the scenario's seed, so the same
//! scenario gives the same names and durations on every platform. (A crate would add bundle
//! weight for ten lines.)

#[derive(Debug)]
pub(crate) struct Rng(u64);

/// The characters the apiserver's name generator uses (`utilrand.String`): no vowels, no
/// look-alikes.
const NAME_ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `low..=high`.
    pub(crate) fn between(&mut self, low: i64, high: i64) -> i64 {
        if high <= low {
            return low;
        }
        let span = (high - low) as u64 + 1;
        low + (self.next_u64() % span) as i64
    }

    /// The five characters `generateName` appends.
    /// Appends the five characters `generateName` appends (to a name, without a new string).
    pub(crate) fn push_name_suffix(&mut self, name: &mut String) {
        for _ in 0..5 {
            name.push(
                NAME_ALPHABET[(self.next_u64() % NAME_ALPHABET.len() as u64) as usize] as char,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let (mut x, mut y) = (String::new(), String::new());
        a.push_name_suffix(&mut x);
        b.push_name_suffix(&mut y);
        assert_eq!(x, y);
        assert_eq!(x.len(), 5);
        assert_eq!(a.between(10, 60), b.between(10, 60));
        let value = Rng::new(1).between(10, 60);
        assert!((10..=60).contains(&value));
    }
}

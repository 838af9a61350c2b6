//! The order in which choices and quiz options are shown.
//!
//! Authors write the best answer wherever it reads well; trainees must not learn "press 1".
//! So by default the order is shuffled, seeded per attempt: the same attempt always shows
//! the same order (while resuming, rewinding, comparing and in reports), a new attempt a new
//! one. The shuffle is a pure function of a seed and a key, with its own small generator so
//! that the order never changes with a new Rust or crate version.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How the author wants the answers of one decision point or quiz ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// Shown in an order shuffled per attempt (the default).
    #[default]
    Shuffled,
    /// Shown in the order written, e.g. for a scale from "never" to "always".
    Fixed,
}

impl Order {
    /// Whether this is the default, so files need not write it.
    pub fn is_default(&self) -> bool {
        *self == Order::Shuffled
    }
}

/// SplitMix64: tiny, fast and well mixed; stable by construction.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a of a key such as a node or scene id, to mix it into a seed.
pub fn key_hash(key: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The seed of attempt `attempt` (from 0) at item `item`: stable, and different per
/// attempt, so a second try shows another order.
pub fn attempt_seed(item: &str, attempt: u64) -> u64 {
    let mut state = key_hash(item) ^ attempt.wrapping_mul(0xA24B_AED4_963E_E407);
    splitmix64(&mut state)
}

/// The positions `0..count` in the order to show them: `result[k]` is the index (in the
/// order written) of the answer shown k-th. `Fixed` keeps the written order.
pub fn display_order(order: Order, seed: u64, key: &str, count: usize) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..count).collect();
    if order == Order::Fixed || count < 2 {
        return positions;
    }
    let mut state = seed ^ key_hash(key);
    // Fisher-Yates, from the back.
    for i in (1..count).rev() {
        let j = (splitmix64(&mut state) % (i as u64 + 1)) as usize;
        positions.swap(i, j);
    }
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_and_key_give_the_same_order() {
        let a = display_order(Order::Shuffled, 7, "balie", 5);
        assert_eq!(a, display_order(Order::Shuffled, 7, "balie", 5));
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 1, 2, 3, 4], "a permutation");
    }

    #[test]
    fn fixed_keeps_the_written_order() {
        assert_eq!(display_order(Order::Fixed, 7, "balie", 4), vec![0, 1, 2, 3]);
    }

    #[test]
    fn the_first_written_answer_is_not_always_shown_first() {
        // Over many keys, the first written answer lands first about 1 in 3 times for three
        // answers; a shuffle that left it in place would fail this.
        let first = (0..300)
            .filter(|k| display_order(Order::Shuffled, 1, &format!("n{k}"), 3)[0] == 0)
            .count();
        assert!(
            (60..=140).contains(&first),
            "first written shown first {first} of 300"
        );
    }

    #[test]
    fn another_attempt_gives_another_order_somewhere() {
        let keys: Vec<String> = (0..10).map(|k| format!("n{k}")).collect();
        let orders = |seed| -> Vec<Vec<usize>> {
            keys.iter()
                .map(|k| display_order(Order::Shuffled, seed, k, 4))
                .collect()
        };
        assert_ne!(orders(attempt_seed("s", 0)), orders(attempt_seed("s", 1)));
    }

    #[test]
    fn the_order_is_pinned_across_versions() {
        // A saved attempt must show the same order after an upgrade: these values are fixed.
        assert_eq!(
            display_order(Order::Shuffled, 42, "balie", 4),
            PINNED.to_vec()
        );
    }

    const PINNED: [usize; 4] = [3, 2, 0, 1];
}

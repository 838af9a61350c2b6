//! A show of hands at a decision point: the facilitator adds and removes votes per choice,
//! reveals the distribution, and the group goes with the choice that has the most.

/// The votes per offered choice at one decision point, in the order the choices are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vote {
    counts: Vec<u32>,
    revealed: bool,
}

/// The outcome of counting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tally {
    /// No votes yet.
    Empty,
    /// One choice has the most votes.
    Winner(usize),
    /// These choices share the most votes.
    Tie(Vec<usize>),
}

impl Vote {
    /// A vote over `choices` choices, all at zero, hidden.
    pub fn new(choices: usize) -> Self {
        Self {
            counts: vec![0; choices],
            revealed: false,
        }
    }

    /// The votes per choice.
    pub fn counts(&self) -> &[u32] {
        &self.counts
    }

    /// All votes together.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// One vote more for choice `index`; false when there is no such choice.
    pub fn add(&mut self, index: usize) -> bool {
        match self.counts.get_mut(index) {
            Some(count) => {
                *count = count.saturating_add(1);
                true
            }
            None => false,
        }
    }

    /// One vote less for choice `index` (never below zero); false when nothing changed.
    pub fn remove(&mut self, index: usize) -> bool {
        match self.counts.get_mut(index) {
            Some(count) if *count > 0 => {
                *count -= 1;
                true
            }
            _ => false,
        }
    }

    /// Whether the distribution is shown.
    pub fn is_revealed(&self) -> bool {
        self.revealed
    }

    /// Shows (or hides again) the distribution.
    pub fn toggle_reveal(&mut self) {
        self.revealed = !self.revealed;
    }

    /// The choice with the most votes, a tie, or no votes.
    pub fn tally(&self) -> Tally {
        let Some(&most) = self.counts.iter().max() else {
            return Tally::Empty;
        };
        if most == 0 {
            return Tally::Empty;
        }
        let top: Vec<usize> = (0..self.counts.len())
            .filter(|&i| self.counts.get(i) == Some(&most))
            .collect();
        match top.as_slice() {
            [one] => Tally::Winner(*one),
            _ => Tally::Tie(top),
        }
    }

    /// The choice the group goes with: the winner; on a tie, the selected one if it is one
    /// of the tied choices (else none: the facilitator picks among those); with no votes,
    /// the selected one.
    pub fn pick(&self, selected: usize) -> Option<usize> {
        match self.tally() {
            Tally::Winner(index) => Some(index),
            Tally::Tie(tied) => tied.contains(&selected).then_some(selected),
            Tally::Empty => Some(selected),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes_are_added_and_removed_never_below_zero() {
        let mut vote = Vote::new(3);
        assert!(vote.add(0));
        assert!(vote.add(2));
        assert!(vote.add(2));
        assert!(!vote.add(3), "no fourth choice");
        assert_eq!(vote.counts(), &[1, 0, 2]);
        assert!(vote.remove(2));
        assert!(!vote.remove(1), "already zero");
        assert_eq!(vote.counts(), &[1, 0, 1]);
        assert_eq!(vote.total(), 2);
    }

    #[test]
    fn the_most_votes_win_and_ties_go_to_a_selected_tied_choice() {
        let mut vote = Vote::new(3);
        assert_eq!(vote.tally(), Tally::Empty);
        assert_eq!(vote.pick(1), Some(1));
        vote.add(0);
        vote.add(2);
        assert_eq!(vote.tally(), Tally::Tie(vec![0, 2]));
        assert_eq!(vote.pick(2), Some(2));
        assert_eq!(
            vote.pick(1),
            None,
            "answer 2 is not one of the tied answers"
        );
        vote.add(2);
        assert_eq!(vote.tally(), Tally::Winner(2));
        assert_eq!(vote.pick(0), Some(2));
        assert_eq!(Vote::new(0).tally(), Tally::Empty);
    }

    #[test]
    fn revealing_toggles() {
        let mut vote = Vote::new(2);
        assert!(!vote.is_revealed());
        vote.toggle_reveal();
        assert!(vote.is_revealed());
        vote.toggle_reveal();
        assert!(!vote.is_revealed());
    }
}

//! A short list kept inline, so that taking a choice does not allocate for the usual few
//! variable changes and entered nodes. Read it as a slice (it derefs to `[T]`).

use std::fmt;
use std::ops::Deref;

/// A list of `Copy` items; up to `N` live inline, more go to the heap.
#[derive(Clone)]
pub struct InlineList<T: Copy, const N: usize> {
    inline: [T; N],
    len: usize,
    /// Used, for all items, only once there are more than `N`.
    spilled: Vec<T>,
}

impl<T: Copy, const N: usize> InlineList<T, N> {
    /// An empty list; `fill` only initialises the unused inline slots.
    pub(crate) fn new(fill: T) -> Self {
        Self {
            inline: [fill; N],
            len: 0,
            spilled: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, item: T) {
        if !self.spilled.is_empty() {
            self.spilled.push(item);
        } else if let Some(slot) = self.inline.get_mut(self.len) {
            *slot = item;
            self.len += 1;
        } else {
            self.spilled.reserve(N + 1);
            self.spilled.extend_from_slice(&self.inline);
            self.spilled.push(item);
        }
    }

    pub(crate) fn extend_from_slice(&mut self, items: &[T]) {
        for &item in items {
            self.push(item);
        }
    }
}

impl<T: Copy, const N: usize> Deref for InlineList<T, N> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        if self.spilled.is_empty() {
            self.inline.get(..self.len).unwrap_or(&[])
        } else {
            &self.spilled
        }
    }
}

impl<T: Copy + fmt::Debug, const N: usize> fmt::Debug for InlineList<T, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Copy + PartialEq, const N: usize> PartialEq for InlineList<T, N> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Copy + Eq, const N: usize> Eq for InlineList<T, N> {}

impl<T: Copy + PartialEq, const N: usize, const M: usize> PartialEq<[T; M]> for InlineList<T, N> {
    fn eq(&self, other: &[T; M]) -> bool {
        **self == other[..]
    }
}

impl<T: Copy + PartialEq, const N: usize> PartialEq<[T]> for InlineList<T, N> {
    fn eq(&self, other: &[T]) -> bool {
        **self == *other
    }
}

impl<'a, T: Copy, const N: usize> IntoIterator for &'a InlineList<T, N> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::InlineList;

    #[test]
    fn keeps_order_inline_and_after_spilling() {
        let mut list: InlineList<u32, 2> = InlineList::new(0);
        assert!(list.is_empty());
        list.push(1);
        list.push(2);
        assert_eq!(list, [1, 2]);
        list.push(3);
        list.extend_from_slice(&[4, 5]);
        assert_eq!(list, [1, 2, 3, 4, 5]);
        assert_eq!(list.iter().sum::<u32>(), 15);
    }
}

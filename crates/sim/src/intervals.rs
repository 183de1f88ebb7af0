//! Sets of completion indexes as the Job controller keeps them (`orderedIntervals` in
//! indexed_job_utils.go): sorted, merged intervals, written `1,3-5,7`.

/// Sorted, non-overlapping, non-adjacent intervals `[first, last]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Intervals(pub Vec<(i32, i32)>);

impl Intervals {
    /// `parseIndexesFromString`: corrupt parts are skipped; parsing stops at the first interval
    /// that starts at or beyond `completions`, and an interval's end is capped below it.
    pub(crate) fn parse(text: &str, completions: i32) -> Intervals {
        let mut result: Vec<(i32, i32)> = Vec::new();
        if text.is_empty() {
            return Intervals(result);
        }
        for part in text.split(',') {
            let mut limits = part.split('-');
            let Some(Ok(first)) = limits.next().map(str::parse::<i32>) else {
                continue;
            };
            if first >= completions {
                break;
            }
            let last = match limits.next() {
                Some(text) => match text.parse::<i32>() {
                    Ok(last) => last.min(completions - 1),
                    Err(_) => continue,
                },
                None => first,
            };
            match result.last_mut() {
                Some(previous) if previous.1 == first - 1 => previous.1 = last,
                _ => result.push((first, last)),
            }
        }
        Intervals(result)
    }

    /// `withOrderedIndexes`: this set plus sorted `indexes`.
    pub(crate) fn with_indexes(&self, indexes: &[i32]) -> Intervals {
        let extra = Intervals(indexes.iter().map(|&i| (i, i)).collect());
        self.merge(&extra)
    }

    /// `merge`.
    pub(crate) fn merge(&self, other: &Intervals) -> Intervals {
        let mut result: Vec<(i32, i32)> = Vec::new();
        let mut push = |interval: (i32, i32)| match result.last_mut() {
            Some(last) if interval.0 <= last.1.saturating_add(1) => {
                if last.1 < interval.1 {
                    last.1 = interval.1;
                }
            }
            _ => result.push(interval),
        };
        let (mut i, mut j) = (0, 0);
        while i < self.0.len() && j < other.0.len() {
            if self.0[i].0 < other.0[j].0 {
                push(self.0[i]);
                i += 1;
            } else {
                push(other.0[j]);
                j += 1;
            }
        }
        self.0[i..].iter().for_each(|&x| push(x));
        other.0[j..].iter().for_each(|&x| push(x));
        Intervals(result)
    }

    pub(crate) fn total(&self) -> i32 {
        self.0.iter().map(|(first, last)| last - first + 1).sum()
    }

    pub(crate) fn has(&self, index: i32) -> bool {
        let at = self.0.partition_point(|&(_, last)| last < index);
        self.0.get(at).is_some_and(|&(first, _)| first <= index)
    }

    /// How many of `rule`'s indexes this set holds (`matchSucceededIndexesRule`'s count).
    pub(crate) fn overlap(&self, rule: &Intervals) -> i32 {
        let mut contains = 0;
        let (mut r, mut s) = (0, 0);
        while r < rule.0.len() && s < self.0.len() {
            let overlap = rule.0[r].1.min(self.0[s].1) - rule.0[r].0.max(self.0[s].0) + 1;
            if overlap > 0 {
                contains += overlap;
            }
            match self.0[s].1.cmp(&rule.0[r].1) {
                std::cmp::Ordering::Less => s += 1,
                std::cmp::Ordering::Greater => r += 1,
                std::cmp::Ordering::Equal => {
                    s += 1;
                    r += 1;
                }
            }
        }
        contains
    }
}

impl std::fmt::Display for Intervals {
    /// `1,3-5,7`: runs of two are written as two numbers.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (n, &(first, last)) in self.0.iter().enumerate() {
            if n > 0 {
                f.write_str(",")?;
            }
            write!(f, "{first}")?;
            if last == first + 1 {
                write!(f, ",{last}")?;
            } else if last > first {
                write!(f, "-{last}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_the_controller() {
        let set = Intervals::default().with_indexes(&[1, 3, 4, 5, 7, 8]);
        assert_eq!(set.to_string(), "1,3-5,7,8");
        assert_eq!(set.total(), 6);
        assert!(set.has(4) && !set.has(2) && !set.has(9));
    }

    #[test]
    fn parses_and_caps_at_completions() {
        assert_eq!(Intervals::parse("0,2-9,x,12", 5).0, vec![(0, 0), (2, 4)]);
        assert_eq!(Intervals::parse("0-1,2", 5).0, vec![(0, 2)]);
    }

    #[test]
    fn counts_rule_overlap() {
        let succeeded = Intervals::default().with_indexes(&[1, 3, 5]);
        assert_eq!(succeeded.overlap(&Intervals::parse("1-4", 10)), 2);
    }
}

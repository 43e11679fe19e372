//! `--shard K/N`: one of N disjoint parts of a run, to split a large portfolio
//! across CI jobs; `srmcheck merge` joins the parts' JSON results.

use std::fmt;
use std::str::FromStr;

use super::portfolio::MissingClient;
use crate::policy::PortfolioClient;

/// Part `index` (from 1) of `count`: the walked files whose position in the
/// sorted walk is `index - 1` modulo `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// Whether the file at `position` of the walk belongs to this part.
    pub fn takes(self, position: usize) -> bool {
        position % self.count == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{text}` is not K/N with 1 <= K <= N, such as 2/4");
        let (index, count) = text.split_once('/').ok_or_else(bad)?;
        let index: usize = index.trim().parse().map_err(|_| bad())?;
        let count: usize = count.trim().parse().map_err(|_| bad())?;
        match (1..=count).contains(&index) {
            true => Ok(Shard { index, count }),
            false => Err(bad()),
        }
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// A part of a sharded run, with what its portfolio rules need: they need
/// every client of an MSSP, and so run only when the parts are merged.
#[derive(Debug, Clone)]
pub struct ShardPart {
    pub shard: Shard,
    /// Each SRM checked, with its provider and MSSP hours.
    pub clients: Vec<ShardClient>,
    /// The SRMs that could not be checked, with the provider each names: the
    /// merged portfolio rules say they ran without them.
    pub missing: Vec<MissingClient>,
}

/// What a part keeps of one client for the portfolio rules.
#[derive(Debug, Clone)]
pub struct ShardClient {
    /// The provider's file, as shown, and the document in it.
    pub provider: String,
    pub document: usize,
    pub client: PortfolioClient,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_k_of_n() {
        assert_eq!("2/4".parse(), Ok(Shard { index: 2, count: 4 }));
        assert!("0/4".parse::<Shard>().is_err());
        assert!("5/4".parse::<Shard>().is_err());
        assert!("2".parse::<Shard>().is_err());
    }

    #[test]
    fn the_parts_split_the_walk() {
        let parts: Vec<Shard> = (1..=3).map(|index| Shard { index, count: 3 }).collect();
        for position in 0..10 {
            assert_eq!(parts.iter().filter(|s| s.takes(position)).count(), 1);
        }
    }
}

//! The summary of a client's coverage, per framework and in total.

use serde::Serialize;

use super::ControlStatus;

/// In-scope controls by status.
#[derive(Debug, Clone, Copy, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub controls: usize,
    /// Covered by an owner that can perform it.
    pub covered: usize,
    /// Covered, but a capacity rule says the owner cannot perform it.
    pub not_capable: usize,
    /// Covered, with another finding naming it.
    pub finding: usize,
    pub excepted: usize,
    pub gaps: usize,
    /// `covered` as a whole percentage of `controls` (rounded down).
    pub covered_percent: usize,
}

impl Counts {
    /// Counts one more control of this status.
    pub fn count(&mut self, status: ControlStatus) {
        let one = Counts {
            controls: 1,
            covered: usize::from(status == ControlStatus::Covered),
            not_capable: usize::from(status == ControlStatus::NotCapable),
            finding: usize::from(status == ControlStatus::Finding),
            excepted: usize::from(status == ControlStatus::Excepted),
            gaps: usize::from(status == ControlStatus::Gap),
            covered_percent: 0,
        };
        self.add(&one);
    }

    /// The controls of one status.
    pub fn of(&self, status: ControlStatus) -> usize {
        match status {
            ControlStatus::Covered => self.covered,
            ControlStatus::NotCapable => self.not_capable,
            ControlStatus::Finding => self.finding,
            ControlStatus::Excepted => self.excepted,
            ControlStatus::Gap => self.gaps,
        }
    }

    pub fn add(&mut self, other: &Counts) {
        self.controls += other.controls;
        self.covered += other.covered;
        self.not_capable += other.not_capable;
        self.finding += other.finding;
        self.excepted += other.excepted;
        self.gaps += other.gaps;
        self.covered_percent = match self.controls {
            0 => 0,
            n => self.covered * 100 / n,
        };
    }
}

/// A part of the summary bar: one status, its count and its place on a
/// 0 to 1000 scale (the widths add up to 1000).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    pub status: String,
    pub label: String,
    pub count: usize,
    pub x: usize,
    pub width: usize,
}

impl Segment {
    /// The bar of these counts: one segment per status that has controls,
    /// widths rounded so that they add up to exactly 1000.
    pub fn bar(counts: &Counts) -> Vec<Segment> {
        let total = counts.controls;
        if total == 0 {
            return Vec::new();
        }
        let shares: Vec<(ControlStatus, usize)> = ControlStatus::ALL
            .iter()
            .map(|&status| (status, counts.of(status)))
            .filter(|&(_, count)| count > 0)
            .collect();
        let mut widths: Vec<usize> = shares.iter().map(|&(_, c)| c * 1000 / total).collect();
        // Largest remainders first, earlier statuses on ties.
        let mut order: Vec<usize> = (0..shares.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(shares[i].1 * 1000 % total));
        let short = 1000 - widths.iter().sum::<usize>();
        for &i in order.iter().take(short) {
            widths[i] += 1;
        }
        let mut x = 0;
        shares
            .iter()
            .zip(widths)
            .map(|(&(status, count), width)| {
                let segment = Segment {
                    status: status.as_str().to_owned(),
                    label: status.label().to_owned(),
                    count,
                    x,
                    width,
                };
                x += width;
                segment
            })
            .collect()
    }
}

/// One framework's line in the summary.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FrameworkSummary {
    pub id: String,
    pub title: String,
    pub selector: String,
    pub counts: Counts,
    /// Non-empty segments, in status order: covered, not capable, finding, excepted, gap.
    pub chart: Vec<Segment>,
}

/// The client's summary.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub totals: Counts,
    pub frameworks: Vec<FrameworkSummary>,
    /// Findings that count, by severity, and excepted ones.
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub excepted_findings: usize,
}

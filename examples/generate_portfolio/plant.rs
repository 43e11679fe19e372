//! Defects planted in a clean client, each of a kind that makes one rule fire.

use std::collections::HashSet;

use super::catalog::Control;
use super::client::{capability, has, Client, Defect, Row, AUDITOR, PROVIDER_CAPABILITIES};
use super::{Day, Rng};

/// The kinds of planted defects.
const KINDS: [&str; 9] = [
    "control-dropped",
    "owner-typo",
    "exception-lapsed",
    "sign-off-dropped",
    "review-lapsed",
    "attestation-lapsed",
    "sla-dropped",
    "two-accountable",
    "capability-missing",
];

/// Stands for the review in the set of what the defects touched (row indices
/// otherwise): a review carries one defect at most.
const REVIEW: usize = usize::MAX;

impl Client<'_> {
    /// Plants one to three defects of different kinds.
    pub fn plant(&mut self, rng: &mut Rng, as_of: Day) {
        let count = [1, 1, 1, 1, 1, 1, 2, 2, 2, 3][rng.below(10)];
        let mut kinds = KINDS.to_vec();
        for i in (1..kinds.len()).rev() {
            kinds.swap(i, rng.below(i + 1));
        }
        let mut used = HashSet::new();
        for kind in kinds {
            if self.defects.len() == count {
                break;
            }
            if let Some(defect) = self.plant_one(kind, rng, as_of, &mut used) {
                self.defects.push(defect);
            }
        }
    }

    /// A row no other defect touched, owned by one of `owners`, passing `filter`.
    fn free_row(
        &self,
        rng: &mut Rng,
        used: &mut HashSet<usize>,
        owners: &[&str],
        filter: impl Fn(&Row) -> bool,
    ) -> Option<usize> {
        let candidates: Vec<usize> = (0..self.rows.len())
            .filter(|i| !used.contains(i))
            // The independent review stays independent: no defect there
            // makes the assessor rule fire beside the planted one.
            .filter(|&i| !self.rows[i].raci.iter().any(|(p, _)| p == AUDITOR))
            .filter(|&i| owners.contains(&self.rows[i].owner.as_str()) && filter(&self.rows[i]))
            .collect();
        let row = *candidates.get(rng.below(candidates.len().max(1)))?;
        used.insert(row);
        Some(row)
    }

    fn plant_one(
        &mut self,
        kind: &'static str,
        rng: &mut Rng,
        as_of: Day,
        used: &mut HashSet<usize>,
    ) -> Option<Defect> {
        let detail = match kind {
            "control-dropped" => self.drop_control(rng, used)?,
            "owner-typo" => {
                let i = self.free_row(rng, used, &["mssp"], |_| true)?;
                self.rows[i].owner = rng.pick(&["msp", "MSSP", "soc", "mssp-team"]).to_owned();
                self.rows[i].id.clone()
            }
            "exception-lapsed" => {
                let e = rng.below(self.exceptions.len().max(1));
                let exception = self.exceptions.get_mut(e)?;
                exception.expires = as_of.plus(-i64::from(rng.range(1, 200)));
                exception.approved = exception.expires.plus(-365);
                exception.control.to_owned()
            }
            "sign-off-dropped" | "review-lapsed" if used.contains(&REVIEW) => return None,
            "sign-off-dropped" => self.drop_sign_off(rng, used),
            "review-lapsed" => self.lapse_review(rng, as_of, used),
            "attestation-lapsed" => self.lapse_attestation(rng, as_of)?,
            "sla-dropped" => {
                let i = self.free_row(rng, used, &["mssp"], |_| true)?;
                self.rows[i].sla = None;
                self.rows[i].id.clone()
            }
            "two-accountable" => self.two_accountable(rng, used)?,
            "capability-missing" => self.missing_capability(rng, used)?,
            _ => return None,
        };
        Some(Defect { kind, detail })
    }

    /// Drops from a row of several controls the last one that no vendor row
    /// covers: that control loses its owner.
    fn drop_control(&mut self, rng: &mut Rng, used: &mut HashSet<usize>) -> Option<String> {
        let vendor_covered: HashSet<*const Control> = self
            .rows
            .iter()
            .filter(|r| r.vendor)
            .flat_map(|r| r.controls.iter().flatten().map(|c| *c as *const Control))
            .collect();
        let droppable = |r: &Row| {
            r.controls[0].len() + r.controls[1].len() > 1
                && r.controls
                    .iter()
                    .flatten()
                    .any(|c| !vendor_covered.contains(&(*c as *const _)))
        };
        let i = self.free_row(rng, used, &["mssp", "client", "shared"], droppable)?;
        let controls = &mut self.rows[i].controls;
        let (f, c) = (0..2)
            .flat_map(|f| (0..controls[f].len()).map(move |c| (f, c)))
            .rfind(|&(f, c)| !vendor_covered.contains(&(controls[f][c] as *const _)))?;
        Some(controls[f].remove(c).id.clone())
    }

    /// Removes a sign-off, or dates it before the last change.
    fn drop_sign_off(&mut self, rng: &mut Rng, used: &mut HashSet<usize>) -> String {
        used.insert(REVIEW);
        let s = usize::from(rng.percent(70));
        let party = self.review.sign_off[s].0;
        match rng.percent(50) {
            true => drop(self.review.sign_off.remove(s)),
            false => {
                let before = self.review.last_changed.plus(-i64::from(rng.range(1, 10)));
                self.review.sign_off[s].2 = before;
            }
        }
        party.to_owned()
    }

    /// Moves the last review further back than its cadence allows.
    fn lapse_review(&mut self, rng: &mut Rng, as_of: Day, used: &mut HashSet<usize>) -> String {
        used.insert(REVIEW);
        let review = &mut self.review;
        let period = match review.cadence {
            "monthly" => 31,
            "quarterly" => 92,
            "semi-annual" => 183,
            _ => 366,
        };
        review.last_reviewed = as_of.plus(-(period + i64::from(rng.range(10, 150))));
        review.last_changed = review.last_reviewed.plus(-i64::from(rng.range(0, 20)));
        for (s, sign_off) in review.sign_off.iter_mut().enumerate() {
            sign_off.2 = review.last_reviewed.plus(s as i64 + 1);
        }
        review.last_reviewed.to_string()
    }

    /// Lets a vendor's first attestation expire, keeping another valid one.
    fn lapse_attestation(&mut self, rng: &mut Rng, as_of: Day) -> Option<String> {
        let v = rng.below(self.vendors.len().max(1));
        let vendor = self.vendors.get_mut(v)?;
        if vendor.attestations.len() == 1 {
            let valid = as_of.plus(i64::from(rng.range(400, 900)));
            vendor.attestations.push(("iso27001", valid));
        }
        vendor.attestations[0].1 = as_of.plus(-i64::from(rng.range(1, 300)));
        Some(vendor.id.to_owned())
    }

    /// Makes both the MSSP and the client accountable for one row.
    fn two_accountable(&mut self, rng: &mut Rng, used: &mut HashSet<usize>) -> Option<String> {
        let i = self.free_row(rng, used, &["mssp", "client"], |_| true)?;
        let row = &mut self.rows[i];
        row.raci = match row.owner.as_str() {
            "mssp" => vec![("mssp".into(), "RA"), ("client".into(), "A")],
            _ => vec![("client".into(), "RA"), ("mssp".into(), "A")],
        };
        Some(row.id.clone())
    }

    /// Gives a client row a provider capability the client lacks.
    fn missing_capability(&mut self, rng: &mut Rng, used: &mut HashSet<usize>) -> Option<String> {
        let lacking: Vec<usize> = PROVIDER_CAPABILITIES
            .iter()
            .map(|c| capability(c))
            .filter(|&c| !has(self.capabilities, c))
            .collect();
        let i = self.free_row(rng, used, &["client"], |_| true)?;
        self.rows[i].capabilities.push(rng.pick(&lacking));
        Some(self.rows[i].id.clone())
    }
}

//! Exceptions and review: how the SRM is kept honest over time.

use chrono::{Datelike, Days, NaiveDate};

use crate::model::{Cadence, Date, MatrixSpec};
use crate::report::model::{ExceptionItem, ExceptionStatus, ReviewView, SignOffItem};

use super::name_of;

/// An exception expiring within this many days is flagged: it lapses before
/// the next quarterly review.
const EXPIRING_SOON_DAYS: i64 = 90;

pub fn exceptions(spec: &MatrixSpec, as_of: Date) -> Vec<ExceptionItem> {
    spec.exceptions
        .iter()
        .map(|e| {
            let days_left = e.expires.map(|expires| (expires.0 - as_of.0).num_days());
            let status = match days_left {
                None => ExceptionStatus::NoExpiry,
                Some(days) if days < 0 => ExceptionStatus::Expired,
                Some(days) if days <= EXPIRING_SOON_DAYS => ExceptionStatus::ExpiringSoon,
                Some(_) => ExceptionStatus::Current,
            };
            ExceptionItem {
                framework: e.framework.clone(),
                control: e.control.clone(),
                kind: name_of(&e.kind),
                reason: e.reason.clone(),
                approver: e.approver.clone(),
                approved: e.approved.map(|d| d.to_string()),
                expires: e.expires.map(|d| d.to_string()),
                status,
                days_left,
            }
        })
        .collect()
}

pub fn review(spec: &MatrixSpec, as_of: Date) -> ReviewView {
    let review = spec.review.as_ref();
    let cadence = review.map(|r| r.cadence).unwrap_or_default();
    let last_reviewed = review.and_then(|r| r.last_reviewed);
    let last_changed = review.and_then(|r| r.last_changed);
    let next_due = last_reviewed.map(|last| add_months(last.0, months(cadence)));
    let mut sign_off: Vec<SignOffItem> = ["mssp", "client"]
        .into_iter()
        .map(|party| sign_off_item(spec, party, last_changed))
        .collect();
    if let Some(review) = review {
        for party in review.sign_off.keys() {
            if party != "mssp" && party != "client" {
                sign_off.push(sign_off_item(spec, party, last_changed));
            }
        }
    }
    ReviewView {
        cadence: name_of(&cadence),
        last_reviewed: last_reviewed.map(|d| d.to_string()),
        last_changed: last_changed.map(|d| d.to_string()),
        next_due: next_due.map(|d| Date(d).to_string()),
        overdue: next_due.is_none_or(|due| due < as_of.0),
        sign_off,
    }
}

fn sign_off_item(spec: &MatrixSpec, party: &str, last_changed: Option<Date>) -> SignOffItem {
    let signed = spec.review.as_ref().and_then(|r| r.sign_off.get(party));
    SignOffItem {
        party: party.to_owned(),
        by: signed.map(|s| s.by.clone()),
        date: signed.map(|s| s.date.to_string()),
        current: signed.is_some_and(|s| last_changed.is_none_or(|changed| s.date >= changed)),
    }
}

fn months(cadence: Cadence) -> u32 {
    match cadence {
        Cadence::Monthly => 1,
        Cadence::Quarterly => 3,
        Cadence::SemiAnnual => 6,
        Cadence::Annual => 12,
    }
}

/// `date` plus whole months, a day past the end of a month carried into the
/// next as the review rule does (Rego `time.add_date`): 30 November plus three
/// months is 2 March.
fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    let index = date.year() * 12 + date.month0() as i32 + months as i32;
    let first = NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1);
    first
        .and_then(|first| first.checked_add_days(Days::new(u64::from(date.day0()))))
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::add_months;
    use chrono::NaiveDate;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    #[test]
    fn months_carry_past_the_end_of_a_month_like_rego() {
        assert_eq!(add_months(day("2026-10-15"), 3), day("2027-01-15"));
        assert_eq!(add_months(day("2026-11-30"), 3), day("2027-03-02"));
        assert_eq!(add_months(day("2026-08-31"), 1), day("2026-10-01"));
        assert_eq!(add_months(day("2026-01-31"), 12), day("2027-01-31"));
    }
}

//! Exceptions and review: how the SRM is kept honest over time.

use serde::Deserialize;
use serde_json::Value;

use crate::diff::{sections, SinceSigned};
use crate::model::MatrixSpec;
use crate::report::model::{
    ChangeSection, ExceptionItem, ExceptionStatus, ReviewView, SignOffItem, SinceSignedView,
};

use super::name_of;

/// Each exception with its standing, as the pack works it out (the
/// `lib.exceptions` facts: `standing`, `[{status, daysLeft}]` by position).
pub fn exceptions(spec: &MatrixSpec, facts: &Value) -> Vec<ExceptionItem> {
    let standing = &facts["standing"];
    spec.exceptions
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let standing = &standing[i];
            let status = ExceptionStatus::deserialize(&standing["status"])
                .unwrap_or(ExceptionStatus::NoExpiry);
            let days_left = &standing["daysLeft"];
            ExceptionItem {
                framework: e.framework.clone(),
                control: e.control.clone(),
                kind: name_of(&e.kind),
                reason: e.reason.clone(),
                approver: e.approver.clone(),
                approved: e.approved.map(|d| d.to_string()),
                expires: e.expires.map(|d| d.to_string()),
                status,
                days_left: days_left
                    .as_i64()
                    .or_else(|| days_left.as_f64().map(|days| days.round() as i64)),
            }
        })
        .collect()
}

/// The review, with the due date, whether it is overdue and whether each
/// sign-off is current as the pack works them out (`due`, the `lib.review`
/// facts: `{nextDue, overdue, signOff: {party: current}}`).
pub fn review(spec: &MatrixSpec, due: &Value, since: Option<SinceSigned>) -> ReviewView {
    let review = spec.review.as_ref();
    let cadence = review.map(|r| r.cadence).unwrap_or_default();
    let last_reviewed = review.and_then(|r| r.last_reviewed);
    let last_changed = review.and_then(|r| r.last_changed);
    let current = &due["signOff"];
    let mut sign_off: Vec<SignOffItem> = ["mssp", "client"]
        .into_iter()
        .map(|party| sign_off_item(spec, party, current))
        .collect();
    if let Some(review) = review {
        for party in review.sign_off.keys() {
            if party != "mssp" && party != "client" {
                sign_off.push(sign_off_item(spec, party, current));
            }
        }
    }
    let since_signed = since.map(|since| since_signed(since, &sign_off));
    ReviewView {
        since_signed,
        cadence: name_of(&cadence),
        last_reviewed: last_reviewed.map(|d| d.to_string()),
        last_changed: last_changed.map(|d| d.to_string()),
        next_due: due["nextDue"].as_str().map(str::to_owned),
        overdue: due["overdue"].as_bool().unwrap_or(true),
        sign_off,
    }
}

/// The changes since the signed version, and who must sign again.
fn since_signed(since: SinceSigned, sign_off: &[SignOffItem]) -> SinceSignedView {
    let changes: Vec<ChangeSection> = sections(&since.changes)
        .into_iter()
        .map(|(title, items)| ChangeSection {
            title: title.to_owned(),
            items,
        })
        .collect();
    let sign_again = match changes.is_empty() {
        true => Vec::new(),
        false => sign_off.iter().map(|s| s.party.clone()).collect(),
    };
    SinceSignedView {
        commit: since.commit,
        date: since.date,
        changes,
        sign_again,
    }
}

/// One party's sign-off; `current` as the pack judges it.
fn sign_off_item(spec: &MatrixSpec, party: &str, current: &Value) -> SignOffItem {
    let signed = spec.review.as_ref().and_then(|r| r.sign_off.get(party));
    SignOffItem {
        party: party.to_owned(),
        by: signed.map(|s| s.by.clone()),
        date: signed.map(|s| s.date.to_string()),
        current: signed.is_some() && current[party].as_bool().unwrap_or(false),
    }
}

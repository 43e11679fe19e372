//! What changed between two versions of an SRM.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{Date, Responsibility, ResponsibilityMatrix};

/// Every change, in the order both parties read them.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Changes {
    pub rows_added: Vec<String>,
    pub rows_removed: Vec<String>,
    pub rows_changed: Vec<RowChange>,
    pub owners_changed: Vec<OwnerChange>,
    pub coverage_lost: Vec<String>,
    pub exceptions_added: Vec<String>,
    pub exceptions_removed: Vec<String>,
    pub exceptions_expired: Vec<String>,
    pub parties_changed: Vec<FieldChange>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.rows_added.is_empty()
            && self.rows_removed.is_empty()
            && self.rows_changed.is_empty()
            && self.owners_changed.is_empty()
            && self.coverage_lost.is_empty()
            && self.exceptions_added.is_empty()
            && self.exceptions_removed.is_empty()
            && self.exceptions_expired.is_empty()
            && self.parties_changed.is_empty()
    }
}

/// A row present on both sides whose fields differ.
#[derive(Debug, Clone, Serialize)]
pub struct RowChange {
    pub id: String,
    pub fields: Vec<FieldChange>,
}

/// One field: its old and new value, as text.
#[derive(Debug, Clone, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// A control whose owners differ.
#[derive(Debug, Clone, Serialize)]
pub struct OwnerChange {
    pub control: String,
    pub old: Vec<String>,
    pub new: Vec<String>,
}

/// The changes from `old` to `new`; exceptions expired are judged on `as_of`.
pub fn compare(old: &ResponsibilityMatrix, new: &ResponsibilityMatrix, as_of: Date) -> Changes {
    let (old_spec, new_spec) = (&old.spec, &new.spec);
    let ids = |rows: &[Responsibility]| rows.iter().map(|r| r.id.clone()).collect::<BTreeSet<_>>();
    let (before, after) = (
        ids(&old_spec.responsibilities),
        ids(&new_spec.responsibilities),
    );
    let mut changes = Changes {
        rows_added: after.difference(&before).cloned().collect(),
        rows_removed: before.difference(&after).cloned().collect(),
        ..Changes::default()
    };
    for row in &new_spec.responsibilities {
        if let Some(was) = old_spec.responsibilities.iter().find(|r| r.id == row.id) {
            let fields = row_fields(was, row);
            if !fields.is_empty() {
                changes.rows_changed.push(RowChange {
                    id: row.id.clone(),
                    fields,
                });
            }
        }
    }
    let (owners_before, owners_after) = (owners(old), owners(new));
    for (control, was) in &owners_before {
        match owners_after.get(control) {
            None => changes.coverage_lost.push(control.clone()),
            Some(now) if now != was => changes.owners_changed.push(OwnerChange {
                control: control.clone(),
                old: was.iter().cloned().collect(),
                new: now.iter().cloned().collect(),
            }),
            Some(_) => {}
        }
    }
    exception_changes(old, new, as_of, &mut changes);
    changes.parties_changed = fields(
        "parties",
        &plain(&old_spec.parties),
        &plain(&new_spec.parties),
    );
    changes
}

/// Exceptions added, removed and expired.
fn exception_changes(
    old: &ResponsibilityMatrix,
    new: &ResponsibilityMatrix,
    as_of: Date,
    changes: &mut Changes,
) {
    let (ex_before, ex_after) = (exceptions(old), exceptions(new));
    changes.exceptions_added = ex_after
        .keys()
        .filter(|k| !ex_before.contains_key(*k))
        .cloned()
        .collect();
    changes.exceptions_removed = ex_before
        .keys()
        .filter(|k| !ex_after.contains_key(*k))
        .cloned()
        .collect();
    // Expired by `as_of`, unless already expired when the old version was last reviewed.
    let reviewed = old
        .spec
        .review
        .as_ref()
        .and_then(|r| r.last_reviewed.or(r.last_changed));
    let expired_before = |key: &String| {
        let was = ex_before.get(key).copied().flatten();
        matches!((was, reviewed), (Some(was), Some(reviewed)) if was < reviewed)
    };
    changes.exceptions_expired = ex_after
        .iter()
        .filter(|(key, expires)| expires.is_some_and(|e| e < as_of) && !expired_before(key))
        .map(|(k, _)| k.clone())
        .collect();
}

/// Each field of a row that differs, as JSON text.
fn row_fields(old: &Responsibility, new: &Responsibility) -> Vec<FieldChange> {
    fields("", &plain(old), &plain(new))
}

/// The keys of two JSON objects whose values differ, `prefix.key`.
fn fields(prefix: &str, old: &serde_json::Value, new: &serde_json::Value) -> Vec<FieldChange> {
    let empty = serde_json::Map::new();
    let (a, b) = (
        old.as_object().unwrap_or(&empty),
        new.as_object().unwrap_or(&empty),
    );
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let text = |v: Option<&serde_json::Value>| {
        v.map(|v| v.to_string())
            .unwrap_or_else(|| "(none)".to_owned())
    };
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| FieldChange {
            field: match prefix.is_empty() {
                true => k.clone(),
                false => format!("{prefix}.{k}"),
            },
            old: text(a.get(k)),
            new: text(b.get(k)),
        })
        .collect()
}

fn plain<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// The owners of every control a row covers, `framework control`.
fn owners(srm: &ResponsibilityMatrix) -> BTreeMap<String, BTreeSet<String>> {
    let mut owners: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in &srm.spec.responsibilities {
        for (framework, ids) in &row.controls {
            for id in ids {
                owners
                    .entry(format!("{framework} {id}"))
                    .or_default()
                    .insert(row.owner.clone().unwrap_or_else(|| "(no owner)".to_owned()));
            }
        }
    }
    owners
}

/// Exceptions by `framework control (kind)`, with their expiry.
fn exceptions(srm: &ResponsibilityMatrix) -> BTreeMap<String, Option<Date>> {
    srm.spec
        .exceptions
        .iter()
        .map(|e| {
            let kind = serde_json::to_value(e.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            (format!("{} {} ({kind})", e.framework, e.control), e.expires)
        })
        .collect()
}

//! A diff as text, Markdown or JSON.

use super::compare::Changes;

/// How a diff is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Human,
    Json,
    Md,
}

/// The diff of `old` and `new` in `format`.
pub fn render(changes: &Changes, old: &str, new: &str, format: DiffFormat) -> String {
    match format {
        DiffFormat::Json => {
            let document =
                serde_json::json!({"version": 1, "old": old, "new": new, "changes": changes});
            format!(
                "{}\n",
                serde_json::to_string_pretty(&document).unwrap_or_default()
            )
        }
        DiffFormat::Human => text(changes, old, new, false),
        DiffFormat::Md => text(changes, old, new, true),
    }
}

fn text(changes: &Changes, old: &str, new: &str, md: bool) -> String {
    let mut out = match md {
        true => format!("# Changes from `{old}` to `{new}`\n"),
        false => format!("changes from {old} to {new}\n"),
    };
    if changes.is_empty() {
        out.push_str("\nno changes\n");
        return out;
    }
    for (title, items) in sections(changes) {
        out.push_str(&match md {
            true => format!("\n## {title}\n\n"),
            false => format!("\n{title}:\n"),
        });
        for item in items {
            out.push_str(&match md {
                true => format!("- {item}\n"),
                false => format!("  {item}\n"),
            });
        }
    }
    out
}

/// The changes by kind, each kind's title with its items as text; kinds
/// without a change left out.
pub fn sections(changes: &Changes) -> Vec<(&'static str, Vec<String>)> {
    let changed = changes
        .rows_changed
        .iter()
        .flat_map(|row| {
            row.fields
                .iter()
                .map(move |f| format!("{} {}: {} -> {}", row.id, f.field, f.old, f.new))
        })
        .collect();
    let owners = changes
        .owners_changed
        .iter()
        .map(|c| {
            format!(
                "{}: {} -> {}",
                c.control,
                c.old.join(", "),
                c.new.join(", ")
            )
        })
        .collect();
    let parties = changes
        .parties_changed
        .iter()
        .map(|f| format!("{}: {} -> {}", f.field, f.old, f.new))
        .collect();
    let all = [
        ("Rows added", changes.rows_added.clone()),
        ("Rows removed", changes.rows_removed.clone()),
        ("Rows changed", changed),
        ("Controls that changed owner", owners),
        ("Controls that lost coverage", changes.coverage_lost.clone()),
        ("Exceptions added", changes.exceptions_added.clone()),
        ("Exceptions removed", changes.exceptions_removed.clone()),
        ("Exceptions expired", changes.exceptions_expired.clone()),
        ("Parties' profiles changed", parties),
    ];
    all.into_iter()
        .filter(|(_, items)| !items.is_empty())
        .collect()
}

//! regorus's errors as policy errors at the line at fault: the interpreter's
//! (located from their text) and the compiled pack's when a limit stopped it
//! (located from the instruction the VM was running).

use std::sync::Arc;

use regorus::rvm::program::Program;
use regorus::rvm::vm::VmError;
use regorus::LimitError;

use super::error::PolicyError;
use super::pack::PolicyPack;
use crate::located::Located;
use crate::source::{SourceFile, Span};

/// `error` as a located policy error when a limit stopped the evaluation;
/// `None` for any other error (the pack is then evaluated rule by rule, so
/// that the error names its rule).
pub(super) fn limit_error(
    pack: &PolicyPack,
    program: &Program,
    error: &VmError,
) -> Option<PolicyError> {
    let (message, pc) = match *error {
        VmError::MemoryLimitExceeded { usage, limit, pc }
        | VmError::MemoryBudgetExceeded {
            usage,
            budget: limit,
            pc,
        } => (
            format!(
                "the evaluation held {} MiB, over its limit of {} MiB",
                usage >> 20,
                limit >> 20
            ),
            pc,
        ),
        VmError::TimeLimitExceeded { limit, pc, .. } => (
            format!(
                "the evaluation ran longer than its limit of {} s (`SRMCHECK_TIME_LIMIT=SECONDS` sets another)",
                limit.as_secs()
            ),
            pc,
        ),
        _ => return None,
    };
    let hint = "look in the policy for a value that grows without bound (a string doubled over and over, a huge comprehension)";
    let place = program.get_instruction_span(pc).and_then(|span| {
        let name = span.get_source_name(&program.sources)?;
        let file = pack.files.iter().find(|f| f.source.name() == name)?;
        let source = &file.source;
        let start = source.offset(span.line, span.column.saturating_sub(1));
        let end = (start + span.length.max(1)).min(source.text().len());
        Some(Located::new(source, Span::new(start, end), message.clone()).with_hint(hint))
    });
    Some(match place {
        Some(located) => PolicyError::Invalid(Box::new(located)),
        None => PolicyError::Evaluation {
            file: "policy".to_owned(),
            message,
        },
    })
}

/// The first `deny` at the start of a line of `source`.
pub(super) fn deny_head(source: &SourceFile) -> Option<Span> {
    source
        .text()
        .match_indices("deny")
        .find(|&(at, _)| at == 0 || source.text()[..at].ends_with('\n'))
        .map(|(at, _)| Span::new(at, at + "deny".len()))
}

/// Turns a regorus error into a located error when its text names a pack file
/// (`--> file:line:col`), else into an error about `fallback`.
pub(super) fn error(
    pack: &PolicyPack,
    error: &anyhow::Error,
    fallback: Option<&Arc<SourceFile>>,
) -> PolicyError {
    let text = format!("{error:#}");
    let message = match error.downcast_ref::<LimitError>() {
        Some(LimitError::MemoryLimitExceeded { usage, limit }) => format!(
            "the policy held {} MiB, over the limit of {} MiB: a value that grows without bound?",
            usage >> 20,
            limit >> 20
        ),
        _ => message(&text),
    };
    if let Some((name, line, column)) = location(&text) {
        if let Some(file) = pack.files.iter().find(|f| f.source.name() == name) {
            let source = &file.source;
            let start = source.offset(line, column.saturating_sub(1));
            let end = start
                + source
                    .line_text(line)
                    .len()
                    .saturating_sub(column.saturating_sub(1))
                    .max(1);
            let located = Located::new(
                source,
                Span::new(start, end.min(source.text().len())),
                message,
            )
            .with_hint("fix the policy");
            return PolicyError::Invalid(Box::new(located));
        }
    }
    // No place in the text (a time limit, a builtin's failure): point at the
    // rule being evaluated, the `deny` head of its file.
    if let Some(source) = fallback {
        if let Some(span) = deny_head(source) {
            let located = Located::new(source, span, message)
                .with_hint("fix the policy, or run `srmcheck` without it");
            return PolicyError::Invalid(Box::new(located));
        }
    }
    PolicyError::Evaluation {
        file: fallback.map_or_else(|| "policy".to_owned(), |f| f.name().to_owned()),
        message,
    }
}

/// The message of a regorus error text: what follows its caret line
/// (`error: <message>`), else its first line.
fn message(text: &str) -> String {
    let after_caret = text
        .lines()
        .skip_while(|l| !(l.trim_start().starts_with('|') && l.trim_end().ends_with('^')))
        .skip(1)
        .collect::<Vec<_>>()
        .join(" ");
    let message = match after_caret.trim().is_empty() {
        true => text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("policy error"),
        false => after_caret.trim(),
    };
    let message = message.trim();
    message
        .strip_prefix("error: ")
        .unwrap_or(message)
        .to_owned()
}

/// `(file, line, column)` from the `--> file:line:col` line of an error text.
fn location(text: &str) -> Option<(&str, usize, usize)> {
    let rest = &text[text.find("--> ")? + 4..];
    let rest = rest.lines().next()?.trim();
    let (rest, column) = rest.rsplit_once(':')?;
    let (name, line) = rest.rsplit_once(':')?;
    Some((name, line.parse().ok()?, column.parse().ok()?))
}

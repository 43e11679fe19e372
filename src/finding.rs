//! A violation found by a rule, located in the source.

use std::sync::Arc;

use crate::policy::{Place, Violation};
use crate::rule::Rule;
use crate::severity::Severity;
use crate::source::{Position, SourceFile, Span};

/// One finding: the rule, what is wrong, and where.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: Arc<Rule>,
    pub severity: Severity,
    pub message: String,
    /// JSON pointer into the policy input.
    pub pointer: String,
    /// The pointer, parsed: the part of the input it names.
    pub place: Place,
    /// The SRM the finding is about (`metadata.name`).
    pub srm: String,
    pub file: Arc<SourceFile>,
    pub span: Span,
    /// About a control with a current exception: shown, but not counted.
    pub excepted: bool,
    /// The framework and control the finding is about, when it is about one.
    pub control: Option<(String, String)>,
}

impl Finding {
    /// A rule's violation, at its place in the source.
    pub fn new(
        rule: &Arc<Rule>,
        violation: Violation,
        srm: &str,
        (file, span): (Arc<SourceFile>, Span),
        excepted: bool,
    ) -> Self {
        Finding {
            control: violation.control.clone(),
            severity: rule.severity,
            rule: Arc::clone(rule),
            message: violation.message,
            place: Place::parse(&violation.pointer),
            pointer: violation.pointer,
            srm: srm.to_owned(),
            file,
            span,
            excepted,
        }
    }

    pub fn position(&self) -> Position {
        self.file.position(self.span.start)
    }

    /// Reading order: by file, place, rule, then message with numbers by value.
    pub fn cmp_place(&self, other: &Finding) -> std::cmp::Ordering {
        (self.file.name(), self.span.start, &self.rule.id)
            .cmp(&(other.file.name(), other.span.start, &other.rule.id))
            .then_with(|| natural_cmp(&self.message, &other.message))
    }
}

/// Orders text the way people read numbered ids: `A.5.2` before `A.5.10`.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.len() - a.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let db = b.len() - b.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let (na, nb) = (
                    a[..da].trim_start_matches('0'),
                    b[..db].trim_start_matches('0'),
                );
                let order = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
                if order.is_ne() {
                    return order;
                }
                (a, b) = (&a[da..], &b[db..]);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::natural_cmp;
    use std::cmp::Ordering;

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(natural_cmp("A.5.2 x", "A.5.10 x"), Ordering::Less);
        assert_eq!(
            natural_cmp("AC.L2-3.1.22", "AC.L2-3.1.3"),
            Ordering::Greater
        );
        assert_eq!(natural_cmp("R-01", "R-01"), Ordering::Equal);
        assert_eq!(natural_cmp("abc", "abd"), Ordering::Less);
    }
}

//! "Did you mean" hints.

/// The candidate closest to `input`, when it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(input, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// `did you mean `best`?`, when a candidate is close enough to `input`.
pub fn did_you_mean_hint<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    did_you_mean(input, candidates).map(|best| format!("did you mean `{best}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_the_closest_candidate_only_when_close() {
        let ids = ["uncovered-duty", "unknown-party"];
        assert_eq!(
            did_you_mean_hint("unknown-prty", ids).as_deref(),
            Some("did you mean `unknown-party`?")
        );
        assert_eq!(did_you_mean_hint("zzz", ids), None);
    }
}

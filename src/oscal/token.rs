//! Control ids as OSCAL tokens, the form OSCAL's `control-id` takes.

/// A control id as an OSCAL token (`AC-2(1)` becomes `ac-2.1`, as in NIST's
/// catalogs; `164.308(a)(1)` becomes `_164.308.a.1`): lower case,
/// parenthesised parts as dotted ones, other characters as `-`.
pub fn control_token(id: &str) -> String {
    let mut token = String::new();
    for c in id.chars() {
        match c {
            '(' if token.ends_with('.') => {}
            '(' => token.push('.'),
            ')' => {}
            c if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') => {
                token.extend(c.to_lowercase())
            }
            _ => token.push('-'),
        }
    }
    match token.chars().next() {
        Some(c) if c.is_alphabetic() || c == '_' => token,
        _ => format!("_{token}"),
    }
}

#[cfg(test)]
mod tests {
    use super::control_token;

    #[test]
    fn control_ids_become_tokens() {
        assert_eq!(control_token("AC-2(1)"), "ac-2.1");
        assert_eq!(control_token("A.5.1"), "a.5.1");
        assert_eq!(control_token("164.308(a)(1)(ii)(A)"), "_164.308.a.1.ii.a");
        assert_eq!(control_token("GV.OC-01"), "gv.oc-01");
        assert_eq!(control_token("3.1.1"), "_3.1.1");
    }
}

//! Plain scalars typed by the YAML 1.2 core schema (so `no` stays a string).

use super::node::NodeKind;

/// The type of an unquoted scalar.
pub fn resolve_plain(text: &str) -> NodeKind {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return NodeKind::Null,
        "true" | "True" | "TRUE" => return NodeKind::Bool(true),
        "false" | "False" | "FALSE" => return NodeKind::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return NodeKind::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return NodeKind::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return NodeKind::Float(f64::NAN),
        _ => {}
    }
    if let Some(int) = parse_int(text) {
        return NodeKind::Int(int);
    }
    if is_float(text) {
        if let Ok(float) = text.parse::<f64>() {
            return NodeKind::Float(float);
        }
    }
    NodeKind::Str(text.to_owned())
}

fn parse_int(text: &str) -> Option<i64> {
    if let Some(hex) = text.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok();
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return i64::from_str_radix(oct, 8).ok();
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_float(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match fraction {
        Some(f) => digits(whole) && digits(f) && !(whole.is_empty() && f.is_empty()),
        None => !whole.is_empty() && digits(whole),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_schema() {
        assert_eq!(resolve_plain("~"), NodeKind::Null);
        assert_eq!(resolve_plain("TRUE"), NodeKind::Bool(true));
        assert_eq!(resolve_plain("no"), NodeKind::Str("no".into()));
        assert_eq!(resolve_plain("-12"), NodeKind::Int(-12));
        assert_eq!(resolve_plain("0x1F"), NodeKind::Int(31));
        assert_eq!(resolve_plain("2.5"), NodeKind::Float(2.5));
        assert_eq!(resolve_plain("1e3"), NodeKind::Float(1000.0));
        assert_eq!(
            resolve_plain("2026-10-01"),
            NodeKind::Str("2026-10-01".into())
        );
        assert_eq!(resolve_plain("A.8.16"), NodeKind::Str("A.8.16".into()));
        assert_eq!(resolve_plain("3.1.1"), NodeKind::Str("3.1.1".into()));
        assert_eq!(resolve_plain("."), NodeKind::Str(".".into()));
    }
}

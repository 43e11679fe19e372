//! Builtins replaced so that a policy cannot make them allocate without
//! bound: regorus's `numbers.range` sizes its array up front, so that
//! `numbers.range(1, 1e9)` asks for gigabytes before any time limit is
//! checked. The replacements refuse a range over [`MAX_RANGE`] numbers, as
//! an error at the call.

use regorus::{Engine, Value};

/// Most numbers one `numbers.range` or `numbers.range_step` makes.
pub(super) const MAX_RANGE: i64 = 1_000_000;

/// Installs the bounded builtins on `engine`.
pub(super) fn install(engine: &mut Engine) -> anyhow::Result<()> {
    engine.add_extension(
        "numbers.range".to_owned(),
        2,
        Box::new(|args: Vec<Value>| range("numbers.range", &args[0], &args[1], 1)),
    )?;
    engine.add_extension(
        "numbers.range_step".to_owned(),
        3,
        Box::new(|args: Vec<Value>| {
            let step = match args[2].as_i64() {
                Ok(step) if step > 0 => step,
                _ => anyhow::bail!("numbers.range_step: step must be a positive integer"),
            };
            range("numbers.range_step", &args[0], &args[1], step)
        }),
    )?;
    Ok(())
}

/// The integers from `from` to `to` (either way round) by `step`, as
/// regorus makes them; undefined when a bound is not an integer.
fn range(name: &str, from: &Value, to: &Value, step: i64) -> anyhow::Result<Value> {
    let (Ok(from), Ok(to)) = (integer(from), integer(to)) else {
        return Ok(Value::Undefined);
    };
    let count = (i128::from(to) - i128::from(from)).abs() / i128::from(step) + 1;
    if count > i128::from(MAX_RANGE) {
        anyhow::bail!(
            "{name} of {count} numbers is over the limit of {MAX_RANGE}: bound the range by the input"
        );
    }
    let step = if to >= from { step } else { -step };
    let values: Vec<Value> = (0..count as i64)
        .map(|i| Value::from(from + i * step))
        .collect();
    Ok(Value::from(values))
}

/// An integral number as an `i64`.
fn integer(value: &Value) -> anyhow::Result<i64> {
    match value {
        Value::Number(_) => match value.as_f64() {
            Ok(f) if f.fract() != 0.0 => anyhow::bail!("not an integer"),
            _ => value.as_i64(),
        },
        _ => anyhow::bail!("not a number"),
    }
}

#[cfg(test)]
mod tests {
    use regorus::Value;

    use super::range;

    fn numbers(value: &Value) -> Vec<i64> {
        value
            .as_array()
            .expect("an array")
            .iter()
            .map(|v| v.as_i64().expect("an integer"))
            .collect()
    }

    #[test]
    fn ranges_go_either_way_by_their_step() {
        let n = |i: i64| Value::from(i);
        assert_eq!(numbers(&range("r", &n(1), &n(4), 1).unwrap()), [1, 2, 3, 4]);
        assert_eq!(numbers(&range("r", &n(3), &n(1), 1).unwrap()), [3, 2, 1]);
        assert_eq!(numbers(&range("r", &n(0), &n(7), 3).unwrap()), [0, 3, 6]);
        assert_eq!(numbers(&range("r", &n(2), &n(2), 1).unwrap()), [2]);
    }

    #[test]
    fn huge_ranges_are_refused() {
        let error = range(
            "numbers.range",
            &Value::from(1),
            &Value::from(1_000_000_000),
            1,
        )
        .unwrap_err()
        .to_string();
        assert!(
            error.contains("1000000000 numbers is over the limit"),
            "{error}"
        );
        let half = Value::from(0.5);
        assert_eq!(
            range("r", &half, &Value::from(2), 1).unwrap(),
            Value::Undefined
        );
    }
}

//! What bounds an evaluation's memory.
//!
//! - Each evaluation of the compiled pack has a budget of
//!   [`EVALUATION_MEMORY`] bytes over what its thread held when it started;
//!   regorus's VM checks it after every builtin and rule call, and an
//!   evaluation over it stops with an error at the instruction's place.
//! - The interpreter (a user's own policies) checks the process's live
//!   bytes against [`PROCESS_MEMORY`] as it goes.
//! - Builtins are replaced where one call could allocate far past either
//!   limit before any check runs: regorus's `numbers.range` sizes its array up
//!   front (`numbers.range(1, 1e9)` asks for gigabytes), and `concat` and
//!   `array.concat` double their input in one call when given it twice. The
//!   replacements compute the size first and refuse a range over
//!   [`MAX_RANGE`] numbers, a string over [`MAX_STRING`] bytes or an array
//!   over [`MAX_RANGE`] items, as an error at the call; what they return is
//!   what regorus's own builtins return.

use std::num::NonZeroU64;
use std::sync::Once;

use regorus::{Engine, MemoryBudgetConfig, Value};

/// Most bytes one evaluation of the compiled pack may hold beyond what its
/// thread held before it: the built-in pack needs a few megabytes for the
/// largest SRM the loader accepts.
pub(super) const EVALUATION_MEMORY: u64 = 512 << 20;

/// Most live bytes the whole process may hold while the interpreter
/// evaluates, loaded SRMs included: a 1,000-client portfolio peaks at about
/// 100 MiB, so this leaves room for ten times as many.
pub(super) const PROCESS_MEMORY: u64 = 1 << 30;

/// The memory budget of one evaluation of the compiled pack.
pub(super) fn evaluation_budget() -> MemoryBudgetConfig {
    MemoryBudgetConfig {
        limit: NonZeroU64::new(EVALUATION_MEMORY).expect("the budget is not zero"),
    }
}

/// Sets the process's memory limit, once.
pub(super) fn limit_process_memory() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| regorus::set_global_memory_limit(Some(PROCESS_MEMORY)));
}

/// Most numbers one `numbers.range` or `numbers.range_step` makes.
pub(super) const MAX_RANGE: i64 = 1_000_000;

/// Longest string `concat` makes: ten times the largest
/// document the loader reads.
pub(super) const MAX_STRING: usize = 160 << 20;

/// Installs the bounded builtins on `engine`.
pub(super) fn install(engine: &mut Engine) -> anyhow::Result<()> {
    engine.add_extension(
        "concat".to_owned(),
        2,
        Box::new(|args: Vec<Value>| concat(&args[0], &args[1])),
    )?;
    engine.add_extension(
        "array.concat".to_owned(),
        2,
        Box::new(|args: Vec<Value>| array_concat(&args[0], &args[1])),
    )?;
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

/// `concat(delimiter, strings)`: the strings of an array or set joined.
fn concat(delimiter: &Value, collection: &Value) -> anyhow::Result<Value> {
    let delimiter = text("concat", delimiter)?;
    let items: Vec<&Value> = match collection {
        Value::Array(items) => items.iter().collect(),
        Value::Set(items) => items.iter().collect(),
        other => anyhow::bail!("concat: expects an array or set of strings, got {other}"),
    };
    let parts = items
        .into_iter()
        .map(|item| text("concat", item))
        .collect::<anyhow::Result<Vec<&str>>>()?;
    let size = parts.iter().map(|p| p.len()).sum::<usize>()
        + delimiter.len() * parts.len().saturating_sub(1);
    bounded("concat", size)?;
    Ok(Value::from(parts.join(delimiter)))
}

/// `array.concat(a, b)`: the items of `a`, then those of `b`.
fn array_concat(a: &Value, b: &Value) -> anyhow::Result<Value> {
    let (Value::Array(a), Value::Array(b)) = (a, b) else {
        anyhow::bail!("array.concat: expects two arrays");
    };
    let count = a.len() + b.len();
    if count > MAX_RANGE as usize {
        anyhow::bail!(
            "array.concat of {count} items is over the limit of {MAX_RANGE}: a value that grows without bound?"
        );
    }
    Ok(Value::from(
        a.iter().chain(b.iter()).cloned().collect::<Vec<_>>(),
    ))
}

/// A string argument of `builtin`.
fn text<'v>(builtin: &str, value: &'v Value) -> anyhow::Result<&'v str> {
    match value {
        Value::String(s) => Ok(s),
        other => anyhow::bail!("{builtin}: expects a string, got {other}"),
    }
}

/// Refuses a string of `size` bytes over [`MAX_STRING`].
fn bounded(builtin: &str, size: usize) -> anyhow::Result<()> {
    if size > MAX_STRING {
        anyhow::bail!(
            "{builtin} would make a string of {} MiB, over the limit of {} MiB: a value that grows without bound?",
            size >> 20,
            MAX_STRING >> 20
        );
    }
    Ok(())
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
    fn strings_and_arrays_are_built_as_regorus_builds_them() {
        let s = |t: &str| Value::from(t);
        let joined = super::concat(&s(", "), &Value::from(vec![s("a"), s("b")])).unwrap();
        assert_eq!(joined, s("a, b"));
        assert_eq!(
            super::concat(&s("-"), &Value::from(Vec::<Value>::new())).unwrap(),
            s("")
        );
        let both = super::array_concat(&Value::from(vec![s("a")]), &Value::from(vec![s("b")]));
        assert_eq!(both.unwrap(), Value::from(vec![s("a"), s("b")]));
        assert!(super::concat(&s(""), &Value::from(vec![Value::from(1)])).is_err());
    }

    #[test]
    fn strings_past_the_limit_are_refused_before_they_are_made() {
        let half = Value::from("x".repeat(super::MAX_STRING / 2 + 1));
        let error = super::concat(
            &Value::from(""),
            &Value::from(vec![half.clone(), half.clone()]),
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("over the limit of 160 MiB"), "{error}");
        let error = super::array_concat(
            &Value::from(vec![Value::Null; 600_000]),
            &Value::from(vec![Value::Null; 600_000]),
        )
        .unwrap_err();
        assert!(error.to_string().contains("1200000 items"), "{error}");
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

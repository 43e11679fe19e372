//! Hours of work: a finite, non-negative number.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

/// Hours (per month, where the field says so): finite and not negative, so
/// that capacity and effort sums mean something. `.nan`, `.inf` and `-5`
/// are refused where they are written.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Deserialize, Serialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Hours(f64);

impl Hours {
    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Hours {
    type Error = String;

    fn try_from(hours: f64) -> Result<Self, Self::Error> {
        match hours {
            h if h.is_nan() => Err("hours must be a number, not .nan".to_owned()),
            h if h.is_infinite() => Err(format!("hours must be finite, not {h}")),
            h if h < 0.0 => Err(format!("hours cannot be negative ({h})")),
            h => Ok(Hours(h)),
        }
    }
}

impl From<Hours> for f64 {
    fn from(hours: Hours) -> f64 {
        hours.0
    }
}

impl JsonSchema for Hours {
    fn schema_name() -> Cow<'static, str> {
        "Hours".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "number", "minimum": 0})
    }
}

#[cfg(test)]
mod tests {
    use super::Hours;

    #[test]
    fn only_finite_non_negative_hours() {
        assert_eq!(Hours::try_from(0.0).map(Hours::get), Ok(0.0));
        assert_eq!(Hours::try_from(12.5).map(Hours::get), Ok(12.5));
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0] {
            assert!(Hours::try_from(bad).is_err(), "{bad}");
        }
    }
}

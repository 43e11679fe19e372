//! Exercises of the partnership: tabletops and tests of incident response
//! and recovery, each with the day it was held.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Date;

/// One exercise the parties held together.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Exercise {
    /// What was exercised.
    pub kind: ExerciseKind,
    /// The day it was held.
    pub date: Date,
    /// The parties that took part (`mssp`, `client`, `vendor:<id>`).
    pub parties: Vec<String>,
    /// A name for it, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// The kinds of exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ExerciseKind {
    /// A discussion-based walk through an incident scenario.
    Tabletop,
    /// A live test of incident response (a simulated attack, a purple team).
    IncidentResponseTest,
    /// A test of restoring systems (backup restore, failover).
    RecoveryTest,
}

//! A holiday: no calls on one local date for the callees of one scope.

use super::date::Date;
use super::scope::Scope;
use serde::Serialize;

/// No calls on `date`, the callee's local date, for callees in `region`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Holiday {
    /// Where the holiday applies.
    pub region: Scope,
    /// The local date.
    pub date: Date,
}

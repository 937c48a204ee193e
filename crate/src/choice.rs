//! Which caller ID to present for one number, and why.
//!
//! The first step that applies wins:
//! 1. the caller ID the agent chose for this call (`choice`); an unusable one skips the
//!    number (code `caller-id`) rather than call from another caller ID;
//! 2. the record's caller ID field (`record`, detail: the field name), when its value
//!    (surrounding spaces aside) is a valid E.164 caller ID; any other non-empty value is
//!    ignored with a warning, and with no field name set the step is off;
//! 3. the most specific rule by its target: the longest matching E.164 prefix
//!    (`rule-prefix`, `+1212`), then a subdivision — a US state or Canadian province
//!    (`rule-region`, `US-CA`) — then a country (`rule-country`, `GB`);
//! 4. with local presence, the first pool number with the callee's NANP area code
//!    (`area-code`, `303`), then in the callee's subdivision (`region`, `US-CO`), then in the
//!    callee's country (`country`, `US`) — this last step only when the default caller ID is
//!    not in that country (or there is none), so a US default stays the fallback for a US
//!    callee in a state without a pool number;
//!
//! The codes are the extension's wire names: `rule-region` and `region` name a subdivision.
//! 5. the default caller ID (`default`);
//! 6. none (`none`): the link carries no caller ID.
//!
//! Area codes are NANP's only. A caller ID's place is that of its number: the country whose
//! plan claims it, else its calling code's main country (`US` for `+1 888…`).

use crate::caller_id::{check_caller_id, CallerId};
use crate::error::{SettingsError, Skip, SkipCode};
use crate::place::{canonical_area, Place};
use crate::settings::{caller_id_at, target_at, Settings, CALLER_IDS, DEFAULT_CALLER_ID, RULES};
use crate::target::Target;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::collections::HashMap;

/// Why a caller ID was chosen: a machine code ([`Reason::code`]) and, for most, a detail
/// ([`Reason::detail`]), for the extension to word in the agent's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The agent chose it for this call.
    Choice,
    /// The record's caller ID field holds it; the field's name.
    Record(String),
    /// A rule for an E.164 prefix (`+1212`).
    RulePrefix(String),
    /// A rule for a subdivision, a state or province (`US-CA`).
    RuleSubdivision(String),
    /// A rule for a country (`GB`).
    RuleCountry(String),
    /// Local presence: a pool number with the callee's area code (`303`).
    AreaCode(String),
    /// Local presence: a pool number in the callee's subdivision, state or province (`US-CO`).
    Subdivision(String),
    /// Local presence: a pool number in the callee's country (`US`).
    Country(String),
    /// The default caller ID.
    Default,
    /// No caller ID applies.
    None,
}

impl Reason {
    /// The machine code: `choice`, `record`, `rule-prefix`, `rule-region`, `rule-country`,
    /// `area-code`, `region`, `country`, `default` or `none`.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::Choice => "choice",
            Reason::Record(_) => "record",
            Reason::RulePrefix(_) => "rule-prefix",
            Reason::RuleSubdivision(_) => "rule-region",
            Reason::RuleCountry(_) => "rule-country",
            Reason::AreaCode(_) => "area-code",
            Reason::Subdivision(_) => "region",
            Reason::Country(_) => "country",
            Reason::Default => "default",
            Reason::None => "none",
        }
    }

    /// The detail: the field name, rule target, area code, subdivision or country.
    pub fn detail(&self) -> Option<&str> {
        match self {
            Reason::Record(d)
            | Reason::RulePrefix(d)
            | Reason::RuleSubdivision(d)
            | Reason::RuleCountry(d)
            | Reason::AreaCode(d)
            | Reason::Subdivision(d)
            | Reason::Country(d) => Some(d),
            Reason::Choice | Reason::Default | Reason::None => None,
        }
    }
}

/// Serialized as `{reason, reasonDetail}`, to be flattened into a dial result.
impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Reason", 2)?;
        out.serialize_field("reason", self.code())?;
        out.serialize_field("reasonDetail", &self.detail())?;
        out.end()
    }
}

/// The caller ID for one number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The caller ID, when one applies.
    pub caller_id: Option<CallerId>,
    /// Its pool label, when it is in the pool with one.
    pub label: Option<String>,
    /// Why.
    pub reason: Reason,
    /// Set when the record's caller ID field holds a value that is not used.
    pub warning: Option<String>,
}

#[derive(Debug)]
struct Pooled {
    id: CallerId,
    label: String,
    place: Place,
}

#[derive(Debug)]
struct CheckedRule {
    target: Target,
    id: CallerId,
}

/// The settings that choose caller IDs, checked and ready for many numbers. The rules and
/// the pool are indexed by what a number is matched on, so that a choice costs about the same
/// with a thousand of them as with five.
#[derive(Debug)]
pub struct Chooser {
    rules: Vec<CheckedRule>,
    rule_index: RuleIndex,
    pool: Vec<Pooled>,
    pool_index: PoolIndex,
    default: Option<(CallerId, Place)>,
    local_presence: bool,
    record_field: String,
}

/// The first rule of each target, by kind (equally specific rules: the first listed wins).
#[derive(Debug, Default)]
struct RuleIndex {
    /// Prefix digits → rule.
    prefixes: HashMap<String, usize>,
    /// The most digits a prefix has.
    longest_prefix: usize,
    /// [`canonical_area`] of a subdivision → rule.
    subdivisions: HashMap<&'static str, usize>,
    countries: HashMap<String, usize>,
}

impl RuleIndex {
    fn new(rules: &[CheckedRule]) -> RuleIndex {
        let mut index = RuleIndex::default();
        for (at, rule) in rules.iter().enumerate() {
            match &rule.target {
                Target::Prefix(digits) => {
                    index.longest_prefix = index.longest_prefix.max(digits.len());
                    index.prefixes.entry(digits.clone()).or_insert(at);
                }
                Target::Subdivision(code) => {
                    if let Some(area) = canonical_area(code) {
                        index.subdivisions.entry(area).or_insert(at);
                    }
                }
                Target::Country(code) => {
                    index.countries.entry(code.clone()).or_insert(at);
                }
            }
        }
        index
    }

    /// The most specific rule for the number: the longest matching prefix, then the
    /// subdivision, then the country.
    fn find(&self, digits: &str, callee: &Place) -> Option<usize> {
        (1..=self.longest_prefix.min(digits.len()))
            .rev()
            .find_map(|len| digits.get(..len).and_then(|p| self.prefixes.get(p)))
            .or_else(|| callee.nanp_area.and_then(|a| self.subdivisions.get(a)))
            .or_else(|| self.countries.get(&callee.country))
            .copied()
    }
}

/// The first pool number of each area code, subdivision, country and caller ID.
#[derive(Debug, Default)]
struct PoolIndex {
    area_codes: HashMap<String, usize>,
    subdivisions: HashMap<&'static str, usize>,
    countries: HashMap<String, usize>,
    numbers: HashMap<String, usize>,
}

impl PoolIndex {
    fn new(pool: &[Pooled]) -> PoolIndex {
        let mut index = PoolIndex::default();
        for (at, pooled) in pool.iter().enumerate() {
            if let Some(area) = &pooled.place.area_code {
                index.area_codes.entry(area.clone()).or_insert(at);
            }
            if let Some(subdivision) = pooled.place.subdivision() {
                index.subdivisions.entry(subdivision).or_insert(at);
            }
            index
                .countries
                .entry(pooled.place.country.clone())
                .or_insert(at);
            index.numbers.entry(pooled.id.value.clone()).or_insert(at);
        }
        index
    }
}

/// The E.164 digits of a checked caller ID.
fn digits(id: &CallerId) -> &str {
    id.value.strip_prefix('+').unwrap_or_default()
}

impl Chooser {
    /// Checks the caller IDs and rule targets of `settings`; the first unusable one is the
    /// error.
    pub fn new(settings: &Settings) -> Result<Chooser, SettingsError> {
        let pool = settings
            .caller_ids
            .iter()
            .enumerate()
            .map(|(index, entry)| {
                let id = caller_id_at(&format!("{CALLER_IDS}[{index}].number"), &entry.number)?;
                Ok(Pooled {
                    place: Place::of(digits(&id)),
                    id,
                    label: entry.label.clone(),
                })
            })
            .collect::<Result<Vec<_>, SettingsError>>()?;
        let rules = settings
            .rules
            .iter()
            .enumerate()
            .map(|(index, rule)| {
                Ok(CheckedRule {
                    target: target_at(&format!("{RULES}[{index}].region"), &rule.target)?,
                    id: caller_id_at(&format!("{RULES}[{index}].callerId"), &rule.caller_id)?,
                })
            })
            .collect::<Result<Vec<_>, SettingsError>>()?;
        let default = match settings.default_caller_id.as_str() {
            "" => None,
            value => {
                let id = caller_id_at(DEFAULT_CALLER_ID, value)?;
                let place = Place::of(digits(&id));
                Some((id, place))
            }
        };
        Ok(Chooser {
            rule_index: RuleIndex::new(&rules),
            rules,
            pool_index: PoolIndex::new(&pool),
            pool,
            default,
            local_presence: settings.local_presence,
            record_field: settings.record_caller_id_field.clone(),
        })
    }

    /// The caller ID for the number with E.164 `digits` (no `+`) at `callee`, given the
    /// agent's `choice` for this call and the raw text of the record's caller ID field. An
    /// unusable `choice` is an error: the agent asked for that caller ID and no other.
    pub fn choose(
        &self,
        digits: &str,
        callee: &Place,
        choice: Option<&str>,
        record: Option<&str>,
    ) -> Result<Choice, Skip> {
        if let Some(value) = choice.filter(|value| !value.trim().is_empty()) {
            let id = check_caller_id(value).map_err(|err| Skip {
                code: SkipCode::CallerId,
                message: format!("the chosen {err}"),
            })?;
            return Ok(self.chosen(Some(&id), Reason::Choice, None));
        }
        let record = record
            .map(str::trim)
            .filter(|value| !value.is_empty() && !self.record_field.is_empty());
        let warning = match record.map(check_caller_id) {
            Some(Ok(id)) => {
                let reason = Reason::Record(self.record_field.clone());
                return Ok(self.chosen(Some(&id), reason, None));
            }
            Some(Err(err)) => Some(format!(
                "the record's {} value is not used: {err}",
                self.record_field
            )),
            None => None,
        };
        let (id, reason) = self
            .by_rule(digits, callee)
            .or_else(|| self.by_place(callee))
            .or_else(|| {
                self.default
                    .as_ref()
                    .map(|(id, _)| (Some(id), Reason::Default))
            })
            .unwrap_or((None, Reason::None));
        Ok(self.chosen(id, reason, warning))
    }

    /// The most specific matching rule, the first listed among equally specific ones.
    fn by_rule(&self, digits: &str, callee: &Place) -> Option<(Option<&CallerId>, Reason)> {
        let rule = self.rules.get(self.rule_index.find(digits, callee)?)?;
        let code = rule.target.code();
        let reason = match rule.target {
            Target::Prefix(_) => Reason::RulePrefix(code),
            Target::Subdivision(_) => Reason::RuleSubdivision(code),
            Target::Country(_) => Reason::RuleCountry(code),
        };
        Some((Some(&rule.id), reason))
    }

    /// Local presence: the first pool number sharing the callee's area code, subdivision, or
    /// (when the default caller ID is elsewhere) country.
    fn by_place(&self, callee: &Place) -> Option<(Option<&CallerId>, Reason)> {
        if !self.local_presence {
            return None;
        }
        let index = &self.pool_index;
        let id = |at: Option<&usize>| at.and_then(|&at| self.pool.get(at)).map(|p| Some(&p.id));
        if let Some(area) = &callee.area_code {
            if let Some(id) = id(index.area_codes.get(area)) {
                return Some((id, Reason::AreaCode(area.clone())));
            }
        }
        if let Some(subdivision) = callee.subdivision() {
            if let Some(id) = id(index.subdivisions.get(subdivision)) {
                return Some((id, Reason::Subdivision(subdivision.to_owned())));
            }
        }
        let default_elsewhere = self
            .default
            .as_ref()
            .is_none_or(|(_, place)| place.country != callee.country);
        if default_elsewhere && !callee.country.is_empty() {
            if let Some(id) = id(index.countries.get(&callee.country)) {
                return Some((id, Reason::Country(callee.country.clone())));
            }
        }
        None
    }

    fn chosen(&self, id: Option<&CallerId>, reason: Reason, warning: Option<String>) -> Choice {
        let label = id.and_then(|id| {
            let at = self.pool_index.numbers.get(&id.value)?;
            self.pool
                .get(*at)
                .map(|pooled| pooled.label.clone())
                .filter(|label| !label.is_empty())
        });
        Choice {
            caller_id: id.cloned(),
            label,
            reason,
            warning,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbering::number::parse;
    use crate::settings::{PoolNumber, Rule};

    const POOL: [(&str, &str); 6] = [
        ("+13035550100", "Denver A"),
        ("+13035550199", "Denver B"),
        ("+17205550100", "Boulder"),
        ("+12125550100", "New York"),
        ("+442079460000", "London"),
        ("+14165550100", "Toronto"),
    ];
    const LONG_PREFIX: &str = "+13035550111";
    const SHORT_PREFIX: &str = "+13035550122";
    const STATE: &str = "+13035550133";
    const COUNTRY: &str = "+13035550144";
    const ALL_RULES: [(&str, &str); 4] = [
        ("+1303", SHORT_PREFIX),
        ("+1303555", LONG_PREFIX),
        ("US-CO", STATE),
        ("US", COUNTRY),
    ];
    const US_DEFAULT: &str = "+18880001111";
    const GB_DEFAULT: &str = "+442079460001";

    struct Case {
        callee: &'static str,
        rules: &'static [(&'static str, &'static str)],
        local_presence: bool,
        default: &'static str,
        choice: Option<&'static str>,
        record: Option<&'static str>,
        want: Option<&'static str>,
        reason: &'static str,
        detail: Option<&'static str>,
        label: Option<&'static str>,
    }

    const BASE: Case = Case {
        callee: "303-555-1234",
        rules: &ALL_RULES,
        local_presence: true,
        default: US_DEFAULT,
        choice: None,
        record: None,
        want: None,
        reason: "",
        detail: None,
        label: None,
    };

    fn settings(case: &Case) -> Settings {
        Settings {
            default_caller_id: case.default.to_owned(),
            caller_ids: POOL
                .iter()
                .map(|(number, label)| PoolNumber {
                    number: (*number).to_owned(),
                    label: (*label).to_owned(),
                })
                .collect(),
            rules: case
                .rules
                .iter()
                .map(|(target, caller_id)| Rule {
                    target: (*target).to_owned(),
                    caller_id: (*caller_id).to_owned(),
                })
                .collect(),
            local_presence: case.local_presence,
            ..Settings::default()
        }
    }

    #[test]
    fn each_step_wins_over_the_ones_below() {
        let cases = [
            // 1. The agent's choice wins over everything, even a valid record value.
            Case {
                choice: Some("+12125550100"),
                record: Some("+14165550100"),
                want: Some("+12125550100"),
                reason: "choice",
                label: Some("New York"),
                ..BASE
            },
            // 2. The record's value wins over the rules.
            Case {
                record: Some("+14165550100"),
                want: Some("+14165550100"),
                reason: "record",
                detail: Some("FromCallerID__c"),
                label: Some("Toronto"),
                ..BASE
            },
            // 3. The longest prefix wins over a shorter one, the state and the country.
            Case {
                want: Some(LONG_PREFIX),
                reason: "rule-prefix",
                detail: Some("+1303555"),
                ..BASE
            },
            Case {
                rules: &[("+1303", SHORT_PREFIX), ("US-CO", STATE), ("US", COUNTRY)],
                want: Some(SHORT_PREFIX),
                reason: "rule-prefix",
                detail: Some("+1303"),
                ..BASE
            },
            Case {
                rules: &[("US", COUNTRY), ("US-CO", STATE)],
                want: Some(STATE),
                reason: "rule-region",
                detail: Some("US-CO"),
                ..BASE
            },
            Case {
                rules: &[("GB", GB_DEFAULT), ("US", COUNTRY)],
                want: Some(COUNTRY),
                reason: "rule-country",
                detail: Some("US"),
                ..BASE
            },
            // 4. Local presence: area code (the first listed of two), then state, then
            // country.
            Case {
                rules: &[("GB", GB_DEFAULT)],
                want: Some("+13035550100"),
                reason: "area-code",
                detail: Some("303"),
                label: Some("Denver A"),
                ..BASE
            },
            Case {
                callee: "720-555-1234",
                rules: &[],
                want: Some("+17205550100"),
                reason: "area-code",
                detail: Some("720"),
                label: Some("Boulder"),
                ..BASE
            },
            Case {
                callee: "970-555-1234",
                rules: &[],
                want: Some("+13035550100"),
                reason: "region",
                detail: Some("US-CO"),
                label: Some("Denver A"),
                ..BASE
            },
            Case {
                callee: "+1 613 555 0123",
                rules: &[],
                want: Some("+14165550100"),
                reason: "region",
                detail: Some("CA-ON"),
                label: Some("Toronto"),
                ..BASE
            },
            // 5. The default, when local presence is off or finds nothing.
            Case {
                rules: &[],
                local_presence: false,
                want: Some(US_DEFAULT),
                reason: "default",
                ..BASE
            },
            Case {
                callee: "+33 1 42 68 53 00",
                rules: &[],
                want: Some(US_DEFAULT),
                reason: "default",
                ..BASE
            },
            // 6. None.
            Case {
                rules: &[],
                local_presence: false,
                default: "",
                want: None,
                reason: "none",
                ..BASE
            },
        ];
        run(&cases);
    }

    #[test]
    fn the_country_step_applies_only_when_the_default_is_elsewhere() {
        let cases = [
            // A Texas callee, no pool number in Texas: the default stays, as +1 888 has no
            // subdivision of its own and its country is the main one of +1, US.
            Case {
                callee: "512-555-1234",
                rules: &[],
                want: Some(US_DEFAULT),
                reason: "default",
                ..BASE
            },
            // A GB default is in another country: the first US pool number.
            Case {
                callee: "512-555-1234",
                rules: &[],
                default: GB_DEFAULT,
                want: Some("+13035550100"),
                reason: "country",
                detail: Some("US"),
                label: Some("Denver A"),
                ..BASE
            },
            // No default at all: the first US pool number.
            Case {
                callee: "512-555-1234",
                rules: &[],
                default: "",
                want: Some("+13035550100"),
                reason: "country",
                detail: Some("US"),
                label: Some("Denver A"),
                ..BASE
            },
            // A London callee: a US default is elsewhere, a GB default is not.
            Case {
                callee: "+44 20 7946 0958",
                rules: &[],
                want: Some("+442079460000"),
                reason: "country",
                detail: Some("GB"),
                label: Some("London"),
                ..BASE
            },
            Case {
                callee: "+44 20 7946 0958",
                rules: &[],
                default: GB_DEFAULT,
                want: Some(GB_DEFAULT),
                reason: "default",
                ..BASE
            },
        ];
        run(&cases);
    }

    #[test]
    fn rules_for_other_places() {
        let cases = [
            Case {
                callee: "+44 20 7946 0958",
                rules: &[("GB", GB_DEFAULT), ("+4420", "+442079460002")],
                want: Some("+442079460002"),
                reason: "rule-prefix",
                detail: Some("+4420"),
                ..BASE
            },
            Case {
                callee: "+44 20 7946 0958",
                rules: &[("US", COUNTRY), ("GB", GB_DEFAULT)],
                want: Some(GB_DEFAULT),
                reason: "rule-country",
                detail: Some("GB"),
                ..BASE
            },
            Case {
                callee: "+1 787 555 1234",
                rules: &[("US", COUNTRY), ("US-PR", "+17875550100")],
                want: Some("+17875550100"),
                reason: "rule-region",
                detail: Some("US-PR"),
                ..BASE
            },
            Case {
                callee: "+1 416 555 0123",
                rules: &[("US-CO", STATE), ("CA-ON", "+14165550101")],
                want: Some("+14165550101"),
                reason: "rule-region",
                detail: Some("CA-ON"),
                ..BASE
            },
            // Equally specific rules (only in settings built natively): the first listed.
            Case {
                rules: &[("US", COUNTRY), ("US", STATE)],
                want: Some(COUNTRY),
                reason: "rule-country",
                detail: Some("US"),
                ..BASE
            },
        ];
        run(&cases);
    }

    #[test]
    fn record_values_that_are_not_caller_ids_are_ignored_with_a_warning() {
        // (record value, warning)
        let cases: &[(Option<&str>, Option<&str>)] = &[
            (None, None),
            (Some(""), None),
            (Some("  "), None),
            (
                Some("+1 (416) 555-0100"),
                Some("the record's FromCallerID__c value is not used: caller ID “+1 (416) 555-0100” contains a space; write it in E.164, like +18880001111 (only + and digits)"),
            ),
            (
                Some("4165550100"),
                Some("the record's FromCallerID__c value is not used: caller ID “4165550100” must start with + and the country calling code; write it in E.164, like +18880001111"),
            ),
        ];
        for (record, warning) in cases {
            let case = Case {
                record: *record,
                ..BASE
            };
            let choice = choose(&case).expect("chosen");
            assert_eq!(choice.reason, Reason::RulePrefix("+1303555".into()));
            assert_eq!(choice.warning.as_deref(), *warning, "{record:?}");
        }
        // With no record field set, a record value is not looked at.
        let s = Settings {
            record_caller_id_field: String::new(),
            ..settings(&BASE)
        };
        let chooser = Chooser::new(&s).expect("valid");
        let callee = Place::of("13035551234");
        let choice = chooser
            .choose("13035551234", &callee, None, Some("+14165550100"))
            .expect("chosen");
        assert_eq!(choice.reason.code(), "rule-prefix");
        assert_eq!(choice.warning, None);
    }

    #[test]
    fn reasons_have_codes_and_details() {
        let cases: Vec<(Reason, &str, Option<&str>)> = vec![
            (Reason::Choice, "choice", None),
            (
                Reason::Record("FromCallerID__c".into()),
                "record",
                Some("FromCallerID__c"),
            ),
            (
                Reason::RulePrefix("+1212".into()),
                "rule-prefix",
                Some("+1212"),
            ),
            (
                Reason::RuleSubdivision("US-CA".into()),
                "rule-region",
                Some("US-CA"),
            ),
            (Reason::RuleCountry("GB".into()), "rule-country", Some("GB")),
            (Reason::AreaCode("303".into()), "area-code", Some("303")),
            (Reason::Subdivision("US-CO".into()), "region", Some("US-CO")),
            (Reason::Country("US".into()), "country", Some("US")),
            (Reason::Default, "default", None),
            (Reason::None, "none", None),
        ];
        for (reason, code, detail) in cases {
            assert_eq!((reason.code(), reason.detail()), (code, detail));
            assert_eq!(
                serde_json::to_value(&reason).expect("serializes"),
                serde_json::json!({ "reason": code, "reasonDetail": detail })
            );
        }
    }

    fn choose(case: &Case) -> Result<Choice, Skip> {
        let chooser = Chooser::new(&settings(case)).expect("valid settings");
        let number = parse(case.callee, "US").expect("a valid callee");
        let digits = number.e164.trim_start_matches('+');
        chooser.choose(digits, &Place::of(digits), case.choice, case.record)
    }

    fn run(cases: &[Case]) {
        for case in cases {
            let what = format!(
                "{} rules {:?} default {:?} choice {:?} record {:?}",
                case.callee, case.rules, case.default, case.choice, case.record
            );
            let choice = choose(case).expect(&what);
            assert_eq!(
                choice.caller_id.as_ref().map(|id| id.value.as_str()),
                case.want,
                "{what}"
            );
            assert_eq!(choice.reason.code(), case.reason, "{what}");
            assert_eq!(choice.reason.detail(), case.detail, "{what}");
            assert_eq!(choice.label.as_deref(), case.label, "{what}");
        }
    }
}

//! The JavaScript API: the only module that knows wasm-bindgen.
//!
//! Arguments arrive as plain JS data through serde-wasm-bindgen; results leave as JSON text that
//! the engine's `JSON.parse` turns into plain data (objects, arrays, strings, `null` for absent
//! values) in one call, where building them field by field from Rust cost a quarter of a
//! number's time. Every error reaches JS as an `Error` with the message. No logic
//! lives here: each export reads its arguments, calls the native function and converts back.

use crate::caller_id::{check_caller_id, suggest_caller_id};
use crate::calling_hours::{
    judge, us_federal_and_state, CallFacts, PresetWindow, Verdict, US_PUBLISHED, US_SOURCES,
};
use crate::dial::{dial_batch, Dial, DialRequest};
use crate::error::Skip;
use crate::link::PRESETS;
use crate::numbering::plan::countries as known_countries;
use crate::place::subdivisions as known_subdivisions;
use crate::settings::{
    read_effective, read_stored_settings, settings_problems, storage_plan, validate_settings,
    Settings, StoredValue,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Reports Rust panics to the console with their message instead of "unreachable".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Plain JS data: objects (not `Map`s) and `null` for `None`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("cannot return the result to JavaScript: {e}")))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("cannot return the result to JavaScript"))
}

fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// One entry of `dialBatch`'s result.
#[derive(Serialize)]
#[serde(untagged)]
enum Outcome {
    Dialed {
        ok: bool,
        #[serde(flatten)]
        dial: Box<Dial>,
    },
    Skipped {
        ok: bool,
        #[serde(flatten)]
        skip: Skip,
    },
}

impl From<Result<Dial, Skip>> for Outcome {
    fn from(result: Result<Dial, Skip>) -> Self {
        match result {
            Ok(dial) => Outcome::Dialed {
                ok: true,
                dial: Box::new(dial),
            },
            Err(skip) => Outcome::Skipped { ok: false, skip },
        }
    }
}

/// Dials each item with the effective settings `readSettings` returned (checked again).
#[wasm_bindgen(
    js_name = dialBatch,
    unchecked_return_type = "Array<{ok: true, href: string, number: string, numberDisplay: string, region: string, subdivision: string | null, areaCode: string | null, timeZone: string | null, timeZones: string[], extension: string | null, callerId: string | null, callerIdDisplay: string | null, callerIdLabel: string | null, reason: 'choice' | 'record' | 'rule-prefix' | 'rule-region' | 'rule-country' | 'area-code' | 'region' | 'country' | 'default' | 'none', reasonDetail: string | null, dialer: string, warning: string | null} | {ok: false, code: 'disabled' | 'settings' | 'caller-id' | 'empty' | 'unreadable' | 'invalid' | 'unknown-country' | 'uncertain', message: string}>"
)]
pub fn dial_batch_js(
    #[wasm_bindgen(
        unchecked_param_type = "Array<{raw: string, recordCallerId?: string | null, choice?: string | null}>"
    )]
    items: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object")] settings: JsValue,
) -> Result<JsValue, JsError> {
    let items: Vec<DialRequest> = from_js(
        items,
        "dialBatch: items must be an array of {raw, recordCallerId?, choice?}",
    )?;
    let stored: StoredValue = from_js(settings, "dialBatch: settings")?;
    let settings = read_effective(&stored);
    let outcomes: Vec<Outcome> = dial_batch(&items, &settings)
        .into_iter()
        .map(Outcome::from)
        .collect();
    to_js(&outcomes)
}

/// The calling-hours and Do Not Call verdict of each click (`calls`: the number, E.164, the
/// callee's local time in each zone of its dial result's `timeZones` as the browser reads
/// it, the record's Do Not Call checkbox) under the effective settings `readSettings`
/// returned (checked again).
#[wasm_bindgen(js_name = judgeCalls, unchecked_return_type = "Array<Verdict>")]
pub fn judge_calls_js(
    #[wasm_bindgen(
        unchecked_param_type = "Array<{number: string, zones: ZoneTime[], doNotCall: boolean}>"
    )]
    calls: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object")] settings: JsValue,
) -> Result<JsValue, JsError> {
    let calls: Vec<CallFacts> = from_js(
        calls,
        "judgeCalls: calls must be an array of {number, zones, doNotCall}",
    )?;
    let stored: StoredValue = from_js(settings, "judgeCalls: settings")?;
    let settings = read_effective(&stored);
    let verdicts: Vec<Verdict> = calls
        .iter()
        .map(|call| judge(call, &settings.calling))
        .collect();
    to_js(&verdicts)
}

/// The preset "US federal and state hours": its windows, each with the rule it encodes,
/// when the sources were read, and the sources.
#[wasm_bindgen(
    js_name = callingHoursPreset,
    unchecked_return_type = "{published: string, sources: string[], windows: Array<CallingWindow & {source: string}>}"
)]
pub fn calling_hours_preset() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Preset {
        published: &'static str,
        sources: &'static [&'static str],
        windows: Vec<PresetWindow>,
    }
    to_js(&Preset {
        published: US_PUBLISHED,
        sources: &US_SOURCES,
        windows: us_federal_and_state(),
    })
}

/// Checks an E.164 caller ID; throws with the reason when it is not usable.
#[wasm_bindgen(
    js_name = checkCallerId,
    unchecked_return_type = "{value: string, display: string, warning: string | null}"
)]
pub fn check_caller_id_js(value: &str) -> Result<JsValue, JsError> {
    let id = check_caller_id(value).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&id)
}

/// The E.164 form of a pasted caller ID such as "+1 (888) 000-1111", or `null`.
#[wasm_bindgen(js_name = suggestCallerId, unchecked_return_type = "string | null")]
pub fn suggest_caller_id_js(value: &str) -> JsValue {
    suggest_caller_id(value).map_or(JsValue::NULL, |s| JsValue::from_str(&s))
}

/// The settings in effect: the user's, as `storage.sync` and `storage.local` hold them (in any
/// layout; `local` may be left out when sync holds them), under the administrator's policy;
/// never throws on bad values.
#[wasm_bindgen(
    js_name = readSettings,
    unchecked_return_type = "{settings: Settings, problems: Array<{field: string, message: string, source: 'sync' | 'policy'}>, warnings: Array<{field: string, message: string}>, locked: string[]}"
)]
pub fn read_settings_js(
    #[wasm_bindgen(unchecked_param_type = "object")] sync: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object")] managed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] local: JsValue,
) -> Result<JsValue, JsError> {
    let sync: StoredValue = from_js(sync, "readSettings: sync")?;
    let managed: StoredValue = from_js(managed, "readSettings: managed")?;
    let local: StoredValue = from_js(local, "readSettings: local")?;
    to_js(&read_stored_settings(&sync, &local, &managed))
}

/// How to save validated `changes` (setting keys; `null` removes one) over what
/// `storage.sync` and `storage.local` hold: the storage calls in order. Throws with the reason
/// when saving would lose a stored list.
#[wasm_bindgen(
    js_name = storagePlan,
    unchecked_return_type = "{area: 'sync' | 'local', bytes: number, steps: Array<{area: 'sync' | 'local', set: Record<string, unknown>, remove: string[]}>}"
)]
pub fn storage_plan_js(
    #[wasm_bindgen(unchecked_param_type = "object")] changes: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object")] sync: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object")] local: JsValue,
) -> Result<JsValue, JsError> {
    let changes: StoredValue = from_js(changes, "storagePlan: changes")?;
    let sync: StoredValue = from_js(sync, "storagePlan: sync")?;
    let local: StoredValue = from_js(local, "storagePlan: local")?;
    let plan = storage_plan(&changes, &sync, &local).map_err(|e| JsError::new(&e))?;
    to_js(&plan)
}

/// The strict check for saving and import; throws with the first problem, naming its field.
#[wasm_bindgen(
    js_name = validateSettings,
    unchecked_return_type = "{settings: Settings, warnings: Array<{field: string, message: string}>}"
)]
pub fn validate_settings_js(
    #[wasm_bindgen(unchecked_param_type = "object")] candidate: JsValue,
) -> Result<JsValue, JsError> {
    let candidate: StoredValue = from_js(candidate, "validateSettings")?;
    let validated = validate_settings(&candidate).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&validated)
}

/// Every problem `validateSettings` would throw for; `[]` when the candidate is valid.
#[wasm_bindgen(
    js_name = settingsProblems,
    unchecked_return_type = "Array<{field: string, message: string}>"
)]
pub fn settings_problems_js(
    #[wasm_bindgen(unchecked_param_type = "object")] candidate: JsValue,
) -> Result<JsValue, JsError> {
    let candidate: StoredValue = from_js(candidate, "settingsProblems")?;
    to_js(&settings_problems(&candidate))
}

/// The sorted ISO 3166-1 alpha-2 codes the numbering plan supports.
#[wasm_bindgen(unchecked_return_type = "string[]")]
pub fn countries() -> Result<JsValue, JsError> {
    to_js(&known_countries())
}

/// The US states, DC, US territories and Canadian provinces and territories, sorted by code.
#[wasm_bindgen(unchecked_return_type = "Array<{code: string, name: string}>")]
pub fn subdivisions() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Subdivision {
        code: &'static str,
        name: &'static str,
    }
    let list: Vec<Subdivision> = known_subdivisions()
        .iter()
        .map(|&(code, name)| Subdivision { code, name })
        .collect();
    to_js(&list)
}

/// The dialers the popup offers; the first is the default.
#[wasm_bindgen(
    js_name = linkPresets,
    unchecked_return_type = "Array<{id: '8x8' | 'votel' | 'zoom' | 'dialpad' | 'tel', name: string, template: string}>"
)]
pub fn link_presets() -> Result<JsValue, JsError> {
    to_js(&PRESETS)
}

/// The settings used when nothing is stored.
#[wasm_bindgen(js_name = defaultSettings, unchecked_return_type = "Settings")]
pub fn default_settings() -> Result<JsValue, JsError> {
    to_js(&Settings::default())
}

#[wasm_bindgen(typescript_custom_section)]
const SETTINGS_TS: &str = "export type Settings = {enabled: boolean, defaultCountry: string, defaultCallerId: string, callerIds: Array<{number: string, label: string}>, rules: Array<{region: string, callerId: string}>, localPresence: boolean, recordCallerIdField: string, linkTemplate: string, dialedNumberFormat: 'e164' | 'national', callingHours: CallingMode, callingWindows: CallingWindow[], callingHolidays: Holiday[], doNotCall: CallingMode, doNotCallField: string};
export type CallingMode = 'off' | 'warn' | 'block';
export type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type CallingWindow = {region: string, days: Day[], from: string, to: string};
export type Holiday = {region: string, date: string};
export type ZoneTime = {zone: string, date: string, time: string};
export type Opening = {kind: 'at', zones: ZoneTime[]} | {kind: 'notWithin', days: number} | {kind: 'zonesNeverAgree'};
export type Reason = {kind: 'outsideHours', windows: CallingWindow[], zones: Array<ZoneTime & {weekday: Day, inside: boolean, holiday: Holiday | null}>, opening: Opening} | {kind: 'localTimeUnknown', zones: string[]} | {kind: 'doNotCall', field: string};
export type Verdict = {action: 'call' | 'warn' | 'block', reasons: Reason[], until: ZoneTime[]};";

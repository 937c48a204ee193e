//! The JavaScript API: the only module that knows wasm-bindgen.
//!
//! Every value crosses as plain JS data through serde-wasm-bindgen (objects, arrays, strings,
//! `null` for absent values); every error reaches JS as an `Error` with the message. No logic
//! lives here: each export reads its arguments, calls the native function and converts back.

use crate::caller_id::{check_caller_id, suggest_caller_id};
use crate::dial::dial;
use crate::metadata::countries as known_countries;
use crate::settings::{read_settings, validate_settings, Settings, Stored};
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
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("cannot return the result to JavaScript: {e}")))
}

fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// One entry of `dialBatch`'s result.
#[derive(Serialize)]
#[serde(untagged)]
enum Outcome {
    Ok(DialJs),
    Skip(SkipJs),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DialJs {
    ok: bool,
    href: String,
    number: String,
    number_display: String,
    region: String,
    extension: Option<String>,
    caller_id: Option<String>,
    caller_id_display: Option<String>,
    reason: &'static str,
}

#[derive(Serialize)]
struct SkipJs {
    ok: bool,
    code: &'static str,
    message: String,
}

/// Reads each raw `tel:` value with the stored settings (read leniently, as `readSettings`).
#[wasm_bindgen(
    js_name = dialBatch,
    unchecked_return_type = "Array<{ok: true, href: string, number: string, numberDisplay: string, region: string, extension: string | null, callerId: string | null, callerIdDisplay: string | null, reason: 'default' | 'none'} | {ok: false, code: string, message: string}>"
)]
pub fn dial_batch(
    #[wasm_bindgen(unchecked_param_type = "string[]")] raws: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object")] settings: JsValue,
) -> Result<JsValue, JsError> {
    let raws: Vec<String> = from_js(raws, "dialBatch: raws must be an array of strings")?;
    let stored: Stored = from_js(settings, "dialBatch: settings")?;
    let settings = read_settings(&stored).settings;
    let outcomes: Vec<Outcome> = raws
        .iter()
        .map(|raw| match dial(raw, &settings) {
            Ok(d) => Outcome::Ok(DialJs {
                ok: true,
                href: d.href,
                number: d.number,
                number_display: d.number_display,
                region: d.region,
                extension: d.extension,
                caller_id: d.caller_id,
                caller_id_display: d.caller_id_display,
                reason: d.reason.as_str(),
            }),
            Err(skip) => Outcome::Skip(SkipJs {
                ok: false,
                code: skip.code.as_str(),
                message: skip.message,
            }),
        })
        .collect();
    to_js(&outcomes)
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

/// Reads whatever `chrome.storage.sync` holds; never throws on bad values.
#[wasm_bindgen(
    js_name = readSettings,
    unchecked_return_type = "{settings: {enabled: boolean, defaultCountry: string, defaultCallerId: string}, problems: Array<{field: string, message: string}>}"
)]
pub fn read_settings_js(
    #[wasm_bindgen(unchecked_param_type = "object")] stored: JsValue,
) -> Result<JsValue, JsError> {
    let stored: Stored = from_js(stored, "readSettings")?;
    to_js(&read_settings(&stored))
}

/// The strict check for saving and import; throws naming the bad field.
#[wasm_bindgen(
    js_name = validateSettings,
    unchecked_return_type = "{enabled: boolean, defaultCountry: string, defaultCallerId: string}"
)]
pub fn validate_settings_js(
    #[wasm_bindgen(unchecked_param_type = "object")] candidate: JsValue,
) -> Result<JsValue, JsError> {
    let candidate: Stored = from_js(candidate, "validateSettings")?;
    let settings = validate_settings(&candidate).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&settings)
}

/// The sorted ISO 3166-1 alpha-2 codes the numbering plan supports.
#[wasm_bindgen(unchecked_return_type = "string[]")]
pub fn countries() -> Result<JsValue, JsError> {
    to_js(&known_countries())
}

/// The settings used when nothing is stored.
#[wasm_bindgen(
    js_name = defaultSettings,
    unchecked_return_type = "{enabled: boolean, defaultCountry: string, defaultCallerId: string}"
)]
pub fn default_settings() -> Result<JsValue, JsError> {
    to_js(&Settings::default())
}

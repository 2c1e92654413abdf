//! The PVOG Suchdienst mirror on the shipped dataset: every endpoint against the shapes of
//! `docs/federation-api.md`, the Nördlingen facts, the hierarchy fallback, errors, caching
//! headers and paging, through the real router.

mod common;

use std::sync::OnceLock;

use axum::Router;
use common::*;
use serde_json::Value;

const API: &str = "/suchdienst/api";
const NOERDLINGEN: &str = "097790194194";
const NEW_VEHICLE: &str = "LEBENSLAGEN.LB.99036008007002";
const KFZ_DONAU_RIES: &str = "Landratsamt Donau-Ries – Kfz-Zulassungsstelle";

/// One router for the whole file: loading the dataset is the expensive part, and the dist is
/// in memory once loaded, so its temporary folder can go at once.
fn app() -> Router {
    static APP: OnceLock<Router> = OnceLock::new();
    APP.get_or_init(|| {
        let tmp = fake_build();
        app_with(&tmp, &[])
    })
    .clone()
}

async fn json(app: &Router, path: &str) -> Value {
    let r = get(app, &format!("{API}{path}")).await;
    assert_eq!(
        r.status,
        200,
        "{path}: {}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(r.header("content-type"), "application/json", "{path}");
    serde_json::from_slice(&r.body).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The LeiKa keys of a Lebenslage, from the dataset.
fn lebenslage_keys(id: &str) -> Vec<String> {
    let text = std::fs::read_to_string(format!("{}/lebenslagen.json", data_dir())).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    let lage = doc["lebenslagen"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == id)
        .unwrap();
    let mut keys = Vec::new();
    for step in lage["schritte"].as_array().unwrap() {
        for entry in step["eintraege"].as_array().unwrap() {
            if let Some(key) = entry["leika"].as_str() {
                if !keys.iter().any(|k| k == key) {
                    keys.push(key.to_string());
                }
            }
        }
    }
    keys
}

// ---- shape checks: required fields present with the documented types ----

fn string<'a>(v: &'a Value, field: &str, what: &str) -> &'a str {
    v[field]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: {field} must be a string in {v}"))
}

fn array<'a>(v: &'a Value, field: &str, what: &str) -> &'a Vec<Value> {
    v[field]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: {field} must be an array in {v}"))
}

fn number(v: &Value, field: &str, what: &str) -> u64 {
    v[field]
        .as_u64()
        .unwrap_or_else(|| panic!("{what}: {field} must be a non-negative number in {v}"))
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn check_location(v: &Value) {
    let what = "location";
    assert!(digits(string(v, "ars", what), 12), "{v}");
    assert!(digits(string(v, "ags", what), 8), "{v}");
    assert!(!string(v, "name", what).is_empty());
    assert!(digits(string(v, "zip", what), 5), "{v}");
    assert!(number(v, "zipCodeCount", what) >= 1);
    assert!(!string(v, "kreis", what).is_empty(), "extension kreis");
    assert!(!string(v, "land", what).is_empty(), "extension land");
}

fn check_links(v: &Value, field: &str, what: &str) {
    if v.get(field).is_some() {
        for link in array(v, field, what) {
            assert!(string(link, "uri", what).starts_with("https://"), "{link}");
            string(link, "title", what);
        }
    }
}

fn check_description(v: &Value, detail: bool) {
    let what = "service description";
    assert!(string(v, "id", what).starts_with("LEBENSLAGEN.LB."));
    assert!(!string(v, "name", what).is_empty());
    let keys = array(v, "leikakeys", what);
    assert!(!keys.is_empty());
    for k in keys {
        let k = k.as_str().unwrap();
        assert!(digits(k, 14) && k.starts_with("99"), "{k}");
    }
    for a in array(v, "ars", what) {
        assert!(digits(a.as_str().unwrap(), 12), "{a}");
    }
    let details = array(v, "details", what);
    assert!(!details.is_empty());
    for d in details {
        assert!(digits(string(d, "code", what), 2), "{d}");
        assert!(string(d, "text", what).starts_with('<'), "HTML: {d}");
        assert!(d["placeholder"].is_boolean(), "{d}");
    }
    check_links(v, "onlineServiceLinks", what);
    if v.get("organisationIds").is_some() {
        for id in array(v, "organisationIds", what) {
            assert!(id.as_str().unwrap().starts_with("LEBENSLAGEN.OE."), "{id}");
        }
    }
    if detail {
        let none = Vec::new();
        let organisations = v
            .get("organisations")
            .map_or(&none, |_| array(v, "organisations", what));
        for o in organisations {
            string(o, "id", what);
            string(o, "title", what);
            string(&o["role"], "name", what);
        }
    } else {
        assert!(v.get("organisations").is_none(), "detail only: {v}");
    }
}

fn check_page(v: &Value) -> &Vec<Value> {
    let what = "page";
    for field in ["totalElements", "totalPages", "number", "size"] {
        number(v, field, what);
    }
    array(v, "content", what)
}

fn check_title(v: &Value) {
    let what = "organisation unit title";
    assert!(string(v, "id", what).starts_with("LEBENSLAGEN.OE."));
    string(v, "title", what);
    string(&v["role"], "name", what);
    assert_eq!(v["sample"], true, "derived units are sample data: {v}");
}

fn check_unit_detail(v: &Value) {
    let what = "organisation unit detail";
    string(v, "id", what);
    string(v, "title", what);
    for field in [
        "languages",
        "forms",
        "employees",
        "additionalInformation",
        "bankAccounts",
        "communicationSystems",
    ] {
        array(v, field, what);
    }
    string(&v["role"], "name", what);
    assert_eq!(v["sample"], true);
    // The keys of the official sample; objects even when empty.
    assert!(v["location"].is_object(), "{v}");
    assert!(v["languageComplete"].is_object(), "{v}");
}

fn check_online_services(v: &Value) -> &Vec<Value> {
    let what = "online services";
    number(v, "totalHits", what);
    if v.get("nextPageToken").is_some() {
        string(v, "nextPageToken", what);
    }
    let list = array(v, "onlineservices", what);
    for o in list {
        assert!(string(o, "id", what).starts_with("LEBENSLAGEN.OD."));
        string(o, "name", what);
        check_links(o, "links", what);
        for sd in array(o, "serviceDescriptions", what) {
            for a in array(sd, "ars", what) {
                assert!(digits(a.as_str().unwrap(), 12));
            }
        }
        if o.get("trustLevel").is_some() {
            let t = string(o, "trustLevel", what);
            assert!(
                ["basisregistrierung", "substanziell", "hoch"].contains(&t),
                "{t}"
            );
        }
        assert!(o["sample"].is_boolean());
    }
    list
}

// ---- locations ----

#[tokio::test]
async fn noerdlingen_is_found_by_postcode_and_by_name() {
    let app = app();
    let places = json(&app, "/v2/locations?q=86720").await;
    let places = places.as_array().unwrap();
    places.iter().for_each(check_location);
    assert_eq!(places[0]["ars"], NOERDLINGEN);
    assert_eq!(places[0]["ags"], "09779194");
    assert_eq!(places[0]["name"], "Nördlingen");
    assert_eq!(places[0]["zip"], "86720");
    assert_eq!(places[0]["kreis"], "Landkreis Donau-Ries");
    assert!(
        places.len() >= 2 && places.iter().all(|p| p["zip"] == "86720"),
        "86720 also belongs to a neighbouring municipality: {places:?}"
    );

    for q in [
        "N%C3%B6rdlingen",
        "n%C3%B6rdlingen",
        "NOERDLINGEN",
        "Nordlingen",
        "No%CC%88rdlingen", // NFD
        "N%C3%B6rdl",
        "noerdl",
        "86720+N%C3%B6rdlingen",
        "+N%C3%B6rdlingen+",
    ] {
        let places = json(&app, &format!("/v2/locations?q={q}")).await;
        assert_eq!(places[0]["ars"], NOERDLINGEN, "q={q}: {places}");
    }

    // Through the consumer's own types, as the app reads it.
    let r = get(&app, &format!("{API}/v2/locations?q=86720")).await;
    let parsed: Vec<model::pvog::Location> = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(
        parsed[0].ars(),
        Some(model::Ars::parse(NOERDLINGEN).unwrap())
    );
}

#[tokio::test]
async fn a_whole_ars_names_exactly_its_municipality() {
    let app = app();
    let places = json(&app, &format!("/v2/locations?q={NOERDLINGEN}")).await;
    let places = places.as_array().unwrap();
    assert_eq!(places.len(), 1, "{places:?}");
    assert_eq!(places[0]["ars"], NOERDLINGEN);
    assert_eq!(places[0]["name"], "Nördlingen");
    // Twelve digits that are no municipality: no hit, not a postcode search.
    let none = json(&app, "/v2/locations?q=099999999999").await;
    assert_eq!(none, serde_json::json!([]));
}

#[tokio::test]
async fn ambiguous_names_list_several_places_with_their_kreis() {
    let app = app();
    let places = json(&app, "/v2/locations?q=Neustadt").await;
    let places = places.as_array().unwrap();
    places.iter().for_each(check_location);
    assert!(places.len() >= 10, "{}", places.len());
    assert!(places.len() <= 20, "bounded by default");
    let names: Vec<&str> = places.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert!(names.iter().all(|n| n.contains("Neustadt")), "{names:?}");
    // Names starting with the query come before those with it as a later word.
    let first_later = names.iter().position(|n| !n.starts_with("Neustadt"));
    let last_prefix = names.iter().rposition(|n| n.starts_with("Neustadt"));
    assert!(
        first_later.is_none_or(|i| last_prefix.is_some_and(|j| j < i)),
        "{names:?}"
    );
    let mut kreise: Vec<&str> = places
        .iter()
        .map(|p| p["kreis"].as_str().unwrap())
        .collect();
    kreise.sort();
    kreise.dedup();
    assert!(kreise.len() >= 10, "the Kreis tells them apart: {kreise:?}");

    // Best matches first: an exact name before longer names, larger places first.
    let places = json(&app, "/v2/locations?q=berlin").await;
    assert_eq!(places[0]["name"], "Berlin");
    let places = json(&app, "/v2/locations?q=M%C3%BCnchen&limit=3").await;
    assert_eq!(places.as_array().unwrap().len(), 3);
    assert_eq!(places[0]["ars"], "091620000000");
    // A word inside the name ("Garching b.München") and a substring ("…lingen") match too.
    let places = json(&app, "/v2/locations?q=m%C3%BCnchen&limit=50").await;
    assert!(places
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "Garching b.München"));
    let places = json(&app, "/v2/locations?q=rdlingen").await;
    assert!(places
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["ars"] == NOERDLINGEN));
}

#[tokio::test]
async fn postcode_prefixes_are_searched_in_postcode_order() {
    let app = app();
    let places = json(&app, "/v2/locations?q=86&limit=50").await;
    let places = places.as_array().unwrap();
    assert_eq!(places.len(), 50, "bounded by limit");
    let zips: Vec<&str> = places.iter().map(|p| p["zip"].as_str().unwrap()).collect();
    assert!(zips.iter().all(|z| z.starts_with("86")), "{zips:?}");
    assert!(zips.windows(2).all(|w| w[0] <= w[1]), "{zips:?}");
    let places = json(&app, "/v2/locations?q=8672").await;
    assert!(places
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["ars"] == NOERDLINGEN));
    // München has 76 postcodes, shows the one searched for and counts them all.
    let places = json(&app, "/v2/locations?q=80331").await;
    assert_eq!(places[0]["name"], "München");
    assert_eq!(places[0]["zip"], "80331");
    assert!(number(&places[0], "zipCodeCount", "München") > 50);
    // No match is an empty list, not an error (a search, not a lookup).
    assert_eq!(
        json(&app, "/v2/locations?q=00000").await,
        Value::Array(vec![])
    );
    assert_eq!(
        json(&app, "/v2/locations?q=Xyzzyqq").await,
        Value::Array(vec![])
    );
}

// ---- service descriptions ----

#[tokio::test]
async fn leikahierarchy_pages_full_descriptions() {
    let app = app();
    let keys = lebenslage_keys("rund-ums-fahrzeug");
    assert!(keys.len() >= 10);
    let ids = keys.join(",");
    let page = json(
        &app,
        &format!("/v2/servicedescriptions/leikahierarchy?ars={NOERDLINGEN}&leikaIds={ids}"),
    )
    .await;
    let content = check_page(&page);
    assert_eq!(page["totalElements"], keys.len());
    assert_eq!(page["totalPages"], 1);
    assert_eq!(page["number"], 0);
    assert_eq!(page["size"], 20);
    assert_eq!(content.len(), keys.len());
    for (item, key) in content.iter().zip(&keys) {
        check_description(item, false);
        assert_eq!(item["leikakeys"][0], key.as_str(), "request order");
    }
    let new_vehicle = content.iter().find(|d| d["id"] == NEW_VEHICLE).unwrap();
    assert_eq!(new_vehicle["name"], "Neues Fahrzeug zulassen");
    assert_eq!(
        new_vehicle["organisationIds"],
        serde_json::json!(["LEBENSLAGEN.OE.kfz-zulassung.097790000000"])
    );

    // Paging: size 4 over 11 keys, repeated parameters work like a comma list.
    let repeated: String = keys.iter().map(|k| format!("&leikaIds={k}")).collect();
    let mut seen = Vec::new();
    for number in 0..3 {
        let page = json(
            &app,
            &format!("/v2/servicedescriptions/leikahierarchy?ars={NOERDLINGEN}{repeated}&size=4&page={number}"),
        )
        .await;
        assert_eq!(page["totalElements"], keys.len());
        assert_eq!(page["totalPages"], keys.len().div_ceil(4));
        assert_eq!(page["number"], number);
        assert_eq!(page["size"], 4);
        seen.extend(check_page(&page).iter().map(|d| d["id"].clone()));
    }
    assert_eq!(seen.len(), keys.len());
    let beyond = json(
        &app,
        &format!(
            "/v2/servicedescriptions/leikahierarchy?ars={NOERDLINGEN}&leikaIds={ids}&size=4&page=9"
        ),
    )
    .await;
    assert_eq!(
        check_page(&beyond).len(),
        0,
        "Spring: a page past the end is empty"
    );

    // Through the consumer's own types.
    let r = get(
        &app,
        &format!(
            "{API}/v2/servicedescriptions/leikahierarchy?ars={NOERDLINGEN}&leikaIds=99036008007002"
        ),
    )
    .await;
    let parsed: model::pvog::Page<model::pvog::ServiceDescription> =
        serde_json::from_slice(&r.body).unwrap();
    assert_eq!(parsed.content[0].locality(), 0, "valid everywhere (Bund)");
    assert!(parsed.content[0]
        .module(&model::TextModule::Kosten)
        .is_some());
}

#[tokio::test]
async fn detail_names_the_responsible_unit_and_the_texts() {
    let app = app();
    let sd = json(
        &app,
        &format!("/v6/servicedescriptions/{NEW_VEHICLE}/detail?ars={NOERDLINGEN}"),
    )
    .await;
    check_description(&sd, true);
    assert!(sd["organisations"].is_array());
    assert_eq!(sd["leikakeys"], serde_json::json!(["99036008007002"]));
    assert_eq!(sd["organisations"][0]["title"], KFZ_DONAU_RIES);
    assert_eq!(sd["organisations"][0]["role"]["name"], "zuständige Stelle");
    let codes: Vec<&str> = array(&sd, "details", "detail")
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    for code in ["24", "09", "08", "98", "97"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    // Without a place: the description without place-specific units.
    let sd = json(
        &app,
        &format!("/v6/servicedescriptions/{NEW_VEHICLE}/detail"),
    )
    .await;
    check_description(&sd, true);
    assert!(sd.get("organisations").is_none());
    // Percent-encoded ids and validDate are accepted.
    let encoded = NEW_VEHICLE.replace('.', "%2E");
    json(
        &app,
        &format!("/v6/servicedescriptions/{encoded}/detail?ars={NOERDLINGEN}&validDate=2026-11-26&applyDynamicParams=true"),
    )
    .await;
}

#[tokio::test]
async fn english_texts_follow_accept_language() {
    let app = app();
    let path = format!("{API}/v6/servicedescriptions/{NEW_VEHICLE}/detail?ars={NOERDLINGEN}");
    let de = request(&app, "GET", &path, &[("accept-language", "de-DE,de;q=0.9")]).await;
    let en = request(
        &app,
        "GET",
        &path,
        &[("accept-language", "en-GB,en;q=0.9,de;q=0.5")],
    )
    .await;
    let fr = request(&app, "GET", &path, &[("accept-language", "fr")]).await;
    let name = |r: &Reply| serde_json::from_slice::<Value>(&r.body).unwrap()["name"].clone();
    assert_eq!(name(&de), "Neues Fahrzeug zulassen");
    assert_eq!(name(&en), "Register a new vehicle");
    assert_eq!(name(&fr), "Neues Fahrzeug zulassen", "German by default");
    assert_eq!(de.header("content-language"), "de");
    assert_eq!(en.header("content-language"), "en");
    assert_ne!(de.header("etag"), en.header("etag"));
    assert!(en.header("vary").contains("Accept-Language"));
}

// ---- organisation units ----

#[tokio::test]
async fn rund_ums_fahrzeug_at_noerdlingen_is_handled_by_the_landratsamt_donau_ries() {
    let app = app();
    let page = json(
        &app,
        &format!(
            "/v2/servicedescriptions/leikahierarchy?ars={NOERDLINGEN}&leikaIds={}",
            lebenslage_keys("rund-ums-fahrzeug").join(",")
        ),
    )
    .await;
    let mut kfz = 0;
    for sd in check_page(&page) {
        let id = sd["id"].as_str().unwrap();
        let titles = json(
            &app,
            &format!("/v2/organisationunits/titles?ars={NOERDLINGEN}&lbId={id}"),
        )
        .await;
        let titles = titles.as_array().unwrap();
        titles.iter().for_each(check_title);
        assert_eq!(titles.len(), 1, "{id}");
        let title = titles[0]["title"].as_str().unwrap();
        assert!(
            title.starts_with("Landratsamt Donau-Ries – "),
            "{id}: {title}"
        );
        assert_eq!(titles[0]["role"]["name"], "zuständige Stelle");
        assert_eq!(titles[0]["id"], sd["organisationIds"][0], "{id}");
        if id.starts_with("LEBENSLAGEN.LB.99036") {
            assert_eq!(title, KFZ_DONAU_RIES, "{id}");
            kfz += 1;
        }

        // The unit's detail, for the service and alone.
        let oe = titles[0]["id"].as_str().unwrap();
        let detail = json(
            &app,
            &format!("/v5/organisationunits/detail?q={oe}&lbId={id}&ars={NOERDLINGEN}"),
        )
        .await;
        check_unit_detail(&detail);
        assert_eq!(detail["title"], title);
        assert_eq!(detail["role"]["name"], "zuständige Stelle");
    }
    assert!(kfz >= 8, "{kfz}");
    let detail = json(
        &app,
        "/v5/organisationunits/detail?q=LEBENSLAGEN.OE.kfz-zulassung.097790000000&validDate=2026-11-26",
    )
    .await;
    assert_eq!(detail["title"], KFZ_DONAU_RIES);
    assert_eq!(
        detail["role"]["name"], "Ansprechpunkt",
        "PVOG: without lbId"
    );
    let parsed: model::pvog::OrganisationUnitDetail = serde_json::from_value(detail).unwrap();
    assert_eq!(parsed.title.as_deref(), Some(KFZ_DONAU_RIES));

    // The whole Kreis has one Zulassungsstelle, so it is the answer for the Kreis, too; a
    // municipal office is not (each municipality has its own).
    let titles = json(
        &app,
        &format!("/v2/organisationunits/titles?ars=09779&lbId={NEW_VEHICLE}"),
    )
    .await;
    assert_eq!(titles[0]["title"], KFZ_DONAU_RIES);
    let r = get(
        &app,
        &format!("{API}/v2/organisationunits/titles?ars=09779&lbId=LEBENSLAGEN.LB.99027002012000"),
    )
    .await;
    assert_eq!(r.status, 404);
    let titles = json(
        &app,
        &format!(
            "/v2/organisationunits/titles?ars={NOERDLINGEN}&lbId=LEBENSLAGEN.LB.99027002012000"
        ),
    )
    .await;
    assert_eq!(titles[0]["title"], "Standesamt Nördlingen");
    // Without lbId: every unit responsible for some service at the place, once each.
    let all = json(
        &app,
        &format!("/v2/organisationunits/titles?ars={NOERDLINGEN}"),
    )
    .await;
    let all = all.as_array().unwrap();
    all.iter().for_each(check_title);
    assert!(all.iter().any(|t| t["title"] == KFZ_DONAU_RIES));
    assert!(all.iter().any(|t| t["title"] == "Standesamt Nördlingen"));
    let mut ids: Vec<&str> = all.iter().map(|t| t["id"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len());
}

// ---- online services ----

#[tokio::test]
async fn online_services_are_paged_with_a_token() {
    let app = app();
    let first = json(
        &app,
        &format!("/v1beta2/onlineservices?ars={NOERDLINGEN}&pageSize=2"),
    )
    .await;
    let total = number(&first, "totalHits", "online services");
    assert!(total >= 5, "{total}");
    let mut seen: Vec<Value> = check_online_services(&first).clone();
    assert_eq!(seen.len(), 2);
    let mut token = first["nextPageToken"].as_str().map(str::to_string);
    while let Some(t) = token {
        let page = json(
            &app,
            &format!("/v1beta2/onlineservices?ars={NOERDLINGEN}&pageSize=2&nextPageToken={t}"),
        )
        .await;
        assert_eq!(page["totalHits"], total);
        seen.extend(check_online_services(&page).iter().cloned());
        token = page["nextPageToken"].as_str().map(str::to_string);
    }
    assert_eq!(seen.len() as u64, total, "every service once");

    let kfz = json(
        &app,
        &format!("/v1beta2/onlineservices?ars={NOERDLINGEN}&leikaIds=99036008007002"),
    )
    .await;
    let list = check_online_services(&kfz);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], "LEBENSLAGEN.OD.i-kfz");
    assert_eq!(list[0]["trustLevel"], "hoch", "extension field");
    assert!(kfz.get("nextPageToken").is_none());
    let parsed: model::pvog::OnlineServices = serde_json::from_value(kfz).unwrap();
    assert_eq!(
        parsed.onlineservices[0].trust_level.as_deref(),
        Some("hoch")
    );
}

// ---- hierarchy fallback ----

/// A dataset where one service also has a Land-, a Kreis- and a Gemeinde-level description.
fn dataset_with_local_variants() -> TempDir {
    let tmp = TempDir::new();
    let dir = tmp.path();
    std::fs::copy(
        format!("{}/municipalities.json", data_dir()),
        dir.join("municipalities.json"),
    )
    .unwrap();
    let text = std::fs::read_to_string(format!("{}/leistungen.json", data_dir())).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    let list = doc["leistungen"].as_array_mut().unwrap();
    let base = list
        .iter()
        .find(|l| l["id"] == NEW_VEHICLE)
        .unwrap()
        .clone();
    for (suffix, area, label) in [
        ("land", "090000000000", "Bayern"),
        ("kreis", "097790000000", "Donau-Ries"),
        ("gemeinde", NOERDLINGEN, "Nördlingen"),
    ] {
        let mut variant = base.clone();
        variant["id"] = Value::from(format!("{NEW_VEHICLE}.{suffix}"));
        variant["name"]["de"] = Value::from(format!("Neues Fahrzeug zulassen ({label})"));
        variant["gueltigkeit"] = serde_json::json!([area]);
        list.push(variant);
    }
    std::fs::write(dir.join("leistungen.json"), doc.to_string()).unwrap();
    tmp
}

#[tokio::test]
async fn the_most_local_description_wins() {
    let data = dataset_with_local_variants();
    let tmp = fake_build();
    let app = app_with(&tmp, &[("LEBENSLAGEN_DATA", data.path().to_str().unwrap())]);
    for (ars, expected) in [
        (NOERDLINGEN, "Neues Fahrzeug zulassen (Nördlingen)"),
        ("097795722162", "Neues Fahrzeug zulassen (Donau-Ries)"), // Hohenaltheim, same Kreis
        ("09779", "Neues Fahrzeug zulassen (Donau-Ries)"),
        ("097610000000", "Neues Fahrzeug zulassen (Bayern)"), // Augsburg
        ("09", "Neues Fahrzeug zulassen (Bayern)"),
        ("110000000000", "Neues Fahrzeug zulassen"), // Berlin: only the federal one
        ("000000000000", "Neues Fahrzeug zulassen"),
    ] {
        let page = json(
            &app,
            &format!("/v2/servicedescriptions/leikahierarchy?ars={ars}&leikaIds=99036008007002"),
        )
        .await;
        let content = check_page(&page);
        assert_eq!(content.len(), 1, "one description per key at {ars}");
        assert_eq!(content[0]["name"], expected, "at {ars}");
    }
}

// ---- errors ----

#[tokio::test]
async fn malformed_parameters_are_400_and_no_hit_is_404_with_problem_bodies() {
    let app = app();
    let k = "99036008007002";
    for (path, status, needle) in [
        ("/v2/locations", 400, "q is required"),
        ("/v2/locations?q=", 400, "q is required"),
        ("/v2/locations?q=x&limit=0", 400, "limit"),
        ("/v2/locations?q=x&limit=many", 400, "limit"),
        (
            &format!("/v2/servicedescriptions/leikahierarchy?leikaIds={k}"),
            400,
            "ars is required",
        ),
        (
            &format!("/v2/servicedescriptions/leikahierarchy?ars=0977&leikaIds={k}"),
            400,
            "ars: \"0977\"",
        ),
        (
            &format!("/v2/servicedescriptions/leikahierarchy?ars=09779a&leikaIds={k}"),
            400,
            "digits only",
        ),
        (
            "/v2/servicedescriptions/leikahierarchy?ars=09779",
            400,
            "leikaIds is required",
        ),
        (
            "/v2/servicedescriptions/leikahierarchy?ars=09779&leikaIds=12345678901234",
            400,
            "starts with 99",
        ),
        (
            "/v2/servicedescriptions/leikahierarchy?ars=09779&leikaIds=9903600800700",
            400,
            "14 digits",
        ),
        (
            &format!("/v2/servicedescriptions/leikahierarchy?ars=09779&leikaIds={k}&page=-1"),
            400,
            "page",
        ),
        (
            &format!("/v2/servicedescriptions/leikahierarchy?ars=09779&leikaIds={k}&size=1000"),
            400,
            "size",
        ),
        (
            &format!("/v6/servicedescriptions/{NEW_VEHICLE}/detail?ars=1"),
            400,
            "ars",
        ),
        (
            &format!("/v6/servicedescriptions/{NEW_VEHICLE}/detail?validDate=26.11.2026"),
            400,
            "validDate",
        ),
        (
            "/v2/organisationunits/titles?lbId=x",
            400,
            "ars is required",
        ),
        (
            "/v5/organisationunits/detail?ars=09779",
            400,
            "q is required",
        ),
        (
            "/v1beta2/onlineservices?leikaIds=99036008007002",
            400,
            "ars is required",
        ),
        (
            "/v1beta2/onlineservices?ars=09&nextPageToken=%2F%2F",
            400,
            "nextPageToken",
        ),
        // No hit.
        (
            "/v2/servicedescriptions/leikahierarchy?ars=09779&leikaIds=99999999999999",
            404,
            "no service description",
        ),
        (
            "/v6/servicedescriptions/L100042.LB.1/detail",
            404,
            "no service description",
        ),
        (
            &format!("/v2/organisationunits/titles?ars={NOERDLINGEN}&lbId=L100042.LB.1"),
            404,
            "no service description",
        ),
        (
            "/v5/organisationunits/detail?q=L100042.OE.868",
            404,
            "no organisation unit",
        ),
        (
            "/v5/organisationunits/detail?q=LEBENSLAGEN.OE.kfz-zulassung.097790194194",
            404,
            "no organisation unit",
        ),
        (
            "/v1beta2/onlineservices?ars=09&leikaIds=99999999999999",
            404,
            "no online service",
        ),
        ("/v9/servicedescriptions", 404, "no such endpoint"),
    ] {
        let r = get(&app, &format!("{API}{path}")).await;
        assert_eq!(r.status.as_u16(), status, "{path}: {}", r.text());
        assert_eq!(
            r.header("content-type"),
            "application/problem+json",
            "{path}"
        );
        let body: Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(body["status"], status, "{path}");
        assert_eq!(body["type"], "about:blank");
        string(&body, "title", path);
        assert!(
            string(&body, "detail", path).contains(needle),
            "{path}: {body}"
        );
        assert_eq!(r.header("access-control-allow-origin"), "*", "{path}");
        assert!(
            r.header("etag").is_empty(),
            "{path}: errors carry no validator"
        );
    }
    let r = get(&app, &format!("{API}/v5/organisationunits/detail?q=nope")).await;
    assert_eq!(
        r.header("cache-control"),
        "public, max-age=3600",
        "a no-hit is cacheable"
    );
    let r = get(&app, &format!("{API}/v2/locations")).await;
    assert_eq!(r.header("cache-control"), "no-store");
}

// ---- HTTP: caching, compression, CORS, security headers ----

#[tokio::test]
async fn answers_are_cacheable_revalidated_compressed_and_public() {
    let app = app();
    let path = format!(
        "{API}/v2/servicedescriptions/leikahierarchy?ars={NOERDLINGEN}&leikaIds={}",
        lebenslage_keys("rund-ums-fahrzeug").join(",")
    );
    let plain = get(&app, &path).await;
    assert_eq!(plain.status, 200);
    assert_eq!(plain.header("cache-control"), "public, max-age=3600");
    assert_eq!(plain.header("vary"), "Accept-Encoding, Accept-Language");
    let etag = plain.header("etag").to_string();
    assert!(
        etag.starts_with('"') && etag.ends_with('"'),
        "strong: {etag}"
    );
    assert_eq!(plain.header("content-encoding"), "");

    let again = request(&app, "GET", &path, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag"), etag);
    assert_eq!(again.header("cache-control"), "public, max-age=3600");
    let weak = request(
        &app,
        "GET",
        &path,
        &[("if-none-match", &format!("W/{etag}"))],
    )
    .await;
    assert_eq!(weak.status, 304, "If-None-Match compares weakly");
    let other = request(&app, "GET", &path, &[("if-none-match", "\"other\"")]).await;
    assert_eq!(other.status, 200);

    let br = request(&app, "GET", &path, &[("accept-encoding", "gzip, br")]).await;
    assert_eq!(br.header("content-encoding"), "br");
    assert_eq!(br.decoded(), plain.body);
    assert!(
        br.body.len() * 3 < plain.body.len(),
        "{} vs {}",
        br.body.len(),
        plain.body.len()
    );
    let br_etag = br.header("etag").to_string();
    assert_ne!(br_etag, etag, "each coding has its own validator");
    let gz = request(&app, "GET", &path, &[("accept-encoding", "gzip")]).await;
    assert_eq!(gz.header("content-encoding"), "gzip");
    assert_eq!(gz.decoded(), plain.body);
    let revalidated = request(
        &app,
        "GET",
        &path,
        &[("accept-encoding", "br"), ("if-none-match", &br_etag)],
    )
    .await;
    assert_eq!(revalidated.status, 304);

    // Public data: any origin may read it; the gateway's other headers stay.
    assert_eq!(plain.header("access-control-allow-origin"), "*");
    assert_eq!(plain.header("cross-origin-resource-policy"), "cross-origin");
    assert!(plain
        .header("access-control-expose-headers")
        .contains("ETag"));
    assert!(plain
        .header("content-security-policy")
        .starts_with("default-src 'none'"));
    assert_eq!(plain.header("x-content-type-options"), "nosniff");
    // …while the app's own responses keep CORP same-origin and no CORS.
    let page = get(&app, "/healthz").await;
    assert_eq!(page.header("cross-origin-resource-policy"), "same-origin");
    assert_eq!(page.header("access-control-allow-origin"), "");

    let head = request(&app, "HEAD", &path, &[]).await;
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(head.header("etag"), etag);
}

#[tokio::test]
async fn cors_preflights_are_answered_and_only_reads_are_allowed() {
    let app = app();
    let path = format!("{API}/v2/locations?q=86720");
    let r = request(
        &app,
        "OPTIONS",
        &path,
        &[
            ("origin", "https://www.kommune.example"),
            ("access-control-request-method", "GET"),
            (
                "access-control-request-headers",
                "pvog-sud-api-client-id, accept-language",
            ),
        ],
    )
    .await;
    assert_eq!(r.status, 204);
    assert_eq!(r.header("access-control-allow-origin"), "*");
    assert!(r.header("access-control-allow-methods").contains("GET"));
    let allowed = r.header("access-control-allow-headers");
    for h in ["pvog-sud-api-client-id", "accept-language", "if-none-match"] {
        assert!(allowed.contains(h), "{h} in {allowed}");
    }
    assert_eq!(r.header("cross-origin-resource-policy"), "cross-origin");

    for method in ["POST", "PUT", "DELETE"] {
        let r = request(&app, method, &path, &[]).await;
        assert_eq!(r.status, 405, "{method}");
        assert!(r.header("allow").contains("GET"), "{method}");
    }
    // The client id header of a real PVOG client is accepted and ignored.
    let r = request(
        &app,
        "GET",
        &path,
        &[(
            "pvog-sud-api-client-id",
            "99155224-c3f8-45f1-b1e6-fe8650ddc593",
        )],
    )
    .await;
    assert_eq!(r.status, 200);
}

// ---- configuration ----

#[test]
fn a_missing_or_broken_dataset_stops_the_gateway_with_one_line() {
    let tmp = fake_build();
    let dist = tmp.path().join("dist");
    let broken = TempDir::new();
    std::fs::write(broken.path().join("municipalities.json"), "{\"format\":1,").unwrap();
    let wrong_format = TempDir::new();
    std::fs::write(
        wrong_format.path().join("municipalities.json"),
        r#"{"format":2,"stand":"","quellen":[],"gemeinden":[]}"#,
    )
    .unwrap();
    std::fs::write(
        wrong_format.path().join("leistungen.json"),
        r#"{"format":1,"quellen":[],"leistungen":[],"onlinedienste":[]}"#,
    )
    .unwrap();
    for (data, problem) in [
        ("/nonexistent/data".to_string(), "is not a directory"),
        (
            broken.path().display().to_string(),
            "municipalities.json is not a valid dataset file",
        ),
        (
            wrong_format.path().display().to_string(),
            "municipalities.json has format 2",
        ),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_gateway"))
            .env_clear()
            .env("LEBENSLAGEN_DIST", &dist)
            .env("LEBENSLAGEN_LISTEN", "127.0.0.1:0")
            .env("LEBENSLAGEN_DATA", &data)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{data}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr:?}");
        assert!(
            stderr.contains(&format!("invalid LEBENSLAGEN_DATA={data:?}: {problem}")),
            "{stderr}"
        );
        assert!(output.stdout.is_empty());
    }
}

//! Realistic PVOG Suchdienst payloads (modelled field by field on the reference) parse, keep
//! what matters, drop what is malformed, and survive a serialise/parse round trip.

use model::pvog::*;
use model::{Ars, Lang, LeikaKey, TextModule};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/pvog/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn round_trip<T>(value: &T) -> T
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, value, "round trip of {json}");
    back
}

#[test]
fn locations() {
    let locations: Vec<Location> = serde_json::from_str(&fixture("locations_v2.json")).unwrap();
    assert_eq!(locations.len(), 3);
    assert_eq!(locations[0].ars(), Some(Ars::parse("097790194194").unwrap()));
    assert_eq!(locations[0].zip.as_deref(), Some("86720"));
    assert_eq!(
        locations[1].zip.as_deref(),
        Some("86757"),
        "numeric postcode read as text"
    );
    assert_eq!(locations[1].zip_code_count, Some(1), "numeric string read as number");
    assert_eq!(locations[2].ars(), None);
    round_trip(&locations);
}

#[test]
fn leikahierarchy_page() {
    let page: Page<ServiceDescription> = serde_json::from_str(&fixture("leikahierarchy_v2.json")).unwrap();
    assert_eq!(page.total_elements, Some(1));
    let sd = &page.content[0];
    assert_eq!(
        sd.leika_keys(),
        vec![
            LeikaKey::parse("99088001000000").unwrap(),
            LeikaKey::parse("99085001012000").unwrap()
        ],
        "the invalid key is skipped"
    );
    assert_eq!(sd.locality(), 5, "most local area is the Kreis");
    assert_eq!(sd.details.len(), 6, "the string entry is dropped");
    assert!(sd.module(&TextModule::Fristen).is_none(), "placeholders are skipped");
    assert_eq!(sd.module(&TextModule::Kosten).unwrap().details.len(), 2);
    assert_eq!(
        sd.module(&TextModule::Hinweise).unwrap().code.as_deref(),
        Some("16"),
        "numeric code read as text"
    );
    assert_eq!(
        sd.module(&TextModule::Other("93".into())).unwrap().date.as_deref(),
        Some("2024-01-15")
    );
    assert_eq!(sd.organisation_ids, vec!["L100042.OE.2292"]);
    round_trip(&page);
}

#[test]
fn detail_v6() {
    let sd: ServiceDescription = serde_json::from_str(&fixture("servicedescription_detail_v6.json")).unwrap();
    assert_eq!(sd.organisations.len(), 3);
    assert_eq!(
        sd.organisations[0].role.as_ref().unwrap().name.as_deref(),
        Some("zuständige Stelle")
    );
    assert_eq!(
        sd.organisations[1].role.as_ref().unwrap().name.as_deref(),
        Some("Ansprechpunkt"),
        "role as a string"
    );
    assert_eq!(sd.organisations[2].role, None);
    assert!(sd.source_portals.is_empty(), "null list is empty");
    round_trip(&sd);
}

#[test]
fn organisation_units() {
    let titles: Vec<OrganisationUnitTitle> =
        serde_json::from_str(&fixture("organisationunits_titles_v2.json")).unwrap();
    assert_eq!(titles[0].title.as_deref(), Some("Landratsamt Donau-Ries"));
    assert_eq!(titles[1].role.as_ref().unwrap().name.as_deref(), Some("Ansprechpunkt"));
    round_trip(&titles);

    let official: OrganisationUnitDetail =
        serde_json::from_str(&fixture("organisationunits_detail_v5_official.json")).unwrap();
    assert_eq!(official.id.as_deref(), Some("L100042.OE.868"));
    assert_eq!(official.title.as_deref(), Some("Landgericht München I"));
    assert_eq!(official.role, Some(Default::default()));
    round_trip(&official);

    let rich: OrganisationUnitDetail = serde_json::from_str(&fixture("organisationunits_detail_v5_rich.json")).unwrap();
    assert_eq!(rich.employees.len(), 1, "the number entry is dropped");
    assert_eq!(rich.location.as_ref().unwrap().zip_code.as_deref(), Some("86609"));
    assert_eq!(rich.communication_systems[1].kind.as_deref(), Some("email"));
    round_trip(&rich);
}

#[test]
fn online_services() {
    let os: OnlineServices = serde_json::from_str(&fixture("onlineservices_v1beta2.json")).unwrap();
    assert_eq!(os.total_hits, Some(2));
    assert_eq!(os.next_page_token.as_deref(), Some("abc123"));
    assert_eq!(os.onlineservices[0].service_descriptions[0].ars, vec!["097790000000"]);
    assert_eq!(os.onlineservices[1].trust_level.as_deref(), Some("hoch"));
    round_trip(&os);
}

#[test]
fn empty_and_hostile_payloads_do_not_fail() {
    let sd: ServiceDescription = serde_json::from_str("{}").unwrap();
    assert!(sd.details.is_empty());
    let sd: ServiceDescription =
        serde_json::from_str(r#"{"details": "nope", "leikakeys": null, "ars": [1, "09"], "name": 5}"#).unwrap();
    assert_eq!(sd.areas(), vec![Ars::parse("09").unwrap()]);
    assert_eq!(sd.name.as_deref(), Some("5"));
    let page: Page<Location> = serde_json::from_str(r#"{"content": null}"#).unwrap();
    assert!(page.content.is_empty());
    let os: OnlineServices = serde_json::from_str(r#"{"onlineservices": [null, {"id": "x"}]}"#).unwrap();
    assert_eq!(os.onlineservices.len(), 1);
    assert!(
        serde_json::from_str::<ServiceDescription>("\"text\"").is_err(),
        "a string is not a description"
    );
}

#[test]
fn mirror_shapes_from_our_types() {
    let unit = model::Organisationseinheit {
        id: "LEBENSLAGEN.OE.standesamt.097790194194".into(),
        name: model::Localized::new("Standesamt Nördlingen", "Registry office Nördlingen"),
        ebene: Some(model::Verwaltungsebene::Gemeinde),
        gebiet: Some(Ars::parse("097790194194").unwrap()),
        anschrift: None,
        kontakt: vec![],
        oeffnungszeiten: None,
        sample: true,
    };
    let title = OrganisationUnitTitle::from_unit(&unit, Lang::En);
    assert_eq!(title.title.as_deref(), Some("Registry office Nördlingen"));
    let detail = OrganisationUnitDetail::from_unit(&unit, Lang::De);
    round_trip(&detail);
}

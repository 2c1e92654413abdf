//! Serde shapes of the PVOG Suchdienst responses the project serves (gateway mirror) and
//! consumes (app federation client).
//!
//! Every field is optional or defaults to empty, unknown fields are ignored, and list items of
//! an unexpected shape are dropped rather than failing the whole response: the federation's
//! payloads are sparse and grow. Shapes follow `shared/reference/portalverbund-apis.md` §1.4–1.6;
//! fields marked [I] there are inferred and modelled the same tolerant way.
//!
//! | path | type |
//! |---|---|
//! | `GET /v2/locations?q=` | `Vec<Location>` |
//! | `GET /v2/servicedescriptions/leikahierarchy?ars=&leikaIds=` | `Page<ServiceDescription>` |
//! | `GET /v6/servicedescriptions/{id}/detail?ars=` | `ServiceDescription` |
//! | `GET /v2/organisationunits/titles?ars=&lbId=` | `Vec<OrganisationUnitTitle>` |
//! | `GET /v5/organisationunits/detail?q=&ars=` | `OrganisationUnitDetail` |
//! | `GET /v1beta2/onlineservices?ars=&leikaIds=` | `OnlineServices` |

use serde::de::{Deserializer, IgnoredAny};
use serde::{Deserialize, Serialize};

use crate::ars::Ars;
use crate::gebiet::Gemeinde;
use crate::lang::Lang;
use crate::leika::LeikaKey;
use crate::leistung::Leistung;
use crate::organisation::{KontaktArt, Onlinedienst, Organisationseinheit};
use crate::text::TextModule;

/// Tolerant deserialisers.
mod lenient {
    use super::*;

    /// A list; `null` or a non-list is empty, items of another shape are dropped.
    pub fn vec<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Item<T> {
            Ok(T),
            Other(IgnoredAny),
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum List<T> {
            List(Vec<Item<T>>),
            Other(IgnoredAny),
        }
        Ok(match Option::<List<T>>::deserialize(d)? {
            Some(List::List(items)) => items
                .into_iter()
                .filter_map(|i| match i {
                    Item::Ok(t) => Some(t),
                    Item::Other(_) => None,
                })
                .collect(),
            _ => Vec::new(),
        })
    }

    /// A string; numbers become their decimal text, anything else `None`.
    pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum S {
            Str(String),
            U(u64),
            I(i64),
            F(f64),
            Other(IgnoredAny),
        }
        Ok(match Option::<S>::deserialize(d)? {
            Some(S::Str(s)) => Some(s),
            Some(S::U(n)) => Some(n.to_string()),
            Some(S::I(n)) => Some(n.to_string()),
            Some(S::F(n)) => Some(n.to_string()),
            _ => None,
        })
    }

    /// A number; numeric strings are read, anything else `None`.
    pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum N {
            U(u64),
            Str(String),
            Other(IgnoredAny),
        }
        Ok(match Option::<N>::deserialize(d)? {
            Some(N::U(n)) => Some(n),
            Some(N::Str(s)) => s.trim().parse().ok(),
            _ => None,
        })
    }

    /// A boolean; anything else is `false`.
    pub fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum B {
            B(bool),
            Other(IgnoredAny),
        }
        Ok(matches!(Option::<B>::deserialize(d)?, Some(B::B(true))))
    }

    /// Any of these for a sub-object: the object, or `None`.
    pub fn object<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum O<T> {
            Ok(T),
            Other(IgnoredAny),
        }
        Ok(match Option::<O<T>>::deserialize(d)? {
            Some(O::Ok(t)) => Some(t),
            _ => None,
        })
    }
}

/// `GET /v2/locations` item: a place with its keys.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Location {
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub ars: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub ags: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `/v3/locations` names the municipality here.
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub gemeinde: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    #[serde(deserialize_with = "lenient::number", skip_serializing_if = "Option::is_none")]
    pub zip_code_count: Option<u64>,
}

impl Location {
    /// The ARS, when present and valid.
    pub fn ars(&self) -> Option<Ars> {
        self.ars.as_deref().and_then(|s| Ars::parse(s.trim()).ok())
    }

    /// The entry the gateway mirror serves for a municipality; `zip` is the given postcode
    /// (the one searched for) or the seat postcode.
    pub fn from_gemeinde(g: &Gemeinde, zip: Option<&str>) -> Location {
        Location {
            ars: Some(g.ars.to_string()),
            ags: Some(g.ags.clone()),
            name: Some(g.name.clone()),
            gemeinde: None,
            zip: zip
                .map(str::to_string)
                .or_else(|| g.sitz_plz.clone())
                .or_else(|| g.plz.first().cloned()),
            zip_code_count: Some(g.plz.len() as u64),
        }
    }
}

/// A Spring Data page: `{content, totalElements, totalPages, number, size}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", bound(deserialize = "T: Deserialize<'de>"))]
pub struct Page<T> {
    #[serde(default, deserialize_with = "lenient::vec")]
    pub content: Vec<T>,
    #[serde(
        default,
        deserialize_with = "lenient::number",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_elements: Option<u64>,
    #[serde(
        default,
        deserialize_with = "lenient::number",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_pages: Option<u64>,
    #[serde(
        default,
        deserialize_with = "lenient::number",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<u64>,
    #[serde(
        default,
        deserialize_with = "lenient::number",
        skip_serializing_if = "Option::is_none"
    )]
    pub size: Option<u64>,
}

impl<T> Page<T> {
    /// One page holding everything.
    pub fn single(content: Vec<T>) -> Page<T> {
        let n = content.len() as u64;
        Page {
            content,
            total_elements: Some(n),
            total_pages: Some(1),
            number: Some(0),
            size: Some(n.max(1)),
        }
    }
}

/// A link `{title, uri}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PvogLink {
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}

/// A sub-entry of a text module (e.g. one fee line of code 98).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubDetail {
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A text module of a service description (`details[]`). `text` is HTML.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DetailModule {
    #[serde(deserialize_with = "lenient::string")]
    pub code: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Placeholder texts ("nicht angegeben", "-") that clients drop.
    #[serde(deserialize_with = "lenient::boolean")]
    pub placeholder: bool,
    #[serde(deserialize_with = "lenient::vec", skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<PvogLink>,
    #[serde(deserialize_with = "lenient::vec", skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<SubDetail>,
    /// Set on code 93 (fachlich freigegeben am).
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl DetailModule {
    pub fn module(&self) -> TextModule {
        TextModule::from_code(self.code.as_deref().unwrap_or(""))
    }
}

/// A role `{name}`; some responses send the name as a plain string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Role {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Default, Deserialize)]
        #[serde(default)]
        struct Obj {
            #[serde(deserialize_with = "lenient::string")]
            name: Option<String>,
            #[serde(deserialize_with = "lenient::string")]
            code: Option<String>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum R {
            Text(String),
            Obj(Obj),
            Other(IgnoredAny),
        }
        Ok(match R::deserialize(d)? {
            R::Text(name) => Role {
                name: Some(name),
                code: None,
            },
            R::Obj(o) => Role {
                name: o.name,
                code: o.code,
            },
            R::Other(_) => Role::default(),
        })
    }
}

/// An organisation as listed in a service detail.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganisationRef {
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(deserialize_with = "lenient::object", skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

/// A service description: an item of `leikahierarchy`, or a `v6 …/detail` response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ServiceDescription {
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient::vec")]
    pub leikakeys: Vec<String>,
    /// Validity areas.
    #[serde(deserialize_with = "lenient::vec")]
    pub ars: Vec<String>,
    #[serde(deserialize_with = "lenient::vec")]
    pub details: Vec<DetailModule>,
    #[serde(deserialize_with = "lenient::vec", skip_serializing_if = "Vec::is_empty")]
    pub online_service_links: Vec<PvogLink>,
    #[serde(deserialize_with = "lenient::vec", skip_serializing_if = "Vec::is_empty")]
    pub organisation_ids: Vec<String>,
    /// Detail responses only.
    #[serde(deserialize_with = "lenient::vec", skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<OrganisationRef>,
    #[serde(deserialize_with = "lenient::vec", skip_serializing_if = "Vec::is_empty")]
    pub source_portals: Vec<PvogLink>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub external_last_update: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub last_update: Option<String>,
}

impl ServiceDescription {
    /// The valid LeiKa keys (invalid entries are skipped).
    pub fn leika_keys(&self) -> Vec<LeikaKey> {
        self.leikakeys
            .iter()
            .filter_map(|k| LeikaKey::from_urn_or_plain(k.trim()).ok())
            .collect()
    }

    /// The valid validity areas.
    pub fn areas(&self) -> Vec<Ars> {
        self.ars.iter().filter_map(|a| Ars::parse(a.trim()).ok()).collect()
    }

    /// The most local validity area's prefix length (longer = more local); 0 when none.
    pub fn locality(&self) -> usize {
        self.areas().iter().map(Ars::prefix_len).max().unwrap_or(0)
    }

    /// The first non-placeholder module with this code.
    pub fn module(&self, module: &TextModule) -> Option<&DetailModule> {
        self.details.iter().find(|d| !d.placeholder && &d.module() == module)
    }

    /// The shape the gateway mirror serves for a curated service in `lang`.
    pub fn from_leistung(l: &Leistung, lang: Lang, organisations: &[Organisationseinheit]) -> ServiceDescription {
        let details = TextModule::DISPLAY_ORDER
            .iter()
            .filter_map(|m| l.texte.get(m).map(|t| (m, t)))
            .map(|(m, t)| DetailModule {
                code: Some(m.code().to_string()),
                text: Some(t.get(lang).to_string()),
                ..DetailModule::default()
            })
            .collect();
        let role = l.zustaendigkeit.as_ref().map(|_| Role {
            name: Some("zuständige Stelle".into()),
            code: None,
        });
        ServiceDescription {
            id: Some(l.id.clone()),
            name: Some(l.name.get(lang).to_string()),
            leikakeys: l.leika.iter().map(|k| k.to_string()).collect(),
            ars: l.gueltigkeit.iter().map(|a| a.to_string()).collect(),
            details,
            organisation_ids: organisations.iter().map(|o| o.id.clone()).collect(),
            organisations: organisations
                .iter()
                .map(|o| OrganisationRef {
                    id: Some(o.id.clone()),
                    title: Some(o.name.get(lang).to_string()),
                    role: role.clone(),
                })
                .collect(),
            ..ServiceDescription::default()
        }
    }
}

/// `GET /v2/organisationunits/titles` item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganisationUnitTitle {
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(deserialize_with = "lenient::object", skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

impl OrganisationUnitTitle {
    pub fn from_unit(o: &Organisationseinheit, lang: Lang) -> OrganisationUnitTitle {
        OrganisationUnitTitle {
            id: Some(o.id.clone()),
            title: Some(o.name.get(lang).to_string()),
            role: Some(Role {
                name: Some("zuständige Stelle".into()),
                code: None,
            }),
        }
    }
}

/// Address of a unit [I: field names inferred].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OeLocation {
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub house_number: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub zip_code: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
}

/// A phone number, e-mail address, … of a unit [I].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CommunicationSystem {
    #[serde(
        rename = "type",
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub kind: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// An employee / contact person [I].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Employee {
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A bank account of a unit [I].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BankAccount {
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub iban: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub bic: Option<String>,
}

/// `GET /v5/organisationunits/detail`: official sample `{"id","languages","lastUpdate",
/// "languageComplete","title","forms","employees","additionalInformation","bankAccounts",
/// "location","communicationSystems","role"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OrganisationUnitDetail {
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(deserialize_with = "lenient::vec")]
    pub languages: Vec<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub last_update: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(deserialize_with = "lenient::vec")]
    pub forms: Vec<PvogLink>,
    #[serde(deserialize_with = "lenient::vec")]
    pub employees: Vec<Employee>,
    #[serde(deserialize_with = "lenient::vec")]
    pub additional_information: Vec<SubDetail>,
    #[serde(deserialize_with = "lenient::vec")]
    pub bank_accounts: Vec<BankAccount>,
    #[serde(deserialize_with = "lenient::object", skip_serializing_if = "Option::is_none")]
    pub location: Option<OeLocation>,
    #[serde(deserialize_with = "lenient::vec")]
    pub communication_systems: Vec<CommunicationSystem>,
    #[serde(deserialize_with = "lenient::object", skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

impl OrganisationUnitDetail {
    pub fn from_unit(o: &Organisationseinheit, lang: Lang) -> OrganisationUnitDetail {
        let location = o.anschrift.as_ref().map(|a| OeLocation {
            street: a.strasse.clone(),
            house_number: a.hausnummer.clone(),
            zip_code: a.plz.clone(),
            city: a.ort.clone(),
        });
        let communication_systems = o
            .kontakt
            .iter()
            .map(|k| CommunicationSystem {
                kind: Some(
                    match k.art {
                        KontaktArt::Telefon => "phone",
                        KontaktArt::Fax => "fax",
                        KontaktArt::Email => "email",
                        KontaktArt::Web => "web",
                        KontaktArt::Sonstiges => "other",
                    }
                    .to_string(),
                ),
                value: Some(k.wert.clone()),
            })
            .collect();
        OrganisationUnitDetail {
            id: Some(o.id.clone()),
            languages: vec![lang.code().to_string()],
            title: Some(o.name.get(lang).to_string()),
            location,
            communication_systems,
            role: Some(Role {
                name: Some("Ansprechpunkt".into()),
                code: None,
            }),
            ..OrganisationUnitDetail::default()
        }
    }
}

/// A service a `v1beta2` online service handles, with its areas.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OnlineServiceDescriptionRef {
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(deserialize_with = "lenient::vec", skip_serializing_if = "Vec::is_empty")]
    pub leikakeys: Vec<String>,
    #[serde(deserialize_with = "lenient::vec")]
    pub ars: Vec<String>,
}

/// A `v1beta2` online service.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OnlineService {
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient::vec")]
    pub links: Vec<PvogLink>,
    #[serde(deserialize_with = "lenient::vec")]
    pub service_descriptions: Vec<OnlineServiceDescriptionRef>,
    /// Lebenslagen extension (not a PVOG field): the required trust level in our spelling
    /// (`basisregistrierung`, `substanziell`, `hoch`). PVOG's own field is not documented.
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub trust_level: Option<String>,
}

impl OnlineService {
    pub fn from_onlinedienst(o: &Onlinedienst, lang: Lang) -> OnlineService {
        OnlineService {
            id: Some(o.id.clone()),
            name: Some(o.name.get(lang).to_string()),
            links: o
                .links
                .iter()
                .map(|l| PvogLink {
                    title: l.titel.as_ref().map(|t| t.get(lang).to_string()),
                    uri: Some(l.uri.clone()),
                })
                .collect(),
            service_descriptions: vec![OnlineServiceDescriptionRef {
                id: None,
                leikakeys: o.leika.iter().map(|k| k.to_string()).collect(),
                ars: o.gebiet.iter().map(|a| a.to_string()).collect(),
            }],
            trust_level: o.vertrauensniveau.as_ref().map(|t| t.as_str().to_string()),
        }
    }
}

/// `GET /v1beta2/onlineservices`: `{totalHits, onlineservices, nextPageToken}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OnlineServices {
    #[serde(deserialize_with = "lenient::number", skip_serializing_if = "Option::is_none")]
    pub total_hits: Option<u64>,
    #[serde(rename = "onlineservices", deserialize_with = "lenient::vec")]
    pub onlineservices: Vec<OnlineService>,
    #[serde(deserialize_with = "lenient::string", skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

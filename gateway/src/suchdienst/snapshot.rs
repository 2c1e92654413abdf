//! The shipped dataset (`data/generated/`) served under Suchdienst paths and shapes.
//!
//! Loaded once at startup into memory with the indexes the lookups need; every answer is a
//! pure function of the request and the language. The PVOG shapes come from `model::pvog`;
//! what the model lacks (the `sample` flag, the Kreis of a place) is added as extension fields.

use std::collections::HashMap;
use std::path::Path;

use model::pvog::{
    Location, OnlineService, OrganisationUnitDetail, OrganisationUnitTitle, Page, PvogLink, Role,
    ServiceDescription,
};
use model::snapshot::{Gemeindeverzeichnis, Leistungen, FORMAT};
use model::{Ars, Gemeinde, Lang, LeikaKey, Leistung, Organisationseinheit};
use serde::Serialize;

use super::params::Request;
use super::places::Places;
use super::response::Problem;

/// The role PVOG gives the unit responsible for a service, and any unit asked for alone.
const ROLE_RESPONSIBLE: &str = "zuständige Stelle";
const ROLE_CONTACT: &str = "Ansprechpunkt";

pub struct Snapshot {
    verzeichnis: Gemeindeverzeichnis,
    leistungen: Leistungen,
    places: Places,
    /// Service description id → index.
    by_id: HashMap<String, usize>,
    /// LeiKa key → every description carrying it.
    by_key: HashMap<LeikaKey, Vec<usize>>,
    /// Kind of office (`Stelle` id) → descriptions whose rule names it.
    by_stelle: HashMap<String, Vec<usize>>,
}

/// An item with the extension flag `sample` (derived or unconfirmed data).
#[derive(Serialize)]
struct Sample<T: Serialize> {
    #[serde(flatten)]
    item: T,
    sample: bool,
}

/// A `locations` item with the extension fields that tell equally named places apart.
#[derive(Serialize)]
struct Place<'a> {
    #[serde(flatten)]
    location: Location,
    kreis: &'a str,
    land: &'a str,
}

impl Snapshot {
    /// Reads `municipalities.json` and `leistungen.json` from `dir`. The error is one line
    /// (what is wrong with which file), for the configuration error of `LEBENSLAGEN_DATA`.
    pub fn load(dir: &Path) -> Result<Snapshot, String> {
        if !dir.is_dir() {
            return Err("is not a directory (run from the repository root, or point this at data/generated)".into());
        }
        let verzeichnis: Gemeindeverzeichnis = read(dir, "municipalities.json")?;
        let leistungen: Leistungen = read(dir, "leistungen.json")?;
        for (file, format) in [
            ("municipalities.json", verzeichnis.format),
            ("leistungen.json", leistungen.format),
        ] {
            if format != FORMAT {
                return Err(format!(
                    "{file} has format {format}, this gateway reads format {FORMAT}"
                ));
            }
        }
        if verzeichnis.gemeinden.is_empty() {
            return Err("municipalities.json lists no municipality".into());
        }
        if !verzeichnis
            .gemeinden
            .windows(2)
            .all(|w| w[0].ars < w[1].ars)
        {
            return Err("municipalities.json is not sorted by ARS without duplicates".into());
        }
        let mut by_id = HashMap::new();
        let mut by_key: HashMap<LeikaKey, Vec<usize>> = HashMap::new();
        let mut by_stelle: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, l) in leistungen.leistungen.iter().enumerate() {
            if by_id.insert(l.id.clone(), i).is_some() {
                return Err(format!("leistungen.json has the id {:?} twice", l.id));
            }
            for key in &l.leika {
                by_key.entry(*key).or_default().push(i);
            }
            if let Some(z) = &l.zustaendigkeit {
                by_stelle.entry(z.stelle.id.clone()).or_default().push(i);
            }
        }
        let places = Places::new(&verzeichnis.gemeinden);
        Ok(Snapshot {
            verzeichnis,
            leistungen,
            places,
            by_id,
            by_key,
            by_stelle,
        })
    }

    pub fn municipalities(&self) -> usize {
        self.verzeichnis.gemeinden.len()
    }

    pub fn services(&self) -> usize {
        self.leistungen.leistungen.len()
    }

    /// The JSON answer to a validated request.
    pub fn answer(&self, request: &Request, lang: Lang) -> Result<Vec<u8>, Problem> {
        match request {
            Request::Locations { q, limit } => self.locations(q, *limit),
            Request::LeikaHierarchy {
                ars,
                keys,
                page,
                size,
            } => self.leikahierarchy(ars, keys, *page, *size, lang),
            Request::ServiceDetail { id, ars } => self.detail(id, ars.as_ref(), lang),
            Request::OrganisationUnitTitles { ars, lb_id } => {
                self.titles(ars, lb_id.as_deref(), lang)
            }
            Request::OrganisationUnitDetail { q, lb_id, .. } => {
                self.unit_detail(q, lb_id.as_deref(), lang)
            }
            Request::OnlineServices {
                ars,
                keys,
                offset,
                page_size,
            } => self.online_services(ars, keys, *offset, *page_size, lang),
        }
    }

    fn locations(&self, q: &str, limit: usize) -> Result<Vec<u8>, Problem> {
        let gemeinden = &self.verzeichnis.gemeinden;
        let places: Vec<Place> = self
            .places
            .search(gemeinden, q, limit)
            .into_iter()
            .map(|hit| {
                let g = &gemeinden[hit.gemeinde];
                Place {
                    location: Location::from_gemeinde(g, hit.zip.as_deref()),
                    kreis: &g.kreis,
                    land: &g.land,
                }
            })
            .collect();
        to_json(&places)
    }

    /// The description of `key` valid at `ars` with the most local validity area (PVOG: the
    /// longest ARS prefix wins; on a tie the first in the dataset).
    fn best(&self, key: &LeikaKey, ars: &Ars) -> Option<&Leistung> {
        let mut best: Option<(usize, &Leistung)> = None;
        for &i in self.by_key.get(key)? {
            let l = &self.leistungen.leistungen[i];
            let locality = l
                .gueltigkeit
                .iter()
                .filter(|area| ars.is_within(area))
                .map(Ars::prefix_len)
                .max();
            if let Some(locality) = locality {
                if best.is_none_or(|(b, _)| locality > b) {
                    best = Some((locality, l));
                }
            }
        }
        best.map(|(_, l)| l)
    }

    /// A municipality inside `area` (the area itself if it is one), as the representative for
    /// rules that depend only on the Land, Kreis and Verband.
    fn representative(&self, area: &Ars) -> Option<&Gemeinde> {
        if let Some(g) = self.verzeichnis.gemeinde(area) {
            return Some(g);
        }
        let list = &self.verzeichnis.gemeinden;
        let i = list.partition_point(|g| g.ars < *area);
        list.get(i).filter(|g| g.ars.is_within(area))
    }

    /// The unit responsible for `l` for everybody in `ars`: resolved for a municipality, or
    /// for a larger area when one unit serves all of it (e.g. the Kreis' Zulassungsstelle for
    /// `ars=09779`). `None` when the service has no rule or the area is split between units.
    fn unit(&self, l: &Leistung, ars: &Ars) -> Option<Organisationseinheit> {
        let rule = l.zustaendigkeit.as_ref()?;
        let unit = rule.resolve(self.representative(ars)?);
        unit.gebiet
            .is_none_or(|gebiet| ars.is_within(&gebiet))
            .then_some(unit)
    }

    fn online_links(&self, l: &Leistung, ars: &Ars, lang: Lang) -> Vec<PvogLink> {
        self.leistungen
            .onlinedienste
            .iter()
            .filter(|o| l.onlinedienste.contains(&o.id) && o.offered_at(ars))
            .flat_map(|o| {
                o.links.iter().map(move |link| PvogLink {
                    title: Some(
                        link.titel
                            .as_ref()
                            .map_or_else(|| o.name.get(lang), |t| t.get(lang))
                            .to_string(),
                    ),
                    uri: Some(link.uri.clone()),
                })
            })
            .collect()
    }

    /// A description as `leikahierarchy` lists it: no `organisations` (detail only), but the
    /// ids of the responsible units and the online-service links for the place.
    fn description(&self, l: &Leistung, ars: &Ars, lang: Lang) -> ServiceDescription {
        let units: Vec<Organisationseinheit> = self.unit(l, ars).into_iter().collect();
        let mut sd = ServiceDescription::from_leistung(l, lang, &units);
        sd.organisations.clear();
        sd.online_service_links = self.online_links(l, ars, lang);
        sd
    }

    fn leikahierarchy(
        &self,
        ars: &Ars,
        keys: &[LeikaKey],
        page: usize,
        size: usize,
        lang: Lang,
    ) -> Result<Vec<u8>, Problem> {
        let mut found: Vec<&Leistung> = Vec::new();
        for key in keys {
            if let Some(l) = self.best(key, ars) {
                if !found.iter().any(|f| f.id == l.id) {
                    found.push(l);
                }
            }
        }
        if found.is_empty() {
            return Err(Problem::not_found(
                "no service description for these LeiKa keys at this place",
            ));
        }
        let total = found.len();
        let content: Vec<ServiceDescription> = found
            .into_iter()
            .skip(page.saturating_mul(size))
            .take(size)
            .map(|l| self.description(l, ars, lang))
            .collect();
        to_json(&Page {
            content,
            total_elements: Some(total as u64),
            total_pages: Some(total.div_ceil(size) as u64),
            number: Some(page as u64),
            size: Some(size as u64),
        })
    }

    fn detail(&self, id: &str, ars: Option<&Ars>, lang: Lang) -> Result<Vec<u8>, Problem> {
        let l = self
            .by_id
            .get(id)
            .map(|&i| &self.leistungen.leistungen[i])
            .ok_or_else(|| Problem::not_found("no service description with this id"))?;
        let sd = match ars {
            Some(ars) => {
                let units: Vec<Organisationseinheit> = self.unit(l, ars).into_iter().collect();
                let mut sd = ServiceDescription::from_leistung(l, lang, &units);
                sd.online_service_links = self.online_links(l, ars, lang);
                sd
            }
            None => ServiceDescription::from_leistung(l, lang, &[]),
        };
        to_json(&sd)
    }

    fn titles(&self, ars: &Ars, lb_id: Option<&str>, lang: Lang) -> Result<Vec<u8>, Problem> {
        let services: Vec<&Leistung> = match lb_id {
            Some(id) => {
                let l = self
                    .by_id
                    .get(id)
                    .map(|&i| &self.leistungen.leistungen[i])
                    .ok_or_else(|| Problem::not_found("no service description with this id"))?;
                vec![l]
            }
            None => self.leistungen.leistungen.iter().collect(),
        };
        let mut units: Vec<Organisationseinheit> = Vec::new();
        for l in services {
            if let Some(unit) = self.unit(l, ars) {
                if !units.iter().any(|u| u.id == unit.id) {
                    units.push(unit);
                }
            }
        }
        if units.is_empty() {
            return Err(Problem::not_found(
                "no responsible organisation unit for this place",
            ));
        }
        let titles: Vec<Sample<OrganisationUnitTitle>> = units
            .iter()
            .map(|u| Sample {
                item: OrganisationUnitTitle::from_unit(u, lang),
                sample: u.sample,
            })
            .collect();
        to_json(&titles)
    }

    /// A unit by its id `LEBENSLAGEN.OE.<stelle>.<ARS of its area>`: resolved again from the
    /// rules naming that kind of office, for a municipality of its area.
    fn find_unit(&self, id: &str, lb_id: Option<&str>) -> Option<Organisationseinheit> {
        let rest = id.strip_prefix("LEBENSLAGEN.OE.")?;
        let (stelle, area) = rest.rsplit_once('.')?;
        if area.len() != 12 {
            return None;
        }
        let area = Ars::parse(area).ok()?;
        let g = self.representative(&area)?;
        let candidates: Vec<usize> = match lb_id {
            Some(lb_id) => vec![*self.by_id.get(lb_id)?],
            None => self.by_stelle.get(stelle)?.clone(),
        };
        candidates.into_iter().find_map(|i| {
            let rule = self.leistungen.leistungen[i].zustaendigkeit.as_ref()?;
            let unit = rule.resolve(g);
            (unit.id == id).then_some(unit)
        })
    }

    fn unit_detail(&self, q: &str, lb_id: Option<&str>, lang: Lang) -> Result<Vec<u8>, Problem> {
        let unit = self
            .find_unit(q, lb_id)
            .ok_or_else(|| Problem::not_found("no organisation unit with this id"))?;
        let mut detail = OrganisationUnitDetail::from_unit(&unit, lang);
        // PVOG: without lbId the role is "Ansprechpunkt"; for a service, the unit's role in it.
        let role = if lb_id.is_some() {
            ROLE_RESPONSIBLE
        } else {
            ROLE_CONTACT
        };
        detail.role = Some(Role {
            name: Some(role.into()),
            code: None,
        });
        // Every key of the official sample, as there: objects present even when empty.
        let mut value = serde_json::to_value(&detail).unwrap_or_default();
        if let Some(object) = value.as_object_mut() {
            for key in ["location", "languageComplete"] {
                object
                    .entry(key)
                    .or_insert_with(|| serde_json::Value::Object(Default::default()));
            }
            object.insert("sample".into(), serde_json::Value::Bool(unit.sample));
        }
        to_json(&value)
    }

    fn online_services(
        &self,
        ars: &Ars,
        keys: &[LeikaKey],
        offset: usize,
        page_size: usize,
        lang: Lang,
    ) -> Result<Vec<u8>, Problem> {
        let matching: Vec<_> = self
            .leistungen
            .onlinedienste
            .iter()
            .filter(|o| o.offered_at(ars))
            .filter(|o| keys.is_empty() || o.leika.iter().any(|k| keys.contains(k)))
            .collect();
        if matching.is_empty() {
            return Err(Problem::not_found(
                "no online service for these LeiKa keys at this place",
            ));
        }
        let total = matching.len();
        let end = offset.saturating_add(page_size);
        let page: Vec<Sample<OnlineService>> = matching
            .into_iter()
            .skip(offset)
            .take(page_size)
            .map(|o| Sample {
                item: OnlineService::from_onlinedienst(o, lang),
                sample: o.sample,
            })
            .collect();
        // `model::pvog::OnlineServices` with items that carry the `sample` extension.
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Answer<T: Serialize> {
            total_hits: u64,
            onlineservices: Vec<T>,
            #[serde(skip_serializing_if = "Option::is_none")]
            next_page_token: Option<String>,
        }
        to_json(&Answer {
            total_hits: total as u64,
            onlineservices: page,
            next_page_token: (end < total).then(|| end.to_string()),
        })
    }
}

fn read<T: serde::de::DeserializeOwned>(dir: &Path, file: &str) -> Result<T, String> {
    let bytes = std::fs::read(dir.join(file)).map_err(|e| format!("{file} cannot be read: {e}"))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{file} is not a valid dataset file: {e}"))
}

fn to_json<T: Serialize>(value: &T) -> Result<Vec<u8>, Problem> {
    serde_json::to_vec(value).map_err(|e| {
        Problem::new(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot serialise the answer: {e}"),
        )
    })
}

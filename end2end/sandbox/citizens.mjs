// Test citizens of the sandbox Servicekonto. Invented people, no real data.
//
// Each citizen has the means of identification (Identifizierungsmittel) their account knows;
// the means used for a sign-in decides the trust level of the authentication (acr) and of each
// attribute (per-claim trust level), as in BundID:
//
//   means        level               attributes from the document         self-entered attributes
//   password     Basisregistrierung  –                                    UNTERGEORDNET
//   elster       substanziell        name, birth date, address: SUBSTANTIELL   UNTERGEORDNET
//   eid          hoch                name, birth date, address: HOCH           UNTERGEORDNET
//
// E-mail and telephone are always self-entered (UNTERGEORDNET; the BundID simulator marks e-mail
// NORMAL, which is STORK level 2 and not an authentication level either).

export const MEANS = {
  password: {
    level: 1,
    label: 'Benutzername und Passwort',
    labelEn: 'user name and password',
    provedBy: 'Benutzername',
    amr: 'pwd',
  },
  elster: {
    level: 3,
    label: 'ELSTER-Zertifikat',
    labelEn: 'ELSTER certificate',
    provedBy: 'ELSTER',
    amr: 'swk',
  },
  eid: {
    level: 4,
    label: 'Online-Ausweis (eID)',
    labelEn: 'online ID card (eID)',
    provedBy: 'eID',
    amr: 'hwk',
  },
};

/** akdb:TrustLevel of an attribute read from an identity document at a given authentication level. */
export const DOCUMENT_TRUST = { 1: 'UNTERGEORDNET', 3: 'SUBSTANTIELL', 4: 'HOCH' };

export const CITIZENS = [
  {
    id: 'U01',
    means: ['password', 'elster', 'eid'],
    given_name: 'Maria',
    family_name: 'Neumann',
    birthdate: '1985-04-12',
    place_of_birth: 'Erfurt',
    birth_name: 'Schulz',
    nationality: 'DE',
    gender: 'female',
    address: { street_address: 'Musterstraße 12', postal_code: '99084', locality: 'Erfurt', country: 'DE' },
    email: 'maria.neumann@example.org',
    phone_number: '+49 361 000000',
    community_id: '160510000000',
  },
  {
    id: 'U02',
    means: ['password', 'elster'],
    given_name: 'Jonas',
    family_name: 'Becker',
    birthdate: '1979-11-03',
    place_of_birth: 'Kassel',
    nationality: 'DE',
    gender: 'male',
    address: { street_address: 'Am Beispielweg 3', postal_code: '34117', locality: 'Kassel', country: 'DE' },
    email: 'jonas.becker@example.org',
    community_id: '066110000000',
  },
  {
    id: 'U03',
    means: ['password'],
    given_name: 'Aylin',
    family_name: 'Yıldız',
    birthdate: '1998-07-21',
    nationality: 'DE',
    address: { street_address: 'Testallee 7b', postal_code: '10115', locality: 'Berlin', country: 'DE' },
    email: 'aylin.yildiz@example.org',
    community_id: '110000000000',
  },
];

export function findCitizen(id) {
  return CITIZENS.find((c) => c.id === id);
}

/**
 * The claims of a sign-in, by scope (see `claims` in idp.mjs): OIDC standard claims plus the
 * BundID-like ones. `level` is the authentication level (1, 3, 4) of the means used.
 */
export function claimsFor(citizen, level, means) {
  const document = DOCUMENT_TRUST[level] ?? 'UNTERGEORDNET';
  const fromDocument = (value) => (value === undefined ? undefined : document);
  const verified = {
    given_name: fromDocument(citizen.given_name),
    family_name: fromDocument(citizen.family_name),
    birthdate: fromDocument(citizen.birthdate),
    address: fromDocument(citizen.address),
    place_of_birth: fromDocument(citizen.place_of_birth),
    birth_name: fromDocument(citizen.birth_name),
    nationality: fromDocument(citizen.nationality),
    email: citizen.email ? 'UNTERGEORDNET' : undefined,
    phone_number: citizen.phone_number ? 'UNTERGEORDNET' : undefined,
    gender: citizen.gender ? 'UNTERGEORDNET' : undefined,
  };
  for (const key of Object.keys(verified)) if (verified[key] === undefined) delete verified[key];
  return {
    given_name: citizen.given_name,
    family_name: citizen.family_name,
    birthdate: citizen.birthdate,
    address: citizen.address,
    email: citizen.email,
    email_verified: false,
    // BundID-like (scope `trust`)
    verified_levels: verified,
    trust_level: `STORK-QAA-Level-${level}`,
    assertion_proved_by: MEANS[means]?.provedBy,
    // BundID-like (scope `bundid`; the gateway does not ask for it)
    bpk2: `SANDBOX-BPK2-${citizen.id}`,
    postkorb_handle: `sandbox-postkorb-${citizen.id.toLowerCase()}`,
    place_of_birth: citizen.place_of_birth,
    birth_name: citizen.birth_name,
    nationality: citizen.nationality,
    gender: citizen.gender,
    phone_number: citizen.phone_number,
    community_id: citizen.community_id,
  };
}

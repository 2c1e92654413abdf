# Lebenslagen – interface strings (English). German is the reference: every message there
# must exist here, and nothing else.

## Frame
app-name = Lebenslagen
skip-to-content = Skip to content
main-nav-label = Main navigation
nav-search = Search
nav-account = My account
language-switch-label = Choose language
footer-nav-label = Legal information and accessibility
nav-accessibility = Accessibility
nav-imprint = Legal notice
nav-privacy = Privacy
footer-operator = Operated by { $name }
footer-licence = Lebenslagen is free software under the EUPL-1.2 licence.
sample-operator-notice = Note: the operator named here is a made-up example. This installation is a preview, not an official service of any authority.
noscript-shell = This page needs JavaScript with WebAssembly. You can also apply for every service in person, by phone or in writing at the responsible authority.

## Search
search-label = What are you looking for?
search-hint = For example: identity card, register a car, child benefit
search-submit = Search
search-heading = Search
search-lead = Find public services by keyword – everyday words work too.
search-loading = Loading the search directory …
search-failed = The search directory could not be loaded. Please check your internet connection and try again. What you typed is kept.
search-retry = Try again
search-status-count = { $count ->
    [one] One result for “{ $query }”
   *[other] { $count } results for “{ $query }”
}
search-status-none = No results for “{ $query }”
search-group-lebenslagen = Life situations ({ $count })
search-group-leistungen = Services ({ $count })
search-more = { $count ->
    [one] Show one more service
   *[other] Show { $count } more services
}
search-partial = No service matches all of your words. These match some of them:
search-did-you-mean = Did you mean:
search-none-heading = No results
search-none-hint = Check the spelling or try another word. Or choose a life situation:

## Start page
home-heading = Public services by life situation
home-lead = A child has arrived, you are moving house or registering a car? Find out step by step what to do, who is responsible where you live, and what you can do online.
home-how-heading = How it works
home-how-1 = Choose your life situation or search for a service.
home-how-2 = Tell us your place so we can find the responsible authority.
home-how-3 = Do each step online or in person – with all documents and fees at a glance.

## Account
account-heading = My account
account-lead = With your service account (for example BundID) you sign in once and can prefill applications with your data. Sign-in is not offered in this version yet.
account-stored-heading = What we store
account-stored-text = This application stores no personal data. Your device remembers your language when you switch it.

## Life situation and service
lebenslage-heading = Life situation
lebenslage-unavailable = There is no content for this life situation yet. Please try again later or use the search.
leistung-heading = Service
leistung-unavailable = The description of service { $key } is not available yet. Please try again later or use the search.

## Not found
not-found-heading = Page not found
not-found-lead = There is no page at this address. It may have changed or contain a typo.
not-found-home = Go to the start page
not-found-search = Search for a service

## Shared labels
label-email = Email
label-phone = Phone

## Legal notice
imprint-heading = Legal notice
imprint-provider = Provider
imprint-represented-by = Represented by: { $name }
imprint-contact = Contact
imprint-supervision = Supervisory authority
imprint-software = Software
imprint-software-text = This website runs Lebenslagen, free software under the EUPL-1.2 licence. The operator serves all content and program code itself; no third-party services are included.

## Privacy
privacy-heading = Privacy notice
privacy-controller = Controller
privacy-dpo = Data protection officer: { $name },
privacy-logs-heading = Visiting this website
privacy-logs-text = When you open a page, the server processes what it technically needs to deliver it. It logs only the request method, the path without search terms, the status code and the processing time – no IP addresses, no cookies, no search terms. The legal basis is Art. 6(1)(e) GDPR.
privacy-device-heading = Storage on your device
privacy-device-text = When you switch the language, your browser stores a cookie “lang” with the chosen language for one year, so the start page appears in that language. It holds no personal data and is required for the service you asked for (§ 25(2) no. 2 TDDDG).
privacy-third-heading = No third-party services
privacy-third-text = This website loads no fonts, scripts or images from other servers and uses no analytics or tracking tools.
privacy-rights-heading = Your rights
privacy-rights-text = You have the right of access, rectification, erasure, restriction of processing and objection (Art. 15 to 21 GDPR).
privacy-complaint = You can lodge a complaint with the supervisory authority:

## Accessibility statement
a11y-heading = Accessibility statement
a11y-intro = { $operator } strives to make this website accessible in line with the accessibility rules (the German Disability Equality Act and the Accessible Information Technology Ordinance BITV 2.0, or the law of the respective Land).
a11y-status-heading = Compliance status
a11y-status-text = This website is partially compliant with BITV 2.0 because of the points listed below.
a11y-barriers-heading = Content that is not accessible
a11y-barrier-easy-language = Information in Easy German (Leichte Sprache) and German Sign Language is not offered yet.
a11y-barrier-sources = Service descriptions come from the editorial systems of the federal government, the Länder and municipalities. Their texts can be hard to understand; we cannot change them ourselves.
a11y-barrier-manual-test = A test with assistive technologies such as screen readers by people with disabilities is still pending.
a11y-method-heading = How this statement was prepared
a11y-method-text = This statement was prepared on { $date }. It is based on a self-assessment: every change is checked automatically on all pages with axe-core against WCAG 2.1 levels A and AA, together with keyboard-only use, a screen width of 320 pixels and 200 % zoom.
a11y-feedback-heading = Report barriers: feedback and contact
a11y-feedback-text = Have you noticed barriers in accessing content? Or do you need information from content that is not accessible in an accessible form? Write to us or call us. We answer within one month.
a11y-conciliation-heading = Conciliation procedure
a11y-conciliation-text = If you do not receive a satisfactory answer to your feedback, you can apply for a free conciliation procedure. You do not need a lawyer for it.
a11y-enforcement-text = The body responsible for monitoring accessibility is:

## Place and sources
place-label = Postcode or name of your place
place-hint = For example 86720 or Nördlingen. Suggestions appear as you type; choose with the arrow keys and Enter. Your place is stored on this device only.
place-submit = Find place
place-too-short = Please enter at least two characters.
place-none = No place found – check the postcode or the name.
place-unreachable = The place search cannot be reached right now. Your input is kept; please try again in a moment.
place-searching = Searching for places …
place-count = { $count ->
    [0] No place found. Check the spelling or enter the postcode.
    [one] One place found.
   *[other] { $count } places found.
}
sources-missing = Some sources did not answer in time, so this information may be incomplete. Missing:
loading = Loading …

## Service page
leistung-key = Service key { $key }
leistung-needs-place = Who is responsible, the fees and online services depend on your place. Please choose your place.
leistung-authority = Responsible authority
module-kurzinfo = In short
module-volltext = Description
module-voraussetzungen = Requirements
module-unterlagen = Which documents do I need?
module-kosten = Fees
module-fristen = Deadlines
module-bearbeitungsdauer = Processing time
module-verfahrensablauf = Procedure
module-rechtsgrundlage = Legal basis
module-hinweise = Notes
module-other = More information

## Life situations
home-place-heading = Your place
your-place-current = Your place: { $place }
your-place-change = Change place
your-place-forget = Forget place
your-place-cancel = Cancel
your-place-chosen = Your place is now { $place }.
your-place-forgotten = Your place was forgotten.
home-lebenslagen-heading = Life situations
journey-step = Step { $number }:
journey-all = This includes:
journey-one-of = One of the following:
journey-optional = This step is only needed in some cases.
sample-data-notice = Sample data: responsible offices, addresses and online services on this page are examples derived from open directory data. Please check them with your municipality before relying on them.

## Data sources
imprint-data = Data sources
imprint-data-text = Places, postcodes and service keys come from open data. Their licences require these attributions (in German, as the licences word them):
footer-data = Contains data from Destatis (dl-de/by-2-0) and © OpenStreetMap contributors (ODbL).
footer-data-link = All data sources
authority-unknown = We do not know the responsible authority for your place. Please ask your municipality.
sample-badge = Example

## Sign-in
auth-sign-in = Sign in
auth-sign-out = Sign out
auth-signed-in-as-prefix = Signed in as
auth-level-basisregistrierung = basic registration
auth-level-substanziell = substantial
auth-level-hoch = high
auth-level-unknown = unknown
auth-error-heading = Sign-in did not work.
auth-error-unreachable = The service account cannot be reached at the moment. Please try again in a few minutes.
auth-error-cancelled = You cancelled the sign-in. You are not signed in.
auth-error-state = The sign-in had expired or was already used. Please sign in again.
auth-error-invalid = The service account's answer was invalid and was rejected for your security. Please sign in again.
auth-error-clock = The service account's answer was not valid at this time; a clock may be wrong. Please try again.
auth-error-level = The service account confirmed a lower trust level than required. Please sign in with a suitable means of identification, for example the online ID card.
auth-error-provider = The service account refused the sign-in. Please try again.
auth-error-kept = What you entered on this page has been kept.
auth-ended-heading = Your session has ended.
auth-ended-idle = You were signed out after a period without activity. Please sign in again.
auth-ended-absolute = The session reached its maximum duration. Please sign in again.
auth-retry = Sign in again
auth-dismiss = Close this notice
auth-account-intro = With your service account (for example BundID or your federal state's service account) you sign in once. Applications can then be prefilled with your data.
auth-account-signed-out = You are not signed in.
auth-account-loading = Checking whether you are signed in …
auth-account-sign-in = Sign in with the service account
auth-session-heading = Your sign-in
auth-session-level = Signed in through { $provider } with trust level “{ $level }”.
auth-session-ends = Without activity the session ends at { $idle }, at the latest at { $absolute }.
auth-step-up = Sign in with a higher trust level
auth-step-up-to = Sign in with trust level “{ $level }”
auth-account-data-heading = Your data from the service account
auth-claim-label = Item
auth-claim-value = Value
auth-claim-source = Source
auth-claim-trust = How trustworthy
auth-claim-given-name = Given name(s)
auth-claim-family-name = Family name
auth-claim-birthdate = Date of birth
auth-claim-address = Address
auth-claim-email = E-mail address
auth-trust-hoch = high: from an official identity document, for example confirmed with the online ID card
auth-trust-substanziell = substantial: checked, for example through an ELSTER certificate
auth-trust-basisregistrierung = not checked: entered by yourself
auth-trust-none = The service account gives no information on this.
auth-stored-heading = What is stored
auth-stored-text = Lebenslagen does not store your data from the service account on the server and writes it to no log. While you are signed in, only the data shown above is kept, encrypted, in a session cookie in your browser that only our server can read. It is deleted when you sign out, becomes invalid after a period without activity, and after a few hours at the latest. Your browser never receives sign-in tokens of the service account.
auth-stored-device = Your device stores nothing else about your sign-in: no data in the browser's local storage.
auth-service-heading = Sign-in for the online service
auth-service-needs = This online service requires a sign-in with trust level “{ $level }”.
auth-service-ok = Your sign-in (trust level “{ $level }”) is sufficient for this online service.
auth-service-too-low = Your sign-in (trust level “{ $have }”) is not sufficient for this online service. It requires “{ $level }”.
auth-service-sign-in = Sign in with trust level “{ $level }”
auth-means-hint-hoch = For this you need, for example, the online ID card (identity card with online function).
auth-means-hint-substanziell = For this you need, for example, an ELSTER certificate or the online ID card.

## Journey at the citizen's place
journey-place-heading = Your place
journey-needs-place = Who is responsible, what it costs and what you can do online depends on where you live. Choose your place and every step will show it.
journey-place-shared = This page shows the information for { $place }.
journey-place-remember = Remember as my place
journey-place-back = Switch to my place ({ $place })
journey-progress = { $done } of { $total } steps done
journey-done = Done
journey-print = Print as a checklist
journey-failed = The information for your place could not be loaded just now. Check your internet connection and try again. The general steps below still apply.
journey-retry = Try again
journey-no-facts = There is no information on this service for your place. Please ask your municipality.
journey-authority = Responsible
journey-way = How to do it
journey-offline = In person or in writing at the responsible office.
journey-online = Online:
journey-trust = Sign-in with trust level “{ $level }”
authority-no-address = We do not know the address and opening hours.
leistung-related = Part of these life situations
leistung-origin = Source: { $source }
leistung-origin-dated = Source: { $source }, as of { $date }

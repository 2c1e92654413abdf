# Lebenslagen – Oberflächentexte (Referenzsprache Deutsch).
# Inhalte (Lebenslagen, Leistungen) stehen nicht hier, sondern im Datensatz.

## Rahmen
app-name = Lebenslagen
skip-to-content = Zum Inhalt springen
main-nav-label = Hauptnavigation
nav-search = Suche
nav-account = Mein Konto
language-switch-label = Sprache wählen
footer-nav-label = Rechtliches und Barrierefreiheit
nav-accessibility = Barrierefreiheit
nav-imprint = Impressum
nav-privacy = Datenschutz
footer-operator = Betrieben von { $name }
footer-licence = Lebenslagen ist freie Software unter der Lizenz EUPL-1.2.
sample-operator-notice = Hinweis: Der hier genannte Betreiber ist ein erfundenes Beispiel. Diese Installation ist eine Vorschau und kein offizielles Angebot einer Behörde.
noscript-shell = Für diese Seite wird JavaScript mit WebAssembly benötigt. Alle Leistungen können Sie auch persönlich, telefonisch oder schriftlich bei der zuständigen Behörde beantragen.

## Suche
search-label = Wonach suchen Sie?
search-hint = Zum Beispiel: Personalausweis, Auto anmelden, Kindergeld
search-submit = Suchen
search-heading = Suche
search-lead = Finden Sie Verwaltungsleistungen nach Stichwort – auch mit Alltagsbegriffen.
search-loading = Das Suchverzeichnis wird geladen …
search-failed = Das Suchverzeichnis konnte nicht geladen werden. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut. Ihr Suchbegriff bleibt erhalten.
search-retry = Erneut versuchen
search-status-count = { $count ->
    [one] Ein Treffer für „{ $query }“
   *[other] { $count } Treffer für „{ $query }“
}
search-status-none = Keine Treffer für „{ $query }“
search-group-lebenslagen = Lebenslagen ({ $count })
search-group-leistungen = Leistungen ({ $count })
search-more = { $count ->
    [one] Eine weitere Leistung anzeigen
   *[other] { $count } weitere Leistungen anzeigen
}
search-partial = Keine Leistung passt zu allen Suchwörtern. Diese passen zu einem Teil davon:
search-did-you-mean = Meinten Sie:
search-none-heading = Keine Treffer
search-none-hint = Prüfen Sie die Schreibweise oder versuchen Sie ein anderes Wort. Oder wählen Sie eine Lebenslage:

## Startseite
home-heading = Verwaltungsleistungen nach Lebenslage
home-lead = Ein Kind ist angekommen, Sie ziehen um oder melden ein Auto an? Hier finden Sie Schritt für Schritt, was zu tun ist, wer an Ihrem Ort zuständig ist und was sich online erledigen lässt.
home-how-heading = So funktioniert es
home-how-1 = Wählen Sie Ihre Lebenslage oder suchen Sie nach einer Leistung.
home-how-2 = Geben Sie Ihren Ort an, damit wir die zuständige Stelle finden.
home-how-3 = Erledigen Sie jeden Schritt online oder vor Ort – mit allen Unterlagen und Kosten auf einen Blick.

## Konto
account-heading = Mein Konto
account-lead = Mit Ihrem Servicekonto (zum Beispiel BundID) melden Sie sich einmal an und können Anträge mit Ihren Daten vorausfüllen. Die Anmeldung wird in dieser Version noch nicht angeboten.
account-stored-heading = Was wir speichern
account-stored-text = Diese Anwendung speichert keine persönlichen Daten. Ihre Sprachwahl merkt sich Ihr Gerät, wenn Sie die Sprache wechseln.

## Lebenslage und Leistung
lebenslage-heading = Lebenslage
lebenslage-unavailable = Zu dieser Lebenslage liegen noch keine Inhalte vor. Bitte versuchen Sie es später noch einmal oder nutzen Sie die Suche.
leistung-heading = Leistung
leistung-unavailable = Die Beschreibung der Leistung { $key } liegt noch nicht vor. Bitte versuchen Sie es später noch einmal oder nutzen Sie die Suche.

## Nicht gefunden
not-found-heading = Seite nicht gefunden
not-found-lead = Unter dieser Adresse gibt es keine Seite. Vielleicht hat sich die Adresse geändert oder sie enthält einen Tippfehler.
not-found-home = Zur Startseite
not-found-search = Leistung suchen

## Gemeinsame Bezeichnungen
label-email = E-Mail
label-phone = Telefon

## Impressum
imprint-heading = Impressum
imprint-provider = Anbieter
imprint-represented-by = Vertreten durch: { $name }
imprint-contact = Kontakt
imprint-supervision = Aufsichtsbehörde
imprint-software = Software
imprint-software-text = Diese Website nutzt Lebenslagen, freie Software unter der Lizenz EUPL-1.2. Alle Inhalte und Programmteile werden vom Betreiber selbst ausgeliefert; es werden keine Dienste Dritter eingebunden.

## Datenschutz
privacy-heading = Datenschutzerklärung
privacy-controller = Verantwortliche Stelle
privacy-dpo = Datenschutzbeauftragte oder Datenschutzbeauftragter: { $name },
privacy-logs-heading = Aufruf der Website
privacy-logs-text = Beim Aufruf einer Seite verarbeitet der Server die technisch nötigen Angaben, um sie auszuliefern. Protokolliert werden nur Anfragemethode, Pfad ohne Suchbegriffe, Statuscode und Bearbeitungsdauer – keine IP-Adressen, keine Cookies, keine Suchbegriffe. Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO.
privacy-device-heading = Speicherung auf Ihrem Gerät
privacy-device-text = Wenn Sie die Sprache wechseln, speichert Ihr Browser ein Cookie „lang“ mit der gewählten Sprache für ein Jahr, damit die Startseite in dieser Sprache erscheint. Es enthält keine persönlichen Daten und ist für den von Ihnen gewünschten Dienst erforderlich (§ 25 Abs. 2 Nr. 2 TDDDG).
privacy-third-heading = Keine Dienste Dritter
privacy-third-text = Diese Website lädt keine Schriften, Skripte oder Bilder von anderen Servern und verwendet keine Analyse- oder Tracking-Werkzeuge.
privacy-rights-heading = Ihre Rechte
privacy-rights-text = Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch (Art. 15 bis 21 DSGVO).
privacy-complaint = Sie können sich bei der Aufsichtsbehörde beschweren:

## Erklärung zur Barrierefreiheit
a11y-heading = Erklärung zur Barrierefreiheit
a11y-intro = { $operator } ist bemüht, diese Website im Einklang mit den Vorschriften zur Barrierefreiheit (Behindertengleichstellungsgesetz und Barrierefreie-Informationstechnik-Verordnung BITV 2.0 oder dem jeweiligen Landesrecht) barrierefrei zugänglich zu machen.
a11y-status-heading = Stand der Vereinbarkeit mit den Anforderungen
a11y-status-text = Diese Website ist wegen der unten genannten Punkte teilweise mit der BITV 2.0 vereinbar.
a11y-barriers-heading = Nicht barrierefreie Inhalte
a11y-barrier-easy-language = Informationen in Leichter Sprache und in Deutscher Gebärdensprache werden noch nicht angeboten.
a11y-barrier-sources = Leistungsbeschreibungen stammen aus den Redaktionssystemen von Bund, Ländern und Kommunen. Ihre Texte können schwer verständlich sein; wir können sie nicht selbst ändern.
a11y-barrier-manual-test = Eine Prüfung mit Hilfsmitteln wie Screenreadern durch Menschen mit Behinderungen steht noch aus.
a11y-method-heading = Erstellung dieser Erklärung
a11y-method-text = Diese Erklärung wurde am { $date } erstellt. Grundlage ist eine Selbstbewertung: Jede Änderung wird automatisch auf allen Seiten mit axe-core gegen WCAG 2.1 Stufe A und AA geprüft, dazu die Bedienung nur mit der Tastatur, eine Bildschirmbreite von 320 Pixeln und 200 % Vergrößerung.
a11y-feedback-heading = Barrieren melden: Feedback und Kontakt
a11y-feedback-text = Sind Ihnen Barrieren beim Zugang zu Inhalten aufgefallen? Oder benötigen Sie Informationen aus einem nicht barrierefreien Inhalt in zugänglicher Form? Schreiben Sie uns oder rufen Sie an. Wir antworten innerhalb eines Monats.
a11y-conciliation-heading = Schlichtungsverfahren
a11y-conciliation-text = Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie ein kostenloses Schlichtungsverfahren beantragen. Dafür brauchen Sie keinen Anwalt.
a11y-enforcement-text = Zuständig für die Überwachung der Barrierefreiheit ist:

## Ort und Quellen
place-label = Postleitzahl oder Name Ihres Ortes
place-hint = Zum Beispiel 86720 oder Nördlingen. Vorschläge erscheinen beim Tippen; wählen Sie mit den Pfeiltasten und der Eingabetaste. Ihr Ort wird nur auf diesem Gerät gespeichert.
place-submit = Ort suchen
place-too-short = Bitte geben Sie mindestens zwei Zeichen ein.
place-none = Kein Ort gefunden – prüfen Sie die Postleitzahl oder den Namen.
place-unreachable = Die Ortssuche ist gerade nicht erreichbar. Ihre Eingabe bleibt erhalten; bitte versuchen Sie es gleich noch einmal.
place-searching = Orte werden gesucht …
place-count = { $count ->
    [0] Kein Ort gefunden. Prüfen Sie die Schreibweise oder geben Sie die Postleitzahl ein.
    [one] Ein Ort gefunden.
   *[other] { $count } Orte gefunden.
}
sources-missing = Einige Quellen haben nicht rechtzeitig geantwortet. Die Angaben können deshalb unvollständig sein. Es fehlen:
loading = Wird geladen …

## Leistungsseite
leistung-key = Leistungsschlüssel { $key }
leistung-needs-place = Die Zuständigkeit, Kosten und Online-Angebote hängen von Ihrem Ort ab. Bitte wählen Sie Ihren Ort.
leistung-authority = Zuständige Stelle
module-kurzinfo = Kurz erklärt
module-volltext = Beschreibung
module-voraussetzungen = Voraussetzungen
module-unterlagen = Welche Unterlagen brauche ich?
module-kosten = Kosten
module-fristen = Fristen
module-bearbeitungsdauer = Bearbeitungsdauer
module-verfahrensablauf = Ablauf
module-rechtsgrundlage = Rechtsgrundlagen
module-hinweise = Hinweise
module-other = Weitere Informationen

## Lebenslagen
home-place-heading = Ihr Ort
your-place-current = Ihr Ort: { $place }
your-place-change = Ort ändern
your-place-forget = Ort vergessen
your-place-cancel = Abbrechen
your-place-chosen = Ihr Ort ist jetzt { $place }.
your-place-forgotten = Ihr Ort wurde vergessen.
home-lebenslagen-heading = Lebenslagen
journey-step = Schritt { $number }:
journey-all = Dazu gehört:
journey-one-of = Eine der folgenden Möglichkeiten:
journey-optional = Dieser Schritt ist nur in manchen Fällen nötig.
sample-data-notice = Beispieldaten: Zuständige Stellen, Anschriften und Online-Dienste auf dieser Seite sind aus offenen Verzeichnisdaten abgeleitete Beispiele. Bitte prüfen Sie sie bei Ihrer Gemeinde, bevor Sie sich darauf verlassen.

## Datenquellen
imprint-data = Datenquellen
imprint-data-text = Orte, Postleitzahlen und Leistungsschlüssel stammen aus offenen Daten. Die Lizenzen verlangen diese Namensnennungen:
footer-data = Enthält Daten von Destatis (dl-de/by-2-0) und © OpenStreetMap-Mitwirkende (ODbL).
footer-data-link = Alle Datenquellen
authority-unknown = Die zuständige Stelle für Ihren Ort ist uns nicht bekannt. Fragen Sie bei Ihrer Gemeinde nach.
sample-badge = Beispiel

## Anmeldung
auth-sign-in = Anmelden
auth-sign-out = Abmelden
auth-signed-in-as-prefix = Angemeldet als
auth-level-basisregistrierung = Basisregistrierung
auth-level-substanziell = substanziell
auth-level-hoch = hoch
auth-level-unknown = unbekannt
auth-error-heading = Die Anmeldung hat nicht geklappt.
auth-error-unreachable = Das Servicekonto ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.
auth-error-cancelled = Sie haben die Anmeldung abgebrochen. Sie sind nicht angemeldet.
auth-error-state = Die Anmeldung war abgelaufen oder wurde bereits verwendet. Bitte melden Sie sich erneut an.
auth-error-invalid = Die Antwort des Servicekontos war ungültig und wurde aus Sicherheitsgründen nicht angenommen. Bitte melden Sie sich erneut an.
auth-error-clock = Die Antwort des Servicekontos war zeitlich nicht gültig; möglicherweise geht eine Uhr falsch. Bitte versuchen Sie es erneut.
auth-error-level = Das Servicekonto hat ein niedrigeres Vertrauensniveau bestätigt als verlangt. Bitte melden Sie sich mit einem passenden Identifizierungsmittel an, zum Beispiel mit dem Online-Ausweis.
auth-error-provider = Das Servicekonto hat die Anmeldung abgelehnt. Bitte versuchen Sie es erneut.
auth-error-kept = Ihre Eingaben auf dieser Seite bleiben erhalten.
auth-ended-heading = Ihre Sitzung ist beendet.
auth-ended-idle = Sie wurden nach längerer Zeit ohne Aktivität abgemeldet. Bitte melden Sie sich erneut an.
auth-ended-absolute = Die Höchstdauer der Sitzung ist erreicht. Bitte melden Sie sich erneut an.
auth-retry = Erneut anmelden
auth-dismiss = Hinweis schließen
auth-account-intro = Mit Ihrem Servicekonto (zum Beispiel BundID oder dem Servicekonto Ihres Landes) melden Sie sich einmal an. Anträge können dann mit Ihren Daten vorausgefüllt werden.
auth-account-signed-out = Sie sind nicht angemeldet.
auth-account-loading = Der Anmeldestatus wird geprüft …
auth-account-sign-in = Mit dem Servicekonto anmelden
auth-session-heading = Ihre Anmeldung
auth-session-level = Angemeldet über { $provider } mit dem Vertrauensniveau „{ $level }“.
auth-session-ends = Ohne Aktivität endet die Sitzung um { $idle } Uhr, spätestens um { $absolute } Uhr.
auth-step-up = Mit höherem Vertrauensniveau anmelden
auth-step-up-to = Mit Vertrauensniveau „{ $level }“ anmelden
auth-account-data-heading = Ihre Daten aus dem Servicekonto
auth-claim-label = Angabe
auth-claim-value = Wert
auth-claim-source = Herkunft
auth-claim-trust = Wie vertrauenswürdig
auth-claim-given-name = Vorname(n)
auth-claim-family-name = Familienname
auth-claim-birthdate = Geburtsdatum
auth-claim-address = Anschrift
auth-claim-email = E-Mail-Adresse
auth-trust-hoch = hoch: aus einem amtlichen Ausweisdokument, zum Beispiel mit dem Online-Ausweis bestätigt
auth-trust-substanziell = substanziell: geprüft, zum Beispiel über ein ELSTER-Zertifikat
auth-trust-basisregistrierung = ungeprüft: von Ihnen selbst angegeben
auth-trust-none = Das Servicekonto macht dazu keine Angabe.
auth-stored-heading = Was gespeichert wird
auth-stored-text = Lebenslagen speichert Ihre Daten aus dem Servicekonto nicht auf dem Server und schreibt sie in kein Protokoll. Solange Sie angemeldet sind, liegen nur die oben gezeigten Angaben verschlüsselt in einem Sitzungs-Cookie in Ihrem Browser, das nur unser Server lesen kann. Es wird beim Abmelden gelöscht, nach einer Zeit ohne Aktivität ungültig und spätestens nach einigen Stunden. Anmelde-Token des Servicekontos erhält Ihr Browser nie.
auth-stored-device = Ihr Gerät speichert außerdem nichts über Ihre Anmeldung: keine Daten im lokalen Speicher des Browsers.
auth-service-heading = Anmeldung für den Onlinedienst
auth-service-needs = Dieser Onlinedienst verlangt eine Anmeldung mit dem Vertrauensniveau „{ $level }“.
auth-service-ok = Ihre Anmeldung (Vertrauensniveau „{ $level }“) reicht für diesen Onlinedienst aus.
auth-service-too-low = Ihre Anmeldung (Vertrauensniveau „{ $have }“) reicht für diesen Onlinedienst nicht aus. Er verlangt „{ $level }“.
auth-service-sign-in = Mit Vertrauensniveau „{ $level }“ anmelden
auth-means-hint-hoch = Dafür brauchen Sie zum Beispiel den Online-Ausweis (Personalausweis mit Online-Funktion).
auth-means-hint-substanziell = Dafür brauchen Sie zum Beispiel ein ELSTER-Zertifikat oder den Online-Ausweis.

## Journey at the citizen's place
journey-place-heading = Ihr Ort
journey-needs-place = Wer zuständig ist, was es kostet und was Sie online erledigen können, hängt von Ihrem Ort ab. Wählen Sie Ihren Ort, dann zeigen wir es bei jedem Schritt.
journey-place-shared = Diese Seite zeigt die Angaben für { $place }.
journey-place-remember = Als meinen Ort merken
journey-place-back = Zu meinem Ort wechseln ({ $place })
journey-progress = { $done } von { $total } Schritten erledigt
journey-done = Erledigt
journey-print = Als Checkliste drucken
journey-failed = Die Angaben für Ihren Ort konnten gerade nicht geladen werden. Prüfen Sie Ihre Internetverbindung und versuchen Sie es noch einmal. Die allgemeinen Schritte unten gelten trotzdem.
journey-retry = Erneut versuchen
journey-no-facts = Für Ihren Ort liegen zu dieser Leistung keine Angaben vor. Fragen Sie bei Ihrer Gemeinde nach.
journey-authority = Zuständig
journey-way = So erledigen Sie es
journey-offline = Vor Ort oder schriftlich bei der zuständigen Stelle.
journey-online = Online:
journey-trust = Anmeldung mit Vertrauensniveau „{ $level }“
authority-no-address = Anschrift und Öffnungszeiten sind uns nicht bekannt.
leistung-related = Gehört zu diesen Lebenslagen
leistung-origin = Quelle: { $source }
leistung-origin-dated = Quelle: { $source }, Stand { $date }

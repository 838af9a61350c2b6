# Kruispunt-interfaceteksten: Nederlands (Vlaanderen).
#
# Elk bericht hier bestaat ook in locales/en en locales/fr, met dezelfde variabelen.
# Zie docs/translating.md. Draai `cargo test --test i18n` na een wijziging.

## Algemeen

# Getoond in plaats van een bericht dat in geen enkele taal bestaat; een bug, die de tests vangen.
missing-text = (tekst ontbreekt)

# Na een cursustekst die in een andere taal getoond wordt dan de gekozen taal.
text-fallback-marker = [{ $locale }]

# The one notice of a screen whose course texts are partly not translated, in the header
# after the language; $languages: the languages shown instead (course-language-name, joined
# with list-separator).
text-fallback-notice = deels in het { $languages }
# The same, said once when an item opens in plain mode.
text-fallback-sentence = Dit deel is nog niet volledig vertaald: wat ontbreekt, staat in het { $languages }.
# The name of a course language in the two messages above.
course-language-name = { $locale ->
        [nl] Nederlands
        [en] Engels
        [fr] Frans
       *[other] “{ $locale }”
    }
list-separator = {", "}

## De taal van de interface kiezen

# $value: wat opgegeven werd; $source: flag, env of system; $fallback: nl, en of fr.
locale-unknown = Onbekende taal “{ $value }” ({ $source ->
        [flag] via --lang
        [env] via KRUISPUNT_LANG
       *[system] uit de systeeminstellingen
    }); de interface is in het { $fallback ->
        [nl] Nederlands
        [fr] Frans
       *[en] Engels
    }. Beschikbaar: nl, en, fr.

## Het configuratiebestand, kruispunt.toml (kruispunt config path|show)

# Waar in het configuratiebestand. $file: het bestand; $line, $column: vanaf 1.
config-place = { $file }:{ $line }:{ $column }
# $file: het bestand; $origin: flag of env; $variable: KRUISPUNT_CONFIG.
config-missing = het configuratiebestand { $file } ({ $origin ->
        [flag] opgegeven met --config
       *[env] genoemd in { $variable }
    }) bestaat niet
# $file: het bestand; $reason: waarom, volgens het systeem.
config-unreadable = kan het configuratiebestand { $file } niet lezen: { $reason }
# $place: bestand:regel:kolom; $detail: wat de TOML-parser zei (in het Engels).
config-syntax = { $place }: dit is geen geldige TOML: { $detail }
# $place: bestand:regel:kolom; $key: de onbekende sleutel; $keys: de sleutels die er zijn.
config-unknown-key = { $place }: onbekende instelling “{ $key }”; de instellingen zijn { $keys }
# $suggestion: de bekende sleutel waarvan dit waarschijnlijk een tikfout is.
config-unknown-key-suggestion = { $place }: onbekende instelling “{ $key }” (bedoel je “{ $suggestion }”?); de instellingen zijn { $keys }
config-lrs-credentials = { $place }: “{ $key }” hoort niet in het configuratiebestand: de gebruikersnaam en het wachtwoord van het LRS worden afgeschermd bewaard in lrs.json door kruispunt xapi configure
# $expected: string, integer of table.
config-wrong-type = { $place }: “{ $key }” moet { $expected ->
        [integer] een geheel getal
        [table] een tabel ([lrs])
       *[string] tekst tussen aanhalingstekens
    } zijn
# $found: de versie in het bestand; $supported: de versie die dit programma leest.
config-bad-version = { $place }: versie { $found } van het configuratiebestand kent deze Kruispunt niet; hij leest versie { $supported }
config-bad-lang = { $place }: lang “{ $value }” is geen taal van de interface: nl, en of fr
# $key: course of data_dir.
config-empty-path = { $place }: “{ $key }” is leeg; laat de regel weg om de standaard te gebruiken
config-bad-endpoint = { $place }: lrs.endpoint { $value } is geen URL die begint met https:// of http:// (zonder gebruiker, wachtwoord, ? of #)
config-bad-delimiter = { $place }: csv_delimiter “{ $value }” moet één teken zijn, zoals ; of , (geen letter, cijfer, aanhalingsteken of regeleinde)
config-no-dir = kan geen configuratiemap vinden; geef --config BESTAND of zet { $variable }
# kruispunt config show. $file: het configuratiebestand.
config-show-file = Configuratiebestand: { $file }
config-show-file-absent = Configuratiebestand: { $file } (bestaat niet; de standaardwaarden gelden)
config-show-no-file = Configuratiebestand: geen (geen thuismap; geef --config BESTAND of zet { $variable })
# Eén instelling. $key: de naam in het bestand; $value: de waarde; $source: flag, env, file, lrs-file of default; $variable: de omgevingsvariabele.
config-show-setting = { $key }: { $value } ({ $source ->
        [flag] opdrachtregel
        [env] { $variable }
        [file] configuratiebestand
        [lrs-file] lrs.json
       *[default] standaard
    })
config-default-course = de ingebouwde cursus
config-default-lang = de taal van het profiel, anders die van het systeem, anders die van de cursus
config-default-lrs-endpoint = niet ingesteld
config-default-csv-delimiter = volgt de taal van de interface
config-default-data-dir-none = geen (geen thuismap)
config-delimiter-tab = tab

## Meldingen van `kruispunt validate`

severity-error = fout
severity-warning = waarschuwing

# BESTAND:REGEL:KOLOM: ERNST[CODE]: BERICHT, het formaat dat editors begrijpen.
diagnostic = { $file }:{ $line }:{ $column }: { $severity }[{ $code }]: { $message }
diagnostic-with-path = { $file }:{ $line }:{ $column }: { $severity }[{ $code }]: { $message } (veld { $path })
diagnostic-message-at-path = { $message } (veld { $path })
sarif-rule = Probleem in de cursus “{ $code }”: zie “Problem codes” in docs/course-format.md

problem-unreadable = het bestand kan niet gelezen worden: { $reason }
problem-missing-manifest = er staat geen course.json in deze map
problem-json-syntax = ongeldige JSON: { $message }
problem-json-type = { $message }
problem-format-version = format_version { $found } wordt niet ondersteund; deze versie van Kruispunt leest versie { $supported }
problem-unknown-file = dit bestand hoort niet bij de cursus: lessen horen in lessons/, scenario’s in scenarios/
# $what: het soort ding met de dubbele id.
problem-duplicate-id = dubbele id `{ $id }` voor { $what ->
        [module] een module
        [item] een les of scenario
        [scene] een scène
        [option] een optie
        [quiz-option] een quizoptie
        [checklist-entry] een checklistpunt
        [node] een knoop
        [choice] een keuze
        [character] een personage
        [variable] een variabele
        [competency] een competentie
        [locale] een taal
       *[other] { $what }
    } (eerst gebruikt bij { $first })
problem-missing-item = geen enkele les of scenario heeft de id `{ $id }`
problem-missing-node = geen enkele knoop in dit scenario heeft de id `{ $id }`
problem-missing-character = geen enkel personage in dit scenario heeft de id `{ $id }`
problem-undeclared-variable = variabele `{ $id }` staat niet bij de variables van dit scenario
problem-unknown-competency = competentie `{ $id }` staat niet bij de competencies in course.json
problem-unused-item = geen enkele module gebruikt `{ $id }`; voeg de id toe aan de items van een module in course.json of verwijder het bestand
problem-unreachable-node = geen enkel pad vanaf het begin bereikt knoop `{ $id }`
problem-dead-end = knoop `{ $id }` is geen einde, en van daaruit is geen enkel einde bereikbaar
problem-all-choices-conditional = elke keuze van knoop `{ $id }` heeft een voorwaarde; als er geen enkele geldt, zit de cursist vast
problem-no-reachable-ending = vanaf de startknoop is geen enkel einde bereikbaar
problem-node-kind = een knoop heeft precies één van `choices`, `next` of `ending` nodig ({ $found } gevonden)
problem-scene-kind = een scène heeft precies één van `text`, `testimony`, `key_points`, `glossary`, `quiz`, `reflection` of `checklist` nodig ({ $found } gevonden)
problem-bad-range = variabele `{ $id }`: min <= start <= max is vereist (min { $min }, start { $start }, max { $max })
problem-out-of-range = dit effect kan `{ $id }` op { $reached } brengen, buiten het bereik { $min }..{ $max } (de waarde wordt begrensd)
problem-no-correct-answer = deze quizvraag heeft geen juiste optie
problem-several-correct-answers = deze quiz laat één antwoord toe, maar { $count } opties zijn juist; zet "multiple": true
# $what: het veld of de lijst die leeg is, zoals in het bestand.
problem-empty = { $what } is leeg
problem-missing-locale = de `{ $locale }`-tekst ontbreekt
problem-undeclared-locale = taal `{ $locale }` staat niet bij de locales in course.json
problem-default-locale-undeclared = de standaardtaal `{ $locale }` staat niet bij de locales
# $code: het codepunt in hexadecimale notatie, bv. 001B.
problem-control-character = de `{ $locale }`-tekst bevat het stuurteken U+{ $code }; cursustekst mag de terminal niet aansturen
problem-id-control-character = deze id, sleutel, versie of bestandsnaam bevat het stuurteken U+{ $code }; alleen afdrukbare tekens zijn toegelaten
problem-not-fictional = een getuigenis moet "fictional_composite": true zetten; persona’s zijn nooit echte mensen
problem-old-format-version = format_version { $found } wordt gelezen door het te migreren: { $inferred } keuzekwaliteiten zijn afgeleid en gedachten toegekend aan de laatste spreker; voer `kruispunt migrate` uit om de bestanden naar versie { $current } te brengen
problem-route-fallback = de route van knoop `{ $id }` moet eindigen met een tak zonder `if`, die geldt als geen andere geldt
problem-missing-choice = er is geen keuze `{ $id }` (schrijf "knoop/keuze")
problem-missing-quality = keuze `{ $id }` heeft geen `quality` (best, acceptable, weak of harmful)
problem-missing-thinker = keuze `{ $id }` heeft een `thought` maar geen `thinker`: zeg wiens gedachte het is
problem-decorative-variable = variabele `{ $id }` wordt door geen voorwaarde of route gelezen, dus ze verandert niets aan wat er gebeurt
problem-harmful-good-ending = het goede einde `{ $ending }` is bereikbaar na de schadelijke keuze `{ $choice }`, bijvoorbeeld via { $path }
problem-positional-answer = in { $same } van de { $total } beslismomenten met vaste volgorde is de beste keuze nummer { $position }; cursisten leren de plaats, niet de vaardigheid
problem-quality-mismatch = keuze `{ $id }` is `{ $quality }` maar { $reason }
problem-length-tell = in { $longest } van de { $total } beslismomenten is de beste keuze meer dan 40% langer dan de rest; cursisten leren het langste antwoord kiezen
problem-unreadable-directory = kan de map niet lezen: { $reason }
problem-linked-directory = dit is een link naar een map; links naar mappen worden niet gevolgd
problem-not-a-file = dit is geen gewoon bestand (een FIFO, apparaat of socket), dus het wordt niet gelezen
problem-file-too-large = het bestand is groter dan { $limit } MiB, de grens voor één bestand; het wordt niet gelezen
problem-course-too-large = de cursus is groter dan { $limit } MiB, de grens voor alle bestanden samen; dit bestand en de volgende worden niet gelezen
problem-too-many-files = de cursus heeft meer dan { $limit } .json-bestanden, de grens; dit bestand en de volgende worden niet gelezen
problem-text-too-long = deze tekst is { $length } bytes lang; de grens is { $limit } bytes
# $what: nodes, choices, scenes, lessons of scenarios.
problem-too-many = { $what ->
        [nodes] dit scenario heeft { $count } knopen
        [choices] deze knoop heeft { $count } keuzes
        [scenes] deze les heeft { $count } scènes
        [lessons] de cursus heeft { $count } bestanden in lessons/
       *[scenarios] de cursus heeft { $count } bestanden in scenarios/
    }; de grens is { $limit }
problem-byte-order-mark = het bestand begint met twee of meer byte-order marks (U+FEFF); die worden genegeerd, maar bewaar het bestand als UTF-8 zonder BOM

## Samenvatting van `kruispunt validate`

# $root: de cursusmap zoals getoond; $errors en $warnings: aantallen, minstens één groter dan 0.
validate-summary = { $root }: { $errors ->
        [0] { $warnings ->
                [one] { $warnings } waarschuwing
               *[other] { $warnings } waarschuwingen
            }
        [one] { $errors } fout{ $warnings ->
                [0] {""}
                [one] , { $warnings } waarschuwing
               *[other] , { $warnings } waarschuwingen
            }
       *[other] { $errors } fouten{ $warnings ->
                [0] {""}
                [one] , { $warnings } waarschuwing
               *[other] , { $warnings } waarschuwingen
            }
    }
validate-ok = { $root }: geen problemen ({ $lessons ->
        [one] { $lessons } les
       *[other] { $lessons } lessen
    }, { $scenarios ->
        [one] { $scenarios } scenario
       *[other] { $scenarios } scenario’s
    }, { $nodes ->
        [one] { $nodes } knoop
       *[other] { $nodes } knopen
    })

# `kruispunt validate --watch`. $dir: de cursusmap zoals opgegeven.
validate-watching = { $dir } wordt gevolgd: de cursus wordt opnieuw nagekeken telkens een bestand erin bewaard wordt. Ctrl-C stopt.
validate-watch-needs-dir = --watch heeft een cursusmap nodig (kruispunt validate --watch MAP): de ingebouwde cursus verandert niet
# $cause: de reden van het besturingssysteem, in het Engels.
validate-watch-failed = kan { $dir } niet volgen: { $cause }

## Vertaaldekking van de cursus, getoond door `kruispunt validate`

coverage-heading = Vertaaldekking:
# $locale: een taal die de cursus opgeeft; $present van de $total teksten bestaan erin.
coverage-line = { $locale }: { $present }/{ $total } teksten ({ $percent }%)
coverage-line-default = { $locale } (standaard): { $present }/{ $total } teksten ({ $percent }%)

## Het overzicht van de cursus, getoond door `kruispunt` zonder commando

outline-version = Versie { $version }
outline-module = Module { $number }: { $title }
outline-kind-lesson = les
outline-kind-scenario = scenario
outline-minutes = { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    }
# $minutes is 0 als geen enkel onderdeel een duur opgeeft.
outline-totals = { $lessons ->
        [one] { $lessons } les
       *[other] { $lessons } lessen
    } en { $scenarios ->
        [one] { $scenarios } scenario
       *[other] { $scenarios } scenario’s
    }{ $minutes ->
        [0] .
       *[other] , in totaal ongeveer { $minutes } minuten.
    }

## Fouten van de opdrachtregel

# $message: wat er misliep, eventueel met de oorzaken.
error-fatal = kruispunt: fout: { $message }
# Verbindt een fout met haar oorzaak: “de cursus in X kan niet gelezen worden: <oorzaak>”.
error-with-cause = { $error }: { $cause }
error-cannot-read-course = de cursus in { $dir } kan niet gelezen worden
error-cannot-read-path = { $path } kan niet gelezen worden: { $reason }
error-two-course-dirs = twee cursusmappen opgegeven ({ $positional } en --course { $option }); geef er één op
new-needs-course = kruispunt new schrijft in een cursusmap: geef die op met --course MAP
new-invalid-id = “{ $id }” kan geen id van een les of scenario zijn: gebruik kleine letters, cijfers en losse koppeltekens (bijvoorbeeld “eerste-gesprek”), hoogstens 64 tekens
new-id-exists = de cursus heeft al een les of scenario “{ $id }”; kies een andere id
new-no-such-module = de cursus heeft geen module “{ $module }”; de modules zijn: { $modules }
new-course-has-errors = de cursus heeft fouten (hierboven): verbeter die eerst en voeg dan toe
new-manifest-malformed = de modules en hun onderdelen zijn niet te vinden in { $path }
new-written = { $file } geschreven en “{ $id }” toegevoegd aan module “{ $module }” in { $manifest }.
    De teksten beginnen met “TODO”: schrijf ze en controleer de cursus dan met: kruispunt validate { $dir }
l10n-status-summary = { $locale }: { $missing } ontbreken, { $identical } gelijk aan { $default }
l10n-status-summary-since = { $locale }: { $missing } ontbreken, { $identical } gelijk aan { $default }, { $stale } niet bijgewerkt na een wijziging in { $default } sinds { $since }
l10n-status-text = { $kind ->
        [missing] ontbreekt
        [identical] gelijk
       *[stale] niet bijgewerkt
    }: { $file }: { $path }
l10n-since-needs-course = --since vergelijkt met een oudere versie in git: geef de cursusmap op met --course MAP
l10n-not-a-git-repository = { $dir } zit niet in een git-repository, en --since heeft er een nodig
l10n-unknown-revision = git kent de revisie “{ $rev }” niet in { $dir }
l10n-git-failed = git kan niet uitgevoerd worden: { $reason }
error-cannot-write-output = de uitvoer kan niet geschreven worden
migrate-nothing = Niets te migreren: elk bestand heeft de huidige formaatversie.
migrate-done = { $files ->
    [one] 1 bestand gemigreerd.
   *[other] { $files } bestanden gemigreerd.
}
migrate-dry-run = { $files ->
    [one] 1 bestand zou gemigreerd worden (er is niets geschreven).
   *[other] { $files } bestanden zouden gemigreerd worden (er is niets geschreven).
}
migrate-review = Kijk elke afgeleide kwaliteit en denker na: het zijn gissingen uit versie 1, die geen van beide kende. Voer daarna `kruispunt validate --strict` uit.
error-cannot-write-path = kan { $path } niet schrijven: { $reason }
error-cannot-serialize-report = het rapport kan niet geserialiseerd worden
error-bad-argument = ongeldig argument: { $detail }
# $command: het commando waarvan de hulp bedoeld is, bv. kruispunt of kruispunt schema.
error-usage-hint = Typ “{ $command } --help” voor meer uitleg.
# Een opdrachtregel die geweigerd is, met wat er verwacht werd. $arg: een optie of argument
# zoals de gebruiksregel het schrijft (--format <FORMAT>, <KIND>); $value: wat ervoor gegeven is.
# $args: de ontbrekende argumenten, met komma’s; $count: hoeveel.
argument-missing = { $count ->
        [one] er ontbreekt een verplicht argument: { $args }
       *[other] er ontbreken verplichte argumenten: { $args }
    }
argument-invalid-value = ongeldige waarde “{ $value }” voor { $arg }
argument-needs-value = { $arg } heeft een waarde nodig
argument-unexpected = onverwacht argument “{ $arg }”
argument-unexpected-value = onverwachte waarde “{ $value }” voor { $arg }; er werden er geen meer verwacht
argument-value-count = verkeerd aantal waarden voor { $arg }
argument-needs-equals = { $arg } heeft een gelijkteken voor de waarde nodig
argument-not-utf8 = een argument is geen geldige UTF-8
# $name: wat er getypt is waar een commando verwacht werd.
argument-unknown-command = onbekend commando “{ $name }”
# $command: het commando tot nu toe, bv. kruispunt session.
argument-needs-command = “{ $command }” heeft een commando nodig
# $other: de optie of opties waarmee het niet samengaat.
argument-conflict = { $arg } kan niet samen met { $other } gebruikt worden
argument-repeated = { $arg } mag maar één keer gegeven worden
# $command: bv. kruispunt schema; $options: de opties vóór de naam van het commando waar het
# niets mee doet, met komma’s.
argument-not-for-command = “{ $command }” kent { $options } niet
# Regels onder de fout; $values en $names staan er met komma’s.
argument-possible-values = mogelijke waarden: { $values }
argument-possible-values-of = mogelijke waarden voor { $arg }: { $values }
argument-commands = commando’s: { $names }
argument-similar-command = { $count ->
        [one] een gelijkaardig commando: { $names }
       *[other] gelijkaardige commando’s: { $names }
    }
argument-similar-option = een gelijkaardige optie: { $arg }
argument-similar-value = een gelijkaardige waarde: { $value }
# $fixed: hoe het geschreven wordt om als waarde gelezen te worden, bv. -- --plain.
argument-as-value = om “{ $arg }” als waarde door te geven, schrijf je “{ $fixed }”
# $command: een ander commando met die optie, met de optie: kruispunt validate --strict.
argument-other-command = bedoel je “{ $command }”?
# $usage: hoe het commando geschreven wordt, bv. kruispunt schema [OPTIONS] <KIND>.
argument-usage = Gebruik: { $usage }

## Shell-aanvulling en handleidingpagina’s: `kruispunt completions`, `kruispunt man`

man-written = { $pages ->
        [one] 1 handleidingpagina geschreven in { $dir }.
       *[other] { $pages } handleidingpagina’s geschreven in { $dir }.
    }

## Profielen: `kruispunt profiles` en `kruispunt forget`

# $dir: de gegevensmap.
profiles-heading = Profielen in { $dir }:
profiles-none = Nog geen profielen in { $dir }; er wordt er een gemaakt zodra je de cursus start.
# Datums en tijden, zoals DATETIME() ze in berichten schrijft (in de tijdzone van de gebruiker).
# De maanden, januari tot december.
datetime-month-1 = januari
datetime-month-2 = februari
datetime-month-3 = maart
datetime-month-4 = april
datetime-month-5 = mei
datetime-month-6 = juni
datetime-month-7 = juli
datetime-month-8 = augustus
datetime-month-9 = september
datetime-month-10 = oktober
datetime-month-11 = november
datetime-month-12 = december
# $day, $month, $year: 6, december, 2026.
datetime-date-long = { $day } { $month } { $year }
# $hour, $minute: twee cijfers elk, 14 en 05.
datetime-time-short = { $hour }:{ $minute }
# $date, $time: de twee hierboven samen.
datetime-date-and-time = { $date } om { $time }

# $name: het profiel; $completed van de $total onderdelen van de huidige cursus zijn afgewerkt;
# $updated: het moment van de laatste keer bewaren (getoond in de eigen tijdzone).
profiles-line = { $name }: { $completed } van { $total ->
        [one] { $total } onderdeel
       *[other] { $total } onderdelen
    } afgewerkt, laatst bijgewerkt op { DATETIME($updated, dateStyle: "long", timeStyle: "short") }
# De voortgang hoort bij een andere cursus; $course: de id van die cursus.
profiles-line-other-course = { $name }: voortgang van een andere cursus (`{ $course }`), laatst bijgewerkt op { DATETIME($updated, dateStyle: "long", timeStyle: "short") }
# De huidige cursus kon niet geladen worden, dus er valt niets te tellen.
profiles-line-no-course = { $name }: laatst bijgewerkt op { DATETIME($updated, dateStyle: "long", timeStyle: "short") }
profiles-line-newer = { $name }: geschreven door een nieuwere versie van Kruispunt (voortgangsformaat { $found }); werk Kruispunt bij om dit profiel te gebruiken
# $damage: wat er mis is met het bestand, een van de damage-*-berichten.
profiles-line-damaged = { $name }: het voortgangsbestand is beschadigd ({ $damage }); het wordt opzijgezet, niet verwijderd, wanneer het profiel opnieuw geopend wordt
profiles-line-not-a-file = { $name }: het voortgangsbestand is geen gewoon bestand (een symbolische koppeling, een map of een apparaat); verwijder het of geef het een andere naam om dit profiel te gebruiken
damage-empty = het bestand is leeg
damage-unreadable = het bestand kan niet gelezen worden: { $reason }
damage-not-json = geen geldige JSON: { $reason }
damage-no-version = geen schema_version
damage-wrong-shape = geen voortgangsbestand: { $reason }

# $name: het profiel; $dir: de gegevensmap.
forget-confirm = Dit verwijdert alle voortgang en reflecties van profiel “{ $name }” in { $dir }. Dat kan niet ongedaan gemaakt worden.
# Het woord tussen aanhalingstekens is gelijk aan forget-confirm-word.
forget-prompt = Typ “ja” om te verwijderen, iets anders om te annuleren:
# Het antwoord dat bevestigt; “yes”, “ja” en “oui” worden in elke taal aanvaard.
forget-confirm-word = ja
forget-cancelled = Geannuleerd; profiel “{ $name }” blijft bewaard.
forget-done = Profiel “{ $name }” vergeten: { $files ->
        [one] { $files } bestand
       *[other] { $files } bestanden
    } verwijderd.
forget-needs-confirmation = profiel “{ $name }” wordt niet vergeten zonder bevestiging, en er kon geen antwoord gelezen worden; gebruik “kruispunt forget --profile { $name } --yes” om het zonder vragen te verwijderen

## Fouten over profielen en voortgangsbestanden

error-no-such-profile = er is geen profiel “{ $name }” in { $dir }
error-profile-in-use = profiel “{ $name }” is in gebruik door een andere Kruispunt die nog draait (proces { $pid }); sluit die eerst, of kies een ander profiel met --profile NAAM
error-profile-in-use-no-pid = profiel “{ $name }” is in gebruik door een andere Kruispunt die nog draait; sluit die eerst, of kies een ander profiel met --profile NAAM
error-profile-name-empty = een profielnaam mag niet leeg zijn
error-profile-name-too-long = de profielnaam is { $len } tekens lang; hoogstens { $max } zijn toegestaan
error-profile-name-character = de profielnaam “{ $name }” bevat “{ $found }”; gebruik alleen de letters a–z en A–Z, cijfers, - en _
error-no-data-dir = er is geen plaats om voortgang te bewaren (geen thuismap); geef --data-dir MAP op of stel KRUISPUNT_DATA_DIR in
error-newer-progress = { $path } is geschreven door een nieuwere versie van Kruispunt (voortgangsformaat { $found }; deze versie leest tot { $supported }); het bestand is niet aangeraakt: werk Kruispunt bij om met dit profiel verder te gaan
# $action: wat er met het bestand moest gebeuren.
error-progress-io = { $path } kan niet { $action ->
        [create] aangemaakt
        [list] opgelijst
        [lock] vergrendeld
        [move-aside] opzijgezet
        [open] geopend
        [read] gelezen
        [remove] verwijderd
        [replace] vervangen
        [sync] gesynchroniseerd
       *[write] geschreven
    } worden: { $reason }
error-progress-encode = de voortgang kan niet gecodeerd worden: { $reason }
error-not-a-regular-file = { $path } is geen gewoon bestand (een symbolische koppeling, een map of een apparaat); Kruispunt volgt het niet en overschrijft het niet: verwijder het of geef het een andere naam
# After a failed last save. $time: when the progress file last received everything (an RFC 3339 instant, shown in the user's time zone).
save-failed-not-saved = Wat je na { DATETIME($time, dateStyle: "long", timeStyle: "short") } gedaan hebt, is niet bewaard; { $file } bevat nog je voortgang van toen.

## Fouten die elke interface kan tonen: de opdrachtregel, de terminalinterface en de platte modus

# Waarom het systeem een bestandsbewerking weigerde. $kind: wat er misliep; $detail: de
# eigen woorden van het systeem, getoond in alle andere gevallen.
error-io-reason = { $kind ->
        [not-found] het bestaat niet
        [permission-denied] toegang geweigerd
        [already-exists] het bestaat al
        [is-a-directory] het is een map
        [not-a-directory] een deel van het pad is geen map
        [directory-not-empty] de map is niet leeg
        [storage-full] de schijf is vol
        [read-only] het bestandssysteem is alleen-lezen
        [quota-exceeded] het schijfquotum is opgebruikt
        [file-too-large] het bestand is te groot
        [broken-pipe] de andere kant van de pipe is gesloten
       *[other] { $detail }
    }
error-read-not-a-file = het is geen gewoon bestand
error-read-too-large = het is groter dan { $limit } bytes
# $errors: hoeveel fouten de cursus bevat.
error-course-invalid = de cursus bevat { $errors ->
        [one] { $errors } fout
       *[other] { $errors } fouten
    }; `kruispunt validate` somt ze op
error-migrate-unreadable = geen geldig cursusbestand: { $reason }
error-migrate-too-new = format_version { $found } is nieuwer dan wat deze versie van Kruispunt kan lezen
error-progress-migration-not-an-object = het voortgangsbestand is geen JSON-object
error-progress-migration-malformed = het veld `{ $field }` van een voortgangsbestand van versie { $version } is misvormd
error-progress-migration-too-old = voortgangsformaat { $version } is te oud om te lezen
error-no-such-session = er is geen sessie { $id }
error-session-damaged = { $path } is geen sessielogboek dat deze versie kan lezen: { $reason }
# Wat de cursusmotor weigerde. Dit hoort niet te gebeuren met een cursus die door
# `kruispunt validate` komt; id's zijn die van de cursus zelf, tussen backticks.
engine-error-run-ended = het gesprek is afgelopen
# $number: het gevraagde antwoord, vanaf 1; $count: hoeveel antwoorden er zijn.
engine-error-no-choice-at = er is hier geen antwoord nummer { $number }; deze stap biedt { $count ->
        [one] { $count } antwoord
       *[other] { $count } antwoorden
    } aan
engine-error-unknown-choice = er is hier geen antwoord `{ $id }`
engine-error-choice-not-offered = het antwoord `{ $id }` wordt nu niet aangeboden
engine-error-auto-cycle = het gesprek draait in een kringetje bij knoop `{ $id }`, zonder keuze of einde
engine-error-no-route = geen enkele tak van de route bij knoop `{ $id }` is van toepassing
engine-error-no-such-node = knoop nummer { $number } zit niet in dit scenario
# $number: de gevraagde beslissing, vanaf 1; $taken: hoeveel beslissingen er genomen zijn.
engine-error-no-such-decision = er is geen beslissing { $number } om naar terug te gaan (genomen beslissingen: { $taken })
engine-error-unknown-scene = de les heeft geen scène `{ $id }`
preview-error-unknown-node = het scenario heeft geen knoop `{ $id }`; de knopen zijn: { $nodes }
preview-error-unknown-variable = het scenario heeft geen variabele `{ $id }`; de variabelen zijn: { $variables }
preview-error-no-variables = het scenario heeft geen variabele `{ $id }`: het heeft helemaal geen variabelen
preview-error-out-of-range = `{ $id }` gaat van { $min } tot { $max }, niet { $value }
preview-error-bad-setting = `{ $setting }` is niet VARIABELE=GETAL (bijvoorbeeld trust=40)
play-no-such-scenario = de cursus heeft geen scenario `{ $id }`; de scenario’s zijn: { $scenarios }
play-bye = Einde van de voorvertoning: er is niets bewaard.
engine-error-wrong-scene-kind = dit kan alleen in { $kind ->
        [glossary] een woordenlijst
        [reflection] een reflectie
        [checklist] een checklist
       *[quiz] een quiz
    }
engine-error-content-note-pending = de inhoudswaarschuwing is nog niet aanvaard
engine-error-unknown-option = er is hier geen optie `{ $id }`
engine-error-duplicate-option = optie `{ $id }` is twee keer gekozen
engine-error-selection-count = kies { $expected ->
        [one] precies één optie
       *[at-least-one] minstens één optie
    }, niet { $selected }
engine-restore-other-scenario = het bewaarde gesprek hoort bij scenario `{ $saved }`, niet bij `{ $scenario }`
# $number: het bewaarde antwoord, vanaf 1; $reason: een van de engine-error-*-berichten.
engine-restore-replay = bewaard antwoord { $number } (`{ $choice }`) kan niet opnieuw gespeeld worden: { $reason }
engine-restore-mismatch = het bewaarde gesprek past niet meer bij het scenario: { $what ->
        [node] het eindigt bij een andere knoop
        [visited-nodes] het komt langs andere knopen
       *[variables] de variabelen verschillen
    }

## Terminalinterface: kader, hulp, overzicht, instellingen

tui-too-small = Maak het venster groter: Kruispunt heeft minstens { $width } kolommen en { $height } rijen nodig.
help-title = Hulp
help-screen-keys = Op dit scherm
help-global-keys = Overal
help-close = Druk op ?, Esc of Enter om deze hulp te sluiten.
# $count: lines of the help below (or above) the part shown, on a small terminal.
help-more-below = ↓ nog { $count } (↓)
help-more-above = ↑ nog { $count } (↑)
# Key names in the key bar and the help (the keys themselves are not translated).
key-name-enter = Enter
key-name-esc = Esc
key-name-space = Spatie
key-name-tab = Tab
key-name-shift-tab = Shift-Tab
key-name-page-up = PgUp
key-name-page-down = PgDn
key-name-ctrl-c = Ctrl-C
key-help = hulp
key-quit = stoppen
key-interrupt = meteen bewaren en stoppen
key-language = andere taal
key-gloss = tweede taal eronder aan/uit
key-theme = ander thema (standaard / hoog contrast)
key-move = bewegen
key-open = openen
key-continue = verdergaan waar je was
key-settings = instellingen
key-change = wijzigen
key-back = terug
home-title = Overzicht
home-progress = Voortgang: { $done } van { $total } { $total ->
        [one] onderdeel
       *[other] onderdelen
    } klaar
home-module = Module { $number }: { $title }
home-kind-lesson = Les
home-kind-scenario = Oefengesprek
home-minutes = { $minutes } min
home-continue = Verdergaan waar je was: { $title }
home-start = Begin aan de cursus: { $title }
# The short core path of the course (about an hour), next to "continue"; $title: its next item.
home-core-path = Kernroute (ongeveer { $minutes } min), { $done } van { $total } klaar: { $title }
home-settings = Instellingen: taal, thema, tweede taal
settings-title = Instellingen
settings-language = Taal
settings-language-name = Nederlands
settings-theme = Thema
settings-theme-default = standaard
settings-theme-high-contrast = hoog contrast
settings-gloss = Tweede taal eronder
settings-gloss-off = uit
settings-hint = Wijzigingen gelden meteen en worden in je profiel bewaard.
settings-no-color = NO_COLOR staat aan: de interface gebruikt geen kleuren, alleen vet, onderstreept en omgekeerd.

## Starting the interactive course (`kruispunt` without a command)

start-needs-terminal = de interactieve cursus heeft een terminal nodig, maar de uitvoer gaat naar een pipe of een bestand. Start `kruispunt` in een terminalvenster; `kruispunt outline` toont het overzicht van de cursus, en `kruispunt --help` toont de andere commando’s.
# --plain met --facilitator.
facilitator-no-plain = de begeleidersmodus heeft geen platte versie: hij is gemaakt voor een groep die naar een projector kijkt, en heeft een terminal nodig. Start `kruispunt --facilitator` in een terminalvenster, of `kruispunt --plain` om de cursus zelf regel per regel te volgen.
# $reason: the system's description of the problem.
start-terminal-failed = de terminal kon niet gebruikt worden voor de interactieve cursus: { $reason }
# $reason: why the save failed (file and system error).
tui-save-failed = Je voortgang kon niet bewaard worden ({ $reason }). Kruispunt probeert het opnieuw bij de volgende stap en wanneer je afsluit.
start-notice-damaged-restored = Je voortgangsbestand was beschadigd; de vorige bewaarde versie is geladen, dus je laatste stap kan ontbreken.
start-notice-damaged-fresh = Je voortgangsbestand was beschadigd en er was geen bruikbare kopie, dus je voortgang begint opnieuw.
# $file: the name of the damaged file, now set aside in the data directory.
start-notice-damaged-kept = Het beschadigde bestand blijft ongewijzigd bewaard als { $file } in de gegevensmap.
start-notice-backup-damaged-kept = De reservekopie was ook beschadigd en blijft bewaard als { $file }.
start-notice-journal-damaged-kept = Je laatste stappen konden niet allemaal teruggelezen worden: wat leesbaar was, blijft bewaard, en het beschadigde bestand blijft ongewijzigd bewaard als { $file } in de gegevensmap.
start-notice-restored-from-backup = Je voortgangsbestand ontbrak; de reservekopie is geladen.
start-notice-migrated = Je voortgang was bewaard door een oudere versie van Kruispunt en is bijgewerkt; het oude bestand blijft bewaard als reservekopie.
# $saved, $current: the course version in the progress file and now.
start-notice-course-version-changed = De cursus is bijgewerkt (versie { $saved } → { $current }). Je voortgang blijft bewaard; voortgang in onderdelen die niet meer bestaan, wordt niet getoond.
# $course: the id of the course the profile was used with.
start-notice-other-course = Dit profiel werd gebruikt met een andere cursus ({ $course }); die voortgang blijft bewaard, maar wordt hier niet getoond.
outline-start-hint = Start de interactieve cursus met `kruispunt` in een terminal.

## kruispunt graph

# $outcome: good, mixed or poor; $title: de titel van het einde, ingekort.
graph-ending = { $outcome ->
        [good] goed einde
        [mixed] gemengd einde
       *[poor] minder goed einde
    }: { $title }
# De legenda onder de titel van een SVG-graaf: wat elke vorm en elke lijn betekent.
graph-legend = ◇ keuzemoment · ▢ gaat vanzelf verder (next, route) · ⬡ einde · gestippelde pijl: alleen onder zijn voorwaarde · rode gestippelde rand: onbereikbaar of doodlopend
graph-unreachable = onbereikbaar
graph-dead-end = doodlopend
# $id: het gevraagde id; $known: de scenario-id’s van de cursus, gescheiden door ", "; $count: hoeveel.
graph-unknown-scenario = { $count ->
        [0] er is geen scenario “{ $id }”: deze cursus heeft geen scenario’s
       *[other] er is geen scenario “{ $id }” in deze cursus; de scenario’s zijn: { $known }
    }
# $scenario: het scenario-id; $file: het geschreven bestand.
graph-written = Graaf van { $scenario } geschreven naar { $file }

## Terminal interface: lesson screen

lesson-missing = Deze les zit niet in de cursus. Druk op een toets om terug te gaan naar het overzicht.
lesson-scene-position = Scène { $number } van { $total }
lesson-kind-text = Tekst
lesson-kind-testimony = Getuigenis
lesson-kind-key-points = Kernpunten
lesson-kind-glossary = Woordenlijst
lesson-kind-quiz = Quiz
lesson-kind-reflection = Reflectie
lesson-kind-checklist = Checklist
lesson-more-below = ↓ meer hieronder: ↓ of PgDn
lesson-more-above = ↑ meer hierboven: ↑ of PgUp
lesson-note-title = Inhoudswaarschuwing
lesson-note-choice = Druk op Enter om deze scène te lezen, of op s om ze over te slaan. Met ← kun je er later naar terug.
lesson-testimony-fictional = Fictief, samengesteld personage: { $name } bestaat niet echt. Dit verhaal is samengesteld uit ervaringen die vaak terugkomen.
lesson-testimony-persona-age = { $name }, { $age } jaar
lesson-card-position = Kaart { $number } van { $total }
lesson-card-front = voorkant
lesson-card-back = achterkant
lesson-card-turn-hint = Spatie of Enter draait de kaart om.
lesson-card-note = Let op
lesson-card-keys = Spatie of Enter: omdraaien · n p: andere kaarten · ← →: andere scènes
lesson-quiz-single = Kies één antwoord.
lesson-quiz-multiple = Kies alle antwoorden die juist zijn.
lesson-quiz-how = Kies met ↑ ↓ en spatie, of met een cijfertoets; druk dan op Enter om te antwoorden.
lesson-quiz-pick-one = Kies eerst een antwoord (spatie of een cijfertoets) en druk dan op Enter.
lesson-quiz-pick-some = Kies eerst minstens één antwoord (spatie of een cijfertoets) en druk dan op Enter.
lesson-option-correct = juist antwoord
lesson-option-incorrect = niet juist
lesson-option-chosen = jouw keuze
lesson-quiz-right = Je antwoord is juist.
lesson-quiz-wrong = Je antwoord is niet helemaal juist. Lees de feedback bij elke optie.
lesson-quiz-explanation = Uitleg
lesson-quiz-retry-hint = Druk op r om het opnieuw te proberen. Je eerste antwoord is het antwoord dat telt.
lesson-quiz-not-yet = Nog niet juist. Lees de feedback bij je keuze en probeer het opnieuw.
lesson-quiz-shown = Hier is het juiste antwoord, zoals je vroeg.
lesson-quiz-retry-or-reveal-hint = Druk op r om het opnieuw te proberen, of op a om het juiste antwoord te zien. Je eerste antwoord is het antwoord dat telt.
# $result: "right" of "wrong", hoe het eerste antwoord was.
lesson-quiz-first-counts = Nieuwe poging: je eerste antwoord is het antwoord dat telt, en dat was { $result ->
        [right] juist
       *[wrong] niet helemaal juist
    }.
lesson-reflection-hint = Om te beginnen
lesson-reflection-private = Wat je schrijft, blijft op deze computer, in je profiel. Niemand anders leest het.
lesson-reflection-how-start = Druk op Enter of e om te schrijven; Esc als je klaar bent.
lesson-reflection-how-stop = Je bent aan het schrijven: Esc als je klaar bent. Je tekst wordt bewaard terwijl je typt.
lesson-reflection-your-answer = Jouw antwoord
lesson-reflection-editing = Aan het schrijven (Esc: klaar)
lesson-reflection-empty = Nog niets geschreven. Druk op Enter of e om te schrijven.
lesson-checklist-count = { $done } van { $total } aangevinkt
lesson-done-title = Les afgerond
lesson-done = Je hebt de les ‘{ $title }’ afgerond.
lesson-done-scenes = Je hebt { $done } van de { $total } scènes doorlopen.
lesson-done-quizzes = Quizvragen juist bij de eerste poging: { $right } van { $total }.
lesson-done-quizzes-unanswered = { $count ->
        [one] Eén quizvraag is niet beantwoord.
       *[other] { $count } quizvragen zijn niet beantwoord.
    }
lesson-done-skipped = Je hebt { $count } { $count ->
        [one] scène
       *[other] scènes
    } overgeslagen; met ← kun je er terug naartoe.
lesson-done-home = Druk op Enter om terug te gaan naar het overzicht, of op ← om de laatste scène nog eens te bekijken.
lesson-key-next = volgende scène
lesson-key-previous = vorige scène
lesson-key-scroll = scrollen
lesson-key-read-on = deze scène lezen
lesson-key-skip = deze scène overslaan
lesson-key-turn = kaart omdraaien
lesson-key-card = andere kaart
lesson-key-select = kiezen
lesson-key-answer = antwoorden
lesson-key-retry = opnieuw proberen
lesson-key-reveal = het antwoord tonen
lesson-key-write = schrijven
lesson-key-stop-writing = stoppen met schrijven
lesson-key-tick = aanvinken
lesson-key-home = terug naar het overzicht

## Scenario screen: conversation, ending, rewind, branch map, compare

scenario-missing = Dit oefengesprek zit niet in de cursus. Druk op Esc om terug te gaan.
scenario-engine-error = Dit oefengesprek kan niet verder: { $reason }
scenario-fell-back = De cursus is veranderd sinds je laatste bezoek: dit gesprek begint opnieuw vanaf het begin.
scenario-content-note = Inhoudswaarschuwing
scenario-setting = Situatie
scenario-goal = Je doel
scenario-note-continue = Enter: begin het gesprek · s: sla het nu over (terug naar het overzicht)
scenario-intro-continue = Enter: begin het gesprek · Esc: terug naar het overzicht
scenario-speaker = { $name } ({ $role })
# $mood: how a character comes across in a line.
scenario-mood = { $mood ->
        [neutral] neutraal
        [calm] rustig
        [hopeful] hoopvol
        [relieved] opgelucht
        [warm] warm
        [guarded] op de hoede
        [anxious] angstig
        [confused] verward
        [sad] verdrietig
        [hurt] gekwetst
        [angry] boos
       *[other] { $mood }
    }
# $outcome: good, mixed or poor.
scenario-outcome = { $outcome ->
        [good] goed
        [mixed] gemengd
       *[poor] minder goed
    }
scenario-you = Jij
scenario-transcript = Gesprek
scenario-choices = Je antwoord
scenario-stuck = Hier is geen antwoord mogelijk. Ga een beslissing terug (b) of begin opnieuw (r).
scenario-coach = Coach
scenario-thought = Wat { $name } denkt
scenario-more-below = ↓ nog { $count } { $count ->
        [one] regel
       *[other] regels
    } hieronder (PgDn)
scenario-key-start = beginnen
scenario-key-skip = nu overslaan
scenario-key-number = dat antwoord kiezen
scenario-key-choose = een antwoord kiezen
scenario-key-select = een antwoord selecteren (bij gelijkspel)
scenario-key-scroll = door het gesprek scrollen
scenario-key-back-one = een beslissing terug
scenario-key-rewind = terug naar een beslissing
scenario-key-replay = opnieuw vanaf het begin
scenario-key-map = vertakkingskaart
scenario-key-compare = pogingen vergelijken
scenario-key-scroll-page = scrollen
scenario-key-pick-decision = een beslissing kiezen
scenario-key-go-back = daarnaar teruggaan
scenario-key-compare-side = linkse of rechtse poging
scenario-key-compare-attempt = een andere poging
ending-heading = Einde: { $outcome } · { $title }
ending-debrief = Nabespreking
ending-final = Hoe het eindigde (verschil met het begin)
ending-path = Jouw weg, met de feedback van de coach
ending-none = geen
ending-next = r opnieuw · w terug naar een beslissing · m vertakkingskaart · c vergelijken
# $quality: best, acceptable, weak or harmful (how good a choice is).
scenario-quality = { $quality ->
        [best] best
        [acceptable] aanvaardbaar
        [weak] zwak
       *[harmful] schadelijk
    }
# $score: shown, breached or not_met (what an attempt says about a competency).
scenario-score = { $score ->
        [shown] getoond
        [breached] geschonden
       *[not_met] nog niet getoond
    }
ending-competencies = Competenties
ending-qualities = Je antwoorden per kwaliteit
# $quality: a quality's symbol and word, e.g. "++ best".
ending-quality-count = { $quality }: { $count }
ending-turning = Keerpunten: waar een ander antwoord meer had geholpen
ending-turning-none = Bij elke beslissing koos je een van de beste antwoorden die er waren.
# $number: the decision's number in the attempt; $point: who said what just before it.
ending-turning-decision = Beslissing { $number }: { $point }
# $quality: the quality's symbol and word (or, in plain mode, the word).
ending-turning-taken = Jij antwoordde ({ $quality }):
ending-turning-better = Een beter antwoord ({ $quality }):
ending-turning-feedback = De coach over dat betere antwoord:
# $outcome: good or mixed, the best ending still possible after the better answer.
ending-turning-lost = { $outcome ->
        [good] Met je antwoord hier viel het goede einde weg; na het betere antwoord lag het nog binnen bereik.
       *[other] Met je antwoord hier viel een beter einde weg; na het betere antwoord lag nog een gemengd einde binnen bereik.
    }
# $outcome: good, mixed or poor, the best ending still possible after your answer.
ending-turning-kept = { $outcome ->
        [good] Na je antwoord lag een goed einde nog binnen bereik.
        [mixed] Na je antwoord lag een gemengd einde nog binnen bereik.
       *[poor] Na je antwoord bleef alleen een minder goed einde over.
    }
rewind-title = Terug naar een beslissing
rewind-hint = Kies de beslissing die je opnieuw wilt nemen (↑↓ of het nummer, dan Enter). Deze poging blijft bewaard.
rewind-empty = Je hebt nog geen beslissing genomen.
rewind-answered = je antwoordde: { $answer }
map-title = Vertakkingskaart: wat je in al je pogingen verkende
map-summary = Verkende antwoorden: { $explored } van { $total } · bereikte eindes: { $endings } van { $all_endings }
map-legend = ✓ verkend · ? nog niet verkend · ■ einde bereikt · ◀ waar je nu bent
# $qualities: each quality's symbol and word, e.g. "++ best · + acceptable · …".
map-legend-quality = Kwaliteit van een antwoord dat je probeerde: { $qualities }
map-ending = Einde: { $outcome } · { $title }
map-ending-unknown = een einde dat je nog niet bereikte
map-here = hier ben je
map-shown-above = gaat verder zoals hierboven
compare-title = Twee pogingen vergelijken
compare-need-two = Je hebt minstens twee pogingen nodig om te vergelijken. Speel opnieuw (r) of ga terug naar een beslissing (w) en kom dan terug.
compare-hint = Tab: links of rechts · ←→: een andere poging · ↑↓: scrollen · Esc: terug
compare-same-start = Beide pogingen beginnen met { $count ->
        [one] hetzelfde antwoord
       *[other] dezelfde { $count } antwoorden
    }.
compare-differ-at-once = De pogingen verschillen vanaf het eerste antwoord.
compare-split = Ze splitsen bij beslissing { $number }: { $point }
compare-identical = Deze pogingen kozen tot nu toe dezelfde antwoorden.
compare-attempt = Poging { $number }
compare-no-ending = niet afgerond
compare-after = Vanaf de splitsing antwoordde je:
compare-nothing-after = nog niets

## Begeleidersmodus (kruispunt --facilitator)
facilitator-title = Begeleider
facilitator-jump-title = Spring naar een module, les, scène of keuzemoment
facilitator-jump-session = Sessie { $id } · het logboek wordt gaandeweg bewaard
facilitator-module = Module { $number }: { $title }
facilitator-kind-lesson = les
facilitator-kind-scenario = scenario
facilitator-scene = scène { $number }: { $title }
facilitator-node-start = begin: { $label }
facilitator-node = keuze: { $label }
facilitator-ending = einde ({ $outcome }): { $title }
facilitator-notes-title = Notities voor de begeleider
facilitator-notes-none = Hier zijn geen notities voor de begeleider.
facilitator-notes-questions = Vragen voor de groep
facilitator-notes-minutes = Voorgestelde tijd: { $minutes } min
facilitator-note-title = Notitie voor het sessielogboek
facilitator-note-hint = Typ je notitie. Esc bewaart ze en sluit, Ctrl-X gooit ze weg. Een lege notitie wordt niet bewaard.
facilitator-note-key-save = bewaren en sluiten
facilitator-note-key-cancel = weggooien
facilitator-note-saved = Notitie bewaard in het sessielogboek.
facilitator-note-cancelled = Notitie niet bewaard.
facilitator-key-jump = springmenu
facilitator-key-notes = notitiepaneel tonen of verbergen
facilitator-key-note = notitie schrijven
facilitator-key-open = openen
facilitator-key-fold = open- of dichtklappen
facilitator-ended = Sessie { $id } is bewaard. Maak de hand-out met: kruispunt session export { $id } --format html
vote-title = Groepsstemming
vote-key-add = stem erbij
vote-key-remove = stem eraf
vote-key-reveal = stemmen tonen of verbergen
vote-key-pick = met dit antwoord verdergaan
vote-counted = { $total ->
        [one] 1 stem geteld
       *[other] { $total } stemmen geteld
    } · tonen met v
vote-remove-armed = Stem eraf: druk op het nummer van het antwoord
vote-winner = Meeste stemmen: antwoord { $number }. Met Enter ga je daarmee verder.
# $tied: the numbers of the answers that share the most votes, e.g. "1, 2".
vote-tie = Gelijkspel tussen de antwoorden { $tied }: kies er een met ↑↓ en druk op Enter.
# $number: the selected answer, not one of the tied ones; $tied: the numbers of the tied answers.
vote-tie-refused = Antwoord { $number } kreeg niet de meeste stemmen: kies met ↑↓ een van de gelijke antwoorden ({ $tied }) en druk op Enter.
vote-none = Nog geen stemmen: met Enter ga je verder met het geselecteerde antwoord.
vote-bar = { $votes ->
        [one] 1 stem
       *[other] { $votes } stemmen
    }
timer-label = Bespreking
timer-running = loopt
timer-paused = gepauzeerd
timer-ready = klaar (t start)
timer-over = de tijd is om
timer-key-toggle = timer starten of pauzeren
timer-key-minutes = minuten van de timer
timer-key-reset = timer terugzetten
session-list-empty = Geen begeleide sessies in { $dir }.
session-list-heading = Begeleide sessies in { $dir }:
session-list-line = { $id } · { DATETIME($start, dateStyle: "long", timeStyle: "short") } · { $course } · { $votes ->
        [one] 1 stemming
       *[other] { $votes } stemmingen
    }
session-list-unreadable = Een sessiebestand is onleesbaar: { $reason }
session-bad-id = “{ $id }” is geen sessie-id; `kruispunt session list` toont ze.
session-not-found = Er is geen sessie { $id } in { $dir }; `kruispunt session list` toont ze.
session-read-failed = De sessie kon niet gelezen worden: { $reason }
session-export-written = Hand-out geschreven naar { $file }.
session-export-title = Sessie { $id }
session-export-course = Cursus: { $course } (versie { $version })
session-export-when = Van { DATETIME($start, dateStyle: "long", timeStyle: "short") } tot { DATETIME($end, dateStyle: "long", timeStyle: "short") }
session-export-shown = Wat getoond werd
session-export-rewound = Teruggegaan: { $item } › { $node }
session-export-votes = Stemmingen en de weg die de groep koos
session-export-vote-heading = Keuze { $number } · { $item } · { $node }
# $choices: the answers that shared the most votes, joined by " · ".
session-export-tie = Gelijkspel tussen: { $choices }. De begeleider koos daartussen.
session-export-chosen = De groep koos: { $choice }
# $choice: an answer; $quality: its quality (report-quality).
session-export-choice = { $choice } · { $quality }
# $qualities: the votes per quality, each a session-export-quality-votes, joined by " · ".
session-export-vote-qualities = De stemmen van de groep per kwaliteit: { $qualities }
# $quality: a quality (report-quality); $votes: the votes for answers of that quality.
session-export-quality-votes = { $quality }: { $votes }
session-export-time = Tijd per onderdeel
session-export-duration = { $minutes } min { $seconds } s
session-export-notes = Notities van de begeleider
session-export-none = Niets.

## De workshopserver (`kruispunt serve`)

serve-started =
    Kruispunt-workshopserver: { $title }
    Adres: { $address }
    Workshop: { $workshop }
    Deelnamecode: { $code }
    Vingerafdruk van de hostsleutel: { $fingerprint }
    Deelnemers typen: ssh -p { $port } NAAM@DEZE-COMPUTER, en dan de deelnamecode.
    Stoppen met Ctrl-C: de voortgang van elke deelnemer wordt bewaard.
serve-only-this-computer = Alleen deze computer kan nu verbinden. Om de deelnemers in de zaal te laten verbinden: start opnieuw met --listen 0.0.0.0 en laat TCP-poort { $port } toe in de firewall van deze computer.
serve-open-to-network = Deelnemers op het netwerk kunnen verbinden: laat TCP-poort { $port } toe in de firewall, en laat de deelnemers de vingerafdruk hierboven vergelijken met wat ssh hen toont.
serve-host-key-created = Er is een nieuwe hostsleutel gemaakt en bewaard in { $file }. De vingerafdruk blijft bij elke start dezelfde.
serve-code-prompt = Deelnamecode:
serve-join-welcome = Welkom in deze workshop. Je voortgang wordt bewaard op de computer van de begeleider, onder de naam die je kiest.
serve-join-prompt = Typ je naam (letters, cijfers, - en _) en druk op Enter. Esc gaat weg.
serve-join-name-in-use = De naam { $name } is al in gebruik in deze workshop. Kies een andere.
serve-join-full = De workshop is vol ({ $max } deelnemers). Vraag het aan de begeleider.
serve-needs-pty = De cursus heeft een terminal nodig: verbind zonder -T.
serve-goodbye = Je voortgang is bewaard. Tot de volgende keer.
serve-goodbye-left = Tot ziens.
serve-goodbye-idle = De verbinding is verbroken omdat je lang niets typte. Je voortgang is bewaard: verbind opnieuw om verder te gaan.
serve-goodbye-not-saved = Je laatste stappen konden niet bewaard worden: { $reason }. Zeg het aan de begeleider.
serve-goodbye-ended = De workshop is afgelopen. Je voortgang is bewaard.
serve-log-joined = { $name } doet mee ({ $count } verbonden).
serve-log-left = { $name } is weg; de voortgang is bewaard.
serve-log-not-saved = { $name } is weg, maar de laatste stappen konden niet bewaard worden: { $reason }
serve-log-wrong-code = Verkeerde deelnamecode van { $ip }: dat adres wacht { $seconds } s voor het opnieuw mag proberen.
serve-log-backing-off = Aanmelding van { $ip } geweigerd: dat adres moet na verkeerde deelnamecodes nog { $seconds } s wachten.
serve-log-refused = { $request } van { $ip } geweigerd.
serve-log-too-many = Verbinding van { $ip } meteen gesloten: er zijn al { $max } verbindingen open.
serve-log-stopping = Stoppen: elke deelnemer wordt bewaard en hoort dat de workshop is afgelopen.
serve-log-stopped = De workshopserver is gestopt.
serve-error-workshop-id = Deze workshop-id kan niet: { $reason }
serve-error-empty-code = De deelnamecode mag niet leeg zijn.
serve-error-read-host-key = Kan de hostsleutel { $file } niet lezen: { $reason }
serve-error-write-host-key = Kan de hostsleutel { $file } niet bewaren: { $reason }
serve-error-random = Het besturingssysteem gaf geen willekeurige getallen: { $reason }
serve-error-bind = Kan niet luisteren op { $address }: { $reason }
serve-error-io = De workshopserver is gestopt: { $reason }
serve-error-facilitator-keys = De sleutels van de begeleider { $file } zijn niet te lezen: { $reason }
serve-log-facilitator = De begeleider is aangemeld met de eigen sleutel vanaf { $ip }.
serve-log-dashboard = Er is een dashboard van de begeleider geopend.
serve-log-group-step = Groepsstap: in { $scenario } bij { $node } koos de groep { $choice }.
serve-log-group-log = De groepsstappen worden bewaard in sessielog { $id }; achteraf maakt kruispunt session export { $id } --format html de hand-out.
serve-log-group-log-failed = De groepsstappen kunnen niet in een sessielog worden geschreven: { $reason }
serve-banner-message = Begeleider: { $message }
serve-banner-group-step = Groepsstap: je antwoord is je stem; de begeleider laat de groep verdergaan.
dashboard-title = Workshop { $workshop } · deelnamecode { $code } · { $view }
dashboard-view-presenter = presentatieweergave
dashboard-view-private = eigen weergave (namen en notities: niet projecteren)
dashboard-room-title = Zaal · { $count } verbonden
dashboard-room-empty = Er is nog niemand binnen.
dashboard-trainee-number = Deelnemer { $number }
dashboard-col-who = Wie
dashboard-col-where = Waar
dashboard-col-idle = Stil
dashboard-col-endings = Eindes
dashboard-col-modules = Modules
dashboard-where-overview = overzicht
dashboard-idle = { $minutes } min
dashboard-group-title = Groepsstap · { $scenario }
dashboard-group-none = Geen groepsstap: g kiest een beslismoment voor iedereen.
# $label: het beslismoment; $voters van de $present deelnemers stemden.
dashboard-group-point = { $label } · { $voters } van { $present } gestemd
dashboard-group-moved = De groep koos antwoord { $number }. n: het volgende beslismoment · f: vrij spelen.
dashboard-tie-pick = Gelijke stand: kies een van de gelijke antwoorden met ↑↓ of het nummer, dan Enter.
dashboard-no-next = Geen volgend beslismoment: de groep kwam aan een einde. f: vrij spelen.
dashboard-not-a-decision = Kies een beslismoment van een scenario (→ klapt een scenario open).
dashboard-play-title = Vrij spelen
dashboard-play-line = { $scenario }: eindes bereikt { $endings } · keerpunten: { $points }
dashboard-play-none = Nog geen eindes bereikt.
dashboard-locked = De zaal is vergrendeld op { $item } (l ontgrendelt).
dashboard-message = Op elk scherm: { $message }
dashboard-message-prompt = Bericht op elk scherm (Enter verstuurt, leeg wist, Esc annuleert):
dashboard-keys = g groepsstap · v stemmen · ↑↓ kiezen · Enter verder · n volgende · f vrij spelen · l vergrendelen · m bericht · p weergave · t timer · q weg
dashboard-keys-pick = ↑↓ bewegen · → openklappen · Enter hier starten voor iedereen · Esc terug

## Workshops die de server bewaart: `kruispunt workshop forget`

workshop-forget-confirm = Dit wist de voortgang en reflecties van elke deelnemer van workshop “{ $id }” in { $dir }. Dat kan niet ongedaan worden.
workshop-forget-cancelled = Geannuleerd; workshop “{ $id }” blijft bewaard.
workshop-forget-done = Workshop “{ $id }” vergeten: { $trainees ->
        [one] de voortgang van 1 deelnemer is gewist.
       *[other] de voortgang van { $trainees } deelnemers is gewist.
    }
workshop-forget-needs-confirmation = workshop “{ $id }” wordt niet vergeten zonder bevestiging, en er kon geen antwoord gelezen worden; voer “kruispunt workshop forget { $id } --yes” uit om hem te wissen zonder te vragen
workshop-forget-none = er is geen workshop “{ $id }” in { $dir }

## kruispunt export en kruispunt report (het groepsrapport voor de begeleider).
# $name: profielnaam; $file: het geschreven exportbestand.
export-written = Resultaten van profiel “{ $name }” geschreven naar { $file } (zonder reflecties).
export-written-with-reflections = Resultaten van profiel “{ $name }” geschreven naar { $file }, met de reflecties.
# $file: waar het beschadigde voortgangsbestand naartoe is verplaatst.
export-damaged-profile = waarschuwing: het voortgangsbestand van dit profiel was beschadigd en is apart gezet als { $file }; de export bevat wat kon worden hersteld.
# kruispunt xapi export. $count: hoeveel statements; $name: het profiel; $file: het uitvoerbestand.
xapi-written = { $count ->
        [one] { $count } xAPI-statement
       *[other] { $count } xAPI-statements
    } van profiel “{ $name }” geschreven naar { $file } (zonder reflecties).
# Zoals xapi-written, met de cursist onder een pseudoniem ($name wordt niet getoond).
xapi-written-pseudonymised = { $count ->
        [one] { $count } xAPI-statement
       *[other] { $count } xAPI-statements
    } geschreven naar { $file }, met de cursist onder een pseudoniem (zonder reflecties).
# $value: wat werd opgegeven.
xapi-bad-base-iri = --base-iri { $value } is geen absolute IRI die begint met https:// of http:// (zonder ? of #)
xapi-bad-home-page = --home-page { $value } is geen absolute URL die begint met https:// of http://
# $variable: de omgevingsvariabele met de salt.
xapi-no-salt = --pseudonymise heeft een geheime salt nodig in de omgevingsvariabele { $variable }; gebruik steeds dezelfde salt om dezelfde pseudoniemen te houden
# $length: de lengte van de salt; $minimum: het kleinste aantal tekens dat aanvaard wordt.
xapi-short-salt = de salt voor --pseudonymise heeft { $length } tekens; gebruik er minstens { $minimum }, anders zijn de pseudoniemen te raden
# kruispunt xapi export --workshop. $count: hoeveel statements; $id: de workshop; $file: het uitvoerbestand.
xapi-written-workshop = { $count ->
        [one] { $count } xAPI-statement
       *[other] { $count } xAPI-statements
    } van workshop “{ $id }” geschreven naar { $file } (zonder reflecties).
xapi-workshop-or-profile = geef --workshop of --profile, niet allebei
# $id: de workshop; $dir: de gegevensmap.
xapi-no-workshop = er is geen workshop “{ $id }” in { $dir }
xapi-lrs-missing-endpoint = geen LRS-endpoint: geef --endpoint URL, zet KRUISPUNT_LRS_ENDPOINT, of bewaar het met kruispunt xapi configure
xapi-lrs-missing-username = geen LRS-gebruikersnaam: geef --username NAAM, zet KRUISPUNT_LRS_USERNAME, of bewaar hem met kruispunt xapi configure
xapi-lrs-missing-password = geen LRS-wachtwoord: geef --password-file BESTAND, zet KRUISPUNT_LRS_PASSWORD, of bewaar het met kruispunt xapi configure
# $value: het opgegeven endpoint (zonder eventuele gebruiker en wachtwoord).
xapi-lrs-bad-endpoint = het LRS-endpoint { $value } is geen URL die begint met https:// of http:// (zonder gebruiker, wachtwoord, ? of #)
# $file: het configuratie- of wachtwoordbestand; $reason: de melding van het systeem.
xapi-lrs-unreadable = kan { $file } niet lezen: { $reason }
# $file: het configuratiebestand; $where: de regel en kolom.
xapi-lrs-damaged = { $file } is geen LRS-configuratiebestand (een JSON-object met endpoint, username en password): fout op { $where }
# $variable: de omgevingsvariabele die het configuratiebestand noemt.
xapi-lrs-no-config-dir = kan geen configuratiemap vinden voor de LRS-instellingen; zet { $variable } op een bestand
# $endpoint: het LRS-endpoint; $status: 401 of 403.
xapi-lrs-unauthorized = de LRS op { $endpoint } weigerde de gebruikersnaam en het wachtwoord (HTTP { $status }); controleer ze, of voer kruispunt xapi configure uit
# $endpoint: het LRS-endpoint; $detail: wat de TLS-bibliotheek meldde.
xapi-lrs-tls = geen beveiligde verbinding met de LRS op { $endpoint } ({ $detail }); controleer of het endpoint HTTPS spreekt en of het certificaat geldig is voor die naam
# $endpoint: het LRS-endpoint; $attempts: hoeveel pogingen; $last: de laatste fout.
xapi-lrs-gave-up = de LRS op { $endpoint } was niet bereikbaar of bleef bezet tijdens { $attempts } pogingen (laatste: { $last })
# $endpoint: het LRS-endpoint; $detail: wat er mis was met het antwoord.
xapi-lrs-malformed = de LRS op { $endpoint } gaf een antwoord dat geen xAPI-antwoord is: { $detail }
# kruispunt xapi configure. $file: het configuratiebestand.
xapi-configured = LRS-instellingen bewaard in { $file } (alleen door jou leesbaar).
# Eén statement dat de LRS weigerde. $id: het statement-id; $verb: het werkwoord; $status: de HTTP-status; $message: de melding van de LRS.
xapi-send-refused = statement { $id } ({ $verb }) geweigerd door de LRS (HTTP { $status }): { $message }
# Samenvatting van kruispunt xapi send. $sent, $already, $refused, $waiting, $posts: aantallen.
xapi-send-summary = verstuurd { $sent }, al aanwezig { $already }, geweigerd { $refused }; { $waiting } wachtend in de outbox ({ $posts ->
        [one] { $posts } verzoek
       *[other] { $posts } verzoeken
    })
# $count: statements die in de outbox blijven.
xapi-send-waiting = { $count ->
        [one] { $count } statement wacht in de outbox; voer kruispunt xapi send opnieuw uit om het te bezorgen.
       *[other] { $count } statements wachten in de outbox; voer kruispunt xapi send opnieuw uit om ze te bezorgen.
    }
# Eén keer getoond als live verzenden (--lrs) mislukt, en pas opnieuw na een geslaagde levering.
xapi-live-failed = De leerregistraties konden niet worden verzonden; ze worden bewaard en later verzonden (kruispunt xapi send).
# --lrs zonder bruikbare LRS. $reason: wat ontbreekt of niet klopt.
xapi-live-no-lrs = --lrs heeft een LRS nodig om de leerregistraties naar te verzenden: { $reason }
xapi-live-missing-endpoint = geen LRS-endpoint: zet KRUISPUNT_LRS_ENDPOINT of lrs.endpoint in kruispunt.toml, of bewaar het met kruispunt xapi configure
xapi-live-missing-username = geen LRS-gebruikersnaam: zet KRUISPUNT_LRS_USERNAME, of bewaar hem met kruispunt xapi configure
xapi-live-missing-password = geen LRS-wachtwoord: zet KRUISPUNT_LRS_PASSWORD, of bewaar het met kruispunt xapi configure
report-course-errors = de cursus bevat fouten; los die eerst op (zie kruispunt validate)
# $file: het uitvoerbestand; $reason: de melding van het systeem.
report-cannot-write = kan { $file } niet schrijven: { $reason }
# $file: een invoerbestand; $reason: een van de report-reason-*-berichten.
report-skipped = { $file } overgeslagen: { $reason }
# $file: een export die meer dan eens werd opgegeven; $first: het bestand waarin hij het eerst werd opgegeven.
report-duplicate = één keer geteld: { $file } is dezelfde export als { $first }
report-reason-unreadable = het kan niet gelezen worden ({ $detail })
report-reason-not-json = het is geen JSON-bestand ({ $detail })
report-reason-foreign = het is geen Kruispunt-export
report-reason-newer = het werd geëxporteerd door een nieuwere Kruispunt (exportformaat { $found }; deze versie leest tot { $supported })
report-reason-damaged = de export is beschadigd ({ $detail })
report-reason-other-course = het is een export van een andere cursus (“{ $found }”, niet “{ $expected }”)
report-reason-not-a-file = het is geen gewoon bestand
report-reason-too-large = het is groter dan { $limit } MiB
# $what: items, attempts of choices.
report-reason-too-many = { $what ->
        [items] het heeft { $count } onderdelen
        [attempts] een onderdeel heeft { $count } pogingen
       *[choices] een poging heeft { $count } keuzes
    }; de grens is { $limit }
# $option: --csv-delimiter of --layout.
report-csv-option-without-csv = { $option } gaat alleen samen met --format csv
# $given: wat als --csv-delimiter werd opgegeven.
csv-delimiter-not-one-character = een CSV-scheidingsteken is één teken (of tab), niet “{ $given }”
csv-delimiter-not-ascii = een CSV-scheidingsteken is een ASCII-teken zoals ; , of |, niet “{ $given }”
csv-delimiter-unusable = “{ $given }” kan geen CSV-velden scheiden; kies bijvoorbeeld ; , | of tab
report-xlsx-needs-file = een werkmap is geen tekst: schrijf ze naar een bestand met -o BESTAND.xlsx
# De namen van de twee bladen van een .xlsx-rapport (hoogstens 31 tekens; geen [ ] : * ? / \).
report-sheet-report = Rapport
report-sheet-trainees = Deelnemers × items
report-too-many-files = er werden { $files } bestanden opgegeven; een rapport leest er hoogstens { $limit }, dus er werd geen enkel bestand gelezen
report-none-usable = { $files ->
        [one] het opgegeven bestand is geen bruikbare export
       *[other] geen van de { $files } opgegeven bestanden is een bruikbare export
    }; er is geen rapport gemaakt
report-skipped-summary = { $skipped ->
        [one] 1 bestand is
       *[other] { $skipped } bestanden zijn
    } overgeslagen; het rapport gebruikt { $used ->
        [one] 1 export
       *[other] { $used } exports
    }.
report-title = Groepsrapport: { $course }
report-summary = Cursus { $id }, versie { $version } · { $trainees ->
        [one] 1 deelnemer
       *[other] { $trainees } deelnemers
    }
report-anonymous = Deelnemers zijn genummerd in de volgorde waarin hun exports werden opgegeven; hun namen staan niet in dit rapport.
report-named = Deelnemers worden getoond met hun profielnaam.
report-trainee = Deelnemer { $number }
report-count-of = { $count } van { $total }
# $version: de cursusversie van een export die verschilt van de huidige cursus.
report-other-version = geëxporteerd uit cursusversie { $version }
report-trainees-heading = Deelnemers
report-trainees-intro = Onderdelen die elke deelnemer afrondde, van alle lessen en scenario’s van de cursus.
report-completion-heading = Voltooiing per module
report-completion-intro = Hoeveel deelnemers elk onderdeel afrondden, en de hele module.
report-whole-module = Hele module
report-quizzes-heading = Quizvragen
report-quizzes-intro = Deelnemers van wie het eerste antwoord juist was, van wie antwoordde; het minst vaak juist eerst.
report-decisions-heading = Keuzemomenten
report-decisions-intro = Wat deelnemers kozen de eerste keer dat ze een keuzemoment bereikten, van wie het bereikte.
# $scenario: titel van het scenario; $number: nummer van het keuzemoment in het scenario.
report-decision-title = { $scenario } · keuzemoment { $number }
# $count: keuzemomenten die geen enkele deelnemer bereikte en die in dit deel weggelaten zijn.
report-decisions-unreached = { $count ->
        [one] Eén keuzemoment dat geen enkele deelnemer bereikte, is weggelaten.
       *[other] { $count } keuzemomenten die geen enkele deelnemer bereikte, zijn weggelaten.
    }
report-endings-heading = Bereikte eindes
report-endings-intro = Deelnemers die elk einde bereikten in minstens één poging.
# $outcome: good, mixed of poor.
report-outcome = { $outcome ->
        [good] goed einde
        [mixed] gemengd einde
       *[poor] minder goed einde
    }
report-competencies-heading = Competenties van de groep
report-competencies-intro = Deelnemers die elke competentie toonden in minstens één afgerond gesprek en ze in geen enkel gesprek schonden; “gemist door” telt deelnemers die een antwoord lieten liggen dat ze toont en ze nooit toonden.
report-missed-by = gemist door { $count }
report-qualities-heading = Kwaliteit van de antwoorden
report-qualities-intro = Hoe goed het antwoord was dat deelnemers kozen de eerste keer dat ze een keuzemoment bereikten, van wie het bereikte. De kwaliteit is die welke de cursus aan het antwoord geeft, dus ook oudere exports tellen mee.
# $symbol: a quality's symbol (++, +, -, !!); $word: the quality as a word (scenario-quality).
report-quality = { $symbol } { $word }
report-turning-heading = Keerpunten van de groep
report-turning-intro = Waar deelnemers een antwoord kozen terwijl er een beter werd aangeboden: per keuzemoment het antwoord dat daar het vaakst gekozen werd in plaats van het betere, en hoeveel deelnemers het kozen, van wie dat moment bereikte. Het vaakst eerst.
report-turning-none = Geen enkele deelnemer koos een antwoord terwijl er een beter werd aangeboden.
# $number: the decision point's number in the scenario; $quality, $better_quality: report-quality of the answer taken and of the better one; $better: the better answer.
report-turning-context = keuzemoment { $number } · dit antwoord: { $quality } · een beter antwoord, { $better_quality }: { $better }
report-breaches-heading = Geschonden competenties
report-breaches-intro = Deelnemers die in minstens één gesprek een antwoord kozen dat tegen de competentie ingaat. Een geschonden competentie telt voor die deelnemer niet als getoond.
report-breaches-trainee-heading = Geschonden competenties per deelnemer
report-breaches-trainee-intro = Hoeveel van de competenties van de cursus elke deelnemer schond in minstens één gesprek, en welke.
report-breached-none = geen
report-column-quality = Kwaliteit
report-column-turning = Gekozen antwoord in plaats van een beter
report-column-took-it = Deelnemers die het kozen
report-column-breached = Geschonden door
report-column-breached-count = Geschonden competenties
report-column-trainee = Deelnemer
report-column-completed = Afgerond
report-column-item = Les of scenario
report-column-question = Vraag
report-column-correct = Meteen juist
report-column-answer = Antwoord
report-column-trainees = Deelnemers
report-column-ending = Einde
report-column-competency = Competentie
report-column-shown = Getoond door
report-column-version = Cursusversie
report-column-id = Id
report-column-what = Niet meer in de cursus
report-unmatched-heading = Niet meer in de cursus
report-unmatched-intro = Exports van een andere versie van de cursus verwijzen naar deze onderdelen, die deze versie niet meer heeft; ze zijn hierboven niet meegeteld.
report-unmatched-none = Elke export past bij de cursus.
report-unmatched-item = les of scenario
report-unmatched-quiz = quizvraag
report-unmatched-decision = keuzemoment
report-unmatched-choice = antwoord bij een keuzemoment
report-unmatched-ending = einde
report-unmatched-competency = competentie

## Platte modus (kruispunt --plain): een gesprek regel per regel, voor schermlezers.
plain-welcome = Kruispunt in platte modus. Typ ? of help bij elke vraag om de commando’s te horen.
plain-bye = Je voortgang is bewaard. Tot ziens.
plain-bye-not-saved = Je voortgang kon niet bewaard worden (zie hierboven). Tot ziens.
plain-not-understood = “{ $answer }” werd niet begrepen. Je kunt antwoorden:
plain-lang-usage = Typ lang en een taal: lang nl voor Nederlands, lang en voor English, lang fr voor Français.
plain-save-failed = Je voortgang kon niet bewaard worden: { $reason }. Kruispunt probeert het opnieuw bij de volgende stap.
plain-help-title = Hulp: deze commando’s werken bij elke vraag.
plain-help-numbers = Typ het nummer of de letter van een keuze en druk op Enter. Een lege regel kiest de keuze met Enter erbij.
plain-help-help = ? of help: deze hulp.
plain-help-lang = lang nl, lang en of lang fr: een andere taal (bewaard in je profiel).
plain-help-home = home of back: terug naar het overzicht.
plain-help-letters = De letters betekenen hetzelfde als in de volledige schermweergave: r probeert een quiz opnieuw of speelt een gesprek opnieuw vanaf het begin, w gaat terug naar een vroeger antwoord, v leest de waarden voor.
plain-help-quit = q of quit: stoppen. Je voortgang blijft bewaard en je gaat verder waar je was, in platte modus of in de volledige schermweergave.
plain-help-saved = Je voortgang wordt na elke stap bewaard; reflecties blijven op deze computer.
plain-home-title = Overzicht: { $title }
plain-home-progress = Voortgang: { $done } van { $total } { $total ->
        [one] onderdeel
       *[other] onderdelen
    } klaar.
plain-home-module = Module { $number }: { $title }, { $done } van { $total } klaar.
plain-home-item = { $number }. { $title } { $kind }, { $status }.
# $status: not-started, in-progress, done of skipped.
plain-status = { $status ->
        [in-progress] bezig
        [done] klaar
        [skipped] overgeslagen
       *[other] nog niet begonnen
    }
plain-home-continue = c of Enter: verdergaan met { $title }
plain-home-core-path = p: de kernroute (ongeveer { $minutes } minuten, { $done } van { $total } klaar), verder met: { $title }
plain-home-settings = s: instellingen (taal: { $language })
plain-home-prompt = Typ het nummer van een onderdeel om het te openen.
plain-settings-title = Instellingen
# $state: current of other.
plain-settings-language = { $number }. Taal: { $name }{ $state ->
        [current] , gekozen
       *[other] {""}
    }
plain-settings-gloss = { $number }. Cursustekst ook tonen in het { $locale }{ $state ->
        [current] , gekozen
       *[other] {""}
    }
plain-settings-gloss-off = { $number }. Cursustekst in één taal{ $state ->
        [current] , gekozen
       *[other] {""}
    }
plain-settings-prompt = Typ een nummer om een instelling te wijzigen, of een lege regel om terug te gaan. Wijzigingen worden in je profiel bewaard.
plain-lesson-title = Les: { $title }
plain-scene-heading = Scène { $number } van { $total }: { $title }
plain-scene-position = Scène { $number } van { $total }
plain-content-note = Inhoudswaarschuwing:
plain-note-continue = 1 of Enter: verdergaan en deze scène tonen
plain-note-skip = 2 of s: deze scène overslaan
plain-nav-next = n of Enter: volgende
plain-nav-previous = p: vorige scène
# $who: de naam, eventueel met de leeftijd; $kind: composite of real.
plain-testimony = { $kind ->
        [composite] Getuigenis (fictief, samengesteld): { $who }
       *[other] Getuigenis: { $who }
    }
plain-testimony-age = { $name }, { $age }
plain-key-points = Om te onthouden:
plain-card = Woord { $number } van { $total }: { $term }
plain-card-definition = Betekenis:
plain-card-note = Let op:
plain-quiz-question = Vraag:
plain-quiz-how-single = Typ het nummer van je antwoord.
plain-quiz-how-multiple = Er kan meer dan één antwoord juist zijn: typ de nummers van je antwoorden, gescheiden door spaties, bijvoorbeeld 1 3.
plain-quiz-skip = n: verdergaan zonder te antwoorden
plain-quiz-correct = Juist.
plain-quiz-incorrect = Niet helemaal.
# $chosen, $correct: yes of no.
plain-quiz-option = { $chosen ->
        [yes] Dit heb je gekozen.
       *[other] Dit heb je niet gekozen.
    } { $correct ->
        [yes] Het is juist.
       *[other] Het is niet juist.
    }
plain-quiz-explanation = Uitleg:
plain-quiz-first-counts = Alleen je eerste antwoord telt voor je score.
plain-quiz-retry = r: opnieuw proberen
plain-quiz-reveal = a: het juiste antwoord tonen
plain-quiz-not-yet = Nog niet juist. Lees de feedback bij je keuze en probeer het opnieuw, of bekijk het juiste antwoord.
plain-quiz-your-choice = Dit heb je gekozen.
plain-quiz-shown = Hier is het juiste antwoord, zoals je vroeg.
plain-reflection-prompt = Reflectie:
plain-reflection-hint = Tip:
plain-reflection-private = Wat je schrijft, blijft op deze computer, in je voortgangsbestand. Niemand anders ziet het.
plain-reflection-how = Typ je reflectie, gerust over meerdere regels, en sluit af met een lege regel. Meteen een lege regel schrijft niets.
plain-reflection-saved = Je reflectie is bewaard.
plain-reflection-yours = Wat je schreef:
plain-reflection-rewrite = e: opnieuw schrijven
plain-checklist-entry = { $number }. { $state ->
        [ticked] Aangevinkt
       *[other] Niet aangevinkt
    }: { $text }
plain-checklist-hint = Tip:
plain-checklist-how = Typ de nummers van punten om ze aan of uit te vinken, gescheiden door spaties. Een lege regel gaat verder.
plain-lesson-done = Einde van de les { $title }.
plain-lesson-score = Quizvragen: { $correct } van { $total } juist bij het eerste antwoord.
plain-lesson-skipped = Overgeslagen: { $scenes }
plain-lesson-back = n of Enter: terug naar het overzicht
plain-scenario-title = Oefengesprek: { $title }
plain-scenario-fell-back = De cursus is veranderd sinds je vorige bezoek, dus dit gesprek begint opnieuw bij het begin.
plain-scenario-resumed = Je gaat verder waar je was, na { $decisions } { $decisions ->
        [one] antwoord
       *[other] antwoorden
    }.
plain-scenario-error = Dit gesprek kan niet lopen: { $reason }
plain-scenario-setting = Situatie:
plain-scenario-goal = Doel:
plain-scenario-characters = Personages:
plain-scenario-character = { $name }, { $role }: { $bio }
plain-scenario-start = 1 of Enter: het gesprek beginnen
plain-scenario-skip = 2: terug naar het overzicht
plain-line = { $name } ({ $details }): { $text }
plain-thought = { $name } denkt:
plain-you = Jij:
plain-coach = Coach:
# $direction: up, down, limit (de wijziging stootte op de grens) of none.
plain-variable = { $label }: { $value } van { $max }{ $direction ->
        [up] , { $change } omhoog
        [down] , { $change } omlaag
        [limit] , onveranderd (op de grens)
       *[other] {""}
    }
plain-variable-total = { $label }: { $value } van { $max }{ $direction ->
        [up] , { $change } hoger dan bij de start
        [down] , { $change } lager dan bij de start
       *[other] , zoals bij de start
    }
plain-scenario-what-now = Wat zeg je? Typ een nummer.
plain-scenario-rewind = w: terug naar een vroeger antwoord
plain-scenario-values = v: de waarden horen
plain-scenario-stuck = Hier is geen antwoord mogelijk. Ga terug naar een vroeger antwoord, of typ home.
plain-rewind-title = Terug naar welk antwoord? De antwoorden erna worden ongedaan gemaakt; de weg die je nam, blijft in je voortgang.
plain-rewind-decision = Antwoord { $number }: { $text }
plain-rewind-cancel = Typ een nummer, of een lege regel om te blijven waar je bent.
plain-rewound = Je bent terug vóór antwoord { $number }.
plain-outcome = { $outcome ->
        [good] goed
        [mixed] gemengd
       *[poor] minder goed
    }
plain-ending = Einde: { $outcome }. { $title }
plain-ending-debrief = Nabespreking:
plain-ending-values = Waar het eindigde:
plain-ending-path = Jouw weg, met de feedback van de coach:
plain-ending-competencies = Competenties:
# $name: a competency; $score: its score as a word (scenario-score).
plain-competency = { $name }: { $score }
# How many answers of each quality the attempt took.
plain-ending-qualities = Je antwoorden: { $best } best, { $acceptable } aanvaardbaar, { $weak } zwak, { $harmful } schadelijk.
plain-ending-turning = Keerpunten, waar een ander antwoord meer had geholpen:
# $quality: the quality as a word (scenario-quality); $text: the answer.
plain-turning-taken = Jij antwoordde ({ $quality }): { $text }
plain-turning-better = Een beter antwoord ({ $quality }): { $text }
plain-turning-feedback = De coach over dat betere antwoord:
plain-none = geen
plain-ending-replay = 1 of r: opnieuw spelen vanaf het begin
plain-ending-rewind = 2 of w: terug naar een vroeger antwoord
plain-ending-overview = 3 of Enter: terug naar het overzicht
# $reason: the system's description of the problem.
plain-io-failed = de platte modus is gestopt: de invoer of de uitvoer liep mis: { $reason }
plain-try-plain = `kruispunt --plain` toont de cursus als een gesprek regel per regel, dat werkt in een pipe en met een schermlezer.
# Scenario screen: the feedback panel and the introduction scroll when they do not fit.
scenario-feedback = Feedback
# $count: lines of feedback cut below the panel.
scenario-feedback-more = ↓ nog { $count } { $count ->
        [one] regel
       *[other] regels
    } (Tab, PgDn)
# $count: lines cut below, while the text has the focus.
scenario-scroll-more = ↓ nog { $count } { $count ->
        [one] regel
       *[other] regels
    } (↓, PgDn)
# $count: lines cut above, at the end of the text.
scenario-scroll-above = ↑ nog { $count } { $count ->
        [one] regel
       *[other] regels
    } hierboven (↑, PgUp)
scenario-key-panes = gesprek, antwoorden of feedback
scenario-key-scroll-feedback = door de feedback scrollen

## Om mee te nemen: `kruispunt certificate` (het getuigschrift van een deelnemer) en `kruispunt print` (de hele cursus als één document).

certificate-title = Getuigschrift van deelname
# $name: the profile name; $course: the course title; $version: the course version.
certificate-awarded = { $name } nam deel aan de cursus “{ $course }” (versie { $version }).
# $date: when it is issued (an RFC 3339 instant), shown as a date in the user's time zone.
certificate-issued = Uitgereikt op { DATETIME($date, dateStyle: "long") }
certificate-modules-heading = Afgeronde modules
# $completed: modules with every lesson and conversation completed; $total: modules in the course.
certificate-modules-count = { $completed } van de { $total } modules afgerond.
certificate-column-module = Module
certificate-column-completed-on = Afgerond op
certificate-column-time = Bestede tijd
certificate-column-estimated = Geschatte tijd
certificate-not-recorded = niet bijgehouden
certificate-modules-note = Kruispunt houdt bij wanneer je elke les opende en afrondde en wanneer elk oefengesprek begon en eindigde: de datum is het einde van de laatste les of het laatste gesprek van de module, de tijd is hun tijd samen. Voortgang van voor Kruispunt de tijd van lessen bijhield, telt alleen de gesprekken, of zegt “niet bijgehouden”.
# $hours, $minutes: a duration.
certificate-duration = { $hours ->
        [0] { $minutes } min
       *[other] { $hours } u { $minutes } min
    }
certificate-endings-heading = Bereikte eindes
certificate-endings-none = Nog geen oefengesprek bereikte een einde.
certificate-column-conversation = Gesprek
certificate-column-reached-on = Eerst bereikt op
certificate-competencies-heading = Competenties
certificate-competencies-intro = Wat de afgeronde oefengesprekken tonen, zoals hun einde het toont: een competentie die je in een gesprek schond, telt niet als getoond.
certificate-column-result = Resultaat
# $status: shown, breached, missed (passed up, never shown) or unpractised.
certificate-competency = { $status ->
        [shown] getoond
        [breached] geschonden
        [missed] nog niet getoond
       *[unpractised] nog niet geoefend
    }
certificate-plan-heading = Mijn actieplan
certificate-plan-intro = De punten van de checklists die je doorliep en nog niet aanvinkte: waar je verder aan kunt werken.
certificate-plan-all-ticked = Je vinkte elk punt aan van de checklists die je doorliep.
certificate-plan-no-checklist = Je hebt nog geen checklist doorlopen.
certificate-reflections-heading = Mijn reflecties
certificate-reflections-none = Geen reflecties geschreven.
# $name: the profile; $file: the output file.
certificate-written = Getuigschrift van “{ $name }” geschreven naar { $file } (zonder reflecties).
certificate-written-with-reflections = Getuigschrift van “{ $name }” geschreven naar { $file }, met de reflecties.

# $version: the course version; $lessons, $scenarios: how many; $language: the language code of this document.
print-meta = Versie { $version } · { $lessons ->
        [one] { $lessons } les
       *[other] { $lessons } lessen
    } en { $scenarios ->
        [one] { $scenarios } gesprek
       *[other] { $scenarios } gesprekken
    } · taal: { $language }
print-competencies-heading = De competenties van de cursus
print-column-meaning = Wat ze inhoudt
# $label: what the text is (print-goal, print-hint…); $text: the text.
print-labelled = { $label }: { $text }
print-facilitator-notes = Voor de begeleider
print-content-note = Inhoudswaarschuwing
print-goal = Doel
print-hint = Tip
print-explanation = Uitleg
# $minutes: the estimated time.
print-minutes = Ongeveer { $minutes } min
# $title: the lesson's title.
print-lesson = Les: { $title }
# $number: the scene's number in the lesson; $title: its title (may be empty).
print-scene = Scène { $number }. { $title }
# $name, $background: the persona; $age: their age.
print-testimony = Getuigenis van { $name } (fictief samengesteld): { $background }
print-testimony-aged = Getuigenis van { $name }, { $age } (fictief samengesteld): { $background }
print-column-term = Term
print-column-definition = Betekenis
print-column-usage = Gebruik
print-quiz-single = Quiz: één juist antwoord.
print-quiz-multiple = Quiz: meerdere juiste antwoorden.
print-column-right = Juist?
print-column-feedback = Feedback
print-right = ✓ juist
print-wrong = ✗ fout
# $text: a checklist point; $hint: its hint.
print-checklist-entry = ☐ { $text } ({ $hint })
# $title: the scenario's title.
print-scenario = Oefengesprek: { $title }
print-characters = Personages
print-column-character = Personage
print-column-role = Rol
print-column-about = Over
print-variables = Variabelen
print-column-variable = Variabele
print-column-start = Begin
print-column-range = Bereik
print-nodes = Beslispunten
print-column-node = Punt
print-column-said = Wat er gezegd wordt
print-column-effects = Gevolgen
print-column-next = Volgende
print-endings = Eindes
print-column-outcome = Uitkomst
print-column-debrief = Nabespreking
# $name: who speaks; $text: what they say.
print-line = { $name }: { $text }
# $text: the inner thought of whoever speaks.
print-thought = (denkt: { $text })
print-goes-on = (gaat vanzelf verder)
# $condition: a condition, in ids and symbols.
print-route-when = route, als { $condition }
print-route-otherwise = route, anders
# $title: the ending's title.
print-ends = einde: { $title }
print-offered-when = alleen als { $condition }
# $competencies: competency titles, comma-separated.
print-shows = toont: { $competencies }
print-breaches = schendt: { $competencies }
# $node: a decision point's id.
print-cond-visited = { $node } bezocht
# $quality: a quality (report-quality).
print-cond-chose-quality = koos een antwoord { $quality }
# $node, $choice: ids.
print-cond-chose = koos { $choice } bij { $node }
# $condition: when this part shows; $text: the part.
print-debrief-when = [als { $condition }] { $text }
# $file: the output file.
print-written = De cursus is geschreven naar { $file }.

## The session core refused a step.
session-error-no-such-item = De cursus heeft geen les of scenario `{ $id }`.
session-error-not-here = Dat kan hier niet.
session-error-nothing-selected = Er is geen antwoord gekozen.

## kruispunt import twee, export twee (docs/twee.md)

# Eén regel van het importverslag. $place: BESTAND:REGEL van het Twee-bestand; $message: een van de twee-note-…- of twee-add-…-berichten.
twee-line-warning = { $place }: waarschuwing: { $message }
twee-line-to-add = { $place }: toe te voegen: { $message }
twee-error-not-utf8 = regel { $line }: het bestand is geen UTF-8-tekst; bewaar het als UTF-8 (zoals Twines “Export as Twee” doet)
twee-error-too-large = het bestand is groter dan { $limit } bytes
twee-error-too-many-passages = het bestand heeft meer dan { $limit } passages
twee-error-no-passages = geen passage: geen enkele regel begint met “::” (is dit wel een Twee-bestand?)
twee-error-no-passage-name = regel { $line }: een passagekop zonder naam
twee-error-duplicate-passage = regel { $line }: een tweede passage met de naam “{ $passage }” (de eerste staat op regel { $first }); hernoem er een, want links vinden een passage aan haar naam
twee-error-no-texts = scenario “{ $scenario }” heeft geen teksten in “{ $locale }”; kies een andere taal met --lang
twee-error-unusable-node-id = knoop “{ $node }” kan geen Twee-passagenaam zijn waar links naar wijzen; hernoem de knoop
twee-error-no-scenario = geen scenario “{ $id }” in de cursus
twee-note-text-before-first-passage = de tekst vóór de eerste passagekop wordt genegeerd
twee-note-bad-story-data = StoryData is geen JSON-object en wordt genegeerd
twee-note-bad-metadata = passage “{ $passage }”: de metadata in de kop zijn geen JSON en worden genegeerd
twee-note-unclosed-tags = passage “{ $passage }”: het tagblok heeft geen sluitende “]”
twee-note-construct = passage “{ $passage }”: { $format }-code “{ $construct }” kan geen deel van een scenario zijn en blijft als tekst staan; herschrijf ze met de Kruispunt-conventie of verwijder ze
twee-note-chapbook-vars = passage “{ $passage }”: de vars-sectie van Chapbook blijft als tekst staan; verander variabelen liever met “@effect” na een link
twee-note-setter-link = passage “{ $passage }”: de setter van de link wordt weggelaten; verander variabelen liever met “@effect” na de link
twee-note-skipped-passage = passage “{ $passage }” is code, opmaak of een speciale passage van haar verhaalformaat, en wordt niet geïmporteerd
twee-note-unknown-directive = passage “{ $passage }”: de onbekende regel “{ $directive }” wordt weggelaten
twee-note-misplaced-directive = passage “{ $passage }”: “{ $directive }” betekent hier niets (het hoort na een link, een gesproken regel of een deel van een nabespreking) en wordt weggelaten
twee-note-bad-value = passage “{ $passage }”: “{ $directive } { $value }” is onleesbaar en wordt weggelaten
twee-note-links-in-ending = passage “{ $passage }”: een einde heeft geen keuzes, dus de links worden weggelaten
twee-note-extra-links = passage “{ $passage }”: een “next”-passage gaat alleen naar haar eerste link; de andere links worden weggelaten
twee-note-first-passage-starts = StoryData noemt geen begin en er is geen passage “Start”: de eerste passage begint het scenario
twee-add-feedback = passage “{ $passage }”, de link naar “{ $target }”: voeg “@feedback” toe met de feedback van de coach op deze keuze
twee-add-quality = passage “{ $passage }”, de link naar “{ $target }”: voeg “@quality” toe met best, acceptable, weak of harmful
twee-add-thinker = passage “{ $passage }”, de link naar “{ $target }”: voeg “@thinker” toe met het personage van wie de gedachte is
twee-add-passage = passage “{ $passage }”: de link gaat naar “{ $target }”, dat niet bestaat; voeg een passage met die naam toe
twee-add-way-on = passage “{ $passage }” heeft geen link en geen eindtag: voeg links toe, of tag ze ending-good, ending-mixed of ending-poor
twee-add-outcome = passage “{ $passage }” heeft de tag “ending” zonder uitkomst: tag ze ending-good, ending-mixed of ending-poor
twee-add-debrief = passage “{ $passage }”: voeg “@debrief” toe met wat de cursist uit dit einde meeneemt
twee-add-setting = voeg “@setting” toe aan de passage Kruispunt: waar en wanneer het gesprek plaatsvindt
twee-add-goal = voeg “@goal” toe aan de passage Kruispunt: wat de cursist probeert te bereiken
twee-add-role = voeg “@role” toe onder “@character { $character }” in de passage Kruispunt
twee-add-bio = voeg “@bio” toe onder “@character { $character }” in de passage Kruispunt
twee-import-written = { $path } geschreven: scenario “{ $id }” met { $nodes ->
        [one] { $nodes } knoop
       *[other] { $nodes } knopen
    } en { $choices ->
        [one] { $choices } keuze
       *[other] { $choices } keuzes
    }, teksten in “{ $locale }”; { $warnings ->
        [one] { $warnings } waarschuwing
       *[other] { $warnings } waarschuwingen
    }, { $todo ->
        [0] niets toe te voegen.
        [one] 1 ding toe te voegen.
       *[other] { $todo } dingen toe te voegen.
    }
twee-import-valid = Het scenario doorstaat de validatie.
twee-import-invalid = De validatie van { $path } meldt nog:
twee-import-untranslated = { $texts ->
        [one] { $texts } tekst is
       *[other] { $texts } teksten zijn
    } nog niet vertaald in { $locales }, de andere talen van de cursus (waarschuwingen, zie docs/translating.md).
twee-import-how-to-add = Zo voeg je het toe aan een cursus: kopieer het naar de map scenarios/ van de cursus, voeg “{ $id }” toe aan de items van een module in course.json en voer “kruispunt validate MAP” uit (of importeer met --course MAP om het meteen aan die cursus te toetsen).
twee-import-not-in-module = “{ $id }” staat nog in geen enkele module van de cursus: voeg het toe aan de items van een module in course.json, bijvoorbeeld van “{ $module }” (hier gecontroleerd alsof het er al in stond).
twee-export-written = { $path } geschreven: { $passages } passages, teksten in “{ $locale }”.

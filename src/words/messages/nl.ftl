# De berichten van plein aan redacteuren, in het Nederlands. Elk bericht heeft dezelfde naam
# in en.ftl; `.help` is de tip eronder. Woorden tussen `backticks` zijn wat de redacteur
# typte of moet typen: laat die staan zoals ze zijn.

## Woorden rond de berichten

severity-error = fout
severity-warning = waarschuwing
help-label = tip
did-you-mean = {" "}(bedoel je `{ $name }`?)
thing = { $what ->
    [story] verhaal
    [event] activiteit
    [neighbourhood] buurt
    [person] persoon
    [tag] tag
   *[page] pagina
 }
every-thing = { $what ->
    [story] elk verhaal
    [event] elke activiteit
    [neighbourhood] elke buurt
    [person] elke persoon
   *[page] elke pagina
 }
errors = { $n ->
    [one] 1 fout
   *[other] { $n } fouten
 }
warnings = { $n ->
    [one] 1 waarschuwing
   *[other] { $n } waarschuwingen
 }
errors-and-warnings = { $errors } en { $warnings }
date-forms = een datum zoals 2022-07-18, of een datum en tijd zoals 2022-07-18T19:30

## Samenvattingen van build en check

nothing-written = plein: { $tally } gevonden; er is niets geschreven
check-clean = plein: geen fouten, geen waarschuwingen in { $what } ({ $seconds } s)
check-warnings = plein: geen fouten, { $warnings } in { $what } ({ $seconds } s)
stories = { $n ->
    [one] 1 verhaal
   *[other] { $n } verhalen
 }
events = { $n ->
    [one] 1 activiteit
   *[other] { $n } activiteiten
 }
pages = { $n ->
    [one] 1 pagina
   *[other] { $n } pagina's
 }
neighbourhoods = { $n ->
    [one] 1 buurt
   *[other] { $n } buurten
 }
people = { $n ->
    [one] 1 persoon
   *[other] { $n } personen
 }
tags = { $n ->
    [one] 1 tag
   *[other] { $n } tags
 }
built = plein: { $stories }, { $events }, { $neighbourhoods }, { $people }, { $tags } en { $pages } gemaakt
wrote = { $files } bestanden geschreven ({ $megabytes } MB){ $kept } en { $copied } gekopieerd naar { $output } in { $seconds } s
kept-unchanged = , { $n } ongewijzigd gelaten
up-to-date = plein: niets veranderd; { $output } is al bijgewerkt ({ $seconds } s)
warnings-above = { $warnings } (hierboven)
resizing = plein: foto's verkleinen: { $done } van { $total }

## plein serve

serve-built = plein: { $stories } en { $pages ->
    [one] 1 pagina
   *[other] { $pages } pagina's
 } gemaakt in { $seconds } s
serve-changed = plein: { $names } veranderd; { $pages ->
    [one] 1 pagina
   *[other] { $pages } pagina's
 } bijgewerkt in { $milliseconds } ms
serve-has-errors = plein: er is iets mis in de site; verbeter { $n ->
    [one] de fout
   *[other] de fouten
 } en de pagina laadt vanzelf opnieuw
serve-changed-errors = plein: { $names } veranderd; { $errors }, { $served ->
    [yes] de laatste goede versie blijft zichtbaar
   *[no] nog geen goede versie
 }

overlay-heading = { $n ->
    [one] Er is iets mis in 1 bestand
   *[other] Er is iets mis in { $n } bestanden
 }
overlay-still-served = de laatste goede versie blijft zichtbaar
overlay-not-built = de site kan nog niet gemaakt worden. Verbeter wat hieronder staat; daarna laadt deze pagina vanzelf opnieuw
overlay-title = Problemen in de site
overlay-other-host = plein serve laat de site alleen zien via een IP-adres van deze computer of via localhost, bijvoorbeeld { $address }

## Problemen

read = plein kan het bestand niet lezen: { $reason }
    .help = kijk of het bestand er is en of je het mag openen
write = plein kan `{ $path }` niet schrijven: { $reason }
not-utf8 = het bestand is niet als UTF-8-tekst opgeslagen, dus plein kan de letters niet lezen
    .help = kies in je teksteditor "Opslaan als" en dan de codering UTF-8
no-front-matter = het bestand begint niet met een regel `---`: bovenaan moeten de titel en de datum staan, tussen twee regels `---`
    .help = begin het bestand zo: een regel `---`, dan `title: Jouw titel`, `date: 2025-03-12`, en dan weer een regel `---`
unclosed-front-matter = de regels bovenaan zijn niet afgesloten: na de sleutels zoals `title:` moet een regel `---` komen
    .help = zet hier een regel met alleen `---`, onder de laatste sleutel en vóór de tekst
yaml = plein kan de regels bovenaan niet lezen: { $detail }
    .help = vergelijk deze regel met de voorbeeldregels in docs/schrijven.md
unknown-key = onbekende sleutel `{ $key }`{ $hint }; je kunt deze sleutels gebruiken: { $allowed }
    .help = verbeter de spelling, of haal de regel weg als hij niet nodig is
missing-key = de sleutel `{ $key }` ontbreekt; { every-thing } heeft die nodig
    .help = zet een regel `{ $key }: ...` tussen de twee regels `---` bovenaan
bad-date = `{ $value }` is geen datum die plein kan lezen
    .help = { $known ->
        [yes] schrijf de datum als jaar-maand-dag: `{ $key }: { $iso }`; met een tijd: `{ $iso }T19:30`
       *[no] schrijf de datum als jaar-maand-dag, zoals `{ $key }: { $iso }`; met een tijd: `{ $iso }T19:30`
    }
unknown-kind = onbekend thema `{ $kind }`{ $hint }; de thema's van deze site zijn: { $allowed }; ze staan in plein.yaml
    .help = schrijf een van deze thema's, zoals `kind: { $first }`
missing-image-alt = er staat een `image`, maar `image_alt` ontbreekt: beschrijf de foto voor lezers die hem niet kunnen zien
    .help = zet er een regel bij zoals `image_alt: Buren planten bollen langs het pad`
duplicate-slug = het webadres `{ $slug }` ({ thing }) wordt al gebruikt door { $first }
    .help = twee bestanden zouden hetzelfde webadres krijgen: geef een van de twee een andere naam, of een eigen `slug:`
empty-slug = het webadres van `{ $title }` zou leeg zijn: geef een `slug:` met letters of cijfers
    .help = zet er een regel bij zoals `slug: over-ons`
reserved-slug = het paginaadres `{ $slug }` botst met het onderdeel `/{ $slug }/` van de site zelf; kies een andere `slug:`
    .help = zet er een regel bij zoals `slug: over-de-verhalen`, dan krijgt de pagina een eigen adres
missing-link = link naar `{ $target }`, maar dat bestand bestaat niet{ $hint }
    .help = link naar een ander verhaal, een activiteit of een persoon via het bestand, gezien vanaf dit bestand, zoals ../people/henk-verhoeven.md
missing-picture = de foto `{ $target }` staat niet naast dit bestand{ $hint }
    .help = zet de foto in dezelfde map als dit bestand, of verbeter de naam: bij `image: { $target }` zoekt plein de foto naast dit bestand
hash-in-value = na ` #` leest plein de rest van de regel als opmerking, dus `{ $key }` wordt alleen `{ $kept }`
    .help = zet de hele waarde tussen rechte aanhalingstekens: `{ $fixed }`
outside-content = een Markdown-bestand buiten de mappen met inhoud, dus plein weet niet wat het is
    .help = zet het in een van deze mappen: { $folders }
yaml-registration-url = de aanmeldlink `{ $label }` heeft geen `url`
    .help = schrijf hem zo: `{"{"} label: { $label }, url: https://… {"}"}`
link-to-draft = link naar `{ $target }`, maar dat is een concept en staat niet op de site
    .help = publiceer het verhaal waar de link naar gaat (haal `draft: true` weg), bekijk het met --drafts, of haal de link weg
unknown-event = onbekende activiteit `{ $slug }`{ $hint }; activiteiten zijn de bestandsnamen in content/events/
    .help = schrijf de naam van een bestand in content/events/ zonder .md, zoals `events: [repaircafe]` voor content/events/repaircafe.md
end-before-start = de activiteit eindigt ({ $end }) voordat hij begint ({ $start })
    .help = kijk de datum en de tijd bij `end` na; schrijf tijden zoals 2026-10-06T19:30
start-not-in-repeat = de activiteit begint op { $start }, maar dat is geen dag van de herhaling ({ $rule })
    .help = maak van `start` de eerste bijeenkomst van de reeks
year-slug = het adres `{ $slug }` van de activiteit is een getal, maar /{ $section }/{ $slug }/ is de agenda van dat jaar
    .help = zet er een regel bij zoals `slug: { $slug }-bijeenkomst`
unknown-time-zone = onbekende tijdzone `{ $zone }`
    .help = schrijf een naam zoals `timezone: Europe/Amsterdam`
unknown-language = onbekende taal `{ $code }`: kies een van deze: { $known }
    .help = schrijf `language: nl` voor Nederlands of `language: en` voor Engels
bad-base-url = `{ $value }` is geen webadres voor de site: { $reason ->
    [scheme] het moet beginnen met https:// of http://
    [no-scheme] er staat geen https:// aan het begin
    [space] er staat een spatie of een onzichtbaar teken in
    [query] een siteadres heeft geen deel met `?` of `#`
    [user] een siteadres bevat geen gebruikersnaam of wachtwoord
    [host] er staat geen goede naam na de //
    [path] het pad bevat `\`, `.` of `..`
   *[other] { $detail }
 }
    .help = schrijf het adres waar de site online komt, zoals `base_url: https://www.lindenbuurt.nl/`
unsafe-url = { $key }{ $fault ->
    [control] het webadres `{ $url }` bevat een onzichtbaar teken (zoals een tab of een regeleinde): typ het adres opnieuw op één regel
    [image] `{ $url }` is geen plek voor een foto: schrijf de naam van een foto naast dit bestand (foto.jpg), een pad op deze site (/images/foto.jpg) of een adres dat begint met https://
   *[link] `{ $url }` is geen webadres waar een link naartoe mag: schrijf een adres dat begint met https://, http://, mailto: of tel:, of een pad op deze site zoals /agenda/
 }
    .help = { $image ->
        [yes] bijvoorbeeld image: muur.jpg
       *[no] adressen als javascript: of data: kunnen code uitvoeren bij wie klikt; een goed adres is bijvoorbeeld url: https://www.buurtwijs.nl/artikel
    }
template = in sjabloon `{ $template }`: { $detail }
    .help = er zit een fout in het thema; heb je het thema niet veranderd, vraag het dan aan wie het maakte
output = { $detail }
deploy-target = publicatiedoel: { $detail }
    .help = kijk het deel `deploy:` van plein.yaml na

## Tips van plein check

missing-image-credit = er staat een `image`, maar `image_credit` ontbreekt: noem wie de foto maakte
    .help = zet er een regel bij zoals `image_credit: Sevgi Demir`, met toestemming van de maker
no-neighbourhood = dit verhaal heeft geen `neighbourhoods`, dus geen enkele buurtpagina laat het zien
    .help = zet er een regel bij zoals `neighbourhoods: [Muntenbuurt]`
long-summary = de `summary` heeft { $chars } tekens; op een kaart passen er ongeveer { $max }
    .help = houd de samenvatting bij een of twee korte zinnen; het verhaal zelf vertelt de rest
long-sentence = deze zin heeft { $words } woorden; probeer er niet meer dan { $max } te gebruiken
    .help = maak er twee zinnen van: korte zinnen zijn voor iedereen makkelijker te lezen (taalniveau B1)
long-paragraph = deze alinea heeft { $words } woorden; probeer er niet meer dan { $max } te gebruiken
    .help = begin een nieuwe alinea, met een lege regel, waar de tekst over iets nieuws gaat
skipped-heading = de kop springt van `{ $from }` naar `{ $to }`; gebruik hier `{ $next }`
    .help = lezers met een schermlezer vinden hun weg via de niveaus van de koppen
title-heading = een kop met `#` in de tekst: de titel is al de hoofdkop van de pagina
    .help = gebruik `##` voor de delen van de tekst
vague-link-text = de linktekst `{ $text }` zegt niet waar de link naartoe gaat
    .help = gebruik woorden die zeggen waar de link heen gaat, zoals [de agenda van De Stuiver](...)
image-without-alt = een afbeelding zonder beschrijving tussen de vierkante haken
    .help = schrijf wat er op de afbeelding staat, zoals ![Kinderen zaaien zonnebloemen](zaaien.jpg)
list-without-brackets = `{ $key }` leest als één naam, `{ $value }`: zonder vierkante haken is een lijst één naam
    .help = schrijf `{ $key }: [{ $items }]` als het er meer zijn; laat het zo staan als het echt één naam is
missing-base-url = plein.yaml heeft geen `base_url`, dus de links in feeds, de sitemap en agendabestanden wijzen naar het voorbeeldadres http://127.0.0.1:1111/ en niet naar de site
    .help = schrijf het adres waar de site online komt, zoals `base_url: https://www.lindenbuurt.nl/`
similar-name = nieuwe { thing } `{ $name }`{ $hint }
    .help = een naam die anders geschreven is, krijgt een eigen pagina; is dit dezelfde { thing }, schrijf de naam dan precies hetzelfde

## Wat een melding van de YAML-lezer betekent, in de woorden van de fouten die redacteuren maken

yaml-colon = een dubbele punt met een spatie erna midden in een waarde: plein leest dat als een nieuwe sleutel
    .help = zet de hele waarde tussen rechte aanhalingstekens, zoals title: "Buurtkamer: open op dinsdag"
yaml-bracket = een lijst tussen vierkante haken is niet gesloten met `]`
    .help = sluit de lijst op dezelfde regel af, zoals neighbourhoods: [Muntenbuurt, Zuilenstein]
yaml-token = op deze regel staat een teken dat plein hier niet kan lezen: een tab, of een waarde die begint met @, ` of %
    .help = gebruik spaties, geen tabs, aan het begin van een regel; zet een waarde die begint met @ of ` tussen rechte aanhalingstekens, zoals title: "@thuis in de buurt"
yaml-quotes = er is een aanhalingsteken geopend maar niet gesloten
    .help = sluit elke waarde die met " begint af met een " op dezelfde regel, zoals title: "Open dag"
yaml-indent = de regels staan niet goed onder elkaar: een sleutel of lijstregel begint te ver naar rechts, of niet ver genoeg
    .help = begin sleutels helemaal aan het begin van de regel, zonder spaties ervoor; regels van een lijst onder een sleutel beginnen met `  - `
yaml-boolean = `{ $key }` moet true of false zijn, niet `{ $value }`
    .help = { $suggest ->
        [true] schrijf `{ $key }: true` (dat is: ja)
        [false] schrijf `{ $key }: false` (dat is: nee)
       *[other] schrijf `{ $key }: true` (ja) of `{ $key }: false` (nee)
    }
yaml-date = `{ $value }` is geen datum die plein kan lezen
    .help = { $known ->
        [yes] schrijf de datum als jaar-maand-dag: `{ $key }: { $iso }`; met een tijd: `{ $iso }T19:30`
       *[no] schrijf de datum als jaar-maand-dag, zoals `{ $key }: { $iso }`; met een tijd: `{ $iso }T19:30`
    }
yaml-list = `{ $key }` moet een lijst met namen zijn
    .help = schrijf een lijst zo: `{ $key }: [Muntenbuurt, Zuilenstein]`
yaml-duplicate = de sleutel `{ $key }` staat er twee keer
    .help = elke sleutel mag één keer voorkomen; haal de tweede weg of voeg ze samen

## Fouten die plein aan de regel zelf herkent; `fixed` is de regel zoals hij moet zijn

yaml-line-tab = op deze regel staat een tab; plein leest aan het begin van een regel alleen spaties
    .help = typ spaties in plaats van de tab: `{ $fixed }`
yaml-line-curly = krullende aanhalingstekens (“ ” of ‘ ’): plein kent alleen rechte aanhalingstekens (" of ')
    .help = typ rechte aanhalingstekens, zoals op het toetsenbord: `{ $fixed }`
yaml-line-colon = een dubbele punt met een spatie erna midden in een waarde: plein leest dat als een nieuwe sleutel
    .help = zet de hele waarde tussen rechte aanhalingstekens: `{ $fixed }`
yaml-line-quote = op deze regel gaat een aanhalingsteken open, maar niet meer dicht
    .help = sluit het aanhalingsteken aan het eind van de regel: `{ $fixed }`
yaml-line-list = de lijst op deze regel is niet gesloten met `]`
    .help = sluit de lijst op dezelfde regel af: `{ $fixed }`
yaml-line-indent = deze sleutel begint verder naar rechts dan de sleutels erboven, dus plein leest hem als deel van de regel erboven
    .help = begin de sleutel helemaal aan het begin van de regel: `{ $fixed }`

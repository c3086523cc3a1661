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

serve-no-port = plein: de poort { $bind }:{ $port } en de poorten daarna zijn niet vrij; kies een andere poort met --port, zoals `--port 2222`
serve-open-bind = plein: waarschuwing: met { $bind } kunnen ook andere computers de voorbeeldsite zien
serve-no-folder = plein: de map voor de voorbeeldsite kan niet gemaakt worden: { $reason }
serve-stopped = plein: gestopt
serve-no-ctrlc = plein: waarschuwing: na Ctrl-C ruimt plein de map van de voorbeeldsite niet op: { $reason }
serve-no-thread = plein: het zoekregister kan niet bijgehouden worden: { $reason }
serve-no-watch = plein: de map van de site kan niet gevolgd worden: { $reason }
serve-serving = plein: de voorbeeldsite staat op { $url } (stoppen: Ctrl-C)
serve-search-index = plein: zoekregister: { $n ->
        [one] 1 bestand
       *[other] { $n } bestanden
    } bijgewerkt in { $ms } ms
serve-folder-unwritable = plein: schrijven in de map van de voorbeeldsite lukt niet: { $reason }
serve-no-browser = plein: hier kan geen browser open; open zelf { $url }
serve-port-taken = plein: poort { $port } is bezet; plein gebruikt { $actual }
serve-no-send-limit = plein: waarschuwing: een pagina die stopt met lezen kan de voorbeeldsite ophouden: { $reason }
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

read = plein kan het bestand niet lezen: { $kind ->
        [not-found] het is er niet (meer)
        [no-permission] je mag het niet openen
       *[other] { $reason }
    }
    .help = kijk of het bestand er is en of je het mag openen
write = plein kan `{ $path }` niet schrijven: { $kind ->
        [no-permission] je mag daar niet schrijven
        [full] de schijf is vol
        [read-only] op die schijf mag niets geschreven worden
        [not-found] de map is er niet (meer)
       *[other] { $reason }
    }
picture-unreadable = plein kan deze foto niet lezen; plein leest foto's als JPEG of PNG ({ $reason })
    .help = sla de foto op als JPEG (.jpg), bijvoorbeeld met "Exporteren" of "Opslaan als" in je fotoprogramma; een foto van een iPhone is vaak HEIC
link-loop = een snelkoppeling (symbolische link) wijst terug naar { $folder }, dus plein zou eindeloos blijven lezen
    .help = haal de snelkoppeling weg, of laat hem naar een andere map wijzen
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
except-not-in-repeat = { $date } bij `except` is geen dag van de herhaling ({ $rule }), dus er valt niets over te slaan
    .help = kies de datum van een keer dat de activiteit er anders zou zijn, zoals een dinsdag bij een reeks op dinsdag
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
output-refused = plein bouwt niet in { $output }: { $why ->
        [root] dat is de hoogste map van de computer
        [site] dat is de map van de site zelf
        [holds-site] de map van de site staat daarin
        [inside-site] die map staat in de map { $folder }/ van de site
        [file] dat is een bestand, geen map
       *[foreign] daar staan bestanden in die plein niet heeft gemaakt
    }
    .help = { $why ->
        [foreign] maak die map leeg, of kies een andere map met --output, zoals `--output public`
       *[other] kies een andere map met --output, zoals `--output public`
    }
site-folder-unreadable = plein kan de map van de site { $folder } niet openen: { $reason }
    .help = kijk of de map er is en of je hem mag openen
output-busy = een andere plein schrijft nu in deze map (slotbestand { $lock })
    .help = wacht tot die klaar is en probeer het dan opnieuw
output-lock = plein kan het slotbestand { $lock } niet maken
    .help = kijk of je in de map naast de uitvoermap mag schrijven
unknown-theme = plein kent het thema `{ $theme }` niet: er is geen map { $folder }
    .help = kijk de spelling van `theme:` in plein.yaml na, of haal die regel weg voor het thema buurt
theme-words = het thema heeft geen woorden voor de taal `{ $lang }`
    .help = maak het bestand themes/{ $theme }/i18n/{ $lang }.yaml, of kies een andere `language:` in plein.yaml
file-unwritable = plein kan `{ $path }` niet schrijven: { $reason }
    .help = kijk of je in die map mag schrijven en of de schijf niet vol is
stdout-unwritable = plein kan niet naar de uitvoer schrijven: { $reason }
said = { $message }
    .help = { $help }
said-alone = { $message }
new-no-slug = in de titel `{ $title }` staan geen letters of cijfers om een bestandsnaam van te maken
    .help = geef een titel in woorden, zoals "De buurttuin is open"
new-end-before-start = de activiteit eindigt ({ $end }) voordat hij begint ({ $start })
    .help = kijk de datum en de tijd bij --end na
new-exists = `{ $path }` bestaat al; plein schrijft nooit over een bestand heen
    .help = kies een andere titel, of open dat bestand om verder te schrijven
init-file = `{ $path }` is een bestand, geen map
    .help = geef de naam van een nieuwe map, zoals `plein init mijn-wijk`
init-not-empty = de map `{ $path }` is niet leeg
    .help = plein init maakt een nieuwe site in een nieuwe of lege map; geef een andere mapnaam, of zet er --force achter om de voorbeeldbestanden hier toe te voegen (bestanden die er al zijn, blijven)
init-site = plein: een nieuwe site in { $dir }
init-made = {"  "}gemaakt   { $path }
init-kept = {"  "}bewaard   { $path } (dat was er al)
init-next = Hierna: cd { $dir } && plein serve, en open http://127.0.0.1:1111 om de site te zien.
    {"      "}Schrijf een eigen verhaal met: plein new story "Jouw titel"
deploy-same-name = twee publicatiedoelen heten `{ $name }`
    .help = geef elk doel onder `deploy:` in plein.yaml een eigen `name:`
deploy-no-name = een publicatiedoel onder `deploy:` heeft geen `name:`
    .help = geef het een naam, zoals `name: productie`
deploy-no-url = het publicatiedoel `{ $name }` heeft geen `url:`
    .help = schrijf waar de site heen moet, zoals `url: s3://mijn-bucket` of `url: s3://mijn-bucket/map`
deploy-region = `{ $region }` is geen regio
    .help = schrijf de naam van de regio, zoals `region: eu-west-1`, `region: nl-ams` of `region: auto`
deploy-brotli = een bucket kan geen brotli bewaren: hij stuurt iedere lezer dezelfde bytes, en browsers lezen brotli alleen via https, feedlezers en andere programma's vaak helemaal niet
    .help = schrijf `compress: gzip`; dat leest elk programma (een CDN zoals CloudFront of Cloudflare maakt er zelf brotli van)
deploy-compress = plein kent de compressie `{ $value }` niet
    .help = schrijf `compress: gzip` of `compress: none`
deploy-keep = `{ $pattern }` is geen patroon van bestanden in de bucket
    .help = schrijf een pad vanaf de site, zonder / ervoor, zoals `keep: [archief/**]`
deploy-not-s3 = `{ $url }` is geen s3://-adres
    .help = schrijf `url: s3://mijn-bucket` of `url: s3://mijn-bucket/map`
deploy-bucket = `{ $bucket }` is geen naam van een bucket
    .help = een bucketnaam heeft 3 tot 63 kleine letters, cijfers, punten en streepjes, en begint en eindigt met een letter of cijfer, zoals `url: s3://buurt-site`
deploy-prefix = `{ $prefix }` is geen map in de bucket: er zit een leeg deel, `.` of `..` in
    .help = schrijf de map zonder lege delen, zoals `url: s3://mijn-bucket/site`
deploy-endpoint-scheme = `{ $endpoint }` bij `{ $origin }` is geen http- of https-adres
    .help = schrijf het adres van de opslagdienst, zoals `endpoint: https://s3.nl-ams.scw.cloud`
deploy-endpoint-path = `{ $endpoint }` bij `{ $origin }` is meer dan het adres van de opslagdienst
    .help = schrijf alleen het adres, zonder pad, zoals `endpoint: https://s3.nl-ams.scw.cloud`; de bucket hoort bij `url:`

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
yaml-list = `{ $key }` moet een lijst zijn
    .help = { $example ->
        [none] schrijf een lijst zo: `{ $key }: [Muntenbuurt, Zuilenstein]`
       *[other] schrijf het zo: `{ $example }`
    }
yaml-type = `{ $key }` is hier { $found ->
        [text] de tekst `{ $value }`
        [number] het getal `{ $value }`
        [yesno] `{ $value }`
        [list] een lijst
        [keys] een groep sleutels
        [empty] leeg
       *[other] iets anders
    }, maar plein verwacht { $expected ->
        [text] een tekst
        [number] een heel getal
        [list] een lijst
        [keys] sleutels tussen {"{"} en {"}"}
        [rule] een regel met sleutels
       *[other] iets anders
    }
    .help = { $example ->
        [none] vergelijk deze regel met de voorbeeldregels in docs/schrijven.md
       *[other] schrijf het zo: `{ $example }`
    }
unknown-inner-key = `{ $key }` kent de sleutel `{ $field }` niet{ $hint }; je kunt deze sleutels gebruiken: { $allowed }
    .help = { $example ->
        [none] verbeter de spelling, of haal `{ $field }` weg als het niet nodig is
       *[other] schrijf het zo: `{ $example }`
    }
yaml-missing = in `{ $key }` ontbreekt `{ $field }`
    .help = { $example ->
        [none] zet `{ $field }: ...` erbij
       *[other] schrijf het zo: `{ $example }`
    }
# Een goede regel voor een sleutel, als voorbeeld bij een fout; leeg als er geen voorbeeld is.
field-example = { $key ->
        [title] title: Buurtfeest op het plein
        [subtitle] subtitle: Een middag voor iedereen
        [summary] summary: "Buren vieren samen het begin van de zomer."
        [slug] slug: buurtfeest-2025
        [date] date: 2025-03-12
        [start] start: 2025-03-12T19:30
        [end] end: 2025-03-12T21:00
        [location] location: {"{"} name: De Zuil, address: Zuilenstraat 1 {"}"}
        [location-name] location: {"{"} name: De Zuil {"}"}
        [location-address] location: {"{"} name: De Zuil, address: Zuilenstraat 1 {"}"}
        [registration] registration: [{"{"} label: Aanmelden, url: https://… {"}"}]
        [registration-label] registration: [{"{"} label: Aanmelden, url: https://… {"}"}]
        [registration-url] registration: [{"{"} label: Aanmelden, url: https://… {"}"}]
        [source] source: {"{"} name: Buurtkrant, url: https://… {"}"}
        [source-name] source: {"{"} name: Buurtkrant, url: https://… {"}"}
        [source-url] source: {"{"} name: Buurtkrant, url: https://… {"}"}
        [neighbourhoods] neighbourhoods: [Muntenbuurt, Zuilenstein]
        [authors] authors: [Ria de Vries, Sem Bakker]
        [tags] tags: [groen, ontmoeten]
        [events] events: [Buurtfeest op het plein]
        [anchors] anchors: [De Zuil, Speeltuin Kameleon]
        [image] image: foto.jpg
        [image_alt] image_alt: Buren zetten samen tafels op het plein
        [image_credit] image_credit: Ria de Vries
        [city] city: Utrecht
        [role] role: buurtverbinder
        [organisation] organisation: Buurthuis De Zuil
        [repeat] repeat: {"{"} every: week, on: dinsdag {"}"}
        [repeat-every] repeat: {"{"} every: week, on: dinsdag {"}"}
        [repeat-on] repeat: {"{"} every: week, on: dinsdag {"}"}
        [repeat-interval] repeat: {"{"} every: week, interval: 2 {"}"}
        [repeat-count] repeat: {"{"} every: week, count: 10 {"}"}
        [repeat-until] repeat: {"{"} every: week, until: 2027-06-29 {"}"}
       *[other] {""}
    }

## Fouten in de regel van een activiteit die terugkomt (`repeat`)

repeat-weekday = `{ $word }` is geen dag van de week{ $hint }
    .help = schrijf een dag zoals `on: dinsdag`; meer dagen zo: `on: [dinsdag, donderdag]`
repeat-month-day = `{ $text }` is geen dag van de maand
    .help = schrijf een dagnummer zoals `on: 15`, of eerste, tweede, derde, vierde, vijfde of laatste met een dag, zoals `on: eerste zaterdag`
repeat-on = `{ $text }` is geen dag van de week en geen dag van de maand
    .help = schrijf een dag zoals `on: dinsdag`, of voor elke maand een dag zoals `on: 15` of `on: eerste zaterdag`
repeat-no-weekday = bij `on` staat geen dag
    .help = schrijf een dag zoals `on: dinsdag`, of haal `on` weg
repeat-day-number = `{ $n }` is geen dag van de maand
    .help = kies een getal van 1 tot en met 31, zoals `on: 15`
repeat-every = `{ $word }` zegt niet hoe vaak de activiteit terugkomt
    .help = schrijf `every: week` of `every: month` (elke maand); voor om de week zet je er `interval: 2` bij
repeat-times = `{ $value }` kan niet bij `{ $key }`: plein verwacht een heel getal van 1 tot en met 1000
    .help = { $key ->
        [count] schrijf hoe vaak de activiteit is, zoals `count: 10`
       *[interval] schrijf om de hoeveel weken of maanden, zoals `interval: 2` (om de week)
    }
repeat-until-time = `until` is de laatste dag van de reeks, zonder tijd
    .help = schrijf alleen de datum, zoals `until: 2027-06-29`
repeat-not-rule = `repeat: { $text }` is geen regel die plein kan lezen
    .help = schrijf de regel met sleutels, zoals `repeat: {"{"} every: week, on: dinsdag {"}"}`
repeat-unknown-key = `repeat` kent de sleutel `{ $key }` niet{ $hint }
    .help = je kunt deze sleutels gebruiken: { $allowed }; zoals `repeat: {"{"} every: week, on: dinsdag {"}"}`
repeat-no-every = bij `repeat` staat niet hoe vaak: `every` ontbreekt
    .help = schrijf `every: week` of `every: month`, zoals `repeat: {"{"} every: week, on: dinsdag {"}"}`
repeat-weekly-day-number = een activiteit die elke week terugkomt, valt op een dag van de week, niet op dag { $n } van de maand
    .help = schrijf een dag zoals `on: dinsdag`, of `every: month` voor elke maand op dag { $n }
repeat-weekly-nth = een activiteit die elke week terugkomt, valt op een dag van de week; `eerste zaterdag` en zo horen bij `every: month`
    .help = schrijf `every: month` voor elke maand, of een dag zoals `on: zaterdag` voor elke week
repeat-monthly-weekday = bij een activiteit die elke maand terugkomt, staat niet welke { $weekday } van de maand
    .help = schrijf `on: eerste { $weekday }` of `on: laatste { $weekday }`
repeat-monthly-weekdays = een activiteit die elke maand terugkomt, valt op één dag van de maand
    .help = schrijf een dagnummer zoals `on: 15`, of een dag zoals `on: eerste zaterdag`
repeat-except = `{ $text }` bij `except` is geen datum
    .help = { $known ->
        [yes] schrijf de datum als jaar-maand-dag: `except: [{ $iso }]`
       *[no] schrijf de dagen die niet doorgaan als jaar-maand-dag, zoals `except: [2027-04-27, 2027-12-28]`
    }
repeat-until-and-count = bij `repeat` staan `until` en `count` allebei
    .help = kies er één: `until` (de laatste dag) of `count` (hoe vaak); zonder allebei gaat de reeks door
yaml-duplicate = de sleutel `{ $key }` staat er twee keer
    .help = elke sleutel mag één keer voorkomen; haal deze tweede regel met `{ $key }:` weg, of voeg de twee samen

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

## plein deploy: wat het zegt tegen wie de site publiceert

deploy-files = { $n ->
        [one] 1 bestand
       *[other] { $n } bestanden
    }
deploy-keys-environment = sleutels uit de omgeving
deploy-keys-profile = sleutels van profiel { $name }
deploy-heading = plein: publiceren naar { $name }: { $url } op { $origin } ({ $keys })
deploy-using-build = plein: de site wordt niet opnieuw gebouwd; plein publiceert de build in { $dir }
deploy-plan-label = { $what ->
        [new] nieuw
        [changed] gewijzigd
        [delete] verwijderen
        [unchanged] ongewijzigd
       *[kept] bewaard (keep)
    }
deploy-nothing-to-do = plein: de bucket is al gelijk aan de site; er is niets te doen
deploy-dry-run = plein: proefrit (--dry-run): er is niets veranderd in de bucket
deploy-too-many-deletes = dit zou { $files } van de { $total } in de bucket verwijderen ({ $share }%); dat is meer dan een kwart
    .help = kijk met --dry-run welke bestanden het zijn; klopt het, publiceer dan opnieuw met --yes. Bestanden die iemand anders beheert, bescherm je met `keep:` in plein.yaml of met --keep
deploy-progress = {"  "}uploaden: { $done } van { $files }, { $size }
deploy-summary = plein: { $files } geüpload ({ $size }), { $deleted } verwijderd, { $unchanged } ongewijzigd, in { $time }
deploy-partial = plein: { $n ->
        [one] 1 bestand was
       *[other] { $n } bestanden waren
    } al geüpload; publiceer opnieuw, dan komt alleen de rest erbij
deploy-no-targets = plein.yaml zegt niet waar de site heen moet: er is geen `deploy:`
    .help = voeg toe aan plein.yaml:
        {"         "}deploy:
        {"           "}- name: productie
        {"             "}url: s3://mijn-bucket
        {"             "}endpoint: https://s3.nl-ams.scw.cloud
        {"             "}region: nl-ams
        {"         "}of noem de bucket: plein deploy --target s3://mijn-bucket (met AWS_ENDPOINT_URL voor een andere opslag dan Amazon S3; zie docs/publiceren.md)
deploy-unknown-target = er is geen doel `{ $name }`{ $hint } in plein.yaml; er zijn: { $names }
deploy-local-base-url = base_url in plein.yaml is { $url }: de feeds, de sitemap en de gedeelde links zouden naar deze computer wijzen
    .help = zet het webadres van de site in plein.yaml, zoals `base_url: https://www.lindenbuurt.nl/`
deploy-not-a-build = { $dir } is geen map die plein build heeft gemaakt
    .help = geef bij --output de map van een build, of laat --output weg: dan bouwt plein de site eerst
deploy-read-failed = plein kan de build in { $dir } niet lezen: { $reason }
deploy-no-credentials = geen sleutels voor de bucket: AWS_ACCESS_KEY_ID en AWS_SECRET_ACCESS_KEY zijn niet gezet, en profiel { $profile } staat niet in { $files }
    .help = zet de twee sleutels van je opslag in de omgeving: export AWS_ACCESS_KEY_ID=... en export AWS_SECRET_ACCESS_KEY=... (nooit in plein.yaml)
deploy-network = { $endpoint } is niet te bereiken ({ $detail }), ook niet na vijf pogingen
    .help = kijk of deze computer internet heeft en of `endpoint:` in plein.yaml klopt
deploy-unknown-key = de opslag kent deze toegangssleutel (AWS_ACCESS_KEY_ID) niet
    .help = kopieer de sleutel opnieuw uit het beheer van je opslag; hoort hij bij een andere aanbieder, kijk dan naar `endpoint:`
deploy-wrong-secret = de geheime sleutel (AWS_SECRET_ACCESS_KEY) hoort niet bij de toegangssleutel
    .help = kopieer de geheime sleutel opnieuw, zonder spaties ervoor of erachter
deploy-expired-token = de tijdelijke sleutel (AWS_SESSION_TOKEN) is verlopen of ongeldig
    .help = vraag nieuwe tijdelijke sleutels aan, of gebruik vaste sleutels
deploy-denied = deze sleutels mogen dat niet in de bucket ({ $action ->
        [list] de bestanden opvragen
        [put] een bestand schrijven
       *[delete] bestanden verwijderen
    })
    .help = geef de sleutels in het beheer van je opslag het recht om te lezen, te schrijven en te verwijderen (s3:ListBucket, s3:PutObject, s3:DeleteObject)
deploy-no-bucket = de bucket `{ $bucket }` bestaat niet bij deze opslag
    .help = maak de bucket aan in het beheer van je opslag, of verbeter `url:` (en `endpoint:`) in plein.yaml
deploy-region-is = de bucket staat in regio { $region }, niet in de regio waarvoor plein tekende
    .help = zet `region: { $region }` bij het doel in plein.yaml
deploy-region-other = de bucket staat in een andere regio
    .help = zet de regio van de bucket bij `region:` in plein.yaml
deploy-clock = de klok van deze computer loopt te ver voor of achter{ $known ->
        [yes] {" "}({ $minutes } minuten)
       *[no] {""}
    }; de opslag weigert dan elk verzoek
    .help = zet de klok gelijk (bijvoorbeeld met automatische tijd of NTP) en probeer het opnieuw
deploy-server = de opslag weigerde: { $said }
    .help = probeer het later opnieuw; blijft het gebeuren, vraag dan je opslagaanbieder wat dit betekent
deploy-read = plein kan { $path } niet lezen: { $reason }
    .help = bouw de site opnieuw en publiceer dan

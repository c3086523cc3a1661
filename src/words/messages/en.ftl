# plein's messages to editors, in English. Each message has the same name in nl.ftl;
# `.help` is the help line shown under it. Names of things in `backticks` are what the
# editor typed or should type: leave them as they are.

## Words around the messages

severity-error = error
severity-warning = warning
help-label = help
did-you-mean = {" "}(did you mean `{ $name }`?)
thing = { $what ->
    [story] story
    [event] event
    [neighbourhood] neighbourhood
    [person] person
    [tag] tag
   *[page] page
 }
every-thing = { $what ->
    [story] every story
    [event] every event
    [neighbourhood] every neighbourhood
    [person] every person
   *[page] every page
 }
errors = { $n ->
    [one] 1 error
   *[other] { $n } errors
 }
warnings = { $n ->
    [one] 1 warning
   *[other] { $n } warnings
 }
errors-and-warnings = { $errors } and { $warnings }
date-forms = a date such as 2022-07-18, or a date and time such as 2022-07-18T19:30

## Summaries of build and check

nothing-written = plein: { $tally } found; nothing was written
check-clean = plein: no errors, no warnings in { $what } ({ $seconds } s)
check-warnings = plein: no errors, { $warnings } in { $what } ({ $seconds } s)
stories = { $n ->
    [one] 1 story
   *[other] { $n } stories
 }
events = { $n ->
    [one] 1 event
   *[other] { $n } events
 }
pages = { $n ->
    [one] 1 page
   *[other] { $n } pages
 }
neighbourhoods = { $n ->
    [one] 1 neighbourhood
   *[other] { $n } neighbourhoods
 }
people = { $n ->
    [one] 1 person
   *[other] { $n } people
 }
tags = { $n ->
    [one] 1 tag
   *[other] { $n } tags
 }
built = plein: built { $stories }, { $events }, { $neighbourhoods }, { $people }, { $tags }, { $pages }
wrote = wrote { $files } files ({ $megabytes } MB){ $kept } and copied { $copied } into { $output } in { $seconds } s
kept-unchanged = , kept { $n } unchanged
up-to-date = plein: nothing changed; { $output } is up to date ({ $seconds } s)
warnings-above = { $warnings } (above)
resizing = plein: resizing photos: { $done } of { $total }

## plein serve

serve-no-port = plein: port { $bind }:{ $port } and the ports after it are not free; choose another with --port, such as `--port 2222`
serve-open-bind = plein: warning: serving on { $bind } makes the preview reachable from other machines
serve-no-folder = plein: the preview's folder cannot be made: { $reason }
serve-stopped = plein: stopped
serve-no-ctrlc = plein: warning: Ctrl-C will not clean up the preview's folder: { $reason }
serve-no-thread = plein: the search index cannot be kept up to date: { $reason }
serve-no-watch = plein: the site folder cannot be followed: { $reason }
serve-serving = plein: serving at { $url } (Ctrl-C to stop)
serve-search-index = plein: search index: { $n ->
        [one] 1 file
       *[other] { $n } files
    } updated in { $ms } ms
serve-folder-unwritable = plein: writing in the preview's folder failed: { $reason }
serve-no-browser = plein: no browser can be opened here; open { $url } yourself
serve-port-taken = plein: port { $port } is taken; using { $actual } instead
serve-no-send-limit = plein: warning: a page that stops reading may hold up the preview: { $reason }
serve-built = plein: built { $stories } and { $pages ->
    [one] 1 page
   *[other] { $pages } pages
 } in { $seconds } s
serve-changed = plein: { $names } changed; { $pages ->
    [one] 1 page
   *[other] { $pages } pages
 } updated in { $milliseconds } ms
serve-has-errors = plein: the site has { $n ->
    [one] an error
   *[other] errors
 }; fix { $n ->
    [one] it
   *[other] them
 } and the page reloads by itself
serve-changed-errors = plein: { $names } changed; { $errors }, { $served ->
    [yes] still serving the last good site
   *[no] no good build yet
 }

overlay-heading = { $n ->
    [one] Something is wrong in 1 file
   *[other] Something is wrong in { $n } files
 }
overlay-still-served = the last good version stays visible
overlay-not-built = the site cannot be made yet. Fix the problem below; this page then reloads by itself
overlay-title = Problems in the site
overlay-other-host = plein serve shows the site only at an IP address of this computer or at localhost, such as { $address }

## Problems

read = plein cannot read the file: { $kind ->
        [not-found] it is not there (any more)
        [no-permission] you may not open it
       *[other] { $reason }
    }
    .help = check that the file is there and that you may open it
write = plein cannot write `{ $path }`: { $kind ->
        [no-permission] you may not write there
        [full] the disk is full
        [read-only] nothing may be written on that disk
        [not-found] the folder is not there (any more)
       *[other] { $reason }
    }
picture-unreadable = plein cannot read this picture; plein reads pictures as JPEG or PNG ({ $reason })
    .help = save the picture as JPEG (.jpg), for example with "Export" or "Save as" in your photo program; a photo from an iPhone is often HEIC
link-loop = a shortcut (symbolic link) points back to { $folder }, so plein would go on reading for ever
    .help = remove the shortcut, or let it point to another folder
not-utf8 = the file is not saved as UTF-8 text, so plein cannot read its letters
    .help = in your editor, choose "Save as" and the encoding UTF-8
no-front-matter = the file does not start with a line `---`: plein needs the title and date at the top, between two lines `---`
    .help = start the file like this: a line `---`, then `title: Your title`, `date: 2025-03-12`, then a line `---`
unclosed-front-matter = the lines at the top are not closed: after the keys such as `title:` there must be a line `---`
    .help = put a line with only `---` here, under the last key and before the text
yaml = the lines at the top cannot be read: { $detail }
    .help = check this line against the example lines in docs/schrijven.md
unknown-key = unknown key `{ $key }`{ $hint }; the keys you can use are: { $allowed }
    .help = correct the spelling, or remove the line if it is not needed
missing-key = the key `{ $key }` is missing; { every-thing } needs it
    .help = add a line `{ $key }: ...` between the two `---` lines at the top
bad-date = `{ $value }` is not a date plein can read
    .help = { $known ->
        [yes] write the date as year-month-day: `{ $key }: { $iso }`; with a time: `{ $iso }T19:30`
       *[no] write the date as year-month-day, such as `{ $key }: { $iso }`; with a time: `{ $iso }T19:30`
    }
unknown-kind = unknown kind `{ $kind }`{ $hint }; the kinds of this site are: { $allowed }; they are set in plein.yaml
    .help = write one of these kinds, such as `kind: { $first }`
missing-image-alt = `image` is set but `image_alt` is missing: describe the picture for readers who cannot see it
    .help = add a line such as `image_alt: Neighbours plant bulbs along the path`
duplicate-slug = the { thing } address `{ $slug }` is already used by { $first }
    .help = two files would get the same web address: rename one, or give it a `slug:` of its own
empty-slug = the web address of `{ $title }` would be empty: give a `slug:` with letters or digits
    .help = add a line such as `slug: about-us`
reserved-slug = the page address `{ $slug }` clashes with the site's own `/{ $slug }/` section; choose another `slug:`
    .help = add a line such as `slug: about-the-stories` to give the page an address of its own
missing-link = link to `{ $target }`, but there is no such file{ $hint }
    .help = link to another story, event or person by its file, seen from this file, such as ../people/henk-verhoeven.md
missing-picture = the picture `{ $target }` is not beside this file{ $hint }
    .help = put the picture in the same folder as this file, or correct its name: `image: { $target }` looks for it beside this file
hash-in-value = after ` #` plein reads the rest of the line as a comment, so `{ $key }` becomes only `{ $kept }`
    .help = put the whole value between straight quotes: `{ $fixed }`
outside-content = a Markdown file outside the content folders, so plein does not know what it is
    .help = move it into one of { $folders }
yaml-registration-url = the registration link `{ $label }` has no `url`
    .help = write it as `{"{"} label: { $label }, url: https://… {"}"}`
link-to-draft = link to `{ $target }`, which is a draft and left out of this build
    .help = publish the linked story (remove `draft: true`), preview with --drafts, or remove the link
unknown-event = unknown event `{ $slug }`{ $hint }; events are the file names in content/events/
    .help = write the name of a file in content/events/ without .md, such as `events: [repair-cafe]` for content/events/repair-cafe.md
end-before-start = the event ends ({ $end }) before it starts ({ $start })
    .help = check the date and the time of `end`; write times as 2026-10-06T19:30
start-not-in-repeat = the event starts on { $start }, which is not a day of its `repeat` rule ({ $rule })
    .help = make `start` the first meeting of the series
except-not-in-repeat = { $date } in `except` is not a day of the `repeat` rule ({ $rule }), so there is nothing to skip
    .help = give the date of a meeting the series would otherwise have, such as a Tuesday for a Tuesday series
year-slug = the event address `{ $slug }` is a number, but /{ $section }/{ $slug }/ is kept for the agenda of that year
    .help = add a line such as `slug: { $slug }-meeting`
unknown-time-zone = unknown time zone `{ $zone }`
    .help = write a name such as `timezone: Europe/Amsterdam`
unknown-language = unknown language `{ $code }`: expected one of { $known }
    .help = write `language: nl` for Dutch or `language: en` for English
bad-base-url = `{ $value }` is not a web address for the site: { $reason ->
    [scheme] it must start with https:// or http://
    [no-scheme] it has no https:// at the start
    [space] it has a space or an invisible character in it
    [query] a site address has no `?` or `#` part
    [user] a site address has no user name or password in it
    [host] it has no valid host name after the //
    [path] its path has `\`, `.` or `..` in it
   *[other] { $detail }
 }
    .help = write the address where the site will be online, such as `base_url: https://www.lindenbuurt.nl/`
unsafe-url = { $key }{ $fault ->
    [control] the web address `{ $url }` holds an invisible character (such as a tab or a line break): type the address again on one line
    [image] `{ $url }` is not a place for a picture: write the name of a picture beside this file (photo.jpg), a path on this site (/images/photo.jpg) or an address that starts with https://
   *[link] `{ $url }` is not a web address a link may go to: write one that starts with https://, http://, mailto: or tel:, or a path on this site such as /events/
 }
    .help = { $image ->
        [yes] for example image: mural.jpg
       *[no] addresses such as javascript: or data: can run code for whoever clicks; a good one is, for example, url: https://www.example.org/article
    }
template = in template `{ $template }`: { $detail }
    .help = the theme has a mistake; if you did not change the theme, ask who made it
output-refused = plein does not build into { $output }: { $why ->
        [root] it is the root of the file system
        [site] it is the site folder itself
        [holds-site] it holds the site folder
        [inside-site] it is inside the site's { $folder }/ folder
        [file] it is a file, not a folder
       *[foreign] it holds files plein did not write
    }
    .help = { $why ->
        [foreign] empty that folder, or choose another one with --output, such as `--output public`
       *[other] choose another folder with --output, such as `--output public`
    }
site-folder-unreadable = plein cannot open the site folder { $folder }: { $reason }
    .help = check that the folder is there and that you may open it
output-busy = another plein build is writing this output folder now (lock file { $lock })
    .help = wait for it to finish, then try again
output-lock = plein cannot make the lock file { $lock }
    .help = check that you may write in the folder beside the output folder
unknown-theme = plein does not know the theme `{ $theme }`: there is no folder { $folder }
    .help = check the spelling of `theme:` in plein.yaml, or remove that line for the buurt theme
theme-words = the theme has no words for the language `{ $lang }`
    .help = make the file themes/{ $theme }/i18n/{ $lang }.yaml, or choose another `language:` in plein.yaml
file-unwritable = plein cannot write `{ $path }`: { $reason }
    .help = check that you may write in that folder and that the disk is not full
stdout-unwritable = plein cannot write to its output: { $reason }
said = { $message }
    .help = { $help }
said-alone = { $message }
new-no-slug = the title `{ $title }` has no letters or digits to make a file name from
    .help = give a title in words, such as "The community garden is open"
new-end-before-start = the event ends ({ $end }) before it starts ({ $start })
    .help = check the date and the time of --end
new-exists = `{ $path }` already exists; plein never overwrites a file
    .help = choose another title, or open that file to go on writing
init-file = `{ $path }` is a file, not a folder
    .help = give the name of a new folder, such as `plein init my-neighbourhood`
init-not-empty = the folder `{ $path }` is not empty
    .help = plein init makes a new site in a new or empty folder; give another folder name, or add --force to add the example files here (files that exist are kept)
init-site = plein: a new site in { $dir }
init-made = {"  "}made  { $path }
init-kept = {"  "}kept  { $path } (it was there already)
init-next = Next: cd { $dir } && plein serve, and open http://127.0.0.1:1111 to see it.
    {"      "}Write a story of your own with: plein new story "Your title"
deploy-same-name = two deploy targets are called `{ $name }`
    .help = give each target under `deploy:` in plein.yaml its own `name:`
deploy-no-name = a deploy target under `deploy:` has no `name:`
    .help = give it a name, such as `name: production`
deploy-no-url = the deploy target `{ $name }` has no `url:`
    .help = write where the site goes, such as `url: s3://my-bucket` or `url: s3://my-bucket/folder`
deploy-region = `{ $region }` is not a region
    .help = write the name of the region, such as `region: eu-west-1`, `region: nl-ams` or `region: auto`
deploy-brotli = a bucket cannot store brotli: it sends every reader the same bytes, and browsers read brotli only over https, while feed readers and other tools often not at all
    .help = write `compress: gzip`, which every client reads (a CDN such as CloudFront or Cloudflare makes brotli of it by itself)
deploy-compress = plein does not know the compression `{ $value }`
    .help = write `compress: gzip` or `compress: none`
deploy-keep = `{ $pattern }` is not a pattern of files in the bucket
    .help = write a path from the site, without a / before it, such as `keep: [archive/**]`
deploy-not-s3 = `{ $url }` is not an s3:// address
    .help = write `url: s3://my-bucket` or `url: s3://my-bucket/folder`
deploy-bucket = `{ $bucket }` is not a bucket name
    .help = a bucket name has 3 to 63 lowercase letters, digits, dots and hyphens, and starts and ends with a letter or digit, such as `url: s3://street-site`
deploy-prefix = `{ $prefix }` is not a folder in the bucket: it has an empty part, `.` or `..`
    .help = write the folder without empty parts, such as `url: s3://my-bucket/site`
deploy-endpoint-scheme = `{ $endpoint }` in `{ $origin }` is not an http or https address
    .help = write the address of the storage service, such as `endpoint: https://s3.nl-ams.scw.cloud`
deploy-endpoint-path = `{ $endpoint }` in `{ $origin }` is more than the address of the storage service
    .help = write the address alone, without a path, such as `endpoint: https://s3.nl-ams.scw.cloud`; the bucket goes in `url:`

## Hints from plein check

missing-image-credit = `image` is set but `image_credit` is missing: name who made the photo
    .help = add a line such as `image_credit: Sevgi Demir`, with the maker's permission
no-neighbourhood = this story has no `neighbourhoods`, so no neighbourhood page lists it
    .help = add a line such as `neighbourhoods: [Muntenbuurt]`
long-summary = the `summary` has { $chars } characters; a card shows about { $max }
    .help = keep the summary to one or two short sentences; the story itself tells the rest
long-sentence = this sentence has { $words } words; aim for at most { $max }
    .help = split it in two: short sentences are easier to read for everyone (language level B1)
long-paragraph = this paragraph has { $words } words; aim for at most { $max }
    .help = start a new paragraph, with an empty line, where the text turns to something new
skipped-heading = the heading jumps from `{ $from }` to `{ $to }`; use `{ $next }` here
    .help = readers who use a screen reader find their way by the heading levels
title-heading = a `#` heading in the text: the title is already the page's main heading
    .help = use `##` for the sections of the text
vague-link-text = the link text `{ $text }` does not say where the link goes
    .help = use words that say where the link leads, such as [the agenda of De Stuiver](...)
image-without-alt = a picture without a description between the square brackets
    .help = write what the picture shows, such as ![Children sow sunflowers](sowing.jpg)
list-without-brackets = `{ $key }` reads as one name, `{ $value }`: without square brackets a list is one name
    .help = write `{ $key }: [{ $items }]` for more than one; keep it as it is only if it is one name
missing-base-url = plein.yaml has no `base_url`, so the links in feeds, the sitemap and calendar files point at the preview address http://127.0.0.1:1111/ and not at the site
    .help = write the address where the site will be online, such as `base_url: https://www.lindenbuurt.nl/`
similar-name = new { thing } `{ $name }`{ $hint }
    .help = a name written differently gets a page of its own; if this is the same { thing }, write it the same way

## What a YAML parser's message means, in the words of the mistakes editors make

yaml-colon = a colon followed by a space in the middle of a value: plein reads it as a new key
    .help = put the whole value between straight quotes, such as title: "Community room: open on Tuesday"
yaml-bracket = a list in square brackets is not closed with `]`
    .help = close the list on the same line, such as neighbourhoods: [Muntenbuurt, Zuilenstein]
yaml-token = this line has a character plein cannot read here: a tab, or a value that starts with @, ` or %
    .help = use spaces, not tabs, at the start of a line; put a value that starts with @ or ` between straight quotes, such as title: "@home in the neighbourhood"
yaml-quotes = a quote is opened but not closed
    .help = close every value that opens with " with a " on the same line, such as title: "Open day"
yaml-indent = the lines do not line up: a key or list item starts too far in, or not far enough
    .help = start keys at the beginning of the line, with no spaces before them; list items under a key start with `  - `
yaml-boolean = `{ $key }` must be true or false, not `{ $value }`
    .help = { $suggest ->
        [true] write `{ $key }: true`
        [false] write `{ $key }: false`
       *[other] write `{ $key }: true` (yes) or `{ $key }: false` (no)
    }
yaml-date = `{ $value }` is not a date plein can read
    .help = { $known ->
        [yes] write the date as year-month-day: `{ $key }: { $iso }`; with a time: `{ $iso }T19:30`
       *[no] write the date as year-month-day, such as `{ $key }: { $iso }`; with a time: `{ $iso }T19:30`
    }
yaml-list = `{ $key }` must be a list
    .help = { $example ->
        [none] write a list as `{ $key }: [Muntenbuurt, Zuilenstein]`
       *[other] write it as `{ $example }`
    }
yaml-type = `{ $key }` is { $found ->
        [text] the text `{ $value }` here
        [number] the number `{ $value }` here
        [yesno] `{ $value }` here
        [list] a list here
        [keys] a group of keys here
        [empty] empty here
       *[other] something else here
    }, but plein expects { $expected ->
        [text] a text
        [number] a whole number
        [list] a list
        [keys] keys between {"{"} and {"}"}
        [rule] a rule with keys
       *[other] something else
    }
    .help = { $example ->
        [none] check this line against the example lines in docs/schrijven.md
       *[other] write it as `{ $example }`
    }
unknown-inner-key = `{ $key }` has no key `{ $field }`{ $hint }; you can use these keys: { $allowed }
    .help = { $example ->
        [none] correct the spelling, or remove `{ $field }` if it is not needed
       *[other] write it as `{ $example }`
    }
yaml-missing = `{ $key }` has no `{ $field }`
    .help = { $example ->
        [none] add `{ $field }: ...`
       *[other] write it as `{ $example }`
    }
# A right line for a key, as an example beside a mistake; empty when there is none.
field-example = { $key ->
        [title] title: Street party on the square
        [subtitle] subtitle: An afternoon for everyone
        [summary] summary: "Neighbours celebrate the start of summer together."
        [slug] slug: street-party-2025
        [date] date: 2025-03-12
        [start] start: 2025-03-12T19:30
        [end] end: 2025-03-12T21:00
        [location] location: {"{"} name: The Pillar, address: 1 Pillar Street {"}"}
        [location-name] location: {"{"} name: The Pillar {"}"}
        [location-address] location: {"{"} name: The Pillar, address: 1 Pillar Street {"}"}
        [registration] registration: [{"{"} label: Sign up, url: https://… {"}"}]
        [registration-label] registration: [{"{"} label: Sign up, url: https://… {"}"}]
        [registration-url] registration: [{"{"} label: Sign up, url: https://… {"}"}]
        [source] source: {"{"} name: Neighbourhood paper, url: https://… {"}"}
        [source-name] source: {"{"} name: Neighbourhood paper, url: https://… {"}"}
        [source-url] source: {"{"} name: Neighbourhood paper, url: https://… {"}"}
        [neighbourhoods] neighbourhoods: [Muntenbuurt, Zuilenstein]
        [authors] authors: [Ria de Vries, Sam Baker]
        [tags] tags: [green, meeting]
        [events] events: [Street party on the square]
        [anchors] anchors: [The Pillar, Chameleon playground]
        [image] image: photo.jpg
        [image_alt] image_alt: Neighbours set up tables on the square
        [image_credit] image_credit: Ria de Vries
        [city] city: Utrecht
        [role] role: community builder
        [organisation] organisation: The Pillar community centre
        [repeat] repeat: {"{"} every: week, on: tuesday {"}"}
        [repeat-every] repeat: {"{"} every: week, on: tuesday {"}"}
        [repeat-on] repeat: {"{"} every: week, on: tuesday {"}"}
        [repeat-interval] repeat: {"{"} every: week, interval: 2 {"}"}
        [repeat-count] repeat: {"{"} every: week, count: 10 {"}"}
        [repeat-until] repeat: {"{"} every: week, until: 2027-06-29 {"}"}
       *[other] {""}
    }

## Mistakes in the rule of an event that comes back (`repeat`)

repeat-weekday = `{ $word }` is not a day of the week{ $hint }
    .help = write a day such as `on: tuesday`; more days as `on: [tuesday, thursday]`
repeat-month-day = `{ $text }` is not a day of the month
    .help = write a day number such as `on: 15`, or first, second, third, fourth, fifth or last with a day, such as `on: first saturday`
repeat-on = `{ $text }` is neither a day of the week nor a day of the month
    .help = write a day such as `on: tuesday`, or for every month a day such as `on: 15` or `on: first saturday`
repeat-no-weekday = `on` names no day
    .help = write a day such as `on: tuesday`, or leave `on` out
repeat-day-number = `{ $n }` is not a day of the month
    .help = choose a number from 1 to 31, such as `on: 15`
repeat-every = `{ $word }` does not say how often the event comes back
    .help = write `every: week` or `every: month`; for every other week add `interval: 2`
repeat-times = `{ $value }` cannot be the `{ $key }`: plein expects a whole number from 1 to 1000
    .help = { $key ->
        [count] write how many times the event takes place, such as `count: 10`
       *[interval] write after how many weeks or months it comes back, such as `interval: 2` (every other week)
    }
repeat-until-time = `until` is the last day of the series, without a time
    .help = write the date alone, such as `until: 2027-06-29`
repeat-not-rule = `repeat: { $text }` is not a rule plein can read
    .help = write the rule as keys, such as `repeat: {"{"} every: week, on: tuesday {"}"}`
repeat-unknown-key = `repeat` has no key `{ $key }`{ $hint }
    .help = you can use these keys: { $allowed }; such as `repeat: {"{"} every: week, on: tuesday {"}"}`
repeat-no-every = `repeat` does not say how often: `every` is missing
    .help = write `every: week` or `every: month`, such as `repeat: {"{"} every: week, on: tuesday {"}"}`
repeat-weekly-day-number = an event that comes back every week falls on a day of the week, not on day { $n } of the month
    .help = write a day such as `on: tuesday`, or `every: month` for every month on day { $n }
repeat-weekly-nth = an event that comes back every week falls on a day of the week; `first saturday` and the like belong to `every: month`
    .help = write `every: month` for every month, or a day such as `on: saturday` for every week
repeat-monthly-weekday = an event that comes back every month needs to say which { $weekday } of the month
    .help = write `on: first { $weekday }` or `on: last { $weekday }`
repeat-monthly-weekdays = an event that comes back every month falls on one day of the month
    .help = write a day number such as `on: 15`, or a day such as `on: first saturday`
repeat-except = `{ $text }` in `except` is not a date
    .help = { $known ->
        [yes] write the date as year-month-day: `except: [{ $iso }]`
       *[no] write the days that are skipped as year-month-day, such as `except: [2027-04-27, 2027-12-28]`
    }
repeat-until-and-count = `repeat` has both `until` and `count`
    .help = choose one: `until` (the last day) or `count` (how many times); without either the series goes on
yaml-duplicate = the key `{ $key }` appears twice
    .help = each key may appear once; remove this second line with `{ $key }:`, or merge the two

## Mistakes plein recognises from the line itself; `fixed` is the line as it should read

yaml-line-tab = this line has a tab in it; plein reads only spaces at the start of a line
    .help = type spaces instead of the tab: `{ $fixed }`
yaml-line-curly = curly quotes (“ ” or ‘ ’): plein only knows straight quotes (" or ')
    .help = type straight quotes, as on the keyboard: `{ $fixed }`
yaml-line-colon = a colon followed by a space in the middle of a value: plein reads it as a new key
    .help = put the whole value between straight quotes: `{ $fixed }`
yaml-line-quote = a quote opens on this line but does not close
    .help = close the quote at the end of the line: `{ $fixed }`
yaml-line-list = the list on this line is not closed with `]`
    .help = close the list on the same line: `{ $fixed }`
yaml-line-indent = this key starts further in than the keys above it, so plein reads it as part of the line above
    .help = start the key at the beginning of the line: `{ $fixed }`

## plein deploy: what it says to the person who publishes

deploy-files = { $n ->
        [one] 1 file
       *[other] { $n } files
    }
deploy-keys-environment = keys from the environment
deploy-keys-profile = keys of profile { $name }
deploy-heading = plein: deploying to { $name }: { $url } at { $origin } ({ $keys })
deploy-using-build = plein: not building again; deploying the build in { $dir }
deploy-plan-label = { $what ->
        [new] new
        [changed] changed
        [delete] delete
        [unchanged] unchanged
       *[kept] kept (keep)
    }
deploy-nothing-to-do = plein: the bucket already equals the site; nothing to do
deploy-dry-run = plein: dry run (--dry-run): nothing in the bucket was changed
deploy-too-many-deletes = this would delete { $files } of the { $total } in the bucket ({ $share }%), more than a quarter
    .help = see which files with --dry-run; if that is right, deploy again with --yes. Protect files managed elsewhere with `keep:` in plein.yaml or with --keep
deploy-progress = {"  "}uploading: { $done } of { $files }, { $size }
deploy-summary = plein: uploaded { $files } ({ $size }), deleted { $deleted }, { $unchanged } unchanged, in { $time }
deploy-partial = plein: { $n ->
        [one] 1 file had
       *[other] { $n } files had
    } been uploaded; deploy again and only the rest is sent
deploy-no-targets = plein.yaml does not say where to publish: there is no `deploy:`
    .help = add to plein.yaml:
        {"         "}deploy:
        {"           "}- name: productie
        {"             "}url: s3://mijn-bucket
        {"             "}endpoint: https://s3.nl-ams.scw.cloud
        {"             "}region: nl-ams
        {"         "}or name the bucket: plein deploy --target s3://my-bucket (with AWS_ENDPOINT_URL for storage other than Amazon S3; see the Publish section of README.md)
deploy-unknown-target = there is no target `{ $name }`{ $hint } in plein.yaml; there are: { $names }
deploy-local-base-url = base_url in plein.yaml is { $url }: feeds, the sitemap and shared links would point at this computer
    .help = set the site's address in plein.yaml, such as `base_url: https://www.lindenbuurt.org/`
deploy-not-a-build = { $dir } is not a folder plein build made
    .help = give --output the folder of a build, or leave --output out to build the site first
deploy-read-failed = plein cannot read the build in { $dir }: { $reason }
deploy-no-credentials = no keys for the bucket: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, and profile { $profile } is not in { $files }
    .help = put your storage's two keys in the environment: export AWS_ACCESS_KEY_ID=... and export AWS_SECRET_ACCESS_KEY=... (never in plein.yaml)
deploy-network = cannot reach { $endpoint } ({ $detail }), not even after five tries
    .help = check that this computer is online and that `endpoint:` in plein.yaml is right
deploy-unknown-key = the storage does not know this access key (AWS_ACCESS_KEY_ID)
    .help = copy the key again from your storage's console; if it belongs to another provider, check `endpoint:`
deploy-wrong-secret = the secret key (AWS_SECRET_ACCESS_KEY) does not belong to the access key
    .help = copy the secret key again, without spaces before or after it
deploy-expired-token = the temporary key (AWS_SESSION_TOKEN) has expired or is not valid
    .help = get new temporary keys, or use permanent ones
deploy-denied = these keys may not do that in the bucket ({ $action ->
        [list] list the files
        [put] write a file
       *[delete] delete files
    })
    .help = give the keys the right to list, write and delete in your storage's console (s3:ListBucket, s3:PutObject, s3:DeleteObject)
deploy-no-bucket = the bucket `{ $bucket }` does not exist at this storage
    .help = create the bucket in your storage's console, or correct `url:` (and `endpoint:`) in plein.yaml
deploy-region-is = the bucket is in region { $region }, not in the one plein signed for
    .help = set `region: { $region }` for the target in plein.yaml
deploy-region-other = the bucket is in another region
    .help = set the bucket's region as `region:` in plein.yaml
deploy-clock = this computer's clock is too far off{ $known ->
        [yes] {" "}({ $minutes } minutes)
       *[no] {""}
    }; the storage then refuses every request
    .help = set the clock right (automatic time or NTP, for example) and try again
deploy-server = the storage refused: { $said }
    .help = try again later; if it keeps happening, ask your storage provider what it means
deploy-read = plein cannot read { $path }: { $reason }
    .help = build the site again, then deploy

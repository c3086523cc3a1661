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

read = cannot read the file: { $reason }
    .help = check that the file is there and that you may open it
write = cannot write `{ $path }`: { $reason }
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
output = { $detail }
deploy-target = deploy target: { $detail }
    .help = see the `deploy:` part of plein.yaml

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
yaml-list = `{ $key }` must be a list of names
    .help = write a list as `{ $key }: [Muntenbuurt, Zuilenstein]`
yaml-duplicate = the key `{ $key }` appears twice
    .help = each key may appear once; remove or merge the second one

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

//! Documents to [`Site`]: names resolved, links rewritten, Markdown rendered once each.

use ahash::{AHashMap as HashMap, AHashSet as HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use super::*;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics, Hint, Problem};
use crate::ground::slug;
use crate::ground::values::DateValue;
use crate::parse::front_matter::{RawEvent, RawNeighbourhood, RawPage, RawPerson, RawStory};
use crate::parse::markdown::{self, LinkTarget};
use crate::parse::{ContentType, Document, Front, key_position};

/// Build the site from `docs`; `content_assets` are the non-Markdown files under content/.
///
/// `broken` are content files that could not be read or parsed: links and event names that
/// point at them are not reported again, so one mistake gives one error.
pub fn assemble(
    docs: Vec<Arc<Document>>,
    content_assets: Vec<PathBuf>,
    broken: HashSet<PathBuf>,
    config: Config,
    drafts: bool,
    cache: &mut ModelCache,
    errs: &mut Diagnostics,
) -> Site {
    let t = std::time::Instant::now();
    let lap = |what: &str| {
        if crate::timings::wanted() {
            eprintln!(
                "plein:   {what:<12} {:>8.1} ms",
                t.elapsed().as_secs_f64() * 1000.0
            );
        }
    };
    let inputs = edit::inputs(&config, drafts, &content_assets, &broken);
    if let Some(site) = edit::assemble(&docs, inputs, &config, cache, errs) {
        lap("edit");
        return site;
    }
    let errors_before = errs.len();
    let given = docs.clone();
    let mut b = Builder::new(config, drafts);
    b.broken = broken;
    let docs = b.sorted_and_filtered(docs);
    b.assets = content_assets.into_iter().collect();
    b.reserve(&docs);
    lap("sort");
    // Slugs of file names and `slug:` keys are the costly part of declaring, and need
    // nothing of the other documents.
    let slugs: Vec<String> = docs
        .par_iter()
        .map(|doc| slug::slugify(doc.explicit_slug().unwrap_or(&doc.stem())))
        .collect();
    for (doc, slug) in docs.iter().zip(slugs) {
        b.declare(doc, slug, errs);
    }
    lap("declare");
    for (at, doc) in docs.iter().enumerate() {
        b.link_names(at, doc, errs);
    }
    lap("link");
    b.render_bodies(&docs, cache, errs);
    lap("bodies");
    let site = b.finish(&mut cache.related);
    lap("finish");
    let clean = errs.len() == errors_before;
    let previous = cache
        .last
        .replace(Box::new(edit::Last::new(given, inputs, b, clean)));
    // The last assembly's maps of every name and address are freed beside the next steps.
    if let Some(previous) = previous {
        std::thread::spawn(move || drop(previous));
    }
    site
}

/// Which entity a document became: its type and its place in that type's list.
#[derive(Debug, Clone, Copy)]
struct Made(ContentType, Idx);

/// The state of one assembly: the site as it is made, and every name and address resolved so
/// far, which links in a body are resolved against.
pub(super) struct Builder {
    pub(super) config: Config,
    urls: Urls,
    drafts: bool,
    site: SiteParts,
    /// Per document, in the order declared.
    made: Vec<Option<Made>>,
    /// Content path -> URL of every page built, for relative links.
    page_urls: HashMap<PathBuf, String>,
    /// Draft files left out, so a link to one gets a clear message.
    left_out: HashSet<PathBuf>,
    /// Content files that failed to parse, already reported.
    broken: HashSet<PathBuf>,
    assets: HashSet<PathBuf>,
    /// Bundle folder -> the URL of the page it belongs to.
    bundles: Vec<(PathBuf, String)>,
    /// Per content type: slug -> the file that has it.
    slugs: [HashMap<String, PathBuf>; 5],
    events_by_slug: HashMap<String, Idx>,
    people_by_slug: HashMap<String, Idx>,
    hoods_by_slug: HashMap<String, Idx>,
    tags_by_slug: HashMap<String, Idx>,
    /// Names mentioned in front matter -> what they resolved to: stories name the same few
    /// places, people and tags thousands of times. Only new entries are ever added to the
    /// maps by slug, so a name resolves the same way again.
    hood_mentions: HashMap<String, Idx>,
    person_mentions: HashMap<String, Idx>,
    tag_mentions: HashMap<String, Option<Idx>>,
}

#[derive(Default)]
pub(super) struct SiteParts {
    stories: Vec<Story>,
    events: Vec<Event>,
    people: Vec<Person>,
    neighbourhoods: Vec<Neighbourhood>,
    kinds: Vec<Kind>,
    tags: Vec<Tag>,
    pages: Vec<Page>,
}

impl Builder {
    fn new(config: Config, drafts: bool) -> Builder {
        let urls = Urls::new(&config);
        let mut slugs = HashSet::new();
        let kinds = config
            .kinds
            .iter()
            .map(|k| {
                // The word residents see in the address too (`/thema/muurschildering/`), unless
                // two kinds would share it: then the key, which is unique.
                let shown = slug::slugify(&k.label);
                let slug = if !shown.is_empty() && slugs.insert(shown.clone()) {
                    shown
                } else {
                    slug::slugify(&k.key)
                };
                Kind {
                    url: urls.item(&urls.routes.kinds, &slug),
                    slug,
                    key: k.key.clone(),
                    label: k.label.clone(),
                    stories: Vec::new(),
                }
            })
            .collect();
        Builder {
            config,
            urls,
            drafts,
            site: SiteParts {
                kinds,
                ..SiteParts::default()
            },
            made: Vec::new(),
            page_urls: HashMap::new(),
            left_out: HashSet::new(),
            broken: HashSet::new(),
            assets: HashSet::new(),
            bundles: Vec::new(),
            slugs: Default::default(),
            events_by_slug: HashMap::new(),
            people_by_slug: HashMap::new(),
            hoods_by_slug: HashMap::new(),
            tags_by_slug: HashMap::new(),
            hood_mentions: HashMap::new(),
            person_mentions: HashMap::new(),
            tag_mentions: HashMap::new(),
        }
    }

    /// Drafts out (unless wanted); stories newest first, events soonest first, the rest by path.
    fn sorted_and_filtered(&mut self, docs: Vec<Arc<Document>>) -> Vec<Arc<Document>> {
        let (kept, left): (Vec<_>, Vec<_>) =
            docs.into_iter().partition(|d| self.drafts || !is_draft(d));
        self.left_out = left.into_iter().map(|d| d.path.clone()).collect();
        let tz = self.config.timezone.clone();
        let key = |d: &Arc<Document>| -> (u8, i64) {
            let when =
                |v: &Option<DateValue>| v.map_or(0, |v| v.in_zone(&tz).timestamp().as_second());
            match &d.front {
                Front::Story(s) => (0, -when(&s.date)),
                Front::Event(e) => (1, when(&e.start)),
                _ => (2, 0),
            }
        };
        // Keys made once each, in parallel (a date in the site's zone is not free); paths
        // compared only between documents of the same moment.
        let keys: Vec<(u8, i64)> = kept.par_iter().map(key).collect();
        let mut order: Vec<usize> = (0..kept.len()).collect();
        order.sort_unstable_by(|&a, &b| {
            keys[a]
                .cmp(&keys[b])
                .then_with(|| kept[a].path.cmp(&kept[b].path))
        });
        order.into_iter().map(|i| Arc::clone(&kept[i])).collect()
    }

    /// Room for every document at once: a site's stories are many and large, and growing
    /// their list and maps step by step moved them several times over.
    fn reserve(&mut self, docs: &[Arc<Document>]) {
        let stories = docs
            .iter()
            .filter(|d| matches!(d.front, Front::Story(_)))
            .count();
        self.site.stories.reserve(stories);
        self.slugs[ContentType::Story as usize].reserve(stories);
        self.made.reserve(docs.len());
        self.page_urls.reserve(docs.len());
    }

    fn tz(&self) -> &jiff::tz::TimeZone {
        &self.config.timezone
    }

    /// First pass: every document gets its slug and URL, so links can be resolved.
    fn declare(&mut self, doc: &Document, slug: String, errs: &mut Diagnostics) {
        let content_type = doc.front.content_type();
        if doc.front.title().is_none_or(|t| t.trim().is_empty()) {
            errs.push(Diagnostic::at(
                &doc.path,
                &doc.text,
                1,
                1,
                Problem::MissingKey("title", content_type.name()),
            ));
            self.made.push(None);
            return;
        }
        if slug.is_empty() {
            let (line, col) = key_position(&doc.text, "slug");
            errs.push(Diagnostic::at(
                &doc.path,
                &doc.text,
                line,
                col,
                Problem::EmptySlug(doc.stem()),
            ));
            self.made.push(None);
            return;
        }
        if content_type == ContentType::Page
            && (self.urls.routes.all().contains(&slug.as_str()) || is_site_file(&slug))
        {
            let (line, col) = key_position(&doc.text, "slug");
            errs.push(Diagnostic::at(
                &doc.path,
                &doc.text,
                line,
                col,
                Problem::ReservedSlug { slug },
            ));
            self.made.push(None);
            return;
        }
        let taken = &mut self.slugs[content_type as usize];
        if let Some(first) = taken.get(&slug) {
            let (line, col) = key_position(&doc.text, "slug");
            let first = first.display().to_string();
            errs.push(Diagnostic::at(
                &doc.path,
                &doc.text,
                line,
                col,
                Problem::DuplicateSlug {
                    what: content_type.name(),
                    slug,
                    first,
                },
            ));
            self.made.push(None);
            return;
        }
        taken.insert(slug.clone(), doc.path.clone());
        let made = self.make(doc, slug, errs);
        if let Some(url) = made.map(|m| self.url_of(m)) {
            self.page_urls.insert(doc.path.clone(), url.clone());
            if doc.is_bundle() {
                let dir = doc
                    .path
                    .parent()
                    .expect("index.md has a folder")
                    .to_path_buf();
                self.bundles.push((dir, url));
            }
        }
        self.made.push(made);
    }

    fn url_of(&self, Made(t, i): Made) -> String {
        match t {
            ContentType::Story => self.site.stories[i].url.clone(),
            ContentType::Event => self.site.events[i].url.clone(),
            ContentType::Neighbourhood => self.site.neighbourhoods[i].url.clone(),
            ContentType::Person => self.site.people[i].url.clone(),
            ContentType::Page => self.site.pages[i].url.clone(),
        }
    }

    fn make(&mut self, doc: &Document, slug: String, errs: &mut Diagnostics) -> Option<Made> {
        match &doc.front {
            Front::Story(raw) => self.make_story(doc, raw, slug, errs),
            Front::Event(raw) => self.make_event(doc, raw, slug, errs),
            Front::Neighbourhood(raw) => self.make_neighbourhood(doc, raw, slug),
            Front::Person(raw) => self.make_person(doc, raw, slug),
            Front::Page(raw) => self.make_page(doc, raw, slug),
        }
    }

    fn make_story(
        &mut self,
        doc: &Document,
        raw: &RawStory,
        slug: String,
        errs: &mut Diagnostics,
    ) -> Option<Made> {
        let Some(date) = raw.date else {
            errs.push(Diagnostic::at(
                &doc.path,
                &doc.text,
                1,
                1,
                Problem::MissingKey("date", ContentType::Story.name()),
            ));
            return None;
        };
        let kind = raw.kind.as_deref().and_then(|k| {
            let kinds = &self.site.kinds;
            // By its key, or by the word the site shows for it ("Ontmoeting"), in any case.
            let found = kinds.iter().position(|kind| kind.key == k).or_else(|| {
                let wanted = slug::slugify(k);
                kinds
                    .iter()
                    .position(|kind| kind.slug == wanted || slug::slugify(&kind.label) == wanted)
            });
            if found.is_none() {
                let allowed = crate::config::kinds_shown(&self.config);
                let (line, col) = key_position(&doc.text, "kind");
                let hint = crate::config::kind_hint(&self.config, k);
                errs.push(Diagnostic::at(
                    &doc.path,
                    &doc.text,
                    line,
                    col,
                    Problem::UnknownKind {
                        kind: k.to_string(),
                        allowed,
                        hint,
                    },
                ));
            }
            found
        });
        if let Some(code) = raw.language.as_deref()
            && crate::words::Lang::parse(code).is_none()
        {
            let (line, col) = key_position(&doc.text, "language");
            let problem = Problem::UnknownLanguage {
                code: code.to_string(),
                known: crate::config::known_languages(),
            };
            errs.push(Diagnostic::at(&doc.path, &doc.text, line, col, problem));
        }
        let url = self.urls.item(&self.urls.routes.stories, &slug);
        let tz = self.tz().clone();
        let Own {
            title,
            subtitle,
            updated,
            summary,
            source,
        } = Own::of(raw, &tz);
        self.site.stories.push(Story {
            source_path: doc.path.clone(),
            url,
            slug,
            title,
            subtitle,
            date: date.in_zone(&tz),
            updated,
            authors: Vec::new(),
            neighbourhoods: Vec::new(),
            kind,
            tags: Vec::new(),
            image: None,
            summary,
            body_html: Arc::from(""),
            body_print: 0,
            body_text: Arc::from(""),
            words: 0,
            headings: Arc::from([]),
            lang: raw.lang(self.config.lang),
            events: Vec::new(),
            source,
            draft: raw.draft,
            related: Vec::new(),
            print: 0,
        });
        Some(Made(ContentType::Story, self.site.stories.len() - 1))
    }

    fn make_event(
        &mut self,
        doc: &Document,
        raw: &RawEvent,
        slug: String,
        errs: &mut Diagnostics,
    ) -> Option<Made> {
        let Some(start) = raw.start else {
            errs.push(Diagnostic::at(
                &doc.path,
                &doc.text,
                1,
                1,
                Problem::MissingKey("start", ContentType::Event.name()),
            ));
            return None;
        };
        let tz = self.tz().clone();
        let start = start.in_zone(&tz);
        let end = raw.end.map(|e| e.in_zone(&tz));
        if let Some(end) = &end
            && *end < start
        {
            let (line, col) = key_position(&doc.text, "end");
            let problem = Problem::EndBeforeStart {
                start: dates::rfc3339(&start),
                end: dates::rfc3339(end),
            };
            errs.push(Diagnostic::at(&doc.path, &doc.text, line, col, problem));
        }
        let events_word = &self.urls.routes.events;
        for (key, problem) in recurrence::check_event(
            &slug,
            &start,
            raw.repeat.as_ref(),
            events_word,
            self.config.lang,
        ) {
            let (line, col) = key_position(&doc.text, key);
            errs.push(Diagnostic::at(&doc.path, &doc.text, line, col, problem));
        }
        self.events_by_slug
            .insert(slug.clone(), self.site.events.len());
        self.site.events.push(Event {
            source_path: doc.path.clone(),
            url: self.urls.item(&self.urls.routes.events, &slug),
            slug,
            title: raw.title.clone().unwrap_or_default(),
            start,
            end,
            location: raw.location.clone(),
            online: raw.online,
            registration: raw.registration.clone(),
            summary: raw.summary.clone().unwrap_or_default(),
            neighbourhoods: Vec::new(),
            cancelled: raw.cancelled,
            full: raw.full,
            repeat: raw.repeat.clone(),
            body_html: Arc::from(""),
            body_text: Arc::from(""),
            stories: Vec::new(),
            print: 0,
        });
        Some(Made(ContentType::Event, self.site.events.len() - 1))
    }

    fn make_neighbourhood(
        &mut self,
        doc: &Document,
        raw: &RawNeighbourhood,
        slug: String,
    ) -> Option<Made> {
        let name = raw.title.clone().unwrap_or_default();
        let i = self.neighbourhood(&name, slug);
        let n = &mut self.site.neighbourhoods[i];
        n.source_path = Some(doc.path.clone());
        n.city = raw.city.clone();
        n.summary = raw.summary.clone().unwrap_or_default();
        Some(Made(ContentType::Neighbourhood, i))
    }

    fn make_person(&mut self, doc: &Document, raw: &RawPerson, slug: String) -> Option<Made> {
        let name = raw.title.clone().unwrap_or_default();
        let i = self.person(&name, slug);
        let p = &mut self.site.people[i];
        p.source_path = Some(doc.path.clone());
        p.role = raw.role.clone();
        p.organisation = raw.organisation.clone();
        Some(Made(ContentType::Person, i))
    }

    fn make_page(&mut self, doc: &Document, raw: &RawPage, slug: String) -> Option<Made> {
        self.site.pages.push(Page {
            source_path: doc.path.clone(),
            url: self.urls.root(&format!("{slug}/")),
            slug,
            title: raw.title.clone().unwrap_or_default(),
            summary: raw.summary.clone().unwrap_or_default(),
            body_html: Arc::from(""),
        });
        Some(Made(ContentType::Page, self.site.pages.len() - 1))
    }

    /// What `name` resolved to when it was first mentioned, kept in `table`, or what `make`
    /// makes of it now.
    fn remembered<T: Copy>(
        &mut self,
        table: fn(&mut Builder) -> &mut HashMap<String, T>,
        name: &str,
        make: fn(&mut Builder, &str) -> T,
    ) -> T {
        if let Some(&found) = table(self).get(name) {
            return found;
        }
        let found = make(self, name);
        table(self).insert(name.to_string(), found);
        found
    }

    /// The neighbourhood a story, event or person names, made on first mention.
    fn neighbourhood_named(&mut self, name: &str) -> Idx {
        self.remembered(
            |b| &mut b.hood_mentions,
            name,
            |b, name| b.neighbourhood(name, slug::slugify(name)),
        )
    }

    /// The neighbourhood called `name` or with `slug`, made when there is none yet.
    fn neighbourhood(&mut self, name: &str, slug: String) -> Idx {
        let by_name = slug::slugify(name);
        if let Some(&i) = self
            .hoods_by_slug
            .get(&slug)
            .or_else(|| self.hoods_by_slug.get(&by_name))
        {
            return i;
        }
        let url = self.urls.item(&self.urls.routes.neighbourhoods, &slug);
        let i = self.site.neighbourhoods.len();
        self.site.neighbourhoods.push(Neighbourhood {
            source_path: None,
            feed_url: format!("{url}feed.xml"),
            url,
            slug: slug.clone(),
            name: name.to_string(),
            city: None,
            summary: String::new(),
            anchors: Vec::new(),
            image: None,
            body_html: Arc::from(""),
            body_text: Arc::from(""),
            stories: Vec::new(),
            events: Vec::new(),
            people: Vec::new(),
        });
        self.hoods_by_slug.insert(slug, i);
        self.hoods_by_slug.entry(by_name).or_insert(i);
        i
    }

    /// The person a story names as its author, made on first mention.
    fn person_named(&mut self, name: &str) -> Idx {
        self.remembered(
            |b| &mut b.person_mentions,
            name,
            |b, name| b.person(name, slug::slugify(name)),
        )
    }

    /// The person called `name` or with `slug`, made when there is none yet.
    fn person(&mut self, name: &str, slug: String) -> Idx {
        let by_name = slug::slugify(name);
        if let Some(&i) = self
            .people_by_slug
            .get(&slug)
            .or_else(|| self.people_by_slug.get(&by_name))
        {
            return i;
        }
        let i = self.site.people.len();
        self.site.people.push(Person {
            source_path: None,
            url: self.urls.item(&self.urls.routes.people, &slug),
            slug: slug.clone(),
            name: name.to_string(),
            role: None,
            organisation: None,
            neighbourhoods: Vec::new(),
            image: None,
            bio_html: Arc::from(""),
            bio_text: Arc::from(""),
            stories: Vec::new(),
        });
        self.people_by_slug.insert(slug, i);
        self.people_by_slug.entry(by_name).or_insert(i);
        i
    }

    /// The tag a story names, made on first mention; none for a name without letters.
    fn tag_named(&mut self, name: &str) -> Option<Idx> {
        self.remembered(|b| &mut b.tag_mentions, name, Builder::tag)
    }

    fn tag(&mut self, name: &str) -> Option<Idx> {
        let slug = slug::slugify(name);
        if slug.is_empty() {
            return None;
        }
        if let Some(&i) = self.tags_by_slug.get(&slug) {
            return Some(i);
        }
        let i = self.site.tags.len();
        self.site.tags.push(Tag {
            url: self.urls.item(&self.urls.routes.tags, &slug),
            slug: slug.clone(),
            name: name.to_string(),
            stories: Vec::new(),
        });
        self.tags_by_slug.insert(slug, i);
        Some(i)
    }

    /// Second pass: names in front matter become references, both ways.
    fn link_names(&mut self, at: usize, doc: &Document, errs: &mut Diagnostics) {
        match (self.made.get(at).copied().flatten(), &doc.front) {
            (Some(Made(_, i)), Front::Story(raw)) => self.link_story(i, doc, raw, errs),
            (Some(Made(_, i)), Front::Event(raw)) => {
                let hoods: Vec<Idx> = raw
                    .neighbourhoods
                    .0
                    .iter()
                    .map(|n| self.neighbourhood_named(n))
                    .collect();
                for &h in &hoods {
                    self.site.neighbourhoods[h].events.push(i);
                }
                self.site.events[i].neighbourhoods = hoods;
            }
            (Some(Made(_, i)), Front::Neighbourhood(raw)) => {
                let anchors = raw
                    .anchors
                    .0
                    .iter()
                    .map(|text| Anchor {
                        person: self.existing_person(text),
                        text: text.clone(),
                    })
                    .collect();
                self.site.neighbourhoods[i].anchors = anchors;
                self.site.neighbourhoods[i].image =
                    self.image(doc, &raw.image, &raw.image_alt, &None, &None, errs);
            }
            (Some(Made(_, i)), Front::Person(raw)) => {
                let hoods: Vec<Idx> = raw
                    .neighbourhoods
                    .0
                    .iter()
                    .map(|n| self.neighbourhood_named(n))
                    .collect();
                for &h in &hoods {
                    self.site.neighbourhoods[h].people.push(i);
                }
                self.site.people[i].neighbourhoods = hoods;
                self.site.people[i].image =
                    self.image(doc, &raw.image, &raw.image_alt, &None, &None, errs);
            }
            _ => {}
        }
    }

    fn existing_person(&self, name: &str) -> Option<Idx> {
        self.people_by_slug.get(&slug::slugify(name)).copied()
    }

    fn link_story(&mut self, i: Idx, doc: &Document, raw: &RawStory, errs: &mut Diagnostics) {
        let authors: Vec<Idx> = raw.authors.0.iter().map(|n| self.person_named(n)).collect();
        let hoods: Vec<Idx> = raw
            .neighbourhoods
            .0
            .iter()
            .map(|n| self.neighbourhood_named(n))
            .collect();
        let tags: Vec<Idx> = raw
            .tags
            .0
            .iter()
            .filter_map(|t| self.tag_named(t))
            .collect();
        let events = raw
            .events
            .0
            .iter()
            .filter_map(|slug| self.event_named(doc, slug, errs))
            .collect();
        let image = self.image(
            doc,
            &raw.image,
            &raw.image_alt,
            &raw.image_caption,
            &raw.image_credit,
            errs,
        );
        for &a in &authors {
            self.site.people[a].stories.push(i);
        }
        for &h in &hoods {
            self.site.neighbourhoods[h].stories.push(i);
        }
        for &t in &tags {
            self.site.tags[t].stories.push(i);
        }
        if let Some(k) = self.site.stories[i].kind {
            self.site.kinds[k].stories.push(i);
        }
        let story = &mut self.site.stories[i];
        (
            story.authors,
            story.neighbourhoods,
            story.tags,
            story.events,
            story.image,
        ) = (authors, hoods, tags, events, image);
    }

    fn event_named(&mut self, doc: &Document, slug: &str, errs: &mut Diagnostics) -> Option<Idx> {
        let wanted = slug::slugify(slug);
        // By its file name, or by its title as the agenda shows it.
        let by_title = |e: &Event| slug::slugify(&e.title) == wanted;
        let found = (self.events_by_slug.get(&wanted).copied())
            .or_else(|| self.site.events.iter().position(by_title));
        if found.is_some() {
            return found;
        }
        let broken = self.broken.iter().any(|p| {
            ContentType::of(p) == Some(ContentType::Event)
                && p.file_stem()
                    .is_some_and(|s| slug::slugify(&s.to_string_lossy()) == wanted)
        });
        if found.is_none() && !broken {
            let (line, col) = key_position(&doc.text, "events");
            // The closest file name or title; a title is suggested as its file name.
            let events = &self.site.events;
            let words = events
                .iter()
                .flat_map(|e| [e.slug.as_str(), e.title.as_str()]);
            let Hint(closest) = Hint::closest(slug, words);
            let hint = Hint(closest.map(|c| {
                let event = events.iter().find(|e| e.title == c);
                event.map_or(c, |e| e.slug.clone())
            }));
            errs.push(Diagnostic::at(
                &doc.path,
                &doc.text,
                line,
                col,
                Problem::UnknownEvent {
                    slug: slug.to_string(),
                    hint,
                },
            ));
        }
        found
    }

    fn image(
        &self,
        doc: &Document,
        src: &Option<String>,
        alt: &Option<String>,
        caption: &Option<String>,
        credit: &Option<String>,
        errs: &mut Diagnostics,
    ) -> Option<Image> {
        let src = src.as_deref()?.trim();
        let (line, col) = key_position(&doc.text, "image");
        let alt = match alt.as_deref().map(str::trim) {
            Some(alt) if !alt.is_empty() => alt.to_string(),
            _ => {
                errs.push(Diagnostic::at(
                    &doc.path,
                    &doc.text,
                    line,
                    col,
                    Problem::MissingImageAlt,
                ));
                return None;
            }
        };
        let url = match self.resolve(&doc.path, src) {
            LinkTarget::External => src.to_string(),
            LinkTarget::Url(url) => url,
            LinkTarget::Missing(problem) => {
                errs.push(Diagnostic::at(&doc.path, &doc.text, line, col, problem));
                return None;
            }
        };
        Some(Image {
            url,
            alt,
            caption: caption.clone(),
            credit: credit.clone(),
            size: None,
        })
    }

    /// What a relative link or picture in the file at `from` points at.
    fn resolve(&self, from: &Path, dest: &str) -> LinkTarget {
        if dest.starts_with('/') && !dest.starts_with("//") {
            // From the site's root, which lies under the path of `base_url`, as `image:` is.
            return LinkTarget::Url(self.urls.root(dest));
        }
        if dest.is_empty()
            || dest.contains("://")
            || dest.starts_with(['/', '#', '?'])
            || dest.contains(':') && !dest.contains('/')
        {
            return LinkTarget::External;
        }
        let (path_part, fragment) = match dest.find(['#', '?']) {
            Some(i) => dest.split_at(i),
            None => (dest, ""),
        };
        let decoded = percent_decode(path_part);
        let target = normalise(&from.parent().unwrap_or(Path::new("")).join(&decoded));
        let target = match &target {
            Some(t)
                if !decoded.ends_with(".md")
                    && self.page_urls.contains_key(&t.join("index.md")) =>
            {
                Some(t.join("index.md"))
            }
            _ => target,
        };
        let Some(target) = target else {
            return LinkTarget::Missing(Problem::MissingLink {
                target: dest.to_string(),
                hint: Hint::default(),
            });
        };
        if let Some(url) = self.page_urls.get(&target) {
            return LinkTarget::Url(format!("{url}{fragment}"));
        }
        if self.assets.contains(&target) {
            return LinkTarget::Url(format!("{}{fragment}", self.asset_url(&target)));
        }
        if !decoded.ends_with(".md") && !decoded.contains('.') {
            // A bare relative path such as `contact/` is a link into the built site, not a file.
            return LinkTarget::External;
        }
        if self.broken.contains(&target) {
            return LinkTarget::External;
        }
        if self.left_out.contains(&target) {
            return LinkTarget::Missing(Problem::LinkToDraft {
                target: dest.to_string(),
            });
        }
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let known: Vec<String> = self
            .page_urls
            .keys()
            .chain(self.assets.iter())
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        let hint = Hint::closest(&name, known.iter().map(String::as_str));
        let target = dest.to_string();
        LinkTarget::Missing(if is_picture(&decoded) {
            Problem::MissingPicture { target, hint }
        } else {
            Problem::MissingLink { target, hint }
        })
    }

    /// Where a file beside the content lands: in its bundle's page folder, or its section's.
    fn asset_url(&self, path: &Path) -> String {
        if let Some((dir, url)) = self.bundles.iter().find(|(dir, _)| path.starts_with(dir)) {
            let rest = path.strip_prefix(dir).expect("checked prefix");
            return format!("{url}{}", url_path(rest));
        }
        let under_content = path.strip_prefix("content").unwrap_or(path);
        let routes = &self.urls.routes;
        let rest = match ContentType::of(path) {
            Some(t) => {
                let inner = under_content
                    .strip_prefix(t.folder())
                    .expect("content type folder");
                let word = match t {
                    ContentType::Story => routes.stories.as_str(),
                    ContentType::Event => routes.events.as_str(),
                    ContentType::Neighbourhood => routes.neighbourhoods.as_str(),
                    ContentType::Person => routes.people.as_str(),
                    ContentType::Page => "",
                };
                format!("{word}/{}", url_path(inner))
            }
            None => url_path(under_content),
        };
        self.urls.root(&rest)
    }

    /// Third pass: every body rendered once, in parallel, with links resolved; bodies whose
    /// text and link targets are unchanged since `cache` are taken from it.
    // A fresh body is the `Err` side of a `Result` only to tell it from a cached one; it is
    // moved into the cache once, so its size costs nothing.
    #[allow(clippy::result_large_err)]
    fn render_bodies(
        &mut self,
        docs: &[Arc<Document>],
        cache: &mut ModelCache,
        errs: &mut Diagnostics,
    ) {
        let links = self.links_fingerprint();
        if cache.links != links {
            cache.links = links;
            cache.bodies.clear();
        }
        let jobs: Vec<(&Arc<Document>, Made)> = docs
            .iter()
            .zip(self.made.iter().copied())
            .filter_map(|(doc, made)| Some((doc, made?)))
            .collect();
        let this = &*self;
        let previous = &cache.bodies;
        // Each body as cached, or made now.
        let bodies: Vec<Result<&Body, Body>> = jobs
            .par_iter()
            .map(|(doc, _)| this.body(doc, previous))
            .collect();
        for ((doc, made), body) in jobs.iter().zip(&bodies) {
            let body: &Body = match body {
                Ok(cached) => cached,
                Err(fresh) => fresh,
            };
            errs.extend(body.rendered.problems.iter().map(|(offset, p)| {
                Diagnostic::at_offset(&doc.path, &doc.text, doc.body_offset + offset, p.clone())
            }));
            self.store_body(*made, body);
        }
        let fresh: Vec<(String, Body)> = jobs
            .iter()
            .zip(bodies)
            .filter_map(|((doc, _), body)| {
                body.err()
                    .map(|b| (doc.path.to_string_lossy().into_owned(), b))
            })
            .collect();
        cache.bodies.extend(fresh);
        if cache.bodies.len() > jobs.len() {
            let current: HashSet<std::borrow::Cow<str>> =
                jobs.iter().map(|(d, _)| d.path.to_string_lossy()).collect();
            cache.bodies.retain(|p, _| current.contains(p.as_str()));
        }
    }

    /// The body of `doc`: as `previous` has it when made from this very document (`Ok`), or
    /// made now (`Err`), from the rendering `previous` has of the same Markdown if any.
    #[allow(clippy::result_large_err)]
    pub(super) fn body<'c>(
        &self,
        doc: &Arc<Document>,
        previous: &'c HashMap<String, Body>,
    ) -> Result<&'c Body, Body> {
        let cached = previous.get(&*doc.path.to_string_lossy());
        if let Some(body) = cached
            && Arc::ptr_eq(&body.doc, doc)
        {
            return Ok(body);
        }
        let lang = doc_lang(doc, self.config.lang);
        // A body is hyphenated in its language: the same text in another is new.
        let seed = xxh3_64(lang.code().as_bytes());
        let source = xxhash_rust::xxh3::xxh3_64_with_seed(doc.body().as_bytes(), seed);
        if let Some(body) = cached
            && body.source == source
        {
            let doc = Arc::clone(doc);
            return Err(Body {
                doc,
                ..body.clone()
            });
        }
        let rendered = markdown::render_with(
            doc.body(),
            &|dest| self.resolve(&doc.path, dest),
            self.config.raw_html(),
            lang,
        );
        Err(Body {
            source,
            html: xxh3_64(rendered.html.as_bytes()),
            rendered,
            doc: Arc::clone(doc),
        })
    }

    /// A fingerprint of everything a relative link can resolve to; bodies rendered with other
    /// targets must be rendered again.
    fn links_fingerprint(&self) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        // A sum of the entries' own fingerprints does not depend on the maps' order, so
        // nothing needs sorting.
        let unordered = |items: &mut dyn Iterator<Item = u64>| -> u64 {
            items.fold(0u64, |sum, print| sum.wrapping_add(print))
        };
        let print = |path: &Path| xxh3_64(path.as_os_str().as_encoded_bytes());
        let pages = self
            .page_urls
            .iter()
            .map(|(path, url)| xxh3_64_with_seed(url.as_bytes(), print(path)));
        (self.page_urls.len(), unordered(&mut pages.into_iter())).hash(&mut h);
        for set in [&self.assets, &self.left_out, &self.broken] {
            (set.len(), unordered(&mut set.iter().map(|p| print(p)))).hash(&mut h);
        }
        self.urls.prefix.hash(&mut h);
        // Turning `trusted_html` on or off changes every body with raw HTML.
        self.config.trusted_html.hash(&mut h);
        h.finish()
    }

    fn store_body(&mut self, Made(t, i): Made, body: &Body) {
        let r = &body.rendered;
        let fill = |summary: &mut String| fill_summary(summary, r);
        match t {
            ContentType::Story => store_story_body(&mut self.site.stories[i], body),
            ContentType::Event => {
                fill(&mut self.site.events[i].summary);
                self.site.events[i].body_html = Arc::clone(&r.html);
                self.site.events[i].body_text = Arc::clone(&r.text);
            }
            ContentType::Neighbourhood => {
                fill(&mut self.site.neighbourhoods[i].summary);
                self.site.neighbourhoods[i].body_html = Arc::clone(&r.html);
                self.site.neighbourhoods[i].body_text = Arc::clone(&r.text);
            }
            ContentType::Person => {
                self.site.people[i].bio_html = Arc::clone(&r.html);
                self.site.people[i].bio_text = Arc::clone(&r.text);
            }
            ContentType::Page => {
                fill(&mut self.site.pages[i].summary);
                self.site.pages[i].body_html = Arc::clone(&r.html);
            }
        }
    }

    /// The site made, the names and addresses kept for links in a later edit's bodies.
    fn finish(&mut self, related: &mut Vec<(u64, Vec<Idx>)>) -> Site {
        for (i, story) in self.site.stories.iter().enumerate() {
            for &e in &story.events {
                self.site.events[e].stories.push(i);
            }
        }
        related::fill(
            &mut self.site.stories,
            &self.site.neighbourhoods,
            &self.site.tags,
            related,
        );
        for event in &mut self.site.events {
            event.print = event.fingerprint();
        }
        let updated = latest(self.site.stories.iter());
        let mut assets: Vec<crate::load::Asset> = self
            .assets
            .iter()
            .map(|p| {
                let url = self.asset_url(p);
                // The prefix once: a site under `/verhalen/` has `/verhalen/verhalen/x/foto.jpg`.
                let path = url.strip_prefix(&self.urls.prefix).unwrap_or(&url);
                crate::load::Asset {
                    source: p.clone(),
                    target: PathBuf::from(path.trim_start_matches('/')),
                }
            })
            .collect();
        assets.sort_by(|a, b| a.source.cmp(&b.source));
        let p = std::mem::take(&mut self.site);
        Site {
            config: self.config.clone(),
            urls: self.urls.clone(),
            // Fingerprinted and moved into their `Arc`s in parallel: one pass over 50,000
            // large values, not two.
            stories: (p.stories.into_par_iter())
                .map(|mut s| {
                    s.print = s.fingerprint();
                    Arc::new(s)
                })
                .collect(),
            events: p.events,
            people: p.people,
            neighbourhoods: p.neighbourhoods,
            kinds: p.kinds,
            tags: p.tags,
            pages: p.pages,
            assets,
            updated,
        }
    }
}

/// A story's words, contents and fingerprint from its rendered `body`; its summary from the
/// first paragraph when its front matter gives none.
/// The fields a story takes from its front matter as they are: what an edit may change
/// without moving the story (`edit::place` holds the rest), made here for both the full
/// assembly and `edit::remade`, so the two cannot come to read the front matter differently.
pub(super) struct Own {
    pub(super) title: String,
    pub(super) subtitle: Option<String>,
    pub(super) updated: Option<Zoned>,
    pub(super) summary: String,
    pub(super) source: Option<Source>,
}

impl Own {
    pub(super) fn of(raw: &RawStory, tz: &jiff::tz::TimeZone) -> Own {
        Own {
            title: raw.title.clone().unwrap_or_default(),
            subtitle: raw.subtitle.clone(),
            updated: raw.updated.map(|u| u.in_zone(tz)),
            summary: raw.summary.clone().unwrap_or_default(),
            source: raw.source.clone(),
        }
    }
}

pub(super) fn store_story_body(s: &mut Story, body: &Body) {
    let r = &body.rendered;
    fill_summary(&mut s.summary, r);
    s.words = r.words;
    s.body_html = Arc::clone(&r.html);
    s.body_print = body.html;
    s.body_text = Arc::clone(&r.text);
    s.headings = Arc::clone(&r.headings);
}

/// The first paragraph of the body as the summary, when none was given.
fn fill_summary(summary: &mut String, r: &markdown::Rendered) {
    if summary.trim().is_empty() {
        *summary = r.first_paragraph.trim().to_string();
    }
}

/// When the newest story changed: its `updated`, or its date.
pub(super) fn latest<'s>(stories: impl Iterator<Item = &'s Story>) -> Option<Zoned> {
    stories
        .map(|s| s.updated.as_ref().unwrap_or(&s.date))
        .max()
        .cloned()
}

fn is_draft(doc: &Document) -> bool {
    match &doc.front {
        Front::Story(s) => s.draft,
        Front::Event(e) => e.draft,
        Front::Page(p) => p.draft,
        _ => false,
    }
}

/// Files plein writes at the site root, which a free page must not shadow.
fn is_site_file(slug: &str) -> bool {
    matches!(slug, "feed-xml" | "sitemap-xml" | "robots-txt" | "404-html")
}

/// `a/b/../c` -> `a/c`; `None` when it climbs above the site root.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

fn url_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// `%20` and friends decoded, so `[foto](mijn%20foto.jpg)` finds `mijn foto.jpg`.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether `path` names a picture, by its extension.
fn is_picture(path: &str) -> bool {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    matches!(
        ext.as_deref(),
        Some("jpg" | "jpeg" | "png" | "gif" | "webp" | "svg" | "avif")
    )
}

/// The language `doc` is written in: a story's own, or the site's.
fn doc_lang(doc: &Document, site: crate::words::Lang) -> crate::words::Lang {
    match &doc.front {
        Front::Story(raw) => raw.lang(site),
        _ => site,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_stays_inside() {
        assert_eq!(
            normalise(Path::new("content/stories/../people/a.md")),
            Some(PathBuf::from("content/people/a.md"))
        );
        assert_eq!(normalise(Path::new("content/../../etc/passwd")), None);
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("mijn%20foto.jpg"), "mijn foto.jpg");
        assert_eq!(percent_decode("100%"), "100%");
    }
}

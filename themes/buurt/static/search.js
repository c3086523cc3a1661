// Search on /zoeken/ (/search/): the index that plein builds under <search>/index/, fetched a
// chunk at a time. Query words are folded and stemmed exactly as src/render/search/ does at
// build time (Snowball Dutch or English), so "tuinen" meets "tuin". Without JavaScript the page
// still lists neighbourhoods, kinds and tags. Talks to no host but the site's own.
(() => {
  "use strict";

  // ---- Folding and stemming: keep in step with src/render/search/words.rs. ----
  // tests/browser/fold.mjs checks both against every word of the example site and a generated
  // one. The index splits text at every character that is neither a letter nor a number, folds
  // each piece to ASCII (deunicode) and splits it again at what is not an ASCII letter or digit.

  // Letters (lowercase, after NFKD without marks) that are not yet ASCII, as deunicode folds
  // them: those of Latin-1, Latin Extended-A and Latin Extended Additional. Others are dropped.
  const FOLD = {
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    "μ": "u", "ħ": "h", "ĸ": "k", "·": "", "ŋ": "ng", "ŧ": "t", "ʾ": "", "ẜ": "s", "ẝ": "s",
    "ẟ": "d", "ỻ": "ll", "ỽ": "v", "ỿ": "y",
  };

  /** One piece of letters and numbers folded to ASCII: "Ĳsbaan" -> "ijsbaan", "ﬁets" -> "fiets". */
  function fold(piece) {
    if (/^[\x00-\x7f]*$/.test(piece)) return piece.toLowerCase();
    return piece.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[^\x00-\x7f]/g, (c) => FOLD[c] ?? " ");
  }

  /** Lowercase ASCII words of `text`, diacritics folded, at least two characters long. */
  function words(text) {
    return text.split(/[^\p{Alphabetic}\p{N}]+/u)
      .flatMap((piece) => fold(piece).split(/[^a-z0-9]+/))
      .filter((w) => w.length >= 2);
  }

  // Snowball Dutch (the classic algorithm, as in the rust-stemmers crate).
  function stemNl(word) {
    const isV = (c) => c !== undefined && "aeiouyè".includes(c);
    const s = word.split("");
    if (s[0] === "y") s[0] = "Y";
    for (let i = 1; i < s.length; i++) {
      if (!isV(s[i - 1])) continue;
      if (s[i] === "i" && isV(s[i + 1])) s[i] = "I";
      else if (s[i] === "y") s[i] = "Y";
    }
    let w = s.join("");
    let p1 = w.length;
    let p2 = w.length;
    if (w.length >= 3) {
      const after = (from) => {
        let i = from;
        while (i < w.length && !isV(w[i])) i++;
        while (i < w.length && isV(w[i])) i++;
        return i < w.length ? i + 1 : -1;
      };
      const a = after(0);
      if (a >= 0) {
        p1 = Math.max(a, 3);
        const b = after(a);
        if (b >= 0) p2 = b;
      }
    }
    const r1 = (pos) => p1 <= pos;
    const r2 = (pos) => p2 <= pos;
    const undouble = () => {
      if (/(kk|dd|tt)$/.test(w)) w = w.slice(0, -1);
    };
    const enEnding = (pos) => {
      if (r1(pos) && pos > 0 && !isV(w[pos - 1]) && !w.slice(0, pos).endsWith("gem")) {
        w = w.slice(0, pos);
        undouble();
        return true;
      }
      return false;
    };
    let eFound = false;
    const eEnding = () => {
      eFound = false;
      const pos = w.length - 1;
      if (w.endsWith("e") && r1(pos) && pos > 0 && !isV(w[pos - 1])) {
        w = w.slice(0, pos);
        eFound = true;
        undouble();
      }
    };
    // Step 1
    if (w.endsWith("heden")) {
      if (r1(w.length - 5)) w = w.slice(0, -5) + "heid";
    } else if (w.endsWith("ene")) {
      enEnding(w.length - 3);
    } else if (w.endsWith("en")) {
      enEnding(w.length - 2);
    } else if (w.endsWith("se") || w.endsWith("s")) {
      const pos = w.length - (w.endsWith("se") ? 2 : 1);
      if (r1(pos) && pos > 0 && !isV(w[pos - 1]) && w[pos - 1] !== "j") w = w.slice(0, pos);
    }
    // Step 2
    eEnding();
    // Step 3a
    if (w.endsWith("heid")) {
      const pos = w.length - 4;
      if (r2(pos) && w[pos - 1] !== "c") {
        w = w.slice(0, pos);
        if (w.endsWith("en")) enEnding(w.length - 2);
      }
    }
    // Step 3b
    const m = /(end|ing|ig|lijk|baar|bar)$/.exec(w);
    if (m) {
      const pos = w.length - m[1].length;
      switch (m[1]) {
        case "end":
        case "ing":
          if (r2(pos)) {
            w = w.slice(0, pos);
            const q = w.length - 2;
            if (w.endsWith("ig") && r2(q) && w[q - 1] !== "e") w = w.slice(0, q);
            else undouble();
          }
          break;
        case "ig":
          if (r2(pos) && w[pos - 1] !== "e") w = w.slice(0, pos);
          break;
        case "lijk":
          if (r2(pos)) {
            w = w.slice(0, pos);
            eEnding();
          }
          break;
        case "baar":
          if (r2(pos)) w = w.slice(0, pos);
          break;
        case "bar":
          if (r2(pos) && eFound) w = w.slice(0, pos);
          break;
      }
    }
    // Step 4: undouble a vowel before a final consonant (maan -> man).
    const n = w.length;
    if (n >= 4 && !isV(w[n - 1]) && w[n - 1] !== "I" && /^(aa|ee|oo|uu)$/.test(w.slice(n - 3, n - 1)) && !isV(w[n - 4])) {
      w = w.slice(0, n - 2) + w[n - 1];
    }
    return w.replace(/Y/g, "y").replace(/I/g, "i");
  }

  // Snowball English (Porter2, as in the rust-stemmers crate).
  const EN_EXCEPTIONS = {
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
    atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes",
  };
  const EN_INVARIANT = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];

  function stemEn(word) {
    if (word.length <= 2) return word;
    if (EN_EXCEPTIONS[word]) return EN_EXCEPTIONS[word];
    const isV = (c) => c !== undefined && "aeiouy".includes(c);
    const s = word.split("");
    if (s[0] === "y") s[0] = "Y";
    for (let i = 1; i < s.length; i++) if (s[i] === "y" && isV(s[i - 1])) s[i] = "Y";
    let w = s.join("");
    const after = (from) => {
      let i = from;
      while (i < w.length && !isV(w[i])) i++;
      while (i < w.length && isV(w[i])) i++;
      return i < w.length ? i + 1 : w.length;
    };
    const special = /^(gener|commun|arsen)/.exec(w);
    const p1 = special ? special[1].length : after(0);
    const p2 = after(p1);
    const r1 = (pos) => p1 <= pos;
    const r2 = (pos) => p2 <= pos;
    const hasV = (t) => /[aeiouy]/.test(t);
    const shortV = (t) => {
      const n = t.length;
      if (n >= 3 && !isV(t[n - 3]) && isV(t[n - 2]) && !isV(t[n - 1]) && !"wxY".includes(t[n - 1])) return true;
      return n === 2 && isV(t[0]) && !isV(t[1]);
    };
    // Step 1a
    let m;
    if (w.endsWith("sses")) w = w.slice(0, -2);
    else if ((m = /(ied|ies)$/.exec(w))) w = w.length > 4 ? w.slice(0, -3) + "i" : w.slice(0, -3) + "ie";
    else if (w.endsWith("us") || w.endsWith("ss")) {
      // unchanged
    } else if (w.endsWith("s") && hasV(w.slice(0, -2))) w = w.slice(0, -1);
    if (EN_INVARIANT.includes(w)) return w;
    // Step 1b
    if ((m = /(eedly|eed)$/.exec(w))) {
      if (r1(w.length - m[1].length)) w = w.slice(0, -m[1].length) + "ee";
    } else if ((m = /(ingly|edly|ing|ed)$/.exec(w))) {
      const stem = w.slice(0, -m[1].length);
      if (hasV(stem)) {
        w = stem;
        if (/(at|bl|iz)$/.test(w)) w += "e";
        else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
        else if (w.length === p1 && shortV(w)) w += "e";
      }
    }
    // Step 1c
    if (/[yY]$/.test(w) && w.length > 2 && !isV(w[w.length - 2])) w = w.slice(0, -1) + "i";
    // Step 2
    const STEP2 = [
      ["ization", "ize"], ["ational", "ate"], ["fulness", "ful"], ["ousness", "ous"], ["iveness", "ive"],
      ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["entli", "ent"], ["ation", "ate"],
      ["alism", "al"], ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"], ["fulli", "ful"],
      ["enci", "ence"], ["anci", "ance"], ["abli", "able"], ["izer", "ize"], ["ator", "ate"],
      ["alli", "al"], ["bli", "ble"], ["ogi", "og"], ["li", ""],
    ];
    for (const [suffix, to] of STEP2) {
      if (!w.endsWith(suffix)) continue;
      const pos = w.length - suffix.length;
      if (r1(pos)) {
        if (suffix === "ogi") {
          if (w[pos - 1] === "l") w = w.slice(0, pos) + to;
        } else if (suffix === "li") {
          if ("cdeghkmnrt".includes(w[pos - 1] ?? "_")) w = w.slice(0, pos);
        } else {
          w = w.slice(0, pos) + to;
        }
      }
      break;
    }
    // Step 3
    const STEP3 = [
      ["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
      ["ative", ""], ["ical", "ic"], ["ness", ""], ["ful", ""],
    ];
    for (const [suffix, to] of STEP3) {
      if (!w.endsWith(suffix)) continue;
      const pos = w.length - suffix.length;
      if (r1(pos) && (suffix !== "ative" || r2(pos))) w = w.slice(0, pos) + to;
      break;
    }
    // Step 4
    const STEP4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
      "ive", "ize", "ion", "al", "er", "ic"];
    for (const suffix of STEP4) {
      if (!w.endsWith(suffix)) continue;
      const pos = w.length - suffix.length;
      if (r2(pos) && (suffix !== "ion" || "st".includes(w[pos - 1] ?? "_"))) w = w.slice(0, pos);
      break;
    }
    // Step 5
    const n = w.length;
    if (w.endsWith("e") && (r2(n - 1) || (r1(n - 1) && !shortV(w.slice(0, -1))))) w = w.slice(0, -1);
    else if (w.endsWith("ll") && r2(n - 1)) w = w.slice(0, -1);
    return w.replace(/Y/g, "y");
  }

  // ---- The index: a manifest, then chunks as queries need them. ----

  // The stemmers, for tests that compare them with the build's (tests/browser/search.mjs).
  window.pleinSearch = { stemNl, stemEn, words };
  const form = document.querySelector("form[data-search-index]");
  if (!form) return;


  const base = form.dataset.searchIndex;
  const input = form.querySelector("input[name=q]");
  const areaSelect = form.querySelector("select[name=area]");
  const kindSelect = form.querySelector("select[name=kind]");
  const results = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const list = results.querySelector("ol");
  const moreButton = results.querySelector(".search-more");
  const say = results.dataset;
  const fetched = new Map();
  let manifest = null;
  let stem = stemNl;
  let stop = new Set();
  let keys = new Set();

  function load(rel) {
    if (!fetched.has(rel)) {
      fetched.set(rel, fetch(base + rel).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status} ${rel}`)))));
    }
    return fetched.get(rel);
  }

  async function start() {
    if (manifest) return manifest;
    manifest = await load("manifest.json");
    stem = manifest.lang === "en" ? stemEn : stemNl;
    stop = new Set(manifest.stop);
    keys = new Set(manifest.keys);
    const fill = (select, pairs) => {
      for (const [slug, name] of pairs) select.append(new Option(name, slug));
    };
    fill(areaSelect, manifest.hoods);
    fill(kindSelect, manifest.kinds);
    const params = new URLSearchParams(location.search);
    areaSelect.value = params.get("area") || "";
    kindSelect.value = params.get("kind") || "";
    form.querySelector(".search-filters").hidden = false;
    return manifest;
  }

  /** The chunk a stem lives in: its longest prefix that is a chunk key. */
  function chunkOf(s) {
    for (let n = s.length; n >= 2; n--) if (keys.has(s.slice(0, n))) return s.slice(0, n);
    return null;
  }

  /** Chunks that may hold stems starting with `p`: its own and those below it (a few at most). */
  function chunksFor(p) {
    const own = chunkOf(p);
    const below = p.length >= 2 ? manifest.keys.filter((k) => k.length > p.length && k.startsWith(p)) : [];
    return [...new Set([own, ...below.slice(0, 4)])].filter(Boolean);
  }

  function decode(list) {
    const out = [];
    let doc = 0;
    for (let i = 0; i < list.length; i += 2) {
      doc += list[i];
      out.push([doc, list[i + 1]]);
    }
    return out;
  }

  /** One query word: the documents it matches with their scores, and the stems it matched. */
  async function term(word, prefix) {
    const s = stem(word);
    const scores = new Map();
    const stems = new Set();
    const names = [s];
    if (prefix && word !== s) names.push(word);
    const chunks = prefix ? [...new Set(names.flatMap(chunksFor))] : [chunkOf(s)].filter(Boolean);
    const loaded = await Promise.all(chunks.map((k) => load(`c/${k}.json`)));
    const idf = (n) => Math.log(1 + manifest.docs / n);
    const add = (key, postings, factor) => {
      const docs = decode(postings);
      const weight = idf(docs.length) * factor;
      stems.add(key);
      for (const [doc, w] of docs) {
        scores.set(doc, Math.max(scores.get(doc) || 0, Math.log(1 + w) * weight));
      }
    };
    const expansions = [];
    for (const chunk of loaded) {
      for (const [key, postings] of Object.entries(chunk)) {
        if (key === s) add(key, postings, 1);
        else if (prefix && names.some((p) => key.startsWith(p))) expansions.push([key, postings]);
      }
    }
    // Typing "muursch" expands to the stems it begins; the most common few are enough.
    expansions.sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    for (const [key, postings] of expansions.slice(0, 24)) add(key, postings, 0.7);
    return { scores, stems };
  }

  async function filterSet(kind, slug) {
    if (!slug) return null;
    return new Set(await load(`f/${kind}-${slug}.json`));
  }

  async function search(query) {
    await start();
    const all = words(query).filter((w) => !stop.has(w));
    if (!all.length) return { ranked: [], stems: new Set() };
    // The last word may be half typed (or half remembered): it also finds the words it begins.
    const lastIsPrefix = !/\s$/.test(query);
    const terms = await Promise.all(all.map((w, i) => term(w, lastIsPrefix && i === all.length - 1)));
    const [area, kind] = await Promise.all([
      filterSet("n", areaSelect.value),
      filterSet("k", kindSelect.value),
    ]);
    let ranked = [...terms[0].scores.keys()]
      .filter((d) => terms.every((t) => t.scores.has(d)))
      .filter((d) => (!area || area.has(d)) && (!kind || kind.has(d)))
      .map((d) => [d, terms.reduce((sum, t) => sum + t.scores.get(d), 0)]);
    ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const stems = new Set(terms.flatMap((t) => [...t.stems]));
    return { ranked, stems };
  }

  /** What the results `ranked` show: one document file per few results. */
  async function documents(ranked) {
    const per = manifest.per;
    const files = [...new Set(ranked.map(([d]) => Math.floor(d / per)))];
    const byFile = new Map(await Promise.all(files.map(async (n) => [n, await load(`d/${n}.json`)])));
    return ranked.map(([d]) => byFile.get(Math.floor(d / per))[d % per]);
  }

  // ---- Showing results. ----

  /** `text` as nodes, each word whose stem was matched inside a <mark>. */
  function highlighted(text, stems) {
    const frag = document.createDocumentFragment();
    const re = /[\p{L}\p{N}]+/gu;
    let last = 0;
    let m;
    while ((m = re.exec(text))) {
      const ws = words(m[0]);
      if (ws.length && ws.every((w) => !stop.has(w)) && ws.some((w) => stems.has(stem(w)))) {
        frag.append(text.slice(last, m.index));
        const mark = document.createElement("mark");
        mark.textContent = m[0];
        frag.append(mark);
        last = m.index + m[0].length;
      }
    }
    frag.append(text.slice(last));
    return frag;
  }

  /** About 30 words of `text` around its first matched word. */
  function snippet(text, stems) {
    const parts = text.split(/\s+/);
    let at = parts.findIndex((p) => words(p).some((w) => stems.has(stem(w))));
    if (at < 0) at = 0;
    const from = Math.max(0, at - 8);
    const to = Math.min(parts.length, from + 30);
    return (from > 0 ? "… " : "") + parts.slice(from, to).join(" ") + (to < parts.length && !text.endsWith("…") ? " …" : "");
  }

  /** One result: the title as a link, type, date, kind and neighbourhoods, and a snippet. */
  function item(doc, stems) {
    const types = [say.story, say.event, say.neighbourhood, say.person];
    const li = document.createElement("li");
    li.className = "result";
    const h = document.createElement("h2");
    h.className = "result__title";
    const a = document.createElement("a");
    a.href = doc.u;
    a.append(highlighted(doc.t, stems));
    h.append(a);
    const meta = document.createElement("p");
    meta.className = "result__meta";
    meta.append(highlighted([types[doc.y], doc.d, doc.k, ...(doc.n || [])].filter(Boolean).join(" · "), stems));
    const p = document.createElement("p");
    p.className = "result__snippet";
    p.append(highlighted(snippet(doc.x, stems), stems));
    li.append(h, meta, p);
    return li;
  }

  /** Results shown a page at a time: the document files of later pages load when asked for. */
  const PAGE = 10;
  let current = null;

  async function more() {
    const c = current;
    const next = c.ranked.slice(c.shown, c.shown + PAGE);
    const docs = await documents(next);
    if (c !== current) return [];
    const items = docs.map((doc) => item(doc, c.stems));
    list.append(...items);
    c.shown += next.length;
    moreButton.hidden = c.shown >= c.ranked.length;
    return items;
  }

  let pending = 0;
  async function run() {
    const query = input.value;
    const mine = ++pending;
    if (!query.trim()) {
      current = null;
      list.replaceChildren();
      status.textContent = "";
      results.hidden = true;
      return;
    }
    try {
      const found = await search(query);
      const docs = await documents(found.ranked.slice(0, PAGE));
      if (mine !== pending) return;
      current = { ...found, shown: docs.length };
      list.replaceChildren(...docs.map((doc) => item(doc, found.stems)));
      moreButton.hidden = current.shown >= found.ranked.length;
      const total = found.ranked.length;
      const template = total === 0 ? say.none : total === 1 ? say.one : say.many;
      status.textContent = template.replace("{n}", total).replace("{q}", query.trim());
      results.hidden = false;
    } catch (err) {
      if (mine === pending) status.textContent = say.failed;
      console.warn("search:", err);
    }
  }

  moreButton.addEventListener("click", async () => {
    if (!current) return;
    const items = await more();
    items[0]?.querySelector("a").focus();
  });

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(), 120);
  });
  areaSelect.addEventListener("change", () => run());
  kindSelect.addEventListener("change", () => run());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams(new FormData(form));
    for (const [k, v] of [...params]) if (!v) params.delete(k);
    history.replaceState(null, "", `${location.pathname}?${params}`);
    run();
  });
  input.addEventListener("focus", () => start().catch(() => {}), { once: true });

  const q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    run();
  } else {
    start().catch(() => {});
  }
})();

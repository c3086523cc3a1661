// Search on /zoeken/ (/search/): the index that plein builds under <search>/index/, fetched a
// chunk at a time. Query words are folded and stemmed exactly as src/render/search/ does at
// build time (Snowball Dutch or English), so "tuinen" meets "tuin"; compounds are cut into
// their parts the same way (compound.rs), so "tuin" finds the speeltuin. Results are ranked by
// BM25; a word that finds nothing is tried joined with its neighbour ("repair café"), cut into
// parts, and otherwise answered with the nearest words of the site ("Bedoelde je …?").
// Without JavaScript the page says so and lists neighbourhoods, kinds and tags. Talks to no
// host but the site's own.
(() => {
  "use strict";

  /** The index format this script reads: the manifest's `v` (src/render/search/mod.rs). */
  const FORMAT = 2;
  const scriptUrl = document.currentScript?.src;

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

  // ---- Compound words: keep in step with src/render/search/compound.rs. ----

  const MIN_PART = 3;
  const DEPTH = 3;
  const COMPOUND = {
    nl: {
      links: ["en", "s", "e"],
      diminutives: ["j", "je", "tj", "pj", "jes", "etj", "tje", "pje", "tjes", "pjes", "etje", "etjes"],
      notTails: ["heid", "schap", "dom", "achtig", "lijk", "baar", "loos", "ling", "zaam", "ster", "erij", "isch", "tig", "iger"],
      notHeads: ["ver", "ont", "her", "mis", "be", "ge", "er"],
      shortEndings: ["er", "en", "el"],
      restored: ["end", "ing", "ig", "lijk", "baar", "heid"],
      undoubles: true,
    },
    en: {
      links: [],
      diminutives: [],
      notTails: ["ness", "less", "ment", "able", "ship", "ful", "ing", "ism", "ist", "ous", "ive", "ise", "ize"],
      notHeads: ["dis", "mis", "non", "pre", "pro", "sub", "out", "un", "re"],
      shortEndings: [],
      restored: [],
      undoubles: false,
    },
  };

  /** The parts of `stem` that `known(stem)` knows, as the index cuts them: "speeltuin" -> spel, tuin. */
  function parts(lang, stem, known) {
    const r = COMPOUND[lang] ?? COMPOUND.nl;
    const vowel = (c) => "aeiouy".includes(c);
    const undouble = (p) => {
      const n = p.length;
      const doubled = r.undoubles && n >= 4 && !vowel(p[n - 1]) && p[n - 2] === p[n - 3] && "aeou".includes(p[n - 2]) && !vowel(p[n - 4]);
      return doubled ? p.slice(0, n - 2) + p[n - 1] : null;
    };
    const lookup = (p) => {
      if (p.length < MIN_PART || (p.length === MIN_PART && r.shortEndings.some((e) => p.endsWith(e)))) return null;
      if (known(p)) return p;
      const single = undouble(p);
      return single !== null && known(single) ? single : null;
    };
    const diminutive = (w) => {
      for (const ending of r.diminutives) {
        if (!w.endsWith(ending)) continue;
        const base = w.slice(0, w.length - ending.length);
        if (base.length < MIN_PART) continue;
        const found = lookup(base);
        if (found !== null) return found;
      }
      return null;
    };
    const headStem = (head) => {
      if (r.notHeads.includes(head)) return null;
      const candidates = [head];
      for (const link of r.links) {
        if (head.endsWith(link) && head.length - link.length >= MIN_PART) candidates.push(head.slice(0, head.length - link.length));
      }
      for (const c of candidates) {
        const found = lookup(c);
        if (found !== null) return found;
        const n = c.length;
        if (r.undoubles && c !== head && n > MIN_PART && c[n - 1] === c[n - 2]) {
          const single = lookup(c.slice(0, n - 1));
          if (single !== null) return single;
        }
      }
      return null;
    };
    const tailStem = (tail) => {
      if (r.notTails.includes(tail)) return null;
      const found = lookup(tail) ?? diminutive(tail);
      if (found !== null) return found;
      const whole = r.restored.map((ending) => tail + ending).find((w) => known(w));
      return whole ?? null;
    };
    const cut = (w, depth) => {
      if (depth >= DEPTH || w.length < 2 * MIN_PART) return null;
      for (let at = w.length - MIN_PART; at >= MIN_PART; at--) {
        const head = headStem(w.slice(0, at));
        if (head === null) continue;
        const tail = tailStem(w.slice(at));
        if (tail !== null) return [head, tail];
        const rest = cut(w.slice(at), depth + 1);
        if (rest) return [head, ...rest];
      }
      return null;
    };
    const out = [];
    const push = (p) => {
      if (!out.includes(p)) out.push(p);
    };
    if (!/^[\x00-\x7f]*$/.test(stem)) return out;
    const whole = cut(stem, 0);
    if (whole) {
      for (const part of whole) {
        const inner = cut(part, 1) ?? (diminutive(part) !== null ? [diminutive(part)] : []);
        push(part);
        inner.forEach(push);
      }
    } else {
      const base = diminutive(stem);
      if (base !== null) push(base);
    }
    return out.filter((p) => p !== stem);
  }

  /** Edit distance with transpositions (optimal string alignment), or `max + 1` when above `max`. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    let prev2 = null;
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        row.push(d);
        best = Math.min(best, d);
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  // ---- The index: a manifest, then chunks as queries need them. ----

  const K1 = 1.2;
  const B = 0.75;
  const LENGTHS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  /** The value of each letter of LENGTHS, by its character code. */
  const DIGIT = new Uint8Array(128);
  for (let i = 0; i < LENGTHS.length; i++) DIGIT[LENGTHS.charCodeAt(i)] = i;

  /**
   * Search over an index whose files `fetchJson(rel)` gives (the page fetches them; the Node
   * tests read them from the built site).
   */
  function engine(fetchJson) {
    const fetched = new Map();
    let manifest = null;
    let stem = stemNl;
    let stop = new Set();
    let keys = new Set();
    let lists = new Set();
    let lang = "nl";
    let lengths = [];
    let average = 1;

    function load(rel) {
      if (!fetched.has(rel)) fetched.set(rel, fetchJson(rel));
      return fetched.get(rel);
    }

    async function start() {
      if (manifest) return manifest;
      const found = await load("manifest.json");
      if (found.v !== FORMAT) {
        // This script and the index come from different builds of the site: one of them was
        // in the browser's cache when the site was published again.
        fetched.clear();
        throw Object.assign(new Error(`index format ${found.v}, this script reads ${FORMAT}`), { format: found.v });
      }
      manifest = found;
      lang = manifest.lang === "en" ? "en" : "nl";
      stem = lang === "en" ? stemEn : stemNl;
      stop = new Set(manifest.stop);
      keys = new Set(manifest.keys);
      lists = new Set(manifest.lists);
      lengths = [...(manifest.len || "")].map((c) => 2 ** (LENGTHS.indexOf(c) / 4) - 1);
      average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length) || 1;
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

    /**
     * The stems starting with `xy` with their document counts, or none: from the word list
     * `s/<xy>.json`, or `s/<x>.json` where the stems of a first letter share one (the
     * manifest's `lists`).
     */
    async function wordsFile(xy) {
      const has = manifest.keys.some((k) => k.startsWith(xy));
      if (xy.length !== 2 || !has) return {};
      const list = lists.has(xy) ? xy : xy[0];
      if (list === xy) return load(`s/${list}.json`);
      const all = await load(`s/${list}.json`);
      return Object.fromEntries(Object.entries(all).filter(([w]) => w.startsWith(xy)));
    }

    /**
     * A postings list as [doc, weight] pairs. Each posting is written as letters of LENGTHS:
     * the document's distance from the one before in base 32, low digits first, a digit + 32
     * while more follow, then the weight as one letter (src/render/search/chunks.rs).
     */
    function decode(list) {
      const out = [];
      let doc = 0;
      for (let i = 0; i < list.length;) {
        let delta = 0;
        let shift = 1;
        let v;
        while ((v = DIGIT[list.charCodeAt(i++)]) >= 32) {
          delta += (v - 32) * shift;
          shift *= 32;
        }
        doc += delta + v * shift;
        out.push([doc, DIGIT[list.charCodeAt(i++)]]);
      }
      return out;
    }

    /** BM25 of one stem's postings: its weights are the field-weighted word counts. */
    function bm25(docs, factor, scores) {
      const n = docs.length;
      const idf = Math.log(1 + (manifest.docs - n + 0.5) / (n + 0.5));
      for (const [doc, tf] of docs) {
        const norm = 1 - B + (B * (lengths[doc] ?? average)) / average;
        const score = (idf * factor * tf * (K1 + 1)) / (tf + K1 * norm);
        scores.set(doc, Math.max(scores.get(doc) || 0, score));
      }
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
      const expansions = [];
      for (const chunk of loaded) {
        for (const [key, postings] of Object.entries(chunk)) {
          if (key === s) {
            stems.add(key);
            bm25(decode(postings), 1, scores);
          } else if (prefix && names.some((p) => key.startsWith(p))) expansions.push([key, decode(postings)]);
        }
      }
      // Typing "muursch" expands to the stems it begins; the most common few are enough.
      expansions.sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
      for (const [key, docs] of expansions.slice(0, 24)) {
        stems.add(key);
        bm25(docs, 0.7, scores);
      }
      return { words: [word], scores, stems };
    }

    /** Documents every one of `terms` matches, their scores added up. */
    function both(terms) {
      const scores = new Map();
      for (const [d] of terms[0].scores) {
        if (terms.every((t) => t.scores.has(d))) scores.set(d, terms.reduce((sum, t) => sum + t.scores.get(d), 0));
      }
      return { words: terms.flatMap((t) => t.words), scores, stems: new Set(terms.flatMap((t) => [...t.stems])) };
    }

    /** A word that is a compound the index does not have, as the parts it has: "repaircafe". */
    async function cutTerm(word) {
      const s = stem(word);
      if (s.length < 2 * MIN_PART) return null;
      const starts = [0];
      for (let at = MIN_PART; at <= s.length - MIN_PART; at++) starts.push(at);
      const files = await Promise.all([...new Set(starts.map((at) => s.slice(at, at + 2)))].map(wordsFile));
      const known = new Set(files.flatMap((f) => Object.keys(f)));
      const found = parts(lang, s, (p) => known.has(p));
      if (!found.length) return null;
      const terms = await Promise.all(found.map((p) => term(p, false)));
      const t = both(terms);
      return t.scores.size ? { ...t, words: [word] } : null;
    }

    /** The words of the site nearest to `word`: edit distance, then how many documents have them. */
    async function nearest(word) {
      const w = word;
      const prefixes = new Set([w.slice(0, 2), w[1] + w[0], w[0] + (w[2] ?? ""), w.slice(1, 3)]);
      const files = await Promise.all([...prefixes].filter((p) => p.length === 2).map(wordsFile));
      const max = w.length <= 4 ? 1 : 2;
      const s = stem(w);
      const found = [];
      for (const file of files) {
        for (const [candidate, df] of Object.entries(file)) {
          if (candidate === s || candidate.length < 2) continue;
          const d = Math.min(distance(w, candidate, max), distance(s, candidate, max));
          if (d <= max) found.push([candidate, d, df]);
        }
      }
      found.sort((a, b) => a[1] - b[1] || Math.abs(b[2]) - Math.abs(a[2]) || (a[0] < b[0] ? -1 : 1));
      const shown = await Promise.all(found.slice(0, 3).map(async ([candidate, , df]) => {
        const seen = await written(candidate);
        if (seen) return seen;
        // The stem with the query word's own ending ("vrijwilliger" + "s"), if that stems back.
        const ending = w.startsWith(s) ? w.slice(s.length) : "";
        if (ending && stem(candidate + ending) === candidate) return candidate + ending;
        return df > 0 && stem(candidate) === candidate ? candidate : null;
      }));
      return [...new Set(shown.filter(Boolean))];
    }

    /** A stem as the site writes it: the word of one of its best documents that has that stem. */
    async function written(s) {
      const t = await term(s, false);
      const best = [...t.scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 3);
      for (const doc of await documents(best)) {
        const text = [doc.t, doc.k, ...(doc.n || []), doc.x].join(" ");
        for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
          const ws = words(m[0]);
          if (ws.length === 1 && stem(ws[0]) === s) return m[0].toLowerCase();
        }
      }
      return null;
    }

    /**
     * The documents `query` finds, best first, with the stems that matched, and for a word
     * that finds nothing the nearest words of the site.
     */
    async function search(query, filters = {}) {
      await start();
      const all = words(query).filter((w) => !stop.has(w));
      if (!all.length) return { ranked: [], stems: new Set(), suggestions: [] };
      // The last word may be half typed (or half remembered): it also finds the words it begins.
      const lastIsPrefix = !/\s$/.test(query);
      let terms = await Promise.all(all.map((w, i) => term(w, lastIsPrefix && i === all.length - 1)));
      // "repair café", "buurt huis": two words that the site may write as one. Documents with
      // the word as one count double: that is how the site writes it.
      for (let i = 0; i + 1 < terms.length; i++) {
        const [a, b] = [terms[i], terms[i + 1]];
        if (a.words.length > 1 || b.words.length > 1) continue;
        const joined = await term(a.words[0] + b.words[0], lastIsPrefix && i + 2 === terms.length);
        if (!joined.scores.size) continue;
        const apart = both([a, b]);
        const scores = new Map(apart.scores);
        for (const [d, score] of joined.scores) scores.set(d, Math.max(scores.get(d) || 0, 2 * score));
        const stems = new Set([...joined.stems, ...(apart.scores.size ? apart.stems : [])]);
        terms.splice(i, 2, { words: [a.words[0], b.words[0]], scores, stems });
      }
      terms = await Promise.all(terms.map(async (t) => (t.scores.size ? t : (await cutTerm(t.words[0])) ?? t)));
      const suggestions = [];
      for (const t of terms) {
        if (t.scores.size || t.words.length > 1) continue;
        const near = await nearest(t.words[0]);
        if (near.length) suggestions.push([t.words[0], near]);
      }
      const [area, kind] = await Promise.all([filterSet("n", filters.area), filterSet("k", filters.kind)]);
      const found = both(terms);
      const ranked = [...found.scores]
        .filter(([d]) => (!area || area.has(d)) && (!kind || kind.has(d)));
      // Ties go to the earlier document: stories are numbered newest first.
      ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      return { ranked, stems: found.stems, suggestions };
    }

    async function filterSet(kind, slug) {
      if (!slug) return null;
      return new Set(await load(`f/${kind}-${slug}.json`));
    }

    /** The type of document `d`: 0 story, 1 event, 2 neighbourhood, 3 person, numbered in that order. */
    function typeOf(d) {
      let y = 0;
      for (let below = manifest.types[0]; y < 3 && d >= below; below += manifest.types[++y]);
      return y;
    }

    /**
     * What the results `ranked` show: one document file per few results, each document the
     * array [url, title, date, kind, neighbourhoods, text] (src/render/search/docs.rs).
     */
    async function documents(ranked) {
      const per = manifest.per;
      const files = [...new Set(ranked.map(([d]) => Math.floor(d / per)))];
      const byFile = new Map(await Promise.all(files.map(async (n) => [n, await load(`d/${n}.json`)])));
      return ranked.map(([d]) => {
        const [u, t, date, k, n, x] = byFile.get(Math.floor(d / per))[d % per];
        return { u, t, y: typeOf(d), d: date, k, n, x };
      });
    }

    /**
     * Whether a written word is one that `stems` matched: 2 when its stem is one of them, 1 when
     * it holds one as a part (a compound, a diminutive, a derived word), 0 when not.
     */
    function matches(word, stems) {
      const ws = words(word);
      if (!ws.length || ws.some((w) => stop.has(w))) return 0;
      let best = 0;
      for (const w of ws) {
        const s = stem(w);
        if (stems.has(s)) return 2;
        for (const m of stems) if (m.length >= MIN_PART && s.length >= m.length + 2 && s.includes(m)) best = 1;
      }
      return best;
    }

    return { start, search, documents, matches, manifest: () => manifest, stem: (w) => stem(w) };
  }

  /** About 30 words of `text` around the passage with the most matched words. */
  function passage(text, isMatch) {
    const parts = text.split(/\s+/).filter(Boolean);
    const hits = parts.map(isMatch);
    const SIZE = 30;
    let best = 0;
    let bestScore = -1;
    for (let from = 0; from < Math.max(1, parts.length - SIZE + 1); from += 1) {
      const seen = new Map();
      let n = 0;
      for (let i = from; i < Math.min(parts.length, from + SIZE); i++) {
        if (hits[i]) {
          n += hits[i];
          seen.set(parts[i].toLowerCase(), hits[i]);
        }
      }
      // Distinct words count most, whole words more than parts; a window that starts a few
      // words before its first hit reads best.
      const first = hits.findIndex((h, i) => i >= from && h > 0);
      const lead = first < 0 ? 0 : Math.abs(first - from - 6) * 0.001;
      const score = [...seen.values()].reduce((a, b) => a + b, 0) * 10 + n - lead;
      if (score > bestScore) {
        bestScore = score;
        best = from;
      }
    }
    const from = bestScore <= 0 ? 0 : best;
    const to = Math.min(parts.length, from + SIZE);
    const before = from > 0 ? "… " : "";
    const after = to < parts.length && !text.endsWith("…") ? " …" : "";
    return before + parts.slice(from, to).join(" ") + after;
  }

  // For tests: the folding, stemming and cutting, and the search without a page.
  window.pleinSearch = { stemNl, stemEn, words, parts, distance, engine, passage };
  const form = document.querySelector("form[data-search-index]");
  if (!form) return;

  const base = form.dataset.searchIndex;
  const input = form.querySelector("input[name=q]");
  const areaSelect = form.querySelector("select[name=area]");
  const kindSelect = form.querySelector("select[name=kind]");
  const results = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const suggest = document.getElementById("search-suggest");
  const list = results.querySelector("ol");
  const moreButton = results.querySelector(".search-more");
  const say = results.dataset;
  const noScript = document.getElementById("search-noscript");
  if (noScript) noScript.hidden = true;
  const index = engine((rel) => fetch(base + rel).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status} ${rel}`)))));

  /**
   * When this script and the index are of different formats: fetch both anew past the
   * browser's cache and load the page again, once for each pair of formats (not in a loop
   * when the host itself serves an old copy). False when already tried.
   */
  async function renew(err) {
    const key = "plein-search-renewed";
    const pair = `${FORMAT}>${err.format}`;
    try {
      if (sessionStorage.getItem(key) === pair) return false;
      sessionStorage.setItem(key, pair);
    } catch {
      return false;
    }
    await Promise.allSettled([scriptUrl, `${base}manifest.json`].filter(Boolean).map((u) => fetch(u, { cache: "reload" })));
    location.reload();
    return true;
  }

  let filled = false;
  async function start() {
    let manifest;
    try {
      manifest = await index.start();
    } catch (err) {
      if (err.format !== undefined && (await renew(err))) await new Promise(() => {});
      throw err;
    }
    if (filled) return manifest;
    filled = true;
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

  // ---- Showing results. ----

  /** `text` as nodes, each word that matched inside a <mark>. Text is never read as HTML. */
  function highlighted(text, stems) {
    const frag = document.createDocumentFragment();
    const re = /[\p{L}\p{N}]+/gu;
    let last = 0;
    let m;
    while ((m = re.exec(text))) {
      if (index.matches(m[0], stems) > 0) {
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

  /** One result: the title as a link, type, date, kind and neighbourhoods, and a passage. */
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
    p.append(highlighted(passage(doc.x, (w) => index.matches(w, stems)), stems));
    li.append(h, meta, p);
    return li;
  }

  /** "Bedoelde je …?": links that search again with the nearest words in place of a word. */
  function suggestions(query, found) {
    suggest.replaceChildren();
    if (!found.length) {
      suggest.hidden = true;
      return;
    }
    const [before, after] = say.suggest.split("{w}");
    const links = [];
    for (const [word, near] of found) {
      for (const candidate of near) {
        const changed = words(query).map((w) => (w === word ? candidate : w)).join(" ");
        const a = document.createElement("a");
        const params = new URLSearchParams({ q: changed });
        a.href = `${location.pathname}?${params}`;
        a.textContent = changed;
        a.addEventListener("click", (event) => {
          event.preventDefault();
          input.value = changed;
          history.replaceState(null, "", a.href);
          run();
        });
        links.push(a);
      }
    }
    suggest.append(before);
    links.slice(0, 3).forEach((a, i) => {
      if (i > 0) suggest.append(i === links.length - 1 || i === 2 ? ` ${say.or} ` : ", ");
      suggest.append(a);
    });
    suggest.append(after);
    suggest.hidden = false;
  }

  /** Results shown a page at a time: the document files of later pages load when asked for. */
  const PAGE = 10;
  let current = null;

  async function more() {
    const c = current;
    const next = c.ranked.slice(c.shown, c.shown + PAGE);
    const docs = await index.documents(next);
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
      suggestions(query, []);
      results.hidden = true;
      return;
    }
    try {
      await start();
      const found = await index.search(query, { area: areaSelect.value, kind: kindSelect.value });
      const docs = await index.documents(found.ranked.slice(0, PAGE));
      if (mine !== pending) return;
      current = { ...found, shown: docs.length };
      list.replaceChildren(...docs.map((doc) => item(doc, found.stems)));
      moreButton.hidden = current.shown >= found.ranked.length;
      const total = found.ranked.length;
      const template = total === 0 ? say.none : total === 1 ? say.one : say.many;
      status.textContent = template.replace("{n}", total).replace("{q}", query.trim());
      suggestions(query, total === 0 ? found.suggestions : []);
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

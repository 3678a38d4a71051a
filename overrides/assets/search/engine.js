/* Static search engine of the portal: reads the files `mkdocs build` writes under
   search/ (see scripts/directive_portal/search/index.py). No server, no request
   outside the site. Exposes window.PortalSearch. Written for old phone browsers:
   ES2017, no lookbehind, no innerHTML with content. */
(function () {
  "use strict";
  var MARKS = /[\u0300-\u036f]/g;

  function fold(text) {
    return text.replace(/[đĐ]/g, "d").normalize("NFD").replace(MARKS, "").toLowerCase();
  }
  function syllables(folded) { return folded.match(/[a-z0-9]+/g) || []; }
  function b36(n) { return n.toString(36); }
  function hash(term) { // 32-bit FNV-1a over UTF-16 code units, as index.fnv1a
    var h = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) {
      h ^= term.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }
  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* Query -> required groups (numbers, syllables, quoted pairs), bonus terms (issuer
     keys, adjacent pairs), exact forms, and what to highlight. Twin of
     terms.query_terms in Python (required, bonus and exact are the same lists). */
  function parseQuery(query, rules) {
    var quoted = [], raw = query.normalize("NFC");
    raw.replace(/["“”]([^"“”]+)["“”]/g, function (m, inner) { quoted.push(syllables(fold(inner))); return m; });
    var text = fold(raw.replace(/["“”]/g, " "));
    var numbers = [], refine = [], marks = [];
    var codes = rules.codes.join("|");
    var words = Object.keys(rules.words).map(escapeRe).join("|");
    var pre = "(^|[^a-z0-9])", issuer = "([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)?)";
    var state = new RegExp(pre + "(?:(?:" + words + "|luat|nghi dinh|thong tu)\\s+)?(?:so\\s*)?0*(\\d{1,4})\\s*/\\s*(\\d{4})\\s*/\\s*" + issuer + "(?![a-z0-9])", "g");
    var full = new RegExp(pre + "(?:(?:" + words + ")\\s+)?(?:so\\s*)?0*(\\d{1,4})\\s*[-/ ]\\s*(" + codes + ")\\s*[-/ ]\\s*" + issuer + "(?![a-z0-9])", "g");
    var numCode = new RegExp(pre + "(?:(?:" + words + ")\\s+)?(?:so\\s*)?0*(\\d{1,4})\\s*[-/]\\s*(" + codes + ")(?![a-z0-9])", "g");
    var word = new RegExp(pre + "(" + words + ")\\s+(?:so\\s*)?0*(\\d{1,4})(?![0-9])", "g");
    var code = new RegExp(pre + "(" + codes + ")(?:\\s*[-/]\\s*" + issuer + ")?\\s*[-.]?\\s*0*(\\d{1,4})(?![0-9])", "g");
    function take(key, iss, num, c) {
      numbers.push(key); marks.push([num, c]);
      if (iss) refine.push(key + "/" + iss.replace("-", ""));
    }
    text = text.replace(state, function (m, p, n, y, i) { take("#" + n + "/" + y, i, n, y); return p + " "; });
    text = text.replace(full, function (m, p, n, c, i) { take("#" + n + c, i, n, c); return p + " "; });
    text = text.replace(numCode, function (m, p, n, c) { take("#" + n + c, "", n, c); return p + " "; });
    text = text.replace(word, function (m, p, w, n) { take("#" + n + rules.words[w], "", n, rules.words[w]); return p + " "; });
    text = text.replace(code, function (m, p, c, i, n) { take("#" + n + c, i, n, c); return p + " "; });
    var all = syllables(text), tokens = unique(all);
    var pairs = [];
    for (var i = 0; i + 1 < all.length; i++) pairs.push(all[i] + " " + all[i + 1]);
    var phrases = [];
    quoted.forEach(function (q) { for (var k = 0; k + 1 < q.length; k++) phrases.push(q[k] + " " + q[k + 1]); });
    var exact = [];
    var lower = raw.toLowerCase();
    if (!numbers.length && fold(lower) !== lower) {  // typed with diacritics: every syllable as written
      (lower.match(/[^\s.,;:!?"'“”()\/\-]+/g) || []).forEach(function (w) {
        if (/^[a-z0-9]+$/.test(fold(w))) exact.push("~" + w);
      });
    }
    var last = all.length && /[a-z]$/.test(fold(raw)) && /^[a-z]+$/.test(all[all.length - 1]) && !quoted.length ? all[all.length - 1] : "";
    return { required: unique(numbers).concat(tokens), bonus: unique(refine).concat(unique(pairs)), exact: unique(exact),
      phrases: unique(phrases), tokens: tokens, numbers: marks, last: last, quoted: quoted };
  }
  function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }); }

  function Engine(indexUrl) {
    this.base = new URL(indexUrl, location.href);
    this.cache = new Map();
    this.meta = null;
  }
  Engine.prototype.fetch = function (path, json) {
    var url = new URL(path, this.base).href;
    if (!this.cache.has(url)) {
      var self = this;
      var p = fetch(url).then(function (r) {
        if (!r.ok) { if (r.status === 404) return null; throw new Error(r.status + " " + url); }
        return json ? r.json() : r.text();
      });
      p.catch(function () { self.cache.delete(url); });
      this.cache.set(url, p);
    }
    return this.cache.get(url);
  };
  Engine.prototype.load = function () {
    var self = this;
    if (!this.metaPromise) {
      this.metaPromise = this.fetch("meta.json", true).then(function (m) { self.meta = m; return m; });
    }
    return this.metaPromise;
  };
  /* Postings of one term: Map docId -> weight (0 in the full-text index). */
  Engine.prototype.postings = function (term, full) {
    var m = this.meta, shards = full ? m.fullShards : m.shards;
    if (!shards) return Promise.resolve(new Map());
    var path = m.root + (full ? "f/" : "p/") + b36(hash(term) % shards) + ".txt";
    return this.fetch(path, false).then(function (text) {
      var out = new Map();
      if (!text) return out;
      var at = ("\n" + text).indexOf("\n" + term + "\t");
      if (at < 0) return out;
      var line = text.slice(at + term.length + 1, text.indexOf("\n", at));
      var id = 0;
      line.split(",").forEach(function (item) {
        if (full) { id += parseInt(item, 36); out.set(id, 0); }
        else { id += parseInt(item.slice(1), 36); out.set(id, parseInt(item[0], 36)); }
      });
      return out;
    });
  };
  /* Every document with the term anywhere: Map docId -> weight (the field weight of
     the default index; body-only matches count half a point). */
  Engine.prototype.anywhere = function (term, bodyToo) {
    var self = this;
    if (!bodyToo || term.charAt(0) === "~") return this.postings(term, false);
    return Promise.all([this.postings(term, false), term.charAt(0) === "#" ? new Map() : this.postings(term, true)])
      .then(function (got) {
        var out = new Map(got[0]);
        got[1].forEach(function (_, id) { if (!out.has(id)) out.set(id, 0.5); });
        return out;
      });
  };
  /* Syllables of the index starting with `letter`, most frequent first: [[term, documents]]. */
  Engine.prototype.vocabulary = function (letter) {
    if (!/^[a-z]$/.test(letter)) return Promise.resolve([]);
    return this.fetch(this.meta.root + "v/" + letter + ".txt", false).then(function (text) {
      return (text || "").split("\n").filter(Boolean).map(function (l) { var p = l.split("\t"); return [p[0], +p[1]]; });
    });
  };
  Engine.prototype.facets = function () { return this.fetch(this.meta.root + "facets.json", true); };
  /* The plain text of a document (for the sentence that matches), "" if it has none. */
  Engine.prototype.text = function (id) {
    return this.fetch(this.meta.root + "t/" + b36(id) + ".txt", false).then(function (t) { return t || ""; });
  };

  /* opts: {q, titleOnly, prefix, sort: "relevance"|"date", topic, type, issuer, year, counts}.
     Resolves {ids (ranked, filtered), unfiltered (count before filters), missing, corrected
     ([typed, used]), approximate, parsed, facets (when filtered or counts asked)}. */
  Engine.prototype.search = function (opts) {
    var self = this;
    return this.load().then(function (meta) {
      var parsed = prune(parseQuery(opts.q || "", meta.rules), meta.common || []);
      var body = !opts.titleOnly;
      var wantFacets = opts.topic || opts.type || opts.issuer || opts.year || opts.counts;
      var bonus = parsed.bonus.concat(parsed.exact);
      return Promise.all([  // all at once: one round trip for most queries
        self.groups(parsed, opts, body),
        Promise.all(bonus.map(function (t) { return t.charAt(0) === "#" || t.charAt(0) === "~" ? self.postings(t, false) : self.anywhere(t, body); })),
        wantFacets ? self.facets() : null
      ]).then(function (got) {
        return self.correctedPairs(parsed, got[1], body).then(function (lists) {
          return rank(meta, parsed, got[0], lists, got[2], opts);
        });
      });
    });
  };

  /* One group per required term: the documents having it (the union of the last word's
     completions while typing; the nearest spelling when a word is found nowhere). */
  Engine.prototype.groups = function (parsed, opts, body) {
    var self = this;
    var terms = parsed.required.concat(parsed.phrases);
    parsed.corrected = [];
    return Promise.all(terms.map(function (term) {
      var completing = opts.prefix && term === parsed.last && parsed.phrases.indexOf(term) < 0;
      return self.anywhere(term, body).then(function (list) {
        return completing && !list.size ? self.complete(term, list, body) : list;  // a word cut short
      }).then(function (list) {
        if (list.size || term.length < 4 || !/^[a-z]+$/.test(term)) return list;
        var at = parsed.tokens.indexOf(term);
        return self.correct(term, body, parsed.tokens[at - 1], parsed.tokens[at + 1]).then(function (fix) {
          if (!fix) return list;
          parsed.corrected.push([term, fix[0]]);
          parsed.tokens.push(fix[0]);
          return fix[1];
        });
      });
    }));
  };
  /* After a correction, the query's pairs with the corrected word rank the phrase too:
     `giai trih` -> `giai trinh`. Returns the bonus lists, parsed.bonus grown to match. */
  Engine.prototype.correctedPairs = function (parsed, lists, body) {
    var fixed = {};
    parsed.corrected.forEach(function (c) { fixed[c[0]] = c[1]; });
    var pairs = parsed.bonus.filter(function (b) { return b.charAt(0) !== "#"; }).map(function (b) {
      return b.split(" ").map(function (w) { return fixed[w] || w; }).join(" ");
    }).filter(function (b) { return parsed.bonus.indexOf(b) < 0; });
    if (!pairs.length) return Promise.resolve(lists);
    var self = this, n = parsed.bonus.length;
    return Promise.all(pairs.map(function (t) { return self.anywhere(t, body); })).then(function (extra) {
      parsed.bonus = parsed.bonus.concat(pairs);
      return lists.slice(0, n).concat(extra, lists.slice(n));
    });
  };
  var COMPLETIONS = 3;
  Engine.prototype.complete = function (term, list, body) {
    var self = this;
    return this.vocabulary(term.charAt(0)).then(function (words) {
      var more = words.filter(function (w) { return w[0] !== term && w[0].indexOf(term) === 0; }).slice(0, COMPLETIONS);
      return Promise.all(more.map(function (w) { return self.anywhere(w[0], body); })).then(function (lists) {
        var out = new Map(list);
        lists.forEach(function (l) { l.forEach(function (w, id) { if (!out.has(id)) out.set(id, w * 0.6); }); });
        return out;
      });
    });
  };
  /* The nearest spelling of a word found nowhere: [word, its documents] or null. Among
     the words one letter away, the one written next to the query's neighbouring word
     most often (`giai trih` -> `giai trinh`), else the most frequent. */
  var CANDIDATES = 4;
  Engine.prototype.correct = function (term, body, before, after) {
    var self = this;
    return Promise.all([this.vocabulary(term.charAt(0)), this.vocabulary(term.charAt(1))]).then(function (got) {
      var near = got[0].concat(got[1]).filter(function (w) { return oneEdit(term, w[0]); })
        .sort(function (a, b) { return b[1] - a[1]; }).slice(0, CANDIDATES);
      if (!near.length) return null;
      var context = near.map(function (w) {
        if (!before && !after) return Promise.resolve(0);
        return Promise.all([before ? self.anywhere(before + " " + w[0], body) : new Map(),
          after ? self.anywhere(w[0] + " " + after, body) : new Map()]).then(function (l) { return l[0].size + l[1].size; });
      });
      return Promise.all(context).then(function (together) {
        var best = 0;
        together.forEach(function (n, i) { if (n > together[best]) best = i; });
        return self.anywhere(near[best][0], body).then(function (list) { return [near[best][0], list]; });
      });
    });
  };
  /* One letter replaced, missing or extra. */
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* Syllables found in most documents narrow nothing: leave their postings (the
     largest files) unfetched when rarer terms are there; keep the rarest otherwise.
     Their pairs still rank the phrase first. */
  function prune(parsed, common) {
    var position = function (t) { return common.indexOf(t.charAt(0) === "~" ? fold(t.slice(1)) : t); };
    var rare = parsed.required.filter(function (t) { return position(t) < 0; });
    if (!rare.length && parsed.required.length) {
      rare = [parsed.required.slice().sort(function (a, b) { return position(a) - position(b); })[0]];
    }
    var dropped = parsed.required.filter(function (t) { return rare.indexOf(t) < 0; });
    parsed.required = rare;
    parsed.exact = parsed.exact.filter(function (t) { return position(t) < 0 || rare.indexOf(fold(t.slice(1))) >= 0; });
    parsed.common = dropped;
    return parsed;
  }

  function rank(meta, parsed, groups, bonusLists, facets, opts) {
    var n = meta.docs, ngroups = groups.length;
    var scores = new Map(), hits = new Map(), phrase = new Map(), missing = [];
    function idf(df) { return Math.log(1 + n / Math.max(df, 1)); }
    function add(map, id, value) { map.set(id, (map.get(id) || 0) + value); }
    var required = parsed.required.concat(parsed.phrases);
    groups.forEach(function (list, i) {
      if (!list.size) missing.push(required[i]);
      var w = idf(list.size);
      list.forEach(function (weight, id) { add(scores, id, w * weight); add(hits, id, 1); });
    });
    var nbonus = parsed.bonus.length;
    bonusLists.forEach(function (list, i) {
      var term = i < nbonus ? parsed.bonus[i] : "~";
      var pair = i < nbonus && term.charAt(0) !== "#";
      var w = idf(list.size) * (pair ? 5 : i < nbonus ? 1 : 1.5);
      list.forEach(function (weight, id) {
        if (!scores.has(id)) return;
        add(scores, id, w * weight);
        if (pair) add(phrase, id, 1);
      });
    });
    var ids;
    if (!ngroups) {
      ids = []; for (var d = 0; d < n; d++) ids.push(d);
    } else {
      ids = Array.from(scores.keys()).filter(function (id) { return hits.get(id) === ngroups; });
    }
    var approximate = !ids.length && ngroups > 1 && missing.length < ngroups;
    if (approximate) ids = Array.from(scores.keys());
    var unfiltered = ids.slice();
    if (opts.topic || opts.type || opts.issuer || opts.year) ids = ids.filter(filterFn(meta, facets, opts));
    var topics = new Set(meta.topicDocs || []);
    function cmp(a, b) {  // all the words, then as a phrase, then documents before topic pages, then weight, then newer
      return (hits.get(b) - hits.get(a)) || ((phrase.get(b) || 0) - (phrase.get(a) || 0)) ||
        (topics.has(a) - topics.has(b)) || (scores.get(b) - scores.get(a)) || (a - b);
    }
    if (opts.sort === "date" || !ngroups) { ids.sort(function (a, b) { return a - b; }); }
    else { ids.sort(cmp); unfiltered.sort(cmp); }
    return { ids: ids, unfiltered: unfiltered, missing: missing, corrected: parsed.corrected || [],
      approximate: approximate, parsed: parsed, facets: facets };
  }

  /* Documents per filter value among `ids`: {type: {slug: n}, issuer: {name: n}, year: {y: n}, topic: {slug: n}}. */
  function counts(meta, facets, ids) {
    var out = { type: {}, issuer: {}, year: {}, topic: {} };
    function inc(map, key) { map[key] = (map[key] || 0) + 1; }
    var inIds = new Set(ids);
    ids.forEach(function (id) {
      var t = meta.types[facets.type[id]]; if (t) inc(out.type, t[0]);
      if (facets.issuer[id]) inc(out.issuer, meta.issuers[facets.issuer[id] - 1]);
      if (facets.year[id]) inc(out.year, String(facets.year[id]));
    });
    Object.keys(facets.topics).forEach(function (slug) {
      var id = 0;
      facets.topics[slug].split(",").forEach(function (d) { if (d) { id += parseInt(d, 36); if (inIds.has(id)) inc(out.topic, slug); } });
    });
    return out;
  }

  function filterFn(meta, facets, opts) {
    var type = opts.type ? meta.types.map(function (t) { return t[0]; }).indexOf(opts.type) : -1;
    var issuer = opts.issuer ? meta.issuers.indexOf(opts.issuer) + 1 : -1;
    var year = opts.year ? parseInt(opts.year, 10) : 0;
    var topic = null;
    if (opts.topic) {
      topic = new Set(); var id = 0;
      (facets.topics[opts.topic] || "").split(",").forEach(function (d) { if (d) { id += parseInt(d, 36); topic.add(id); } });
    }
    return function (id) {
      return (!opts.type || facets.type[id] === type) && (!opts.issuer || facets.issuer[id] === issuer) &&
        (!year || facets.year[id] === year) && (!topic || topic.has(id));
    };
  }

  /* Records of documents, in the order asked: {url, title, number, type, issuer, date, summary, headings, directive}. */
  Engine.prototype.records = function (ids) {
    var self = this, m = this.meta;
    return Promise.all(ids.map(function (id) {
      return self.fetch(m.root + "r/" + b36(Math.floor(id / m.block)) + ".json", true).then(function (block) {
        var r = block[id % m.block];
        return { id: id, url: r[0], title: r[1], number: r[2], type: (m.types[r[3]] || ["", ""])[1],
          issuer: r[4] ? m.issuers[r[4] - 1] : "", date: r[5], summary: r[6], headings: r[7],
          kind: ["doc", "directive", "topic"][r[8]] || "doc", directive: r[8] === 1 };
      });
    }));
  };

  window.PortalSearch = { Engine: Engine, fold: fold, parseQuery: parseQuery, prune: prune, hash: hash,
    counts: counts, oneEdit: oneEdit };
})();

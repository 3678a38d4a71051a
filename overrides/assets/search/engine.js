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

  /* Query -> required terms (numbers, syllables), bonus pairs, exact forms, and
     what to highlight. Twin of terms.query_terms in Python. */
  function parseQuery(query, rules) {
    var text = fold(query.normalize("NFC"));
    var numbers = [], marks = [];
    var codes = rules.codes.join("|");
    var words = Object.keys(rules.words).map(escapeRe).join("|");
    var pre = "(^|[^a-z0-9])";
    var full = new RegExp(pre + "(?:(?:" + words + ")\\s+)?(?:so\\s*)?0*(\\d{1,4})\\s*[-/ ]\\s*(" + codes + ")\\s*[-/ ]\\s*([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)?)(?![a-z0-9])", "g");
    var state = new RegExp(pre + "(?:(?:" + words + "|luat|nghi dinh|thong tu)\\s+)?(?:so\\s*)?0*(\\d{1,4})\\s*/\\s*(\\d{4})\\s*/\\s*([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)?)(?![a-z0-9])", "g");
    var word = new RegExp(pre + "(" + words + ")\\s+(?:so\\s*)?0*(\\d{1,4})(?![0-9])", "g");
    var code = new RegExp(pre + "(" + codes + ")\\s*[-.]?\\s*0*(\\d{1,4})(?![0-9])", "g");
    function take(key, num, c) { numbers.push(key); marks.push([num, c]); }
    text = text.replace(state, function (m, p, n, y, c) { take("#" + n + "/" + y + "/" + c.replace("-", ""), n, y); return p + " "; });
    text = text.replace(full, function (m, p, n, c, i) { take("#" + n + c + "/" + i.replace("-", ""), n, c); return p + " "; });
    text = text.replace(word, function (m, p, w, n) { take("#" + n + rules.words[w], n, rules.words[w]); return p + " "; });
    text = text.replace(code, function (m, p, c, n) { take("#" + n + c, n, c); return p + " "; });
    var tokens = unique(syllables(text));
    var pairs = [];
    for (var i = 0; i + 1 < tokens.length; i++) pairs.push(tokens[i] + " " + tokens[i + 1]);
    var exact = [];
    var lower = query.normalize("NFC").toLowerCase();
    if (!numbers.length && fold(lower) !== lower) {  // typed with diacritics: every syllable as written
      (lower.match(/[^\s.,;:!?"'()\/\-]+/g) || []).forEach(function (w) {
        if (/^[a-z0-9]+$/.test(fold(w))) exact.push("~" + w);
      });
    }
    return { required: numbers.concat(tokens), bonus: pairs, exact: unique(exact), tokens: tokens, numbers: marks };
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
  Engine.prototype.facets = function () { return this.fetch(this.meta.root + "facets.json", true); };

  /* opts: {q, full, sort: "relevance"|"date", topic, type, issuer, year} (filters: values from meta).
     Resolves {ids (ranked), missing (query words found nowhere), approximate, parsed}. */
  Engine.prototype.search = function (opts) {
    var self = this;
    return this.load().then(function (meta) {
      var parsed = prune(parseQuery(opts.q || "", meta.rules), meta.common || []);
      var filtered = opts.topic || opts.type || opts.issuer || opts.year;
      var terms = parsed.required.concat(parsed.bonus, parsed.exact);
      return Promise.all([
        Promise.all(terms.map(function (t) { return self.postings(t, false); })),
        opts.full ? Promise.all(parsed.required.map(function (t) { return self.postings(t, true); })) : [],
        filtered ? self.facets() : null
      ]).then(function (got) {
        return rank(meta, parsed, got[0], got[1], got[2], opts);
      });
    });
  };

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

  function rank(meta, parsed, lists, fullLists, facets, opts) {
    var n = meta.docs, nreq = parsed.required.length;
    var scores = new Map(), hits = new Map(), missing = [];
    function idf(df) { return Math.log(1 + n / Math.max(df, 1)); }
    parsed.required.forEach(function (term, i) {
      var list = lists[i], full = fullLists[i] || new Map();
      if (!list.size && !full.size) missing.push(term);
      var w = idf(list.size + full.size);
      full.forEach(function (_, id) { if (!list.has(id)) add(id, w * 0.5, true); });
      list.forEach(function (weight, id) { add(id, w * weight, true); });
    });
    function add(id, value, required) {
      scores.set(id, (scores.get(id) || 0) + value);
      if (required) hits.set(id, (hits.get(id) || 0) + 1);
    }
    var bonusFrom = nreq, exactFrom = nreq + parsed.bonus.length;
    lists.forEach(function (list, i) {
      if (i < bonusFrom) return;
      var w = idf(list.size) * (i < exactFrom ? 1.5 : 5);
      list.forEach(function (weight, id) { if (scores.has(id)) add(id, w * weight, false); });
    });
    var ids;
    if (!nreq) {
      ids = []; for (var d = 0; d < n; d++) ids.push(d);
    } else {
      ids = Array.from(scores.keys()).filter(function (id) { return hits.get(id) === nreq; });
    }
    var approximate = !ids.length && nreq > 1 && missing.length < nreq;
    if (approximate) ids = Array.from(scores.keys());
    if (facets) ids = ids.filter(filterFn(meta, facets, opts));
    if (opts.sort === "date" || !nreq) ids.sort(function (a, b) { return a - b; });
    else ids.sort(function (a, b) {
      return (hits.get(b) - hits.get(a)) || (scores.get(b) - scores.get(a)) || (a - b);
    });
    return { ids: ids, missing: missing, approximate: approximate, parsed: parsed };
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
          issuer: r[4] ? m.issuers[r[4] - 1] : "", date: r[5], summary: r[6], headings: r[7], directive: !!r[8] };
      });
    }));
  };

  /* Spans [start, end) of `text` matching the query's syllables or numbers, diacritics ignored. */
  function matches(text, parsed) {
    var folded = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]);
      for (var k = 0; k < f.length; k++) { folded += f[k]; map.push(i); }
    }
    map.push(text.length);
    var spans = [];
    function find(needle, isNumber) {
      var from = 0, at;
      while ((at = folded.indexOf(needle, from)) >= 0) {
        var end = at + needle.length;
        var before = at > 0 ? folded[at - 1] : " ", after = end < folded.length ? folded[end] : " ";
        if (!/[a-z0-9]/.test(before) && (isNumber || !/[a-z0-9]/.test(after))) spans.push([map[at], map[end]]);
        from = end;
      }
    }
    parsed.tokens.forEach(function (t) { find(t, false); });
    parsed.numbers.forEach(function (nc) {
      [nc[0] + "-" + nc[1], nc[0] + "/" + nc[1], nc[1] + " " + nc[0], nc[1] + nc[0]].forEach(function (s) { find(s, true); });
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    return spans.filter(function (s, i) { return !i || s[0] >= spans[i - 1][1]; });
  }

  /* A snippet of about `size` characters around the first match: {text, spans}. */
  function snippet(texts, parsed, size) {
    var best = null;
    texts.forEach(function (t) {
      if (!t) return;
      var spans = matches(t, parsed);
      if (!best || spans.length > best.spans.length) best = { text: t, spans: spans };
    });
    if (!best) return { text: "", spans: [] };
    var start = 0;
    if (best.spans.length && best.text.length > size) {
      start = Math.max(0, best.spans[0][0] - Math.floor(size / 3));
      var space = best.text.indexOf(" ", start);
      if (start && space >= 0 && space < best.spans[0][0]) start = space + 1;
    }
    var end = Math.min(best.text.length, start + size);
    var text = (start ? "…" : "") + best.text.slice(start, end) + (end < best.text.length ? "…" : "");
    var shift = start ? 1 - start : 0;
    var spans = best.spans.filter(function (s) { return s[0] >= start && s[1] <= end; })
      .map(function (s) { return [s[0] + shift, s[1] + shift]; });
    return { text: text, spans: spans };
  }

  /* Fill `el` with `text`, matches wrapped in <mark>: DOM nodes, never HTML. */
  function highlight(el, text, spans) {
    el.textContent = "";
    var last = 0;
    spans.forEach(function (s) {
      el.appendChild(document.createTextNode(text.slice(last, s[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(s[0], s[1]);
      el.appendChild(mark);
      last = s[1];
    });
    el.appendChild(document.createTextNode(text.slice(last)));
  }

  window.PortalSearch = { Engine: Engine, fold: fold, parseQuery: parseQuery, prune: prune, matches: matches,
    snippet: snippet, highlight: highlight, hash: hash };
})();

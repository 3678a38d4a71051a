/* The search box in the header (instant results) and the search page (filters with
   counts, sort, paging), and the words of the query marked on the page a result opens
   (?tu=...). Everything from the index goes into the page as text nodes. The query
   lives in the URL: tim-kiem/?q=...&loai=...  */
(function () {
  "use strict";
  var S = window.PortalSearch;
  var PAGE = 10, INSTANT = 6;
  var PARAMS = { q: "q", topic: "chu-de", type: "loai", issuer: "co-quan", year: "nam", sort: "sap-xep", titleOnly: "trich-yeu" };
  var FILTERS = { topic: "Chủ đề", type: "Loại văn bản", issuer: "Cơ quan ban hành", year: "Năm" };
  var KINDS = { directive: "Văn bản dẫn chiếu", topic: "Trang chủ đề" };
  var HIT = "tu";  // the query, carried to the page a result opens

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function debounce(fn, ms) {
    var t;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  /* The address of a result: the page, with the query for marking its words there. */
  function resultHref(rec, root, q) {
    var url = new URL(rec.url, root);
    if (q) url.searchParams.set(HIT, q);
    return url.href;
  }

  function resultItem(rec, parsed, root, q) {
    var li = el("li", "portal-result");
    if (KINDS[rec.kind]) li.appendChild(el("span", "portal-result__kind", KINDS[rec.kind]));
    var a = el("a", "portal-result__title");
    a.href = resultHref(rec, root, q);
    S.highlight(a, rec.title, S.matches(rec.title, parsed));
    li.appendChild(a);
    var meta = el("p", "portal-result__meta");
    if (rec.kind !== "topic") {
      var number = el("span", "portal-result__number");
      S.highlight(number, rec.number || "(chưa có số)", rec.number ? S.matches(rec.number, parsed) : []);
      meta.appendChild(number);
    }
    [rec.kind === "topic" ? "" : rec.type, rec.date, rec.issuer].forEach(function (part) {
      if (part) meta.appendChild(document.createTextNode((meta.firstChild ? " · " : "") + part));
    });
    if (meta.firstChild) li.appendChild(meta);
    var snip = S.snippet([rec.summary, rec.headings], parsed, 180);
    var p = el("p", "portal-result__snippet");
    if (snip.text) {
      S.highlight(p, snip.text, snip.spans);
      li.appendChild(p);
    }
    if (!snip.spans.length && parsed.tokens.length && rec.kind === "doc") {  // the words are further in the text
      li.appendChild(el("p", "portal-result__note", "Từ khóa có trong nội dung văn bản; mở văn bản để xem đoạn có từ khóa."));
    }
    li.needsSentence = rec.kind === "doc" && parsed.tokens.length && !allWords(snip, rec.summary, parsed);
    li.snippet = p;
    return li;
  }
  function allWords(snip, text, parsed) {
    var found = {};
    snip.spans.forEach(function (sp) { found[S.fold(snip.text.slice(sp[0], sp[1]))] = 1; });
    return parsed.tokens.every(function (t) { return found[t]; });
  }
  var SENTENCES = 3;  // the first results show the matching sentence of their text
  /* Replace the opening of the first results by the sentence of their text that has the words. */
  function showSentences(engine, items, recs, parsed) {
    return Promise.all(items.slice(0, SENTENCES).map(function (li, i) {
      if (!li.needsSentence) return null;
      return engine.text(recs[i].id).then(function (text) {
        var sentence = S.bestSentence(text, parsed);
        if (!sentence) return;
        var snip = S.snippet([sentence], parsed, 220);
        S.highlight(li.snippet, snip.text, snip.spans);
        if (!li.snippet.parentNode) li.insertBefore(li.snippet, li.querySelector(".portal-result__note"));
        var note = li.querySelector(".portal-result__note");
        if (note) note.remove();
      }).catch(function () { /* the opening stays */ });
    }));
  }

  function statusText(result, q, shown) {
    var n = result.ids.length;
    if (!n && result.unfiltered.length) return "Không có kết quả nào với bộ lọc đang chọn.";
    if (!n) return q ? "Không tìm thấy văn bản nào cho “" + q + "”." : "Không có văn bản nào khớp bộ lọc.";
    var text = n + " kết quả" + (q ? " cho “" + q + "”" : "");
    if (result.approximate) text += ". Không văn bản nào có đủ các từ; đây là kết quả gần đúng";
    return text + (shown < n ? " (hiển thị " + shown + ")" : "") + ".";
  }
  function missingText(result) {
    var parts = result.corrected.map(function (c) { return "Đã sửa “" + c[0] + "” thành “" + c[1] + "”."; });
    var words = result.missing.filter(function (t) { return t[0] !== "#"; });
    if (words.length) parts.push("Không tìm thấy từ: " + words.join(", ") + ".");
    return parts.join(" ");
  }

  /* Header box: instant results under the header, Enter opens the search page. */
  function initBox(form) {
    var engine = new S.Engine(form.dataset.index);
    var root = new URL(form.dataset.root, location.href);
    var input = form.querySelector("input[name=q]");
    var panel = form.querySelector(".portal-search__results");
    var seq = 0;
    function close() { panel.hidden = true; }
    var run = debounce(function () {
      var q = input.value.trim(), mine = ++seq;
      if (!q) { close(); return; }
      panel.dataset.state = "loading";
      engine.search({ q: q, prefix: true }).then(function (result) {
        return engine.records(result.ids.slice(0, INSTANT)).then(function (recs) {
          if (mine !== seq) return;
          panel.textContent = "";
          var status = el("p", "portal-search__status", statusText(result, q, recs.length));
          panel.appendChild(status);
          var missing = missingText(result);
          if (missing) panel.appendChild(el("p", "portal-search__status portal-search__fix", missing));
          var list = el("ol", "portal-results");
          var items = recs.map(function (r) { return list.appendChild(resultItem(r, result.parsed, root, q)); });
          panel.appendChild(list);
          var more = el("a", "portal-search__more", "Xem tất cả kết quả, lọc theo chủ đề, loại, năm");
          more.href = form.action + "?q=" + encodeURIComponent(q);
          panel.appendChild(more);
          panel.hidden = false;
          panel.dataset.query = q;
          panel.dataset.sentences = "loading";
          panel.dataset.state = "done";  // the results are there; their sentences follow
          return showSentences(engine, items, recs, result.parsed).then(function () {
            if (mine === seq) panel.dataset.sentences = "done";
          });
        });
      }).catch(function () {
        if (mine !== seq) return;
        panel.textContent = "";
        panel.appendChild(el("p", "portal-search__status", "Không tải được dữ liệu tìm kiếm. Vui lòng thử lại."));
        panel.hidden = false;
        panel.dataset.state = "error";
      });
    }, 120);
    input.addEventListener("input", run);
    input.addEventListener("focus", function () { engine.load(); if (input.value.trim()) run(); });
    input.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) close(); });
  }

  /* Search page: the same engine, with filters (and their counts in the current
     results), sort and paging. */
  function initPage(form) {
    var engine = new S.Engine(form.dataset.index);
    var root = new URL(form.dataset.root, location.href);
    var out = document.getElementById("portal-search-output");
    var status = out.querySelector(".portal-search__status");
    var note = out.querySelector(".portal-search__note");
    var drop = out.querySelector(".portal-search__drop");
    var list = out.querySelector(".portal-results");
    var more = out.querySelector(".portal-search__more");
    var details = form.querySelector("details");
    var seq = 0, current = null, shown = 0, labels = {};
    function field(name) { return form.elements[PARAMS[name]]; }
    function options() {
      return { q: field("q").value.trim(), topic: field("topic").value, type: field("type").value,
        issuer: field("issuer").value, year: field("year").value, sort: field("sort").value,
        titleOnly: field("titleOnly").checked, prefix: true, counts: details.open };
    }
    function fill(name, pairs) {
      labels[name] = {};
      pairs.forEach(function (p) {
        var o = el("option", "", p[1]); o.value = p[0]; field(name).appendChild(o); labels[name][p[0]] = p[1];
      });
    }
    /* Each option says how many of the current results it keeps. */
    function showCounts(result) {
      if (!result.facets) return;
      var counts = S.counts(engine.meta, result.facets, result.unfiltered);
      Object.keys(FILTERS).forEach(function (name) {
        Array.prototype.forEach.call(field(name).options, function (o) {
          if (!o.value) return;
          var n = counts[name][o.value] || 0;
          o.textContent = labels[name][o.value] + " (" + n + ")";
          o.disabled = !n && field(name).value !== o.value;
        });
      });
    }
    /* The filters in use, as words: "Loại văn bản: Kế hoạch". */
    function filtersInUse(opts) {
      return Object.keys(FILTERS).filter(function (k) { return opts[k]; }).map(function (k) {
        return FILTERS[k] + ": " + (labels[k][opts[k]] || opts[k]);
      });
    }
    function showMore() {
      var mine = seq, ids = current.ids.slice(shown, shown + PAGE);
      return engine.records(ids).then(function (recs) {
        if (mine !== seq) return;
        var q = options().q, first = !shown;
        var items = recs.map(function (r) { return list.appendChild(resultItem(r, current.parsed, root, q)); });
        shown += recs.length;
        status.textContent = statusText(current, q, shown);
        more.hidden = shown >= current.ids.length;
        out.dataset.sentences = "loading";
        out.dataset.state = "done";  // the results are there; their sentences follow
        return (first ? showSentences(engine, items, recs, current.parsed) : Promise.resolve()).then(function () {
          if (mine === seq) out.dataset.sentences = "done";
        });
      });
    }
    function explainFilters(result, opts) {
      drop.hidden = true;
      if (result.ids.length || !result.unfiltered.length) return;
      note.textContent = (note.textContent ? note.textContent + " " : "") + "Bộ lọc " + filtersInUse(opts).join(", ") +
        " loại hết " + result.unfiltered.length + " kết quả" + (opts.q ? " cho “" + opts.q + "”" : "") + ".";
      drop.hidden = false;
    }
    function run() {
      var opts = options(), mine = ++seq;
      var params = new URLSearchParams();
      Object.keys(PARAMS).forEach(function (k) {
        var v = opts[k];
        if (k === "titleOnly") v = v ? "1" : "";
        if (k === "sort" && v === "relevance") v = "";
        if (v) params.set(PARAMS[k], v);
      });
      history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
      out.dataset.state = "loading";
      if (!opts.q && !opts.topic && !opts.type && !opts.issuer && !opts.year) {
        list.textContent = ""; status.textContent = "Nhập từ khóa hoặc chọn bộ lọc."; note.textContent = "";
        more.hidden = true; drop.hidden = true; out.dataset.state = "done"; out.dataset.sentences = "done"; out.dataset.query = "";
        return Promise.resolve();
      }
      return engine.search(opts).then(function (result) {
        if (mine !== seq) return;
        current = result; shown = 0; list.textContent = "";
        note.textContent = missingText(result);
        explainFilters(result, opts);
        showCounts(result);
        out.dataset.query = opts.q;
        return showMore();
      }).catch(function () {
        if (mine !== seq) return;
        status.textContent = "Không tải được dữ liệu tìm kiếm. Vui lòng thử lại.";
        out.dataset.state = "error";
      });
    }
    engine.load().then(function (meta) {
      fill("topic", meta.topics);
      fill("type", meta.types);
      fill("issuer", meta.issuers.map(function (i) { return [i, i]; }));
      fill("year", meta.years.map(function (y) { return [String(y), String(y)]; }));
      var params = new URLSearchParams(location.search);
      Object.keys(PARAMS).forEach(function (k) {
        var v = params.get(PARAMS[k]);
        if (v === null) return;
        if (k === "titleOnly") field(k).checked = v === "1"; else field(k).value = v;
        if (k !== "q" && v) details.open = true;  // show the filters in use
      });
      run();
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    form.addEventListener("change", run);
    details.addEventListener("toggle", function () { if (details.open && current && !current.facets) run(); });
    drop.addEventListener("click", function () {
      Object.keys(FILTERS).forEach(function (k) { field(k).value = ""; });
      run();
    });
    field("q").addEventListener("input", debounce(run, 200));
    more.addEventListener("click", showMore);
  }

  // "/" puts the cursor in the search box, unless one is typing in a field already.
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable) return;
    var input = document.querySelector("form[data-portal-search-page] input[name=q], form[data-portal-search] input[name=q]");
    if (input) { e.preventDefault(); input.focus(); }
  });

  var page = document.querySelector("form[data-portal-search-page]");
  if (page) initPage(page);
  else S.markPassage(HIT);
  document.querySelectorAll("form[data-portal-search]").forEach(function (form) {
    if (page) {  // on the search page the header box feeds the page form
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        page.elements.q.value = form.elements.q.value;
        page.dispatchEvent(new Event("change"));
      });
    }
    initBox(form);
  });
})();

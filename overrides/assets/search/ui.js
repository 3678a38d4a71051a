/* The search box in the header (instant results) and the search page (filters,
   sort, full text, paging). Everything from the index goes into the page as
   text nodes. The query lives in the URL: tim-kiem/?q=...&loai=...  */
(function () {
  "use strict";
  var S = window.PortalSearch;
  var PAGE = 10, INSTANT = 6;
  var PARAMS = { q: "q", topic: "chu-de", type: "loai", issuer: "co-quan", year: "nam", sort: "sap-xep", full: "toan-van" };

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

  function resultItem(rec, parsed, root, full) {
    var li = el("li", "portal-result");
    if (rec.directive) li.appendChild(el("span", "portal-result__kind", "Văn bản dẫn chiếu"));
    var a = el("a", "portal-result__title");
    a.href = new URL(rec.url, root).href;
    S.highlight(a, rec.title, S.matches(rec.title, parsed));
    li.appendChild(a);
    var meta = el("p", "portal-result__meta");
    var number = el("span", "portal-result__number");
    S.highlight(number, rec.number || "(chưa có số)", rec.number ? S.matches(rec.number, parsed) : []);
    meta.appendChild(number);
    [rec.type, rec.date, rec.issuer].forEach(function (part) {
      if (part) meta.appendChild(document.createTextNode(" · " + part));
    });
    li.appendChild(meta);
    var snip = S.snippet([rec.summary, rec.headings], parsed, 180);
    if (snip.text) {
      var p = el("p", "portal-result__snippet");
      S.highlight(p, snip.text, snip.spans);
      li.appendChild(p);
    }
    if (full && !snip.spans.length && parsed.tokens.length) {  // the words are further in the text
      li.appendChild(el("p", "portal-result__note", "Từ khóa có trong toàn văn; mở văn bản để đọc."));
    }
    return li;
  }

  function statusText(result, q, shown) {
    var n = result.ids.length;
    if (!n) return q ? "Không tìm thấy văn bản nào cho “" + q + "”." : "Không có văn bản nào khớp bộ lọc.";
    var text = n + " kết quả" + (q ? " cho “" + q + "”" : "");
    if (result.approximate) text += ". Không văn bản nào có đủ các từ; đây là kết quả gần đúng";
    return text + (shown < n ? " (hiển thị " + shown + ")" : "") + ".";
  }
  function missingText(result) {
    var words = result.missing.filter(function (t) { return t[0] !== "#"; });
    return words.length ? "Không tìm thấy từ: " + words.join(", ") + "." : "";
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
      engine.search({ q: q }).then(function (result) {
        return engine.records(result.ids.slice(0, INSTANT)).then(function (recs) {
          if (mine !== seq) return;
          panel.textContent = "";
          var status = el("p", "portal-search__status", statusText(result, q, recs.length));
          panel.appendChild(status);
          var missing = missingText(result);
          if (missing) panel.appendChild(el("p", "portal-search__status", missing));
          var list = el("ol", "portal-results");
          recs.forEach(function (r) { list.appendChild(resultItem(r, result.parsed, root)); });
          panel.appendChild(list);
          var more = el("a", "portal-search__more", "Xem tất cả kết quả, lọc theo chủ đề, loại, năm");
          more.href = form.action + "?q=" + encodeURIComponent(q);
          panel.appendChild(more);
          panel.hidden = false;
          panel.dataset.query = q;
          panel.dataset.state = "done";
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

  /* Search page: the same engine, with filters, sort, full text and paging. */
  function initPage(form) {
    var engine = new S.Engine(form.dataset.index);
    var root = new URL(form.dataset.root, location.href);
    var out = document.getElementById("portal-search-output");
    var status = out.querySelector(".portal-search__status");
    var note = out.querySelector(".portal-search__note");
    var list = out.querySelector(".portal-results");
    var more = out.querySelector(".portal-search__more");
    var seq = 0, current = null, shown = 0;
    function field(name) { return form.elements[PARAMS[name]]; }
    function options() {
      return { q: field("q").value.trim(), topic: field("topic").value, type: field("type").value,
        issuer: field("issuer").value, year: field("year").value, sort: field("sort").value,
        full: field("full").checked };
    }
    function fill(select, pairs) {
      pairs.forEach(function (p) { var o = el("option", "", p[1]); o.value = p[0]; select.appendChild(o); });
    }
    function showMore() {
      var mine = seq, ids = current.ids.slice(shown, shown + PAGE);
      return engine.records(ids).then(function (recs) {
        if (mine !== seq) return;
        var full = options().full;
        recs.forEach(function (r) { list.appendChild(resultItem(r, current.parsed, root, full)); });
        shown += recs.length;
        status.textContent = statusText(current, options().q, shown);
        more.hidden = shown >= current.ids.length;
        out.dataset.state = "done";
      });
    }
    function run() {
      var opts = options(), mine = ++seq;
      var params = new URLSearchParams();
      Object.keys(PARAMS).forEach(function (k) {
        var v = opts[k];
        if (k === "full") v = v ? "1" : "";
        if (k === "sort" && v === "relevance") v = "";
        if (v) params.set(PARAMS[k], v);
      });
      history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
      out.dataset.state = "loading";
      if (!opts.q && !opts.topic && !opts.type && !opts.issuer && !opts.year) {
        list.textContent = ""; status.textContent = "Nhập từ khóa hoặc chọn bộ lọc."; note.textContent = "";
        more.hidden = true; out.dataset.state = "done"; out.dataset.query = "";
        return Promise.resolve();
      }
      return engine.search(opts).then(function (result) {
        if (mine !== seq) return;
        current = result; shown = 0; list.textContent = "";
        note.textContent = missingText(result);
        out.dataset.query = opts.q;
        return showMore();
      }).catch(function () {
        if (mine !== seq) return;
        status.textContent = "Không tải được dữ liệu tìm kiếm. Vui lòng thử lại.";
        out.dataset.state = "error";
      });
    }
    engine.load().then(function (meta) {
      fill(field("topic"), meta.topics);
      fill(field("type"), meta.types);
      fill(field("issuer"), meta.issuers.map(function (i) { return [i, i]; }));
      fill(field("year"), meta.years.map(function (y) { return [String(y), String(y)]; }));
      var params = new URLSearchParams(location.search);
      Object.keys(PARAMS).forEach(function (k) {
        var v = params.get(PARAMS[k]);
        if (v === null) return;
        if (k === "full") field(k).checked = v === "1"; else field(k).value = v;
        if (k !== "q" && k !== "full" && v) form.querySelector("details").open = true;  // show the filters in use
      });
      run();
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    form.addEventListener("change", run);
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

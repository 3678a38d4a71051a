/* Showing search results: where the query's words are in a text (diacritics ignored),
   the sentence of a document that has them, a snippet around them, marking them with
   DOM nodes (never HTML), and on the page a result opens (?tu=...) marking the passage. Adds to window.PortalSearch (engine.js, loaded first). */
(function () {
  "use strict";
  var fold = window.PortalSearch.fold;

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

  /* The sentence of `text` with most of the query's words (as a phrase first), or "". */
  function bestSentence(text, parsed) {
    var best = "", bestScore = 0, phrase = parsed.tokens.join(" ");
    (text.match(/[^.;!?\n]+[.;!?]*/g) || []).forEach(function (sentence) {
      var spans = matches(sentence, parsed);
      if (!spans.length) return;
      var seen = {};
      spans.forEach(function (sp) { seen[fold(sentence.slice(sp[0], sp[1]))] = 1; });
      var score = Object.keys(seen).length * 10 + (phrase && fold(sentence).indexOf(phrase) >= 0 ? 100 : 0) - sentence.length / 1000;
      if (score > bestScore) { bestScore = score; best = sentence.trim(); }
    });
    return best;
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

  /* On the page a result opens: mark the query's words in the blocks that have most
     of them, and scroll to the first such block. */
  function markPassage(param) {
    var q = new URLSearchParams(location.search).get(param);
    var article = document.querySelector(".md-content article") || document.querySelector(".md-content");
    if (!q || !article) return;
    var parsed = { tokens: (fold(q).match(/[a-z0-9]+/g) || []).filter(function (t, i, all) { return all.indexOf(t) === i; }), numbers: [] };
    if (!parsed.tokens.length) return;
    var blocks = article.querySelectorAll("h1, h2, h3, h4, p, li, td, dd, blockquote");
    var best = 0, scored = [];
    Array.prototype.forEach.call(blocks, function (block) {
      if (block.querySelector("p, li, td")) return;  // the innermost blocks only
      var spans = matches(block.textContent, parsed);
      var folded = fold(block.textContent), found = {};
      spans.forEach(function (sp) { found[fold(block.textContent.slice(sp[0], sp[1]))] = 1; });
      var n = Object.keys(found).length + (folded.indexOf(parsed.tokens.join(" ")) >= 0 ? 1 : 0);
      scored.push([block, n]);
      if (n > best) best = n;
    });
    if (!best) return;
    var first = null;
    scored.forEach(function (item) {
      if (item[1] < best) return;
      markText(item[0], parsed);
      if (!first) first = item[0];
    });
    if (first) {
      first.classList.add("portal-hit-block");
      first.scrollIntoView({ block: "center" });
    }
  }
  function markText(block, parsed) {
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT), nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var spans = matches(node.data, parsed);
      if (!spans.length) return;
      var span = document.createElement("span");
      highlight(span, node.data, spans);
      Array.prototype.forEach.call(span.querySelectorAll("mark"), function (m) { m.className = "portal-hit"; });
      while (span.firstChild) node.parentNode.insertBefore(span.firstChild, node);
      node.parentNode.removeChild(node);
    });
  }

  Object.assign(window.PortalSearch, { matches: matches, bestSentence: bestSentence, snippet: snippet,
    highlight: highlight, markPassage: markPassage });
})();

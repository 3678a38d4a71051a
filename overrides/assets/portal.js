/* The portal's small script: offline reading, sharing, citation copy, print.
   Loaded with `defer` from partials/portal-head.html; `data-base` is the page's
   relative path to the site root, so it works from any sub-path. */
(function () {
  "use strict";
  var CACHE = "portal-pages-v1"; /* same name as in sw.js */
  var script = document.currentScript;
  // base_url is ".", "..", or "/" on the 404 page (served at any depth): "/" + "/" would be "//".
  var root = new URL((script && script.dataset.base || ".").replace(/\/+$/, "") + "/", location.href);
  var offlineCapable = "serviceWorker" in navigator && "caches" in window && window.isSecureContext;

  if (offlineCapable) {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
      .catch(function () { /* offline reading is a bonus: never break the page */ });
  }

  function pageKey(href) {
    var url = new URL(href, location.href);
    url.hash = "";
    url.search = "";
    if (/\/index\.html$/.test(url.pathname)) url.pathname = url.pathname.replace(/index\.html$/, "");
    return url.href;
  }

  function assets() {
    var list = [];
    document.querySelectorAll("link[rel=stylesheet][href], script[src], link[rel=icon][href]").forEach(function (el) {
      var url = new URL(el.href || el.src, location.href);
      if (url.origin === location.origin) list.push(url.href);
    });
    return list;
  }

  function save(urls) {
    return caches.open(CACHE).then(function (cache) {
      return Promise.all(urls.map(function (url) {
        return cache.match(url).then(function (hit) {
          if (hit) return true;
          return fetch(url, { credentials: "same-origin" }).then(function (response) {
            if (!response.ok) throw new Error(url + ": " + response.status);
            return cache.put(url, response);
          });
        });
      }));
    });
  }

  function isSaved(urls) {
    return caches.open(CACHE).then(function (cache) {
      return Promise.all(urls.map(function (url) { return cache.match(url); }));
    }).then(function (hits) { return hits.every(Boolean); });
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function say(scope, message) {
    var status = scope.querySelector("[data-portal-status]");
    if (status) status.textContent = message;
  }

  function documentPage(actions) {
    var shareButton = actions.querySelector("[data-portal-share]");
    var citeButton = actions.querySelector("[data-portal-cite]");
    var printButton = actions.querySelector("[data-portal-print]");
    var title = document.querySelector("h1") ? document.querySelector("h1").textContent.trim() : document.title;
    var link = pageKey(location.href);
    shareButton.addEventListener("click", function () {
      if (navigator.share) {
        navigator.share({ title: title, url: link }).catch(function () {});
        return;
      }
      copy(link).then(function () { say(actions, "Đã sao chép liên kết: " + link); },
                      function () { say(actions, "Liên kết: " + link); });
    });
    citeButton.addEventListener("click", function () {
      var text = citeButton.getAttribute("data-portal-cite");
      copy(text).then(function () { say(actions, "Đã sao chép trích dẫn: " + text); },
                      function () { say(actions, text); });
    });
    printButton.addEventListener("click", function () { window.print(); });

    var offline = actions.querySelector("[data-portal-offline]");
    if (!offlineCapable || !offline) return;
    offline.hidden = false;
    offline.textContent = "Đang lưu để đọc ngoại tuyến…";
    var urls = [link].concat(assets());
    save(urls).then(function () {
      offline.textContent = "Đã lưu để đọc ngoại tuyến";
      offline.classList.add("portal-offline--saved");
      offline.setAttribute("data-saved", "");
    }, function () {
      offline.textContent = "Chưa lưu được để đọc ngoại tuyến";
    });
  }

  function topicPage(actions) {
    var button = actions.querySelector("[data-portal-save-topic]");
    if (!offlineCapable) { button.hidden = true; return; }
    var urls = button.getAttribute("data-portal-save-topic").trim().split(/\s+/).filter(Boolean)
      .map(pageKey).concat([pageKey(location.href)], assets());
    var count = urls.length - 1 - assets().length;
    function done() {
      button.textContent = "Đã lưu để đọc ngoại tuyến";
      button.setAttribute("data-saved", "");
      say(actions, "Đã lưu " + count + " văn bản của chủ đề để đọc khi không có mạng.");
    }
    isSaved(urls).then(function (saved) { if (saved) done(); });
    button.addEventListener("click", function () {
      button.disabled = true;
      say(actions, "Đang lưu " + count + " văn bản…");
      save(urls).then(function () { button.disabled = false; done(); }, function () {
        button.disabled = false;
        say(actions, "Chưa lưu được: kiểm tra kết nối rồi thử lại.");
      });
    });
  }

  function sectionLinks() {
    document.querySelectorAll(".portal-body .headerlink").forEach(function (anchor) {
      anchor.addEventListener("click", function () {
        copy(pageKey(location.href) + anchor.getAttribute("href")).catch(function () {});
      });
    });
  }

  /* The offline page (ngoai-tuyen/): every page of this site kept in this browser, by title.
     Titles are read from the saved copies (DOMParser: text only, nothing runs). */
  function savedList(section) {
    var status = section.querySelector("[data-portal-saved-status]");
    var list = section.querySelector("ul");
    if (!("caches" in window)) { status.textContent = "Trình duyệt này không lưu trang để đọc ngoại tuyến."; return; }
    caches.open(CACHE).then(function (cache) { return cache.keys().then(function (requests) {
      var pages = requests.map(function (r) { return r.url; }).filter(function (url) {
        return url.indexOf(root.href) === 0 && /\/$/.test(url) && url !== pageKey(location.href);
      });
      return Promise.all(pages.map(function (url) {
        return cache.match(url).then(function (response) { return response.text(); }).then(function (text) {
          var doc = new DOMParser().parseFromString(text, "text/html");
          var h1 = doc.querySelector("h1");
          return { url: url, title: (h1 ? h1.textContent : doc.title).trim() || url };
        });
      }));
    }); }).then(function (pages) {
      if (!pages.length) { status.textContent = "Chưa có trang nào được lưu trên máy này. Mở một văn bản khi có mạng để lưu."; return; }
      status.textContent = "Đã lưu " + pages.length + " trang trên máy này:";
      pages.sort(function (a, b) { return a.title.localeCompare(b.title, "vi"); });
      pages.forEach(function (item) {
        var li = document.createElement("li");
        li.className = "portal-list__item";
        var a = document.createElement("a");
        a.className = "portal-list__title";
        a.href = item.url;
        a.textContent = item.title;
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = false;
    }).catch(function () { status.textContent = "Không đọc được danh sách các trang đã lưu."; });
  }

  /* The line at the foot of every print: where the page is and when it was printed. */
  function printStamp() {
    var stamp = document.querySelector("[data-portal-print-stamp]");
    if (!stamp) return;
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    stamp.textContent = "In từ " + pageKey(location.href) + " ngày " + two(now.getDate()) + "/" +
      two(now.getMonth() + 1) + "/" + now.getFullYear();
  }

  function start() {
    printStamp();
    window.addEventListener("beforeprint", printStamp);
    document.querySelectorAll("[data-portal-saved-list]").forEach(savedList);
    document.querySelectorAll("[data-portal-actions]").forEach(function (actions) {
      actions.hidden = false;
      if (actions.querySelector("[data-portal-share]")) documentPage(actions);
      if (actions.querySelector("[data-portal-save-topic]")) topicPage(actions);
    });
    sectionLinks();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

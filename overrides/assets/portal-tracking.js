// Tracking and deadline pages: filter by topic and sort by date (/trien-khai/), mark the
// deadlines already past by the reader's own clock (/han-thuc-hien/). Without this
// script both pages show everything, newest (or soonest) first.
(function () {
  "use strict";
  var form = document.querySelector(".portal-tracking__controls");
  if (form) {
    var lists = document.querySelectorAll(".portal-tracking");
    var apply = function () {
      var topic = form.elements["chu-de"].value;
      var oldest = form.elements["sap-xep"].value === "cu";
      lists.forEach(function (list) {
        var rows = Array.prototype.slice.call(list.children);
        rows.sort(function (a, b) {
          var da = a.getAttribute("data-date") || "", db = b.getAttribute("data-date") || "";
          return oldest ? da.localeCompare(db) : db.localeCompare(da);
        });
        rows.forEach(function (row) {
          var topics = (row.getAttribute("data-topics") || "").split(" ");
          row.hidden = Boolean(topic) && topics.indexOf(topic) < 0;
          list.appendChild(row);
        });
      });
    };
    form.hidden = false;
    form.addEventListener("change", apply);
  }
  var today = new Date();
  var iso = today.getFullYear() + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" +
    String(today.getDate()).padStart(2, "0");
  document.querySelectorAll(".portal-deadlines__item[data-end]").forEach(function (item) {
    if (item.getAttribute("data-end") <= iso) {
      item.classList.add("portal-deadlines__item--past");
      var mark = item.querySelector(".portal-deadlines__past");
      if (mark) mark.hidden = false;
    }
  });
})();

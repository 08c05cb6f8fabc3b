// The newsrake database's tables in Datasette: the long list of column descriptions folded into a <details>
// below the rows, a note that the articles table opens on the columns chosen for reading, and Datasette's
// "Show all columns" made to show them all (the articles table would otherwise open on the reading columns again).
(function () {
  "use strict";
  var SHOW_ALL = "_all_columns";

  function fold() {
    var list = document.querySelector("dl.column-descriptions");
    if (!list) return;
    var details = document.createElement("details");
    details.className = "newsrake-column-descriptions";
    var summary = document.createElement("summary");
    summary.textContent = "What each column means (" + list.querySelectorAll("dt").length + ")";
    details.appendChild(summary);
    var after = document.querySelector(".table-wrapper") || list;
    after.parentNode.insertBefore(details, after.nextSibling);
    details.appendChild(list);
  }

  function showAllUrl() {
    var params = new URLSearchParams(window.location.search);
    params.delete("_col");
    params.delete("_nocol");
    params.set(SHOW_ALL, "1");
    return window.location.pathname + "?" + params.toString();
  }

  function noteReadingColumns() {
    var params = new URLSearchParams(window.location.search);
    if (!document.body.classList.contains("table-articles") || !params.has("_col") || params.has(SHOW_ALL)) return;
    var header = document.querySelector(".page-header");
    if (!header) return;
    var note = document.createElement("p");
    note.className = "newsrake-columns-note";
    note.appendChild(document.createTextNode("Showing the columns chosen for reading. "));
    var link = document.createElement("a");
    link.href = showAllUrl();
    link.textContent = "Show all columns";
    note.appendChild(link);
    header.parentNode.insertBefore(note, header.nextSibling);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".dropdown-show-all-columns");
    if (!link) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    window.location.href = showAllUrl();
  }, true);

  document.addEventListener("DOMContentLoaded", function () {
    fold();
    noteReadingColumns();
  });
})();

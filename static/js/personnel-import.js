// The personnel import's status page (a file of its own: the Content-Security-Policy runs no inline script).
// Enhancement: poll without reloading the page; reload once when the import has finished.
(function () {
  var box = document.getElementById("import-progress");
  if (!box || !window.fetch) { return; }
  function poll() {
    fetch(box.dataset.statusUrl, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var bar = document.getElementById("import-bar");
        bar.max = Math.max(data.rows_total, 1);
        bar.value = data.rows_total ? data.rows_done : (data.finished ? 1 : 0);
        bar.textContent = data.percent + "%";
        document.getElementById("import-status").textContent = data.status_display;
        document.getElementById("import-label").textContent = data.label;
        // Finished: show the report (one reload); no more polling after that.
        if (data.finished) { window.location.reload(); } else { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 500);
})();

// Follows a running import: polls the job's JSON status and updates the progress bar.
// Without JavaScript the page refreshes itself (a <noscript> meta refresh) and has a Refresh link.
(function () {
  "use strict";
  var INTERVAL_MS = 1500;

  function follow() {
    var section = document.getElementById("import-progress");
    if (!section || section.dataset.following) {
      return;
    }
    section.dataset.following = "1";
    var bar = document.getElementById("import-progress-bar");
    var text = document.getElementById("import-progress-text");
    var url = section.dataset.statusUrl;

    function poll() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("status " + response.status);
          }
          return response.json();
        })
        .then(function (job) {
          if (!job.running) {
            window.location.reload();
            return;
          }
          bar.max = Math.max(job.total_rows, 1);
          bar.value = job.processed_rows;
          bar.textContent = job.percent + "%";
          text.textContent = job.status_label + ": " + job.processed_rows.toLocaleString() + " / " +
            job.total_rows.toLocaleString() + " (" + job.percent + "%)";
          window.setTimeout(poll, INTERVAL_MS);
        })
        .catch(function () {
          window.setTimeout(poll, INTERVAL_MS * 4);
        });
    }
    window.setTimeout(poll, INTERVAL_MS);
  }

  document.addEventListener("DOMContentLoaded", follow);
  document.addEventListener("turbo:load", follow);
  if (document.readyState !== "loading") {
    follow();
  }
})();

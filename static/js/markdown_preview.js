// Live preview of Markdown lessons: after a pause in typing, the form is sent with "preview" (nothing is
// saved) and the server's rendering (sanitised) replaces the preview. Without JavaScript the Preview
// button does the same with a full page.
(function () {
  "use strict";
  var form = document.querySelector("form[data-preview-form]");
  if (!form || !window.fetch || !window.DOMParser) return;
  var timer = null;
  var sent = 0;

  function refresh() {
    var data = new FormData(form);
    data.append("preview", "1");
    var ticket = ++sent;
    fetch(form.getAttribute("action") || window.location.href, {
      method: "POST",
      body: data,
      credentials: "same-origin",
    })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html || ticket !== sent) return;
        var page = new DOMParser().parseFromString(html, "text/html");
        form.querySelectorAll("textarea[data-markdown-preview]").forEach(function (area) {
          var id = area.getAttribute("data-markdown-preview");
          var fresh = page.getElementById(id);
          var shown = document.getElementById(id);
          if (fresh && shown) shown.innerHTML = fresh.innerHTML;
        });
      })
      .catch(function () { /* the Preview button still works */ });
  }

  form.querySelectorAll("textarea[data-markdown-preview]").forEach(function (area) {
    area.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 500);
    });
  });
})();

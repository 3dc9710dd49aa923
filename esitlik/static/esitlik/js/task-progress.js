// A background task's progress page (an import, a report), with JavaScript: asks the status
// address every second and moves the bar in place, then opens the finished task's page.
// Without JavaScript the page reloads itself every two seconds (a <meta> refresh inside
// <noscript>) and the server sends a finished task to its page.
(function () {
  "use strict";

  var box = document.querySelector("[data-task-status]");
  if (!box || !window.fetch) return;
  var url = box.getAttribute("data-task-status");
  var bar = document.getElementById("run-progress-bar");
  var text = document.getElementById("run-progress-text");
  var failures = 0;

  function show(status) {
    if (bar) {
      bar.value = status.progress;
      bar.textContent = status.text;
    }
    if (text) text.textContent = status.text;
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (status) {
        failures = 0;
        show(status);
        if (status.done) {
          window.location.assign(status.detail_url);
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        // A server restart or a dropped connection: keep trying, more slowly, then fall back
        // to reloading the page as it works without JavaScript.
        failures += 1;
        if (failures > 5) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 2000 * failures);
        }
      });
  }

  window.setTimeout(poll, 1000);
})();

// Fast capture of an event's inputs, on top of a page that works without JavaScript.
//
// Every row of table[data-capture] is its own small form. Here a row is saved in the
// background instead of reloading the page: on Enter, and when focus leaves a row that
// changed. Enter in the empty last row adds a fresh row and moves the cursor into it at once,
// so typing never waits for the server; the answer lands in the row's status (an aria-live
// region), and a refused row keeps what was typed, with the message on the field.
(function () {
  "use strict";

  var table = document.querySelector("table[data-capture]");
  var blank = document.getElementById("capture-blank");
  if (!table || !blank || !window.fetch || !window.FormData) return;
  var body = table.tBodies[0];
  var counter = 0;
  var queues = new WeakMap();
  var SKIP = { csrfmiddlewaretoken: 1, row: 1, input: 1, version: 1 };

  function formOf(row) {
    return document.getElementById(row.getAttribute("data-form"));
  }

  function rowOf(element) {
    return element && element.closest ? element.closest("tr[data-capture-row]") : null;
  }

  // What the person typed in a row, to tell whether it changed since it was last saved.
  function snapshot(row) {
    var parts = [];
    new FormData(formOf(row)).forEach(function (value, name) {
      if (!SKIP[name]) parts.push(name + "=" + value);
    });
    return parts.join("&");
  }

  function isSaved(row) {
    return Boolean(formOf(row).elements.input.value);
  }

  function textOf(row) {
    return formOf(row).elements.text.value.trim();
  }

  function lastRow() {
    var rows = body.querySelectorAll("tr[data-capture-row]");
    return rows[rows.length - 1];
  }

  function status(row, message, failed) {
    var box = row.querySelector("[data-status]");
    box.textContent = message;
    box.classList.toggle("capture__status--error", Boolean(failed));
  }

  function clearErrors(row) {
    row.querySelectorAll("[aria-invalid]").forEach(function (control) {
      control.removeAttribute("aria-invalid");
      control.closest("td").classList.remove("field--error");
    });
    row.querySelectorAll(".capture__error").forEach(function (box) {
      box.textContent = "";
    });
  }

  function addRow() {
    counter += 1;
    var html = blank.innerHTML.replace(/__key__/g, "n" + counter);
    body.insertAdjacentHTML("beforeend", html);
    var row = lastRow();
    row.setAttribute("data-saved", snapshot(row));
    return row;
  }

  function focusText(row) {
    formOf(row).elements.text.focus();
  }

  function saved(row, sent, answer) {
    var form = formOf(row);
    form.elements.input.value = answer.id;
    form.elements.version.value = answer.version;
    var groups = form.elements.target_groups;
    var unchanged = snapshot(row) === sent;
    // Show the groups as understood ("kadın" → "Kadınlar") unless typing went on meanwhile.
    if (unchanged && document.activeElement !== groups) groups.value = answer.target_groups;
    row.setAttribute("data-saved", unchanged ? snapshot(row) : sent);
    var ref = row.querySelector("[data-ref]");
    var link = document.createElement("a");
    link.href = answer.url;
    link.textContent = answer.reference;
    ref.replaceChildren(link);
    row.classList.remove("capture__new");
    clearErrors(row);
    status(row, answer.message, false);
  }

  function refused(row, answer, focus) {
    clearErrors(row);
    var form = formOf(row);
    var first = null;
    var errors = answer.errors || {};
    Object.keys(errors).forEach(function (name) {
      var control = form.elements[name];
      if (!control || !control.id) return;
      control.setAttribute("aria-invalid", "true");
      control.closest("td").classList.add("field--error");
      document.getElementById(control.id + "-error").textContent = errors[name].join(" ");
      first = first || control;
    });
    status(row, answer.message, true);
    if (focus && first) first.focus();
  }

  function send(row, focus) {
    var sent = snapshot(row);
    if (isSaved(row) && sent === row.getAttribute("data-saved")) return Promise.resolve();
    status(row, table.getAttribute("data-saving"), false);
    var form = formOf(row);
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        // Not JSON: signed out meanwhile (the sign-in page), or refused outright.
        return response.json().catch(function () {
          return { ok: false, message: table.getAttribute("data-refused") };
        });
      })
      .then(function (answer) {
        if (answer.ok) saved(row, sent, answer);
        else refused(row, answer, focus);
      })
      .catch(function () {
        status(row, table.getAttribute("data-offline"), true);
      });
  }

  // One request at a time per row: a second save waits for the first, so a new row is
  // created once and then updated with the id and version the first answer gave.
  function save(row, focus) {
    var queue = (queues.get(row) || Promise.resolve()).then(function () {
      return send(row, focus);
    });
    queues.set(row, queue);
    return queue;
  }

  // Enter: save the row and go on in the empty last row (a fresh one when this was it) at
  // once. A refusal then shows on the row left behind without pulling the cursor back; only
  // a row the cursor stays in (the empty one, still without text) gets it on its error.
  function enter(row) {
    var last = row === lastRow();
    if (last && !textOf(row)) {
      if (snapshot(row) !== row.getAttribute("data-saved")) save(row, true);
      return;
    }
    save(row, false);
    focusText(last ? addRow() : lastRow());
  }

  body.querySelectorAll("tr[data-capture-row]").forEach(function (row) {
    row.setAttribute("data-saved", isSaved(row) ? snapshot(row) : "");
  });
  // The empty row counts as unchanged until something is typed in it.
  var first = lastRow();
  first.setAttribute("data-saved", snapshot(first));

  document.addEventListener("submit", function (event) {
    var row = body.querySelector('tr[data-form="' + event.target.id + '"]');
    if (!row) return;
    event.preventDefault();
    enter(row);
  });

  // Enter on a drop-down does not submit a form by itself; in this table it does.
  body.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.target.tagName !== "SELECT") return;
    var row = rowOf(event.target);
    if (!row) return;
    event.preventDefault();
    enter(row);
  });

  body.addEventListener("focusout", function (event) {
    var row = rowOf(event.target);
    if (!row || row.contains(event.relatedTarget)) return;
    if (snapshot(row) === row.getAttribute("data-saved")) return;
    if (!isSaved(row) && !textOf(row)) return; // an empty new row is not an input yet
    var wasLast = row === lastRow();
    save(row, false);
    if (wasLast) addRow();
  });
})();

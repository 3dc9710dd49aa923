// Comforts for the training pages, on top of pages that work without JavaScript.
//
// Session form: the counts fieldsets are for sessions recorded as counts, so they are hidden
// while "named staff" is chosen, unless something is typed in them (then the server's
// message about it must stay readable).
//
// Attendance page: the search box filters the staff list as you type, comparing the Turkish
// way ("IŞIK" finds "Işık", "i" finds "İ"). Rows hidden here are still submitted, so ticks
// are kept; the search button still asks the server, as it does without JavaScript.
(function () {
  "use strict";

  function fold(text) {
    return (text || "").normalize("NFC").toLocaleLowerCase("tr-TR").replace(/\s+/g, " ").trim();
  }

  function sessionForm() {
    var form = document.querySelector("form[data-session-form]");
    if (!form) return;
    var kind = form.querySelector("[name=attendance_kind]");
    var women = form.querySelector("[name=women]");
    var group = form.querySelector("[name^=group_]");
    if (!kind || !women || !group) return;
    var sets = [women.closest("fieldset"), group.closest("fieldset")].filter(Boolean);

    function typedIn(fieldset) {
      return Array.prototype.some.call(fieldset.querySelectorAll("input"), function (input) {
        return input.value.trim() !== "";
      });
    }

    function update() {
      var named = kind.value === "named";
      sets.forEach(function (fieldset) {
        fieldset.hidden = named && !typedIn(fieldset);
      });
    }

    kind.addEventListener("change", update);
    update();
  }

  function staffFilter() {
    var box = document.querySelector("input[data-staff-filter]");
    if (!box) return;
    var rows = Array.prototype.map.call(
      document.querySelectorAll("li[data-staff-text]"),
      function (row) {
        return { row: row, text: fold(row.getAttribute("data-staff-text")) };
      }
    );
    var groups = document.querySelectorAll("[data-staff-group]");
    var none = document.querySelector("[data-staff-none]");

    function update() {
      var wanted = fold(box.value);
      var shown = 0;
      rows.forEach(function (item) {
        var match = !wanted || item.text.indexOf(wanted) !== -1;
        item.row.hidden = !match;
        if (match) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("li[data-staff-text]:not([hidden])");
      });
      if (none) none.hidden = shown > 0 || rows.length === 0;
    }

    box.addEventListener("input", update);
  }

  sessionForm();
  staffFilter();
})();

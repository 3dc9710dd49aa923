// The trainer form shows both the staff person and the external trainer's fields, so it
// works without JavaScript; with it, only the fieldset of the chosen kind stays in view.
(function () {
  "use strict";

  var form = document.querySelector("form.trainer-form");
  if (!form) return;
  var staff = form.querySelector("#id_staff");
  var name = form.querySelector("#id_name");
  var staffSet = staff && staff.closest("fieldset");
  var externalSet = name && name.closest("fieldset");
  if (!staffSet || !externalSet) return;

  function update() {
    var chosen = form.querySelector("input[name=kind]:checked");
    var kind = chosen ? chosen.value : "internal";
    staffSet.hidden = kind !== "internal";
    externalSet.hidden = kind !== "external";
  }

  form.querySelectorAll("input[name=kind]").forEach(function (radio) {
    radio.addEventListener("change", update);
  });
  update();
})();

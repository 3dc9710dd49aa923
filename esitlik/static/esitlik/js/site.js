// Small comforts on top of pages that work without JavaScript.
// Disclosure menus (<details class="user-menu">) close with Escape, returning focus to their
// button, and when the pointer or focus goes elsewhere — as people expect of a menu.
(function () {
  "use strict";

  function openMenus() {
    return document.querySelectorAll("details.user-menu[open]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    openMenus().forEach(function (menu) {
      menu.open = false;
      var summary = menu.querySelector("summary");
      if (summary && menu.contains(document.activeElement)) summary.focus();
    });
  });

  function closeOutside(event) {
    openMenus().forEach(function (menu) {
      if (!menu.contains(event.target)) menu.open = false;
    });
  }
  document.addEventListener("click", closeOutside);
  document.addEventListener("focusin", closeOutside);
})();

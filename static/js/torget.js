// Enhancements only: every page works without this file.
(function () {
  "use strict";

  var STORAGE_KEY = "torget-hidden-notice";

  function readHidden() {
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch (error) {
      return null;
    }
  }

  function rememberHidden(key) {
    try {
      window.localStorage.setItem(STORAGE_KEY, key);
    } catch (error) {
      // Private browsing may refuse storage; the notice is then hidden for this page only.
    }
  }

  function setUpNotice(notice) {
    var key = notice.getAttribute("data-notice");
    if (readHidden() === key) {
      notice.hidden = true;
      return;
    }
    var button = notice.querySelector(".notice__hide");
    if (!button) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      rememberHidden(key);
      notice.hidden = true;
      var main = document.getElementById("main");
      if (main) {
        main.focus();
      }
    });
  }

  document.querySelectorAll("[data-notice]").forEach(setUpNotice);
})();

/* Sharing a page: the system's share sheet where the browser has one
 * (Web Share API, mostly phones), and a button that copies the page's
 * address. Both stay hidden without JavaScript; the plain share links
 * (WhatsApp, Facebook, X, Telegram, e-mail) work either way. Interface
 * text comes from data-* attributes, which the templates translate.
 */
(function () {
  "use strict";

  var list = document.querySelector("[data-share-url]");
  if (!list) {
    return;
  }
  var url = list.dataset.shareUrl;
  var title = list.dataset.shareTitle;
  var status = document.querySelector(".share-status");

  function say(text) {
    status.textContent = "";
    // A fresh text node is announced even when the words repeat.
    setTimeout(function () { status.textContent = text; }, 50);
  }

  var native = list.querySelector("[data-share-native]");
  if (navigator.share) {
    native.parentElement.hidden = false;
    native.addEventListener("click", function () {
      navigator.share({ title: title, url: url }).catch(function () {});
    });
  }

  var copy = list.querySelector("[data-share-copy]");
  if (navigator.clipboard && window.isSecureContext) {
    copy.parentElement.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(url).then(function () {
        say(copy.dataset.done);
      }, function () {});
    });
  }
})();

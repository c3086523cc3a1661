// plein serve: live reload, stylesheet swap and the build error overlay. Injected in serve mode only.
(function () {
  "use strict";
  var overlayId = "plein-error-overlay";
  // The number of the build this page shows; a stream that names another one means a rebuild
  // was missed (it came before the page listened, or while the stream was down).
  var build = document.currentScript ? document.currentScript.getAttribute("data-build") : null;
  // The server says something at least every 10 s; after this long without a word the stream
  // is taken for lost (the server drops pages that stop reading) and opened anew.
  var silentMs = 25000;
  function removeOverlay() {
    var old = document.getElementById(overlayId);
    if (old) { old.remove(); }
  }
  function showOverlay(html) {
    removeOverlay();
    var box = document.createElement("div");
    box.id = overlayId;
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-label", "Build errors");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:15px/1.5 ui-monospace,monospace;padding:2rem";
    box.innerHTML = html;
    document.body.appendChild(box);
  }
  function swapStyles() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href);
      url.searchParams.set("plein", Date.now());
      links[i].href = url.toString();
    }
  }
  // The page plein serves while the site has never built is broken from the start.
  var wasBroken = document.body.hasAttribute("data-plein-errors");
  var source = null;
  var heard = Date.now();
  function listen(name, handle) {
    source.addEventListener(name, function (e) {
      heard = Date.now();
      handle(e);
    });
  }
  function connect() {
    heard = Date.now();
    source = new EventSource("/__plein/events");
    listen("build", function (e) {
      if (build !== null && e.data !== build) { location.reload(); }
    });
    listen("reload", function () { location.reload(); });
    listen("css", function (e) { build = e.data; swapStyles(); });
    listen("errors", function (e) { wasBroken = true; showOverlay(e.data); });
    listen("ok", function () {
      if (wasBroken) { location.reload(); }
      removeOverlay();
    });
    listen("ping", function () {});
    source.onerror = function () {
      source.close();
      setTimeout(connect, 500);
    };
  }
  setInterval(function () {
    if (Date.now() - heard > silentMs) {
      source.close();
      connect();
    }
  }, 5000);
  connect();
})();

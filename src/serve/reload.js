// plein serve: live reload, stylesheet swap and the build error overlay. Injected in serve mode only.
(function () {
  "use strict";
  var overlayId = "plein-error-overlay";
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
  function connect() {
    var source = new EventSource("/__plein/events");
    source.addEventListener("reload", function () { location.reload(); });
    source.addEventListener("css", function () { swapStyles(); });
    source.addEventListener("errors", function (e) { wasBroken = true; showOverlay(e.data); });
    source.addEventListener("ok", function () {
      if (wasBroken) { location.reload(); }
      removeOverlay();
    });
    source.onerror = function () {
      source.close();
      setTimeout(connect, 500);
    };
  }
  connect();
})();

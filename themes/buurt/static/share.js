// "Link kopiëren" under a story or event: copies the page's address where the browser allows
// it and says so; elsewhere the link simply opens the page. Loaded with `defer` by the pages
// that have the share row, one file the browser keeps instead of the same script in every page.
var copy = document.querySelector(".share__copy");
if (copy) {
  copy.addEventListener("click", function (e) {
    if (!navigator.clipboard || !window.isSecureContext) return;
    e.preventDefault();
    var a = e.currentTarget;
    navigator.clipboard.writeText(a.href).then(function () {
      document.querySelector(".share__status").textContent = a.dataset.copied;
    }, function () { location.href = a.href; });
  });
}

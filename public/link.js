/*
 * Runs before the prerendered body paints (a classic script in <head>; the policy allows no
 * inline script). Every route's default view of every unit is prerendered as a file
 * (scripts/prerender.ts): when the link's hash names another route or unit than the one this
 * file holds, open that file instead, so the first paint is the asked-for unit's figures and the
 * page hydrates them in place rather than showing another unit's chart first. The <html>
 * element carries what this needs (data-pre-*); a page without it (the dev server) is left alone.
 */
(function () {
  var pre = document.documentElement.dataset;
  if (pre.preRoot === undefined || !location.hash) return;
  var raw = location.hash.replace(/^#\/?/, '');
  var q = raw.indexOf('?');
  var route = (q < 0 ? raw : raw.slice(0, q)).replace(/\/$/, '');
  var unit = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)).get('unit') || pre.preFirst;
  if (route === pre.preRoute && unit === pre.preUnit) return;
  // Only files the build wrote: an unknown route or unit is the app's to explain.
  if (pre.preRoutes.split(' ').indexOf(route) < 0 || pre.preUnits.split(' ').indexOf(unit) < 0) return;
  var folder = unit === pre.preFirst ? '' : 'u/' + unit + '/';
  location.replace(pre.preRoot + folder + (route ? route + '/' : '') + 'index.html' + location.search + location.hash);
  // The parser goes on until the other file arrives: this one's figures must not paint meanwhile.
  document.documentElement.style.visibility = 'hidden';
})();

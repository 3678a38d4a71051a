/* Short links live in lower case (so/53-ct-tw/): one typed as printed, so/53-CT-TW/, lands on
   the 404 page, which loads this file to go to the lower-case address. A file, not an inline
   script: the pages' Content-Security-Policy runs no script the site does not serve. */
(function () {
  var path = location.pathname, at = path.indexOf("/so/");
  if (at >= 0 && path !== path.toLowerCase()) location.replace(path.slice(0, at) + path.slice(at).toLowerCase());
})();

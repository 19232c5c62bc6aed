// Material for MkDocs' inline script from partials/javascripts/content.html,
// as a file (scripts/hotro/plugin/theme_scripts.py): the CSP allows this site's files only.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))

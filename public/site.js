/*
 * The site's one small script, and the only one on pages without charts or search (budget 1.5 KB gzip).
 *
 * Theme: light, dark or the system's, remembered in localStorage. A blocking script in <head> (the
 * CSP forbids inline scripts), so the colours are right before the first paint. Without JavaScript
 * the stylesheet follows the system, and the toggle and the share buttons stay hidden (the stylesheet
 * shows them from <html data-theme-choice>, data-can-share and data-can-copy).
 *
 * Hook for other scripts (the chart runtime): <html data-theme> always holds the effective theme,
 * "light" or "dark", and every change fires `themechange` on document with { detail: { theme } }.
 * <html data-theme-choice> holds the reader's choice ("light", "dark" or "system").
 */
/* global document, matchMedia */
(function () {
  var root = document.documentElement;
  var system = matchMedia('(prefers-color-scheme: dark)');
  var order = ['system', 'light', 'dark'];
  var choice = 'system';
  try {
    choice = localStorage.getItem('theme') || 'system';
  } catch {
    // Storage blocked (some private modes): follow the system.
  }
  if (order.indexOf(choice) < 0) choice = 'system';

  function apply() {
    var theme = choice === 'system' ? (system.matches ? 'dark' : 'light') : choice;
    var changed = root.getAttribute('data-theme') !== theme;
    root.setAttribute('data-theme', theme);
    root.setAttribute('data-theme-choice', choice);
    var button = document.querySelector('[data-theme-toggle]');
    if (button) {
      var next = order[(order.indexOf(choice) + 1) % 3];
      button.querySelector('[data-theme-label]').textContent =
        'Theme: ' + choice + (choice === 'system' ? ' (' + theme + ')' : '') + '. Switch to ' + next;
    }
    if (changed) document.dispatchEvent(new CustomEvent('themechange', { detail: { theme: theme } }));
  }

  apply();
  system.addEventListener('change', apply);
  // Said before the first paint, so the stylesheet shows these controls without moving anything later.
  if (navigator.share) root.setAttribute('data-can-share', '');
  if (navigator.clipboard) root.setAttribute('data-can-copy', '');
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-theme-toggle]');
    if (!button) return;
    button.addEventListener('click', function () {
      choice = order[(order.indexOf(choice) + 1) % 3];
      try {
        localStorage.setItem('theme', choice);
      } catch {
        // Storage blocked: the choice lasts until the page is left.
      }
      apply();
    });
    apply();
  });

  // Share controls (ShareLinks.astro): the browser's share sheet and copy-link, where the browser has them.
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-share]').forEach(function (box) {
      var url = box.getAttribute('data-share-url');
      var status = box.querySelector('[data-share-status]');
      function offer(selector, available, run) {
        var button = box.querySelector(selector);
        if (button && available) button.addEventListener('click', run);
      }
      offer('[data-share-native]', navigator.share, function () {
        navigator.share({ title: box.getAttribute('data-share-title'), url: url }).catch(function () {});
      });
      offer('[data-share-copy]', navigator.clipboard, function () {
        navigator.clipboard.writeText(url).then(
          function () {
            status.textContent = 'Link copied.';
          },
          function () {
            status.textContent = 'Copying failed; the link is ' + url;
          },
        );
      });
    });
  });
})();

/* The site's one script: theme, menu, figure notes, share. Shipped as written; README "Reader features" documents it. */
/* global document, matchMedia */
(function () {
  var root = document.documentElement;
  var system = matchMedia('(prefers-color-scheme: dark)');
  var choice;
  try {
    choice = localStorage.getItem('theme');
  } catch {
    // Storage blocked (some private modes): follow the system.
  }
  if (choice !== 'light' && choice !== 'dark') choice = 'system';
  var look = function () {
    return choice === 'system' ? (system.matches ? 'dark' : 'light') : choice;
  };
  var all = function (selector, each) {
    document.querySelectorAll(selector).forEach(each);
  };

  function apply() {
    var theme = look();
    var changed = root.getAttribute('data-theme') !== theme;
    root.setAttribute('data-theme', theme);
    root.setAttribute('data-theme-choice', choice);
    all('[data-theme-toggle]', function (b) {
      b.setAttribute('aria-pressed', theme === 'dark');
    });
    all('[data-theme-set]', function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-theme-set') === choice);
    });
    if (changed) document.dispatchEvent(new CustomEvent('themechange', { detail: { theme: theme } }));
  }
  function choose(c) {
    choice = c;
    try {
      if (c === 'system') localStorage.removeItem('theme');
      else localStorage.setItem('theme', c);
    } catch {
      // Storage blocked: the choice lasts for this page.
    }
    apply();
  }

  apply();
  system.addEventListener('change', apply);
  if (navigator.share) root.setAttribute('data-can-share', '');
  if (navigator.clipboard) root.setAttribute('data-can-copy', '');
  document.addEventListener('DOMContentLoaded', function () {
    apply();
    all('[data-fig-pop]', function (a) {
      a.setAttribute('aria-expanded', false);
    });
  });

  var menu = function () {
    return document.querySelector('[data-site-menu][open]');
  };
  document.addEventListener('keydown', function (e) {
    var open = menu();
    if (e.key === 'Escape' && open) {
      open.open = false;
      open.querySelector('summary').focus();
    }
  });
  // Figure references say whether their note is open (`toggle` does not bubble: caught on the way down).
  document.addEventListener(
    'toggle',
    function (e) {
      all('[data-fig-pop="' + e.target.id + '"]', function (a) {
        a.setAttribute('aria-expanded', e.newState === 'open');
      });
    },
    true,
  );
  document.addEventListener('click', function (e) {
    var t = e.target;
    var open = menu();
    if (open && !open.contains(t)) open.open = false;
    var hit = function (selector) {
      return t.closest && t.closest(selector);
    };
    var el;
    var box = function () {
      return el.closest('[data-share]');
    };
    if (hit('[data-theme-toggle]')) choose(look() === 'dark' ? 'light' : 'dark');
    else if ((el = hit('[data-theme-set]'))) choose(el.getAttribute('data-theme-set'));
    else if ((el = hit('[data-fig-pop]'))) {
      // Fig.astro: without popovers, the link leads to the figure in the sources list.
      var pop = document.getElementById(el.getAttribute('data-fig-pop'));
      if (!pop || !pop.togglePopover) return;
      e.preventDefault();
      pop.togglePopover({ source: el });
    } else if ((el = hit('[data-share-native]')))
      navigator
        .share({ title: box().getAttribute('data-share-title'), url: box().getAttribute('data-share-url') })
        .catch(function () {});
    else if ((el = hit('[data-share-copy]'))) {
      var url = box().getAttribute('data-share-url');
      var status = box().querySelector('[data-share-status]');
      navigator.clipboard.writeText(url).then(
        function () {
          status.textContent = 'Link copied.';
        },
        function () {
          status.textContent = 'Copying failed; the link is ' + url;
        },
      );
    }
  });
})();

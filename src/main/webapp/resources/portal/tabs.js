/*
 * The ARIA tabs pattern on top of tabs that are links: without JavaScript each link opens the page
 * on its tab; with it, a click or the arrow keys (Home, End) switch in place and the address follows.
 */
(function () {
  function enhance(list) {
    var tabs = Array.prototype.slice.call(list.querySelectorAll('[role="tab"]'));
    function select(chosen, focus) {
      tabs.forEach(function (tab) {
        var selected = tab === chosen;
        tab.setAttribute('aria-selected', String(selected));
        tab.tabIndex = selected ? 0 : -1;
        document.getElementById(tab.getAttribute('aria-controls')).classList.toggle('inactive', !selected);
      });
      if (focus) {
        chosen.focus();
      }
      history.replaceState(history.state, '', chosen.href);
    }
    tabs.forEach(function (tab, index) {
      tab.addEventListener('click', function (event) {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
          return; // a new window or tab opens the link as it is
        }
        event.preventDefault();
        select(tab, false);
      });
      tab.addEventListener('keydown', function (event) {
        var next = {ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1}[event.key];
        if (next !== undefined) {
          event.preventDefault();
          select(tabs[(next + tabs.length) % tabs.length], true);
        }
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('[role="tablist"]'), enhance);
})();

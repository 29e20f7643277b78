// Keeps the page current. A client's page: the server pushes each of the client's notifications (server-sent events)
// and the balance cards follow, formatted in the page's language. The operator's page: read again every 10 seconds.
(function () {
  var lang = document.documentElement.lang || 'ru';
  var state = document.getElementById('live-state');
  var words = lang === 'ru' ? { live: 'онлайн', retry: 'переподключение…' } : { live: 'live', retry: 'reconnecting…' };
  function money(plain, currency) {
    var number = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 10 }).format(Number(plain));
    if (lang !== 'ru') { return number + '\u00a0' + currency; }
    try {
      return new Intl.NumberFormat('ru', { style: 'currency', currency: currency }).format(Number(plain));
    } catch (e) {
      return number + '\u00a0' + currency;
    }
  }

  if (document.body.getAttribute('data-refresh') === 'operator') {
    setInterval(function () {
      fetch(window.location.href, { credentials: 'same-origin' }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      }).then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live-main');
        if (fresh) { document.getElementById('live-main').replaceWith(fresh); }
      }).catch(function () {
        var current = document.getElementById('live-state');
        if (current) { current.textContent = words.retry; }
      });
    }, 10000);
    return;
  }

  var client = document.body.getAttribute('data-client');
  if (!client || !window.EventSource) { return; }
  var source = new EventSource('/api/clients/' + encodeURIComponent(client) + '/balances/stream');
  source.onopen = function () { state.textContent = words.live; };
  source.onerror = function () { state.textContent = words.retry; };
  source.addEventListener('notification', function (message) {
    var notification = JSON.parse(message.data);
    if (notification.type !== 'BALANCE_CHANGED') { return; }
    notification.balances.forEach(function (b) {
      var cards = document.querySelector('#balances [data-currency="' + b.currency + '"]');
      if (!cards) { window.location.reload(); return; }
      ['pending', 'held', 'available', 'inFlight', 'paid'].forEach(function (bucket) {
        var cell = cards.querySelector('[data-bucket="' + bucket + '"]');
        if (cell && cell.getAttribute('data-amount') !== b[bucket]) {
          cell.setAttribute('data-amount', b[bucket]);
          cell.textContent = money(b[bucket], b.currency);
          cell.classList.add('changed');
        }
      });
    });
  });
})();

// Keeps the balance cards current: the server pushes each of the client's notifications (server-sent events).
(function () {
  var client = document.body.getAttribute('data-client');
  if (!client || !window.EventSource) { return; }
  var state = document.getElementById('live-state');
  var source = new EventSource('/api/clients/' + encodeURIComponent(client) + '/balances/stream');
  source.onopen = function () { state.textContent = 'live'; };
  source.onerror = function () { state.textContent = 'reconnecting…'; };
  source.addEventListener('notification', function (message) {
    var notification = JSON.parse(message.data);
    if (notification.type !== 'BALANCE_CHANGED') { return; }
    notification.balances.forEach(function (b) {
      var cards = document.querySelector('[data-currency="' + b.currency + '"]');
      if (!cards) { window.location.reload(); return; }
      ['pending', 'held', 'available', 'inFlight', 'paid'].forEach(function (bucket) {
        var cell = cards.querySelector('[data-bucket="' + bucket + '"]');
        if (cell && cell.textContent !== b[bucket]) { cell.textContent = b[bucket]; cell.classList.add('changed'); }
      });
    });
  });
})();

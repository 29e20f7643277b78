// Draws the page's charts with ECharts from the data the server put in each [data-chart] (labels already written as the
// reader writes dates; values exact decimals). Amounts in tooltips and on the axis are formatted in the page's language.
(function () {
  if (!window.echarts) { return; }
  var lang = document.documentElement.lang || 'ru';
  var colours = ['#1f6feb', '#067647', '#b54708', '#6941c6'];
  function amount(value, currency) {
    var number = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    return lang === 'ru' && currency === 'RUB' ? number + '\u00a0₽' : number + '\u00a0' + currency;
  }
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var data = JSON.parse(element.getAttribute('data-chart'));
    if (!data.labels.length || !data.series.length) { return; }
    element.textContent = '';
    var line = element.getAttribute('data-kind') === 'line';
    var chart = echarts.init(element, null, { locale: lang === 'ru' ? 'RU' : 'EN', renderer: 'svg' });
    chart.setOption({
      color: colours,
      grid: { left: 80, right: 20, top: 40, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return amount(v, data.currency); } },
      xAxis: { type: 'category', data: data.labels, boundaryGap: !line },
      yAxis: { type: 'value', axisLabel: { formatter: function (v) { return new Intl.NumberFormat(lang).format(v); } } },
      series: data.series.map(function (s) {
        return line ? { name: s.name, type: 'line', data: s.values, showSymbol: false, step: 'end' }
          : { name: s.name, type: 'bar', stack: 'all', data: s.values };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();

// The funnel dashboard: reads /api/funnel (same login as this page) and draws it with Chart.js.
(function () {
  'use strict';

  const charts = {};

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  function percent(rate) {
    return rate === null || rate === undefined ? 'n/a' : (Math.round(rate * 1000) / 10) + ' %';
  }

  function draw(id, config) {
    if (charts[id]) {
      charts[id].destroy();
    }
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function text(value) {
    return document.createTextNode(value === null || value === undefined ? '' : String(value));
  }

  function cell(row, content) {
    const td = document.createElement('td');
    td.appendChild(typeof content === 'string' || typeof content === 'number' || content === null
      ? text(content) : content);
    row.appendChild(td);
  }

  function link(href, label) {
    const a = document.createElement('a');
    a.href = href;
    a.appendChild(text(label));
    return a;
  }

  function render(report) {
    const total = report.total;
    const acceptance = report.acceptance;
    const rate = document.getElementById('acceptance-rate');
    rate.textContent = percent(acceptance.rate);
    rate.className = 'big ' + (acceptance.belowFloor ? 'below' : 'holding');
    document.getElementById('acceptance-detail').textContent = acceptance.accepted + ' accepted, '
      + acceptance.rejected + ' rejected; floor ' + percent(acceptance.floor)
      + (acceptance.belowFloor ? ': BELOW THE FLOOR' : '') + '. Last ' + acceptance.alertWindowDays
      + ' days, as the alert counts: ' + percent(acceptance.alertRate);
    document.getElementById('overdue').textContent = report.stuck.overdue;
    const speed = total.speedToLead;
    const minutes = speed.minutes.median;
    document.getElementById('speed-to-lead').textContent = percent(speed.within30Minutes);
    document.getElementById('speed-detail').textContent = 'first contact within ' + speed.bestPracticeMinutes
      + ' minutes of routing (best practice); median ' + (minutes === null ? 'n/a' : Math.round(minutes) + ' min')
      + ', ' + percent(speed.withinOneWorkingDay) + ' within one working day, ' + percent(speed.withinSla)
      + ' within the SLA (' + speed.contacted + ' leads contacted)';

    draw('funnel-chart', {
      type: 'bar',
      data: {
        labels: ['Leads', 'MQL', 'SAL', 'SQL', 'Won'],
        datasets: [{label: 'Leads', data: [total.leads, total.mqls, total.sals, total.sqls, total.won],
          backgroundColor: ['#5b8def', '#3f6fd8', '#2f55b0', '#1f3c85', '#1e8449']}]
      },
      options: {indexAxis: 'y', animation: false, aspectRatio: 5, plugins: {legend: {display: false}}}
    });
    draw('trend-chart', {
      type: 'line',
      data: {
        labels: report.weeks.map(w => w.week),
        datasets: [
          {label: 'MQL', data: report.weeks.map(w => w.mqls), borderColor: '#5b8def'},
          {label: 'SAL', data: report.weeks.map(w => w.sals), borderColor: '#2f55b0'},
          {label: 'SQL', data: report.weeks.map(w => w.sqls), borderColor: '#1e8449'},
          {label: 'MQL target', data: report.weeks.map(w => w.mqlTarget), borderColor: '#aab0b9',
            borderDash: [6, 4], pointRadius: 0}
        ]
      },
      options: {animation: false, aspectRatio: 4}
    });
    draw('reps-chart', {
      type: 'bar',
      data: {
        labels: report.reps.map(r => r.rep),
        datasets: [{label: 'SLA compliance (%)',
          data: report.reps.map(r => r.compliance === null ? 0 : Math.round(r.compliance * 1000) / 10),
          backgroundColor: '#2f55b0'}]
      },
      options: {animation: false, aspectRatio: 6, scales: {y: {min: 0, max: 100}}}
    });

    document.getElementById('stages').textContent = Object.entries(report.stuck.perStage)
      .map(([stage, load]) => stage + ': ' + load.open + ' open, oldest ' + load.oldestHours + ' h').join(' · ');
    const body = document.querySelector('#stuck tbody');
    body.replaceChildren();
    report.stuck.oldest.forEach(lead => {
      const row = document.createElement('tr');
      row.className = 'stuck-lead';
      cell(row, link('/portal/leads/' + lead.leadId, lead.name || ('Lead ' + lead.leadId)));
      cell(row, lead.company);
      cell(row, lead.stage);
      cell(row, lead.rep);
      cell(row, lead.hoursWaiting + ' h');
      cell(row, lead.activity);
      const links = document.createElement('span');
      if (lead.cockpit) {
        links.appendChild(link(lead.cockpit, 'Cockpit'));
        links.appendChild(text(' '));
      }
      if (lead.tasklist) {
        links.appendChild(link(lead.tasklist, 'Tasklist'));
      }
      cell(row, links);
      body.appendChild(row);
    });
    document.body.dataset.loaded = 'true';
  }

  function load() {
    const from = document.getElementById('from').value;
    const to = document.getElementById('to').value;
    const error = document.getElementById('error');
    fetch('/api/funnel?from=' + from + '&to=' + to, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(response => response.ok ? response.json() : response.json().then(problem => {
        throw new Error(problem.detail || response.status);
      }))
      .then(report => {
        error.hidden = true;
        render(report);
      })
      .catch(e => {
        error.textContent = 'The funnel could not be loaded: ' + e.message;
        error.hidden = false;
      });
  }

  const today = new Date();
  const tomorrow = new Date(today.getTime() + 24 * 3600 * 1000);
  const start = new Date(today.getTime() - 12 * 7 * 24 * 3600 * 1000);
  document.getElementById('from').value = isoDate(start);
  document.getElementById('to').value = isoDate(tomorrow);
  document.getElementById('period').addEventListener('submit', event => {
    event.preventDefault();
    load();
  });
  load();
})();

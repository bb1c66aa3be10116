/*
 * The operations dashboard: polls /api/v1/overview every 5 s with the operations token the user gave this tab and
 * redraws. Everything read is written with textContent, never as markup. The page itself holds no data.
 */
(function () {
  'use strict';

  var POLL_MS = 5000;
  var TOKEN_KEY = 'carepath.operations-token';
  var ZONE = 'America/New_York';
  var DISPOSITIONS = ['EMERGENCY', 'SURGICAL_CONSULT', 'CHEMODENERVATION_CONSULT', 'SPECIALIST_REFERRAL',
    'CONSERVATIVE_CARE', 'RECOVERED', 'AWAITING_TRIAGE'];
  var DISPOSITION_COLOURS = {
    EMERGENCY: '#c0392b', SURGICAL_CONSULT: '#8e44ad', CHEMODENERVATION_CONSULT: '#2c7fb8',
    SPECIALIST_REFERRAL: '#16a085', CONSERVATIVE_CARE: '#7fb800', RECOVERED: '#95a5a6', AWAITING_TRIAGE: '#f0ad4e'
  };
  var PALETTE = ['#2c7fb8', '#16a085', '#f0ad4e', '#8e44ad', '#c0392b', '#7f8c8d', '#d35400', '#27ae60'];

  var charts = {};
  var timer = null;
  var inFlight = null;

  function $(id) { return document.getElementById(id); }

  function el(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        if (attributes[name] !== undefined && attributes[name] !== null) { node.setAttribute(name, attributes[name]); }
      });
    }
    return node;
  }

  function label(value) {
    if (value === null || value === undefined) { return '–'; }
    var text = String(value).toLowerCase().replace(/_/g, ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** Places are proper names: every word capitalised (Staten Island). */
  function place(value) {
    if (value === null || value === undefined) { return '–'; }
    return String(value).toLowerCase().split('_').map(function (word) {
      return word.charAt(0).toUpperCase() + word.slice(1);
    }).join(' ');
  }

  function clinicDate(date) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(date);
  }

  var timeFormat = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false
  });
  var weekdayFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short' });
  var money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

  function when(instant) { return instant ? timeFormat.format(new Date(instant)) : '–'; }

  function replaceRows(tbody, rows) {
    while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
    rows.forEach(function (row) { tbody.appendChild(row); });
  }

  function row(cells, attributes) {
    var tr = el('tr', null, attributes);
    cells.forEach(function (cell) { tr.appendChild(cell instanceof Node ? cell : el('td', cell)); });
    return tr;
  }

  // ---- the token ----

  function takeTokenFromAddress() {
    var match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
    if (match) {
      sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
  }

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function askForToken(problem) {
    stop();
    sessionStorage.removeItem(TOKEN_KEY);
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('token-form').hidden = false;
    $('token-problem').hidden = !problem;
    $('token-problem').textContent = problem || '';
    status('signed-out', 'not connected');
    $('token-input').focus();
  }

  // ---- polling ----

  function range() {
    var choice = $('range').value;
    if (choice === 'today') { return null; }
    var today = new Date();
    var from;
    if (choice === 'week') {
      var clinicToday = new Date(clinicDate(today) + 'T12:00:00Z');
      var sinceMonday = (clinicToday.getUTCDay() + 6) % 7;
      from = new Date(clinicToday.getTime() - sinceMonday * 86400000);
    } else {
      from = new Date(today.getTime() - (Number(choice) - 1) * 86400000);
    }
    return { from: clinicDate(from), to: clinicDate(today) };
  }

  function overviewUrl() {
    var days = range();
    return days ? '/api/v1/overview?from=' + days.from + '&to=' + days.to : '/api/v1/overview';
  }

  function status(state, text) {
    var node = $('status');
    node.dataset.state = state;
    node.textContent = text;
  }

  function stop() {
    if (timer) { clearTimeout(timer); timer = null; }
    if (inFlight) { inFlight.abort(); inFlight = null; }
  }

  function schedule() {
    stop();
    timer = setTimeout(poll, POLL_MS);
  }

  function poll() {
    var bearer = token();
    if (!bearer) { askForToken(); return; }
    stop();
    var request = new AbortController();
    inFlight = request;
    fetch(overviewUrl(), {
      headers: { Authorization: 'Bearer ' + bearer, Accept: 'application/json' },
      cache: 'no-store',
      signal: request.signal
    }).then(function (response) {
      if (response.status === 401) {
        askForToken('The token was refused (expired or not from this issuer): paste a new one.');
        return null;
      }
      if (response.status === 403) {
        askForToken('This token may not read the overview: it needs the role operations.');
        return null;
      }
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    }).then(function (overview) {
      if (!overview) { return; }
      inFlight = null;
      $('token-form').hidden = true;
      $('dashboard').hidden = false;
      $('sign-out').hidden = false;
      render(overview);
      status('live', 'live');
      schedule();
    }).catch(function (error) {
      if (error && error.name === 'AbortError') { return; }
      inFlight = null;
      status('error', 'cannot reach the service, retrying');
      schedule();
    });
  }

  // ---- rendering ----

  function render(overview) {
    document.body.dataset.generatedAt = overview.generatedAt;
    $('generated-at').textContent = when(overview.generatedAt);
    $('generated-at').setAttribute('datetime', overview.generatedAt);
    var rangeText = overview.from === overview.to ? overview.from : overview.from + ' – ' + overview.to;
    $('range-heading').textContent = rangeText;
    $('followups-range').textContent = 'falling due ' + rangeText;
    $('estimates-range').textContent = 'episodes reported ' + rangeText;

    $('today-episodes').textContent = count(overview.today);
    $('week-episodes').textContent = count(overview.week);
    renderDispositions(overview);
    renderEmergencies(overview.openEmergencies || []);
    renderGrid(overview.appointments || { days: [], sites: [] });
    renderWaitlist(overview.waitlist || [], overview.waitlistTotal);
    renderFollowUps(overview.followUps || {});
    renderEstimates(overview.estimates || []);
    renderDeadLetters(overview.deadLetters || []);
  }

  function count(counts) { return counts ? counts.episodes : 0; }

  function byDisposition(counts, disposition) {
    return counts && counts.byDisposition && counts.byDisposition[disposition] ? counts.byDisposition[disposition] : 0;
  }

  function renderDispositions(overview) {
    var present = DISPOSITIONS.slice();
    [overview.today, overview.week, overview.range].forEach(function (counts) {
      Object.keys((counts && counts.byDisposition) || {}).forEach(function (name) {
        if (present.indexOf(name) < 0) { present.push(name); }
      });
    });
    replaceRows($('dispositions').tBodies[0], present.map(function (name) {
      return row([
        el('td', label(name)),
        el('td', byDisposition(overview.today, name), { 'data-period': 'today' }),
        el('td', byDisposition(overview.week, name), { 'data-period': 'week' }),
        el('td', byDisposition(overview.range, name), { 'data-period': 'range' })
      ], { 'data-disposition': name });
    }));
    chart('disposition-chart', 'bar', present.map(label), [
      { label: 'today', data: present.map(function (n) { return byDisposition(overview.today, n); }),
        backgroundColor: present.map(function (n) { return DISPOSITION_COLOURS[n] || '#7f8c8d'; }) },
      { label: 'this week', data: present.map(function (n) { return byDisposition(overview.week, n); }),
        backgroundColor: present.map(function (n) { return (DISPOSITION_COLOURS[n] || '#7f8c8d') + '66'; }) }
    ], { indexAxis: 'y' });
  }

  function renderEmergencies(emergencies) {
    $('emergency-count').textContent = emergencies.length;
    $('emergencies-empty').hidden = emergencies.length > 0;
    replaceRows($('emergencies').tBodies[0], emergencies.map(function (emergency) {
      return row([
        el('td', emergency.episodeId, { class: 'id' }),
        el('td', place(emergency.region)),
        el('td', when(emergency.decidedAt)),
        el('td', (emergency.rules || []).join(', '))
      ], { 'data-episode': emergency.episodeId });
    }));
  }

  function renderGrid(grid) {
    var table = $('appointment-grid');
    var head = el('tr');
    head.appendChild(el('th', 'site'));
    grid.days.forEach(function (day) {
      var date = new Date(day + 'T00:00:00Z');
      var th = el('th', weekdayFormat.format(date) + ' ' + date.getUTCDate(), { 'data-date': day, title: day });
      if (date.getUTCDay() === 0 || date.getUTCDay() === 6) { th.className = 'weekend'; }
      head.appendChild(th);
    });
    replaceRows(table.tHead, [head]);
    replaceRows(table.tBodies[0], grid.sites.map(function (site) {
      var tr = el('tr', null, { 'data-site': site.siteId });
      tr.appendChild(el('th', site.name || site.siteId, { title: [site.kind, place(site.region)].filter(Boolean).join(' · ') }));
      (site.days || []).forEach(function (day) {
        var utilisation = day.utilisation === null || day.utilisation === undefined ? null : Number(day.utilisation);
        var td = el('td', null, {
          'data-site': site.siteId, 'data-date': day.date, 'data-booked': day.booked,
          'data-utilisation': utilisation === null ? '' : utilisation,
          title: (site.name || site.siteId) + ', ' + day.date + ': ' + day.booked + ' booked, ' + day.bookedMinutes +
            ' of ' + day.capacityMinutes + ' provider minutes'
        });
        if (utilisation === null) {
          td.className = 'closed';
          td.textContent = day.booked > 0 ? String(day.booked) : '·';
        } else if (day.booked === 0) {
          td.className = 'level-0 none';
          td.textContent = '0';
        } else {
          td.appendChild(el('span', day.booked, { class: 'booked' }));
          td.appendChild(el('span', Math.round(utilisation * 100) + '%', { class: 'utilisation' }));
          td.className = 'level-' + Math.max(1, Math.min(5, Math.ceil(utilisation * 5)));
        }
        tr.appendChild(td);
      });
      return tr;
    }));
  }

  function renderWaitlist(waitlist, total) {
    $('waitlist-total').textContent = total === undefined || total === null ? waitlist.reduce(function (sum, entry) {
      return sum + entry.count;
    }, 0) : total;
    $('waitlist-empty').hidden = waitlist.length > 0;
    replaceRows($('waitlist').tBodies[0], waitlist.map(function (entry) {
      return row([el('td', label(entry.specialty)), el('td', place(entry.region)), el('td', entry.count, { class: 'n' })],
        { 'data-specialty': entry.specialty, 'data-region': entry.region });
    }));
    var specialties = unique(waitlist.map(function (entry) { return entry.specialty; }));
    var regions = unique(waitlist.map(function (entry) { return entry.region; }));
    chart('waitlist-chart', 'bar', specialties.map(label), regions.map(function (region, i) {
      return {
        label: place(region),
        backgroundColor: PALETTE[i % PALETTE.length],
        data: specialties.map(function (specialty) {
          var found = waitlist.filter(function (e) { return e.specialty === specialty && e.region === region; })[0];
          return found ? found.count : 0;
        })
      };
    }), { stacked: true });
  }

  function renderFollowUps(followUps) {
    // "due" in the overview; an earlier draft called it "pending"
    var due = followUps.due !== undefined ? followUps.due : (followUps.pending || 0);
    var sent = followUps.sent || 0;
    var cancelled = followUps.cancelled || 0;
    $('followups-due').textContent = due;
    $('followups-sent').textContent = sent;
    $('followups-cancelled').textContent = cancelled;
    chart('followup-chart', 'doughnut', ['due', 'sent', 'cancelled'], [
      { data: [due, sent, cancelled], backgroundColor: ['#f0ad4e', '#16a085', '#95a5a6'] }
    ], { legend: 'right' });
  }

  function renderEstimates(estimates) {
    $('estimates-empty').hidden = estimates.length > 0;
    replaceRows($('estimates').tBodies[0], estimates.map(function (estimate) {
      return row([
        el('td', label(estimate.payer)),
        el('td', estimate.episodes, { class: 'n' }),
        el('td', money.format(Number(estimate.patientPays || 0)), { class: 'n' })
      ], { 'data-payer': estimate.payer });
    }));
  }

  function renderDeadLetters(deadLetters) {
    $('dead-letter-total').textContent = deadLetters.reduce(function (sum, entry) { return sum + entry.count; }, 0);
    $('dead-letters-empty').hidden = deadLetters.length > 0;
    replaceRows($('dead-letters').tBodies[0], deadLetters.map(function (entry) {
      return row([el('td', entry.topic, { class: 'id' }), el('td', entry.count, { class: 'n' }), el('td', when(entry.oldest))],
        { 'data-topic': entry.topic });
    }));
  }

  function unique(values) {
    return values.filter(function (value, i) { return values.indexOf(value) === i; });
  }

  /** One Chart.js chart per canvas, updated in place (no animation on a poll). */
  function chart(id, type, labels, datasets, options) {
    if (typeof Chart === 'undefined') { return; }
    options = options || {};
    var existing = charts[id];
    if (existing) {
      existing.data.labels = labels;
      existing.data.datasets = datasets;
      existing.update('none');
      return;
    }
    var scales = type === 'doughnut' ? {} : {
      x: { stacked: !!options.stacked, beginAtZero: true, ticks: { precision: 0 } },
      y: { stacked: !!options.stacked, beginAtZero: true, ticks: { precision: 0 } }
    };
    charts[id] = new Chart($(id), {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: options.indexAxis || 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: scales,
        plugins: { legend: { position: options.legend || 'top', labels: { boxWidth: 12 } } }
      }
    });
  }

  // ---- start ----

  document.addEventListener('DOMContentLoaded', function () {
    takeTokenFromAddress();
    $('token-entry').addEventListener('submit', function (event) {
      event.preventDefault();
      var value = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
      $('token-input').value = '';
      if (value) {
        sessionStorage.setItem(TOKEN_KEY, value);
        status('connecting', 'connecting…');
        poll();
      }
    });
    $('sign-out').addEventListener('click', function () { askForToken(); });
    $('range').addEventListener('change', function () { if (token()) { poll(); } });
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden && token()) { poll(); }
    });
    window.addEventListener('hashchange', function () { takeTokenFromAddress(); if (token()) { poll(); } });
    if (token()) { status('connecting', 'connecting…'); poll(); } else { askForToken(); }
  });
}());

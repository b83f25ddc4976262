// The front page's health line; a file of its own, as the CSP allows no inline scripts.
fetch('/health').then(r => r.json()).then(h => {
  document.getElementById('health').textContent =
    h.status === 'ok' ? 'all services up (version ' + h.version + ')' : 'degraded: ' + JSON.stringify(h.checks);
}).catch(() => { document.getElementById('health').textContent = 'not answering'; });

// Runs dynalite as a child of the local stack's JVM. The JVM holds our stdin open; when the JVM
// goes away for any reason (Ctrl-C, a failed start, even SIGKILL) stdin ends and we exit, so no
// orphan node process is ever left behind.
'use strict';
const dynalite = require('dynalite');

function option(name, fallback) {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const host = option('host', '127.0.0.1');
const port = Number(option('port', '8000'));
const path = option('path', undefined);

const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.on('error', (err) => {
  console.error('dynalite failed: ' + err.message);
  process.exit(1);
});
server.listen(port, host, () => {
  // The JVM waits for this line; with --port 0 it learns the port from it.
  console.log('DYNALITE READY ' + server.address().port);
});

const quit = () => server.close(() => process.exit(0));
process.stdin.on('end', quit);
process.stdin.on('close', quit);
process.stdin.resume();
process.on('SIGINT', quit);
process.on('SIGTERM', quit);

// Loaded into decap-server by scripts/cms.py (NODE_OPTIONS=--require): decap-server listens on
// the unix socket DECAP_SOCKET names, in a folder only this user can open, instead of a TCP port
// that any page in a browser on this machine could find. Only cms_guard.py talks to it.
'use strict';
const net = require('net');

const socketPath = process.env.DECAP_SOCKET;
if (socketPath) {
  process.umask(0o077);
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (...args) {
    const done = args.find(arg => typeof arg === 'function');
    return listen.call(this, socketPath, done);
  };
}

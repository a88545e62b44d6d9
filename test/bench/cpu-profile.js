// Preloaded into a server process by a benchmark (NODE_OPTIONS="--require …/cpu-profile.js",
// since --cpu-prof is not allowed in NODE_OPTIONS): profiles the whole process and writes a V8
// .cpuprofile (open it in Chrome DevTools) into CPU_PROFILE_DIR when the process exits or gets SIGTERM.
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
let written = false;
function write() {
  if (written) return;
  written = true;
  // On the main thread the inspector answers synchronously, so this ends before the process does.
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    const dir = process.env.CPU_PROFILE_DIR || '.';
    fs.writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
}
process.on('exit', write);
// Nest's shutdown hook ends the process by re-sending the signal, which skips 'exit'.
process.prependListener('SIGTERM', write);

/**
 * Preloaded into the benchmarked app's Node processes (`npm run bench:web -- --cpu-profile`), since Node refuses
 * --cpu-prof in NODE_OPTIONS: profiles the process from start to exit and writes
 * <tmpdir>/grn-bench-cpu/<pid>.cpuprofile for scripts/bench/cpu-summary.ts. The inspector session runs on this
 * thread, so posting Profiler.stop from the exit handler completes before the process is gone.
 */
const fs = require('node:fs');
const inspector = require('node:inspector');
const os = require('node:os');
const path = require('node:path');

const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
process.on('exit', () => {
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    const dir = path.join(os.tmpdir(), 'grn-bench-cpu');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});

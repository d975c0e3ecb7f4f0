// web-test-runner's closing line starts with a progress bar, and its report of the last file can come after
// anything a reporter prints in stop(); this reporter prints a plain "N passed, N failed, N skipped" line as the
// very last output, when the process exits, so that log readers find the totals.
import { writeSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function plainSummaryReporter() {
  let line;
  process.once('exit', () => {
    if (line) writeSync(1, line);
  });
  return {
    stop({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      let brokenFiles = 0;
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) brokenFiles += 1;
      }
      const broken = brokenFiles > 0 ? ` (${brokenFiles} file(s) failed to load or run)` : '';
      line = `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped${broken}\n`;
    },
  };
}

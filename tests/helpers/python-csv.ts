import { execFileSync } from 'node:child_process';

/** Whether Python 3 and its csv module are here: a CSV reader we did not write. */
export const hasPythonCsv = (() => {
  try {
    execFileSync('python3', ['-c', 'import csv'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** CSV text read by Python's csv module, as rows of cells (line breaks inside quoted cells kept as written). */
export const readCsv = (text: string): string[][] =>
  JSON.parse(
    execFileSync(
      'python3',
      [
        '-c',
        'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8"), newline="")))))',
      ],
      { input: text },
    ).toString(),
  ) as string[][];

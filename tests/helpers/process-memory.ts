import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

interface ProcessRow {
  pid: number;
  parentPid: number;
  rssBytes: number;
  command: string;
}

const ENGINE_SCRIPT = /(engine|llm)-worker\.(ts|js)/;

/** Linux: read /proc, which every Linux has (minimal images may lack `ps`). */
function procRows(): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in stat may hold spaces and parentheses: the fields after it follow the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const rssKb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? 0);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      rows.push({ pid: Number(entry), parentPid, rssBytes: rssKb * 1024, command });
    } catch {
      // The process ended while it was being read.
    }
  }
  return rows;
}

/** Elsewhere (macOS): `ps`, in KiB. */
function psRows(): ProcessRow[] {
  return execFileSync('ps', ['-A', '-o', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .split('\n')
    .flatMap((row) => {
      const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(row);
      return match ? [{ pid: Number(match[1]), parentPid: Number(match[2]), rssBytes: Number(match[3]) * 1024, command: match[4] }] : [];
    });
}

/** The model engine process that `parentPid` (a studio) started, with its resident memory. */
export function engineProcess(parentPid: number): { pid: number; rssBytes: number } {
  const rows = existsSync('/proc/self/stat') ? procRows() : psRows();
  const engine = rows.find((row) => row.parentPid === parentPid && ENGINE_SCRIPT.test(row.command));
  if (!engine) throw new Error(`No model engine process runs under pid ${parentPid}`);
  return { pid: engine.pid, rssBytes: engine.rssBytes };
}

/**
 * Resident memory of this process after a full garbage collection, so JavaScript garbage
 * that is merely not collected yet does not read as growth.
 */
export function mainRssBytes(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().rss;
}

export const megabytes = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

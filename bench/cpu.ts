// CPU accounting from /proc (Linux): who used the two cores during a phase — the load generator (this process),
// the Koers server process, PostgreSQL (postmaster + backends, including backends that exited during the phase,
// whose time the postmaster collects as cutime/cstime), and everything else on the machine ("other").
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  /* keep 100 */
}
const tickMs = 1000 / ticksPerSecond;

export interface CpuSnapshot {
  at: number;
  /** all CPUs, ms */
  busyMs: number;
  idleMs: number;
  clientMs: number;
  serverMs: number;
  postgresMs: number;
}

export interface CpuUse {
  wallMs: number;
  /** CPU-ms per wall-ms, summed over cores (2.0 = both cores fully busy) */
  cores: { busy: number; client: number; server: number; postgres: number; other: number; idle: number };
  ms: { client: number; server: number; postgres: number; other: number };
}

function statFields(pid: number): string[] | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' '); // fields from #3 (state) on
  } catch {
    return null;
  }
}

/** utime+stime (+ cutime+cstime of reaped children when `withChildren`) of a pid, in ms. */
function pidCpuMs(pid: number, withChildren = false): number {
  const f = statFields(pid);
  if (!f) return 0;
  // f[0] = field 3 (state); utime = field 14 → f[11], stime f[12], cutime f[13], cstime f[14]
  let t = Number(f[11]) + Number(f[12]);
  if (withChildren) t += Number(f[13]) + Number(f[14]);
  return t * tickMs;
}

function childrenOf(ppid: number): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(Number(name));
    if (f && Number(f[1]) === ppid) out.push(Number(name));
  }
  return out;
}

function postgresPids(): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'postgres') out.push(Number(name));
    } catch {
      /* gone */
    }
  }
  return out;
}

export class CpuMeter {
  /** postmasterPid: known for our throwaway server; otherwise every process named "postgres" is counted. */
  constructor(private readonly serverPid: number, private readonly postmasterPid: number | null) {}

  snapshot(): CpuSnapshot {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line;
    const busy = (user + nice + system + irq + softirq + (steal ?? 0)) * tickMs;
    const idleMs = (idle + iowait) * tickMs;
    const own = process.cpuUsage();
    let postgresMs = 0;
    if (this.postmasterPid) {
      postgresMs = pidCpuMs(this.postmasterPid, true);
      for (const c of childrenOf(this.postmasterPid)) postgresMs += pidCpuMs(c);
    } else {
      for (const p of postgresPids()) postgresMs += pidCpuMs(p);
    }
    return {
      at: performance.now(),
      busyMs: busy,
      idleMs,
      clientMs: (own.user + own.system) / 1000,
      serverMs: pidCpuMs(this.serverPid),
      postgresMs,
    };
  }

  static diff(a: CpuSnapshot, b: CpuSnapshot): CpuUse {
    const wallMs = b.at - a.at;
    const ms = {
      client: b.clientMs - a.clientMs,
      server: b.serverMs - a.serverMs,
      postgres: b.postgresMs - a.postgresMs,
      other: 0,
    };
    const busy = b.busyMs - a.busyMs;
    ms.other = Math.max(0, busy - ms.client - ms.server - ms.postgres);
    const per = (x: number) => Math.round((x / wallMs) * 100) / 100;
    return {
      wallMs,
      cores: { busy: per(busy), client: per(ms.client), server: per(ms.server), postgres: per(ms.postgres), other: per(ms.other), idle: per(b.idleMs - a.idleMs) },
      ms,
    };
  }
}

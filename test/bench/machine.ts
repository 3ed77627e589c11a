/** What the figures were measured on: they are ratios, but a reader still needs to know the machine. */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { execSync } from 'node:child_process';

export function machineInfo(dir: string) {
  const cpu = cpus();
  let disk = 'unknown';
  try {
    disk = execSync(`df -h --output=source,fstype,size ${JSON.stringify(dir)} | tail -1`, { encoding: 'utf8' }).trim();
  } catch {
    // df missing: leave unknown.
  }
  const loadAverage = loadavg();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGb: Math.round((freemem() / 2 ** 30) * 10) / 10,
    loadAverage: loadAverage.map((value) => Math.round(value * 100) / 100),
    disk,
  };
}

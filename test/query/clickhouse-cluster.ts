/**
 * A ClickHouse cluster on loopback for the tests: three clickhouse-server processes (Debian's,
 * 18.16), each on ports of its own and with a `remote_servers` config naming all three as
 * the shards of cluster "hf". Started by the test, stopped by it, also when it fails (and
 * when the process exits). Servers write only under a temporary folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const CLICKHOUSE_SERVER = '/usr/sbin/clickhouse-server';

export interface Cluster {
  /** Each server's HTTP URL, shard 1 first. */
  readonly urls: readonly string[];
  /** Runs one statement on a server over HTTP; resolves to its text output. */
  sql(server: number, statement: string, body?: string | Uint8Array): Promise<string>;
  stop(): Promise<void>;
}

/** A port no one listens on now (the OS's choice). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function config(dir: string, http: number, tcp: number, shards: readonly number[]): string {
  const replicas = shards
    .map((p) => `<shard><replica><host>127.0.0.1</host><port>${p}</port></replica></shard>`)
    .join('');
  return `<yandex>
  <logger><level>warning</level><log>${dir}/log</log><errorlog>${dir}/err</errorlog></logger>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>/etc/clickhouse-server/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>53687091</mark_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
  <remote_servers><hf>${replicas}</hf></remote_servers>
</yandex>
`;
}

export async function startCluster(root: string, servers = 3): Promise<Cluster> {
  const ports: { http: number; tcp: number }[] = [];
  for (let i = 0; i < servers; i++) ports.push({ http: await freePort(), tcp: await freePort() });
  const procs: ChildProcess[] = [];
  const stopAll = () => {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
  };
  process.on('exit', stopAll);
  const urls = ports.map((p) => `http://127.0.0.1:${p.http}`);
  const sql = async (server: number, statement: string, body?: string | Uint8Array) => {
    const url = `${urls[server]}/?query=${encodeURIComponent(statement)}`;
    const res = await fetch(url, { method: 'POST', body: new Blob([(body ?? '') as BlobPart]) });
    const text = await res.text();
    if (!res.ok) throw new Error(`ClickHouse ${server}: ${text.slice(0, 300)}`);
    return text;
  };
  try {
    ports.forEach((p, i) => {
      const dir = join(root, `shard${i + 1}`);
      mkdirSync(join(dir, 'tmp'), { recursive: true });
      writeFileSync(
        join(dir, 'config.xml'),
        config(
          dir,
          p.http,
          p.tcp,
          ports.map((q) => q.tcp),
        ),
      );
      procs.push(
        spawn(CLICKHOUSE_SERVER, [`--config-file=${join(dir, 'config.xml')}`], {
          stdio: 'ignore',
          cwd: dir,
        }),
      );
    });
    // Each answers within a few seconds; 60 s is for a loaded machine.
    const deadline = Date.now() + 60_000;
    for (let i = 0; i < servers; i++) {
      for (;;) {
        if (procs[i]!.exitCode !== null)
          throw new Error(`clickhouse-server ${i + 1} exited (${procs[i]!.exitCode}); see ${root}`);
        try {
          if ((await sql(i, 'SELECT 1')).trim() === '1') break;
        } catch {
          // not up yet
        }
        if (Date.now() > deadline) throw new Error(`clickhouse-server ${i + 1} did not start`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } catch (e) {
    stopAll();
    throw e;
  }
  return {
    urls,
    sql,
    async stop() {
      await Promise.all(
        procs.map(
          (p) =>
            new Promise<void>((resolve) => {
              if (p.exitCode !== null) return resolve();
              const kill = setTimeout(() => p.kill('SIGKILL'), 10_000);
              p.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              p.kill('SIGTERM');
            }),
        ),
      );
      process.off('exit', stopAll);
    },
  };
}

/**
 * The SQL engines a query source is sent to, each loaded only when a spec names it: DuckDB
 * embedded (@duckdb/node-api) for files and globs, ClickHouse over HTTP (@clickhouse/client)
 * for a server or a cluster. Each is an adapter of the small SqlEngine interface
 * (query/run.ts): a dialect, where a source's rows come from, and `query(sql) → rows`.
 */
import { resolve as resolvePath } from 'node:path';
import { clickhouse, dotted, duckdb } from '../query/dialect.ts';
import type { SqlEngine } from '../query/run.ts';
import { HeatfigError } from '../errors.ts';
import { requireOptional } from './optional.ts';
import * as msg from '../messages.ts';
import type { QuerySource } from '../spec/query-source.ts';

/** An engine that can be closed (its connections and threads given back). */
export type OpenEngine = SqlEngine & { close(): Promise<void> };

/** The first line of an engine's error, without its stack of context. */
const firstLine = (e: unknown) =>
  String((e as Error)?.message ?? e)
    .split('\n')[0]!
    .slice(0, 500);

/** Opens the engine a spec names ("duckdb" by default); files are relative to `baseDir`. */
export async function openEngine(
  engine: string | undefined,
  baseDir: string,
  where: string,
): Promise<OpenEngine> {
  const name = engine ?? 'duckdb';
  if (name === 'duckdb') return openDuckDB(baseDir, where);
  if (/^clickhouses?:\/\//.test(name)) return openClickHouse(name, where);
  throw new HeatfigError('bad-spec', msg.unknownEngine(name), `${where}.engine`);
}

/** The one source a query names, checked: a file, a table, or SQL. */
function sourceKind(src: QuerySource, where: string): 'file' | 'table' | 'sql' {
  const kinds = (['file', 'table', 'sql'] as const).filter((k) => src[k] !== undefined);
  if (kinds.length !== 1)
    throw new HeatfigError('bad-spec', msg.querySourceCount(kinds.length), where);
  return kinds[0]!;
}

const FORMATS: Record<string, string> = {
  arrow: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  parquet: 'parquet',
  csv: 'csv',
  tsv: 'tsv',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  json: 'ndjson',
};

/** A file's format: as given, else from its extension (before a .gz). */
function formatOf(path: string, format: string | undefined): string {
  const ext = /\.([a-z]+)(\.gz)?$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return format ?? FORMATS[ext] ?? 'parquet';
}

/** The DuckDB table function that reads a file (or glob) in its format. */
function duckReader(path: string, format: string | undefined): string {
  const f = formatOf(path, format);
  const p = duckdb.str(path);
  if (f === 'parquet') return `read_parquet(${p})`;
  if (f === 'ndjson') return `read_json(${p}, format = 'newline_delimited')`;
  return `read_csv(${p}, header = true${f === 'tsv' ? ", delim = '\\t'" : ''})`;
}

async function openDuckDB(baseDir: string, where: string): Promise<OpenEngine> {
  const api = requireOptional<typeof import('@duckdb/node-api')>(
    '@duckdb/node-api',
    'long data aggregated by DuckDB',
    `${where}.engine`,
  );
  const instance = await api.DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  // SQL given in a spec names its files relative to the spec, as "file" does.
  await c.run(`SET file_search_path = ${duckdb.str(resolvePath(baseDir))}`);
  /** DuckDB's own error, as heatfig's one line naming `at`. */
  const duck = async <T>(work: () => Promise<T>, at: string): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      throw new HeatfigError('query-failed', msg.engineFailed('DuckDB', firstLine(e)), at);
    }
  };
  /** One statement, prepared: refused unless it is a SELECT (so nothing is written or set). */
  const prepare = async (sql: string, at: string) => {
    const statements = await duck(() => c.extractStatements(sql), at);
    if (statements.count !== 1) throw new HeatfigError('bad-spec', msg.notOneSelect(), at);
    const p = await duck(() => statements.prepare(0), at);
    if (p.statementType !== api.StatementType.SELECT)
      throw new HeatfigError('bad-spec', msg.notOneSelect(), at);
    return p;
  };
  return {
    dialect: duckdb,
    async relation(src, at) {
      const kind = sourceKind(src, at);
      const path = kind === 'file' ? resolvePath(baseDir, src.file!) : '';
      if (kind === 'file' && formatOf(path, src.format) === 'arrow')
        return arrowTable(c, path, `${at}.file`);
      if (kind === 'file') return duckReader(path, src.format);
      if (kind === 'table') return dotted(duckdb, src.table!);
      await prepare(src.sql!, `${at}.sql`);
      return `(${src.sql}) AS hf_source`;
    },
    async columns(from) {
      const p = await prepare(`SELECT * FROM ${from}`, where);
      return Array.from({ length: p.columnCount }, (_, i) => p.columnName(i));
    },
    async query(sql, at) {
      const p = await prepare(sql, at);
      const rows = await duck(() => p.runAndReadAll(), at);
      return rows.getRowObjectsJS() as Record<string, unknown>[];
    },
    describe: (src) => src.file ?? src.table ?? 'a SQL query',
    async close() {
      c.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * ClickHouse at `clickhouse://[user[:password]@]host:port/database`. The user and password
 * come from the URL or HEATFIG_CLICKHOUSE_USER / HEATFIG_CLICKHOUSE_PASSWORD; what an error
 * shows of the URL has them taken out. Every query runs with readonly=2: the server itself
 * refuses anything but reading (table functions such as numbers() or remote() are allowed).
 */
async function openClickHouse(url: string, where: string): Promise<OpenEngine> {
  let u: URL;
  try {
    u = new URL(url.replace(/^clickhouse/, 'http'));
  } catch {
    throw new HeatfigError('bad-spec', msg.unknownEngine(redact(url)), `${where}.engine`);
  }
  const client = requireOptional<typeof import('@clickhouse/client')>(
    '@clickhouse/client',
    'long data aggregated by ClickHouse',
    `${where}.engine`,
  );
  const env = process.env;
  const username = decodeURIComponent(u.username) || env['HEATFIG_CLICKHOUSE_USER'] || 'default';
  const password = decodeURIComponent(u.password) || env['HEATFIG_CLICKHOUSE_PASSWORD'] || '';
  const database = u.pathname.replace(/^\//, '') || 'default';
  const shown = `${u.protocol.replace('http', 'clickhouse')}//${u.host}/${database}`;
  const ch = client.createClient({
    url: `${u.protocol}//${u.host}`,
    username,
    password,
    database,
    request_timeout: 600_000,
    // heatfig says what went wrong in its one line; the client's own logging stays quiet.
    log: { level: client.ClickHouseLogLevel.OFF },
  });
  const query = async (sql: string, at: string) => {
    try {
      const rs = await ch.query({
        query: sql,
        format: 'JSONEachRow',
        clickhouse_settings: {
          readonly: '2',
          // 64-bit integers as JSON numbers, as the engine's other numbers come.
          output_format_json_quote_64bit_integers: 0,
        },
      });
      return (await rs.json()) as Record<string, unknown>[];
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (
        code === 'ECONNREFUSED' ||
        code === 'ENOTFOUND' ||
        code === 'ECONNRESET' ||
        code === 'ETIMEDOUT'
      )
        throw new HeatfigError(
          'unreachable',
          msg.engineUnreachable('ClickHouse', shown, code),
          `${where}.engine`,
        );
      throw new HeatfigError(
        'query-failed',
        msg.engineFailed('ClickHouse', redactText(firstLine(e), password)),
        at,
      );
    }
  };
  return {
    dialect: clickhouse,
    async relation(src, at) {
      const kind = sourceKind(src, at);
      if (kind === 'file')
        throw new HeatfigError('bad-spec', msg.engineFileOnly('ClickHouse'), `${at}.file`);
      if (kind === 'table') return dotted(clickhouse, src.table!);
      return `(${src.sql})`;
    },
    async columns(from) {
      if (from.startsWith('(')) return null;
      const rows = await query(`DESCRIBE TABLE ${from}`, where);
      return rows.map((r) => String(r['name']));
    },
    query,
    describe: (src) =>
      src.table ? `the table ${src.table} at ${shown}` : `a SQL query at ${shown}`,
    async close() {
      await ch.close();
    },
  };
}

/** A URL without its user and password. */
function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//');
}

function redactText(text: string, password: string): string {
  return password ? text.split(password).join('***') : text;
}

type DuckApi = typeof import('@duckdb/node-api');
type Connection = Awaited<
  ReturnType<Awaited<ReturnType<DuckApi['DuckDBInstance']['create']>>['connect']>
>;

/**
 * Arrow IPC files (or a glob of them) in a DuckDB table, for DuckDB reads Arrow IPC only
 * through an extension it would download: each file read record batch by record batch with
 * apache-arrow (an optional package, like DuckDB's), its rows appended. Columns of text and
 * dictionaries of text are VARCHAR, integers BIGINT, floats DOUBLE, booleans BOOLEAN, and
 * anything else its text.
 */
async function arrowTable(c: Connection, pattern: string, where: string): Promise<string> {
  const arrow = requireOptional<typeof import('apache-arrow')>(
    'apache-arrow',
    'reading Arrow IPC files',
    where,
  );
  const { open } = await import('node:fs/promises');
  const files = (
    await c.runAndReadAll(`SELECT file FROM glob(${duckdb.str(pattern)}) ORDER BY file`)
  )
    .getRowObjectsJS()
    .map((r) => String(r['file']));
  if (!files.length)
    throw new HeatfigError(
      'query-failed',
      msg.engineFailed('DuckDB', `No files found that match the pattern "${pattern}"`),
      where,
    );
  const table = 'hf_arrow';
  let kinds: ('text' | 'int' | 'float' | 'bool')[] | null = null;
  let names: string[] = [];
  for (const file of files) {
    const handle = await open(file);
    try {
      let reader: Awaited<ReturnType<typeof arrow.RecordBatchReader.from>>;
      try {
        reader = await arrow.RecordBatchReader.from(handle);
        await reader.open();
      } catch (e) {
        throw new HeatfigError(
          'bad-data',
          msg.engineFailed('apache-arrow', `${file}: ${firstLine(e)}`),
          where,
        );
      }
      const fields = reader.schema.fields;
      const these = fields.map((f) => f.name);
      if (!kinds) {
        names = these;
        kinds = fields.map((f) => {
          const t = arrow.DataType.isDictionary(f.type) ? f.type.dictionary : f.type;
          return arrow.DataType.isInt(t)
            ? 'int'
            : arrow.DataType.isFloat(t)
              ? 'float'
              : arrow.DataType.isBool(t)
                ? 'bool'
                : 'text';
        });
        const sqlType = { text: 'VARCHAR', int: 'BIGINT', float: 'DOUBLE', bool: 'BOOLEAN' };
        await c.run(
          `CREATE OR REPLACE TEMP TABLE ${table} (${names.map((n, i) => `${duckdb.ident(n)} ${sqlType[kinds![i]!]}`).join(', ')})`,
        );
      } else if (these.join('\u0000') !== names.join('\u0000'))
        throw new HeatfigError('bad-data', msg.arrowColumnsDiffer(file), where);
      const appender = await c.createAppender(table);
      for await (const batch of reader) {
        const cols = names.map((_, i) => batch.getChildAt(i)!);
        for (let r = 0; r < batch.numRows; r++) {
          for (let i = 0; i < cols.length; i++) {
            const v = cols[i]!.get(r);
            if (v === null || v === undefined) appender.appendNull();
            else if (kinds[i] === 'int') appender.appendBigInt(BigInt(v));
            else if (kinds[i] === 'float') appender.appendDouble(Number(v));
            else if (kinds[i] === 'bool') appender.appendBoolean(Boolean(v));
            else appender.appendVarchar(v instanceof Date ? v.toISOString() : String(v));
          }
          appender.endRow();
        }
      }
      appender.closeSync();
    } finally {
      await handle.close();
    }
  }
  return table;
}

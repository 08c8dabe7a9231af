// What a submit run costs PostgreSQL's write-ahead log, and what its busy backends wait on
// (`npm run bench`): WAL bytes between two pg_current_wal_lsn() readings, pg_stat_wal's records
// and full-page images, and — when the server has pg_walinspect — the bytes by table and index.
import pg from "pg";

export type WalByRelation = { relation: string; bytes: number; fpi: number; records: number };
export type WalFigures = { submits: number; bytes: number; records: number; fpi: number; buffersFull: number; byRelation: WalByRelation[]; byRmgr: string; line: string };

type Stat = { lsn: string; records: string; fpi: string; bytes: string; full: string };
const read = async (client: pg.Client) =>
  (await client.query<Stat>(`SELECT pg_current_wal_lsn()::text AS lsn, wal_records::text AS records, wal_fpi::text AS fpi, wal_bytes::text AS bytes, wal_buffers_full::text AS full FROM pg_stat_wal`)).rows[0]!;

/** A probe on the control connection; `start()` marks the beginning of a run, `stop(submits)` reads what it wrote. */
export async function walProbe(client: pg.Client) {
  let inspect = false;
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
    inspect = true;
  } catch {
    // not in this build of PostgreSQL: bytes and records only
  }
  return {
    async start() {
      await client.query("SELECT pg_stat_clear_snapshot()");
      const from = await read(client);
      return {
        async stop(submits: number): Promise<WalFigures> {
          await client.query("SELECT pg_stat_clear_snapshot()");
          const to = await read(client);
          const bytes = Number((await client.query<{ d: string }>(`SELECT ($2::pg_lsn - $1::pg_lsn)::text AS d`, [from.lsn, to.lsn])).rows[0]!.d);
          const records = Number(to.records) - Number(from.records);
          const fpi = Number(to.fpi) - Number(from.fpi);
          const buffersFull = Number(to.full) - Number(from.full);
          let byRelation: WalByRelation[] = [];
          let byRmgr = "";
          if (inspect && submits > 0) try {
            const end = (await client.query<{ lsn: string }>(`SELECT LEAST(pg_current_wal_flush_lsn(), $1::pg_lsn)::text AS lsn`, [to.lsn])).rows[0]!.lsn;
            byRelation = (
              await client.query<{ relation: string; bytes: string; fpi: string; records: string }>(
                `SELECT coalesce(c.relname, b.relfilenode::text) || CASE WHEN b.relforknumber <> 0 THEN ' (fork ' || b.relforknumber || ')' ELSE '' END AS relation,
                        sum(coalesce(b.block_data_length, 0) + coalesce(b.block_fpi_length, 0))::text AS bytes,
                        sum(coalesce(b.block_fpi_length, 0))::text AS fpi, count(DISTINCT b.start_lsn)::text AS records
                   FROM pg_get_wal_block_info($1::pg_lsn, $2::pg_lsn, false) b
                   LEFT JOIN pg_class c ON pg_relation_filenode(c.oid) = b.relfilenode AND b.reldatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
                  GROUP BY 1 ORDER BY sum(coalesce(b.block_data_length, 0) + coalesce(b.block_fpi_length, 0)) DESC LIMIT 20`,
                [from.lsn, end],
              )
            ).rows.map((r) => ({ relation: r.relation, bytes: Number(r.bytes), fpi: Number(r.fpi), records: Number(r.records) }));
            byRmgr = (
              await client.query<{ resource_manager: string; count: string; combined_size: string; fpi_size: string }>(
                `SELECT "resource_manager/record_type" AS resource_manager, count::text, combined_size::text, fpi_size::text FROM pg_get_wal_stats($1::pg_lsn, $2::pg_lsn, false) WHERE count > 0 ORDER BY combined_size DESC`,
                [from.lsn, end],
              )
            ).rows
              .map((r) => `${r.resource_manager} ${(Number(r.combined_size) / submits).toFixed(0)} B (${(Number(r.count) / submits).toFixed(1)} records, FPI ${(Number(r.fpi_size) / submits).toFixed(0)} B)`)
              .join("; ");
          } catch (error) {
            // a figure less, not a lost run
            byRmgr = `(pg_walinspect failed: ${error instanceof Error ? error.message : String(error)})`;
          }
          const per = (v: number) => (submits > 0 ? v / submits : NaN);
          const line = `${per(bytes).toFixed(0)} B (${per(records).toFixed(1)} records, ${per(fpi).toFixed(2)} full-page images${buffersFull ? `, WAL buffers full ${buffersFull}×` : ""})`;
          return { submits, bytes, records, fpi, buffersFull, byRelation, byRmgr, line };
        },
      };
    },
  };
}

/** Samples pg_stat_activity every 20 ms on a connection of its own: what active client backends wait on. */
export function sampleWaits(url: string) {
  const client = new pg.Client({ connectionString: url });
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const rows = (
        await client.query<{ w: string; n: string }>(
          `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS w, count(*)::text AS n FROM pg_stat_activity
            WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid() GROUP BY 1`,
        )
      ).rows;
      samples++;
      for (const r of rows) counts.set(r.w, (counts.get(r.w) ?? 0) + Number(r.n));
      await new Promise((r) => setTimeout(r, 20));
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await loop.catch(() => {});
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const line = total
        ? `${(total / Math.max(samples, 1)).toFixed(1)} active on average; ` +
          [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([w, n]) => `${w} ${((100 * n) / total).toFixed(0)} %`).join(", ")
        : "none active";
      return { samples, counts: Object.fromEntries(counts), line };
    },
  };
}

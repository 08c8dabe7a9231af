// `npm run seed:scale`: the large scale of PRODUCT.md in a database of its own (see
// scripts/scale/database.ts): 200 groups × 100 members, 50 packs each, about a million responses,
// plus a small second organization so that authorization is real. `--scale 10`: ten times the
// groups (2,000 groups, 200,000 members, about 10 million responses) in a database of its own
// (.data/scale-postgres-x10, port 5510), so the 1× one stays. RE-RUNNING DROPS THAT SCALE'S
// DATABASE AND MAKES IT AGAIN. Never run by `npm test`.
//
//   npm run seed:scale [-- --scale 10] [-- --groups 200 --members 100 --packs 50 --facilities 20]
//   SCALE_DATABASE_URL=postgres://…  (use that server; every table in it is dropped)
//   SCALE_PG_PORT=5499 SCALE_PG_DIR=.data/scale-postgres  (the embedded one)
import { execFileSync } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";
import bcrypt from "bcryptjs";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { BULK_LOAD_SETTINGS, openScaleDatabase, parseScale, scaleSettings, SCALE_PASSWORD } from "./scale/database";
import { rebuildProgressRollups } from "../lib/data/progress-rollups";
import { loadScale, type ScaleSpec } from "./scale/generate";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    /** Groups; default 200 × scale. */
    groups: { type: "string" },
    members: { type: "string", default: "100" },
    packs: { type: "string", default: "50" },
    facilities: { type: "string", default: "20" },
  },
});

const scale = parseScale(values.scale);
// The machine is shared: each line says how busy it was (1-minute load average).
const say = (line: string) => console.log(`seed:scale: ${line} [load ${os.loadavg()[0]!.toFixed(1)}]`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main() {
  const started = performance.now();
  const now = new Date();
  const passwordHash = await bcrypt.hash(SCALE_PASSWORD, 10);
  const big: ScaleSpec = {
    prefix: "scale",
    orgSlug: "network",
    orgName: "Large Study Network",
    emailDomain: "scale.example.org",
    groups: Number(values.groups ?? 200 * scale),
    membersPerGroup: Number(values.members),
    packs: Number(values.packs),
    facilities: Number(values.facilities),
    passwordHash,
    now,
  };
  const other: ScaleSpec = { ...big, prefix: "other", orgSlug: "other", orgName: "Other Program", emailDomain: "other.example.org", groups: 1, membersPerGroup: 5, packs: 3, facilities: 2 };

  const settings = scaleSettings(process.env, scale);
  const database = await openScaleDatabase(settings, { extraSettings: BULK_LOAD_SETTINGS });
  try {
    say(`dropping and recreating the scale database (${database.embedded ? `embedded, port ${database.embedded.port}` : "SCALE_DATABASE_URL"})`);
    await database.recreate();
    await applyMigrations(database.url, { log: () => {} });
    say(`migrated: ${seconds(started)}`);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await loadScale(client, [big, other], {
        bulk: true,
        log: say,
        // The load ran with triggers off, so the page owner's rollup tables are made in one go,
        // in the load's transaction (progress_rebuild empties them first: no WAL for them either).
        inTransaction: async (c) => {
          const rollupsStarted = performance.now();
          await rebuildProgressRollups(c);
          say(`rebuilt the progress rollups: ${seconds(rollupsStarted)}`);
        },
      });
    } finally {
      await client.end();
    }

    const client2 = new pg.Client({ connectionString: database.url });
    await client2.connect();
    try {
      const vacuumStarted = performance.now();
      // VACUUM also sets the visibility map, which index-only scans need after a bulk load.
      await client2.query("VACUUM (ANALYZE)");
      say(`VACUUM ANALYZE: ${seconds(vacuumStarted)}`);
      const counts = await client2.query<{ t: string; n: string }>(
        `SELECT t, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', t), false, true, '')))[1]::text AS n
           FROM unnest(ARRAY['Organization','Group','Facility','User','Member','Pack','Delivery','DeliveryEvent','Response','ResponseVersion','Feedback','PersonEvent']) t`,
      );
      say(`rows: ${counts.rows.map((r) => `${r.t} ${Number(r.n).toLocaleString("en")}`).join(", ")}`);
      const size = await client2.query<{ size: string }>("SELECT pg_size_pretty(pg_database_size(current_database())) AS size");
      say(`database size: ${size.rows[0]?.size}`);
      if (database.embedded) {
        // On disk: the whole cluster folder (tables, indexes, WAL), as `du` counts it.
        const du = execFileSync("du", ["-sh", settings.dataDir], { encoding: "utf8" }).trim();
        say(`on disk: ${du}`);
      }
    } finally {
      await client2.end();
    }
    say(`done in ${seconds(started)}`);
    say(`sign in (password "${SCALE_PASSWORD}"): organizer@${big.emailDomain} (organizer), facilitator@${big.emailDomain} (groups ${big.orgSlug}-001 and -002), member@${big.emailDomain} (online member of ${big.orgSlug}-001); other organization: organizer@${other.emailDomain}`);
    if (database.embedded) say(`measure it with npm run bench${scale === 1 ? "" : ` -- --scale ${scale}`} (it starts this database again: ${database.url})`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

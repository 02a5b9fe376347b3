import { sql } from "drizzle-orm";
import { bigint, check, pgTable, smallint } from "drizzle-orm/pg-core";

/** One row, bumped in every writing transaction: the key of the page cache (lib/cache). */
export const dataVersion = pgTable(
  "data_version",
  {
    id: smallint().primaryKey(),
    version: bigint({ mode: "number" }).notNull(),
  },
  (t) => [check("data_version_one_row", sql`${t.id} = 1`)],
);

// A database error's own text (SQL, constraint and relation names, driver details) is for the server
// log; users get what the SQLSTATE means for their file.

// SQLSTATE classes (00–5x, F0, HV, P0, XX); keeps Node's E… and zlib's Z_… codes out.
const SQLSTATE = /^(?:[0-5][0-9A-Z]|F0|HV|P0|XX)[0-9A-Z]{3}$/;
// postgres.js' own connection errors.
const CONNECTION_LOST = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);

const REASONS: [sqlState: string, reason: string][] = [
  ["22001", "a value is too long for the database; look for an unusually long cell"],
  ["22003", "a number is too large for the database; look for an unusually large amount or quantity"],
  ["22008", "a date or time is outside the range the database can store"],
  ["22021", "a cell holds characters the database cannot store; save the file as UTF-8"],
  ["22P05", "a cell holds characters the database cannot store; save the file as UTF-8"],
  ["22", "a value is one the database does not accept"],
  ["23502", "a required value is missing"],
  ["23503", "a row refers to something that was removed while the file loaded; try again"],
  ["23", "a row breaks one of the database's rules"],
  ["40", "another change was being saved at the same time; try again"],
  ["53", "the database server is out of disk space or memory; ask your administrator"],
  ["08", "the connection to the database was lost; try again"],
  ["57", "the database server stopped the load (shut down or cancelled); try again"],
];

function chain(error: unknown): unknown[] {
  const errors: unknown[] = [];
  for (let e = error; e && typeof e === "object" && errors.length < 4; e = (e as { cause?: unknown }).cause) errors.push(e);
  return errors;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** The SQLSTATE of an error PostgreSQL or PGlite raised, also under drizzle's "Failed query" wrapper (`cause`). */
export function sqlState(error: unknown): string | undefined {
  return chain(error)
    .map(codeOf)
    .find((code) => code !== undefined && SQLSTATE.test(code));
}

export function isDuplicateKey(error: unknown): boolean {
  return sqlState(error) === "23505";
}

function lostConnection(error: unknown): boolean {
  return CONNECTION_LOST.has(codeOf(error) ?? "");
}

/** Raised by the database or its driver (a SQLSTATE, a lost connection or a failed query), not by the app. */
export function isDatabaseError(error: unknown): boolean {
  return (
    sqlState(error) !== undefined ||
    chain(error).some((e) => lostConnection(e) || (e instanceof Error && e.message.startsWith("Failed query:")))
  );
}

/** What a database error means for the user's file, in their terms; null when its SQLSTATE says nothing they can act on. */
export function databaseReason(error: unknown): string | null {
  const code = sqlState(error) ?? (chain(error).some(lostConnection) ? "08000" : undefined);
  if (code === undefined) return null;
  return REASONS.find(([prefix]) => code.startsWith(prefix))?.[1] ?? null;
}

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { loginThrottle, users } from "@/lib/db/schema";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { authenticate, INVALID_CREDENTIALS } from "./credentials";
import { hashPassword } from "./password";
import { MAX_FAILURES, throttleKey } from "./throttle";

describeOnEachEngine("password sign-in", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const passwordHash = await hashPassword("right password 1");
    await handle.db.insert(users).values([
      { email: "ann@example.com", name: "Ann", role: "finance", passwordHash },
      { email: "gone@example.com", name: "Gone", role: "viewer", passwordHash, disabled: true },
      { email: "lock@example.com", name: "Lock", role: "viewer", passwordHash },
    ]);
  });
  afterAll(() => handle.close());

  it("signs in with the right password, whatever the email's case", async () => {
    const user = await authenticate(handle.db, " ANN@example.com", "right password 1");
    expect(user.email).toBe("ann@example.com");
    const [row] = await handle.db.select().from(users).where(eq(users.email, "ann@example.com"));
    expect(row?.lastLoginAt).not.toBeNull();
  });

  it("gives the same message for a wrong password, an unknown email and a disabled user", async () => {
    await expect(authenticate(handle.db, "ann@example.com", "wrong")).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(authenticate(handle.db, "nobody@example.com", "wrong")).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(authenticate(handle.db, "gone@example.com", "right password 1")).rejects.toThrow(INVALID_CREDENTIALS);
  });

  it("locks an email after repeated failures, even with the right password", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
      await expect(authenticate(handle.db, "lock@example.com", `wrong ${i}`)).rejects.toThrow(INVALID_CREDENTIALS);
    }
    await expect(authenticate(handle.db, "lock@example.com", "right password 1")).rejects.toThrow(/Too many failed attempts/);
    const [row] = await handle.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, throttleKey("lock@example.com")));
    expect(row?.failures).toBe(MAX_FAILURES);
  });

  it("locks unknown emails the same way, so a lock reveals nothing", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
      await expect(authenticate(handle.db, "ghost@example.com", "x")).rejects.toThrow(INVALID_CREDENTIALS);
    }
    await expect(authenticate(handle.db, "ghost@example.com", "x")).rejects.toThrow(/Too many failed attempts/);
  });
});

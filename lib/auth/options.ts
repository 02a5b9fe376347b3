import { eq } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { accounts, users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { authenticate, INVALID_CREDENTIALS, SignInError } from "./credentials";

const CredentialsInput = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

function oidcProvider(): NextAuthOptions["providers"] {
  const oidc = env().oidc;
  if (!oidc) return [];
  return [
    {
      id: "oidc",
      name: oidc.name,
      type: "oauth",
      wellKnown: `${oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (profile: { sub: string; email?: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email?.toLowerCase() ?? null,
        name: profile.name ?? profile.email ?? null,
      }),
    },
  ];
}

async function linkOidcUser(email: string | null | undefined, name: string | null | undefined, subject: string) {
  if (!email) return null;
  const db = await getDb();
  const normalized = email.toLowerCase();
  let [user] = await db.select().from(users).where(eq(users.email, normalized));
  const defaultRole = env().oidc?.defaultRole;
  if (!user && defaultRole) {
    [user] = await db
      .insert(users)
      .values({ email: normalized, name: name ?? normalized, role: defaultRole, updatedBy: "oidc" })
      .returning();
  }
  if (!user || user.disabled) return null;
  await db.insert(accounts).values({ userId: user.id, provider: "oidc", providerAccountId: subject }).onConflictDoNothing();
  return user;
}

// One line a minute at most, with the count since the last: a browser holding an old cookie sends it with every
// request, and a line per request buried the server's log.
const undecryptable = { last: 0, since: 0 };
function warnUndecryptable(): void {
  undecryptable.since += 1;
  const now = Date.now();
  if (now - undecryptable.last < 60_000) return;
  console.warn(`[auth] ${undecryptable.since} session cookie(s) that do not decrypt were ignored (signed-out visitors)`);
  undecryptable.last = now;
  undecryptable.since = 0;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().authSecret,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    // A cookie that does not decrypt (another secret, a forged or cut value) is a signed-out visitor, not a server
    // error: one line instead of next-auth's stack trace per request.
    logger: {
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR") warnUndecryptable();
        else console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = CredentialsInput.safeParse(raw);
          if (!parsed.success) throw new Error(INVALID_CREDENTIALS);
          try {
            const user = await authenticate(await getDb(), parsed.data.email, parsed.data.password);
            return { id: user.id, email: user.email };
          } catch (error) {
            if (error instanceof SignInError) throw new Error(error.message);
            console.error(error);
            throw new Error("Sign-in is unavailable right now.");
          }
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        const linked = await linkOidcUser(user.email, user.name, account.providerAccountId);
        if (!linked) return "/signin?error=AccessDenied";
        user.id = linked.id;
        return true;
      },
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub };
      },
    },
  };
}

import { asc, eq, isNull } from "drizzle-orm";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { channels, teams, users } from "@/lib/db/schema";
import { RULE_KINDS } from "@/lib/alerts/rules";
import { registerOptions } from "@/lib/queries/lists/options";

type Option = { value: string; label: string };

export type RuleFormOptions = {
  kinds: { value: string; label: string; description: string; scopes: string[]; fields: (typeof RULE_KINDS)[number]["fields"] }[];
  owners: Option[];
  channels: (Option & { kind: string })[];
  scopes: { provider: Option[]; family: Option[]; site: Option[]; team: Option[] };
};

/** What the rule form chooses from: the kinds and their fields, users as owners, channels, and each scope's values. */
export async function ruleFormOptions(ctx: Ctx): Promise<RuleFormOptions> {
  requirePermission(ctx, "app.read");
  const [registers, owners, channelRows, teamRows] = await Promise.all([
    registerOptions(ctx),
    ctx.db
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(eq(users.disabled, false))
      .orderBy(asc(users.email)),
    ctx.db
      .select({ id: channels.id, name: channels.name, kind: channels.kind })
      .from(channels)
      .where(isNull(channels.archivedAt))
      .orderBy(asc(channels.name)),
    ctx.db.select({ id: teams.id, name: teams.name }).from(teams).where(isNull(teams.archivedAt)).orderBy(asc(teams.name)),
  ]);
  return {
    kinds: RULE_KINDS.map((k) => ({ value: k.kind, label: k.label, description: k.description, scopes: [...k.scopes], fields: k.fields })),
    owners: owners.map((u) => ({ value: u.id, label: u.name ? `${u.name} (${u.email})` : u.email })),
    channels: channelRows.map((c) => ({ value: c.id, label: c.name, kind: c.kind })),
    scopes: {
      provider: registers.providers,
      family: registers.families,
      site: registers.sites.map(({ value, label }) => ({ value, label })),
      team: teamRows.map((t) => ({ value: t.id, label: t.name })),
    },
  };
}

import { Info } from "lucide-react";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/enums";

/** The roles that hold billing.map, e.g. "admin and finance". */
function mappingRoles(): string {
  const roles = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes("billing.map"));
  return roles.length > 1 ? `${roles.slice(0, -1).join(", ")} and ${roles.at(-1)}` : (roles[0] ?? "no role");
}

/** Shown instead of the mapping controls to a user whose role may not map charges: who can, and how. */
export function MapPermissionHint({ role }: { role: Role }) {
  return (
    <p
      className="mt-4 flex items-start gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
      data-testid="map-permission-hint"
    >
      <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>
        Mapping charges to a contract or an accelerator type needs the <code>billing.map</code> permission, which the {mappingRoles()} roles
        have. You are signed in as {role}: ask a finance lead or an admin to map these charges.
      </span>
    </p>
  );
}

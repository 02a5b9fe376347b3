// The team hierarchy's rules as pure functions: at most MAX_TEAM_DEPTH levels (a top-level team is level 1), no cycles.

export const MAX_TEAM_DEPTH = 4;

export type TeamNode = { id: string; name: string; parentId: string | null };

/** The chain from the top-level team down to `id` (inclusive); stops where a parent is unknown. */
export function teamPath(nodes: readonly TeamNode[], id: string): TeamNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path: TeamNode[] = [];
  const seen = new Set<string>();
  for (let at = byId.get(id); at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
    seen.add(at.id);
    path.unshift(at);
  }
  return path;
}

/** Levels of the subtree rooted at `id`: 1 for a team with no children. */
export function subtreeHeight(nodes: readonly TeamNode[], id: string): number {
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.parentId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const height = (at: string, seen: Set<string>): number => {
    if (seen.has(at)) return 0;
    seen.add(at);
    return 1 + Math.max(0, ...(children.get(at) ?? []).map((c) => height(c, seen)));
  };
  return height(id, new Set());
}

const chain = (path: readonly TeamNode[]) => path.map((n) => n.name).join(" › ");

/**
 * Why `team` (an existing team's id, or null for a new one) cannot sit under `parentId`, or null when it can:
 * the parent is the team itself or one of its own sub-teams (a cycle), or the team with its sub-teams would go past
 * level MAX_TEAM_DEPTH. `nodes` are the teams as they are now.
 */
export function placementIssue(
  nodes: readonly TeamNode[],
  team: { id: string | null; name: string },
  parentId: string | null,
): string | null {
  if (parentId === null) {
    return team.id && subtreeHeight(nodes, team.id) > MAX_TEAM_DEPTH
      ? `${team.name} has more than ${MAX_TEAM_DEPTH} levels of teams below it.`
      : null;
  }
  if (team.id !== null && parentId === team.id) return `${team.name} cannot be its own parent team.`;
  const path = teamPath(nodes, parentId);
  const parent = path.at(-1);
  if (!parent) return "This parent team does not exist.";
  if (team.id !== null && path.some((n) => n.id === team.id)) {
    const from = path.findIndex((n) => n.id === team.id);
    return `${team.name} cannot sit under ${parent.name}: ${parent.name} is one of its own sub-teams (${chain(path.slice(from))}), which would make a cycle.`;
  }
  const height = team.id === null ? 1 : subtreeHeight(nodes, team.id);
  const deepest = path.length + height;
  if (deepest > MAX_TEAM_DEPTH) {
    const below = height > 1 ? ` and the ${height - 1} level${height > 2 ? "s" : ""} of teams below it` : "";
    return `Teams nest at most ${MAX_TEAM_DEPTH} levels deep: ${parent.name} is at level ${path.length} (${chain(path)}), so ${team.name}${below} would reach level ${deepest}.`;
  }
  return null;
}

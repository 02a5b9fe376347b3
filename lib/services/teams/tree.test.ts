import { describe, expect, it } from "vitest";
import { placementIssue, subtreeHeight, teamPath, type TeamNode } from "./tree";

// Lab › Research › Pre-training › Data; Lab › Product; Platform alone.
const NODES: TeamNode[] = [
  { id: "lab", name: "Lab", parentId: null },
  { id: "research", name: "Research", parentId: "lab" },
  { id: "pre", name: "Pre-training", parentId: "research" },
  { id: "data", name: "Data", parentId: "pre" },
  { id: "product", name: "Product", parentId: "lab" },
  { id: "platform", name: "Platform", parentId: null },
];

describe("team hierarchy", () => {
  it("reads a team's path from the top and the height of its subtree", () => {
    expect(teamPath(NODES, "data").map((n) => n.name)).toEqual(["Lab", "Research", "Pre-training", "Data"]);
    expect(subtreeHeight(NODES, "lab")).toBe(4);
    expect(subtreeHeight(NODES, "product")).toBe(1);
  });

  it("lets a new team sit at level 4 and refuses level 5, naming the chain", () => {
    expect(placementIssue(NODES, { id: null, name: "Evals" }, "pre")).toBeNull();
    expect(placementIssue(NODES, { id: null, name: "Evals" }, "data")).toBe(
      "Teams nest at most 4 levels deep: Data is at level 4 (Lab › Research › Pre-training › Data), so Evals would reach level 5.",
    );
  });

  it("counts the levels below a team that moves", () => {
    expect(placementIssue(NODES, { id: "pre", name: "Pre-training" }, "product")).toBeNull();
    expect(placementIssue(NODES, { id: "research", name: "Research" }, "platform")).toBeNull();
    expect(placementIssue(NODES, { id: "research", name: "Research" }, "product")).toBe(
      "Teams nest at most 4 levels deep: Product is at level 2 (Lab › Product), so Research and the 2 levels of teams below it would reach level 5.",
    );
  });

  it("refuses a cycle: a team under itself or under one of its sub-teams", () => {
    expect(placementIssue(NODES, { id: "pre", name: "Pre-training" }, "pre")).toBe("Pre-training cannot be its own parent team.");
    expect(placementIssue(NODES, { id: "research", name: "Research" }, "data")).toBe(
      "Research cannot sit under Data: Data is one of its own sub-teams (Research › Pre-training › Data), which would make a cycle.",
    );
  });

  it("lets any team become top-level", () => {
    expect(placementIssue(NODES, { id: "data", name: "Data" }, null)).toBeNull();
  });
});

/** Layer rules (tests and lib/testing build their data with verbs and the importer, so only the cycle rule binds them).
 * Layer rules of README's Architecture section; `npm run lint` fails on any of them. */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Import cycles make layers meaningless and load order fragile.",
      from: {},
      to: { circular: true },
    },
    {
      name: "components-no-data-layer",
      severity: "error",
      comment: "Components get data from pages and actions; they never reach the database or the verbs.",
      from: { path: "^components/", pathNot: "(\\.test\\.tsx?$|^lib/testing/)" },
      to: { path: "^lib/(db|services|demo|ingest)/" },
    },
    {
      name: "metrics-are-pure",
      severity: "error",
      comment: "lib/metrics holds the definitions of PRODUCT.md §3 as pure functions: nothing of the app below them.",
      from: { path: "^lib/metrics/", pathNot: "(\\.test\\.tsx?$|^lib/testing/)" },
      to: { path: "^(app|components|lib|scripts|e2e)/", pathNot: "^lib/metrics/" },
    },
    {
      name: "lib-never-imports-app",
      severity: "error",
      comment: "Routes sit on top: queries, verbs and everything else in lib never import app/ or components/.",
      from: { path: "^lib/", pathNot: "(\\.test\\.tsx?$|^lib/testing/)" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "queries-no-verbs",
      severity: "error",
      comment: "Reads import auth and db, never the write verbs, the importers or the demo.",
      from: { path: "^lib/queries/", pathNot: "(\\.test\\.tsx?$|^lib/testing/)" },
      to: { path: "^lib/(services|ingest|demo)/" },
    },
    {
      name: "ingest-below-verbs",
      severity: "error",
      comment: "lib/ingest parses, stages and matches; the import verbs that check permissions and audit live in lib/services/imports.",
      from: { path: "^lib/ingest/", pathNot: "(\\.test\\.tsx?$|^lib/testing/)" },
      to: { path: "^lib/(services|queries|demo)/" },
    },
    {
      name: "planning-below-queries",
      severity: "error",
      comment: "The planning model is read by the page loaders; it never reads them back.",
      from: { path: "^lib/planning/", pathNot: "(\\.test\\.tsx?$|^lib/testing/)" },
      to: { path: "^lib/(queries|services|ingest|demo)/" },
    },
    {
      name: "db-knows-no-verbs",
      severity: "error",
      comment: "lib/db is the bottom layer: client, migrations, schema, SQL helpers.",
      from: { path: "^lib/db/", pathNot: "(\\.test\\.tsx?$|^lib/testing/)" },
      to: { path: "^lib/(services|ingest|demo|queries|planning|auth)/" },
    },
    {
      name: "only-demo-and-scripts-import-demo",
      severity: "error",
      comment: "The demo portfolio sits above the verbs and the importer; nothing in the app depends on it.",
      from: { path: "^(lib|components|app)/", pathNot: ["^lib/demo/", "(\\.test\\.tsx?$|^lib/testing/)"] },
      to: { path: "^lib/demo/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|\\.data[^/]*)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};

import { describeWalk } from "./page-walk";

// The embedded project's share of the page walk (e2e/page-walk.ts): the first chunk of fixed pages (the other
// journeys on this server take about as long as the rest of the walk on the Postgres one).
describeWalk({ chunks: (i) => i === 0, records: false });

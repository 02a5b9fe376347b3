import { describeWalk } from "./page-walk";

// The Postgres project's share of the page walk (e2e/page-walk.ts): the other chunks of fixed pages and the records.
describeWalk({ chunks: (i) => i !== 0, records: true });

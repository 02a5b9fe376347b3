import { describeWalk } from "./page-walk";

// The embedded project's share of the page walk (e2e/page-walk.ts): the first and the fourth chunk of fixed pages.
describeWalk({ chunks: (i) => i === 0 || i === 3, records: false });

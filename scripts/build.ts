import { buildIfNeeded } from "./lib/build";

buildIfNeeded().catch((error: Error) => {
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
});

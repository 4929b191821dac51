import { it } from "vitest";
import { generateHistory } from "../../src/app/seed/history";
import { createTestApp, TEST_NOW } from "../helpers/testApp";

it("explore", async () => {
  const t = await createTestApp();
  const r = await generateHistory(t.ctx, { months: 1, seed: 1, casesPerDay: [5, 8], until: TEST_NOW });
  console.log(JSON.stringify(r, null, 1));
  await t.close();
}, 600_000);

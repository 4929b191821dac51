import { describe, expect, it } from "vitest";
import { totpCode } from "../../src/app/auth/totp";
import { FixedClock } from "../../src/shared/clock";
import { TEST_NOW } from "../helpers/testApp";
import { confirmPopover, e2eSuite, shot } from "./suite";

/** The server's clock is the test's: the codes typed are those of its time. */
const clock = new FixedClock(TEST_NOW);
const s = e2eSuite({ clock });
const SLOW = 240_000;

describe("two-step login and the audit log in the browser", () => {
  it(
    "the approver turns on two-step login, signs in with a code and a recovery code; the admin resets it; the supervisor reads it in the audit log",
    async () => {
      const approver = await s.signIn("approver", { width: 1280 });
      await approver.goto(s.at("/account"));
      await approver.getByTestId("totp-start").click();
      await approver.getByTestId("totp-qr").waitFor();
      const secret = ((await approver.getByTestId("totp-secret").textContent()) ?? "").trim();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await approver.getByTestId("totp-code").fill(totpCode(secret, clock.now()));
      await approver.getByTestId("totp-confirm").click();
      await approver.getByTestId("totp-recovery-codes").waitFor();
      const codes = ((await approver.getByTestId("totp-recovery-codes").textContent()) ?? "").split("\n");
      expect(codes).toHaveLength(10);
      await shot(approver, "account-totp");

      // A new browser: the password alone is not enough; the code of the next step is.
      const again = await s.page({ label: "approver-2" });
      await s.submitLogin(again, "approver");
      await again.getByTestId("login-totp").waitFor();
      expect(await again.getByTestId("login-error").textContent()).toContain("两步验证");
      await again.getByTestId("login-totp").fill(totpCode(secret, new Date(clock.now().getTime() + 30_000)));
      await again.getByTestId("login-submit").click();
      await again.getByTestId("app-shell").waitFor();

      const third = await s.page({ label: "approver-3" });
      await s.submitLogin(third, "approver");
      await third.getByTestId("login-totp").waitFor();
      await third.getByText("使用恢复码").click();
      await third.getByTestId("login-recovery").fill(codes[0]);
      await third.getByTestId("login-submit").click();
      await third.getByTestId("app-shell").waitFor();

      const admin = await s.signIn("admin", { width: 1440 });
      await admin.goto(s.at("/admin/users"));
      await admin.getByTestId("user-approver").getByTestId("user-reset-totp").click();
      await confirmPopover(admin);
      await admin.getByText("已重置").waitFor();

      const supervisor = await s.signIn("supervisor", { width: 1440 });
      await supervisor.getByTestId("nav-audit").click();
      await supervisor.getByTestId("page-audit").waitFor();
      await supervisor.getByTestId("audit-table").getByText("重置两步验证").waitFor();
      expect(await supervisor.getByTestId("audit-table").textContent()).toContain("approver");
      await shot(supervisor, "audit-log");
    },
    SLOW,
  );
});

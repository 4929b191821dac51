import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { Navigate, Outlet, useLocation } from "react-router-dom";
import { Forbidden } from "../components/StatusPages";
import { useT } from "../i18n/useT";
import { ShellSkeleton } from "../layout/ShellSkeleton";
import { userSignedOut } from "./mutations";
import { type Role, roleSet } from "./types";
import { useMe } from "./useMe";

/** Renders its children (or the nested route) only for a signed-in user; others go to the login page. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const { me, isLoading, error, refetch } = useMe();
  const location = useLocation();
  const t = useT();
  if (isLoading) return <ShellSkeleton />;
  if (error && me === undefined) {
    return (
      <Result
        status="warning"
        title={t("error.loadMe")}
        extra={<Button onClick={() => refetch()}>{t("common.retry")}</Button>}
      />
    );
  }
  if (!me) {
    // After a session expiry the user comes back here once signed in again; after 退出登录, not.
    const state = userSignedOut() ? null : { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  // After an administrator's password reset the server refuses everything but changing it.
  if (me.mustChangePassword && location.pathname !== "/account") return <Navigate to="/account" replace />;
  return children ?? <Outlet />;
}

/** Renders the nested route only for a user holding one of `roles`; others see a 403 page. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children?: ReactNode }) {
  const { me } = useMe();
  const mine = roleSet(me);
  if (!roles.some((r) => mine.has(r))) return <Forbidden roles={roles} />;
  return children ?? <Outlet />;
}

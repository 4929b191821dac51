import { Button, Result } from "antd";
import { useRouteError } from "react-router-dom";
import type { Role } from "../auth/types";
import { useT } from "../i18n/useT";
import { LinkButton } from "./LinkButton";

/** 404: no page at this address. */
export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t("notFound.title")}
      subTitle={t("notFound.subtitle")}
      data-testid="page-not-found"
      extra={
        <LinkButton to="/" type="primary">
          {t("common.backHome")}
        </LinkButton>
      }
    />
  );
}

/** 403: signed in, but none of the roles this page needs. */
export function Forbidden({ roles }: { roles: readonly Role[] }) {
  const t = useT();
  const names = roles.map((r) => t(`role.${r}` as const)).join(" / ");
  return (
    <Result
      status="403"
      title={t("forbidden.title")}
      subTitle={t("forbidden.subtitle", { roles: names })}
      data-testid="page-forbidden"
      extra={
        <LinkButton to="/" type="primary">
          {t("common.backHome")}
        </LinkButton>
      }
    />
  );
}

/** Shown when a page fails to render or its code fails to load (e.g. after an upgrade). */
export function RouteError() {
  const t = useT();
  const err = useRouteError();
  return (
    <Result
      status="500"
      title={t("error.generic")}
      subTitle={err instanceof Error ? err.message : undefined}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t("common.retry")}
        </Button>
      }
    />
  );
}

import { Button, type ButtonProps } from "antd";
import type { MouseEvent } from "react";
import { type To, useHref, useLinkClickHandler } from "react-router-dom";

export type LinkButtonProps = Omit<ButtonProps, "href"> & { to: To; replace?: boolean };

/**
 * A button that navigates: one `<a href>` styled as an antd button, handled by the router on a plain
 * click (a new tab, ctrl- or middle-click work as for any link). Replaces `<Link><Button/></Link>`,
 * which nests a button inside a link — two focus stops and an invalid interactive nesting.
 */
export function LinkButton({ to, replace, onClick, ...props }: LinkButtonProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to, { replace });
  return (
    <Button
      {...props}
      href={href}
      onClick={(e) => {
        onClick?.(e);
        if (!e.defaultPrevented) navigate(e as MouseEvent<HTMLAnchorElement>);
      }}
    />
  );
}

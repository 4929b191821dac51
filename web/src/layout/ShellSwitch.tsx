import { useMe } from "../auth/useMe";
import { AppShell } from "./AppShell";
import { PublicLayout } from "./PublicLayout";
import { ShellSkeleton } from "./ShellSkeleton";

/** Public pages live in the full shell for signed-in users and in the public frame for visitors. */
export function ShellSwitch() {
  const { me, isLoading } = useMe();
  if (isLoading) return <ShellSkeleton />;
  return me ? <AppShell me={me} /> : <PublicLayout />;
}

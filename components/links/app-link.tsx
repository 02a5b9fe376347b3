import Link from "next/link";
import { cache, type ComponentProps, type ReactNode } from "react";

// Links into the app from components that also render in a shared report (/r/<token>). A shared view has no
// session and must not lead into the app, so the page marks its render as shared and these links turn into
// plain text (names) or disappear (navigation, exports, view switches). `cache` gives one flag per server
// request: concurrent renders of app pages and shared views never see each other's flag.

const renderScope = cache(() => ({ shared: false }));

/** Called first by the shared view's page: every AppLink / InAppOnly below it renders for a reader without a session. */
export function markSharedRender(): void {
  renderScope().shared = true;
}

export function isSharedRender(): boolean {
  return renderScope().shared;
}

/** A link into the app; in a shared view, its text alone. */
export function AppLink({ children, className, ...props }: ComponentProps<typeof Link>) {
  if (isSharedRender()) return <span>{children}</span>;
  return (
    <Link className={className} {...props}>
      {children}
    </Link>
  );
}

/** Navigation, exports and view switches that only make sense signed in: left out of a shared view. */
export function InAppOnly({ children }: { children: ReactNode }) {
  return isSharedRender() ? null : <>{children}</>;
}

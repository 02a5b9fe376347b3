"use client";

import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

// Below the lg breakpoint the navigation opens as a modal dialog: a native <dialog> shown with showModal() makes
// the rest of the page inert and closes on Escape; Tab wraps around inside it. Focus returns to the menu button on close;
// following a link closes the menu (also when the link is the current page, where the path does not change).

export function MobileMenu({ children }: { children: ReactNode }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  const close = () => dialogRef.current?.close();

  // Tab from the last control goes back to the first and Shift+Tab from the first to the last: the modal
  // dialog alone would let focus leave for the browser's own controls.
  const trapTab = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== "Tab") return;
    const focusable = [...e.currentTarget.querySelectorAll<HTMLElement>("a[href], button, select, input")].filter(
      (el) => !el.hasAttribute("disabled"),
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    } else if (e.shiftKey && (document.activeElement === first || document.activeElement === e.currentTarget)) {
      e.preventDefault();
      last.focus();
    }
  };

  useEffect(() => {
    close();
  }, [pathname]);

  return (
    <>
      <Button
        ref={buttonRef}
        variant="outline"
        size="sm"
        aria-haspopup="dialog"
        aria-controls="mobile-menu"
        onClick={() => dialogRef.current?.showModal()}
      >
        <Menu aria-hidden className="size-4" />
        Menu
      </Button>
      {/* The click and key handlers are conveniences: the keyboard also closes the menu with Escape or the Close button, and
          Enter on a link fires the same click. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <dialog
        ref={dialogRef}
        id="mobile-menu"
        aria-label="Menu"
        onClose={() => buttonRef.current?.focus()}
        onKeyDown={trapTab}
        onClick={(e) => {
          // A link followed, or a click on the backdrop (the dialog element itself, outside its panel).
          if (e.target === e.currentTarget || (e.target as Element).closest("a")) close();
        }}
        className="m-0 h-dvh max-h-none w-80 max-w-[85vw] border-r border-slate-200 bg-white p-0 text-slate-900 backdrop:bg-slate-950/60 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="flex min-h-full flex-col gap-4 p-4">
          <div className="flex items-center justify-between">
            <p className="text-lg font-semibold tracking-tight">Headroom</p>
            <Button variant="ghost" size="icon" aria-label="Close menu" onClick={close}>
              <X aria-hidden className="size-5" />
            </Button>
          </div>
          {children}
        </div>
      </dialog>
    </>
  );
}

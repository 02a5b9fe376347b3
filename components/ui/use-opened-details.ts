"use client";

import { useEffect, useRef, useState, type SyntheticEvent } from "react";

/**
 * For a <details> whose contents are built only once it is opened (and kept after): its ref, whether it has been
 * opened, and the onToggle to pass it. A details opened before hydration (its toggle event missed) is caught up.
 */
export function useOpenedDetails() {
  const ref = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  const onToggle = (e: SyntheticEvent<HTMLDetailsElement>) => {
    if (e.currentTarget.open) setOpened(true);
  };
  return { ref, opened, onToggle };
}

"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button variant="ghost" size="sm" className="px-2" onClick={() => void signOut({ callbackUrl: "/signin" })}>
      <LogOut aria-hidden className="h-4 w-4" />
      Sign out
    </Button>
  );
}

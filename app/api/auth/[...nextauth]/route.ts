import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

function handler(req: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(req, context);
}

export { handler as GET, handler as POST };

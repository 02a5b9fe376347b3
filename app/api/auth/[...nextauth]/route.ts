import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth v4 types its App Router handler as any.
function handler(req: Request, context: RouteContext): Promise<Response> {
  const nextAuth = NextAuth(authOptions()) as (req: Request, context: RouteContext) => Promise<Response>;
  return nextAuth(req, context);
}

export { handler as GET, handler as POST };

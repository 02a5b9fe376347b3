export function SecretKeyNotice() {
  return (
    <p
      role="alert"
      className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      HEADROOM_SECRET_KEY is not set: connectors cannot be created or run. Set it to 32 random bytes (<code>openssl rand -base64 32</code>)
      in the server&apos;s environment and restart it.
    </p>
  );
}

/** The SMTP port the app server on `port` mails to (SMTP_URL in playwright.config.ts): fixed per project, so e2e/notify.spec.ts can listen on it. */
export const smtpPortOf = (port: number) => port + 50;

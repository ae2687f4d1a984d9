/** The addresses that messages link to: always absolute, from the public address in APP_URL. */
export const MAIL_PATHS = {
  verifyEmail: (token: string) => `/verify-email/${token}`,
  resetPassword: (token: string) => `/reset-password/${token}`,
  changeEmail: (token: string) => `/change-email/${token}`,
  invitation: (token: string) => `/invitations/${token}`,
  forgotPassword: () => "/forgot-password",
  signIn: () => "/sign-in",
  settings: () => "/settings",
  today: () => "/today",
  digestDone: (token: string) => `/digest/done/${token}`,
  digestUnsubscribe: (token: string) => `/digest/unsubscribe/${token}`,
  /** RFC 8058's one-click target: a POST turns the digest off; a GET is sent on to the page above. */
  digestUnsubscribeOneClick: (token: string) => `/api/digest/unsubscribe/${token}`,
} as const;

/** `path` on the app's public address, whatever trailing slash APP_URL has. */
export function absoluteUrl(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}${path}`;
}

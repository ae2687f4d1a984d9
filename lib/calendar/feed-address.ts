/** A feed's address is /calendar/<secret>.ics: the secret is 43 URL-safe characters (32 random bytes). */
const FEED_FILE_PATTERN = /^([A-Za-z0-9_-]{43})\.ics$/;

/** The path of the feed whose secret is `token`. */
export function feedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

/** The secret in the last segment of a feed's path, or null when it cannot be one (no look-up needed). */
export function tokenOfFeedFile(file: string): string | null {
  return FEED_FILE_PATTERN.exec(file)?.[1] ?? null;
}

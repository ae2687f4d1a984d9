/** Every kind of message Cadence sends; each has its payload schema and renderer in lib/mail/messages.tsx. */
export const MAIL_KINDS = ["verify_email", "reset_password", "change_email", "sign_up_attempt", "coach_invitation", "digest"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

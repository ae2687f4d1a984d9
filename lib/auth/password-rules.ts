// Shared with the browser (form hints), so nothing server-only here.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

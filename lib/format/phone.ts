/**
 * The link that dials a phone number as written: digits and a leading plus only
 * ("+1 (202) 555-0100" → "tel:+12025550100"), an extension written the RFC 3966 way
 * ("… ext. 12" → ";ext=12") rather than run into the number.
 */
export function telHref(phone: string): string {
  const [, number = "", extension] = /^(.*?)(?:\s*(?:x|ext\.?)\s*(\d+))?$/i.exec(phone.trim()) ?? [];
  const digits = number.replace(/(?!^\+)[^\d]/g, "");
  return `tel:${digits}${extension ? `;ext=${extension}` : ""}`;
}

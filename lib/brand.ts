/** The brand colour (Tailwind's brand-700 in app/globals.css): the icons' background and the phone's title bar. */
export const THEME_COLOR = "#185a4a";

/** Tailwind's stone-50, the pages' background: an installed app's splash screen matches the first paint. */
export const BACKGROUND_COLOR = "#fafaf9";

/**
 * A CSV download. The byte-order mark makes Excel read the file as UTF-8 (accents intact);
 * import drops it again. Never cached: it holds the seeker's data.
 */
export function csvDownload(csv: string, fileName: string): Response {
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

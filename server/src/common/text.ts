/** Escapes LIKE/ILIKE wildcards so that user text is matched literally. */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
